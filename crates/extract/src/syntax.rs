//! Loading a PDF's objects: the cross-reference table and every object it
//! lists, read by a hand-written recursive-descent parser.
//!
//! lopdf's nom parser took half the time of a browser-printed Chinese
//! programme (about 190 Type 3 fonts, each a large dictionary). This reader
//! gives exactly the `Document` that lopdf's `Document::load_mem` gives, or
//! nothing: whatever it does not take as regular (encryption, a stream whose
//! length does not end at `endstream`, a token out of place, an object lopdf
//! would drop) makes [`load`] return `None`, and lopdf reads the file as
//! before. A test checks the two agree on every fixture, and
//! `unprog text` is unchanged on the real-world set.
//!
//! Every rule below is lopdf 0.42's, so that the two agree where both read
//! a file: the same whitespace and comments, the same string escapes, a
//! stream's `/Length` direct or an indirect integer, object streams
//! decompressed in place and their objects added where the table does not
//! say otherwise.

use std::collections::{BTreeMap, HashSet};

use pdf_extract::xref::{Xref, XrefEntry, XrefType};
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

/// Deepest nesting of arrays and dictionaries read; lopdf gives up at 100,
/// so deeper files go to it and fail there as before.
const MAX_DEPTH: usize = 90;

/// Deepest nesting of parentheses in a literal string (lopdf's limit).
const MAX_BRACKETS: usize = 100;

/// The document lopdf would load from `bytes`, or `None` when anything in
/// it is not regular enough to be sure of giving the same.
pub(crate) fn load(bytes: &[u8]) -> Option<Document> {
    let start = bytes.windows(5).position(|w| w == b"%PDF-").unwrap_or(0);
    let buf = &bytes[start..];
    let version = header(buf)?;
    let mut doc = Document::new();
    if let Some(mark) = binary_mark(buf) {
        if mark.iter().all(|&b| b >= 128) {
            doc.binary_mark = mark;
        }
    }
    let xref_start = xref_start(buf)?;
    if xref_start > buf.len() {
        return None;
    }
    doc.xref_start = xref_start;
    let (mut xref, mut trailer) = xref_and_trailer(buf, xref_start)?;
    // Earlier sections of an incrementally updated or linearized file.
    let mut seen = HashSet::new();
    let mut prev = trailer.remove(b"Prev");
    while let Some(at) = prev.and_then(|o| o.as_i64().ok()) {
        if !seen.insert(at) {
            break;
        }
        let at = usize::try_from(at).ok().filter(|&at| at <= buf.len())?;
        let (prev_xref, prev_trailer) = xref_and_trailer(buf, at)?;
        xref.merge(prev_xref);
        if let Some(stream_at) = trailer.remove(b"XRefStm").and_then(|o| o.as_i64().ok()) {
            let stream_at = usize::try_from(stream_at)
                .ok()
                .filter(|&at| at <= buf.len())?;
            let (stream_xref, _) = xref_and_trailer(buf, stream_at)?;
            xref.merge(stream_xref);
        }
        prev = prev_trailer.get(b"Prev").cloned().ok();
    }
    xref.size = xref.max_id().checked_add(1)?;
    doc.version = version;
    doc.max_id = xref.size - 1;
    doc.trailer = trailer;
    doc.reference_table = xref;
    if doc.trailer.get(b"Encrypt").is_ok() {
        return None;
    }
    doc.objects = objects(buf, &doc.reference_table)?;
    Some(doc)
}

/// Every object the table lists, and those of its object streams.
fn objects(buf: &[u8], xref: &Xref) -> Option<BTreeMap<ObjectId, Object>> {
    let containers: BTreeMap<u32, u32> = xref
        .entries
        .iter()
        .filter_map(|(&id, entry)| match entry {
            XrefEntry::Compressed { container, .. } => Some((id, *container)),
            _ => None,
        })
        .collect();
    let mut objects = BTreeMap::new();
    let mut compressed = Vec::new();
    let mut scratch = Scratch::default();
    for entry in xref.entries.values() {
        let XrefEntry::Normal { offset, .. } = *entry else {
            continue;
        };
        let (id, mut object) =
            indirect_object(buf, offset as usize, None, Some(xref), &mut scratch)?;
        if let Object::Stream(stream) = &mut object {
            if stream.dict.has_type(b"ObjStm") {
                for (inner, value) in object_stream(stream, &mut scratch)? {
                    if containers.get(&inner.0).is_none_or(|&c| c == id.0) {
                        compressed.push((inner, value));
                    }
                }
            }
        }
        objects.insert(id, object);
    }
    // An object stream never replaces an object of the table.
    for (id, value) in compressed {
        objects.entry(id).or_insert(value);
    }
    Some(objects)
}

