//! `unprog compare` and `unprog report` from the command line: the inputs
//! they take (JSON files, a dataset folder, PDFs) and the files they write.

use crate::common;

use std::process::Command;

fn unprog(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_unprog"))
        .args(args)
        .current_dir(common::root())
        .output()
        .expect("unprog runs")
}

fn stdout(o: &std::process::Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// The session labels of `compare --format json` output.
fn session_labels(json: &serde_json::Value) -> Vec<&str> {
    json["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["label"].as_str().unwrap())
        .collect()
}

#[test]
fn compare_two_converted_sessions_as_csv() {
    let out = stdout(&unprog(&[
        "compare",
        "fixtures/expected/oewg-s5-en.json",
        "fixtures/expected/oewg-s4-en.json",
        "--format",
        "csv",
    ]));
    assert!(out.starts_with("section,session,symbol,language,item,sub_item,text,hours,"));
    assert!(out.contains(
        "\nhours,S5,A/AC.292/2023/INF/3,en,7,,Adoption of the annual progress report,4.5,2,+4.5,"
    ));
    assert!(out.contains("\nday,S5,A/AC.292/2023/INF/3,en,,,,,,,added,3,2023-07-26,,,\n"));
}

#[test]
fn compare_a_folder_of_six_languages_keeps_one_per_session() {
    let o = unprog(&["compare", "fixtures/expected", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let labels = session_labels(&json);
    assert_eq!(labels, ["S3", "S4", "S5", "S6", "S7", "S8"]);
    assert!(json["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["language"] == "en"));
    let versions = std::fs::read_dir(common::root().join("fixtures/expected"))
        .unwrap()
        .count();
    assert!(
        String::from_utf8_lossy(&o.stderr).contains(&format!(
            "{} other version(s) left out (oewg-s3-ar.pdf, oewg-s3-es.pdf, oewg-s3-fr.pdf, …)",
            versions - labels.len()
        )),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    let o = unprog(&["compare", "fixtures/expected", "-l", "zh", "--format", "md"]);
    let md = stdout(&o);
    assert!(md.contains("## Hours per agenda item and sub-item"));
    assert!(md.contains("| zh |"));
}

#[test]
fn two_language_versions_from_their_pdfs_compare_as_equal() {
    let o = unprog(&[
        "compare",
        "fixtures/pdf/oewg-s6-ru.pdf",
        "fixtures/pdf/oewg-s6-ar.pdf",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["days"].as_array().unwrap().len(), 0);
    assert_eq!(json["slots"].as_array().unwrap().len(), 0);
    for row in json["hours"].as_array().unwrap() {
        assert_eq!(row["change"], 0.0, "{row}");
    }
}

#[test]
fn bad_arguments_are_usage_errors() {
    let o = unprog(&[
        "compare",
        "fixtures/expected/oewg-s4-en.json",
        "--threshold",
        "2",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = unprog(&["compare", "fixtures/expected/oewg-s4-en.json", "-l", "de"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("ar, zh, en, fr, ru, es"));
    let o = unprog(&["compare", "fixtures/broken/empty.pdf"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("empty.pdf"));
}

#[test]
fn report_from_a_dataset_folder_is_written_atomically() {
    let dir = common::scratch("report");
    let dataset = dir.join("dataset");
    let o = unprog(&[
        "convert",
        "-q",
        "fixtures/pdf/oewg-s4-en.pdf",
        "fixtures/pdf/oewg-s5-en.pdf",
        "-o",
        dataset.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let page = dir.join("report.html");
    let o = unprog(&[
        "report",
        dataset.to_str().unwrap(),
        "-o",
        page.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<div class=\"slot\"").count(), 5 + 6);
    assert_eq!(html.matches("<svg class=\"chart\"").count(), 1);
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_version_without_a_symbol_joins_its_session_and_the_note_names_the_language() {
    // The quick start's dataset: the fixture PDFs and the Chinese text copied
    // from a viewer, which prints no symbol but is the fourth session's.
    let sample = "fixtures/text/oewg-ict-s4-programme-zh.pdftext.txt";
    let o = unprog(&["compare", "fixtures/expected", sample, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let labels = session_labels(&json);
    assert_eq!(labels, ["S3", "S4", "S5", "S6", "S7", "S8"]);
    // Titles come from the chosen (English) versions only.
    let titles = json["hours"].to_string();
    assert!(!titles.contains("进一步制定"), "{titles}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("English where there is one"), "{err}");

    let o = unprog(&[
        "compare",
        "fixtures/expected",
        "-l",
        "fr",
        "--format",
        "json",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("comparing the French version of each document"),
        "{err}"
    );
    assert!(!err.contains("English"), "{err}");
}

#[test]
fn one_session_is_nothing_to_compare() {
    let o = unprog(&["compare", "fixtures/expected/oewg-s4-en.json"]);
    assert!(o.status.success());
    assert_eq!(stdout(&o), "");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("nothing to compare"), "{err}");
}

#[test]
fn report_of_a_dataset_shows_one_version_per_document_unless_asked() {
    let dir = common::scratch("report-versions");
    let page = dir.join("report.html");
    let sample = "fixtures/text/oewg-ict-s4-programme-zh.pdftext.txt";
    let run = |extra: &[&str]| {
        let mut args = vec![
            "report",
            "fixtures/expected",
            sample,
            "-o",
            page.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let o = unprog(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        (
            std::fs::read_to_string(&page).unwrap(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let inputs = std::fs::read_dir(common::root().join("fixtures/expected"))
        .unwrap()
        .count()
        + 1;

    // One per document: the six sessions in English (the symbol-less
    // Chinese sample belongs to the fourth), with a contents list.
    let (html, err) = run(&[]);
    assert_eq!(html.matches("<section class=\"programme\"").count(), 6);
    assert_eq!(html.matches(" lang=\"en\" dir=\"ltr\">").count(), 6);
    assert_eq!(html.matches("<li><a href=\"#p").count(), 6);
    assert_eq!(html.matches("<svg class=\"chart\"").count(), 1);
    assert!(
        err.contains(&format!(
            "unprog: report of one version per document, English where there is one (-l chooses, --all-versions shows all): {} other version(s) left out",
            inputs - 6
        )),
        "{err}"
    );

    let (html, err) = run(&["--all-versions"]);
    assert_eq!(html.matches("<section class=\"programme\"").count(), inputs);
    assert_eq!(html.matches("<li><a href=\"#p").count(), inputs);
    assert_eq!(err, "");
    // The chart still shows one version of each session.
    assert!(html.contains("<caption>Bars: one per session, top to bottom</caption>"));
    let key = &html[html.find("<div class=\"key\">").unwrap()..];
    let key = &key[..key.find("</div>").unwrap()];
    assert_eq!(
        key.matches("<tr><td class=\"code\"><b>S").count(),
        6,
        "{key}"
    );

    let (html, err) = run(&["-l", "fr"]);
    assert_eq!(html.matches(" lang=\"fr\" dir=\"ltr\">").count(), 6);
    assert_eq!(html.matches("<section class=\"programme\"").count(), 6);
    assert!(
        err.contains("report of the French version of each document"),
        "{err}"
    );

    let o = unprog(&[
        "report",
        "fixtures/expected/oewg-s4-en.json",
        "-l",
        "ar",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
