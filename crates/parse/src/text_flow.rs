//! Reading text that flows: the reading-order text of `pdftotext`, MuPDF's
//! `mutool draw -F txt`, text copied from a viewer (`shared/samples/`).
//!
//! No positions: a cell comes as a run of lines, blocks set apart by blank
//! lines where the tool prints them, the columns of a row one after the
//! other. The reader
//! 1. splits the pages (form feeds, or a viewer's list of links) and drops
//!    what runs on every page: the table's header row and the symbol above
//!    it, job and page numbers, a browser's header and footer;
//! 2. takes each page's footnotes from its foot: blocks wider than the
//!    programme column, or opened by a marker;
//! 3. tells the date side (day labels and times, wrapped ones joined, and
//!    the room under a time) from the programme;
//! 4. hangs a mark printed apart ("(b)", "•", "–") on the text after it, and
//!    puts back in their slot the list entries a tool read after the next
//!    slot's time;
//! 5. joins each paragraph's lines: a line continues the one before when
//!    that one had no room left for its first word, or when it starts in
//!    lowercase.
//!
//! Each paragraph becomes one line of the shared form, so the timetable reads
//! it as it reads a paragraph of a layout.

use crate::joining::join;
use crate::lang::Table;
use crate::lines::{display_width, Column, Line, Prepared, Zone};
use crate::timetable::{is_list_entry, is_structural};

/// A line of the text as the tool printed it.
#[derive(Debug, Clone)]
struct Raw {
    text: String,
    page: u32,
    /// A blank line (or a page break) came before it.
    gap: bool,
    /// The tool left a space at its end (MuPDF does where a line wraps).
    trailing: bool,
    /// A sub-item's text that took its mark from before a time the tool
    /// printed between them: the text goes back before that time.
    carried: bool,
}

/// What a table line turned out to be.
#[derive(Debug, Clone)]
enum Piece {
    /// A day label or a time: opens a cell of the date side.
    Date { text: String, page: u32, time: bool },
    /// A room under a time.
    Room { text: String, page: u32 },
    /// A line of the programme column.
    Programme(Raw),
}

fn url_line() -> &'static regex::Regex {
    regex!(r"^(https?|file)://\S+$")
}

/// A browser's print footer: the page's address and "1/2", set apart (as
/// `pdftotext -layout` keeps them on one line).
fn browser_footer() -> &'static regex::Regex {
    regex!(r"^(https?|file)://\S+\s{2,}\d{1,3}/\d{1,3}$")
}

/// A browser's print header: the date and time of printing.
fn print_stamp() -> &'static regex::Regex {
    regex!(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(\s*[AaPp]\.?[Mm]\.?)?$")
}

fn separator_line() -> &'static regex::Regex {
    regex!(r"^[_—–-]{8,}$")
}

/// "2/5": a page of so many (a symbol's "75/240" is not one).
fn page_of_pages(t: &str) -> Option<(u32, u32)> {
    let (n, m) = t.split_once('/')?;
    Some((n.trim().parse().ok()?, m.trim().parse().ok()?))
}

/// Words a tool printed without the hyphen they broke at ("information-" +
/// "communication" read as "informationcommunication", as `pdftotext`
/// does) get it back where the document prints the hyphenated form
/// elsewhere.
fn restore_hyphens(raws: &mut [Raw], table: &Table) {
    let hyphenated = regex!(r"\b\w+(-\w+)+\b");
    let mut forms: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for r in raws.iter() {
        for m in hyphenated.find_iter(&r.text) {
            // The word with any one of its hyphens left out.
            let whole = m.as_str();
            for (at, _) in whole.match_indices('-') {
                forms.insert(
                    format!("{}{}", &whole[..at], &whole[at + 1..]),
                    whole.to_string(),
                );
            }
        }
    }
    // A compound that lost one of its hyphens: "pointsof-contact", its
    // first or last part two words the document uses on their own.
    let vocabulary: std::collections::HashSet<String> = raws
        .iter()
        .flat_map(|r| regex!(r"[\p{L}-]+").find_iter(&r.text))
        .filter(|m| !m.as_str().contains('-'))
        .map(|m| m.as_str().to_lowercase())
        .collect();
    let split = |part: &str| -> Option<String> {
        let lower = part.to_lowercase();
        if vocabulary.contains(&lower) {
            return None;
        }
        let at: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
        at.iter()
            .copied()
            .filter(|&i| lower[..i].chars().count() >= 3 && lower[i..].chars().count() >= 2)
            .find(|&i| {
                let (a, b) = (&lower[..i], &lower[i..]);
                // (Or a word and one of the language's short common words:
                // "points" + "of".)
                let common = table.common_words.contains(&b) && a.chars().count() >= 4;
                vocabulary.contains(b) && (vocabulary.contains(a) || common)
            })
            .and_then(|i| {
                // The same cut in the printed part (its case kept).
                let cut = part.char_indices().nth(lower[..i].chars().count())?.0;
                Some(format!("{}-{}", &part[..cut], &part[cut..]))
            })
    };
    for r in raws.iter() {
        for m in hyphenated.find_iter(&r.text) {
            let whole = m.as_str();
            let parts: Vec<&str> = whole.split('-').collect();
            let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
                continue;
            };
            if let Some(f) = split(first) {
                forms.insert(whole.to_string(), format!("{f}{}", &whole[first.len()..]));
            } else if let Some(l) = split(last) {
                forms.insert(
                    whole.to_string(),
                    format!("{}{l}", &whole[..whole.len() - last.len()]),
                );
            }
        }
    }
    // (A word glued to a prefix the language always hyphenates.)
    if !table.hyphened_prefixes.is_empty() {
        let long_word = regex!(r"\b\w{7,}\b");
        for w in raws.iter().flat_map(|r| long_word.find_iter(&r.text)) {
            if let Some(f) = table.hyphen_after_prefix(w.as_str()) {
                forms.insert(w.as_str().to_string(), f);
            }
        }
    }
    // (An inflected form of a compound the document hyphenates elsewhere:
    // "программамивымогателями" for "программ-вымогателей" — each part's
    // stem, its last two letters aside, then at most six letters: those
    // two and an ending.)
    let compound = regex!(r"\b(\p{L}{4,})-(\p{L}{4,})\b");
    let stems: Vec<(String, String)> = raws
        .iter()
        .flat_map(|r| compound.captures_iter(&r.text))
        .map(|c| {
            let stem = |w: &str| {
                w.chars()
                    .take(w.chars().count().saturating_sub(2).max(4))
                    .collect::<String>()
            };
            (stem(&c[1]), stem(&c[2]))
        })
        .collect();
    if !stems.is_empty() {
        let long_word = regex!(r"\b\p{L}{10,}\b");
        for w in raws.iter().flat_map(|r| long_word.find_iter(&r.text)) {
            let w = w.as_str();
            let split = stems.iter().find_map(|(a, b)| {
                let rest = w.strip_prefix(a.as_str())?;
                rest.char_indices()
                    .take(7)
                    .find(|&(i, _)| rest[i..].starts_with(b.as_str()))
                    .map(|(i, _)| a.len() + i)
            });
            if let Some(at) = split {
                forms.insert(w.to_string(), format!("{}-{}", &w[..at], &w[at..]));
            }
        }
    }
    if forms.is_empty() {
        return;
    }
    let word = regex!(r"\w{4,}(-\w+)*");
    for r in raws.iter_mut() {
        if word
            .find_iter(&r.text)
            .any(|w| forms.contains_key(w.as_str()))
        {
            r.text = word
                .replace_all(&r.text, |c: &regex::Captures| {
                    forms
                        .get(&c[0])
                        .cloned()
                        .unwrap_or_else(|| c[0].to_string())
                })
                .into_owned();
        }
    }
}

/// Puts back a hyphen a tool dropped where it joined a line that ended
/// with one to the next (poppler's `pdftotext` does, taking every such
/// hyphen for a word broken in two): a capital glued to a word
/// ("HauteReprésentante", "10 heuresOuverture de la session", the end of a
/// time cell glued to its row's programme) and two years glued ("20212025").
fn restore_dropped_hyphen(text: &str, table: &Table) -> String {
    let glued_capital = regex!(r"(\p{Ll})(\p{Lu}\p{Ll})");
    let glued_years = regex!(r"\b((?:19|20)[0-9]{2})((?:19|20)[0-9]{2})\b");
    let glued_digit = regex!(r"\p{Ll}[0-9]");
    if !glued_capital.is_match(text) && !glued_years.is_match(text) && !glued_digit.is_match(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 4);
    let mut last = 0;
    for c in glued_capital.captures_iter(text) {
        let (Some(left), Some(right)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let before = &text[..left.end()];
        // The word's letters before the join: three at least ("McDonald"
        // stays), all lowercase but the first.
        let word: Vec<char> = before
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if word.len() < 3 || word[..word.len() - 1].iter().any(|c| c.is_uppercase()) {
            continue;
        }
        out.push_str(&text[last..left.end()]);
        out.push('-');
        // A time cell's start, its programme glued on: set apart.
        if (table.time_start)(&format!("{before}-")) {
            out.push(' ');
        }
        last = right.start();
    }
    out.push_str(&text[last..]);
    // A time range glued at its dash ("15 heures18 heures").
    if (table.parse_time)(&out).is_none() {
        if let Some(m) = glued_digit.find(&out) {
            // (The digit's start: after the letter, however many bytes.)
            let at = m.start() + m.as_str().chars().next().map_or(0, char::len_utf8);
            let dashed = format!("{}-{}", &out[..at], &out[at..]);
            if (table.parse_time)(&dashed).is_some() {
                out = dashed;
            }
        }
    }
    // (Not inside a symbol or a number: "A/77/20222030".)
    let within = |at: usize| out[..at].ends_with(['/', '.', ',', '-']);
    glued_years
        .replace_all(&out, |c: &regex::Captures| {
            let (a, b) = (&c[1], &c[2]);
            match (a.parse::<u32>(), b.parse::<u32>()) {
                (Ok(x), Ok(y))
                    if y > x && y - x <= 10 && !c.get(0).is_some_and(|m| within(m.start())) =>
                {
                    format!("{a}-{b}")
                }
                _ => c[0].to_string(),
            }
        })
        .into_owned()
}

fn lone_number() -> &'static regex::Regex {
    regex!(r"^\d{1,3}$")
}

fn lead_number() -> &'static regex::Regex {
    regex!(r"^\d{1,3}\s+\S")
}

/// A mark a tool may print on a line of its own, apart from its text.
fn lone_mark(table: &Table, t: &str) -> bool {
    matches!(
        t,
        "•" | "●" | "▪" | "◦" | "·" | "■" | "○" | "➢" | "❖" | "–" | "—" | "-"
    ) || table.sub_item(t).is_some_and(|m| m.text.is_empty())
}

/// Puts back the numbers of dates a tool printed apart from their units
/// ("年 月 日" with "2023", "2", "20" on lines of their own; "月 6 日，星期一"
/// with the month's "3" at the page's foot): each line with bare units
/// takes the nearest run of such numbers on its page that fit them, in
/// order.
fn restore_date_numbers(raws: &mut Vec<Raw>, units: &[&str; 3]) {
    use crate::date_numbers::{bare_units, fill, fits_unit, is_unit_alone};
    let number = regex!(r"^\d{1,4}(-\d{4})?$");
    let mut used = vec![false; raws.len()];
    for i in 0..raws.len() {
        if used[i] || number.is_match(&raws[i].text) {
            continue;
        }
        let holes = bare_units(&raws[i].text, units);
        // (A unit alone is joined as a wrapped day is.)
        if holes.is_empty() || is_unit_alone(&raws[i].text, units) {
            continue;
        }
        let page = raws[i].page;
        let numbers: Vec<usize> = (0..raws.len())
            .filter(|&j| !used[j] && raws[j].page == page && number.is_match(&raws[j].text))
            .collect();
        let best = numbers
            .windows(holes.len())
            .filter(|run| {
                run.iter()
                    .zip(&holes)
                    .all(|(&j, &(_, unit))| fits_unit(&raws[j].text, unit))
            })
            .min_by_key(|run| {
                run.iter()
                    .map(|&j| j.abs_diff(i))
                    .min()
                    .unwrap_or(usize::MAX)
            });
        let Some(run) = best else { continue };
        let numbers: Vec<&str> = run.iter().map(|&j| raws[j].text.as_str()).collect();
        raws[i].text = fill(&raws[i].text, &holes, &numbers);
        for &j in run {
            used[j] = true;
        }
    }
    let mut k = 0;
    raws.retain(|_| {
        k += 1;
        !used[k - 1]
    });
}

/// Gives back its mark to a sub-item title a tool printed without it (plain
/// `pdftotext` may drop a page's first "(c)"): a paragraph right after an
/// agenda item whose text is, "(continued)" aside, a sub-item's title the
/// document prints with its mark elsewhere.
fn restore_sub_item_marks(lines: &mut Vec<Line>, table: &Table) {
    let bare = |t: &str| -> String {
        let mut t = t.trim();
        for c in table.continued {
            t = t.strip_suffix(c).unwrap_or(t).trim_end();
        }
        t.to_string()
    };
    let titles: Vec<(String, String)> = lines
        .iter()
        .filter(|l| l.column == Column::Programme)
        .filter_map(|l| table.sub_item(&l.text))
        .filter(|m| !m.text.is_empty())
        .map(|m| (bare(&m.text), m.label))
        .collect();
    if titles.is_empty() {
        return;
    }
    let mut after_item = false;
    let mut restored: Vec<(String, u32)> = Vec::new();
    for k in 0..lines.len() {
        let l = &mut lines[k];
        if l.column != Column::Programme {
            after_item = false;
            continue;
        }
        let was_item = table.agenda_item.is_match(&l.text);
        if after_item && !is_structural(table, &l.text) {
            let text = bare(&l.text);
            if let Some((_, label)) = titles.iter().find(|(t, _)| *t == text) {
                l.text = format!("{label} {}", l.text);
                // (The mark itself, read on the line under the title and
                // hung on the next paragraph, or at the page's foot.)
                let under = lines.get_mut(k + 1).and_then(|n| {
                    let rest = n
                        .text
                        .strip_prefix(label.as_str())?
                        .trim_start()
                        .to_string();
                    // (Not a sub-item printed elsewhere too.)
                    let elsewhere = titles.iter().filter(|(t, _)| *t == bare(&rest)).count() > 1;
                    (!elsewhere).then_some((n, rest))
                });
                match under {
                    Some((n, rest)) => n.text = rest,
                    None => restored.push((label.clone(), lines[k].page)),
                }
            }
        }
        after_item = was_item;
    }
    for (label, page) in restored {
        if let Some(k) = lines
            .iter()
            .rposition(|l| l.page == page && l.column == Column::Programme && l.text == label)
        {
            lines.remove(k);
        }
    }
}

/// Reads flowing text into the shared form.
pub(crate) fn prepare(text: &str, table: &Table) -> Prepared {
    let mut out = Prepared::default();
    let raws = read_lines(text, &mut out);
    // Text copied from some viewers sets a blank line after every line:
    // blank lines then say nothing.
    let nonblank = raws.len().max(1);
    let gaps = raws.iter().filter(|r| r.gap).count();
    let double_spaced = gaps * 10 >= nonblank * 7;
    // A space at a line's end marks a wrap only where few lines have one.
    let trailing = raws.iter().filter(|r| r.trailing).count();
    let trailing_says =
        !double_spaced && trailing * 100 > nonblank * 3 && trailing * 100 < nonblank * 45;
    let raws: Vec<Raw> = raws
        .into_iter()
        .map(|mut r| {
            r.gap &= !double_spaced;
            r.trailing &= trailing_says;
            r
        })
        .collect();

    let mut raws = raws;
    if let Some(units) = &table.date_units {
        restore_date_numbers(&mut raws, units);
    }
    for r in &mut raws {
        r.text = restore_dropped_hyphen(&r.text, table);
    }
    restore_hyphens(&mut raws, table);
    let symbol = raws.iter().find_map(|r| {
        r.text.split("  ").map(str::trim).find_map(|cell| {
            crate::references::symbol_regex()
                .find(cell)
                .filter(|m| m.as_str() == cell)
                .map(|m| m.as_str().to_string())
        })
    });
    let (masthead, table_lines) = split_zones(&raws, table, symbol.as_deref(), out.pages);
    // (A masthead row's cells set apart by spaces are parts of their own:
    // "联合国  A/AC.292/2023/INF/5".)
    let parts = masthead
        .iter()
        .flat_map(|r| r.text.split("  ").map(str::trim).filter(|t| !t.is_empty()));
    for text in rejoin_symbols(parts) {
        out.lines
            .push(line(1, Zone::Masthead, Column::Programme, &text));
    }
    if table_lines.is_empty() {
        out.warnings.push("no programme table header found".into());
        return out;
    }
    let column = column_width(&table_lines);
    let (table_lines, footnotes) = split_footnotes(table_lines, column, table);
    let mut pieces = classify(&table_lines, table);
    return_orphan_questions(&mut pieces, table);
    let pieces = reorder(hang_marks(pieces, table), table);
    let mut lines = paragraphs(&pieces, table, column);
    restore_sub_item_marks(&mut lines, table);
    out.lines.extend(lines);
    for r in footnotes {
        out.lines
            .push(line(r.page, Zone::Footnotes, Column::Programme, &r.text));
    }
    out
}

