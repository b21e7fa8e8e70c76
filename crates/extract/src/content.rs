//! unprog's own content-stream interpreter.
//!
//! It walks a page's content (and the form XObjects it paints) the way
//! pdf-extract does, with bounds on everything, and yields:
//!
//! * the font of every text-showing step, in the same order as pdf-extract's
//!   `begin_word` calls, so glyphs decoded by pdf-extract get their font name
//!   (and where pdf-extract misplaces them, their place: see [`ShowStep`]);
//! * the `/ActualText` span each text-showing step sits in (marked content
//!   that says which text its glyphs mean, see [`crate::actual_text`]);
//! * drawn paths: rectangles and straight rules (pdf-extract skips several
//!   painting operators, so paths always come from here);
//! * its own glyphs, decoded with lopdf's encodings: the fallback when
//!   pdf-extract fails on the page;
//! * a verdict on whether the page is safe to hand to pdf-extract, whose
//!   recursion into forms and decompression are unbounded.

use std::collections::HashMap;
use std::time::Instant;

use pdf_extract::{Dictionary, Document, Encoding, Object, ObjectId, Stream};

use crate::fonts::cid_collection::Collection;
use crate::fonts::cmap::ToUnicode;
use crate::fonts::encoding::{CodeText, SimpleEncoding};
use crate::geometry::Matrix;
use crate::inflate::inflate;
use crate::settings::Settings;

/// Facts about one font, as far as layout needs them.
#[derive(Debug, Clone)]
pub(crate) struct FontInfo {
    /// `/BaseFont`.
    pub name: Option<std::sync::Arc<str>>,
    /// Ascent as a fraction of the font size (positive).
    pub ascent: f64,
    /// Descent as a fraction of the font size (negative).
    pub descent: f64,
}

/// A glyph decoded by the fallback decoder, in PDF user space.
#[derive(Debug, Clone)]
pub(crate) struct RawGlyph {
    pub text: String,
    /// Text rendering matrix origin, user space.
    pub x: f64,
    pub y: f64,
    /// Advance in user space along the baseline.
    pub advance: f64,
    /// Font size in user space.
    pub size: f64,
    pub font: usize,
    pub upright: bool,
    /// Shown by `'` or `"`, which pdf-extract does not report.
    pub from_quote: bool,
    /// Index of the text-showing step (as pdf-extract counts them) and of the
    /// glyph within it, to line up with pdf-extract's glyphs.
    pub show: usize,
    pub nth: usize,
    /// The ActualText span the glyph sits in (index into [`PageScan::spans`]);
    /// a glyph in a span is kept even without text of its own.
    pub span: Option<usize>,
    /// The text (empty when the code stands for none) was read from the
    /// font's encoding by glyph name, which is surer than pdf-extract's
    /// reading of the same code (see [`crate::fonts::encoding`]).
    pub named: bool,
}

/// One text-showing step (a `Tj`, or a string of a `TJ`), as pdf-extract
/// reports it with a `begin_word` call.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ShowStep {
    /// Index of the font in [`PageScan::fonts`] (`usize::MAX` when no font
    /// was set).
    pub font: usize,
    /// pdf-extract places this step's glyphs wrongly. It reads no
    /// `c_first c_last w` entry of a CID font's `/W` array (only the
    /// `c [w1 w2 ...]` form), so it advances those glyphs by the default
    /// width, and every later step of the text object starts where that
    /// wrong advance left it, until an operator sets the position again (`Td`,
    /// `TD`, `Tm`, `T*`, `BT`). Our glyphs of such a step have the right
    /// places and widths.
    pub misplaced: bool,
    /// The ActualText span the step's glyphs sit in (index into
    /// [`PageScan::spans`]).
    pub span: Option<usize>,
}

/// A painted rectangle or straight segment, user space.
#[derive(Debug, Clone)]
pub(crate) enum Shape {
    Rect {
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        fill: bool,
    },
    Segment {
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        width: f64,
    },
    /// A small filled round shape: a list marker drawn as a path (browsers
    /// paint a disc bullet so, not as a glyph).
    Dot { x0: f64, y0: f64, x1: f64, y1: f64 },
}

/// What the interpreter learnt about a page.
#[derive(Debug, Default)]
pub(crate) struct PageScan {
    /// Each text-showing step pdf-extract will report, in its order.
    pub shows: Vec<ShowStep>,
    /// The text of each `/ActualText` span, in the order the spans open
    /// (decoded and bounded; empty when the span removes its glyphs).
    pub spans: Vec<String>,
    pub fonts: Vec<FontInfo>,
    pub glyphs: Vec<RawGlyph>,
    pub shapes: Vec<Shape>,
    /// Why pdf-extract must not be run on this page, if it must not.
    pub unsafe_for_pdf_extract: Option<String>,
    /// Text shown with `'` or `"`, which pdf-extract ignores.
    pub quote_ops: usize,
    /// A limit stopped the walk early.
    pub truncated: Option<String>,
    /// Every glyph shown is of a font with known widths and code length,
    /// and its text is sure (a ToUnicode map, an encoding that names the
    /// code, an ActualText span): our glyphs are as good as pdf-extract's.
    pub native_ok: bool,
}

#[derive(Clone)]
struct TextState {
    font: Option<usize>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    hscale: f64,
    leading: f64,
    rise: f64,
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    text: TextState,
    line_width: f64,
}

