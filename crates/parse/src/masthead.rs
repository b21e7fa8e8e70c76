//! The masthead on page 1: symbol, body, session, dates and venue, title.

use crate::joining::join;
use crate::lang::{normalise, Table};
use crate::lines::{Line, Zone};
use crate::model::Session;
use crate::references::symbols_in;

/// What the masthead says.
#[derive(Debug, Default)]
pub(crate) struct Masthead {
    pub symbol: Option<String>,
    pub issue_date: Option<String>,
    pub original_language: Option<crate::model::Language>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub session: Session,
    /// The year the timetable's dates belong to.
    pub year: Option<i32>,
}

pub(crate) fn parse(lines: &[Line], table: &Table) -> Masthead {
    let mast: Vec<&Line> = lines.iter().filter(|l| l.zone == Zone::Masthead).collect();
    // The symbol: the first line that is nothing but a symbol.
    let symbol = mast
        .iter()
        .flat_map(|l| {
            symbols_in(&l.text)
                .into_iter()
                .filter(move |s| l.text.trim() == s)
        })
        .next();
    let mut m = Masthead {
        symbol,
        ..Masthead::default()
    };
    let session_at = mast
        .iter()
        .position(|l| table.session_ordinal(&l.text).is_some());
    if let Some(i) = session_at {
        m.session.ordinal = table.session_ordinal(&mast[i].text);
        m.session.name = Some(mast[i].text.trim().to_string());
    }
    // Session dates and venue: the first line after the session name that
    // parses (or anywhere, when there is no session name).
    let from = session_at.map_or(0, |i| i + 1);
    if let Some(d) = mast[from.min(mast.len())..]
        .iter()
        .chain(mast.iter())
        .find_map(|l| (table.parse_session_dates)(&l.text, table))
    {
        m.year = d.start.get(..4).and_then(|y| y.parse().ok());
        m.session.start_date = Some(d.start);
        m.session.end_date = Some(d.end);
        m.session.venue = d.venue;
    }
    m.title = mast
        .iter()
        .find(|l| {
            let t = normalise(&l.text);
            table.title.iter().any(|title| t.trim() == *title)
        })
        .map(|l| l.text.trim().to_string());
    // The body: the lines before the session name that are none of the
    // masthead's fixed parts.
    let body_size = mast.get(session_at.unwrap_or(0)).map_or(0.0, |l| l.size);
    let mut body: Option<String> = None;
    let before = &mast[..session_at.unwrap_or(0)];
    // A year alone is the issue date's, split off by the tool, when a date
    // without a year is among the fixed parts too.
    let split_date = before.iter().any(|l| {
        let words = crate::lang::words(&normalise(&l.text));
        is_fixed_part(l, table, body_size)
            && !words.iter().any(|w| is_year(w))
            && (words.iter().any(|w| table.month(w).is_some()) || l.text.contains('月'))
    });
    // So is a day alone ("27" over "تشرين الثاني/نوفمبر 2023") where the
    // issue date reads with it.
    let split_day = split_off_day(before, table, body_size);
    for l in before {
        let t = l.text.trim();
        let bare_year = t.len() == 4 && is_year(t);
        if is_fixed_part(l, table, body_size)
            || (bare_year && split_date)
            || split_day.as_ref().is_some_and(|(d, _)| d == t)
        {
            continue;
        }
        body = Some(match body {
            Some(b) => join(table.language, &b, &l.text),
            None => l.text.trim().to_string(),
        });
    }
    m.body = body;
    m.issue_date = issue_date(before, table, body_size).or(split_day.map(|(_, date)| date));
    m.original_language = mast.iter().find_map(|l| original_language(&l.text));
    m
}

/// The language a masthead's "Original: English" line names.
fn original_language(text: &str) -> Option<crate::model::Language> {
    let t = text.trim_start();
    let head = t.get(..8).filter(|h| h.eq_ignore_ascii_case("original"))?;
    let rest = t[head.len()..].trim_start().strip_prefix(':')?;
    let word = rest.split_whitespace().next()?;
    crate::lang::named(word.trim_end_matches(|c: char| !c.is_alphabetic()))
}

/// The issue date among the masthead's fixed parts: a line with a day, a
/// month and a year (or its year on a line of its own, split off by the
/// tool: "2023" over "年 11 月 27 日").
fn issue_date(before: &[&Line], table: &Table, body_size: f64) -> Option<String> {
    let fixed: Vec<&str> = before
        .iter()
        .filter(|l| is_fixed_part(l, table, body_size) || is_year(l.text.trim()))
        .map(|l| l.text.trim())
        .collect();
    let year = fixed.iter().find(|t| is_year(t));
    fixed
        .iter()
        .filter(|t| t.chars().any(|c| c.is_numeric()))
        .find_map(|t| {
            table.parse_issue_date(t).or_else(|| {
                let with_year = join(table.language, year?, t);
                table.parse_issue_date(&with_year)
            })
        })
}

/// The issue date's day a tool printed on a line of its own, and the date
/// read with it: a line of one number that, set before a fixed part with a
/// month and a year, makes it a date.
fn split_off_day(before: &[&Line], table: &Table, body_size: f64) -> Option<(String, String)> {
    let day = before
        .iter()
        .map(|l| l.text.trim())
        .find(|t| t.len() <= 2 && t.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)))?;
    before
        .iter()
        .filter(|l| is_fixed_part(l, table, body_size))
        .map(|l| l.text.trim())
        .filter(|t| table.parse_issue_date(t).is_none())
        .find_map(|t| table.parse_issue_date(&format!("{day} {t}")))
        .map(|date| (day.to_string(), date))
}

/// A year as masthead dates write it.
fn is_year(w: &str) -> bool {
    w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1945..2200).contains(&y))
}

fn is_fixed_part(l: &Line, table: &Table, body_size: f64) -> bool {
    let t = normalise(l.text.trim());
    if t.is_empty() {
        return true;
    }
    // "General" / "Assembly" set large on two lines.
    if body_size > 0.0 && l.size > body_size * 1.3 {
        return true;
    }
    if table.masthead_noise.iter().any(|n| t.starts_with(n)) {
        return true;
    }
    if table
        .masthead_noise
        .iter()
        .any(|n| n.split_whitespace().count() > 1 && n.split_whitespace().any(|w| w == t))
    {
        return true;
    }
    if [
        "english", "french", "spanish", "russian", "chinese", "arabic",
    ]
    .contains(&t.as_str())
    {
        return true;
    }
    if symbols_in(&l.text)
        .first()
        .is_some_and(|s| s == l.text.trim())
    {
        return true;
    }
    // The issue date: a year, a month and little else.
    let has_month = crate::lang::words(&t)
        .iter()
        .any(|w| table.month(w).is_some())
        || t.contains('月');
    // (A tool may split it, "2023" on one line and "年 11 月 27 日" on
    // another: the part with the month is a fixed part, the year alone is
    // when it comes with such a part; see `parse`.)
    let words = crate::lang::words(&t);
    has_month && words.len() <= 6 && table.title.iter().all(|title| !t.contains(title))
}
