//! One document read and converted, and what went wrong, classified.
//!
//! The one place where an input file becomes a [`Programme`] or a
//! [`Failure`]: the CLI's batch (`unprog convert`) and the Python package
//! (`crates/py`) both call it, so a file fails the same way, with the same
//! message, in both. The hard stop (a thread abandoned at a time limit) and
//! panic containment stay with the callers, which know how to wait and where
//! a panic hook is installed; [`internal_error`] and [`overran`] give the
//! messages for those two outcomes.

use std::path::Path;
use std::time::Duration;

use unprog_extract::ExtractError;
use unprog_parse::{Options, ParseError, Programme};

/// What kind of failure a document met (the Python package raises one
/// exception class per kind; the batch records the message only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The file could not be read: missing, a folder, a pipe, no permission.
    Unreadable,
    /// Not a PDF (nor, for a `.txt` input, UTF-8 text): an empty file, an
    /// archive, other bytes.
    NotAPdf,
    /// An encrypted PDF that the empty password does not open.
    EncryptedPdf,
    /// A PDF too damaged to recover any page.
    Damaged,
    /// A PDF over one of the extractor's limits before any page came out.
    TooLarge,
    /// Read, but no programme table in it.
    NoProgramme,
    /// The time budget ran out.
    Timeout,
    /// A bug in unprog (a contained panic).
    Internal,
}

impl Kind {
    /// The kind's name in data (`failures` tables, results): `unreadable`,
    /// `not_a_pdf`, `encrypted_pdf`, `damaged`, `too_large`, `no_programme`,
    /// `timeout`, `internal`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Unreadable => "unreadable",
            Kind::NotAPdf => "not_a_pdf",
            Kind::EncryptedPdf => "encrypted_pdf",
            Kind::Damaged => "damaged",
            Kind::TooLarge => "too_large",
            Kind::NoProgramme => "no_programme",
            Kind::Timeout => "timeout",
            Kind::Internal => "internal",
        }
    }
}

/// Why one document gave no programme: its kind and the CLI's message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Failure {
    /// What kind of failure.
    pub kind: Kind,
    /// The message `unprog convert` records for it (in the manifest).
    pub message: String,
}

impl Failure {
    fn new(kind: Kind, message: impl Into<String>) -> Failure {
        Failure {
            kind,
            message: message.into(),
        }
    }
}

impl From<ParseError> for Failure {
    fn from(e: ParseError) -> Failure {
        let kind = match &e {
            ParseError::Extract(x) => match x {
                ExtractError::Io { .. } => Kind::Unreadable,
                ExtractError::NotPdf { .. } => Kind::NotAPdf,
                ExtractError::Encrypted => Kind::EncryptedPdf,
                ExtractError::Damaged(_) => Kind::Damaged,
                ExtractError::TooLarge(_) => Kind::TooLarge,
                ExtractError::Timeout(_) => Kind::Timeout,
                ExtractError::Internal(_) => Kind::Internal,
            },
            ParseError::Io { .. } => Kind::Unreadable,
            ParseError::NotUtf8 => Kind::NotAPdf,
            ParseError::NoProgrammeTable(_) => Kind::NoProgramme,
        };
        Failure::new(kind, e.to_string())
    }
}

/// What a file's bytes are when they can be no document at all: empty, or
/// a ZIP archive (Word's `.docx` and OpenDocument's `.odt` are ZIP files;
/// one renamed `.pdf` is a common mistake).
pub fn not_a_document(bytes: &[u8]) -> Option<String> {
    if bytes.is_empty() {
        Some("empty file (0 bytes)".into())
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some(
            "a ZIP file (a Word .docx, an OpenDocument .odt or another archive), not a PDF: convert it to PDF first"
                .into(),
        )
    } else {
        None
    }
}

/// An I/O error as a short reason, without the "(os error N)" tail.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or folder".into(),
        PermissionDenied => "permission denied".into(),
        AlreadyExists => "already exists".into(),
        _ => {
            let s = e.to_string();
            let s = match s.find(" (os error") {
                Some(i) => &s[..i],
                None => &s,
            };
            let mut chars = s.chars();
            match chars.next() {
                Some(c) => c.to_lowercase().chain(chars).collect(),
                None => String::new(),
            }
        }
    }
}

