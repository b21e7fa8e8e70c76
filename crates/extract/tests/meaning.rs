//! The text a document means, not the glyphs it draws: `/ActualText` spans
//! replace the glyphs shown inside them, CJK radicals read as ideographs,
//! control characters never reach a glyph's text, glyph names without a
//! ToUnicode map read by the Adobe Glyph List (a code that maps to nothing
//! dropped and counted, never Latin-1), and CID fonts' widths are read in
//! both `/W` forms, on each decoding path (our native decoder, pdf-extract,
//! the fallback). Every PDF here is built on the spot with lopdf.

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

/// Codes of the test CID font: 1 is the Kangxi radical moon (what Chromium's
/// fonts map 月 to), 2 a glyph mapped to "X", 3 and 4 the letters A and B
/// (half an em wide), 5 a code the ToUnicode map does not know.
fn cid_font(doc: &mut Document) -> Object {
    let map = [(1, "\u{2F49}"), (2, "X"), (3, "A"), (4, "B")];
    let w = array(vec![
        1.into(),
        array(vec![
            1000.into(),
            1000.into(),
            500.into(),
            500.into(),
            1000.into(),
        ]),
    ]);
    type0(doc, &map, w)
}

fn cid_resources(doc: &mut Document) -> Dictionary {
    let font = cid_font(doc);
    fonts(vec![("F1", font)])
}

/// `text` as the hex string of a UTF-16BE text string with its BOM.
fn utf16(text: &str) -> String {
    let hex: String = text.encode_utf16().map(|u| format!("{u:04x}")).collect();
    format!("<feff{hex}>")
}

/// The page's text on both paths, checked to be the same, with the
/// decoders they took.
fn text_both_ways(pdf: &[u8]) -> (Vec<String>, [Decoder; 2]) {
    let [native, precise] = both_paths(pdf);
    let (a, b) = (lines(&native), lines(&precise));
    assert_eq!(a, b, "native and pdf-extract disagree");
    no_control_characters(&native);
    no_control_characters(&precise);
    (
        a.iter().map(|l| l.to_string()).collect(),
        [native.pages[0].decoder, precise.pages[0].decoder],
    )
}

/// The same chars (text, box, size) on both layouts' first pages.
fn assert_same_chars(a: &Layout, b: &Layout) {
    let (a, b) = (&a.pages[0].chars, &b.pages[0].chars);
    assert_eq!(a.len(), b.len(), "{a:?}\n{b:?}");
    for (x, y) in a.iter().zip(b) {
        assert_eq!(x.text, y.text);
        for (p, q) in [
            (x.x0, y.x0),
            (x.x1, y.x1),
            (x.baseline, y.baseline),
            (x.size, y.size),
        ] {
            assert!((p - q).abs() < 0.01, "{x:?} vs {y:?}");
        }
    }
}

#[test]
fn an_actual_text_span_gives_its_text_for_the_glyph_inside_on_both_paths() {
    // As Chromium writes 月: a glyph mapped to the radical, in a span.
    // And a glyph mapped to X that the document says is 日.
    let content = format!(
        "BT /F1 10 Tf 72 700 Td <0003> Tj \
         /Span <</ActualText {moon}>> BDC <0001> Tj EMC \
         /Span <</MCID 0 /ActualText {sun}>> BDC <0002> Tj EMC <0004> Tj ET",
        moon = utf16("月"),
        sun = utf16("日"),
    );
    let pdf = one_page(&content, cid_resources);
    let (text, decoders) = text_both_ways(&pdf);
    assert_eq!(decoders, [Decoder::Native, Decoder::PdfExtract]);
    assert_eq!(text, ["A月日B"]);
    // The span's char sits where its glyph was.
    let [native, precise] = both_paths(&pdf);
    for layout in [&native, &precise] {
        assert_eq!(
            boxes(layout),
            [
                ("A".to_string(), 72.0, 77.0),
                ("月".to_string(), 77.0, 87.0),
                ("日".to_string(), 87.0, 97.0),
                ("B".to_string(), 97.0, 102.0),
            ]
        );
    }
}

