//! The command line's errors: each said once, in the user's terms, with the
//! exit code README gives (0 done, 1 some inputs failed, 2 usage error);
//! nothing internal (Rust's panic report, a backtrace, the allocator's
//! message) reaches the user; help that wraps and shows examples; arguments
//! that cannot work are refused.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{fixture_pdf, scratch};

fn unprog() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_unprog"));
    // As a developer's shell often has it: must change nothing the user sees.
    c.env("RUST_BACKTRACE", "1");
    c.env_remove("UNPROG_DEBUG_PANICS");
    c
}

fn run(args: &[&str]) -> Output {
    unprog().args(args).output().expect("runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).expect("manifest"))
        .expect("JSON")
}

/// The manifest entry of the input whose path ends with `name`.
fn entry<'a>(m: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    m["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .find(|e| e["input"].as_str().is_some_and(|i| i.ends_with(name)))
        .unwrap_or_else(|| panic!("{name} not in the manifest"))
}

/// Nothing of Rust's own reporting.
fn assert_nothing_internal(err: &str) {
    for internal in [
        "panicked",
        "unwrap()",
        "stack backtrace",
        "RUST_BACKTRACE",
        "memory allocation of",
        "os error",
    ] {
        assert!(
            !err.contains(internal),
            "{internal:?} reached the user:\n{err}"
        );
    }
}

#[test]
fn a_missing_input_is_said_once_and_is_a_usage_error() {
    let o = run(&["convert", "no-such-programme.pdf", "-o", "-"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(err.matches("no such file").count(), 1, "{err}");
    assert!(err.contains("no-such-programme.pdf"), "{err}");
    assert_nothing_internal(&err);
    // The same in batch mode and in the other commands.
    for args in [
        &[
            "convert",
            "no-such-programme.pdf",
            "-o",
            "/tmp/unprog-never",
        ][..],
        &["text", "no-such-programme.pdf"],
        &["layout", "no-such-programme.pdf"],
        &[
            "compare",
            "no-such-programme.json",
            "no-such-programme.json",
        ],
        &["report", "no-such-programme.json", "-o", "-"],
    ] {
        let o = run(args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.matches("no such file").count(), 1, "{args:?}: {err}");
        assert_nothing_internal(&err);
    }
}

#[test]
fn a_folder_where_a_file_is_expected_is_called_a_folder() {
    let dir = scratch("errors-folder");
    for args in [
        vec![
            "convert".to_string(),
            dir.display().to_string(),
            "-o".into(),
            "-".into(),
        ],
        vec!["layout".into(), dir.display().to_string()],
        vec!["text".into(), dir.display().to_string()],
    ] {
        let o = unprog().args(&args).output().expect("runs");
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("a folder"), "{args:?}: {err}");
        assert!(!err.contains("pipe"), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    }
}

#[test]
fn empty_files_and_zip_files_are_named_as_such() {
    let dir = scratch("errors-kinds");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).expect("dir");
    std::fs::write(inputs.join("empty.pdf"), b"").expect("write");
    // A Word document renamed: a ZIP archive.
    let mut docx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00".to_vec();
    docx.extend_from_slice(b"[Content_Types].xml");
    docx.resize(2000, 0);
    std::fs::write(inputs.join("programme.pdf"), &docx).expect("write");

    let o = unprog()
        .arg("convert")
        .arg(inputs.join("empty.pdf"))
        .args(["-o", "-"])
        .output()
        .expect("runs");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("empty.pdf: empty file"), "{err}");

    let o = unprog()
        .arg("convert")
        .arg(inputs.join("programme.pdf"))
        .args(["-o", "-"])
        .output()
        .expect("runs");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("a ZIP file")
            && err.contains(".docx")
            && err.contains("convert it to PDF first"),
        "{err}"
    );

    let out = dir.join("out");
    let o = unprog()
        .args(["convert", "-o"])
        .arg(&out)
        .arg(&inputs)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let m = manifest(&out);
    let e = entry(&m, "empty.pdf");
    assert_eq!(e["error"], "empty file (0 bytes)");
    assert_eq!(e["sha256"].as_str().map(str::len), Some(64));
    let e = entry(&m, "programme.pdf");
    assert!(
        e["error"]
            .as_str()
            .is_some_and(|s| s.starts_with("a ZIP file")),
        "{e}"
    );
}

