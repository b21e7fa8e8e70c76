//! Meeting time per agenda item and sub-item.
//!
//! A slot's minutes are shared equally among the agenda items it takes up,
//! and an item's share equally among the sub-items it lists; an item taken up
//! without sub-items keeps its share. A slot with no agenda item at all (an
//! informal stakeholder session, a closed meeting) counts as *other*. Shares
//! therefore add up to the programme's total time, which is what "how many
//! hours did each topic get" needs; the number of slots an item appears in is
//! kept beside it for readers who prefer whole meetings.

use serde::Serialize;
use std::cmp::Ordering;
use unprog_parse::{Programme, Slot};

/// What a share of meeting time is spent on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Subject {
    /// The agenda item number; `None` for slots without agenda items.
    pub item: Option<String>,
    /// The sub-item letter, when the slot names one.
    pub sub_item: Option<String>,
}

impl Subject {
    /// "5(d)", "6", or "other".
    pub fn label(&self) -> String {
        match (&self.item, &self.sub_item) {
            (Some(i), Some(s)) => format!("{i}({s})"),
            (Some(i), None) => i.clone(),
            (None, _) => "other".to_string(),
        }
    }

    /// Agenda items in numeric order ("2" before "10"), each followed by its
    /// sub-items in letter order; *other* last.
    pub fn order(&self, other: &Subject) -> Ordering {
        fn item_key(item: &Option<String>) -> (u8, u64, String) {
            match item {
                None => (1, 0, String::new()),
                Some(s) => {
                    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
                    (0, digits.parse().unwrap_or(u64::MAX), s.clone())
                }
            }
        }
        item_key(&self.item)
            .cmp(&item_key(&other.item))
            .then_with(|| self.sub_item.is_some().cmp(&other.sub_item.is_some()))
            .then_with(|| self.sub_item.cmp(&other.sub_item))
    }
}

/// A part of one slot's time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    /// What the time is spent on.
    pub subject: Subject,
    /// Minutes (fractional when a slot is shared three ways).
    pub minutes: f64,
}

/// Minutes from midnight of a 24-hour `HH:MM` time.
pub fn clock_minutes(time: &str) -> Option<u32> {
    let (h, m) = time.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h <= 24 && m < 60).then_some(h * 60 + m)
}

/// The slot's start and end in minutes from midnight; `None` when a time is
/// missing or the end is not after the start.
pub fn slot_span(slot: &Slot) -> Option<(u32, u32)> {
    let start = clock_minutes(slot.start.as_deref()?)?;
    let end = clock_minutes(slot.end.as_deref()?)?;
    (end > start).then_some((start, end))
}

/// The slot's length in minutes (see [`slot_span`]).
pub fn slot_minutes(slot: &Slot) -> Option<u32> {
    slot_span(slot).map(|(start, end)| end - start)
}

/// How a slot's time divides among its subjects (see the module notes).
/// Empty when the slot has no readable length.
pub fn shares(slot: &Slot) -> Vec<Share> {
    let Some(total) = slot_minutes(slot) else {
        return Vec::new();
    };
    let total = f64::from(total);
    if slot.agenda_items.is_empty() {
        return vec![Share {
            subject: Subject {
                item: None,
                sub_item: None,
            },
            minutes: total,
        }];
    }
    let per_item = total / slot.agenda_items.len() as f64;
    let mut out = Vec::new();
    for item in &slot.agenda_items {
        if item.sub_items.is_empty() {
            out.push(Share {
                subject: Subject {
                    item: Some(item.number.clone()),
                    sub_item: None,
                },
                minutes: per_item,
            });
        } else {
            let per_sub = per_item / item.sub_items.len() as f64;
            for sub in &item.sub_items {
                out.push(Share {
                    subject: Subject {
                        item: Some(item.number.clone()),
                        sub_item: Some(sub.letter.clone()),
                    },
                    minutes: per_sub,
                });
            }
        }
    }
    out
}