/// A font as the fallback decoder uses it.
struct LoadedFont<'a> {
    /// Widths and code length are known as pdf-extract knows them (a simple
    /// font with `/Widths`, a CID font with `Identity-H` and a two-byte
    /// ToUnicode map): our glyphs are placed as exactly as its, and where
    /// the text of each code is sure too (see `show`), as well decoded.
    reliable: bool,
    to_unicode: Option<ToUnicode>,
    /// A simple font's codes as its encoding names them.
    names: Option<SimpleEncoding>,
    /// A CID font's codes as the Adobe collection its glyphs are numbered
    /// by reads them (an `Identity` CMap, so the code is the CID), for the
    /// codes its ToUnicode map (if any) does not give.
    collection: Option<Collection>,
    encoding: Option<Encoding<'a>>,
    code_len: usize,
    widths: Widths,
    default_width: f64,
    /// A CID font whose `/W` has `c_first c_last w` entries, which
    /// pdf-extract does not read (see [`ShowStep::misplaced`]).
    range_widths: bool,
}

/// A font's glyph widths by code, looked up for every glyph drawn.
type Widths = HashMap<u32, f64, std::hash::BuildHasherDefault<CodeHasher>>;

/// A hasher for character codes: one multiplication (Fibonacci hashing).
/// The standard library's SipHash, made to withstand keys an adversary
/// chooses, cost more than the rest of a width lookup; a file can at worst
/// make its own lookups slow, bounded by its glyph count.
#[derive(Default)]
struct CodeHasher(u64);

impl std::hash::Hasher for CodeHasher {
    fn finish(&self) -> u64 {
        // The product's high bits folded into the low ones, which index
        // the table (codes 0x100, 0x200... share their low bits).
        self.0 ^ (self.0 >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, code: u32) {
        self.write_u64(u64::from(code));
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0 ^ v).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Fonts loaded so far in a document, shared by its pages (a font's
/// ToUnicode map is read once, not once per page).
#[derive(Default)]
pub(crate) struct FontCache<'a> {
    by_id: HashMap<ObjectId, usize>,
    /// Fonts written directly in a resource dictionary, by its address.
    by_address: HashMap<usize, usize>,
    loaded: Vec<LoadedFont<'a>>,
    infos: Vec<FontInfo>,
}

struct Walker<'a, 's, 'c> {
    doc: &'a Document,
    settings: &'s Settings,
    deadline: Option<Instant>,
    scan: PageScan,
    cache: &'c mut FontCache<'a>,
    bytes_decoded: usize,
    ops_seen: usize,
    form_stack: Vec<ObjectId>,
    /// pdf-extract's text position is off since a step of a font whose
    /// widths it misreads (see [`ShowStep::misplaced`]).
    drift: bool,
    /// Marked-content sequences open (`BMC`/`BDC` not yet closed by `EMC`).
    /// A count, not a stack: all that matters of them is where the ActualText
    /// span opened, so hostile nesting costs no memory.
    marked_depth: usize,
    /// The ActualText span in force (index into `scan.spans`) and the depth
    /// its sequence opened at. Only the outermost span counts: the glyphs of
    /// a span nested in it mean what the outer one says.
    span: Option<(usize, usize)>,
    /// Bytes of span text kept on this page, bounded by [`MAX_SPAN_TEXT_BYTES`].
    span_text_bytes: usize,
}

/// Most ActualText kept for one page, in bytes of the strings: later spans
/// are not honoured (their glyphs keep their own text). A page whose every
/// glyph has a span needs a few tens of kilobytes.
const MAX_SPAN_TEXT_BYTES: usize = 1 << 20;

/// Walks the page `page_id` and returns what it found. Never panics on bad
/// input (the caller still contains it, as lopdf's parser is not ours).
pub(crate) fn scan_page<'a>(
    doc: &'a Document,
    page_id: ObjectId,
    settings: &Settings,
    deadline: Option<Instant>,
    cache: &mut FontCache<'a>,
) -> PageScan {
    let mut w = Walker {
        doc,
        settings,
        deadline,
        scan: PageScan {
            native_ok: true,
            ..PageScan::default()
        },
        cache,
        bytes_decoded: 0,
        ops_seen: 0,
        form_stack: Vec::new(),
        drift: false,
        marked_depth: 0,
        span: None,
        span_text_bytes: 0,
    };
    let page = match doc.get_dictionary(page_id) {
        Ok(d) => d,
        Err(e) => {
            w.scan.truncated = Some(format!("page object unreadable: {e}"));
            w.scan.unsafe_for_pdf_extract = Some("page object unreadable".into());
            return w.scan;
        }
    };
    // pdf-extract looks inherited keys up its own way, without a bound: a
    // page tree that loops would keep it busy for ever.
    if let Some(problem) = ancestry_problem(doc, page) {
        w.scan.unsafe_for_pdf_extract = Some(problem);
    }
    let resources = inherited(doc, page, b"Resources").and_then(|o| o.as_dict().ok());
    let content = match page_content(doc, page, settings.max_page_content_bytes) {
        Ok(c) => c,
        Err(e) => {
            w.scan.unsafe_for_pdf_extract = Some(e.clone());
            w.scan.truncated = Some(e);
            return w.scan;
        }
    };
    w.bytes_decoded = content.len();
    let mut gs = GState {
        ctm: Matrix::IDENTITY,
        text: TextState {
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            hscale: 1.0,
            leading: 0.0,
            rise: 0.0,
        },
        line_width: 1.0,
    };
    w.run(&content, resources, &mut gs);
    w.scan.fonts = w.cache.infos.clone();
    w.scan
}

