//! Inputs the fuzzers once found a bug with (`scripts/fuzz.sh`), replayed on
//! every test run: `tests/regressions/extract/*` through the extractor and
//! the layout parser, `tests/regressions/parse_text/*` through the plain-text
//! parser. Each must finish — with a value or an error — well within its time
//! budget; a hang shows as a failure, not as a stuck CI job.

use crate::common;

#[path = "../fuzz/bodies.rs"]
mod bodies;

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(20);

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = common::root().join("tests/regressions").join(target);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| p.is_file() && p.file_name().is_none_or(|n| n != "README.md"));
    v.sort();
    v
}

/// Runs `work` on a thread and fails the test if it has not ended in time.
fn within_limit(name: &str, work: impl FnOnce() + Send + 'static) {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        work();
        let _ = tx.send(());
    });
    match rx.recv_timeout(LIMIT) {
        Ok(()) => {}
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{name}: still running after {LIMIT:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{name}: panicked"),
    }
}

#[test]
fn extractor_regressions_end_in_time() {
    let files = inputs("extract");
    assert!(
        !files.is_empty(),
        "tests/regressions/extract holds the fuzzers' finds"
    );
    for path in files {
        let name = path.display().to_string();
        within_limit(&name.clone(), move || {
            let bytes = std::fs::read(&path).unwrap();
            bodies::extract(&bytes);
            // And the way the batch reads it.
            let options = unprog_parse::Options {
                extract: unprog_extract::Settings {
                    time_budget: Some(Duration::from_secs(5)),
                    ..Default::default()
                },
                language: None,
            };
            let _ = unprog_parse::parse_bytes(&bytes, "regression.pdf", false, &options);
        });
    }
}

/// The fuzz targets' code compiles against the current API and runs on
/// every fixture (CI does not build `fuzz/`, which needs nightly flags).
#[test]
fn the_fuzz_targets_run_on_the_fixtures() {
    for pdf in common::all_fixture_pdfs() {
        bodies::extract(&std::fs::read(&pdf).unwrap());
    }
    let text = common::root().join("fixtures/text/oewg-ict-s4-programme-zh.pdftext.txt");
    bodies::parse_text(&std::fs::read(text).unwrap());
}

#[test]
fn text_parser_regressions_end_in_time() {
    for path in inputs("parse_text") {
        let name = path.display().to_string();
        within_limit(&name.clone(), move || {
            let bytes = std::fs::read(&path).unwrap();
            bodies::parse_text(&bytes);
            let text = String::from_utf8_lossy(&bytes);
            let _ = unprog_parse::parse_text(&text, "regression.txt", &Default::default());
        });
    }
}

#[test]
fn a_page_that_is_its_own_parent_is_reported_not_looped_on() {
    let path = common::root().join("tests/regressions/extract/page-is-its-own-parent.pdf");
    within_limit("page-is-its-own-parent", move || {
        let bytes = std::fs::read(path).unwrap();
        let err = unprog_extract::extract(&bytes, &Default::default()).unwrap_err();
        assert!(err.to_string().contains("recovered 0 of 1 pages"), "{err}");
    });
}
