//! Text laid out in columns with spaces (`pdftotext -layout`, a PDF
//! viewer's "save as text" with layout kept): rebuilt as the positioned
//! layout it was printed from, so that the layout reader finds the header
//! row, the columns (from the gutters between the headings, as on a page),
//! paragraph breaks and the footnote area the same way it does in a PDF.
//!
//! Positions are character columns, counted the way such tools lay text out
//! (poppler places each word at the column its x falls in, one column per
//! character, CJK ones too), at [`COLUMN`] points each; each text line is
//! [`LINE`] points below the last. What text cannot show is put back from
//! what it does show: a footnote block at the page foot (a marker at the
//! margin, then its text) is set in small type under a rule; a marker that
//! the tool printed on a line of its own, at the end of a line above or
//! below it, hangs on that line again as a superscript.

use unprog_extract::model::Superscript;

use crate::lines::display_width;
use unprog_extract::{Decoder, DocumentInfo, Layout, Page, Ruling, TextLine, Word};

/// Width of one character column, in points.
pub(crate) const COLUMN: f64 = 5.0;
/// Distance between two text lines, in points.
const LINE: f64 = 12.0;
/// Body type size, in points.
const BODY: f64 = 10.0;
/// Footnote type size, in points (smaller than the body, as printed).
const NOTE: f64 = 8.0;
/// Spaces that set two cells of a row apart (fewer join words, as the tab
/// after a bullet or a sub-item's letter does). Cells closer than that are
/// parted by the columns the header row shows.
const CELL_GAP: usize = 6;

/// Whether text keeps its layout in spaces: many lines indented or with
/// wide runs of spaces inside.
pub(crate) fn looks_columnar(text: &str) -> bool {
    let (mut lines, mut laid_out) = (0usize, 0usize);
    for line in text.lines().map(strip_controls) {
        let t = line.trim_end();
        if t.trim().is_empty() {
            continue;
        }
        lines += 1;
        let indent = t.len() - t.trim_start().len();
        if indent >= 4 || t.trim_start().contains("   ") {
            laid_out += 1;
        }
    }
    lines > 0 && laid_out * 4 >= lines
}

/// The text with its layout spaces taken out, as a tool that lets text
/// flow prints it: no indent, and a row's cells set two spaces apart (the
/// flowing reader splits a row there).
pub(crate) fn flatten(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // (A page's first line starts with the form feed before it.)
        let body = line.trim_start_matches('\x0c');
        out.push_str(&line[..line.len() - body.len()]);
        let mut spaces = 0;
        for c in body.trim_matches(' ').chars() {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            if spaces > 0 {
                out.push_str(if spaces >= 3 { "  " } else { &"  "[..spaces] });
                spaces = 0;
            }
            out.push(c);
        }
    }
    out
}

/// Bidirectional controls some tools wrap right-to-left runs in (embeddings,
/// isolates, marks): the layout they describe is in the spaces already.
fn strip_controls(line: &str) -> String {
    line.chars()
        .filter(|c| !matches!(*c as u32, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069))
        .collect()
}

/// One run of non-space characters: its text and display columns.
#[derive(Debug, Clone)]
struct Token {
    text: String,
    start: usize,
    end: usize,
}

/// The words of a line with their columns: a word starts at the column the
/// tool put it in (one per character before it) and reaches as far as it
/// was wide on the page (a CJK character is twice as wide as a Latin one).
/// The next word's column is where the page had it, so the two may
/// overlap when CJK text comes first.
fn tokens(line: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut current: Option<Token> = None;
    for (col, c) in line.chars().enumerate() {
        if c.is_whitespace() {
            if let Some(t) = current.take() {
                out.push(t);
            }
        } else {
            let t = current.get_or_insert_with(|| Token {
                text: String::new(),
                start: col,
                end: col,
            });
            t.text.push(c);
            t.end = t.start + display_width(&t.text);
        }
    }
    out.extend(current);
    out
}