#[test]
fn a_span_over_several_show_operators_becomes_one_char_over_their_box() {
    let content = format!(
        "BT /F1 10 Tf 72 700 Td /Span <</ActualText {text}>> BDC \
         <0002> Tj [<0003> -500 <0004>] TJ EMC ET",
        text = utf16("Ǆ")
    );
    let pdf = one_page(&content, cid_resources);
    let (text, _) = text_both_ways(&pdf);
    assert_eq!(text, ["Ǆ"]);
    let [native, precise] = both_paths(&pdf);
    for layout in [&native, &precise] {
        // X (10 pt), A (5), a 5 pt kern, B (5).
        assert_eq!(boxes(layout), [("Ǆ".to_string(), 72.0, 97.0)]);
    }
}

#[test]
fn a_span_named_in_the_resources_properties_is_honoured() {
    let content = "BT /F1 10 Tf 72 700 Td <0003> Tj /Span /MC0 BDC <0002> Tj EMC ET";
    let pdf = one_page(content, |doc| {
        let mut resources = cid_resources(doc);
        let list = doc.add_object(dict(vec![(
            "ActualText",
            Object::String(
                vec![0xFE, 0xFF, 0x65, 0xE5],
                pdf_extract::StringFormat::Hexadecimal,
            ),
        )]));
        resources.set(
            "Properties",
            Object::Dictionary(dict(vec![("MC0", Object::Reference(list))])),
        );
        resources
    });
    let (text, decoders) = text_both_ways(&pdf);
    assert_eq!(decoders, [Decoder::Native, Decoder::PdfExtract]);
    assert_eq!(text, ["A日"]);
}

#[test]
fn an_empty_actual_text_removes_the_glyphs() {
    // Empty as a literal and as a UTF-16 string with only its BOM.
    let content = "BT /F1 10 Tf 72 700 Td <0003> Tj /Span <</ActualText ()>> BDC <0002> Tj EMC \
                   <0004> Tj /Span <</ActualText <feff>>> BDC <0002> Tj EMC <0003> Tj ET";
    let pdf = one_page(content, cid_resources);
    let (text, _) = text_both_ways(&pdf);
    // Each X glyph leaves a gap of an em: a word break.
    assert_eq!(text, ["A B A"]);
}

#[test]
fn the_outermost_span_wins_and_plain_marked_content_does_not_end_it() {
    let content = format!(
        "BT /F1 10 Tf 72 700 Td /Span <</ActualText {outer}>> BDC <0003> Tj \
         /Span <</ActualText {inner}>> BDC <0002> Tj EMC /P BMC <0004> Tj EMC EMC \
         <0003> Tj ET",
        outer = utf16("外"),
        inner = utf16("内")
    );
    let pdf = one_page(&content, cid_resources);
    let (text, _) = text_both_ways(&pdf);
    assert_eq!(text, ["外A"]);
}

#[test]
fn a_span_around_a_type1_standard_font_goes_through_pdf_extract() {
    // No ToUnicode, no widths: pdf-extract decodes the page even with our
    // decoder allowed. The span and the `'` operator's text (which
    // pdf-extract does not report) both come out.
    let content = "BT /F1 12 Tf 14 TL 72 700 Td (Agenda ) Tj \
                   /Span <</ActualText (item)>> BDC (IT) Tj EMC \
                   /Span <</ActualText <feff00e9007400e9>>> BDC (ete) ' EMC ET";
    let pdf = one_page(content, |doc| {
        let font = helvetica(doc, "WinAnsiEncoding");
        fonts(vec![("F1", font)])
    });
    let layout = extract(&pdf, &Settings::default()).expect("extracts");
    assert_eq!(layout.pages[0].decoder, Decoder::PdfExtract);
    assert!(layout.warnings.is_empty(), "{:?}", layout.warnings);
    assert_eq!(lines(&layout), ["Agenda item", "été"]);
}

/// Resources with the CID font and a form /X1 painting `form_content`.
fn with_form(doc: &mut Document, form_content: &str) -> Dictionary {
    let mut resources = cid_resources(doc);
    let form_resources = resources.clone();
    let form = doc.add_object(Stream::new(
        dict(vec![
            ("Type", name("XObject")),
            ("Subtype", name("Form")),
            (
                "BBox",
                array(vec![0.into(), 0.into(), 612.into(), 792.into()]),
            ),
            ("Resources", Object::Dictionary(form_resources)),
        ]),
        form_content.as_bytes().to_vec(),
    ));
    resources.set(
        "XObject",
        Object::Dictionary(dict(vec![("X1", Object::Reference(form))])),
    );
    resources
}

