//! # unprog-export: the programme model as files
//!
//! JSON (one document), JSON Lines (one document per line), the flat
//! `slots.csv` table analysts open in a spreadsheet, and the batch manifest
//! with its cross-language consistency check; the archive dataset's tidy
//! tables ([`tables`]) as an SQLite database and as Parquet files; across
//! programmes, the session-to-session comparison and the HTML report; and
//! [`document`], one input file read and converted with its failure
//! classified, which the CLI and the Python package share.

pub mod compare;
pub mod csv;
pub mod document;
pub mod explain;
pub mod hours;
pub mod manifest;
pub mod parquet;
pub mod report;
pub mod schema;
pub mod skeleton;
pub mod sqlite;
pub mod tables;

use unprog_parse::Programme;

/// A programme as JSON: pretty (two-space indent) or on one line; always
/// ends with a newline.
pub fn to_json(programme: &Programme, pretty: bool) -> String {
    let mut s = if pretty {
        serde_json::to_string_pretty(programme)
    } else {
        serde_json::to_string(programme)
    }
    .unwrap_or_default();
    s.push('\n');
    s
}