/// The cells of a line: tokens apart by fewer than [`CELL_GAP`] spaces.
fn cells(tokens: Vec<Token>) -> Vec<Vec<Token>> {
    let mut out: Vec<Vec<Token>> = Vec::new();
    for t in tokens {
        match out.last_mut() {
            Some(cell)
                if cell
                    .last()
                    .is_some_and(|p| t.start.saturating_sub(p.end) < CELL_GAP) =>
            {
                cell.push(t)
            }
            _ => out.push(vec![t]),
        }
    }
    for cell in &mut out {
        set_one_space_apart(cell);
    }
    out
}

/// Words the tool printed one space apart were set that way on the page,
/// however wide they are: in such a run a word after CJK text starts one
/// space after that text's width, not at the column the tool printed it in
/// (which undercounts the CJK characters before it). Words printed further
/// apart were placed apart and keep their columns, and so does a run that
/// would reach the next one.
fn set_one_space_apart(cell: &mut [Token]) {
    let printed_end = |t: &Token| t.start + t.text.chars().count();
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for k in 0..cell.len() {
        match runs.last_mut() {
            Some(run) if cell[k].start == printed_end(&cell[k - 1]) + 1 => run.end = k + 1,
            _ => runs.push(k..k + 1),
        }
    }
    for (n, run) in runs.iter().enumerate() {
        let mut placed: Vec<(usize, usize)> = Vec::with_capacity(run.len());
        for k in run.clone() {
            let t = &cell[k];
            let start = match placed.last() {
                Some(&(_, end)) if t.start <= end => end + 1,
                _ => t.start,
            };
            placed.push((start, start + (t.end - t.start)));
        }
        let next = runs.get(n + 1).map(|r| cell[r.start].start);
        let reach = placed.last().map_or(0, |&(_, end)| end);
        if next.is_some_and(|s| reach + 2 > s) {
            continue;
        }
        for (k, (start, end)) in run.clone().zip(placed) {
            cell[k].start = start;
            cell[k].end = end;
        }
    }
}

fn is_rtl_text(text: &str) -> bool {
    let (r, l) = text.chars().fold((0, 0), |(r, l), c| {
        (
            r + usize::from(unprog_extract::script::is_rtl(c)),
            l + usize::from(unprog_extract::script::is_ltr(c)),
        )
    });
    r > l
}

/// A footnote marker as text shows it: one or two digits (or a symbol).
fn is_marker(t: &str) -> bool {
    (1..=2).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit())
        || matches!(t, "*" | "†" | "‡")
}

/// The laid-out text as a layout. Pages end at form feeds.
pub(crate) fn layout(text: &str) -> Layout {
    let mut pages: Vec<&str> = text.split('\x0c').collect();
    while pages.len() > 1 && pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    let page_lines: Vec<Vec<String>> = pages
        .iter()
        .map(|p| p.lines().map(strip_controls).collect())
        .collect();
    let rtl = is_rtl_text(text);
    let notes = footnote_blocks(&page_lines, rtl);
    let markers: Vec<String> = notes
        .iter()
        .flat_map(|(_, first, _)| first.iter().cloned())
        .collect();
    let pages = page_lines
        .iter()
        .enumerate()
        .map(|(i, lines)| {
            let block = notes
                .iter()
                .find(|(p, ..)| *p == i)
                .map(|(_, _, from)| *from);
            page(i as u32 + 1, lines, block, &markers, rtl)
        })
        .collect::<Vec<_>>();
    Layout {
        info: DocumentInfo {
            page_count: pages.len(),
            ..DocumentInfo::default()
        },
        pages,
        warnings: Vec::new(),
    }
}

