//! The dataset writers of `convert --sqlite`, `--parquet` and
//! `--csv-tables`, off the conversion path: one thread per output, each fed
//! the batch's chunks (the inputs' rows, shared) through a bounded channel,
//! so the conversion workers never wait for a database commit or a Parquet
//! row group.
//!
//! Each chunk is one message, written whole: the database writes it in one
//! transaction (a run killed later leaves the database as the last chunk
//! left it). The channel holds one chunk beside the one being written, so
//! memory stays bounded. A writer that fails stops; the batch learns it at
//! its next chunk (or at the end) and reports the error as its own.

use std::sync::mpsc::{sync_channel, SyncSender};
use std::sync::Arc;
use std::thread::JoinHandle;

use unprog_export::manifest::Entry;
use unprog_export::tables::{Record, Tables};

use crate::archive::Archive;
use crate::table_files::TableFolder;

/// One input's rows of the tidy tables, as the writers need them: what the
/// `documents` row records of it, its rows and the digest they record.
pub struct Rows {
    /// Its manifest entry (what [`Record`] reads).
    pub entry: Entry,
    /// Its rows ([`Tables::build`]).
    pub tables: Tables,
    /// The SHA-256 of its JSON Lines text, or of its error.
    pub digest: String,
}

impl Rows {
    /// What the tables record of this input.
    pub fn record(&self) -> Record<'_> {
        crate::batch::record_of(&self.entry, Some(&self.digest))
    }
}

/// A chunk's rows, in input order, shared by every writer.
pub type Chunk = Arc<Vec<Rows>>;

/// Why a dataset writer stopped.
#[derive(Debug)]
pub enum WriteError {
    /// The database failed.
    Database(unprog_export::sqlite::Error),
    /// A Parquet file failed.
    Parquet(unprog_export::parquet::Error),
    /// A CSV table failed.
    Csv(unprog_export::csv::Error),
    /// A finished file or folder could not be put in place (the message
    /// names it and says why).
    Place(String),
    /// The writer's thread stopped unexpectedly (a bug): which writer.
    Stopped(&'static str),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Database(e) => e.fmt(f),
            WriteError::Parquet(e) => e.fmt(f),
            WriteError::Csv(e) => e.fmt(f),
            WriteError::Place(why) => f.write_str(why),
            WriteError::Stopped(which) => {
                write!(f, "internal error: the {which} writer stopped")
            }
        }
    }
}

impl std::error::Error for WriteError {
    // Transparent: the inner error's own causes, as when it was reported
    // without this wrapper.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WriteError::Database(e) => e.source(),
            WriteError::Parquet(e) => e.source(),
            WriteError::Csv(e) => e.source(),
            WriteError::Place(_) | WriteError::Stopped(_) => None,
        }
    }
}

impl From<unprog_export::sqlite::Error> for WriteError {
    fn from(e: unprog_export::sqlite::Error) -> Self {
        WriteError::Database(e)
    }
}

impl From<unprog_export::parquet::Error> for WriteError {
    fn from(e: unprog_export::parquet::Error) -> Self {
        WriteError::Parquet(e)
    }
}

impl From<unprog_export::csv::Error> for WriteError {
    fn from(e: unprog_export::csv::Error) -> Self {
        WriteError::Csv(e)
    }
}

/// One output being written.
enum Sink {
    Database(Archive),
    Tables(TableFolder),
}

impl Sink {
    fn name(&self) -> &'static str {
        match self {
            Sink::Database(_) => "database",
            Sink::Tables(t) => t.name(),
        }
    }

    /// Writes one chunk (the database: in one transaction).
    fn write(&mut self, chunk: &[Rows]) -> Result<(), WriteError> {
        match self {
            Sink::Database(a) => a.write_chunk(chunk),
            Sink::Tables(t) => chunk.iter().try_for_each(|r| t.push(&r.tables)),
        }
    }

    /// Closes the output and puts it in place; the database says what it
    /// did.
    fn finish(self) -> Result<Option<String>, WriteError> {
        match self {
            Sink::Database(a) => a.finish().map(Some),
            Sink::Tables(t) => t.finish().map(|()| None),
        }
    }
}

/// A writer's thread and the channel into it.
struct Writer {
    name: &'static str,
    chunks: Option<SyncSender<Chunk>>,
    thread: JoinHandle<Result<Sink, WriteError>>,
}

