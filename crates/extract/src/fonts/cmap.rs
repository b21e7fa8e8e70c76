//! A tolerant reader for ToUnicode CMaps (`bfchar` and `bfrange` sections).
//!
//! pdf-extract and lopdf both give up on some real CMaps (a CMap name with a
//! space in it is enough); this reader only looks for the hex strings inside
//! the sections it needs and skips everything else.

use std::collections::HashMap;

/// Code → Unicode text, with the byte length of the codes.
#[derive(Debug, Default, Clone)]
pub(crate) struct ToUnicode {
    map: HashMap<u32, String>,
    /// Byte length of codes (from the codespace ranges; 1 or 2 in practice).
    pub code_len: usize,
}

/// Upper bound on entries, against hostile CMaps with huge ranges.
const MAX_ENTRIES: usize = 200_000;

impl ToUnicode {
    /// Parses a CMap program. Returns `None` when it holds no mapping at all.
    pub fn parse(data: &[u8]) -> Option<ToUnicode> {
        let text = String::from_utf8_lossy(data);
        let mut out = ToUnicode {
            map: HashMap::new(),
            code_len: 0,
        };
        for section in sections(&text, "begincodespacerange", "endcodespacerange") {
            if let Some(Token::Hex(lo)) = tokens(section).first() {
                out.code_len = out.code_len.max(lo.len().clamp(1, 4));
            }
        }
        for section in sections(&text, "beginbfchar", "endbfchar") {
            let toks = tokens(section);
            for pair in toks.chunks(2) {
                if let [Token::Hex(src), Token::Hex(dst)] = pair {
                    out.code_len = out.code_len.max(src.len().min(4));
                    out.insert(number(src), utf16(dst));
                }
            }
        }
        for section in sections(&text, "beginbfrange", "endbfrange") {
            let toks = tokens(section);
            let mut i = 0;
            while i + 2 < toks.len() && out.map.len() < MAX_ENTRIES {
                let (Token::Hex(lo), Token::Hex(hi)) = (&toks[i], &toks[i + 1]) else {
                    i += 1;
                    continue;
                };
                out.code_len = out.code_len.max(lo.len().min(4));
                let (lo, hi) = (number(lo), number(hi));
                match &toks[i + 2] {
                    Token::Hex(dst) => {
                        let base: Vec<u16> = dst
                            .chunks(2)
                            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                            .collect();
                        for (k, code) in (lo..=hi).take(MAX_ENTRIES).enumerate() {
                            let mut units = base.clone();
                            if let Some(last) = units.last_mut() {
                                *last = last.wrapping_add(k as u16);
                            }
                            out.insert(code, String::from_utf16_lossy(&units));
                        }
                    }
                    Token::Array(items) => {
                        for (code, dst) in (lo..=hi).zip(items) {
                            out.insert(code, utf16(dst));
                        }
                    }
                }
                i += 3;
            }
        }
        if out.map.is_empty() {
            return None;
        }
        if out.code_len == 0 {
            out.code_len = 1;
        }
        Some(out)
    }

    fn insert(&mut self, code: u32, text: String) {
        if self.map.len() < MAX_ENTRIES {
            self.map.insert(code, text);
        }
    }

    /// The text of one code.
    pub fn get(&self, code: u32) -> Option<&str> {
        self.map.get(&code).map(String::as_str)
    }
}

enum Token {
    Hex(Vec<u8>),
    Array(Vec<Vec<u8>>),
}

fn sections<'a>(text: &'a str, begin: &str, end: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(b) = rest.find(begin) {
        let after = &rest[b + begin.len()..];
        let e = after.find(end).unwrap_or(after.len());
        out.push(&after[..e]);
        rest = &after[e..];
        if out.len() > 10_000 {
            break;
        }
    }
    out
}

fn tokens(section: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = section.char_indices().peekable();
    let mut array: Option<Vec<Vec<u8>>> = None;
    while let Some((i, c)) = chars.next() {
        match c {
            '<' => {
                let start = i + 1;
                let mut end = start;
                for (j, d) in chars.by_ref() {
                    if d == '>' {
                        end = j;
                        break;
                    }
                }
                let hex = decode_hex(&section[start..end.max(start)]);
                match array.as_mut() {
                    Some(a) => a.push(hex),
                    None => out.push(Token::Hex(hex)),
                }
            }
            '[' => array = Some(Vec::new()),
            ']' => {
                if let Some(a) = array.take() {
                    out.push(Token::Array(a));
                }
            }
            _ => {}
        }
    }
    out
}

fn decode_hex(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s.bytes().filter(u8::is_ascii_hexdigit).collect();
    digits
        .chunks(2)
        .map(|pair| {
            let hi = (pair[0] as char).to_digit(16).unwrap_or(0);
            let lo = pair
                .get(1)
                .and_then(|&c| (c as char).to_digit(16))
                .unwrap_or(0);
            (hi * 16 + lo) as u8
        })
        .collect()
}

fn number(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, b| (acc << 8) | u32::from(*b))
}

fn utf16(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect();
    String::from_utf16_lossy(&units)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CMAP: &[u8] = b"/CMapName /-Users-x-Library-Fonts-XB Niloofar.ttf,000-UTF16 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar
<0003> <0020>
<0163> <0627>
endbfchar
2 beginbfrange
<000B> <000D> <0028>
<0200> <0201> [<0041> <00420043>]
endbfrange";

    #[test]
    fn reads_chars_ranges_and_arrays_despite_an_odd_cmap_name() {
        let m = ToUnicode::parse(CMAP).expect("parses");
        assert_eq!(m.code_len, 2);
        assert_eq!(m.get(3), Some(" "));
        assert_eq!(m.get(0x163), Some("ا"));
        assert_eq!(m.get(0x0C), Some(")"));
        assert_eq!(m.get(0x201), Some("BC"));
        assert_eq!(m.get(0x999), None);
    }

    #[test]
    fn garbage_gives_nothing() {
        assert!(ToUnicode::parse(b"\x00\xff garbage beginbfchar <zz> endbfchar").is_none());
    }
}
