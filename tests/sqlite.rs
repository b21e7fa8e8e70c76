//! `unprog convert --sqlite` (issue 16): the fixture corpus (PDFs and their
//! text forms, and a file that is not a PDF) converted into a database,
//! opened with SQLite and checked against the dataset's JSON: a row per
//! input (the failed one with its error), every key holding, the counts of
//! each table per document, the full-text index finding "capacity-building"
//! where the programmes print it (the English versions), and each other
//! language's words for it in all of that language's PDFs (`renforcement
//! des capacités`, `能力建设`, `بناء القدرات`...), the hours views giving `unprog compare`'s figures, Datasette's
//! metadata beside the file; a re-run that adds nothing, a grown folder that
//! adds and replaces by sha256, `--replace` that starts afresh.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{fixture_pdf, root, scratch};
use rusqlite::Connection;
use unprog_parse::{Programme, Topic};

fn convert(inputs: &[PathBuf], out: &Path, db: &Path, flags: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_unprog"))
        .arg("convert")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .arg("--sqlite")
        .arg(db)
        .args(flags)
        .output()
        .expect("runs")
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// FTS5's own check that the index holds exactly the entries' text.
fn index_matches(conn: &Connection) {
    conn.execute_batch("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")
        .expect("the full-text index matches search_entries");
}

fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).expect("manifest"))
        .expect("JSON")
}

/// A programme's rows per table, counted from its JSON.
fn counts(p: &Programme) -> BTreeMap<&'static str, i64> {
    let slots: Vec<_> = p.days.iter().flat_map(|d| &d.slots).collect();
    let items: Vec<_> = slots.iter().flat_map(|s| &s.agenda_items).collect();
    let events: Vec<_> = slots.iter().flat_map(|s| &s.events).collect();
    let topics: Vec<&Topic> = items
        .iter()
        .flat_map(|a| {
            a.topics
                .iter()
                .chain(a.sub_items.iter().flat_map(|s| &s.topics))
        })
        .chain(events.iter().flat_map(|e| &e.topics))
        .collect();
    let n = |x: usize| x as i64;
    BTreeMap::from([
        ("days", n(p.days.len())),
        ("slots", n(slots.len())),
        ("agenda_items", n(items.len())),
        (
            "sub_items",
            n(items.iter().map(|a| a.sub_items.len()).sum()),
        ),
        ("events", n(events.len())),
        ("speakers", n(events.iter().map(|e| e.speakers.len()).sum())),
        ("topics", n(topics.len())),
        (
            "questions",
            n(topics.iter().map(|t| t.questions.len()).sum()),
        ),
        ("footnotes", n(p.footnotes.len())),
        ("references", n(p.references.len())),
        ("warnings", n(p.warnings.len())),
    ])
}

/// Whether any searchable text of the programme holds `needle`.
fn prints(p: &Programme, needle: &str) -> bool {
    let mut texts: Vec<&str> = p.title.as_deref().into_iter().collect();
    for slot in p.days.iter().flat_map(|d| &d.slots) {
        let mut topics: Vec<&Topic> = Vec::new();
        for a in &slot.agenda_items {
            texts.push(&a.title);
            topics.extend(&a.topics);
            for s in &a.sub_items {
                texts.push(&s.title);
                topics.extend(&s.topics);
            }
        }
        for e in &slot.events {
            texts.push(&e.text);
            topics.extend(&e.topics);
        }
        for t in topics {
            texts.push(&t.text);
            texts.extend(t.questions.iter().map(String::as_str));
        }
    }
    texts
        .iter()
        .any(|t| t.to_lowercase().contains(&needle.to_lowercase()))
}

fn corpus_inputs(dir: &Path) -> Vec<PathBuf> {
    let broken = dir.join("broken.pdf");
    std::fs::write(&broken, b"not a PDF at all").expect("write");
    vec![
        root().join("fixtures/pdf"),
        root().join("fixtures/text"),
        broken,
    ]
}