/// Per page, the footnote block at its foot, if any: (page index, the
/// markers that open its footnotes, index of its first line).
fn footnote_blocks(pages: &[Vec<String>], rtl: bool) -> Vec<(usize, Vec<String>, usize)> {
    let browser = regex!(r"^(\d{1,2}/\d{1,2}/\d{2,4},|file:)");
    let mut out = Vec::new();
    // The number the next footnote takes: notes are numbered through the
    // document, so a number alone on its line that is not it (a room's
    // number wrapped under its name) opens none.
    let mut next_number: u32 = 1;
    for (p, lines) in pages.iter().enumerate() {
        // The page's left margin: where its body lines start (a browser's
        // own header and footer may start further out).
        // (A browser's stamp and file footer, at the paper's edge, are not
        // body lines.)
        let mut starts: Vec<usize> = lines
            .iter()
            .filter_map(|l| tokens(l).first().map(|t| (t.start, t.text.clone())))
            .filter(|(_, first)| !browser.is_match(first))
            .map(|(start, _)| start)
            .collect();
        starts.sort_unstable();
        let margin = starts.get(starts.len() / 4).copied().unwrap_or(0);
        // Right-to-left pages start their lines at the right margin.
        let mut ends: Vec<usize> = lines
            .iter()
            .filter_map(|l| tokens(l).last().map(|t| t.end))
            .collect();
        ends.sort_unstable();
        let right_margin = ends.get(ends.len() * 3 / 4).copied().unwrap_or(0);
        let at_margin = |t: &Token| {
            if rtl {
                t.end + 3 >= right_margin
            } else {
                t.start <= margin + 3
            }
        };
        // Lines that open a footnote: a marker at the margin, a gap, text.
        // (On a right-to-left page, or the marker first where the text was
        // put in reading order: `text_bidi::footnote_numbers_first`.)
        let opens = |l: &str| -> Option<String> {
            let ts = tokens(l);
            let leading = || -> Option<String> {
                let (marker, next) = (ts.first()?, ts.get(1)?);
                let gap = next.start.checked_sub(marker.end)?;
                (is_marker(&marker.text) && gap >= 1 && (rtl || at_margin(marker)))
                    .then(|| marker.text.clone())
            };
            if !rtl {
                return leading().filter(|_| {
                    ts.get(1)
                        .zip(ts.first())
                        .is_some_and(|(n, m)| n.start >= m.end + 2)
                });
            }
            let trailing = || -> Option<String> {
                let (marker, next) = (ts.last()?, ts.get(ts.len().checked_sub(2)?)?);
                let gap = marker.start.checked_sub(next.end)?;
                (is_marker(&marker.text) && gap >= 2 && at_margin(marker))
                    .then(|| marker.text.clone())
            };
            trailing().or_else(leading)
        };
        // A marker on a line of its own, its text on the next (a browser's
        // notes after the table).
        let lone_marker = |k: usize| -> Option<String> {
            let ts = tokens(&lines[k]);
            let next = lines.get(k + 1).map(|l| tokens(l)).unwrap_or_default();
            match ts.as_slice() {
                [m] if is_marker(&m.text)
                    && at_margin(m)
                    && !next.is_empty()
                    && m.text.parse::<u32>().ok().is_none_or(|n| n == next_number) =>
                {
                    Some(m.text.clone())
                }
                _ => None,
            }
        };
        let opens_at = |k: usize| opens(&lines[k]).or_else(|| lone_marker(k));
        // The block: from the first opening line after the last blank line
        // that has table text above it, down to the page's last lines.
        // (A marker alone on its line need not follow a blank one: Word's
        // notes come right under the table's last line.)
        let Some(first) = (0..lines.len()).find(|&k| {
            opens_at(k).is_some()
                && k > 0
                && (lines[k - 1].trim().is_empty() || lone_marker(k).is_some())
                && lines[k..].iter().filter(|l| !l.trim().is_empty()).count() <= 12
        }) else {
            continue;
        };
        let markers: Vec<String> = (first..lines.len()).filter_map(opens_at).collect();
        if let Some(last) = markers.iter().filter_map(|m| m.parse::<u32>().ok()).max() {
            next_number = next_number.max(last + 1);
        }
        out.push((p, markers, first));
    }
    out
}

