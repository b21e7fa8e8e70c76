//! README's quick start prints what README says it prints.

mod common;

use std::process::Command;

/// The lines of README's `text` blocks (what a command is said to print).
fn printed_in_readme() -> Vec<String> {
    let readme = std::fs::read_to_string(common::root().join("README.md")).expect("README");
    let mut out = Vec::new();
    let mut inside = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            inside = line == "```text";
            continue;
        }
        if inside {
            out.push(line.to_string());
        }
    }
    out
}

#[test]
fn the_quick_start_prints_what_readme_shows() {
    let root = common::root();
    let out = common::scratch("readme-quick-start");
    let o = Command::new(env!("CARGO_BIN_EXE_unprog"))
        .current_dir(&root)
        .args([
            "convert",
            "fixtures/pdf",
            "fixtures/text/oewg-ict-s4-programme-zh.pdftext.txt",
            "-o",
        ])
        .arg(&out)
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let convert_err = String::from_utf8_lossy(&o.stderr).trim().to_string();
    let o = Command::new(env!("CARGO_BIN_EXE_unprog"))
        .current_dir(&root)
        .arg("compare")
        .arg(&out)
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let compare_err = String::from_utf8_lossy(&o.stderr).trim().to_string();
    let shown = printed_in_readme();
    assert!(
        shown.contains(&convert_err),
        "convert printed {convert_err:?}; README shows {shown:?}"
    );
    assert!(
        shown.contains(&compare_err),
        "compare printed {compare_err:?}; README shows {shown:?}"
    );
    let table = String::from_utf8_lossy(&o.stdout);
    for label in ["S3", "S4", "S5", "S6", "S7", "S8"] {
        assert!(table.contains(&format!("  {label}  ")), "{table}");
    }
}
