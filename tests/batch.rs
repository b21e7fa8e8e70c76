//! `unprog convert` on a folder: every output file, the JSON Lines and CSV
//! counts, the manifest statuses (a broken file and a non-PDF mixed in),
//! atomicity (no temporary files left), determinism (-j 1 and -j 2 give the
//! same bytes), --resume, exit codes, and `-o -`.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{all_fixture_pdfs, files, root, scratch};

fn unprog() -> Command {
    Command::new(env!("CARGO_BIN_EXE_unprog"))
}

/// The fixture PDFs, the Chinese text sample, a non-PDF named .pdf, a
/// truncated PDF, and a file the batch must ignore.
fn input_folder() -> PathBuf {
    let dir = scratch("inputs");
    for pdf in all_fixture_pdfs() {
        std::fs::copy(&pdf, dir.join(pdf.file_name().expect("name"))).expect("copy");
    }
    let sub = dir.join("text");
    std::fs::create_dir_all(&sub).expect("dir");
    std::fs::copy(
        root().join("fixtures/text/oewg-ict-s4-programme-zh.pdftext.txt"),
        sub.join("sample-zh.txt"),
    )
    .expect("copy");
    std::fs::write(
        dir.join("page.pdf"),
        "<!DOCTYPE html><html><body>Not found</body></html>",
    )
    .expect("write");
    let pdf = std::fs::read(root().join("fixtures/pdf/oewg-s4-en.pdf")).expect("read");
    std::fs::write(dir.join("truncated.pdf"), &pdf[..pdf.len() / 3]).expect("write");
    std::fs::write(dir.join("notes.md"), "ignored").expect("write");
    dir
}

/// The manifest with the timings taken out (the only thing that may differ
/// between two runs).
fn manifest_without_timings(dir: &Path) -> serde_json::Value {
    let mut m: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("manifest.json")).expect("manifest"),
    )
    .expect("JSON");
    for e in m["inputs"].as_array_mut().expect("inputs") {
        e["elapsed_ms"] = serde_json::Value::Null;
    }
    m
}

