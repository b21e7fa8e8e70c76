//! `convert --parquet DIR`: the tables of [`crate::tables`] as Parquet
//! files, `TABLE.parquet` each, zstd-compressed, written with the parquet
//! crate's column writers (no Arrow).
//!
//! Types: ids and keys `INT64`; whole numbers `INT64`; fractional ones
//! `DOUBLE`; booleans `BOOLEAN`; text `BYTE_ARRAY (STRING)`; dates
//! `INT32 (DATE)`; times `INT32 (TIME(MILLIS, local))`; lists a three-level
//! `LIST` of strings. A nullable column is `OPTIONAL`, the others
//! `REQUIRED`. Ids are dense ([`Ids`]): the set is written whole from the
//! dataset, each table's rows numbered from 1 in dataset order; a date or
//! time that does not read as one is null.
//!
//! Rows are buffered per table and written a row group at a time, so
//! memory stays bounded whatever the dataset's size.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ::parquet::basic::{Compression, ZstdLevel};
use ::parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use ::parquet::errors::ParquetError;
use ::parquet::file::properties::WriterProperties;
use ::parquet::file::writer::SerializedFileWriter;
use ::parquet::schema::parser::parse_message_type;

use crate::tables::{epoch_days, Cell, Column, Ids, Table, TableId, Tables, Type};

/// Rows per row group.
const ROW_GROUP: usize = 64 * 1024;

/// What can go wrong writing the files.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file cannot be created or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The parquet writer failed.
    #[error("{}: {source}", path.display())]
    Parquet {
        /// The file.
        path: PathBuf,
        /// What the writer said.
        source: ParquetError,
    },
    /// A thread closing the files stopped (a bug in the writer).
    #[error("a thread closing the Parquet files stopped")]
    Stopped,
    /// A cell that does not fit its column (a bug in the tables' making).
    #[error("{table}.{column}: a value of the wrong type, or null where none may be")]
    Cell {
        /// The table.
        table: &'static str,
        /// The column.
        column: &'static str,
    },
}

/// The file set being written: one file per table.
pub struct ParquetSet {
    files: Vec<TableFile>,
    ids: Ids,
}

/// One table's file and its buffered rows.
struct TableFile {
    table: TableId,
    path: PathBuf,
    writer: SerializedFileWriter<BufWriter<File>>,
    columns: Vec<Buffer>,
    rows: usize,
}

/// A column's buffered values, with their definition (and, for lists,
/// repetition) levels.
enum Buffer {
    Int64(Vec<i64>, Vec<i16>),
    Int32(Vec<i32>, Vec<i16>),
    Double(Vec<f64>, Vec<i16>),
    Bool(Vec<bool>, Vec<i16>),
    Bytes(Vec<ByteArray>, Vec<i16>),
    List(Vec<ByteArray>, Vec<i16>, Vec<i16>),
}

impl Buffer {
    fn of(ty: Type) -> Buffer {
        match ty {
            Type::Id | Type::Key(_) | Type::AnyKey | Type::Int => Buffer::Int64(vec![], vec![]),
            Type::Date | Type::Time => Buffer::Int32(vec![], vec![]),
            Type::Real => Buffer::Double(vec![], vec![]),
            Type::Bool => Buffer::Bool(vec![], vec![]),
            Type::Text => Buffer::Bytes(vec![], vec![]),
            Type::TextList => Buffer::List(vec![], vec![], vec![]),
        }
    }
}

/// The Parquet schema of a table (the message type's text).
pub fn schema(table: &Table) -> String {
    let fields: Vec<String> = table.columns.iter().map(field).collect();
    format!("message {} {{\n{}\n}}", table.name, fields.join("\n"))
}

fn field(c: &Column) -> String {
    let repetition = if c.nullable { "optional" } else { "required" };
    let name = c.name;
    match c.ty {
        Type::Id | Type::Key(_) | Type::AnyKey | Type::Int => format!("  {repetition} int64 {name};"),
        Type::Real => format!("  {repetition} double {name};"),
        Type::Bool => format!("  {repetition} boolean {name};"),
        Type::Text => format!("  {repetition} binary {name} (STRING);"),
        Type::Date => format!("  {repetition} int32 {name} (DATE);"),
        Type::Time => format!("  {repetition} int32 {name} (TIME(MILLIS,false));"),
        Type::TextList => format!(
            "  {repetition} group {name} (LIST) {{ repeated group list {{ required binary element (STRING); }} }}"
        ),
    }
}

