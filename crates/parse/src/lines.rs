//! The parser's intermediate form: the lines of a document, each placed in a
//! zone of the page and, inside the programme table, in a column. Both inputs
//! (a PDF's layout and plain text) are brought to this form; everything after
//! it is shared.

/// Where on the page a line sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zone {
    /// Page 1 above the programme table.
    Masthead,
    /// The programme table.
    Table,
    /// Footnote text at the foot of a page.
    Footnotes,
}

/// Which column of the programme table a line is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Column {
    /// A date column of its own (three-column tables): day labels.
    Day,
    /// Dates, times and rooms together (the two-column table's first column).
    Date,
    /// A time column of its own (three-column tables): times and rooms.
    Time,
    /// Agenda items and the rest of the programme.
    Programme,
}

impl Column {
    /// Whether the column holds dates or times (any but the programme).
    pub fn is_date_side(self) -> bool {
        self != Column::Programme
    }
}

/// One line of text.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// 1-based page.
    pub page: u32,
    pub zone: Zone,
    pub column: Column,
    /// The text, superscripts removed.
    pub text: String,
    /// Superscript markers on the line (footnote markers).
    pub markers: Vec<String>,
    /// From the layout: whether the line starts a paragraph (vertical gap
    /// before it). `None` when unknown (plain text, first line of a page).
    pub para_break: Option<bool>,
    /// Whether the line runs to the far edge of its column (so the sentence
    /// probably wraps onto the next line). From the layout when known,
    /// otherwise estimated from the text width.
    pub full: bool,
    /// Space left between the line's end and its column's far edge (layout).
    pub room_after: f64,
    /// Width of the line's column on its page, from the nearest start to the
    /// farthest end of its lines (layout; 0 for plain text).
    pub column_width: f64,
    /// Left and right edges (layout; 0 for plain text). For a piece of a
    /// line that crosses columns, the piece's own.
    pub x0: f64,
    pub x1: f64,
    /// Where the line starts: its left edge, or its right edge in a
    /// right-to-left document (layout).
    pub start: Option<f64>,
    /// Width of the line's first word (layout).
    pub first_word_width: Option<f64>,
    /// Width of the line's last word (layout).
    pub last_word_width: Option<f64>,
    /// The line's first word is the end of the line before's last word, a
    /// word too long for its column broken at the column's edge without a
    /// hyphen (layout).
    pub continues_word: bool,
    /// A footnote marker that opens the line (footnote area).
    pub lead_marker: Option<String>,
    /// Font size (layout only; 0 for plain text).
    pub size: f64,
    /// Read from a layout (positions known) rather than from plain text.
    pub from_layout: bool,
    /// Positions only approximate: text laid out in characters, where a
    /// line's end is known to a few characters.
    pub loose: bool,
}

/// What the two readers hand to the parser.
#[derive(Debug, Default, Clone)]
pub(crate) struct Prepared {
    pub lines: Vec<Line>,
    /// Link targets with the page they are on.
    pub links: Vec<(String, u32)>,
    /// Page count.
    pub pages: u32,
    /// Problems met while reading.
    pub warnings: Vec<String>,
    /// Read from text, where a footnote marker is a digit glued to its word.
    pub glued_markers: bool,
}

impl Line {
    /// `before` with this line joined on: glued when this line continues a
    /// word broken at the column's edge, else as the script joins lines.
    pub fn joined_to(&self, language: crate::model::Language, before: &str) -> String {
        if self.continues_word {
            format!("{}{}", before.trim_end(), self.text.trim())
        } else {
            crate::joining::join(language, before, &self.text)
        }
    }
}

/// Width of text in "columns": CJK characters count double.
pub(crate) fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            if unprog_extract::script::is_cjk(c) {
                2
            } else {
                1
            }
        })
        .sum()
}
