//! `unprog explain`: one self-contained HTML page showing how a PDF was
//! read — each page drawn as SVG at its real size (points), every text line
//! boxed and coloured by what the parser made of it, and beside the pages
//! the days and slots that came out, each linking to its time line.
//!
//! The caller gives the pages' positioned lines ([`PageLines`], from the
//! extractor's layout: words with their boxes), the lines as the parser read
//! them ([`unprog_parse::TracedLine`]: page, zone, column, text) and the
//! resulting [`Programme`]. The two are matched on each page by text (a
//! parser line is a run of a layout line's words); a layout line the parser
//! did not read (running headers and footers, the table's header row) is
//! *ignored*. A programme-column line is named by the part of the programme
//! its text belongs to (agenda item, sub-item, topic, question, event,
//! speaker).

use crate::report::escape;
use std::fmt::Write;
use unprog_parse::{Programme, TracedLine};

/// A word on a page, its box in points from the top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxedWord {
    /// The word's text.
    pub text: String,
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top edge.
    pub top: f64,
    /// Bottom edge.
    pub bottom: f64,
}

/// One page's text lines, each a list of words in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLines {
    /// Page width, points.
    pub width: f64,
    /// Page height, points.
    pub height: f64,
    /// The text lines in reading order.
    pub lines: Vec<Vec<BoxedWord>>,
}

/// What the parser made of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    /// Above the table: body, symbol, title, session, dates.
    Masthead,
    /// A day or date cell.
    Date,
    /// A time cell.
    Time,
    /// An agenda item's line.
    AgendaItem,
    /// A sub-item's line.
    SubItem,
    /// A focus topic.
    Topic,
    /// A question under a topic.
    Question,
    /// An event (opening, statements, informal meeting).
    Event,
    /// A speaker.
    Speaker,
    /// Programme-column text not found in the programme.
    Programme,
    /// A footnote.
    Footnote,
    /// The table's header row (read for the columns, not as programme).
    TableHeader,
    /// A running header or footer: in the page's top or bottom band.
    Running,
    /// Anything else the parser did not take.
    Ignored,
}

impl Label {
    /// Every label, in the key's order.
    pub const ALL: [Label; 14] = [
        Label::Masthead,
        Label::Date,
        Label::Time,
        Label::AgendaItem,
        Label::SubItem,
        Label::Topic,
        Label::Question,
        Label::Event,
        Label::Speaker,
        Label::Programme,
        Label::Footnote,
        Label::TableHeader,
        Label::Running,
        Label::Ignored,
    ];

    /// The label's name, as the page shows it.
    pub fn name(self) -> &'static str {
        match self {
            Label::Masthead => "masthead",
            Label::Date => "date cell",
            Label::Time => "time cell",
            Label::AgendaItem => "agenda item",
            Label::SubItem => "sub-item",
            Label::Topic => "topic",
            Label::Question => "question",
            Label::Event => "event",
            Label::Speaker => "speaker",
            Label::Programme => "other programme text",
            Label::Footnote => "footnote",
            Label::TableHeader => "table header",
            Label::Running => "running header or footer",
            Label::Ignored => "ignored",
        }
    }

    /// Its colour.
    pub fn colour(self) -> &'static str {
        match self {
            Label::Masthead => "#9c755f",
            Label::Date => "#4e79a7",
            Label::Time => "#76b7b2",
            Label::AgendaItem => "#f28e2b",
            Label::SubItem => "#e15759",
            Label::Topic => "#59a14f",
            Label::Question => "#8cd17d",
            Label::Event => "#b07aa1",
            Label::Speaker => "#ff9da7",
            Label::Programme => "#edc948",
            Label::Footnote => "#bab0ac",
            Label::TableHeader => "#a0cbe8",
            Label::Running => "#e8e8e8",
            Label::Ignored => "#d7d7d7",
        }
    }
}

