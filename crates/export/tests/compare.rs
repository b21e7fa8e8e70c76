//! `compare` over the fixture corpus, against figures worked out by hand
//! from the fixture sources (fixtures/source/oewg-s4.json, oewg-s5.json).

use std::path::Path;
use unprog_export::compare::{
    self, render, ChangeKind, CompareOptions, Comparison, TopicKind, TopicStatus,
};
use unprog_parse::Programme;

fn load(name: &str) -> Programme {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/expected")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn compared(names: &[&str]) -> Comparison {
    let mut ps: Vec<Programme> = names.iter().map(|n| load(n)).collect();
    compare::session_order(&mut ps);
    compare::compare(&ps, &CompareOptions::default())
}

fn row<'a>(c: &'a Comparison, label: &str) -> &'a compare::HoursRow {
    c.hours
        .iter()
        .find(|r| r.label() == label)
        .unwrap_or_else(|| panic!("no row {label}"))
}

#[test]
fn hours_per_item_and_sub_item_s4_against_s5() {
    // Given in the later-first order: sessions are put in date order.
    let c = compared(&["oewg-s5-en", "oewg-s4-en"]);
    let labels: Vec<&str> = c.sessions.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["S4", "S5"]);
    assert_eq!(c.sessions[0].hours, 12.0);
    assert_eq!(c.sessions[1].hours, 18.0);
    assert_eq!((c.sessions[0].days, c.sessions[0].slots), (2, 5));
    assert_eq!((c.sessions[1].days, c.sessions[1].slots), (3, 6));

    // S4: 6 Mar 10-13 items 3 and 5(d) share 3 h; 15-18 5(a); 7 Mar 10-11:30
    // 5(f); 11:30-13 5(g); 15-18 item 6.
    // S5: 24 Jul 10-13 items 2 and 5(d); 15-18 5(e); 25 Jul 10-13 5(c) and
    // 5(f); 15-18 no item (stakeholders); 26 Jul 10-13 item 7; 15-18 items 7
    // and 6.
    let expected: &[(&str, [f64; 2], [u32; 2], f64)] = &[
        ("2", [0.0, 1.5], [0, 1], 1.5),
        ("3", [1.5, 0.0], [1, 0], -1.5),
        ("5", [7.5, 7.5], [4, 3], 0.0),
        ("5(a)", [3.0, 0.0], [1, 0], -3.0),
        ("5(c)", [0.0, 1.5], [0, 1], 1.5),
        ("5(d)", [1.5, 1.5], [1, 1], 0.0),
        ("5(e)", [0.0, 3.0], [0, 1], 3.0),
        ("5(f)", [1.5, 1.5], [1, 1], 0.0),
        ("5(g)", [1.5, 0.0], [1, 0], -1.5),
        ("6", [3.0, 1.5], [1, 1], -1.5),
        ("7", [0.0, 4.5], [0, 2], 4.5),
        ("other", [0.0, 3.0], [0, 1], 3.0),
    ];
    let got: Vec<String> = c.hours.iter().map(|r| r.label()).collect();
    let want: Vec<&str> = expected.iter().map(|e| e.0).collect();
    assert_eq!(got, want);
    for (label, hours, slots, change) in expected {
        let r = row(&c, label);
        assert_eq!(r.hours, hours.to_vec(), "{label}");
        assert_eq!(r.slots, slots.to_vec(), "{label}");
        assert_eq!(r.change, *change, "{label}");
    }
    assert_eq!(
        row(&c, "5(d)").title,
        "Continuing to study existing and potential threats in the sphere of information security, inter alia, data security, and possible cooperative measures to prevent and counter such threats, with a view to promoting common understandings"
    );
}

