//! The text a document means, not the glyphs it draws: control characters
//! never reach a glyph's text, and CID fonts' widths are read in both `/W`
//! forms, on each decoding path. Every PDF here is built on the spot with
//! lopdf.

use pdf_extract::{Dictionary, Document, Object, Stream};
use unprog_extract::{extract, Decoder, Layout, Settings};

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

fn array(items: Vec<Object>) -> Object {
    Object::Array(items)
}

/// A one-page PDF (US Letter) painting `content`; `resources` builds the
/// page's resource dictionary and may add objects to the document.
fn one_page(content: &str, resources: impl FnOnce(&mut Document) -> Dictionary) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let resources = resources(&mut doc);
    let content_id = doc.add_object(Stream::new(Dictionary::new(), content.as_bytes().to_vec()));
    let page = doc.add_object(dict(vec![
        ("Type", name("Page")),
        ("Parent", Object::Reference(pages_id)),
        (
            "MediaBox",
            array(vec![0.into(), 0.into(), 612.into(), 792.into()]),
        ),
        ("Contents", Object::Reference(content_id)),
        ("Resources", Object::Dictionary(resources)),
    ]));
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dict(vec![
            ("Type", name("Pages")),
            ("Kids", array(vec![Object::Reference(page)])),
            ("Count", Object::Integer(1)),
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

/// Resources with the given fonts.
fn fonts(entries: Vec<(&str, Object)>) -> Dictionary {
    dict(vec![("Font", Object::Dictionary(dict(entries)))])
}

/// A ToUnicode CMap for two-byte codes.
fn to_unicode(map: &[(u16, &str)]) -> Vec<u8> {
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    cmap.push_str(&format!("{} beginbfchar\n", map.len()));
    for (code, text) in map {
        let hex: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
        cmap.push_str(&format!("<{code:04X}> <{hex}>\n"));
    }
    cmap.push_str("endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    cmap.into_bytes()
}

/// A Type0 font (Identity-H, no embedded program) whose ToUnicode maps
/// `map`, with the CID widths `w` (a `/W` array) and a default width of 1000.
fn type0(doc: &mut Document, map: &[(u16, &str)], w: Object) -> Object {
    let descriptor = doc.add_object(dict(vec![
        ("Type", name("FontDescriptor")),
        ("FontName", name("TestCID")),
        ("Flags", Object::Integer(4)),
        (
            "FontBBox",
            array(vec![0.into(), (-200).into(), 1000.into(), 800.into()]),
        ),
        ("ItalicAngle", Object::Integer(0)),
        ("Ascent", Object::Integer(800)),
        ("Descent", Object::Integer(-200)),
        ("CapHeight", Object::Integer(700)),
        ("StemV", Object::Integer(80)),
    ]));
    let cid_font = doc.add_object(dict(vec![
        ("Type", name("Font")),
        ("Subtype", name("CIDFontType2")),
        ("BaseFont", name("TestCID")),
        (
            "CIDSystemInfo",
            Object::Dictionary(dict(vec![
                ("Registry", Object::string_literal("Adobe")),
                ("Ordering", Object::string_literal("Identity")),
                ("Supplement", Object::Integer(0)),
            ])),
        ),
        ("FontDescriptor", Object::Reference(descriptor)),
        ("DW", Object::Integer(1000)),
        ("W", w),
        ("CIDToGIDMap", name("Identity")),
    ]));
    let cmap = doc.add_object(Stream::new(Dictionary::new(), to_unicode(map)));
    Object::Reference(doc.add_object(dict(vec![
        ("Type", name("Font")),
        ("Subtype", name("Type0")),
        ("BaseFont", name("TestCID")),
        ("Encoding", name("Identity-H")),
        ("DescendantFonts", array(vec![Object::Reference(cid_font)])),
        ("ToUnicode", Object::Reference(cmap)),
    ])))
}

/// Helvetica, one of the standard 14 fonts: no widths, no ToUnicode, so its
/// pages go through pdf-extract.
fn helvetica(doc: &mut Document, encoding: &str) -> Object {
    Object::Reference(doc.add_object(dict(vec![
        ("Type", name("Font")),
        ("Subtype", name("Type1")),
        ("BaseFont", name("Helvetica")),
        ("Encoding", name(encoding)),
    ])))
}

/// The layout with our own decoder allowed (the default) and with every
/// page sent to pdf-extract.
fn both_paths(pdf: &[u8]) -> [Layout; 2] {
    let native = extract(pdf, &Settings::default()).expect("extracts");
    let precise = extract(
        pdf,
        &Settings {
            native_decoder: false,
            ..Settings::default()
        },
    )
    .expect("extracts");
    [native, precise]
}

fn lines(layout: &Layout) -> Vec<&str> {
    layout.pages[0]
        .text_lines
        .iter()
        .map(|l| l.text.as_str())
        .collect()
}

fn no_control_characters(layout: &Layout) {
    for c in &layout.pages[0].chars {
        assert!(!c.text.is_empty(), "a char without text");
        assert!(
            !c.text.chars().any(char::is_control),
            "{:?} ({:?})",
            c.text,
            layout.pages[0].decoder
        );
    }
}

#[test]
fn control_characters_never_reach_the_text_native_or_pdf_extract() {
    // A ToUnicode map that gives a control character (and a NUL) for two
    // zero-width codes: both are dropped, the letters stay.
    let pdf = one_page("BT /F1 12 Tf 72 700 Td <0001000200030004> Tj ET", |doc| {
        let map = [(1, "A"), (2, "\u{1}"), (3, "B"), (4, "\u{0}")];
        let font = type0(
            doc,
            &map,
            array(vec![
                1.into(),
                array(vec![600.into(), 0.into(), 600.into(), 0.into()]),
            ]),
        );
        fonts(vec![("F1", font)])
    });
    let [native, precise] = both_paths(&pdf);
    assert_eq!(native.pages[0].decoder, Decoder::Native);
    assert_eq!(precise.pages[0].decoder, Decoder::PdfExtract);
    for layout in [&native, &precise] {
        no_control_characters(layout);
        assert_eq!(lines(layout), ["AB"]);
    }
}

#[test]
fn control_characters_never_reach_the_text_of_the_fallback_decoder() {
    // pdf-extract gives up on an unknown encoding name; our decoder reads
    // the unknown encoding as Latin-1, which turns byte 1 into U+0001.
    let pdf = one_page(r"BT /F1 12 Tf 72 700 Td (A\001B\011C) Tj ET", |doc| {
        let font = helvetica(doc, "NoSuchEncoding");
        fonts(vec![("F1", font)])
    });
    let layout = extract(&pdf, &Settings::default()).expect("extracts");
    assert_eq!(layout.pages[0].decoder, Decoder::Fallback);
    no_control_characters(&layout);
    // The tab glyph is a word break; the other control character is gone.
    let text: Vec<&str> = lines(&layout);
    assert_eq!(text.len(), 1, "{text:?}");
    assert_eq!(text[0].replace(' ', ""), "ABC", "{text:?}");
    assert!(text[0].ends_with(" C"), "{text:?}");
}

fn boxes(layout: &Layout) -> Vec<(String, f64, f64)> {
    layout.pages[0]
        .chars
        .iter()
        .map(|c| {
            let round = |v: f64| (v * 100.0).round() / 100.0;
            (c.text.clone(), round(c.x0), round(c.x1))
        })
        .collect()
}

#[test]
fn cid_widths_in_the_first_last_width_form_hold_on_both_paths() {
    // `/W [1 3 500]`: codes 1 to 3 are half an em wide (the default is a
    // full em). pdf-extract ignores that form; the glyphs must not come
    // apart ("A /C" for "A/C"). The second and third strings follow without a
    // new position, the third in another font whose widths pdf-extract reads.
    let content = "BT /F1 10 Tf 72 700 Td <000100020003> Tj <0001> Tj /F2 10 Tf <0002> Tj ET \
                   BT /F2 10 Tf 72 680 Td <00010002> Tj ET";
    let pdf = one_page(content, |doc| {
        let map = [(1, "A"), (2, "/"), (3, "C")];
        let ranges = type0(doc, &map, array(vec![1.into(), 3.into(), 500.into()]));
        let listed = type0(doc, &map, array(vec![1.into(), array(vec![500.into(); 3])]));
        fonts(vec![("F1", ranges), ("F2", listed)])
    });
    let [native, precise] = both_paths(&pdf);
    assert_eq!(native.pages[0].decoder, Decoder::Native);
    assert_eq!(precise.pages[0].decoder, Decoder::PdfExtract);
    let want: Vec<(String, f64, f64)> = [
        ("A", 72.0),
        ("/", 77.0),
        ("C", 82.0),
        ("A", 87.0),
        ("/", 92.0),
        ("A", 72.0),
        ("/", 77.0),
    ]
    .iter()
    .map(|&(t, x)| (t.to_string(), x, x + 5.0))
    .collect();
    for layout in [&native, &precise] {
        assert_eq!(
            lines(layout),
            ["A/CA/", "A/"],
            "{:?}",
            layout.pages[0].decoder
        );
        assert_eq!(boxes(layout), want, "{:?}", layout.pages[0].decoder);
    }
}