/// The text's non-blank lines with their pages; links go to `out`.
fn read_lines(text: &str, out: &mut Prepared) -> Vec<Raw> {
    let mut raws = Vec::new();
    let mut page: u32 = 1;
    let mut gap = false;
    let mut after_links = false;
    for raw in text.split_inclusive(['\n', '\x0c']) {
        let form_feed = raw.ends_with('\x0c');
        let body = raw.trim_end_matches(['\n', '\r', '\x0c']);
        let t = body.trim();
        if t.is_empty() || browser_footer().is_match(t) {
            gap = true;
        } else if url_line().is_match(t) {
            // (A browser's footer names the printed file: not a link, and
            // not a viewer's link list closing the page.)
            if !t.starts_with("file:") {
                out.links.push((t.to_string(), page));
                after_links = true;
            }
            gap = true;
        } else {
            if after_links {
                // A viewer's link list closed the page.
                page += 1;
                after_links = false;
            }
            raws.push(Raw {
                text: t.to_string(),
                page,
                gap,
                trailing: body.ends_with([' ', '\t']),
                carried: false,
            });
            gap = false;
        }
        if form_feed {
            page += 1;
            after_links = false;
            gap = true;
        }
    }
    // (A form feed after the last page opens no page.)
    let last_link = out.links.iter().map(|(_, p)| *p).max().unwrap_or(1);
    out.pages = raws.last().map_or(1, |r| r.page).max(last_link);
    raws
}

/// A job number whose language letter in brackets a tool printed on lines
/// of its own after it ("22-10923 (" / "A" / ")"), also written backwards
/// ("2210923- (", "2/22210923-").
fn job_number_opening() -> &'static regex::Regex {
    regex!(r"^(\d{1,2}/\d{1,2})?(\d{7}-|\d{2}-\d{5})\s*\(?$")
}

/// The masthead (page 1 above the first header row) and the table's lines,
/// the running lines of each page left out.
fn split_zones<'a>(
    raws: &'a [Raw],
    table: &Table,
    symbol: Option<&str>,
    pages: u32,
) -> (Vec<&'a Raw>, Vec<Raw>) {
    // The headings of the date and programme columns; a heading of one word
    // ("Time", "Heure") or the end of one that wraps counts beside them only.
    let strong: Vec<bool> = raws
        .iter()
        .map(|r| table.is_column_header(&r.text))
        .collect();
    let near_strong = |i: usize| {
        (i.saturating_sub(2)..(i + 3).min(raws.len()))
            .any(|k| strong[k] && raws[k].page == raws[i].page)
    };
    let is_header = |i: usize| -> bool {
        let t = &raws[i].text;
        if strong[i] {
            return true;
        }
        if !near_strong(i) {
            return false;
        }
        if table.header_cell(t).is_some() {
            return true;
        }
        // The end of a heading that wraps ("Agenda item/" over "programme").
        i > 0
            && raws[i - 1].page == raws[i].page
            && table
                .header_cell(&raws[i - 1].text)
                .is_some_and(|(_, whole)| !whole)
            && [
                format!("{} {t}", raws[i - 1].text),
                format!("{}{t}", raws[i - 1].text),
            ]
            .iter()
            .any(|j| table.header_cell(j).is_some_and(|(_, whole)| whole))
    };
    let headers: Vec<bool> = (0..raws.len()).map(is_header).collect();
    let Some(first) = headers.iter().position(|&h| h) else {
        return (raws.iter().collect(), Vec::new());
    };
    let masthead = raws[..first]
        .iter()
        .filter(|r| {
            !print_stamp().is_match(&r.text) && !crate::from_layout::job_number().is_match(&r.text)
        })
        .collect();
    let mut body = Vec::new();
    // The index of the first line of the line's page (lines come in page order).
    let mut page_start = (0..=first)
        .rev()
        .take_while(|&k| raws[k].page == raws[first].page)
        .last()
        .unwrap_or(first);
    // The pieces of a job number still to come ("A", ")").
    let mut job_tail = 0;
    for (i, r) in raws.iter().enumerate().skip(first) {
        if i == 0 || raws[i - 1].page != r.page {
            page_start = i;
        }
        if headers[i] {
            continue;
        }
        let t = r.text.as_str();
        // Above the header row a later page repeats: its running head.
        // (Not a cell between its headings: a tool may print the first
        // row's time between "Date/heure" and the programme's heading.)
        let header_follows = (i + 1..raws.len())
            .take_while(|&k| raws[k].page == r.page && k <= page_start + 4)
            .any(|k| headers[k])
            && !(page_start..i).any(|k| headers[k]);
        // A one-word heading a few lines off the header row, the first
        // row's day or time cell read in between (plain pdftotext reads
        // "Fecha", the day, "Hora", the time, then the programme's
        // heading); not the end of a time that wraps ("10 heures-13" over
        // "heures").
        let lone_heading = table.header_cell(t).is_some_and(|(_, whole)| whole)
            && (i.saturating_sub(6)..(i + 7).min(raws.len()))
                .any(|k| headers[k] && raws[k].page == r.page)
            && !{
                let prev = raws[i - 1].text.trim_end();
                prev.ends_with(['-', '–'])
                    || (prev.ends_with(|c: char| c.is_ascii_digit()) && (table.time_start)(prev))
            };
        if lone_heading {
            continue;
        }
        // A job number MuPDF wrote in pieces from a right-to-left page
        // ("22-10923 (", "A", ")"; backwards, "2210923- (").
        // (Or its bracket too on a line of its own: "23-12877", "(", "A", ")".)
        if job_number_opening().is_match(t) {
            job_tail = if t.ends_with('(') { 2 } else { 3 };
            continue;
        }
        let bracket_opens_tail = job_tail == 3 && t == "(";
        if bracket_opens_tail
            || (job_tail > 0
                && job_tail < 3
                && (t == ")" || (t.len() == 1 && t.chars().all(|c| c.is_ascii_uppercase()))))
        {
            job_tail -= 1;
            continue;
        }
        job_tail = 0;
        let running = header_follows
            || (crate::from_layout::job_number().is_match(t) && !page_of_pages(t).is_some_and(|(n, m)| n > m || m > pages))
            || page_of_pages(t).is_some_and(|(n, m)| {
                // (Read right to left: "4/3", page 3 of 4.)
                (n <= m && m <= pages) || (m == r.page && n == pages)
            })
            || print_stamp().is_match(t)
            || symbol == Some(t)
            // The page number, last on its page.
            || (lone_number().is_match(t) && raws.get(i + 1).is_none_or(|n| n.page != r.page));
        if !running {
            body.push(r.clone());
        }
    }
    // A header row's wrapped heading opened no blank line after it.
    (masthead, body)
}

/// Lines with a document symbol broken at a line's end ("… A/AC.292/2" over
/// "021/1 号文件") joined back: the symbol's end goes up to its start.
fn rejoin_symbols<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<String> {
    let broken = regex!(r"\b[A-Z]{1,4}/[A-Z0-9./]*[0-9/.]$");
    let rest = regex!(r"^[0-9][A-Za-z0-9./]*");
    let mut out: Vec<String> = Vec::new();
    for t in lines {
        if let Some(last) = out.last_mut() {
            // (Only a piece with a slash of its own, or after a symbol
            // that ends in one: "11 July 2022" under the symbol is a date.)
            let open_end = last.ends_with(['/', '.']);
            if broken.is_match(last) {
                if let Some(m) = rest
                    .find(t)
                    .filter(|m| open_end || m.as_str().contains('/'))
                {
                    last.push_str(m.as_str());
                    let left = t[m.end()..].trim();
                    if !left.is_empty() {
                        out.push(left.to_string());
                    }
                    continue;
                }
            }
        }
        out.push(t.to_string());
    }
    out
}

/// The programme column's width in characters: most of the table's lines
/// end at or before it.
fn column_width(lines: &[Raw]) -> usize {
    // (A line's cells set apart by spaces, a row's date cell beside its
    // programme, count each on its own.)
    let mut widths: Vec<usize> = lines
        .iter()
        .map(|r| r.text.split("  ").map(display_width).max().unwrap_or(0))
        .collect();
    widths.sort_unstable();
    widths
        .get(widths.len() * 9 / 10)
        .copied()
        .unwrap_or(0)
        .max(8)
}

/// Takes the footnotes from each page's foot: its last blocks, as long as
/// each is wider than the programme column or opened by a marker (a marker
/// the tool printed on a line of its own somewhere on the page is put back).
fn split_footnotes(lines: Vec<Raw>, column: usize, table: &Table) -> (Vec<Raw>, Vec<Raw>) {
    let wide = |r: &Raw| display_width(&r.text) * 100 > column * 112;
    let mut body: Vec<Raw> = Vec::new();
    let mut notes = Vec::new();
    let mut next_marker: u32 = 1;
    let mut k = 0;
    while k < lines.len() {
        let page = lines[k].page;
        let end = (k..lines.len())
            .find(|&i| lines[i].page != page)
            .unwrap_or(lines.len());
        let page_lines = &lines[k..end];
        // Blocks: starts of runs of lines without a blank line between.
        // (A marker on a line of its own over a line as wide as the page
        // opens a block even without a blank line: `-layout` text
        // flattened prints none.)
        // (Nor does the page's next footnote, led by its number, wide or
        // a sentence, or its number alone over a wide line, among its last
        // lines, in text whose blank lines say nothing.)
        let note_line = |r: &Raw| wide(r) || r.text.trim_end().ends_with('.');
        let next_note = |r: &Raw| {
            note_line(r)
                && lead_number().is_match(&r.text)
                && r.text.split_whitespace().next() == Some(next_marker.to_string().as_str())
        };
        let starts: Vec<usize> = (0..page_lines.len())
            .filter(|&i| {
                // (A note's line under its number alone, a blank line
                // between, among the page's last lines, is the note's.)
                let under_number = i > 0
                    && i + 4 >= page_lines.len()
                    && page_lines[i - 1].text.trim() == next_marker.to_string()
                    && note_line(&page_lines[i]);
                i == 0
                    || (page_lines[i].gap && !under_number)
                    || (glued_marker(&page_lines[i].text, &lines)
                        && page_lines.get(i + 1).is_some_and(wide))
                    || (i + 4 >= page_lines.len() && next_note(&page_lines[i]))
                    || (i + 5 >= page_lines.len()
                        && page_lines[i].text.trim() == next_marker.to_string()
                        && page_lines.get(i + 1).is_some_and(note_line))
            })
            .collect();
        // A rule of underscores opens them, where the tool printed it.
        let rule = page_lines
            .iter()
            .position(|r| separator_line().is_match(&r.text));
        let mut cut = rule.unwrap_or(page_lines.len());
        for (b, &s) in starts.iter().enumerate().rev() {
            if rule.is_some() {
                break;
            }
            let end = block_end(&starts, b, page_lines.len());
            let block = &page_lines[s..end];
            let wide_lines = block.iter().filter(|r| wide(r)).count();
            // (A time or a day with the programme's text on its line is
            // wide too, and "15 ч 00 м." opens with a number.)
            let first = &block[0].text;
            let tokens: Vec<&str> = first.split_whitespace().take(8).collect();
            let date_side = table.parse_day(first).is_some()
                || (1..=tokens.len()).any(|k| (table.parse_time)(&tokens[..k].join(" ")).is_some())
                || first
                    .split_once("  ")
                    .is_some_and(|(l, _)| date_side_cell(l.trim(), 0, false, table).is_some());
            // (Nor a focus topic, as wide as a footnote's lines where the
            // page ends under it.)
            let opens = !date_side
                && !table.starts_topic(first)
                && (wide(&block[0])
                    || lead_number().is_match(&block[0].text)
                    || (lone_number().is_match(&block[0].text)
                        && block.get(1).is_some_and(|r| {
                            wide(r) || (end == page_lines.len() && note_line(r))
                        })));
            // The page's last block, under a marker on a line of its own
            // that the programme's text carries glued to a word ("报告2").
            let under_marker = end == page_lines.len()
                && b > 0
                && block.len() <= 3
                && !date_side
                && starts[b] - starts[b - 1] == 1
                && {
                    // (Or printed alone in the programme's text too.)
                    let m = &page_lines[starts[b - 1]].text;
                    glued_marker(m, &lines)
                        || (lone_number().is_match(m)
                            && page_lines[..starts[b - 1]].iter().any(|r| r.text == *m))
                };
            // A footnote's text does not end as a focus topic does, nor
            // has it a line that opens an agenda item or a named meeting
            // (a slot's, a room's name before it: "Sala de conferencias 4
            // Tema 7 del programa: ...").
            let opens_row = |t: &str| {
                let t = after_room(t, table);
                table.agenda_item.is_match(&t) || table.opens_event(&t)
            };
            let topic_like = block.last().is_some_and(|r| r.text.ends_with([':', '：']))
                || block.iter().any(|r| opens_row(&r.text));
            // The marker on a line of its own, its text under it.
            let marker_led = end == page_lines.len()
                && block.len() <= 4
                && block.len() >= 2
                && glued_marker(&block[0].text, &lines);
            // The page's last block, short, and the page's next footnote
            // number on a line of its own elsewhere, glued to a word too
            // ("报告2"): a tool read the marker away from its text.
            let marker_apart = end == page_lines.len()
                && block.len() <= 3
                && !date_side
                && !is_structural(table, first)
                && !table.opens_event(first)
                && page_lines.iter().any(|r| {
                    r.text.trim() == next_marker.to_string() && glued_marker(&r.text, &lines)
                });
            let note = !topic_like
                && (under_marker
                    || marker_led
                    || marker_apart
                    || (opens && (block.len() <= 6 || wide_lines * 2 >= block.len())))
                || (block.len() == 1
                    && lone_number().is_match(&block[0].text)
                    && cut < page_lines.len()
                    && marks_note_below(&block[0].text, &page_lines[cut].text, next_marker));
            if note && end == cut {
                cut = s;
            } else {
                break;
            }
        }
        // (The note's number, a lone line at the end of the block before
        // it: `-layout` and plain text set a raised number over its line.)
        let led = |r: &Raw| lead_number().is_match(&r.text) || lone_number().is_match(&r.text);
        if cut > 0
            && cut < page_lines.len()
            && page_lines[cut - 1].text.trim() == next_marker.to_string()
            && !led(&page_lines[cut])
        {
            cut -= 1;
        }
        let (kept, foot) = page_lines.split_at(cut);
        let mut foot = foot
            .iter()
            .filter(|r| !separator_line().is_match(&r.text))
            .cloned()
            .collect::<Vec<_>>();
        // (A browser's footnote may come with its marker read after its
        // text: "…讨论要点。" then "1", the number a word carries glued.)
        if foot.len() >= 2
            && !lead_number().is_match(&foot[0].text)
            && !lone_number().is_match(&foot[0].text)
            && foot.last().is_some_and(|r| glued_marker(&r.text, &lines))
        {
            foot.rotate_right(1);
        }
        let marked = foot
            .first()
            .is_some_and(|r| lead_number().is_match(&r.text) || lone_number().is_match(&r.text));
        let mut floating = None;
        // (The marker is the number some word carries glued, not a room's
        // number that wrapped onto a line of its own.)
        // (Footnotes are numbered on through the document: the next
        // number first, then one some word carries glued.)
        let next = next_marker.to_string();
        let glued = kept
            .iter()
            .position(|r| r.text.trim() == next)
            .or_else(|| kept.iter().position(|r| glued_marker(&r.text, &lines)))
            .or_else(|| kept.iter().position(|r| lone_number().is_match(&r.text)));
        // (A marker the tool printed on a line of its own under the word
        // it hangs on, whose footnote opens with its number, is glued back
        // on, as text shows a marker: not a room's number.)
        let mut foot_numbers: Vec<String> = Vec::new();
        for w in foot.iter().filter_map(|r| r.text.split_whitespace().next()) {
            let expected = next_marker.saturating_add(foot_numbers.len() as u32);
            if w == expected.to_string() {
                foot_numbers.push(w.to_string());
            }
        }
        // It hangs on the line under it where a blank line sets that one
        // apart, or the line before ends in a number it would run into, and
        // it goes on with the paragraph (plain `pdftotext` reads a raised
        // number first, a line of its own over its line's), else on the
        // line before.
        let body_start = body.len();
        let mut hanging: Option<String> = None;
        for (i, r) in kept.iter().enumerate() {
            if !foot.is_empty() && !marked && floating.is_none() && Some(i) == glued {
                floating = Some(r.clone());
                continue;
            }
            let apart = marked && foot_numbers.iter().any(|n| n == r.text.trim());
            let prev = body[body_start..].last();
            let after_room = prev.is_some_and(|p| table.is_room(&p.text));
            let after_number = prev.is_some_and(|p| p.text.ends_with(|c: char| c.is_ascii_digit()));
            let next_goes_on = !after_room
                && kept.get(i + 1).is_some_and(|n| {
                    (n.gap || after_number)
                        && !lone_number().is_match(&n.text)
                        && !is_structural(table, &n.text)
                        && !table.is_room(&n.text)
                        && table.parse_day(&n.text).is_none()
                });
            if apart && next_goes_on {
                hanging = Some(r.text.trim().to_string());
                continue;
            }
            match body[body_start..].last_mut() {
                Some(prev) if apart && !table.is_room(&prev.text) => {
                    prev.text.push_str(r.text.trim())
                }
                _ => {
                    let mut r = r.clone();
                    if let Some(marker) = hanging.take() {
                        r.text.push_str(&marker);
                    }
                    body.push(r);
                }
            }
        }
        let numbers = floating.iter().chain(&foot).filter_map(|r| {
            let t = r.text.trim_start();
            let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
            (lone_number().is_match(t) || lead_number().is_match(t))
                .then(|| t[..digits].parse::<u32>().ok())
                .flatten()
        });
        next_marker = numbers.max().map_or(next_marker, |n| n.saturating_add(1));
        notes.extend(floating);
        notes.extend(foot);
        k = end;
    }
    (body, notes)
}

