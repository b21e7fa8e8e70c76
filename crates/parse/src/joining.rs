//! Joining the lines of a wrapped paragraph, as each script needs.

use unprog_extract::script::is_cjk;

use crate::model::Language;

/// Joins two consecutive lines of one paragraph.
///
/// * A soft hyphen at a line end is dropped (the word was split).
/// * A hard hyphen, slash or dash that ends a line stays, with nothing added
///   ("open-" + "ended", "11.30 a.m.–" + "1 p.m.", URLs and symbols).
/// * Chinese: nothing between two CJK characters, nor between CJK and
///   punctuation; a space between CJK and a Latin letter or digit (UN
///   Chinese text sets them apart); nothing inside a Latin token broken by the
///   wrap ("A/AC.292/2" + "021/1").
/// * Other scripts: one space.
pub(crate) fn join(language: Language, a: &str, b: &str) -> String {
    let a = a.trim_end();
    let b = b.trim();
    if a.is_empty() {
        return b.to_string();
    }
    if b.is_empty() {
        return a.to_string();
    }
    if let Some(stem) = a.strip_suffix('\u{ad}') {
        return format!("{stem}{b}");
    }
    // A list's mark alone ("–", "•") keeps the space after it, in any script.
    if matches!(a, "–" | "—" | "-" | "•") {
        return format!("{a} {b}");
    }
    let last = a.chars().next_back().unwrap_or(' ');
    let first = b.chars().next().unwrap_or(' ');
    let before_last = a.chars().rev().nth(1).unwrap_or(' ');
    if language == Language::Zh {
        let apart = || if sets_latin_apart(a, b) { " " } else { "" };
        let glue = match (is_cjk(last), is_cjk(first)) {
            (true, true) => "",
            (true, false) => {
                if first.is_alphanumeric() {
                    apart()
                } else {
                    ""
                }
            }
            (false, true) => {
                if last.is_alphanumeric() {
                    apart()
                } else {
                    ""
                }
            }
            (false, false) => {
                if last.is_alphanumeric() && first.is_alphanumeric()
                    || matches!(last, '/' | '-' | '.' | '–')
                {
                    ""
                } else {
                    " "
                }
            }
        };
        return format!("{a}{glue}{b}");
    }
    // A hyphen or dash that ends a line right after a word or number joins
    // it to the next ("open-" + "ended", "(2021-" + "2025)",
    // "10 heures-" + "13 heures"); one set apart by a space is punctuation.
    let keep_together = (matches!(last, '-' | '–' | '—') && before_last != ' ' && first.is_alphanumeric())
            || last == '/'
            // A bracket opened at a line's end, or closed at the next one's start.
            || matches!(last, '(' | '[' | '«' | '“')
            || matches!(first, ')' | ']' | '»' | '”' | ',' | '.' | ';');
    if keep_together {
        format!("{a}{b}")
    } else {
        format!("{a} {b}")
    }
}

/// Chinese text that sets Latin letters and digits apart from Han characters
/// nearly everywhere, set apart everywhere: a tool that measures spaces
/// from glyph positions misses one now and then ("下午 3 时至 6时"). Other
/// languages, and text set solid, are returned as they are.
pub(crate) fn even_spacing(language: Language, text: &str) -> String {
    if language != Language::Zh || !sets_latin_apart(text, "") {
        return text.to_string();
    }
    set_apart(text)
}

/// Whether a Chinese document sets Latin letters and digits apart from Han
/// characters (in nine of ten places where the two meet, and in twenty at
/// least): then it means to everywhere.
pub(crate) fn sets_apart_throughout<'a>(
    language: Language,
    texts: impl Iterator<Item = &'a str>,
) -> bool {
    if language != Language::Zh {
        return false;
    }
    let (mut apart, mut solid) = (0usize, 0usize);
    for t in texts {
        let (a, s) = latin_meets_han(t);
        apart += a;
        solid += s;
    }
    apart >= 20 && apart >= 9 * solid
}

/// Where Latin letters or digits meet Han characters in `text`: how many
/// times with a space between, and how many without.
fn latin_meets_han(text: &str) -> (usize, usize) {
    let ideograph = |c: char| is_cjk(c) && c.is_alphabetic();
    let latin = |c: char| c.is_ascii_alphanumeric();
    let chars: Vec<char> = text.chars().collect();
    let solid = chars
        .windows(2)
        .filter(|w| (ideograph(w[0]) && latin(w[1])) || (latin(w[0]) && ideograph(w[1])))
        .count();
    let apart = chars
        .windows(3)
        .filter(|w| {
            w[1] == ' ' && ((ideograph(w[0]) && latin(w[2])) || (latin(w[0]) && ideograph(w[2])))
        })
        .count();
    (apart, solid)
}

