//! Reading a PDF whose cross-reference table is missing or wrong (a
//! truncated download, a damaged file): the objects are found by scanning the
//! bytes for `N G obj`, a new table is written after them, and lopdf reads
//! the result.

use pdf_extract::Document;

/// What recovery found.
pub(crate) struct Recovered {
    pub doc: Document,
    /// Objects found by the scan.
    pub objects: usize,
}

/// Scans `bytes` for objects and loads them with a rebuilt cross-reference
/// table. `None` when no catalog can be found.
pub(crate) fn recover(bytes: &[u8]) -> Option<Recovered> {
    let mut offsets: Vec<(u32, u16, usize)> = Vec::new();
    let mut i = 0;
    while let Some(pos) = find(bytes, b" obj", i) {
        i = pos + 4;
        // Walk back over "N G" before " obj".
        let Some((gen, gen_start)) = number_before(bytes, pos) else {
            continue;
        };
        if gen_start == 0 || bytes[gen_start - 1] != b' ' {
            continue;
        }
        let Some((num, num_start)) = number_before(bytes, gen_start - 1) else {
            continue;
        };
        let at_line_start =
            num_start == 0 || matches!(bytes[num_start - 1], b'\n' | b'\r' | b' ' | b'>');
        if !at_line_start || num == 0 || num > 10_000_000 || gen > 65_535 {
            continue;
        }
        offsets.push((num as u32, gen as u16, num_start));
        if offsets.len() > 2_000_000 {
            break;
        }
    }
    if offsets.is_empty() {
        return None;
    }
    let body_of = |off: usize| {
        let end = find(bytes, b"endobj", off)
            .unwrap_or(bytes.len())
            .min(off + 4096);
        &bytes[off..end]
    };
    let mut latest: std::collections::BTreeMap<u32, (u16, usize)> =
        std::collections::BTreeMap::new();
    for &(num, gen, off) in &offsets {
        latest.insert(num, (gen, off));
    }
    let mut size = latest.keys().next_back().copied().unwrap_or(0) + 1;
    let mut out = bytes.to_vec();
    out.extend_from_slice(b"\nendstream\nendobj\n");
    // The catalog: the last object whose body names /Type /Catalog. When it
    // was lost (files usually end with it), a new one lists the page objects
    // that survived.
    let catalog = match offsets
        .iter()
        .rev()
        .find(|(_, _, off)| find(body_of(*off), b"/Catalog", 0).is_some())
    {
        Some(&(num, gen, _)) => (num, gen),
        None => {
            let pages: Vec<u32> = latest
                .iter()
                .filter(|(_, (_, off))| {
                    let body = body_of(*off);
                    find(body, b"/Type/Page", 0)
                        .or(find(body, b"/Type /Page", 0))
                        .is_some_and(|p| {
                            let after = body
                                .get(p + 10..)
                                .and_then(|r| r.iter().find(|b| !b.is_ascii_whitespace()));
                            !matches!(after, Some(b's'))
                        })
                })
                .map(|(n, _)| *n)
                .collect();
            if pages.is_empty() {
                return None;
            }
            let (cat, tree) = (size, size + 1);
            size += 2;
            let kids: Vec<String> = pages.iter().map(|n| format!("{n} 0 R")).collect();
            for (num, body) in [
                (cat, format!("<< /Type /Catalog /Pages {tree} 0 R >>")),
                (
                    tree,
                    format!(
                        "<< /Type /Pages /Kids [{}] /Count {} >>",
                        kids.join(" "),
                        pages.len()
                    ),
                ),
            ] {
                latest.insert(num, (0, out.len()));
                out.extend_from_slice(format!("{num} 0 obj\n{body}\nendobj\n").as_bytes());
            }
            (cat, 0)
        }
    };
    let xref_at = out.len();
    out.extend_from_slice(&xref_table(&latest));
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {size} /Root {} {} R >>\nstartxref\n{xref_at}\n%%EOF\n",
            catalog.0, catalog.1
        )
        .as_bytes(),
    );
    let doc = Document::load_mem(&out).ok()?;
    Some(Recovered {
        doc,
        objects: latest.len(),
    })
}

/// The cross-reference table of the rebuilt file, one subsection per run of
/// consecutive object numbers: a damaged file may name object 7,001,168, and
/// a dense table up to it would be hundreds of megabytes for lopdf to read.
fn xref_table(objects: &std::collections::BTreeMap<u32, (u16, usize)>) -> Vec<u8> {
    let mut out = b"xref\n0 1\n0000000000 65535 f \n".to_vec();
    let entries: Vec<(u32, u16, usize)> = objects
        .iter()
        .filter(|(n, _)| **n > 0)
        .map(|(n, (gen, off))| (*n, *gen, *off))
        .collect();
    for run in entries.chunk_by(|a, b| b.0 == a.0 + 1) {
        out.extend_from_slice(format!("{} {}\n", run[0].0, run.len()).as_bytes());
        for (_, gen, off) in run {
            out.extend_from_slice(format!("{off:010} {gen:05} n \n").as_bytes());
        }
    }
    out
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The decimal number that ends just before `end`, and where it starts.
fn number_before(bytes: &[u8], end: usize) -> Option<(u64, usize)> {
    let mut start = end;
    while start > 0 && bytes[start - 1].is_ascii_digit() && end - start < 10 {
        start -= 1;
    }
    if start == end {
        return None;
    }
    std::str::from_utf8(&bytes[start..end])
        .ok()?
        .parse()
        .ok()
        .map(|n| (n, start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rebuilt_xref_lists_only_the_objects_found() {
        let objects: std::collections::BTreeMap<u32, (u16, usize)> = [
            (1, (0, 15)),
            (2, (0, 64)),
            (3, (0, 121)),
            (7_001_168, (0, 900)),
        ]
        .into_iter()
        .collect();
        let table = String::from_utf8(xref_table(&objects)).unwrap();
        assert_eq!(
            table,
            "xref\n0 1\n0000000000 65535 f \n\
             1 3\n0000000015 00000 n \n0000000064 00000 n \n0000000121 00000 n \n\
             7001168 1\n0000000900 00000 n \n"
        );
    }
}
