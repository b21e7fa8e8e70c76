//! README's quick start prints what README says it prints.

use crate::common;

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
    let o = Command::new(env!("CARGO_BIN_EXE_unprog"))
        .current_dir(&root)
        .arg("report")
        .arg(&out)
        .arg("-o")
        .arg(out.join("report.html"))
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report_err = String::from_utf8_lossy(&o.stderr).trim().to_string();
    assert!(
        shown.contains(&report_err),
        "report printed {report_err:?}; README shows {shown:?}"
    );
    let page = std::fs::read_to_string(out.join("report.html")).expect("report");
    assert_eq!(page.matches("<section class=\"programme\"").count(), 6);
}

/// Every file under `dir` (recursively) whose name passes `keep`.
fn walk(
    dir: &std::path::Path,
    keep: &dyn Fn(&std::path::Path) -> bool,
    out: &mut Vec<std::path::PathBuf>,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let path = e.path();
        if path.is_dir() {
            walk(&path, keep, out);
        } else if keep(&path) {
            out.push(path);
        }
    }
}

#[test]
fn the_licences_cargo_declares_are_there_and_no_url_is_a_placeholder() {
    let root = common::root();
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    assert!(manifest.contains("license = \"MIT OR Apache-2.0\""));
    let mit = std::fs::read_to_string(root.join("LICENSE-MIT")).expect("LICENSE-MIT");
    assert!(mit.starts_with("MIT License\n"));
    assert!(mit.contains("Permission is hereby granted, free of charge"));
    let apache = std::fs::read_to_string(root.join("LICENSE-APACHE")).expect("LICENSE-APACHE");
    assert!(apache.contains("Apache License\n                           Version 2.0, January 2004"));
    assert!(apache.contains("END OF TERMS AND CONDITIONS"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README");
    assert!(
        readme.contains("[LICENSE-MIT](LICENSE-MIT)")
            && readme.contains("[LICENSE-APACHE](LICENSE-APACHE)")
    );

    // Manifests, documentation, schemas and library sources: no made-up
    // address (RFC 2606 names) where a real one belongs.
    let mut files = vec![root.join("Cargo.toml"), root.join("fuzz/Cargo.toml")];
    for top in ["README.md", "ARCHITECTURE.md"] {
        files.push(root.join(top));
    }
    let texts = |p: &std::path::Path| {
        p.extension()
            .is_some_and(|x| ["toml", "md", "json", "rs", "sh"].iter().any(|e| x == *e))
    };
    for dir in ["crates", "schema", "docs", "scripts"] {
        walk(&root.join(dir), &texts, &mut files);
    }
    let placeholders = [
        "example.invalid",
        "example.com",
        "example.org",
        "example.net",
    ];
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for p in placeholders {
            assert!(!text.contains(p), "{}: {p}", path.display());
        }
    }
    assert!(files.len() > 50, "only {} files looked at", files.len());
}
