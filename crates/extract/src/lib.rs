//! # unprog-extract: a PDF as a positioned layout
//!
//! [`extract`] turns the bytes of a PDF into a [`Layout`]: document facts and,
//! per page, glyphs ([`Char`]), [`Word`]s, [`TextLine`]s in reading order,
//! drawn rules and rectangles, and link annotations — the object model of
//! pdfplumber, with boxes as `x0`/`x1`/`top`/`bottom` in points from the
//! top-left corner of the page (see [`model`]).
//!
//! Text is decoded by pdf-extract (fonts, encodings, CID fonts, ToUnicode
//! maps); structure, annotations and drawn paths come from lopdf and from a
//! small content interpreter of our own, which is also the fallback decoder for
//! pages pdf-extract cannot handle. Nothing here panics or prints: panics in
//! the PDF libraries are contained per document and per page, and a page that
//! fails is reported in [`Page::error`] and [`Layout::warnings`] while the
//! other pages come out.
//!
//! ```no_run
//! let bytes = std::fs::read("programme.pdf")?;
//! let layout = unprog_extract::extract(&bytes, &unprog_extract::Settings::default())?;
//! for line in &layout.pages[0].text_lines {
//!     println!("{:7.1} {:7.1}  {}", line.x0, line.top, line.text);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod actual_text;
mod bidi;
mod content;
mod error;
mod fonts;
mod geometry;
mod glyphs;
mod guard;
mod inflate;
mod lexer;
pub mod model;
mod recovery;
pub mod script;
mod settings;
mod syntax;
mod text_columns;
mod textlines;

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use pdf_extract::{Dictionary, Document, Object, ObjectId};

pub use error::ExtractError;
pub use model::{
    Char, Decoder, DocumentInfo, Edge, Layout, Link, Page, Rect, Ruling, TextLine, Word,
};
pub use settings::Settings;

use content::{deref, inherited, PageScan, Shape};
use glyphs::{DecodedGlyph, GlyphCollector};

/// Installs, now, the panic hook that keeps a panic the extractor contains
/// (one in lopdf or pdf-extract, on a malformed font or stream) from
/// printing; any other panic goes to the hook installed before. Call it
/// once at start-up, before other threads run: it is installed on first
/// use otherwise, and while a hook is being replaced a panic on another
/// thread would be reported by Rust's default one.
pub fn install_panic_hook() {
    guard::install_quiet_hook();
}

/// Reads and extracts a PDF file. See [`extract`].
pub fn extract_path(path: &Path, settings: &Settings) -> Result<Layout, ExtractError> {
    let bytes = read_input(path).map_err(|source| ExtractError::Io {
        path: path.display().to_string(),
        source,
    })?;
    extract(&bytes, settings)
}

/// Reads a whole input file. Anything but a regular file is refused: a
/// named pipe or a device would block the read for ever.
pub fn read_input(path: &Path) -> std::io::Result<Vec<u8>> {
    if std::fs::metadata(path)?.is_file() {
        std::fs::read(path)
    } else {
        Err(std::io::Error::other(
            "not a regular file (a pipe, device or socket)",
        ))
    }
}

