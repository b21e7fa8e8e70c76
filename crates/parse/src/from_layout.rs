//! Reading a PDF's layout: running headers and footers by position and
//! repetition, the footnote area by its rule and small type, the programme
//! table by its header row (repeated on every page), columns by x, paragraph
//! breaks by vertical gaps.

use std::collections::HashMap;

use unprog_extract::{Layout, Page, TextLine};

use crate::joining::join;
use crate::lang::Table;
use crate::lines::{Column, Line, Prepared, Zone};
use crate::model::Language;

/// Share of the page height, from the top and from the bottom, where running
/// headers and footers are looked for.
const RUNNING_BAND: f64 = 0.1;

pub(crate) fn prepare(layout: &Layout, table: &Table) -> Prepared {
    let mut out = Prepared {
        pages: layout.pages.len() as u32,
        // Pages that failed, a rebuilt cross-reference table...
        warnings: layout.warnings.clone(),
        ..Prepared::default()
    };
    let running = running_lines(layout);
    let body_size = body_size(layout);
    let mut in_table = false;
    // Column geometry, carried over to pages without a header row.
    let mut geometry: Option<Columns> = None;
    let mut pages: Vec<Vec<(Line, &TextLine)>> = Vec::new();
    for page in &layout.pages {
        for link in &page.links {
            if let Some(uri) = &link.uri {
                out.links.push((uri.clone(), page.number));
            }
        }
        let foot_rule = footnote_rule(page, body_size);
        let mut page_lines: Vec<(Line, &TextLine)> = Vec::new();
        for (k, tl) in page.text_lines.iter().enumerate() {
            if running.contains(&(page.number, k)) {
                continue;
            }
            if table.is_column_header(&tl.text) {
                if !in_table {
                    in_table = true;
                }
                if let Some(g) = Columns::from_header(page, table) {
                    geometry = Some(g);
                }
                continue;
            }
            let zone = if foot_rule.is_some_and(|y| tl.top >= y) && tl.size <= body_size * 1.01 {
                Zone::Footnotes
            } else if in_table {
                Zone::Table
            } else {
                Zone::Masthead
            };
            let text = tl.text_without_superscripts().trim().to_string();
            let markers: Vec<String> = tl.superscripts.iter().map(|s| s.text.clone()).collect();
            if text.is_empty() && markers.is_empty() {
                continue;
            }
            let (column, pieces) = match (zone, &geometry) {
                (Zone::Table, Some(g)) => g.place(tl, table.language),
                _ => (Column::Programme, None),
            };
            let line = Line {
                page: page.number,
                zone,
                column,
                text,
                markers,
                para_break: None,
                full: false,
                room_after: 0.0,
                first_word_width: tl
                    .words
                    .iter()
                    .filter(|w| !w.superscript)
                    .map(|w| (w.x0, w.x1))
                    .reduce(|a, b| {
                        if (tl.rtl && b.1 > a.1) || (!tl.rtl && b.0 < a.0) {
                            b
                        } else {
                            a
                        }
                    })
                    .map(|(x0, x1)| x1 - x0)
                    .map(|w| {
                        // CJK text breaks between any two characters: its
                        // "first word" is one character.
                        let first = tl.text.chars().next().unwrap_or(' ');
                        if unprog_extract::script::is_cjk(first) {
                            tl.size
                        } else {
                            w
                        }
                    }),
                lead_marker: tl
                    .superscripts
                    .first()
                    .filter(|s| s.start == 0)
                    .map(|s| s.text.clone()),
                size: tl.size,
                from_layout: true,
            };
            match pieces {
                // A line that crosses the column boundary: one line per side.
                Some((date_text, programme_text)) => {
                    let mut d = line.clone();
                    d.column = Column::Date;
                    d.text = date_text;
                    d.markers.clear();
                    let mut p = line;
                    p.text = programme_text;
                    page_lines.push((d, tl));
                    page_lines.push((p, tl));
                }
                None => page_lines.push((line, tl)),
            }
        }
        pages.push(page_lines);
    }
    let pitches = document_pitches(&pages);
    for mut page_lines in pages {
        mark_paragraphs(&mut page_lines, table.language, &pitches);
        out.lines.extend(page_lines.into_iter().map(|(l, _)| l));
    }
    if !in_table {
        out.warnings.push("no programme table header found".into());
    }
    out
}

