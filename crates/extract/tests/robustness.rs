//! Per-page isolation: a page that pdf-extract cannot or must not handle is
//! decoded by the fallback decoder or reported, and the other pages come out.

use std::io::Write;

use pdf_extract::{Dictionary, Document, Object, Stream};
use unprog_extract::{extract, Decoder, ExtractError, Settings};

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

fn dict(entries: Vec<(&str, Object)>) -> Dictionary {
    let mut d = Dictionary::new();
    for (k, v) in entries {
        d.set(k, v);
    }
    d
}

fn helvetica(encoding: &str) -> Dictionary {
    dict(vec![
        ("Type", name("Font")),
        ("Subtype", name("Type1")),
        ("BaseFont", name("Helvetica")),
        ("Encoding", name(encoding)),
    ])
}

type Tweak = fn(&mut Document, usize, &mut Dictionary);

/// A PDF whose pages have the given content streams and font /F1.
/// `tweak` may add objects and adjust each page's resources.
fn build(pages: Vec<(Vec<u8>, Dictionary)>, tweak: Tweak) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    for (i, (content, font)) in pages.into_iter().enumerate() {
        let font_id = doc.add_object(font);
        let mut resources = dict(vec![(
            "Font",
            Object::Dictionary(dict(vec![("F1", Object::Reference(font_id))])),
        )]);
        tweak(&mut doc, i, &mut resources);
        let content_id = doc.add_object(Stream::new(Dictionary::new(), content));
        let page = dict(vec![
            ("Type", name("Page")),
            ("Parent", Object::Reference(pages_id)),
            (
                "MediaBox",
                Object::Array(vec![0.into(), 0.into(), 612.into(), 792.into()]),
            ),
            ("Contents", Object::Reference(content_id)),
            ("Resources", Object::Dictionary(resources)),
        ]);
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dict(vec![
            ("Type", name("Pages")),
            ("Kids", Object::Array(kids)),
            ("Count", Object::Integer(count)),
        ])),
    );
    let catalog = doc.add_object(dict(vec![
        ("Type", name("Catalog")),
        ("Pages", Object::Reference(pages_id)),
    ]));
    doc.trailer.set("Root", Object::Reference(catalog));
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("save");
    out
}

fn text_page(s: &str) -> Vec<u8> {
    format!("BT /F1 12 Tf 72 700 Td ({s}) Tj ET").into_bytes()
}

fn no_tweak(_: &mut Document, _: usize, _: &mut Dictionary) {}

fn self_painting_form(doc: &mut Document, i: usize, resources: &mut Dictionary) {
    if i != 0 {
        return;
    }
    let form_id = doc.new_object_id();
    let mut form_resources = Dictionary::new();
    form_resources.set(
        "XObject",
        Object::Dictionary(dict(vec![("X1", Object::Reference(form_id))])),
    );
    let form = Stream::new(
        dict(vec![
            ("Type", name("XObject")),
            ("Subtype", name("Form")),
            (
                "BBox",
                Object::Array(vec![0.into(), 0.into(), 612.into(), 792.into()]),
            ),
            ("Resources", Object::Dictionary(form_resources)),
        ]),
        b"/X1 Do".to_vec(),
    );
    doc.objects.insert(form_id, Object::Stream(form));
    resources.set(
        "XObject",
        Object::Dictionary(dict(vec![("X1", Object::Reference(form_id))])),
    );
}

#[test]
fn a_page_that_breaks_pdf_extract_falls_back_and_the_others_survive() {
    // pdf-extract panics on an unknown /Encoding name.
    let pdf = build(
        vec![
            (text_page("First page"), helvetica("WinAnsiEncoding")),
            (text_page("Second page"), helvetica("NoSuchEncoding")),
            (text_page("Third page"), helvetica("WinAnsiEncoding")),
        ],
        no_tweak,
    );
    let layout = extract(&pdf, &Settings::default()).expect("document survives");
    assert_eq!(layout.pages.len(), 3);
    assert_eq!(layout.pages[0].decoder, Decoder::PdfExtract);
    assert_eq!(layout.pages[1].decoder, Decoder::Fallback);
    assert_eq!(layout.pages[2].decoder, Decoder::PdfExtract);
    assert_eq!(layout.pages[0].text_lines[0].text, "First page");
    assert_eq!(layout.pages[1].text_lines[0].text, "Second page");
    assert_eq!(layout.pages[2].text_lines[0].text, "Third page");
    assert_eq!(layout.warnings.len(), 1, "{:?}", layout.warnings);
    assert!(
        layout.warnings[0].starts_with("page 2: "),
        "{:?}",
        layout.warnings
    );
}