#[test]
fn days_and_slots_s4_against_s5() {
    let c = compared(&["oewg-s4-en", "oewg-s5-en"]);
    let days: Vec<(ChangeKind, usize, Option<&str>)> = c
        .days
        .iter()
        .map(|d| (d.kind, d.day, d.date.as_deref()))
        .collect();
    assert_eq!(days, [(ChangeKind::Added, 3, Some("2023-07-26"))]);
    let slots: Vec<(ChangeKind, usize, &str, &str)> = c
        .slots
        .iter()
        .map(|s| {
            (
                s.kind,
                s.day,
                s.start.as_deref().unwrap(),
                s.end.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        slots,
        [
            (ChangeKind::Removed, 2, "10:00", "11:30"),
            (ChangeKind::Added, 2, "10:00", "13:00"),
            (ChangeKind::Removed, 2, "11:30", "13:00"),
            (ChangeKind::Added, 3, "10:00", "13:00"),
            (ChangeKind::Added, 3, "15:00", "18:00"),
        ]
    );
}

#[test]
fn topics_new_dropped_and_carried_over_s4_against_s5() {
    let c = compared(&["oewg-s4-en", "oewg-s5-en"]);
    let status_of = |start: &str| {
        let t = c
            .topics
            .iter()
            .find(|t| t.kind == TopicKind::Topic && t.text.starts_with(start))
            .unwrap_or_else(|| panic!("no topic {start}"));
        t.status[0]
    };
    let focused = "Focused discussion on ";
    assert_eq!(
        status_of(&format!("{focused}the threats")),
        TopicStatus::CarriedOver
    );
    for dropped in ["the non-exhaustive", "the Chair’s revised", "funding"] {
        assert_eq!(
            status_of(&format!("{focused}{dropped}")),
            TopicStatus::Dropped,
            "{dropped}"
        );
    }
    for new in ["the first cluster", "the key design", "good practices"] {
        assert_eq!(
            status_of(&format!("{focused}{new}")),
            TopicStatus::New,
            "{new}"
        );
    }
    let count = |kind: TopicKind, status: TopicStatus| {
        c.topics
            .iter()
            .filter(|t| t.kind == kind && t.status[0] == status)
            .count()
    };
    assert_eq!(count(TopicKind::Topic, TopicStatus::CarriedOver), 1);
    assert_eq!(count(TopicKind::Topic, TopicStatus::Dropped), 3);
    assert_eq!(count(TopicKind::Topic, TopicStatus::New), 3);
    // Threats: 3 questions carried over; proposals 2 and funding 1 dropped;
    // first cluster 2, design principles 1 and public-private partnerships
    // (under the stakeholder meeting) 2 new.
    assert_eq!(count(TopicKind::Question, TopicStatus::CarriedOver), 3);
    assert_eq!(count(TopicKind::Question, TopicStatus::Dropped), 3);
    assert_eq!(count(TopicKind::Question, TopicStatus::New), 5);
    // The carried-over topic sits on day 1 in both, under 5(d).
    let threats = c
        .topics
        .iter()
        .find(|t| t.text.starts_with("Focused discussion on the threats"))
        .unwrap();
    for place in threats.places.iter() {
        let place = place.as_ref().unwrap();
        assert_eq!((place.day, place.subject.label()), (1, "5(d)".to_string()));
        assert_eq!(place.start.as_deref(), Some("10:00"));
    }
}

#[test]
fn a_topic_that_returns_after_a_session_is_one_row() {
    // "First cluster" is in S3, not in S4, and back in S5.
    let c = compared(&["oewg-s3-en", "oewg-s4-en", "oewg-s5-en"]);
    let rows: Vec<_> = c
        .topics
        .iter()
        .filter(|t| t.text.contains("first cluster"))
        .collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].status, [TopicStatus::Dropped, TopicStatus::New]);
}

#[test]
fn every_language_version_is_structurally_equal_to_english() {
    for session in ["s3", "s4", "s5", "s6"] {
        for lang in ["ar", "zh", "fr", "ru", "es"] {
            let c = compared(&[
                &format!("oewg-{session}-en"),
                &format!("oewg-{session}-{lang}"),
            ]);
            assert_eq!(
                c.structural_changes(),
                0,
                "{session} {lang}: {}",
                render::render(&c, render::Format::Table)
            );
            assert!(c
                .topics
                .iter()
                .all(|t| t.status == [TopicStatus::CarriedOver]));
        }
    }
}

#[test]
fn different_sessions_are_not_structurally_equal() {
    assert!(compared(&["oewg-s4-en", "oewg-s5-fr"]).structural_changes() > 0);
}

