//! Every line of the Arabic fixture programmes (fixtures/pdf/*-ar.pdf, made
//! by LibreOffice, Word and Chromium) in logical order: the Unicode
//! Bidirectional Algorithm (the `unicode-bidi` crate) lays each extracted
//! line's text out in the order its glyphs were drawn, left to right.

use std::path::PathBuf;

use unicode_bidi::{BidiInfo, Level};
use unprog_extract::model::{Char, TextLine};
use unprog_extract::script::{is_combining_mark, is_rtl};
use unprog_extract::{extract_path, Settings};

fn arabic_fixtures() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/pdf");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures/pdf")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with("-ar.pdf"))
        })
        .collect();
    v.sort();
    v
}

/// What the comparison looks at: no whitespace (the extractor puts spaces
/// where gaps are), no combining marks (a zero-width mark is drawn anywhere
/// over its letter), no superscript boundaries.
fn comparable(s: &str) -> String {
    s.chars()
        .filter(|&c| !c.is_whitespace() && !is_combining_mark(c) && c != '\u{FFFC}')
        .collect()
}

/// The line's glyphs in the order they were drawn, left to right: a glyph of
/// several right-to-left letters (lam-alef) holds them in logical order.
fn drawn(line: &TextLine, chars: &[Char]) -> String {
    let mut mine: Vec<&Char> = chars
        .iter()
        .filter(|c| {
            let centre = (c.x0 + c.x1) / 2.0;
            line.words.iter().any(|w| {
                centre >= w.x0 - 0.01
                    && centre <= w.x1 + 0.01
                    && c.top < w.bottom
                    && c.bottom > w.top
                    && (c.baseline - w.baseline).abs() < 0.5 * w.size.max(1.0)
            })
        })
        .collect();
    mine.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut out = String::new();
    for c in mine {
        if c.text.chars().nth(1).is_some() && c.text.chars().any(is_rtl) {
            out.extend(c.text.chars().rev());
        } else {
            out.push_str(&c.text);
        }
    }
    comparable(&out)
}

/// The line's text laid out by the bidi algorithm, superscripts set apart
/// (the extractor never joins a footnote marker's digits with a number's),
/// optionally after Arabic text earlier in its paragraph.
fn laid_out(line: &TextLine, after_arabic: bool) -> String {
    let mut text = String::new();
    if after_arabic {
        text.push('\u{0628}');
    }
    let mut at = 0;
    for s in &line.superscripts {
        text.push_str(line.text.get(at..s.start).unwrap_or_default());
        text.push('\u{FFFC}');
        text.push_str(&s.text);
        text.push('\u{FFFC}');
        at = s.end;
    }
    text.push_str(line.text.get(at..).unwrap_or_default());
    let level = if line.rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(&text, Some(level));
    let mut out = String::new();
    for para in &info.paragraphs {
        out.push_str(&info.reorder_line(para, para.range.clone()));
    }
    if after_arabic {
        out = out.replacen('\u{0628}', "", 1);
    }
    comparable(&out)
}

#[test]
fn every_arabic_fixture_line_lays_out_as_it_was_drawn() {
    let pdfs = arabic_fixtures();
    assert!(pdfs.len() >= 8, "the Arabic fixtures are missing");
    let mut lines = 0;
    let mut empty = 0;
    let mut failures = Vec::new();
    for pdf in &pdfs {
        let layout = extract_path(pdf, &Settings::default()).expect("fixture extracts");
        for page in &layout.pages {
            for line in &page.text_lines {
                lines += 1;
                let glyphs = drawn(line, &page.chars);
                if glyphs.is_empty() {
                    empty += 1;
                }
                let ok =
                    laid_out(line, false) == glyphs || (line.rtl && laid_out(line, true) == glyphs);
                if !ok {
                    failures.push(format!(
                        "{} p{}: {:?} (rtl {}) lays out as {:?}, drawn {:?}",
                        pdf.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
                        page.number,
                        line.text,
                        line.rtl,
                        laid_out(line, line.rtl),
                        glyphs
                    ));
                }
            }
        }
    }
    assert!(lines > 500, "only {lines} lines");
    assert!(
        empty * 100 < lines,
        "{empty} of {lines} lines without glyphs"
    );
    assert!(
        failures.is_empty(),
        "{} of {lines} lines:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
