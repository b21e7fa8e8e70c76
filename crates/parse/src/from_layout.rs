//! Reading a PDF's layout: running headers and footers by position and
//! repetition, the footnote area by its rule and small type, the programme
//! table by its header row (repeated on every page), columns by x, paragraph
//! breaks by vertical gaps.

use std::collections::HashMap;

use regex::Regex;

use unprog_extract::{Layout, Page, TextLine};

use crate::columns::{Columns, HeaderCell};

use crate::joining::join;
use crate::lang::Table;
use crate::lines::{Column, Line, Prepared, Zone};

/// Share of the page height, from the top and from the bottom, where running
/// headers and footers are looked for.
const RUNNING_BAND: f64 = 0.1;

/// Reads a layout. `loose`: the layout was rebuilt from text, its positions
/// known to a character or so.
pub(crate) fn prepare(layout: &Layout, table: &Table, loose: bool) -> Prepared {
    let mut out = Prepared {
        pages: layout.pages.len() as u32,
        // Pages that failed, a rebuilt cross-reference table...
        warnings: layout.warnings.clone(),
        ..Prepared::default()
    };
    let running = running_lines(layout, table, loose);
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
        let foot_rule = footnote_rule(page, body_size).or_else(|| {
            // A page of small type alone, after the table: a web page's
            // notes that ran onto a page of their own (their rule ended the
            // page before).
            let inside: Vec<&TextLine> = page
                .text_lines
                .iter()
                .enumerate()
                .filter(|(k, _)| !running.contains(&(page.number, *k)))
                .map(|(_, l)| l)
                .collect();
            (in_table && !inside.is_empty() && inside.iter().all(|l| l.size < body_size * 0.95))
                .then(|| inside.iter().map(|l| l.top).fold(f64::MAX, f64::min))
        });
        let is_running = |k: usize| running.contains(&(page.number, k));
        let header = header_row(page, table, &is_running, foot_rule);
        if let Some(h) = &header {
            match &h.columns {
                Some(g) => geometry = Some(g.clone()),
                None if geometry.is_none() => out.warnings.push(format!(
                    "page {}: the table's header row was found but not its columns \
                     (no date or time heading beside the programme's)",
                    page.number
                )),
                None => {}
            }
        }
        let mut page_lines: Vec<(Line, &TextLine)> = Vec::new();
        for (k, tl) in page.text_lines.iter().enumerate() {
            if is_running(k) {
                continue;
            }
            if header.as_ref().is_some_and(|h| h.lines.contains(&k)) {
                in_table = true;
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
            let line = Line {
                page: page.number,
                zone,
                column: Column::Programme,
                text,
                markers,
                para_break: None,
                full: false,
                room_after: 0.0,
                column_width: 0.0,
                x0: tl.x0,
                x1: tl.x1,
                start: Some(if tl.rtl { tl.x1 } else { tl.x0 }),
                first_word_width: first_word_width(tl),
                last_word_width: last_word_width(tl),
                continues_word: false,
                lead_marker: tl
                    .superscripts
                    .first()
                    .filter(|s| s.start == 0)
                    .map(|s| s.text.clone()),
                size: tl.size,
                from_layout: true,
                loose,
            };
            match (zone, &geometry) {
                (Zone::Table, Some(g)) => {
                    for piece in place(g, tl, line, table) {
                        page_lines.push((piece, tl));
                    }
                }
                _ => page_lines.push((line, tl)),
            }
        }
        cells_of_a_row_in_column_order(&mut page_lines);
        pages.push(page_lines);
    }
    let pitches = document_pitches(&pages);
    for mut page_lines in pages {
        mark_paragraphs(&mut page_lines, table, &pitches);
        out.lines.extend(page_lines.into_iter().map(|(l, _)| l));
    }
    if !in_table {
        out.warnings.push("no programme table header found".into());
    }
    out
}

