//! Right-to-left text from tools that mark its runs with bidirectional
//! controls (poppler's `pdftotext` wraps each right-to-left run in U+202B …
//! U+202C and each left-to-right one inside it in U+202A … U+202C).
//!
//! Such a tool writes a run of numbers and punctuation inside Arabic text in
//! the order it is *seen*, left to right: the time `10:00 - 13:00` comes
//! out as `13:00 - 10:00`, `6-10 آذار` as `10-6`, `الاثنين، 6` as
//! `الاثنين 6 ،`. Read back into the order it is *read*: a marked run without
//! letters has its words (and the spaces between them) in reverse order, and
//! a range of two numbers in one word (`2025-2021`) its two ends swapped. A
//! run with letters (a document symbol, `Original: English`) is left as it
//! is. The controls are dropped.

const LRE: char = '\u{202A}';
const RLE: char = '\u{202B}';
const PDF: char = '\u{202C}';

/// Whether the text carries a tool's bidirectional run marks.
pub(crate) fn has_run_marks(text: &str) -> bool {
    text.contains(LRE) || text.contains(RLE)
}

/// The text in reading order, the run marks gone.
pub(crate) fn reading_order(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run: Option<String> = None;
    for c in text.chars() {
        match (c, run.as_mut()) {
            (LRE, None) => run = Some(String::new()),
            (PDF, Some(_)) => {
                if let Some(r) = run.take() {
                    out.push_str(&read_run(&r));
                }
            }
            // A line ends any run left open.
            ('\n' | '\x0c', Some(_)) => {
                if let Some(r) = run.take() {
                    out.push_str(&read_run(&r));
                }
                out.push(c);
            }
            (LRE | RLE | PDF | '\u{202D}' | '\u{202E}', _) => {}
            (_, Some(r)) => r.push(c),
            (_, None) => out.push(c),
        }
    }
    if let Some(r) = run {
        out.push_str(&read_run(&r));
    }
    out
}

/// One left-to-right run: as it is if it has letters, else its words in
/// reverse order and number ranges turned round.
fn read_run(run: &str) -> String {
    if run.chars().any(char::is_alphabetic) {
        return read_symbol_run(run).unwrap_or_else(|| run.to_string());
    }
    // Alternating words and spaces, kept as they are but in reverse order.
    let mut pieces: Vec<String> = Vec::new();
    for c in run.chars() {
        let space = c.is_whitespace();
        match pieces.last_mut() {
            Some(p) if p.chars().next().is_some_and(|f| f.is_whitespace()) == space => p.push(c),
            _ => pieces.push(c.to_string()),
        }
    }
    pieces.reverse();
    pieces.iter().map(|p| turn_range(p)).collect()
}

/// A run of one word with letters (a document symbol) among punctuation,
/// numbers and spaces, as it is seen: `:)A/77/275( 2022` is read
/// `2022 (A/77/275):`, ` ،A/75/816` is read `A/75/816، ` — its pieces (the
/// words whole, each other character on its own) in reverse order. None
/// for a run of several words with letters (`Original: English`) or of the
/// word alone.
fn read_symbol_run(run: &str) -> Option<String> {
    let word_char = |c: char| c.is_alphanumeric() || matches!(c, '/' | '.' | '-');
    let mut pieces: Vec<String> = Vec::new();
    let mut in_word = false;
    for c in run.chars() {
        match pieces.last_mut() {
            Some(p) if in_word && word_char(c) => p.push(c),
            _ => pieces.push(c.to_string()),
        }
        in_word = word_char(c);
    }
    // (A symbol has its slashes: `2/20/23, 9:30 AM`, a browser's stamp,
    // is a line of its own, left to right.)
    let lettered = pieces
        .iter()
        .filter(|p| p.chars().any(char::is_alphabetic))
        .count();
    let symbol = pieces
        .iter()
        .any(|p| p.chars().any(char::is_alphabetic) && p.contains('/'));
    let punctuated = pieces
        .iter()
        .any(|p| p.chars().all(|c| !word_char(c) && !c.is_whitespace()));
    (lettered == 1 && symbol && punctuated).then(|| {
        pieces.reverse();
        // (A space the tool set inside the brackets: "( A/77/275)".)
        pieces.concat().replace("( ", "(").replace(" )", ")")
    })
}

