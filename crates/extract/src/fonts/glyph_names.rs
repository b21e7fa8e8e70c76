//! Glyph names to text: the algorithm of the Adobe Glyph List
//! specification (<https://github.com/adobe-type-tools/agl-specification>,
//! section 2), over the full Adobe Glyph List (see [`super::glyph_list`]).
//!
//! Fonts without a ToUnicode map say what their glyphs are only by name:
//! `/Encoding /Differences` arrays, and the built-in encodings of Type 1
//! font programs. Real fonts name glyphs `afii57415.fin`, `uni0644.init`,
//! `f_f_i`, `uni200D.iso` or `u1EE00`; the algorithm reads them all:
//!
//! 1. drop everything from the first period on (`.fin`, `.sc`, `.notdef`);
//! 2. split what is left into components at underscores (a ligature);
//! 3. map each component, and concatenate: a Zapf Dingbats name (`a1`...)
//!    when the font is Zapf Dingbats; else a name of the AGL, or of TeX's
//!    fonts that the AGL lacks (`angbracketleft`, pdfTeX's reading); else `uni`
//!    and groups of four upper-case hex digits (several BMP code points);
//!    else `u` and four to six upper-case hex digits (one code point); else
//!    nothing.

use super::glyph_list::{LEN, NAMES, NAME_ENDS, TEXTS, TEXT_ENDS, ZAPF_DINGBATS};

/// The text a glyph name stands for, or `None` when it stands for none
/// (`.notdef`, a name outside the AGL not of the `uniXXXX`/`uXXXX` forms).
/// `zapf_dingbats`: the font is ITC Zapf Dingbats, whose glyphs are named
/// `a1` to `a191`.
///
/// A ligature gives the text of every component it can read, in order
/// (`f_f_i` is "ffi"); components it cannot read give nothing.
pub(crate) fn to_text(name: &str, zapf_dingbats: bool) -> Option<String> {
    let base = name.split('.').next().unwrap_or_default();
    let mut out = String::new();
    for component in base.split('_') {
        component_text(component, zapf_dingbats, &mut out);
    }
    (!out.is_empty()).then_some(out)
}

/// Appends the text of one component of a glyph name (step 3).
fn component_text(component: &str, zapf_dingbats: bool, out: &mut String) {
    if component.is_empty() {
        return;
    }
    if zapf_dingbats {
        if let Some(c) = zapf_dingbat(component) {
            out.push(c);
            return;
        }
    }
    if let Some(text) = agl(component) {
        out.push_str(text);
    } else if let Some(c) = tex_name(component) {
        out.push(c);
    } else if let Some(hex) = component.strip_prefix("uni") {
        // Groups of four digits, each a BMP scalar value (no surrogates);
        // any bad group and the component means nothing.
        if hex.is_empty() || hex.len() % 4 != 0 {
            return;
        }
        let start = out.len();
        for group in hex.as_bytes().chunks(4) {
            match upper_hex(group).and_then(char::from_u32) {
                Some(c) => out.push(c),
                None => {
                    out.truncate(start);
                    return;
                }
            }
        }
    } else if let Some(hex) = component.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) {
            if let Some(c) = upper_hex(hex.as_bytes()).and_then(char::from_u32) {
                out.push(c);
            }
        }
    }
}

/// The value of upper-case hexadecimal digits (the specification rejects
/// lower-case ones: `uni00e9` is not é).
fn upper_hex(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |acc, &d| {
        let v = match d {
            b'0'..=b'9' => d - b'0',
            b'A'..=b'F' => d - b'A' + 10,
            _ => return None,
        };
        Some(acc << 4 | u32::from(v))
    })
}

/// The name's text in the Adobe Glyph List (binary search of the sorted
/// table).
fn agl(name: &str) -> Option<&'static str> {
    let name_at = |i: usize| -> &'static str {
        let start = i.checked_sub(1).map_or(0, |p| usize::from(NAME_ENDS[p]));
        NAMES
            .get(start..usize::from(NAME_ENDS[i]))
            .unwrap_or_default()
    };
    let (mut lo, mut hi) = (0, LEN);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match name_at(mid).as_bytes().cmp(name.as_bytes()) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => {
                let start = mid.checked_sub(1).map_or(0, |p| usize::from(TEXT_ENDS[p]));
                return TEXTS.get(start..usize::from(TEXT_ENDS[mid]));
            }
        }
    }
    None
}

