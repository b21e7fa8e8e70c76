//! Finding the inputs of a batch: files as given, folders searched
//! recursively for `.pdf` and `.txt`, sorted by path, with output names that
//! never collide; and reading one input file, with a message that says what
//! it is when it cannot be read or is not a document (a folder, an empty
//! file, a ZIP archive).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

/// One input file.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Input {
    pub path: PathBuf,
    /// The path as shown in messages and the manifest.
    pub display: String,
    /// The path below the folder argument it was found in (the path as
    /// given for a file argument, and wherever two folder arguments would
    /// give the same one): `slots.csv`'s `file`.
    pub relative: String,
    /// File name (without folders).
    pub file_name: String,
    /// Read as plain text (`.txt`) rather than as a PDF.
    pub is_text: bool,
    /// Its JSON file's name in the output folder.
    pub output_name: String,
}

/// Collects the inputs: files as given (whatever their extension), folders
/// walked for `.pdf` / `.txt` files matching any of `globs` (all of them
/// when there is none). A pattern that matched no file is named in
/// `unmatched`, for a warning.
pub fn collect(
    args: &[PathBuf],
    globs: &[String],
    unmatched: &mut Vec<String>,
) -> Result<Vec<Input>> {
    let mut paths: Vec<PathBuf> = Vec::new();
    // Each walked file's path below its folder argument.
    let mut below: HashMap<PathBuf, String> = HashMap::new();
    for arg in args {
        let meta = match std::fs::metadata(arg) {
            Ok(m) => m,
            Err(e) => bail!("{}: {}", arg.display(), io_reason(&e)),
        };
        if meta.is_dir() {
            let first = paths.len();
            walk(arg, &wanted, &mut paths);
            for p in &paths[first..] {
                if let Ok(rel) = p.strip_prefix(arg) {
                    below
                        .entry(p.clone())
                        .or_insert_with(|| rel.display().to_string());
                }
            }
        } else {
            paths.push(arg.clone());
        }
    }
    if !globs.is_empty() {
        let matches = |g: &str, p: &Path| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            glob_match(g, &name) || glob_match(g, &p.to_string_lossy())
        };
        for g in globs {
            if !paths.iter().any(|p| matches(g, p)) {
                unmatched.push(g.clone());
            }
        }
        paths.retain(|p| globs.iter().any(|g| matches(g, p)));
    }
    paths.sort();
    paths.dedup();
    // Relative paths that two inputs would share fall back to the paths
    // themselves (which are unique).
    let candidate = |p: &PathBuf| {
        below
            .get(p)
            .cloned()
            .unwrap_or_else(|| p.display().to_string())
    };
    let mut relative_used: HashMap<String, usize> = HashMap::new();
    for p in &paths {
        *relative_used.entry(candidate(p)).or_insert(0) += 1;
    }
    // Output names: the file stem, made unique in path order.
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "input".into());
        let n = used.entry(stem.clone()).or_insert(0);
        *n += 1;
        let output_name = if *n == 1 {
            format!("{stem}.json")
        } else {
            format!("{stem}-{n}.json")
        };
        let (file_name, is_text) = unprog_parse::name_and_kind(&path);
        let display = path.display().to_string();
        let relative = Some(candidate(&path))
            .filter(|rel| relative_used.get(rel).is_some_and(|n| *n == 1))
            .unwrap_or_else(|| display.clone());
        out.push(Input {
            display,
            relative,
            file_name,
            is_text,
            output_name,
            path,
        });
    }
    Ok(out)
}

/// Files below `dir` (folders searched recursively, at most 64 deep) that
/// `wanted` accepts, in no particular order. Symbolic links are followed
/// only to files, so a link loop cannot trap the walk.
pub fn walk(dir: &Path, wanted: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
    walk_below(dir, wanted, out, 0);
}

fn walk_below(dir: &Path, wanted: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > 64 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_symlink() {
            if path.is_file() && wanted(&path) {
                out.push(path);
            }
        } else if ft.is_dir() {
            walk_below(&path, wanted, out, depth + 1);
        } else if ft.is_file() && wanted(&path) {
            out.push(path);
        }
    }
}

fn wanted(p: &Path) -> bool {
    p.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("txt"))
}

/// `--shard K/N`: the K-th of N deterministic shards of a batch's inputs (K
/// from 0 to N-1), for indexed jobs (a Slurm array, a Kubernetes indexed
/// Job): run N times with the same inputs, each input is converted by
/// exactly one run. An input's shard is its path's (as shown) SHA-256 modulo
/// N, so it stays in its shard when other files are added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which shard, from 0.
    pub index: u64,
    /// How many shards.
    pub count: u64,
}