#[test]
fn the_corpus_database_matches_the_dataset_and_a_rerun_adds_nothing() {
    let dir = scratch("sqlite-corpus");
    let out = dir.join("out");
    let db = out.join("programmes.db");
    let inputs = corpus_inputs(&dir);
    let o = convert(&inputs, &out, &db, &[]);
    // Some text forms do not read yet, and broken.pdf fails: exit code 1.
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let m = manifest(&out);
    let entries = m["inputs"].as_array().expect("inputs").clone();
    assert!(entries.len() > 150, "{}", entries.len());
    assert!(stderr(&o).contains(&format!("{} added, 0 replaced, 0 unchanged", entries.len())));

    let conn = Connection::open(&db).expect("open");
    conn.execute_batch("PRAGMA foreign_keys = ON")
        .expect("pragma");
    assert_eq!(
        count(&conn, "SELECT count(*) FROM pragma_foreign_key_check"),
        0
    );
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity");
    assert_eq!(ok, "ok");
    index_matches(&conn);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM documents"),
        entries.len() as i64
    );

    // Every input is a row, keyed by its input path; a converted one holds
    // its programme's rows, a failed one its error.
    let jsonl = std::fs::read_to_string(out.join("programmes.jsonl")).expect("jsonl");
    let mut totals: BTreeMap<&str, i64> = BTreeMap::new();
    let mut lines = jsonl.lines();
    let mut english_with_it = BTreeSet::new();
    for e in &entries {
        let input = e["input"].as_str().expect("input");
        let (id, status, sha, error, json): (
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
        ) = conn
            .query_row(
                "SELECT id, status, sha256, error, json FROM documents WHERE input = ?1",
                [input],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .unwrap_or_else(|err| panic!("{input}: {err}"));
        assert_eq!(status, e["status"].as_str().expect("status"), "{input}");
        assert_eq!(sha.as_deref(), e["sha256"].as_str(), "{input}");
        assert_eq!(json.as_deref(), e["output"].as_str(), "{input}");
        if status == "failed" {
            assert_eq!(error.as_deref(), e["error"].as_str(), "{input}");
            assert!(error.is_some(), "{input}");
            assert_eq!(
                count(
                    &conn,
                    &format!("SELECT count(*) FROM days WHERE document_id = {id}")
                ),
                0
            );
            continue;
        }
        // programmes.jsonl holds the converted documents in manifest order.
        let p: Programme = serde_json::from_str(lines.next().expect("a line")).expect("programme");
        let (symbol, language, title): (Option<String>, String, Option<String>) = conn
            .query_row(
                "SELECT symbol, language, title FROM documents WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .expect("row");
        assert_eq!(symbol, p.symbol, "{input}");
        assert_eq!(language, p.language.code(), "{input}");
        assert_eq!(title, p.title, "{input}");
        for (table, n) in counts(&p) {
            let got = count(
                &conn,
                &format!(r#"SELECT count(*) FROM "{table}" WHERE document_id = {id}"#),
            );
            assert_eq!(got, n, "{input}: {table}");
            *totals.entry(table).or_default() += n;
        }
        if prints(&p, "capacity-building") {
            english_with_it.insert(id);
            assert_eq!(p.language.code(), "en", "{input} prints capacity-building");
        }
    }
    assert!(
        lines.next().is_none(),
        "more programmes than converted entries"
    );
    for (table, n) in totals {
        assert_eq!(
            count(&conn, &format!(r#"SELECT count(*) FROM "{table}""#)),
            n,
            "{table}"
        );
    }
    let broken: (String, String) = conn
        .query_row(
            "SELECT status, error FROM documents WHERE input LIKE '%/broken.pdf'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("the failed input has its row");
    assert_eq!(broken.0, "failed");
    assert!(broken.1.contains("not a PDF"), "{}", broken.1);

    // Full text: every English PDF prints "capacity-building"; the index
    // finds exactly the documents that print it, all English.
    let mut stmt = conn
        .prepare(
            r#"SELECT DISTINCT e.document_id, d.language FROM search_fts
               JOIN search_entries e ON e.id = search_fts.rowid
               JOIN documents d ON d.id = e.document_id
               WHERE search_fts MATCH '"capacity-building"'"#,
        )
        .expect("prepare");
    let found: Vec<(i64, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    let ids: BTreeSet<i64> = found.iter().map(|(id, _)| *id).collect();
    assert_eq!(ids, english_with_it);
    assert!(found.iter().all(|(_, l)| l == "en"));
    let english_pdfs = count(
        &conn,
        "SELECT count(*) FROM documents WHERE language = 'en' AND kind = 'pdf'",
    );
    let english_pdfs_found = count(
        &conn,
        r#"SELECT count(DISTINCT e.document_id) FROM search_fts
           JOIN search_entries e ON e.id = search_fts.rowid
           JOIN documents d ON d.id = e.document_id
           WHERE search_fts MATCH '"capacity-building"' AND d.kind = 'pdf'"#,
    );
    assert_eq!(english_pdfs_found, english_pdfs);
    assert!(english_pdfs >= 8, "{english_pdfs}");
    // And in every other language the fixtures have, its own words for it:
    // each PDF of the language prints them, and the index finds them all.
    for (language, words) in [
        ("fr", "renforcement des capacités"),
        ("es", "creación de capacidad"),
        ("ru", "наращивани"),
        ("zh", "能力建设"),
        ("ar", "بناء القدرات"),
    ] {
        let pdfs = count(
            &conn,
            &format!(
                "SELECT count(*) FROM documents WHERE language = '{language}' AND kind = 'pdf'"
            ),
        );
        let found = count(
            &conn,
            &format!(
                r#"SELECT count(DISTINCT e.document_id) FROM search_fts
                   JOIN search_entries e ON e.id = search_fts.rowid
                   JOIN documents d ON d.id = e.document_id
                   WHERE search_fts MATCH '"{words}"' AND d.kind = 'pdf'
                     AND d.language = '{language}'"#
            ),
        );
        assert!(pdfs >= 7, "{language}: {pdfs} PDFs");
        assert_eq!(
            found, pdfs,
            "{language}: \"{words}\" found in {found} of {pdfs} PDFs"
        );
    }
    // What archivists cite from the masthead: every PDF's issue date and
    // original language.
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM documents WHERE kind = 'pdf' AND (issue_date IS NULL \
             OR issue_date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' \
             OR original_language IS NOT 'en')"
        ),
        0
    );
    // A question found by its words, in the table it came from.
    let kind: String = conn
        .query_row(
            "SELECT e.kind FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid
             JOIN questions q ON q.id = e.source_id AND e.source_table = 'questions'
             WHERE search_fts MATCH ?1 LIMIT 1",
            ["\"existing funding mechanisms\""],
            |r| r.get(0),
        )
        .expect("a question");
    assert_eq!(kind, "question");

    // The hours views give compare's figures (sessions 4 and 5, English).
    let s4 = out.join("oewg-s4-en.json");
    let s5 = out.join("oewg-s5-en.json");
    let c = Command::new(env!("CARGO_BIN_EXE_unprog"))
        .args(["compare", "--format", "json"])
        .arg(&s4)
        .arg(&s5)
        .output()
        .expect("compare");
    assert!(c.status.success(), "{}", stderr(&c));
    let comparison: serde_json::Value = serde_json::from_slice(&c.stdout).expect("JSON");
    let rows = comparison["hours"].as_array().expect("hours");
    assert!(rows.len() > 3);
    for row in rows {
        for (i, json) in ["oewg-s4-en.json", "oewg-s5-en.json"].iter().enumerate() {
            let want = row["hours"][i].as_f64().expect("hours");
            let (sql, args) = match row["sub_item"].as_str() {
                Some(letter) => (
                    "SELECT hours, slots FROM hours_per_subject h JOIN documents d ON d.id = h.document_id
                     WHERE d.json = ?1 AND h.agenda_item IS ?2 AND h.sub_item = ?3",
                    vec![Some(json.to_string()), row["item"].as_str().map(str::to_string), Some(letter.to_string())],
                ),
                None => (
                    "SELECT hours, slots FROM hours_per_agenda_item h JOIN documents d ON d.id = h.document_id
                     WHERE d.json = ?1 AND h.agenda_item IS ?2 AND ?3 IS NULL",
                    vec![Some(json.to_string()), row["item"].as_str().map(str::to_string), None],
                ),
            };
            let got: Option<(f64, i64)> = conn
                .query_row(sql, rusqlite::params_from_iter(args), |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .ok();
            let (hours, slots) = got.unwrap_or((0.0, 0));
            assert!((hours - want).abs() < 1e-9, "{json} {row}: {hours}");
            assert_eq!(
                slots,
                row["slots"][i].as_i64().expect("slots"),
                "{json} {row}"
            );
        }
    }

    // Datasette's metadata beside the database.
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("metadata.json")).expect("metadata.json"),
    )
    .expect("JSON");
    let tables = &meta["databases"]["programmes"]["tables"];
    assert_eq!(tables["search_entries"]["fts_table"], "search_fts");
    assert!(tables["documents"]["columns"]["sha256"].is_string());
    drop(stmt);
    drop(conn);

    // The same inputs again: nothing added, nothing replaced, same rows.
    let o = convert(&inputs, &out, &db, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("0 added, 0 replaced, {} unchanged", entries.len())),
        "{}",
        stderr(&o)
    );
    let conn = Connection::open(&db).expect("open");
    assert_eq!(
        count(&conn, "SELECT count(*) FROM documents"),
        entries.len() as i64
    );
    assert_eq!(
        count(&conn, "SELECT count(DISTINCT input) FROM documents"),
        entries.len() as i64
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_grown_folder_adds_and_a_changed_file_is_replaced() {
    let dir = scratch("sqlite-grown");
    let folder = dir.join("programmes");
    std::fs::create_dir_all(&folder).expect("dir");
    let out = dir.join("out");
    let db = dir.join("archive.db");
    for name in ["oewg-s4-en", "oewg-s4-fr"] {
        std::fs::copy(fixture_pdf(name), folder.join(format!("{name}.pdf"))).expect("copy");
    }
    let o = convert(std::slice::from_ref(&folder), &out, &db, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("2 added, 0 replaced, 0 unchanged"),
        "{}",
        stderr(&o)
    );
    let questions = |conn: &Connection| count(conn, "SELECT count(*) FROM questions");
    let conn = Connection::open(&db).expect("open");
    let before = questions(&conn);
    let fr_id = count(
        &conn,
        "SELECT id FROM documents WHERE file = 'oewg-s4-fr.pdf'",
    );
    drop(conn);

    // Two new programmes arrive, and the French file is swapped for the
    // fifth session's: its sha256 changes, so its rows are replaced.
    for name in ["oewg-s5-en", "oewg-s6-en"] {
        std::fs::copy(fixture_pdf(name), folder.join(format!("{name}.pdf"))).expect("copy");
    }
    std::fs::copy(fixture_pdf("oewg-s5-fr"), folder.join("oewg-s4-fr.pdf")).expect("copy");
    let o = convert(std::slice::from_ref(&folder), &out, &db, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("2 added, 1 replaced, 1 unchanged"),
        "{}",
        stderr(&o)
    );
    let conn = Connection::open(&db).expect("open");
    assert_eq!(count(&conn, "SELECT count(*) FROM documents"), 4);
    let (ordinal, id): (i64, i64) = conn
        .query_row(
            "SELECT session_ordinal, id FROM documents WHERE file = 'oewg-s4-fr.pdf'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("row");
    assert_eq!(ordinal, 5);
    assert_ne!(id, fr_id);
    // Each document's questions once: the totals are the JSON files' own.
    let mut want = 0;
    for name in ["oewg-s4-en", "oewg-s4-fr", "oewg-s5-en", "oewg-s6-en"] {
        let p: Programme = serde_json::from_str(
            &std::fs::read_to_string(out.join(format!("{name}.json"))).expect("json"),
        )
        .expect("programme");
        want += counts(&p)["questions"];
    }
    assert_eq!(questions(&conn), want);
    assert!(before > 0);
    // The search index holds each text once, the replaced ones gone.
    index_matches(&conn);
    drop(conn);

    // --replace starts the database afresh too.
    std::fs::remove_file(folder.join("oewg-s6-en.pdf")).expect("rm");
    let o = convert(std::slice::from_ref(&folder), &out, &db, &["--replace"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("3 added, 0 replaced, 0 unchanged"),
        "{}",
        stderr(&o)
    );
    let conn = Connection::open(&db).expect("open");
    assert_eq!(count(&conn, "SELECT count(*) FROM documents"), 3);
    index_matches(&conn);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_database_of_another_program_is_refused_and_one_document_to_stdout_is_a_usage_error() {
    let dir = scratch("sqlite-refused");
    let db = dir.join("other.db");
    let conn = Connection::open(&db).expect("open");
    conn.execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')")
        .expect("create");
    drop(conn);
    let o = convert(&[fixture_pdf("oewg-s4-en")], &dir.join("out"), &db, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("a database unprog did not write"),
        "{}",
        stderr(&o)
    );
    let conn = Connection::open(&db).expect("open");
    assert_eq!(count(&conn, "SELECT count(*) FROM notes"), 1);
    drop(conn);
    let o = Command::new(env!("CARGO_BIN_EXE_unprog"))
        .arg("convert")
        .arg(fixture_pdf("oewg-s4-en"))
        .args(["-o", "-", "--sqlite"])
        .arg(dir.join("x.db"))
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!dir.join("x.db").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_run_killed_outright_leaves_whole_chunks_and_the_next_run_completes_it() {
    let dir = scratch("sqlite-killed");
    let out = dir.join("out");
    let db = dir.join("archive.db");
    let inputs = corpus_inputs(&dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_unprog"))
        .arg("convert")
        .args(&inputs)
        .arg("-o")
        .arg(&out)
        .arg("--sqlite")
        .arg(&db)
        .args(["-j", "1", "-q"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("runs");
    // Killed (SIGKILL) as soon as a first chunk is committed.
    let committed = |db: &Path| -> Option<i64> {
        let conn =
            Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
        conn.busy_timeout(std::time::Duration::from_millis(50))
            .ok()?;
        conn.query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
            .ok()
    };
    // (Or it finished first: then the whole run is there.)
    common::kill_when(&mut child, "the run did not commit", || {
        db.exists() && committed(&db).is_some_and(|n| n > 0)
    });
    let conn = Connection::open(&db).expect("open");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity");
    assert_eq!(ok, "ok");
    assert_eq!(
        count(&conn, "SELECT count(*) FROM pragma_foreign_key_check"),
        0
    );
    index_matches(&conn);
    let n = count(&conn, "SELECT count(*) FROM documents");
    drop(conn);
    // Whole chunks of 64 inputs, or the whole run if it finished first.
    let o = convert(&inputs, &out, &db, &[]);
    let m = manifest(&out);
    let total = m["inputs"].as_array().expect("inputs").len() as i64;
    eprintln!("killed with {n} of {total} documents committed");
    assert!(n % 64 == 0 || n == total, "{n} of {total}");
    assert!(
        stderr(&o).contains(&format!("{} added, 0 replaced, {n} unchanged", total - n)),
        "{}",
        stderr(&o)
    );
    let conn = Connection::open(&db).expect("open");
    assert_eq!(count(&conn, "SELECT count(*) FROM documents"), total);
    index_matches(&conn);
    let _ = std::fs::remove_dir_all(&dir);
}
