//! The dataset as tidy tables: one model that the SQLite archive
//! ([`crate::sqlite`]), the Parquet files ([`crate::parquet`]) and the
//! per-table CSV files ([`crate::csv`]) all write, so their tables
//! and columns never drift apart.
//!
//! [`TABLES`] declares every table: its name, meaning and typed columns
//! (the SQLite layout's, in its order; a test checks the two agree, names,
//! order and nullability). [`Tables::build`] turns one input (its
//! [`Record`] and, when converted, its [`Programme`]) into rows: a row is
//! its cells after the `id`, and a key cell ([`Cell::Key`]) names a row of
//! the same document by table and index, so rows can be built anywhere (in
//! the batch's worker threads) and each writer gives them ids of its own:
//! SQLite its row ids, the file sets dense ones ([`Ids`]).

use unprog_parse::{Programme, Topic};

use crate::hours;
use crate::manifest::Status;

/// A table of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableId {
    /// One row per input.
    Documents,
    /// The days of a timetable.
    Days,
    /// Meetings (time slots).
    Slots,
    /// Agenda items taken up in a slot.
    AgendaItems,
    /// Sub-items of an agenda item.
    SubItems,
    /// Anything else in a slot.
    Events,
    /// Speakers of an event.
    Speakers,
    /// Focus topics.
    Topics,
    /// The questions of a topic.
    Questions,
    /// Footnotes.
    Footnotes,
    /// Document symbols referred to.
    References,
    /// The parser's warnings.
    Warnings,
    /// A slot's minutes per subject.
    TimeShares,
    /// Every searchable text.
    SearchEntries,
}

impl TableId {
    /// Every table, parents before children (the order rows are written in).
    pub const ALL: [TableId; 14] = [
        TableId::Documents,
        TableId::Days,
        TableId::Slots,
        TableId::AgendaItems,
        TableId::SubItems,
        TableId::Events,
        TableId::Speakers,
        TableId::Topics,
        TableId::Questions,
        TableId::Footnotes,
        TableId::References,
        TableId::Warnings,
        TableId::TimeShares,
        TableId::SearchEntries,
    ];

    /// Its declaration in [`TABLES`].
    pub fn table(self) -> &'static Table {
        &TABLES[self as usize]
    }

    /// Its name.
    pub fn name(self) -> &'static str {
        self.table().name
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// The row's own key (the first column of every table).
    Id,
    /// A row of another table (its `id`).
    Key(TableId),
    /// A row of the table another column names (`search_entries.source_id`).
    AnyKey,
    /// A whole number.
    Int,
    /// A fractional number.
    Real,
    /// True or false.
    Bool,
    /// Text.
    Text,
    /// An ISO date, `YYYY-MM-DD`.
    Date,
    /// A time of day, 24-hour `HH:MM`.
    Time,
    /// A list of texts.
    TextList,
}

/// A column of a table.
#[derive(Debug)]
pub struct Column {
    /// Its name.
    pub name: &'static str,
    /// What it holds.
    pub ty: Type,
    /// Whether it may be empty (null).
    pub nullable: bool,
    /// What it means.
    pub description: &'static str,
}

/// A table: its name, meaning and columns (`id` first).
#[derive(Debug)]
pub struct Table {
    /// Its name.
    pub name: &'static str,
    /// What a row is.
    pub description: &'static str,
    /// Its columns.
    pub columns: &'static [Column],
}

const fn col(name: &'static str, ty: Type, description: &'static str) -> Column {
    Column {
        name,
        ty,
        nullable: false,
        description,
    }
}

const fn opt(name: &'static str, ty: Type, description: &'static str) -> Column {
    Column {
        name,
        ty,
        nullable: true,
        description,
    }
}

const ID: Column = col("id", Type::Id, "Row key.");
const DOC: Column = col(
    "document_id",
    Type::Key(TableId::Documents),
    "The document (documents.id).",
);

