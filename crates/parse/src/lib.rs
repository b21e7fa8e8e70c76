//! # unprog-parse: the programme of work, from layout or plain text
//!
//! Turns the [`unprog_extract::Layout`] of a UN programme of work — or the
//! plain text another tool extracted from one — into a [`Programme`]:
//! masthead, days, time slots, agenda items, sub-items, focus topics and
//! questions, events, footnotes and references, in any of the six official
//! languages.
//!
//! ```no_run
//! use unprog_parse::{parse_path, Options};
//! let programme = parse_path(std::path::Path::new("A_AC.292_2023_INF_1-ZH.pdf"), &Options::default())?;
//! for day in &programme.days {
//!     println!("{} {}", day.date.as_deref().unwrap_or("?"), day.slots.len());
//! }
//! # Ok::<(), unprog_parse::ParseError>(())
//! ```

/// A regular expression compiled once, on first use.
macro_rules! regex {
    ($re:literal) => {{
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        RE.get_or_init(|| regex::Regex::new($re).expect("static regex"))
    }};
}

mod columns;
mod date_numbers;
mod footnotes;
mod from_layout;
mod joining;
pub mod lang;
mod lines;
mod masthead;
pub mod model;
mod references;
mod text_bidi;
mod text_flow;
mod text_layout;
mod text_visual;
mod timetable;

use std::path::Path;

use sha2::{Digest, Sha256};
use unprog_extract::{Layout, Settings};

pub use model::{
    AgendaItem, Day, Event, Footnote, Language, Programme, Reference, Session, Slot, Source,
    SourceKind, SubItem, Topic, Weekday, SCHEMA_VERSION,
};

use lines::{Prepared, Zone};

/// Why a document could not be read as a programme.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// The PDF could not be read.
    #[error(transparent)]
    Extract(#[from] unprog_extract::ExtractError),
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A text file that is not UTF-8.
    #[error("not UTF-8 text (convert it first, e.g. with iconv)")]
    NotUtf8,
    /// No programme table: not a programme of work, or a layout the parser
    /// does not know. Holds the first problem met while reading, if any.
    #[error("no programme table found (no day or time slot could be read){}", .0.as_ref().map(|w| format!("; {w}")).unwrap_or_default())]
    NoProgrammeTable(Option<String>),
}

/// Parsing options.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Extractor settings for PDF input.
    pub extract: Settings,
    /// The language, when known (skips detection).
    pub language: Option<Language>,
}

/// Reads a PDF (by its layout) or, for `.txt` files, plain text.
pub fn parse_path(path: &Path, options: &Options) -> Result<Programme, ParseError> {
    let (bytes, file, is_text) = read_document(path)?;
    parse_bytes(&bytes, &file, is_text, options)
}

