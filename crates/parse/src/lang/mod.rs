//! What the parser knows about each language: one table per language
//! (`en.rs`, `fr.rs`, `es.rs`, `ru.rs`, `zh.rs`, `ar.rs`), and language
//! detection.
//!
//! Everything that differs between languages — weekday and month names, the
//! way times and dates are written, the agenda item label, the "continued"
//! mark, the focus-topic wording, the masthead words — lives in these tables;
//! the parser itself is language-neutral.

mod ar;
mod en;
mod es;
mod fr;
mod ru;
mod zh;

use regex::Regex;

use crate::lines::Column;
use crate::model::{Language, Weekday};

/// A time range parsed from a time cell: 24-hour `HH:MM` strings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeRange {
    /// Start, `HH:MM`.
    pub start: String,
    /// End, `HH:MM`.
    pub end: String,
}

/// A day label parsed from the date column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayLabel {
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month.
    pub day: u32,
    /// The weekday printed with it.
    pub weekday: Weekday,
}

/// A sub-item mark read from the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubItemMark {
    /// The Latin letter it stands for ("a").
    pub letter: String,
    /// The mark as printed ("(a)", "a)", "(أ)").
    pub label: String,
    /// The text after the mark.
    pub text: String,
}

/// A Latin letter, or the Cyrillic letter typed for one that looks the same
/// ("а)" typed on a Russian keyboard for "a)").
fn latin_homoglyph(c: char) -> Option<String> {
    let latin = match c {
        'a'..='z' => c,
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'х' => 'x',
        'у' => 'y',
        _ => return None,
    };
    Some(latin.to_string())
}

/// Session dates and venue from the masthead line ("New York, 6–10 March 2023").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionDates {
    /// First day, ISO.
    pub start: String,
    /// Last day, ISO.
    pub end: String,
    /// The venue as printed.
    pub venue: Option<String>,
}

/// One language's knowledge.
pub struct Table {
    /// Which language.
    pub language: Language,
    /// Weekday names, lowercase, every form in use.
    pub weekdays: [&'static [&'static str]; 7],
    /// Month names, lowercase, every form in use (nominative, genitive...).
    pub months: [&'static [&'static str]; 12],
    /// Matches an agenda item line; captures the number and the rest.
    pub agenda_item: Regex,
    /// Matches what starts like an agenda item label ("Agenda item 5"),
    /// understood or not: a line it matches that `agenda_item` does not is
    /// reported, not silently read as text.
    pub agenda_loose: Regex,
    /// Matches a sub-item line. Groups: `label`, the mark as printed ("(a)",
    /// "a)", "(أ)"); `letter`, the letter inside it; `text`, the rest.
    pub sub_item: Regex,
    /// Letters other than the Latin ones that number sub-items, in order,
    /// each with the forms it takes: the n-th is stored as the n-th Latin
    /// letter (Arabic counts in the abjad order: أ ب ج د هـ ...). A letter
    /// found in none of them stands for itself.
    pub sub_item_letters: &'static [&'static [&'static str]],
    /// The "(continued)" marks, as printed.
    pub continued: &'static [&'static str],
    /// Words that open (or close) a focus-topic paragraph, lowercase.
    pub focus: &'static [&'static str],
    /// How focus-topic paragraphs begin, lowercase (read where layout cannot
    /// tell a title's last line from the topic that follows it).
    pub topic_start: &'static [&'static str],
    /// The header of the date/time column, lowercase.
    pub column_date: &'static [&'static str],
    /// The header of the programme column, lowercase.
    pub column_programme: &'static [&'static str],
    /// The header of a date column of its own (three-column tables), lowercase.
    pub column_day: &'static [&'static str],
    /// The header of a time column of its own (three-column tables), lowercase.
    pub column_time: &'static [&'static str],
    /// The document title, lowercase.
    pub title: &'static [&'static str],
    /// Ordinal words 1..=12 as used in session names, lowercase.
    pub ordinals: [&'static [&'static str]; 12],
    /// A word every session name contains, lowercase.
    pub session_word: &'static [&'static str],
    /// Masthead lines that are not the body's name (lowercase prefixes).
    pub masthead_noise: &'static [&'static str],
    /// Parses a time cell.
    pub parse_time: fn(&str) -> Option<TimeRange>,
    /// Whether a line could be the first half of a wrapped time cell.
    pub time_start: fn(&str) -> bool,
    /// A language's own day-label parser, where the generic word-by-word one
    /// does not fit ("3 月 6 日，星期一").
    pub day_parser: Option<fn(&str, &Table) -> Option<DayLabel>>,
    /// Words for a part of the day that can open a time cell ("上午").
    pub half_day_words: &'static [&'static str],
    /// Short words frequent in this language's running text, lowercase: they
    /// tell the Latin-script languages apart (empty for the others, which
    /// their script identifies).
    pub common_words: &'static [&'static str],
    /// Parses the session dates line.
    pub parse_session_dates: fn(&str, &Table) -> Option<SessionDates>,
    /// Words ending a question (besides "?").
    pub question_end: &'static [char],
    /// How a question opens (its interrogative, or Spanish `¿`): a line so
    /// opened after one that ended a question opens the next, where a text
    /// tool did not print the list's bullets (a browser draws them).
    pub question_openers: &'static [&'static str],
    /// How a conference room is named, lowercase, its number left out
    /// ("conference room"; "第 会议室" for 第 4 会议室): text read without
    /// positions tells a room under a time from the programme by it.
    pub room_words: &'static [&'static str],
    /// How documents name this language, in each of the six, lowercase:
    /// a masthead's "Original: English", "Original : anglais".
    pub names: &'static [&'static str],
    /// How the meetings a programme lists without an agenda item begin, as
    /// United Nations programmes name them, lowercase ("opening of the
    /// session", "closed meeting", "lunch-time side event"): text read
    /// without positions tells where one cell's short paragraph ends and the
    /// next cell's begins.
    pub event_openers: &'static [&'static str],
    /// How a meeting is named where the language puts its topic first
    /// (Chinese `关于年度进展报告草稿的非正式协商`, "informal consultations
    /// on the draft annual progress report"): a line opening with the first
    /// word that holds one of the others opens a named meeting too.
    pub topic_first_events: Option<(&'static str, &'static [&'static str])>,
    /// Prefixes this language's United Nations style always joins to the
    /// next word with a hyphen ("non-" in English and French), lowercase,
    /// with the words that merely begin with them: a tool that dropped a
    /// line-end hyphen after one glued them ("nonintervention").
    pub hyphened_prefixes: &'static [(&'static str, &'static [&'static str])],
    /// The units of a date this language writes after bare numbers, year,
    /// month and day in that order (年 月 日: "2023 年 3 月 6 日"); none
    /// where dates use words. A tool that read a browser's digits apart
    /// from their line (they are set in another font) leaves a unit
    /// without its number ("月 6 日，星期一", "3" at the page's foot): text
    /// input puts such a number back.
    pub date_units: Option<[&'static str; 3]>,
}