/// The columns of `documents`.
pub const DOCUMENT_COLUMNS: &[Column] = &[
    col("id", Type::Id, "Row key; never reused in the database, so a replaced document gets a new one."),
    col("input", Type::Text, "The input path as given to unprog convert (the document's key: a re-run replaces the row when the file's sha256 changed)."),
    opt("file", Type::Text, "The input's path below the folder it was found in."),
    opt("json", Type::Text, "The document's JSON file in the dataset folder."),
    opt("sha256", Type::Text, "SHA-256 of the input's bytes, lowercase hex."),
    opt("digest", Type::Text, "SHA-256 of what was made of it (its programme's JSON, or its error): a re-run replaces the row when this changes too."),
    col("status", Type::Text, "ok, warnings (converted, see the warnings table) or failed."),
    opt("error", Type::Text, "Why the input failed."),
    opt("kind", Type::Text, "pdf, or text extracted by another tool."),
    opt("pages", Type::Int, "Page count."),
    opt("symbol", Type::Text, "The document symbol, e.g. A/AC.292/2024/INF/1."),
    opt("base_symbol", Type::Text, "The symbol without its /Rev.N and /Corr.N parts: shared by the revisions and corrigenda of one document."),
    col("revision", Type::Int, "N of /Rev.N; 0 for the original."),
    col("corrigendum", Type::Int, "N of /Corr.N; 0 when not a corrigendum."),
    opt("revises", Type::Text, "The symbol of the document this one revises or corrects."),
    opt("language", Type::Text, "The document's language (ar, zh, en, fr, ru, es), detected from its text; the language versions of a document share its symbol."),
    opt("issue_date", Type::Date, "The date the document was issued, from its masthead (ISO date)."),
    opt("original_language", Type::Text, "The language the document was written in (\"Original: English\"): the others translate it."),
    opt("title", Type::Text, "The document title, e.g. Provisional programme of work."),
    opt("body", Type::Text, "The body that meets, e.g. the working group's name."),
    opt("session_ordinal", Type::Int, "The session's number: 4 for the fourth substantive session."),
    opt("session_name", Type::Text, "The session's name as printed."),
    opt("session_start_date", Type::Date, "The session's first day (ISO date)."),
    opt("session_end_date", Type::Date, "The session's last day (ISO date)."),
    opt("session_venue", Type::Text, "Where the session meets, as printed."),
    col("warning_count", Type::Int, "How many warnings the parser gave (what it read but could not place)."),
    opt("schema_version", Type::Text, "The programme model's schema version."),
];