/// Whether a lone number over a page's footnotes is a note's number, not a
/// room's number that wrapped (`قاعة`, `الاجتماعات`, `4` in the date column
/// beside the last rows): the page's next note number, or one below the
/// number the footnote under it opens with.
fn marks_note_below(number: &str, below: &str, next_marker: u32) -> bool {
    let n = number.trim().parse::<u32>().ok();
    let under = below
        .split_whitespace()
        .next()
        .and_then(|w| w.parse::<u32>().ok());
    match (n, under) {
        (Some(n), _) if n == next_marker => true,
        (Some(n), Some(m)) => n < m,
        _ => true,
    }
}

/// Whether `t` is a lone number that some line of the text carries glued to
/// the end of a word, as text shows a footnote marker.
fn glued_marker(t: &str, lines: &[Raw]) -> bool {
    lone_number().is_match(t)
        && lines.iter().any(|r| {
            r.text.match_indices(t).any(|(at, _)| {
                let before = r.text[..at].chars().next_back();
                let after = r.text[at + t.len()..].chars().next();
                before.is_some_and(|c| c.is_alphabetic())
                    && !after.is_some_and(|c| c.is_ascii_digit() || c.is_alphabetic())
            })
        })
}

fn block_end(starts: &[usize], b: usize, len: usize) -> usize {
    starts.get(b + 1).copied().unwrap_or(len)
}

/// Tells day labels, times and rooms from the programme.
fn classify(lines: &[Raw], table: &Table) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut i = 0;
    // Whether a time was just read (a room may follow).
    let mut after_time = false;
    while i < lines.len() {
        // A row's first line may open with its day's label, its time after
        // it ("3 月 5 日，星期 上午 10 时至下 议程项目 5"), or a wrapped label's
        // end may open the next one ("二  午 1 时  讨论(续)"): the label is
        // taken and the rest read as the line.
        let rest_of_line;
        let r = match leading_day(&mut pieces, lines, i, table) {
            Some(rest) if rest.trim().is_empty() => {
                i += 1;
                continue;
            }
            Some(rest) => {
                rest_of_line = Raw {
                    text: rest,
                    ..lines[i].clone()
                };
                &rest_of_line
            }
            None => &lines[i],
        };
        let t = r.text.as_str();
        let joined = |a: &str, b: &Raw| join(table.language, a, &b.text);
        // Cells of a row set apart by two or more spaces (text laid out in
        // part, as `unprog text` prints a row): the date side's cell first.
        if let Some((left, right)) = t.split_once("  ").map(|(a, b)| (a.trim(), b.trim())) {
            let completes = completes_time(&mut pieces, left, table);
            let cell = (!completes)
                .then(|| date_side_cell(left, r.page, after_time, table))
                .flatten();
            if completes || cell.is_some() {
                after_time = completes || matches!(cell, Some(Piece::Date { time: true, .. }));
                let room = matches!(cell, Some(Piece::Room { .. }));
                pieces.extend(cell);
                if !right.is_empty() {
                    let mut rest = r.clone();
                    rest.text = right.to_string();
                    // (Beside a time's end or a room, the row's programme goes
                    // on.)
                    rest.gap = !completes && !room;
                    pieces.push(Piece::Programme(rest));
                }
                i += 1;
                continue;
            }
        }
        // The end of a time cell that wrapped ("上午 10 时至 11 时 30" over "分").
        if completes_time(&mut pieces, t, table) {
            i += 1;
            continue;
        }
        // The end of a day label that wrapped, read lines later among its
        // row's other cells ("3 月 5 日，星期" … "二").
        if completes_day(&mut pieces, t, table) {
            i += 1;
            continue;
        }
        if table.parse_day(t).is_some() {
            push_day(&mut pieces, t.to_string(), r.page, table);
            after_time = false;
            i += 1;
            continue;
        }
        // A day label that wraps ("Monday, 8" over "July"), or that a tool
        // printed a run a line ("7" / "月" / "25" / "日，星期一").
        if let Some((label, used)) = wrapped_day(lines, i, table) {
            push_day(&mut pieces, label, r.page, table);
            after_time = false;
            i += used;
            continue;
        }
        // One whose end comes later, among its row's other cells
        // (`completes_day` joins it there).
        if unfinished_day(t, table) && day_end_ahead(t, lines, i, table) {
            push_day(&mut pieces, t.to_string(), r.page, table);
            after_time = false;
            i += 1;
            continue;
        }
        // A time with the programme's first words after it on one line
        // (not a whole line that is a time).
        let tokens: Vec<&str> = t.split_whitespace().collect();
        let time_then_text = (table.parse_time)(t).is_none().then(|| {
            (1..tokens.len()).rev().find(|&k| {
                let rest = tokens[k..].join(" ");
                let time = tokens[..k].join(" ");
                // (Or the start of one that wraps, its end on the next
                // line: "10 ч 00 м. – Открытие сессии" over "13 ч 00 м.".)
                let opens_text = || {
                    rest.chars()
                        .next()
                        .is_some_and(|c| c.is_alphabetic() && !c.is_lowercase())
                };
                ((table.parse_time)(&time).is_some()
                    || (table.time_start)(&time)
                        && !(table.time_start)(t)
                        && time.chars().any(|c| c.is_ascii_digit())
                        && opens_text())
                    && display_width(&rest) >= 4
                    && !rest.starts_with(|c: char| c.is_ascii_digit())
                    && !(table.time_start)(&rest)
            })
        });
        if let Some(k) = time_then_text.flatten() {
            pieces.push(Piece::Date {
                text: tokens[..k].join(" "),
                page: r.page,
                time: true,
            });
            let mut rest = r.clone();
            rest.text = tokens[k..].join(" ");
            rest.gap = true;
            pieces.push(Piece::Programme(rest));
            after_time = false;
            i += 1;
            continue;
        }
        if let Some((time, used)) = read_time(lines, i, r, table) {
            pieces.push(Piece::Date {
                text: time,
                page: r.page,
                time: true,
            });
            after_time = true;
            i += used;
            continue;
        }
        // The rest of a date-side cell a tool printed among its row's
        // programme lines.
        if !after_time {
            if let Some(rest) = finishes_side_cell(&mut pieces, t, table) {
                if !rest.is_empty() {
                    let mut rest_line = r.clone();
                    rest_line.text = rest;
                    pieces.push(Piece::Programme(rest_line));
                }
                i += 1;
                continue;
            }
        }
        // A room's name a tool read on one line with the programme beside
        // it, its number on the next line ("قاعة الاجتماعات لجهات الاتصال،"
        // then "6": three columns, the time's cell over the room's): the
        // room goes to its time, the rest goes on with the programme.
        if let Some((room, rest)) = room_then_programme(lines, i, table) {
            let time_at = pieces
                .iter()
                .rposition(|p| !matches!(p, Piece::Programme(_)))
                .filter(|&at| matches!(pieces[at], Piece::Date { time: true, .. }))
                .filter(|&at| pieces.len() - at <= 4);
            if let Some(at) = time_at {
                pieces.insert(
                    at + 1,
                    Piece::Room {
                        text: room,
                        page: r.page,
                    },
                );
                let mut rest_line = r.clone();
                rest_line.text = rest;
                pieces.push(Piece::Programme(rest_line));
                after_time = false;
                i += 2;
                continue;
            }
        }
        // A room: under its time, or named in full (with its number)
        // where a tool read it among the slot's programme.
        if table.is_room(t) {
            // The room's name, wrapped over lines, and its number.
            let mut room = t.to_string();
            let mut used = 1;
            while let Some(n) = lines.get(i + used).filter(|n| n.page == r.page) {
                let j = table.join_room(&room, &n.text, false);
                let number =
                    lone_number().is_match(&n.text) && !room.chars().any(|c| c.is_ascii_digit());
                if (j.is_some() && !n.gap) || number {
                    room = j.unwrap_or_else(|| joined(&room, n));
                    used += 1;
                } else {
                    break;
                }
            }
            let named = room.chars().any(|c| c.is_ascii_digit());
            let slot_open = matches!(
                pieces
                    .iter()
                    .rev()
                    .find(|p| !matches!(p, Piece::Programme(_))),
                Some(Piece::Date { time: true, .. })
            );
            if after_time || (named && slot_open) {
                pieces.push(Piece::Room {
                    text: room,
                    page: r.page,
                });
                after_time = false;
                i += used;
                continue;
            }
        }
        after_time = false;
        pieces.push(Piece::Programme(r.clone()));
        i += 1;
    }
    pieces
}

/// Line `i` opened by a room's name without its number, the programme's
/// text after it, and the next line the room's number alone: the room in
/// full and the text.
fn room_then_programme(lines: &[Raw], i: usize, table: &Table) -> Option<(String, String)> {
    let t = lines[i].text.trim();
    let next = lines.get(i + 1).filter(|n| n.page == lines[i].page)?;
    if !lone_number().is_match(next.text.trim()) {
        return None;
    }
    // (The table's names are lowercase.)
    let lower = t.to_lowercase();
    table.room_words.iter().find_map(|w| {
        let name = lower.starts_with(w).then(|| t.get(..w.len())).flatten()?;
        let rest = t[name.len()..].strip_prefix(' ')?.trim();
        (display_width(rest) >= 4 && !rest.starts_with(|c: char| c.is_ascii_digit()))
            .then(|| (format!("{name} {}", next.text.trim()), rest.to_string()))
    })
}

/// The day label line `i` opens with, before a time (all of it, or the
/// start of one whose end comes lines later), or the end of a wrapped label
/// in the cell it opens with: taken into `pieces`, the rest of the line
/// returned. A right-to-left table's date cell, on the right, may be the
/// line's last cell instead.
fn leading_day(pieces: &mut Vec<Piece>, lines: &[Raw], i: usize, table: &Table) -> Option<String> {
    let t = lines[i].text.as_str();
    // The row's first cell ("Понедельник,  10 ч 00 м. – 13  Открытие"),
    // or its last.
    if let Some((left, right)) = t.split_once("  ") {
        if let Some(rest) = day_cell(pieces, left.trim(), right.trim(), lines, i, table) {
            return Some(rest);
        }
    }
    if let Some((head, last)) = t.rsplit_once("  ") {
        if let Some(rest) = day_cell(pieces, last.trim(), head.trim(), lines, i, table) {
            return Some(rest);
        }
    }
    if !t.bytes().any(|b| b.is_ascii_digit()) || table.parse_day(t).is_some() {
        return None;
    }
    // Or its first words, one space before the time.
    let tokens: Vec<&str> = t.split_whitespace().collect();
    (2..tokens.len().min(7)).find_map(|k| {
        let rest = tokens[k..].join(" ");
        opens_with_time(&rest, table)
            .then(|| tokens[..k].join(" "))
            .filter(|label| is_day_cell(label, lines, i, table))
            .map(|label| {
                push_day(pieces, label, lines[i].page, table);
                rest
            })
    })
}

/// A cell of line `i` that ends the wrapped day label read before, or that
/// is the row's day label (whole, or wrapped with its end ahead) with the
/// row's time in `rest`: taken into `pieces`, `rest` returned.
fn day_cell(
    pieces: &mut Vec<Piece>,
    cell: &str,
    rest: &str,
    lines: &[Raw],
    i: usize,
    table: &Table,
) -> Option<String> {
    if completes_day(pieces, cell, table) {
        return Some(rest.to_string());
    }
    if opens_with_time(rest, table) && is_day_cell(cell, lines, i, table) {
        push_day(pieces, cell.to_string(), lines[i].page, table);
        return Some(rest.to_string());
    }
    None
}

/// Whether `label`, read on line `i`, is a day's label: whole, or
/// unfinished with its end on a line ahead.
fn is_day_cell(label: &str, lines: &[Raw], i: usize, table: &Table) -> bool {
    table.parse_day(label).is_some()
        || (unfinished_day(label, table) && day_end_ahead(label, lines, i, table))
}

/// Whether a row line opens with a time, whole or the start of one, maybe
/// glued to the programme's first word ("10:00 - 13:00افتتاح").
fn opens_with_time(line: &str, table: &Table) -> bool {
    if table.starts_like_time(line) {
        return true;
    }
    let glued_end = line
        .find(|c: char| unprog_extract::script::is_rtl(c))
        .map_or(line, |at| &line[..at]);
    let tokens: Vec<&str> = glued_end.split_whitespace().collect();
    (1..=tokens.len().min(6)).any(|k| {
        let time = tokens[..k].join(" ");
        (table.parse_time)(&time).is_some() || table.starts_like_time(&time)
    })
}

/// A day label read while its row's time is still unfinished (a tool read
/// the row a line at a time across its cells: "上午 10 时至下" / "3 月 5
/// 日，星期" / "午1时") belongs before that time.
fn push_day(pieces: &mut Vec<Piece>, text: String, page: u32, table: &Table) {
    let day = Piece::Date {
        text,
        page,
        time: false,
    };
    let last_date = pieces
        .iter()
        .rposition(|p| !matches!(p, Piece::Programme(_)))
        .filter(|&k| pieces.len() - k <= 3);
    match last_date.map(|k| (k, &pieces[k])) {
        Some((
            k,
            Piece::Date {
                text, time: true, ..
            },
        )) if (table.parse_time)(text).is_none() => {
            pieces.insert(k, day);
        }
        _ => pieces.push(day),
    }
}

