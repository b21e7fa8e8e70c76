//! `manifest.json`: every input of a batch with its fate, the groups of
//! language versions of one document, and a summary.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;

use crate::skeleton::Skeleton;

/// How one input fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Entry {
    /// The input path as given (or found under a given folder).
    pub input: String,
    /// The input's path below the folder it was found in (`slots.csv`'s
    /// `file`); absent in manifests of earlier versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The document's JSON file in the output folder (null when failed).
    pub output: Option<String>,
    /// SHA-256 of the input's bytes (null when it could not be read).
    #[schemars(extend("pattern" = crate::schema::SHA256))]
    pub sha256: Option<String>,
    /// Outcome.
    pub status: Status,
    /// Why it failed.
    pub error: Option<String>,
    /// Page count.
    pub pages: Option<u32>,
    /// Number of warnings in the document.
    pub warnings: usize,
    /// Detected language (ar, zh, en, fr, ru, es).
    #[schemars(extend("pattern" = "^(ar|zh|en|fr|ru|es)$"))]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
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
    /// Inputs of this run skipped by `--resume` (unchanged since the run
    /// that converted them; counted in `ok`/`warnings` too).
    #[serde(default)]
    pub resumed: usize,
    /// Entries kept from earlier runs into the folder whose inputs were not
    /// among this run's (counted in `inputs` and the statuses too).
    #[serde(default)]
    pub kept: usize,
}

/// The whole manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
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

/// Writes `manifest.json` as the batch goes, so that memory does not grow
/// with the number of inputs: each entry is written out when it arrives, and
/// what stays in memory per input is its group membership (symbol, language,
/// path) and, per symbol, the first version's skeleton to compare the others
/// with. The output is the pretty JSON of a [`Manifest`].
pub struct ManifestWriter<W: Write> {
    out: W,
    inputs: usize,
    summary: Summary,
    groups: BTreeMap<String, GroupState>,
}

struct GroupState {
    members: Vec<String>,
    first: Option<Skeleton>,
    inconsistent: Vec<String>,
}

impl<W: Write> ManifestWriter<W> {
    /// Starts the manifest.
    pub fn new(mut out: W, tool_version: &str) -> std::io::Result<Self> {
        write!(
            out,
            "{{\n  \"tool_version\": {},\n  \"inputs\": [",
            serde_json::to_string(tool_version)?
        )?;
        Ok(ManifestWriter {
            out,
            inputs: 0,
            summary: Summary::default(),
            groups: BTreeMap::new(),
        })
    }

    /// Adds the next input (in path order) and, when it was converted, its
    /// skeleton.
    pub fn push(&mut self, entry: &Entry, skeleton: Option<Skeleton>) -> std::io::Result<()> {
        let json = serde_json::to_string_pretty(entry)?;
        self.out
            .write_all(if self.inputs == 0 { b"\n" } else { b",\n" })?;
        write_indented(&mut self.out, &json, "    ", true)?;
        self.inputs += 1;

        self.summary.inputs += 1;
        if entry.resumed {
            self.summary.resumed += 1;
        }
        match entry.status {
            Status::Ok => self.summary.ok += 1,
            Status::Warnings => self.summary.warnings += 1,
            Status::Failed => self.summary.failed += 1,
        }
        self.summary.pages += entry.pages.map_or(0, u64::from);
        if let (Some(symbol), false) = (&entry.symbol, entry.status == Status::Failed) {
            let member = format!(
                "{}: {}",
                entry.language.as_deref().unwrap_or("?"),
                entry.input
            );
            let group = self
                .groups
                .entry(symbol.clone())
                .or_insert_with(|| GroupState {
                    members: Vec::new(),
                    first: None,
                    inconsistent: Vec::new(),
                });
            if group.members.is_empty() {
                group.first = skeleton;
            } else if let (Some(first), Some(s)) = (&group.first, &skeleton) {
                let d = first.differences(s);
                if !d.is_empty() {
                    group
                        .inconsistent
                        .push(format!("{member}: {}", d.join("; ")));
                }
            }
            group.members.push(member);
        }
        Ok(())
    }

    /// Adds an entry kept from an earlier run (its input is not among this
    /// run's), counted in the summary's `kept`.
    pub fn push_kept(&mut self, entry: &Entry, skeleton: Option<Skeleton>) -> std::io::Result<()> {
        self.push(entry, skeleton)?;
        self.summary.kept += 1;
        Ok(())
    }