/// Every table, in [`TableId`] order.
pub const TABLES: &[Table] = &[
    Table {
        name: "documents",
        description: "One row per input of the batch: a converted programme of work, or an input that failed (status 'failed', with its error).",
        columns: DOCUMENT_COLUMNS,
    },
    Table {
        name: "days",
        description: "The days of each programme's timetable.",
        columns: &[
            ID,
            DOC,
            col("number", Type::Int, "Day number within the programme, from 1."),
            opt("date", Type::Date, "ISO date."),
            opt("weekday", Type::Text, "The weekday as printed, normalised (monday … sunday)."),
            col("label", Type::Text, "The date line as printed."),
        ],
    },
    Table {
        name: "slots",
        description: "Meetings: a time range of a day and its programme.",
        columns: &[
            ID,
            DOC,
            col("day_id", Type::Key(TableId::Days), "The day (days.id)."),
            col("number", Type::Int, "Slot number within the day, from 1."),
            opt("date", Type::Date, "The day's ISO date."),
            opt("start_time", Type::Time, "Start time, 24-hour HH:MM."),
            opt("end_time", Type::Time, "End time, 24-hour HH:MM."),
            opt("minutes", Type::Int, "Length in minutes (null when a time is missing)."),
            col("label", Type::Text, "The time as printed."),
            opt("room", Type::Text, "A room printed under the time."),
        ],
    },
    Table {
        name: "agenda_items",
        description: "Agenda items taken up in a slot.",
        columns: &[
            ID,
            DOC,
            col("slot_id", Type::Key(TableId::Slots), "The slot (slots.id)."),
            col("position", Type::Int, "Place among the slot's agenda items and events, from 0."),
            col("number", Type::Text, "The item number, e.g. 5."),
            col("title", Type::Text, "The item's title, without the Agenda item label."),
            col("continued", Type::Bool, "1 (true) when marked (continued)."),
            col("footnote_markers", Type::TextList, "Footnote markers on the item's line (in SQLite a JSON array)."),
        ],
    },
    Table {
        name: "sub_items",
        description: "Sub-items (a)–(g) of an agenda item taken up in a slot.",
        columns: &[
            ID,
            DOC,
            col("agenda_item_id", Type::Key(TableId::AgendaItems), "The agenda item (agenda_items.id)."),
            col("rank", Type::Int, "Order under the item, from 1."),
            col("letter", Type::Text, "The letter as a Latin letter whatever the language prints, so language versions compare."),
            col("label", Type::Text, "The mark as printed: (a), a), (أ)."),
            col("title", Type::Text, "The title, without the letter."),
            col("continued", Type::Bool, "1 (true) when marked (continued)."),
        ],
    },
    Table {
        name: "events",
        description: "Anything in a slot that is not an agenda item: opening, statements, informal or closed meetings.",
        columns: &[
            ID,
            DOC,
            col("slot_id", Type::Key(TableId::Slots), "The slot (slots.id)."),
            col("position", Type::Int, "Place among the slot's agenda items and events, from 0."),
            col("text", Type::Text, "The event line."),
        ],
    },
    Table {
        name: "speakers",
        description: "Speakers listed under an event.",
        columns: &[
            ID,
            DOC,
            col("event_id", Type::Key(TableId::Events), "The event (events.id)."),
            col("rank", Type::Int, "Order under the event, from 1."),
            col("name", Type::Text, "The speaker line, without the dash."),
        ],
    },
    Table {
        name: "topics",
        description: "Focus topics, under an agenda item, a sub-item or an event (exactly one of the three).",
        columns: &[
            ID,
            DOC,
            col("slot_id", Type::Key(TableId::Slots), "The slot (slots.id)."),
            opt("agenda_item_id", Type::Key(TableId::AgendaItems), "The agenda item it is directly under."),
            opt("sub_item_id", Type::Key(TableId::SubItems), "The sub-item it is under."),
            opt("event_id", Type::Key(TableId::Events), "The event it is under."),
            col("rank", Type::Int, "Order under its parent, from 1."),
            col("text", Type::Text, "The focus line."),
        ],
    },
    Table {
        name: "questions",
        description: "The bullet questions of a focus topic.",
        columns: &[
            ID,
            DOC,
            col("topic_id", Type::Key(TableId::Topics), "The topic (topics.id)."),
            col("rank", Type::Int, "Order under the topic, from 1."),
            col("text", Type::Text, "The question, without its bullet."),
        ],
    },
    Table {
        name: "footnotes",
        description: "Footnotes of each document.",
        columns: &[
            ID,
            DOC,
            col("rank", Type::Int, "Order in the document, from 1."),
            col("marker", Type::Text, "The marker, e.g. 1."),
            col("text", Type::Text, "The footnote's text."),
            opt("page", Type::Int, "The page it is printed on (null from text without page breaks)."),
        ],
    },
    Table {
        name: "references",
        description: "Document symbols each document refers to.",
        columns: &[
            ID,
            DOC,
            col("symbol", Type::Text, "The symbol referred to, e.g. A/77/275."),
            opt("url", Type::Text, "The link on it, when the document has one."),
        ],
    },
    Table {
        name: "warnings",
        description: "What the parser read but could not place, each with its page.",
        columns: &[
            ID,
            DOC,
            col("rank", Type::Int, "Order in the document, from 1."),
            col("text", Type::Text, "The warning."),
        ],
    },
    Table {
        name: "time_shares",
        description: "How each slot's time divides among its subjects: the minutes shared equally among the slot's agenda items, then among an item's sub-items; a slot without agenda items counts as other (agenda_item null). The rule unprog compare and report use.",
        columns: &[
            ID,
            DOC,
            col("slot_id", Type::Key(TableId::Slots), "The slot (slots.id)."),
            opt("agenda_item", Type::Text, "The agenda item number; null for other meetings."),
            opt("sub_item", Type::Text, "The sub-item letter; null when the item lists none."),
            col("minutes", Type::Real, "Minutes (fractional when a slot is shared three ways)."),
        ],
    },
    Table {
        name: "search_entries",
        description: "Every searchable text: document titles, agenda item and sub-item titles, topics, questions and events; in the database full-text indexed (search_fts, trigram: any language, substrings of three characters or more).",
        columns: &[
            ID,
            DOC,
            opt("slot_id", Type::Key(TableId::Slots), "The slot the text is printed in (null for a document title)."),
            col("kind", Type::Text, "title, agenda_item, sub_item, topic, question or event."),
            col("source_table", Type::Text, "The table the text is from."),
            col("source_id", Type::AnyKey, "Its row there (id)."),
            col("text", Type::Text, "The text."),
        ],
    },
];

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing (null).
    Null,
    /// A whole number ([`Type::Int`]).
    Int(i64),
    /// A fractional number ([`Type::Real`]).
    Real(f64),
    /// A boolean ([`Type::Bool`]).
    Bool(bool),
    /// Text, an ISO date or an `HH:MM` time ([`Type::Text`], [`Type::Date`],
    /// [`Type::Time`]).
    Text(String),
    /// A list of texts ([`Type::TextList`]).
    List(Vec<String>),
    /// The row of `table` at this index among the document's rows of that
    /// table ([`Type::Key`], [`Type::AnyKey`]; the document itself is
    /// `Key(Documents, 0)`).
    Key(TableId, usize),
}