/// Glyph names of TeX's fonts that the AGL lacks (Computer Modern and AMS
/// symbol fonts, cmtt), as pdfTeX's `glyphtounicode.tex` reads them: the
/// built-in encoding of CMSY names ⟨ and ⟩ `angbracketleft` and
/// `angbracketright`, which a MetaPost or LaTeX manual's syntax uses on
/// every page. Sorted by name.
const TEX_NAMES: &[(&str, char)] = &[
    ("angbracketleft", '\u{27e8}'),
    ("angbracketright", '\u{27e9}'),
    ("arrowbothv", '\u{2195}'),
    ("arrowdblbothv", '\u{21d5}'),
    ("bardbl", '\u{2016}'),
    ("ceilingleft", '\u{2308}'),
    ("ceilingright", '\u{2309}'),
    ("circledivide", '\u{2298}'),
    ("circleminus", '\u{2296}'),
    ("contintegral", '\u{222e}'),
    ("coproduct", '\u{2210}'),
    ("equivasymptotic", '\u{224d}'),
    ("floorleft", '\u{230a}'),
    ("floorright", '\u{230b}'),
    ("follows", '\u{227b}'),
    ("followsequal", '\u{2ab0}'),
    ("greatermuch", '\u{226b}'),
    ("intersectionsq", '\u{2293}'),
    ("latticetop", '\u{22a4}'),
    ("lessmuch", '\u{226a}'),
    ("lscript", '\u{2113}'),
    ("owner", '\u{220b}'),
    ("precedesequal", '\u{2aaf}'),
    ("prime", '\u{2032}'),
    ("similarequal", '\u{2243}'),
    ("triangleinv", '\u{25bd}'),
    ("turnstileleft", '\u{22a2}'),
    ("turnstileright", '\u{22a3}'),
    ("unionmulti", '\u{228e}'),
    ("unionsq", '\u{2294}'),
    ("visiblespace", '\u{2423}'),
];

/// The character of a TeX glyph name the AGL lacks ([`TEX_NAMES`]).
fn tex_name(name: &str) -> Option<char> {
    TEX_NAMES
        .binary_search_by(|(n, _)| n.cmp(&name))
        .ok()
        .map(|i| TEX_NAMES[i].1)
}