#[test]
fn every_format_carries_the_figures() {
    let c = compared(&["oewg-s4-en", "oewg-s5-en"]);
    let table = render::render(&c, render::Format::Table);
    assert!(table.contains("Hours per agenda item and sub-item"));
    let line = table
        .lines()
        .find(|l| l.trim_start().starts_with("7 "))
        .unwrap();
    let last: Vec<&str> = line.split_whitespace().rev().take(3).collect();
    assert_eq!(last, ["+4.5", "4.5", "0"], "{line}");

    let md = render::render(&c, render::Format::Markdown);
    assert!(md.contains("| 5(e) |") || md.contains("|   5(e) |"), "{md}");
    assert!(md.contains("| ---: |"));

    let csv = render::render(&c, render::Format::Csv);
    assert!(csv.starts_with(render::CSV_HEADER));
    let columns = render::CSV_HEADER.split(',').count();
    let hours_rows = csv.lines().filter(|l| l.starts_with("hours,")).count();
    assert_eq!(hours_rows, 12 * 2);
    assert!(csv.contains("hours,S5,A/AC.292/2023/INF/3,en,7,,"));
    assert!(csv
        .lines()
        .any(|l| l.starts_with("slot,S5,") && l.contains(",removed,2,2023-03-07,10:00,11:30,")));
    for line in csv.lines().filter(|l| !l.contains('"')) {
        assert_eq!(line.split(',').count(), columns, "{line}");
    }

    let json: serde_json::Value =
        serde_json::from_str(&render::render(&c, render::Format::Json)).unwrap();
    assert_eq!(json["sessions"][1]["hours"], 18.0);
    assert_eq!(json["topics"][0]["status"][0], "carried_over");
}

#[test]
fn a_folder_of_six_languages_gives_one_session_each() {
    let mut all = Vec::new();
    for session in ["s4", "s5"] {
        for lang in ["ar", "zh", "en", "fr", "ru", "es"] {
            all.push(load(&format!("oewg-{session}-{lang}")));
        }
    }
    let (kept, left) = compare::choose_versions(all.clone(), None);
    let files: Vec<&str> = kept.iter().map(|p| p.source.file.as_str()).collect();
    assert_eq!(files, ["oewg-s4-en.pdf", "oewg-s5-en.pdf"]);
    assert_eq!(left.len(), 10);

    let (kept, _) = compare::choose_versions(all.clone(), Some(unprog_parse::Language::Zh));
    let files: Vec<&str> = kept.iter().map(|p| p.source.file.as_str()).collect();
    assert_eq!(files, ["oewg-s4-zh.pdf", "oewg-s5-zh.pdf"]);

    // One document in several languages: the versions are what is compared.
    let (kept, left) = compare::choose_versions(all[..6].to_vec(), None);
    assert_eq!((kept.len(), left.len()), (6, 0));
}

#[test]
fn columns_get_distinct_names() {
    let c = compared(&["oewg-s4-en", "oewg-s4-fr"]);
    let labels: Vec<&str> = c.sessions.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["S4 en", "S4 fr"]);
    let mut again = load("oewg-s4-en");
    again.source.file = "rev1.pdf".into();
    let labels = compare::session_labels(&[load("oewg-s4-en"), again, load("oewg-s5-en")]);
    assert_eq!(labels, ["S4 en", "S4 en #2", "S5"]);
}

#[test]
fn a_version_without_a_symbol_is_a_version_of_its_sessions_document() {
    let mut copied = load("oewg-s4-zh");
    copied.symbol = None;
    copied.source.file = "copied.txt".into();
    let all = vec![load("oewg-s4-en"), copied, load("oewg-s5-en")];
    assert_eq!(
        compare::document_keys(&all),
        [
            "A/AC.292/2023/INF/1",
            "A/AC.292/2023/INF/1",
            "A/AC.292/2023/INF/3"
        ]
    );
    let (kept, left) = compare::choose_versions(all.clone(), None);
    let files: Vec<&str> = kept.iter().map(|p| p.source.file.as_str()).collect();
    assert_eq!(files, ["oewg-s4-en.pdf", "oewg-s5-en.pdf"]);
    assert_eq!(left, ["copied.txt"]);
    // With a language, one version of each document in it: a second print
    // of the same document is left out too.
    let mut again = load("oewg-s4-en");
    again.source.file = "again.pdf".into();
    let (kept, left) = compare::choose_versions(
        vec![load("oewg-s4-en"), again],
        Some(unprog_parse::Language::En),
    );
    assert_eq!((kept.len(), left), (1, vec!["again.pdf".to_string()]));
}
