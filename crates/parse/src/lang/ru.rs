//! Russian.

use regex::Regex;

use super::{hour_minute_range, parse_session_dates_generic, Table, TimeRange};
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
        agenda_loose: Regex::new(r"(?i)^пункты?\s+\d+\s").expect("static regex"),
        agenda_item: Regex::new(r"^Пункт\s+(\d+[а-я]?)\s+повестки\s+дня\s*[:.]\s*(.*)$")
            .expect("static regex"),
        // "a)" with Latin letters, as United Nations Russian prints them (a
        // Cyrillic look-alike typed for one is read as the Latin letter).
        sub_item: Regex::new(r"^(?P<label>[(（]?(?P<letter>[a-zасеорху])\))\s*(?P<text>.*)$")
            .expect("static regex"),
        sub_item_letters: &[],
        continued: &["(продолжение)"],
        focus: &["целенаправленное обсуждение", "тематическое обсуждение"],
        topic_start: &["целенаправленное обсуждение"],
        column_date: &["дата/время"],
        column_programme: &["пункт повестки дня/программа"],
        column_day: &["дата"],
        column_time: &["время"],
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
        day_parser: None,
        half_day_words: &[],
        common_words: &[],
        parse_session_dates: parse_session_dates_generic,
        question_end: &['?'],
        question_openers: &[
            "Какие ",
            "Каким ",
            "Какой ",
            "Какова ",
            "Каковы ",
            "Как ",
            "Что ",
            "Существуют ли ",
            "Есть ли ",
        ],
        room_words: &["зал заседаний"],
        names: &[
            "russian",
            "russe",
            "ruso",
            "русский",
            "俄文",
            "俄语",
            "الروسية",
        ],
        date_units: None,
        hyphened_prefixes: &[],
        topic_first_events: None,
        event_openers: &[
            "открытие сессии",
            "закрытие сессии",
            "вступительные заявления",
            "вступительное заявление",
            "вступительное слово",
            "заключительное слово",
            "заключительные заявления",
            "закрытое заседание",
            "неофициальное заседание",
            "неофициальные консультации",
            "параллельное мероприятие",
            "брифинг",
            "общие прения",
        ],
    }
}

/// "10 ч 00 м. – 13 ч 00 м.", also "10:00–13:00".
fn parse_time(text: &str) -> Option<TimeRange> {
    hour_minute_range(
        regex!(
            r"^(\d{1,2})\s*(?:ч\.?|:)\s*(\d{2})?\s*(?:мин\.?|м\.)?\s*[–—-]\s*(\d{1,2})\s*(?:ч\.?|:)\s*(\d{2})?\s*(?:мин\.?|м\.)?$"
        ),
        text.trim(),
    )
}

fn time_start(text: &str) -> bool {
    regex!(
        r"^\d{1,2}\s*ч\.?\s*(?:\d{2})?\s*(?:мин\.?|м\.)?\s*[–—-]?\s*(?:\d{1,2})?\s*(?:ч\.?)?\s*$"
    )
    .is_match(text.trim())
}