#[test]
fn a_form_that_paints_itself_is_not_followed_forever() {
    let pdf = build(
        vec![
            (
                b"BT /F1 12 Tf 72 700 Td (Before) Tj ET /X1 Do".to_vec(),
                helvetica("WinAnsiEncoding"),
            ),
            (text_page("Next page"), helvetica("WinAnsiEncoding")),
        ],
        self_painting_form,
    );
    let layout = extract(&pdf, &Settings::default()).expect("document survives");
    assert_eq!(layout.pages[0].decoder, Decoder::Fallback);
    assert_eq!(layout.pages[0].text_lines[0].text, "Before");
    assert!(layout.pages[0]
        .error
        .as_deref()
        .unwrap_or("")
        .contains("paints itself"));
    assert_eq!(layout.pages[1].text_lines[0].text, "Next page");
}

#[test]
fn an_oversized_content_stream_is_refused_not_inflated() {
    let mut big = b"BT /F1 12 Tf 72 700 Td (Bomb) Tj ET\n".to_vec();
    big.extend(std::iter::repeat_n(b' ', 2_000_000));
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(&big).expect("compress");
    let compressed = enc.finish().expect("compress");
    assert!(compressed.len() < 10_000);
    let pdf = build(
        vec![
            (text_page("Small"), helvetica("WinAnsiEncoding")),
            (Vec::new(), helvetica("WinAnsiEncoding")),
        ],
        no_tweak,
    );
    // Swap page 2's content for the compressed bomb.
    let mut doc = Document::load_mem(&pdf).expect("reload");
    let page2 = *doc.get_pages().get(&2).expect("page 2");
    let content_id = doc
        .get_dictionary(page2)
        .and_then(|d| d.get(b"Contents"))
        .and_then(Object::as_reference)
        .expect("contents");
    let mut d = Dictionary::new();
    d.set("Filter", name("FlateDecode"));
    doc.objects.insert(
        content_id,
        Object::Stream(Stream::new(d, compressed).with_compression(false)),
    );
    let mut bomb = Vec::new();
    doc.save_to(&mut bomb).expect("save");

    let settings = Settings {
        max_page_content_bytes: 1 << 20,
        ..Settings::default()
    };
    let layout = extract(&bomb, &settings).expect("document survives");
    assert_eq!(layout.pages[0].text_lines[0].text, "Small");
    let err = layout.pages[1].error.as_deref().unwrap_or("");
    assert!(err.contains("decompression bomb"), "{err}");
    assert!(layout.pages[1].text_lines.is_empty());
}

#[test]
fn text_shown_with_the_quote_operator_is_kept() {
    let content = b"BT /F1 12 Tf 14 TL 72 700 Td (Line one) Tj (Line two) ' ET".to_vec();
    let pdf = build(vec![(content, helvetica("WinAnsiEncoding"))], no_tweak);
    let layout = extract(&pdf, &Settings::default()).expect("extracts");
    let texts: Vec<&str> = layout.pages[0]
        .text_lines
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(texts, ["Line one", "Line two"]);
}

#[test]
fn a_truncated_file_is_a_damaged_pdf_not_a_crash() {
    let pdf = build(
        vec![(text_page("Hello"), helvetica("WinAnsiEncoding"))],
        no_tweak,
    );
    for cut in [10, pdf.len() / 3, pdf.len() / 2] {
        match extract(&pdf[..cut], &Settings::default()) {
            Ok(layout) => assert!(layout.pages.len() <= 1),
            Err(e) => assert!(matches!(e, ExtractError::Damaged(_)), "cut at {cut}: {e}"),
        }
    }
}
