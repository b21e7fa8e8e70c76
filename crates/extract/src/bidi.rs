//! One text line from the order its glyphs were drawn in (visual, left to
//! right on the page) to the order it is read in (logical): the Unicode
//! Bidirectional Algorithm's rules for numbers and neutrals (W1–W7, N0–N2)
//! applied in reverse, per line and per paragraph direction, and checked by
//! running the algorithm forwards (the `unicode-bidi` crate) on the result.
//!
//! A right-to-left paragraph is reversed as a whole and its left-to-right
//! islands (Latin phrases, numbers) are turned back; a left-to-right
//! paragraph keeps its order and each right-to-left run in it (with the
//! numbers that follow its letters) is read as a right-to-left paragraph of
//! its own. Brackets come out paired: a bracket that pairs with one inside a
//! run goes with the run.

use unicode_bidi::{BidiInfo, Level};

use crate::script::{is_combining_mark, is_ltr, is_rtl};

/// Marks a boundary between a superscript and the text it hangs on while a
/// line is reordered, so that the bidi algorithm never merges the digits of a
/// footnote marker with a neighbouring number (an "other neutral").
pub(crate) const BOUNDARY: char = '\u{FFFC}';
/// Delimit a superscript while a line is built (private-use characters).
pub(crate) const SUP_OPEN: char = '\u{E000}';
pub(crate) const SUP_CLOSE: char = '\u{E001}';

/// An Arabic letter standing for the text before a line in its paragraph,
/// when that text is Arabic (numbers after Arabic letters are Arabic
/// numbers, rule W2).
const ARABIC_CONTEXT: char = '\u{0628}';

fn is_delimiter(c: char) -> bool {
    matches!(c, BOUNDARY | SUP_OPEN | SUP_CLOSE)
}

/// The closing bracket of an opening one, or `None`.
fn closer_of(c: char) -> Option<char> {
    Some(match c {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '«' => '»',
        '‹' => '›',
        _ => return None,
    })
}

fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '»' | '›')
}

/// Opening brackets without their closer, and closing brackets without their
/// opener, in `text` read in logical order.
fn unpaired(text: &[char]) -> (usize, usize) {
    let mut open: Vec<char> = Vec::new();
    let mut lone_closers = 0;
    for &c in text {
        if closer_of(c).is_some() {
            open.push(c);
        } else if is_closer(c) {
            match open.last() {
                Some(&o) if closer_of(o) == Some(c) => {
                    open.pop();
                }
                _ => lone_closers += 1,
            }
        }
    }
    (open.len(), lone_closers)
}

/// Widens the span `[s, e)` of a visual string that will be reversed so that
/// its brackets come out paired: an opener left without its closer takes the
/// closing bracket just before the span (which follows it once reversed),
/// a lone closer the opening bracket just after it.
fn pair_brackets(chars: &[char], s: usize, e: usize) -> (usize, usize) {
    let logical: Vec<char> = chars[s..e].iter().rev().copied().collect();
    let (mut openers, mut closers) = unpaired(&logical);
    let (mut s, mut e) = (s, e);
    while openers > 0 && s > 0 && is_closer(chars[s - 1]) {
        s -= 1;
        openers -= 1;
    }
    while closers > 0 && e < chars.len() && closer_of(chars[e]).is_some() {
        e += 1;
        closers -= 1;
    }
    (s, e)
}

/// Turns a line written in visual order (left to right on the page) into
/// logical order, for a paragraph of the given direction. `arabic_context`:
/// the line continues a paragraph whose text before it is Arabic (numbers at
/// its start that no letter of the line precedes are Arabic numbers).
///
/// Bracket glyphs are not mirrored: PDF writers map a mirrored bracket to its
/// logical character already.
pub(crate) fn visual_to_logical(visual: &str, rtl: bool, arabic_context: bool) -> String {
    let chars: Vec<char> = visual.chars().collect();
    if rtl {
        rtl_paragraph(chars, arabic_context).into_iter().collect()
    } else {
        ltr_paragraph(chars).into_iter().collect()
    }
}