/// A day label that stops short of its last word: the start of a weekday
/// or a month name ends it, or nothing of the name at all ("3 月 5 日，星期"
/// wants "二"; "Monday, 8" wants "July" — when that comes lines later).
fn unfinished_day(t: &str, table: &Table) -> bool {
    let short = t.split_whitespace().count() <= 4 && display_width(t) <= 24;
    // (A day's number, or its weekday alone: "Понедельник," wants "4 марта".)
    let named = || {
        crate::lang::words(t)
            .first()
            .is_some_and(|w| table.weekday(w).is_some())
    };
    if !short || !(t.chars().any(|c| c.is_ascii_digit()) || named()) {
        return false;
    }
    let completes = |rest: &str| {
        table.parse_day(&format!("{t}{rest}")).is_some()
            || table.parse_day(&join(table.language, t, rest)).is_some()
    };
    // (A weekday alone wants a day's number and month, in either order.)
    let month = table.months[0][0];
    day_endings(table).any(completes)
        || completes(&format!("1 {month}"))
        || completes(&format!("{month} 1"))
}

/// Whether the unfinished day label `label` of line `i` ends on a short
/// line (or a line's first cell) a few lines on, on its page.
fn day_end_ahead(label: &str, lines: &[Raw], i: usize, table: &Table) -> bool {
    let page = lines[i].page;
    lines
        .iter()
        .skip(i + 1)
        .take(SIDE_CELL_REACH)
        .take_while(|n| n.page == page)
        .any(|n| {
            // (The end may open a line of cells, "二  午 1 时  讨论(续)", or
            // end one, a right-to-left table's.)
            let first_cell = n.text.split("  ").next().unwrap_or_default().trim();
            let last_cell = n.text.rsplit("  ").next().unwrap_or_default().trim();
            day_ends(label, first_cell, table).is_some()
                || day_ends(label, last_cell, table).is_some()
        })
}

/// The day label `start` and `end` make, glued or joined, if they make one.
fn day_ends(start: &str, end: &str, table: &Table) -> Option<String> {
    if display_width(end) > 12 || end.split_whitespace().count() > 2 {
        return None;
    }
    [join(table.language, start, end), format!("{start}{end}")]
        .into_iter()
        .find(|label| table.parse_day(label).is_some())
}

/// What may end a wrapped day label: the tail of one of the language's
/// weekday or month names (at most four characters: a wrapped word's end).
fn day_endings(table: &Table) -> impl Iterator<Item = &'static str> + '_ {
    table
        .weekdays
        .iter()
        .chain(table.months.iter())
        .flat_map(|forms| forms.iter().copied())
        .flat_map(|name: &'static str| {
            let n = name.chars().count();
            name.char_indices()
                .filter(move |&(k, _)| n - name[..k].chars().count() <= 4 || k == 0)
                .map(move |(k, _)| &name[k..])
        })
}

/// Ends the unfinished day label read a few pieces before with `t`, when
/// the two read as a day label.
fn completes_day(pieces: &mut [Piece], t: &str, table: &Table) -> bool {
    let start = pieces.len().saturating_sub(SIDE_CELL_REACH);
    let Some(Piece::Date { text, .. }) = pieces[start..]
        .iter_mut()
        .rev()
        .find(|p| matches!(p, Piece::Date { time: false, .. }))
    else {
        return false;
    };
    // (A label read whole but for what its last character says follows:
    // "الاثنين، 4 آذار/" wants "مارس".)
    let cut = text.trim_end().ends_with(['/', '-', '–', ',', '،']);
    if table.parse_day(text).is_some() && !cut {
        return false;
    }
    match day_ends(text, t, table) {
        Some(label) => {
            *text = label;
            true
        }
        None => false,
    }
}

/// Joins `t` to the time cell just read when that one wrapped and `t` ends
/// it ("上午 10 时至 11 时 30" + "分").
/// (The programme text of the time's row may have come between.)
fn completes_time(pieces: &mut [Piece], t: &str, table: &Table) -> bool {
    let last_date = pieces
        .iter_mut()
        .rev()
        .take(3)
        .find(|p| !matches!(p, Piece::Programme(_)));
    if let Some(Piece::Date {
        text, time: true, ..
    }) = last_date
    {
        let j = join(table.language, text, t);
        let now = (table.parse_time)(text);
        let joined = (table.parse_time)(&j);
        // A complete time is still ended by a bare "30" under it
        // ("10 heures-11 h" over "30").
        let minutes = regex!(r"^\d{2}$").is_match(t.trim());
        if joined.is_some() && (now.is_none() || (minutes && joined != now)) {
            *text = j;
            return true;
        }
    }
    false
}

/// A line with a room named in full at its start left out ("Sala de
/// conferencias 4 Tema 7 del programa: …" to "Tema 7 del programa: …").
fn after_room(t: &str, table: &Table) -> String {
    let tokens: Vec<&str> = t.split_whitespace().collect();
    (2..tokens.len().min(6))
        .rev()
        .find(|&k| table.room_complete(&tokens[..k].join(" ")))
        .map_or_else(|| t.to_string(), |k| tokens[k..].join(" "))
}

/// How many programme lines a fragment of a date-side cell may come after
/// the cell's start.
const SIDE_CELL_REACH: usize = 10;

/// Finishes a date-side cell left unfinished, or starts its room, with a
/// fragment a tool printed among the row's programme lines: plain
/// `pdftotext` reads a row's cells a line at a time across the table
/// ("10 a.m.–1" / "Opening of the session" / "p.m."; "Sala de" /
/// "– Adedeji Ebo…" / "conferencia" / "s4"). `t` is the line; the fragment
/// is all of it or (for a time) its first words. Returns the rest of the
/// line, maybe empty, when `t` held such a fragment.
fn finishes_side_cell(pieces: &mut Vec<Piece>, t: &str, table: &Table) -> Option<String> {
    let start = pieces.len().saturating_sub(SIDE_CELL_REACH);
    let time_at = (start..pieces.len())
        .rev()
        .find(|&k| !matches!(pieces[k], Piece::Programme(_) | Piece::Room { .. }))?;
    let Piece::Date {
        text: time,
        time: true,
        ..
    } = &mut pieces[time_at]
    else {
        return None;
    };
    let tokens: Vec<&str> = t.split_whitespace().collect();
    // An unfinished time: ended by the line's first words, or carried on
    // by the whole line ("上午 10 时" + "至下午 1" + "时").
    if (table.parse_time)(time).is_none() {
        for k in (1..=tokens.len()).rev() {
            let j = join(table.language, time, &tokens[..k].join(" "));
            if (table.parse_time)(&j).is_some() {
                *time = j;
                return Some(tokens[k..].join(" "));
            }
        }
        let j = join(table.language, time, t);
        if display_width(t) <= 12 && (table.time_start)(&j) {
            *time = j;
            return Some(String::new());
        }
    }
    let page = match &pieces[time_at] {
        Piece::Date { page, .. } => *page,
        _ => return None,
    };
    let room_at = (time_at + 1..pieces.len()).find(|&k| matches!(pieces[k], Piece::Room { .. }));
    match room_at {
        // The room's name goes on ("Sala de" + "conferencia", + "s4").
        Some(k) => {
            let Piece::Room { text: room, .. } = &mut pieces[k] else {
                return None;
            };
            if table.room_complete(room) {
                return None;
            }
            if let Some(j) = table.join_room(room, t, false) {
                *room = j;
                return Some(String::new());
            }
            // Or by the line's first words, the row's programme after them
            // ("conferencia g) Creación de capacidad").
            (1..tokens.len()).rev().find_map(|k| {
                let j = table.join_room(room, &tokens[..k].join(" "), false)?;
                *room = j;
                Some(tokens[k..].join(" "))
            })
        }
        // The room's first words, set under the time.
        None if table.is_room(t) => {
            pieces.insert(
                time_at + 1,
                Piece::Room {
                    text: t.to_string(),
                    page,
                },
            );
            Some(String::new())
        }
        // A room named in full with the row's programme text after it on
        // its line ("Sala de conferencias 4 Palabras de apertura", "Sala de
        // conferencias 4 en el párrafo 1…" within a wrapped title).
        None => (2..tokens.len()).rev().find_map(|k| {
            let room = tokens[..k].join(" ");
            let rest = tokens[k..].join(" ");
            table.room_complete(&room).then(|| {
                pieces.insert(time_at + 1, Piece::Room { text: room, page });
                rest
            })
        }),
    }
}

/// The date side's cell of a row whose cells are set apart by spaces: a day
/// label, a time or a room.
/// `None` when `left` is programme text.
fn date_side_cell(left: &str, page: u32, after_time: bool, table: &Table) -> Option<Piece> {
    let text = left.to_string();
    if table.parse_day(left).is_some() {
        Some(Piece::Date {
            text,
            page,
            time: false,
        })
    } else if (table.parse_time)(left).is_some()
        || (table.time_start)(left)
        || table.starts_like_time(left) && left.chars().count() > 3
    {
        Some(Piece::Date {
            text,
            page,
            time: true,
        })
    } else if after_time && table.is_room(left) {
        Some(Piece::Room { text, page })
    } else {
        None
    }
}

/// A day label over two to five short lines from line `i`: its text and the
/// lines it took.
fn wrapped_day(lines: &[Raw], i: usize, table: &Table) -> Option<(String, usize)> {
    let short = |r: &Raw| r.text.split_whitespace().count() <= 5 && display_width(&r.text) <= 24;
    let first = &lines[i];
    // It opens with its weekday, its month or its day's number.
    let opening = crate::lang::words(&first.text).into_iter().next()?;
    // (Or the start of one broken at a narrow column's edge: "Понедельни".)
    let names = table
        .weekdays
        .iter()
        .chain(table.months.iter())
        .flat_map(|f| f.iter());
    let lower = opening.to_lowercase();
    let opens = opening.starts_with(|c: char| c.is_ascii_digit())
        || table.weekday(&opening).is_some()
        || table.month(&opening).is_some()
        || (lower.chars().count() >= 4 && names.clone().any(|n| n.starts_with(lower.as_str())));
    if !short(first) || !opens {
        return None;
    }
    let mut label = first.text.clone();
    for used in 2..=5 {
        let n = lines
            .get(i + used - 1)
            .filter(|n| n.page == first.page && short(n))?;
        let glued = format!("{label}{}", n.text);
        label = join(table.language, &label, &n.text);
        if table.parse_day(&label).is_some() {
            return Some((label, used));
        }
        if table.parse_day(&glued).is_some() {
            return Some((glued, used));
        }
    }
    None
}

/// A time cell starting at line `i` (read as `r`: what a day label before
/// it on the line left), joined over the lines it wraps onto:
/// its text and the lines it took.
fn read_time(lines: &[Raw], i: usize, r: &Raw, table: &Table) -> Option<(String, usize)> {
    let t = r.text.as_str();
    let complete = (table.parse_time)(t).is_some();
    if !complete && !(table.time_start)(t) && !table.starts_like_time(t) {
        return None;
    }
    let mut text = t.to_string();
    let mut used = 1;
    // Up to two more lines, short ones, as long as the joined text reads as
    // a (different) time: "10 heures – 11 h" + "30", "10 ч 00 м. –" + "13 ч 00 м.".
    while used < 3 {
        let Some(n) = lines.get(i + used).filter(|n| n.page == r.page) else {
            break;
        };
        let short = n.text.split_whitespace().count() <= 6 && display_width(&n.text) <= 16;
        if !short || table.parse_day(&n.text).is_some() {
            break;
        }
        let j = join(table.language, &text, &n.text);
        let now = (table.parse_time)(&text);
        match (table.parse_time)(&j) {
            // (The same time with its unit: "10.00 a 11.30" + "horas".)
            Some(range)
                if now.as_ref() != Some(&range)
                    || (n.text.split_whitespace().count() == 1
                        && !n
                            .text
                            .chars()
                            .any(|c| c.is_ascii_digit() || c.is_uppercase())) =>
            {
                text = j;
                used += 1;
            }
            _ if now.is_none() && (table.time_start)(&j) => {
                text = j;
                used += 1;
            }
            _ => break,
        }
    }
    // An unfinished time still opens the cell: its end may come a line or
    // two later, after the row's programme text ("10 a.m.–1", "Opening of
    // the session", "p.m."), and `completes_time` joins it there.
    ((table.parse_time)(&text).is_some() || !complete).then_some((text, used))
}

/// Hangs a mark printed on a line of its own on the programme line after it.
fn hang_marks(pieces: Vec<Piece>, table: &Table) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    // Marks waiting for their text, in order: a tool may print the next
    // row's mark ("(f)") before the text of this one's ("•").
    let mut marks: std::collections::VecDeque<Raw> = std::collections::VecDeque::new();
    // Whether the first waiting mark's text has been read (the next mark
    // then waits for a block of its own).
    let mut first_taken = false;
    // (A waiting mark's `carried` says a time came after it.)
    for (at, p) in pieces.iter().cloned().enumerate() {
        match p {
            Piece::Programme(r) if lone_mark(table, &r.text) => {
                if marks.is_empty() {
                    first_taken = false;
                }
                marks.push_back(Raw {
                    carried: false,
                    ..r
                });
            }
            Piece::Programme(mut r) => {
                let mut takes = !first_taken || (r.gap && !opens_lowercase(table, &r.text));
                // (A bullet never opens an agenda item or a sub-item: one a
                // tool printed after its page's last line is the page's
                // first entry's, whose mark is missing; else it waits for
                // the text after.)
                let bullet = marks
                    .front()
                    .is_some_and(|m| table.sub_item(&m.text).is_none());
                if takes && bullet && is_structural(table, &r.text) {
                    if marks
                        .front()
                        .is_some_and(|m| mark_unmarked_entry(&mut out, m, table))
                    {
                        marks.pop_front();
                    } else {
                        // (Nor the item's lines after the first.)
                        first_taken = true;
                    }
                    takes = false;
                }
                // (A bullet marks a question: a title or a topic after a
                // sub-item's mark waiting behind the bullet is the sub-item's;
                // the bullet goes back to an entry it left unmarked, or
                // waits.)
                if takes && bullet && !ends_question(&paragraph_from(&pieces, at, table), table) {
                    let sub_item = marks.iter().position(|m| table.sub_item(&m.text).is_some());
                    if sub_item.is_none()
                        && marks
                            .front()
                            .is_some_and(|m| mark_unmarked_entry(&mut out, m, table))
                    {
                        // (Nor is the text after it a question.)
                        marks.pop_front();
                        takes = false;
                    }
                    if let Some(k) = sub_item {
                        if let Some(m) = marks.remove(k) {
                            marks.push_front(m);
                        }
                        while marks.len() > 1
                            && marks
                                .get(1)
                                .is_some_and(|m| mark_unmarked_entry(&mut out, m, table))
                        {
                            marks.remove(1);
                        }
                    }
                }
                if takes {
                    if let Some(m) = marks.pop_front() {
                        // (A sub-item's; a bullet's entry goes back as
                        // every list entry does.)
                        r.carried = m.carried && table.sub_item(&m.text).is_some();
                        r.text = format!("{} {}", m.text, r.text);
                        r.gap = true;
                        r.page = m.page;
                        first_taken = true;
                    }
                }
                if marks.is_empty() {
                    first_taken = false;
                }
                out.push(Piece::Programme(r));
            }
            // A mark a tool printed before the next slot's time waits for
            // its text after it (put back in its slot afterwards).
            other => {
                if matches!(other, Piece::Date { time: true, .. }) {
                    for m in &mut marks {
                        m.carried = true;
                    }
                }
                out.push(other)
            }
        }
    }
    out.extend(marks.into_iter().map(Piece::Programme));
    out
}

/// A bullet that opens a page, its question read further down the page
/// after the next row's day, time and agenda item (plain pdftotext reads the
/// bullet column's top before the row, the question's lines after the row's
/// first cells): the question goes back under its bullet, which ends the
/// page before's list. Only the first question on the page not under a mark
/// of its own.
fn return_orphan_questions(pieces: &mut Vec<Piece>, table: &Table) {
    let page_of = |p: &Piece| match p {
        Piece::Date { page, .. } | Piece::Room { page, .. } => *page,
        Piece::Programme(r) => r.page,
    };
    let mut i = 1;
    while i + 1 < pieces.len() {
        let opens_page = page_of(&pieces[i - 1]) != page_of(&pieces[i]);
        let bullet = matches!(&pieces[i], Piece::Programme(r) if lone_bullet(table, &r.text));
        if !(opens_page && bullet && matches!(pieces[i + 1], Piece::Date { .. })) {
            i += 1;
            continue;
        }
        let page = page_of(&pieces[i]);
        let mut q = i + 2;
        let mut found = None;
        while q < pieces.len() && page_of(&pieces[q]) == page {
            let after_mark =
                matches!(&pieces[q - 1], Piece::Programme(r) if lone_mark(table, &r.text));
            if let (Piece::Programme(r), false) = (&pieces[q], after_mark) {
                if let Some(end) = question_end(pieces, q, table) {
                    found = Some((q, end));
                    break;
                }
                if lone_bullet(table, &r.text) {
                    break;
                }
            }
            q += 1;
        }
        if let Some((q, end)) = found {
            let question: Vec<Piece> = pieces.drain(q..end).collect();
            pieces.splice(i + 1..i + 1, question);
        }
        i += 1;
    }
}

