//! What the codes of a simple font (Type 1, TrueType, Type 3) mean when the
//! font's ToUnicode map does not say: its encoding, read by glyph name.
//!
//! A simple font's `/Encoding` is a standard encoding's name, or a
//! dictionary of `/Differences` (codes given glyph names) over a base
//! encoding: the one named by `/BaseEncoding`, else the font's own built-in
//! encoding — for an embedded Type 1 program the `/Encoding` array in its
//! clear-text part, for a font that is not embedded and not symbolic
//! StandardEncoding (ISO 32000-1, 9.6.6). Every glyph name is read with the
//! Adobe Glyph List's algorithm ([`super::glyph_names`]).
//!
//! pdf-extract reads Differences with a glyph list that knows no `uniXXXX`,
//! `uXXXX`, ligature or suffixed names, uses PDFDocEncoding (Latin-1) as the
//! base when `/BaseEncoding` is absent, and keeps that base's character for
//! every name it does not know: the raw code comes out as Latin-1 (`È®` for
//! an Arabic letter). What this module reads from glyph names is therefore
//! preferred to pdf-extract's text ([`CodeText::Named`], [`CodeText::Nothing`]).

use std::sync::OnceLock;

use pdf_extract::{Dictionary, Document, Object, Stream};

use super::glyph_names;
use crate::content::deref;
use crate::inflate::inflate;

/// What one code of a simple font stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CodeText {
    /// Not known here (the built-in encoding of a font program this module
    /// does not read: TrueType, CFF, Type 3): left to the other decoders.
    Unknown,
    /// A character of a standard encoding the font names (`/WinAnsiEncoding`,
    /// `/BaseEncoding /MacRomanEncoding`...), which pdf-extract reads alike.
    Standard(char),
    /// The text of a glyph name (a `/Differences` entry, the built-in
    /// encoding of the Type 1 program) or of the StandardEncoding a
    /// non-symbolic font falls back on: better than pdf-extract's reading.
    Named(Box<str>),
    /// The encoding gives the code no glyph, or a glyph whose name means no
    /// text (`.notdef`, `g123`): the glyph has no text and is dropped.
    Nothing,
}

/// The meaning of each one-byte code of a simple font.
#[derive(Debug, Clone)]
pub(crate) struct SimpleEncoding {
    codes: Vec<CodeText>,
}

/// Longest clear-text part of a Type 1 program read for its encoding.
const MAX_CLEAR_TEXT: usize = 1 << 20;

/// Most entries of a `/Differences` array read.
const MAX_DIFFERENCES: usize = 4096;

