//! Russian.

use regex::Regex;

use super::{hhmm, parse_session_dates_generic, Table, TimeRange};
use crate::model::Language;

pub(super) fn table() -> Table {
    Table {
        language: Language::Ru,
        weekdays: [
            &["понедельник"],
            &["вторник"],
            &["среда"],
            &["четверг"],
            &["пятница"],
            &["суббота"],
            &["воскресенье"],
        ],
        months: [
            &["января", "январь"],
            &["февраля", "февраль"],
            &["марта", "март"],
            &["апреля", "апрель"],
            &["мая", "май"],
            &["июня", "июнь"],
            &["июля", "июль"],
            &["августа", "август"],
            &["сентября", "сентябрь"],
            &["октября", "октябрь"],
            &["ноября", "ноябрь"],
            &["декабря", "декабрь"],
        ],
        agenda_item: Regex::new(r"^Пункт\s+(\d+[а-я]?)\s+повестки\s+дня\s*[:.]\s*(.*)$")
            .expect("static regex"),
        continued: &["(продолжение)"],
        focus: &["целенаправленное обсуждение", "тематическое обсуждение"],
        topic_start: &["целенаправленное обсуждение"],
        column_date: &["дата/время"],
        column_programme: &["пункт повестки дня/программа"],
        title: &["предварительная программа работы", "программа работы"],
        ordinals: [
            &["первая"],
            &["вторая"],
            &["третья"],
            &["четвертая", "четвёртая"],
            &["пятая"],
            &["шестая"],
            &["седьмая"],
            &["восьмая"],
            &["девятая"],
            &["десятая"],
            &["одиннадцатая"],
            &["двенадцатая"],
        ],
        session_word: &["сессия"],
        masthead_noise: &[
            "организация объединенных наций",
            "генеральная ассамблея",
            "distr.",
            "original",
            "записка секретариата",
            "приложение",
        ],
        parse_time,
        time_start,
        parse_session_dates: parse_session_dates_generic,
        question_end: &['?'],
    }
}

/// "10 ч 00 м. – 13 ч 00 м.", also "10:00–13:00".
fn parse_time(text: &str) -> Option<TimeRange> {
    let re = regex!(
        r"^(\d{1,2})\s*(?:ч\.?|:)\s*(\d{2})?\s*(?:мин\.?|м\.)?\s*[–—-]\s*(\d{1,2})\s*(?:ч\.?|:)\s*(\d{2})?\s*(?:мин\.?|м\.)?$"
    );
    let c = re.captures(text.trim())?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    Some(TimeRange {
        start: hhmm(n(1)?, n(2).unwrap_or(0))?,
        end: hhmm(n(3)?, n(4).unwrap_or(0))?,
    })
}

fn time_start(text: &str) -> bool {
    regex!(
        r"^\d{1,2}\s*ч\.?\s*(?:\d{2})?\s*(?:мин\.?|м\.)?\s*[–—-]?\s*(?:\d{1,2})?\s*(?:ч\.?)?\s*$"
    )
    .is_match(text.trim())
}