/// Width of a line's first word, in reading order. CJK text breaks between
/// any two characters, so there the "first word" is one character — with
/// the punctuation after it that may not start a line (it travels with it).
fn first_word_width(tl: &TextLine) -> Option<f64> {
    let mut words: Vec<&unprog_extract::Word> =
        tl.words.iter().filter(|w| !w.superscript).collect();
    words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    if tl.rtl {
        words.reverse();
    }
    let first = words.first()?;
    let mut chars = tl.text.chars();
    let lead = chars.next().unwrap_or(' ');
    if unprog_extract::script::is_cjk(lead) {
        let held = chars.take_while(|c| closes_cjk_line(*c)).count();
        return Some((1 + held) as f64 * tl.size);
    }
    // Punctuation set off by a no-break space travels with the word before
    // it ("lacunes ?" in French), though the space may come out plain.
    let (mut x0, mut x1) = (first.x0, first.x1);
    for w in words.iter().skip(1) {
        if !w
            .text
            .chars()
            .all(|c| matches!(c, '?' | '!' | ':' | ';' | '»' | '%'))
        {
            break;
        }
        x0 = x0.min(w.x0);
        x1 = x1.max(w.x1);
    }
    Some(x1 - x0)
}

/// Width of a line's last word, in reading order.
fn last_word_width(tl: &TextLine) -> Option<f64> {
    let mut words: Vec<&unprog_extract::Word> =
        tl.words.iter().filter(|w| !w.superscript).collect();
    words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let last = if tl.rtl { words.first() } else { words.last() }?;
    Some(last.x1 - last.x0)
}

/// Punctuation a CJK line may not start with (it stays with the character
/// before it when the line breaks).
fn closes_cjk_line(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '】'
            | '》'
            | '〉'
            | ')'
            | ','
            | '.'
            | ';'
            | ':'
    )
}

/// The table's header row on a page: its lines and the columns it heads.
struct HeaderRow {
    lines: Vec<usize>,
    /// `None` when the headings were found but not their columns.
    columns: Option<Columns>,
}

/// The header row of the programme table on a page, if the page shows one:
/// the line that heads the programme column and every line beside it (the
/// other headings), a heading that wraps onto a second line included. Its
/// cells give the columns; the words below it, the gutters between them.
fn header_row(
    page: &Page,
    table: &Table,
    is_running: &dyn Fn(usize) -> bool,
    foot_rule: Option<f64>,
) -> Option<HeaderRow> {
    let lines = &page.text_lines;
    let cells_of = |k: usize| -> Vec<(Column, bool, f64, f64)> {
        line_cells(&lines[k])
            .into_iter()
            .filter_map(|(text, x0, x1)| {
                table
                    .header_cell(&text)
                    .map(|(column, whole)| (column, whole, x0, x1))
            })
            .collect()
    };
    // The heading of the programme column, whole or as the first line of a
    // heading that wraps.
    let anchor = (0..lines.len()).find(|&k| {
        !is_running(k)
            && cells_of(k).iter().any(|c| {
                c.0 == Column::Programme && (c.1 || wrapped_heading(page, k, c, table).is_some())
            })
    })?;
    let a = &lines[anchor];
    let slack = 0.3 * a.size;
    let mut member: Vec<usize> = (0..lines.len())
        .filter(|&k| !is_running(k))
        .filter(|&k| lines[k].top < a.bottom - slack && lines[k].bottom > a.top + slack)
        .collect();
    let mut cells = Vec::new();
    let mut continuation = Vec::new();
    for &k in &member {
        for c in cells_of(k) {
            if c.1 {
                cells.push(HeaderCell {
                    column: c.0,
                    x0: c.2,
                    x1: c.3,
                });
            } else if let Some((below, column)) = wrapped_heading(page, k, &c, table) {
                continuation.push(below);
                cells.push(HeaderCell {
                    column,
                    x0: c.2,
                    x1: c.3,
                });
            }
        }
    }
    member.extend(continuation);
    let bottom = member
        .iter()
        .map(|&k| lines[k].bottom)
        .fold(a.bottom, f64::max);
    // The table's words below the header row, and its vertical rules. A
    // day label says nothing of where the columns part: a date row spans
    // the table.
    let words: Vec<(f64, f64)> = lines
        .iter()
        .enumerate()
        .filter(|(k, l)| {
            !is_running(*k)
                && !member.contains(k)
                && l.top > bottom
                && !foot_rule.is_some_and(|y| l.top >= y)
                && table.parse_day(l.text.trim()).is_none()
        })
        .flat_map(|(_, l)| l.words.iter().map(|w| (w.x0, w.x1)))
        .collect();
    let rules: Vec<f64> = page
        .edges(2.0)
        .into_iter()
        .filter(|e| !e.horizontal && e.bottom - e.top > 8.0 && e.bottom > a.top)
        .map(|e| (e.x0 + e.x1) / 2.0)
        .collect();
    member.sort_unstable();
    member.dedup();
    Some(HeaderRow {
        lines: member,
        columns: Columns::new(&cells, &words, &rules),
    })
}