/// The objects of an object stream, which is left decompressed.
fn object_stream(stream: &mut Stream, scratch: &mut Scratch) -> Option<BTreeMap<ObjectId, Object>> {
    // lopdf keeps the stream as it was when it cannot be decompressed;
    // reading its index then fails, so the file goes to lopdf.
    let _ = stream.decompress();
    let mut objects = BTreeMap::new();
    if stream.content.is_empty() {
        return Some(objects);
    }
    let first = usize::try_from(stream.dict.get(b"First").ok()?.as_i64().ok()?).ok()?;
    let index = std::str::from_utf8(stream.content.get(..first)?).ok()?;
    let numbers: Vec<Option<u32>> = index.split_whitespace().map(|n| n.parse().ok()).collect();
    stream.dict.get(b"N").ok()?.as_i64().ok()?;
    let content = &stream.content;
    for pair in numbers.chunks_exact(2) {
        let (Some(id), Some(offset)) = (pair[0], pair[1]) else {
            continue;
        };
        let Some(mut at) = first.checked_add(offset as usize) else {
            continue;
        };
        if at >= content.len() {
            continue;
        }
        while at < content.len() && content[at].is_ascii_whitespace() {
            at += 1;
        }
        if at >= content.len() {
            continue;
        }
        let mut parser = Parser::new(content, at, scratch);
        if let Some(object) = parser.direct(MAX_DEPTH) {
            objects.insert((id, 0), object);
        }
    }
    Some(objects)
}

/// `%PDF-1.7`: the version, when the header line is whole.
fn header(buf: &[u8]) -> Option<String> {
    let rest = buf.strip_prefix(b"%PDF-")?;
    let digits = rest
        .iter()
        .take_while(|&&c| c.is_ascii_digit() || c == b'.')
        .count();
    let line = rest
        .iter()
        .take_while(|&&c| c != b'\r' && c != b'\n')
        .count();
    if line == rest.len() {
        return None;
    }
    String::from_utf8(rest[..digits].to_vec()).ok()
}

/// The comment line after the header (`%âãÏÓ`), when there is one.
fn binary_mark(buf: &[u8]) -> Option<Vec<u8>> {
    let newline = buf.iter().position(|&b| b == b'\n')?;
    let rest = buf[newline + 1..].strip_prefix(b"%")?;
    let len = rest
        .iter()
        .take_while(|&&c| c != b'\r' && c != b'\n')
        .count();
    (len < rest.len()).then(|| rest[..len].to_vec())
}

/// The offset `startxref` gives, searched for as lopdf does: the last
/// `%%EOF` of the file's final 512 bytes, the `startxref` up to 25 bytes
/// before it.
fn xref_start(buf: &[u8]) -> Option<usize> {
    let tail = buf.len() - buf.len().min(512);
    let eof = rfind(buf, b"%%EOF", tail)?;
    if eof <= 25 {
        return None;
    }
    let at = rfind(&buf[..eof], b"startxref", eof - 25)?;
    let mut scratch = Scratch::default();
    let mut p = Parser::new(buf, at + b"startxref".len(), &mut scratch);
    p.eat(b" ");
    p.eol()?;
    while p.eat(b" ") {}
    let value = p.integer()?;
    while p.eat(b" ") {}
    p.eol()?;
    if !p.eat(b"%%EOF") {
        return None;
    }
    usize::try_from(value).ok()
}

fn rfind(buf: &[u8], pattern: &[u8], from: usize) -> Option<usize> {
    buf.get(from..)?
        .windows(pattern.len())
        .rposition(|w| w == pattern)
        .map(|p| from + p)
}

/// A cross-reference section at `at` and its trailer: a table with
/// `trailer << … >>`, or a cross-reference stream.
fn xref_and_trailer(buf: &[u8], at: usize) -> Option<(Xref, Dictionary)> {
    if buf[at..].starts_with(b"xref") {
        xref_table(buf, at)
    } else {
        xref_stream(buf, at)
    }
}