impl SimpleEncoding {
    /// Reads the encoding of the simple font `font`; `None` for other fonts
    /// and where nothing is known of any code. `has_to_unicode`: the font
    /// has a ToUnicode map, so its program is not read for a built-in
    /// encoding (the map says what the codes mean).
    pub(crate) fn read(doc: &Document, font: &Dictionary, has_to_unicode: bool) -> Option<Self> {
        let subtype = font.get(b"Subtype").and_then(Object::as_name).ok()?;
        let type1 = matches!(subtype, b"Type1" | b"MMType1");
        if !type1 && !matches!(subtype, b"TrueType" | b"Type3") {
            return None;
        }
        let base_font = font
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .map(without_subset_tag)
            .unwrap_or_default();
        let zapf = base_font.starts_with(b"ZapfDingbats");
        let symbol_font = zapf || base_font.starts_with(b"Symbol");
        let descriptor = font
            .get(b"FontDescriptor")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        let encoding = font.get(b"Encoding").ok().and_then(|o| deref(doc, o));
        let (base_name, differences) = match encoding {
            Some(Object::Name(n)) => (Some(n.as_slice()), None),
            Some(Object::Dictionary(d)) => (
                entry(doc, d, b"BaseEncoding").and_then(|o| o.as_name().ok()),
                entry(doc, d, b"Differences").and_then(|o| o.as_array().ok()),
            ),
            _ => (None, None),
        };

        let mut codes = vec![CodeText::Unknown; 256];
        if let Some(table) = base_name.and_then(standard_table) {
            for (slot, c) in codes.iter_mut().zip(table.iter()) {
                *slot = c.map_or(CodeText::Nothing, CodeText::Standard);
            }
        } else {
            let program = descriptor.and_then(|d| entry(doc, d, b"FontFile"));
            let embedded = descriptor.is_some_and(|d| {
                [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                    .iter()
                    .any(|k| d.get(k).is_ok())
            });
            let flags = descriptor
                .and_then(|d| entry(doc, d, b"Flags"))
                .and_then(|o| o.as_i64().ok())
                .unwrap_or(0);
            let symbolic = flags & 4 != 0 && flags & 32 == 0;
            // A CFF program (`/FontFile3 /Subtype /Type1C`, as Ghostscript
            // and Distiller embed Type 1 fonts) says its encoding too.
            let cff = descriptor
                .and_then(|d| entry(doc, d, b"FontFile3"))
                .and_then(|o| o.as_stream().ok())
                .filter(|s| {
                    s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type1C")
                });
            let type1_program = program.and_then(|o| o.as_stream().ok());
            let builtin = match (type1_program, cff) {
                _ if !type1 || has_to_unicode => None,
                (Some(stream), _) => Some(builtin_encoding(stream)),
                (None, Some(stream)) => Some(cff_encoding(stream)),
                (None, None) => None,
            };
            match builtin {
                Some(Some(BuiltIn::Standard)) => implicit_standard(&mut codes),
                Some(Some(BuiltIn::Names(names))) => {
                    codes.fill(CodeText::Nothing);
                    for (code, name) in names {
                        if let Some(slot) = codes.get_mut(usize::from(code)) {
                            *slot = from_name(&name, zapf, CodeText::Nothing);
                        }
                    }
                }
                // A standard font a reader supplies: StandardEncoding, unless
                // it is a symbol font (its own encoding). Without an
                // /Encoding at all pdf-extract reads the font's metrics the
                // same way.
                None if type1
                    && !embedded
                    && !symbolic
                    && !symbol_font
                    && matches!(encoding, Some(Object::Dictionary(_))) =>
                {
                    implicit_standard(&mut codes);
                }
                _ => {}
            }
        }

        // A Type 3 font's glyph names are its own (`a1`, `x4F`, a dvips
        // bitmap's): pdf-extract reads its codes through its /BaseEncoding,
        // else PDFDocEncoding, with the /Differences names it knows on top;
        // so does this, so that either path reads them alike.
        let type3 = subtype == b"Type3" && matches!(encoding, Some(Object::Dictionary(_)));
        if type3 && base_name.and_then(standard_table).is_none() {
            for (slot, c) in codes.iter_mut().zip(pdf_doc_table().iter()) {
                *slot = c.map_or(CodeText::Nothing, CodeText::Standard);
            }
        }
        if let Some(differences) = differences {
            let mut code: Option<usize> = None;
            // The text of the name before: browsers fill a Type 3 font's
            // unused codes with one name (`/g0` two hundred times).
            let mut last: Option<(&[u8], Option<CodeText>)> = None;
            for item in differences.iter().take(MAX_DIFFERENCES) {
                match deref(doc, item) {
                    Some(Object::Integer(i)) => {
                        code = usize::try_from(*i).ok().filter(|&c| c < 256);
                    }
                    Some(Object::Name(name)) => {
                        if let Some(c) = code {
                            if let Some(slot) = codes.get_mut(c) {
                                let text = match &last {
                                    Some((before, text)) if *before == name.as_slice() => {
                                        text.clone()
                                    }
                                    _ => {
                                        let text = named(&String::from_utf8_lossy(name), zapf);
                                        last = Some((name, text.clone()));
                                        text
                                    }
                                };
                                // A name that means nothing: a Type 3 code
                                // keeps its base encoding's character.
                                match text {
                                    Some(text) => *slot = text,
                                    None if type3 => {}
                                    None => *slot = CodeText::Nothing,
                                }
                            }
                            code = Some(c + 1).filter(|&c| c < 256);
                        }
                    }
                    _ => {}
                }
            }
        }
        if codes.iter().all(|c| *c == CodeText::Unknown) {
            return None;
        }
        Some(SimpleEncoding { codes })
    }

    /// What `code` stands for ([`CodeText::Unknown`] past one byte).
    pub(crate) fn get(&self, code: u32) -> &CodeText {
        usize::try_from(code)
            .ok()
            .and_then(|c| self.codes.get(c))
            .unwrap_or(&CodeText::Unknown)
    }
}

/// A dictionary's entry, references followed.
fn entry<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().and_then(|o| deref(doc, o))
}