/// Arabic text from a tool with what it broke put right, each step below:
/// marks after their letters, word starts and words split at marks joined,
/// footnote numbers first, wrapped year ranges in order, no kashida and no
/// signs for glyphs the tool could not read.
pub(crate) fn arabic_repaired(text: &str) -> String {
    let text = marks_after_letters(text);
    let text = join_word_starts(&text);
    let text = words_rejoined_at_marks(&text);
    let text = footnote_numbers_first(&text);
    let text = wrapped_year_ranges(&text);
    let text = stops_after_symbols(&text);
    let text = without_kashida(&text);
    without_strays(&text).into_owned()
}

/// Arabic text with each combining mark a tool wrote before its letter, at
/// a word's start (" ُتستغل", the mark seen to the right of its base), put
/// after the letter it sits on ("تُستغل").
pub(crate) fn marks_after_letters(text: &str) -> std::borrow::Cow<'_, str> {
    regex!(r"(^|\s)([\u{064B}-\u{065F}\u{0670}]+)(\p{Arabic})").replace_all(text, "$1$3$2")
}

/// Arabic text without the kashida a font drew between two letters to
/// stretch a word (`الإلـكتروني`, `لـكيفية`): a tatweel between letters
/// is layout, not text. (One after a letter and before a bracket, the
/// sub-item mark `(هـ)`, stays.)
pub(crate) fn without_kashida(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\u{0640}') {
        return std::borrow::Cow::Borrowed(text);
    }
    regex!(r"([\u{0621}-\u{063A}\u{0641}-\u{064A}][\u{064B}-\u{065F}]*)\u{0640}+([\u{0621}-\u{063A}\u{0641}-\u{064A}])")
        .replace_all(text, "$1$2")
}

/// Arabic text without a stray sign a tool wrote inside a word for a
/// glyph it could not read (`تُشجَّ›ع`: the font's shadda-with-fatha): a
/// Latin letter (`Ÿ`) or an angle quote between two Arabic letters or marks, no
/// space beside it, is no part of the word.
pub(crate) fn without_strays(text: &str) -> std::borrow::Cow<'_, str> {
    regex!(r"([\u{0621}-\u{064A}\u{064B}-\u{065F}])[\u{00C0}-\u{02FF}\u{2039}\u{203A}]([\u{0621}-\u{064A}\u{064B}-\u{065F}])")
        .replace_all(text, "$1$2")
}

