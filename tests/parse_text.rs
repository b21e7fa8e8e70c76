//! The plain-text path: text that another tool extracted from a real Chinese
//! programme (fixtures/text, a copy of shared/samples) comes out as its
//! hand-checked expected JSON; and text extracted from the fixture PDFs gives
//! the same timetable as their layout.

use crate::common;

use common::root;
use unprog_parse::{parse_path, parse_text, Options, Programme};

#[test]
fn the_real_chinese_sample_matches_its_hand_checked_json() {
    let dir = root().join("fixtures/text");
    let got = parse_path(
        &dir.join("oewg-ict-s4-programme-zh.pdftext.txt"),
        &Options::default(),
    )
    .expect("parses");
    let want: Programme = serde_json::from_str(
        &std::fs::read_to_string(dir.join("oewg-ict-s4-programme-zh.expected.json"))
            .expect("expected JSON"),
    )
    .expect("valid");
    assert_eq!(
        serde_json::to_string_pretty(&got).expect("json"),
        serde_json::to_string_pretty(&want).expect("json")
    );
}

#[test]
fn radicals_in_the_text_read_as_the_ideographs_they_stand_for() {
    // What a tool that ignores ActualText extracts from a Chromium PDF: every
    // ideograph that is also a Kangxi radical written as the radical.
    let dir = root().join("fixtures/text");
    let text =
        std::fs::read_to_string(dir.join("oewg-ict-s4-programme-zh.pdftext.txt")).expect("sample");
    let radical_of = |c: char| {
        ('\u{2F00}'..='\u{2FD5}').find(|&r| unprog_extract::script::unify_radical(r) == c)
    };
    let radicals: String = text.chars().map(|c| radical_of(c).unwrap_or(c)).collect();
    assert!(
        radicals.contains('\u{2F49}') && radicals.contains('\u{2F47}'),
        "⽉ and ⽇ in the text"
    );
    let file = "oewg-ict-s4-programme-zh.pdftext.txt";
    let mut got = parse_text(&radicals, file, &Options::default());
    let want = parse_text(&text, file, &Options::default());
    assert_ne!(
        got.source.sha256, want.source.sha256,
        "the hash is the input's"
    );
    got.source.sha256.clone_from(&want.source.sha256);
    assert_eq!(
        serde_json::to_string_pretty(&got).expect("json"),
        serde_json::to_string_pretty(&want).expect("json")
    );
}

#[test]
fn text_of_a_fixture_gives_the_same_days_as_its_layout() {
    // `unprog text` output of the PDF, read back as plain text.
    for name in ["oewg-s4-en", "oewg-s4-zh", "oewg-s5-fr"] {
        let pdf = root().join(format!("fixtures/pdf/{name}.pdf"));
        let layout = unprog_extract::extract_path(&pdf, &unprog_extract::Settings::default())
            .expect("extracts");
        let from_text = parse_text(&layout.text(), &format!("{name}.txt"), &Options::default());
        let from_pdf = parse_path(&pdf, &Options::default()).expect("parses");
        let shape = |p: &Programme| {
            p.days
                .iter()
                .map(|d| {
                    (
                        d.date.clone(),
                        d.slots
                            .iter()
                            .map(|s| {
                                (
                                    s.start.clone(),
                                    s.end.clone(),
                                    s.agenda_items
                                        .iter()
                                        .map(|a| a.number.clone())
                                        .collect::<Vec<_>>(),
                                )
                            })
                            .collect::<Vec<_>>(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(shape(&from_text), shape(&from_pdf), "{name}");
    }
}

#[test]
fn what_was_read_but_not_understood_is_said_not_silently_kept() {
    let text = "Provisional programme of work\n\nDate/time        Agenda item/programme\n\n\
                Monday, 6 March\n\n\
                10 a.m.–1 p.m.   Opening of the session\n\n\
                3–6 p.m.\n\n\
                Tuesday, 7 March\n\n\
                Wednesday, 8 March\n\n\
                10 a.m.–1 p.m.   Agenda item 5 Discussion of the substantive issues\n";
    let p = parse_text(text, "programme-EN.txt", &Options::default());
    let has = |needle: &str| p.warnings.iter().any(|w| w.contains(needle));
    assert!(
        has("the slot \"3–6 p.m.\" of \"Monday, 6 March\" has no programme"),
        "{:?}",
        p.warnings
    );
    assert!(
        has("the day \"Tuesday, 7 March\" has no time slots"),
        "{:?}",
        p.warnings
    );
    assert!(
        has("reads like an agenda item but was not understood: \"Agenda item 5 Discussion"),
        "{:?}",
        p.warnings
    );
    assert!(
        p.warnings.iter().all(|w| w.starts_with("page ")),
        "{:?}",
        p.warnings
    );
}

#[test]
fn questions_whose_bullets_a_text_tool_did_not_print_stay_apart() {
    // A browser draws list bullets; `pdftotext -layout` prints none, and one
    // question's last line is followed by the next one's capital.
    let path = root().join("fixtures/text/pdftotext-layout/oewg-s4-web-en.txt");
    let got = parse_path(&path, &Options::default()).expect("parses");
    let topic = &got.days[0].slots[1].agenda_items[0].sub_items[0].topics[0];
    assert_eq!(topic.questions.len(), 2, "{:?}", topic.questions);
    assert!(topic.questions[0].ends_with("non-exhaustive list?"));
    assert!(topic.questions[1].starts_with("Which of these proposals"));
}

#[test]
fn an_issue_dates_day_printed_apart_is_read_with_its_month() {
    // MuPDF on an Arabic masthead: "27" over "تشرين الثاني/نوفمبر 2023".
    let path = root().join("fixtures/text/mutool/oewg-s6-ar.txt");
    let got = parse_path(&path, &Options::default()).expect("parses");
    assert_eq!(got.issue_date.as_deref(), Some("2023-11-27"));
    assert!(
        got.body.as_deref().is_some_and(|b| !b.starts_with("27")),
        "{:?}",
        got.body
    );
}