impl Writer {
    fn spawn(mut sink: Sink) -> std::io::Result<Writer> {
        let name = sink.name();
        let (chunks, receive) = sync_channel::<Chunk>(1);
        let thread = std::thread::Builder::new()
            .name(format!("unprog {name} writer"))
            .spawn(move || {
                for chunk in receive {
                    sink.write(&chunk)?;
                }
                Ok(sink)
            })?;
        Ok(Writer {
            name,
            chunks: Some(chunks),
            thread,
        })
    }

    /// Waits for the thread: its output with every chunk written, or why it
    /// stopped.
    fn join(self) -> Result<Sink, WriteError> {
        drop(self.chunks);
        self.thread
            .join()
            .unwrap_or(Err(WriteError::Stopped(self.name)))
    }
}

/// The writers of a run (none when it writes no tables).
#[derive(Default)]
pub struct Writers {
    writers: Vec<Writer>,
}

impl Writers {
    /// Starts one thread per output asked for.
    pub fn start(
        archive: Option<Archive>,
        tables: impl IntoIterator<Item = TableFolder>,
    ) -> std::io::Result<Writers> {
        let sinks = archive
            .map(Sink::Database)
            .into_iter()
            .chain(tables.into_iter().map(Sink::Tables));
        Ok(Writers {
            writers: sinks.map(Writer::spawn).collect::<Result<_, _>>()?,
        })
    }

    /// Whether any output is being written.
    pub fn any(&self) -> bool {
        !self.writers.is_empty()
    }

    /// Hands a chunk to every writer (waiting while one is a chunk behind);
    /// a writer that stopped gives its error.
    pub fn send(&mut self, chunk: Vec<Rows>) -> Result<(), WriteError> {
        if self.writers.is_empty() {
            return Ok(());
        }
        let chunk = Arc::new(chunk);
        let mut stopped = None;
        for (i, w) in self.writers.iter().enumerate() {
            let sent = w
                .chunks
                .as_ref()
                .is_some_and(|c| c.send(Arc::clone(&chunk)).is_ok());
            if !sent {
                stopped = Some(i);
                break;
            }
        }
        match stopped {
            None => Ok(()),
            Some(i) => {
                let w = self.writers.remove(i);
                let name = w.name;
                match w.join() {
                    Err(e) => Err(e),
                    // (It ended without an error but took no more: a bug.)
                    Ok(_) => Err(WriteError::Stopped(name)),
                }
            }
        }
    }

    /// Waits until every chunk is written; the outputs then close in
    /// [`Written::finish`].
    pub fn close(mut self) -> Result<Written, WriteError> {
        // Every channel closed first, so the writers drain in parallel; every
        // thread joined before the first error is returned.
        for w in &mut self.writers {
            w.chunks = None;
        }
        let joined: Vec<Result<Sink, WriteError>> =
            self.writers.into_iter().map(Writer::join).collect();
        Ok(Written {
            sinks: joined.into_iter().collect::<Result<_, _>>()?,
        })
    }
}

/// The outputs with every chunk written, to close.
pub struct Written {
    sinks: Vec<Sink>,
}

impl Written {
    /// Closes every output in parallel (each on its own thread) and puts it
    /// in place; returns what the database did, when there is one. The
    /// first error in the order the outputs were asked for is returned.
    pub fn finish(self) -> Result<Option<String>, WriteError> {
        std::thread::scope(|scope| {
            let mut sinks = self.sinks;
            // The last one closes on this thread, the others on their own.
            let last = sinks.pop();
            let threads: Vec<_> = sinks
                .into_iter()
                .map(|sink| {
                    let name = sink.name();
                    let thread = std::thread::Builder::new()
                        .name(format!("unprog {name} closing"))
                        .spawn_scoped(scope, move || sink.finish());
                    (name, thread)
                })
                .collect();
            let last = last.map(Sink::finish);
            let results: Vec<Result<Option<String>, WriteError>> = threads
                .into_iter()
                .map(|(name, thread)| match thread {
                    Ok(t) => t.join().unwrap_or(Err(WriteError::Stopped(name))),
                    Err(_) => Err(WriteError::Stopped(name)),
                })
                .chain(last)
                .collect();
            let words: Vec<Option<String>> = results.into_iter().collect::<Result<_, _>>()?;
            Ok(words.into_iter().flatten().next())
        })
    }
}