#[test]
fn a_folder_converts_to_a_dataset_and_bad_files_are_reported() {
    let inputs = input_folder();
    let out1 = scratch("out-j1");
    let out2 = scratch("out-j2");
    let run = |out: &Path, jobs: &str| {
        unprog()
            .args(["convert", "-q", "-j", jobs, "-o"])
            .arg(out)
            .arg(&inputs)
            .output()
            .expect("runs")
    };
    let r1 = run(&out1, "1");
    assert_eq!(r1.status.code(), Some(1), "some inputs failed: exit code 1");
    let r2 = run(&out2, "2");
    assert_eq!(r2.status.code(), Some(1));

    let n_pdfs = all_fixture_pdfs().len();
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out1.join("manifest.json")).expect("manifest"),
    )
    .expect("JSON");
    let entries = manifest["inputs"].as_array().expect("inputs");
    assert_eq!(
        entries.len(),
        n_pdfs + 3,
        "fixtures, the text sample, two bad files; notes.md ignored"
    );
    let status = |suffix: &str| {
        entries
            .iter()
            .find(|e| e["input"].as_str().is_some_and(|i| i.ends_with(suffix)))
            .map(|e| {
                (
                    e["status"].as_str().unwrap_or("").to_string(),
                    e["error"].as_str().unwrap_or("").to_string(),
                )
            })
            .expect("entry")
    };
    let (s, e) = status("page.pdf");
    assert_eq!(s, "failed");
    assert!(e.starts_with("not a PDF (starts with"), "{e}");
    let (s, e) = status("truncated.pdf");
    assert_eq!(s, "failed");
    assert!(e.contains("damaged") || e.contains("truncated"), "{e}");
    assert_eq!(status("sample-zh.txt").0, "ok");
    assert_eq!(manifest["summary"]["failed"], 2);
    assert_eq!(manifest["summary"]["ok"].as_u64(), Some(n_pdfs as u64 + 1));
    assert_eq!(manifest["tool_version"], env!("CARGO_PKG_VERSION"));
    for e in entries.iter().filter(|e| e["status"] != "failed") {
        assert_eq!(e["sha256"].as_str().map(str::len), Some(64));
        let output = e["output"].as_str().expect("output name");
        assert!(out1.join(output).is_file(), "{output}");
    }
    // The versions of one document (languages, producers) are grouped by
    // symbol and agree.
    let mut per_symbol: std::collections::BTreeMap<String, usize> = Default::default();
    for pdf in all_fixture_pdfs() {
        let name = pdf
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let expected: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(common::root().join(format!("fixtures/expected/{name}.json")))
                .expect("expected JSON"),
        )
        .expect("JSON");
        *per_symbol
            .entry(expected["symbol"].as_str().unwrap_or_default().to_string())
            .or_default() += 1;
    }
    let groups = manifest["groups"].as_array().expect("groups");
    assert_eq!(groups.len(), per_symbol.len());
    for g in groups {
        let symbol = g["symbol"].as_str().unwrap_or_default();
        assert_eq!(
            g["members"].as_array().map(Vec::len),
            per_symbol.get(symbol).copied(),
            "{symbol}"
        );
    }
    assert_eq!(manifest["summary"]["inconsistent_groups"], 0);

    // JSON Lines: one line per converted document.
    let jsonl = std::fs::read_to_string(out1.join("programmes.jsonl")).expect("jsonl");
    assert_eq!(jsonl.lines().count(), n_pdfs + 1);
    let mut slots = 0;
    for line in jsonl.lines() {
        let p: unprog_parse::Programme =
            serde_json::from_str(line).expect("each line is a programme");
        slots += p.days.iter().map(|d| d.slots.len()).sum::<usize>();
    }
    // CSV: the header and one row per slot.
    let csv = std::fs::read_to_string(out1.join("slots.csv")).expect("csv");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("file,json,symbol,language,session_ordinal,date,weekday,start,end,minutes,room,agenda_items,sub_items,continued,events,topics,speakers")
    );
    assert_eq!(lines.count(), slots);

    // Atomic writes: nothing temporary left behind.
    let names = files(&out1);
    assert!(
        names
            .iter()
            .all(|n| !n.starts_with('.') && !n.ends_with(".tmp")),
        "{names:?}"
    );
    assert_eq!(names.len(), n_pdfs + 1 + 3);

    // Determinism: -j 1 and -j 2 give the same bytes (timings aside).
    assert_eq!(names, files(&out2));
    for n in &names {
        if n != "manifest.json" {
            assert!(
                std::fs::read(out1.join(n)).ok() == std::fs::read(out2.join(n)).ok(),
                "{n} differs between -j 1 and -j 2"
            );
        }
    }
    assert_eq!(
        manifest_without_timings(&out1),
        manifest_without_timings(&out2)
    );

    // --resume keeps what is done and gives the same dataset.
    let r3 = unprog()
        .args(["convert", "-q", "--resume", "-o"])
        .arg(&out1)
        .arg(&inputs)
        .output()
        .expect("runs");
    assert_eq!(r3.status.code(), Some(1));
    let again: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out1.join("manifest.json")).expect("manifest"),
    )
    .expect("JSON");
    let resumed = again["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .filter(|e| e["resumed"] == true)
        .count();
    assert_eq!(resumed, n_pdfs + 1);
    assert_eq!(
        std::fs::read(out1.join("slots.csv")).ok(),
        std::fs::read(out2.join("slots.csv")).ok()
    );
    assert_eq!(
        std::fs::read(out1.join("programmes.jsonl")).ok(),
        std::fs::read(out2.join("programmes.jsonl")).ok()
    );
}

