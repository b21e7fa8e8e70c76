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
    let last = a.chars().next_back().unwrap_or(' ');
    let first = b.chars().next().unwrap_or(' ');
    let before_last = a.chars().rev().nth(1).unwrap_or(' ');
    if language == Language::Zh {
        let glue = match (is_cjk(last), is_cjk(first)) {
            (true, true) => "",
            (true, false) => {
                if first.is_alphanumeric() {
                    " "
                } else {
                    ""
                }
            }
            (false, true) => {
                if last.is_alphanumeric() {
                    " "
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
    let keep_together = (last == '-' && before_last.is_alphabetic() && first.is_alphabetic())
        || last == '/'
        || (last == '–' && before_last != ' ');
    if keep_together {
        format!("{a}{b}")
    } else {
        format!("{a} {b}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