impl Table {
    /// Whether the language is written right to left (a line starts at its
    /// right edge).
    pub fn right_to_left(&self) -> bool {
        self.language == Language::Ar
    }

    /// Whether `text` opens the way the language opens a question
    /// (`question_openers`: "¿", "Quelles ", "كيف ").
    pub fn opens_question(&self, text: &str) -> bool {
        self.question_openers.iter().any(|o| text.starts_with(o))
    }

    /// The phrases this language writes with a slash between two words
    /// (the column headers, `التاريخ/الوقت`; month names, `آذار/مارس`),
    /// longest first.
    pub fn slashed_phrases(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = self
            .column_date
            .iter()
            .chain(self.column_programme)
            .chain(self.months.iter().flat_map(|forms| forms.iter()))
            .copied()
            .filter(|p| p.contains('/'))
            .collect();
        out.sort_by_key(|p| std::cmp::Reverse(p.len()));
        out.dedup();
        out
    }

    /// The month (1–12) a word names, if it names one.
    pub fn month(&self, word: &str) -> Option<u32> {
        let w = word.to_lowercase();
        self.months
            .iter()
            .position(|forms| forms.contains(&w.as_str()))
            .map(|i| i as u32 + 1)
    }

    /// The weekday a word names.
    pub fn weekday(&self, word: &str) -> Option<Weekday> {
        let w = word.to_lowercase();
        self.weekdays
            .iter()
            .position(|forms| forms.contains(&w.as_str()))
            .map(weekday_from_index)
    }

    /// Parses a day label such as "Monday, 6 March": a weekday, a day number
    /// and a month, in any order, and nothing much else.
    pub fn parse_day(&self, text: &str) -> Option<DayLabel> {
        // A day label is short and has its day's number: the parser runs
        // on every line of a table, and a programme line is rejected here
        // cheaply.
        if text.len() > 96 || !text.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        if let Some(own) = self.day_parser {
            return own(text, self);
        }
        let mut weekday = None;
        let mut month = None;
        let mut day = None;
        let mut other_words = 0;
        for token in words(text) {
            if let Ok(n) = token.parse::<u32>() {
                if (1..=31).contains(&n) && day.is_none() {
                    day = Some(n);
                } else {
                    return None;
                }
            } else if let Some(w) = self.weekday(&token) {
                weekday = Some(w);
            } else if let Some(m) = self.month(&token) {
                month = Some(m);
            } else {
                other_words += 1;
                // Allow a connecting word ("de").
                if other_words > 1 {
                    return None;
                }
            }
        }
        Some(DayLabel {
            month: month?,
            day: day?,
            weekday: weekday?,
        })
    }

