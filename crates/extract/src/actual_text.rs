//! `/ActualText`: the text a document means where its glyphs say otherwise.
//!
//! A marked-content sequence may carry the text its content stands for
//! (`/Span <</ActualText (…)>> BDC … EMC`, PDF 32000-1 §14.9.4). Browsers
//! use it where their font maps a glyph to the wrong character: Chromium's
//! print to PDF wraps every Chinese character its font maps to a Kangxi
//! radical (月 drawn from a glyph whose ToUnicode says ⽉), and mirrored
//! brackets in Arabic. Like poppler, we let the glyphs shown inside a span
//! give way to the span's text. The content interpreter records the span of
//! each text-showing step ([`crate::content::ShowStep::span`]), so this
//! works for pdf-extract's glyphs (aligned to the scan by step) as well as
//! for our own.

use std::collections::HashMap;

use pdf_extract::{Object, StringFormat};

use crate::Placed;

/// Longest span text kept, in characters: a span stands for a glyph, a word
/// or a line, not for a page.
pub(crate) const MAX_SPAN_CHARS: usize = 1024;

/// Decodes a PDF text string: UTF-16BE after a byte order mark (lone
/// surrogates become U+FFFD), UTF-8 after its mark (PDF 2.0), PDFDocEncoding
/// otherwise. Language escapes (`ESC lang ESC`) are removed; at most
/// [`MAX_SPAN_CHARS`] characters are kept.
pub(crate) fn decode_text_string(bytes: &[u8]) -> String {
    let text: String = if let Some(utf16) = bytes.strip_prefix(b"\xFE\xFF") {
        let units = utf16
            .chunks_exact(2)
            .take(2 * MAX_SPAN_CHARS)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]));
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    } else if let Some(utf8) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(&utf8[..utf8.len().min(4 * MAX_SPAN_CHARS)]).into_owned()
    } else {
        let bytes = &bytes[..bytes.len().min(MAX_SPAN_CHARS)];
        pdf_extract::decode_text_string(&Object::String(bytes.to_vec(), StringFormat::Literal))
            .unwrap_or_else(|_| bytes.iter().map(|&b| char::from(b)).collect())
    };
    without_language_escapes(&text)
        .chars()
        .take(MAX_SPAN_CHARS)
        .collect()
}

