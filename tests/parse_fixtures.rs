//! The parser on the whole fixture corpus: every PDF's programme equals its
//! expected JSON exactly — by producer, by table layout, by language
//! convention — the text other tools extract from them reads the same, and
//! all the documents and text forms of one programme share one skeleton.

use crate::common;

use std::collections::BTreeMap;

use common::corpus::{differences, fixtures, Fixture, TEXT_FORMS};
use common::root;
use unprog_parse::{parse_path, Options, Programme};

fn parse(path: &std::path::Path) -> Programme {
    parse_path(path, &Options::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Parses the PDFs of the fixtures that `pick` picks and checks each against
/// its expected JSON; at least `at_least` of them.
fn pdfs_equal_their_expected_json(what: &str, at_least: usize, pick: impl Fn(&Fixture) -> bool) {
    let chosen: Vec<Fixture> = fixtures().into_iter().filter(|f| pick(f)).collect();
    assert!(
        chosen.len() >= at_least,
        "{what}: only {} fixtures",
        chosen.len()
    );
    let mut failures = Vec::new();
    for f in &chosen {
        let got = parse(&f.pdf());
        let want = f.expected();
        if got != want {
            let diffs = differences(&got, &want);
            failures.push(format!(
                "{}:\n  {}",
                f.name,
                diffs[..diffs.len().min(8)].join("\n  ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{what}: {} of {} fixtures differ:\n{}",
        failures.len(),
        chosen.len(),
        failures.join("\n")
    );
}

#[test]
fn every_fixture_pdf_parses_to_its_expected_json() {
    pdfs_equal_their_expected_json("all", 48, |_| true);
}

#[test]
fn every_expected_json_has_its_fixture_and_the_other_way_round() {
    let mut listed: Vec<String> = fixtures().into_iter().map(|f| f.name).collect();
    let mut on_disk: Vec<String> = std::fs::read_dir(root().join("fixtures/expected"))
        .expect("fixtures/expected")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.path()
                .file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_string)
        })
        .collect();
    listed.sort();
    on_disk.sort();
    assert_eq!(listed, on_disk);
}

// By producer.

#[test]
fn libreoffice_documents_from_odt() {
    pdfs_equal_their_expected_json("odt", 24, |f| f.producer == "odt");
}

#[test]
fn word_documents_converted_by_libreoffice() {
    pdfs_equal_their_expected_json("docx", 9, |f| f.producer == "docx");
}

#[test]
fn browser_prints_from_chromium() {
    pdfs_equal_their_expected_json("html", 15, |f| f.producer == "html");
}

// By table layout.

#[test]
fn two_column_tables_date_time_then_programme() {
    pdfs_equal_their_expected_json("two-column", 30, |f| f.layout == "two-column");
}

#[test]
fn three_column_tables_with_the_date_printed_once_for_its_day() {
    pdfs_equal_their_expected_json("three-column", 6, |f| f.layout == "three-column");
}

#[test]
fn three_column_tables_with_the_date_on_every_row() {
    pdfs_equal_their_expected_json("three-column-repeated", 3, |f| {
        f.layout == "three-column-repeated"
    });
}

#[test]
fn the_date_as_a_row_of_its_own_spanning_the_table() {
    pdfs_equal_their_expected_json("date-row", 9, |f| f.layout == "date-row");
}

#[test]
fn right_to_left_tables_with_the_date_on_the_right() {
    pdfs_equal_their_expected_json("ar", 8, |f| f.lang == "ar");
}

#[test]
fn tables_without_drawn_borders_or_with_rules_only_around_the_header() {
    pdfs_equal_their_expected_json("borderless", 12, |f| f.borders() != "all");
}

#[test]
fn every_layout_comes_in_arabic_and_chinese() {
    for layout in [
        "two-column",
        "three-column",
        "three-column-repeated",
        "date-row",
    ] {
        for lang in ["ar", "zh"] {
            assert!(
                fixtures()
                    .iter()
                    .any(|f| f.layout == layout && f.lang == lang),
                "no {layout} fixture in {lang}"
            );
        }
    }
}

// Each language's conventions.

#[test]
fn sub_items_as_each_language_prints_them_stored_as_latin_letters() {
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in fixtures() {
        for day in parse(&f.pdf()).days {
            for slot in day.slots {
                for item in slot.agenda_items {
                    for sub in item.sub_items {
                        assert!(
                            sub.letter.len() == 1
                                && sub.letter.chars().all(|c| c.is_ascii_lowercase()),
                            "{}: letter {:?}",
                            f.name,
                            sub.letter
                        );
                        let l = &sub.letter;
                        let ok = match f.lang.as_str() {
                            "en" => sub.label == format!("({l})"),
                            "zh" => {
                                sub.label == format!("({l})") || sub.label == format!("（{l}）")
                            }
                            "fr" | "es" | "ru" => sub.label == format!("{l})"),
                            _ => {
                                let abjad = ["أ", "ب", "ج", "د", "هـ", "و", "ز"];
                                let i = (l.as_bytes()[0] - b'a') as usize;
                                sub.label == format!("({})", abjad[i])
                            }
                        };
                        assert!(ok, "{}: {:?} for ({l})", f.name, sub.label);
                        seen.entry(f.lang.clone()).or_default().push(sub.label);
                    }
                }
            }
        }
    }
    assert_eq!(seen.len(), 6, "sub-items in every language");
    assert!(
        seen["zh"].iter().any(|l| l.starts_with('（')),
        "full-width (a) too"
    );
}

// Text from other tools.

/// How many values each text form may still get wrong: a ratchet, in
/// fixtures/text/KNOWN_DIFFERENCES (`FORM/NAME COUNT` per line). A form not
/// listed must read exactly as its PDF's expected JSON; a listed one may not
/// get worse. `UPDATE_KNOWN_DIFFERENCES=1` rewrites the file from the
/// current counts.
fn known_differences() -> BTreeMap<String, usize> {
    std::fs::read_to_string(root().join("fixtures/text/KNOWN_DIFFERENCES"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (key, n) = l.split_once(' ')?;
            Some((key.to_string(), n.trim().parse().ok()?))
        })
        .collect()
}

fn text_forms_read_as_their_pdfs(forms: &[&str]) {
    let known = known_differences();
    // `UNPROG_SHOW_DIFFERENCES=s4-web-ar` prints every difference of the
    // text forms whose FORM/NAME holds it (a working aid; the test's verdict
    // does not change).
    let show = std::env::var("UNPROG_SHOW_DIFFERENCES").ok();
    let mut worse = Vec::new();
    let (mut exact, mut total) = (0, 0);
    let mut counts = BTreeMap::new();
    for f in fixtures() {
        for form in forms {
            let key = format!("{form}/{}", f.name);
            total += 1;
            let got = match parse_path(&f.text(form), &Options::default()) {
                Ok(p) => p,
                Err(e) => {
                    counts.insert(key.clone(), 9999);
                    if known.get(&key).is_none_or(|&n| n < 9999) {
                        worse.push(format!("{key}: {e}"));
                    }
                    continue;
                }
            };
            let diffs = differences(&got, &f.expected_text(form));
            if diffs.is_empty() {
                exact += 1;
                continue;
            }
            counts.insert(key.clone(), diffs.len());
            if show.as_deref().is_some_and(|s| key.contains(s)) {
                eprintln!(
                    "{key}: {} differences:\n  {}",
                    diffs.len(),
                    diffs.join("\n  ")
                );
            }
            if known.get(&key).is_none_or(|&n| diffs.len() > n) {
                worse.push(format!(
                    "{key}: {} differences (allowed {}):\n  {}",
                    diffs.len(),
                    known.get(&key).copied().unwrap_or(0),
                    diffs[..diffs.len().min(6)].join("\n  ")
                ));
            }
        }
    }
    if std::env::var_os("UPDATE_KNOWN_DIFFERENCES").is_some() {
        let path = root().join("fixtures/text/KNOWN_DIFFERENCES");
        let mut all = known_differences();
        for f in fixtures() {
            for form in forms {
                all.remove(&format!("{form}/{}", f.name));
            }
        }
        all.extend(counts);
        let mut text = String::from(
            "# Text forms that do not yet read exactly as their PDF: FORM/NAME and the\n\
             # number of values that differ (tests/parse_fixtures.rs; may only go down).\n",
        );
        for (k, n) in &all {
            text += &format!("{k} {n}\n");
        }
        std::fs::write(path, text).expect("write KNOWN_DIFFERENCES");
        return;
    }
    eprintln!("{forms:?}: {exact} of {total} text forms read exactly as their PDF");
    assert!(worse.is_empty(), "{}", worse.join("\n"));
}

#[test]
fn pdftotext_layout_text_reads_as_its_pdf() {
    text_forms_read_as_their_pdfs(&["pdftotext-layout"]);
}

#[test]
fn pdftotext_reading_order_text_reads_as_its_pdf() {
    text_forms_read_as_their_pdfs(&["pdftotext"]);
}

#[test]
fn mutool_text_reads_as_its_pdf() {
    text_forms_read_as_their_pdfs(&["mutool"]);
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
fn every_programme_shares_one_skeleton_across_languages_editions_and_text_forms() {
    let known = known_differences();
    let mut by_programme: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for f in fixtures() {
        let p = parse(&f.pdf());
        assert_eq!(p.language.code(), f.lang, "{}: language detected", f.name);
        let entry = by_programme.entry(f.programme.clone()).or_default();
        entry.push((f.name.clone(), skeleton(&p)));
        for form in TEXT_FORMS {
            let key = format!("{form}/{}", f.name);
            if known.contains_key(&key) {
                continue;
            }
            if let Ok(t) = parse_path(&f.text(form), &Options::default()) {
                entry.push((key, skeleton(&t)));
            }
        }
    }
    assert!(by_programme.len() >= 6, "at least six programmes");
    for (id, versions) in by_programme {
        assert!(versions.len() >= 6, "{id}: {} versions", versions.len());
        let (first_name, first) = &versions[0];
        for (name, s) in &versions[1..] {
            assert_eq!(s, first, "{id}: {name} differs from {first_name}");
        }
    }
}
