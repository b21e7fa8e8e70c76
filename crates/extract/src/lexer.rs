//! A content-stream lexer: bytes to operators with their operands.
//!
//! lopdf's parser is general (nom combinators) and was a fifth of the whole
//! conversion time; content streams need only this much. Nesting is handled
//! with an explicit stack, bounded, so hostile streams cannot overflow it;
//! inline images (`BI … ID … EI`) are skipped; anything unreadable is
//! skipped a byte at a time, as other readers do.

use pdf_extract::{Dictionary, Object, StringFormat};

use crate::syntax::{hex_value, is_regular, is_white, literal_string};

/// One operator and its operands; the operator borrows the stream's bytes.
#[derive(Debug)]
pub(crate) struct Operation<'a> {
    pub operator: &'a str,
    pub operands: Vec<Object>,
}

/// Deepest nesting of arrays and dictionaries kept.
const MAX_DEPTH: usize = 32;

enum Frame {
    Array(Vec<Object>),
    Dict(Vec<Object>),
}

/// Splits a content stream into operations.
pub(crate) fn operations(data: &[u8]) -> Vec<Operation<'_>> {
    let mut ops = Vec::new();
    let mut operands: Vec<Object> = Vec::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    let n = data.len();
    let push = |obj: Object, operands: &mut Vec<Object>, frames: &mut Vec<Frame>| match frames
        .last_mut()
    {
        Some(Frame::Array(v)) | Some(Frame::Dict(v)) => v.push(obj),
        None => operands.push(obj),
    };
    while i < n {
        let b = data[i];
        if is_white(b) {
            i += 1;
            continue;
        }
        match b {
            b'%' => {
                while i < n && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'/' => {
                let start = i + 1;
                i = start;
                while i < n && is_regular(data[i]) {
                    i += 1;
                }
                push(
                    Object::Name(unescape_name(&data[start..i])),
                    &mut operands,
                    &mut frames,
                );
            }
            b'(' => {
                let read = literal_string(data, i + 1);
                i = read.end;
                push(
                    Object::String(read.bytes, StringFormat::Literal),
                    &mut operands,
                    &mut frames,
                );
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                i += 2;
                if frames.len() < MAX_DEPTH {
                    frames.push(Frame::Dict(Vec::new()));
                }
            }
            b'>' if data.get(i + 1) == Some(&b'>') => {
                i += 2;
                if let Some(Frame::Dict(items)) = frames.last() {
                    let mut dict = Dictionary::new();
                    for pair in items.chunks(2) {
                        if let [Object::Name(k), v] = pair {
                            dict.set(k.clone(), v.clone());
                        }
                    }
                    frames.pop();
                    push(Object::Dictionary(dict), &mut operands, &mut frames);
                }
            }
            b'<' => {
                let start = i + 1;
                i = start;
                while i < n && data[i] != b'>' {
                    i += 1;
                }
                let s = hex_string(&data[start..i.min(n)]);
                i += 1;
                push(
                    Object::String(s, StringFormat::Hexadecimal),
                    &mut operands,
                    &mut frames,
                );
            }
            b'[' => {
                i += 1;
                if frames.len() < MAX_DEPTH {
                    frames.push(Frame::Array(Vec::new()));
                }
            }
            b']' => {
                i += 1;
                if let Some(Frame::Array(_)) = frames.last() {
                    if let Some(Frame::Array(items)) = frames.pop() {
                        push(Object::Array(items), &mut operands, &mut frames);
                    }
                }
            }
            b')' | b'>' | b'{' | b'}' => i += 1,
            _ => {
                let start = i;
                while i < n && is_regular(data[i]) {
                    i += 1;
                }
                let token = &data[start..i];
                if let Some(num) = number(token) {
                    push(num, &mut operands, &mut frames);
                    continue;
                }
                match token {
                    b"true" => push(Object::Boolean(true), &mut operands, &mut frames),
                    b"false" => push(Object::Boolean(false), &mut operands, &mut frames),
                    b"null" => push(Object::Null, &mut operands, &mut frames),
                    _ => {
                        // An operator ends any unclosed array or dictionary.
                        frames.clear();
                        if token == b"BI" {
                            i = skip_inline_image(data, i);
                            operands.clear();
                            continue;
                        }
                        ops.push(Operation {
                            operator: std::str::from_utf8(token).unwrap_or(""),
                            operands: std::mem::take(&mut operands),
                        });
                    }
                }
            }
        }
    }
    ops
}