/// Extracts the layout of a PDF held in memory.
///
/// Fails only when no page at all can be had (not a PDF, encrypted, damaged
/// beyond recovery, over a limit); a page that fails on its own is kept with
/// its error and the others come out.
pub fn extract(bytes: &[u8], settings: &Settings) -> Result<Layout, ExtractError> {
    let started = Instant::now();
    let deadline = settings.time_budget.map(|b| started + b);
    check_header(bytes)?;
    // Our reader first; lopdf for what it leaves (or if it failed).
    let loaded = match guard::contain(|| syntax::load(bytes)).ok().flatten() {
        Some(doc) => Ok(doc),
        None => guard::contain(|| Document::load_mem(bytes))
            .map_err(|panic| ExtractError::Damaged(format!("the PDF parser gave up ({panic})")))
            .and_then(|r| r.map_err(load_error)),
    };
    let (doc, recovered) = match loaded {
        Ok(doc) => (doc, None),
        Err(ExtractError::Damaged(why)) => {
            // No usable cross-reference table: find the objects by scanning.
            match guard::contain(|| recovery::recover(bytes)).ok().flatten() {
                Some(r) => (r.doc, Some((why, r.objects))),
                None => {
                    return Err(ExtractError::Damaged(format!(
                        "{why}; no page could be recovered (the file is probably truncated)"
                    )))
                }
            }
        }
        Err(e) => return Err(e),
    };
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(ExtractError::Encrypted);
    }
    let mut layout = match guard::contain(|| extract_document(&doc, settings, deadline, started)) {
        Ok(result) => result?,
        Err(panic) => return Err(ExtractError::Internal(panic)),
    };
    if let Some((why, objects)) = recovered {
        let readable = layout
            .pages
            .iter()
            .filter(|p| !p.text_lines.is_empty())
            .count();
        let total = layout.pages.len();
        let note = format!(
            "truncated or damaged ({why}): cross-reference table rebuilt from {objects} objects; recovered {readable} of {total} pages"
        );
        if readable == 0 {
            return Err(ExtractError::Damaged(note));
        }
        layout.warnings.insert(0, note);
    }
    Ok(layout)
}

fn check_header(bytes: &[u8]) -> Result<(), ExtractError> {
    let window = &bytes[..bytes.len().min(1024)];
    if window.windows(5).any(|w| w == b"%PDF-") {
        return Ok(());
    }
    let head: String = bytes
        .iter()
        .take(16)
        .map(|&b| {
            if (0x20..0x7f).contains(&b) {
                b as char
            } else {
                '.'
            }
        })
        .collect();
    Err(ExtractError::NotPdf {
        head: if bytes.is_empty() {
            "nothing: the file is empty".into()
        } else {
            head
        },
    })
}

fn load_error(e: pdf_extract::Error) -> ExtractError {
    let msg = e.to_string();
    let lower = msg.to_lowercase();
    if lower.contains("decrypt") || lower.contains("password") || lower.contains("encrypt") {
        ExtractError::Encrypted
    } else {
        ExtractError::Damaged(msg)
    }
}

fn extract_document(
    doc: &Document,
    settings: &Settings,
    deadline: Option<Instant>,
    started: Instant,
) -> Result<Layout, ExtractError> {
    let page_ids = doc.get_pages();
    if page_ids.is_empty() {
        return Err(ExtractError::Damaged(
            "no pages found in the page tree".into(),
        ));
    }
    if page_ids.len() > settings.max_pages {
        return Err(ExtractError::TooLarge(format!(
            "{} pages (the limit is {}; raise Settings::max_pages)",
            page_ids.len(),
            settings.max_pages
        )));
    }
    let info = document_info(doc, page_ids.len());
    let mut warnings = Vec::new();
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut fonts = content::FontCache::default();
    for (&number, &id) in &page_ids {
        if deadline.is_some_and(|d| Instant::now() > d) {
            let msg = format!(
                "time budget exhausted after {:.1} s",
                started.elapsed().as_secs_f64()
            );
            warnings.push(format!("page {number}: not read: {msg}"));
            pages.push(empty_page(doc, number, id, Some(msg)));
            continue;
        }
        let page = match guard::contain(|| {
            extract_page(doc, number, id, settings, deadline, &mut fonts)
        }) {
            Ok(page) => page,
            Err(panic) => empty_page(doc, number, id, Some(format!("unreadable page ({panic})"))),
        };
        if let Some(err) = &page.error {
            warnings.push(format!("page {number}: {err}"));
        }
        pages.push(page);
    }
    if pages.iter().all(|p| p.decoder == Decoder::None)
        && deadline.is_some_and(|d| Instant::now() > d)
    {
        return Err(ExtractError::Timeout(started.elapsed().as_secs_f64()));
    }
    Ok(Layout {
        info,
        pages,
        warnings,
    })
}