#[test]
fn dash_o_dash_prints_one_document_and_usage_errors_exit_2() {
    let pdf = root().join("fixtures/pdf/oewg-s4-zh.pdf");
    let out = unprog()
        .args(["convert"])
        .arg(&pdf)
        .args(["-o", "-"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let p: unprog_parse::Programme = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(p.symbol.as_deref(), Some("A/AC.292/2023/INF/1"));

    let two = unprog()
        .args(["convert"])
        .arg(&pdf)
        .arg(&pdf)
        .args(["-o", "-"])
        .output()
        .expect("runs");
    assert_eq!(two.status.code(), Some(2));
    let missing = unprog()
        .args(["convert", "/no/such/file.pdf", "-o", "/tmp/x"])
        .output()
        .expect("runs");
    assert_eq!(missing.status.code(), Some(2));
    let bad_flag = unprog()
        .args(["convert", "--no-such-flag"])
        .output()
        .expect("runs");
    assert_eq!(bad_flag.status.code(), Some(2));
}

/// `--isolate`: a worker that hangs is killed at the hard limit and one that
/// crashes is reported; both are replaced, and every other input converts,
/// with the same outputs as in-process.
#[test]
fn isolated_workers_that_hang_or_crash_cost_one_input_each() {
    let dir = scratch("isolate");
    let (iso, plain) = (dir.join("isolated"), dir.join("plain"));
    let started = std::time::Instant::now();
    let o = unprog()
        .args([
            "convert",
            "-q",
            "-j",
            "2",
            "--isolate",
            "--timeout",
            "0.5",
            "-o",
        ])
        .arg(&iso)
        .arg(common::root().join("fixtures/pdf"))
        .env("UNPROG_WORKER_FAULT", "hang:oewg-s4-fr.pdf")
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Hard limit: 2 × 0.5 s + 2 s.
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(iso.join("manifest.json")).unwrap()).unwrap();
    let failed: Vec<&serde_json::Value> = manifest["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["status"] == "failed")
        .collect();
    assert_eq!(failed.len(), 1);
    assert!(failed[0]["input"]
        .as_str()
        .unwrap()
        .ends_with("oewg-s4-fr.pdf"));
    let error = failed[0]["error"].as_str().unwrap();
    assert!(
        error.contains("gave up after 3 s") && error.contains("killed"),
        "{error}"
    );
    assert_eq!(failed[0]["sha256"].as_str().map(str::len), Some(64));
    let pdfs = std::fs::read_dir(common::root().join("fixtures/pdf"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "pdf"))
        })
        .count() as u64;
    assert_eq!(
        manifest["summary"]["ok"].as_u64().unwrap()
            + manifest["summary"]["warnings"].as_u64().unwrap(),
        pdfs - 1
    );

    let o = unprog()
        .args(["convert", "-q", "-j", "1", "--isolate", "-o"])
        .arg(&iso)
        .arg(common::root().join("fixtures/pdf"))
        .env("UNPROG_WORKER_FAULT", "abort:oewg-s3-ar.pdf")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(iso.join("manifest.json")).unwrap()).unwrap();
    let first = &manifest["inputs"][0];
    assert!(first["input"].as_str().unwrap().ends_with("oewg-s3-ar.pdf"));
    assert!(
        first["error"]
            .as_str()
            .unwrap()
            .contains("worker process died"),
        "{first}"
    );
    assert_eq!(manifest["summary"]["failed"], 1);

    // Everything else is byte for byte what the in-process batch writes.
    let o = unprog()
        .args(["convert", "-q", "-j", "2", "-o"])
        .arg(&plain)
        .arg(common::root().join("fixtures/pdf"))
        .output()
        .unwrap();
    assert!(o.status.success());
    for name in ["oewg-s6-zh.json", "oewg-s4-en.json", "oewg-s5-ar.json"] {
        assert_eq!(
            std::fs::read(iso.join(name)).unwrap(),
            std::fs::read(plain.join(name)).unwrap(),
            "{name}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A named pipe among the inputs would block a read for ever: it is reported
/// and the batch goes on.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_not_waited_on() {
    let dir = scratch("fifo");
    let fifo = dir.join("pipe.pdf");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let o = unprog()
        .args(["convert", "-o"])
        .arg(dir.join("out"))
        .arg(&fifo)
        .arg(common::fixture_pdf("oewg-s4-en"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("pipe.pdf: not a regular file"));
    assert!(dir.join("out/oewg-s4-en.json").is_file());
    let o = unprog()
        .args(["convert", "-o", "-"])
        .arg(&fifo)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a regular file"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--isolate --max-memory`: a document that needs more memory than a
/// worker may have fails alone (here a 300 MB file, read whole), and the
/// next input converts.
#[test]
fn an_isolated_worker_over_its_memory_cap_fails_one_input() {
    let dir = scratch("memcap");
    let big = dir.join("huge.pdf");
    // Sparse: takes no disk space.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(300 << 20)
        .unwrap();
    let o = unprog()
        .args([
            "convert",
            "-q",
            "-j",
            "1",
            "--isolate",
            "--max-memory",
            "250",
            "-o",
        ])
        .arg(dir.join("out"))
        .arg(&big)
        .arg(common::fixture_pdf("oewg-s4-en"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("out/manifest.json")).unwrap())
            .unwrap();
    let entry = |name: &str| {
        manifest["inputs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["input"].as_str().unwrap().ends_with(name))
            .cloned()
            .unwrap()
    };
    // The read is refused inside the worker (an allocation past the cap);
    // without the cap the same file reads and fails later, as not a PDF.
    let huge = entry("huge.pdf");
    assert_eq!(huge["error"], "cannot read: out of memory", "{huge}");
    assert_eq!(entry("oewg-s4-en.pdf")["status"], "ok");
    let o = unprog()
        .args(["convert", "-q", "-j", "1", "-o"])
        .arg(dir.join("uncapped"))
        .arg(&big)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&o.stderr).is_empty());
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("uncapped/manifest.json")).unwrap())
            .unwrap();
    assert!(manifest["inputs"][0]["error"]
        .as_str()
        .unwrap()
        .starts_with("not a PDF"));
    std::fs::remove_dir_all(&dir).unwrap();
}