/// The text of a glyph name, or `unknown` when it has none.
fn from_name(name: &str, zapf_dingbats: bool, unknown: CodeText) -> CodeText {
    named(name, zapf_dingbats).unwrap_or(unknown)
}

/// The text of a glyph name, if it has one.
fn named(name: &str, zapf_dingbats: bool) -> Option<CodeText> {
    glyph_names::to_text(name, zapf_dingbats).map(|text| CodeText::Named(text.into()))
}

/// PDFDocEncoding, by code (lopdf's decoding of one-byte text strings,
/// read once per process).
fn pdf_doc_table() -> &'static [Option<char>; 256] {
    static TABLE: OnceLock<[Option<char>; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [None; 256];
        for (code, slot) in (0..=255u8).zip(table.iter_mut()) {
            let one = Object::String(vec![code], pdf_extract::StringFormat::Literal);
            if let Ok(text) = pdf_extract::decode_text_string(&one) {
                let mut chars = text.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    *slot = Some(c);
                }
            }
        }
        table
    })
}

/// `ABCDEF+Name` → `Name`.
fn without_subset_tag(name: &[u8]) -> &[u8] {
    match name.get(6) {
        Some(b'+') if name[..6].iter().all(u8::is_ascii_uppercase) => &name[7..],
        _ => name,
    }
}

/// StandardEncoding as the font's own encoding: what its codes say is sure.
fn implicit_standard(codes: &mut [CodeText]) {
    if let Some(table) = standard_table(b"StandardEncoding") {
        for (slot, c) in codes.iter_mut().zip(table.iter()) {
            *slot = match c {
                Some(c) => CodeText::Named(c.to_string().into()),
                None => CodeText::Nothing,
            };
        }
    }
}

/// The characters of a standard encoding, by code (lopdf's tables, read
/// once per process).
fn standard_table(name: &[u8]) -> Option<&'static [Option<char>; 256]> {
    const NAMES: [&[u8]; 4] = [
        b"StandardEncoding",
        b"WinAnsiEncoding",
        b"MacRomanEncoding",
        b"MacExpertEncoding",
    ];
    static TABLES: OnceLock<Vec<[Option<char>; 256]>> = OnceLock::new();
    let k = NAMES.iter().position(|n| *n == name)?;
    TABLES
        .get_or_init(|| NAMES.iter().map(|n| lopdf_table(n)).collect())
        .get(k)
}

/// A standard encoding as lopdf decodes it (its tables are not public: a
/// font dictionary naming the encoding brings them out).
fn lopdf_table(name: &[u8]) -> [Option<char>; 256] {
    let mut table = [None; 256];
    let doc = Document::with_version("1.7");
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Encoding", Object::Name(name.to_vec()));
    if let Ok(encoding) = font.get_font_encoding(&doc) {
        for (code, slot) in (0..=255u8).zip(table.iter_mut()) {
            if let Ok(text) = encoding.bytes_to_string(&[code]) {
                let mut chars = text.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    *slot = Some(c);
                }
            }
        }
    }
    table
}

/// A Type 1 program's built-in encoding.
#[derive(Debug, PartialEq)]
enum BuiltIn {
    /// `/Encoding StandardEncoding def`.
    Standard,
    /// `dup <code> /<name> put` entries; codes not listed have no glyph.
    Names(Vec<(u8, String)>),
}

