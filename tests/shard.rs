//! `convert --shard K/N`: N runs convert each input exactly once, with the
//! output names of the whole batch, and README's merge of the shards'
//! datasets gives the unsharded run's JSON Lines and slots.csv.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use common::{root, scratch};

fn unprog() -> Command {
    Command::new(env!("CARGO_BIN_EXE_unprog"))
}

fn convert(out: &Path, extra: &[&str]) {
    let o = unprog()
        .current_dir(root())
        .args([
            "convert",
            "fixtures/pdf",
            "fixtures/broken/encrypted.pdf",
            "--compact",
            "-o",
        ])
        .arg(out)
        .args(extra)
        .output()
        .expect("runs");
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn manifest_inputs(dir: &Path) -> Vec<(String, Option<String>)> {
    let text = std::fs::read_to_string(dir.join("manifest.json")).expect("manifest");
    let m: serde_json::Value = serde_json::from_str(&text).expect("json");
    m["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .map(|e| {
            (
                e["input"].as_str().expect("input").to_string(),
                e["output"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn lines(path: &Path, skip: usize) -> BTreeSet<String> {
    std::fs::read_to_string(path)
        .expect("read")
        .lines()
        .skip(skip)
        .map(str::to_string)
        .collect()
}

#[test]
fn shards_cover_the_inputs_once_and_merge_into_the_whole() {
    let dir = scratch("shards");
    let whole = dir.join("whole");
    convert(&whole, &[]);
    let all = manifest_inputs(&whole);
    let mut seen = Vec::new();
    for k in 0..3 {
        let out = dir.join(format!("shard-{k}"));
        convert(&out, &["--shard", &format!("{k}/3")]);
        let mine = manifest_inputs(&out);
        assert!(
            !mine.is_empty() && mine.len() < all.len(),
            "shard {k}: {}",
            mine.len()
        );
        seen.extend(mine);
    }
    seen.sort();
    let mut expected = all.clone();
    expected.sort();
    // Each input once, under the output name the whole run gives it.
    assert_eq!(seen, expected);

    // README's merge.
    let script = "cat out/shard-*/programmes.jsonl > out/programmes.jsonl && \
                  awk 'FNR > 1 || NR == 1' out/shard-*/slots.csv > out/slots.csv";
    let merged = dir.join("out");
    std::fs::create_dir_all(&merged).expect("dir");
    for k in 0..3 {
        let from = dir.join(format!("shard-{k}"));
        let to = merged.join(format!("shard-{k}"));
        let _ = std::fs::remove_dir_all(&to);
        std::fs::rename(&from, &to).expect("move");
    }
    let o = Command::new("sh")
        .current_dir(&dir)
        .args(["-c", script])
        .output()
        .expect("sh");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        lines(&merged.join("programmes.jsonl"), 0),
        lines(&whole.join("programmes.jsonl"), 0)
    );
    let header = |p: &Path| {
        std::fs::read_to_string(p)
            .expect("csv")
            .lines()
            .next()
            .map(str::to_string)
    };
    assert_eq!(
        header(&merged.join("slots.csv")),
        header(&whole.join("slots.csv"))
    );
    assert_eq!(
        lines(&merged.join("slots.csv"), 1),
        lines(&whole.join("slots.csv"), 1)
    );
    // What compare and report read.
    let o = unprog()
        .arg("compare")
        .arg(merged.join("programmes.jsonl"))
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bad_shard_is_a_usage_error() {
    for bad in ["3/3", "x", "1/0"] {
        let o = unprog()
            .current_dir(root())
            .args(["convert", "fixtures/pdf", "-o", "-", "--shard", bad])
            .output()
            .expect("runs");
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
    let o = unprog()
        .current_dir(root())
        .args([
            "convert",
            "fixtures/pdf/oewg-s4-en.pdf",
            "-o",
            "-",
            "--shard",
            "0/2",
        ])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--shard splits a batch"));
}