#[test]
fn an_output_that_is_a_file_is_a_usage_error() {
    let dir = scratch("errors-output-file");
    let file = dir.join("out.txt");
    std::fs::write(&file, "keep me").expect("write");
    let o = unprog()
        .arg("convert")
        .arg(fixture_pdf("oewg-s4-en"))
        .arg("-o")
        .arg(&file)
        .output()
        .expect("runs");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("a file, not a folder"), "{err}");
    assert_nothing_internal(&err);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "keep me");
}

#[test]
fn a_write_error_names_the_output_file_not_a_temporary_one() {
    // /sys refuses new files even to root (CI runs as root, so a folder
    // without write permission would not do).
    let target = PathBuf::from("/sys/unprog-compare.txt");
    let expected = common::root().join("fixtures/expected");
    let o = unprog()
        .arg("compare")
        .arg(expected.join("oewg-s4-en.json"))
        .arg(expected.join("oewg-s5-en.json"))
        .arg("-o")
        .arg(&target)
        .output()
        .expect("runs");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot write /sys/unprog-compare.txt:"),
        "{err}"
    );
    assert!(!err.contains(".tmp"), "{err}");
    assert_nothing_internal(&err);
}

#[test]
fn a_bug_is_an_internal_error_said_once_without_rusts_report() {
    let dir = scratch("errors-panic");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).expect("dir");
    for name in ["oewg-s4-en", "oewg-s5-en"] {
        std::fs::copy(fixture_pdf(name), inputs.join(format!("{name}.pdf"))).expect("copy");
    }
    for isolate in [false, true] {
        let out = dir.join(format!("out-{isolate}"));
        let mut c = unprog();
        c.args(["convert", "-o"]).arg(&out).arg(&inputs);
        if isolate {
            c.arg("--isolate");
        }
        let o = c
            .env("UNPROG_FAULT", "panic:oewg-s5-en.pdf")
            .output()
            .expect("runs");
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert_nothing_internal(&err);
        let line: Vec<&str> = err
            .lines()
            .filter(|l| l.contains("oewg-s5-en.pdf"))
            .collect();
        assert_eq!(line.len(), 1, "{err}");
        assert!(
            line[0].contains(": internal error (a bug in unprog"),
            "{err}"
        );
        let m = manifest(&out);
        assert_eq!(entry(&m, "oewg-s4-en.pdf")["status"], "ok");
        assert!(entry(&m, "oewg-s5-en.pdf")["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("internal error")));
    }
}

#[test]
fn running_out_of_memory_names_the_document() {
    let dir = scratch("errors-oom");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).expect("dir");
    for name in ["oewg-s4-en", "oewg-s5-en"] {
        std::fs::copy(fixture_pdf(name), inputs.join(format!("{name}.pdf"))).expect("copy");
    }
    let out = dir.join("out");
    let o = unprog()
        .args(["convert", "--isolate", "--max-memory", "512", "-o"])
        .arg(&out)
        .arg(&inputs)
        .env("UNPROG_WORKER_FAULT", "oom:oewg-s4-en.pdf")
        .output()
        .expect("runs");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_nothing_internal(&err);
    assert!(
        err.lines().any(|l| l.ends_with("oewg-s4-en.pdf: out of memory: converting it needed more than --max-memory 512 MB; its worker process was stopped and the batch went on")),
        "{err}"
    );
    let m = manifest(&out);
    assert_eq!(entry(&m, "oewg-s5-en.pdf")["status"], "ok");

    // A real one: the decompression bomb under a tight limit (whether it
    // runs out depends on the machine; what is said must not).
    let bomb = dir.join("bomb");
    std::fs::create_dir_all(&bomb).expect("dir");
    std::fs::copy(
        common::root().join("fixtures/broken/decompression-bomb.pdf"),
        bomb.join("decompression-bomb.pdf"),
    )
    .expect("copy");
    let o = unprog()
        .args(["convert", "--isolate", "--max-memory", "20", "-o"])
        .arg(dir.join("out-bomb"))
        .arg(&bomb)
        .output()
        .expect("runs");
    assert_nothing_internal(&stderr(&o));
}

