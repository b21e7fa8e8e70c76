//! The layout extractor on the fixture corpus (programmes made by LibreOffice
//! from ODT and Word documents and printed by Chromium, from
//! fixtures/source): text, columns, superscripts, links, page counts, and
//! agreement with poppler's pdftotext.

use crate::common;

use common::{all_fixture_pdfs, fixture_pdf, root};
use unprog_extract::{extract_path, Decoder, Layout, Settings};

/// Whether a fixture PDF is of an edition LibreOffice made from ODT (the
/// `odt` producer in its source, fixtures/source/*.json).
fn made_from_odt(pdf: &std::path::Path) -> bool {
    let name = name_of(pdf);
    let Some((edition, _lang)) = name.rsplit_once('-') else {
        return false;
    };
    std::fs::read_dir(root().join("fixtures/source"))
        .expect("fixtures/source")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n != "phrases.json"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter_map(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .any(|src| match src["editions"].as_array() {
            Some(eds) => eds
                .iter()
                .any(|e| e["name"] == edition && e["producer"] == "odt"),
            None => src["id"] == edition,
        })
}

fn name_of(pdf: &std::path::Path) -> String {
    pdf.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string()
}

fn layout(name: &str) -> Layout {
    extract_path(&fixture_pdf(name), &Settings::default()).expect("fixture extracts")
}

fn all_lines(l: &Layout) -> Vec<&str> {
    l.pages
        .iter()
        .flat_map(|p| p.text_lines.iter().map(|t| t.text.as_str()))
        .collect()
}

#[test]
fn every_fixture_reads_with_the_precise_decoder_and_no_warnings() {
    let pdfs = all_fixture_pdfs();
    assert!(pdfs.len() >= 3, "fixture corpus is missing");
    for pdf in pdfs {
        let l = extract_path(&pdf, &Settings::default())
            .unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
        assert!(l.warnings.is_empty(), "{}: {:?}", pdf.display(), l.warnings);
        assert_eq!(l.info.page_count, l.pages.len());
        for p in &l.pages {
            assert!(
                matches!(p.decoder, Decoder::PdfExtract | Decoder::Native),
                "{} page {}: {:?}",
                pdf.display(),
                p.number,
                p.decoder
            );
            assert!(!p.text_lines.is_empty());
            // Every glyph's font is known (list bullets a browser drew as
            // discs are "•" without a font).
            assert!(
                p.chars.iter().all(|c| c.font.is_some() || c.text == "•"),
                "font names known"
            );
        }
    }
}

#[test]
fn page_counts_and_document_facts_are_right() {
    let en = layout("oewg-s4-en");
    assert_eq!(en.info.page_count, 3);
    assert_eq!(en.info.title.as_deref(), Some("A/AC.292/2023/INF/1"));
    assert_eq!(
        en.info
            .producer
            .as_deref()
            .map(|p| p.starts_with("LibreOffice")),
        Some(true)
    );
    assert!(!en.info.encrypted);
    assert!((en.pages[0].width - 612.0).abs() < 0.5 && (en.pages[0].height - 792.0).abs() < 0.5);
    assert_eq!(layout("oewg-s4-zh").info.page_count, 2);
}

#[test]
fn chinese_text_has_no_invented_spaces() {
    let zh = layout("oewg-s4-zh");
    let lines = all_lines(&zh);
    for expected in [
        "议程项目 5：关于大会第 75/240 号决议第 1 段所载实质性问题的讨论1",
        "(d) 继续研究信息安全特别是数据安全领域的现有和潜在威胁，以及为防止和",
        "2023 年 3 月 6 日至 10 日，纽约",
        "3 月 6 日，星期一",
    ] {
        assert!(
            lines.contains(&expected),
            "missing line {expected:?} in {lines:#?}"
        );
    }
    // No space between two Han characters anywhere on any line.
    for line in &lines {
        let chars: Vec<char> = line.chars().collect();
        for w in chars.windows(3) {
            let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
            assert!(
                !(han(w[0]) && w[1] == ' ' && han(w[2])),
                "invented space in {line:?}"
            );
        }
    }
}

#[test]
fn the_two_table_columns_separate_by_x() {
    for name in ["oewg-s4-en", "oewg-s4-zh"] {
        let l = layout(name);
        let page = &l.pages[0];
        let head_left = page
            .text_lines
            .iter()
            .find(|t| t.text == "Date/time" || t.text == "日期/时间")
            .expect("header");
        let head_right = page
            .text_lines
            .iter()
            .find(|t| t.text == "Agenda item/programme" || t.text == "议程项目/方案")
            .expect("header");
        let boundary = head_right.x0 - 2.0;
        assert!(head_left.x1 < boundary);
        // The time of the first slot is a line of its own, left of the boundary,
        // on the same row as the first line of the right cell.
        let time = page
            .text_lines
            .iter()
            .find(|t| t.text == "10 a.m.–1 p.m." || t.text == "上午 10 时至下午 1 时")
            .expect("time cell line");
        assert!(
            time.x1 < boundary,
            "{name}: time cell crosses the column boundary"
        );
        let right = page
            .text_lines
            .iter()
            .find(|t| (t.baseline - time.baseline).abs() < 1.0 && t.x0 > boundary)
            .expect("right cell on the same row");
        assert!(
            right.text == "Opening of the session" || right.text == "会议开幕",
            "{}",
            right.text
        );
    }
}

#[test]
fn footnote_markers_are_superscripts_and_body_text_is_not() {
    for name in ["oewg-s4-en", "oewg-s4-zh", "oewg-s4-ar"] {
        let l = layout(name);
        let page = &l.pages[0];
        let sup: Vec<&str> = page
            .chars
            .iter()
            .filter(|c| c.superscript)
            .map(|c| c.text.as_str())
            .collect();
        // One marker in the text; the footnote's own number at the page foot is
        // set at the same raised size by LibreOffice.
        assert!(sup.contains(&"1"), "{name}: no superscript marker");
        assert!(
            sup.iter().all(|s| *s == "1"),
            "{name}: unexpected superscripts {sup:?}"
        );
        let marker_words: Vec<_> = page.words().filter(|w| w.superscript).collect();
        assert!(!marker_words.is_empty());
        assert!(marker_words.iter().all(|w| w.size < 8.0));
    }
}

#[test]
fn link_uris_are_found_with_their_boxes() {
    let en = layout("oewg-s4-en");
    let uris: Vec<&str> = en
        .pages
        .iter()
        .flat_map(|p| p.links.iter().filter_map(|l| l.uri.as_deref()))
        .collect();
    for u in [
        "https://undocs.org/A/AC.292/2021/1",
        "https://undocs.org/A/77/275",
        "https://undocs.org/A/75/816",
    ] {
        assert!(uris.contains(&u), "missing {u} in {uris:?}");
    }
    // The link box sits on the symbol's words.
    let page = &en.pages[0];
    let link = page
        .links
        .iter()
        .find(|l| l.uri.as_deref() == Some("https://undocs.org/A/AC.292/2021/1"))
        .expect("link");
    let word = page
        .words()
        .find(|w| w.text.starts_with("A/AC.292/2021/1"))
        .expect("word");
    assert!(
        word.x0 >= link.x0 - 1.0
            && word.x1 <= link.x1 + 3.0
            && word.baseline > link.top
            && word.baseline < link.bottom
    );
}

#[test]
fn table_borders_and_the_footnote_rule_are_drawn_edges() {
    let en = layout("oewg-s4-en");
    let page = &en.pages[0];
    let edges = page.edges(2.0);
    assert!(
        edges.iter().filter(|e| !e.horizontal).count() >= 3,
        "vertical cell borders"
    );
    // The footnote separator: a short horizontal rule above the footnote text.
    let foot = page
        .text_lines
        .iter()
        .find(|t| t.text.starts_with("States are strongly"))
        .expect("footnote line");
    assert!(edges.iter().any(|e| e.horizontal
        && e.bottom < foot.top
        && foot.top - e.bottom < 20.0
        && e.x1 - e.x0 < 200.0));
}

#[test]
fn arabic_comes_out_in_logical_order() {
    let ar = layout("oewg-s4-ar");
    let lines = all_lines(&ar);
    for expected in [
        "البند 5 من جدول الأعمال: مناقشة المسائل الموضوعية الواردة في الفقرة 1 من قرار",
        "الجمعية العامة 75/2401",
        "المرحلي السنوي لعام 2022 (A/77/275):",
        "الاثنين، 6 آذار/مارس",
        "10:00 - 13:00",
        "الملاحظات الافتتاحية",
        "تُشجَّع الدول بقوة على أن تركز في بياناتها في إطار البند 5 من جدول الأعمال على المواضيع ونقاط النقاش المحددة التي حُددت للمتابعة في",
    ] {
        assert!(lines.contains(&expected), "missing line {expected:?}");
    }
    // Right-to-left rows read right to left: the date/time cell (on the right)
    // comes before the programme cell.
    let header = ar.pages[0].text(&Settings::default());
    assert!(header.contains("التاريخ/الوقت  البند/البرنامج"), "{header}");
}

/// Lines of text with whitespace removed and empty lines dropped.
fn squeeze(text: &str) -> Vec<String> {
    text.split(['\n', '\x0c'])
        .map(|l| {
            l.chars()
                .filter(|c| !c.is_whitespace())
                // Word's Symbol-font bullet, which poppler leaves as the
                // private-use code and unprog reads as the bullet it draws.
                .map(|c| if c == '\u{F0B7}' { '•' } else { c })
                .collect::<String>()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

fn sorted_chars(a: &str, b: &str) -> Vec<char> {
    let mut v: Vec<char> = a.chars().chain(b.chars()).collect();
    v.sort_unstable();
    v
}

/// `unprog text` against `pdftotext -layout` (checked in under
/// fixtures/text/pdftotext-layout): the same characters in the same order on every line,
/// whitespace aside. Where the two tools put a line on different rows of a
/// two-line block (a 16-point heading beside 10-point text), the block must
/// hold the same characters; at most one such block per document.
#[test]
fn text_matches_pdftotext_line_by_line() {
    // LibreOffice's PDFs from ODT: poppler reads Chromium's CJK Type 3
    // fonts with their boxes upside down (it splits short mixed lines), and
    // Word's Symbol bullets and footnote numbers it lays out otherwise; its
    // Arabic lines are in visual order. None of those is a reference.
    let names: Vec<String> = all_fixture_pdfs()
        .iter()
        .filter(|p| made_from_odt(p))
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_string))
        .filter(|n| !n.ends_with("-ar"))
        .collect();
    assert!(names.len() >= 20);
    for name in &names {
        let name = name.as_str();
        let ours = squeeze(&layout(name).text());
        let reference = std::fs::read_to_string(
            root().join(format!("fixtures/text/pdftotext-layout/{name}.txt")),
        )
        .expect("reference text");
        let theirs = squeeze(&reference);
        assert_eq!(ours.len(), theirs.len(), "{name}: line count");
        let mut regrouped = 0;
        let mut i = 0;
        while i < ours.len() {
            if ours[i] == theirs[i] {
                i += 1;
                continue;
            }
            assert!(
                i + 1 < ours.len(),
                "{name}: line {i} differs: {:?} vs {:?}",
                ours[i],
                theirs[i]
            );
            assert_eq!(
                sorted_chars(&ours[i], &ours[i + 1]),
                sorted_chars(&theirs[i], &theirs[i + 1]),
                "{name}: lines {i}-{} differ: {:?} vs {:?}",
                i + 1,
                &ours[i..i + 2],
                &theirs[i..i + 2]
            );
            regrouped += 1;
            i += 2;
        }
        assert!(regrouped <= 1, "{name}: {regrouped} regrouped blocks");
    }
}

/// The native decoder (used where every font has its widths and says what
/// each code means: a ToUnicode map, an encoding that names the glyph, an
/// ActualText span) gives the same glyphs, in the same places, as
/// pdf-extract.
#[test]
fn the_native_decoder_agrees_with_pdf_extract() {
    for pdf in all_fixture_pdfs() {
        let native = extract_path(&pdf, &Settings::default()).expect("extracts");
        let reference = extract_path(
            &pdf,
            &Settings {
                native_decoder: false,
                ..Settings::default()
            },
        )
        .expect("extracts");
        // Every producer's fonts are ours to decode: LibreOffice's TrueType
        // fonts with ToUnicode maps (glyphs without an entry sit in
        // ActualText spans), Chromium's CID fonts and its Type 3 fonts (with
        // ToUnicode maps and widths in a 0.001 font matrix).
        assert!(
            native.pages.iter().all(|p| p.decoder == Decoder::Native),
            "{}",
            pdf.display()
        );
        assert!(reference
            .pages
            .iter()
            .all(|p| p.decoder == Decoder::PdfExtract));
        for (a, b) in native
            .pages
            .iter()
            .zip(&reference.pages)
            .filter(|(a, _)| a.decoder == Decoder::Native)
        {
            assert_eq!(
                a.chars.len(),
                b.chars.len(),
                "{} page {}",
                pdf.display(),
                a.number
            );
            for (x, y) in a.chars.iter().zip(&b.chars) {
                assert_eq!(x.text, y.text);
                assert!(
                    (x.x0 - y.x0).abs() < 0.01 && (x.baseline - y.baseline).abs() < 0.01,
                    "{x:?} vs {y:?}"
                );
                assert!((x.x1 - y.x1).abs() < 0.01 && (x.size - y.size).abs() < 0.01);
            }
            let ta: Vec<&str> = a.text_lines.iter().map(|l| l.text.as_str()).collect();
            let tb: Vec<&str> = b.text_lines.iter().map(|l| l.text.as_str()).collect();
            assert_eq!(ta, tb);
        }
    }
}