/// The character of a Zapf Dingbats glyph name `a<n>`.
fn zapf_dingbat(name: &str) -> Option<char> {
    let digits = name.strip_prefix('a')?;
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: usize = digits.parse().ok()?;
    ZAPF_DINGBATS.chars().nth(n).filter(|&c| c != ' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(name: &str) -> Option<String> {
        to_text(name, false)
    }

    #[test]
    fn the_table_is_sorted_and_whole() {
        assert_eq!(NAME_ENDS.len(), LEN);
        assert_eq!(usize::from(NAME_ENDS[LEN - 1]), NAMES.len());
        assert_eq!(usize::from(TEXT_ENDS[LEN - 1]), TEXTS.len());
        let names: Vec<&str> = (0..LEN)
            .map(|i| {
                let start = if i == 0 { 0 } else { NAME_ENDS[i - 1] as usize };
                &NAMES[start..NAME_ENDS[i] as usize]
            })
            .collect();
        assert!(names.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        // The full list, the afii names and the legacy names included.
        assert!(names.len() > 4200, "{}", names.len());
        let afii = names.iter().filter(|n| n.starts_with("afii")).count();
        assert!(afii > 200, "{afii} afii names");
        for name in &names {
            assert!(agl(name).is_some_and(|t| !t.is_empty()), "{name}");
        }
    }

    #[test]
    fn plain_agl_names() {
        assert_eq!(text("A").as_deref(), Some("A"));
        assert_eq!(text("Lcommaaccent").as_deref(), Some("\u{13B}"));
        assert_eq!(text("eacute").as_deref(), Some("é"));
        assert_eq!(text("space").as_deref(), Some(" "));
        assert_eq!(text("zukatakana").as_deref(), Some("ズ"));
        // A legacy name for two code points (dalet with hataf patah).
        assert_eq!(text("dalethatafpatah").as_deref(), Some("\u{5D3}\u{5B2}"));
    }

    #[test]
    fn afii_names_are_arabic_and_cyrillic_letters() {
        // afii57415 is ARABIC LETTER ALEF; the suffix names a contextual form.
        assert_eq!(text("afii57415.fin").as_deref(), Some("\u{627}"));
        assert_eq!(text("afii57415"), text("afii57415.fin"));
        // Ligatures of afii names: lam-alef; shadda with fathatan.
        assert_eq!(
            text("afii57444_afii57415").as_deref(),
            Some("\u{644}\u{627}")
        );
        assert_eq!(
            text("afii57457_afii57451").as_deref(),
            Some("\u{651}\u{64B}")
        );
        assert_eq!(text("afii10017").as_deref(), Some("А"), "Cyrillic A");
    }

    #[test]
    fn suffixes_are_dropped() {
        assert_eq!(text("uni0644.init").as_deref(), Some("ل"));
        assert_eq!(text("uni200D.iso").as_deref(), Some("\u{200D}"));
        assert_eq!(text("a.sc.alt").as_deref(), Some("a"));
        assert_eq!(text(".notdef"), None);
        assert_eq!(text(".null"), None);
        assert_eq!(text(""), None);
    }

    #[test]
    fn ligatures_are_split_at_underscores() {
        assert_eq!(text("f_f_i").as_deref(), Some("ffi"));
        assert_eq!(text("f_f_i.liga").as_deref(), Some("ffi"));
        assert_eq!(text("longs_t.oldstyle").as_deref(), Some("ſt"));
        // A component it cannot read gives nothing; the others stay.
        assert_eq!(text("f_nosuchglyph_i").as_deref(), Some("fi"));
        assert_eq!(text("_"), None);
    }

    #[test]
    fn uni_names_read_groups_of_four_hex_digits() {
        assert_eq!(text("uni0041").as_deref(), Some("A"));
        assert_eq!(text("uni00410042").as_deref(), Some("AB"));
        assert_eq!(text("uni004100420043").as_deref(), Some("ABC"));
        // Not a multiple of four, a surrogate, lower-case digits: nothing.
        assert_eq!(text("uni041"), None);
        assert_eq!(text("uni00410"), None);
        assert_eq!(text("uniD800"), None);
        assert_eq!(text("uni0041D800"), None);
        assert_eq!(text("uni00e9"), None);
        assert_eq!(text("uni"), None);
        assert_eq!(text("uniXYZW"), None);
    }

    #[test]
    fn u_names_read_four_to_six_hex_digits() {
        assert_eq!(text("u1EE00").as_deref(), Some("\u{1EE00}"));
        assert_eq!(text("u0041").as_deref(), Some("A"));
        assert_eq!(text("u10FFFF").as_deref(), Some("\u{10FFFF}"));
        assert_eq!(text("u110000"), None, "past Unicode");
        assert_eq!(text("uD800"), None, "a surrogate");
        assert_eq!(text("u041"), None, "three digits");
        assert_eq!(text("u0010FFFF"), None, "eight digits");
        assert_eq!(text("u1ee00"), None, "lower case");
    }

    #[test]
    fn unknown_names_give_nothing() {
        assert_eq!(text("g123"), None);
        assert_eq!(text("cid00042"), None);
        assert_eq!(text("Aacute "), None);
        assert_eq!(text("aacute.sc"), Some("á".into()));
        assert_eq!(text("AACUTE"), None, "names are case-sensitive");
    }

    #[test]
    fn zapf_dingbats_names_only_in_zapf_dingbats() {
        assert_eq!(to_text("a1", true).as_deref(), Some("\u{2701}"));
        assert_eq!(to_text("a4", true).as_deref(), Some("\u{260E}"));
        assert_eq!(to_text("a1", false), None);
        // Other names still read in Zapf Dingbats.
        assert_eq!(to_text("space", true).as_deref(), Some(" "));
        assert_eq!(to_text("a9999", true), None);
    }

    #[test]
    fn tex_glyph_names_the_agl_lacks() {
        assert_eq!(
            to_text("angbracketleft", false).as_deref(),
            Some("\u{27e8}")
        );
        assert_eq!(
            to_text("angbracketright", false).as_deref(),
            Some("\u{27e9}")
        );
        assert_eq!(to_text("visiblespace", false).as_deref(), Some("\u{2423}"));
        assert_eq!(to_text("prime", false).as_deref(), Some("\u{2032}"));
        // The AGL still comes first, and unknown names still mean nothing.
        assert_eq!(to_text("angleleft", false).as_deref(), Some("\u{2329}"));
        assert_eq!(to_text("angbracketmiddle", false), None);
        // The table is sorted (binary search).
        assert!(TEX_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