/// Arabic text with a word's start that a tool set on a line of its own
/// over the line it begins (`تُ َّ` over `شجع الدول`, where its marks sit
/// higher than the line) put back in front of it: `تُشجع الدول`. The marks
/// it set apart from any letter cannot be placed again, and go.
pub(crate) fn join_word_starts(text: &str) -> std::borrow::Cow<'_, str> {
    let start = regex!(
        r"^\s*([\u{0621}-\u{064A}][\u{064B}-\u{065F}]*)\s+([\u{064B}-\u{065F}]+)(?:\s+[\u{064B}-\u{065F}]+)*\s*$"
    );
    if !text.lines().any(|l| start.is_match(l)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut pending: Option<String> = None;
    let opens_arabic = |l: Option<&&str>| {
        l.and_then(|n| n.trim_start().chars().next())
            .is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c))
    };
    let lone_number = |l: Option<&&str>| {
        l.is_some_and(|n| {
            let n = n.trim();
            (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())
        })
    };
    for (i, line) in lines.iter().enumerate() {
        let Some(c) = start.captures(line) else {
            out.push(headed(line, pending.take().as_deref().unwrap_or("")));
            continue;
        };
        // (The letter's own mark, set apart by the tool, is the first one
        // after it: `ت ُ َّ`.)
        let head = match (c.get(2), c[1].chars().count()) {
            (Some(mark), 1) => format!("{}{}", &c[1], mark.as_str()),
            _ => c[1].to_string(),
        };
        // A note's first word the tool set after the note's first line
        // (the line right under the note's number) goes back to its front.
        let before_first_line = out.len() >= 2
            && lone_number(
                out[..out.len() - 1]
                    .iter()
                    .rev()
                    .map(String::as_str)
                    .find(|l| !l.trim().is_empty())
                    .as_ref(),
            );
        if before_first_line && opens_arabic(out.last().map(String::as_str).as_ref()) {
            if let Some(first) = out.last_mut() {
                *first = headed(first, &head);
            }
            continue;
        }
        if opens_arabic(lines.get(i + 1)) {
            pending = Some(head);
            continue;
        }
        out.push(headed(line, pending.take().as_deref().unwrap_or("")));
    }
    std::borrow::Cow::Owned(out.join("\n"))
}

/// `line` with `head` put in front of its text, after its indent.
fn headed(line: &str, head: &str) -> String {
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    format!("{indent}{head}{body}")
}

/// Arabic text with the spaces a tool set inside a word where a mark
/// sits put right: a letter and its mark, alone, join the word they begin
/// (`حُ ددت` → `حُددت`: UN Arabic marks a word's first letter to tell a
/// passive verb), and a footnote's number that came in after the mark of
/// its text's first letter goes first (`ُ 1ت` → `1 تُ`).
pub(crate) fn words_rejoined_at_marks(text: &str) -> std::borrow::Cow<'_, str> {
    let number_after_mark =
        regex!(r"(?m)^(\s*)([\u{064B}-\u{065F}]+) (\d{1,2})([\u{0621}-\u{064A}])");
    let text = number_after_mark.replace_all(text, "$1$3 $4$2");
    let split = regex!(r"(^|\s)([\u{0621}-\u{064A}][\u{064B}-\u{065F}]+) ([\u{0621}-\u{064A}])");
    let text = replaced(text, split, "$1$2$3");
    // (The first letter's mark read on the letter after the space: `ح دُدت`
    // → `حُددت`. A lone letter is no word but `و`.)
    let mark_moved_on = regex!(
        r"(^|\s)([\u{0621}-\u{0647}\u{0649}-\u{064A}]) ([\u{0621}-\u{064A}])([\u{064B}-\u{065F}]+)([\u{0621}-\u{064A}])"
    );
    let text = replaced(text, mark_moved_on, "$1$2$4$3$5");
    // (A word's last letter set apart, the marks of the letter before it
    // read one letter early: `تُشَّج ع` → `تُشجَّع`.)
    let last_letter_apart = regex!(
        r"([\u{0621}-\u{064A}])([\u{064B}-\u{065F}]+)([\u{0621}-\u{064A}]) ([\u{0621}-\u{0647}\u{0649}-\u{064A}])(\s|$)"
    );
    replaced(text, last_letter_apart, "$1$3$2$4$5")
}

/// `text` with `re`'s matches replaced, still borrowed where none matched.
fn replaced<'a>(
    text: std::borrow::Cow<'a, str>,
    re: &regex::Regex,
    with: &str,
) -> std::borrow::Cow<'a, str> {
    match re.replace_all(&text, with) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(changed) => std::borrow::Cow::Owned(changed),
    }
}

