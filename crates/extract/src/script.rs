//! What the extractor needs to know about writing systems: which characters
//! are CJK (joined without spaces), which are right-to-left, and which glyph
//! texts need normalising.

mod radicals;

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// True for Han ideographs, kana, CJK punctuation and full-width forms: text
/// written without spaces between characters.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF     // radicals
        | 0x3000..=0x303F   // CJK symbols and punctuation
        | 0x3040..=0x30FF   // hiragana, katakana
        | 0x3100..=0x312F   // bopomofo
        | 0x31C0..=0x31FF   // strokes, katakana ext
        | 0x3200..=0x33FF   // enclosed, compatibility
        | 0x3400..=0x4DBF   // ext A
        | 0x4E00..=0x9FFF   // unified ideographs
        | 0xF900..=0xFAFF   // compatibility ideographs
        | 0xFE30..=0xFE4F   // compatibility forms
        | 0xFF00..=0xFF60   // full-width forms
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFF)
}

/// True for strongly right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo
/// and their presentation forms).
pub fn is_rtl(c: char) -> bool {
    matches!(c as u32,
        0x0590..=0x08FF
        | 0xFB1D..=0xFDFF
        | 0xFE70..=0xFEFF
        | 0x10800..=0x10FFF
        | 0x1E800..=0x1EFFF)
        && !matches!(c as u32, 0x0660..=0x0669 | 0x06F0..=0x06F9) // Arabic-Indic digits are weak
}

/// True for strongly left-to-right letters (Latin, Cyrillic, Greek, CJK...).
pub fn is_ltr(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    // Latin-1 and Latin Extended letters, Cyrillic, Han and kana are letters;
    // skip the slow general lookup for them (and for right-to-left letters).
    if matches!(c as u32,
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F
        | 0x400..=0x481 | 0x48A..=0x52F
        | 0x3041..=0x3096 | 0x309D..=0x309F | 0x30A1..=0x30FA | 0x30FC..=0x30FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
    {
        return true;
    }
    !is_rtl(c) && c.is_alphabetic()
}

/// Normalises one glyph's text: Arabic presentation forms (the shaped glyphs
/// some PDFs map to) and Latin ligatures become the plain letters (NFKC), CJK
/// radicals become the ideographs they stand for (see [`unify_radicals`]),
/// and control characters are dropped, but for the whitespace ones (tab,
/// line feed...), which become a space: a word break, as pdftotext reads
/// them. All other text is left exactly as it is (full-width CJK punctuation
/// stays).
pub fn normalize_glyph(text: &str) -> String {
    normalized(text.to_string())
}

/// [`normalize_glyph`] on an owned string: no copy when nothing changes.
pub(crate) fn normalized(text: String) -> String {
    if !text.chars().any(needs_change) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            if c.is_whitespace() {
                out.push(' ');
            }
            continue;
        }
        if let Some(ideograph) = radicals::equivalent(c) {
            out.push(ideograph);
        } else if let Some(bullet) = symbol_font_bullet(c) {
            out.push(bullet);
        } else if needs_nfkc(c) {
            out.extend(c.nfkc());
        } else {
            out.push(c);
        }
    }
    out
}

fn needs_change(c: char) -> bool {
    needs_nfkc(c)
        || c.is_control()
        || radicals::equivalent(c).is_some()
        || symbol_font_bullet(c).is_some()
}

/// The list bullets Word draws from its symbol fonts come out as
/// private-use codes (Symbol's bullet is U+F0B7): the character each draws.
fn symbol_font_bullet(c: char) -> Option<char> {
    Some(match c {
        '\u{F0B7}' => '•', // Symbol: bullet
        '\u{F0A7}' => '▪', // Wingdings: small square
        '\u{F0D8}' => '➢', // Wingdings: arrowhead
        '\u{F076}' => '❖', // Wingdings: diamond of four
        '\u{F0FC}' => '✓', // Wingdings: check mark
        _ => return None,
    })
}