/// Looks a key up on a page or, failing that, on its ancestors.
pub(crate) fn inherited<'a>(
    doc: &'a Document,
    page: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Object> {
    let mut dict = page;
    for _ in 0..64 {
        if let Ok(o) = dict.get(key) {
            return deref(doc, o);
        }
        let parent = dict.get(b"Parent").ok()?.as_reference().ok()?;
        dict = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// Deepest page tree walked up from a page.
const MAX_PAGE_TREE_DEPTH: usize = 64;

/// Why a page's chain of `/Parent`s cannot be walked safely, if it cannot:
/// it loops back on itself, or runs deeper than any real page tree.
pub(crate) fn ancestry_problem(doc: &Document, page: &Dictionary) -> Option<String> {
    let mut seen: Vec<ObjectId> = Vec::new();
    let mut dict = page;
    while let Some(parent) = dict.get(b"Parent").ok().and_then(|o| o.as_reference().ok()) {
        if seen.contains(&parent) {
            return Some(format!(
                "the page tree loops (object {} {} is its own ancestor)",
                parent.0, parent.1
            ));
        }
        if seen.len() >= MAX_PAGE_TREE_DEPTH {
            return Some(format!(
                "the page tree is nested deeper than {MAX_PAGE_TREE_DEPTH} levels"
            ));
        }
        seen.push(parent);
        match doc.get_dictionary(parent) {
            Ok(d) => dict = d,
            Err(_) => return None,
        }
    }
    None
}

/// Follows references (bounded).
pub(crate) fn deref<'a>(doc: &'a Document, mut o: &'a Object) -> Option<&'a Object> {
    for _ in 0..32 {
        match o {
            Object::Reference(id) => o = doc.get_object(*id).ok()?,
            _ => return Some(o),
        }
    }
    None
}

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(*r as f64),
        _ => None,
    }
}

fn num_or(ops: &[Object], i: usize, default: f64) -> f64 {
    ops.get(i)
        .and_then(number)
        .filter(|v| v.is_finite())
        .unwrap_or(default)
}

/// Decodes one stream, refusing to produce more than `limit` bytes.
pub(crate) fn bounded_stream_bytes(stream: &Stream, limit: usize) -> Result<Vec<u8>, String> {
    let filters: Vec<&[u8]> = match stream.dict.get(b"Filter") {
        Err(_) => Vec::new(),
        Ok(_) => stream
            .filters()
            .map_err(|e| format!("bad stream filter: {e}"))?,
    };
    let has_params = stream.dict.get(b"DecodeParms").is_ok();
    match filters.as_slice() {
        [] => {
            if stream.content.len() > limit {
                return Err(format!("content stream larger than {} MiB", limit >> 20));
            }
            Ok(stream.content.clone())
        }
        [b"FlateDecode"] if !has_params => {
            let (out, res) = inflate(&stream.content, limit);
            if out.len() > limit {
                return Err(format!(
                    "content stream decompresses to more than {} MiB (decompression bomb?)",
                    limit >> 20
                ));
            }
            match res {
                Ok(_) => Ok(out),
                // Keep what inflated before the damage, like other readers do.
                Err(_) if !out.is_empty() => Ok(out),
                Err(e) => Err(format!("content stream does not inflate: {e}")),
            }
        }
        _ => {
            // Rare filters: let lopdf decode, but only streams that cannot
            // expand past the limit at the worst ratio we accept.
            if stream.content.len().saturating_mul(100) > limit {
                return Err(
                    "content stream with unusual filters too large to decode safely".into(),
                );
            }
            let out = stream
                .decompressed_content()
                .map_err(|e| format!("content stream does not decode: {e}"))?;
            if out.len() > limit {
                return Err(format!(
                    "content stream decompresses to more than {} MiB",
                    limit >> 20
                ));
            }
            Ok(out)
        }
    }
}

fn page_content(doc: &Document, page: &Dictionary, limit: usize) -> Result<Vec<u8>, String> {
    let contents = match page.get(b"Contents") {
        Ok(c) => c,
        Err(_) => return Ok(Vec::new()),
    };
    let mut streams = Vec::new();
    match deref(doc, contents) {
        Some(Object::Stream(s)) => streams.push(s),
        Some(Object::Array(items)) => {
            for item in items {
                match deref(doc, item) {
                    Some(Object::Stream(s)) => streams.push(s),
                    _ => return Err("page /Contents holds a non-stream".into()),
                }
            }
        }
        Some(Object::Null) | None => return Err("page /Contents missing or unreadable".into()),
        Some(_) => return Err("page /Contents is not a stream".into()),
    }
    let mut out = Vec::new();
    for s in streams {
        let left = limit.saturating_sub(out.len());
        let bytes = bounded_stream_bytes(s, left)?;
        out.extend_from_slice(&bytes);
        out.push(b'\n');
    }
    Ok(out)
}