/// A bullet or a dash on a line of its own (a lone mark, not a sub-item's).
fn lone_bullet(table: &Table, t: &str) -> bool {
    lone_mark(table, t) && table.sub_item(t).is_none()
}

/// Where the question that opens at `pieces[at]` ends (one past its last
/// line): up to four lines of one paragraph, the last ending as a question
/// does; `None` where the paragraph there is not a question.
fn question_end(pieces: &[Piece], at: usize, table: &Table) -> Option<usize> {
    for (k, p) in pieces.iter().enumerate().skip(at).take(4) {
        let Piece::Programme(r) = p else { return None };
        if k > at && (r.gap || is_structural(table, &r.text) || lone_mark(table, &r.text)) {
            return None;
        }
        if k == at && (is_structural(table, &r.text) || opens_lowercase(table, &r.text)) {
            return None;
        }
        if ends_question(&r.text, table) {
            return Some(k + 1);
        }
    }
    None
}

/// Whether a paragraph ends as a question does: a question mark of any of
/// the scripts, or one the language adds (`Table::question_end`).
fn ends_question(text: &str, table: &Table) -> bool {
    let t = text.trim_end();
    t.ends_with(['?', '？', '؟']) || t.ends_with(table.question_end)
}

/// The text of the paragraph that opens at `pieces[at]`: its lines up to a
/// blank line, a date-side piece, a mark or a line ending with a colon.
fn paragraph_from(pieces: &[Piece], at: usize, table: &Table) -> String {
    let mut text = String::new();
    for (k, p) in pieces.iter().enumerate().skip(at) {
        match p {
            Piece::Programme(r)
                if k == at
                    || !(r.gap
                        || is_structural(table, &r.text)
                        || lone_mark(table, &r.text)
                        || text.trim_end().ends_with([':', '：'])) =>
            {
                text.push(' ');
                text.push_str(&r.text);
            }
            _ => break,
        }
    }
    text
}

/// Puts a bullet back on the entry it marks, where a tool read it away
/// from it: the nearest paragraph on the bullet's page that opens without
/// a mark, ends as a question does, and comes after a break in the reading
/// (a page's top, or a day or time read between) under a line that
/// introduces a list (ends with a colon or a question mark).
fn mark_unmarked_entry(out: &mut [Piece], mark: &Raw, table: &Table) -> bool {
    for k in (0..out.len()).rev() {
        let Piece::Programme(r) = &out[k] else {
            continue;
        };
        if r.page < mark.page {
            break;
        }
        if r.page != mark.page
            || is_structural(table, &r.text)
            || is_list_entry(table, &r.text)
            || lone_mark(table, &r.text)
        {
            continue;
        }
        // The paragraph's last line.
        let last = out[k + 1..]
            .iter()
            .map_while(|p| match p {
                Piece::Programme(n) if !n.gap && !is_structural(table, &n.text) => Some(n),
                _ => None,
            })
            .last()
            .unwrap_or(r);
        if !ends_question(&last.text, table) {
            continue;
        }
        let Some(before) = (0..k)
            .rev()
            .find(|&j| matches!(out[j], Piece::Programme(_)))
        else {
            continue;
        };
        let Piece::Programme(prev) = &out[before] else {
            continue;
        };
        let broken = prev.page != r.page || before + 1 < k;
        if !broken || !prev.text.trim_end().ends_with([':', '：', '?', '？']) {
            continue;
        }
        if let Piece::Programme(r) = &mut out[k] {
            r.text = format!("{} {}", mark.text, r.text);
        }
        return true;
    }
    false
}

/// Whether a programme line goes on with the text before it: it opens in
/// lowercase (where the script has case) and with no mark.
fn opens_lowercase(table: &Table, t: &str) -> bool {
    !is_structural(table, t)
        && t.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase)
}

/// Puts back before a slot's time the list entries (bullet questions,
/// speakers, continued sentences) a tool read after it: text of the slot
/// before, when the lines after the time only later reach a line that can
/// open a slot.
fn reorder(pieces: Vec<Piece>, table: &Table) -> Vec<Piece> {
    let mut out = pieces;
    lift_times_over_openers(&mut out, table);
    lift_lists_over_rows(&mut out, table);
    split_stacks(&mut out, table);
    split_stacked_times(&mut out, table);
    let mut i = 0;
    let mut seen_time = false;
    while i < out.len() {
        let is_time = matches!(out[i], Piece::Date { time: true, .. });
        // (A new day's label and its first time, read before the last
        // slot's list: they move together.)
        let day_then_time = matches!(out[i], Piece::Date { time: false, .. })
            && matches!(out.get(i + 1), Some(Piece::Date { time: true, .. }));
        if (is_time || day_then_time) && seen_time {
            // The time and the room under it move together.
            let mut j = i + 1 + usize::from(day_then_time);
            while matches!(out.get(j), Some(Piece::Room { .. })) {
                j += 1;
            }
            let mut k = j;
            while let Some(Piece::Programme(r)) = out.get(k) {
                // (A line printed with no blank line before it goes on with
                // the entry before.)
                let goes_on = k > j
                    && !r.gap
                    && !is_structural(table, &r.text)
                    && !table.starts_topic(&r.text);
                if is_list_entry(table, &r.text)
                    || opens_lowercase(table, &r.text)
                    || r.carried
                    || goes_on
                {
                    k += 1;
                } else {
                    break;
                }
            }
            let opener_follows = matches!(out.get(k), Some(Piece::Programme(_)));
            if k > j && opener_follows {
                let cell: Vec<Piece> = out.drain(i..j).collect();
                let at = k - cell.len();
                out.splice(at..at, cell);
                i = k;
                continue;
            }
        }
        if matches!(out[i], Piece::Date { time: false, .. }) {
            seen_time = false;
        }
        seen_time |= is_time;
        i += 1;
    }
    out
}

/// The last slot's list entries a tool read after the next row's day, time
/// and agenda item (plain pdftotext reads the row's cells beside each other,
/// the page's first lines after them: "10:00 - 13:00 البند 5 …" then the
/// bullets that ended the page before, then the row's sub-item): they go
/// back before the row. Only a list between an agenda item (or its first
/// sub-item's title) and a sub-item mark, where no list can be.
fn lift_lists_over_rows(pieces: &mut Vec<Piece>, table: &Table) {
    let programme = |p: Option<&Piece>| match p {
        Some(Piece::Programme(r)) => Some(r.text.clone()),
        _ => None,
    };
    // A list entry, or a question whose bullet no tool printed (a browser
    // drew it), told by how the language opens one.
    let listed = |t: &str| is_list_entry(table, t) || table.opens_question(t);
    let mut i = 1;
    while i < pieces.len() {
        if !matches!(pieces[i], Piece::Date { time: true, .. })
            || !pieces[..i]
                .iter()
                .any(|p| matches!(p, Piece::Date { time: true, .. }))
        {
            i += 1;
            continue;
        }
        let row = if matches!(pieces[i - 1], Piece::Date { time: false, .. }) {
            i - 1
        } else {
            i
        };
        let mut j = i + 1;
        while matches!(pieces.get(j), Some(Piece::Room { .. })) {
            j += 1;
        }
        // The agenda item's paragraph: its line and up to two more.
        let opens_item = programme(pieces.get(j)).is_some_and(|t| table.agenda_item.is_match(&t));
        if !opens_item {
            i += 1;
            continue;
        }
        let mut m = j + 1;
        while m < j + 3
            && programme(pieces.get(m)).is_some_and(|t| !is_structural(table, &t) && !listed(&t))
        {
            m += 1;
        }
        // (Or after the row's first sub-item, its title with no focus topic
        // under it: no list can sit there either.)
        if programme(pieces.get(m)).is_some_and(|t| table.sub_item(&t).is_some()) {
            let mut n = m + 1;
            while n < m + 4
                && programme(pieces.get(n)).is_some_and(|t| {
                    !is_structural(table, &t)
                        && !listed(&t)
                        && !table.starts_topic(&t)
                        && !t.trim_end().ends_with([':', '：'])
                })
            {
                n += 1;
            }
            if programme(pieces.get(n)).is_some_and(|t| listed(&t)) {
                m = n;
            }
        }
        let mut k = m;
        while programme(pieces.get(k)).is_some_and(|t| {
            listed(&t) || (k > m && !is_structural(table, &t) && !table.starts_topic(&t))
        }) {
            k += 1;
        }
        let sub_item_follows =
            programme(pieces.get(k)).is_some_and(|t| table.sub_item(&t).is_some());
        let list_first = programme(pieces.get(m)).is_some_and(|t| listed(&t));
        if list_first && k > m && sub_item_follows {
            let list: Vec<Piece> = pieces.drain(m..k).collect();
            let moved = list.len();
            pieces.splice(row..row, list);
            i += moved + 1;
            continue;
        }
        i += 1;
    }
}

/// A named meeting's line a tool read before its row's time, after the last
/// slot's list or room ("午餐时间会外活动：…" then "下午 1 时 15 分至 2 时 30
/// 分"): the time and its rooms go before it. (Not an agenda item: a slot
/// often ends with one, the next slot's time after it.)
fn lift_times_over_openers(pieces: &mut [Piece], table: &Table) {
    let mut k = 1;
    while k + 1 < pieces.len() {
        let opener = match &pieces[k] {
            Piece::Programme(r) => {
                table.opens_event(&r.text) && !table.agenda_item.is_match(&r.text)
            }
            _ => false,
        };
        let after_slot = match &pieces[k - 1] {
            Piece::Room { .. } => true,
            // A row whose whole programme is a named meeting, after its
            // time and room: the next meeting is the next row's.
            Piece::Programme(r) if table.opens_event(&r.text) => {
                k >= 2 && matches!(pieces[k - 2], Piece::Room { .. })
            }
            Piece::Programme(r) => is_list_entry(table, &r.text),
            _ => false,
        };
        if opener && after_slot && matches!(pieces[k + 1], Piece::Date { time: true, .. }) {
            let mut end = k + 2;
            while matches!(pieces.get(end), Some(Piece::Room { .. })) {
                end += 1;
            }
            // (The time and its rooms, then the opener.)
            pieces[k..end].rotate_left(1);
            k = end;
            continue;
        }
        k += 1;
    }
}

/// Three date cells or more a tool printed one after the other, their
/// rows' programme after them all (plain `pdftotext` on a three-column
/// table whose rows it read column by column): each cell goes before the
/// line that opens its row's programme. Rows open with an agenda item or a
/// named meeting; where there are more such lines than rows, the cut that
/// leaves the shortest row longest is taken. The last cell waits for its
/// day's label where the programme runs into it (the row broken across a
/// page).
fn split_stacks(pieces: &mut Vec<Piece>, table: &Table) {
    let programme = |p: &Piece| matches!(p, Piece::Programme(_));
    let mut i = 0;
    while i < pieces.len() {
        if programme(&pieces[i]) {
            i += 1;
            continue;
        }
        let run_end = (i..pieces.len())
            .find(|&k| programme(&pieces[k]))
            .unwrap_or(pieces.len());
        let cells = date_cells(&pieces[i..run_end]);
        let p_end = (run_end..pieces.len())
            .find(|&k| !programme(&pieces[k]))
            .unwrap_or(pieces.len());
        if cells.len() < 3 || p_end == run_end {
            i = p_end.max(i + 1);
            continue;
        }
        // (The day of the last cell: the last label at or before it.)
        let last_day = (i..i + cells[cells.len() - 1].end)
            .rev()
            .find_map(|k| day_of(pieces, k, table));
        let deferred = last_day.is_some() && day_of(pieces, p_end, table) == last_day;
        let rows = cells.len() - usize::from(deferred);
        let openers: Vec<usize> = (run_end + 1..p_end)
            .filter(|&k| match &pieces[k] {
                Piece::Programme(r) => {
                    table.agenda_item.is_match(&r.text) || table.opens_event(&r.text)
                }
                _ => false,
            })
            .collect();
        let Some(cuts) = longest_shortest_cut(&openers, rows - 1, run_end, p_end) else {
            i = p_end;
            continue;
        };
        let date_side: Vec<Piece> = pieces[i..run_end].to_vec();
        let mut rebuilt: Vec<Piece> = Vec::with_capacity(p_end - i + 1);
        let mut from = run_end;
        for (c, cell) in cells.iter().take(rows).enumerate() {
            rebuilt.extend(date_side[cell.clone()].iter().cloned());
            let to = cuts.get(c).copied().unwrap_or(p_end);
            rebuilt.extend(pieces[from..to].iter().cloned());
            from = to;
        }
        let mut end = p_end;
        if deferred {
            // The repeated label, then the last cell's time and rooms.
            rebuilt.push(pieces[p_end].clone());
            let last = &cells[cells.len() - 1];
            rebuilt.extend(
                date_side[last.clone()]
                    .iter()
                    .filter(|p| !matches!(p, Piece::Date { time: false, .. }))
                    .cloned(),
            );
            end += 1;
        }
        let len = rebuilt.len();
        pieces.splice(i..end, rebuilt);
        i += len;
    }
}

/// A run of date-side pieces cut into cells, each with one time: a day's
/// label opens a cell, the rooms under a time stay with it. None where a
/// piece is left over.
fn date_cells(run: &[Piece]) -> Vec<std::ops::Range<usize>> {
    let mut cells: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    let mut timed = false;
    for (k, p) in run.iter().enumerate() {
        match p {
            Piece::Date { time: false, .. } if timed => {
                cells.push(start..k);
                start = k;
                timed = false;
            }
            Piece::Date { time: true, .. } if timed => {
                // (A time after a time: its day's label printed once.)
                cells.push(start..k);
                start = k;
            }
            Piece::Date { time: true, .. } => timed = true,
            _ => {}
        }
    }
    if timed {
        cells.push(start..run.len());
    }
    cells
}

/// `need` cuts among `openers` (indices between `start` and `end`) that
/// make the shortest of the parts they leave the longest (the earliest
/// such).
fn longest_shortest_cut(
    openers: &[usize],
    need: usize,
    start: usize,
    end: usize,
) -> Option<Vec<usize>> {
    if need == 0 || openers.len() < need || openers.len() > 16 {
        return None;
    }
    let mut best: Option<(usize, Vec<usize>)> = None;
    let mut pick: Vec<usize> = Vec::with_capacity(need);
    fn walk(
        openers: &[usize],
        from: usize,
        need: usize,
        bounds: (usize, usize),
        pick: &mut Vec<usize>,
        best: &mut Option<(usize, Vec<usize>)>,
    ) {
        if pick.len() == need {
            let mut edges = vec![bounds.0];
            edges.extend(pick.iter().copied());
            edges.push(bounds.1);
            let shortest = edges.windows(2).map(|w| w[1] - w[0]).min().unwrap_or(0);
            if best.as_ref().is_none_or(|(b, _)| shortest > *b) {
                *best = Some((shortest, pick.clone()));
            }
            return;
        }
        for k in from..openers.len() {
            pick.push(openers[k]);
            walk(openers, k + 1, need, bounds, pick, best);
            pick.pop();
        }
    }
    walk(openers, 0, need, (start, end), &mut pick, &mut best);
    best.map(|(_, cuts)| cuts)
}

