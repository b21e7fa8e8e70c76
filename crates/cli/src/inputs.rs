//! Finding the inputs of a batch: files as given, folders searched
//! recursively for `.pdf` and `.txt`, sorted by path, with output names that
//! never collide.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

/// One input file.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Input {
    pub path: PathBuf,
    /// The path as shown in messages and the manifest.
    pub display: String,
    /// File name (without folders).
    pub file_name: String,
    /// Read as plain text (`.txt`) rather than as a PDF.
    pub is_text: bool,
    /// Its JSON file's name in the output folder.
    pub output_name: String,
}

/// Collects the inputs: files as given (whatever their extension), folders
/// walked for `.pdf` / `.txt` files matching `glob` (when given).
pub fn collect(args: &[PathBuf], glob: Option<&str>) -> Result<Vec<Input>> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for arg in args {
        let meta = match std::fs::metadata(arg) {
            Ok(m) => m,
            Err(e) => bail!("{}: {e}", arg.display()),
        };
        if meta.is_dir() {
            walk(arg, &wanted, &mut paths);
        } else {
            paths.push(arg.clone());
        }
    }
    if let Some(g) = glob {
        paths.retain(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            glob_match(g, &name) || glob_match(g, &p.to_string_lossy())
        });
    }
    paths.sort();
    paths.dedup();
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
        let is_text = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
        out.push(Input {
            display: path.display().to_string(),
            file_name: path
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
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
}