    /// Writes the groups and the summary; returns the summary.
    pub fn finish(mut self) -> std::io::Result<Summary> {
        let groups: Vec<Group> = std::mem::take(&mut self.groups)
            .into_iter()
            .filter(|(_, g)| g.members.len() >= 2)
            .map(|(symbol, g)| Group {
                symbol,
                members: g.members,
                inconsistent: g.inconsistent,
            })
            .collect();
        self.summary.inconsistent_groups =
            groups.iter().filter(|g| !g.inconsistent.is_empty()).count();
        if self.inputs > 0 {
            self.out.write_all(b"\n  ")?;
        }
        self.out.write_all(b"],\n  \"groups\": ")?;
        let groups_json = serde_json::to_string_pretty(&groups)?;
        write_indented(&mut self.out, &groups_json, "  ", false)?;
        self.out.write_all(b",\n  \"summary\": ")?;
        let summary_json = serde_json::to_string_pretty(&self.summary)?;
        write_indented(&mut self.out, &summary_json, "  ", false)?;
        self.out.write_all(b"\n}\n")?;
        self.out.flush()?;
        Ok(self.summary)
    }
}

/// Writes pretty JSON indented one level deeper: every line, or (for a
/// value that follows its key on the same line) every line but the first.
fn write_indented(
    out: &mut impl Write,
    json: &str,
    indent: &str,
    first_line_too: bool,
) -> std::io::Result<()> {
    for (i, line) in json.lines().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        if i > 0 || first_line_too {
            out.write_all(indent.as_bytes())?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skeleton::DaySkeleton;

    fn entry(input: &str, status: Status, symbol: Option<&str>, language: &str) -> Entry {
        Entry {
            input: input.into(),
            file: Some(input.into()),
            output: (status != Status::Failed).then(|| format!("{input}.json")),
            sha256: Some("ab".repeat(32)),
            status,
            error: (status == Status::Failed).then(|| "not a PDF".to_string()),
            pages: Some(3),
            warnings: 0,
            language: Some(language.into()),
            symbol: symbol.map(str::to_string),
            elapsed_ms: 5,
            resumed: false,
        }
    }

    fn skeleton(slot: &str) -> Skeleton {
        Skeleton {
            days: vec![DaySkeleton {
                date: Some("2023-03-06".into()),
                slots: vec![slot.into()],
            }],
        }
    }

    fn written(items: Vec<(Entry, Option<Skeleton>)>) -> String {
        let mut buf = Vec::new();
        let mut w = ManifestWriter::new(&mut buf, "9.9.9").unwrap();
        for (e, s) in items {
            w.push(&e, s).unwrap();
        }
        w.finish().unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn the_streamed_manifest_is_the_pretty_json_of_the_whole() {
        let a = entry("en.pdf", Status::Ok, Some("A/1"), "en");
        let b = entry("fr.pdf", Status::Warnings, Some("A/1"), "fr");
        let c = entry("bad.pdf", Status::Failed, None, "en");
        let d = entry("ru.pdf", Status::Ok, Some("A/1"), "ru");
        let text = written(vec![
            (a.clone(), Some(skeleton("10:00-13:00 [5(a)]"))),
            (b.clone(), Some(skeleton("10:00-13:00 [5(a)]"))),
            (c.clone(), None),
            (d.clone(), Some(skeleton("10:00-12:00 [5(a)]"))),
        ]);
        let expected = Manifest {
            tool_version: "9.9.9".into(),
            inputs: vec![a, b, c, d],
            groups: vec![Group {
                symbol: "A/1".into(),
                members: vec![
                    "en: en.pdf".into(),
                    "fr: fr.pdf".into(),
                    "ru: ru.pdf".into(),
                ],
                inconsistent: vec![
                    r#"ru: ru.pdf: 2023-03-06: slots ["10:00-12:00 [5(a)]"] against ["10:00-13:00 [5(a)]"]"#
                        .into(),
                ],
            }],
            summary: Summary {
                inputs: 4,
                ok: 2,
                warnings: 1,
                failed: 1,
                pages: 12,
                inconsistent_groups: 1,
                resumed: 0,
                kept: 0,
            },
        };
        let mut pretty = serde_json::to_string_pretty(&expected).unwrap();
        pretty.push('\n');
        let parsed: Manifest = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed.groups, expected.groups, "{text}");
        assert_eq!(text, pretty);
    }

    #[test]
    fn an_empty_batch_is_valid_json() {
        let text = written(vec![]);
        let m: Manifest = serde_json::from_str(&text).unwrap();
        assert!(m.inputs.is_empty() && m.groups.is_empty());
        let mut pretty = serde_json::to_string_pretty(&m).unwrap();
        pretty.push('\n');
        assert_eq!(text, pretty);
    }
}
