//! `slots.csv`: one row per time slot, flat, for spreadsheets and pandas;
//! and [`TableSet`], every table of [`crate::tables`] as a CSV file
//! (`convert --csv-tables DIR`).
//!
//! Columns of `slots.csv`: `file` (the input's path below the folder it was
//! found in), `json` (the document's JSON file in the dataset), then the
//! programme's and the slot's facts, every topic and every speaker of the
//! slot. Booleans are `true`/`false`; a cell holding a list (agenda items,
//! sub-items, events, topics, speakers) joins its entries with
//! [`SEPARATOR`], the same in every column (and in the tables' list cells).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use unprog_parse::{Programme, Slot};

use crate::tables::{Cell, Ids, TableId, Tables};

/// The header row.
pub const HEADER: &str = "file,json,symbol,language,session_ordinal,date,weekday,start,end,minutes,room,agenda_items,sub_items,continued,events,topics,speakers\n";

/// What joins the entries of a list in one cell (split on it to get them
/// back: `df.topics.str.split(" | ")`).
pub const SEPARATOR: &str = " | ";

/// Where a programme's rows come from, in the dataset.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// The input's path, relative to the folder it was found in (two files
    /// of one name in different folders are told apart).
    pub file: &'a str,
    /// The name of the document's JSON file in the dataset folder.
    pub json: &'a str,
}

/// Quotes a field as RFC 4180 wants (when it holds a comma, quote or line break).
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Minutes between two `HH:MM` times.
pub fn minutes(start: Option<&str>, end: Option<&str>) -> Option<i64> {
    let m = |t: &str| crate::hours::clock_minutes(t).map(i64::from);
    let d = m(end?)? - m(start?)?;
    (d >= 0).then_some(d)
}

/// Every topic of a slot, in the programme's order: agenda items and events
/// by position; within an item, its own topics, then its sub-items'.
fn topics(slot: &Slot) -> Vec<&str> {
    let mut parts: Vec<(u32, Vec<&str>)> = Vec::new();
    for a in &slot.agenda_items {
        let texts = a
            .topics
            .iter()
            .chain(a.sub_items.iter().flat_map(|s| s.topics.iter()))
            .map(|t| t.text.as_str())
            .collect();
        parts.push((a.position, texts));
    }
    for e in &slot.events {
        parts.push((
            e.position,
            e.topics.iter().map(|t| t.text.as_str()).collect(),
        ));
    }
    parts.sort_by_key(|(p, _)| *p);
    parts.into_iter().flat_map(|(_, t)| t).collect()
}

/// A list as one cell.
fn list<S: AsRef<str>>(items: &[S]) -> String {
    let joined: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    field(&joined.join(SEPARATOR))
}

/// The rows of one programme, each ending with a newline.
pub fn rows(p: &Programme, origin: &Origin) -> String {
    let mut out = String::new();
    for day in &p.days {
        for slot in &day.slots {
            let agenda: Vec<&str> = slot
                .agenda_items
                .iter()
                .map(|a| a.number.as_str())
                .collect();
            let subs: Vec<String> = slot
                .agenda_items
                .iter()
                .flat_map(|a| {
                    a.sub_items
                        .iter()
                        .map(move |s| format!("{}({})", a.number, s.letter))
                })
                .collect();
            let continued = slot
                .agenda_items
                .iter()
                .any(|a| a.continued || a.sub_items.iter().any(|s| s.continued));
            let events: Vec<&str> = slot.events.iter().map(|e| e.text.as_str()).collect();
            let speakers: Vec<&str> = slot
                .events
                .iter()
                .flat_map(|e| e.speakers.iter().map(String::as_str))
                .collect();
            let cols = [
                field(origin.file),
                field(origin.json),
                field(p.symbol.as_deref().unwrap_or("")),
                p.language.code().to_string(),
                p.session.ordinal.map(|o| o.to_string()).unwrap_or_default(),
                day.date.clone().unwrap_or_default(),
                day.weekday
                    .and_then(|w| serde_json::to_value(w).ok())
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                slot.start.clone().unwrap_or_default(),
                slot.end.clone().unwrap_or_default(),
                minutes(slot.start.as_deref(), slot.end.as_deref())
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
                field(slot.room.as_deref().unwrap_or("")),
                list(&agenda),
                list(&subs),
                continued.to_string(),
                list(&events),
                list(&topics(slot)),
                list(&speakers),
            ];
            out.push_str(&cols.join(","));
            out.push('\n');
        }
    }
    out
}

/// The tables as CSV files in a folder, `TABLE.csv` each: a header row of
/// the column names, then a row per table row. Ids are dense ([`Ids`], as
/// the Parquet files'), booleans `true`/`false`, dates and times as ISO
/// text, lists joined by [`SEPARATOR`].
pub struct TableSet {
    files: Vec<(PathBuf, BufWriter<File>)>,
    ids: Ids,
}