/// Reads the `/Encoding` of a Type 1 program (`/FontFile`): the clear-text
/// part, before `eexec` (`/Length1` bytes), at most [`MAX_CLEAR_TEXT`].
fn builtin_encoding(stream: &Stream) -> Option<BuiltIn> {
    let length1 = stream
        .dict
        .get(b"Length1")
        .and_then(Object::as_i64)
        .ok()
        .and_then(|n| usize::try_from(n).ok())
        .filter(|&n| n > 0)
        .unwrap_or(MAX_CLEAR_TEXT)
        .min(MAX_CLEAR_TEXT);
    // A damaged tail does not matter: only the start is read.
    let clear = program_bytes(stream, length1)?;
    let clear = match find(&clear, b"eexec") {
        Some(end) => &clear[..end],
        None => &clear[..],
    };
    parse_builtin(clear)
}

/// Largest CFF program read for its encoding.
const MAX_CFF_PROGRAM: usize = 16 << 20;

/// The encoding of a CFF program: each code's glyph, through the program's
/// encoding (StandardEncoding, or its own table and supplements) and
/// charset, by name. `None` for a CID-keyed program (no names) or one that
/// does not parse.
fn cff_encoding(stream: &Stream) -> Option<BuiltIn> {
    let data = program_bytes(stream, MAX_CFF_PROGRAM)?;
    let table = cff_parser::Table::parse(&data)?;
    let names: Vec<(u8, String)> = (0..=255u8)
        .filter_map(|code| {
            let glyph = table.glyph_index(code).filter(|g| g.0 != 0)?;
            Some((code, table.glyph_name(glyph)?.to_string()))
        })
        .collect();
    (!names.is_empty()).then_some(BuiltIn::Names(names))
}

