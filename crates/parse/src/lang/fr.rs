//! French.

use regex::Regex;

use super::{hour_minute_range, parse_session_dates_generic, Table, TimeRange};
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
        agenda_loose: Regex::new(r"(?i)^points?\s+\d+\s").expect("static regex"),
        agenda_item: Regex::new(
            r"^Point\s+(\d+[a-z]?)\s+de\s+l[’']ordre\s+du\s+jour\s*[:.]\s*(.*)$",
        )
        .expect("static regex"),
        // "a)"; "(a)" also read.
        sub_item: Regex::new(r"^(?P<label>[(（]?(?P<letter>[a-zасеорху])\))\s*(?P<text>.*)$")
            .expect("static regex"),
        sub_item_letters: &[],
        continued: &["(suite)"],
        focus: &["débat ciblé", "débat thématique"],
        topic_start: &["débat ciblé"],
        column_date: &["date/heure"],
        column_programme: &["point de l'ordre du jour/programme"],
        column_day: &["date", "dates"],
        column_time: &["heure", "heures", "horaire"],
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
        day_parser: None,
        half_day_words: &[],
        common_words: &["le", "la", "les", "des", "du", "et", "sur", "point"],
        parse_session_dates: parse_session_dates_generic,
        question_end: &['?'],
        question_openers: &[
            "Quel ",
            "Quelle ",
            "Quels ",
            "Quelles ",
            "Comment ",
            "Dans quelle ",
            "Existe-t-il ",
            "Y a-t-il ",
            "Pourquoi ",
        ],
        room_words: &["salle de conférence"],
        names: &[
            "french",
            "français",
            "francés",
            "французский",
            "法文",
            "法语",
            "الفرنسية",
        ],
        date_units: None,
        hyphened_prefixes: &[("non", &["nonobstant", "nonante", "nonce", "nonne"])],
        topic_first_events: None,
        event_openers: &[
            "ouverture de la session",
            "clôture de la session",
            "déclarations liminaires",
            "déclaration liminaire",
            "déclaration de clôture",
            "déclarations de clôture",
            "séance privée",
            "séance informelle",
            "réunion informelle",
            "consultations officieuses",
            "consultations informelles",
            "manifestation parallèle",
            "exposé du",
            "exposé de la",
            "exposés",
            "débat général",
        ],
    }
}

/// "10 heures-13 heures", "15 h 00-18 h 00", "10 heures-11 h 30".
fn parse_time(text: &str) -> Option<TimeRange> {
    hour_minute_range(
        regex!(
            r"^(\d{1,2})\s*(?:h(?:eures?)?)\s*(\d{2})?\s*[–—-]\s*(\d{1,2})\s*(?:h(?:eures?)?)\s*(\d{2})?$"
        ),
        &text.trim().replace(['\u{a0}', '\u{202f}'], " "),
    )
}

fn time_start(text: &str) -> bool {
    regex!(r"^\d{1,2}\s*h(?:eures?)?\s*(?:\d{2})?\s*[–—-]\s*(?:\d{1,2})?\s*$").is_match(text.trim())
}