/// Arabic text laid out in columns with each footnote's number put first:
/// `pdftotext -layout` writes a right-to-left footnote's line in reading
/// order, its number (on the right) after its text, far apart
/// (`… للمتابعة في       1`). A line as wide as a footnote's (80 characters
/// or more) that ends so is taken as one.
pub(crate) fn footnote_numbers_first(text: &str) -> std::borrow::Cow<'_, str> {
    let numbered_last = regex!(r"(?m)^(\s*)(\S[^\n]*?\p{Arabic}[^\n]*?\S) {3,}(\d)[ \t]*$");
    numbered_last.replace_all(text, |c: &regex::Captures| {
        if c[2].chars().count() >= 80 {
            format!("{}{} {}", &c[1], &c[3], &c[2])
        } else {
            c[0].to_string()
        }
    })
}

/// A range of years wrapped after its dash, the dash seen before the
/// first year (`للفترة -2021` over `2025`), back on one line in order:
/// `للفترة 2021-2025`.
pub(crate) fn wrapped_year_ranges(text: &str) -> std::borrow::Cow<'_, str> {
    regex!(r"(?m) -((?:19|20)\d\d)[ \t]*\n[ \t]*((?:19|20)\d\d)[ \t]*$").replace_all(text, " $1-$2")
}

/// A sentence's full stop seen before the Latin symbol that ends an Arabic
/// line (`الوثيقة .A/77/275`: poppler keeps the stop, drawn at the line's
/// left end, in the symbol's left-to-right run) put after it, where the
/// sentence ends: `الوثيقة A/77/275.`
pub(crate) fn stops_after_symbols(text: &str) -> std::borrow::Cow<'_, str> {
    regex!(r"(?m)^([^\n]*\p{Arabic}[^\n]*) \.([A-Z][A-Za-z0-9./()-]*[A-Za-z0-9)])[ \t]*$")
        .replace_all(text, "$1 $2.")
}

