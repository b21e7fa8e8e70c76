//! Spanish.

use regex::Regex;

use super::{hour_minute_range, parse_session_dates_generic, Table, TimeRange};
use crate::model::Language;

pub(super) fn table() -> Table {
    Table {
        language: Language::Es,
        weekdays: [
            &["lunes"],
            &["martes"],
            &["miércoles", "miercoles"],
            &["jueves"],
            &["viernes"],
            &["sábado", "sabado"],
            &["domingo"],
        ],
        months: [
            &["enero"],
            &["febrero"],
            &["marzo"],
            &["abril"],
            &["mayo"],
            &["junio"],
            &["julio"],
            &["agosto"],
            &["septiembre", "setiembre"],
            &["octubre"],
            &["noviembre"],
            &["diciembre"],
        ],
        agenda_loose: Regex::new(r"(?i)^temas?\s+\d+\s").expect("static regex"),
        agenda_item: Regex::new(r"^Tema\s+(\d+[a-z]?)\s+del\s+programa\s*[:.]\s*(.*)$")
            .expect("static regex"),
        // "a)"; "(a)" also read.
        sub_item: Regex::new(r"^(?P<label>[(（]?(?P<letter>[a-zасеорху])\))\s*(?P<text>.*)$")
            .expect("static regex"),
        sub_item_letters: &[],
        continued: &["(continuación)"],
        focus: &["debate centrado", "debate temático"],
        topic_start: &["debate centrado"],
        column_date: &["fecha/hora"],
        column_programme: &["tema del programa/programa"],
        column_day: &["fecha"],
        column_time: &["hora", "horario"],
        title: &["programa de trabajo provisional", "programa de trabajo"],
        ordinals: [
            &["primer", "primero"],
            &["segundo"],
            &["tercer", "tercero"],
            &["cuarto"],
            &["quinto"],
            &["sexto"],
            &["séptimo"],
            &["octavo"],
            &["noveno"],
            &["décimo"],
            &["undécimo"],
            &["duodécimo"],
        ],
        session_word: &["período de sesiones", "periodo de sesiones"],
        masthead_noise: &[
            "naciones unidas",
            "asamblea general",
            "distr.",
            "original",
            "nota de la secretaría",
            "anexo",
        ],
        parse_time,
        time_start,
        day_parser: None,
        half_day_words: &[],
        common_words: &["el", "los", "las", "del", "y", "sobre", "tema"],
        parse_session_dates: parse_session_dates_generic,
        question_end: &['?'],
        question_openers: &["¿"],
        room_words: &["sala de conferencias"],
        names: &[
            "spanish",
            "espagnol",
            "español",
            "испанский",
            "西班牙文",
            "西班牙语",
            "الإسبانية",
        ],
        date_units: None,
        hyphened_prefixes: &[],
        topic_first_events: None,
        event_openers: &[
            "apertura del período de sesiones",
            "clausura del período de sesiones",
            "palabras de apertura",
            "palabras de clausura",
            "declaración de apertura",
            "sesión privada",
            "sesión informal",
            "reunión informal",
            "reunión oficiosa",
            "consultas oficiosas",
            "consultas informales",
            "acto paralelo",
            "evento paralelo",
            "exposición informativa",
            "debate general",
        ],
    }
}

/// "10.00 a 13.00 horas".
fn parse_time(text: &str) -> Option<TimeRange> {
    hour_minute_range(
        regex!(
            r"^(?:de\s+)?(\d{1,2})[.:](\d{2})\s*(?:a|–|-)\s*(\d{1,2})[.:](\d{2})\s*(?:horas|h)?$"
        ),
        text.trim(),
    )
}

fn time_start(text: &str) -> bool {
    regex!(r"^(?:de\s+)?\d{1,2}[.:]\d{2}\s*(?:a|–|-)?\s*(?:\d{1,2}[.:]\d{2})?$")
        .is_match(text.trim())
}
