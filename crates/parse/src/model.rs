//! The programme model: the JSON contract of `unprog convert`.
//!
//! Field names are fixed by the contract (schema version 1); fields may be
//! added, never renamed. `schema/programme.schema.json` is generated from
//! these types (see the `schema` test) and is what external users validate
//! against.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The current schema version.
pub const SCHEMA_VERSION: &str = "1";

/// One programme of work.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Always "1" for this layout of the model.
    pub schema_version: String,
    /// Where the programme was read from.
    pub source: Source,
    /// The document's language, detected from its text.
    pub language: Language,
    /// The document symbol, e.g. `A/AC.292/2023/INF/1`; null when the
    /// document does not show one.
    pub symbol: Option<String>,
    /// The date the document was issued, as its masthead prints it under
    /// "Distr.", in ISO form (`2023-02-20`); null when not shown.
    #[schemars(extend("format" = "date", "pattern" = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"))]
    pub issue_date: Option<String>,
    /// The language the document was written in ("Original: English"),
    /// which the other versions translate; null when not shown.
    pub original_language: Option<Language>,
    /// The document title, e.g. "Provisional programme of work".
    pub title: Option<String>,
    /// The body that meets, e.g. the name of the working group.
    pub body: Option<String>,
    /// The session.
    pub session: Session,
    /// The timetable, day by day.
    pub days: Vec<Day>,
    /// Footnotes, in marker order.
    pub footnotes: Vec<Footnote>,
    /// Document symbols referred to, with their links; sorted by symbol.
    pub references: Vec<Reference>,
    /// What the parser could not place, each with its page.
    pub warnings: Vec<String>,
}

/// The input document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// File name (without folders).
    pub file: String,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
    /// PDF or plain text.
    pub kind: SourceKind,
    /// Page count (PDF), or pages separated by form feeds (text).
    pub pages: u32,
}

/// What kind of input a programme came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A PDF, read through its layout.
    Pdf,
    /// Plain text extracted by another tool.
    Text,
}

/// The six official languages of the United Nations.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Arabic.
    Ar,
    /// Chinese.
    Zh,
    /// English.
    En,
    /// French.
    Fr,
    /// Russian.
    Ru,
    /// Spanish.
    Es,
}

impl Language {
    /// All six, in the UN's order (A C E F R S).
    pub const ALL: [Language; 6] = [
        Language::Ar,
        Language::Zh,
        Language::En,
        Language::Fr,
        Language::Ru,
        Language::Es,
    ];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::Zh => "zh",
            Language::En => "en",
            Language::Fr => "fr",
            Language::Ru => "ru",
            Language::Es => "es",
        }
    }
}

/// The session the programme is for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Ordinal number: 4 for the fourth substantive session.
    pub ordinal: Option<u32>,
    /// The session's name as printed.
    pub name: Option<String>,
    /// First day, ISO date.
    #[schemars(extend("format" = "date", "pattern" = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"))]
    pub start_date: Option<String>,
    /// Last day, ISO date.
    #[schemars(extend("format" = "date", "pattern" = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"))]
    pub end_date: Option<String>,
    /// Where it meets, as printed ("New York").
    pub venue: Option<String>,
}

/// Day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

/// One day of the timetable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Day {
    /// ISO date, the year taken from the masthead.
    #[schemars(extend("format" = "date", "pattern" = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"))]
    pub date: Option<String>,
    /// The weekday as printed, normalised.
    pub weekday: Option<Weekday>,
    /// The date line as printed.
    pub label: String,
    /// The meetings of the day.
    pub slots: Vec<Slot>,
}

/// One meeting (a time range) and its programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    /// Start time, 24-hour `HH:MM`.
    #[schemars(extend("pattern" = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"))]
    pub start: Option<String>,
    /// End time, 24-hour `HH:MM`.
    #[schemars(extend("pattern" = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"))]
    pub end: Option<String>,
    /// The time as printed (a wrapped time cell joined).
    pub label: String,
    /// A room printed under the time, if any.
    pub room: Option<String>,
    /// Agenda items taken up.
    pub agenda_items: Vec<AgendaItem>,
    /// Everything else: opening, statements, informal or closed meetings.
    pub events: Vec<Event>,
}