/// `text` with a space wherever a Latin letter or digit meets a Han
/// character.
pub(crate) fn set_apart(text: &str) -> String {
    let ideograph = |c: char| is_cjk(c) && c.is_alphabetic();
    let latin = |c: char| c.is_ascii_alphanumeric();
    let mut out = String::with_capacity(text.len() + 4);
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if let Some(p) = prev {
            if (ideograph(p) && latin(c)) || (latin(p) && ideograph(c)) {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Whether Chinese text sets Latin letters and digits apart from Han
/// characters with spaces, as United Nations Chinese does ("上午 10 时"),
/// or sets them solid ("上午10时"): what the text itself does where the two
/// meet; apart when it never shows.
fn sets_latin_apart(a: &str, b: &str) -> bool {
    let (a_apart, a_solid) = latin_meets_han(a);
    let (b_apart, b_solid) = latin_meets_han(b);
    let (apart, solid) = (a_apart + b_apart, a_solid + b_solid);
    solid == 0 || apart > solid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_mark_alone_keeps_its_space() {
        assert_eq!(
            join(Language::Zh, "–", "不限成员名额工作组组长柏罕加福"),
            "– 不限成员名额工作组组长柏罕加福"
        );
        assert_eq!(join(Language::Zh, "上午", "10 时"), "上午 10 时");
        assert_eq!(join(Language::Zh, "讨论", "(续)"), "讨论(续)");
    }

    #[test]
    fn chinese_spacing_made_even_where_a_tool_missed_a_space() {
        assert_eq!(
            even_spacing(Language::Zh, "下午 3 时至 6时"),
            "下午 3 时至 6 时"
        );
        assert_eq!(
            even_spacing(Language::Zh, "上午10时至11时"),
            "上午10时至11时"
        );
        assert_eq!(even_spacing(Language::En, "3–6p.m."), "3–6p.m.");
    }

    #[test]
    fn a_chinese_document_that_sets_digits_apart_does_so_everywhere() {
        let apart = ["上午 10 时至下午 1 时"; 10];
        assert!(sets_apart_throughout(Language::Zh, apart.iter().copied()));
        assert_eq!(
            set_apart("2021-2025年信息和通信技术"),
            "2021-2025 年信息和通信技术"
        );
        let solid = ["上午10时至下午1时"; 10];
        assert!(!sets_apart_throughout(Language::Zh, solid.iter().copied()));
        assert!(!sets_apart_throughout(Language::En, apart.iter().copied()));
    }

    #[test]
    fn chinese_set_solid_stays_solid_across_the_wrap() {
        assert_eq!(
            join(Language::Zh, "上午10时至11", "时30分"),
            "上午10时至11时30分"
        );
        assert_eq!(
            join(Language::Zh, "上午 10 时至 11", "时 30 分"),
            "上午 10 时至 11 时 30 分"
        );
        assert_eq!(join(Language::Zh, "第", "4 会议室"), "第 4 会议室");
    }

    #[test]
    fn chinese_joins_without_spaces_except_around_latin() {
        assert_eq!(
            join(Language::Zh, "不限成", "员名额工作组"),
            "不限成员名额工作组"
        );
        assert_eq!(
            join(Language::Zh, "(载于", "A/77/275 号文件)"),
            "(载于 A/77/275 号文件)"
        );
        assert_eq!(
            join(Language::Zh, "上午 11 时 30 分至下午", "1 时"),
            "上午 11 时 30 分至下午 1 时"
        );
        assert_eq!(
            join(Language::Zh, "上午 11 时 30 分至 ", "下午 1 时 "),
            "上午 11 时 30 分至下午 1 时"
        );
        assert_eq!(
            join(Language::Zh, "A/AC.292/2", "021/1 号文件"),
            "A/AC.292/2021/1 号文件"
        );
        assert_eq!(join(Language::Zh, "威胁", "(载于"), "威胁(载于");
        assert_eq!(
            join(Language::Zh, "信通技术活", "动(见 A/77/275，第 11 段)"),
            "信通技术活动(见 A/77/275，第 11 段)"
        );
    }

    #[test]
    fn latin_and_cyrillic_join_with_a_space_but_keep_hyphenated_words() {
        assert_eq!(
            join(Language::En, "Discussion of the", "substantive issues"),
            "Discussion of the substantive issues"
        );
        assert_eq!(
            join(Language::Fr, "Haute-", "Représentante"),
            "Haute-Représentante"
        );
        assert_eq!(
            join(Language::En, "11.30 a.m.–1", "p.m."),
            "11.30 a.m.–1 p.m."
        );
        assert_eq!(
            join(Language::En, "11.30 a.m.–", "1 p.m."),
            "11.30 a.m.–1 p.m."
        );
        assert_eq!(
            join(Language::En, "https://undocs.org/", "A/77/275"),
            "https://undocs.org/A/77/275"
        );
        assert_eq!(join(Language::En, "infor\u{ad}", "mation"), "information");
        assert_eq!(
            join(Language::Ru, "10 ч 00 м. – 11", "ч 30 м."),
            "10 ч 00 м. – 11 ч 30 м."
        );
        assert_eq!(
            join(Language::En, "States –", "and others"),
            "States – and others"
        );
        assert_eq!(join(Language::Fr, "(2021-", "2025)"), "(2021-2025)");
        assert_eq!(
            join(Language::Ar, "الثاني (", "A/78/265):"),
            "الثاني (A/78/265):"
        );
        assert_eq!(
            join(Language::En, "report", "(A/77/275):"),
            "report (A/77/275):"
        );
        assert_eq!(
            join(Language::Fr, "10 heures-", "13 heures"),
            "10 heures-13 heures"
        );
        assert_eq!(
            join(Language::Ru, "10 ч 00 м. –", "13 ч 00 м."),
            "10 ч 00 м. – 13 ч 00 м."
        );
    }
}