impl Shard {
    /// Reads `K/N` (0 ≤ K < N).
    pub fn parse(s: &str) -> std::result::Result<Shard, String> {
        let bad = || format!("{s:?}: give K/N, the K-th of N shards, with 0 <= K < N (e.g. 0/4)");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let (index, count): (u64, u64) = (
            k.trim().parse().map_err(|_| bad())?,
            n.trim().parse().map_err(|_| bad())?,
        );
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// Whether the input shown as `display` is in this shard.
    pub fn takes(&self, display: &str) -> bool {
        let hex = unprog_parse::sha256_hex(display.as_bytes());
        let head = u64::from_str_radix(hex.get(..16).unwrap_or("0"), 16).unwrap_or(0);
        head % self.count == self.index
    }
}

/// Why one input file cannot be converted, before any parsing.
#[derive(Debug)]
pub enum ReadError {
    /// The path names nothing: a usage error (exit code 2).
    Missing(String),
    /// A folder where a file was expected: a usage error too.
    Folder,
    /// Anything else (unreadable, not a regular file, empty, a ZIP file):
    /// that input fails.
    Unusable(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Missing(why) | ReadError::Unusable(why) => f.write_str(why),
            ReadError::Folder => f.write_str("a folder, not a file"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads one input file whole. Anything but a regular file is refused (a
/// named pipe or a device would block the read for ever), and so are files
/// that cannot be documents: empty ones and ZIP archives (a `.docx` or
/// `.odt` renamed).
pub fn read(path: &Path) -> std::result::Result<Vec<u8>, ReadError> {
    read_check(path)?;
    let bytes = std::fs::read(path)
        .map_err(|e| ReadError::Unusable(format!("cannot read: {}", io_reason(&e))))?;
    match not_a_document(&bytes) {
        Some(why) => Err(ReadError::Unusable(why)),
        None => Ok(bytes),
    }
}

/// Whether `path` names a regular file (without reading it).
pub fn read_check(path: &Path) -> std::result::Result<(), ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::Missing(io_reason(&e)),
        _ => ReadError::Unusable(format!("cannot read: {}", io_reason(&e))),
    })?;
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if !meta.is_file() {
        return Err(ReadError::Unusable(
            "not a regular file (a pipe, device or socket): copy it to a file first".into(),
        ));
    }
    Ok(())
}

pub use unprog_export::document::{io_reason, not_a_document};

/// Shell-style matching: `*` (any run), `?` (one character); the rest is
/// literal.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_names() {
        assert!(glob_match("*-zh.pdf", "oewg-s4-zh.pdf"));
        assert!(!glob_match("*-zh.pdf", "oewg-s4-en.pdf"));
        assert!(glob_match("oewg-s?-*", "oewg-s4-en.pdf"));
        assert!(glob_match("*", ""));
    }

    #[test]
    fn files_are_named_below_their_folder_and_told_apart() {
        let root = std::env::temp_dir().join(format!("unprog-inputs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for sub in ["a", "b"] {
            std::fs::create_dir_all(root.join(sub)).expect("dir");
            std::fs::write(root.join(sub).join("x.pdf"), "%PDF").expect("write");
        }
        let found = collect(std::slice::from_ref(&root), &[], &mut Vec::new()).expect("found");
        let names: Vec<(&str, &str)> = found
            .iter()
            .map(|i| (i.relative.as_str(), i.output_name.as_str()))
            .collect();
        assert_eq!(names, [("a/x.pdf", "x.json"), ("b/x.pdf", "x-2.json")]);
        // Two folder arguments giving the same relative path: the paths.
        let found =
            collect(&[root.join("a"), root.join("b")], &[], &mut Vec::new()).expect("found");
        assert!(found.iter().all(|i| i.relative == i.display));
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn shards_split_the_inputs_and_read_k_of_n() {
        assert_eq!(Shard::parse("1/4"), Ok(Shard { index: 1, count: 4 }));
        for bad in ["4/4", "0/0", "1", "a/2", "-1/2"] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
        let names: Vec<String> = (0..200).map(|i| format!("dir/file-{i}.pdf")).collect();
        let shards: Vec<Shard> = (0..3).map(|index| Shard { index, count: 3 }).collect();
        for name in &names {
            assert_eq!(shards.iter().filter(|s| s.takes(name)).count(), 1);
        }
        for s in &shards {
            let n = names.iter().filter(|name| s.takes(name)).count();
            assert!((40..100).contains(&n), "{n}");
        }
    }

    #[test]
    fn empty_files_and_zip_archives_are_no_documents() {
        assert_eq!(not_a_document(b"").as_deref(), Some("empty file (0 bytes)"));
        assert!(not_a_document(b"PK\x03\x04rest")
            .is_some_and(|m| m.contains("ZIP") && m.contains("convert it to PDF first")));
        assert_eq!(not_a_document(b"%PDF-1.7"), None);
    }
}
