//! The ways a whole document can fail to extract.

use thiserror::Error;

/// Why a document could not be turned into a layout at all.
///
/// A page that fails is not an error: it is kept with [`crate::Page::error`]
/// set and a warning, and the other pages come out.
#[derive(Debug, Error)]
pub enum ExtractError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The bytes are not a PDF.
    #[error("not a PDF (starts with {head:?})")]
    NotPdf {
        /// The first bytes of the file, printable ones kept.
        head: String,
    },
    /// The file is encrypted and the empty user password does not open it.
    #[error("encrypted PDF (password required): decrypt it first, e.g. qpdf --password=PASSWORD --decrypt in.pdf out.pdf")]
    Encrypted,
    /// The file is a PDF, but too damaged to recover any page.
    #[error("damaged PDF: {0}")]
    Damaged(String),
    /// A limit from [`crate::Settings`] was hit before any page came out.
    #[error("too large: {0}")]
    TooLarge(String),
    /// The time budget ran out before any page came out.
    #[error("timed out after {0:.1} s (raise --timeout for very long documents)")]
    Timeout(f64),
    /// A bug: the PDF libraries panicked outside any page. Please report it
    /// with the file.
    #[error("internal error while reading the PDF: {0}")]
    Internal(String),
}