/// A table file cannot be written.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct Error {
    /// The file.
    pub path: PathBuf,
    /// What the system said.
    pub source: std::io::Error,
}

impl TableSet {
    /// Creates the files in `dir` (which must exist), each with its header.
    pub fn create(dir: &Path) -> Result<TableSet, Error> {
        let files = TableId::ALL
            .iter()
            .map(|t| {
                let path = dir.join(format!("{}.csv", t.name()));
                let header: Vec<&str> = t.table().columns.iter().map(|c| c.name).collect();
                let mut file = File::create(&path)
                    .map(BufWriter::new)
                    .map_err(|source| Error {
                        path: path.clone(),
                        source,
                    })?;
                writeln!(file, "{}", header.join(",")).map_err(|source| Error {
                    path: path.clone(),
                    source,
                })?;
                Ok((path, file))
            })
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(TableSet {
            files,
            ids: Ids::default(),
        })
    }

    /// Adds one input's rows.
    pub fn push(&mut self, tables: &Tables) -> Result<(), Error> {
        for ((path, file), t) in self.files.iter_mut().zip(TableId::ALL) {
            for (index, row) in tables.rows(t).iter().enumerate() {
                let mut line = self.ids.id(t, index).to_string();
                for cell in row {
                    line.push(',');
                    line.push_str(&table_cell(cell, &self.ids));
                }
                line.push('\n');
                file.write_all(line.as_bytes()).map_err(|source| Error {
                    path: path.clone(),
                    source,
                })?;
            }
        }
        self.ids.advance(tables);
        Ok(())
    }

    /// Flushes and closes every file.
    pub fn finish(self) -> Result<(), Error> {
        for (path, mut file) in self.files {
            file.flush().map_err(|source| Error { path, source })?;
        }
        Ok(())
    }
}

/// A table cell as a CSV field.
fn table_cell(cell: &Cell, ids: &Ids) -> String {
    match cell {
        Cell::Null => String::new(),
        Cell::Int(n) => n.to_string(),
        Cell::Real(x) => x.to_string(),
        Cell::Bool(b) => b.to_string(),
        Cell::Text(s) => field(s),
        Cell::List(items) => list(items),
        Cell::Key(t, index) => ids.id(*t, *index).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_and_quotes_are_quoted() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    fn programme(name: &str) -> Programme {
        let path = format!(
            "{}/../../fixtures/expected/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).expect("fixture");
        serde_json::from_str(&text).expect("programme")
    }

    #[test]
    fn every_topic_one_separator_and_true_false() {
        let mut p = programme("oewg-s4-en");
        let slot = &mut p.days[0].slots[0];
        assert_eq!(slot.agenda_items.len(), 2);
        let mut extra = slot.agenda_items[1].sub_items[0].topics[0].clone();
        extra.text = "An earlier topic, on item 3".into();
        slot.agenda_items[0].topics.push(extra);
        let origin = Origin {
            file: "sessions/4/oewg-s4-en.pdf",
            json: "oewg-s4-en.json",
        };
        let rows = rows(&p, &origin);
        let first = rows.lines().next().expect("a row");
        assert!(
            first.starts_with("sessions/4/oewg-s4-en.pdf,oewg-s4-en.json,A/AC.292/"),
            "{first}"
        );
        assert!(first.contains(",3 | 5,"), "{first}");
        assert!(first.contains(",false,"), "{first}");
        let original = &p.days[0].slots[0].agenda_items[1].sub_items[0].topics[0].text;
        assert!(
            first.contains(&format!(",\"An earlier topic, on item 3 | {original}\",")),
            "{first}"
        );
        for row in rows.lines() {
            assert!(row.contains(",true,") || row.contains(",false,"), "{row}");
        }
    }

    #[test]
    fn a_slots_speakers_are_its_last_cell() {
        let p = programme("oewg-s4-en");
        let origin = Origin {
            file: "a.pdf",
            json: "a.json",
        };
        let rows = rows(&p, &origin);
        let first = rows.lines().next().expect("a row");
        let speakers: Vec<&str> = p.days[0].slots[0]
            .events
            .iter()
            .flat_map(|e| e.speakers.iter().map(String::as_str))
            .collect();
        assert!(speakers.len() > 1, "{speakers:?}");
        assert!(
            first.ends_with(&field(&speakers.join(SEPARATOR))),
            "{first}"
        );
    }

    #[test]
    fn minutes_between_times() {
        assert_eq!(minutes(Some("10:00"), Some("13:00")), Some(180));
        assert_eq!(minutes(Some("11:30"), Some("13:00")), Some(90));
        assert_eq!(minutes(Some("13:00"), Some("10:00")), None);
        assert_eq!(minutes(None, Some("10:00")), None);
    }
}