/// A heading's second line: the line just under a heading that is only the
/// start of one ("Agenda item/" over "programme"), within its cell. Returns
/// the line and the column the joined heading heads.
fn wrapped_heading(
    page: &Page,
    k: usize,
    cell: &(Column, bool, f64, f64),
    table: &Table,
) -> Option<(usize, Column)> {
    if cell.1 {
        return None;
    }
    let above = &page.text_lines[k];
    let (column, _, x0, x1) = *cell;
    let text = line_cells(above)
        .into_iter()
        .find(|(_, a, b)| (*a - x0).abs() < 0.5 && (*b - x1).abs() < 0.5)?
        .0;
    page.text_lines.iter().enumerate().find_map(|(j, l)| {
        let just_below =
            l.top >= above.bottom - 0.3 * above.size && l.top < above.bottom + 0.8 * above.size;
        let inside = l.x0 < x1 + above.size && l.x1 > x0 - above.size;
        if j == k || !just_below || !inside {
            return None;
        }
        let joined = format!("{text}{}", l.text.trim());
        let spaced = format!("{text} {}", l.text.trim());
        [joined, spaced]
            .iter()
            .find_map(|t| {
                table
                    .header_cell(t)
                    .filter(|(c, whole)| *whole && *c == column)
            })
            .map(|(c, _)| (j, c))
    })
}

/// A line's cells: runs of words apart by less than a wide gap, with their
/// text and extent. (Headings of neighbouring columns can share a line.)
fn line_cells(tl: &TextLine) -> Vec<(String, f64, f64)> {
    let mut words: Vec<&unprog_extract::Word> =
        tl.words.iter().filter(|w| !w.superscript).collect();
    words.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut groups: Vec<Vec<&unprog_extract::Word>> = Vec::new();
    for w in words {
        match groups.last_mut() {
            Some(g)
                if g.last()
                    .is_some_and(|p| w.x0 - p.x1 < 1.2 * tl.size.max(w.size)) =>
            {
                g.push(w)
            }
            _ => groups.push(vec![w]),
        }
    }
    groups
        .into_iter()
        .map(|mut g| {
            let x0 = g.first().map_or(0.0, |w| w.x0);
            let x1 = g.last().map_or(0.0, |w| w.x1);
            if tl.rtl {
                g.reverse();
            }
            let text = g
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            (text, x0, x1)
        })
        .collect()
}