impl Cell {
    fn text(s: Option<&str>) -> Cell {
        s.map_or(Cell::Null, |s| Cell::Text(s.to_string()))
    }

    fn int(n: Option<impl Into<i64>>) -> Cell {
        n.map_or(Cell::Null, |n| Cell::Int(n.into()))
    }
}

/// One input of the batch, as the tables record it (a failed input too).
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    /// The input path as given (the manifest's `input`): the document's key.
    pub input: &'a str,
    /// The input's path below the folder it was found in.
    pub file: Option<&'a str>,
    /// Its JSON file in the dataset folder.
    pub json: Option<&'a str>,
    /// SHA-256 of the input's bytes.
    pub sha256: Option<&'a str>,
    /// How it fared.
    pub status: Status,
    /// Why it failed.
    pub error: Option<&'a str>,
    /// Page count (when it failed, what the manifest knows).
    pub pages: Option<u32>,
    /// A digest of what was made of the input (the SHA-256 of its
    /// programme's JSON, or of its error): a file of the same sha256 read
    /// differently (by a newer unprog) is replaced too.
    pub digest: Option<&'a str>,
}

/// The rows of one input, per table: each row its cells after the `id`,
/// in the table's column order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tables {
    rows: [Vec<Vec<Cell>>; TableId::ALL.len()],
}

/// The document's own key cell.
const THIS: Cell = Cell::Key(TableId::Documents, 0);

impl Tables {
    /// The rows of one input: its `documents` row and, for a converted one,
    /// every row of its programme.
    pub fn build(record: &Record<'_>, programme: Option<&Programme>) -> Tables {
        let mut t = Tables::default();
        t.document(record, programme);
        if let Some(p) = programme {
            t.programme(p);
        }
        t
    }

    /// The rows of `table`.
    pub fn rows(&self, table: TableId) -> &[Vec<Cell>] {
        &self.rows[table as usize]
    }