/// A left-to-right paragraph: each right-to-left run read as a right-to-left
/// paragraph of its own. A run reaches from its first right-to-left letter to
/// its last one (no left-to-right letter between), and on its left over the
/// numbers that follow its letters in reading order (W2: Arabic numbers stay
/// in the run); the neutrals at its edges belong to the paragraph (N2).
fn ltr_paragraph(mut chars: Vec<char>) -> Vec<char> {
    let n = chars.len();
    let mut k = 0;
    while k < n {
        if !is_rtl(chars[k]) {
            k += 1;
            continue;
        }
        let mut s = k;
        let mut e = k + 1;
        let mut j = k + 1;
        while j < n && !is_ltr(chars[j]) {
            if is_rtl(chars[j]) {
                e = j + 1;
            }
            j += 1;
        }
        // Numbers on the left, a space apart, are read after the run's
        // letters (W2); a number set off by other punctuation ("Item 5:")
        // belongs to the Latin text before it (W7).
        loop {
            let mut i = s;
            while i > 0 && chars[i - 1] == ' ' {
                i -= 1;
            }
            let end = i;
            while i > 0
                && (chars[i - 1].is_numeric()
                    || i > 1
                        && matches!(chars[i - 1], '-' | '.' | '/' | ':' | ',')
                        && chars[i - 2].is_numeric()
                        && chars[i].is_numeric())
            {
                i -= 1;
            }
            let standalone = i == 0 || chars[i - 1].is_whitespace();
            if i < end && standalone && end < s {
                s = i;
            } else {
                break;
            }
        }
        let (s, e) = pair_brackets(&chars, s, e);
        let run = rtl_paragraph(chars[s..e].to_vec(), true);
        chars.splice(s..e, run);
        k = e;
    }
    chars
}

/// A right-to-left paragraph: the line is reversed, which puts the
/// right-to-left text in order; then each left-to-right island is turned
/// back: a run of Latin letters, digits and the punctuation inside them
/// (`A/77/275`, `2021-2025`), and a phrase of Latin words with the spaces and
/// punctuation between them (`Original: English`), brackets paired.
fn rtl_paragraph(visual: Vec<char>, arabic_context: bool) -> Vec<char> {
    let mut chars = visual;
    chars.reverse();
    let in_island = |c: char| !c.is_whitespace() && !is_rtl(c) && !is_delimiter(c);
    // Islands: maximal runs of island characters, trimmed to alphanumerics
    // (and the combining marks on them).
    let mut islands: Vec<(usize, usize, bool)> = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !in_island(chars[k]) {
            k += 1;
            continue;
        }
        let start = k;
        while k < chars.len() && in_island(chars[k]) {
            k += 1;
        }
        let run = &chars[start..k];
        if let (Some(a), Some(b)) = (
            run.iter()
                .position(|&c| c.is_alphanumeric() || is_combining_mark(c)),
            run.iter().rposition(|c| c.is_alphanumeric()),
        ) {
            let (a, b) = (start + a, start + b + 1);
            let latin = chars[a..b].iter().any(|&c| is_ltr(c));
            let after_arabic = match chars[..a].iter().rev().find(|&&c| is_rtl(c) || is_ltr(c)) {
                Some(&c) => is_rtl(c),
                // Nothing strong before it on this line: the line continues an
                // Arabic paragraph (or not).
                None => arabic_context,
            };
            if !latin && after_arabic {
                // Numbers after Arabic letters are Arabic numbers: a "-" or
                // "+" between two of them does not join them (W4 joins
                // European numbers only), so each part was laid out on its
                // own ("2021-2025" is painted "2025-2021").
                let mut part = a;
                for (j, &c) in chars.iter().enumerate().take(b).skip(a) {
                    if matches!(c, '-' | '+' | '\u{2013}') {
                        if part < j {
                            islands.push((part, j, false));
                        }
                        part = j + 1;
                    }
                }
                if part < b {
                    islands.push((part, b, false));
                }
            } else {
                islands.push((a, b, latin));
            }
        }
    }
    // Latin islands separated only by neutral characters form one phrase;
    // so does a number after a Latin phrase in brackets drawn left to right
    // (its brackets pair only inside the phrase, W7 and N0).
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (s, e, latin) in islands {
        if let Some(last) = spans.last_mut() {
            let between = &chars[last.1..s];
            let prev_latin = chars[last.0..last.1].iter().any(|&c| is_ltr(c));
            let bracketed_number = !prev_latin
                && last.0 > 0
                && is_closer(chars[last.0 - 1])
                && chars.get(last.1).is_some_and(|&c| closer_of(c).is_some());
            if latin
                && (prev_latin || bracketed_number)
                && between
                    .iter()
                    .all(|&c| !is_rtl(c) && !is_delimiter(c) && !c.is_alphanumeric())
            {
                last.1 = e;
                continue;
            }
        }
        spans.push((s, e));
    }
    let mut taken = 0;
    for (s, e) in spans {
        // Brackets of a Latin phrase pair inside it (N0: their context is
        // the phrase's); never reach into a span already turned.
        let (s, e) = if chars[s..e].iter().any(|&c| is_ltr(c)) {
            pair_brackets(&chars, s.max(taken), e)
        } else {
            (s, e)
        };
        let s = s.max(taken);
        if s < e {
            chars[s..e].reverse();
            taken = e;
        }
    }
    chars
}