/// Page geometry: MediaBox `(llx, lly, urx, ury)`, defaulting to US Letter.
fn media_box(doc: &Document, page: &Dictionary) -> (f64, f64, f64, f64) {
    let nums: Vec<f64> = match inherited(doc, page, b"MediaBox") {
        Some(Object::Array(a)) => a
            .iter()
            .filter_map(|o| deref(doc, o))
            .filter_map(num)
            .collect(),
        _ => Vec::new(),
    };
    match nums.as_slice() {
        [a, b, c, d]
            if [a, b, c, d].iter().all(|v| v.is_finite())
                && (c - a).abs() > 1.0
                && (d - b).abs() > 1.0 =>
        {
            (a.min(*c), b.min(*d), a.max(*c), b.max(*d))
        }
        _ => (0.0, 0.0, 612.0, 792.0),
    }
}

fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn empty_page(doc: &Document, number: u32, id: ObjectId, error: Option<String>) -> Page {
    let (llx, lly, urx, ury) = doc
        .get_dictionary(id)
        .map(|d| media_box(doc, d))
        .unwrap_or((0.0, 0.0, 612.0, 792.0));
    Page {
        number,
        width: urx - llx,
        height: ury - lly,
        rotate: 0,
        decoder: Decoder::None,
        error,
        chars: Vec::new(),
        text_lines: Vec::new(),
        lines: Vec::new(),
        rects: Vec::new(),
        links: Vec::new(),
    }
}

/// Converts PDF user space to page coordinates measured from the top left.
struct Frame {
    llx: f64,
    ury: f64,
}

impl Frame {
    fn x(&self, x: f64) -> f64 {
        x - self.llx
    }
    fn y(&self, y: f64) -> f64 {
        self.ury - y
    }
}

