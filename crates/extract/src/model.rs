//! The positioned layout of a document: what [`crate::extract`] returns.
//!
//! # Coordinates
//!
//! Every box is in PDF points (1/72 inch, the units of PDF user space), measured
//! like pdfplumber does: `x0`/`x1` from the left edge of the page's MediaBox,
//! `top`/`bottom` from its **top** edge, so `top < bottom` and reading order is
//! increasing `top`. A `baseline` is measured from the top as well. A page's
//! `width` and `height` are those of its MediaBox; `/Rotate` is reported but
//! not applied.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A whole document's layout: facts about the file and its pages.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Layout {
    /// Facts from the file's trailer, catalog and `/Info` dictionary.
    pub info: DocumentInfo,
    /// The pages, in page-tree order. A page that could not be decoded is still
    /// present, with [`Page::error`] set.
    pub pages: Vec<Page>,
    /// Problems that did not stop extraction (a page that fell back to the
    /// simpler decoder, a page that could not be read at all, ...).
    pub warnings: Vec<String>,
}

/// Document-level facts.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct DocumentInfo {
    /// Number of pages in the page tree.
    pub page_count: usize,
    /// The version from the file header, e.g. `"1.7"`.
    pub pdf_version: String,
    /// Whether the file is encrypted (it was opened with the empty password).
    pub encrypted: bool,
    /// `/Info /Title`.
    pub title: Option<String>,
    /// `/Info /Author`.
    pub author: Option<String>,
    /// `/Info /Subject`.
    pub subject: Option<String>,
    /// `/Info /Creator` (the authoring application, e.g. "Writer").
    pub creator: Option<String>,
    /// `/Info /Producer` (the PDF library, e.g. "LibreOffice 7.4").
    pub producer: Option<String>,
    /// `/Info /CreationDate`, as written in the file (`D:20230220...`).
    pub creation_date: Option<String>,
    /// `/Info /ModDate`, as written in the file.
    pub mod_date: Option<String>,
    /// The catalog's `/Lang` (natural language), when present.
    pub lang: Option<String>,
}

/// Which decoder produced a page's text.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Decoder {
    /// pdf-extract's font machinery (precise; used where some font lacks a
    /// usable ToUnicode map or widths).
    PdfExtract,
    /// unprog's own decoder, on a page where every font maps its codes
    /// through ToUnicode and gives its widths (precise, and faster).
    Native,
    /// unprog's own simpler decoder, used when pdf-extract failed on the page or
    /// when the page is unsafe to hand to it (cyclic forms, oversized streams).
    Fallback,
    /// Nothing could be decoded; see [`Page::error`].
    None,
}

/// One page of the layout.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// MediaBox width in points.
    pub width: f64,
    /// MediaBox height in points.
    pub height: f64,
    /// The page's `/Rotate` (0, 90, 180 or 270); not applied to coordinates.
    pub rotate: i64,
    /// Which decoder produced the text of this page.
    pub decoder: Decoder,
    /// Why the page's text is missing or incomplete, if it is.
    pub error: Option<String>,
    /// Every glyph, in the order the content stream painted them (empty
    /// when [`crate::Settings::keep_chars`] is off).
    pub chars: Vec<Char>,
    /// Glyphs grouped into words (split at spaces and horizontal gaps), and
    /// words into text lines, in reading order (top to bottom, then left
    /// to right). A line never spans a wide horizontal gap, so the cells of a
    /// table row come out as separate lines.
    pub text_lines: Vec<TextLine>,
    /// Straight stroked segments (table borders, rules).
    pub lines: Vec<Ruling>,
    /// Rectangles, filled or stroked (thin filled ones are often rules too).
    pub rects: Vec<Rect>,
    /// Link annotations.
    pub links: Vec<Link>,
}

/// One glyph.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Char {
    /// The Unicode text of the glyph (usually one character; ligatures give more).
    /// Arabic presentation forms and Latin ligatures are NFKC-normalised.
    pub text: String,
    /// Left edge.
    pub x0: f64,
    /// Right edge (left edge plus advance width).
    pub x1: f64,
    /// Top of the glyph box (baseline minus ascent).
    pub top: f64,
    /// Bottom of the glyph box (baseline plus descent).
    pub bottom: f64,
    /// Baseline, from the top of the page.
    pub baseline: f64,
    /// Font size in points, after all transformations.
    pub size: f64,
    /// Font name (`/BaseFont`, subset prefix included), when known.
    pub font: Option<Arc<str>>,
    /// True when the glyph is raised and smaller than the text of its line:
    /// a superscript such as a footnote marker.
    pub superscript: bool,
    /// False for rotated or mirrored text.
    pub upright: bool,
}