/// The pieces of a table line, one per column it crosses. A line that is a
/// whole day label is a day however wide it runs (a date row spanning the
/// table).
fn place(g: &Columns, tl: &TextLine, line: Line, table: &Table) -> Vec<Line> {
    let loose = line.loose;
    if table.parse_day(&line.text).is_some() {
        return vec![Line {
            column: g.day_column(),
            ..line
        }];
    }
    let mut words: Vec<&unprog_extract::Word> =
        tl.words.iter().filter(|w| !w.superscript).collect();
    if tl.rtl {
        words.reverse();
    }
    let columns: Vec<Column> = if loose {
        // (Words in reading order; the spans left to right.)
        let mut spans: Vec<(f64, f64)> = words.iter().map(|w| (w.x0, w.x1)).collect();
        if tl.rtl {
            spans.reverse();
        }
        let mut columns = g.of_drifting_line(&spans, crate::text_layout::COLUMN);
        if tl.rtl {
            columns.reverse();
        }
        columns
    } else {
        words.iter().map(|w| g.of_span(w.x0, w.x1)).collect()
    };
    let mut pieces: Vec<(Column, Vec<&unprog_extract::Word>)> = Vec::new();
    for (w, &column) in words.iter().zip(&columns) {
        match pieces.iter_mut().find(|(c, _)| *c == column) {
            Some((_, ws)) => ws.push(w),
            None => pieces.push((column, vec![w])),
        }
    }
    if loose {
        cut_where_the_time_ends(&mut pieces, &words, table);
    }
    match pieces.len() {
        0 => vec![line],
        1 => vec![Line {
            column: pieces[0].0,
            ..line
        }],
        _ => {
            let programme = pieces.iter().position(|(c, _)| *c == Column::Programme);
            pieces
                .into_iter()
                .enumerate()
                .map(|(i, (column, ws))| {
                    let mut piece = line.clone();
                    piece.column = column;
                    piece.text = ws
                        .iter()
                        .fold(String::new(), |acc, w| join(table.language, &acc, &w.text));
                    piece.x0 = ws.iter().map(|w| w.x0).fold(f64::MAX, f64::min);
                    piece.x1 = ws.iter().map(|w| w.x1).fold(f64::MIN, f64::max);
                    piece.start = Some(if tl.rtl { piece.x1 } else { piece.x0 });
                    if let Some(first) = ws.first() {
                        piece.first_word_width = Some(first.x1 - first.x0);
                    }
                    if let Some(last) = ws.last() {
                        piece.last_word_width = Some(last.x1 - last.x0);
                    }
                    // Footnote markers hang on the programme text.
                    if programme.is_some_and(|p| p != i) || (programme.is_none() && i > 0) {
                        piece.markers.clear();
                        piece.lead_marker = None;
                    }
                    piece
                })
                .collect()
        }
    }
}