/// A document's bytes, its file name, and whether it is text (`.txt`).
fn read_document(path: &Path) -> Result<(Vec<u8>, String, bool), ParseError> {
    let bytes = unprog_extract::read_input(path).map_err(|source| ParseError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let (file, is_text) = name_and_kind(path);
    Ok((bytes, file, is_text))
}

/// A document's file name (as the programme's `source.file` records it) and
/// whether it is read as text (a `.txt` file) rather than as a PDF.
pub fn name_and_kind(path: &Path) -> (String, bool) {
    let name = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let is_text = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    (name, is_text)
}

/// Reads a document held in memory; `file` names it in the output (and its
/// suffix, like `-EN`, is a language hint).
pub fn parse_bytes(
    bytes: &[u8],
    file: &str,
    is_text: bool,
    options: &Options,
) -> Result<Programme, ParseError> {
    parse_bytes_hashed(bytes, &sha256_hex(bytes), file, is_text, options)
}

/// [`parse_bytes`] for a caller that has hashed the bytes already (the batch
/// does, for its manifest and `--resume`): `sha256` is recorded as the
/// file's SHA-256 (lowercase hex) without hashing again.
pub fn parse_bytes_hashed(
    bytes: &[u8],
    sha256: &str,
    file: &str,
    is_text: bool,
    options: &Options,
) -> Result<Programme, ParseError> {
    if is_text {
        let text = std::str::from_utf8(bytes).map_err(|_| ParseError::NotUtf8)?;
        let p = parse_text_hashed(text, sha256, file, options);
        if p.days.is_empty() {
            return Err(ParseError::NoProgrammeTable(p.warnings.first().cloned()));
        }
        Ok(p)
    } else {
        let layout = unprog_extract::extract(bytes, &options.extract)?;
        let source = Source {
            file: file.to_string(),
            sha256: sha256.to_string(),
            kind: SourceKind::Pdf,
            pages: layout.pages.len() as u32,
        };
        let p = parse_layout(&layout, source, options);
        if p.days.is_empty() {
            return Err(ParseError::NoProgrammeTable(
                layout.warnings.first().cloned(),
            ));
        }
        Ok(p)
    }
}

/// SHA-256 of some bytes, lowercase hex (as in [`Source::sha256`]).
pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// A language hint from a file name: `...-EN.pdf`, `..._ZH.txt`.
fn hint_from_name(file: &str) -> Option<Language> {
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let suffix = stem.rsplit(['-', '_', '.']).next()?.to_lowercase();
    Language::ALL
        .into_iter()
        .find(|l| l.code() == suffix || (suffix == "ch" && *l == Language::Zh))
}

/// Parses a document from its layout.
pub fn parse_layout(layout: &Layout, source: Source, options: &Options) -> Programme {
    let (prepared, language) = prepare_layout(layout, &source.file, options);
    assemble(prepared, source, language)
}

fn prepare_layout(layout: &Layout, file: &str, options: &Options) -> (Prepared, Language) {
    let all_text: String = layout
        .pages
        .iter()
        .flat_map(|p| p.text_lines.iter().map(|l| l.text.as_str()))
        .collect::<Vec<_>>()
        .join("\n");
    let language = options
        .language
        .unwrap_or_else(|| lang::detect(&all_text, hint_from_name(file)));
    let table = lang::table(language);
    (from_layout::prepare(layout, table, false), language)
}

/// One line as the parser read it, for seeing why a document comes out as
/// it does (`unprog lines`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct TracedLine {
    /// 1-based page.
    pub page: u32,
    /// Where on the page: `masthead`, `table` or `footnotes`.
    pub zone: &'static str,
    /// The table column: `day`, `date`, `time` or `programme`.
    pub column: &'static str,
    /// Whether a vertical gap (or the lack of one) starts a paragraph here;
    /// `None` when unknown.
    pub paragraph_break: Option<bool>,
    /// Whether the line runs to its column's far edge.
    pub full: bool,
    /// The text, footnote markers apart.
    pub text: String,
    /// Its footnote markers.
    pub markers: Vec<String>,
    /// Where it starts within its column, and the room left after it, in
    /// points (layout).
    pub start: Option<f64>,
    /// Room left after the line, points (layout).
    pub room_after: f64,
    /// Width of its first word, points (layout).
    pub first_word_width: Option<f64>,
}

/// [`parse_path`], with the lines as the parser read them.
pub fn parse_path_traced(
    path: &Path,
    options: &Options,
) -> Result<(Programme, Vec<TracedLine>), ParseError> {
    let (bytes, file, is_text) = read_document(path)?;
    let sha256 = sha256_hex(&bytes);
    let (prepared, language, source) = if is_text {
        let text = std::str::from_utf8(&bytes).map_err(|_| ParseError::NotUtf8)?;
        prepare_text(text, &sha256, &file, options)
    } else {
        let layout = unprog_extract::extract(&bytes, &options.extract)?;
        let (prepared, language) = prepare_layout(&layout, &file, options);
        let source = Source {
            file,
            sha256,
            kind: SourceKind::Pdf,
            pages: layout.pages.len() as u32,
        };
        (prepared, language, source)
    };
    let traced = prepared
        .lines
        .iter()
        .map(|l| TracedLine {
            page: l.page,
            zone: match l.zone {
                Zone::Masthead => "masthead",
                Zone::Table => "table",
                Zone::Footnotes => "footnotes",
            },
            column: match l.column {
                lines::Column::Day => "day",
                lines::Column::Date => "date",
                lines::Column::Time => "time",
                lines::Column::Programme => "programme",
            },
            paragraph_break: l.para_break,
            full: l.full,
            text: l.text.clone(),
            markers: l.markers.clone(),
            start: l.start,
            room_after: l.room_after,
            first_word_width: l.first_word_width,
        })
        .collect();
    Ok((assemble(prepared, source, language), traced))
}