/// A font program's bytes, plain or Flate-compressed (what inflated before
/// any damage), at most `limit` of them.
fn program_bytes(stream: &Stream, limit: usize) -> Option<Vec<u8>> {
    let filters: Vec<&[u8]> = match stream.dict.get(b"Filter") {
        Err(_) => Vec::new(),
        Ok(_) => stream.filters().ok()?,
    };
    match filters.as_slice() {
        [] => Some(
            stream
                .content
                .get(..limit.min(stream.content.len()))?
                .to_vec(),
        ),
        [b"FlateDecode"] => {
            let (mut out, _) = inflate(&stream.content, limit);
            out.truncate(limit);
            Some(out)
        }
        _ => None,
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Parses the `/Encoding` definition of a Type 1 font's clear text.
fn parse_builtin(clear: &[u8]) -> Option<BuiltIn> {
    let at = find(clear, b"/Encoding")?;
    let mut tokens = Tokens {
        rest: clear.get(at + b"/Encoding".len()..)?,
    };
    let first = tokens.next()?;
    if first == b"StandardEncoding" {
        return Some(BuiltIn::Standard);
    }
    let mut names = Vec::new();
    // The last three tokens before the current one.
    let mut window: [&[u8]; 3] = [b"", b"", first];
    for token in tokens.take(200_000) {
        if token == b"def" {
            break;
        }
        if token == b"put" && window[0] == b"dup" {
            let code = std::str::from_utf8(window[1])
                .ok()
                .and_then(|s| s.parse::<u8>().ok());
            let name = window[2].strip_prefix(b"/");
            if let (Some(code), Some(name)) = (code, name) {
                names.push((code, String::from_utf8_lossy(name).into_owned()));
            }
        }
        window = [window[1], window[2], token];
    }
    (!names.is_empty()).then_some(BuiltIn::Names(names))
}

/// PostScript tokens, roughly: names (`/space`), numbers and operators,
/// and the one-character delimiters; comments skipped.
struct Tokens<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let delimiter = |b: u8| b"()<>[]{}/%".contains(&b);
        loop {
            let start = self.rest.iter().position(|b| !b.is_ascii_whitespace())?;
            self.rest = &self.rest[start..];
            if self.rest.first() == Some(&b'%') {
                let end = self
                    .rest
                    .iter()
                    .position(|&b| b == b'\n' || b == b'\r')
                    .unwrap_or(self.rest.len());
                self.rest = &self.rest[end..];
                continue;
            }
            break;
        }
        let first = *self.rest.first()?;
        let len = if first == b'/' {
            1 + self.rest[1..]
                .iter()
                .position(|&b| b.is_ascii_whitespace() || delimiter(b))
                .unwrap_or(self.rest.len() - 1)
        } else if delimiter(first) {
            1
        } else {
            self.rest
                .iter()
                .position(|&b| b.is_ascii_whitespace() || delimiter(b))
                .unwrap_or(self.rest.len())
        };
        let (token, rest) = self.rest.split_at(len);
        self.rest = rest;
        Some(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Object {
        Object::Name(s.as_bytes().to_vec())
    }

    fn font(entries: Vec<(&str, Object)>) -> Dictionary {
        let mut d = Dictionary::new();
        d.set("Type", name("Font"));
        for (k, v) in entries {
            d.set(k, v);
        }
        d
    }

    fn differences(base: Option<&str>, items: Vec<Object>) -> Object {
        let mut d = Dictionary::new();
        d.set("Type", name("Encoding"));
        if let Some(b) = base {
            d.set("BaseEncoding", name(b));
        }
        d.set("Differences", Object::Array(items));
        Object::Dictionary(d)
    }

    fn named(s: &str) -> CodeText {
        CodeText::Named(s.into())
    }

    #[test]
    fn differences_over_an_implicit_standard_encoding() {
        let doc = Document::with_version("1.7");
        let f = font(vec![
            ("Subtype", name("Type1")),
            ("BaseFont", name("Times-Roman")),
            (
                "Encoding",
                differences(
                    None,
                    vec![
                        65.into(),
                        name("uni0644.init"),
                        name("f_f_i"),
                        name("nosuchglyph"),
                        39.into(),
                        name("quotesingle"),
                    ],
                ),
            ),
        ]);
        let enc = SimpleEncoding::read(&doc, &f, false).expect("an encoding");
        assert_eq!(enc.get(65), &named("ل"));
        assert_eq!(enc.get(66), &named("ffi"));
        assert_eq!(enc.get(67), &CodeText::Nothing, "a name without text");
        assert_eq!(enc.get(39), &named("'"));
        // The rest is StandardEncoding: 0x60 is quoteleft, 0xC0 nothing.
        assert_eq!(enc.get(0x61), &named("a"));
        assert_eq!(enc.get(0x60), &named("\u{2018}"));
        assert_eq!(enc.get(0xC0), &CodeText::Nothing);
        assert_eq!(enc.get(0x1_0000), &CodeText::Unknown);
    }

    #[test]
    fn a_named_base_encoding_is_standard_text() {
        let doc = Document::with_version("1.7");
        let f = font(vec![
            ("Subtype", name("TrueType")),
            (
                "Encoding",
                differences(Some("WinAnsiEncoding"), vec![128.into(), name("afii57415")]),
            ),
        ]);
        let enc = SimpleEncoding::read(&doc, &f, false).expect("an encoding");
        assert_eq!(enc.get(0xE9), &CodeText::Standard('é'));
        assert_eq!(enc.get(128), &named("\u{627}"));
    }

    #[test]
    fn fonts_whose_encoding_is_their_own_are_left_alone() {
        let doc = Document::with_version("1.7");
        // A TrueType font without /Encoding, and a Type0 font.
        let tt = font(vec![("Subtype", name("TrueType"))]);
        assert!(SimpleEncoding::read(&doc, &tt, false).is_none());
        let t0 = font(vec![("Subtype", name("Type0"))]);
        assert!(SimpleEncoding::read(&doc, &t0, false).is_none());
    }

    /// A CFF program of two glyphs, `A` (a standard string) at code 65 and
    /// `uni0644` (the program's own string) at code 200.
    fn cff_program() -> Vec<u8> {
        let index = |items: &[&[u8]]| {
            let mut out = vec![0, items.len() as u8, 1];
            let mut offset = 1u8;
            out.push(offset);
            for item in items {
                offset += item.len() as u8;
                out.push(offset);
            }
            items.iter().for_each(|i| out.extend_from_slice(i));
            out
        };
        let int = |v: u16| [28, (v >> 8) as u8, v as u8];
        // Offsets below follow from these sizes: header 4, name INDEX 9,
        // top DICT INDEX 24, string INDEX 12, global subroutines 2.
        let (charset, encoding, char_strings, private) = (51u16, 56u16, 60u16, 70u16);
        let mut top = Vec::new();
        for (value, op) in [(charset, 15u8), (encoding, 16), (char_strings, 17)] {
            top.extend_from_slice(&int(value));
            top.push(op);
        }
        top.extend_from_slice(&int(0));
        top.extend_from_slice(&int(private));
        top.push(18);
        let mut out = vec![1, 0, 4, 1];
        out.extend(index(&[b"Test"]));
        out.extend(index(&[&top]));
        out.extend(index(&[b"uni0644"]));
        out.extend([0, 0]);
        assert_eq!(out.len(), usize::from(charset));
        out.extend([0, 0, 34, 1, 135]); // format 0: SIDs 34 (A), 391
        out.extend([0, 2, 65, 200]); // format 0: codes of glyphs 1, 2
        out.extend(index(&[&[14], &[14], &[14]])); // endchar each
        assert_eq!(out.len(), usize::from(private));
        out
    }

    #[test]
    fn a_cff_programs_encoding_is_read_by_glyph_name() {
        let stream = Stream::new(
            Dictionary::from_iter([("Subtype", name("Type1C"))]),
            cff_program(),
        );
        let Some(BuiltIn::Names(names)) = cff_encoding(&stream) else {
            panic!("no names read");
        };
        assert!(names.contains(&(65, "A".to_string())), "{names:?}");
        assert!(names.contains(&(200, "uni0644".to_string())), "{names:?}");
        assert!(cff_encoding(&Stream::new(Dictionary::new(), b"not CFF".to_vec())).is_none());
    }

    #[test]
    fn a_type3_code_whose_name_means_nothing_keeps_its_base_encoding() {
        let doc = Document::with_version("1.7");
        // dvips names bitmap glyphs by their codes: /x4F, /xA9. pdf-extract
        // reads them through PDFDocEncoding (no /BaseEncoding), so does this.
        let t3 = font(vec![
            ("Subtype", name("Type3")),
            (
                "Encoding",
                differences(
                    None,
                    vec![65.into(), name("x41"), name("B"), 169.into(), name("xA9")],
                ),
            ),
        ]);
        let enc = SimpleEncoding::read(&doc, &t3, false).expect("an encoding");
        assert_eq!(enc.get(65), &CodeText::Standard('A'));
        assert_eq!(enc.get(66), &named("B"));
        assert_eq!(enc.get(169), &CodeText::Standard('©'));
        assert_eq!(enc.get(0x88), &CodeText::Standard('‹'));
        assert_eq!(enc.get(1), &CodeText::Nothing);
    }

    #[test]
    fn a_type1_programs_builtin_encoding_is_read() {
        let clear = b"%!PS-AdobeFont-1.0: Test\n/FontName /Test def\n\
            /Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n\
            dup 65 /afii57415.fin put\ndup 66/f_f_i put\n% dup 67 /C put\n\
            dup 200 /uni0644.init put\nreadonly def\ncurrentdict end\ncurrentfile eexec\n";
        let mut bytes = clear.to_vec();
        bytes.extend_from_slice(&[0x80, 0xFF, 0x00, 0x12]);
        let mut dict = Dictionary::new();
        dict.set("Length1", Object::Integer(clear.len() as i64));
        let stream = Stream::new(dict, bytes);
        assert_eq!(
            builtin_encoding(&stream),
            Some(BuiltIn::Names(vec![
                (65, "afii57415.fin".into()),
                (66, "f_f_i".into()),
                (200, "uni0644.init".into()),
            ]))
        );
        assert_eq!(
            parse_builtin(b"/Encoding StandardEncoding def"),
            Some(BuiltIn::Standard)
        );
        assert_eq!(parse_builtin(b"/FontName /X def"), None);
        assert_eq!(parse_builtin(b"/Encoding 256 array"), None);
    }

    #[test]
    fn subset_tags_are_not_part_of_the_name() {
        assert_eq!(without_subset_tag(b"ABCDEF+ZapfDingbats"), b"ZapfDingbats");
        assert_eq!(without_subset_tag(b"ZapfDingbats"), b"ZapfDingbats");
        assert_eq!(without_subset_tag(b"abcdef+X"), b"abcdef+X");
    }
}