fn xref_table(buf: &[u8], at: usize) -> Option<(Xref, Dictionary)> {
    let mut scratch = Scratch::default();
    let mut p = Parser::new(buf, at + 4, &mut scratch);
    p.eat(b" ");
    p.eol()?;
    let mut xref = Xref::new(0, XrefType::CrossReferenceTable);
    let mut sections = 0;
    loop {
        let section_at = p.pos;
        let Some((start, entries)) = xref_section(&mut p) else {
            p.pos = section_at;
            break;
        };
        sections += 1;
        for (index, (offset, generation, in_use)) in entries.into_iter().enumerate() {
            if in_use {
                if let Ok(generation) = u16::try_from(generation) {
                    xref.insert(
                        start.wrapping_add(index) as u32,
                        XrefEntry::Normal { offset, generation },
                    );
                }
            }
        }
    }
    if sections == 0 {
        return None;
    }
    p.space();
    if !p.eat(b"trailer") {
        return None;
    }
    p.space();
    let trailer = p.dictionary(MAX_DEPTH)?;
    xref.size = trailer.get(b"Size").ok()?.as_i64().ok()? as u32;
    Some((xref, trailer))
}

/// One line of a cross-reference table: offset, generation, in use (`n`).
type TableEntry = (u32, u32, bool);

/// `start count` and its `offset generation n|f` entries.
fn xref_section(p: &mut Parser<'_, '_>) -> Option<(usize, Vec<TableEntry>)> {
    let start: usize = p.unsigned()?;
    if !p.eat(b" ") {
        return None;
    }
    let _count: u32 = p.unsigned()?;
    p.eat(b" ");
    p.eol()?;
    let mut entries = Vec::new();
    loop {
        let entry_at = p.pos;
        let entry = (|| {
            let offset: u32 = p.unsigned()?;
            if !p.eat(b" ") {
                return None;
            }
            let generation: u32 = p.unsigned()?;
            if !p.eat(b" ") {
                return None;
            }
            let in_use = match p.peek()? {
                b'n' => true,
                b'f' => false,
                _ => return None,
            };
            p.pos += 1;
            if !(p.eat(b" \r") || p.eat(b" \n") || p.eat(b"\r\n")) {
                return None;
            }
            Some((offset, generation, in_use))
        })();
        match entry {
            Some(e) => entries.push(e),
            None => {
                p.pos = entry_at;
                break;
            }
        }
    }
    Some((start, entries))
}

fn xref_stream(buf: &[u8], at: usize) -> Option<(Xref, Dictionary)> {
    // The table is not known yet, so the stream's length must be direct.
    let (_, object) = indirect_object(buf, at, None, None, &mut Scratch::default())?;
    let Object::Stream(mut stream) = object else {
        return None;
    };
    if stream.is_compressed() {
        stream.decompress().ok()?;
    }
    let mut dict = stream.dict;
    let data = stream.content;
    let size = dict.get(b"Size").ok()?.as_i64().ok()?;
    let mut xref = Xref::new(size as u32, XrefType::CrossReferenceStream);
    let index = match dict.get(b"Index") {
        Ok(o) => integers(o).unwrap_or_else(|| vec![0, size]),
        Err(_) => vec![0, size],
    };
    let widths = integers(dict.get(b"W").ok()?)?;
    // Wider fields overflow lopdf's reading, and all-zero ones never end.
    if widths.len() < 3
        || widths[..3].iter().any(|&w| !(0..=4).contains(&w))
        || widths[..3].iter().sum::<i64>() == 0
    {
        return None;
    }
    let widths = [widths[0] as usize, widths[1] as usize, widths[2] as usize];
    let mut at = 0usize;
    let mut read = |width: usize| -> Option<u32> {
        let bytes = data.get(at..at.checked_add(width)?)?;
        at += width;
        Some(bytes.iter().fold(0u32, |v, &b| (v << 8) + u32::from(b)))
    };
    for pair in index.chunks_exact(2) {
        let (start, count) = (pair[0], pair[1]);
        for j in 0..count {
            let kind = if widths[0] > 0 { read(widths[0])? } else { 1 };
            let id = start.wrapping_add(j) as u32;
            match kind {
                0 => {
                    read(widths[1])?;
                    read(widths[2])?;
                }
                1 => {
                    let offset = read(widths[1])?;
                    let generation = if widths[2] > 0 { read(widths[2])? } else { 0 } as u16;
                    xref.insert(id, XrefEntry::Normal { offset, generation });
                }
                2 => {
                    let container = read(widths[1])?;
                    let index = read(widths[2])? as u16;
                    xref.insert(id, XrefEntry::Compressed { container, index });
                }
                _ => {}
            }
        }
    }
    dict.remove(b"Length");
    dict.remove(b"W");
    dict.remove(b"Index");
    Some((xref, dict))
}