/// Reads one input file whole, as the batch does: anything but a regular
/// file is refused (a named pipe or a device would block the read for
/// ever), and so are files that cannot be documents ([`not_a_document`]).
/// Messages as the batch records them (`cannot read: no such file or
/// folder`).
pub fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    let unreadable = |e: &std::io::Error| {
        Failure::new(Kind::Unreadable, format!("cannot read: {}", io_reason(e)))
    };
    let meta = std::fs::metadata(path).map_err(|e| unreadable(&e))?;
    if meta.is_dir() {
        return Err(Failure::new(
            Kind::Unreadable,
            "a folder, not a file".to_string(),
        ));
    }
    if !meta.is_file() {
        return Err(Failure::new(
            Kind::Unreadable,
            "not a regular file (a pipe, device or socket): copy it to a file first",
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable(&e))?;
    match not_a_document(&bytes) {
        Some(why) => Err(Failure::new(Kind::NotAPdf, why)),
        None => Ok(bytes),
    }
}

/// Converts one document held in memory: `sha256` is its bytes' SHA-256
/// (lowercase hex, recorded in the programme), `file` its name (recorded,
/// and a language hint), `is_text` whether it is read as text rather than
/// as a PDF. Empty and archive bytes fail as [`Kind::NotAPdf`]. Panics are
/// not caught here.
pub fn convert(
    bytes: &[u8],
    sha256: &str,
    file: &str,
    is_text: bool,
    options: &Options,
) -> Result<Programme, Failure> {
    if let Some(why) = not_a_document(bytes) {
        return Err(Failure::new(Kind::NotAPdf, why));
    }
    // The parser reads lines, words, rules and links, never the glyphs
    // themselves: each page's are dropped as soon as its lines are built
    // (most of a long document's layout).
    let mut options = options.clone();
    options.extract.keep_chars = false;
    Ok(unprog_parse::parse_bytes_hashed(
        bytes, sha256, file, is_text, &options,
    )?)
}

/// The one failure for a panic caught at `place` (a bug in unprog).
pub fn internal_error(place: Option<&str>) -> Failure {
    let message = match place {
        Some(p) => {
            format!("internal error (a bug in unprog: please report it with the file; at {p})")
        }
        None => "internal error (a bug in unprog: please report it with the file)".into(),
    };
    Failure::new(Kind::Internal, message)
}

/// The failure of a document whose work was abandoned at the hard `limit`,
/// its time budget being `budget`.
pub fn overran(limit: Duration, budget: Duration) -> Failure {
    Failure::new(
        Kind::Timeout,
        format!(
            "gave up after {:.0} s: the document overran its time budget (--timeout {:.0}) inside a PDF library; its work was abandoned and the batch went on",
            limit.as_secs_f64(),
            budget.as_secs_f64()
        ),
    )
}

/// The hard limit at which a document's work is abandoned, for a time
/// budget: twice the budget and two seconds (the extractor checks its
/// budget often; this catches a loop where it is not checked).
pub fn hard_limit(budget: Duration) -> Duration {
    budget * 2 + Duration::from_secs(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_are_classified_with_the_parse_errors_message() {
        let f = Failure::from(ParseError::NoProgrammeTable(None));
        assert_eq!(f.kind, Kind::NoProgramme);
        assert!(f.message.starts_with("no programme table found"));
        let f = Failure::from(ParseError::Extract(ExtractError::Encrypted));
        assert_eq!(f.kind, Kind::EncryptedPdf);
        assert_eq!(f.kind.as_str(), "encrypted_pdf");
    }

    #[test]
    fn empty_and_archive_bytes_are_not_documents() {
        let o = Options::default();
        assert_eq!(
            convert(b"", "x", "a.pdf", false, &o).map_err(|e| e.kind),
            Err(Kind::NotAPdf)
        );
        assert_eq!(
            convert(b"PK\x03\x04rest", "x", "a.pdf", false, &o).map_err(|e| e.kind),
            Err(Kind::NotAPdf)
        );
        assert_eq!(
            convert(b"hello", "x", "a.pdf", false, &o).map_err(|e| e.kind),
            Err(Kind::NotAPdf)
        );
    }

    #[test]
    fn a_missing_file_is_unreadable() {
        let f = read(Path::new("/nonexistent/unprog/file.pdf")).unwrap_err();
        assert_eq!(f.kind, Kind::Unreadable);
        assert_eq!(f.message, "cannot read: no such file or folder");
    }
}