/// Lowercase letters and digits only, for matching text across line breaks,
/// spacing and punctuation.
fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A programme line's text without its list mark ("(a)", "a)", "•", "–",
/// "1.") or agenda label ("Agenda item 5:").
fn strip_mark(text: &str) -> &str {
    let t = text.trim_start();
    if let Some(colon) = t.find([':', '：']) {
        let head = &t[..colon];
        if head.chars().count() <= 24 && head.chars().any(|c| c.is_ascii_digit()) {
            return t[colon..].trim_start_matches([':', '：']).trim_start();
        }
    }
    let t = t
        .trim_start_matches(['•', '–', '-', '—', '▪', '·'])
        .trim_start();
    if let Some(rest) = t.strip_prefix('(') {
        if let Some(close) = rest.find(')') {
            if rest[..close].chars().count() <= 3 {
                return rest[close + 1..].trim_start();
            }
        }
    }
    if let Some(close) = t.find([')', '.']) {
        if close > 0
            && t[..close].chars().count() <= 2
            && t[..close].chars().all(char::is_alphanumeric)
        {
            return t[close + 1..].trim_start();
        }
    }
    t
}

/// The texts of a programme by the label their lines get, most specific
/// first.
fn parts(p: &Programme) -> Vec<(Label, String)> {
    fn topics(topics: &[unprog_parse::Topic], out: &mut Vec<(Label, String)>) {
        for t in topics {
            out.push((Label::Topic, normalise(&t.text)));
            for q in &t.questions {
                out.push((Label::Question, normalise(q)));
            }
        }
    }
    let mut out = Vec::new();
    for slot in p.days.iter().flat_map(|d| &d.slots) {
        out.push((Label::Time, normalise(&slot.label)));
        for e in &slot.events {
            for s in &e.speakers {
                out.push((Label::Speaker, normalise(s)));
            }
            topics(&e.topics, &mut out);
            out.push((Label::Event, normalise(&e.text)));
        }
        for a in &slot.agenda_items {
            for s in &a.sub_items {
                topics(&s.topics, &mut out);
                out.push((Label::SubItem, normalise(&s.title)));
            }
            topics(&a.topics, &mut out);
            out.push((Label::AgendaItem, normalise(&a.title)));
        }
    }
    // Questions before topics before the rest: a question's words can sit
    // in no topic, but a short topic can sit inside a question.
    out.sort_by_key(|(l, _)| match l {
        Label::Speaker => 0,
        Label::Question => 1,
        Label::Topic => 2,
        Label::SubItem => 3,
        Label::AgendaItem => 4,
        _ => 5,
    });
    out.retain(|(_, t)| !t.is_empty());
    out
}

/// What the parser made of one of its lines.
pub fn label(line: &TracedLine, programme: &Programme) -> Label {
    label_in(line, &parts(programme))
}

fn label_in(line: &TracedLine, parts: &[(Label, String)]) -> Label {
    match (line.zone, line.column) {
        ("masthead", _) => Label::Masthead,
        ("footnotes", _) => Label::Footnote,
        (_, "day" | "date" | "time") => {
            // A date-and-time column holds both: a time is (the start of)
            // a slot's time as printed.
            let text = normalise(&line.text);
            let time = !text.is_empty()
                && parts
                    .iter()
                    .any(|(l, t)| *l == Label::Time && t.starts_with(&text));
            if time || line.column == "time" {
                Label::Time
            } else {
                Label::Date
            }
        }
        _ => {
            let text = normalise(strip_mark(&line.text));
            if text.chars().count() < 2 {
                return Label::Programme;
            }
            parts
                .iter()
                .filter(|(l, _)| *l != Label::Time)
                .find(|(_, t)| {
                    t.contains(&text) || (text.len() > t.len() && text.contains(t.as_str()))
                })
                .map_or(Label::Programme, |(l, _)| *l)
        }
    }
}

