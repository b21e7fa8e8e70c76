//! `manifest.json`: every input of a batch with its fate, the groups of
//! language versions of one document, and a summary.

use serde::{Deserialize, Serialize};

use crate::skeleton::Skeleton;

/// How one input fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Converted, nothing to report.
    Ok,
    /// Converted, with warnings in the document's `warnings`.
    Warnings,
    /// Not converted; see `error`.
    Failed,
}

/// One input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The input path as given (or found under a given folder).
    pub input: String,
    /// The document's JSON file in the output folder (null when failed).
    pub output: Option<String>,
    /// SHA-256 of the input's bytes (null when it could not be read).
    pub sha256: Option<String>,
    /// Outcome.
    pub status: Status,
    /// Why it failed.
    pub error: Option<String>,
    /// Page count.
    pub pages: Option<u32>,
    /// Number of warnings in the document.
    pub warnings: usize,
    /// Detected language.
    pub language: Option<String>,
    /// Document symbol.
    pub symbol: Option<String>,
    /// Wall-clock time spent on it, milliseconds.
    pub elapsed_ms: u64,
    /// Skipped by `--resume`: the output from an earlier run was kept.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub resumed: bool,
}

/// The language versions of one document (same symbol).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// The shared symbol.
    pub symbol: String,
    /// `language: input` of each version.
    pub members: Vec<String>,
    /// Versions whose skeleton (dates, times, agenda numbers) differs from
    /// the first one, with what differs. Empty when they agree.
    pub inconsistent: Vec<String>,
}

/// Counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Inputs seen.
    pub inputs: usize,
    /// Converted without warnings.
    pub ok: usize,
    /// Converted with warnings.
    pub warnings: usize,
    /// Not converted.
    pub failed: usize,
    /// Pages read.
    pub pages: u64,
    /// Groups whose language versions disagree.
    pub inconsistent_groups: usize,
}

/// The whole manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// `unprog` version that wrote it.
    pub tool_version: String,
    /// Every input, in path order.
    pub inputs: Vec<Entry>,
    /// Documents present in more than one language.
    pub groups: Vec<Group>,
    /// Counts.
    pub summary: Summary,
}

impl Manifest {
    /// Builds the manifest from the entries (in order) and, for converted
    /// documents, their skeletons (same order, `None` for failures).
    pub fn build(
        tool_version: &str,
        inputs: Vec<Entry>,
        skeletons: &[Option<Skeleton>],
    ) -> Manifest {
        let mut by_symbol: std::collections::BTreeMap<String, Vec<usize>> =
            std::collections::BTreeMap::new();
        for (i, e) in inputs.iter().enumerate() {
            if let (Some(sym), true) = (&e.symbol, e.status != Status::Failed) {
                by_symbol.entry(sym.clone()).or_default().push(i);
            }
        }
        let mut groups = Vec::new();
        for (symbol, idx) in by_symbol {
            if idx.len() < 2 {
                continue;
            }
            let member = |i: usize| {
                format!(
                    "{}: {}",
                    inputs[i].language.as_deref().unwrap_or("?"),
                    inputs[i].input
                )
            };
            let mut inconsistent = Vec::new();
            if let Some(Some(first)) = skeletons.get(idx[0]) {
                for &i in &idx[1..] {
                    if let Some(Some(s)) = skeletons.get(i) {
                        let d = first.differences(s);
                        if !d.is_empty() {
                            inconsistent.push(format!("{}: {}", member(i), d.join("; ")));
                        }
                    }
                }
            }
            groups.push(Group {
                symbol,
                members: idx.iter().map(|&i| member(i)).collect(),
                inconsistent,
            });
        }
        let summary = Summary {
            inputs: inputs.len(),
            ok: inputs.iter().filter(|e| e.status == Status::Ok).count(),
            warnings: inputs
                .iter()
                .filter(|e| e.status == Status::Warnings)
                .count(),
            failed: inputs.iter().filter(|e| e.status == Status::Failed).count(),
            pages: inputs.iter().filter_map(|e| e.pages).map(u64::from).sum(),
            inconsistent_groups: groups.iter().filter(|g| !g.inconsistent.is_empty()).count(),
        };
        Manifest {
            tool_version: tool_version.to_string(),
            inputs,
            groups,
            summary,
        }
    }
}