    fn push(&mut self, table: TableId, cells: Vec<Cell>) -> usize {
        let rows = &mut self.rows[table as usize];
        rows.push(cells);
        rows.len() - 1
    }

    fn document(&mut self, r: &Record<'_>, p: Option<&Programme>) {
        let version = p.and_then(|p| p.symbol.as_deref()).map(Version::of);
        let pages = p.map(|p| p.source.pages).or(r.pages);
        let cells = vec![
            Cell::Text(r.input.to_string()),
            Cell::text(r.file),
            Cell::text(r.json),
            Cell::text(r.sha256),
            Cell::text(r.digest),
            Cell::Text(status_name(r.status).into()),
            Cell::text(r.error),
            Cell::text(p.map(|p| match p.source.kind {
                unprog_parse::SourceKind::Pdf => "pdf",
                unprog_parse::SourceKind::Text => "text",
            })),
            Cell::int(pages),
            Cell::text(p.and_then(|p| p.symbol.as_deref())),
            Cell::text(version.as_ref().map(|v| v.base.as_str())),
            Cell::Int(version.as_ref().map_or(0, |v| v.revision.into())),
            Cell::Int(version.as_ref().map_or(0, |v| v.corrigendum.into())),
            Cell::text(version.as_ref().and_then(|v| v.revises.as_deref())),
            Cell::text(p.map(|p| p.language.code())),
            Cell::text(p.and_then(|p| p.issue_date.as_deref())),
            Cell::text(p.and_then(|p| p.original_language.map(|l| l.code()))),
            Cell::text(p.and_then(|p| p.title.as_deref())),
            Cell::text(p.and_then(|p| p.body.as_deref())),
            Cell::int(p.and_then(|p| p.session.ordinal)),
            Cell::text(p.and_then(|p| p.session.name.as_deref())),
            Cell::text(p.and_then(|p| p.session.start_date.as_deref())),
            Cell::text(p.and_then(|p| p.session.end_date.as_deref())),
            Cell::text(p.and_then(|p| p.session.venue.as_deref())),
            Cell::Int(p.map_or(0, |p| count(p.warnings.len()))),
            Cell::text(p.map(|p| p.schema_version.as_str())),
        ];
        self.push(TableId::Documents, cells);
    }

    fn search(
        &mut self,
        slot: Option<usize>,
        kind: &str,
        source: TableId,
        index: usize,
        text: &str,
    ) {
        if text.is_empty() {
            return;
        }
        self.push(
            TableId::SearchEntries,
            vec![
                THIS,
                slot.map_or(Cell::Null, |s| Cell::Key(TableId::Slots, s)),
                Cell::Text(kind.into()),
                Cell::Text(source.name().into()),
                Cell::Key(source, index),
                Cell::Text(text.into()),
            ],
        );
    }

    fn programme(&mut self, p: &Programme) {
        if let Some(title) = p.title.as_deref() {
            self.search(None, "title", TableId::Documents, 0, title);
        }
        for (d, day) in p.days.iter().enumerate() {
            let day_id = self.push(
                TableId::Days,
                vec![
                    THIS,
                    Cell::Int(rank(d)),
                    Cell::text(day.date.as_deref()),
                    Cell::text(day.weekday.map(weekday_name)),
                    Cell::Text(day.label.clone()),
                ],
            );
            for (s, slot) in day.slots.iter().enumerate() {
                let slot_id = self.push(
                    TableId::Slots,
                    vec![
                        THIS,
                        Cell::Key(TableId::Days, day_id),
                        Cell::Int(rank(s)),
                        Cell::text(day.date.as_deref()),
                        Cell::text(slot.start.as_deref()),
                        Cell::text(slot.end.as_deref()),
                        Cell::int(hours::slot_minutes(slot)),
                        Cell::Text(slot.label.clone()),
                        Cell::text(slot.room.as_deref()),
                    ],
                );
                self.slot(slot_id, slot);
            }
        }
        for (i, f) in p.footnotes.iter().enumerate() {
            self.push(
                TableId::Footnotes,
                vec![
                    THIS,
                    Cell::Int(rank(i)),
                    Cell::Text(f.marker.clone()),
                    Cell::Text(f.text.clone()),
                    Cell::int(f.page),
                ],
            );
        }
        for r in &p.references {
            self.push(
                TableId::References,
                vec![
                    THIS,
                    Cell::Text(r.symbol.clone()),
                    Cell::text(r.url.as_deref()),
                ],
            );
        }
        for (i, w) in p.warnings.iter().enumerate() {
            self.push(
                TableId::Warnings,
                vec![THIS, Cell::Int(rank(i)), Cell::Text(w.clone())],
            );
        }
    }