impl<'a> Walker<'a, '_, '_> {
    fn out_of_time(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() > d)
    }

    /// Interprets one content stream (the page's, or a form's). Marked
    /// content opened in a stream ends with it: a form cannot close a span
    /// its painter opened, and a span it leaves open closes at its end.
    fn run(&mut self, content: &[u8], resources: Option<&'a Dictionary>, gs: &mut GState) {
        let base = self.marked_depth;
        self.run_ops(content, resources, gs, base);
        self.marked_depth = base;
        if self.span.is_some_and(|(_, depth)| depth > base) {
            self.span = None;
        }
    }

    fn run_ops(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        gs: &mut GState,
        base: usize,
    ) {
        let ops = crate::lexer::operations(content);
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let mut path = PathBuilder::default();
        for op in &ops {
            self.ops_seen += 1;
            if self.ops_seen.is_multiple_of(4096) && self.out_of_time() {
                self.scan.truncated = Some("time budget exhausted".into());
                return;
            }
            if self.scan.glyphs.len() >= self.settings.max_glyphs_per_page {
                self.scan.truncated = Some("too many glyphs on the page".into());
                return;
            }
            let a = &op.operands;
            match op.operator {
                "q" if stack.len() < 256 => stack.push(gs.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        *gs = s;
                    }
                }
                "cm" if a.len() == 6 => gs.ctm = Matrix::from_operands(a).then(&gs.ctm),
                "w" => gs.line_width = num_or(a, 0, 1.0),
                "BT" | "ET" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                    self.drift = false;
                }
                "Tf" => {
                    gs.text.size = num_or(a, 1, 0.0);
                    if let Some(Object::Name(name)) = a.first() {
                        gs.text.font = self.font(resources, name);
                    }
                }
                "Tc" => gs.text.char_spacing = num_or(a, 0, 0.0),
                "Tw" => gs.text.word_spacing = num_or(a, 0, 0.0),
                "Tz" => gs.text.hscale = num_or(a, 0, 100.0) / 100.0,
                "TL" => gs.text.leading = num_or(a, 0, 0.0),
                "Ts" => gs.text.rise = num_or(a, 0, 0.0),
                "Td" | "TD" => {
                    let (tx, ty) = (num_or(a, 0, 0.0), num_or(a, 1, 0.0));
                    if op.operator == "TD" {
                        gs.text.leading = -ty;
                    }
                    tlm = Matrix::translate(tx, ty).then(&tlm);
                    tm = tlm;
                    self.drift = false;
                }
                "Tm" if a.len() == 6 => {
                    tlm = Matrix::from_operands(a);
                    tm = tlm;
                    self.drift = false;
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -gs.text.leading).then(&tlm);
                    tm = tlm;
                    self.drift = false;
                }
                "Tj" => {
                    if let Some(Object::String(s, _)) = a.first() {
                        self.show(gs, &mut tm, s, true);
                    }
                }
                "'" | "\"" => {
                    if op.operator == "\"" {
                        gs.text.word_spacing = num_or(a, 0, 0.0);
                        gs.text.char_spacing = num_or(a, 1, 0.0);
                    }
                    tlm = Matrix::translate(0.0, -gs.text.leading).then(&tlm);
                    tm = tlm;
                    if let Some(Object::String(s, _)) = a.last() {
                        self.scan.quote_ops += 1;
                        self.show(gs, &mut tm, s, false);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = a.first() {
                        for item in items {
                            match item {
                                Object::String(s, _) => self.show(gs, &mut tm, s, true),
                                other => {
                                    if let Some(adj) = number(other) {
                                        let tx = -adj / 1000.0 * gs.text.size * gs.text.hscale;
                                        tm = Matrix::translate(tx, 0.0).then(&tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "m" => path.move_to(gs.ctm.apply(num_or(a, 0, 0.0), num_or(a, 1, 0.0))),
                "l" => path.line_to(gs.ctm.apply(num_or(a, 0, 0.0), num_or(a, 1, 0.0))),
                "c" => path.curve_to(&[
                    gs.ctm.apply(num_or(a, 0, 0.0), num_or(a, 1, 0.0)),
                    gs.ctm.apply(num_or(a, 2, 0.0), num_or(a, 3, 0.0)),
                    gs.ctm.apply(num_or(a, 4, 0.0), num_or(a, 5, 0.0)),
                ]),
                "v" | "y" => path.curve_to(&[
                    gs.ctm.apply(num_or(a, 0, 0.0), num_or(a, 1, 0.0)),
                    gs.ctm.apply(num_or(a, 2, 0.0), num_or(a, 3, 0.0)),
                ]),
                "h" => path.close(),
                "re" => {
                    let (x, y, w, h) = (
                        num_or(a, 0, 0.0),
                        num_or(a, 1, 0.0),
                        num_or(a, 2, 0.0),
                        num_or(a, 3, 0.0),
                    );
                    let corners = [
                        gs.ctm.apply(x, y),
                        gs.ctm.apply(x + w, y),
                        gs.ctm.apply(x + w, y + h),
                        gs.ctm.apply(x, y + h),
                    ];
                    path.rect(corners);
                }
                "S" | "s" => {
                    if op.operator == "s" {
                        path.close();
                    }
                    let width = gs.line_width * gs.ctm.scale();
                    path.paint(false, true, width, &mut self.scan.shapes);
                }
                "f" | "F" | "f*" => path.paint(true, false, 0.0, &mut self.scan.shapes),
                "B" | "B*" | "b" | "b*" => {
                    let width = gs.line_width * gs.ctm.scale();
                    path.paint(true, true, width, &mut self.scan.shapes)
                }
                "n" => path.clear(),
                "Do" => {
                    if let Some(Object::Name(name)) = a.first() {
                        self.form(resources, name, gs);
                    }
                }
                "BMC" | "BDC" => {
                    self.marked_depth = self.marked_depth.saturating_add(1);
                    if self.span.is_none() && op.operator == "BDC" {
                        if let Some(text) = self.actual_text(resources, a.get(1)) {
                            self.scan.spans.push(text);
                            self.span = Some((self.scan.spans.len() - 1, self.marked_depth));
                        }
                    }
                }
                "EMC" if self.marked_depth > base => {
                    if self
                        .span
                        .is_some_and(|(_, depth)| depth == self.marked_depth)
                    {
                        self.span = None;
                    }
                    self.marked_depth -= 1;
                }
                _ => {}
            }
        }
    }

    /// The `/ActualText` of a `BDC`'s property list (written inline, or a
    /// name in the resources' `/Properties`), decoded; `None` when it has
    /// none or the page's span text budget is spent.
    fn actual_text(
        &mut self,
        resources: Option<&'a Dictionary>,
        properties: Option<&Object>,
    ) -> Option<String> {
        let doc = self.doc;
        let list: &Dictionary = match properties? {
            Object::Dictionary(d) => d,
            Object::Name(name) => resources
                .and_then(|r| r.get(b"Properties").ok())
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok())
                .and_then(|p| p.get(name).ok())
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok())?,
            _ => return None,
        };
        let Some(Object::String(bytes, _)) =
            list.get(b"ActualText").ok().and_then(|o| deref(doc, o))
        else {
            return None;
        };
        if self.span_text_bytes >= MAX_SPAN_TEXT_BYTES {
            return None;
        }
        let text = crate::actual_text::decode_text_string(bytes);
        // An empty span still counts, so that a flood of them is bounded too.
        self.span_text_bytes += text.len().max(16);
        Some(text)
    }

    /// Paints a form XObject, bounded in depth and total bytes, refusing cycles.
    fn form(&mut self, resources: Option<&'a Dictionary>, name: &[u8], gs: &mut GState) {
        let doc = self.doc;
        let Some(xobjects) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok())
        else {
            return;
        };
        let Ok(entry) = xobjects.get(name) else {
            return;
        };
        let id = entry.as_reference().ok();
        let Some(Object::Stream(stream)) = deref(doc, entry) else {
            return;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
            return;
        }
        if let Some(id) = id {
            if self.form_stack.contains(&id) {
                self.scan.unsafe_for_pdf_extract =
                    Some(format!("form XObject {} {} paints itself", id.0, id.1));
                return;
            }
        }
        if self.form_stack.len() >= self.settings.max_form_depth {
            self.scan.unsafe_for_pdf_extract = Some("form XObjects nested too deeply".into());
            return;
        }
        let left = self
            .settings
            .max_page_content_bytes
            .saturating_sub(self.bytes_decoded);
        let bytes = match bounded_stream_bytes(stream, left) {
            Ok(b) => b,
            Err(e) => {
                self.scan.unsafe_for_pdf_extract = Some(e);
                return;
            }
        };
        self.bytes_decoded += bytes.len();
        if let Some(id) = id {
            self.form_stack.push(id);
        }
        let form_resources = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok())
            .or(resources);
        // pdf-extract applies neither /Matrix nor q/Q around forms; we do.
        let saved = gs.clone();
        if let Ok(Object::Array(m)) = stream.dict.get(b"Matrix") {
            if m.len() == 6 {
                gs.ctm = Matrix::from_operands(m).then(&gs.ctm);
            }
        }
        self.run(&bytes, form_resources, gs);
        let text_font = gs.text.font;
        *gs = saved;
        // pdf-extract does not restore the text state after a form; the font
        // index must follow its view so that show steps line up.
        gs.text.font = text_font;
        if id.is_some() {
            self.form_stack.pop();
        }
    }

    fn font(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> Option<usize> {
        let doc = self.doc;
        let fonts = resources
            .and_then(|r| r.get(b"Font").ok())
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok())?;
        let entry = fonts.get(name).ok()?;
        let dict = deref(doc, entry)?.as_dict().ok()?;
        match entry.as_reference() {
            Ok(id) => {
                if let Some(&i) = self.cache.by_id.get(&id) {
                    return Some(i);
                }
                let i = self.load_font(dict, name);
                self.cache.by_id.insert(id, i);
                Some(i)
            }
            Err(_) => {
                let address = dict as *const Dictionary as usize;
                if let Some(&i) = self.cache.by_address.get(&address) {
                    return Some(i);
                }
                let i = self.load_font(dict, name);
                self.cache.by_address.insert(address, i);
                Some(i)
            }
        }
    }

    /// Loads a font; `resource` is the name it goes by in the page's
    /// resources (a Type 3 font may have no other: it has no `/BaseFont`).
    fn load_font(&mut self, dict: &'a Dictionary, resource: &[u8]) -> usize {
        let doc = self.doc;
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let name = dict
            .get(b"BaseFont")
            .or_else(|_| dict.get(b"Name"))
            .and_then(Object::as_name)
            .ok()
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .or_else(|| {
                (subtype == b"Type3")
                    .then(|| format!("Type3-{}", String::from_utf8_lossy(resource)))
            })
            .map(|n| std::sync::Arc::from(n.as_str()));
        let descendant = if subtype == b"Type0" {
            dict.get(b"DescendantFonts")
                .ok()
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok())
        } else {
            None
        };
        let descriptor = descendant
            .unwrap_or(dict)
            .get(b"FontDescriptor")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        let metric = |key: &[u8]| {
            descriptor
                .and_then(|d| d.get(key).ok())
                .and_then(|o| deref(doc, o))
                .and_then(number)
                .filter(|v| v.is_finite() && v.abs() < 5000.0 && *v != 0.0)
                .map(|v| v / 1000.0)
        };
        let ascent = metric(b"Ascent")
            .map(f64::abs)
            .unwrap_or(0.8)
            .clamp(0.3, 1.5);
        let descent = metric(b"Descent")
            .map(|d| -d.abs())
            .unwrap_or(-0.2)
            .clamp(-1.0, 0.0);
        self.cache.infos.push(FontInfo {
            name,
            ascent,
            descent,
        });

        // Fallback decoding data.
        let mut widths = Widths::default();
        let default_width;
        let mut range_widths = false;
        let mut glyph_scale = 0.001;
        let code_len = if subtype == b"Type0" { 2 } else { 1 };
        if let Some(d) = descendant {
            default_width = d
                .get(b"DW")
                .ok()
                .and_then(|o| deref(doc, o))
                .and_then(number)
                .unwrap_or(1000.0)
                / 1000.0;
            if let Some(Object::Array(w)) = d.get(b"W").ok().and_then(|o| deref(doc, o)) {
                range_widths = parse_cid_widths(doc, w, &mut widths);
            }
        } else {
            if subtype == b"Type3" {
                if let Some(Object::Array(m)) =
                    dict.get(b"FontMatrix").ok().and_then(|o| deref(doc, o))
                {
                    glyph_scale = m.first().and_then(number).unwrap_or(0.001);
                }
            }
            let first = dict
                .get(b"FirstChar")
                .ok()
                .and_then(|o| deref(doc, o))
                .and_then(number)
                .unwrap_or(0.0) as u32;
            if let Some(Object::Array(w)) = dict.get(b"Widths").ok().and_then(|o| deref(doc, o)) {
                for (i, v) in w.iter().enumerate().take(65_536) {
                    if let Some(v) = deref(doc, v).and_then(number) {
                        widths.insert(first.saturating_add(i as u32), v * glyph_scale);
                    }
                }
            }
            // A code outside /FirstChar../LastChar has the descriptor's
            // /MissingWidth, else none (ISO 32000-1, 9.6.2); without any
            // /Widths (a standard font) half an em is a better guess.
            let unknown = if widths.is_empty() { 0.5 } else { 0.0 };
            default_width = descriptor
                .and_then(|d| d.get(b"MissingWidth").ok())
                .and_then(|o| deref(doc, o))
                .and_then(number)
                .filter(|v| v.is_finite())
                .map_or(unknown, |mw| mw * glyph_scale);
        }
        let to_unicode = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| bounded_stream_bytes(s, 4 << 20).ok())
            .and_then(|bytes| ToUnicode::parse(&bytes));
        // Prefer the ToUnicode map; lopdf otherwise decodes /Encoding first.
        let encoding = if to_unicode.is_some() {
            None
        } else if dict.get(b"ToUnicode").is_ok() {
            let mut plain = dict.clone();
            plain.remove(b"Encoding");
            match plain.get_font_encoding(doc) {
                // The map is owned: it outlives the temporary dictionary.
                Ok(Encoding::UnicodeMapEncoding(map)) => Some(Encoding::UnicodeMapEncoding(map)),
                _ => dict.get_font_encoding(doc).ok(),
            }
        } else {
            dict.get_font_encoding(doc).ok()
        };
        let names = if code_len == 1 {
            SimpleEncoding::read(doc, dict, to_unicode.is_some())
        } else {
            None
        };
        let collection = descendant.and_then(|d| cid_collection(doc, dict, d));
        let reliable = if descendant.is_some() {
            // Two-byte codes, laid out horizontally, and a ToUnicode map
            // for them: pdf-extract reads such a font as we do (another
            // CMap it refuses; a code the map lacks has no text for it).
            let identity = dict.get(b"Encoding").and_then(Object::as_name).ok()
                == Some(b"Identity-H".as_slice());
            identity
                && match &to_unicode {
                    Some(map) => map.code_len == 2,
                    // No map, but one of Adobe's collections reads the
                    // CIDs: pdf-extract has no text for them, and its
                    // empty glyphs would take ours anyway.
                    None => collection.is_some(),
                }
        } else {
            // A simple font with its widths: each code's text comes from
            // the ToUnicode map or the encoding (checked glyph by glyph in
            // `show`, see `sure_text`).
            !widths.is_empty() && to_unicode.as_ref().is_none_or(|m| m.code_len == 1)
        };
        self.cache.loaded.push(LoadedFont {
            reliable,
            to_unicode,
            names,
            collection,
            encoding,
            code_len,
            widths,
            default_width,
            range_widths,
        });
        self.cache.infos.len() - 1
    }

    fn show(&mut self, gs: &GState, tm: &mut Matrix, s: &[u8], counted: bool) {
        let range_widths = gs
            .text
            .font
            .and_then(|fi| self.cache.loaded.get(fi))
            .is_some_and(|f| f.range_widths);
        let span = self.span.map(|(k, _)| k);
        if counted {
            self.scan.shows.push(ShowStep {
                font: gs.text.font.unwrap_or(usize::MAX),
                misplaced: self.drift || range_widths,
                span,
            });
        }
        self.drift |= range_widths;
        let Some(fi) = gs.text.font else {
            self.scan.native_ok = false;
            return;
        };
        let Some(font) = self.cache.loaded.get(fi) else {
            self.scan.native_ok = false;
            return;
        };
        if !font.reliable {
            self.scan.native_ok = false;
        }
        let t = &gs.text;
        let show = self.scan.shows.len().wrapping_sub(1);
        for (nth, code) in s.chunks(font.code_len).enumerate() {
            if self.scan.glyphs.len() >= self.settings.max_glyphs_per_page {
                return;
            }
            let cid = code.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
            let w0 = font.widths.get(&cid).copied().unwrap_or(font.default_width);
            // A CID font's code its ToUnicode map lacks may be read through
            // the font's collection; pdf-extract has no text for it (it reads
            // a CID font through its ToUnicode map only): its glyph takes ours.
            let mapped = font
                .to_unicode
                .as_ref()
                .and_then(|m| m.get(cid))
                .map(str::to_string)
                .or_else(|| font.collection.and_then(|c| c.text(cid)));
            let (text, named) = match mapped {
                Some(t) => (t, false),
                None => {
                    // Where the encoding says what the code means, our
                    // text is what the page gets on either path (pdf-extract
                    // reads a standard encoding alike, and its text of a
                    // named code is replaced by ours); a glyph in an
                    // ActualText span has the span's text; a CID font's code
                    // that its ToUnicode map lacks has none in pdf-extract,
                    // whose empty glyphs take ours. Anything else is
                    // pdf-extract's reading.
                    let sure = span.is_some()
                        || font.code_len == 2
                        || font
                            .names
                            .as_ref()
                            .is_some_and(|n| !matches!(n.get(cid), CodeText::Unknown));
                    if !sure {
                        self.scan.native_ok = false;
                    }
                    match font.names.as_ref().map(|n| n.get(cid)) {
                        Some(CodeText::Named(t)) => (t.to_string(), true),
                        Some(CodeText::Nothing) => (String::new(), true),
                        Some(CodeText::Standard(c)) => (c.to_string(), false),
                        // lopdf's reading counts only where it rests on a
                        // map (a ToUnicode CMap it could parse, a CJK
                        // CMap): its one-byte tables here are StandardEncoding
                        // put in for an encoding nobody named (the built-in
                        // encoding of a CFF or TrueType program), whose
                        // upper half is mojibake (`¤ ‘ ⁄` for Arabic).
                        Some(CodeText::Unknown) | None => {
                            let text = match &font.encoding {
                                Some(
                                    enc @ (Encoding::UnicodeMapEncoding(_)
                                    | Encoding::SimpleEncoding(_)),
                                ) => enc.bytes_to_string(code).ok(),
                                _ => None,
                            }
                            .filter(|t| !t.is_empty())
                            .unwrap_or_else(|| ascii_guess(code));
                            (text, false)
                        }
                    }
                }
            };
            let trm = Matrix {
                a: t.size * t.hscale,
                b: 0.0,
                c: 0.0,
                d: t.size,
                e: 0.0,
                f: t.rise,
            }
            .then(tm)
            .then(&gs.ctm);
            let (x, y) = (trm.e, trm.f);
            let size = (trm.c * trm.c + trm.d * trm.d).sqrt();
            let xscale = (trm.a * trm.a + trm.b * trm.b).sqrt();
            let upright = trm.b.abs() < 1e-6 && trm.a > 0.0 && trm.d > 0.0;
            // Kept without text too: such a glyph is counted as dropped,
            // and stands for pdf-extract's glyph of the same code.
            self.scan.glyphs.push(RawGlyph {
                text,
                x,
                y,
                advance: w0 * xscale,
                size,
                font: fi,
                upright,
                from_quote: !counted,
                show,
                nth,
                span,
                named,
            });
            let mut spacing = t.char_spacing;
            if font.code_len == 1 && cid == 32 {
                spacing += t.word_spacing;
            }
            let tx = (w0 * t.size + spacing) * t.hscale;
            *tm = Matrix::translate(tx, 0.0).then(tm);
        }
    }
}