/// The visual order the Unicode Bidirectional Algorithm gives `logical` in a
/// paragraph of the given direction (no line breaks; superscript delimiters
/// read as neutral boundaries).
pub(crate) fn logical_to_visual(logical: &str, rtl: bool, arabic_context: bool) -> String {
    let mut text: String = logical
        .chars()
        .map(|c| if is_delimiter(c) { BOUNDARY } else { c })
        .collect();
    let context = rtl && arabic_context;
    if context {
        text.insert(0, ARABIC_CONTEXT);
    }
    let level = if rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(&text, Some(level));
    let mut out = String::with_capacity(text.len());
    for para in &info.paragraphs {
        out.push_str(&info.reorder_line(para, para.range.clone()));
    }
    if context {
        // The context letter comes first in reading order: last on the
        // right of a right-to-left line.
        out.pop();
    }
    out
}

/// Whether `logical` is laid out as `visual` by the bidi algorithm (the
/// superscript delimiters of either string read as boundaries, in any order).
pub(crate) fn round_trips(logical: &str, visual: &str, rtl: bool, arabic_context: bool) -> bool {
    let drawn = visual
        .chars()
        .map(|c| if is_delimiter(c) { BOUNDARY } else { c });
    logical_to_visual(logical, rtl, arabic_context)
        .chars()
        .eq(drawn)
}

/// [`visual_to_logical`] checked by the algorithm run forwards: where the
/// reading for the given context does not lay out as drawn but the reading
/// for the other one does, that one is taken. Returns the logical text and
/// the context it was read in.
pub(crate) fn line_to_logical(visual: &str, rtl: bool, arabic_context: bool) -> (String, bool) {
    let first = visual_to_logical(visual, rtl, arabic_context);
    if !rtl || round_trips(&first, visual, rtl, arabic_context) {
        return (first, arabic_context);
    }
    let other = visual_to_logical(visual, rtl, !arabic_context);
    if other != first && round_trips(&other, visual, rtl, !arabic_context) {
        return (other, !arabic_context);
    }
    (first, arabic_context)
}

/// Whether a line of left-to-right letters only, on a right-to-left page,
/// continues a right-to-left paragraph: its brackets pair better read right
/// to left than as drawn (`text`, left to right): `:)A/77/275( 2022`, the end
/// of an Arabic sentence, against `[quransurah*]113-114`. A closing bracket
/// before any letter or digit of the line counts as unpaired too (its
/// opener, on the line before, would have closed on nothing).
pub(crate) fn brackets_read_right_to_left(text: &[char]) -> bool {
    let badness = |reading: &[char]| {
        let brackets: Vec<char> = reading.iter().copied().filter(|&c| is_bracket(c)).collect();
        let (openers, closers) = unpaired(&brackets);
        let leading = reading
            .iter()
            .take_while(|c| !c.is_alphanumeric())
            .filter(|&&c| is_closer(c))
            .count();
        openers + closers + leading
    };
    let reversed: Vec<char> = text.iter().rev().copied().collect();
    badness(&reversed) < badness(text)
}

/// Whether `c` is a bracket that pairs (either side).
pub(crate) fn is_bracket(c: char) -> bool {
    closer_of(c).is_some() || is_closer(c)
}