/// `2025-2021` → `2021-2025`: a range of two numbers seen left to right.
fn turn_range(word: &str) -> String {
    let Some((a, b)) = word.split_once(['-', '–']) else {
        return word.to_string();
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if digits(a) && digits(b) {
        let dash = &word[a.len()..word.len() - b.len()];
        format!("{b}{dash}{a}")
    } else {
        word.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kashida_between_letters_goes_and_the_mark_of_he_stays() {
        assert_eq!(
            without_kashida("الفضاء الإلـكتروني لـكيفية"),
            "الفضاء الإلكتروني لكيفية"
        );
        assert_eq!(without_kashida("(هـ) انطباق"), "(هـ) انطباق");
    }

    #[test]
    fn a_word_start_set_over_its_line_goes_back() {
        assert_eq!(
            join_word_starts("1\nتُ َّ\nشجع الدول بقوة\nالتقرير"),
            "1\nتُشجع الدول بقوة\nالتقرير"
        );
        assert_eq!(join_word_starts("(أ) نص\nنص"), "(أ) نص\nنص");
        // Set after the note's first line, its own mark apart from it.
        assert_eq!(
            join_word_starts("1\n\nشجع الدول بقوة\nت ُ َّ\nالتقرير"),
            "1\n\nتُشجع الدول بقوة\nالتقرير"
        );
    }

    #[test]
    fn a_word_split_at_its_marked_first_letter_joins_again() {
        assert_eq!(
            words_rejoined_at_marks("التي حُ ددت للمتابعة"),
            "التي حُددت للمتابعة"
        );
        assert_eq!(words_rejoined_at_marks("ُ 1ت شجع الدول"), "1 تُشجع الدول");
        assert_eq!(words_rejoined_at_marks("و الدول"), "و الدول");
        assert_eq!(
            words_rejoined_at_marks("التي ح دُدت للمتابعة"),
            "التي حُددت للمتابعة"
        );
        assert_eq!(words_rejoined_at_marks("1 تُشَّج ع الدول"), "1 تُشجَّع الدول");
        assert_eq!(words_rejoined_at_marks("و دُعيت"), "و دُعيت");
    }

    #[test]
    fn a_footnote_laid_out_right_to_left_gets_its_number_first() {
        let note = "تُشجع الدول بقوة على أن تركز في بياناتها في إطار البند 5 من جدول الأعمال على المواضيع ونقاط النقاش";
        assert_eq!(
            footnote_numbers_first(&format!("   {note}       1\n")),
            format!("   1 {note}\n")
        );
        // A short line and its room's number stay.
        assert_eq!(
            footnote_numbers_first("افتتاح الدورة      4"),
            "افتتاح الدورة      4"
        );
    }

    #[test]
    fn a_full_stop_seen_before_a_closing_symbol_goes_after_it() {
        assert_eq!(
            stops_after_symbols("العامل الوارد في الوثيقة .A/77/275\nنص"),
            "العامل الوارد في الوثيقة A/77/275.\nنص"
        );
        assert_eq!(stops_after_symbols("see .NET"), "see .NET");
    }

    #[test]
    fn a_range_of_years_wrapped_after_its_dash_comes_back_in_order() {
        assert_eq!(
            wrapped_year_ranges("وأمن استخدامها للفترة -2021\n2025\nالدورة"),
            "وأمن استخدامها للفترة 2021-2025\nالدورة"
        );
    }

    #[test]
    fn a_sign_a_tool_wrote_inside_a_word_goes() {
        assert_eq!(without_strays("تُشجَّ›ع الدول"), "تُشجَّع الدول");
        assert_eq!(without_strays("«الدول» – نص"), "«الدول» – نص");
    }

    #[test]
    fn numbers_inside_arabic_come_back_in_reading_order() {
        // pdftotext -layout on an Arabic programme.
        assert_eq!(
            reading_order("\u{202B}الاثنين\u{202A} 6 ،\u{202C}آذار\u{202A}/\u{202C}مارس\u{202C}"),
            "الاثنين، 6 آذار/مارس"
        );
        assert_eq!(
            reading_order("\u{202B}\u{202A}13:00 - 10:00\u{202C}\u{202C}"),
            "10:00 - 13:00"
        );
        assert_eq!(
            reading_order("\u{202B}نيويورك\u{202A} 10-6 ،\u{202C}آذار\u{202A}/\u{202C}مارس \u{202A}2023\u{202C}\u{202C}"),
            "نيويورك، 6-10 آذار/مارس 2023"
        );
        assert_eq!(reading_order("\u{202A}2025-2021\u{202C}"), "2021-2025");
    }

    #[test]
    fn runs_with_letters_stay_as_written() {
        assert_eq!(
            reading_order("\u{202B}\u{202A}Original: English\u{202C}\u{202C}"),
            "Original: English"
        );
        assert_eq!(
            reading_order("\u{202B}\u{202A}2/20/23, 9:30 AM\u{202C}\u{202C}"),
            "2/20/23, 9:30 AM"
        );
        assert_eq!(
            reading_order("\u{202B}الوثيقة \u{202A}A/77/275\u{202C}.\u{202C}"),
            "الوثيقة A/77/275."
        );
        assert!(!has_run_marks("plain text"));
    }

    #[test]
    fn a_mark_written_before_its_letter_goes_after_it() {
        assert_eq!(
            marks_after_letters("وكيف \u{064F}تستغل"),
            "وكيف ت\u{064F}ستغل"
        );
        assert_eq!(marks_after_letters("ت\u{064F}ستغل"), "ت\u{064F}ستغل");
    }

    #[test]
    fn a_symbol_among_punctuation_comes_back_in_reading_order() {
        assert_eq!(
            reading_order("\u{202B}لعام \u{202A}:)A/77/275( 2022\u{202C}\u{202C}"),
            "لعام 2022 (A/77/275):"
        );
        assert_eq!(
            reading_order("\u{202A}:)A/77/275 ( 2022\u{202C}"),
            "2022 (A/77/275):"
        );
        assert_eq!(
            reading_order("\u{202B}(انظر \u{202A} ،A/75/816\u{202C}المرفق الثاني)\u{202C}"),
            "(انظر A/75/816، المرفق الثاني)"
        );
    }
}
