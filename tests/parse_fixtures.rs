//! The parser on the whole fixture corpus: every PDF's programme equals its
//! expected JSON exactly, and the six language versions of each programme
//! have the same skeleton.

mod common;

use std::collections::BTreeMap;

use common::root;
use unprog_parse::{parse_path, Options, Programme};

fn expected(name: &str) -> Programme {
    let path = root().join(format!("fixtures/expected/{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("expected JSON"))
        .expect("valid expected JSON")
}

fn names() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("fixtures/expected"))
        .expect("fixtures/expected")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.path()
                .file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_string)
        })
        .collect();
    v.sort();
    v
}

/// Readable differences between two programmes (paths to differing values).
fn differences(a: &serde_json::Value, b: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys().filter(|k| !x.contains_key(*k))) {
                differences(
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                    &format!("{path}.{k}"),
                    out,
                );
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                out.push(format!("{path}: {} items, expected {}", x.len(), y.len()));
            }
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                differences(p, q, &format!("{path}[{i}]"), out);
            }
        }
        _ if a != b => out.push(format!("{path}: got {a}, expected {b}")),
        _ => {}
    }
}

#[test]
fn every_fixture_parses_to_its_expected_json() {
    let names = names();
    assert!(names.len() >= 24);
    let mut failures = Vec::new();
    for name in &names {
        let pdf = root().join(format!("fixtures/pdf/{name}.pdf"));
        let got = parse_path(&pdf, &Options::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let want = expected(name);
        if got != want {
            let mut diffs = Vec::new();
            differences(
                &serde_json::to_value(&got).expect("json"),
                &serde_json::to_value(&want).expect("json"),
                "",
                &mut diffs,
            );
            failures.push(format!(
                "{name}:\n  {}",
                diffs
                    .iter()
                    .take(8)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n  ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}

/// The language-independent shape of a programme: dates, slot times, agenda
/// numbers, sub-item letters, question counts, footnote markers.
fn skeleton(p: &Programme) -> String {
    let mut s = format!(
        "{:?} {:?} {:?}\n",
        p.symbol,
        p.session.ordinal,
        (&p.session.start_date, &p.session.end_date)
    );
    for d in &p.days {
        s += &format!("{:?} {:?}\n", d.date, d.weekday);
        for slot in &d.slots {
            s += &format!(
                "  {:?}-{:?} events={}\n",
                slot.start,
                slot.end,
                slot.events.len()
            );
            for a in &slot.agenda_items {
                s += &format!(
                    "    {} cont={} fn={:?} topics={:?}\n",
                    a.number,
                    a.continued,
                    a.footnotes,
                    a.topics
                        .iter()
                        .map(|t| t.questions.len())
                        .collect::<Vec<_>>()
                );
                for sub in &a.sub_items {
                    s += &format!(
                        "      ({}) cont={} q={:?}\n",
                        sub.letter,
                        sub.continued,
                        sub.topics
                            .iter()
                            .map(|t| t.questions.len())
                            .collect::<Vec<_>>()
                    );
                }
            }
            for e in &slot.events {
                s += &format!(
                    "    event@{} speakers={} q={:?}\n",
                    e.position,
                    e.speakers.len(),
                    e.topics
                        .iter()
                        .map(|t| t.questions.len())
                        .collect::<Vec<_>>()
                );
            }
        }
    }
    s += &format!(
        "footnotes={:?}\n",
        p.footnotes
            .iter()
            .map(|f| (&f.marker, f.page.is_some()))
            .collect::<Vec<_>>()
    );
    s
}

#[test]
fn six_language_versions_share_one_skeleton() {
    let mut by_programme: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for name in names() {
        let (id, lang) = name.rsplit_once('-').expect("NAME-LANG");
        let pdf = root().join(format!("fixtures/pdf/{name}.pdf"));
        let p = parse_path(&pdf, &Options::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(p.language.code(), lang, "{name}: language detected");
        by_programme
            .entry(id.to_string())
            .or_default()
            .push((lang.to_string(), skeleton(&p)));
    }
    assert!(by_programme.len() >= 4);
    for (id, versions) in by_programme {
        assert_eq!(versions.len(), 6, "{id}");
        let (first_lang, first) = &versions[0];
        for (lang, s) in &versions[1..] {
            assert_eq!(s, first, "{id}: {lang} differs from {first_lang}");
        }
    }
}