/// The text of a one-byte code no encoding explains: printable ASCII and
/// the whitespace controls (a word break) stand for themselves, as every
/// standard encoding has them; any other code has no text. Never Latin-1:
/// a code above 127 read as Latin-1 is mojibake (`È®`), not a guess.
fn ascii_guess(code: &[u8]) -> String {
    match code {
        [b @ (b'\t' | b'\n' | b'\r' | 0x20..=0x7E)] => char::from(*b).to_string(),
        _ => String::new(),
    }
}

/// The Adobe collection a Type 0 font's codes are CIDs of: an `Identity-H`
/// or `Identity-V` CMap (code = CID) and a descendant whose
/// `/CIDSystemInfo` names one of Adobe's CJK collections.
fn cid_collection(
    doc: &Document,
    font: &Dictionary,
    descendant: &Dictionary,
) -> Option<Collection> {
    let cmap = font.get(b"Encoding").and_then(Object::as_name).ok()?;
    if cmap != b"Identity-H" && cmap != b"Identity-V" {
        return None;
    }
    let info = descendant
        .get(b"CIDSystemInfo")
        .ok()
        .and_then(|o| deref(doc, o))
        .and_then(|o| o.as_dict().ok())?;
    let string = |key: &[u8]| {
        info.get(key)
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_str().ok())
    };
    Collection::from_system_info(string(b"Registry")?, string(b"Ordering")?)
}

