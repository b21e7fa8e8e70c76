//! The archive database of `unprog convert --sqlite FILE`: every programme
//! of a dataset in normalised SQLite tables, with a full-text index (FTS5)
//! and views for the common questions.
//!
//! A document is identified by its input path ([`Record::input`]): a
//! document converted again with the same sha256 and status is left as it
//! is ([`Database::unchanged`]), one whose bytes changed is replaced (its old
//! rows deleted by cascade), a new one added. Nothing is removed otherwise,
//! as in the dataset folder. The batch writes each chunk in one transaction
//! ([`Database::begin`], [`Database::commit`]): a run that is killed leaves
//! the database as the last committed chunk left it (SQLite's rollback
//! journal undoes the rest when the file is next opened).
//!
//! Hours per agenda item are computed by [`crate::hours::shares`], the rule
//! `compare` and `report` use, and stored per slot in `time_shares`; the
//! views `hours_per_agenda_item` and `hours_per_subject` add them up.
//!
//! Versions of one document: `base_symbol`, `revision` and `corrigendum`
//! are read from the symbol (`…/Rev.2`, `…/Corr.1`, `…/Rev.1/Corr.1`),
//! `revises` names the document it revises or corrects, and the view
//! `document_versions` links it (`revises_id`, same language) and marks the
//! latest revision of each symbol and language current (`is_current`).

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};
use unprog_parse::{Programme, Topic};

use crate::hours;
use crate::manifest::Status;

/// `PRAGMA application_id` of an unprog database ("unpr").
pub const APPLICATION_ID: i32 = 0x756e_7072;

/// `PRAGMA user_version`: the layout of the tables below. A database of
/// another layout is refused, not changed.
pub const LAYOUT_VERSION: i32 = 1;

/// What can go wrong with the database.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file cannot be opened or set up as a database.
    #[error("{}: cannot open as a database: {source}", path.display())]
    Open {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The file is a database, but not one unprog wrote.
    #[error("{}: a database unprog did not write (it has tables of its own); give another --sqlite file", path.display())]
    Foreign {
        /// The database file.
        path: PathBuf,
    },
    /// The file is an unprog database of another layout.
    #[error("{}: an unprog database of layout {found}, this version writes layout {LAYOUT_VERSION}; remove it (it is rebuilt from the dataset) or give another file", path.display())]
    Layout {
        /// The database file.
        path: PathBuf,
        /// Its layout version.
        found: i32,
    },
    /// A statement failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// One input of the batch, as the database records it (a failed input
/// too).
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

/// What [`Database::put`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Put {
    /// A document not in the database before.
    Added,
    /// A document whose earlier rows were replaced.
    Replaced,
}

/// An open archive database.
pub struct Database {
    conn: Connection,
    in_transaction: bool,
    /// The last `search_entries` id in the full-text index: entries after it
    /// are indexed in one statement (FTS5 flushes its buffer at every
    /// statement's savepoint, so one insert per entry costs many times more).
    indexed: i64,
}