/// The run of `words` whose text, normalised, is `target`: the words'
/// indexes. Words are given left to right; a right-to-left line reads them
/// the other way, so both orders are tried.
fn find_run(words: &[BoxedWord], target: &str) -> Option<Vec<usize>> {
    if target.is_empty() {
        return None;
    }
    let forwards: Vec<usize> = (0..words.len()).collect();
    let backwards: Vec<usize> = (0..words.len()).rev().collect();
    for order in [forwards, backwards] {
        for start in 0..order.len() {
            let mut joined = String::new();
            for end in start..order.len() {
                joined.push_str(&normalise(&words[order[end]].text));
                if joined == target {
                    return Some(order[start..=end].to_vec());
                }
                if !target.starts_with(&joined) {
                    break;
                }
            }
        }
    }
    None
}

/// A box drawn on a page.
struct Drawn {
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
    text: String,
    label: Label,
    /// The parser line's index (its anchor), `None` for ignored text.
    line: Option<usize>,
}

/// The share of a page's height at its top and at its foot where running
/// headers and footers sit.
const RUNNING_BAND: f64 = 0.1;

/// Places each parser line on its page: the boxes of the words it was made
/// of, in order; words no parser line took are *ignored*.
fn place(
    pages: &[PageLines],
    lines: &[TracedLine],
    labels: &[Label],
    table: &unprog_parse::lang::Table,
) -> Vec<Vec<Drawn>> {
    // Per page, per layout line, which words are taken.
    let mut taken: Vec<Vec<Vec<bool>>> = pages
        .iter()
        .map(|p| p.lines.iter().map(|l| vec![false; l.len()]).collect())
        .collect();
    let mut drawn: Vec<Vec<Drawn>> = pages.iter().map(|_| Vec::new()).collect();
    // Lines are looked for from the last match on, so repeated texts (two
    // "10 a.m.–1 p.m." cells) land on their own places.
    let mut cursor: Vec<usize> = vec![0; pages.len()];
    for (k, line) in lines.iter().enumerate() {
        let Some(p) = (line.page as usize)
            .checked_sub(1)
            .filter(|&p| p < pages.len())
        else {
            continue;
        };
        let target = normalise(&line.text);
        let count = pages[p].lines.len();
        let found = (0..count)
            .map(|i| (cursor[p] + i) % count.max(1))
            .find_map(|i| {
                let words = &pages[p].lines[i];
                let run = find_run(words, &target)?;
                run.iter().all(|&j| !taken[p][i][j]).then_some((i, run))
            });
        let Some((i, run)) = found else {
            continue;
        };
        cursor[p] = i;
        let words: Vec<&BoxedWord> = run.iter().map(|&j| &pages[p].lines[i][j]).collect();
        for &j in &run {
            taken[p][i][j] = true;
        }
        drawn[p].push(Drawn {
            x0: words.iter().map(|w| w.x0).fold(f64::INFINITY, f64::min),
            x1: words.iter().map(|w| w.x1).fold(f64::NEG_INFINITY, f64::max),
            top: words.iter().map(|w| w.top).fold(f64::INFINITY, f64::min),
            bottom: words
                .iter()
                .map(|w| w.bottom)
                .fold(f64::NEG_INFINITY, f64::max),
            text: line.text.clone(),
            label: labels[k],
            line: Some(k),
        });
    }
    for (p, page) in pages.iter().enumerate() {
        for (i, words) in page.lines.iter().enumerate() {
            // What the words the parser left on this line were: the table's
            // headings, a running line at the page's edge, or neither.
            let left: Vec<&str> = words
                .iter()
                .enumerate()
                .filter(|&(j, _)| !taken[p][i][j])
                .map(|(_, w)| w.text.as_str())
                .collect();
            let label = if left.is_empty() {
                Label::Ignored
            } else if table.is_column_header(&left.join(" ")) {
                Label::TableHeader
            } else if words.iter().all(|w| {
                w.bottom < page.height * RUNNING_BAND || w.top > page.height * (1.0 - RUNNING_BAND)
            }) {
                Label::Running
            } else {
                Label::Ignored
            };
            for (j, w) in words.iter().enumerate() {
                if !taken[p][i][j] {
                    drawn[p].push(Drawn {
                        x0: w.x0,
                        x1: w.x1,
                        top: w.top,
                        bottom: w.bottom,
                        text: w.text.clone(),
                        label,
                        line: None,
                    });
                }
            }
        }
    }
    drawn
}

