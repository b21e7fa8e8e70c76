//! Reading plain text that another tool extracted from a programme (such as
//! `pdftotext` output, or the text in `shared/samples/`).
//!
//! Without positions, the zones and columns come from the words: the table
//! header row starts the table (and repeats on each page), a line of
//! underscores opens the footnotes, a block of bare URLs (the link list some
//! extractors append to each page) or a form feed ends a page. A day label
//! is a line of its own; a time at the start of a line is the date column
//! and the rest of the line is the programme column.

use regex::Regex;

use crate::joining::join;
use crate::lang::Table;
use crate::lines::{display_width, Column, Line, Prepared, Zone};

fn url_line() -> &'static Regex {
    regex!(r"^https?://\S+$")
}

fn separator_line() -> &'static Regex {
    regex!(r"^[_—–-]{8,}$")
}

pub(crate) fn prepare(text: &str, table: &Table) -> Prepared {
    let mut out = Prepared::default();
    let mut page: u32 = 1;
    let mut in_table = false;
    let mut in_footnotes = false;
    let mut after_links = false;
    // A time cell whose first half has been read ("上午 11 时 30 分至").
    let mut pending_time: Option<String> = None;
    let mut lines: Vec<Line> = Vec::new();
    for raw in text.split_inclusive(['\n', '\x0c']) {
        let form_feed = raw.ends_with('\x0c');
        let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '\x0c');
        if !t.is_empty() {
            if url_line().is_match(t) {
                out.links.push((t.to_string(), page));
                after_links = true;
            } else {
                if after_links {
                    // The link list closed the page.
                    page += 1;
                    after_links = false;
                    in_footnotes = false;
                }
                if table.is_column_header(t) {
                    in_table = true;
                    in_footnotes = false;
                } else if separator_line().is_match(t) {
                    in_footnotes = true;
                } else {
                    let zone = if in_footnotes {
                        Zone::Footnotes
                    } else if in_table {
                        Zone::Table
                    } else {
                        Zone::Masthead
                    };
                    let mut push = |column: Column, text: &str| {
                        lines.push(Line {
                            page,
                            zone,
                            column,
                            text: text.trim().to_string(),
                            markers: Vec::new(),
                            para_break: None,
                            full: false,
                            room_after: 0.0,
                            column_width: 0.0,
                            x0: 0.0,
                            x1: 0.0,
                            start: None,
                            first_word_width: None,
                            last_word_width: None,
                            continues_word: false,
                            lead_marker: None,
                            size: 0.0,
                            from_layout: false,
                            loose: true,
                        })
                    };
                    if zone == Zone::Table {
                        let (date, programme) = split_columns(t, table, &mut pending_time);
                        if let Some(d) = date {
                            push(Column::Date, &d);
                        }
                        if let Some(p) = programme {
                            push(Column::Programme, &p);
                        }
                    } else {
                        push(Column::Programme, t);
                    }
                }
            }
        }
        if form_feed {
            page += 1;
            after_links = false;
            in_footnotes = false;
        }
    }
    // A trailing link list closed the last page; nothing follows it.
    out.pages = page.max(lines.last().map_or(1, |l| l.page));
    mark_full(&mut lines);
    if !in_table {
        out.warnings.push("no programme table header found".into());
    }
    out.lines = lines;
    out
}

/// Splits a table line into its date-column and programme-column parts.
fn split_columns(
    t: &str,
    table: &Table,
    pending_time: &mut Option<String>,
) -> (Option<String>, Option<String>) {
    let tokens: Vec<&str> = t.split_whitespace().collect();
    let prefix = |k: usize| tokens[..k].join(" ");
    let rest = |k: usize| {
        let r = tokens[k..].join(" ");
        (!r.is_empty()).then_some(r)
    };
    // Layout-preserving extractors (pdftotext -layout, `unprog text`) set the
    // cells of a row apart by two or more spaces.
    if let Some((left, right)) = t.split_once("  ") {
        let (left, right) = (left.trim(), right.trim());
        if let Some(first_half) = pending_time.take() {
            let joined = join(table.language, &first_half, left);
            if (table.parse_time)(&joined).is_none() && !left.is_empty() {
                *pending_time = Some(joined);
            }
            return (
                Some(left.to_string()),
                Some(right.to_string()).filter(|r| !r.is_empty()),
            );
        }
        let timeish = (table.parse_time)(left).is_some()
            || (table.time_start)(left)
            || (table.starts_like_time(left)
                && !left.chars().all(|c| c.is_ascii_digit())
                && left.chars().count() > 3);
        // Under a time, a room beside the programme cell.
        let room = !left.is_empty() && crate::timetable::is_structural(table, right);
        if table.parse_day(left).is_some() || timeish || room {
            if timeish && (table.parse_time)(left).is_none() && table.parse_day(left).is_none() {
                *pending_time = Some(left.to_string());
            }
            return (
                Some(left.to_string()),
                Some(right.to_string()).filter(|r| !r.is_empty()),
            );
        }
    }
    if let Some(first_half) = pending_time.take() {
        // The second half of a wrapped time cell, maybe followed by programme text.
        for k in (1..=tokens.len()).rev() {
            if (table.parse_time)(&join(table.language, &first_half, &prefix(k))).is_some() {
                return (Some(prefix(k)), rest(k));
            }
        }
        return (None, Some(t.to_string()));
    }
    if table.parse_day(t).is_some() {
        return (Some(t.to_string()), None);
    }
    for k in (1..=tokens.len()).rev() {
        if (table.parse_time)(&prefix(k)).is_some() {
            return (Some(prefix(k)), rest(k));
        }
    }
    if (table.time_start)(t) {
        *pending_time = Some(t.to_string());
        return (Some(t.to_string()), None);
    }
    (None, Some(t.to_string()))
}

/// Marks programme lines that run (nearly) the full width of their column,
/// judged against the widest lines of the document.
fn mark_full(lines: &mut [Line]) {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| l.column == Column::Programme)
        .map(|l| display_width(&l.text))
        .collect();
    widths.sort_unstable();
    // The 90th percentile, so that a stray long line does not set the bar.
    let column = widths.get(widths.len() * 9 / 10).copied().unwrap_or(0);
    for l in lines.iter_mut() {
        l.full = column > 0 && display_width(&l.text) * 4 >= column * 3;
    }
}