    /// The sub-item mark a line opens with: the Latin letter it stands for,
    /// the mark as printed, and the text after it.
    pub fn sub_item(&self, text: &str) -> Option<SubItemMark> {
        let c = self.sub_item.captures(text)?;
        // A right-to-left mark whose brackets came out mirrored (")أ(") is
        // read, and its label put right.
        let mirrored = c.name("mirrored");
        let printed = c.name("letter").or(mirrored)?.as_str();
        let letter = self
            .sub_item_letters
            .iter()
            .position(|forms| forms.contains(&printed))
            .and_then(|i| char::from_u32('a' as u32 + i as u32))
            .map(String::from)
            .or_else(|| {
                let mut chars = printed.chars();
                let first = chars.next()?;
                (chars.next().is_none()).then(|| latin_homoglyph(first))?
            })?;
        let label = match mirrored {
            Some(m) => format!("({})", m.as_str()),
            None => c.name("label")?.as_str().to_string(),
        };
        Some(SubItemMark {
            letter,
            label,
            text: c.name("text").map_or("", |m| m.as_str()).trim().to_string(),
        })
    }

    /// The column a header cell heads, and whether its text is the whole
    /// heading (false: the first line of a heading that wraps, such as
    /// "Agenda item/" over "programme").
    pub(crate) fn header_cell(&self, text: &str) -> Option<(Column, bool)> {
        let t = normalise(text);
        let t = t.trim().trim_end_matches([':', '：', '.']).trim();
        let starts = |phrases: &[&str]| {
            t.chars().count() >= 4
                && phrases
                    .iter()
                    .any(|h| h.starts_with(t) && h.len() > t.len())
        };
        if self.column_programme.iter().any(|h| t.contains(h)) {
            return Some((Column::Programme, true));
        }
        if self.column_date.iter().any(|h| t.contains(h)) {
            return Some((Column::Date, true));
        }
        if self.column_day.contains(&t) {
            return Some((Column::Day, true));
        }
        if self.column_time.contains(&t) {
            return Some((Column::Time, true));
        }
        if starts(self.column_programme) {
            return Some((Column::Programme, false));
        }
        if starts(self.column_date) {
            return Some((Column::Date, false));
        }
        None
    }

    /// Whether a line is the programme table's header row (or one of its cells).
    pub fn is_column_header(&self, text: &str) -> bool {
        let t = normalise(text);
        self.column_date.iter().any(|h| t.contains(h))
            || self.column_programme.iter().any(|h| t.contains(h))
    }

    /// Strips a trailing "(continued)" mark; returns the text and whether it
    /// was there.
    pub fn strip_continued(&self, text: &str) -> (String, bool) {
        let t = text.trim_end();
        for mark in self.continued {
            if let Some(rest) = t.strip_suffix(mark) {
                return (rest.trim_end().to_string(), true);
            }
        }
        (t.to_string(), false)
    }

    /// Whether text could open a time cell: a full or partial time, or a
    /// number or half-day word at its start.
    pub fn starts_like_time(&self, t: &str) -> bool {
        let t = t.trim();
        // Cheap tests first: this runs on every line of the table. A bare
        // number is not a time (a room number wrapped onto a line of its own).
        let opens = t.chars().next().is_some_and(|c| c.is_ascii_digit())
            || self.half_day_words.iter().any(|h| t.starts_with(h));
        opens
            && (t.chars().any(|c| !c.is_ascii_digit())
                && ((self.time_start)(t)
                    || (self.parse_time)(t).is_some()
                    || self.half_day_words.iter().any(|h| t.starts_with(h))))
    }