/// Where the second of two stacked times (at `second`, the first at
/// `first`) goes when the programme after them runs into its day's label
/// printed again (a page break inside the day): the time and its rooms (how
/// many pieces) and the repeated label's place.
fn split_at_repeated_day(
    pieces: &[Piece],
    first: usize,
    second: usize,
    table: &Table,
) -> Option<(usize, usize)> {
    let mut after = second + 1;
    while matches!(pieces.get(after), Some(Piece::Room { .. })) {
        after += 1;
    }
    let end = (after..pieces.len()).find(|&k| !matches!(pieces[k], Piece::Programme(_)))?;
    let repeated = day_of(pieces, end, table)?;
    let today = (0..first).rev().find_map(|k| day_of(pieces, k, table))?;
    (end > after && repeated == today).then_some((after - second, end))
}

/// Two times a tool printed one after the other (the first one's room
/// between them), their rows' programme after both: the second time goes
/// before the last agenda item after the first slot's opening line, or
/// where there is none before the first named meeting (the first slot keeps
/// what comes before it).
fn split_stacked_times(pieces: &mut Vec<Piece>, table: &Table) {
    let time = |p: Option<&Piece>| matches!(p, Some(Piece::Date { time: true, .. }));
    let room = |p: Option<&Piece>| matches!(p, Some(Piece::Room { .. }));
    let mut i = 0;
    while i + 2 < pieces.len() {
        // The first time's rooms, and its day's label printed again on the
        // second time's row (a table that repeats the date on every row).
        let today = (0..i).rev().find_map(|k| day_of(pieces, k, table));
        let mut second = i + 1;
        while room(pieces.get(second))
            || (today.is_some() && day_of(pieces, second, table) == today)
        {
            second += 1;
        }
        if time(pieces.get(i)) && time(pieces.get(second)) {
            // A row broken across a page: its day's label printed again on
            // the next page splits the two slots' programme.
            if let Some((cell, at)) = split_at_repeated_day(pieces, i, second, table) {
                let moved: Vec<Piece> = pieces.drain(second..second + cell).collect();
                let at = at - cell + 1;
                pieces.splice(at..at, moved);
                i = at;
                continue;
            }
            // The second time's cell: the repeated label before it, the
            // time, its rooms.
            let cell_start = if second > i + 1 && day_of(pieces, second - 1, table).is_some() {
                second - 1
            } else {
                second
            };
            let mut cell_end = second + 1;
            while room(pieces.get(cell_end)) {
                cell_end += 1;
            }
            let programme: Vec<(usize, &str)> = (cell_end + 1..pieces.len())
                .map_while(|k| match &pieces[k] {
                    Piece::Programme(r) => Some((k, r.text.as_str())),
                    _ => None,
                })
                .collect();
            let opener = programme
                .iter()
                .rfind(|(_, t)| table.agenda_item.is_match(t))
                .or_else(|| programme.iter().find(|(_, t)| table.opens_event(t)))
                .map(|&(k, _)| k);
            if let (Some(k), Some(Piece::Programme(_))) = (opener, pieces.get(cell_end)) {
                let moved: Vec<Piece> = pieces.drain(cell_start..cell_end).collect();
                let len = moved.len();
                let at = k - len;
                pieces.splice(at..at, moved);
                i = at + len;
                continue;
            }
        }
        i += 1;
    }
}

/// The day a piece's label names, if it is a day's label.
fn day_of(pieces: &[Piece], k: usize, table: &Table) -> Option<crate::lang::DayLabel> {
    match pieces.get(k)? {
        Piece::Date {
            text, time: false, ..
        } => table.parse_day(text),
        _ => None,
    }
}

/// A paragraph being read: its shared line, its last line as printed, how
/// many lines it has and the widest of them but the last.
struct Open {
    line: Line,
    last: Raw,
    lines: usize,
    widest: usize,
}

/// Joins the programme lines into paragraphs, one shared line each.
fn paragraphs(pieces: &[Piece], table: &Table, column: usize) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut open: Option<Open> = None;
    let close = |open: &mut Option<Open>, out: &mut Vec<Line>| {
        if let Some(o) = open.take() {
            out.push(o.line);
        }
    };
    for p in pieces {
        match p {
            Piece::Date { text, page, .. } => {
                close(&mut open, &mut out);
                let text = crate::joining::even_spacing(table.language, text);
                let mut l = line(*page, Zone::Table, Column::Date, &text);
                l.para_break = Some(true);
                out.push(l);
            }
            // (A room read beside a paragraph's lines leaves it open.)
            Piece::Room { text, page } => {
                let mut l = line(*page, Zone::Table, Column::Date, text);
                l.para_break = Some(false);
                out.push(l);
            }
            Piece::Programme(r) => match open.as_mut() {
                Some(o) if continues(table, o, r, column) => {
                    o.line.text = join(table.language, &o.line.text, &r.text);
                    o.widest = o.widest.max(display_width(&o.last.text));
                    o.lines += 1;
                    o.last = r.clone();
                }
                _ => {
                    close(&mut open, &mut out);
                    let mut l = line(r.page, Zone::Table, Column::Programme, &r.text);
                    l.para_break = Some(true);
                    open = Some(Open {
                        line: l,
                        last: r.clone(),
                        lines: 1,
                        widest: 0,
                    });
                }
            },
        }
    }
    close(&mut open, &mut out);
    out
}

/// Whether line `r` continues the paragraph being read.
fn continues(table: &Table, para: &Open, r: &Raw, column: usize) -> bool {
    let t = r.text.as_str();
    let before = para.line.text.trim_end();
    if is_structural(table, t) || before.ends_with([':', '：']) {
        return false;
    }
    if opens_lowercase(table, t) {
        return true;
    }
    if table.starts_topic(t) {
        return false;
    }
    if para.last.trailing && !r.gap {
        return true;
    }
    // A meeting the programme names ("Closing of the session") opens a
    // paragraph of its own, unless the line before broke off mid-word.
    if table.opens_event(t) && !before.ends_with(['-', '‐']) {
        return false;
    }
    // The line before had no room left for this line's first word, or ran
    // (nearly) as wide as the column, or as the paragraph's widest line (a
    // bullet's text is indented).
    let last = display_width(&para.last.text);
    let first_word = t.split_whitespace().next().map_or(0, |w| {
        if w.chars().next().is_some_and(unprog_extract::script::is_cjk) {
            2
        } else {
            display_width(w)
        }
    });
    // (A list entry is measured against its own lines, which are
    // indented: against the column, a line of it that had no room left looks
    // short.)
    let measure = if para.lines >= 2 {
        para.widest.max(last).min(column)
    } else {
        column
    };
    let no_room = (last + 1 + first_word) * 100 > measure * 92;
    // Chinese wraps at any character: a sentence that ends short of the
    // column's edge ends its paragraph, a list entry's too.
    if table.language == crate::model::Language::Zh
        && !no_room
        && before.ends_with(['。', '？', '?', '；', '！'])
    {
        return false;
    }
    // A list entry goes on to the end of its block (a question of several
    // sentences; a speaker's title that wraps).
    if !r.gap && is_list_entry(table, &para.line.text) {
        return true;
    }
    // A blank line between: only a line with no room left goes on across
    // it (a tool broke the cell's block at a footnote marker).
    if r.gap {
        return no_room && !before.ends_with(['.', '?', '!', ';', '؟', '。', '？', '；']);
    }
    // A question ended and the next opens (`Table::question_openers`:
    // "¿", "Quelles ", "كيف "): a list whose bullets the tool did not print.
    if ends_question(before, table) && table.opens_question(t) {
        return false;
    }
    // A sentence ended, and a capital opens the next line that would
    // have fitted on it (or an exclamation opens: "¡").
    if (!no_room || t.starts_with('¡'))
        && before.ends_with(['.', '?', '!', ';', '؟'])
        && t.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    {
        return false;
    }
    let wide = if para.lines <= 1 {
        last * 4 >= column * 3
    } else {
        last * 20 >= para.widest * 17
    };
    no_room || wide
}