/// The paragraph direction of a line from its strong letters (`rtl`, `ltr`:
/// counts; `leftmost_ltr`, `rightmost_rtl`: the direction of the letters at
/// its two ends), `page_rtl` the page's: a line of one direction's letters
/// only is of that direction, a line without letters follows the page; a
/// mixed line whose two ends agree (the first letter read in either
/// direction) follows them, otherwise the page, or where the page's
/// direction is contradicted by both ends, the line's majority.
pub(crate) fn line_direction(
    rtl: usize,
    ltr: usize,
    leftmost_ltr: bool,
    rightmost_rtl: bool,
    page_rtl: bool,
) -> bool {
    match (rtl, ltr) {
        (0, 0) => page_rtl,
        (_, 0) => true,
        (0, _) => false,
        _ => match (leftmost_ltr, rightmost_rtl) {
            (true, false) => false,
            (false, true) => true,
            (true, true) => page_rtl,
            (false, false) => rtl > ltr,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v2l(visual: &str, rtl: bool) -> String {
        visual_to_logical(visual, rtl, false)
    }

    #[test]
    fn numbers_and_brackets_in_arabic_come_out_in_logical_order() {
        // Logical "لعام 2022 (A/77/275):" is painted as ":)A/77/275( 2022 ماعل"
        // (a mirrored bracket keeps its logical code).
        assert_eq!(v2l(":)A/77/275( 2022 ماعل", true), "لعام 2022 (A/77/275):");
        assert_eq!(v2l(")A( 23-03456", true), "23-03456 (A)");
        assert_eq!(v2l("Original: English", true), "Original: English");
        assert_eq!(
            v2l(".A/AC.292/2021/1 ةقيثولا", true),
            "الوثيقة A/AC.292/2021/1."
        );
        // A range after Arabic letters: "للفترة 2021-2025" is painted "2025-2021 ةرتفلل".
        assert_eq!(v2l("2025-2021 ةرتفلل", true), "للفترة 2021-2025");
        // The same range alone on the next line of an Arabic paragraph.
        assert_eq!(visual_to_logical("2025-2021", true, true), "2021-2025");
        assert_eq!(v2l("2021-2025", true), "2021-2025");
    }

    #[test]
    fn a_latin_phrase_in_arabic_keeps_its_brackets_paired() {
        // Logical "عربي Report (English) نص": the phrase with its brackets is
        // one left-to-right island.
        let logical = "عربي Report (English) نص";
        let visual = logical_to_visual(logical, true, false);
        assert_eq!(visual, "صن Report (English) يبرع");
        assert_eq!(v2l(&visual, true), logical);
    }

    #[test]
    fn an_arabic_run_in_a_latin_line_is_reversed_into_logical_order() {
        for logical in [
            "The word كتاب means book",
            "Item 5: البند 5 من جدول الأعمال",
            "see (نص عربي) here",
            "see عربي (نص) here",
            "العربية first",
            "title: المادة 12-14, next",
        ] {
            let visual = logical_to_visual(logical, false, false);
            assert_eq!(v2l(&visual, false), logical, "visual {visual:?}");
        }
    }

    #[test]
    fn right_to_left_paragraphs_round_trip_through_the_algorithm() {
        for logical in [
            "البند 5 من جدول الأعمال: مناقشة",
            "المرحلي السنوي لعام 2022 (A/77/275):",
            "الاثنين، 6 آذار/مارس",
            "انظر الوثيقة A/AC.292/2021/1.",
            "(أ) البند الأول",
            "سورة Al-Fatiha (1) الآية",
        ] {
            let visual = logical_to_visual(logical, true, false);
            let (back, _) = line_to_logical(&visual, true, false);
            assert_eq!(back, logical, "visual {visual:?}");
            assert!(round_trips(&back, &visual, true, false));
        }
    }

    #[test]
    fn times_alone_on_an_arabic_line_come_out_in_order() {
        assert_eq!(
            line_to_logical("13:00 - 10:00", true, true).0,
            "10:00 - 13:00"
        );
    }

    #[test]
    fn a_line_takes_the_direction_of_its_letters_then_of_its_page() {
        // Latin only on an Arabic page: left to right.
        assert!(!line_direction(0, 12, true, false, true));
        // Arabic only on a Latin page: right to left.
        assert!(line_direction(8, 0, false, true, false));
        // Numbers only: the page's.
        assert!(line_direction(0, 0, false, false, true));
        assert!(!line_direction(0, 0, false, false, false));
        // Both ends Latin: a Latin line with an Arabic word inside.
        assert!(!line_direction(5, 20, true, false, true));
        // Both ends Arabic: an Arabic line quoting Latin.
        assert!(line_direction(20, 5, false, true, false));
        // Either reading possible: the page decides.
        assert!(line_direction(5, 5, true, true, true));
        assert!(!line_direction(5, 5, true, true, false));
    }

    #[test]
    fn brackets_tell_a_latin_line_that_ends_an_arabic_sentence() {
        let right_to_left = |s: &str| brackets_read_right_to_left(&s.chars().collect::<Vec<_>>());
        assert!(right_to_left(":)A/77/275( 2022"));
        assert!(right_to_left(":)A/78/265"));
        assert!(!right_to_left("[quransurah*]113-114"));
        assert!(!right_to_left("Original: English"));
        assert!(!right_to_left(")"));
        assert!(!right_to_left("(see A/77/275)"));
    }

    #[test]
    fn a_latin_line_on_an_arabic_page_reads_as_drawn() {
        assert_eq!(v2l("[quransurah*]113-114", false), "[quransurah*]113-114");
    }
}
