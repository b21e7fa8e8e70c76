//! French.

use regex::Regex;

use super::{hhmm, parse_session_dates_generic, Table, TimeRange};
use crate::model::Language;

pub(super) fn table() -> Table {
    Table {
        language: Language::Fr,
        weekdays: [
            &["lundi"],
            &["mardi"],
            &["mercredi"],
            &["jeudi"],
            &["vendredi"],
            &["samedi"],
            &["dimanche"],
        ],
        months: [
            &["janvier"],
            &["février", "fevrier"],
            &["mars"],
            &["avril"],
            &["mai"],
            &["juin"],
            &["juillet"],
            &["août", "aout"],
            &["septembre"],
            &["octobre"],
            &["novembre"],
            &["décembre", "decembre"],
        ],
        agenda_item: Regex::new(
            r"^Point\s+(\d+[a-z]?)\s+de\s+l[’']ordre\s+du\s+jour\s*[:.]\s*(.*)$",
        )
        .expect("static regex"),
        continued: &["(suite)"],
        focus: &["débat ciblé", "débat thématique"],
        topic_start: &["débat ciblé"],
        column_date: &["date/heure"],
        column_programme: &["point de l'ordre du jour/programme"],
        title: &["programme de travail provisoire", "programme de travail"],
        ordinals: [
            &["première", "premier"],
            &["deuxième"],
            &["troisième"],
            &["quatrième"],
            &["cinquième"],
            &["sixième"],
            &["septième"],
            &["huitième"],
            &["neuvième"],
            &["dixième"],
            &["onzième"],
            &["douzième"],
        ],
        session_word: &["session"],
        masthead_noise: &[
            "nations unies",
            "assemblée générale",
            "distr.",
            "original",
            "note du secrétariat",
            "annexe",
        ],
        parse_time,
        time_start,
        parse_session_dates: parse_session_dates_generic,
        question_end: &['?'],
    }
}

/// "10 heures-13 heures", "15 h 00-18 h 00", "10 heures-11 h 30".
fn parse_time(text: &str) -> Option<TimeRange> {
    let re = regex!(
        r"^(\d{1,2})\s*(?:h(?:eures?)?)\s*(\d{2})?\s*[–—-]\s*(\d{1,2})\s*(?:h(?:eures?)?)\s*(\d{2})?$"
    );
    let t = text.trim().replace(['\u{a0}', '\u{202f}'], " ");
    let c = re.captures(&t)?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    Some(TimeRange {
        start: hhmm(n(1)?, n(2).unwrap_or(0))?,
        end: hhmm(n(3)?, n(4).unwrap_or(0))?,
    })
}

fn time_start(text: &str) -> bool {
    regex!(r"^\d{1,2}\s*h(?:eures?)?\s*(?:\d{2})?\s*[–—-]\s*(?:\d{1,2})?\s*$").is_match(text.trim())
}
