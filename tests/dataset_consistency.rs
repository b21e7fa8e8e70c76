//! A dataset folder stays whole (issue 14): a run into an existing dataset
//! adds to it (entries of inputs not given again kept, re-converted ones
//! replaced, `programmes.jsonl` and `slots.csv` holding exactly the
//! manifest's documents) and `--replace` starts it afresh; `--resume` counts
//! what it skipped; a batch killed outright and run again with `--resume`
//! gives the dataset an uninterrupted run gives (no temporaries left); a
//! second run into a folder in use is refused, a dead run's lock taken over.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{files, fixture_pdf, root, scratch};

fn unprog() -> Command {
    Command::new(env!("CARGO_BIN_EXE_unprog"))
}

fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).expect("manifest"))
        .expect("JSON")
}

/// The manifest's entries and groups, timings (and whether an entry was
/// skipped by --resume) taken out.
fn entries_and_groups(dir: &Path) -> serde_json::Value {
    let mut m = manifest(dir);
    for e in m["inputs"].as_array_mut().expect("inputs") {
        let e = e.as_object_mut().expect("entry");
        e.remove("elapsed_ms");
        e.remove("resumed");
    }
    serde_json::json!({ "inputs": m["inputs"], "groups": m["groups"] })
}

fn convert(args: &[&Path], out: &Path, flags: &[&str]) -> std::process::Output {
    unprog()
        .arg("convert")
        .args(flags)
        .arg("-o")
        .arg(out)
        .args(args)
        .output()
        .expect("runs")
}

fn assert_same_dataset(a: &Path, b: &Path) {
    assert_eq!(files(a), files(b));
    for n in files(a) {
        if n != "manifest.json" {
            assert!(
                std::fs::read(a.join(&n)).ok() == std::fs::read(b.join(&n)).ok(),
                "{n} differs between {} and {}",
                a.display(),
                b.display()
            );
        }
    }
    assert_eq!(entries_and_groups(a), entries_and_groups(b));
}