/// A run of glyphs without a space or gap inside.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Word {
    /// The word's text, in logical (reading) order.
    pub text: String,
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top edge.
    pub top: f64,
    /// Bottom edge.
    pub bottom: f64,
    /// Baseline of the word's main glyphs.
    pub baseline: f64,
    /// Dominant font size.
    pub size: f64,
    /// Font name of the first glyph.
    pub font: Option<Arc<str>>,
    /// True when every glyph of the word is a superscript.
    pub superscript: bool,
    /// True when the word reads right to left (Arabic, Hebrew).
    pub rtl: bool,
}

/// Words on one baseline, not separated by a wide gap.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TextLine {
    /// The line's text in logical order, words joined with single spaces
    /// (none between CJK characters), superscripts inline as printed.
    pub text: String,
    /// The superscripts in `text` (footnote markers), in reading order.
    pub superscripts: Vec<Superscript>,
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top edge.
    pub top: f64,
    /// Bottom edge.
    pub bottom: f64,
    /// Baseline of the line's main glyphs.
    pub baseline: f64,
    /// Dominant font size of the line.
    pub size: f64,
    /// True when the line's main direction is right to left.
    pub rtl: bool,
    /// The words of the line, in visual order (left to right).
    pub words: Vec<Word>,
}

/// A superscript inside a text line.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Superscript {
    /// Its text, e.g. "1".
    pub text: String,
    /// Byte offset in the line's `text` where it starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
}

impl TextLine {
    /// The line's text without its superscripts (a marker set between two
    /// spaces leaves one).
    pub fn text_without_superscripts(&self) -> String {
        let mut out = String::with_capacity(self.text.len());
        let mut at = 0;
        for s in &self.superscripts {
            if let Some(piece) = self.text.get(at..s.start) {
                out.push_str(piece);
            }
            at = s.end;
            if out.ends_with(' ') && self.text.get(at..).is_some_and(|r| r.starts_with(' ')) {
                at += 1;
            }
        }
        if let Some(piece) = self.text.get(at..) {
            out.push_str(piece);
        }
        out
    }
}

/// A straight segment drawn on the page.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Ruling {
    /// Left end.
    pub x0: f64,
    /// Right end.
    pub x1: f64,
    /// Upper end.
    pub top: f64,
    /// Lower end.
    pub bottom: f64,
    /// Stroke width in points.
    pub width: f64,
}

/// A rectangle drawn on the page.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top edge.
    pub top: f64,
    /// Bottom edge.
    pub bottom: f64,
    /// Filled (true) or stroked (false).
    pub fill: bool,
}

/// A link annotation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Link {
    /// Left edge of the active area.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top edge.
    pub top: f64,
    /// Bottom edge.
    pub bottom: f64,
    /// The target URI (`/A /URI`), when the link is a web link.
    pub uri: Option<String>,
}

/// Horizontal or vertical straight edge derived from rulings and thin rectangles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    /// Left end.
    pub x0: f64,
    /// Right end.
    pub x1: f64,
    /// Upper end.
    pub top: f64,
    /// Lower end.
    pub bottom: f64,
    /// True for a horizontal edge, false for a vertical one.
    pub horizontal: bool,
}

impl Page {
    /// Every word of the page, in reading order (the words of each text line).
    pub fn words(&self) -> impl Iterator<Item = &Word> {
        self.text_lines.iter().flat_map(|l| l.words.iter())
    }

    /// Horizontal and vertical edges of the page: straight rulings plus the
    /// sides of thin rectangles (how Word and LibreOffice draw table borders and
    /// the footnote separator). `max_thickness` is the thickest rectangle, in
    /// points, still taken as a rule.
    pub fn edges(&self, max_thickness: f64) -> Vec<Edge> {
        let mut out = Vec::new();
        let mut push = |x0: f64, x1: f64, top: f64, bottom: f64| {
            let w = x1 - x0;
            let h = bottom - top;
            if h <= max_thickness && w > h {
                out.push(Edge {
                    x0,
                    x1,
                    top,
                    bottom,
                    horizontal: true,
                });
            } else if w <= max_thickness && h > w {
                out.push(Edge {
                    x0,
                    x1,
                    top,
                    bottom,
                    horizontal: false,
                });
            }
        };
        for l in &self.lines {
            push(l.x0, l.x1, l.top, l.bottom);
        }
        for r in &self.rects {
            push(r.x0, r.x1, r.top, r.bottom);
        }
        out
    }
}
