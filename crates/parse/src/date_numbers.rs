//! Dates whose numbers a tool read apart from their units.
//!
//! Chinese writes a date as numbers and units, 年 月 日 ("2023 年 3 月 6
//! 日"). A browser sets the digits in another font than the Han characters,
//! and a text tool may then read them apart from their line: on a line of
//! their own elsewhere on the page (`pdftotext`'s reading order), or on the
//! line under (`pdftotext -layout`, "2023 年 月 日" over "2    20"). The units
//! a language writes so are in its table (`Table::date_units`).

use std::borrow::Cow;

/// A date unit left without its number in a line: byte offset and which
/// unit (0 year, 1 month, 2 day). A unit is bare at the line's start (a
/// year or a month: a day's 日 opens words like 日期) or right after
/// another unit ("年 月 日").
pub(crate) fn bare_units(text: &str, units: &[&str; 3]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (at, _) in text.char_indices() {
        let Some(unit) = units.iter().position(|u| text[at..].starts_with(u)) else {
            continue;
        };
        let before = text[..at].trim_end();
        let bare = if before.is_empty() {
            unit < 2
        } else {
            units.iter().any(|u| before.ends_with(u))
        };
        if bare {
            out.push((at, unit));
        }
    }
    out
}

/// Whether a number read on a line of its own can be a date's year, month
/// or day (a year may be a span: "2021-2025 年").
pub(crate) fn fits_unit(number: &str, unit: usize) -> bool {
    if unit == 0 {
        return regex!(r"^\d{4}(-\d{4})?$").is_match(number);
    }
    let max = if unit == 1 { 12 } else { 31 };
    number.len() <= 2 && number.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
}

/// Whether a line is a unit alone ("月", "日，"): a date a tool printed
/// piece by piece, its number on the line before, not one read apart.
pub(crate) fn is_unit_alone(line: &str, units: &[&str; 3]) -> bool {
    units.contains(&line.trim().trim_end_matches([',', '，', ' ']))
}

/// `text` with `numbers` put before its bare units (`holes`, in order).
pub(crate) fn fill(text: &str, holes: &[(usize, usize)], numbers: &[&str]) -> String {
    let mut text = text.to_string();
    for (number, &(at, _)) in numbers.iter().zip(holes).rev() {
        let lead = if at == 0 || text[..at].ends_with(char::is_whitespace) {
            ""
        } else {
            " "
        };
        text.insert_str(at, &format!("{lead}{number} "));
    }
    text
}

/// Laid-out text (`pdftotext -layout`) with the numbers of a date printed on
/// the line under it put back: a line with bare units over a line of
/// nothing but as many numbers that fit them, in order. The line of numbers
/// is left blank, so that the lines keep their places.
pub(crate) fn restore_stacked<'a>(text: &'a str, units: &[&str; 3]) -> Cow<'a, str> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<Cow<str>> = lines.iter().map(|l| Cow::Borrowed(*l)).collect();
    let mut changed = false;
    for i in 0..lines.len().saturating_sub(1) {
        let holes = bare_units(lines[i].trim(), units);
        if holes.is_empty() || is_unit_alone(lines[i], units) {
            continue;
        }
        let numbers: Vec<&str> = lines[i + 1].split_whitespace().collect();
        let fits = numbers.len() == holes.len()
            && numbers
                .iter()
                .zip(&holes)
                .all(|(n, &(_, unit))| fits_unit(n, unit));
        if !fits {
            continue;
        }
        let indent = lines[i].len() - lines[i].trim_start().len();
        out[i] = Cow::Owned(format!(
            "{}{}",
            &lines[i][..indent],
            fill(lines[i].trim(), &holes, &numbers)
        ));
        out[i + 1] = Cow::Borrowed("");
        changed = true;
    }
    if changed {
        Cow::Owned(out.join("\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether a document sets its date numbers apart from their units ("12 月"
/// three times at least, and thrice as often as "12月"): a text tool that
/// measures spaces from glyph positions misses some, and they go back
/// (`set_units_apart`).
pub(crate) fn sets_units_apart<'a>(
    texts: impl Iterator<Item = &'a str>,
    units: &[&str; 3],
) -> bool {
    let (mut apart, mut solid) = (0usize, 0usize);
    for t in texts {
        for u in units {
            for (at, _) in t.match_indices(u) {
                let before = &t[..at];
                if before.ends_with(|c: char| c.is_ascii_digit()) {
                    solid += 1;
                } else if before
                    .strip_suffix(' ')
                    .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
                {
                    apart += 1;
                }
            }
        }
    }
    apart >= 3 && apart >= 3 * solid
}

/// `text` with a space between a number and a date unit right after it.
pub(crate) fn set_units_apart(text: &str, units: &[&str; 3]) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut prev_digit = false;
    for (at, c) in text.char_indices() {
        if prev_digit && units.iter().any(|u| text[at..].starts_with(u)) {
            out.push(' ');
        }
        out.push(c);
        prev_digit = c.is_ascii_digit();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_units_are_at_a_line_start_or_after_another_unit() {
        let units = ["年", "月", "日"];
        assert_eq!(bare_units("年 月 日", &units).len(), 3);
        assert_eq!(bare_units("月 6 日，星期一", &units), [(0, 1)]);
        assert!(bare_units("3 月 6 日，星期一", &units).is_empty());
        assert!(bare_units("日期/时间", &units).is_empty());
        assert!(fits_unit("2021-2025", 0) && !fits_unit("13", 1) && fits_unit("31", 2));
    }

    #[test]
    fn numbers_on_the_line_under_go_back_in_order() {
        let units = ["年", "月", "日"];
        let text = "   Distr.: General\n        2023 年 月 日\n           2    20\n   Chinese";
        assert_eq!(
            restore_stacked(text, &units),
            "   Distr.: General\n        2023 年 2 月 20 日\n\n   Chinese"
        );
        // (Not numbers that do not fit: a thirteenth month.)
        let text = "2023 年 月 日\n13  20";
        assert_eq!(restore_stacked(text, &units), text);
    }

    #[test]
    fn units_are_set_apart_where_the_document_does_so() {
        let units = ["年", "月", "日"];
        let texts = ["2023 年 12 月 11 日至 15 日", "12月 11 日，星期一"];
        assert!(sets_units_apart(texts.iter().copied(), &units));
        assert_eq!(
            set_units_apart("2021-2025年信息", &units),
            "2021-2025 年信息"
        );
        assert_eq!(set_units_apart("12月 11 日", &units), "12 月 11 日");
        assert!(!sets_units_apart(
            ["12月11日", "3月6日"].iter().copied(),
            &units
        ));
    }
}