/// Pixels per point in the drawing (a page at 1.4 × its printed size).
const SCALE: f64 = 1.4;

/// Where the table's columns meet on a page: per pair of neighbouring
/// columns (by where their lines sit), the middle of the gutter between
/// them, with the table's top and bottom on that page. Columns whose lines
/// overlap across get no boundary.
fn boundaries(boxes: &[Drawn], lines: &[TracedLine]) -> Vec<(f64, f64, f64)> {
    // Per column: leftmost, rightmost, top, bottom.
    let mut columns: Vec<(&str, f64, f64, f64, f64)> = Vec::new();
    for d in boxes {
        let Some(line) = d.line.and_then(|k| lines.get(k)) else {
            continue;
        };
        if line.zone != "table" {
            continue;
        }
        match columns.iter_mut().find(|c| c.0 == line.column) {
            Some(c) => {
                c.1 = c.1.min(d.x0);
                c.2 = c.2.max(d.x1);
                c.3 = c.3.min(d.top);
                c.4 = c.4.max(d.bottom);
            }
            None => columns.push((line.column, d.x0, d.x1, d.top, d.bottom)),
        }
    }
    columns.sort_by(|a, b| a.1.total_cmp(&b.1));
    let top = columns.iter().map(|c| c.3).fold(f64::INFINITY, f64::min);
    let bottom = columns
        .iter()
        .map(|c| c.4)
        .fold(f64::NEG_INFINITY, f64::max);
    columns
        .windows(2)
        .filter(|pair| pair[0].2 < pair[1].1)
        .map(|pair| ((pair[0].2 + pair[1].1) / 2.0, top, bottom))
        .collect()
}

