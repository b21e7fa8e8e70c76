//! A [`Comparison`] for people (terminal table, Markdown) and for tools
//! (CSV; JSON is the serialised [`Comparison`] itself).

use super::{Change, ChangeKind, Comparison, Place, TopicKind, TopicStatus};
use crate::csv::field;
use unicode_width::UnicodeWidthStr;

/// Output formats of `unprog compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for a terminal.
    Table,
    /// Markdown tables.
    Markdown,
    /// One tidy CSV table, a `section` column telling rows apart.
    Csv,
    /// The [`Comparison`] as pretty JSON.
    Json,
}

/// Renders a comparison in a format; the text ends with a newline.
pub fn render(c: &Comparison, format: Format) -> String {
    match format {
        Format::Table => sections(c)
            .iter()
            .map(|s| s.text())
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Markdown => sections(c)
            .iter()
            .map(|s| s.markdown())
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Csv => csv(c),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(c).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

/// Hours with at most two decimals and no trailing zeros: `1.5`, `12`, `0.67`.
pub fn hours(h: f64) -> String {
    let s = format!("{:.2}", h);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A change in hours with its sign: `+1.5`, `-3`, `0`.
pub fn signed_hours(h: f64) -> String {
    let s = hours(h);
    if s == "0" || s.starts_with('-') {
        s
    } else {
        format!("+{s}")
    }
}

/// A titled table of cells.
struct Section {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Columns aligned right (numbers).
    right: Vec<bool>,
    /// Shown when there are no rows.
    empty: &'static str,
}

const TEXT_COLUMN_WIDTH: usize = 56;

fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + c.to_string().width() + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

impl Section {
    fn text(&self) -> String {
        let mut out = format!("{}\n", self.title);
        if self.rows.is_empty() {
            out.push_str(&format!("  {}\n", self.empty));
            return out;
        }
        let cells: Vec<Vec<String>> = std::iter::once(&self.headers)
            .chain(&self.rows)
            .map(|r| r.iter().map(|c| truncate(c, TEXT_COLUMN_WIDTH)).collect())
            .collect();
        let widths: Vec<usize> = (0..self.headers.len())
            .map(|i| cells.iter().map(|r| r[i].width()).max().unwrap_or(0))
            .collect();
        for row in &cells {
            let mut line = String::from(" ");
            for (i, cell) in row.iter().enumerate() {
                let pad = " ".repeat(widths[i] - cell.width());
                line.push(' ');
                if self.right[i] {
                    line.push_str(&pad);
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    line.push_str(&pad);
                }
                line.push(' ');
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    fn markdown(&self) -> String {
        let mut out = format!("## {}\n\n", self.title);
        if self.rows.is_empty() {
            out.push_str(&format!("{}\n", self.empty));
            return out;
        }
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        let line = |r: &[String]| {
            format!(
                "| {} |\n",
                r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
            )
        };
        out.push_str(&line(&self.headers));
        let rule: Vec<String> = self
            .right
            .iter()
            .map(|r| if *r { "---:" } else { "---" }.to_string())
            .collect();
        out.push_str(&line(&rule));
        for r in &self.rows {
            out.push_str(&line(r));
        }
        out
    }
}

fn place_cell(p: &Option<Place>) -> String {
    match p {
        None => "—".to_string(),
        Some(p) => format!(
            "day {} {}–{} {}",
            p.day,
            p.start.as_deref().unwrap_or("?"),
            p.end.as_deref().unwrap_or("?"),
            p.subject.label()
        ),
    }
}

fn status_word(s: TopicStatus) -> &'static str {
    match s {
        TopicStatus::New => "new",
        TopicStatus::Dropped => "dropped",
        TopicStatus::CarriedOver => "carried over",
        TopicStatus::Absent => "",
    }
}

fn change_word(k: ChangeKind) -> &'static str {
    match k {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
    }
}

fn pair_label(c: &Comparison, later: usize) -> String {
    format!(
        "{}→{}",
        c.sessions[later - 1].label,
        c.sessions[later].label
    )
}

fn sections(c: &Comparison) -> Vec<Section> {
    let labels: Vec<String> = c.sessions.iter().map(|s| s.label.clone()).collect();
    let mut out = Vec::new();

    out.push(Section {
        title: "Sessions".into(),
        headers: [
            "session",
            "symbol",
            "language",
            "name",
            "first day",
            "days",
            "slots",
            "hours",
        ]
        .map(String::from)
        .to_vec(),
        rows: c
            .sessions
            .iter()
            .map(|s| {
                vec![
                    s.label.clone(),
                    s.symbol.clone().unwrap_or_default(),
                    s.language.code().to_string(),
                    s.name.clone().unwrap_or_default(),
                    s.start_date.clone().unwrap_or_default(),
                    s.days.to_string(),
                    s.slots.to_string(),
                    hours(s.hours),
                ]
            })
            .collect(),
        right: vec![false, false, false, false, false, true, true, true],
        empty: "no sessions",
    });

    let mut headers = vec!["item".to_string(), "title".to_string()];
    headers.extend(labels.iter().map(|l| format!("{l} h")));
    headers.push("change".into());
    let mut right = vec![false, false];
    right.extend(labels.iter().map(|_| true));
    right.push(true);
    out.push(Section {
        title: "Hours per agenda item and sub-item".into(),
        headers,
        rows: c
            .hours
            .iter()
            .map(|r| {
                let mut row = vec![
                    if r.sub_item.is_some() {
                        format!("  {}", r.label())
                    } else {
                        r.label()
                    },
                    r.title.clone(),
                ];
                row.extend(r.hours.iter().map(|h| hours(*h)));
                row.push(signed_hours(r.change));
                row
            })
            .collect(),
        right,
        empty: "no timed slots",
    });

    let change_row = |ch: &Change, what: &str| {
        vec![
            pair_label(c, ch.session),
            what.to_string(),
            change_word(ch.kind).to_string(),
            ch.day.to_string(),
            ch.date.clone().unwrap_or_default(),
            match (&ch.start, &ch.end) {
                (None, None) => String::new(),
                (s, e) => format!(
                    "{}–{}",
                    s.as_deref().unwrap_or("?"),
                    e.as_deref().unwrap_or("?")
                ),
            },
        ]
    };
    out.push(Section {
        title: "Days and slots added or removed".into(),
        headers: ["sessions", "what", "change", "day", "date", "time"]
            .map(String::from)
            .to_vec(),
        rows: c
            .days
            .iter()
            .map(|d| change_row(d, "day"))
            .chain(c.slots.iter().map(|s| change_row(s, "slot")))
            .collect(),
        right: vec![false, false, false, true, false, false],
        empty: "none: the same days and slots",
    });

    let mut headers = vec!["kind".to_string(), "text".to_string()];
    headers.extend(labels.iter().cloned());
    headers.extend((1..c.sessions.len()).map(|i| pair_label(c, i)));
    let width = headers.len();
    out.push(Section {
        title: format!(
            "Topics and questions (matched at similarity ≥ {})",
            c.threshold
        ),
        headers,
        rows: c
            .topics
            .iter()
            .map(|t| {
                let mut row = vec![
                    match t.kind {
                        TopicKind::Topic => "topic".to_string(),
                        TopicKind::Question => "  question".to_string(),
                    },
                    t.text.clone(),
                ];
                row.extend(t.places.iter().map(place_cell));
                row.extend(t.status.iter().map(|s| status_word(*s).to_string()));
                row
            })
            .collect(),
        right: vec![false; width],
        empty: "no topics or questions",
    });
    out
}

/// The CSV header of [`Format::Csv`].
pub const CSV_HEADER: &str = "section,session,symbol,language,item,sub_item,text,hours,slots,change,status,day,date,start,end,similarity\n";

fn csv(c: &Comparison) -> String {
    let mut out = String::from(CSV_HEADER);
    let session = |i: usize| {
        let s = &c.sessions[i];
        [
            field(&s.label),
            field(s.symbol.as_deref().unwrap_or("")),
            s.language.code().to_string(),
        ]
    };
    let mut push = |cols: Vec<String>| {
        out.push_str(&cols.join(","));
        out.push('\n');
    };
    for r in &c.hours {
        for i in 0..c.sessions.len() {
            let mut cols = vec!["hours".to_string()];
            cols.extend(session(i));
            cols.extend([
                field(r.item.as_deref().unwrap_or("")),
                field(r.sub_item.as_deref().unwrap_or("")),
                field(&r.title),
                hours(r.hours[i]),
                r.slots[i].to_string(),
                if i == 0 {
                    String::new()
                } else {
                    signed_hours(r.hours[i] - r.hours[i - 1])
                },
            ]);
            cols.extend(std::iter::repeat_n(String::new(), 6));
            push(cols);
        }
    }
    for (what, list) in [("day", &c.days), ("slot", &c.slots)] {
        for ch in list {
            let mut cols = vec![what.to_string()];
            cols.extend(session(ch.session));
            cols.extend(std::iter::repeat_n(String::new(), 6));
            cols.extend([
                change_word(ch.kind).to_string(),
                ch.day.to_string(),
                ch.date.clone().unwrap_or_default(),
                ch.start.clone().unwrap_or_default(),
                ch.end.clone().unwrap_or_default(),
                String::new(),
            ]);
            push(cols);
        }
    }
    for t in &c.topics {
        let kind = match t.kind {
            TopicKind::Topic => "topic",
            TopicKind::Question => "question",
        };
        for (i, place) in t.places.iter().enumerate() {
            let status = if i == 0 {
                if place.is_some() {
                    "present"
                } else {
                    ""
                }
            } else {
                status_word(t.status[i - 1])
            };
            if status.is_empty() {
                continue;
            }
            let mut cols = vec![kind.to_string()];
            cols.extend(session(i));
            let (subject_item, subject_sub, text) = match place {
                Some(p) => (
                    p.subject.item.clone().unwrap_or_default(),
                    p.subject.sub_item.clone().unwrap_or_default(),
                    p.text.clone(),
                ),
                None => (String::new(), String::new(), t.text.clone()),
            };
            cols.extend([
                field(&subject_item),
                field(&subject_sub),
                field(&text),
                String::new(),
                String::new(),
                String::new(),
                status.replace(' ', "_"),
            ]);
            match place {
                Some(p) => cols.extend([
                    p.day.to_string(),
                    p.date.clone().unwrap_or_default(),
                    p.start.clone().unwrap_or_default(),
                    p.end.clone().unwrap_or_default(),
                    format!("{:.3}", p.similarity),
                ]),
                None => cols.extend(std::iter::repeat_n(String::new(), 5)),
            }
            push(cols);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_short_and_signed() {
        assert_eq!(hours(12.0), "12");
        assert_eq!(hours(1.5), "1.5");
        assert_eq!(hours(2.0 / 3.0), "0.67");
        assert_eq!(hours(-0.0001), "0");
        assert_eq!(signed_hours(1.5), "+1.5");
        assert_eq!(signed_hours(-3.0), "-3");
        assert_eq!(signed_hours(0.0), "0");
    }

    #[test]
    fn wide_text_is_cut_by_display_width() {
        assert_eq!(truncate("重点讨论能力建设", 7), "重点讨…");
        assert_eq!(truncate("short", 7), "short");
    }
}
