//! The dataset folder of `unprog convert` as a whole: one run at a time (a
//! lock file holding the owner's pid), the temporary files of runs that were
//! killed removed, the earlier run's manifest read (its entries are kept
//! unless this run converts their inputs again, or `--replace` starts the
//! folder afresh), and output names that never take one an earlier run gave
//! to another input.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use unprog_export::manifest::{Entry, Manifest};

use crate::inputs::Input;

/// The lock file's name in the dataset folder.
pub const LOCK_NAME: &str = ".unprog.lock";

/// The collection files, rebuilt by every run.
pub const COLLECTION_FILES: [&str; 3] = ["manifest.json", "programmes.jsonl", "slots.csv"];

/// Another run holds the folder: refused (exit code 2, nothing written).
#[derive(Debug)]
pub struct Busy(pub String);

impl std::fmt::Display for Busy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Busy {}

/// The folder's lock, held while the run lasts: an advisory `flock` on
/// `.unprog.lock`, which the kernel releases when the process dies however
/// it dies, so the lock of a killed run is stale by construction and taken
/// over; the file holds the owner's pid, for the message that refuses a
/// second run. Removed when dropped.
pub struct Lock {
    path: PathBuf,
    _file: File,
}

impl Lock {
    /// Takes the folder's lock, or says who holds it. Also tells whether the
    /// lock file was left by a run that ended without releasing it (killed).
    pub fn acquire(dir: &Path) -> Result<(Lock, Option<u32>)> {
        let path = dir.join(LOCK_NAME);
        // An unlinked lock file may be locked after its owner removed it:
        // retry until the file locked is the one at the path.
        for _ in 0..100 {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|e| {
                    anyhow::anyhow!(
                        "cannot write to the output folder {}: {}",
                        dir.display(),
                        crate::inputs::io_reason(&e)
                    )
                })?;
            let mut text = String::new();
            if !try_lock(&file)? {
                let _ = file.read_to_string(&mut text);
                let owner = text.trim();
                return Err(Busy(format!(
                    "{}: another unprog run{} is writing to this dataset folder; wait for it to end (two runs at once would mix their files)",
                    dir.display(),
                    if owner.is_empty() {
                        String::new()
                    } else {
                        format!(" (pid {owner})")
                    }
                ))
                .into());
            }
            if !same_file(&file, &path) {
                continue;
            }
            let _ = file.read_to_string(&mut text);
            let stale = text
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|pid| *pid != std::process::id());
            file.set_len(0)?;
            file.rewind()?;
            writeln!(file, "{}", std::process::id())?;
            return Ok((Lock { path, _file: file }, stale));
        }
        anyhow::bail!("{}: cannot take the lock file", path.display())
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked: a run waiting on this file retries on
        // the path.
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(unix)]
fn try_lock(file: &File) -> Result<bool> {
    use std::os::unix::io::AsRawFd;
    // SAFETY: flock takes a file descriptor we own and plain flags.
    let r = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if r == 0 {
        return Ok(true);
    }
    let e = std::io::Error::last_os_error();
    if e.raw_os_error() == Some(libc::EWOULDBLOCK) {
        Ok(false)
    } else {
        Err(anyhow::anyhow!(
            "cannot lock the output folder: {}",
            crate::inputs::io_reason(&e)
        ))
    }
}

