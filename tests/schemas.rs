//! What `unprog convert` writes as `manifest.json` and what `unprog compare
//! --format json` prints validate against their schemas in `schema/`, and
//! a wrong value in either fails validation.

use crate::common;

use common::root;
use std::process::Command;

fn validator(name: &str) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema").join(name)).expect("schema"),
    )
    .expect("schema is JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(schema["$id"]
        .as_str()
        .is_some_and(|id| id.starts_with("urn:unprog:")));
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn errors(v: &jsonschema::Validator, value: &serde_json::Value) -> Vec<String> {
    v.iter_errors(value).map(|e| e.to_string()).collect()
}

/// `value` with the member at `path` (keys and array indexes) replaced.
fn with(value: &serde_json::Value, path: &[&str], new: serde_json::Value) -> serde_json::Value {
    let mut v = value.clone();
    let mut at = &mut v;
    for key in path {
        at = match key.parse::<usize>() {
            Ok(i) => &mut at[i],
            Err(_) => &mut at[*key],
        };
    }
    assert!(
        !at.is_null() || new.is_null(),
        "{path:?} is not in the output"
    );
    *at = new;
    v
}

#[test]
fn a_dataset_manifest_validates_and_a_wrong_value_fails() {
    let out = common::scratch("schemas-manifest");
    let o = Command::new(env!("CARGO_BIN_EXE_unprog"))
        .current_dir(root())
        .args([
            "convert",
            "fixtures/pdf/oewg-s4-en.pdf",
            "fixtures/pdf/oewg-s4-fr.pdf",
            "fixtures/broken/random-bytes.pdf",
            "-q",
            "-o",
        ])
        .arg(&out)
        .output()
        .expect("runs");
    // One input fails: exit code 1, and its entry says why.
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("manifest.json")).unwrap()).unwrap();
    let v = validator("manifest.schema.json");
    assert_eq!(errors(&v, &manifest), Vec::<String>::new());
    // The output holds what the schema describes: a failed entry, a group.
    let inputs = manifest["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 3);
    assert!(inputs
        .iter()
        .any(|e| e["status"] == "failed" && e["error"].is_string() && e["output"].is_null()));
    assert_eq!(
        manifest["groups"][0]["members"].as_array().unwrap().len(),
        2
    );
    let ok = inputs
        .iter()
        .position(|e| e["status"] == "ok")
        .unwrap()
        .to_string();

    for (path, value) in [
        (vec!["inputs", &ok, "status"], serde_json::json!("done")),
        (
            vec!["inputs", &ok, "sha256"],
            serde_json::json!("not-a-hash"),
        ),
        (vec!["inputs", &ok, "pages"], serde_json::json!("3")),
        (
            vec!["inputs", &ok, "language"],
            serde_json::json!("english"),
        ),
        (vec!["inputs", &ok, "elapsed_ms"], serde_json::json!(-1)),
        (vec!["summary", "inputs"], serde_json::json!(null)),
        (vec!["groups"], serde_json::json!({})),
    ] {
        let broken = with(&manifest, &path, value.clone());
        assert!(!v.is_valid(&broken), "{path:?} = {value} passed");
    }
    let mut extra = manifest.clone();
    extra["inputs"][0]["colour"] = "red".into();
    assert!(!v.is_valid(&extra), "an unknown member passed");
    let mut missing = manifest.clone();
    missing.as_object_mut().unwrap().remove("summary");
    assert!(!v.is_valid(&missing), "a manifest without summary passed");
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn compare_json_validates_and_a_wrong_value_fails() {
    let o = Command::new(env!("CARGO_BIN_EXE_unprog"))
        .current_dir(root())
        .args([
            "compare",
            "fixtures/expected/oewg-s4-en.json",
            "fixtures/expected/oewg-s5-en.json",
            "fixtures/expected/oewg-s6-en.json",
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let v = validator("comparison.schema.json");
    assert_eq!(errors(&v, &json), Vec::<String>::new());
    // Every part the schema describes is in the output.
    for part in ["sessions", "hours", "days", "slots", "topics"] {
        assert!(
            json[part].as_array().is_some_and(|a| !a.is_empty()),
            "{part} is empty"
        );
    }
    let first_place = json["topics"]
        .as_array()
        .unwrap()
        .iter()
        .position(|t| t["places"][0].is_object())
        .unwrap()
        .to_string();

    for (path, value) in [
        (vec!["days", "0", "date"], serde_json::json!("26 July 2023")),
        (vec!["slots", "0", "start"], serde_json::json!("3 p.m.")),
        (vec!["sessions", "0", "language"], serde_json::json!("xx")),
        (
            vec!["sessions", "0", "start_date"],
            serde_json::json!("2023-3-6"),
        ),
        (vec!["days", "0", "kind"], serde_json::json!("moved")),
        (
            vec!["topics", "0", "status", "0"],
            serde_json::json!("gone"),
        ),
        (
            vec!["topics", &first_place, "places", "0", "similarity"],
            serde_json::json!(1.5),
        ),
        (vec!["hours", "0", "hours", "0"], serde_json::json!("4.5")),
        (vec!["threshold"], serde_json::json!(2)),
    ] {
        let broken = with(&json, &path, value.clone());
        assert!(!v.is_valid(&broken), "{path:?} = {value} passed");
    }
}
