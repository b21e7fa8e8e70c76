//! `slots.csv` as a spreadsheet or pandas reads it: the input's path below
//! the input folder (two files of one name told apart) and the JSON each row
//! came from; `true`/`false`; one list separator in every list column; the
//! slot's speakers. `--csv-tables DIR`: every table of the database as a
//! CSV file, with its columns and its rows.

use crate::common;

use common::{fixture_pdf, scratch};

/// RFC 4180 rows (quoted fields with doubled quotes).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            _ => cell.push(c),
        }
    }
    rows
}

#[test]
fn slots_csv_names_files_by_relative_path_and_json_and_reads_cleanly() {
    let dir = scratch("slots-csv");
    let inputs = dir.join("in");
    for (sub, fixture) in [("s4", "oewg-s4-en"), ("s5", "oewg-s5-en")] {
        std::fs::create_dir_all(inputs.join(sub)).expect("dir");
        std::fs::copy(fixture_pdf(fixture), inputs.join(sub).join("programme.pdf")).expect("copy");
    }
    let out = dir.join("out");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_unprog"))
        .args(["convert", "-q", "-o"])
        .arg(&out)
        .arg(&inputs)
        .output()
        .expect("runs");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let rows = parse_csv(&std::fs::read_to_string(out.join("slots.csv")).expect("csv"));
    let header = &rows[0];
    assert_eq!(
        header.join(","),
        "file,json,symbol,language,session_ordinal,date,weekday,start,end,minutes,room,agenda_items,sub_items,continued,events,topics,speakers"
    );
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (file, json, ordinal) = (col("file"), col("json"), col("session_ordinal"));
    let mut origins: Vec<(String, String, String)> = rows[1..]
        .iter()
        .map(|r| (r[file].clone(), r[json].clone(), r[ordinal].clone()))
        .collect();
    origins.dedup();
    assert_eq!(
        origins,
        [
            (
                "s4/programme.pdf".into(),
                "programme.json".into(),
                "4".into()
            ),
            (
                "s5/programme.pdf".into(),
                "programme-2.json".into(),
                "5".into()
            ),
        ]
    );
    for r in &rows[1..] {
        assert_eq!(r.len(), header.len(), "{r:?}");
        assert!(
            r[col("continued")] == "true" || r[col("continued")] == "false",
            "{r:?}"
        );
        // One separator: " | " and never ";" between entries.
        for c in ["agenda_items", "sub_items"] {
            assert!(!r[col(c)].contains(';'), "{c}: {r:?}");
        }
    }
    // Session 5, day 3 afternoon: items 7 (continued) and 6.
    let s5 = rows[1..]
        .iter()
        .find(|r| r[ordinal] == "5" && r[col("date")] == "2023-07-26" && r[col("start")] == "15:00")
        .expect("the slot");
    assert_eq!(s5[col("agenda_items")], "7 | 6");
    assert_eq!(s5[col("continued")], "true");
    // Session 4's opening: both speakers, in order, in one cell.
    let opening = rows[1..]
        .iter()
        .find(|r| r[ordinal] == "4" && r[col("date")] == "2023-03-06" && r[col("start")] == "10:00")
        .expect("the opening");
    let speakers: Vec<&str> = opening[col("speakers")].split(" | ").collect();
    assert_eq!(speakers.len(), 2, "{opening:?}");
    assert!(speakers[0].starts_with("Izumi Nakamitsu"), "{speakers:?}");
    // Every JSON named exists in the dataset.
    for (_, json, _) in &origins {
        assert!(out.join(json).is_file(), "{json}");
    }
}

#[test]
fn csv_tables_are_the_databases_tables() {
    let dir = scratch("csv-tables");
    let out = dir.join("out");
    let db = out.join("p.db");
    let tables = out.join("tables");
    let inputs: Vec<_> = ["oewg-s4-en", "oewg-s5-fr", "oewg-s7-ar"]
        .iter()
        .map(|n| fixture_pdf(n))
        .collect();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_unprog"))
        .args(["convert", "-q", "-o"])
        .arg(&out)
        .args(&inputs)
        .arg("--sqlite")
        .arg(&db)
        .arg("--csv-tables")
        .arg(&tables)
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let conn = rusqlite::Connection::open(&db).expect("open");
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'search_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("names");
    let files: Vec<String> = common::files(&tables);
    let want: Vec<String> = names.iter().map(|n| format!("{n}.csv")).collect();
    assert_eq!(files, want);
    for name in &names {
        let rows =
            parse_csv(&std::fs::read_to_string(tables.join(format!("{name}.csv"))).expect("csv"));
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{name}')"))
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("columns");
        assert_eq!(rows[0], columns, "{name}");
        let n: i64 = conn
            .query_row(&format!(r#"SELECT count(*) FROM "{name}""#), [], |r| {
                r.get(0)
            })
            .expect("count");
        assert_eq!(rows.len() as i64 - 1, n, "{name}");
        for r in &rows[1..] {
            assert_eq!(r.len(), columns.len(), "{name}: {r:?}");
        }
    }
    // The values: the slots' times and days, and booleans as true/false.
    let slots = parse_csv(&std::fs::read_to_string(tables.join("slots.csv")).expect("csv"));
    let mut stmt = conn
        .prepare("SELECT date, start_time, end_time, minutes FROM slots ORDER BY id")
        .expect("prepare");
    let from_db: Vec<Vec<String>> = stmt
        .query_map([], |r| {
            Ok(vec![
                r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                r.get::<_, Option<i64>>(3)?
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
            ])
        })
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    let header = &slots[0];
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let from_csv: Vec<Vec<String>> = slots[1..]
        .iter()
        .map(|r| {
            ["date", "start_time", "end_time", "minutes"]
                .iter()
                .map(|c| r[col(c)].clone())
                .collect()
        })
        .collect();
    assert_eq!(from_csv, from_db);
    let items = parse_csv(&std::fs::read_to_string(tables.join("agenda_items.csv")).expect("csv"));
    let continued = items[0]
        .iter()
        .position(|h| h == "continued")
        .expect("continued");
    assert!(items[1..]
        .iter()
        .all(|r| r[continued] == "true" || r[continued] == "false"));
    assert!(items[1..].iter().any(|r| r[continued] == "true"));
    let _ = std::fs::remove_dir_all(&dir);
}