/// A time or date cell and the programme text beside it on one line, where
/// the boundary between the columns cuts the time short or runs into the
/// programme (text laid out in characters loses the gutter when a long
/// time cell reaches the programme column: `10 ч 00 м. – 13 ч 00 м. Открытие
/// сессии`): the cut goes where the longest run of words from the start
/// reads as a time or a day, when the columns' cut does not.
fn cut_where_the_time_ends<'w>(
    pieces: &mut Vec<(Column, Vec<&'w unprog_extract::Word>)>,
    words: &[&'w unprog_extract::Word],
    table: &Table,
) {
    let [(date_side, first), (Column::Programme, rest)] = pieces.as_slice() else {
        return;
    };
    if !date_side.is_date_side() {
        return;
    }
    // "Понедельник, 6" with the day number pushed past the column's edge:
    // the first line of a day label that wraps.
    let weekday_first = first
        .first()
        .and_then(|w| crate::lang::words(&w.text).into_iter().next())
        .is_some_and(|w| table.weekday(&w).is_some());
    if weekday_first
        && rest
            .iter()
            .all(|w| w.text.chars().all(|c| c.is_ascii_digit()))
    {
        let column = *date_side;
        *pieces = vec![(column, words.to_vec())];
        return;
    }
    // "Sala de conferencias" | "4 Palabras de apertura": a room's number
    // pushed past the column's edge.
    let number = |w: &&unprog_extract::Word| {
        !w.text.is_empty() && w.text.chars().all(|c| c.is_ascii_digit())
    };
    let ends_in_word = first
        .last()
        .is_some_and(|w| w.text.chars().all(char::is_alphabetic));
    if ends_in_word && rest.first().is_some_and(number) && rest.len() > 1 {
        let k = first.len() + 1;
        let column = *date_side;
        *pieces = vec![
            (column, words[..k].to_vec()),
            (Column::Programme, words[k..].to_vec()),
        ];
        return;
    }
    let reads = |ws: &[&unprog_extract::Word]| {
        let t = ws
            .iter()
            .fold(String::new(), |acc, w| join(table.language, &acc, &w.text));
        (table.parse_time)(&t).is_some() || table.parse_day(&t).is_some()
    };
    let at = first.len();
    // The cell runs as far as it reads ("10 ч 00 м. – 13 ч" reads, but so
    // does "10 ч 00 м. – 13 ч 00 м.").
    let best = (1..words.len())
        .filter(|&k| reads(&words[..k]))
        .max()
        .filter(|&k| k != at || !reads(first));
    if let Some(k) = best {
        let column = *date_side;
        *pieces = vec![
            (column, words[..k].to_vec()),
            (Column::Programme, words[k..].to_vec()),
        ];
    }
}

/// Puts the cells of one table row in column order (day, time, programme):
/// a row's date cell may sit a little lower than its time cell (a larger
/// or bold font), and the reader must meet a day before its first slot.
fn cells_of_a_row_in_column_order(lines: &mut [(Line, &TextLine)]) {
    let mut i = 0;
    while i < lines.len() {
        let first = lines[i].1;
        let mut j = i + 1;
        while j < lines.len()
            && lines[j].0.zone == Zone::Table
            && lines[i].0.zone == Zone::Table
            && overlaps(first, lines[j].1)
        {
            j += 1;
        }
        lines[i..j].sort_by_key(|(l, _)| l.column);
        i = j;
    }
}

/// Whether two lines share most of their height (sit on one row).
fn overlaps(a: &TextLine, b: &TextLine) -> bool {
    let shared = a.bottom.min(b.bottom) - a.top.max(b.top);
    shared > 0.5 * (a.bottom - a.top).min(b.bottom - b.top)
}

/// Indices (page, line) of running headers and footers: lines in the top or
/// bottom band of the page whose text (digits aside) repeats on other pages,
/// or that look like a page number or job number.
///
/// In a layout rebuilt from text (`loose`) a page is only as tall as its
/// text, so the bands are its first and last two rows instead (the table's
/// header row aside).
fn running_lines(layout: &Layout, table: &Table, loose: bool) -> Vec<(u32, usize)> {
    let key = |t: &str| -> String {
        t.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let job = job_number();
    // A bare page number: only as the lowest line of the page (a footnote's
    // number is a bare number too).
    let page_number = regex!(r"^\d{1,3}$");
    let mut seen: HashMap<(bool, String), Vec<u32>> = HashMap::new();
    let mut candidates = Vec::new();
    for page in &layout.pages {
        // Rows by their tops, for the loose bands.
        let mut rows: Vec<f64> = page.text_lines.iter().map(|l| l.top).collect();
        rows.sort_by(f64::total_cmp);
        rows.dedup();
        let (first_rows, last_rows) = (
            rows.get(1).copied().unwrap_or(f64::MIN),
            rows.iter().rev().nth(1).copied().unwrap_or(f64::MAX),
        );
        for (k, tl) in page.text_lines.iter().enumerate() {
            let (top, bottom) = if loose {
                let heading = table.header_cell(&tl.text).is_some();
                (
                    tl.top <= first_rows && !heading,
                    tl.top >= last_rows && !heading,
                )
            } else {
                (
                    tl.bottom < page.height * RUNNING_BAND,
                    tl.top > page.height * (1.0 - RUNNING_BAND),
                )
            };
            if !(top || bottom) {
                continue;
            }
            // Page 1's top band is the masthead, not a running header —
            // unless the very line comes back at the same place on the other
            // pages (a browser's header: the date, the page title).
            if top && page.number == 1 && !repeats_in_place(layout, tl, &key) {
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

/// A job number ("23-03456 (E)", also as a right-to-left run may print it)
/// or "page/pages": the lines a running footer is made of.
pub(crate) fn job_number() -> &'static Regex {
    regex!(
        r"^[\d/\s]*(\d{2}-\d{5}|\d{5}-\d{2})\s*([()][A-Z][()])?[\s\d/]*$|^[()]?[A-Z][()]?\s*(\d{2}-\d{5}|\d{5}-\d{2})[\s\d/]*$|^\d{1,3}\s*/\s*\d{1,3}$"
    )
}

/// Whether a line of page 1 comes back on another page at the same place
/// with the same text (digits aside).
fn repeats_in_place(layout: &Layout, line: &TextLine, key: &dyn Fn(&str) -> String) -> bool {
    let k = key(&line.text);
    layout.pages.iter().skip(1).any(|p| {
        p.text_lines.iter().any(|o| {
            (o.x0 - line.x0).abs() < 3.0 && (o.top - line.top).abs() < 3.0 && key(&o.text) == k
        })
    })
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
    // The margins of the text, running headers and footers aside (a
    // browser prints its own further out).
    let inside = |l: &&TextLine| {
        l.top > page.height * RUNNING_BAND && l.bottom < page.height * (1.0 - RUNNING_BAND)
    };
    let min_x = page
        .text_lines
        .iter()
        .filter(inside)
        .map(|l| l.x0)
        .fold(f64::MAX, f64::min);
    let max_x = page
        .text_lines
        .iter()
        .filter(inside)
        .map(|l| l.x1)
        .fold(f64::MIN, f64::max);
    rules_joined(page)
        .into_iter()
        .filter(|e| e.x1 - e.x0 < 0.45 * page.width && e.x1 - e.x0 > 20.0)
        // At the page foot, or anywhere when nothing but small type follows
        // it (a web page's notes after the table).
        .filter(|e| {
            e.top > page.height * 0.4
                || page
                    .text_lines
                    .iter()
                    .filter(|l| l.top >= e.bottom && l.bottom < page.height * (1.0 - RUNNING_BAND))
                    .all(|l| l.size < body * 0.95)
        })
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

/// The page's horizontal rules, those that continue one another joined (a
/// table border drawn cell by cell is one rule, not a short one per cell).
fn rules_joined(page: &Page) -> Vec<unprog_extract::Edge> {
    let mut rules: Vec<unprog_extract::Edge> = page
        .edges(2.0)
        .into_iter()
        .filter(|e| e.horizontal)
        .collect();
    rules.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.x0.total_cmp(&b.x0)));
    let mut out: Vec<unprog_extract::Edge> = Vec::with_capacity(rules.len());
    for e in rules {
        match out.last_mut() {
            Some(last) if (last.top - e.top).abs() < 1.0 && e.x0 <= last.x1 + 2.0 => {
                last.x1 = last.x1.max(e.x1);
                last.bottom = last.bottom.max(e.bottom);
            }
            _ => out.push(e),
        }
    }
    out
}

/// The usual line pitch per (column, zone), over the whole document.
type Pitches = HashMap<(Column, u8), f64>;

fn key(line: &Line) -> (Column, u8) {
    let zone = match line.zone {
        Zone::Masthead => 0,
        Zone::Table => 1,
        Zone::Footnotes => 2,
    };
    (line.column, zone)
}

/// Gaps between the baselines of consecutive lines of one column and zone.
fn gaps(lines: &[(Line, &TextLine)], k: (Column, u8)) -> (Vec<usize>, Vec<f64>) {
    let idx: Vec<usize> = (0..lines.len())
        .filter(|&i| key(&lines[i].0) == k)
        .collect();
    let gaps = idx
        .windows(2)
        .map(|w| lines[w[1]].1.baseline - lines[w[0]].1.baseline)
        .collect();
    (idx, gaps)
}

const COLUMNS: [Column; 4] = [Column::Day, Column::Date, Column::Time, Column::Programme];

fn keys() -> impl Iterator<Item = (Column, u8)> {
    COLUMNS
        .into_iter()
        .flat_map(|c| (0..3u8).map(move |z| (c, z)))
}

fn document_pitches(pages: &[Vec<(Line, &TextLine)>]) -> Pitches {
    let mut out = Pitches::new();
    for k in keys() {
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
        if let Some(&p) = out.get(&(Column::Programme, zone)) {
            for c in COLUMNS.into_iter().filter(|c| c.is_date_side()) {
                out.insert((c, zone), p);
            }
        }
    }
    out
}

/// Sets `para_break` from vertical gaps (per column and zone) and `full` from
/// how far each line runs towards its column's far edge.
fn mark_paragraphs(lines: &mut [(Line, &TextLine)], table: &Table, pitches: &Pitches) {
    let rtl = table.right_to_left();
    for k in keys() {
        let (idx, gaps) = gaps(lines, k);
        if idx.is_empty() {
            continue;
        }
        let pitch = pitches.get(&k).copied().unwrap_or(12.0);
        // The column's far edge: where its lines end at the farthest — or,
        // for text laid out in characters, where most full lines end (a line
        // of CJK characters, counted two columns each, overshoots it).
        // (A day label may span the table: it is not the column's.)
        let idx_all = idx.clone();
        let idx: Vec<usize> = {
            let cells: Vec<usize> = idx
                .iter()
                .copied()
                .filter(|&i| table.parse_day(&lines[i].0.text).is_none())
                .collect();
            if cells.is_empty() {
                idx
            } else {
                cells
            }
        };
        let far_edge = if lines[idx[0]].0.loose {
            let mut ends: Vec<f64> = idx
                .iter()
                .map(|&i| if rtl { -lines[i].0.x0 } else { lines[i].0.x1 })
                .collect();
            ends.sort_by(f64::total_cmp);
            let e = ends.get(ends.len() * 4 / 5).copied().unwrap_or(0.0);
            if rtl {
                -e
            } else {
                e
            }
        } else if rtl {
            idx.iter().map(|&i| lines[i].0.x0).fold(f64::MAX, f64::min)
        } else {
            idx.iter().map(|&i| lines[i].0.x1).fold(f64::MIN, f64::max)
        };
        // Where lines start, measured from the column's own start edge on
        // this page (text laid out in characters shifts it page by page).
        let near_edge = if rtl {
            idx.iter().map(|&i| lines[i].0.x1).fold(f64::MIN, f64::max)
        } else {
            idx.iter().map(|&i| lines[i].0.x0).fold(f64::MAX, f64::min)
        };
        for (n, &i) in idx_all.iter().enumerate() {
            let tl = lines[i].1;
            let (x0, x1) = (lines[i].0.x0, lines[i].0.x1);
            lines[i].0.start = Some(if rtl { near_edge - x1 } else { x0 - near_edge });
            lines[i].0.column_width = (far_edge - near_edge).abs();
            let slack = 1.5 * tl.size.max(6.0);
            lines[i].0.full = if rtl {
                x0 <= far_edge + slack
            } else {
                x1 >= far_edge - slack
            };
            lines[i].0.room_after = if rtl { x0 - far_edge } else { far_edge - x1 }.max(0.0);
            lines[i].0.para_break = if n == 0 {
                None
            } else {
                let gap = gaps[n - 1];
                // A superscript raises its line's box (browsers set the
                // line lower to make room for it).
                let raised = if tl.superscripts.is_empty() {
                    0.0
                } else {
                    0.45 * tl.size
                };
                Some(gap > pitch + (0.15 * tl.size).max(1.2) + raised || gap < 0.0)
            };
        }
        // A word too long for its column, broken at the edge without a
        // hyphen ("conferencia" / "s 4" in a narrow date column): the line
        // before ran to the edge, and its last word with this line's first
        // would not have fitted in the column anyway.
        for pair in idx_all.windows(2) {
            let (before, line) = (&lines[pair[0]].0, &lines[pair[1]].0);
            let letters = |t: &str, last: bool| {
                let c = if last {
                    t.chars().next_back()
                } else {
                    t.chars().next()
                };
                c.is_some_and(|c| c.is_alphabetic() && !unprog_extract::script::is_cjk(c))
            };
            let broken = !line.loose
                && line.para_break == Some(false)
                && before.room_after < 0.3 * before.size
                && letters(&before.text, true)
                && letters(&line.text, false)
                && line.text.chars().next().is_some_and(char::is_lowercase)
                && before
                    .last_word_width
                    .zip(line.first_word_width)
                    .is_some_and(|(a, b)| a + b > 0.95 * before.column_width);
            lines[pair[1]].0.continues_word = broken;
        }
    }
}

/// The usual distance between baselines of consecutive lines of a paragraph:
/// the smallest gap that recurs (paragraph gaps are larger), never more than
/// 1.9 times the font size (in a table where most lines are paragraphs of
/// their own, paragraph gaps are the most frequent; Arabic fonts such as
/// Amiri set lines 1.75 apart).
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
    pitch.min(1.9 * size)
}
