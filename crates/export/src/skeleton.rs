//! The language-independent shape of a programme: what the six language
//! versions of one document must share.

use serde::{Deserialize, Serialize};
use unprog_parse::Programme;

/// Dates, slot times, agenda item numbers and sub-item letters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skeleton {
    /// One entry per day.
    pub days: Vec<DaySkeleton>,
}

/// A day's date and slots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaySkeleton {
    /// ISO date.
    pub date: Option<String>,
    /// `start-end (agenda numbers and sub-item letters)` per slot.
    pub slots: Vec<String>,
}

impl Skeleton {
    /// The skeleton of a programme.
    pub fn of(p: &Programme) -> Skeleton {
        Skeleton {
            days: p
                .days
                .iter()
                .map(|d| DaySkeleton {
                    date: d.date.clone(),
                    slots: d
                        .slots
                        .iter()
                        .map(|s| {
                            let items: Vec<String> = s
                                .agenda_items
                                .iter()
                                .map(|a| {
                                    let subs: String =
                                        a.sub_items.iter().map(|x| x.letter.as_str()).collect();
                                    format!(
                                        "{}{}",
                                        a.number,
                                        if subs.is_empty() {
                                            String::new()
                                        } else {
                                            format!("({subs})")
                                        }
                                    )
                                })
                                .collect();
                            format!(
                                "{}-{} [{}]",
                                s.start.as_deref().unwrap_or("?"),
                                s.end.as_deref().unwrap_or("?"),
                                items.join(" ")
                            )
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// How `other` differs from `self`, in words (empty when equal).
    pub fn differences(&self, other: &Skeleton) -> Vec<String> {
        let mut out = Vec::new();
        if self.days.len() != other.days.len() {
            out.push(format!(
                "{} days against {}",
                other.days.len(),
                self.days.len()
            ));
        }
        for (a, b) in self.days.iter().zip(&other.days) {
            if a.date != b.date {
                out.push(format!("date {:?} against {:?}", b.date, a.date));
            } else if a.slots != b.slots {
                out.push(format!(
                    "{}: slots {:?} against {:?}",
                    a.date.as_deref().unwrap_or("?"),
                    b.slots,
                    a.slots
                ));
            }
        }
        out
    }
}