    /// Whether text is a room's name, or the start of one that wraps
    /// ("Salle de" over "conférence 4"): its words, numbers aside, begin
    /// one of the language's room names.
    pub fn is_room(&self, text: &str) -> bool {
        let letters = |t: &str| -> String {
            t.chars()
                .filter(|c| !c.is_whitespace() && !c.is_ascii_digit())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let t = letters(text);
        t.chars().count() >= 2
            && text.chars().filter(|c| c.is_ascii_digit()).count() <= 3
            && self.room_words.iter().any(|w| letters(w).starts_with(&t))
    }

    /// Whether a room's name is whole: all its words and its number.
    pub fn room_complete(&self, room: &str) -> bool {
        let words = room_name_words(room);
        room.chars().any(|c| c.is_ascii_digit()) && self.room_words.iter().any(|r| *r == words)
    }

    /// A room's name wrapped over lines, joined: with a space, or glued
    /// where the wrap broke a word ("Sala de conferencia" + "s4" is "Sala
    /// de conferencias 4"; `broken` says a layout saw the word broken).
    /// `None` when the two do not make (the start of) a room's name.
    pub fn join_room(&self, room: &str, next: &str, broken: bool) -> Option<String> {
        let spaced = crate::joining::join(self.language, room, next);
        let glued = format!("{}{}", room.trim_end(), next.trim());
        let begins_name = |t: &str| {
            let w = room_name_words(t);
            self.room_words.iter().any(|r| r.starts_with(w.as_str()))
        };
        let number_apart = |t: &str| {
            regex!(r"(\p{L})([0-9])")
                .replace_all(t, "$1 $2")
                .into_owned()
        };
        if begins_name(&spaced) && !(broken && begins_name(&glued)) {
            Some(spaced)
        } else if begins_name(&glued) {
            Some(number_apart(&glued))
        } else {
            self.is_room(&spaced).then_some(spaced)
        }
    }

    /// A masthead's issue date ("21 June 2024", "20 février 2023",
    /// "2023 年 2 月 20 日", "20 شباط/فبراير 2023") as an ISO date.
    pub fn parse_issue_date(&self, text: &str) -> Option<String> {
        let (mut year, mut month, mut day) = (None, None, None);
        for w in words(&ar::ascii_digits(text)) {
            let w = w.trim_end_matches(['年', '月', '日']);
            if let Ok(n) = w.parse::<u32>() {
                match n {
                    1945..=2199 if year.is_none() => year = Some(n),
                    1..=31 if day.is_none() => day = Some(n),
                    1..=12 if month.is_none() && text.contains('月') => month = Some(n),
                    _ => {}
                }
            } else if let Some(m) = self.month(w) {
                month = month.or(Some(m));
            }
        }
        // (Chinese: year 年 month 月 day 日; the numbers come in that order.)
        if text.contains('月') {
            let c = regex!(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日").captures(text)?;
            year = c[1].parse().ok();
            month = c[2].parse().ok();
            day = c[3].parse().ok();
        }
        let (y, m, d) = (year?, month?, day?);
        let days_in_month = match m {
            2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (1..=12).contains(&m).then_some(())?;
        (d <= days_in_month).then(|| format!("{y:04}-{m:02}-{d:02}"))
    }

    /// Whether a line opens one of the meetings a programme lists by name
    /// (`event_openers`), printed as a paragraph's first words are: with a
    /// capital where the script has them.
    pub fn opens_event(&self, text: &str) -> bool {
        let t = text.trim_start();
        if t.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        let t = t.to_lowercase();
        self.event_openers.iter().any(|w| t.starts_with(w))
            || self.topic_first_events.is_some_and(|(opener, names)| {
                t.strip_prefix(opener)
                    .is_some_and(|rest| names.iter().any(|n| rest.contains(n)))
            })
    }

    /// A word a tool glued to a prefix the language always hyphenates, with
    /// its hyphen back ("nonintervention" → "non-intervention").
    pub fn hyphen_after_prefix(&self, word: &str) -> Option<String> {
        let lower = word.to_lowercase();
        self.hyphened_prefixes.iter().find_map(|(prefix, words)| {
            let rest = lower.strip_prefix(prefix)?;
            if rest.chars().count() < 4
                || words.iter().any(|w| lower.starts_with(w))
                || !word.is_char_boundary(prefix.len())
            {
                return None;
            }
            Some(format!(
                "{}-{}",
                &word[..prefix.len()],
                &word[prefix.len()..]
            ))
        })
    }

    /// Whether a line begins the way focus topics begin.
    pub fn starts_topic(&self, text: &str) -> bool {
        let t = text.trim_start().to_lowercase();
        self.topic_start.iter().any(|w| t.starts_with(w))
    }

    /// Whether a paragraph reads as a focus topic.
    pub fn is_focus(&self, text: &str) -> bool {
        let t = text.to_lowercase();
        self.focus.iter().any(|f| t.contains(f))
    }

    /// The ordinal a session name states ("Fourth substantive session" → 4).
    pub fn session_ordinal(&self, text: &str) -> Option<u32> {
        let t = text.to_lowercase();
        if !self.session_word.iter().any(|w| t.contains(w)) {
            return None;
        }
        // Longest forms first, so "eleventh" is not read as "eleven"...
        let mut best: Option<(usize, u32)> = None;
        for (i, forms) in self.ordinals.iter().enumerate() {
            for f in forms.iter() {
                if contains_word(&t, f) && best.is_none_or(|(len, _)| f.len() > len) {
                    best = Some((f.len(), i as u32 + 1));
                }
            }
        }
        best.map(|(_, n)| n)
    }
}

fn weekday_from_index(i: usize) -> Weekday {
    match i {
        0 => Weekday::Monday,
        1 => Weekday::Tuesday,
        2 => Weekday::Wednesday,
        3 => Weekday::Thursday,
        4 => Weekday::Friday,
        5 => Weekday::Saturday,
        _ => Weekday::Sunday,
    }
}

/// Lowercase, no-break spaces as spaces, curly apostrophes straight.
pub(crate) fn normalise(text: &str) -> String {
    text.to_lowercase()
        .replace(['\u{a0}', '\u{202f}'], " ")
        .replace('’', "'")
}

/// Whether `word` occurs in `text` as a whole word (or, for scripts without
/// spaces, anywhere).
fn contains_word(text: &str, word: &str) -> bool {
    if word.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return text.contains(word);
    }
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Splits text into words: letters and digits; punctuation separates.
pub(crate) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| {
        !(c.is_alphanumeric() || c == '/' || c == '\u{64b}' || ('\u{610}'..='\u{65f}').contains(&c))
    })
    .filter(|w| !w.is_empty())
    .map(|w| w.trim_matches('/').to_string())
    .filter(|w| !w.is_empty())
    .collect()
}

/// A time range from a pattern whose groups 1–4 are the start hour, start
/// minutes, end hour and end minutes (minutes absent: on the hour).
pub(crate) fn hour_minute_range(re: &Regex, text: &str) -> Option<TimeRange> {
    let c = re.captures(text)?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    Some(TimeRange {
        start: hhmm(n(1)?, n(2).unwrap_or(0))?,
        end: hhmm(n(3)?, n(4).unwrap_or(0))?,
    })
}

/// Two-digit `HH:MM`.
pub(crate) fn hhmm(h: u32, m: u32) -> Option<String> {
    (h <= 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// The table of a language.
/// Built on first use, one language at a time (each compiles its regexes).
pub fn table(language: Language) -> &'static Table {
    use std::sync::OnceLock;
    static AR: OnceLock<Table> = OnceLock::new();
    static ZH: OnceLock<Table> = OnceLock::new();
    static EN: OnceLock<Table> = OnceLock::new();
    static FR: OnceLock<Table> = OnceLock::new();
    static RU: OnceLock<Table> = OnceLock::new();
    static ES: OnceLock<Table> = OnceLock::new();
    match language {
        Language::Ar => AR.get_or_init(ar::table),
        Language::Zh => ZH.get_or_init(zh::table),
        Language::En => EN.get_or_init(en::table),
        Language::Fr => FR.get_or_init(fr::table),
        Language::Ru => RU.get_or_init(ru::table),
        Language::Es => ES.get_or_init(es::table),
    }
}

/// The language a word names ("English", "anglais", "inglés"), in any of
/// the six.
pub fn named(word: &str) -> Option<Language> {
    let w = word.trim().to_lowercase();
    Language::ALL
        .into_iter()
        .find(|&l| table(l).names.contains(&w.as_str()))
}

/// Detects the language of a document from its text: the script first
/// (Arabic, Han, Cyrillic), then, for Latin text, which language's words are
/// most frequent. `hint` (e.g. from a file name suffix) breaks ties only.
pub fn detect(text: &str, hint: Option<Language>) -> Language {
    let (mut arabic, mut han, mut cyrillic, mut latin) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars() {
        match c as u32 {
            0x0600..=0x06FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => arabic += 1,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => han += 1,
            0x0400..=0x04FF => cyrillic += 1,
            _ if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{17f}').contains(&c) => latin += 1,
            _ => {}
        }
    }
    let total = arabic + han + cyrillic + latin;
    if total == 0 {
        return hint.unwrap_or(Language::En);
    }
    // A script that makes up a fair share of the letters wins: Chinese and
    // Arabic documents are full of Latin symbols and URLs.
    if arabic * 4 > total {
        return Language::Ar;
    }
    if han * 5 > total {
        return Language::Zh;
    }
    if cyrillic * 3 > total {
        return Language::Ru;
    }
    let latin_languages = [Language::En, Language::Fr, Language::Es];
    let mut counts = [0usize; 3];
    for word in text.split_whitespace() {
        if word.len() > 8 || !word.chars().all(char::is_alphabetic) {
            continue;
        }
        let word = word.to_lowercase();
        for (count, language) in counts.iter_mut().zip(latin_languages) {
            if table(language).common_words.contains(&word.as_str()) {
                *count += 1;
            }
        }
    }
    let best = [
        (Language::En, counts[0]),
        (Language::Fr, counts[1]),
        (Language::Es, counts[2]),
    ];
    let max = best.iter().map(|b| b.1).max().unwrap_or(0);
    let leaders: Vec<Language> = best.iter().filter(|b| b.1 == max).map(|b| b.0).collect();
    match hint {
        Some(h) if leaders.contains(&h) => h,
        _ => leaders.first().copied().unwrap_or(Language::En),
    }
}

/// Generic session-dates parser for the languages that write
/// "VENUE, D–D MONTH YYYY" or "VENUE, D MONTH–D MONTH YYYY" (with
/// connecting words): the venue is what precedes the first comma.
pub(crate) fn parse_session_dates_generic(text: &str, table: &Table) -> Option<SessionDates> {
    let (venue, dates) = match text.split_once([',', '،']) {
        Some((v, d)) if !v.chars().any(|c| c.is_ascii_digit()) => (Some(v.trim().to_string()), d),
        _ => (None, text),
    };
    let mut numbers: Vec<u32> = Vec::new();
    let mut months: Vec<u32> = Vec::new();
    let mut year = None;
    for token in words(dates) {
        if let Ok(n) = token.parse::<u32>() {
            if n >= 1900 {
                year = Some(n);
            } else if (1..=31).contains(&n) {
                numbers.push(n);
            }
        } else if let Some(m) = table.month(&token) {
            months.push(m);
        }
    }
    let year = year?;
    let (d1, d2) = match numbers.as_slice() {
        [a, b, ..] => (*a, *b),
        [a] => (*a, *a),
        [] => return None,
    };
    let (m1, m2) = match months.as_slice() {
        [a, b, ..] => (*a, *b),
        [a] => (*a, *a),
        [] => return None,
    };
    Some(SessionDates {
        start: format!("{year:04}-{m1:02}-{d1:02}"),
        end: format!("{year:04}-{m2:02}-{d2:02}"),
        venue,
    })
}

/// A room's name in its words, numbers aside, lowercase: "sala de
/// conferencias", "第 会议室".
fn room_name_words(t: &str) -> String {
    let letters: String = t
        .chars()
        .map(|c| if c.is_ascii_digit() { ' ' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    letters.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meetings_named_topic_first_open_events_in_chinese() {
        let zh = table(Language::Zh);
        assert!(zh.opens_event("关于年度进展报告草稿的非正式协商"));
        assert!(zh.opens_event("非正式的专门利益攸关方会议"));
        // A topic alone is not a meeting.
        assert!(!zh.opens_event("关于能力建设领域公私伙伴关系的良好做法的重点讨论："));
        assert!(!table(Language::En).opens_event("关于年度进展报告草稿的非正式协商"));
    }

    #[test]
    fn issue_dates_in_each_language_and_the_original_language() {
        let cases = [
            (Language::En, "21 June 2024", "2024-06-21"),
            (Language::Fr, "20 février 2023", "2023-02-20"),
            (Language::Es, "5 de julio de 2023", "2023-07-05"),
            (Language::Ru, "27 ноября 2023 года", "2023-11-27"),
            (Language::Zh, "2023 年 2 月 20 日", "2023-02-20"),
            (Language::Ar, "20 شباط/فبراير 2023", "2023-02-20"),
        ];
        for (language, text, iso) in cases {
            assert_eq!(
                table(language).parse_issue_date(text).as_deref(),
                Some(iso),
                "{text}"
            );
        }
        assert_eq!(
            table(Language::En).parse_issue_date("30 February 2024"),
            None
        );
        assert_eq!(
            table(Language::En).parse_issue_date("Distr.: General"),
            None
        );
        assert_eq!(named("English"), Some(Language::En));
        assert_eq!(named("anglais"), Some(Language::En));
        assert_eq!(named("inglés"), Some(Language::En));
        assert_eq!(named("русский"), Some(Language::Ru));
        assert_eq!(named("General"), None);
    }

    #[test]
    fn rooms_wrapped_over_lines_join_as_their_names_read() {
        let es = table(Language::Es);
        assert_eq!(
            es.join_room("Sala de conferencia", "s4", false).as_deref(),
            Some("Sala de conferencias 4")
        );
        assert_eq!(
            es.join_room("Sala de", "conferencias 4", false).as_deref(),
            Some("Sala de conferencias 4")
        );
        assert!(es
            .join_room("Sala de", "Tema 2 del programa", false)
            .is_none());
        let en = table(Language::En);
        assert_eq!(
            en.join_room("Conference", "Room 4", false).as_deref(),
            Some("Conference Room 4")
        );
        assert!(en.room_complete("Conference Room 4"));
        assert!(!en.room_complete("Conference Room"));
        let zh = table(Language::Zh);
        assert!(!zh.room_complete("第 4 会议"));
        assert_eq!(
            zh.join_room("第 4 会议", "室", false).as_deref(),
            Some("第 4 会议室")
        );
    }

    #[test]
    fn every_language_reads_its_day_labels() {
        let cases = [
            (Language::En, "Monday, 6 March", 3, 6, Weekday::Monday),
            (Language::Fr, "Lundi 6 mars", 3, 6, Weekday::Monday),
            (Language::Es, "Martes 7 de marzo", 3, 7, Weekday::Tuesday),
            (Language::Ru, "Среда, 8 марта", 3, 8, Weekday::Wednesday),
            (Language::Zh, "3 月 9 日，星期四", 3, 9, Weekday::Thursday),
            (Language::Ar, "الجمعة، 10 آذار/مارس", 3, 10, Weekday::Friday),
            (
                Language::Ar,
                "الاثنين، 24 تموز/يوليه",
                7,
                24,
                Weekday::Monday,
            ),
        ];
        for (lang, text, month, day, weekday) in cases {
            assert_eq!(
                table(lang).parse_day(text),
                Some(DayLabel {
                    month,
                    day,
                    weekday
                }),
                "{lang:?} {text}"
            );
        }
        assert_eq!(
            table(Language::En).parse_day("Agenda item 5: Monday 6 March discussions"),
            None
        );
    }

    #[test]
    fn every_language_reads_its_sub_item_marks_as_latin_letters() {
        let cases = [
            (
                Language::En,
                "(a) Further developing",
                "a",
                "(a)",
                "Further developing",
            ),
            (Language::Zh, "(d) 继续研究", "d", "(d)", "继续研究"),
            (Language::Zh, "（b）国际法", "b", "（b）", "国际法"),
            (Language::Fr, "a) Poursuivre", "a", "a)", "Poursuivre"),
            (Language::Es, "g) Desarrollo", "g", "g)", "Desarrollo"),
            (Language::Ru, "f) Меры", "f", "f)", "Меры"),
            // A Cyrillic "с" typed for the Latin "c".
            (Language::Ru, "с) Создание", "c", "с)", "Создание"),
            (Language::Ar, "(أ) مواصلة", "a", "(أ)", "مواصلة"),
            (Language::Ar, "(ب) قواعد", "b", "(ب)", "قواعد"),
            (Language::Ar, "(ج) إنشاء", "c", "(ج)", "إنشاء"),
            (Language::Ar, "(د) مواصلة", "d", "(د)", "مواصلة"),
            (Language::Ar, "(هـ) كيفية", "e", "(هـ)", "كيفية"),
            (Language::Ar, "(ه) كيفية", "e", "(ه)", "كيفية"),
            (Language::Ar, "(و) تدابير", "f", "(و)", "تدابير"),
            (Language::Ar, "(ز) بناء", "g", "(ز)", "بناء"),
            (Language::Ar, ")ز( بناء", "g", "(ز)", "بناء"),
        ];
        for (lang, text, letter, label, rest) in cases {
            let m = table(lang)
                .sub_item(text)
                .unwrap_or_else(|| panic!("{lang:?} {text}"));
            assert_eq!(
                (m.letter.as_str(), m.label.as_str(), m.text.as_str()),
                (letter, label, rest),
                "{lang:?} {text}"
            );
        }
        for (lang, text) in [
            (Language::En, "(continued)"),
            (Language::Fr, "Point 5 de l’ordre du jour"),
            (Language::Ar, "(تابع)"),
            (Language::Zh, "(续)"),
        ] {
            assert_eq!(table(lang).sub_item(text), None, "{lang:?} {text}");
        }
    }

    #[test]
    fn every_language_reads_its_time_cells() {
        let cases = [
            (Language::En, "10 a.m.–1 p.m.", "10:00", "13:00"),
            (Language::En, "3–6 p.m.", "15:00", "18:00"),
            (Language::En, "10–11.30 a.m.", "10:00", "11:30"),
            (Language::En, "11.30 a.m.–1 p.m.", "11:30", "13:00"),
            (Language::Fr, "10 heures-13 heures", "10:00", "13:00"),
            (Language::Fr, "15 h 00-18 h 00", "15:00", "18:00"),
            (Language::Fr, "10 heures-11 h 30", "10:00", "11:30"),
            (Language::Es, "10.00 a 13.00 horas", "10:00", "13:00"),
            (Language::Ru, "10 ч 00 м. – 13 ч 00 м.", "10:00", "13:00"),
            (Language::Zh, "上午 10 时至下午 1 时", "10:00", "13:00"),
            (Language::Zh, "下午 3 时至 6 时", "15:00", "18:00"),
            (Language::Zh, "上午 10 时至 11 时 30 分", "10:00", "11:30"),
            (
                Language::Zh,
                "上午 11 时 30 分至下午 1 时",
                "11:30",
                "13:00",
            ),
            (Language::Ar, "10:00 - 13:00", "10:00", "13:00"),
            (Language::Ar, "15/00 - 18/00", "15:00", "18:00"),
        ];
        for (lang, text, start, end) in cases {
            let t = (table(lang).parse_time)(text);
            assert_eq!(
                t,
                Some(TimeRange {
                    start: start.into(),
                    end: end.into()
                }),
                "{lang:?} {text}"
            );
        }
        assert_eq!((table(Language::En).parse_time)("Agenda item 5"), None);
    }

    #[test]
    fn a_wrapped_time_cell_is_recognised_by_its_first_half() {
        assert!((table(Language::En).time_start)("11.30 a.m.–1"));
        assert!((table(Language::Zh).time_start)("上午 11 时 30 分至"));
        assert!((table(Language::Ru).time_start)("10 ч 00 м. – 11"));
        assert!(!(table(Language::En).time_start)("Opening of the session"));
    }

    #[test]
    fn session_names_give_their_ordinal() {
        assert_eq!(
            table(Language::En).session_ordinal("Fourth substantive session"),
            Some(4)
        );
        assert_eq!(
            table(Language::Fr).session_ordinal("Cinquième session de fond"),
            Some(5)
        );
        assert_eq!(
            table(Language::Es).session_ordinal("Tercer período de sesiones sustantivo"),
            Some(3)
        );
        assert_eq!(
            table(Language::Ru).session_ordinal("Шестая основная сессия"),
            Some(6)
        );
        assert_eq!(
            table(Language::Zh).session_ordinal("第四届实质性会议"),
            Some(4)
        );
        assert_eq!(
            table(Language::Ar).session_ordinal("الدورة الموضوعية الرابعة"),
            Some(4)
        );
        assert_eq!(
            table(Language::En).session_ordinal("Fourth committee"),
            None
        );
    }

    #[test]
    fn session_dates_and_venue() {
        let cases = [
            (
                Language::En,
                "New York, 6–10 March 2023",
                "2023-03-06",
                "2023-03-10",
                "New York",
            ),
            (
                Language::Fr,
                "New York, 24-28 juillet 2023",
                "2023-07-24",
                "2023-07-28",
                "New York",
            ),
            (
                Language::Es,
                "Nueva York, 6 a 10 de marzo de 2023",
                "2023-03-06",
                "2023-03-10",
                "Nueva York",
            ),
            (
                Language::Ru,
                "Нью-Йорк, 11–15 декабря 2023 года",
                "2023-12-11",
                "2023-12-15",
                "Нью-Йорк",
            ),
            (
                Language::Zh,
                "2023 年 3 月 6 日至 10 日，纽约",
                "2023-03-06",
                "2023-03-10",
                "纽约",
            ),
            (
                Language::Ar,
                "نيويورك، 6-10 آذار/مارس 2023",
                "2023-03-06",
                "2023-03-10",
                "نيويورك",
            ),
            (
                Language::En,
                "Geneva, 28 February–3 March 2024",
                "2024-02-28",
                "2024-03-03",
                "Geneva",
            ),
        ];
        for (lang, text, start, end, venue) in cases {
            let t = table(lang);
            let d = (t.parse_session_dates)(text, t).unwrap_or_else(|| panic!("{lang:?} {text}"));
            assert_eq!(
                (d.start.as_str(), d.end.as_str(), d.venue.as_deref()),
                (start, end, Some(venue)),
                "{text}"
            );
        }
    }

    #[test]
    fn language_is_detected_from_script_and_words() {
        assert_eq!(
            detect("议程项目 5：关于大会第 75/240 号决议 A/77/275", None),
            Language::Zh
        );
        assert_eq!(
            detect("البند 5 من جدول الأعمال A/77/275", None),
            Language::Ar
        );
        assert_eq!(detect("Пункт 5 повестки дня", None), Language::Ru);
        assert_eq!(
            detect(
                " Point 5 de l’ordre du jour : examen des questions de fond et la session ",
                None
            ),
            Language::Fr
        );
        assert_eq!(
            detect(
                " Tema 5 del programa: debate de las cuestiones y los temas ",
                None
            ),
            Language::Es
        );
        assert_eq!(
            detect(
                " Agenda item 5: discussion of the issues and the session ",
                Some(Language::Fr)
            ),
            Language::En
        );
    }
}