    fn slot(&mut self, slot_id: usize, slot: &unprog_parse::Slot) {
        let slot_key = Cell::Key(TableId::Slots, slot_id);
        for item in &slot.agenda_items {
            let item_id = self.push(
                TableId::AgendaItems,
                vec![
                    THIS,
                    slot_key.clone(),
                    Cell::Int(item.position.into()),
                    Cell::Text(item.number.clone()),
                    Cell::Text(item.title.clone()),
                    Cell::Bool(item.continued),
                    Cell::List(item.footnotes.clone()),
                ],
            );
            self.search(
                Some(slot_id),
                "agenda_item",
                TableId::AgendaItems,
                item_id,
                &item.title,
            );
            for (i, sub) in item.sub_items.iter().enumerate() {
                let sub_id = self.push(
                    TableId::SubItems,
                    vec![
                        THIS,
                        Cell::Key(TableId::AgendaItems, item_id),
                        Cell::Int(rank(i)),
                        Cell::Text(sub.letter.clone()),
                        Cell::Text(sub.label.clone()),
                        Cell::Text(sub.title.clone()),
                        Cell::Bool(sub.continued),
                    ],
                );
                self.search(
                    Some(slot_id),
                    "sub_item",
                    TableId::SubItems,
                    sub_id,
                    &sub.title,
                );
                self.topics(slot_id, TableId::SubItems, sub_id, &sub.topics);
            }
            self.topics(slot_id, TableId::AgendaItems, item_id, &item.topics);
        }
        for event in &slot.events {
            let event_id = self.push(
                TableId::Events,
                vec![
                    THIS,
                    slot_key.clone(),
                    Cell::Int(event.position.into()),
                    Cell::Text(event.text.clone()),
                ],
            );
            self.search(
                Some(slot_id),
                "event",
                TableId::Events,
                event_id,
                &event.text,
            );
            for (i, name) in event.speakers.iter().enumerate() {
                self.push(
                    TableId::Speakers,
                    vec![
                        THIS,
                        Cell::Key(TableId::Events, event_id),
                        Cell::Int(rank(i)),
                        Cell::Text(name.clone()),
                    ],
                );
            }
            self.topics(slot_id, TableId::Events, event_id, &event.topics);
        }
        for share in hours::shares(slot) {
            self.push(
                TableId::TimeShares,
                vec![
                    THIS,
                    slot_key.clone(),
                    Cell::text(share.subject.item.as_deref()),
                    Cell::text(share.subject.sub_item.as_deref()),
                    Cell::Real(share.minutes),
                ],
            );
        }
    }

