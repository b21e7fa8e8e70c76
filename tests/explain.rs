//! `unprog explain`: a fixture PDF drawn page by page, every line boxed and
//! labelled, the slots listed with links to their time lines.

use crate::common;

use std::process::Command;
use unprog_parse::Programme;

fn explain(name: &str) -> (String, Programme) {
    let dir = common::scratch(&format!("explain-{name}"));
    let page = dir.join("explain.html");
    let o = Command::new(env!("CARGO_BIN_EXE_unprog"))
        .current_dir(common::root())
        .args(["explain", &format!("fixtures/pdf/{name}.pdf"), "-o"])
        .arg(&page)
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&page).unwrap();
    let expected: Programme = serde_json::from_str(
        &std::fs::read_to_string(common::root().join(format!("fixtures/expected/{name}.json")))
            .unwrap(),
    )
    .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    (html, expected)
}

#[test]
fn every_page_is_drawn_and_every_slot_links_to_its_time_line() {
    let (html, p) = explain("oewg-s4-en");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        html.matches("<section class=\"page\"").count() as u32,
        p.source.pages
    );
    // Letter pages (612 × 792 pt) at 1.4 pixels per point.
    assert!(html.contains("width=\"857\" height=\"1109\" viewBox=\"0 0 612.0 792.0\""));
    // Each slot's time is a link to a box on the page.
    let links: Vec<&str> = html
        .match_indices("<a href=\"#l")
        .map(|(i, _)| &html[i + 10..i + 10 + html[i + 10..].find('"').unwrap()])
        .collect();
    let slots: usize = p.days.iter().map(|d| d.slots.len()).sum();
    assert_eq!(links.len(), slots);
    for id in links {
        assert!(
            html.contains(&format!("<rect class=\"line\" id=\"{id}\"")),
            "{id}"
        );
    }
    for slot in p.days.iter().flat_map(|d| &d.slots) {
        assert!(
            html.contains(&format!("\">{}</a>", slot.label)),
            "{}",
            slot.label
        );
    }
    // Lines of each kind, boxed and titled by what they became.
    for (label, text) in [
        ("masthead", "Provisional programme of work"),
        ("time cell", "10 a.m.–1 p.m."),
        ("agenda item", "Agenda item 3: Organization of work"),
        ("event", "Opening of the session"),
        ("table header", "Date/time"),
        ("running header or footer", "A/AC.292/2023/INF/1"),
    ] {
        assert!(
            html.contains(&format!("<title>{label}: {text}</title>")),
            "{label}: {text}"
        );
    }
    for label in [
        "date cell",
        "sub-item",
        "topic",
        "question",
        "speaker",
        "footnote",
    ] {
        assert!(html.contains(&format!("<title>{label}: ")), "{label}");
    }
    // The boundary between the date-and-time and programme columns, on the
    // two pages with both (page 3 holds programme lines only).
    let boundaries: Vec<f64> = html
        .match_indices("<line class=\"boundary\" x1=\"")
        .map(|(i, m)| {
            let at = i + m.len();
            html[at..at + html[at..].find('"').unwrap()]
                .parse()
                .unwrap()
        })
        .collect();
    assert_eq!(boundaries.len(), 2, "{boundaries:?}");
    assert!(
        boundaries.iter().all(|x| (150.0..200.0).contains(x)),
        "{boundaries:?}"
    );
    // The key names every label.
    assert!(html.contains("<div class=\"key\">"));
}

#[test]
fn arabic_and_chinese_programmes_are_explained_too() {
    for name in ["oewg-s6-ar", "oewg-s5-zh"] {
        let (html, p) = explain(name);
        let slots: usize = p.days.iter().map(|d| d.slots.len()).sum();
        assert_eq!(html.matches("<a href=\"#l").count(), slots, "{name}");
        assert!(html.contains("<title>time cell: "), "{name}");
        // Text is set in the document's language (fonts, shaping).
        assert!(
            html.contains(&format!(
                "<section class=\"page\" id=\"page1\" lang=\"{}\">",
                &name[8..]
            )),
            "{name}"
        );
        assert!(html.contains("<title>sub-item: "), "{name}");
    }
}

#[test]
fn a_missing_file_is_a_usage_error() {
    let o = Command::new(env!("CARGO_BIN_EXE_unprog"))
        .current_dir(common::root())
        .args(["explain", "fixtures/pdf/missing.pdf", "-o", "-"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr)
            .matches("missing.pdf")
            .count(),
        1
    );
}
