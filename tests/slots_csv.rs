//! `slots.csv` as a spreadsheet or pandas reads it: the input's path below
//! the input folder (two files of one name told apart) and the JSON each row
//! came from; `true`/`false`; one list separator in every list column.

mod common;

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
        "file,json,symbol,language,session_ordinal,date,weekday,start,end,minutes,room,agenda_items,sub_items,continued,events,topics"
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
    // Every JSON named exists in the dataset.
    for (_, json, _) in &origins {
        assert!(out.join(json).is_file(), "{json}");
    }
}