#[test]
fn a_span_around_a_form_covers_the_text_the_form_shows() {
    let content = format!(
        "BT /F1 10 Tf 72 700 Td <0003> Tj ET /Span <</ActualText {moon}>> BDC /X1 Do EMC \
         BT /F1 10 Tf 97 700 Td <0004> Tj ET",
        moon = utf16("月")
    );
    let pdf = one_page(&content, |doc| {
        // The form closes more than it opens: that must not end the span.
        with_form(doc, "EMC BT /F1 10 Tf 77 700 Td <00020002> Tj ET")
    });
    let (text, decoders) = text_both_ways(&pdf);
    assert_eq!(decoders, [Decoder::Native, Decoder::PdfExtract]);
    assert_eq!(text, ["A月B"]);
}

#[test]
fn a_span_a_form_leaves_open_ends_with_the_form() {
    let content = "/X1 Do BT /F1 10 Tf 97 700 Td <0004> Tj ET";
    let pdf = one_page(content, |doc| {
        let form = format!(
            "BT /F1 10 Tf 72 700 Td <0003> Tj /Span <</ActualText {moon}>> BDC <0002> Tj ET",
            moon = utf16("月")
        );
        with_form(doc, &form)
    });
    let (text, _) = text_both_ways(&pdf);
    assert_eq!(text, ["A月 B"]);
}

#[test]
fn a_glyph_without_unicode_takes_the_text_of_its_span() {
    // Code 5 is not in the ToUnicode map: the span supplies the text, so
    // our decoder reads the page as pdf-extract does.
    let content = format!(
        "BT /F1 10 Tf 72 700 Td <0003> Tj /Span <</ActualText {sun}>> BDC <0005> Tj EMC \
         <0004> Tj ET",
        sun = utf16("日")
    );
    let pdf = one_page(&content, cid_resources);
    let (text, decoders) = text_both_ways(&pdf);
    assert_eq!(decoders, [Decoder::Native, Decoder::PdfExtract]);
    assert_eq!(text, ["A日B"]);
}

#[test]
fn radicals_without_a_span_read_as_the_ideographs_they_stand_for() {
    // Kangxi radical moon and one, CJK radical west two (which NFKC leaves).
    let map = [(1, "\u{2F49}"), (2, "\u{2EC4}"), (3, "\u{2F00}")];
    let pdf = one_page("BT /F1 10 Tf 72 700 Td <000100020003> Tj ET", |doc| {
        let font = type0(doc, &map, array(vec![1.into(), 3.into(), 1000.into()]));
        fonts(vec![("F1", font)])
    });
    let (text, decoders) = text_both_ways(&pdf);
    assert_eq!(decoders, [Decoder::Native, Decoder::PdfExtract]);
    assert_eq!(text, ["月西一"]);
}

#[test]
fn hostile_marked_content_is_bounded() {
    // A hundred thousand sequences never closed, then a span: nesting costs
    // nothing and the span still counts.
    let mut content = "/P BMC ".repeat(100_000);
    content.push_str(&format!(
        "BT /F1 10 Tf 72 700 Td /Span <</ActualText {moon}>> BDC <0002> Tj EMC ET ",
        moon = utf16("月")
    ));
    // Then 600 spans of 5000 characters each around an X: each keeps its
    // first 1024 characters, and once a megabyte of span text is kept the
    // glyphs keep their own text.
    let long = utf16(&"日".repeat(5000));
    for k in 0..600 {
        content.push_str(&format!(
            "BT /F1 10 Tf 72 {y} Td /Span <</ActualText {long}>> BDC <0002> Tj EMC ET ",
            y = 680 - k
        ));
    }
    let pdf = one_page(&content, cid_resources);
    let layout = extract(&pdf, &Settings::default()).expect("extracts");
    let chars = &layout.pages[0].chars;
    assert_eq!(chars.len(), 601);
    assert_eq!(chars[0].text, "月");
    let honoured = chars[1..].iter().filter(|c| c.text != "X").count();
    assert!((300..=400).contains(&honoured), "{honoured} spans honoured");
    assert!(chars[1..=honoured]
        .iter()
        .all(|c| c.text.chars().count() == 1024 && c.text.chars().all(|ch| ch == '日')));
    assert!(chars[honoured + 1..].iter().all(|c| c.text == "X"));
}