/// The unified ideograph that a CJK radical stands for, or `c` itself.
///
/// Covers the Kangxi Radicals (U+2F00..U+2FD5) and CJK Radicals Supplement
/// (U+2E80..U+2EF3) blocks with Unicode's `Equivalent_Unified_Ideograph`
/// property (NFKC maps only the Kangxi block, and only to the same
/// characters): ⽉ U+2F49 → 月, ⻄ U+2EC4 → 西. The few radicals without an
/// equivalent ideograph, and every other character, come back unchanged.
pub fn unify_radical(c: char) -> char {
    radicals::equivalent(c).unwrap_or(c)
}

/// Replaces every CJK radical in `text` by the unified ideograph it stands
/// for ([`unify_radical`]); borrows when there is none.
///
/// Fonts that draw an ideograph with the glyph they also use for its radical
/// map it to the radical in their ToUnicode table (Chromium's print to PDF,
/// some office suites), so text extracted from a PDF reads ⽇⽉ for 日月.
/// Radicals are mapped wherever they stand, not only inside a CJK run: in
/// programme text a radical is always an ideograph of running text (a radical
/// index would be unified too), and this is what pdftotext users get from the
/// same files.
pub fn unify_radicals(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| radicals::equivalent(c).is_some()) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(unify_radical).collect())
}

/// The text another tool extracted, read as unprog reads a PDF's glyphs:
/// radicals as the ideographs they stand for, Word's symbol-font bullets as
/// the bullets they draw, presentation forms and Latin ligatures as plain
/// letters (NFKC), and composed, its combining marks in canonical order
/// (NFC: a tool may write an Arabic letter's shadda before its fatha, as
/// the PDF draws them). Line ends, form feeds and tabs stay: they are the
/// text's layout.
pub fn normalize_text(text: &str) -> Cow<'_, str> {
    let changes = |c: char| {
        radicals::equivalent(c).is_some() || symbol_font_bullet(c).is_some() || needs_nfkc(c)
    };
    if !text.chars().any(changes) {
        return compose(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some(ideograph) = radicals::equivalent(c) {
            out.push(ideograph);
        } else if let Some(bullet) = symbol_font_bullet(c) {
            out.push(bullet);
        } else if needs_nfkc(c) {
            out.extend(c.nfkc());
        } else {
            out.push(c);
        }
    }
    match compose(&out) {
        Cow::Borrowed(_) => Cow::Owned(out),
        Cow::Owned(composed) => Cow::Owned(composed),
    }
}

/// A line of a right-to-left paragraph written in the order its glyphs
/// are drawn, left to right (as a text tool that ignores direction writes
/// it), in reading order: the inverse of the Unicode Bidirectional
/// Algorithm the extractor applies to a page's Arabic lines, numbers and
/// Latin runs kept left to right.
pub fn drawn_line_in_reading_order(drawn: &str) -> String {
    crate::bidi::line_to_logical(drawn, true, false).0
}

/// The text composed, its combining marks in canonical order (NFC), as a
/// PDF's text comes out of the extractor.
pub fn compose(text: &str) -> Cow<'_, str> {
    if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes
    {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// True for combining marks that sit on a base letter (Arabic harakat,
/// shadda, Latin combining accents, Hebrew points).
pub fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD
        | 0x05BF | 0x05C1 | 0x05C2 | 0x05C4 | 0x05C5 | 0x05C7
        | 0x0610..=0x061A
        | 0x064B..=0x065F
        | 0x0670
        | 0x06D6..=0x06DC
        | 0x06DF..=0x06E4
        | 0x06E7 | 0x06E8
        | 0x06EA..=0x06ED
        | 0x08D3..=0x08E1
        | 0x08E3..=0x08FF
        | 0xFE20..=0xFE2F)
}