fn extract_page<'a>(
    doc: &'a Document,
    number: u32,
    id: ObjectId,
    settings: &Settings,
    deadline: Option<Instant>,
    fonts: &mut content::FontCache<'a>,
) -> Page {
    let mut page = empty_page(doc, number, id, None);
    let Ok(dict) = doc.get_dictionary(id) else {
        page.error = Some("page object missing".into());
        return page;
    };
    let (llx, _lly, _urx, ury) = media_box(doc, dict);
    let frame = Frame { llx, ury };
    page.rotate = inherited(doc, dict, b"Rotate")
        .and_then(num)
        .map_or(0, |r| (r as i64).rem_euclid(360));

    let mut scan = match guard::contain(|| content::scan_page(doc, id, settings, deadline, fonts)) {
        Ok(scan) => scan,
        Err(panic) => PageScan {
            unsafe_for_pdf_extract: Some(format!("content interpreter failed ({panic})")),
            ..PageScan::default()
        },
    };

    // Decode the text: pdf-extract when the page is safe for it, else ours.
    let mut problems: Vec<String> = Vec::new();
    // Where every font maps its codes through ToUnicode and gives widths, our
    // own glyphs are as exact as pdf-extract's (and several times cheaper);
    // pdf-extract reads the rest.
    let native = settings.native_decoder
        && scan.native_ok
        && scan.truncated.is_none()
        && scan.unsafe_for_pdf_extract.is_none();
    let precise = match &scan.unsafe_for_pdf_extract {
        _ if native => None,
        Some(reason) => {
            problems.push(format!("not given to pdf-extract: {reason}"));
            None
        }
        None => {
            let mut collector = GlyphCollector::new(settings.max_glyphs_per_page, deadline);
            match guard::contain(|| pdf_extract::output_doc_page(doc, &mut collector, number)) {
                Ok(Ok(())) => Some((collector.steps(), collector.glyphs)),
                Ok(Err(e)) => {
                    match collector.stopped {
                        Some(why) => problems.push(format!("text incomplete: {why}")),
                        None => problems.push(format!("pdf-extract failed: {e}")),
                    }
                    let steps = collector.steps();
                    collector.stopped.map(|_| (steps, collector.glyphs))
                }
                Err(panic) => {
                    problems.push(format!("pdf-extract failed: {panic}"));
                    None
                }
            }
        }
    };
    let mut without_text = 0;
    let glyphs = match precise {
        Some((steps, glyphs)) => {
            page.decoder = Decoder::PdfExtract;
            let mut placed = pdf_extract_placed(&glyphs, steps, &scan, &mut problems);
            if scan.quote_ops > 0 {
                // pdf-extract ignores the ' and " operators; keep our glyphs
                // for that text.
                placed.extend(our_glyphs(&mut scan, true));
            }
            to_chars(placed, &scan, &frame, &mut without_text)
        }
        None if native => {
            page.decoder = Decoder::Native;
            let placed = our_glyphs(&mut scan, false);
            to_chars(placed, &scan, &frame, &mut without_text)
        }
        None => {
            let had_glyphs = !scan.glyphs.is_empty();
            let placed = our_glyphs(&mut scan, false);
            let out = to_chars(placed, &scan, &frame, &mut without_text);
            if out.is_empty() && had_glyphs {
                page.decoder = Decoder::None;
            } else {
                page.decoder = Decoder::Fallback;
                problems.push("text decoded by the fallback decoder".into());
            }
            out
        }
    };
    if let Some(t) = &scan.truncated {
        problems.push(format!("page content incomplete: {t}"));
    }
    if without_text > 0 {
        problems.push(format!(
            "{without_text} glyph{s} dropped: no text for {its} code{s} (no ToUnicode \
             entry, no glyph name the Adobe Glyph List reads, or only control characters)",
            s = if without_text == 1 { "" } else { "s" },
            its = if without_text == 1 { "its" } else { "their" },
        ));
    }
    page.chars = merge_ligature_parts(glyphs);
    let mut dots = Vec::new();
    for shape in &scan.shapes {
        match *shape {
            Shape::Dot { x0, y0, x1, y1 } => {
                dots.push((frame.x(x0), frame.y(y1), frame.x(x1), frame.y(y0)));
            }
            Shape::Rect {
                x0,
                y0,
                x1,
                y1,
                fill,
            } => page.rects.push(Rect {
                x0: frame.x(x0),
                x1: frame.x(x1),
                top: frame.y(y1),
                bottom: frame.y(y0),
                fill,
            }),
            Shape::Segment {
                x0,
                y0,
                x1,
                y1,
                width,
            } => page.lines.push(Ruling {
                x0: frame.x(x0.min(x1)),
                x1: frame.x(x0.max(x1)),
                top: frame.y(y0.max(y1)),
                bottom: frame.y(y0.min(y1)),
                width,
            }),
        }
    }
    let bullets = drawn_bullets(&dots, &page.chars);
    page.chars.extend(bullets);
    page.links = links(doc, dict, &frame);
    let edges = page.edges(2.0);
    page.text_lines = textlines::build_lines(&mut page.chars, &edges, settings);
    if !settings.keep_chars {
        page.chars = Vec::new();
    }
    if !problems.is_empty() {
        page.error = Some(problems.join("; "));
    }
    page
}

/// List markers a browser paints as small filled discs instead of glyphs
/// become the "•" they mean: a glyph over the disc, on the baseline of the
/// text it stands before (the nearest glyph to its right or, in
/// right-to-left text, to its left, whose line holds the disc's middle).
fn drawn_bullets(dots: &[(f64, f64, f64, f64)], chars: &[Char]) -> Vec<Char> {
    dots.iter()
        .filter_map(|&(x0, top, x1, bottom)| {
            let middle = (top + bottom) / 2.0;
            let reach = |c: &Char| 6.0 * c.size.max(1.0);
            let next = chars
                .iter()
                .filter(|c| c.top <= middle && c.bottom >= middle && !c.text.trim().is_empty())
                .filter(|c| {
                    let after = c.x0 >= x1 && c.x0 - x1 < reach(c);
                    let before =
                        c.x1 <= x0 && x0 - c.x1 < reach(c) && c.text.chars().any(script::is_rtl);
                    after || before
                })
                .min_by(|a, b| {
                    let d = |c: &Char| (c.x0 - x1).abs().min((x0 - c.x1).abs());
                    d(a).total_cmp(&d(b))
                })?;
            // Not a dot drawn inside a line of text (an i's dot as a path).
            if chars
                .iter()
                .any(|c| c.x0 < x0 && c.x1 > x1 && c.top <= middle && c.bottom >= middle)
            {
                return None;
            }
            let size = next.size;
            Some(Char {
                text: "•".into(),
                x0,
                x1,
                top: next.baseline - 0.8 * size,
                bottom: next.baseline + 0.2 * size,
                baseline: next.baseline,
                size,
                font: None,
                superscript: false,
                upright: true,
            })
        })
        .collect()
}