#[cfg(not(unix))]
fn try_lock(_file: &File) -> Result<bool> {
    Ok(true)
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

/// Whether a process with this pid is alive (`kill(pid, 0)`: it exists,
/// ours or not).
#[cfg(unix)]
pub fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
pub fn alive(_pid: u32) -> bool {
    true
}

/// The pid in a temporary file's name (`.NAME.PID.tmp`, as `batch` writes
/// them).
pub fn temp_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (_, pid) = rest.rsplit_once('.')?;
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Removes the temporary files that runs no longer alive left in the folder
/// (a run killed outright cannot remove its own); returns how many.
/// Called with the lock held, so no other batch writes here; a live
/// process's files (an orphaned worker finishing its document) are left.
pub fn remove_stale_temporaries(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let own = std::process::id();
    let mut removed = 0;
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = temp_owner(&name.to_string_lossy()) else {
            continue;
        };
        if pid != own
            && !alive(pid)
            && e.file_type().is_ok_and(|t| t.is_file())
            && fs::remove_file(e.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// The folder's manifest: none, or the one the last finished run wrote. One
/// that cannot be read is an error (the folder is not taken for empty).
pub fn read_manifest(dir: &Path) -> Result<Option<Manifest>> {
    let path = dir.join("manifest.json");
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => anyhow::bail!(
            "{}: cannot read: {} (give --replace to start the dataset afresh)",
            path.display(),
            crate::inputs::io_reason(&e)
        ),
    };
    serde_json::from_str(&text).map(Some).map_err(|e| {
        anyhow::anyhow!(
            "{}: not a manifest unprog can read ({e}); the folder holds a dataset this run would damage: give --replace to start it afresh, or another -o",
            path.display()
        )
    })
}

/// `--replace`: removes the earlier dataset's files (the manifest first, so
/// that nothing claims the others, then the collection files and every
/// document the manifest names); anything else in the folder is left.
pub fn remove_dataset(dir: &Path, old: &Manifest) -> Result<()> {
    for name in COLLECTION_FILES {
        match fs::remove_file(dir.join(name)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                anyhow::bail!(
                    "cannot remove {}: {}",
                    dir.join(name).display(),
                    crate::inputs::io_reason(&e)
                )
            }
            _ => {}
        }
    }
    for output in old.inputs.iter().filter_map(|e| e.output.as_deref()) {
        if let Some(path) = inside(dir, output) {
            let _ = fs::remove_file(path);
        }
    }
    Ok(())
}

/// A file the manifest names, if it is a plain name inside the folder (a
/// manifest is input too: no `..` or absolute paths followed).
pub fn inside(dir: &Path, name: &str) -> Option<PathBuf> {
    let p = Path::new(name);
    let plain = p.components().count() == 1
        && matches!(p.components().next(), Some(std::path::Component::Normal(_)));
    plain.then(|| dir.join(p))
}

/// Gives each input its JSON file's name: the one the earlier run gave the
/// same input, else its file stem made unique (`x.json`, `x-2.json`, …)
/// against every name the earlier manifest holds and every name given
/// before it, in path order.
pub fn assign_output_names(inputs: &mut [Input], previous: &HashMap<String, Entry>) {
    let mut taken: HashSet<String> = previous.values().filter_map(|e| e.output.clone()).collect();
    let mut fresh = Vec::new();
    for (i, input) in inputs.iter_mut().enumerate() {
        match previous.get(&input.display).and_then(|e| e.output.clone()) {
            Some(name) => input.output_name = name,
            None => fresh.push(i),
        }
    }
    for i in fresh {
        let input = &mut inputs[i];
        let stem = input
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "input".into());
        let mut n = 1;
        let name = loop {
            let candidate = if n == 1 {
                format!("{stem}.json")
            } else {
                format!("{stem}-{n}.json")
            };
            if !taken.contains(&candidate) {
                break candidate;
            }
            n += 1;
        };
        taken.insert(name.clone());
        input.output_name = name;
    }
}

/// Orders manifest entries as the batch orders inputs: by path.
pub fn path_order(a: &str, b: &str) -> std::cmp::Ordering {
    Path::new(a).cmp(Path::new(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_tell_their_owner() {
        assert_eq!(temp_owner(".manifest.json.123.tmp"), Some(123));
        assert_eq!(temp_owner(".oewg-s4-en.json.9.tmp"), Some(9));
        assert_eq!(temp_owner("manifest.json.123.tmp"), None);
        assert_eq!(temp_owner(".x.json.tmp"), None);
        assert_eq!(temp_owner(".x.json.12a.tmp"), None);
    }

    #[test]
    fn names_the_earlier_run_gave_are_kept_and_never_reused() {
        let input = |p: &str| Input {
            path: PathBuf::from(p),
            display: p.into(),
            relative: p.into(),
            file_name: p.rsplit('/').next().unwrap_or(p).into(),
            is_text: false,
            output_name: String::new(),
        };
        let old = |p: &str, out: &str| Entry {
            input: p.into(),
            file: None,
            output: Some(out.into()),
            sha256: None,
            status: unprog_export::manifest::Status::Ok,
            error: None,
            pages: None,
            warnings: 0,
            language: None,
            symbol: None,
            elapsed_ms: 0,
            resumed: false,
        };
        let previous: HashMap<String, Entry> =
            [old("a/x.pdf", "x.json"), old("c/x.pdf", "x-2.json")]
                .into_iter()
                .map(|e| (e.input.clone(), e))
                .collect();
        let mut inputs = vec![input("b/x.pdf"), input("c/x.pdf"), input("x-2.pdf")];
        assert_eq!(inputs.len(), 3);
        assign_output_names(&mut inputs, &previous);
        let names: Vec<&str> = inputs.iter().map(|i| i.output_name.as_str()).collect();
        assert_eq!(names, ["x-3.json", "x-2.json", "x-2-2.json"]);
        assert!(inside(Path::new("/d"), "../etc").is_none());
        assert!(inside(Path::new("/d"), "a.json").is_some());
    }

    #[test]
    fn a_second_lock_is_refused_and_a_released_one_taken() {
        let dir = std::env::temp_dir().join(format!("unprog-lock-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("dir");
        let (lock, stale) = Lock::acquire(&dir).expect("first");
        assert_eq!(stale, None);
        // flock locks belong to the open file: a second open is refused.
        let err = Lock::acquire(&dir).err().expect("refused");
        assert!(err.is::<Busy>(), "{err}");
        assert!(err.to_string().contains(&std::process::id().to_string()));
        drop(lock);
        assert!(!dir.join(LOCK_NAME).exists());
        fs::write(dir.join(LOCK_NAME), "4000000000\n").expect("write");
        let (_lock, stale) = Lock::acquire(&dir).expect("taken over");
        assert_eq!(stale, Some(4_000_000_000));
        let _ = fs::remove_dir_all(&dir);
    }
}
