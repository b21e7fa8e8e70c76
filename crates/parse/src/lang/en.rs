//! English.

use regex::Regex;

use super::{hhmm, parse_session_dates_generic, Table, TimeRange};
use crate::model::Language;

pub(super) fn table() -> Table {
    Table {
        language: Language::En,
        weekdays: [
            &["monday"],
            &["tuesday"],
            &["wednesday"],
            &["thursday"],
            &["friday"],
            &["saturday"],
            &["sunday"],
        ],
        months: [
            &["january"],
            &["february"],
            &["march"],
            &["april"],
            &["may"],
            &["june"],
            &["july"],
            &["august"],
            &["september"],
            &["october"],
            &["november"],
            &["december"],
        ],
        agenda_loose: Regex::new(r"(?i)^agenda\s+items?\s+\d").expect("static regex"),
        agenda_item: Regex::new(r"^Agenda item\s+(\d+[a-z]?)\s*[:.]\s*(.*)$")
            .expect("static regex"),
        // "(a)"; "a)" also read, as some documents print it.
        sub_item: Regex::new(r"^(?P<label>[(（]?(?P<letter>[a-z])[)）])\s*(?P<text>.*)$")
            .expect("static regex"),
        sub_item_letters: &[],
        continued: &["(continued)"],
        focus: &[
            "focused discussion",
            "focus discussion",
            "thematic discussion",
        ],
        topic_start: &["focused discussion"],
        column_date: &["date/time"],
        column_programme: &["agenda item/programme", "agenda item/program"],
        column_day: &["date"],
        column_time: &["time"],
        title: &["provisional programme of work", "programme of work"],
        ordinals: [
            &["first"],
            &["second"],
            &["third"],
            &["fourth"],
            &["fifth"],
            &["sixth"],
            &["seventh"],
            &["eighth"],
            &["ninth"],
            &["tenth"],
            &["eleventh"],
            &["twelfth"],
        ],
        session_word: &["session"],
        masthead_noise: &[
            "united nations",
            "general assembly",
            "distr.",
            "original:",
            "note by the secretariat",
            "annex",
        ],
        parse_time,
        time_start,
        day_parser: None,
        half_day_words: &[],
        common_words: &["the", "of", "and", "to", "on", "item", "session"],
        parse_session_dates: parse_session_dates_generic,
        question_end: &['?'],
        question_openers: &[
            "What ",
            "How ",
            "Which ",
            "Are there ",
            "Is there ",
            "In what ",
            "Why ",
        ],
        room_words: &["conference room"],
        names: &[
            "english",
            "anglais",
            "inglés",
            "английский",
            "英文",
            "英语",
            "الإنكليزية",
            "الإنجليزية",
        ],
        date_units: None,
        hyphened_prefixes: &[("non", &["none", "nonsense", "nonce"])],
        topic_first_events: None,
        event_openers: &[
            "opening of the session",
            "closing of the session",
            "opening remarks",
            "opening statement",
            "closing remarks",
            "closing statement",
            "closed meeting",
            "private meeting",
            "informal dedicated stakeholder session",
            "informal stakeholder",
            "informal consultations",
            "informal meeting",
            "informal session",
            "lunch-time side event",
            "lunchtime side event",
            "side event",
            "briefing by",
            "briefings by",
            "statement by",
            "statements by",
            "general debate",
            "high-level",
        ],
    }
}

fn time_re() -> &'static Regex {
    regex!(
        r"(?i)^(\d{1,2})(?:[.:](\d{2}))?\s*(a\.m\.|p\.m\.|noon)?\s*[–—-]\s*(\d{1,2})(?:[.:](\d{2}))?\s*(a\.m\.|p\.m\.|noon)$"
    )
}

/// "10 a.m.–1 p.m.", "3–6 p.m.", "10–11.30 a.m.".
fn parse_time(text: &str) -> Option<TimeRange> {
    let t = text.trim().replace(['\u{a0}', '\u{202f}'], " ");
    let c = time_re().captures(t.trim())?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let half = |i: usize| c.get(i).map(|m| m.as_str().to_lowercase());
    let (sh, sm, eh, em) = (n(1)?, n(2).unwrap_or(0), n(4)?, n(5).unwrap_or(0));
    let end_half = half(6)?;
    let to24 = |h: u32, half: &str| -> u32 {
        match half {
            "p.m." if h < 12 => h + 12,
            "a.m." if h == 12 => 0,
            _ => h,
        }
    };
    let end = to24(eh, &end_half);
    let start = match half(3) {
        Some(h) => to24(sh, &h),
        None => {
            // "3–6 p.m." shares the end's half, unless that would put the
            // start after the end ("11–1 p.m." starts in the morning).
            let same = to24(sh, &end_half);
            if same * 60 + sm > end * 60 + em {
                sh
            } else {
                same
            }
        }
    };
    Some(TimeRange {
        start: hhmm(start, sm)?,
        end: hhmm(end, em)?,
    })
}

fn time_start(text: &str) -> bool {
    regex!(r"(?i)^\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.)?\s*[–—-]\s*(?:\d{1,2}(?:[.:]\d{2})?)?$")
        .is_match(text.trim())
}