/// Hours per subject in each programme (0 where absent), subjects in
/// [`Subject::order`].
pub fn by_subject(programmes: &[&Programme]) -> Vec<(Subject, Vec<f64>)> {
    let mut rows: Vec<(Subject, Vec<f64>)> = Vec::new();
    for (i, p) in programmes.iter().enumerate() {
        for share in p.days.iter().flat_map(|d| &d.slots).flat_map(shares) {
            let index = match rows.iter().position(|(s, _)| *s == share.subject) {
                Some(index) => index,
                None => {
                    rows.push((share.subject.clone(), vec![0.0; programmes.len()]));
                    rows.len() - 1
                }
            };
            rows[index].1[i] += share.minutes / 60.0;
        }
    }
    rows.sort_by(|a, b| a.0.order(&b.0));
    rows
}

/// What *other* is called in tables and legends.
pub const OTHER_TITLE: &str = "Other meetings (no agenda item)";

/// The title of the agenda item or sub-item a subject names, as printed in
/// the first of the programmes that prints one ([`OTHER_TITLE`] for other;
/// empty when none does).
pub fn title<'a>(subject: &Subject, programmes: impl IntoIterator<Item = &'a Programme>) -> String {
    let Some(number) = &subject.item else {
        return OTHER_TITLE.to_string();
    };
    let items = programmes
        .into_iter()
        .flat_map(|p| &p.days)
        .flat_map(|d| &d.slots)
        .flat_map(|s| &s.agenda_items)
        .filter(|a| &a.number == number);
    let found = match &subject.sub_item {
        None => items.map(|a| a.title.as_str()).find(|t| !t.is_empty()),
        Some(letter) => items
            .flat_map(|a| &a.sub_items)
            .filter(|s| &s.letter == letter)
            .map(|s| s.title.as_str())
            .find(|t| !t.is_empty()),
    };
    found.unwrap_or_default().to_string()
}

/// The programme's total scheduled minutes (slots with a readable length).
pub fn total_minutes(p: &Programme) -> u32 {
    p.days
        .iter()
        .flat_map(|d| &d.slots)
        .filter_map(slot_minutes)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unprog_parse::{AgendaItem, SubItem};

    fn item(number: &str, letters: &[&str]) -> AgendaItem {
        AgendaItem {
            number: number.into(),
            title: String::new(),
            continued: false,
            footnotes: vec![],
            sub_items: letters
                .iter()
                .map(|l| SubItem {
                    letter: (*l).into(),
                    label: format!("({l})"),
                    title: String::new(),
                    continued: false,
                    topics: vec![],
                })
                .collect(),
            topics: vec![],
            position: 0,
        }
    }

    fn slot(start: &str, end: &str, items: Vec<AgendaItem>) -> Slot {
        Slot {
            start: Some(start.into()),
            end: Some(end.into()),
            label: String::new(),
            room: None,
            agenda_items: items,
            events: vec![],
        }
    }

    #[test]
    fn a_slot_is_shared_among_items_then_sub_items() {
        let s = slot(
            "10:00",
            "13:00",
            vec![item("3", &[]), item("5", &["a", "d"])],
        );
        let got: Vec<(String, f64)> = shares(&s)
            .into_iter()
            .map(|s| (s.subject.label(), s.minutes))
            .collect();
        assert_eq!(
            got,
            vec![
                ("3".to_string(), 90.0),
                ("5(a)".to_string(), 45.0),
                ("5(d)".to_string(), 45.0)
            ]
        );
    }

    #[test]
    fn a_slot_without_items_is_other_and_a_slot_without_times_is_nothing() {
        let s = slot("15:00", "18:00", vec![]);
        assert_eq!(shares(&s)[0].subject.label(), "other");
        assert_eq!(shares(&s)[0].minutes, 180.0);
        let mut untimed = slot("15:00", "18:00", vec![item("1", &[])]);
        untimed.end = None;
        assert!(shares(&untimed).is_empty());
        assert_eq!(slot_minutes(&slot("18:00", "15:00", vec![])), None);
    }

    #[test]
    fn subjects_sort_by_number_then_letter_with_other_last() {
        let s = |i: Option<&str>, l: Option<&str>| Subject {
            item: i.map(str::to_string),
            sub_item: l.map(str::to_string),
        };
        let mut v = [
            s(None, None),
            s(Some("10"), None),
            s(Some("5"), Some("b")),
            s(Some("5"), None),
            s(Some("5"), Some("a")),
            s(Some("2"), None),
        ];
        v.sort_by(|a, b| a.order(b));
        let labels: Vec<String> = v.iter().map(Subject::label).collect();
        assert_eq!(labels, ["2", "5", "5(a)", "5(b)", "10", "other"]);
    }
}