/// Removes the language marks of a text string: ESC, a two-letter language
/// code and an optional two-letter country code, ESC. A lone ESC is left
/// (it is a control character: the glyph text cleaner drops it).
fn without_language_escapes(text: &str) -> std::borrow::Cow<'_, str> {
    const ESC: char = '\u{1B}';
    if !text.contains(ESC) {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut k = 0;
    while k < chars.len() {
        if chars[k] == ESC {
            let close = chars[k + 1..]
                .iter()
                .take(5)
                .position(|&c| c == ESC)
                .filter(|&n| {
                    (n == 2 || n == 4)
                        && chars[k + 1..k + 1 + n]
                            .iter()
                            .all(char::is_ascii_alphabetic)
                });
            if let Some(n) = close {
                k += n + 2;
                continue;
            }
        }
        out.push(chars[k]);
        k += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// Puts each span's text in place of the glyphs shown inside it.
///
/// The glyphs of one span become one glyph holding the span's whole text,
/// over their combined extent, at the place of the span's first glyph;
/// font, size and baseline are the first glyph's. A span with empty text
/// removes its glyphs; a span without glyphs gives nothing (as in poppler).
/// Glyphs outside spans pass unchanged and in order.
///
/// One glyph rather than the text spread over the glyphs: the span's text
/// is in logical order and need not match the glyphs one to one (a ligature,
/// a reordered Indic vowel, a right-to-left run painted left to right), and
/// the line builder already reads a glyph of several letters in logical
/// order (ligatures, lam-alef), reversing it inside right-to-left lines;
/// spreading would make up boxes and need the direction of the text first.
pub(crate) fn apply(glyphs: Vec<Placed>, spans: &[String]) -> Vec<Placed> {
    if glyphs.iter().all(|g| g.span.is_none()) {
        return glyphs;
    }
    let mut out: Vec<Placed> = Vec::with_capacity(glyphs.len());
    // Where each span's glyph is in `out`, and the widest advance among its
    // glyphs so far: the span sits on that glyph's baseline (a mark drawn
    // first, raised above its letter, must not lift the whole span).
    let mut slot: HashMap<usize, (usize, f64)> = HashMap::new();
    for g in glyphs {
        let Some((span, text)) = g.span.and_then(|k| spans.get(k).map(|t| (k, t))) else {
            out.push(g);
            continue;
        };
        let usable = [g.x, g.y, g.advance, g.size].iter().all(|v| v.is_finite()) && g.size > 0.0;
        if text.is_empty() || !usable {
            continue;
        }
        let (x0, x1) = (g.x.min(g.x + g.advance), g.x.max(g.x + g.advance));
        let width = x1 - x0;
        match slot
            .get_mut(&span)
            .and_then(|(i, widest)| out.get_mut(*i).map(|m| (m, widest)))
        {
            Some((merged, widest)) => {
                let lo = merged.x.min(x0);
                let hi = (merged.x + merged.advance).max(x1);
                merged.x = lo;
                merged.advance = hi - lo;
                if width > *widest {
                    *widest = width;
                    merged.y = g.y;
                    merged.size = g.size;
                }
            }
            None => {
                slot.insert(span, (out.len(), width));
                out.push(Placed {
                    text: text.clone(),
                    x: x0,
                    advance: x1 - x0,
                    span: None,
                    ..g
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f64, advance: f64, span: Option<usize>) -> Placed {
        Placed {
            text: text.into(),
            x,
            y: 700.0,
            advance,
            size: 10.0,
            upright: true,
            font: Some(0),
            span,
        }
    }

    fn summary(glyphs: &[Placed]) -> Vec<(String, f64, f64)> {
        glyphs
            .iter()
            .map(|g| (g.text.clone(), g.x, g.x + g.advance))
            .collect()
    }

    #[test]
    fn text_strings_decode_in_each_encoding() {
        assert_eq!(decode_text_string(b"\xFE\xFF\x65\xE5"), "日");
        // A character beyond the BMP, as a surrogate pair.
        assert_eq!(decode_text_string(b"\xFE\xFF\xD8\x41\xDE\x28"), "\u{20628}");
        assert_eq!(decode_text_string(b"\xFE\xFF\xD8\x40"), "\u{FFFD}");
        assert_eq!(decode_text_string(b"\xEF\xBB\xBF\xE6\x9C\x88"), "月");
        // PDFDocEncoding: 0x84 is an em dash, 0x93 the fi ligature.
        assert_eq!(decode_text_string(b"a\x84b\x93"), "a\u{2014}b\u{FB01}");
        assert_eq!(decode_text_string(b""), "");
        assert_eq!(decode_text_string(b"\xFE\xFF"), "");
    }

    #[test]
    fn language_escapes_are_removed() {
        // ESC "zh" ESC, then 日; ESC "enUS" ESC, then "a".
        assert_eq!(
            decode_text_string(b"\xFE\xFF\x00\x1B\x00z\x00h\x00\x1B\x65\xE5"),
            "日"
        );
        assert_eq!(without_language_escapes("\u{1B}enUS\u{1B}a"), "a");
        // Not a language mark: left for the glyph text cleaner.
        assert_eq!(without_language_escapes("a\u{1B}b"), "a\u{1B}b");
    }

    #[test]
    fn span_text_is_bounded() {
        let mut long = b"\xFE\xFF".to_vec();
        for _ in 0..5000 {
            long.extend_from_slice(b"\x65\xE5");
        }
        assert_eq!(decode_text_string(&long).chars().count(), MAX_SPAN_CHARS);
        assert_eq!(decode_text_string(&[b'a'; 5000]).len(), MAX_SPAN_CHARS);
    }

    #[test]
    fn the_glyphs_of_a_span_become_one_glyph_with_its_text_over_their_box() {
        let spans = vec!["日".to_string(), "fi".to_string()];
        let glyphs = vec![
            glyph("A", 50.0, 5.0, None),
            glyph("\u{2F47}", 60.0, 10.0, Some(0)),
            glyph("f", 80.0, 3.0, Some(1)),
            glyph("", 83.0, 3.0, Some(1)),
            glyph("B", 90.0, 5.0, None),
        ];
        assert_eq!(
            summary(&apply(glyphs, &spans)),
            [
                ("A".to_string(), 50.0, 55.0),
                ("日".to_string(), 60.0, 70.0),
                ("fi".to_string(), 80.0, 86.0),
                ("B".to_string(), 90.0, 95.0),
            ]
        );
    }

    #[test]
    fn an_empty_span_removes_its_glyphs_and_stray_indices_are_ignored() {
        let spans = vec![String::new()];
        let glyphs = vec![
            glyph("x", 60.0, 5.0, Some(0)),
            glyph("y", 65.0, 5.0, Some(7)),
        ];
        assert_eq!(
            summary(&apply(glyphs, &spans)),
            [("y".to_string(), 65.0, 70.0)]
        );
    }

    #[test]
    fn a_span_painted_right_to_left_covers_all_its_glyphs() {
        // Negative advances (a mirrored text matrix) and glyphs out of order.
        let spans = vec!["ab".to_string()];
        let glyphs = vec![
            glyph("b", 70.0, -5.0, Some(0)),
            glyph("a", 60.0, 5.0, Some(0)),
        ];
        assert_eq!(
            summary(&apply(glyphs, &spans)),
            [("ab".to_string(), 60.0, 70.0)]
        );
    }
}
