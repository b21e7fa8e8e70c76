//! The batch over broken and hostile inputs (fixtures/broken, made by
//! scripts/make_broken.py) mixed with good programmes: every good file still
//! converts, every bad one is reported with the right kind of error, none
//! takes longer than the time budget, nothing crashes.

use crate::common;

use std::process::Command;

use common::root;

const EXPECTED: &[(&str, &str)] = &[
    ("empty.pdf", "empty file (0 bytes)"),
    ("random-bytes.pdf", "not a PDF (starts with"),
    (
        "html-saved-as.pdf",
        "not a PDF (starts with \"<!DOCTYPE html>",
    ),
    ("truncated-10pct.pdf", "the file is probably truncated"),
    ("truncated-50pct.pdf", "the file is probably truncated"),
    ("truncated-90pct.pdf", "the file is probably truncated"),
    ("encrypted.pdf", "encrypted PDF (password required)"),
    ("reference-loop.pdf", "damaged PDF"),
    ("bad-xref.pdf", "no programme table found"),
    ("decompression-bomb.pdf", "no programme table found"),
    ("deep-nesting.pdf", "no programme table found"),
    ("broken-font.pdf", "no programme table found"),
    ("two-thousand-pages.pdf", "no programme table found"),
];

#[test]
fn bad_inputs_are_reported_and_good_ones_convert() {
    let inputs = std::env::temp_dir().join(format!("unprog-hostile-{}", std::process::id()));
    let out = inputs.with_extension("out");
    let _ = std::fs::remove_dir_all(&inputs);
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&inputs).expect("dir");
    for entry in std::fs::read_dir(root().join("fixtures/broken")).expect("fixtures/broken") {
        let p = entry.expect("entry").path();
        std::fs::copy(&p, inputs.join(p.file_name().expect("name"))).expect("copy");
    }
    for good in ["oewg-s4-zh", "oewg-s5-ar", "oewg-s6-ru"] {
        std::fs::copy(
            root().join(format!("fixtures/pdf/{good}.pdf")),
            inputs.join(format!("{good}.pdf")),
        )
        .expect("copy");
    }
    let run = Command::new(env!("CARGO_BIN_EXE_unprog"))
        .args(["convert", "-q", "--timeout", "10", "-o"])
        .arg(&out)
        .arg(&inputs)
        .output()
        .expect("runs");
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("manifest.json")).expect("manifest"),
    )
    .expect("JSON");
    let entries = manifest["inputs"].as_array().expect("inputs");
    let find = |name: &str| {
        entries
            .iter()
            .find(|e| {
                e["input"]
                    .as_str()
                    .is_some_and(|i| i.ends_with(&format!("/{name}")))
            })
            .unwrap_or_else(|| panic!("{name} missing from the manifest"))
    };
    for (name, error) in EXPECTED {
        let e = find(name);
        assert_eq!(e["status"], "failed", "{name}");
        let msg = e["error"].as_str().unwrap_or("");
        assert!(msg.contains(error), "{name}: {msg:?} should say {error:?}");
        assert!(
            e["elapsed_ms"].as_u64().is_some_and(|ms| ms < 10_000),
            "{name} over the time budget"
        );
    }
    // Files cut after their objects are recovered and convert.
    for name in ["truncated-before-xref.pdf", "truncated-after-pages.pdf"] {
        let e = find(name);
        assert_ne!(e["status"], "failed", "{name}: {}", e["error"]);
        assert!(e["pages"].as_u64().is_some_and(|p| p >= 2));
    }
    for good in ["oewg-s4-zh.pdf", "oewg-s5-ar.pdf", "oewg-s6-ru.pdf"] {
        assert_eq!(find(good)["status"], "ok", "{good}");
    }
    // One line per failure on stderr would be printed without -q; with -q the
    // manifest carries them all.
    assert_eq!(
        manifest["summary"]["failed"].as_u64(),
        Some(EXPECTED.len() as u64)
    );
}