fn integers(o: &Object) -> Option<Vec<i64>> {
    o.as_array().ok()?.iter().map(|n| n.as_i64().ok()).collect()
}

/// `N G obj … endobj` at `offset`. A stream's `/Length` that is a reference
/// is looked up in `xref` (an object of the table, not of an object stream).
fn indirect_object(
    buf: &[u8],
    offset: usize,
    expected: Option<ObjectId>,
    xref: Option<&Xref>,
    scratch: &mut Scratch,
) -> Option<(ObjectId, Object)> {
    if offset > buf.len() {
        return None;
    }
    let mut p = Parser::new(buf, offset, scratch);
    p.space();
    let id = p.object_id()?;
    if expected.is_some_and(|e| e != id) || !p.eat(b"obj") {
        return None;
    }
    p.space();
    let object = if p.at(b"<<") {
        let dict = p.dictionary(MAX_DEPTH)?;
        p.space();
        if p.eat(b"stream") {
            while p.eat(b" ") || p.eat(b"\t") {}
            // lopdf reads `stream` not followed by a line end as the
            // dictionary alone; such files are left to it.
            p.eol()?;
            let length = match dict.get(b"Length").ok()? {
                Object::Integer(n) => *n,
                Object::Reference(id) => {
                    let at = offset_of(xref?, *id)?;
                    let (_, length) =
                        indirect_object(buf, at, Some(*id), None, &mut Scratch::default())?;
                    length.as_i64().ok()?
                }
                _ => return None,
            };
            let length = usize::try_from(length).ok()?;
            let end = p.pos.checked_add(length)?;
            let data = buf.get(p.pos..end)?;
            p.pos = end;
            let _ = p.eol();
            if !p.eat(b"endstream") {
                return None;
            }
            Object::Stream(Stream::new(dict, data.to_vec()))
        } else {
            Object::Dictionary(dict)
        }
    } else {
        p.object(MAX_DEPTH)?
    };
    Some((id, object))
}

fn offset_of(xref: &Xref, id: ObjectId) -> Option<usize> {
    match xref.get(id.0)? {
        XrefEntry::Normal { offset, generation } if *generation == id.1 => Some(*offset as usize),
        _ => None,
    }
}

/// A position in the file and the grammar of its objects.
struct Parser<'a, 's> {
    buf: &'a [u8],
    pos: usize,
    scratch: &'s mut Scratch,
}

/// Room for the items of the arrays and dictionaries being read (innermost
/// last), reused from object to object: each array's items, each
/// dictionary's entries, are moved into storage of their exact size when it
/// closes. Growing a vector per array and a map per dictionary left slack
/// in every one of them (lopdf's object is 120 bytes) and reallocated them
/// all the way up.
#[derive(Default)]
struct Scratch {
    items: Vec<Object>,
    entries: Vec<(Vec<u8>, Object)>,
}

/// PDF whitespace (ISO 32000-1, 7.2.2).
pub(crate) fn is_white(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\0' | b'\x0c')
}

/// PDF delimiters: what ends a name or a number.
pub(crate) fn is_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// Neither whitespace nor a delimiter.
pub(crate) fn is_regular(c: u8) -> bool {
    !is_white(c) && !is_delimiter(c)
}

/// A literal string read from just after its `(`: its escapes read, its
/// balanced parentheses kept. The content streams' lexer (which keeps what
/// an unclosed string holds) and the object parser (which leaves such a
/// file to lopdf) read strings alike.
pub(crate) struct LiteralString {
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// The index after its closing `)` (the data's end without one).
    pub end: usize,
    /// Whether its closing `)` was found.
    pub closed: bool,
    /// How deep parentheses nest inside it.
    pub nesting: usize,
}