/// A glyph in PDF user space, before it is placed on the page.
struct Placed {
    text: String,
    x: f64,
    y: f64,
    advance: f64,
    size: f64,
    upright: bool,
    /// Index into [`PageScan::fonts`], when known.
    font: Option<usize>,
    /// The ActualText span it was shown in (index into [`PageScan::spans`]).
    span: Option<usize>,
}

impl From<&DecodedGlyph> for Placed {
    fn from(g: &DecodedGlyph) -> Self {
        Placed {
            text: g.text.clone(),
            x: g.x,
            y: g.y,
            advance: g.advance,
            size: g.size,
            upright: g.upright,
            font: None,
            span: None,
        }
    }
}

impl From<content::RawGlyph> for Placed {
    fn from(g: content::RawGlyph) -> Self {
        Placed {
            text: g.text,
            x: g.x,
            y: g.y,
            advance: g.advance,
            size: g.size,
            upright: g.upright,
            font: Some(g.font),
            span: g.span,
        }
    }
}

/// pdf-extract's glyphs (from `steps` text-showing steps) with what our
/// scan adds: the font and ActualText span of each (when the text-showing
/// steps line up), the place and width of the glyphs pdf-extract misplaces
/// (see [`content::ShowStep::misplaced`]), and text where pdf-extract has
/// none.
fn pdf_extract_placed(
    glyphs: &[DecodedGlyph],
    steps: usize,
    scan: &PageScan,
    problems: &mut Vec<String>,
) -> Vec<Placed> {
    let aligned = glyphs.is_empty()
        || scan.shows.len() == steps
        || scan.shows.len() == glyphs.last().map_or(0, |g| g.show + 1);
    if !aligned && !scan.spans.is_empty() {
        problems.push(
            "ActualText not applied: pdf-extract's text steps do not line up with the page's"
                .into(),
        );
    }
    let step_of = |g: &DecodedGlyph| {
        if aligned {
            scan.shows.get(g.show)
        } else {
            None
        }
    };
    let needs_ours = glyphs.iter().any(|g| g.text.is_empty())
        || (aligned && scan.shows.iter().any(|s| s.misplaced))
        || (aligned && scan.glyphs.iter().any(|g| g.named));
    let ours: HashMap<(usize, usize), &content::RawGlyph> = if needs_ours {
        scan.glyphs
            .iter()
            .filter(|g| !g.from_quote)
            .map(|g| ((g.show, g.nth), g))
            .collect()
    } else {
        HashMap::new()
    };
    let same_place =
        |r: &content::RawGlyph, p: &Placed| (r.x - p.x).abs() < 1.0 && (r.y - p.y).abs() < 1.0;
    glyphs
        .iter()
        .map(|g| {
            let step = step_of(g);
            let raw = ours.get(&(g.show, g.nth)).copied();
            let mut p = Placed::from(g);
            p.font = step.map(|s| s.font);
            p.span = step.and_then(|s| s.span);
            let misplaced = step.is_some_and(|s| s.misplaced);
            if misplaced {
                // Our glyph of the same code (same text) has the right place.
                if let Some(r) = raw.filter(|r| g.text.is_empty() || r.text == g.text || r.named) {
                    p.x = r.x;
                    p.y = r.y;
                    p.advance = r.advance;
                }
            }
            // Where the font's encoding names the glyph, our reading of the
            // name is surer than pdf-extract's, which falls back on the raw
            // code (Latin-1) for names it does not know.
            let named =
                raw.filter(|r| r.named && step.is_some() && (misplaced || same_place(r, &p)));
            if let Some(r) = named {
                p.text.clone_from(&r.text);
            } else if p.text.is_empty() {
                // Where pdf-extract has no Unicode for a glyph, our decoder
                // may (it reads the ToUnicode map through lopdf): take its
                // text when the two glyphs sit at the same place. A glyph in
                // a span stays without: its box is part of the span's; any
                // other glyph without text is dropped (and counted) later.
                if let Some(r) = raw.filter(|r| same_place(r, &p)) {
                    p.text.clone_from(&r.text);
                }
            }
            p
        })
        .collect()
}