/// An agenda item taken up in a slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    /// The item number, e.g. "5".
    pub number: String,
    /// The item's title, without the "Agenda item 5:" label.
    pub title: String,
    /// Marked "(continued)".
    pub continued: bool,
    /// Footnote markers on the item's line.
    pub footnotes: Vec<String>,
    /// Sub-items (a)–(g) taken up.
    pub sub_items: Vec<SubItem>,
    /// Focus topics directly under the item.
    pub topics: Vec<Topic>,
    /// Place among the slot's agenda items and events, from 0.
    pub position: u32,
}

/// A sub-item such as "(d) Continuing to study existing and potential threats".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubItem {
    /// The letter, without brackets, as a Latin letter whatever the language
    /// prints ("a" for the Arabic "(أ)"), so that language versions compare.
    pub letter: String,
    /// The mark as printed: "(a)" in English and Chinese (also "（a）"),
    /// "a)" in French, Spanish and Russian, "(أ)" in Arabic.
    pub label: String,
    /// The title, without the letter.
    pub title: String,
    /// Marked "(continued)".
    pub continued: bool,
    /// Focus topics under the sub-item.
    pub topics: Vec<Topic>,
}

/// A focus topic and its bullet questions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// The focus line.
    pub text: String,
    /// The bullet questions, without bullets.
    pub questions: Vec<String>,
}

/// Anything in a slot that is not an agenda item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// The event line.
    pub text: String,
    /// Speakers listed under it (dash lines), without the dash.
    pub speakers: Vec<String>,
    /// Focus topics under it.
    pub topics: Vec<Topic>,
    /// Place among the slot's agenda items and events, from 0.
    pub position: u32,
}

/// A footnote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    /// The marker, e.g. "1".
    pub marker: String,
    /// The footnote's text.
    pub text: String,
    /// The page the text is printed on (1-based); null from plain text
    /// without page breaks.
    pub page: Option<u32>,
}

/// A document symbol referred to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// The symbol, e.g. `A/77/275`.
    pub symbol: String,
    /// The link on it, when the document has one.
    pub url: Option<String>,
}

/// The JSON Schema of [`Programme`], pretty-printed.
pub fn json_schema() -> String {
    // An identifier that names the model and its version (no web address is
    // promised).
    schema_json::<Programme>("urn:unprog:programme:schema-version-1", None)
}

/// The JSON Schema of a serialised type, pretty-printed, as unprog writes
/// its schemas: with `$id` (and a `description` when given), and only the
/// `format`s JSON Schema defines.
pub fn schema_json<T: JsonSchema>(id: &str, description: Option<&str>) -> String {
    let mut schema = schemars::schema_for!(T);
    schema.insert("$id".into(), id.into());
    if let Some(d) = description {
        schema.insert("description".into(), d.into());
    }
    if let Some(map) = schema.as_object_mut() {
        map.values_mut().for_each(drop_nonstandard_formats);
    }
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

/// Removes the `format`s that JSON Schema does not define (schemars writes
/// `uint32`, `double` and the like for number widths; `minimum` says what
/// matters).
fn drop_nonstandard_formats(value: &mut serde_json::Value) {
    const STANDARD: &[&str] = &["date", "time", "date-time", "uri", "email", "duration"];
    match value {
        serde_json::Value::Object(map) => {
            if map
                .get("format")
                .and_then(|f| f.as_str())
                .is_some_and(|f| !STANDARD.contains(&f))
            {
                map.remove("format");
            }
            map.values_mut().for_each(drop_nonstandard_formats);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(drop_nonstandard_formats),
        _ => {}
    }
}