impl ParquetSet {
    /// Creates the files in `dir` (which must exist), one per table.
    pub fn create(dir: &Path) -> Result<ParquetSet, Error> {
        let level = ZstdLevel::try_new(3).unwrap_or_default();
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::ZSTD(level))
                .set_created_by(format!("unprog {}", env!("CARGO_PKG_VERSION")))
                .build(),
        );
        let files = TableId::ALL
            .iter()
            .map(|&table| {
                let path = dir.join(format!("{}.parquet", table.name()));
                let parquet_err = |source| Error::Parquet {
                    path: path.clone(),
                    source,
                };
                let schema = parse_message_type(&schema(table.table())).map_err(parquet_err)?;
                let file = File::create(&path).map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })?;
                let writer = SerializedFileWriter::new(
                    BufWriter::new(file),
                    Arc::new(schema),
                    props.clone(),
                )
                .map_err(parquet_err)?;
                Ok(TableFile {
                    table,
                    columns: table
                        .table()
                        .columns
                        .iter()
                        .map(|c| Buffer::of(c.ty))
                        .collect(),
                    path,
                    writer,
                    rows: 0,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(ParquetSet {
            files,
            ids: Ids::default(),
        })
    }

    /// Adds one input's rows.
    pub fn push(&mut self, tables: &Tables) -> Result<(), Error> {
        for file in &mut self.files {
            file.push(tables, &self.ids)?;
            if file.rows >= ROW_GROUP {
                file.flush()?;
            }
        }
        self.ids.advance(tables);
        Ok(())
    }

    /// Writes the buffered rows and closes every file, the files in
    /// parallel (each one's last row group is compressed as it closes):
    /// the calling thread and one more per core take the next file in
    /// turn, the largest first. The first error met is returned.
    pub fn finish(self) -> Result<(), Error> {
        let mut files = self.files;
        files.sort_by_key(|f| std::cmp::Reverse(f.rows));
        let queue = std::sync::Mutex::new(files.into_iter());
        let work = || -> Result<(), Error> {
            loop {
                // (Held only to take the next file: never poisoned by a
                // file's work.)
                let next = queue.lock().unwrap_or_else(|p| p.into_inner()).next();
                match next {
                    Some(file) => file.close()?,
                    None => return Ok(()),
                }
            }
        };
        let helpers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .saturating_sub(1);
        std::thread::scope(|scope| {
            // A helper that cannot be started leaves its share to the others.
            let threads: Vec<_> = (0..helpers)
                .filter_map(|_| {
                    std::thread::Builder::new()
                        .name("unprog parquet closing".into())
                        .spawn_scoped(scope, work)
                        .ok()
                })
                .collect();
            let mine = work();
            threads.into_iter().fold(mine, |result, thread| {
                let theirs = thread.join().unwrap_or(Err(Error::Stopped));
                result.and(theirs)
            })
        })
    }
}

impl TableFile {
    /// Writes the buffered rows and closes the file.
    fn close(mut self) -> Result<(), Error> {
        self.flush()?;
        let path = self.path;
        self.writer
            .close()
            .map(|_| ())
            .map_err(|source| Error::Parquet { path, source })
    }

    fn push(&mut self, tables: &Tables, ids: &Ids) -> Result<(), Error> {
        let table = self.table.table();
        for (index, row) in tables.rows(self.table).iter().enumerate() {
            let id = Cell::Int(ids.id(self.table, index));
            let cells = std::iter::once(&id).chain(row);
            for ((cell, column), buffer) in cells.zip(table.columns).zip(&mut self.columns) {
                if !add(buffer, cell, column, ids) {
                    return Err(Error::Cell {
                        table: table.name,
                        column: column.name,
                    });
                }
            }
            self.rows += 1;
        }
        Ok(())
    }