    /// The topics under one parent (an agenda item, a sub-item or an event).
    fn topics(&mut self, slot_id: usize, parent: TableId, parent_id: usize, topics: &[Topic]) {
        let under = |table: TableId| {
            if table == parent {
                Cell::Key(parent, parent_id)
            } else {
                Cell::Null
            }
        };
        for (i, topic) in topics.iter().enumerate() {
            let topic_id = self.push(
                TableId::Topics,
                vec![
                    THIS,
                    Cell::Key(TableId::Slots, slot_id),
                    under(TableId::AgendaItems),
                    under(TableId::SubItems),
                    under(TableId::Events),
                    Cell::Int(rank(i)),
                    Cell::Text(topic.text.clone()),
                ],
            );
            self.search(
                Some(slot_id),
                "topic",
                TableId::Topics,
                topic_id,
                &topic.text,
            );
            for (q, question) in topic.questions.iter().enumerate() {
                let question_id = self.push(
                    TableId::Questions,
                    vec![
                        THIS,
                        Cell::Key(TableId::Topics, topic_id),
                        Cell::Int(rank(q)),
                        Cell::Text(question.clone()),
                    ],
                );
                self.search(
                    Some(slot_id),
                    "question",
                    TableId::Questions,
                    question_id,
                    question,
                );
            }
        }
    }
}

/// Dense ids for a file set written from the whole dataset: each table's
/// rows numbered from 1 in the order they are written, a key cell turned
/// into the id its row got.
#[derive(Debug, Clone, Default)]
pub struct Ids {
    /// Rows of each table written before the current document.
    before: [i64; TableId::ALL.len()],
}

impl Ids {
    /// The id of the current document's row `index` of `table`.
    pub fn id(&self, table: TableId, index: usize) -> i64 {
        self.before[table as usize]
            .saturating_add(count(index))
            .saturating_add(1)
    }

    /// Moves past a document's rows (call after writing them).
    pub fn advance(&mut self, tables: &Tables) {
        for t in TableId::ALL {
            let n = count(tables.rows(t).len());
            self.before[t as usize] = self.before[t as usize].saturating_add(n);
        }
    }
}

/// The name a status has in the tables.
pub fn status_name(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::Warnings => "warnings",
        Status::Failed => "failed",
    }
}

/// A length as a row count.
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A 0-based index as a 1-based rank.
fn rank(index: usize) -> i64 {
    count(index).saturating_add(1)
}

fn weekday_name(w: unprog_parse::Weekday) -> &'static str {
    use unprog_parse::Weekday::*;
    match w {
        Monday => "monday",
        Tuesday => "tuesday",
        Wednesday => "wednesday",
        Thursday => "thursday",
        Friday => "friday",
        Saturday => "saturday",
        Sunday => "sunday",
    }
}

/// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`); `None` when it is
/// not one.
pub fn epoch_days(date: &str) -> Option<i32> {
    let mut parts = date.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i32::try_from(era * 146_097 + doe - 719_468).ok()
}

/// What a document symbol says of the version it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// The symbol without its `/Rev.N` and `/Corr.N` parts.
    pub base: String,
    /// N of `/Rev.N`; 0 for the original.
    pub revision: u32,
    /// N of `/Corr.N`; 0 when it is not a corrigendum.
    pub corrigendum: u32,
    /// The symbol of the document it revises (`X/Rev.2` → `X/Rev.1`,
    /// `X/Rev.1` → `X`) or corrects (`X/Rev.1/Corr.2` → `X/Rev.1`).
    pub revises: Option<String>,
}