#[test]
fn a_run_into_a_dataset_adds_to_it_and_replace_starts_afresh() {
    let names = [
        "oewg-s4-en",
        "oewg-s4-fr",
        "oewg-s5-en",
        "oewg-s5-ar",
        "oewg-s6-zh",
    ];
    let pdfs: Vec<PathBuf> = names.iter().map(|n| fixture_pdf(n)).collect();
    let refs: Vec<&Path> = pdfs.iter().map(PathBuf::as_path).collect();
    let out = scratch("add");
    let r = convert(&refs[..4], &out, &["-q"]);
    assert_eq!(r.status.code(), Some(0));
    // One document converted again, one new: the three others are kept.
    let r = convert(&[refs[1], refs[4]], &out, &[]);
    assert_eq!(r.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert!(
        stderr.contains("5 inputs") && stderr.contains("3 kept from earlier runs"),
        "{stderr}"
    );
    // The same dataset as one run over all five.
    let whole = scratch("add-whole");
    assert_eq!(convert(&refs, &whole, &["-q"]).status.code(), Some(0));
    assert_same_dataset(&out, &whole);
    assert_eq!(manifest(&out)["summary"]["kept"], 3);
    let jsonl = std::fs::read_to_string(out.join("programmes.jsonl")).expect("jsonl");
    assert_eq!(jsonl.lines().count(), 5);

    // --resume counts what it skipped, on stderr and in the manifest.
    let r = convert(&refs[..2], &out, &["--resume"]);
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert!(stderr.contains("2 skipped by --resume"), "{stderr}");
    assert_eq!(manifest(&out)["summary"]["resumed"], 2);
    assert_same_dataset(&out, &whole);

    // --replace: the earlier documents go, anything else in the folder stays.
    std::fs::write(out.join("notes.txt"), "mine").expect("write");
    let r = convert(&[refs[2]], &out, &["-q", "--replace"]);
    assert_eq!(r.status.code(), Some(0));
    assert_eq!(
        files(&out),
        [
            "manifest.json",
            "notes.txt",
            "oewg-s5-en.json",
            "programmes.jsonl",
            "slots.csv"
        ]
    );
    let m = manifest(&out);
    assert_eq!(m["inputs"].as_array().map(Vec::len), Some(1));
    assert_eq!(m["summary"]["kept"], 0);

    // A manifest that cannot be read is not taken for an empty dataset.
    std::fs::write(out.join("manifest.json"), "{ damaged").expect("write");
    let r = convert(&[refs[0]], &out, &["-q"]);
    assert_eq!(r.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert!(stderr.contains("--replace"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(out.join("manifest.json"))
            .ok()
            .as_deref(),
        Some("{ damaged")
    );
}

/// The fixture corpus copied `copies` times into one folder.
fn big_corpus(name: &str, copies: usize) -> PathBuf {
    let dir = scratch(name);
    let pdfs: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/pdf"))
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    for i in 0..copies {
        for pdf in &pdfs {
            let name = pdf.file_name().expect("name").to_string_lossy();
            std::fs::copy(pdf, dir.join(format!("c{i:02}-{name}"))).expect("copy");
        }
    }
    dir
}

#[test]
fn a_batch_killed_outright_then_resumed_gives_the_uninterrupted_dataset() {
    let inputs = big_corpus("kill-inputs", 3);
    let whole = scratch("kill-whole");
    let started = Instant::now();
    let r = convert(&[&inputs], &whole, &["-q", "-j", "2"]);
    assert_eq!(r.status.code(), Some(0));
    let full = started.elapsed();

    let mut interrupted = 0;
    for (i, fraction) in [0.1, 0.4, 0.8].into_iter().enumerate() {
        let out = scratch(&format!("kill-{i}"));
        let mut child = unprog()
            .args(["convert", "-q", "-j", "2", "-o"])
            .arg(&out)
            .arg(&inputs)
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        std::thread::sleep(full.mul_f64(fraction));
        // SIGKILL: nothing of the batch runs after it.
        child.kill().expect("kill");
        let _ = child.wait();
        if !out.join("manifest.json").exists() {
            interrupted += 1;
        }
        // Killed a second time, early, when resuming.
        let mut child = unprog()
            .args(["convert", "-q", "--resume", "-j", "2", "-o"])
            .arg(&out)
            .arg(&inputs)
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        std::thread::sleep(full.mul_f64(0.05));
        child.kill().expect("kill");
        let _ = child.wait();

        let r = convert(&[&inputs], &out, &["--resume", "-j", "2"]);
        assert_eq!(
            r.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&r.stderr)
        );
        assert_same_dataset(&out, &whole);
    }
    assert!(interrupted >= 1, "no batch was killed before it finished");
}

#[test]
fn a_second_run_into_a_folder_in_use_is_refused_and_a_dead_runs_lock_taken_over() {
    let inputs = big_corpus("lock-inputs", 3);
    let out = scratch("lock-out");
    let mut first = unprog()
        .args(["convert", "-q", "-j", "1", "-o"])
        .arg(&out)
        .arg(&inputs)
        .spawn()
        .expect("spawns");
    let lock = out.join(".unprog.lock");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !lock.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(lock.exists(), "the running batch holds no lock file");
    let one = fixture_pdf("oewg-s4-en");
    let second = convert(&[&one], &out, &[]);
    let first_status = first.wait().expect("waits");
    assert!(first_status.success());
    assert_eq!(second.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(
        stderr.contains("another unprog run") && stderr.contains(&format!("pid {}", first.id())),
        "{stderr}"
    );
    // The first run's dataset is whole, the second left no trace.
    let m = manifest(&out);
    assert_eq!(m["inputs"].as_array().map(Vec::len), Some(48 * 3));
    assert!(!lock.exists());

    // A lock left by a process that is gone is taken over.
    let mut dead = Command::new("true").spawn().expect("spawns");
    dead.wait().expect("waits");
    std::fs::write(&lock, format!("{}\n", dead.id())).expect("write");
    let r = convert(&[&one], &out, &[]);
    assert_eq!(
        r.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    assert!(!lock.exists());
}
