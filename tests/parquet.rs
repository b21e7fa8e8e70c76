//! `unprog convert --parquet DIR` (issue 16): the fixture corpus converted
//! with `--sqlite` and `--parquet` together, the Parquet files read back
//! with the parquet crate's reader: one file per table of the database,
//! each with the database's row count, every column of its declared type
//! (dates DATE, times TIME(MILLIS), booleans BOOLEAN, lists LIST), keys
//! that point at rows, the values the database holds; a second run into a
//! grown dataset rebuilds the folder whole (no duplicates, nothing lost, no
//! temporary folder left), and a run killed outright leaves the earlier
//! folder.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{files, root, scratch};
use parquet::basic::{LogicalType, Repetition, TimeUnit, Type as Physical};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use rusqlite::Connection;
use unprog_export::tables::{Type, TABLES};

fn convert(inputs: &[PathBuf], out: &Path, flags: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_unprog"))
        .arg("convert")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .args(flags)
        .output()
        .expect("runs")
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn reader(dir: &Path, table: &str) -> SerializedFileReader<File> {
    let path = dir.join(format!("{table}.parquet"));
    let file = File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    SerializedFileReader::new(file).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every row of a table's file, each as its fields by column name.
fn rows(dir: &Path, table: &str) -> Vec<BTreeMap<String, Field>> {
    let r = reader(dir, table);
    r.get_row_iter(None)
        .expect("rows")
        .map(|row| {
            row.expect("row")
                .get_column_iter()
                .map(|(name, field)| (name.clone(), field.clone()))
                .collect()
        })
        .collect()
}

fn long(f: &Field) -> Option<i64> {
    match f {
        Field::Long(n) => Some(*n),
        Field::Null => None,
        other => panic!("not an INT64: {other:?}"),
    }
}

fn corpus(dir: &Path) -> Vec<PathBuf> {
    let broken = dir.join("broken.pdf");
    std::fs::write(&broken, b"not a PDF at all").expect("write");
    vec![
        root().join("fixtures/pdf"),
        root().join("fixtures/text"),
        broken,
    ]
}

/// Row counts per table: the database's and the Parquet files'.
fn counts(db: &Path, tables: &Path) -> (BTreeMap<&'static str, i64>, BTreeMap<&'static str, i64>) {
    let conn = Connection::open(db).expect("open");
    let mut in_db = BTreeMap::new();
    let mut in_files = BTreeMap::new();
    for t in TABLES {
        in_db.insert(
            t.name,
            count(&conn, &format!(r#"SELECT count(*) FROM "{}""#, t.name)),
        );
        in_files.insert(
            t.name,
            reader(tables, t.name).metadata().file_metadata().num_rows(),
        );
    }
    (in_db, in_files)
}

#[test]
fn the_parquet_tables_are_the_databases_typed_as_declared() {
    let dir = scratch("parquet-corpus");
    let out = dir.join("out");
    let db = out.join("programmes.db");
    let tables = out.join("tables");
    let o = convert(
        &corpus(&dir),
        &out,
        &[
            "--sqlite",
            db.to_str().expect("path"),
            "--parquet",
            tables.to_str().expect("path"),
        ],
    );
    // broken.pdf fails (and some text forms): exit code 1, files written.
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    // One file per table, nothing else.
    let mut want: Vec<String> = TABLES
        .iter()
        .map(|t| format!("{}.parquet", t.name))
        .collect();
    want.sort();
    assert_eq!(files(&tables), want);
    assert!(
        !files(&out).iter().any(|f| f.starts_with(".tables")),
        "{:?}",
        files(&out)
    );

    let (in_db, in_files) = counts(&db, &tables);
    assert_eq!(in_db, in_files);
    assert!(
        in_files["questions"] > 100 && in_files["documents"] > 150,
        "{in_files:?}"
    );

    // Every column of the type its table declares.
    for t in TABLES {
        let r = reader(&tables, t.name);
        let schema = r.metadata().file_metadata().schema();
        let fields = schema.get_fields();
        let names: Vec<&str> = fields.iter().map(|f| f.name()).collect();
        let declared: Vec<&str> = t.columns.iter().map(|c| c.name).collect();
        assert_eq!(names, declared, "{}", t.name);
        for (f, c) in fields.iter().zip(t.columns) {
            let info = f.get_basic_info();
            let place = format!("{}.{}", t.name, c.name);
            let repetition = if c.nullable {
                Repetition::OPTIONAL
            } else {
                Repetition::REQUIRED
            };
            assert_eq!(info.repetition(), repetition, "{place}");
            let logical = info.logical_type_ref().cloned();
            if c.ty == Type::TextList {
                assert!(!f.is_primitive(), "{place}");
                assert_eq!(logical, Some(LogicalType::List), "{place}");
                continue;
            }
            let (physical, logical_want) = match c.ty {
                Type::Id | Type::Key(_) | Type::AnyKey | Type::Int => (Physical::INT64, None),
                Type::Real => (Physical::DOUBLE, None),
                Type::Bool => (Physical::BOOLEAN, None),
                Type::Text => (Physical::BYTE_ARRAY, Some(LogicalType::String)),
                Type::Date => (Physical::INT32, Some(LogicalType::Date)),
                Type::Time => (
                    Physical::INT32,
                    Some(LogicalType::time(false, TimeUnit::MILLIS)),
                ),
                Type::TextList => unreachable!(),
            };
            assert_eq!(f.get_physical_type(), physical, "{place}");
            assert_eq!(logical, logical_want, "{place}");
        }
    }

    // Named by hand, not from the declarations: the types the issue asks for.
    let slots = rows(&tables, "slots");
    let first = &slots[0];
    assert!(matches!(first["date"], Field::Date(_)), "{first:?}");
    assert!(
        matches!(first["start_time"], Field::TimeMillis(_)),
        "{first:?}"
    );
    let items = rows(&tables, "agenda_items");
    assert!(matches!(items[0]["continued"], Field::Bool(_)));
    assert!(matches!(
        items[0]["footnote_markers"],
        Field::ListInternal(_)
    ));

    // The values are the database's: slot times, dates and minutes, the
    // time shares' sum, the footnote markers.
    let conn = Connection::open(&db).expect("open");
    let mut stmt = conn
        .prepare("SELECT date, start_time, minutes FROM slots ORDER BY id")
        .expect("prepare");
    let from_db: Vec<(Option<String>, Option<String>, Option<i64>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert_eq!(from_db.len(), slots.len());
    for (row, (date, start, minutes)) in slots.iter().zip(&from_db) {
        let date_in_file = match &row["date"] {
            Field::Date(d) => Some(*d),
            _ => None,
        };
        // Days from 1970-01-01, by SQLite's own calendar.
        let days: Option<i64> = date.as_ref().map(|d| {
            conn.query_row(
                "SELECT CAST(julianday(?1) - julianday('1970-01-01') AS INTEGER)",
                [d],
                |r| r.get(0),
            )
            .expect("julianday")
        });
        assert_eq!(date_in_file.map(i64::from), days, "{date:?}");
        let start_in_file = match &row["start_time"] {
            Field::TimeMillis(t) => Some(*t),
            _ => None,
        };
        let start_ms = start.as_ref().map(|s| {
            let (h, m) = s.split_once(':').expect("HH:MM");
            (h.parse::<i32>().expect("hour") * 60 + m.parse::<i32>().expect("minute")) * 60_000
        });
        assert_eq!(start_in_file, start_ms, "{start:?}");
        assert_eq!(long(&row["minutes"]), *minutes);
    }
    let minutes_in_file: f64 = rows(&tables, "time_shares")
        .iter()
        .map(|r| match r["minutes"] {
            Field::Double(x) => x,
            ref other => panic!("{other:?}"),
        })
        .sum();
    let minutes_in_db: f64 = conn
        .query_row("SELECT sum(minutes) FROM time_shares", [], |r| r.get(0))
        .expect("sum");
    assert!((minutes_in_file - minutes_in_db).abs() < 1e-6);
    let markers_in_file: usize = items
        .iter()
        .map(|r| match &r["footnote_markers"] {
            Field::ListInternal(l) => l.elements().len(),
            other => panic!("{other:?}"),
        })
        .sum();
    let markers_in_db = count(
        &conn,
        "SELECT coalesce(sum(json_array_length(footnote_markers)), 0) FROM agenda_items",
    );
    assert_eq!(markers_in_file as i64, markers_in_db);
    assert!(markers_in_db > 0);

    // Keys point at rows of their tables (the ids are the file set's own).
    let ids = |table: &str| -> BTreeSet<i64> {
        rows(&tables, table)
            .iter()
            .filter_map(|r| long(&r["id"]))
            .collect()
    };
    for t in TABLES {
        let file_rows = rows(&tables, t.name);
        let own = ids(t.name);
        assert_eq!(own.len(), file_rows.len(), "{}: ids unique", t.name);
        for c in t.columns {
            if let Type::Key(parent) = c.ty {
                let parents = ids(parent.name());
                for r in &file_rows {
                    if let Some(k) = long(&r[c.name]) {
                        assert!(parents.contains(&k), "{}.{} = {k}", t.name, c.name);
                    }
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_rerun_rebuilds_the_folder_whole_and_a_killed_run_leaves_it() {
    let dir = scratch("parquet-rerun");
    let out = dir.join("out");
    let db = out.join("p.db");
    let tables = dir.join("tables");
    let flags = [
        "--sqlite",
        db.to_str().expect("path"),
        "--parquet",
        tables.to_str().expect("path"),
        "--quiet",
    ];
    let pdfs = root().join("fixtures/pdf");
    let some: Vec<PathBuf> = ["oewg-s4-en", "oewg-s4-fr"]
        .iter()
        .map(|n| pdfs.join(format!("{n}.pdf")))
        .collect();
    let o = convert(&some, &out, &flags);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (in_db, first) = counts(&db, &tables);
    assert_eq!(in_db, first);
    assert_eq!(first["documents"], 2);

    // The same two again and a third: the folder holds the three, once.
    let mut grown = some.clone();
    grown.push(pdfs.join("oewg-s5-en.pdf"));
    let o = convert(&grown, &out, &flags);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (in_db, second) = counts(&db, &tables);
    assert_eq!(in_db, second);
    assert_eq!(second["documents"], 3);
    assert!(second["slots"] > first["slots"]);

    // Only the third given: the other two are kept from the dataset.
    let o = convert(&grown[2..], &out, &flags);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (_, third) = counts(&db, &tables);
    assert_eq!(third, second);
    let beside: Vec<String> = files(&dir)
        .into_iter()
        .filter(|f| f.starts_with('.'))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");

    // A run killed outright (SIGKILL) while it writes leaves the folder as
    // it was, and its temporary folder is removed by the next run.
    let mut child = Command::new(env!("CARGO_BIN_EXE_unprog"))
        .arg("convert")
        .args(corpus(&dir))
        .arg("-o")
        .arg(&out)
        .arg("--parquet")
        .arg(&tables)
        .args(["-j", "1", "-q"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("runs");
    let writing = || files(&dir).iter().any(|f| f.starts_with(".tables."));
    assert!(
        common::kill_when(&mut child, "no temporary folder", writing),
        "the run finished before it was killed"
    );
    assert!(writing(), "the killed run's folder is left");
    let (_, after) = counts(&db, &tables);
    assert_eq!(after, second);
    let o = convert(&grown[2..], &out, &flags);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!writing(), "{:?}", files(&dir));
    let (in_db, last) = counts(&db, &tables);
    assert_eq!(in_db, last);
    let _ = std::fs::remove_dir_all(&dir);
}