fn page(
    number: u32,
    lines: &[String],
    notes_from: Option<usize>,
    markers: &[String],
    rtl_page: bool,
) -> Page {
    let mut text_lines: Vec<TextLine> = Vec::new();
    let mut width = 0usize;
    for (k, line) in lines.iter().enumerate() {
        let in_notes = notes_from.is_some_and(|f| k >= f);
        let size = if in_notes { NOTE } else { BODY };
        let top = (k as f64 + 1.0) * LINE;
        let mut row = cells(tokens(line));
        // A row's cells in reading order: right to left on a right-to-left page.
        if rtl_page {
            row.reverse();
        }
        for cell in row {
            let (Some(first), Some(last)) = (cell.first(), cell.last()) else {
                continue;
            };
            width = width.max(last.end);
            let text = cell
                .iter()
                .map(|t| t.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let rtl = is_rtl_text(&text);
            let (x0, x1) = (first.start as f64 * COLUMN, last.end as f64 * COLUMN);
            let mut words: Vec<Word> = cell
                .iter()
                .map(|t| Word {
                    text: t.text.clone(),
                    x0: t.start as f64 * COLUMN,
                    x1: t.end as f64 * COLUMN,
                    top,
                    bottom: top + size,
                    baseline: top + 0.8 * size,
                    size,
                    font: None,
                    superscript: false,
                    rtl,
                })
                .collect();
            if rtl {
                // The tool wrote each run in logical order; on the page its
                // first word is the rightmost. Runs set apart by two spaces
                // or more were placed apart (two headings of one row).
                let mut runs: Vec<Vec<Word>> = Vec::new();
                let mut last_end: Option<f64> = None;
                for w in words {
                    let apart = last_end.is_some_and(|e| w.x0 - e >= 2.0 * COLUMN);
                    last_end = Some(w.x1);
                    match runs.last_mut() {
                        Some(run) if !apart => run.push(w),
                        _ => runs.push(vec![w]),
                    }
                }
                words = Vec::new();
                for mut run in runs {
                    let (a, b) = (
                        run.first().map_or(0.0, |w| w.x0),
                        run.last().map_or(0.0, |w| w.x1),
                    );
                    mirror(&mut run, a, b);
                    words.extend(run);
                }
            }
            text_lines.push(TextLine {
                text,
                superscripts: Vec::new(),
                x0,
                x1,
                top,
                bottom: top + size,
                baseline: top + 0.8 * size,
                size,
                rtl,
                words,
            });
        }
    }
    hang_lone_markers(&mut text_lines, markers);
    let height = (lines.len() as f64 + 2.0) * LINE;
    // The footnote separator: a short rule at the margin the notes start
    // from, half a line above the block (the line above it is blank).
    let rtl = rtl_page;
    let right = width as f64 * COLUMN;
    let rules = notes_from
        .map(|f| {
            let y = (f as f64 + 1.0) * LINE - 0.5 * LINE;
            // (Where the block's first line starts, or ends on a
            // right-to-left page.)
            let first = tokens(&lines[f]);
            let (x0, x1) = if rtl {
                let end = first.last().map_or(right, |t| t.end as f64 * COLUMN);
                (end - 30.0 * COLUMN, end)
            } else {
                let start = first.first().map_or(0.0, |t| t.start as f64 * COLUMN);
                (start, start + 30.0 * COLUMN)
            };
            vec![Ruling {
                x0,
                x1,
                top: y,
                bottom: y,
                width: 0.5,
            }]
        })
        .unwrap_or_default();
    Page {
        number,
        width: (width as f64 + 2.0) * COLUMN,
        height,
        rotate: 0,
        decoder: Decoder::None,
        error: None,
        chars: Vec::new(),
        text_lines,
        lines: rules,
        rects: Vec::new(),
        links: Vec::new(),
    }
}

/// Places right-to-left words as they sit on the page: the first word of
/// the run at its right end.
fn mirror(words: &mut [Word], x0: f64, x1: f64) {
    for w in words.iter_mut() {
        let (a, b) = (x0 + x1 - w.x1, x0 + x1 - w.x0);
        w.x0 = a;
        w.x1 = b;
    }
    words.reverse();
}

/// A footnote marker the tool printed on a line of its own (it was raised
/// above the text it hangs on) joins the line just above or below whose end
/// it touches, as a superscript.
fn hang_lone_markers(lines: &mut Vec<TextLine>, markers: &[String]) {
    let mut k = 0;
    while k < lines.len() {
        let lone = &lines[k];
        if !(lone.words.len() == 1 && markers.contains(&lone.text)) {
            k += 1;
            continue;
        }
        let (mx0, mx1, mtop) = (lone.x0, lone.x1, lone.top);
        // A raised marker comes out on the line above its own: look below first.
        let host = (k + 1..lines.len()).chain((0..k).rev()).find(|&j| {
            let l = &lines[j];
            let near_row = j != k && (l.top - mtop).abs() <= LINE + 0.1 && l.size == lone.size;
            let at_end = if l.rtl {
                mx1 <= l.x0 + COLUMN && mx1 >= l.x0 - 3.0 * COLUMN
            } else {
                mx0 >= l.x1 - COLUMN && mx0 <= l.x1 + 3.0 * COLUMN
            };
            near_row && at_end && !l.words.is_empty()
        });
        match host {
            Some(j) => {
                let marker = lines.remove(k);
                let j = if j > k { j - 1 } else { j };
                let host = &mut lines[j];
                let start = host.text.len();
                host.text.push_str(&marker.text);
                host.superscripts.push(Superscript {
                    text: marker.text.clone(),
                    start,
                    end: host.text.len(),
                });
                let mut word = marker.words[0].clone();
                word.superscript = true;
                if host.rtl {
                    host.words.insert(0, word);
                } else {
                    host.words.push(word);
                }
            }
            None => k += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_right_to_left_note_opens_with_its_number_first_or_last() {
        let page = |note: &str| {
            vec![vec![
                "          البند 5 من جدول الأعمال: مناقشة المسائل الموضوعية".to_string(),
                String::new(),
                note.to_string(),
                "      التقرير المرحلي السنوي الأول للفريق العامل".to_string(),
            ]]
        };
        let body = "تُشجع الدول بقوة على أن تركز في بياناتها في إطار البند";
        for note in [format!("   {body}      1"), format!("   1 {body}")] {
            let blocks = footnote_blocks(&page(&note), true);
            assert_eq!(blocks, [(0, vec!["1".to_string()], 2)], "{note}");
        }
    }

    #[test]
    fn a_number_alone_that_is_not_the_next_notes_opens_no_note() {
        // A room's number wrapped under its name, then the page's first note.
        let body = "تُشجع الدول بقوة على أن تركز في بياناتها في إطار البند";
        let page = vec![
            "      البند 2 من جدول الأعمال: إقرار جدول الأعمال            قاعة".to_string(),
            String::new(),
            "                                                               4".to_string(),
            "   البند 3 من جدول الأعمال: تنظيم الأعمال".to_string(),
            String::new(),
            "                                                               1".to_string(),
            format!("   {body}"),
            "      التقرير المرحلي السنوي الأول للفريق العامل".to_string(),
        ];
        assert_eq!(
            footnote_blocks(&[page], true),
            [(0, vec!["1".to_string()], 5)]
        );
    }

    #[test]
    fn flattened_text_keeps_a_rows_cells_two_spaces_apart() {
        let text = "       7 月 8 日，星期一\n上午 10 时 会议开幕\n至下午 1    致开幕词\n\x0c   A/AC.292/1";
        assert_eq!(
            flatten(text),
            "7 月 8 日，星期一\n上午 10 时 会议开幕\n至下午 1  致开幕词\n\x0cA/AC.292/1"
        );
    }

    #[test]
    fn laid_out_text_is_told_from_flowing_text() {
        let laid = "Date/time        Agenda item/programme\n\nMonday, 6 March\n10 a.m.–1 p.m.   Opening of the session\n                 Agenda item 3: Organization of work\n";
        assert!(looks_columnar(laid));
        let flowing = "Date/time\n\nAgenda item/programme\n\nMonday, 6 March\n10 a.m.–1 p.m.\n\nOpening of the session\n";
        assert!(!looks_columnar(flowing));
    }

    #[test]
    fn cells_are_runs_of_words_set_apart_by_wide_gaps() {
        let l = layout("Date/time            Agenda item/programme\n3 月 6 日，星期一\n上午 10 时至下午 1 时 会议开幕\n");
        let p = &l.pages[0];
        assert_eq!(p.text_lines[0].text, "Date/time");
        assert_eq!(p.text_lines[1].text, "Agenda item/programme");
        assert_eq!(p.text_lines[1].x0, 21.0 * COLUMN);
        // A CJK character is two columns wide, and the words of a run
        // printed one space apart are one space apart however wide.
        assert_eq!(p.text_lines[2].x1, 17.0 * COLUMN);
        // One space does not part cells (the columns do, later).
        assert_eq!(p.text_lines[3].text, "上午 10 时至下午 1 时 会议开幕");
        assert_eq!(p.text_lines[3].words.len(), 6);
    }

    #[test]
    fn a_run_after_cjk_text_reaches_as_far_as_its_text_but_a_run_placed_apart_keeps_its_column() {
        // (The line's last word, printed at column 12, starts at 18 on the
        // page and ends at 22.)
        let run = tokens("关于《2022 年年度 号文");
        let mut cell = run.clone();
        set_one_space_apart(&mut cell);
        assert_eq!(cell.last().map(|t| (t.start, t.end)), Some((18, 22)));
        // A time whose last word would reach the programme printed three
        // spaces after it keeps the columns the tool printed.
        let row = tokens("下午 3 时至 6   议程项目");
        let mut cell = row.clone();
        set_one_space_apart(&mut cell);
        assert_eq!(
            cell.iter().map(|t| t.start).collect::<Vec<_>>(),
            row.iter().map(|t| t.start).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_footnote_block_is_small_type_under_a_rule_and_lone_markers_hang_on_their_line() {
        let text = "                 Agenda item 5: Discussion of the substantive issues\n                 contained in paragraph 1 of resolution 75/240\n                                                              1\n\n1    States are encouraged to focus their statements.\n     More text of the note.\n\n23-03456 (E)\n";
        let l = layout(text);
        let p = &l.pages[0];
        let note = p
            .text_lines
            .iter()
            .find(|t| t.text.starts_with("1 States"))
            .expect("note line");
        assert_eq!(note.size, NOTE);
        assert_eq!(p.lines.len(), 1);
        let item = p
            .text_lines
            .iter()
            .find(|t| t.text.starts_with("contained"))
            .expect("item line");
        assert_eq!(item.superscripts.len(), 1);
        assert_eq!(
            item.text_without_superscripts(),
            "contained in paragraph 1 of resolution 75/240"
        );
        assert!(!p.text_lines.iter().any(|t| t.text == "1" && t.size == BODY));
    }

    #[test]
    fn right_to_left_runs_keep_their_logical_text_and_visual_places() {
        let l = layout("\u{202b}البند/البرنامج\u{202c}          \u{202b}التاريخ/الوقت\u{202c}\n");
        let p = &l.pages[0];
        assert_eq!(p.text_lines.len(), 2);
        // Read right to left: the rightmost cell first.
        assert_eq!(p.text_lines[0].text, "التاريخ/الوقت");
        assert_eq!(p.text_lines[1].text, "البند/البرنامج");
        assert!(p.text_lines[1].rtl);
        assert!(p.text_lines[0].x0 > p.text_lines[1].x1);
    }
}
