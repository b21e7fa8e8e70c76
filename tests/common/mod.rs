//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

pub mod corpus;

use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fixture PDF by name, e.g. `oewg-s4-zh`.
pub fn fixture_pdf(name: &str) -> PathBuf {
    root().join("fixtures/pdf").join(format!("{name}.pdf"))
}

/// Every fixture PDF, sorted by name.
pub fn all_fixture_pdfs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/pdf"))
        .expect("fixtures/pdf exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    v.sort();
    v
}

/// An empty folder for one test's files, under the system's temporary
/// folder, named after the test and this process.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("unprog-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Every name in a folder, dot files included, sorted.
pub fn files(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    v.sort();
    v
}

/// Kills `child` outright (SIGKILL) as soon as `ready` holds while it runs;
/// `false` when it finished first. Fails the test after two minutes.
pub fn kill_when(
    child: &mut std::process::Child,
    what: &str,
    mut ready: impl FnMut() -> bool,
) -> bool {
    let started = std::time::Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return false;
        }
        if ready() {
            let _ = child.kill();
            let _ = child.wait();
            return true;
        }
        assert!(started.elapsed().as_secs() < 120, "{what}");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}
