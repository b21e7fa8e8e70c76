//! Tolerances and limits, as named settings (like pdfplumber's `x_tolerance`).

use std::time::Duration;

/// How text is grouped and how much work one document may cost.
///
/// Tolerances are fractions of the font size, so they work the same for a
/// 10-point body and an 8-point footnote.
#[derive(Debug, Clone)]
pub struct Settings {
    /// A horizontal gap wider than this (× font size) between two glyphs ends a
    /// word and, outside CJK text, puts a space between them.
    pub x_tolerance: f64,
    /// Glyphs whose baselines differ by at most this (× font size) share a line.
    pub y_tolerance: f64,
    /// Text lines whose baselines differ by at most this (× the larger font
    /// size) are printed on one row by [`crate::Layout::text`] and ordered as
    /// one row.
    pub row_tolerance: f64,
    /// A horizontal gap wider than this (× font size) splits a text line in two:
    /// the cells of one table row become separate lines.
    pub column_gap: f64,
    /// A glyph at most this size (× its line's font size) and raised above the
    /// line's baseline is flagged as a superscript.
    pub superscript_ratio: f64,
    /// Decode pages whose fonts all have ToUnicode maps and widths with
    /// unprog's own decoder (same result, several times faster); `false`
    /// sends every page through pdf-extract.
    pub native_decoder: bool,
    /// Refuse files with more pages than this.
    pub max_pages: usize,
    /// Refuse to decompress more than this many bytes of content for one page.
    pub max_page_content_bytes: usize,
    /// Stop decoding a page after this many glyphs.
    pub max_glyphs_per_page: usize,
    /// Deepest nesting of form XObjects followed.
    pub max_form_depth: usize,
    /// Wall-clock budget for one document; pages not reached in time are
    /// reported with an error. `None` means no limit.
    pub time_budget: Option<Duration>,
    /// Keep each page's glyphs ([`crate::Page::chars`]) in the layout.
    /// `false` drops them as soon as the page's text lines are built: a
    /// reader of lines, words, rules and links (the parser) does not need
    /// them, and they are most of a long document's layout (a 106-page
    /// TeX manual's glyphs held 29 MB until its last page was read).
    pub keep_chars: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            x_tolerance: 0.15,
            y_tolerance: 0.3,
            row_tolerance: 0.45,
            column_gap: 1.6,
            superscript_ratio: 0.87,
            native_decoder: true,
            max_pages: 5_000,
            max_page_content_bytes: 64 << 20,
            max_glyphs_per_page: 400_000,
            max_form_depth: 12,
            time_budget: None,
            keep_chars: true,
        }
    }
}