/// Reads the literal string whose content starts at `i` (after its `(`).
pub(crate) fn literal_string(data: &[u8], mut i: usize) -> LiteralString {
    let mut bytes = Vec::new();
    let (mut depth, mut nesting) = (0usize, 0usize);
    while let Some(&c) = data.get(i) {
        i += 1;
        match c {
            b'\\' => {
                let Some(&e) = data.get(i) else {
                    break;
                };
                match e {
                    b'0'..=b'7' => {
                        // Up to three octal digits; overflow is ignored.
                        let mut value = 0u16;
                        let mut n = 0;
                        while let Some(&d @ b'0'..=b'7') = data.get(i).filter(|_| n < 3) {
                            value = value * 8 + u16::from(d - b'0');
                            i += 1;
                            n += 1;
                        }
                        bytes.push(value as u8);
                    }
                    // A line end after a backslash continues the line.
                    b'\r' => {
                        i += 1;
                        if data.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\n' => i += 1,
                    _ => {
                        i += 1;
                        bytes.push(match e {
                            b'n' => b'\n',
                            b'r' => b'\r',
                            b't' => b'\t',
                            b'b' => b'\x08',
                            b'f' => b'\x0c',
                            other => other,
                        });
                    }
                }
            }
            b'(' => {
                depth += 1;
                nesting = nesting.max(depth);
                bytes.push(c);
            }
            b')' if depth == 0 => {
                return LiteralString {
                    bytes,
                    end: i,
                    closed: true,
                    nesting,
                }
            }
            b')' => {
                depth -= 1;
                bytes.push(c);
            }
            _ => bytes.push(c),
        }
    }
    LiteralString {
        bytes,
        end: i,
        closed: false,
        nesting,
    }
}

/// The value of one hexadecimal digit.
pub(crate) fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

impl<'a, 's> Parser<'a, 's> {
    fn new(buf: &'a [u8], pos: usize, scratch: &'s mut Scratch) -> Self {
        Parser { buf, pos, scratch }
    }

    fn peek(&self) -> Option<u8> {
        self.buf.get(self.pos).copied()
    }

    fn at(&self, tag: &[u8]) -> bool {
        self.buf.get(self.pos..).is_some_and(|r| r.starts_with(tag))
    }

    fn eat(&mut self, tag: &[u8]) -> bool {
        let found = self.at(tag);
        if found {
            self.pos += tag.len();
        }
        found
    }

    /// `\r\n`, `\n` or `\r`.
    fn eol(&mut self) -> Option<()> {
        (self.eat(b"\r\n") || self.eat(b"\n") || self.eat(b"\r")).then_some(())
    }

    /// Whitespace and comments (a comment ends at a line end, which it
    /// needs).
    fn space(&mut self) {
        loop {
            match self.peek() {
                Some(c) if is_white(c) => self.pos += 1,
                Some(b'%') => {
                    let rest = &self.buf[self.pos..];
                    let Some(end) = rest.iter().position(|&c| c == b'\r' || c == b'\n') else {
                        return;
                    };
                    self.pos += end;
                    let _ = self.eol();
                }
                _ => return,
            }
        }
    }

    fn digits(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        &self.buf[start..self.pos]
    }

    fn unsigned<T: std::str::FromStr>(&mut self) -> Option<T> {
        let start = self.pos;
        let digits = self.digits();
        let value = std::str::from_utf8(digits).ok()?.parse().ok();
        if value.is_none() {
            self.pos = start;
        }
        value
    }

    fn object_id(&mut self) -> Option<ObjectId> {
        let number: u32 = self.unsigned()?;
        self.space();
        let generation: u16 = self.unsigned()?;
        self.space();
        Some((number, generation))
    }

    /// `[+-]digits`.
    fn integer(&mut self) -> Option<i64> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        if self.digits().is_empty() {
            self.pos = start;
            return None;
        }
        std::str::from_utf8(&self.buf[start..self.pos])
            .ok()?
            .parse()
            .ok()
    }

    /// An object and the whitespace after it.
    fn direct(&mut self, depth: usize) -> Option<Object> {
        let object = self.object(depth.checked_sub(1)?)?;
        self.space();
        Some(object)
    }

    /// An object (lopdf's alternatives, in its order).
    fn object(&mut self, depth: usize) -> Option<Object> {
        match self.peek()? {
            b'n' => self.eat(b"null").then_some(Object::Null),
            b't' => self.eat(b"true").then_some(Object::Boolean(true)),
            b'f' => self.eat(b"false").then_some(Object::Boolean(false)),
            b'/' => self.name().map(Object::Name),
            b'(' => self.literal_string(),
            b'[' => self.array(depth).map(Object::Array),
            b'<' if self.at(b"<<") => self.dictionary(depth).map(Object::Dictionary),
            b'<' => self.hex_string(),
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number_or_reference(),
            _ => None,
        }
    }

    fn number_or_reference(&mut self) -> Option<Object> {
        let start = self.pos;
        if self.peek().is_some_and(|c| c.is_ascii_digit()) {
            if let Some(id) = self.object_id() {
                if self.eat(b"R") {
                    return Some(Object::Reference(id));
                }
            }
            self.pos = start;
        }
        // A real: [+-] then digits '.' digits*, or '.' digits.
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let whole = !self.digits().is_empty();
        if self.eat(b".") {
            let fraction = !self.digits().is_empty();
            if whole || fraction {
                let text = std::str::from_utf8(&self.buf[start..self.pos]).ok()?;
                return text.parse::<f32>().ok().map(Object::Real);
            }
        }
        self.pos = start;
        self.integer().map(Object::Integer)
    }

    /// `/Name` with `#hh` escapes.
    fn name(&mut self) -> Option<Vec<u8>> {
        if !self.eat(b"/") {
            return None;
        }
        // Most names have no escape: copied at their exact size.
        let rest = &self.buf[self.pos..];
        let plain = rest
            .iter()
            .take_while(|&&c| c != b'#' && is_regular(c))
            .count();
        if rest.get(plain) != Some(&b'#') {
            self.pos += plain;
            return Some(rest[..plain].to_vec());
        }
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'#' {
                let hi = self.buf.get(self.pos + 1).copied().and_then(hex_value)?;
                let lo = self.buf.get(self.pos + 2).copied().and_then(hex_value)?;
                out.push(hi << 4 | lo);
                self.pos += 3;
            } else if is_regular(c) {
                out.push(c);
                self.pos += 1;
            } else {
                break;
            }
        }
        Some(out)
    }

    /// `[ … ]`, read from its `[`.
    fn array(&mut self, depth: usize) -> Option<Vec<Object>> {
        self.pos += 1;
        self.space();
        let start = self.scratch.items.len();
        while !self.eat(b"]") {
            let Some(item) = self.direct(depth) else {
                self.scratch.items.truncate(start);
                return None;
            };
            self.scratch.items.push(item);
        }
        Some(self.scratch.items.drain(start..).collect())
    }

    fn dictionary(&mut self, depth: usize) -> Option<Dictionary> {
        if !self.eat(b"<<") {
            return None;
        }
        self.space();
        let start = self.scratch.entries.len();
        while !self.eat(b">>") {
            let entry = self.name().and_then(|key| {
                self.space();
                Some((key, self.direct(depth)?))
            });
            let Some(entry) = entry else {
                self.scratch.entries.truncate(start);
                return None;
            };
            self.scratch.entries.push(entry);
        }
        let mut dict = Dictionary::new();
        dict.as_hashmap_mut()
            .reserve_exact(self.scratch.entries.len() - start);
        // In order, so a repeated key keeps its first place and its last
        // value, as with lopdf.
        for (key, value) in self.scratch.entries.drain(start..) {
            dict.set(key, value);
        }
        Some(dict)
    }

    /// `( … )` with its escapes; balanced parentheses are kept.
    fn literal_string(&mut self) -> Option<Object> {
        let s = literal_string(self.buf, self.pos + 1);
        if !s.closed || s.nesting > MAX_BRACKETS {
            return None;
        }
        self.pos = s.end;
        Some(Object::String(s.bytes, StringFormat::Literal))
    }

    /// `< hex digits >`; an odd last digit is padded with 0.
    fn hex_string(&mut self) -> Option<Object> {
        self.pos += 1;
        let mut out: Vec<u8> = Vec::new();
        let mut high = true;
        loop {
            while self.peek().is_some_and(is_white) {
                self.pos += 1;
            }
            let Some(d) = self.peek().and_then(hex_value) else {
                break;
            };
            self.pos += 1;
            if high {
                out.push(d << 4);
            } else if let Some(last) = out.last_mut() {
                *last |= d;
            }
            high = !high;
        }
        self.eat(b">")
            .then_some(Object::String(out, StringFormat::Hexadecimal))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Option<Object> {
        Parser::new(text.as_bytes(), 0, &mut Scratch::default()).direct(MAX_DEPTH)
    }

    #[test]
    fn reads_objects_as_lopdf_does() {
        let dict = parse("<< /Type /Font /W [1 2 600] /R 12 0 R /F -.5 /G 3. /S (a\\(b\\)c) >>");
        let Some(Object::Dictionary(d)) = dict else {
            panic!("not a dictionary: {dict:?}");
        };
        assert_eq!(d.get(b"R").ok(), Some(&Object::Reference((12, 0))));
        assert_eq!(d.get(b"F").ok(), Some(&Object::Real(-0.5)));
        assert_eq!(d.get(b"G").ok(), Some(&Object::Real(3.0)));
        assert_eq!(
            d.get(b"S").ok(),
            Some(&Object::String(b"a(b)c".to_vec(), StringFormat::Literal))
        );
        assert_eq!(
            parse("<48 65 6>"),
            Some(Object::String(b"He`".to_vec(), StringFormat::Hexadecimal))
        );
        assert_eq!(parse("/A#20B"), Some(Object::Name(b"A B".to_vec())));
        assert_eq!(
            parse("(x\\101\\\ny (z) \\q)"),
            Some(Object::String(b"xAy (z) q".to_vec(), StringFormat::Literal))
        );
        assert_eq!(
            parse("[1 0 R 2 % a comment\n 3]").map(|o| format!("{o:?}")),
            Some("[1 0 R 2 3]".into())
        );
    }

    #[test]
    fn leaves_what_is_not_regular_to_lopdf() {
        assert_eq!(parse("/A#zz"), None);
        assert_eq!(parse("(unclosed"), None);
        assert_eq!(parse("[1 2"), None);
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert_eq!(parse(&deep), None);
    }

    #[test]
    fn a_stream_whose_length_misses_endstream_is_left_to_lopdf() {
        let good = b"1 0 obj\n<< /Length 3 >>\nstream\nabc\nendstream\nendobj";
        let (_, object) =
            indirect_object(good, 0, None, None, &mut Scratch::default()).expect("a stream");
        assert!(matches!(object, Object::Stream(s) if s.content == b"abc"));
        let bad = b"1 0 obj\n<< /Length 2 >>\nstream\nabc\nendstream\nendobj";
        assert!(indirect_object(bad, 0, None, None, &mut Scratch::default()).is_none());
    }

    /// Everything lopdf's loading sets, in a form that compares the order of
    /// dictionary keys too.
    fn summary(doc: &Document) -> String {
        format!(
            "{} {:?} {} {} {:?} {:?} {:?}",
            doc.version,
            doc.binary_mark,
            doc.xref_start,
            doc.max_id,
            doc.trailer,
            doc.reference_table.entries,
            doc.objects
        )
    }

    /// Also over the folders of PDFs `UNPROG_PDF_CORPUS` names (`:` between
    /// them), e.g. the real-world set `scripts/realworld.sh` fetches.
    #[test]
    fn loads_every_fixture_as_lopdf_does() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
        let mut dirs = vec![root.join("pdf"), root.join("broken")];
        if let Ok(more) = std::env::var("UNPROG_PDF_CORPUS") {
            dirs.extend(more.split(':').map(std::path::PathBuf::from));
        }
        let mut read = 0;
        let mut left = Vec::new();
        for dir in dirs {
            let mut paths: Vec<_> = std::fs::read_dir(&dir)
                .expect("the fixtures folder")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
                .collect();
            paths.sort();
            for path in paths {
                let bytes = std::fs::read(&path).expect("a fixture");
                let ours = load(&bytes);
                if dir == root.join("pdf") {
                    assert!(ours.is_some(), "{} left to lopdf", path.display());
                }
                if ours.is_none() {
                    left.push(path.display().to_string());
                }
                if let Some(ours) = ours {
                    let theirs = Document::load_mem(&bytes).expect("lopdf reads what we read");
                    assert!(
                        summary(&ours) == summary(&theirs),
                        "{} reads otherwise than lopdf",
                        path.display()
                    );
                    read += 1;
                }
            }
        }
        eprintln!("read {read}; left to lopdf: {left:?}");
        assert!(read >= 48, "only {read} fixtures read");
    }
}