/// Parses plain text extracted from a programme (pages separated by form
/// feeds, or not at all). CJK radicals in it read as the ideographs they
/// stand for (see [`unprog_extract::script::unify_radicals`]), as they do
/// in PDF text: a tool that ignores a PDF's ActualText gives ⽇ for 日.
pub fn parse_text(text: &str, file: &str, options: &Options) -> Programme {
    parse_text_hashed(text, &sha256_hex(text.as_bytes()), file, options)
}

fn parse_text_hashed(text: &str, sha256: &str, file: &str, options: &Options) -> Programme {
    let (prepared, language, source) = prepare_text(text, sha256, file, options);
    assemble(prepared, source, language)
}

fn prepare_text(
    text: &str,
    sha256: &str,
    file: &str,
    options: &Options,
) -> (Prepared, Language, Source) {
    let text = unprog_extract::script::normalize_text(text);
    // Right-to-left runs a tool marked with bidi controls, back in reading order.
    let text = if text_bidi::has_run_marks(&text) {
        std::borrow::Cow::Owned(text_bidi::reading_order(&text))
    } else {
        text
    };
    let text = text.as_ref();
    let language = options
        .language
        .unwrap_or_else(|| lang::detect(text, hint_from_name(file)));
    let table = lang::table(language);
    let repaired;
    let text = if language == Language::Ar {
        repaired = text_bidi::arabic_repaired(text);
        repaired.as_str()
    } else {
        text
    };
    // Right-to-left runs a tool wrote in the order they are drawn.
    let turned;
    let text = if text_visual::looks_drawn_backwards(text) {
        turned = text_visual::reading_order(text, table);
        turned.as_str()
    } else {
        text
    };
    // (A date's numbers printed on the line under it go back.)
    let stacked;
    let text = match &table.date_units {
        Some(units) => {
            stacked = date_numbers::restore_stacked(text, units);
            stacked.as_ref()
        }
        None => text,
    };
    // Text that keeps its columns in spaces is read as the page it shows;
    // text that flows, as a sequence of blocks.
    let prepared = if text_layout::looks_columnar(text) {
        let layout = text_layout::layout(text);
        let laid_out = from_layout::prepare(&layout, table, true);
        // The same text read as flowing cells too: a tool's character
        // columns drift where CJK or right-to-left runs are wide, and the
        // header row then puts the gutter in the wrong place. The reading
        // that leaves less unplaced is kept (the laid-out one when even).
        let flowing = text_flow::prepare(&text_layout::flatten(text), table);
        better_reading(laid_out, flowing, language)
    } else {
        text_flow::prepare(text, table)
    };
    let mut prepared = Prepared {
        glued_markers: true,
        ..prepared
    };
    // A text tool measures spaces from glyph positions and misses some
    // between Han characters and digits: where the document sets them
    // apart, it does so everywhere.
    if joining::sets_apart_throughout(language, prepared.lines.iter().map(|l| l.text.as_str())) {
        for l in &mut prepared.lines {
            l.text = joining::set_apart(&l.text);
        }
    }
    if let Some(units) = &table.date_units {
        if date_numbers::sets_units_apart(prepared.lines.iter().map(|l| l.text.as_str()), units) {
            for l in &mut prepared.lines {
                l.text = date_numbers::set_units_apart(&l.text, units);
            }
        }
    }
    let src = Source {
        file: file.to_string(),
        sha256: sha256.to_string(),
        kind: SourceKind::Text,
        pages: prepared.pages,
    };
    (prepared, language, src)
}