/// Our decoder's glyphs (taken out of the scan); only those shown by `'` and
/// `"` when `only_quoted`.
fn our_glyphs(scan: &mut PageScan, only_quoted: bool) -> Vec<Placed> {
    std::mem::take(&mut scan.glyphs)
        .into_iter()
        .filter(|g| !only_quoted || g.from_quote)
        .map(Placed::from)
        .collect()
}

/// The page's chars from its placed glyphs, the glyphs of each ActualText
/// span replaced by the span's text. Glyphs left without text (codes that
/// map to none, or only to control characters) are dropped and counted in
/// `without_text`.
fn to_chars(
    placed: Vec<Placed>,
    scan: &PageScan,
    frame: &Frame,
    without_text: &mut usize,
) -> Vec<Char> {
    actual_text::apply(placed, &scan.spans)
        .into_iter()
        .filter_map(|p| {
            let font = p.font.and_then(|i| scan.fonts.get(i));
            make_char(p, font, frame, without_text)
        })
        .collect()
}

fn make_char(
    g: Placed,
    font: Option<&content::FontInfo>,
    frame: &Frame,
    without_text: &mut usize,
) -> Option<Char> {
    if !g.size.is_finite() || g.size <= 0.0 || g.size > 5000.0 {
        return None;
    }
    // Normalised first: a glyph whose text is only control characters has
    // none left.
    let text = script::normalized(g.text);
    if text.is_empty() {
        *without_text += 1;
        return None;
    }
    let (ascent, descent) = font.map_or((0.8, -0.2), |f| (f.ascent, f.descent));
    let baseline = frame.y(g.y);
    let x0 = frame.x(g.x);
    Some(Char {
        text,
        x0: x0.min(x0 + g.advance),
        x1: x0.max(x0 + g.advance),
        top: baseline - ascent * g.size,
        bottom: baseline - descent * g.size,
        baseline,
        size: g.size,
        font: font.and_then(|f| f.name.clone()),
        superscript: false,
        upright: g.upright,
    })
}

/// Folds the zero-width glyphs that stand for the second letter of a
/// ligature into the ligature glyph, so its text holds both letters in
/// logical order. LibreOffice writes Arabic lam-alef as a zero-width alef
/// just before the lam glyph that draws both (at its left edge); Latin
/// writers put the extra letters after the ligature glyph.
fn merge_ligature_parts(chars: Vec<Char>) -> Vec<Char> {
    let zero_width =
        |c: &Char| (c.x1 - c.x0) < 0.02 * c.size && !c.text.chars().all(char::is_whitespace);
    let touches = |g: &Char, c: &Char| {
        let slack = 0.05 * c.size;
        !zero_width(g)
            && (g.baseline - c.baseline).abs() < 0.1 * c.size
            && c.x0 >= g.x0 - slack
            && c.x0 <= g.x1 + slack
    };
    let mut owner: Vec<Option<usize>> = vec![None; chars.len()];
    for (k, c) in chars.iter().enumerate() {
        if !zero_width(c) || c.text.chars().all(script::is_combining_mark) {
            continue;
        }
        let prev = k.checked_sub(1).filter(|&p| touches(&chars[p], c));
        let next = Some(k + 1).filter(|&n| n < chars.len() && touches(&chars[n], c));
        let rtl = c.text.chars().any(script::is_rtl);
        owner[k] = if rtl { next.or(prev) } else { prev.or(next) };
    }
    let mut extra: Vec<String> = vec![String::new(); chars.len()];
    for (k, o) in owner.iter().enumerate() {
        if let Some(o) = o {
            extra[*o].push_str(&chars[k].text);
        }
    }
    chars
        .into_iter()
        .enumerate()
        .filter(|(k, _)| owner[*k].is_none())
        .map(|(k, mut c)| {
            c.text.push_str(&extra[k]);
            c
        })
        .collect()
}

