//! Reading programmes for `compare` and `report`: converted JSON files, a
//! dataset folder written by `convert`, JSON Lines, or PDFs and texts parsed
//! on the spot.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context, Result};
use rayon::prelude::*;
use unprog_parse::Programme;

use crate::inputs;

/// Reads every programme the arguments name, in argument order:
/// - a `.json` file: one programme as written by `convert`;
/// - a `.jsonl` file: one programme per line;
/// - a folder with `programmes.jsonl` (a dataset from `convert`): its lines;
/// - another folder: its `.json` files (but `manifest.json`) or, when it has
///   none, its PDFs and texts, converted first;
/// - a PDF or `.txt` file: converted first.
///
/// Fails on the first input that cannot be read, naming it: a comparison with
/// a session silently missing would mislead.
pub fn load(args: &[PathBuf]) -> Result<Vec<Programme>> {
    // A missing input is a usage error (exit code 2), found before any work.
    for arg in args {
        if let Err(e) = std::fs::metadata(arg) {
            return Err(
                crate::Usage(format!("{}: {}", arg.display(), inputs::io_reason(&e))).into(),
            );
        }
    }
    let mut out = Vec::new();
    for arg in args {
        if arg.is_dir() {
            let dataset = arg.join("programmes.jsonl");
            if dataset.is_file() {
                out.extend(read_jsonl(&dataset)?);
                continue;
            }
            let mut json = Vec::new();
            inputs::walk(
                arg,
                &|p: &Path| {
                    extension(p) == "json" && p.file_name().is_some_and(|n| n != "manifest.json")
                },
                &mut json,
            );
            json.sort();
            if json.is_empty() {
                out.extend(convert(std::slice::from_ref(arg))?);
            } else {
                for f in json {
                    out.push(read_json(&f)?);
                }
            }
        } else {
            match extension(arg).as_str() {
                "json" => out.push(read_json(arg)?),
                "jsonl" => out.extend(read_jsonl(arg)?),
                _ => out.extend(convert(std::slice::from_ref(arg))?),
            }
        }
    }
    if out.is_empty() {
        bail!("no programmes found in the inputs");
    }
    Ok(out)
}

fn extension(p: &Path) -> String {
    p.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path)
        .map_err(|e| anyhow!("cannot read {}: {}", path.display(), inputs::io_reason(&e)))
}

fn read_json(path: &Path) -> Result<Programme> {
    let text = read_text(path)?;
    serde_json::from_str(&text).with_context(|| {
        format!(
            "{}: not a programme written by `unprog convert`",
            path.display()
        )
    })
}

fn read_jsonl(path: &Path) -> Result<Vec<Programme>> {
    let text = read_text(path)?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).with_context(|| {
                format!(
                    "{} line {}: not a programme written by `unprog convert`",
                    path.display(),
                    i + 1
                )
            })
        })
        .collect()
}

fn convert(args: &[PathBuf]) -> Result<Vec<Programme>> {
    let found = inputs::collect(args, &[], &mut Vec::new())?;
    let options = unprog_parse::Options::default();
    found
        .par_iter()
        .map(|input| {
            let bytes = inputs::read(&input.path).map_err(|e| anyhow!("{}: {e}", input.display))?;
            unprog_parse::parse_bytes(&bytes, &input.file_name, input.is_text, &options)
                .map_err(|e| anyhow!("{}: {e}", input.display))
        })
        .collect()
}