/// Indices (page, line) of running headers and footers: lines in the top or
/// bottom band of the page whose text (digits aside) repeats on other pages,
/// or that look like a page number or job number.
fn running_lines(layout: &Layout) -> Vec<(u32, usize)> {
    let key = |t: &str| -> String {
        t.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    // Job numbers ("23-03456 (E)", also as a right-to-left run may print
    // it) and "page/pages".
    let job = regex!(
        r"^[\d/\s]*(\d{2}-\d{5}|\d{5}-\d{2})\s*(\([A-Z]\))?[\s\d/]*$|^\(?[A-Z]\)?\s*(\d{2}-\d{5}|\d{5}-\d{2})[\s\d/]*$|^\d{1,3}\s*/\s*\d{1,3}$"
    );
    // A bare page number: only as the lowest line of the page (a footnote's
    // number is a bare number too).
    let page_number = regex!(r"^\d{1,3}$");
    let mut seen: HashMap<(bool, String), Vec<u32>> = HashMap::new();
    let mut candidates = Vec::new();
    for page in &layout.pages {
        for (k, tl) in page.text_lines.iter().enumerate() {
            let top = tl.bottom < page.height * RUNNING_BAND;
            let bottom = tl.top > page.height * (1.0 - RUNNING_BAND);
            if !(top || bottom) {
                continue;
            }
            // Page 1's top band is the masthead, not a running header.
            if top && page.number == 1 {
                continue;
            }
            // A bare number repeats as footnote numbers do; only its place
            // (lowest on the page) makes it a page number.
            let text = tl.text.trim();
            let lowest = page.text_lines.iter().all(|o| o.top <= tl.top + 0.5);
            let bare_number = page_number.is_match(text);
            if bare_number && !lowest {
                continue;
            }
            let key = key(&tl.text);
            let entry = seen.entry((top, key.clone())).or_default();
            if !entry.contains(&page.number) {
                entry.push(page.number);
            }
            let pattern = job.is_match(text) || bare_number;
            candidates.push((page.number, k, top, key, bottom && pattern, tl.text.clone()));
        }
    }
    let symbol = crate::references::symbol_regex();
    candidates
        .into_iter()
        .filter(|(page, _, top, key, job_like, text)| {
            *job_like
                || seen
                    .get(&(*top, key.clone()))
                    .is_some_and(|pages| pages.len() >= 2)
                || (*top
                    && *page > 1
                    && symbol
                        .find(text.trim())
                        .is_some_and(|m| m.as_str() == text.trim()))
        })
        .map(|(page, k, ..)| (page, k))
        .collect()
}

/// The most common font size of the document's text (by characters).
fn body_size(layout: &Layout) -> f64 {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for l in layout.pages.iter().flat_map(|p| &p.text_lines) {
        *counts.entry((l.size * 10.0).round() as i64).or_default() += l.text.chars().count();
    }
    counts
        .into_iter()
        .max_by_key(|(k, n)| (*n, *k))
        .map_or(10.0, |(k, _)| k as f64 / 10.0)
}

/// The top of the footnote area: a short rule near the margin in the lower
/// part of the page, not an underline, with smaller type just below it.
fn footnote_rule(page: &Page, body: f64) -> Option<f64> {
    let min_x = page
        .text_lines
        .iter()
        .map(|l| l.x0)
        .fold(f64::MAX, f64::min);
    let max_x = page
        .text_lines
        .iter()
        .map(|l| l.x1)
        .fold(f64::MIN, f64::max);
    page.edges(2.0)
        .into_iter()
        .filter(|e| e.horizontal)
        .filter(|e| e.x1 - e.x0 < 0.45 * page.width && e.x1 - e.x0 > 20.0)
        .filter(|e| e.top > page.height * 0.4)
        .filter(|e| (e.x0 - min_x).abs() < 15.0 || (e.x1 - max_x).abs() < 15.0)
        .filter(|e| {
            // Not an underline: no text baseline just above it.
            !page.text_lines.iter().any(|l| {
                l.baseline <= e.top + 0.5 && e.top - l.baseline < 4.0 && l.x1 > e.x0 && l.x0 < e.x1
            })
        })
        .filter(|e| {
            page.text_lines
                .iter()
                .filter(|l| l.top >= e.bottom && l.top - e.bottom < 25.0)
                .any(|l| l.size < body * 0.95)
        })
        .map(|e| e.bottom)
        .reduce(f64::min)
}

/// Where the programme table's columns are on the page.
#[derive(Debug, Clone, Copy)]
struct Columns {
    /// x of the boundary between the two columns.
    boundary: f64,
    /// The date column is on the left (all but right-to-left documents).
    date_left: bool,
}

impl Columns {
    fn from_header(page: &Page, table: &Table) -> Option<Columns> {
        let lower = |t: &str| crate::lang::normalise(t);
        let date = page
            .text_lines
            .iter()
            .find(|l| table.column_date.iter().any(|h| lower(&l.text).contains(h)))?;
        let prog = page.text_lines.iter().find(|l| {
            table
                .column_programme
                .iter()
                .any(|h| lower(&l.text).contains(h))
        })?;
        let date_left = date.x0 < prog.x0;
        let boundary = if date_left {
            prog.x0 - 2.0
        } else {
            prog.x1 + 2.0
        };
        Some(Columns {
            boundary,
            date_left,
        })
    }

    /// The column of a line; for a line that crosses the boundary, the text
    /// on each side (date, programme).
    fn place(&self, tl: &TextLine, language: Language) -> (Column, Option<(String, String)>) {
        let on_date_side = |x0: f64, x1: f64| {
            let centre = (x0 + x1) / 2.0;
            if self.date_left {
                centre < self.boundary
            } else {
                centre > self.boundary
            }
        };
        let crosses = tl.x0 < self.boundary - 3.0 && tl.x1 > self.boundary + 3.0;
        if crosses && tl.words.len() > 1 {
            let (mut date, mut prog): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
            let mut words: Vec<&unprog_extract::Word> =
                tl.words.iter().filter(|w| !w.superscript).collect();
            if tl.rtl {
                words.reverse();
            }
            for w in words {
                if on_date_side(w.x0, w.x1) {
                    date.push(&w.text);
                } else {
                    prog.push(&w.text);
                }
            }
            if !date.is_empty() && !prog.is_empty() {
                let joined = |ws: &[&str]| {
                    ws.iter()
                        .fold(String::new(), |acc, w| join(language, &acc, w))
                };
                return (Column::Programme, Some((joined(&date), joined(&prog))));
            }
        }
        if on_date_side(tl.x0, tl.x1) {
            (Column::Date, None)
        } else {
            (Column::Programme, None)
        }
    }
}

/// The usual line pitch per (column, zone), over the whole document.
type Pitches = HashMap<(bool, u8), f64>;

fn key(line: &Line) -> (bool, u8) {
    let zone = match line.zone {
        Zone::Masthead => 0,
        Zone::Table => 1,
        Zone::Footnotes => 2,
    };
    (line.column == Column::Date, zone)
}

/// Gaps between the baselines of consecutive lines of one column and zone.
fn gaps(lines: &[(Line, &TextLine)], k: (bool, u8)) -> (Vec<usize>, Vec<f64>) {
    let idx: Vec<usize> = (0..lines.len())
        .filter(|&i| key(&lines[i].0) == k)
        .collect();
    let gaps = idx
        .windows(2)
        .map(|w| lines[w[1]].1.baseline - lines[w[0]].1.baseline)
        .collect();
    (idx, gaps)
}

const KEYS: [(bool, u8); 6] = [
    (false, 0),
    (false, 1),
    (false, 2),
    (true, 0),
    (true, 1),
    (true, 2),
];

fn document_pitches(pages: &[Vec<(Line, &TextLine)>]) -> Pitches {
    let mut out = Pitches::new();
    for k in KEYS {
        let mut all = Vec::new();
        let mut size = 10.0;
        for page in pages {
            let (idx, g) = gaps(page, k);
            if let Some(&i) = idx.first() {
                size = page[i].1.size;
            }
            all.extend(g);
        }
        out.insert(k, line_pitch(&all, size));
    }
    // Date cells rarely run over two lines: their pitch is the programme's.
    for zone in 0..3u8 {
        if let Some(&p) = out.get(&(false, zone)) {
            out.insert((true, zone), p);
        }
    }
    out
}

/// Sets `para_break` from vertical gaps (per column and zone) and `full` from
/// how far each line runs towards its column's far edge.
fn mark_paragraphs(lines: &mut [(Line, &TextLine)], language: Language, pitches: &Pitches) {
    let rtl = language == Language::Ar;
    for k in KEYS {
        let (idx, gaps) = gaps(lines, k);
        if idx.is_empty() {
            continue;
        }
        let pitch = pitches.get(&k).copied().unwrap_or(12.0);
        let far_edge = if rtl {
            idx.iter().map(|&i| lines[i].1.x0).fold(f64::MAX, f64::min)
        } else {
            idx.iter().map(|&i| lines[i].1.x1).fold(f64::MIN, f64::max)
        };
        for (n, &i) in idx.iter().enumerate() {
            let tl = lines[i].1;
            let slack = 1.5 * tl.size.max(6.0);
            lines[i].0.full = if rtl {
                tl.x0 <= far_edge + slack
            } else {
                tl.x1 >= far_edge - slack
            };
            lines[i].0.room_after = if rtl {
                tl.x0 - far_edge
            } else {
                far_edge - tl.x1
            }
            .max(0.0);
            lines[i].0.para_break = if n == 0 {
                None
            } else {
                let gap = gaps[n - 1];
                Some(gap > pitch + (0.15 * tl.size).max(1.2) || gap < 0.0)
            };
        }
    }
}

/// The usual distance between baselines of consecutive lines of a paragraph:
/// the smallest gap that recurs (paragraph gaps are larger), never more than
/// a line and a half of the font size (in a table where most lines are
/// paragraphs of their own, paragraph gaps are the most frequent).
fn line_pitch(gaps: &[f64], size: f64) -> f64 {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for g in gaps.iter().filter(|g| **g > 0.8 * size && **g < 2.5 * size) {
        *counts.entry((g * 2.0).round() as i64).or_default() += 1;
    }
    let total: usize = counts.values().sum();
    let floor = (total / 10).max(2);
    let pitch = counts
        .iter()
        .filter(|(_, n)| **n >= floor)
        .map(|(k, _)| *k as f64 / 2.0)
        .reduce(f64::min)
        .unwrap_or(1.3 * size);
    pitch.min(1.6 * size)
}
