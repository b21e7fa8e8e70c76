//! The fixture corpus itself: every PDF is readable by the extractor, every
//! expected JSON is valid against the JSON Schema and the model types, and
//! describes its PDF (hash, pages). The corpus is complete: at least six
//! programmes, each in the six languages, by three producers, every PDF with
//! its text forms.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};

use common::root;
use sha2::{Digest, Sha256};
use unprog_parse::Programme;

fn expected_files() -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(root().join("fixtures/expected"))
        .expect("fixtures/expected")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    v
}

#[test]
fn every_expected_json_is_valid_and_describes_its_pdf() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema/programme.schema.json")).expect("schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let files = expected_files();
    assert!(files.len() >= 24, "only {} expected files", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).expect("read");
        let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        let programme: Programme =
            serde_json::from_value(value).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let pdf = root().join("fixtures/pdf").join(&programme.source.file);
        let bytes = std::fs::read(&pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
        assert_eq!(
            format!("{:x}", Sha256::digest(&bytes)),
            programme.source.sha256,
            "{}",
            pdf.display()
        );
        let layout = unprog_extract::extract(&bytes, &unprog_extract::Settings::default())
            .expect("extracts");
        assert_eq!(
            layout.pages.len() as u32,
            programme.source.pages,
            "{}",
            pdf.display()
        );
        assert!(
            layout.warnings.is_empty(),
            "{}: {:?}",
            pdf.display(),
            layout.warnings
        );
        for f in &programme.footnotes {
            assert!(f
                .page
                .is_some_and(|p| p >= 1 && p <= programme.source.pages));
        }
    }
}

#[test]
fn the_schema_refuses_a_date_or_time_not_in_iso_form() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema/programme.schema.json")).expect("schema"),
    )
    .expect("schema is JSON");
    assert_eq!(schema["$id"], "urn:unprog:programme:schema-version-1");
    assert!(
        !schema.to_string().contains("uint"),
        "only standard formats"
    );
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let good: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("fixtures/expected/oewg-s4-en.json")).expect("read"),
    )
    .expect("JSON");
    assert!(validator.is_valid(&good));
    let broken = |path: &[&str], value: &str| {
        let mut v = good.clone();
        let mut at = &mut v;
        for key in path {
            at = match key.parse::<usize>() {
                Ok(i) => &mut at[i],
                Err(_) => &mut at[*key],
            };
        }
        *at = value.into();
        v
    };
    for (path, value) in [
        (&["days", "0", "date"][..], "6 March 2023"),
        (&["days", "0", "date"][..], "2023-13-06"),
        (&["session", "start_date"][..], "2023-3-6"),
        (&["days", "0", "slots", "0", "start"][..], "10.00"),
        (&["days", "0", "slots", "0", "end"][..], "25:00"),
    ] {
        assert!(
            !validator.is_valid(&broken(path, value)),
            "{path:?} = {value:?} passed"
        );
    }
}

#[test]
fn the_corpus_has_six_programmes_three_producers_and_the_six_languages() {
    let fixtures = common::corpus::fixtures();
    let mut per_programme: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut producers = BTreeSet::new();
    for f in &fixtures {
        per_programme
            .entry(f.programme.clone())
            .or_default()
            .insert(f.lang.clone());
        producers.insert(f.producer.clone());
        assert!(f.pdf().is_file(), "{}", f.name);
        for form in common::corpus::TEXT_FORMS {
            assert!(f.text(form).is_file(), "{form}/{}", f.name);
        }
    }
    assert!(per_programme.len() >= 6, "{per_programme:?}");
    for (id, l) in &per_programme {
        assert_eq!(l.len(), 6, "{id}: {l:?}");
    }
    assert_eq!(
        producers.into_iter().collect::<Vec<_>>(),
        ["docx", "html", "odt"]
    );
}