#[test]
fn help_wraps_to_the_terminal_and_shows_examples() {
    for sub in ["convert", "compare", "report", "text", "layout"] {
        let o = unprog()
            .args([sub, "--help"])
            .env("COLUMNS", "60")
            .output()
            .expect("runs");
        assert_eq!(o.status.code(), Some(0));
        let help = String::from_utf8_lossy(&o.stdout);
        assert!(help.contains("Examples:\n"), "{sub}: {help}");
        // (clap never breaks the usage line.)
        for line in help.lines().filter(|l| !l.starts_with("Usage:")) {
            assert!(
                line.chars().count() <= 60,
                "{sub} --help, a line over 60 columns: {line:?}"
            );
        }
    }
    let o = unprog().args(["layout", "--help"]).output().expect("runs");
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(
        !help.contains("module") && !help.contains("crate"),
        "{help}"
    );
    for key in [
        "top-left",
        "text_lines",
        "superscripts",
        "rects",
        "links",
        "warnings",
    ] {
        assert!(help.contains(key), "layout --help does not describe {key}");
    }
}

#[test]
fn arguments_that_cannot_work_are_refused() {
    let pdf = fixture_pdf("oewg-s4-en");
    let out = scratch("errors-args");
    for (args, says) in [
        (vec!["-j", "0"], "at least 1 job"),
        (vec!["-q", "-v"], "cannot be used with"),
    ] {
        let o = unprog()
            .arg("convert")
            .args(&args)
            .arg(&pdf)
            .arg("-o")
            .arg(out.join("never"))
            .output()
            .expect("runs");
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(!out.join("never").exists());
    }
}

#[test]
fn glob_may_be_given_several_times_and_says_when_it_matched_nothing() {
    let dir = scratch("errors-glob");
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).expect("dir");
    for name in ["oewg-s4-en", "oewg-s4-fr", "oewg-s5-en"] {
        std::fs::copy(fixture_pdf(name), inputs.join(format!("{name}.pdf"))).expect("copy");
    }
    let out = dir.join("out");
    let o = unprog()
        .args([
            "convert",
            "--glob",
            "*-fr.pdf",
            "--glob",
            "oewg-s5-*",
            "--glob",
            "*.docx",
        ])
        .arg("-o")
        .arg(&out)
        .arg(&inputs)
        .output()
        .expect("runs");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let m = manifest(&out);
    let taken: Vec<&str> = m["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .filter_map(|e| e["input"].as_str())
        .collect();
    assert_eq!(taken.len(), 2, "{taken:?}");
    assert!(taken.iter().any(|i| i.ends_with("oewg-s4-fr.pdf")));
    assert!(taken.iter().any(|i| i.ends_with("oewg-s5-en.pdf")));
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains("warning:")).collect();
    assert_eq!(
        warnings,
        ["unprog: warning: --glob \"*.docx\" matched no file"],
        "{err}"
    );

    // None matched: nothing to convert, a usage error.
    let o = unprog()
        .args(["convert", "--glob", "*.docx", "-o"])
        .arg(dir.join("out-none"))
        .arg(&inputs)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn counts_are_singular_for_one() {
    let out = scratch("errors-plural");
    let o = unprog()
        .args(["convert", "-v", "-o"])
        .arg(&out)
        .arg(fixture_pdf("oewg-s4-en"))
        .output()
        .expect("runs");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("unprog: 1 input: 1 ok"), "{err}");
    assert!(err.contains("3 pages, 0 warnings"), "{err}");
}