/// Reads a CID font's `/W` array, both forms: `c [w1 w2 ...]` and
/// `c_first c_last w`. Returns whether it had an entry of the second form.
fn parse_cid_widths(doc: &Document, w: &[Object], widths: &mut Widths) -> bool {
    let mut ranges = false;
    let mut i = 0;
    while i < w.len() && widths.len() < 200_000 {
        let Some(first) = deref(doc, &w[i]).and_then(number) else {
            return ranges;
        };
        match w.get(i + 1).and_then(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate().take(65_536) {
                    if let Some(v) = number(v) {
                        widths.insert(first as u32 + k as u32, v / 1000.0);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let last = number(o).unwrap_or(first);
                let v = w
                    .get(i + 2)
                    .and_then(|o| deref(doc, o))
                    .and_then(number)
                    .unwrap_or(1000.0);
                let (lo, hi) = (first as u32, (last as u32).min(first as u32 + 65_536));
                for c in lo..=hi {
                    widths.insert(c, v / 1000.0);
                }
                ranges |= lo <= hi;
                i += 3;
            }
            None => return ranges,
        }
    }
    ranges
}

/// Collects path segments until a painting operator decides what they are.
#[derive(Default)]
struct PathBuilder {
    rects: Vec<[(f64, f64); 4]>,
    subpaths: Vec<Vec<(f64, f64)>>,
    closed: Vec<bool>,
    /// The box of the path's points, control points included, once it has
    /// a curve: a small round one filled is a dot.
    curved: Option<(f64, f64, f64, f64)>,
}

impl PathBuilder {
    fn move_to(&mut self, p: (f64, f64)) {
        if self.subpaths.len() < 10_000 {
            self.subpaths.push(vec![p]);
            self.closed.push(false);
        }
    }
    fn line_to(&mut self, p: (f64, f64)) {
        match self.subpaths.last_mut() {
            Some(sp) if sp.len() < 10_000 => sp.push(p),
            Some(_) => {}
            None => self.move_to(p),
        }
    }
    fn curve_to(&mut self, points: &[(f64, f64)]) {
        let from = self.subpaths.last().and_then(|sp| sp.last()).copied();
        for &(x, y) in from.iter().chain(points) {
            let b = self.curved.get_or_insert((x, y, x, y));
            *b = (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y));
        }
        // Curves are not rules: start a fresh subpath at the end point so the
        // curve itself never reads as a straight segment.
        if let Some(&end) = points.last() {
            self.move_to(end);
        }
    }
    fn close(&mut self) {
        if let Some(c) = self.closed.last_mut() {
            *c = true;
        }
    }
    fn rect(&mut self, corners: [(f64, f64); 4]) {
        if self.rects.len() < 10_000 {
            self.rects.push(corners);
        }
    }
    fn clear(&mut self) {
        self.rects.clear();
        self.subpaths.clear();
        self.closed.clear();
        self.curved = None;
    }
    fn paint(&mut self, fill: bool, stroke: bool, width: f64, out: &mut Vec<Shape>) {
        if let (true, Some((x0, y0, x1, y1))) = (fill, self.curved) {
            let (w, h) = (x1 - x0, y1 - y0);
            let round = w > 0.8 && h > 0.8 && w < 8.0 && h < 8.0 && (w - h).abs() < 0.3 * w.max(h);
            if round && self.rects.is_empty() {
                out.push(Shape::Dot { x0, y0, x1, y1 });
            }
        }
        for c in &self.rects {
            if let Some(r) = axis_rect(c) {
                out.push(Shape::Rect {
                    x0: r.0,
                    y0: r.1,
                    x1: r.2,
                    y1: r.3,
                    fill,
                });
            }
        }
        for (sp, &closed) in self.subpaths.iter().zip(&self.closed) {
            if fill && (sp.len() == 4 || sp.len() == 5) {
                let pts = [sp[0], sp[1], sp[2], sp[3]];
                if let Some(r) = axis_rect(&pts) {
                    out.push(Shape::Rect {
                        x0: r.0,
                        y0: r.1,
                        x1: r.2,
                        y1: r.3,
                        fill,
                    });
                    continue;
                }
            }
            if stroke {
                let mut pts = sp.clone();
                if closed {
                    if let Some(&first) = sp.first() {
                        pts.push(first);
                    }
                }
                for pair in pts.windows(2) {
                    let ((x0, y0), (x1, y1)) = (pair[0], pair[1]);
                    if (x0 - x1).abs() < 0.01 || (y0 - y1).abs() < 0.01 {
                        out.push(Shape::Segment {
                            x0,
                            y0,
                            x1,
                            y1,
                            width,
                        });
                    }
                }
            }
        }
        if out.len() > 100_000 {
            out.truncate(100_000);
        }
        self.clear();
    }
}