/// Of two readings of one text, the one whose programme leaves fewer
/// lines unplaced (fewer warnings; a masthead part not found counts as
/// one), then the one that found more time slots, then more footnotes; the
/// first when they are even.
fn better_reading(first: Prepared, second: Prepared, language: Language) -> Prepared {
    let score = |p: &Prepared| {
        let programme = assemble(
            Prepared {
                glued_markers: true,
                ..p.clone()
            },
            Source {
                file: String::new(),
                sha256: String::new(),
                kind: SourceKind::Text,
                pages: p.pages,
            },
            language,
        );
        let slots: usize = programme.days.iter().map(|d| d.slots.len()).sum();
        // (A masthead part not found counts as a line unplaced.)
        let missing = [
            programme.symbol.is_none(),
            programme.title.is_none(),
            programme.session.start_date.is_none(),
        ]
        .iter()
        .filter(|&&m| m)
        .count();
        (
            programme.warnings.len() + missing,
            std::cmp::Reverse(slots),
            std::cmp::Reverse(programme.footnotes.len()),
        )
    };
    if score(&second) < score(&first) {
        second
    } else {
        first
    }
}

fn assemble(prepared: Prepared, source: Source, language: Language) -> Programme {
    let table = lang::table(language);
    let Prepared {
        lines,
        links,
        pages: _,
        mut warnings,
        glued_markers,
    } = prepared;
    let mast = masthead::parse(&lines, table);
    let days = timetable::parse(&lines, table, mast.year, &mut warnings);
    let footnotes = footnotes::parse(&lines, language, &mut warnings);
    let mut days = days;
    if glued_markers {
        attach_text_markers(&mut days, &footnotes);
    }
    let references = references::collect(
        lines
            .iter()
            .filter(|l| l.zone != Zone::Masthead || !l.text.is_empty())
            .map(|l| l.text.as_str()),
        &links,
        mast.symbol.as_deref(),
    );
    Programme {
        schema_version: SCHEMA_VERSION.to_string(),
        source,
        language,
        symbol: mast.symbol,
        issue_date: mast.issue_date,
        original_language: mast.original_language,
        title: mast.title,
        body: mast.body,
        session: mast.session,
        days,
        footnotes,
        references,
        warnings,
    }
}

/// In plain text a footnote marker is glued to the word it hangs on
/// ("...的讨论1", "resolution 75/2401"). A known marker at the end of an
/// agenda item's title is taken off when the title reads right without it:
/// after a CJK character (UN Chinese sets digits apart by spaces), or when
/// the same item appears elsewhere with the shorter title.
fn attach_text_markers(days: &mut [Day], footnotes: &[Footnote]) {
    let titles: Vec<(String, String)> = days
        .iter()
        .flat_map(|d| &d.slots)
        .flat_map(|s| &s.agenda_items)
        .map(|a| (a.number.clone(), a.title.clone()))
        .collect();
    for item in days
        .iter_mut()
        .flat_map(|d| &mut d.slots)
        .flat_map(|s| &mut s.agenda_items)
    {
        for f in footnotes {
            let Some(stem) = item.title.strip_suffix(f.marker.as_str()) else {
                continue;
            };
            // Some tools set the marker a space apart ("General 1").
            let stem = stem.trim_end();
            let before = stem.chars().next_back();
            let cjk = before.is_some_and(unprog_extract::script::is_cjk);
            let seen_without = titles.iter().any(|(n, t)| *n == item.number && t == stem);
            if (cjk || seen_without) && !before.is_some_and(|c| c.is_ascii_digit() && !seen_without)
            {
                item.title = stem.to_string();
                item.footnotes.push(f.marker.clone());
                break;
            }
        }
    }
}