/// The tables, indexes, triggers and views (layout [`LAYOUT_VERSION`]).
const SCHEMA: &str = r#"
CREATE TABLE documents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  input TEXT NOT NULL UNIQUE,
  file TEXT,
  json TEXT,
  sha256 TEXT,
  digest TEXT,
  status TEXT NOT NULL CHECK (status IN ('ok', 'warnings', 'failed')),
  error TEXT,
  kind TEXT CHECK (kind IN ('pdf', 'text')),
  pages INTEGER,
  symbol TEXT,
  base_symbol TEXT,
  revision INTEGER NOT NULL DEFAULT 0,
  corrigendum INTEGER NOT NULL DEFAULT 0,
  revises TEXT,
  language TEXT CHECK (language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
  issue_date TEXT,
  original_language TEXT CHECK (original_language IN ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
  title TEXT,
  body TEXT,
  session_ordinal INTEGER,
  session_name TEXT,
  session_start_date TEXT,
  session_end_date TEXT,
  session_venue TEXT,
  warning_count INTEGER NOT NULL DEFAULT 0,
  schema_version TEXT
);
CREATE INDEX documents_symbol ON documents (symbol);
CREATE INDEX documents_base_symbol ON documents (base_symbol, language, revision);
CREATE INDEX documents_language ON documents (language);
CREATE INDEX documents_session ON documents (session_ordinal);
CREATE INDEX documents_start_date ON documents (session_start_date);
CREATE INDEX documents_sha256 ON documents (sha256);

CREATE TABLE days (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  date TEXT,
  weekday TEXT,
  label TEXT NOT NULL,
  UNIQUE (document_id, number)
);
CREATE INDEX days_date ON days (date);

CREATE TABLE slots (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  day_id INTEGER NOT NULL REFERENCES days (id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  date TEXT,
  start_time TEXT,
  end_time TEXT,
  minutes INTEGER,
  label TEXT NOT NULL,
  room TEXT,
  UNIQUE (day_id, number)
);
CREATE INDEX slots_document ON slots (document_id);
CREATE INDEX slots_date ON slots (date);

CREATE TABLE agenda_items (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  slot_id INTEGER NOT NULL REFERENCES slots (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  number TEXT NOT NULL,
  title TEXT NOT NULL,
  continued INTEGER NOT NULL CHECK (continued IN (0, 1)),
  footnote_markers TEXT NOT NULL
);
CREATE INDEX agenda_items_slot ON agenda_items (slot_id);
CREATE INDEX agenda_items_document ON agenda_items (document_id, number);

CREATE TABLE sub_items (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  letter TEXT NOT NULL,
  label TEXT NOT NULL,
  title TEXT NOT NULL,
  continued INTEGER NOT NULL CHECK (continued IN (0, 1))
);
CREATE INDEX sub_items_agenda_item ON sub_items (agenda_item_id);
CREATE INDEX sub_items_document ON sub_items (document_id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  slot_id INTEGER NOT NULL REFERENCES slots (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX events_slot ON events (slot_id);
CREATE INDEX events_document ON events (document_id);

CREATE TABLE speakers (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  name TEXT NOT NULL
);
CREATE INDEX speakers_event ON speakers (event_id);
CREATE INDEX speakers_document ON speakers (document_id);

CREATE TABLE topics (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  slot_id INTEGER NOT NULL REFERENCES slots (id) ON DELETE CASCADE,
  agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE CASCADE,
  sub_item_id INTEGER REFERENCES sub_items (id) ON DELETE CASCADE,
  event_id INTEGER REFERENCES events (id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  text TEXT NOT NULL,
  CHECK ((agenda_item_id IS NOT NULL) + (sub_item_id IS NOT NULL) + (event_id IS NOT NULL) = 1)
);
CREATE INDEX topics_slot ON topics (slot_id);
CREATE INDEX topics_document ON topics (document_id);
CREATE INDEX topics_agenda_item ON topics (agenda_item_id);
CREATE INDEX topics_sub_item ON topics (sub_item_id);
CREATE INDEX topics_event ON topics (event_id);

CREATE TABLE questions (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX questions_topic ON questions (topic_id);
CREATE INDEX questions_document ON questions (document_id);

CREATE TABLE footnotes (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  marker TEXT NOT NULL,
  text TEXT NOT NULL,
  page INTEGER
);
CREATE INDEX footnotes_document ON footnotes (document_id);

CREATE TABLE "references" (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  symbol TEXT NOT NULL,
  url TEXT
);
CREATE INDEX references_document ON "references" (document_id);
CREATE INDEX references_symbol ON "references" (symbol);

CREATE TABLE warnings (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX warnings_document ON warnings (document_id);

CREATE TABLE time_shares (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  slot_id INTEGER NOT NULL REFERENCES slots (id) ON DELETE CASCADE,
  agenda_item TEXT,
  sub_item TEXT,
  minutes REAL NOT NULL
);
CREATE INDEX time_shares_slot ON time_shares (slot_id);
CREATE INDEX time_shares_document ON time_shares (document_id, agenda_item, sub_item);

CREATE TABLE search_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  slot_id INTEGER REFERENCES slots (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('title', 'agenda_item', 'sub_item', 'topic', 'question', 'event')),
  source_table TEXT NOT NULL,
  source_id INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX search_entries_document ON search_entries (document_id);
CREATE INDEX search_entries_slot ON search_entries (slot_id);

CREATE VIRTUAL TABLE search_fts USING fts5 (
  text,
  content = 'search_entries',
  content_rowid = 'id',
  tokenize = 'trigram'
);
CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
  INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE VIEW document_versions AS
SELECT d.id, d.symbol, d.language, d.base_symbol, d.revision, d.corrigendum, d.revises,
  (SELECT r.id FROM documents r
    WHERE r.symbol = d.revises AND r.language IS d.language AND r.status != 'failed'
    ORDER BY r.id LIMIT 1) AS revises_id,
  (d.status != 'failed' AND NOT EXISTS (
    SELECT 1 FROM documents e
    WHERE e.base_symbol = d.base_symbol AND e.language IS d.language
      AND e.status != 'failed' AND e.revision > d.revision)) AS is_current
FROM documents d;

CREATE VIEW current_documents AS
SELECT d.* FROM documents d JOIN document_versions v ON v.id = d.id WHERE v.is_current;

CREATE VIEW hours_per_subject AS
SELECT d.id AS document_id, d.symbol, d.language, d.session_ordinal, d.session_name,
  d.session_start_date, t.agenda_item, t.sub_item,
  SUM(t.minutes) / 60.0 AS hours, COUNT(DISTINCT t.slot_id) AS slots
FROM time_shares t JOIN documents d ON d.id = t.document_id
GROUP BY d.id, t.agenda_item, t.sub_item;

CREATE VIEW hours_per_agenda_item AS
SELECT d.id AS document_id, d.symbol, d.language, d.session_ordinal, d.session_name,
  d.session_start_date, t.agenda_item,
  SUM(t.minutes) / 60.0 AS hours, COUNT(DISTINCT t.slot_id) AS slots
FROM time_shares t JOIN documents d ON d.id = t.document_id
GROUP BY d.id, t.agenda_item;
"#;

impl Database {
    /// Opens the database at `path`, creating it (with its tables) when the
    /// file is missing or empty. A database of another program or of another
    /// layout is refused. Concurrent writers wait for each other's
    /// transactions (up to a minute).
    pub fn open(path: &Path) -> Result<Database, Error> {
        let open_err = |source| Error::Open {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(60))
            .map_err(open_err)?;
        conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")
            .map_err(open_err)?;
        let app: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(open_err)?;
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(open_err)?;
        if app != APPLICATION_ID {
            if tables > 0 {
                return Err(Error::Foreign {
                    path: path.to_path_buf(),
                });
            }
            conn.execute_batch(&format!(
                "BEGIN IMMEDIATE; {SCHEMA} PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {LAYOUT_VERSION}; COMMIT;"
            ))
            .map_err(open_err)?;
        }
        let found: i32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(open_err)?;
        if found != LAYOUT_VERSION {
            return Err(Error::Layout {
                path: path.to_path_buf(),
                found,
            });
        }
        Ok(Database {
            conn,
            in_transaction: false,
            indexed: 0,
        })
    }

    /// The connection, for queries.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Starts a transaction (a batch chunk); every [`put`](Self::put) until
    /// [`commit`](Self::commit) is written together or not at all.
    pub fn begin(&mut self) -> Result<(), Error> {
        if !self.in_transaction {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            self.in_transaction = true;
            self.indexed = self.conn.query_row(
                "SELECT coalesce(max(id), 0) FROM search_entries",
                [],
                |r| r.get(0),
            )?;
        }
        Ok(())
    }

    /// Commits the transaction [`begin`](Self::begin) started.
    pub fn commit(&mut self) -> Result<(), Error> {
        if self.in_transaction {
            self.index_pending()?;
            self.conn.execute_batch("COMMIT")?;
            self.in_transaction = false;
        }
        Ok(())
    }

    /// Adds the search entries written since the last time to the
    /// full-text index (ids only grow: `AUTOINCREMENT`).
    fn index_pending(&mut self) -> Result<(), Error> {
        self.conn.execute(
            "INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_entries WHERE id > ?1 ORDER BY id",
            [self.indexed],
        )?;
        self.indexed =
            self.conn
                .query_row("SELECT coalesce(max(id), 0) FROM search_entries", [], |r| {
                    r.get(0)
                })?;
        Ok(())
    }

    /// Removes every document (`--replace`), in one transaction.
    pub fn clear(&mut self) -> Result<(), Error> {
        self.begin()?;
        self.index_pending()?;
        self.conn
            .execute_batch("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")?;
        self.conn.execute_batch(
            "DROP TRIGGER search_entries_ad; DELETE FROM documents;
             CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
               INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', old.id, old.text);
             END;",
        )?;
        self.commit()
    }

    /// Whether the database holds this input already with the same sha256,
    /// status and digest (so that putting it again would change nothing).
    pub fn unchanged(&self, record: &Record<'_>) -> Result<bool, Error> {
        let row: Option<(Option<String>, String, Option<String>)> = self
            .conn
            .query_row(
                "SELECT sha256, status, digest FROM documents WHERE input = ?1",
                [record.input],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        Ok(row.is_some_and(|(sha, status, digest)| {
            record.sha256.is_some()
                && sha.as_deref() == record.sha256
                && status == status_name(record.status)
                && digest.as_deref() == record.digest
        }))
    }

    /// Writes one input: its document row and, for a converted one, every
    /// row of its programme, replacing what the database held for the same
    /// input. `programme` is `None` for a failed input.
    pub fn put(
        &mut self,
        record: &Record<'_>,
        programme: Option<&Programme>,
    ) -> Result<Put, Error> {
        let held: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM documents WHERE input = ?1",
                [record.input],
                |r| r.get(0),
            )
            .optional()?;
        let existed = held.is_some();
        if let Some(id) = held {
            // Its index entries go with its rows (the delete trigger), so
            // they must be in the index first.
            self.index_pending()?;
            self.conn
                .execute("DELETE FROM documents WHERE id = ?1", [id])?;
        }
        let symbol = programme.and_then(|p| p.symbol.as_deref());
        let version = symbol.map(Version::of);
        let pages = programme.map(|p| p.source.pages).or(record.pages);
        self.conn.execute(
            "INSERT INTO documents (input, file, json, sha256, digest, status, error, kind, pages,
               symbol, base_symbol, revision, corrigendum, revises, language, issue_date,
               original_language, title, body,
               session_ordinal, session_name, session_start_date, session_end_date,
               session_venue, warning_count, schema_version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
               ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
            params![
                record.input,
                record.file,
                record.json,
                record.sha256,
                record.digest,
                status_name(record.status),
                record.error,
                programme.map(|p| match p.source.kind {
                    unprog_parse::SourceKind::Pdf => "pdf",
                    unprog_parse::SourceKind::Text => "text",
                }),
                pages,
                symbol,
                version.as_ref().map(|v| v.base.as_str()),
                version.as_ref().map_or(0, |v| v.revision),
                version.as_ref().map_or(0, |v| v.corrigendum),
                version.as_ref().and_then(|v| v.revises.as_deref()),
                programme.map(|p| p.language.code()),
                programme.and_then(|p| p.issue_date.as_deref()),
                programme.and_then(|p| p.original_language.map(|l| l.code())),
                programme.and_then(|p| p.title.as_deref()),
                programme.and_then(|p| p.body.as_deref()),
                programme.and_then(|p| p.session.ordinal),
                programme.and_then(|p| p.session.name.as_deref()),
                programme.and_then(|p| p.session.start_date.as_deref()),
                programme.and_then(|p| p.session.end_date.as_deref()),
                programme.and_then(|p| p.session.venue.as_deref()),
                programme.map_or(0, |p| p.warnings.len() as i64),
                programme.map(|p| p.schema_version.as_str()),
            ],
        )?;
        let document = self.conn.last_insert_rowid();
        if let Some(p) = programme {
            Writer {
                conn: &self.conn,
                document,
            }
            .programme(p)?;
        }
        Ok(if existed { Put::Replaced } else { Put::Added })
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        // A transaction still open (an error stopped the batch) is rolled
        // back: the database stays as the last commit left it.
        if self.in_transaction {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::Warnings => "warnings",
        Status::Failed => "failed",
    }
}

/// The rows of one programme.
struct Writer<'c> {
    conn: &'c Connection,
    document: i64,
}

/// Where a topic hangs.
#[derive(Clone, Copy)]
enum Parent {
    AgendaItem(i64),
    SubItem(i64),
    Event(i64),
}

impl Writer<'_> {
    /// Runs an insert through the connection's statement cache (each
    /// statement is prepared once, not once per row).
    fn run(&self, sql: &str, params: impl rusqlite::Params) -> Result<(), Error> {
        self.conn.prepare_cached(sql)?.execute(params)?;
        Ok(())
    }

    fn programme(&self, p: &Programme) -> Result<(), Error> {
        let doc = self.document;
        if let Some(title) = p.title.as_deref().filter(|t| !t.is_empty()) {
            self.search(None, "title", "documents", doc, title)?;
        }
        for (d, day) in p.days.iter().enumerate() {
            self.run(
                "INSERT INTO days (document_id, number, date, weekday, label) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    doc,
                    rank(d),
                    day.date,
                    day.weekday.map(weekday_name),
                    day.label
                ],
            )?;
            let day_id = self.conn.last_insert_rowid();
            for (s, slot) in day.slots.iter().enumerate() {
                self.run(
                    "INSERT INTO slots (document_id, day_id, number, date, start_time, end_time, minutes, label, room)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![
                        doc,
                        day_id,
                        rank(s),
                        day.date,
                        slot.start,
                        slot.end,
                        hours::slot_minutes(slot),
                        slot.label,
                        slot.room
                    ],
                )?;
                let slot_id = self.conn.last_insert_rowid();
                self.slot(slot_id, slot)?;
            }
        }
        for (i, f) in p.footnotes.iter().enumerate() {
            self.run(
                "INSERT INTO footnotes (document_id, rank, marker, text, page) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![doc, rank(i), f.marker, f.text, f.page],
            )?;
        }
        for r in &p.references {
            self.run(
                r#"INSERT INTO "references" (document_id, symbol, url) VALUES (?1, ?2, ?3)"#,
                params![doc, r.symbol, r.url],
            )?;
        }
        for (i, w) in p.warnings.iter().enumerate() {
            self.run(
                "INSERT INTO warnings (document_id, rank, text) VALUES (?1, ?2, ?3)",
                params![doc, rank(i), w],
            )?;
        }
        Ok(())
    }

    fn slot(&self, slot_id: i64, slot: &unprog_parse::Slot) -> Result<(), Error> {
        let doc = self.document;
        for item in &slot.agenda_items {
            let markers = serde_json::to_string(&item.footnotes).unwrap_or_else(|_| "[]".into());
            self.run(
                "INSERT INTO agenda_items (document_id, slot_id, position, number, title, continued, footnote_markers)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    doc,
                    slot_id,
                    item.position,
                    item.number,
                    item.title,
                    item.continued,
                    markers
                ],
            )?;
            let item_id = self.conn.last_insert_rowid();
            if !item.title.is_empty() {
                self.search(
                    Some(slot_id),
                    "agenda_item",
                    "agenda_items",
                    item_id,
                    &item.title,
                )?;
            }
            for (i, sub) in item.sub_items.iter().enumerate() {
                self.run(
                    "INSERT INTO sub_items (document_id, agenda_item_id, rank, letter, label, title, continued)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        doc,
                        item_id,
                        rank(i),
                        sub.letter,
                        sub.label,
                        sub.title,
                        sub.continued
                    ],
                )?;
                let sub_id = self.conn.last_insert_rowid();
                if !sub.title.is_empty() {
                    self.search(Some(slot_id), "sub_item", "sub_items", sub_id, &sub.title)?;
                }
                self.topics(slot_id, Parent::SubItem(sub_id), &sub.topics)?;
            }
            self.topics(slot_id, Parent::AgendaItem(item_id), &item.topics)?;
        }
        for event in &slot.events {
            self.run(
                "INSERT INTO events (document_id, slot_id, position, text) VALUES (?1, ?2, ?3, ?4)",
                params![doc, slot_id, event.position, event.text],
            )?;
            let event_id = self.conn.last_insert_rowid();
            self.search(Some(slot_id), "event", "events", event_id, &event.text)?;
            for (i, name) in event.speakers.iter().enumerate() {
                self.run(
                    "INSERT INTO speakers (document_id, event_id, rank, name) VALUES (?1, ?2, ?3, ?4)",
                    params![doc, event_id, rank(i), name],
                )?;
            }
            self.topics(slot_id, Parent::Event(event_id), &event.topics)?;
        }
        for share in hours::shares(slot) {
            self.run(
                "INSERT INTO time_shares (document_id, slot_id, agenda_item, sub_item, minutes) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![doc, slot_id, share.subject.item, share.subject.sub_item, share.minutes],
            )?;
        }
        Ok(())
    }

    fn topics(&self, slot_id: i64, parent: Parent, topics: &[Topic]) -> Result<(), Error> {
        let (item, sub, event) = match parent {
            Parent::AgendaItem(id) => (Some(id), None, None),
            Parent::SubItem(id) => (None, Some(id), None),
            Parent::Event(id) => (None, None, Some(id)),
        };
        for (i, topic) in topics.iter().enumerate() {
            self.run(
                "INSERT INTO topics (document_id, slot_id, agenda_item_id, sub_item_id, event_id, rank, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![self.document, slot_id, item, sub, event, rank(i), topic.text],
            )?;
            let topic_id = self.conn.last_insert_rowid();
            self.search(Some(slot_id), "topic", "topics", topic_id, &topic.text)?;
            for (q, question) in topic.questions.iter().enumerate() {
                self.run(
                    "INSERT INTO questions (document_id, topic_id, rank, text) VALUES (?1, ?2, ?3, ?4)",
                    params![self.document, topic_id, rank(q), question],
                )?;
                let question_id = self.conn.last_insert_rowid();
                self.search(
                    Some(slot_id),
                    "question",
                    "questions",
                    question_id,
                    question,
                )?;
            }
        }
        Ok(())
    }

    fn search(
        &self,
        slot: Option<i64>,
        kind: &str,
        table: &str,
        id: i64,
        text: &str,
    ) -> Result<(), Error> {
        self.run(
            "INSERT INTO search_entries (document_id, slot_id, kind, source_table, source_id, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![self.document, slot, kind, table, id, text],
        )?;
        Ok(())
    }
}

/// A 0-based index as a 1-based rank.
fn rank(index: usize) -> i64 {
    i64::try_from(index).map_or(i64::MAX, |i| i.saturating_add(1))
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

/// A table or view and what each of its columns means (for Datasette's
/// `metadata.json`; a test checks every column of the database is here).
struct Described {
    name: &'static str,
    description: &'static str,
    columns: &'static [(&'static str, &'static str)],
}

const ID: (&str, &str) = ("id", "Row key.");
const DOC: (&str, &str) = ("document_id", "The document (documents.id).");

/// The columns of `documents` (and of the view `current_documents`).
const DOCUMENT_COLUMNS: &[(&str, &str)] = &[
            ("id", "Row key; never reused, so a replaced document gets a new one."),
            ("input", "The input path as given to unprog convert (the document's key: a re-run replaces the row when the file's sha256 changed)."),
            ("file", "The input's path below the folder it was found in."),
            ("json", "The document's JSON file in the dataset folder."),
            ("sha256", "SHA-256 of the input's bytes, lowercase hex."),
            ("digest", "SHA-256 of what was made of it (its programme's JSON, or its error): a re-run replaces the row when this changes too."),
            ("status", "ok, warnings (converted, see the warnings table) or failed."),
            ("error", "Why the input failed."),
            ("kind", "pdf, or text extracted by another tool."),
            ("pages", "Page count."),
            ("symbol", "The document symbol, e.g. A/AC.292/2024/INF/1."),
            ("base_symbol", "The symbol without its /Rev.N and /Corr.N parts: shared by the revisions and corrigenda of one document."),
            ("revision", "N of /Rev.N; 0 for the original."),
            ("corrigendum", "N of /Corr.N; 0 when not a corrigendum."),
            ("revises", "The symbol of the document this one revises or corrects."),
            ("language", "The document's language (ar, zh, en, fr, ru, es), detected from its text; the language versions of a document share its symbol."),
            ("issue_date", "The date the document was issued, from its masthead (ISO date)."),
            ("original_language", "The language the document was written in (\"Original: English\"): the others translate it."),
            ("title", "The document title, e.g. Provisional programme of work."),
            ("body", "The body that meets, e.g. the working group's name."),
            ("session_ordinal", "The session's number: 4 for the fourth substantive session."),
            ("session_name", "The session's name as printed."),
            ("session_start_date", "The session's first day (ISO date)."),
            ("session_end_date", "The session's last day (ISO date)."),
            ("session_venue", "Where the session meets, as printed."),
            ("warning_count", "How many warnings the parser gave (what it read but could not place)."),
            ("schema_version", "The programme model's schema version."),
        ];

/// The meaning of every table, view and column.
const DESCRIBED: &[Described] = &[
    Described {
        name: "documents",
        description: "One row per input of the batch: a converted programme of work, or an input that failed (status 'failed', with its error).",
        columns: DOCUMENT_COLUMNS,
    },
    Described {
        name: "days",
        description: "The days of each programme's timetable.",
        columns: &[
            ID,
            DOC,
            ("number", "Day number within the programme, from 1."),
            ("date", "ISO date."),
            ("weekday", "The weekday as printed, normalised (monday … sunday)."),
            ("label", "The date line as printed."),
        ],
    },
    Described {
        name: "slots",
        description: "Meetings: a time range of a day and its programme.",
        columns: &[
            ID,
            DOC,
            ("day_id", "The day (days.id)."),
            ("number", "Slot number within the day, from 1."),
            ("date", "The day's ISO date."),
            ("start_time", "Start time, 24-hour HH:MM."),
            ("end_time", "End time, 24-hour HH:MM."),
            ("minutes", "Length in minutes (null when a time is missing)."),
            ("label", "The time as printed."),
            ("room", "A room printed under the time."),
        ],
    },
    Described {
        name: "agenda_items",
        description: "Agenda items taken up in a slot.",
        columns: &[
            ID,
            DOC,
            ("slot_id", "The slot (slots.id)."),
            ("position", "Place among the slot's agenda items and events, from 0."),
            ("number", "The item number, e.g. 5."),
            ("title", "The item's title, without the Agenda item label."),
            ("continued", "1 when marked (continued)."),
            ("footnote_markers", "Footnote markers on the item's line, a JSON array."),
        ],
    },
    Described {
        name: "sub_items",
        description: "Sub-items (a)–(g) of an agenda item taken up in a slot.",
        columns: &[
            ID,
            DOC,
            ("agenda_item_id", "The agenda item (agenda_items.id)."),
            ("rank", "Order under the item, from 1."),
            ("letter", "The letter as a Latin letter whatever the language prints, so language versions compare."),
            ("label", "The mark as printed: (a), a), (أ)."),
            ("title", "The title, without the letter."),
            ("continued", "1 when marked (continued)."),
        ],
    },
    Described {
        name: "events",
        description: "Anything in a slot that is not an agenda item: opening, statements, informal or closed meetings.",
        columns: &[
            ID,
            DOC,
            ("slot_id", "The slot (slots.id)."),
            ("position", "Place among the slot's agenda items and events, from 0."),
            ("text", "The event line."),
        ],
    },
    Described {
        name: "speakers",
        description: "Speakers listed under an event.",
        columns: &[
            ID,
            DOC,
            ("event_id", "The event (events.id)."),
            ("rank", "Order under the event, from 1."),
            ("name", "The speaker line, without the dash."),
        ],
    },
    Described {
        name: "topics",
        description: "Focus topics, under an agenda item, a sub-item or an event (exactly one of the three).",
        columns: &[
            ID,
            DOC,
            ("slot_id", "The slot (slots.id)."),
            ("agenda_item_id", "The agenda item it is directly under."),
            ("sub_item_id", "The sub-item it is under."),
            ("event_id", "The event it is under."),
            ("rank", "Order under its parent, from 1."),
            ("text", "The focus line."),
        ],
    },
    Described {
        name: "questions",
        description: "The bullet questions of a focus topic.",
        columns: &[
            ID,
            DOC,
            ("topic_id", "The topic (topics.id)."),
            ("rank", "Order under the topic, from 1."),
            ("text", "The question, without its bullet."),
        ],
    },
    Described {
        name: "footnotes",
        description: "Footnotes of each document.",
        columns: &[
            ID,
            DOC,
            ("rank", "Order in the document, from 1."),
            ("marker", "The marker, e.g. 1."),
            ("text", "The footnote's text."),
            ("page", "The page it is printed on (null from text without page breaks)."),
        ],
    },
    Described {
        name: "references",
        description: "Document symbols each document refers to.",
        columns: &[
            ID,
            DOC,
            ("symbol", "The symbol referred to, e.g. A/77/275."),
            ("url", "The link on it, when the document has one."),
        ],
    },
    Described {
        name: "warnings",
        description: "What the parser read but could not place, each with its page.",
        columns: &[
            ID,
            DOC,
            ("rank", "Order in the document, from 1."),
            ("text", "The warning."),
        ],
    },
    Described {
        name: "time_shares",
        description: "How each slot's time divides among its subjects: the minutes shared equally among the slot's agenda items, then among an item's sub-items; a slot without agenda items counts as other (agenda_item null). The rule unprog compare and report use.",
        columns: &[
            ID,
            DOC,
            ("slot_id", "The slot (slots.id)."),
            ("agenda_item", "The agenda item number; null for other meetings."),
            ("sub_item", "The sub-item letter; null when the item lists none."),
            ("minutes", "Minutes (fractional when a slot is shared three ways)."),
        ],
    },
    Described {
        name: "search_entries",
        description: "Every searchable text: document titles, agenda item and sub-item titles, topics, questions and events; full-text indexed (search_fts, trigram: any language, substrings of three characters or more).",
        columns: &[
            ID,
            DOC,
            ("slot_id", "The slot the text is printed in (null for a document title)."),
            ("kind", "title, agenda_item, sub_item, topic, question or event."),
            ("source_table", "The table the text is from."),
            ("source_id", "Its row there (id)."),
            ("text", "The text."),
        ],
    },
    Described {
        name: "document_versions",
        description: "The versions of each document: revisions and corrigenda linked to the document they revise, and whether each is current (the latest revision of its symbol in its language, and the corrigenda of that revision).",
        columns: &[
            ("id", "The document (documents.id)."),
            ("symbol", "Its symbol."),
            ("language", "Its language."),
            ("base_symbol", "The symbol without /Rev.N and /Corr.N."),
            ("revision", "N of /Rev.N; 0 for the original."),
            ("corrigendum", "N of /Corr.N; 0 when not a corrigendum."),
            ("revises", "The symbol of the document it revises or corrects."),
            ("revises_id", "That document in the same language (documents.id), when the database holds it."),
            ("is_current", "1 when no later revision of the document in its language is held."),
        ],
    },
    Described {
        name: "current_documents",
        description: "The documents that are current (see document_versions): the programme of a session in each language, whatever revisions it went through.",
        columns: DOCUMENT_COLUMNS,
    },
    Described {
        name: "hours_per_subject",
        description: "Hours per agenda item and sub-item in each document (the time_shares rule, as unprog compare gives them).",
        columns: &[
            DOC,
            ("symbol", "The document's symbol."),
            ("language", "The document's language."),
            ("session_ordinal", "The session's number."),
            ("session_name", "The session's name."),
            ("session_start_date", "The session's first day."),
            ("agenda_item", "The agenda item number; null for other meetings."),
            ("sub_item", "The sub-item letter; null for the item's time outside sub-items."),
            ("hours", "Hours."),
            ("slots", "Slots it appears in."),
        ],
    },
    Described {
        name: "hours_per_agenda_item",
        description: "Hours per agenda item in each document, its sub-items added up (the time_shares rule, as unprog compare gives them).",
        columns: &[
            DOC,
            ("symbol", "The document's symbol."),
            ("language", "The document's language."),
            ("session_ordinal", "The session's number."),
            ("session_name", "The session's name."),
            ("session_start_date", "The session's first day."),
            ("agenda_item", "The agenda item number; null for other meetings."),
            ("hours", "Hours."),
            ("slots", "Slots it appears in."),
        ],
    },
];

/// Datasette's `metadata.json` for a database opened under the name
/// `database` (Datasette names a database after its file's stem): title,
/// description, each table's and column's meaning, the full-text search of
/// `search_entries` configured.
pub fn datasette_metadata(database: &str) -> String {
    use serde_json::{json, Map, Value};
    let mut tables = Map::new();
    for t in DESCRIBED {
        let columns: Map<String, Value> = t
            .columns
            .iter()
            .map(|(c, d)| ((*c).to_string(), Value::from(*d)))
            .collect();
        let mut table = json!({ "description": t.description, "columns": columns });
        if t.name == "search_entries" {
            table["fts_table"] = "search_fts".into();
            table["fts_pk"] = "id".into();
        }
        if t.name == "documents" {
            table["sort_desc"] = "session_start_date".into();
        }
        tables.insert(t.name.to_string(), table);
    }
    tables.insert(
        "search_fts".into(),
        json!({ "hidden": true, "description": "The full-text index of search_entries (FTS5, trigram tokenizer)." }),
    );
    let meta = json!({
        "title": "UN programmes of work",
        "description": "Provisional programmes of work of United Nations meetings, read from their PDFs by unprog: days, meetings, agenda items and sub-items, focus topics and their questions, events and speakers, footnotes and document references, in every language version held. Search titles, topics, questions and events in search_entries.",
        "source": "unprog convert --sqlite",
        "databases": { database: { "tables": tables } },
    });
    let mut s = serde_json::to_string_pretty(&meta).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("unprog-sqlite-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch");
        dir
    }

    fn fixture(name: &str) -> Programme {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/expected")
            .join(format!("{name}.json"));
        serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("programme")
    }

    fn record<'a>(input: &'a str, sha: &'a str) -> Record<'a> {
        Record {
            input,
            file: Some(input),
            json: None,
            sha256: Some(sha),
            status: Status::Ok,
            error: None,
            pages: None,
            digest: None,
        }
    }

    fn count(db: &Database, sql: &str) -> i64 {
        db.connection()
            .query_row(sql, [], |r| r.get(0))
            .expect("query")
    }

    #[test]
    fn symbols_tell_revisions_and_corrigenda() {
        let v = Version::of("A/AC.292/2024/INF/1");
        assert_eq!(
            (v.base.as_str(), v.revision, v.corrigendum),
            ("A/AC.292/2024/INF/1", 0, 0)
        );
        assert_eq!(v.revises, None);
        let v = Version::of("A/AC.292/2024/INF/1/Rev.1");
        assert_eq!((v.base.as_str(), v.revision), ("A/AC.292/2024/INF/1", 1));
        assert_eq!(v.revises.as_deref(), Some("A/AC.292/2024/INF/1"));
        let v = Version::of("A/AC.292/2024/INF/1/Rev.3");
        assert_eq!(v.revises.as_deref(), Some("A/AC.292/2024/INF/1/Rev.2"));
        let v = Version::of("A/AC.292/2024/INF/1/Rev.1/Corr.2");
        assert_eq!((v.revision, v.corrigendum), (1, 2));
        assert_eq!(v.base, "A/AC.292/2024/INF/1");
        assert_eq!(v.revises.as_deref(), Some("A/AC.292/2024/INF/1/Rev.1"));
        let v = Version::of("A/AC.292/2024/INF/1/CORR.1");
        assert_eq!(v.corrigendum, 1);
        assert_eq!(v.revises.as_deref(), Some("A/AC.292/2024/INF/1"));
        // Not version parts: a bare "Rev", a symbol that is only "Rev.1".
        assert_eq!(Version::of("A/Rev").revision, 0);
        assert_eq!(Version::of("Rev.1").revision, 0);
        assert_eq!(Version::of("A/Revue.1").revision, 0);
    }

    #[test]
    fn every_column_is_described_and_metadata_configures_search() {
        let dir = scratch("described");
        let db = Database::open(&dir.join("p.db")).expect("open");
        let conn = db.connection();
        let mut names: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'search_fts%' AND name NOT LIKE 'sqlite_%'")
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("names");
        names.sort();
        let mut described: Vec<String> = DESCRIBED.iter().map(|t| t.name.to_string()).collect();
        described.sort();
        assert_eq!(names, described);
        for t in DESCRIBED {
            let columns: Vec<String> = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{}')", t.name))
                .expect("prepare")
                .query_map([], |r| r.get(0))
                .expect("query")
                .collect::<Result<_, _>>()
                .expect("columns");
            let ours: Vec<&str> = t.columns.iter().map(|(c, _)| *c).collect();
            assert_eq!(columns, ours, "{}", t.name);
        }
        let meta: serde_json::Value = serde_json::from_str(&datasette_metadata("p")).expect("JSON");
        assert_eq!(
            meta["databases"]["p"]["tables"]["search_entries"]["fts_table"],
            "search_fts"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_document_put_again_replaces_its_rows_and_its_index_entries() {
        let dir = scratch("replace");
        let path = dir.join("p.db");
        let mut db = Database::open(&path).expect("open");
        let p = fixture("oewg-s4-en");
        db.begin().expect("begin");
        assert_eq!(
            db.put(&record("a.pdf", "1"), Some(&p)).expect("put"),
            Put::Added
        );
        db.commit().expect("commit");
        let rows = count(&db, "SELECT count(*) FROM search_entries");
        let questions = count(&db, "SELECT count(*) FROM questions");
        let want: usize = p
            .days
            .iter()
            .flat_map(|d| &d.slots)
            .flat_map(|s| {
                s.agenda_items
                    .iter()
                    .flat_map(|a| {
                        a.topics
                            .iter()
                            .chain(a.sub_items.iter().flat_map(|s| &s.topics))
                    })
                    .chain(s.events.iter().flat_map(|e| &e.topics))
            })
            .map(|t| t.questions.len())
            .sum();
        assert_eq!(questions as usize, want);
        assert!(db.unchanged(&record("a.pdf", "1")).expect("unchanged"));
        assert!(!db.unchanged(&record("a.pdf", "2")).expect("changed"));
        // Same bytes read differently (a newer parser): changed.
        let reread = Record {
            digest: Some("another reading"),
            ..record("a.pdf", "1")
        };
        assert!(!db.unchanged(&reread).expect("read differently"));
        assert!(!db.unchanged(&record("b.pdf", "1")).expect("new"));
        // Reopened (as the next run does): replaced by input, not added.
        drop(db);
        let mut db = Database::open(&path).expect("reopen");
        db.begin().expect("begin");
        assert_eq!(
            db.put(&record("a.pdf", "2"), Some(&p)).expect("put"),
            Put::Replaced
        );
        db.commit().expect("commit");
        assert_eq!(count(&db, "SELECT count(*) FROM documents"), 1);
        assert_eq!(count(&db, "SELECT count(*) FROM search_entries"), rows);
        assert_eq!(count(&db, "SELECT count(*) FROM questions"), questions);
        // The index lost the first version's entries with their rows.
        let hits = count(
            &db,
            r#"SELECT count(*) FROM search_fts WHERE search_fts MATCH '"capacity-building"'"#,
        );
        let direct = count(
            &db,
            "SELECT count(*) FROM search_entries WHERE text LIKE '%capacity-building%'",
        );
        assert!(hits > 0 && hits == direct, "{hits} {direct}");
        assert_eq!(
            count(&db, "SELECT count(*) FROM pragma_foreign_key_check"),
            0
        );
        db.connection()
            .execute_batch(
                "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)",
            )
            .expect("the index matches its entries");
        // The view's hours are compare's.
        let rows = crate::hours::by_subject(&[&p]);
        for (subject, hours) in rows {
            let got: f64 = db
                .connection()
                .query_row(
                    "SELECT hours FROM hours_per_subject WHERE agenda_item IS ?1 AND sub_item IS ?2",
                    params![subject.item, subject.sub_item],
                    |r| r.get(0),
                )
                .expect("row");
            assert!((got - hours[0]).abs() < 1e-9, "{}", subject.label());
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn revisions_are_linked_and_the_latest_is_current() {
        let dir = scratch("versions");
        let mut db = Database::open(&dir.join("p.db")).expect("open");
        let mut p = fixture("oewg-s4-en");
        db.begin().expect("begin");
        for (input, symbol) in [
            ("o.pdf", "A/X/1"),
            ("r1.pdf", "A/X/1/Rev.1"),
            ("c1.pdf", "A/X/1/Rev.1/Corr.1"),
            ("c0.pdf", "A/X/1/Corr.1"),
        ] {
            p.symbol = Some(symbol.into());
            db.put(&record(input, input), Some(&p)).expect("put");
        }
        db.commit().expect("commit");
        let current: Vec<String> = db
            .connection()
            .prepare("SELECT symbol FROM document_versions WHERE is_current ORDER BY symbol")
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(current, ["A/X/1/Rev.1", "A/X/1/Rev.1/Corr.1"]);
        let linked: String = db
            .connection()
            .query_row(
                "SELECT r.symbol FROM document_versions v JOIN documents r ON r.id = v.revises_id WHERE v.symbol = 'A/X/1/Rev.1/Corr.1'",
                [],
                |r| r.get(0),
            )
            .expect("linked");
        assert_eq!(linked, "A/X/1/Rev.1");
        assert_eq!(count(&db, "SELECT count(*) FROM current_documents"), 2);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_foreign_database_is_refused() {
        let dir = scratch("foreign");
        let path = dir.join("other.db");
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch("CREATE TABLE t (x)").expect("create");
        drop(conn);
        assert!(matches!(Database::open(&path), Err(Error::Foreign { .. })));
        let path = dir.join("old.db");
        drop(Database::open(&path).expect("ours"));
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch("PRAGMA user_version = 99").expect("set");
        drop(conn);
        assert!(matches!(
            Database::open(&path),
            Err(Error::Layout { found: 99, .. })
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