#[test]
fn text_steps_without_glyphs_at_the_end_keep_pdf_extract_aligned() {
    // Empty strings are text-showing steps too: the last glyph's step is not
    // the last step, and the spans still apply.
    let content = format!(
        "BT /F1 10 Tf 72 700 Td /Span <</ActualText {moon}>> BDC <0002> Tj EMC <> Tj [<>] TJ ET",
        moon = utf16("月")
    );
    let pdf = one_page(&content, cid_resources);
    let [_, precise] = both_paths(&pdf);
    assert_eq!(precise.pages[0].decoder, Decoder::PdfExtract);
    assert!(precise.warnings.is_empty(), "{:?}", precise.warnings);
    assert_eq!(lines(&precise), ["月"]);
}

/// A simple font without ToUnicode whose `/Differences` name its glyphs
/// as real Arabic and TeX fonts do, over StandardEncoding (no
/// `/BaseEncoding`, not embedded): 1 `uni0644.init` (lam, initial form),
/// 2 `f_f_i` (a ligature), 3 `afii57415.fin` (alef, final form), 4
/// `g123` (a name meaning nothing); code 0xC0 has no name at all.
fn named_glyphs_font(doc: &mut Document) -> Object {
    let descriptor = doc.add_object(dict(vec![
        ("Type", name("FontDescriptor")),
        ("FontName", name("TestNamed")),
        ("Flags", Object::Integer(32)),
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
    let encoding = dict(vec![
        ("Type", name("Encoding")),
        (
            "Differences",
            array(vec![
                1.into(),
                name("uni0644.init"),
                name("f_f_i"),
                name("afii57415.fin"),
                name("g123"),
            ]),
        ),
    ]);
    Object::Reference(doc.add_object(dict(vec![
        ("Type", name("Font")),
        ("Subtype", name("Type1")),
        ("BaseFont", name("TestNamed")),
        ("FirstChar", Object::Integer(0)),
        ("LastChar", Object::Integer(255)),
        ("Widths", array(vec![500.into(); 256])),
        ("FontDescriptor", Object::Reference(descriptor)),
        ("Encoding", Object::Dictionary(encoding)),
    ])))
}

/// No char holds a control character or a Latin-1 letter or sign: what
/// an unmapped code read as Latin-1 would give.
fn no_mojibake(layout: &Layout) {
    for page in &layout.pages {
        for c in &page.chars {
            assert!(
                !c.text
                    .chars()
                    .any(|ch| ch.is_control() || ('\u{80}'..='\u{FF}').contains(&ch)),
                "{:?} ({:?})",
                c.text,
                page.decoder
            );
        }
    }
}

fn chars_sorted(layout: &Layout) -> Vec<&str> {
    let mut texts: Vec<&str> = layout.pages[0]
        .chars
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    texts.sort_unstable();
    texts
}

#[test]
fn glyph_names_without_to_unicode_read_by_the_adobe_glyph_list() {
    // Three lines: alef and lam drawn right to left (the word "la"), the
    // ffi ligature and the
    // code with no name between two letters of StandardEncoding, and the
    // glyph whose name means nothing.
    let content = "BT /F1 12 Tf 72 700 Td <0301> Tj ET \
                   BT /F1 12 Tf 72 680 Td <6102C062> Tj ET \
                   BT /F1 12 Tf 72 660 Td <047A> Tj ET";
    let pdf = one_page(content, |doc| {
        let font = named_glyphs_font(doc);
        fonts(vec![("F1", font)])
    });
    let layouts = both_paths(&pdf);
    // Every code's text is the encoding's: our decoder reads the page.
    assert_eq!(
        layouts.each_ref().map(|l| l.pages[0].decoder),
        [Decoder::Native, Decoder::PdfExtract]
    );
    assert_same_chars(&layouts[0], &layouts[1]);
    for layout in layouts {
        no_mojibake(&layout);
        assert_eq!(chars_sorted(&layout), ["a", "b", "ffi", "z", "ا", "ل"]);
        let text = lines(&layout);
        assert_eq!(text.len(), 3, "{text:?}");
        assert_eq!(text[0], "لا", "logical order");
        assert_eq!(text[1].replace(' ', ""), "affib");
        assert_eq!(text[2], "z");
        // The code without a name and the glyph named g123: dropped and
        // counted.
        assert_eq!(
            layout.warnings,
            [
                "page 1: 2 glyphs dropped: no text for their codes (no ToUnicode entry, \
              no glyph name the Adobe Glyph List reads, or only control characters)"
            ]
        );
    }
}

#[test]
fn a_type1_programs_builtin_encoding_names_its_glyphs() {
    // An embedded Type 1 program (its clear-text part only: no glyph is
    // drawn from it here) whose /Encoding array names the glyphs; the font
    // dictionary has no /Encoding and no ToUnicode.
    let content = "BT /F1 12 Tf 72 700 Td <4241> Tj ET BT /F1 12 Tf 72 680 Td <43C8> Tj ET";
    let pdf = one_page(content, |doc| {
        let clear = "%!PS-AdobeFont-1.0: TestBuiltin 001.000\n\
                     11 dict begin\n/FontName /TestBuiltin def\n/PaintType 0 def\n\
                     /FontMatrix [0.001 0 0 0.001 0 0] readonly def\n\
                     /Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n\
                     dup 65 /uni0644.init put\ndup 66 /afii57415.fin put\n\
                     dup 67 /f_f_i put\nreadonly def\n\
                     /FontBBox {0 -200 1000 800} readonly def\ncurrentdict end\n\
                     currentfile eexec\n";
        let mut program = clear.as_bytes().to_vec();
        program.extend_from_slice(&[0xD9, 0xD6, 0x6F, 0x63]);
        let file = doc.add_object(Stream::new(
            dict(vec![
                ("Length1", Object::Integer(clear.len() as i64)),
                ("Length2", Object::Integer(4)),
                ("Length3", Object::Integer(0)),
            ]),
            program,
        ));
        let descriptor = doc.add_object(dict(vec![
            ("Type", name("FontDescriptor")),
            ("FontName", name("TestBuiltin")),
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
            ("FontFile", Object::Reference(file)),
        ]));
        let font = Object::Reference(doc.add_object(dict(vec![
            ("Type", name("Font")),
            ("Subtype", name("Type1")),
            ("BaseFont", name("TestBuiltin")),
            ("FirstChar", Object::Integer(0)),
            ("LastChar", Object::Integer(255)),
            ("Widths", array(vec![500.into(); 256])),
            ("FontDescriptor", Object::Reference(descriptor)),
        ])));
        fonts(vec![("F1", font)])
    });
    let layouts = both_paths(&pdf);
    assert_eq!(
        layouts.each_ref().map(|l| l.pages[0].decoder),
        [Decoder::Native, Decoder::PdfExtract]
    );
    assert_same_chars(&layouts[0], &layouts[1]);
    for layout in layouts {
        no_mojibake(&layout);
        assert_eq!(lines(&layout), ["لا", "ffi"], "{:?}", layout.warnings);
        assert!(
            layout
                .warnings
                .iter()
                .any(|w| w.contains("1 glyph dropped")),
            "{:?}",
            layout.warnings
        );
    }
}

#[test]
fn an_unknown_encoding_is_never_read_as_latin1() {
    // pdf-extract gives up on the encoding name; our fallback decoder keeps
    // the ASCII letters and drops the byte above 127 (Latin-1 would make it
    // "È"), counting it.
    let pdf = one_page(r"BT /F1 12 Tf 72 700 Td (A\310B) Tj ET", |doc| {
        let font = helvetica(doc, "NoSuchEncoding");
        fonts(vec![("F1", font)])
    });
    let layout = extract(&pdf, &Settings::default()).expect("extracts");
    assert_eq!(layout.pages[0].decoder, Decoder::Fallback);
    no_mojibake(&layout);
    // The dropped glyph's room stays: a word break.
    assert_eq!(lines(&layout), ["A B"]);
    assert!(
        layout.warnings[0].contains("1 glyph dropped"),
        "{:?}",
        layout.warnings
    );
}