fn number(token: &[u8]) -> Option<Object> {
    let first = *token.first()?;
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return None;
    }
    let s = std::str::from_utf8(token).ok()?;
    if !s.contains('.') {
        if let Ok(v) = s.parse::<i64>() {
            return Some(Object::Integer(v));
        }
    }
    // PDF reals have no exponent; tolerate a doubled sign ("--5") as writers do.
    let cleaned = s.trim_start_matches(['+', '-']);
    let negative = s.starts_with('-');
    let v: f64 = if cleaned.is_empty() || cleaned == "." {
        0.0
    } else {
        cleaned.parse().ok()?
    };
    let v = if negative { -v } else { v };
    Some(Object::Real(v as f32))
}

fn unescape_name(raw: &[u8]) -> Vec<u8> {
    if !raw.contains(&b'#') {
        return raw.to_vec();
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut k = 0;
    while k < raw.len() {
        if raw[k] == b'#' && k + 2 < raw.len() {
            if let (Some(h), Some(l)) = (hex_value(raw[k + 1]), hex_value(raw[k + 2])) {
                out.push(h * 16 + l);
                k += 3;
                continue;
            }
        }
        out.push(raw[k]);
        k += 1;
    }
    out
}

fn hex_string(raw: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = raw.iter().filter_map(|&b| hex_value(b)).collect();
    digits
        .chunks(2)
        .map(|p| p[0] * 16 + p.get(1).copied().unwrap_or(0))
        .collect()
}

/// Skips an inline image from after `BI`: its dictionary, `ID`, the data, and
/// `EI` (preceded and followed by white space).
fn skip_inline_image(data: &[u8], mut i: usize) -> usize {
    // Find "ID" as a token.
    while i + 1 < data.len() {
        if data[i] == b'I'
            && data[i + 1] == b'D'
            && (i == 0 || is_white(data[i - 1]))
            && data.get(i + 2).is_none_or(|&b| is_white(b))
        {
            i += 3;
            break;
        }
        i += 1;
    }
    while i + 1 < data.len() {
        if data[i] == b'E'
            && data[i + 1] == b'I'
            && i > 0
            && is_white(data[i - 1])
            && data.get(i + 2).is_none_or(|&b| is_white(b))
        {
            return i + 2;
        }
        i += 1;
    }
    data.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_operators_with_their_operands() {
        let ops = operations(
            b"BT /F1 12 Tf 72.5 -700 Td (Hi \\(there\\)) Tj [(A) -250 (B)] TJ <0041> Tj ET",
        );
        let names: Vec<&str> = ops.iter().map(|o| o.operator).collect();
        assert_eq!(names, ["BT", "Tf", "Td", "Tj", "TJ", "Tj", "ET"]);
        assert_eq!(
            ops[1].operands,
            vec![Object::Name(b"F1".to_vec()), Object::Integer(12)]
        );
        assert_eq!(
            ops[2].operands,
            vec![Object::Real(72.5), Object::Integer(-700)]
        );
        assert_eq!(
            ops[3].operands,
            vec![Object::String(
                b"Hi (there)".to_vec(),
                StringFormat::Literal
            )]
        );
        assert!(matches!(&ops[4].operands[0], Object::Array(a) if a.len() == 3));
        assert_eq!(
            ops[5].operands,
            vec![Object::String(vec![0, 0x41], StringFormat::Hexadecimal)]
        );
    }

    #[test]
    fn skips_inline_images_comments_and_marked_content_dictionaries() {
        let ops =
            operations(b"% comment\n/P <</MCID 3>> BDC BI /W 2 /H 2 ID \x00\xffEI junk\n EI Q EMC");
        let names: Vec<&str> = ops.iter().map(|o| o.operator).collect();
        assert_eq!(names, ["BDC", "Q", "EMC"]);
        assert!(matches!(&ops[0].operands[1], Object::Dictionary(d) if d.get(b"MCID").is_ok()));
    }

    #[test]
    fn hostile_nesting_and_garbage_do_not_break_it() {
        let mut deep = vec![b'['; 100_000];
        deep.extend_from_slice(b" 1 2 re");
        let ops = operations(&deep);
        assert_eq!(ops.len(), 1);
        let junk = operations(b"\xff\xfe)>}{ (unterminated");
        assert!(junk.iter().all(|o| o.operator != "Tj"));
    }
}