impl Version {
    /// Reads a symbol's trailing `Rev.N` and `Corr.N` parts (any case, with
    /// or without the period).
    pub fn of(symbol: &str) -> Version {
        fn number(part: &str, prefix: &str) -> Option<u32> {
            let head = part.get(..prefix.len())?;
            if !head.eq_ignore_ascii_case(prefix) {
                return None;
            }
            let rest = part.get(prefix.len()..)?;
            let rest = rest.strip_prefix('.').unwrap_or(rest).trim();
            (!rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
                .then(|| rest.parse().ok())
                .flatten()
        }
        let mut parts: Vec<&str> = symbol.split('/').collect();
        let mut corrigendum = 0;
        let mut revision = 0;
        if parts.len() > 1 {
            if let Some(n) = parts.last().and_then(|p| number(p, "corr")) {
                corrigendum = n;
                parts.pop();
            }
        }
        let corrected = parts.join("/");
        if parts.len() > 1 {
            if let Some(n) = parts.last().and_then(|p| number(p, "rev")) {
                revision = n;
                parts.pop();
            }
        }
        let base = parts.join("/");
        let revises = if corrigendum > 0 {
            Some(corrected)
        } else if revision > 1 {
            Some(format!("{base}/Rev.{}", revision - 1))
        } else if revision == 1 {
            Some(base.clone())
        } else {
            None
        };
        Version {
            base,
            revision,
            corrigendum,
            revises,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Programme {
        let path = format!(
            "{}/../../fixtures/expected/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("programme")
    }

    #[test]
    fn tables_are_declared_in_id_order_with_an_id_first() {
        assert_eq!(TABLES.len(), TableId::ALL.len());
        for t in TableId::ALL {
            let table = t.table();
            assert_eq!(table.columns[0].ty, Type::Id, "{}", table.name);
            assert_eq!(table.columns[0].name, "id");
            for c in table.columns {
                if let Type::Key(parent) = c.ty {
                    assert!(parent < t, "{}.{} points forwards", table.name, c.name);
                }
            }
        }
    }

    #[test]
    fn every_cell_has_its_columns_type_and_keys_point_at_rows() {
        let p = fixture("oewg-s4-en");
        let record = Record {
            input: "a.pdf",
            file: Some("a.pdf"),
            json: Some("a.json"),
            sha256: Some("00"),
            status: Status::Ok,
            error: None,
            pages: None,
            digest: None,
        };
        let t = Tables::build(&record, Some(&p));
        assert_eq!(t.rows(TableId::Documents).len(), 1);
        assert!(!t.rows(TableId::Questions).is_empty());
        for id in TableId::ALL {
            let columns = &id.table().columns[1..];
            for row in t.rows(id) {
                assert_eq!(row.len(), columns.len(), "{}", id.name());
                for (cell, c) in row.iter().zip(columns) {
                    let fits = match (cell, c.ty) {
                        (Cell::Null, _) => c.nullable,
                        (Cell::Int(_), Type::Int) | (Cell::Real(_), Type::Real) => true,
                        (Cell::Bool(_), Type::Bool) | (Cell::List(_), Type::TextList) => true,
                        (Cell::Text(_), Type::Text) => true,
                        (Cell::Text(s), Type::Date) => epoch_days(s).is_some(),
                        (Cell::Text(s), Type::Time) => hours::clock_minutes(s).is_some(),
                        (Cell::Key(k, i), Type::Key(want)) => *k == want && *i < t.rows(*k).len(),
                        (Cell::Key(k, i), Type::AnyKey) => *i < t.rows(*k).len(),
                        _ => false,
                    };
                    assert!(fits, "{}.{}: {cell:?}", id.name(), c.name);
                }
            }
        }
    }

    #[test]
    fn dense_ids_run_on_across_documents() {
        let p = fixture("oewg-s4-en");
        let record = Record {
            input: "a.pdf",
            file: None,
            json: None,
            sha256: None,
            status: Status::Ok,
            error: None,
            pages: None,
            digest: None,
        };
        let t = Tables::build(&record, Some(&p));
        let mut ids = Ids::default();
        assert_eq!(ids.id(TableId::Slots, 0), 1);
        ids.advance(&t);
        let slots = t.rows(TableId::Slots).len() as i64;
        assert_eq!(ids.id(TableId::Slots, 0), slots + 1);
        assert_eq!(ids.id(TableId::Documents, 0), 2);
    }

    #[test]
    fn iso_dates_count_days_from_1970() {
        assert_eq!(epoch_days("1970-01-01"), Some(0));
        assert_eq!(epoch_days("2024-03-01"), Some(19783));
        assert_eq!(epoch_days("2000-02-29"), Some(11016));
        assert_eq!(epoch_days("2024-13-01"), None);
        assert_eq!(epoch_days("soon"), None);
    }
}