fn line(page: u32, zone: Zone, column: Column, text: &str) -> Line {
    Line {
        page,
        zone,
        column,
        // (Runs of spaces, where a tool padded runs apart, are one space.)
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    fn table_lines(text: &str, language: Language) -> Vec<(Column, String)> {
        prepare(text, crate::lang::table(language))
            .lines
            .into_iter()
            .filter(|l| l.zone == Zone::Table)
            .map(|l| (l.column, l.text))
            .collect()
    }

    fn table_texts(text: &str, language: Language) -> Vec<String> {
        table_lines(text, language)
            .into_iter()
            .map(|(_, t)| t)
            .collect()
    }

    /// Lines of page 1 without blank lines between them.
    fn raws_of(texts: &[&str]) -> Vec<Raw> {
        texts
            .iter()
            .map(|t| Raw {
                text: t.to_string(),
                page: 1,
                gap: false,
                trailing: false,
                carried: false,
            })
            .collect()
    }

    /// The texts of the prepared lines in zone `z`.
    fn zone_texts(prepared: &Prepared, z: Zone) -> Vec<String> {
        prepared
            .lines
            .iter()
            .filter(|l| l.zone == z)
            .map(|l| l.text.clone())
            .collect()
    }

    const HEAD: &str = "A/AC.292/2023/INF/1\n\nAnnex\n\nDate/time\nAgenda item/programme\n\n";

    #[test]
    fn a_mark_printed_apart_hangs_on_its_text_and_wrapped_lines_join() {
        let text = format!(
            "{HEAD}Monday, 6 March\n10 a.m.–1 p.m.\n\nAgenda item 5: Discussion of the substantive issues contained in\n\
             paragraph 1 of General Assembly resolution 75/240\n\n(b)\nRules of international law\n\n•\n\
             What are these new and emerging technologies, and how are they being exploited for\nmalicious activities?\n"
        );
        let lines = table_lines(&text, Language::En);
        let texts: Vec<&str> = lines.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Monday, 6 March",
                "10 a.m.–1 p.m.",
                "Agenda item 5: Discussion of the substantive issues contained in paragraph 1 of General Assembly resolution 75/240",
                "(b) Rules of international law",
                "• What are these new and emerging technologies, and how are they being exploited for malicious activities?",
            ]
        );
        assert_eq!(lines[1].0, Column::Date);
        assert_eq!(lines[2].0, Column::Programme);
    }

    #[test]
    fn list_entries_read_after_the_next_time_go_back_to_their_slot() {
        let text = format!(
            "{HEAD}Monday, 6 March\n10 a.m.–1 p.m.\n\nAgenda item 3: Organization of work\n\n3–6 p.m.\n\n\
             • Is this the first slot's question?\n\nAgenda item 4: General exchange of views\n"
        );
        let texts = table_texts(&text, Language::En);
        assert_eq!(
            texts,
            [
                "Monday, 6 March",
                "10 a.m.–1 p.m.",
                "Agenda item 3: Organization of work",
                "• Is this the first slot's question?",
                "3–6 p.m.",
                "Agenda item 4: General exchange of views",
            ]
        );
    }

    #[test]
    fn wrapped_times_days_and_rooms_are_read_whole() {
        let text =
            "Annexe\n\nDate/heure\nPoint de l’ordre du jour/programme\n\nLundi 11\ndécembre\n\n\
                    10 heures – 11 h\n30\nSalle de\nconférence\n4\n\nOuverture de la session\n";
        let lines = table_lines(text, Language::Fr);
        let texts: Vec<&str> = lines.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Lundi 11 décembre",
                "10 heures – 11 h 30",
                "Salle de conférence 4",
                "Ouverture de la session"
            ]
        );
    }

    #[test]
    fn a_time_and_a_room_read_a_line_at_a_time_across_the_row_are_put_together() {
        // Plain pdftotext reads a row's cells a line at a time: the time's
        // and the room's ends come among the programme's lines.
        let text = "Anexo\n\nFecha/hora\nTema del programa/programa\n\nLunes 8 de julio\n\
                    10.00 a\nApertura del período de sesiones\n13.00 horas Palabras de apertura\n\
                    Sala de\n– Adedeji Ebo, Director\nconferencia g) Creación\n– Burhan Gafoor, Presidente\ns4\n\
                    Tema 2 del programa: Aprobación del programa\n\
                    Tema 5 del programa: Debate de las cuestiones sustantivas que figuran en el\n\
                    párrafo 1 de la resolución 75/240 de la Asamblea General\n";
        let texts = table_texts(text, Language::Es);
        assert_eq!(
            texts,
            [
                "Lunes 8 de julio",
                "10.00 a 13.00 horas",
                "Sala de conferencias 4",
                "Apertura del período de sesiones",
                "Palabras de apertura",
                "– Adedeji Ebo, Director",
                "g) Creación",
                "– Burhan Gafoor, Presidente",
                "Tema 2 del programa: Aprobación del programa",
                "Tema 5 del programa: Debate de las cuestiones sustantivas que figuran en el \
                 párrafo 1 de la resolución 75/240 de la Asamblea General",
            ]
        );
        // A time's start with the row's first words on its line.
        let text =
            "Приложение\n\nДата/время\nПункт повестки дня/программа\n\nПонедельник, 8 июля\n\
                    10 ч 00 м. – Открытие сессии\n13 ч 00 м.\nВступительные заявления\n\
                    Пункт 5 повестки дня: Обсуждение вопросов существа, содержащихся в пункте 1\n\
                    резолюции 75/240 Генеральной Ассамблеи\n";
        let texts = table_texts(text, Language::Ru);
        assert_eq!(texts[1], "10 ч 00 м. – 13 ч 00 м.");
        assert_eq!(texts[2], "Открытие сессии");
    }

    #[test]
    fn two_times_read_together_share_their_rows_text_at_the_meeting_the_second_row_names() {
        // The first time's room between the two; the second row opens with
        // a meeting the language's table names, right after a line that
        // looks as if it had no room left.
        let text = format!(
            "{HEAD}Wednesday, 6 March\n\n1.15–2.30 p.m.\nConference\nRoom 6\n3–6 p.m.\n\n\
             Lunch-time side event on the capacity-building needs of\n\
             developing countries, organized by the Secretariat\n\
             Informal dedicated stakeholder session\n\
             Focused discussion on the contributions of stakeholders:\n"
        );
        assert_eq!(
            table_texts(&text, Language::En),
            [
                "Wednesday, 6 March",
                "1.15–2.30 p.m.",
                "Conference Room 6",
                "Lunch-time side event on the capacity-building needs of developing countries, organized by the Secretariat",
                "3–6 p.m.",
                "Informal dedicated stakeholder session",
                "Focused discussion on the contributions of stakeholders:",
            ]
        );
    }

    #[test]
    fn a_sub_items_mark_read_before_the_next_time_takes_its_text_back_before_that_time() {
        let text = "A/AC.292/2024/INF/1\n\nDate\n\nHeure\n\nPoint de l’ordre du jour/programme\n\n\
             Vendredi 8\nmars\n\n10 heures-13\nheures\n\n\
             Point 5 de l’ordre du jour : Examen des questions de fond (suite)\nc)\n\n\
             15 heures-18\nheures\n\n\
             Établir, sous les auspices de l’Organisation des Nations\nUnies, un dialogue (suite)\n\n\
             Point 6 de l’ordre du jour : Questions diverses\nClôture de la session\n";
        assert_eq!(
            table_texts(text, Language::Fr),
            [
                "Vendredi 8 mars",
                "10 heures-13 heures",
                "Point 5 de l’ordre du jour : Examen des questions de fond (suite)",
                "c) Établir, sous les auspices de l’Organisation des Nations Unies, un dialogue (suite)",
                "15 heures-18 heures",
                "Point 6 de l’ordre du jour : Questions diverses",
                "Clôture de la session",
            ]
        );
    }

    #[test]
    fn a_new_days_label_and_time_read_before_the_last_slots_questions_go_after_them() {
        let text = format!(
            "{HEAD}Monday, 6 March\n3–6 p.m.\n\nAgenda item 5: Discussion\n\
             Focused discussion on international law:\n\nTuesday, 7\nMarch\n\n10 a.m.–1 p.m.\n\n\
             •\n\nHow do the principles apply?\n\nAgenda item 6: Other matters\n"
        );
        let texts = table_texts(&text, Language::En);
        assert_eq!(
            texts,
            [
                "Monday, 6 March",
                "3–6 p.m.",
                "Agenda item 5: Discussion",
                "Focused discussion on international law:",
                "• How do the principles apply?",
                "Tuesday, 7 March",
                "10 a.m.–1 p.m.",
                "Agenda item 6: Other matters",
            ]
        );
    }

    #[test]
    fn a_room_named_in_full_before_its_rows_text_is_set_apart() {
        let text = "Anexo\n\nFecha/hora\nTema del programa/programa\n\nLunes 24 de julio\n\
                    10.00 a 13.00 horas\n\nApertura del período de sesiones\n\n\
                    Sala de conferencias 4 Palabras de apertura\n\
                    Tema 5 del programa: Debate de las cuestiones sustantivas que figuran en el\n";
        let texts = table_texts(text, Language::Es);
        assert_eq!(
            texts,
            [
                "Lunes 24 de julio",
                "10.00 a 13.00 horas",
                "Sala de conferencias 4",
                "Apertura del período de sesiones",
                "Palabras de apertura",
                "Tema 5 del programa: Debate de las cuestiones sustantivas que figuran en el",
            ]
        );
    }

    #[test]
    fn a_row_line_that_opens_with_its_day_and_time_is_split_and_the_labels_end_found() {
        // pdftotext -layout, flattened: the three cells one space apart on
        // the row's first line, the weekday's end opening the next.
        let text = "附件\n\n日期/时间\n议程项目/方案\n\n3 月 4 日，星期一\n上午 10 时至下午 1 时\n会议开幕\n\
                    3 月 5 日，星期 上午 10 时至下 议程项目 5：关于大会第 75/240 号决议第 1 段所载实质性问题的\n\
                    二  午1时  讨论(续)\n(d) 继续研究\n";
        let texts = table_texts(text, Language::Zh);
        // (Whether the programme's two lines join is the paragraph rule's
        // business: here no other line sets the column's width.)
        assert_eq!(
            texts[..5],
            [
                "3 月 4 日，星期一",
                "上午 10 时至下午 1 时",
                "会议开幕",
                "3 月 5 日，星期二",
                "上午 10 时至下午1时",
            ]
        );
        assert!(texts[5].starts_with("议程项目 5："), "{texts:?}");
        assert!(texts.iter().any(|t| t.ends_with("讨论(续)")), "{texts:?}");
    }

    #[test]
    fn a_right_to_left_rows_date_cell_at_the_line_end_opens_its_day() {
        let text = "المرفق\n\nالبند/البرنامج  الوقت  التاريخ\n\n\
                    10:00 - 13:00 افتتاح الدورة  الاثنين، 4 آذار/\nالملاحظات الافتتاحية  مارس\n\
                    البند 2 من جدول الأعمال: إقرار جدول الأعمال\n";
        let texts = table_texts(text, Language::Ar);
        assert_eq!(
            texts,
            [
                "الاثنين، 4 آذار/مارس",
                "10:00 - 13:00",
                "افتتاح الدورة",
                "الملاحظات الافتتاحية",
                "البند 2 من جدول الأعمال: إقرار جدول الأعمال",
            ]
        );
    }

    #[test]
    fn a_three_column_rows_wrapped_day_and_time_cells_open_their_day_and_slot() {
        // pdftotext -layout, flattened: date | time | programme, the date
        // and the time each wrapped onto the row's second line; or the
        // label and the time one space apart on the first.
        let text = "Приложение\n\nДата  Время  Пункт повестки дня/программа\n\n\
                    Понедельник,  10 ч 00 м. – 13  Открытие сессии\n4 марта  ч 00 м.  Вступительные заявления\n\
                    Среда, 6 марта 10 ч 00 м. – 13  Пункт 2 повестки дня: Утверждение повестки дня\n\
                    ч 00 м.\n";
        let texts = table_texts(text, Language::Ru);
        assert_eq!(
            texts,
            [
                "Понедельник, 4 марта",
                "10 ч 00 м. – 13 ч 00 м.",
                "Открытие сессии",
                "Вступительные заявления",
                "Среда, 6 марта",
                "10 ч 00 м. – 13 ч 00 м.",
                "Пункт 2 повестки дня: Утверждение повестки дня",
            ]
        );
    }

    #[test]
    fn two_stacked_times_share_their_rows_text_at_the_days_label_repeated_over_a_page() {
        let text = "Annex\n\nDate/time  Agenda item/programme\n\nWednesday, 26\nJuly\n\n\
                    10 a.m.–1 p.m.\nConference\nRoom 4\n3–6 p.m.\nConference\nRoom 4\n\n\
                    Briefing by the Chair on the draft annual progress report\n\
                    Agenda item 7: Adoption of the annual progress report\n\n\x0cWednesday, 26\nJuly\n\n\
                    Closed meeting\nAgenda item 6: Other matters\n";
        let texts = table_texts(text, Language::En);
        assert_eq!(
            texts,
            [
                "Wednesday, 26 July",
                "10 a.m.–1 p.m.",
                "Conference Room 4",
                "Briefing by the Chair on the draft annual progress report",
                "Agenda item 7: Adoption of the annual progress report",
                "Wednesday, 26 July",
                "3–6 p.m.",
                "Conference Room 4",
                "Closed meeting",
                "Agenda item 6: Other matters",
            ]
        );
    }

    #[test]
    fn two_times_read_together_with_the_date_repeated_on_each_row_share_their_text() {
        // A table with the date on every row, read a column at a time.
        let text = "附件\n\n日期\n\n时间\n\n议程项目/方案\n\n7 月 24 日，星期一\n\n\
                    上午 10 时至下午 1 时\n第 4 会议室\n\n7 月 24 日，星期一\n\n下午 3 时至 6 时\n第 4 会议室\n\n\
                    会议开幕\n议程项目 2：通过议程\n议程项目 5：关于实质性问题的讨论(续)\n";
        let texts = table_texts(text, Language::Zh);
        assert_eq!(
            texts,
            [
                "7 月 24 日，星期一",
                "上午 10 时至下午 1 时",
                "第 4 会议室",
                "会议开幕",
                "议程项目 2：通过议程",
                "7 月 24 日，星期一",
                "下午 3 时至 6 时",
                "第 4 会议室",
                "议程项目 5：关于实质性问题的讨论(续)",
            ]
        );
    }

    #[test]
    fn a_day_label_whose_weekday_wrapped_is_read_whole_before_its_first_time() {
        // Plain pdftotext reads the row a line at a time across its three
        // cells: time, programme, date; the weekday's last character comes
        // lines later.
        let text = "附件\n\n日期/时间\n议程项目/方案\n\n3 月 4 日，星期一\n上午 10 时至下午 1 时\n\
                    会议开幕\n上午 10 时至下 议程项目 5：关于大会第 75/240 号决议第 1 段所载实质性问题的\n3 月 5 日，星期\n午1时\n\
                    讨论(续)\n二\n(d) 继续研究\n";
        let texts = table_texts(text, Language::Zh);
        assert_eq!(
            texts,
            [
                "3 月 4 日，星期一",
                "上午 10 时至下午 1 时",
                "会议开幕",
                "3 月 5 日，星期二",
                "上午 10 时至下午1时",
                "议程项目 5：关于大会第 75/240 号决议第 1 段所载实质性问题的讨论(续)",
                "(d) 继续研究",
            ]
        );
    }

    #[test]
    fn a_chinese_time_wrapped_over_three_lines_among_its_rows_text() {
        let text = "附件\n\n日期/时间\n议程项目/方案\n\n7 月 8 日，星期一\n上午 10 时 会议开幕\n\
                    至下午 1\n致开幕词\n时\n第 4 会议\n– 不限成员名额工作组组长柏罕加福\n室\n\
                    议程项目 2：通过议程\n";
        let texts = table_texts(text, Language::Zh);
        assert_eq!(
            texts,
            [
                "7 月 8 日，星期一",
                "上午 10 时至下午 1 时",
                "第 4 会议室",
                "会议开幕",
                "致开幕词",
                "– 不限成员名额工作组组长柏罕加福",
                "议程项目 2：通过议程",
            ]
        );
    }

    #[test]
    fn hyphens_pdftotext_dropped_at_line_ends_come_back() {
        let fr = crate::lang::table(Language::Fr);
        assert_eq!(
            restore_dropped_hyphen("adjointe et HauteReprésentante pour", fr),
            "adjointe et Haute-Représentante pour"
        );
        assert_eq!(
            restore_dropped_hyphen("10 heuresOuverture de la session", fr),
            "10 heures- Ouverture de la session"
        );
        assert_eq!(
            restore_dropped_hyphen("15 heures18 heures", fr),
            "15 heures-18 heures"
        );
        assert_eq!(restore_dropped_hyphen("(20212025)", fr), "(2021-2025)");
        // Names and unrelated numbers stay.
        assert_eq!(
            restore_dropped_hyphen("McDonald et DeVries", fr),
            "McDonald et DeVries"
        );
        assert_eq!(restore_dropped_hyphen("A/77/20222030", fr), "A/77/20222030");
    }

    #[test]
    fn running_lines_and_the_footnote_at_the_page_foot_are_set_apart() {
        let text = format!(
            "{HEAD}Monday, 6 March\n10 a.m.–1 p.m.\n\nAgenda item 5: Discussion of resolution 75/2401\n\n{}\n\
             1\nStates are strongly encouraged to use their statements under agenda item 5 to focus on the topics.\n\n\
             23-03456 (E)\n\x0cA/AC.292/2023/INF/1\n\nDate/time\nAgenda item/programme\n\n3–6 p.m.\n\nClosing of the session\n\n2/2\n",
            "Focused discussion on the threats identified in paragraphs 8 to\n13 of the report:\n".repeat(4)
        );
        let prepared = prepare(&text, crate::lang::table(Language::En));
        let zone = |z: Zone| zone_texts(&prepared, z);
        assert_eq!(
            zone(Zone::Footnotes),
            ["1", "States are strongly encouraged to use their statements under agenda item 5 to focus on the topics."]
        );
        assert_eq!(
            zone(Zone::Table),
            [
                "Monday, 6 March",
                "10 a.m.–1 p.m.",
                "Agenda item 5: Discussion of resolution 75/2401",
                "Focused discussion on the threats identified in paragraphs 8 to 13 of the report:",
                "Focused discussion on the threats identified in paragraphs 8 to 13 of the report:",
                "Focused discussion on the threats identified in paragraphs 8 to 13 of the report:",
                "Focused discussion on the threats identified in paragraphs 8 to 13 of the report:",
                "3–6 p.m.",
                "Closing of the session"
            ]
        );
        assert_eq!(prepared.pages, 2);
    }

    #[test]
    fn a_footnote_is_found_where_every_line_is_set_apart() {
        // MuPDF sets each right-to-left line apart by a blank line: blank
        // lines say nothing, and the footnote is read from its number.
        let body = "Agenda item 5: Discussion of the substantive issues contained in\n\n\
             paragraph 1 of General Assembly resolution 75/2401\n\n\
             Closing of the session\n\nClosing remarks by the Chair\n\n";
        let topics = "Focused discussion on the threats identified in paragraphs 8 to\n\n\
             13 of the report:\n\n"
            .repeat(4);
        let text = format!(
            "{HEAD}\nMonday, 6 March\n\n10 a.m.–1 p.m.\n\n{topics}{body}\
             1 States are strongly encouraged to use their statements under agenda item 5 to focus on the topics and\n\n\
             points identified in document A/77/275.\n"
        );
        let prepared = prepare(&text, crate::lang::table(Language::En));
        let zone = |z: Zone| zone_texts(&prepared, z);
        assert_eq!(
            zone(Zone::Footnotes),
            [
                "1 States are strongly encouraged to use their statements under agenda item 5 to focus on the topics and",
                "points identified in document A/77/275."
            ]
        );
        assert!(zone(Zone::Table).contains(&"Closing remarks by the Chair".to_string()));
    }

    #[test]
    fn a_raised_marker_read_over_its_line_hangs_on_it_and_the_note_keeps_its_number() {
        // Plain pdftotext reads a raised number first, on a line of its own
        // over the line it sits on; and the note's own number over the note.
        let topics = "Focused discussion on the threats identified in paragraphs 8 to\n\
             13 of the report:\n"
            .repeat(4);
        let text = format!(
            "{HEAD}Monday, 6 March\n10 a.m.–1 p.m.\n\n{topics}\
             Agenda item 5: Discussion of the substantive issues contained in paragraph 1 of\n1\n\n\
             General Assembly resolution 75/240\n1\n\n\
             States are strongly encouraged to use their statements under agenda item 5 to focus on the topics and\n\
             points identified in document A/77/275.\n\n23-03456 (E)\n"
        );
        let prepared = prepare(&text, crate::lang::table(Language::En));
        assert_eq!(
            zone_texts(&prepared, Zone::Footnotes),
            [
                "1",
                "States are strongly encouraged to use their statements under agenda item 5 to focus on the topics and",
                "points identified in document A/77/275."
            ]
        );
        let table = zone_texts(&prepared, Zone::Table);
        assert!(
            table
                .iter()
                .any(|t| t.ends_with("paragraph 1 of General Assembly resolution 75/2401")),
            "{table:?}"
        );
    }

    #[test]
    fn a_room_read_on_one_line_with_the_programme_goes_to_its_time() {
        let raws: Vec<Raw> = raws_of(&["قاعة الاجتماعات لجهات الاتصال، ينظمه المكتب", "6"]);
        let table = crate::lang::table(Language::Ar);
        assert_eq!(
            room_then_programme(&raws, 0, table),
            Some((
                "قاعة الاجتماعات 6".to_string(),
                "لجهات الاتصال، ينظمه المكتب".to_string()
            ))
        );
        assert_eq!(room_then_programme(&raws, 1, table), None);
        let english = [Raw {
            text: "Conference Room 4".into(),
            ..raws[0].clone()
        }];
        assert_eq!(
            room_then_programme(&english, 0, crate::lang::table(Language::En)),
            None
        );
    }

    #[test]
    fn headings_read_between_the_first_row_cells_are_no_programme() {
        // Plain pdftotext reads three columns one after the other: the day
        // heading and the day, the time heading and the time, then the
        // programme's heading and the programme.
        let text = "A/AC.292/2024/INF/1\n\nAnexo\n\nFecha/hora\nTema del programa/programa\n\n\
             Martes 5 de marzo\n10.00 a 13.00 horas\n\nTema 5 del programa: Debate\n\n\
             \x0cA/AC.292/2024/INF/1\n\nFecha\n\nMiércoles 6 de\nmarzo\n\nHora\n\n\
             10.00 a 13.00\nhoras\n\nTema del programa/programa\n\n\
             Tema 6 del programa: Otros asuntos\n";
        let prepared = prepare(text, crate::lang::table(Language::Es));
        let texts: Vec<&str> = prepared.lines.iter().map(|l| l.text.as_str()).collect();
        assert!(
            !texts[1..].iter().any(|&t| t == "Fecha" || t == "Hora"),
            "{texts:?}"
        );
        assert!(
            texts.iter().any(|t| t.starts_with("Miércoles 6 de")),
            "{texts:?}"
        );
    }

    #[test]
    fn questions_whose_bullets_a_tool_did_not_print_stay_apart() {
        let text =
            "A/AC.292/2023/INF/1\n\nAnnexe\n\nDate/heure\nPoint de l’ordre du jour/programme\n\n\
             Lundi 6 mars\n10 heures-13 heures\n\nDébat ciblé sur les menaces :\n\
             Quelles mesures concrètes les États pourraient-ils prendre pour atténuer\n\
             l’incidence des nouvelles menaces sur la sécurité internationale ?\n\
             Quelles évolutions technologiques les États ont-ils recensées ?\n";
        let prepared = prepare(text, crate::lang::table(Language::Fr));
        let table = zone_texts(&prepared, Zone::Table);
        assert!(
            table.contains(
                &"Quelles évolutions technologiques les États ont-ils recensées ?".to_string()
            ),
            "{table:?}"
        );
    }

    #[test]
    fn the_last_slots_bullets_read_after_the_next_rows_agenda_item_go_back() {
        let text = format!(
            "{HEAD}Tuesday, 7 March\n3–6 p.m.\n\nAgenda item 5: Discussion (continued)\n\n\
             (e) International law\n\nFocused discussion on the second set of questions:\n\n2/3\n\
             \x0cA/AC.292/2023/INF/1\n\nDate/time\nAgenda item/programme\n\nWednesday, 8 March\n\n\
             10 a.m.–1 p.m. Agenda item 5: Discussion (continued)\n\n\
             • How does sovereignty apply?\n• Are there areas of common understanding?\n\n\
             (f) Confidence-building measures\n"
        );
        let prepared = prepare(&text, crate::lang::table(Language::En));
        let table = zone_texts(&prepared, Zone::Table);
        let at = |t: &str| table.iter().position(|l| l.contains(t));
        assert!(
            at("How does sovereignty") < at("Wednesday, 8 March"),
            "{table:?}"
        );
        assert!(
            at("Are there areas") < at("Wednesday, 8 March"),
            "{table:?}"
        );
    }

    #[test]
    fn a_room_number_over_the_footnotes_stays_with_its_room() {
        assert!(!marks_note_below(
            "4",
            "2 The draft report will be circulated.",
            2
        ));
        assert!(marks_note_below(
            "2",
            "The draft report will be circulated.",
            2
        ));
        assert!(marks_note_below("2", "3 Another note.", 1));
    }

    #[test]
    fn a_page_number_read_right_to_left_is_a_running_line() {
        // Page 2 of 3 as a right-to-left page's "2/3" reads in logical
        // order: "3/2".
        let text = format!(
            "{HEAD}Monday, 6 March\n10 a.m.–1 p.m.\n\nAgenda item 5: Discussion\n\n1/3\n             \x0cA/AC.292/2023/INF/1\n\nDate/time\nAgenda item/programme\n\n3–6 p.m.\n\nClosed meeting\n\n3/2\n             \x0cA/AC.292/2023/INF/1\n\nDate/time\nAgenda item/programme\n\nTuesday, 7 March\n10 a.m.–1 p.m.\n\n             Closing of the session\n\n3/3\n"
        );
        let prepared = prepare(&text, crate::lang::table(Language::En));
        let table: Vec<&str> = prepared
            .lines
            .iter()
            .filter(|l| l.zone == Zone::Table)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(prepared.pages, 3);
        assert!(table.contains(&"Closed meeting"), "{table:?}");
        assert!(!table.iter().any(|t| t.contains('/')), "{table:?}");
    }

    #[test]
    fn a_hyphen_a_tool_dropped_comes_back_where_the_document_prints_it() {
        let restored = |lines: &[&str], language: Language| -> Vec<String> {
            let mut raws: Vec<Raw> = raws_of(lines);
            restore_hyphens(&mut raws, crate::lang::table(language));
            raws.into_iter().map(|r| r.text).collect()
        };
        // A prefix the language always hyphenates ("non-"), but not a word
        // that merely begins with it.
        assert_eq!(
            restored(
                &[
                    "principles of sovereignty and nonintervention apply",
                    "nonetheless"
                ],
                Language::En
            ),
            [
                "principles of sovereignty and non-intervention apply",
                "nonetheless"
            ]
        );
        let ru = restored(
            &[
                "информационно-коммуникационных технологий",
                "государствами информационнокоммуникационных технологий",
            ],
            Language::Ru,
        );
        assert_eq!(
            ru[1],
            "государствами информационно-коммуникационных технологий"
        );
        let en = restored(
            &[
                "discussion points identified for follow-up",
                "of a global, intergovernmental pointsof-contact directory",
            ],
            Language::En,
        );
        assert_eq!(
            en[1],
            "of a global, intergovernmental points-of-contact directory"
        );
        assert_eq!(page_of_pages("2/5"), Some((2, 5)));
        assert_eq!(page_of_pages("75/240"), Some((75, 240)));
    }

    #[test]
    fn a_day_label_printed_a_run_a_line_is_one_label_and_a_question_end_is_not_part_of_it() {
        let text = "附件\n\n日期/时间\n议程项目/方案\n\n7\n月\n25\n日，星期一\n\n上午 10 时至下午 1 时\n会议开幕\n";
        let texts = table_texts(text, Language::Zh);
        assert_eq!(
            texts,
            ["7 月 25 日，星期一", "上午 10 时至下午 1 时", "会议开幕"]
        );
        let raws: Vec<Raw> = raws_of(&["состава?", "Вторник,", "5 марта"]);
        let ru = crate::lang::table(Language::Ru);
        assert!(wrapped_day(&raws, 0, ru).is_none());
        assert_eq!(
            wrapped_day(&raws, 1, ru),
            Some(("Вторник, 5 марта".to_string(), 2))
        );
    }

    #[test]
    fn a_symbol_broken_at_a_line_end_is_joined_but_a_date_under_a_symbol_is_not() {
        let lines = [
            "附加说明的临时议程载于 A/AC.292/2",
            "021/1 号文件。",
            "A/AC.292/2022/INF/2",
            "11 July 2022",
        ];
        assert_eq!(
            rejoin_symbols(lines.into_iter()),
            [
                "附加说明的临时议程载于 A/AC.292/2021/1",
                "号文件。",
                "A/AC.292/2022/INF/2",
                "11 July 2022"
            ]
        );
    }

    #[test]
    fn date_numbers_read_apart_go_back_before_their_units() {
        let text = "联合国\n\nA/AC.292/2023/INF/1\n\n2023\n2\n20\n\n年 月 日\n\n附件\n\n日期/时间\n议程项目/方案\n\n\
                    月 6 日，星期一\n上午 10 时至下午 1 时\n会议开幕\n3\n\x0c";
        let prepared = prepare(text, crate::lang::table(Language::Zh));
        let texts: Vec<&str> = prepared.lines.iter().map(|l| l.text.as_str()).collect();
        assert!(texts.contains(&"2023 年 2 月 20 日"), "{texts:?}");
        assert!(texts.contains(&"3 月 6 日，星期一"), "{texts:?}");
        // (The numbers are used once; 日期 is not a day without its number.)
        assert!(!texts.contains(&"3"), "{texts:?}");
        assert!(!texts.iter().any(|t| t.starts_with("20 日期")));
    }

    #[test]
    fn a_bullet_read_away_from_its_entry_marks_it() {
        // (Its entry after a day and time read between, the bullet after
        // the next slot's time.)
        let text = format!(
            "{HEAD}Thursday, 7 March\n3–6 p.m.\n\nAgenda item 5: Discussion\n\nFocus on the mechanism:\n\n\
             Friday, 8 March\n10 a.m.–1 p.m.\n\nWhat should its scope be?\n\nAgenda item 5: Discussion (continued)\n\n\
             3–6 p.m.\n\n•\n\nAgenda item 6: Other matters\n"
        );
        let texts = table_texts(&text, Language::En);
        assert!(
            texts.contains(&"• What should its scope be?".to_string()),
            "{texts:?}"
        );
        assert!(!texts.iter().any(|t| t == "•"), "{texts:?}");

        let text = format!(
            "{HEAD}Monday, 6 March\n10 a.m.–1 p.m.\n\nAgenda item 5: Discussion\n\nFocus on threats:\n\x0c\
             What are the threats?\n\n• What can States do?\n\n•\n\nTuesday, 7 March\n10 a.m.–1 p.m.\n\n\
             Agenda item 6: Other matters\n"
        );
        let texts = table_texts(&text, Language::En);
        assert!(
            texts.contains(&"• What are the threats?".to_string()),
            "{texts:?}"
        );
        assert!(
            texts.contains(&"Agenda item 6: Other matters".to_string()),
            "{texts:?}"
        );
        assert!(
            !texts.iter().any(|t| t == "•" || t.starts_with("• Agenda")),
            "{texts:?}"
        );
    }

    #[test]
    fn cuts_leave_the_shortest_part_longest() {
        assert_eq!(
            longest_shortest_cut(&[6, 10, 11], 2, 0, 12),
            Some(vec![6, 10])
        );
        assert_eq!(longest_shortest_cut(&[3], 1, 0, 8), Some(vec![3]));
        assert_eq!(longest_shortest_cut(&[3], 2, 0, 8), None);
    }

    #[test]
    fn stacked_date_cells_go_before_the_lines_that_open_their_rows() {
        let text = format!(
            "{HEAD}Tuesday, 25 July\n\n10 a.m.–1 p.m.\n\nTuesday, 25 July\n\n3–6 p.m.\n\n\
             Wednesday, 26 July\n\n10 a.m.–1 p.m.\n\n\
             Agenda item 5: Discussion (continued)\n(f) Confidence-building measures\n\
             Informal dedicated stakeholder session\nFocused discussion on partnerships:\n\
             • What lessons can be learned?\nClosed meeting\nAgenda item 7: Adoption of the report\n"
        );
        let texts = table_texts(&text, Language::En);
        let at = |t: &str| {
            texts
                .iter()
                .position(|x| x.starts_with(t))
                .unwrap_or(usize::MAX)
        };
        assert!(at("Tuesday, 25 July") < at("Agenda item 5"), "{texts:?}");
        assert!(at("Agenda item 5") < at("3–6 p.m."), "{texts:?}");
        assert!(at("3–6 p.m.") < at("Informal dedicated"), "{texts:?}");
        assert!(at("• What lessons") < at("Wednesday, 26 July"), "{texts:?}");
        assert!(at("Wednesday, 26 July") < at("Closed meeting"), "{texts:?}");
        assert!(at("Closed meeting") < at("Agenda item 7"), "{texts:?}");
    }

    #[test]
    fn a_room_read_beside_a_paragraph_leaves_it_open() {
        let text = format!(
            "{HEAD}Monday, 6 March\n\n1.15–2.30 p.m.  Lunch-time side event on the global intergovernmental\n\
             Conference  points of contact directory, organized by the Office for\n\
             Room 6  Disarmament Affairs\n\n3–6 p.m.  Agenda item 5: Discussion of the substantive issues\n"
        );
        let texts = table_texts(&text, Language::En);
        assert!(
            texts.contains(
                &"Lunch-time side event on the global intergovernmental points of contact directory, \
                  organized by the Office for Disarmament Affairs"
                    .to_string()
            ),
            "{texts:?}"
        );
    }

    #[test]
    fn a_sub_items_title_takes_its_mark_though_a_bullet_waits_before_it() {
        let text = format!(
            "{HEAD}Monday, 6 March\n10 a.m.–1 p.m.\nOpening of the session\nOpening remarks\n\
             Agenda item 5: Discussion of the substantive issues\ncontained in paragraph 1\n(a)\n\n\
             Rules of behaviour and the ways of implementing them\nand, if necessary, changing them\n\n\
             Focused discussion on the list of proposals annexed to the\nChair's summary:\n\n3–6 p.m.\n\n\
             Are there updates to the list that has been proposed\nin the Chair's summary?\n\n•\n\n\
             Which proposals should be developed for future\nprogress reports?\n\n\
             Agenda item 5: Discussion of the substantive issues\ncontained in paragraph 1 (continued)\n(a)\n\n•\n\x0c\
             Rules of behaviour and the ways of implementing them\nand changing them (continued)\n(d)\n\n\
             Threats to information security and possible measures\nto prevent them\n"
        );
        let texts = table_texts(&text, Language::En);
        for want in [
            "• Are there updates to the list that has been proposed in the Chair's summary?",
            "• Which proposals should be developed for future progress reports?",
            "(a) Rules of behaviour and the ways of implementing them and changing them (continued)",
            "(d) Threats to information security and possible measures to prevent them",
        ] {
            assert!(texts.contains(&want.to_string()), "{want}: {texts:?}");
        }
    }

    #[test]
    fn a_sub_item_title_printed_without_its_mark_gets_it_back() {
        let text = format!(
            "{HEAD}Thursday, 7 March\n3–6 p.m.\nAgenda item 5: Discussion (continued)\n\n\
             Regular institutional dialogue\n\n\
             Focused discussion on the elements of a future permanent mechanism on ICT\nsecurity:\n\
             • What should be the scope and structure of a future permanent mechanism on\nICT security?\n\
             Friday, 8 March\n10 a.m.–1 p.m.\nAgenda item 5: Discussion (continued)\n\
             (c) Regular institutional dialogue (continued)\n(c)\n"
        );
        let texts = table_texts(&text, Language::En);
        assert!(
            texts.contains(&"(c) Regular institutional dialogue".to_string()),
            "{texts:?}"
        );
        assert!(!texts.contains(&"(c)".to_string()), "{texts:?}");
    }

    #[test]
    fn a_named_meeting_read_before_its_rows_time_goes_after_it() {
        let mut pieces = vec![
            Piece::Date {
                text: "10 a.m.–1 p.m.".into(),
                page: 1,
                time: true,
            },
            Piece::Programme(raw("Agenda item 5: Discussion")),
            Piece::Programme(raw("• What are the threats?")),
            Piece::Programme(raw("Lunch-time side event on capacity-building")),
            Piece::Date {
                text: "1.15–2.30 p.m.".into(),
                page: 1,
                time: true,
            },
            Piece::Room {
                text: "Conference Room 6".into(),
                page: 1,
            },
        ];
        lift_times_over_openers(&mut pieces, crate::lang::table(Language::En));
        assert!(matches!(&pieces[3], Piece::Date { text, .. } if text == "1.15–2.30 p.m."));
        assert!(matches!(&pieces[4], Piece::Room { .. }));
        assert!(matches!(&pieces[5], Piece::Programme(r) if r.text.starts_with("Lunch-time")));
    }

    #[test]
    fn a_second_named_meeting_after_a_row_of_one_goes_after_the_next_time() {
        // Chinese names a meeting by its topic first: 关于…的非正式协商.
        let event = "关于年度进展报告草稿的非正式协商";
        let time = |text: &str| Piece::Date {
            text: text.into(),
            page: 2,
            time: true,
        };
        let room = || Piece::Room {
            text: "第 1 会议室".into(),
            page: 2,
        };
        let mut pieces = vec![
            time("上午 10 时至下午 1 时"),
            room(),
            Piece::Programme(raw(event)),
            Piece::Programme(raw(event)),
            time("下午 3 时至 6 时"),
            room(),
        ];
        lift_times_over_openers(&mut pieces, crate::lang::table(Language::Zh));
        assert!(matches!(&pieces[2], Piece::Programme(r) if r.text == event));
        assert!(matches!(&pieces[3], Piece::Date { text, .. } if text == "下午 3 时至 6 时"));
        assert!(matches!(&pieces[4], Piece::Room { .. }));
        assert!(matches!(&pieces[5], Piece::Programme(r) if r.text == event));
    }

    fn raw(text: &str) -> Raw {
        Raw {
            text: text.into(),
            page: 1,
            gap: true,
            trailing: false,
            carried: false,
        }
    }

    #[test]
    fn a_job_number_printed_in_pieces_is_a_running_line() {
        assert!(job_number_opening().is_match("22-10923 ("));
        assert!(job_number_opening().is_match("2210923- ("));
        assert!(job_number_opening().is_match("2/22210923-"));
        assert!(!job_number_opening().is_match("2023 ("));
        let text = format!(
            "{HEAD}Monday, 6 March\n10 a.m.–1 p.m.\nOpening of the session\n22-10923 (\nA\n)\n"
        );
        assert_eq!(
            table_texts(&text, Language::En),
            [
                "Monday, 6 March",
                "10 a.m.–1 p.m.",
                "Opening of the session"
            ]
        );
    }

    #[test]
    fn a_restored_marks_copy_hung_on_the_next_paragraph_comes_off() {
        let table = crate::lang::table(Language::En);
        let programme = |page, text| line(page, Zone::Table, Column::Programme, text);
        let mut lines = vec![
            programme(1, "Agenda item 5: Discussion (continued)"),
            programme(1, "Regular institutional dialogue"),
            programme(1, "(c) Focused discussion on the mechanism:"),
            programme(2, "Agenda item 5: Discussion (continued)"),
            programme(2, "(c) Regular institutional dialogue (continued)"),
        ];
        restore_sub_item_marks(&mut lines, table);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[1], "(c) Regular institutional dialogue");
        assert_eq!(texts[2], "Focused discussion on the mechanism:");
    }

    #[test]
    fn an_inflected_compound_gets_back_the_hyphen_the_document_prints() {
        let table = crate::lang::table(Language::Ru);
        let mut raws: Vec<Raw> = [
            "последствия применения программ-вымогателей",
            "инцидентов с программамивымогателями и реагировании",
        ]
        .iter()
        .map(|t| Raw { page: 1, ..raw(t) })
        .collect();
        restore_hyphens(&mut raws, table);
        assert_eq!(
            raws[1].text,
            "инцидентов с программами-вымогателями и реагировании"
        );
        assert_eq!(raws[0].text, "последствия применения программ-вымогателей");
    }
}