fn links(doc: &Document, page: &Dictionary, frame: &Frame) -> Vec<Link> {
    let Some(Object::Array(annots)) = page.get(b"Annots").ok().and_then(|o| deref(doc, o)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for a in annots.iter().take(10_000) {
        let Some(Object::Dictionary(d)) = deref(doc, a) else {
            continue;
        };
        if d.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Link".as_slice()) {
            continue;
        }
        let rect: Vec<f64> = match d.get(b"Rect").ok().and_then(|o| deref(doc, o)) {
            Some(Object::Array(r)) => r
                .iter()
                .filter_map(|o| deref(doc, o))
                .filter_map(num)
                .collect(),
            _ => continue,
        };
        let [x0, y0, x1, y1] = rect.as_slice() else {
            continue;
        };
        let uri = d
            .get(b"A")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok())
            .and_then(|action| action.get(b"URI").ok())
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_str().ok())
            .map(|s| String::from_utf8_lossy(s).into_owned());
        out.push(Link {
            x0: frame.x(x0.min(*x1)),
            x1: frame.x(x0.max(*x1)),
            top: frame.y(y0.max(*y1)),
            bottom: frame.y(y0.min(*y1)),
            uri,
        });
    }
    out
}

fn document_info(doc: &Document, page_count: usize) -> DocumentInfo {
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_dict().ok());
    let field = |key: &[u8]| -> Option<String> {
        let o = deref(doc, info?.get(key).ok()?)?;
        pdf_extract::decode_text_string(o)
            .ok()
            .or_else(|| {
                o.as_str()
                    .ok()
                    .map(|s| String::from_utf8_lossy(s).into_owned())
            })
            .map(|s| s.trim_end_matches('\0').to_string())
            .filter(|s| !s.is_empty())
    };
    let lang = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Lang").ok())
        .and_then(|o| deref(doc, o))
        .and_then(|o| pdf_extract::decode_text_string(o).ok())
        .filter(|s| !s.is_empty());
    DocumentInfo {
        page_count,
        pdf_version: doc.version.clone(),
        encrypted: doc.was_encrypted(),
        title: field(b"Title"),
        author: field(b"Author"),
        subject: field(b"Subject"),
        creator: field(b"Creator"),
        producer: field(b"Producer"),
        creation_date: field(b"CreationDate"),
        mod_date: field(b"ModDate"),
        lang,
    }
}

impl Layout {
    /// The text of every page in reading order, one printed line per line,
    /// the cells of a table row on one line separated by two spaces, pages
    /// ended by a form feed (like `pdftotext -layout`, without the padding).
    pub fn text(&self) -> String {
        let settings = Settings::default();
        let mut out = String::new();
        for page in &self.pages {
            out.push_str(&page.text(&settings));
            out.push('\x0c');
        }
        out
    }
}

impl Page {
    /// The page's text, one line per printed row (see [`Layout::text`]).
    pub fn text(&self, settings: &Settings) -> String {
        let mut out = String::new();
        for row in textlines::rows(&self.text_lines, settings) {
            let texts: Vec<&str> = row.iter().map(|l| l.text.as_str()).collect();
            out.push_str(&texts.join("  "));
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_is_not_a_pdf() {
        let err = extract(b"", &Settings::default()).unwrap_err();
        assert!(matches!(err, ExtractError::NotPdf { .. }));
        assert!(err.to_string().contains("empty"));
    }

    #[test]
    fn html_is_not_a_pdf_and_the_error_shows_its_start() {
        let err = extract(b"<!DOCTYPE html><html>", &Settings::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "not a PDF (starts with \"<!DOCTYPE html><\")"
        );
    }

    #[test]
    fn a_header_alone_is_a_damaged_pdf() {
        let err = extract(b"%PDF-1.7\n%%EOF\n", &Settings::default()).unwrap_err();
        assert!(matches!(err, ExtractError::Damaged(_)), "{err}");
    }
}
