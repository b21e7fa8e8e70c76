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

use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{Connection, OptionalExtension};
use unprog_parse::Programme;

use crate::tables::{status_name, Cell, Table, TableId, Tables, TABLES};
pub use crate::tables::{Record, Version};

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
    /// A row's key names a row its document does not have (a bug in the
    /// tables' making).
    #[error("database: a {table} row its document does not have")]
    Key {
        /// The table the key points into.
        table: &'static str,
    },
    /// A statement failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
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
    /// Each table's insert statement, in [`TableId`] order.
    inserts: Vec<String>,
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
            inserts: TABLES.iter().map(insert_sql).collect(),
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
        Ok(matches!(self.held(record)?, Held::Same))
    }

    /// What the database holds of this input: nothing, the same, or an
    /// earlier reading (its row id). One lookup by `input`.
    fn held(&self, record: &Record<'_>) -> Result<Held, Error> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, sha256, status, digest FROM documents WHERE input = ?1")?;
        let row: Option<(i64, Option<String>, String, Option<String>)> = stmt
            .query_row([record.input], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?;
        Ok(match row {
            None => Held::Nothing,
            Some((_, sha, status, digest))
                if record.sha256.is_some()
                    && sha.as_deref() == record.sha256
                    && status == status_name(record.status)
                    && digest.as_deref() == record.digest =>
            {
                Held::Same
            }
            Some((id, ..)) => Held::Earlier(id),
        })
    }

    /// Writes one input: its document row and, for a converted one, every
    /// row of its programme, replacing what the database held for the same
    /// input. `programme` is `None` for a failed input.
    pub fn put(
        &mut self,
        record: &Record<'_>,
        programme: Option<&Programme>,
    ) -> Result<Put, Error> {
        self.put_tables(record.input, &Tables::build(record, programme))
    }

    /// Writes one input's rows ([`Tables::build`], made beforehand, e.g. in
    /// a worker thread), replacing what the database held for `input` (the
    /// `input` of its `documents` row).
    pub fn put_tables(&mut self, input: &str, tables: &Tables) -> Result<Put, Error> {
        let held: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM documents WHERE input = ?1")?
            .query_row([input], |r| r.get(0))
            .optional()?;
        self.replace(held, tables)
    }

    /// Writes a chunk of inputs in one transaction (the batch's chunk: a
    /// run killed later leaves the database as this chunk left it): each
    /// input's rows (`tables`, [`Tables::build`] of its record), unless the
    /// database holds it unchanged ([`Database::unchanged`]: `None`),
    /// replacing an earlier reading. What was done to each, in order.
    ///
    /// When every input is new to the database (a first run, the new files
    /// of a grown folder), the transaction runs without foreign-key checks
    /// (a parent lookup for every key of every row): the keys are the ids
    /// the same call just gave the parent rows, and nothing is deleted, so
    /// the checks could not fail nor cascade. The rows written are the
    /// same. Should an input turn out to be held after all (another process
    /// wrote it meanwhile), the chunk is written again with the checks.
    pub fn put_chunk(
        &mut self,
        chunk: &[(Record<'_>, &Tables)],
    ) -> Result<Vec<Option<Put>>, Error> {
        if !self.in_transaction && self.all_new(chunk)? {
            self.conn.execute_batch("PRAGMA foreign_keys = OFF")?;
            let unchecked = self.put_all(chunk, true);
            // (Restored before any error is returned: the connection stays
            // as it was opened.)
            self.conn.execute_batch("PRAGMA foreign_keys = ON")?;
            if let Some(done) = unchecked? {
                return Ok(done);
            }
        }
        let done = self.put_all(chunk, false)?;
        // (Never `None` with the checks on.)
        Ok(done.unwrap_or_default())
    }

    /// Whether no input of the chunk is in the database.
    fn all_new(&self, chunk: &[(Record<'_>, &Tables)]) -> Result<bool, Error> {
        for (record, _) in chunk {
            if !matches!(self.held(record)?, Held::Nothing) {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// [`Database::put_chunk`]'s transaction; `new_only`: without the
    /// foreign-key checks, so an input the database holds rolls it back
    /// (`None`).
    fn put_all(
        &mut self,
        chunk: &[(Record<'_>, &Tables)],
        new_only: bool,
    ) -> Result<Option<Vec<Option<Put>>>, Error> {
        self.begin()?;
        let mut done = Vec::with_capacity(chunk.len());
        for (record, tables) in chunk {
            let put = match self.held(record)? {
                Held::Nothing => Some(self.replace(None, tables)?),
                _ if new_only => {
                    self.conn.execute_batch("ROLLBACK")?;
                    self.in_transaction = false;
                    return Ok(None);
                }
                Held::Same => None,
                Held::Earlier(id) => Some(self.replace(Some(id), tables)?),
            };
            done.push(put);
        }
        self.commit()?;
        Ok(Some(done))
    }

    /// Deletes the `held` document's rows (when there is one) and inserts
    /// `tables`.
    fn replace(&mut self, held: Option<i64>, tables: &Tables) -> Result<Put, Error> {
        if let Some(id) = held {
            // Its index entries go with its rows (the delete trigger), so
            // they must be in the index first.
            self.index_pending()?;
            self.conn
                .prepare_cached("DELETE FROM documents WHERE id = ?1")?
                .execute([id])?;
        }
        // The row ids SQLite gives each table's rows, by index.
        let mut ids: [Vec<i64>; TableId::ALL.len()] = Default::default();
        for table in TableId::ALL {
            let rows = tables.rows(table);
            if rows.is_empty() {
                continue;
            }
            let mut stmt = self.conn.prepare_cached(&self.inserts[table as usize])?;
            ids[table as usize].reserve(rows.len());
            for row in rows {
                // Bound in place: no parameter list made per row.
                for (i, cell) in row.iter().enumerate() {
                    let value = sql_value(cell, &ids)?;
                    stmt.raw_bind_parameter(i + 1, value)?;
                }
                stmt.raw_execute()?;
                ids[table as usize].push(self.conn.last_insert_rowid());
            }
        }
        Ok(if held.is_some() {
            Put::Replaced
        } else {
            Put::Added
        })
    }
}

/// What the database holds of an input.
enum Held {
    /// Nothing: a new input.
    Nothing,
    /// The same sha256, status and digest.
    Same,
    /// Another: the row id of its document.
    Earlier(i64),
}

/// A cell as a statement parameter; a key cell as the row id its row got.
fn sql_value<'c>(
    cell: &'c Cell,
    ids: &[Vec<i64>; TableId::ALL.len()],
) -> Result<ToSqlOutput<'c>, Error> {
    Ok(match cell {
        Cell::Null => ToSqlOutput::Borrowed(ValueRef::Null),
        Cell::Int(n) => ToSqlOutput::Owned(Value::Integer(*n)),
        Cell::Real(x) => ToSqlOutput::Owned(Value::Real(*x)),
        Cell::Bool(b) => ToSqlOutput::Owned(Value::Integer(i64::from(*b))),
        Cell::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        Cell::List(items) => ToSqlOutput::Owned(Value::Text(
            serde_json::to_string(items).unwrap_or_else(|_| "[]".into()),
        )),
        Cell::Key(table, index) => {
            let id = ids[*table as usize]
                .get(*index)
                .copied()
                .ok_or(Error::Key {
                    table: table.name(),
                })?;
            ToSqlOutput::Owned(Value::Integer(id))
        }
    })
}

/// The insert statement of a table: every column but `id` (SQLite gives
/// it).
fn insert_sql(table: &Table) -> String {
    let columns: Vec<String> = table.columns[1..]
        .iter()
        .map(|c| format!("\"{}\"", c.name))
        .collect();
    let params: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO \"{}\" ({}) VALUES ({})",
        table.name,
        columns.join(", "),
        params.join(", ")
    )
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

/// A view and what each of its columns means (for Datasette's
/// `metadata.json`; the tables' are in [`TABLES`], and a test checks every
/// column of the database is described).
struct Described {
    name: &'static str,
    description: &'static str,
    columns: &'static [(&'static str, &'static str)],
}

const DOC: (&str, &str) = ("document_id", "The document (documents.id).");

/// The meaning of every view.
const VIEWS: &[Described] = &[
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
    let described = TABLES
        .iter()
        .map(|t| {
            let columns = t.columns.iter().map(|c| (c.name, c.description));
            (t.name, t.description, columns.collect::<Vec<_>>())
        })
        .chain(std::iter::once((
            "current_documents",
            "The documents that are current (see document_versions): the programme of a session in each language, whatever revisions it went through.",
            TABLES[0].columns.iter().map(|c| (c.name, c.description)).collect(),
        )))
        .chain(VIEWS.iter().map(|v| (v.name, v.description, v.columns.to_vec())));
    for (name, description, columns) in described {
        let columns: Map<String, Value> = columns
            .into_iter()
            .map(|(c, d)| (c.to_string(), Value::from(d)))
            .collect();
        let mut table = json!({ "description": description, "columns": columns });
        if name == "search_entries" {
            table["fts_table"] = "search_fts".into();
            table["fts_pk"] = "id".into();
        }
        if name == "documents" {
            table["sort_desc"] = "session_start_date".into();
        }
        tables.insert(name.to_string(), table);
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
    use crate::manifest::Status;

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
        let mut described: Vec<String> = TABLES
            .iter()
            .map(|t| t.name)
            .chain(VIEWS.iter().map(|v| v.name))
            .chain(["current_documents"])
            .map(str::to_string)
            .collect();
        described.sort();
        assert_eq!(names, described);
        let columns_of = |name: &str| -> Vec<(String, bool)> {
            conn.prepare(&format!(
                "SELECT name, \"notnull\" OR pk FROM pragma_table_info('{name}')"
            ))
            .expect("prepare")
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("columns")
        };
        // The tables model's columns are the database's: names, order and
        // which may be null.
        for t in TABLES {
            let ours: Vec<(String, bool)> = t
                .columns
                .iter()
                .map(|c| (c.name.to_string(), !c.nullable))
                .collect();
            assert_eq!(columns_of(t.name), ours, "{}", t.name);
        }
        for v in VIEWS {
            let names: Vec<String> = columns_of(v.name).into_iter().map(|(n, _)| n).collect();
            let ours: Vec<&str> = v.columns.iter().map(|(c, _)| *c).collect();
            assert_eq!(names, ours, "{}", v.name);
        }
        let current: Vec<String> = columns_of("current_documents")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        let documents: Vec<&str> = TABLES[0].columns.iter().map(|c| c.name).collect();
        assert_eq!(current, documents);
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
                    rusqlite::params![subject.item, subject.sub_item],
                    |r| r.get(0),
                )
                .expect("row");
            assert!((got - hours[0]).abs() < 1e-9, "{}", subject.label());
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_chunk_of_new_inputs_is_written_unchecked_and_the_same_as_one_by_one() {
        let dir = scratch("chunk");
        let p = fixture("oewg-s4-en");
        let tables = |r: &Record<'_>| Tables::build(r, Some(&p));
        let (a, b) = (record("a.pdf", "1"), record("b.pdf", "1"));
        let (ta, tb) = (tables(&a), tables(&b));
        // One by one, with the checks.
        let mut one = Database::open(&dir.join("one.db")).expect("open");
        one.begin().expect("begin");
        one.put_tables("a.pdf", &ta).expect("put");
        one.put_tables("b.pdf", &tb).expect("put");
        one.commit().expect("commit");
        // As a chunk of new inputs: without them.
        let mut db = Database::open(&dir.join("chunk.db")).expect("open");
        let chunk = [(a, &ta), (b, &tb)];
        let done = db.put_chunk(&chunk).expect("chunk");
        assert_eq!(done, [Some(Put::Added), Some(Put::Added)]);
        let on: i64 = count(&db, "PRAGMA foreign_keys");
        assert_eq!(on, 1, "the checks are back on");
        assert_eq!(
            count(&db, "SELECT count(*) FROM pragma_foreign_key_check"),
            0
        );
        for t in TABLES {
            let sql = format!("SELECT count(*) FROM \"{}\"", t.name);
            assert_eq!(count(&db, &sql), count(&one, &sql), "{}", t.name);
        }
        // Again: unchanged; one changed among them: replaced, checked.
        assert_eq!(db.put_chunk(&chunk).expect("again"), [None, None]);
        let a2 = record("a.pdf", "2");
        let ta2 = tables(&a2);
        let chunk = [(a2, &ta2), (b, &tb)];
        assert_eq!(
            db.put_chunk(&chunk).expect("changed"),
            [Some(Put::Replaced), None]
        );
        assert_eq!(count(&db, "SELECT count(*) FROM documents"), 2);
        // An input held after all, in a transaction without the checks: it
        // is rolled back, nothing written.
        let c = record("c.pdf", "1");
        let tc = tables(&c);
        let before = count(&db, "SELECT count(*) FROM slots");
        let chunk = [(c, &tc), (a2, &ta2)];
        assert_eq!(db.put_all(&chunk, true).expect("rolled back"), None);
        assert!(!db.in_transaction);
        assert_eq!(count(&db, "SELECT count(*) FROM slots"), before);
        assert_eq!(
            db.put_chunk(&chunk).expect("checked"),
            [Some(Put::Added), None]
        );
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
