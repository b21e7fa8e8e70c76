//! `convert --sqlite FILE`: the batch's documents written into the archive
//! database (`unprog_export::sqlite`), one transaction per chunk (on the
//! database's writer thread, `crate::writers`), and Datasette's
//! `metadata.json` written (atomically) beside it at the end.

use std::path::{Path, PathBuf};

use anyhow::Result;
use unprog_export::sqlite::{Database, Put};

use crate::writers::{Rows, WriteError};

/// The database being written, and what this run did to it.
pub struct Archive {
    db: Database,
    path: PathBuf,
    /// Documents new to the database.
    pub added: usize,
    /// Documents whose earlier rows were replaced (their sha256, status or
    /// reading changed).
    pub replaced: usize,
    /// Documents already there with the same sha256, status and reading:
    /// left.
    pub unchanged: usize,
}

impl Archive {
    /// Opens (or creates) the database; `replace` empties it first
    /// (`--replace` starts the dataset afresh).
    pub fn open(path: &Path, replace: bool) -> Result<Archive> {
        let mut db = Database::open(path)?;
        if replace {
            db.clear()?;
        }
        Ok(Archive {
            db,
            path: path.to_path_buf(),
            added: 0,
            replaced: 0,
            unchanged: 0,
        })
    }

    /// Writes one chunk's inputs in one transaction: a run killed later
    /// leaves the database as this chunk left it. An input the database
    /// holds unchanged is left.
    pub fn write_chunk(&mut self, chunk: &[Rows]) -> Result<(), WriteError> {
        let items: Vec<_> = chunk.iter().map(|r| (r.record(), &r.tables)).collect();
        for put in self.db.put_chunk(&items)? {
            match put {
                None => self.unchanged += 1,
                Some(Put::Added) => self.added += 1,
                Some(Put::Replaced) => self.replaced += 1,
            }
        }
        Ok(())
    }

    /// Writes `metadata.json` beside the database (Datasette names the
    /// database after the file's stem); returns the summary's words.
    pub fn finish(self) -> Result<String, WriteError> {
        let dir = match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let stem = self
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "programmes".into());
        let metadata = unprog_export::sqlite::datasette_metadata(&stem);
        drop(self.db);
        crate::batch::write_atomic(&dir, "metadata.json", metadata.as_bytes())
            .map_err(|e| WriteError::Place(format!("{e:#}")))?;
        Ok(format!(
            "database {}: {} added, {} replaced, {} unchanged",
            self.path.display(),
            self.added,
            self.replaced,
            self.unchanged
        ))
    }
}