const STYLE: &str = r#"
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.3em; }
.page { display: flex; gap: 1.5em; align-items: flex-start; margin: 1em 0 2em; flex-wrap: wrap; }
.page svg { border: 1px solid #999; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); max-width: 100%; height: auto; }
.page svg rect.line { fill-opacity: .45; stroke-width: .6; }
.page svg rect.line:target { stroke: #000; stroke-width: 2; fill-opacity: .8; }
.page svg text { fill: #000; }
.page svg line.boundary { stroke: #c00; stroke-width: 1; stroke-dasharray: 4 3; }
.result { font-size: .85em; flex: 1 1 16em; min-width: 14em; max-width: 36em; }
.result ol { padding-inline-start: 1.4em; }
.key { display: flex; flex-wrap: wrap; gap: .3em 1.2em; font-size: .85em; }
.swatch { display: inline-block; width: 1em; height: 1em; border-radius: 2px; vertical-align: -2px; margin-inline-end: .3em; opacity: .75; border: 1px solid rgba(0,0,0,.3); }
"#;

/// The explain page.
pub fn html(pages: &[PageLines], lines: &[TracedLine], programme: &Programme) -> String {
    let parts = parts(programme);
    let labels: Vec<Label> = lines.iter().map(|l| label_in(l, &parts)).collect();
    let drawn = place(
        pages,
        lines,
        &labels,
        unprog_parse::lang::table(programme.language),
    );
    let name = programme
        .symbol
        .as_deref()
        .unwrap_or(&programme.source.file);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>How unprog read {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>How unprog read {} ({})</h1>\n",
        escape(name),
        escape(name),
        escape(&programme.source.file)
    );
    out.push_str("<div class=\"key\">");
    for l in Label::ALL {
        let _ = write!(
            out,
            "<span><span class=\"swatch\" style=\"background: {}\"></span>{}</span>",
            l.colour(),
            escape(l.name())
        );
    }
    let _ = write!(
        out,
        "<span><span class=\"swatch\" style=\"background: none; border: 1px dashed #c00\"></span>column boundary</span>"
    );
    out.push_str("</div>\n");
    // The time line of each slot: the first time-cell line after the day's
    // date line that carries the slot's label text.
    let mut slot_line: Vec<Option<usize>> = Vec::new();
    let mut from = 0;
    for slot in programme.days.iter().flat_map(|d| &d.slots) {
        let first = normalise(slot.label.split_whitespace().next().unwrap_or(""));
        let found = (from..lines.len()).find(|&k| {
            labels[k] == Label::Time
                && !first.is_empty()
                && normalise(&lines[k].text).starts_with(&first)
        });
        if let Some(k) = found {
            from = k + 1;
        }
        slot_line.push(found);
    }
    for (n, (page, boxes)) in pages.iter().zip(&drawn).enumerate() {
        let _ = writeln!(
            out,
            "<section class=\"page\" id=\"page{}\" lang=\"{}\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0}\" height=\"{:.0}\" viewBox=\"0 0 {:.1} {:.1}\" role=\"img\" aria-label=\"Page {}\">",
            n + 1,
            programme.language.code(),
            page.width * SCALE,
            page.height * SCALE,
            page.width,
            page.height,
            n + 1
        );
        for d in boxes {
            let id = d.line.map(|k| format!(" id=\"l{k}\"")).unwrap_or_default();
            let _ = writeln!(
                out,
                "<rect class=\"line\"{id} x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{c}\" stroke=\"{c}\"><title>{}: {}</title></rect><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{:.1}\">{}</text>",
                d.x0,
                d.top,
                (d.x1 - d.x0).max(0.5),
                (d.bottom - d.top).max(0.5),
                escape(d.label.name()),
                escape(&d.text),
                d.x0,
                d.bottom - (d.bottom - d.top) * 0.2,
                ((d.bottom - d.top) * 0.8).clamp(2.0, 24.0),
                escape(&d.text),
                c = d.label.colour()
            );
        }
        for (x, top, bottom) in boundaries(boxes, lines) {
            let _ = writeln!(
                out,
                "<line class=\"boundary\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{:.1}\" y2=\"{:.1}\"><title>column boundary</title></line>",
                top - 4.0,
                bottom + 4.0
            );
        }
        out.push_str("</svg>\n<div class=\"result\">\n");
        // The days whose slots' time lines are on this page.
        let page_no = n as u32 + 1;
        let mut listed = String::new();
        let mut k = 0;
        for day in &programme.days {
            let mut items = String::new();
            for slot in &day.slots {
                let line = slot_line.get(k).copied().flatten();
                k += 1;
                let on_page = line.is_some_and(|l| lines[l].page == page_no)
                    || (line.is_none() && page_no == 1);
                if !on_page {
                    continue;
                }
                let what: Vec<String> = slot
                    .agenda_items
                    .iter()
                    .map(|a| {
                        let subs: Vec<&str> =
                            a.sub_items.iter().map(|s| s.letter.as_str()).collect();
                        if subs.is_empty() {
                            a.number.clone()
                        } else {
                            format!("{}({})", a.number, subs.join(","))
                        }
                    })
                    .chain(slot.events.iter().map(|e| e.text.clone()))
                    .collect();
                let time = match line {
                    Some(l) => format!("<a href=\"#l{l}\">{}</a>", escape(&slot.label)),
                    None => escape(&slot.label),
                };
                let _ = write!(items, "<li>{time} — {}</li>", escape(&what.join(" · ")));
            }
            if !items.is_empty() {
                let _ = write!(
                    listed,
                    "<li><b>{}</b> {}<ol>{items}</ol></li>",
                    escape(&day.label),
                    escape(day.date.as_deref().unwrap_or(""))
                );
            }
        }
        let _ = writeln!(
            out,
            "<h2>Page {page_no}</h2>{}",
            if listed.is_empty() {
                String::from("<p>No slot starts on this page.</p>")
            } else {
                format!("<ol>{listed}</ol>")
            }
        );
        out.push_str("</div>\n</section>\n");
    }
    let counts: Vec<String> = Label::ALL
        .iter()
        .map(|l| (l, labels.iter().filter(|x| *x == l).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(l, n)| format!("{} {}", n, l.name()))
        .collect();
    let _ = writeln!(
        out,
        "<footer><p>{} lines read: {}. Made by unprog {}.</p></footer>\n</body>\n</html>",
        lines.len(),
        escape(&counts.join(", ")),
        env!("CARGO_PKG_VERSION")
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn traced(zone: &'static str, column: &'static str, text: &str) -> TracedLine {
        TracedLine {
            page: 1,
            zone,
            column,
            paragraph_break: None,
            full: false,
            text: text.to_string(),
            markers: Vec::new(),
            start: None,
            room_after: 0.0,
            first_word_width: None,
        }
    }

    fn programme() -> Programme {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/expected/oewg-s4-en.json");
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn zones_and_columns_give_their_labels() {
        let p = programme();
        assert_eq!(
            label(
                &traced("masthead", "programme", "Fourth substantive session"),
                &p
            ),
            Label::Masthead
        );
        assert_eq!(
            label(&traced("footnotes", "programme", "1 See A/77/275."), &p),
            Label::Footnote
        );
        assert_eq!(
            label(&traced("table", "date", "Monday, 6 March"), &p),
            Label::Date
        );
        assert_eq!(label(&traced("table", "day", "Monday"), &p), Label::Date);
        assert_eq!(
            label(&traced("table", "time", "10 a.m.–1 p.m."), &p),
            Label::Time
        );
        // A date-and-time column: a slot's time, or a date.
        assert_eq!(
            label(&traced("table", "date", "10 a.m.–1 p.m."), &p),
            Label::Time
        );
        assert_eq!(
            label(&traced("table", "date", "Tuesday, 7 March"), &p),
            Label::Date
        );
    }

    #[test]
    fn programme_lines_are_named_by_what_they_became() {
        let p = programme();
        let slot = &p.days[0].slots[0];
        let item = slot
            .agenda_items
            .iter()
            .find(|a| a.sub_items.is_empty())
            .unwrap();
        assert_eq!(
            label(
                &traced(
                    "table",
                    "programme",
                    &format!("Agenda item {}: {}", item.number, item.title)
                ),
                &p
            ),
            Label::AgendaItem
        );
        let with_subs = p
            .days
            .iter()
            .flat_map(|d| &d.slots)
            .flat_map(|s| &s.agenda_items)
            .find(|a| !a.sub_items.is_empty())
            .unwrap();
        let sub = &with_subs.sub_items[0];
        // The first words of a wrapped sub-item, with its mark.
        let words: Vec<&str> = sub.title.split(' ').take(4).collect();
        assert_eq!(
            label(
                &traced(
                    "table",
                    "programme",
                    &format!("({}) {}", sub.letter, words.join(" "))
                ),
                &p
            ),
            Label::SubItem
        );
        assert_eq!(
            label(
                &traced("table", "programme", "Nothing of the kind here"),
                &p
            ),
            Label::Programme
        );
    }

    #[test]
    fn marks_and_labels_are_stripped() {
        assert_eq!(strip_mark("(a) Further developing"), "Further developing");
        assert_eq!(strip_mark("b) Rules"), "Rules");
        assert_eq!(strip_mark("• What measures"), "What measures");
        assert_eq!(strip_mark("Agenda item 5: Discussion"), "Discussion");
        assert_eq!(
            strip_mark("Opening of the session"),
            "Opening of the session"
        );
    }

    #[test]
    fn a_boundary_is_drawn_in_the_gutter_between_two_columns() {
        let boxed = |x0: f64, x1: f64, top: f64, line: usize| Drawn {
            x0,
            x1,
            top,
            bottom: top + 10.0,
            text: String::new(),
            label: Label::Programme,
            line: Some(line),
        };
        let lines = [
            traced("table", "date", "Monday"),
            traced("table", "programme", "Opening"),
            traced("table", "programme", "Agenda item 3"),
            traced("masthead", "programme", "United Nations"),
        ];
        let boxes = [
            boxed(50.0, 110.0, 100.0, 0),
            boxed(150.0, 300.0, 100.0, 1),
            boxed(160.0, 500.0, 200.0, 2),
            boxed(0.0, 600.0, 20.0, 3),
        ];
        assert_eq!(boundaries(&boxes, &lines), [(130.0, 100.0, 210.0)]);
        // Overlapping columns: no boundary.
        let boxes = [boxed(50.0, 170.0, 100.0, 0), boxed(150.0, 300.0, 100.0, 1)];
        assert!(boundaries(&boxes, &lines).is_empty());
    }

    #[test]
    fn right_to_left_words_are_matched_read_the_other_way() {
        let w = |t: &str| BoxedWord {
            text: t.into(),
            x0: 0.0,
            x1: 1.0,
            top: 0.0,
            bottom: 1.0,
        };
        // Left to right on the page: "الدورة افتتاح" reads "افتتاح الدورة".
        let words = [w("x"), w("الدورة"), w("افتتاح")];
        assert_eq!(
            find_run(&words, &normalise("افتتاح الدورة")),
            Some(vec![2, 1])
        );
        assert_eq!(find_run(&words, "nothing"), None);
    }

    #[test]
    fn parser_lines_take_their_words_and_the_rest_is_ignored() {
        let w = |t: &str, x0: f64| BoxedWord {
            text: t.into(),
            x0,
            x1: x0 + 20.0,
            top: 100.0,
            bottom: 110.0,
        };
        let at = |t: &str, x0: f64, top: f64| BoxedWord {
            top,
            bottom: top + 10.0,
            ..w(t, x0)
        };
        let pages = [PageLines {
            width: 595.0,
            height: 842.0,
            lines: vec![
                vec![
                    w("10", 50.0),
                    w("a.m.", 72.0),
                    w("Opening", 200.0),
                    w("session", 222.0),
                ],
                vec![w("A/AC.292/2023/INF/1", 50.0)],
                vec![
                    at("Date/time", 50.0, 300.0),
                    at("Agenda item/programme", 200.0, 300.0),
                ],
                vec![at("23-03456", 50.0, 800.0)],
            ],
        }];
        let lines = [
            traced("table", "time", "10 a.m."),
            traced("table", "programme", "Opening session"),
        ];
        let labels = [Label::Time, Label::Event];
        let drawn = place(
            &pages,
            &lines,
            &labels,
            unprog_parse::lang::table(unprog_parse::Language::En),
        );
        assert_eq!(drawn[0].len(), 6);
        let label_of = |text: &str| drawn[0].iter().find(|d| d.text == text).map(|d| d.label);
        assert_eq!(label_of("Date/time"), Some(Label::TableHeader));
        assert_eq!(label_of("Agenda item/programme"), Some(Label::TableHeader));
        assert_eq!(label_of("23-03456"), Some(Label::Running));
        assert_eq!(
            (drawn[0][0].x0, drawn[0][0].x1, drawn[0][0].label),
            (50.0, 92.0, Label::Time)
        );
        assert_eq!(
            (drawn[0][1].x0, drawn[0][1].x1, drawn[0][1].line),
            (200.0, 242.0, Some(1))
        );
        assert_eq!(
            (drawn[0][2].label, drawn[0][2].line),
            (Label::Ignored, None)
        );
    }
}