    /// Writes the buffered rows as one row group.
    fn flush(&mut self) -> Result<(), Error> {
        if self.rows == 0 {
            return Ok(());
        }
        let path = &self.path;
        let err = |source| Error::Parquet {
            path: path.clone(),
            source,
        };
        let mut group = self.writer.next_row_group().map_err(err)?;
        for (buffer, column) in self.columns.iter_mut().zip(self.table.table().columns) {
            let Some(mut writer) = group.next_column().map_err(err)? else {
                break;
            };
            let n = column.nullable;
            let written = match buffer {
                Buffer::Int64(v, d) => {
                    writer
                        .typed::<Int64Type>()
                        .write_batch(v, levels(n, d), None)
                }
                Buffer::Int32(v, d) => {
                    writer
                        .typed::<Int32Type>()
                        .write_batch(v, levels(n, d), None)
                }
                Buffer::Double(v, d) => {
                    writer
                        .typed::<DoubleType>()
                        .write_batch(v, levels(n, d), None)
                }
                Buffer::Bool(v, d) => writer
                    .typed::<BoolType>()
                    .write_batch(v, levels(n, d), None),
                Buffer::Bytes(v, d) => {
                    writer
                        .typed::<ByteArrayType>()
                        .write_batch(v, levels(n, d), None)
                }
                Buffer::List(v, d, r) => {
                    writer
                        .typed::<ByteArrayType>()
                        .write_batch(v, Some(d), Some(r))
                }
            };
            written.map_err(err)?;
            writer.close().map_err(err)?;
            *buffer = Buffer::of(column.ty);
        }
        group.close().map_err(err)?;
        self.rows = 0;
        Ok(())
    }
}

/// The definition levels to write: none for a required column.
fn levels(nullable: bool, defs: &[i16]) -> Option<&[i16]> {
    nullable.then_some(defs)
}

/// Appends a cell to its column's buffer; `false` when it does not fit.
fn add(buffer: &mut Buffer, cell: &Cell, column: &Column, ids: &Ids) -> bool {
    // The definition level of a present value of a flat column.
    let present = i16::from(column.nullable);
    match (buffer, cell) {
        (_, Cell::Null) if !column.nullable => return false,
        (Buffer::List(..), Cell::Null) => return false,
        (Buffer::Int64(_, d) | Buffer::Int32(_, d), Cell::Null)
        | (Buffer::Double(_, d) | Buffer::Bool(_, d) | Buffer::Bytes(_, d), Cell::Null) => {
            d.push(0)
        }
        (Buffer::Int64(v, d), Cell::Int(n)) => {
            v.push(*n);
            d.push(present);
        }
        (Buffer::Int64(v, d), Cell::Key(table, index)) => {
            v.push(ids.id(*table, *index));
            d.push(present);
        }
        (Buffer::Double(v, d), Cell::Real(x)) => {
            v.push(*x);
            d.push(present);
        }
        (Buffer::Bool(v, d), Cell::Bool(b)) => {
            v.push(*b);
            d.push(present);
        }
        (Buffer::Bytes(v, d), Cell::Text(s)) => {
            v.push(ByteArray::from(s.as_str()));
            d.push(present);
        }
        (Buffer::Int32(v, d), Cell::Text(s)) => {
            let value = match column.ty {
                Type::Date => epoch_days(s),
                _ => crate::hours::clock_minutes(s).and_then(|m| i32::try_from(m * 60_000).ok()),
            };
            match value {
                Some(x) => {
                    v.push(x);
                    d.push(present);
                }
                None if column.nullable => d.push(0),
                None => return false,
            }
        }
        (Buffer::List(v, d, r), Cell::List(items)) => {
            // Levels of the required list: 0 empty, 1 an element; the
            // first element of a row repeats at level 0.
            if items.is_empty() {
                d.push(0);
                r.push(0);
            }
            for (i, item) in items.iter().enumerate() {
                v.push(ByteArray::from(item.as_str()));
                d.push(1);
                r.push(i16::from(i > 0));
            }
        }
        _ => return false,
    }
    true
}