fn needs_nfkc(c: char) -> bool {
    matches!(c as u32, 0xFB00..=0xFB06 | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_letter_ranges_agree_with_unicode() {
        for c in ('\u{0}'..='\u{FFFF}').chain('\u{10000}'..='\u{1FFFF}') {
            assert_eq!(
                is_ltr(c),
                c.is_alphabetic() && !is_rtl(c),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn the_door_radical_reads_as_simplified_chinese_prints_it() {
        // Unicode's equivalent of U+2F3E is 戶; simplified Chinese fonts
        // draw it 户, and UN Chinese means 户.
        assert_eq!(normalize_text("门\u{2F3E}网站"), "门户网站");
    }

    #[test]
    fn han_and_fullwidth_punctuation_are_cjk_latin_is_not() {
        assert!(is_cjk('议'));
        assert!(is_cjk('，'));
        assert!(is_cjk('：'));
        assert!(!is_cjk('a'));
        assert!(!is_cjk('5'));
    }

    #[test]
    fn arabic_letters_are_rtl_digits_are_not() {
        assert!(is_rtl('ب'));
        assert!(!is_rtl('٣'));
        assert!(!is_rtl('3'));
        assert!(is_ltr('A'));
        assert!(is_ltr('Ж'));
    }

    #[test]
    fn extracted_text_is_read_as_glyphs_are_but_keeps_its_layout() {
        assert_eq!(
            normalize_text("\u{F0B7}\tWhat?\n\u{2F49}\u{FEFB}\x0c"),
            "•\tWhat?\n月\u{0644}\u{0627}\x0c"
        );
        // Marks in canonical order, letters composed.
        assert_eq!(
            normalize_text("\u{062C}\u{0651}\u{064E}"),
            "\u{062C}\u{064E}\u{0651}"
        );
        assert_eq!(normalize_text("Re\u{0301}sume\u{0301}"), "Résumé");
        assert!(matches!(normalize_text("plain\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn word_symbol_font_bullets_become_the_characters_they_draw() {
        assert_eq!(normalize_glyph("\u{F0B7}"), "•");
        assert_eq!(normalize_glyph("\u{F0A7}"), "▪");
        assert_eq!(normalize_glyph("\u{E000}"), "\u{E000}");
    }

    #[test]
    fn presentation_forms_and_ligatures_normalise_cjk_punctuation_does_not() {
        assert_eq!(normalize_glyph("\u{FEFB}"), "\u{0644}\u{0627}"); // lam-alef
        assert_eq!(normalize_glyph("\u{FB01}"), "fi");
        assert_eq!(normalize_glyph("，"), "，");
        assert_eq!(normalize_glyph("（续）"), "（续）");
    }

    #[test]
    fn radicals_become_the_ideographs_they_stand_for() {
        // Kangxi radicals moon, one and flute (the last), CJK radical west two.
        assert_eq!(unify_radical('\u{2F49}'), '月');
        assert_eq!(unify_radical('\u{2F00}'), '一');
        assert_eq!(unify_radical('\u{2FD5}'), '龠');
        assert_eq!(unify_radical('\u{2EC4}'), '西');
        // An equivalent beyond the BMP.
        assert_eq!(unify_radical('\u{2E87}'), '\u{20628}');
        // No equivalent ideograph, and not a radical at all.
        assert_eq!(unify_radical('\u{2E80}'), '\u{2E80}');
        assert_eq!(unify_radical('a'), 'a');
        assert_eq!(unify_radicals("7 \u{2F49} 8 \u{2F47}"), "7 月 8 日");
        assert!(matches!(unify_radicals("议程项目"), Cow::Borrowed(_)));
        assert_eq!(normalize_glyph("\u{2F49}"), "月");
    }

    #[test]
    fn the_kangxi_table_agrees_with_nfkc() {
        // NFKC maps every Kangxi radical to its ideograph; the UCD's
        // equivalents are the same characters — but for the door radical,
        // which simplified Chinese means as 户 (make_radicals.py's SIMPLIFIED).
        for c in '\u{2F00}'..='\u{2FD5}' {
            let nfkc: String = c.nfkc().collect();
            let want = if c == '\u{2F3E}' {
                "户".to_string()
            } else {
                nfkc
            };
            assert_eq!(want, unify_radical(c).to_string(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn control_characters_are_dropped_from_glyph_text() {
        assert_eq!(normalize_glyph("\u{0}"), "");
        assert_eq!(normalize_glyph("a\u{1}b\u{7F}\u{9F}"), "ab");
        assert_eq!(normalize_glyph("\t"), " ");
        assert_eq!(normalize_glyph("\r\n"), "  ");
        assert_eq!(normalize_glyph("A"), "A");
    }
}