/// The bounding box of four points when they form an axis-aligned rectangle.
fn axis_rect(c: &[(f64, f64); 4]) -> Option<(f64, f64, f64, f64)> {
    let xs = c.iter().map(|p| p.0);
    let ys = c.iter().map(|p| p.1);
    let (x0, x1) = xs
        .clone()
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (y0, y1) = ys
        .clone()
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let on_box = c.iter().all(|p| {
        ((p.0 - x0).abs() < 0.01 || (p.0 - x1).abs() < 0.01)
            && ((p.1 - y0).abs() < 0.01 || (p.1 - y1).abs() < 0.01)
    });
    if on_box && x0.is_finite() && y0.is_finite() && x1.is_finite() && y1.is_finite() {
        Some((x0, y0, x1, y1))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_sharing_their_low_bits_spread_over_the_table() {
        use std::hash::BuildHasher;
        let hasher = std::hash::BuildHasherDefault::<CodeHasher>::default();
        let low: std::collections::HashSet<u64> =
            (0..64u32).map(|k| hasher.hash_one(k << 8) & 0xff).collect();
        assert!(low.len() > 40, "{} buckets of 64 codes", low.len());
        let widths: Widths = (0..70_000u32).map(|c| (c, f64::from(c))).collect();
        assert!((0..70_000u32).all(|c| widths.get(&c) == Some(&f64::from(c))));
    }

    #[test]
    fn cid_widths_are_read_in_both_forms_and_ranges_are_reported() {
        let doc = Document::with_version("1.7");
        let w = [
            Object::Integer(1),
            Object::Integer(3),
            Object::Integer(500),
            Object::Integer(10),
            Object::Array(vec![Object::Integer(600), Object::Real(250.0)]),
        ];
        let mut widths = Widths::default();
        assert!(parse_cid_widths(&doc, &w, &mut widths));
        let mut got: Vec<(u32, f64)> = widths.into_iter().collect();
        got.sort_by_key(|&(c, _)| c);
        assert_eq!(
            got,
            [(1, 0.5), (2, 0.5), (3, 0.5), (10, 0.6), (11, 0.25)],
            "the `c_first c_last w` form covers its whole range"
        );
        let mut widths = Widths::default();
        assert!(!parse_cid_widths(&doc, &w[3..], &mut widths));
        assert_eq!(widths.len(), 2);
    }
}
