//! Unicode for the CIDs of Adobe's CJK character collections.
//!
//! A CID font whose `/CIDSystemInfo` names one of Adobe's public collections
//! (`Adobe-GB1`, `Adobe-Japan1`, `Adobe-CNS1`, `Adobe-Korea1`) numbers its
//! glyphs by that collection, so a code means a character even where the
//! font has no ToUnicode map: XeTeX and dvipdfmx embed OpenType CJK fonts so
//! (FandolSong, HaranoAji), and poppler and PDFium read their text through
//! the collection. With the `Identity-H`/`Identity-V` CMap the code is the
//! CID.
//!
//! The tables are Adobe's `Adobe-*-UCS2` CMaps (BSD-3-Clause, from Adobe's
//! cmap-resources as shipped in poppler-data), gzip-compressed in
//! `cid_data/` (see its README) and read once per process, on first use.

use std::io::Read;
use std::sync::OnceLock;

use flate2::read::GzDecoder;

use super::cmap::ToUnicode;

/// One of Adobe's CJK character collections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Collection {
    /// Simplified Chinese (`Adobe-GB1`).
    Gb1,
    /// Japanese (`Adobe-Japan1`).
    Japan1,
    /// Traditional Chinese (`Adobe-CNS1`).
    Cns1,
    /// Korean (`Adobe-Korea1`).
    Korea1,
}

/// The decompressed size of a table, at most (the largest is 300 kB).
const MAX_TABLE: u64 = 2 << 20;

impl Collection {
    /// The collection a `/CIDSystemInfo`'s `/Registry` and `/Ordering` name.
    pub(crate) fn from_system_info(registry: &[u8], ordering: &[u8]) -> Option<Self> {
        if registry != b"Adobe" {
            return None;
        }
        match ordering {
            b"GB1" => Some(Self::Gb1),
            b"Japan1" => Some(Self::Japan1),
            b"CNS1" => Some(Self::Cns1),
            b"Korea1" => Some(Self::Korea1),
            _ => None,
        }
    }

    fn table(self) -> Option<&'static ToUnicode> {
        static GB1: OnceLock<Option<ToUnicode>> = OnceLock::new();
        static JAPAN1: OnceLock<Option<ToUnicode>> = OnceLock::new();
        static CNS1: OnceLock<Option<ToUnicode>> = OnceLock::new();
        static KOREA1: OnceLock<Option<ToUnicode>> = OnceLock::new();
        let (cell, data): (_, &[u8]) = match self {
            Self::Gb1 => (&GB1, include_bytes!("cid_data/Adobe-GB1-UCS2.gz")),
            Self::Japan1 => (&JAPAN1, include_bytes!("cid_data/Adobe-Japan1-UCS2.gz")),
            Self::Cns1 => (&CNS1, include_bytes!("cid_data/Adobe-CNS1-UCS2.gz")),
            Self::Korea1 => (&KOREA1, include_bytes!("cid_data/Adobe-Korea1-UCS2.gz")),
        };
        cell.get_or_init(|| {
            let mut text = Vec::new();
            GzDecoder::new(data)
                .take(MAX_TABLE)
                .read_to_end(&mut text)
                .ok()?;
            ToUnicode::parse(&text)
        })
        .as_ref()
    }

    /// The text of a CID, without the variation selectors some entries add
    /// (a glyph variant is the same character in text); `None` for a CID the
    /// collection does not map (or maps to U+FFFD, as CID 0).
    pub(crate) fn text(self, cid: u32) -> Option<String> {
        let t = self.table()?.get(cid)?;
        let t: String = t.chars().filter(|&c| !is_variation_selector(c)).collect();
        (!t.is_empty() && t != "\u{fffd}").then_some(t)
    }
}

fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collections_are_named_by_registry_and_ordering() {
        assert_eq!(
            Collection::from_system_info(b"Adobe", b"GB1"),
            Some(Collection::Gb1)
        );
        assert_eq!(
            Collection::from_system_info(b"Adobe", b"Japan1"),
            Some(Collection::Japan1)
        );
        assert_eq!(Collection::from_system_info(b"Adobe", b"Identity"), None);
        assert_eq!(Collection::from_system_info(b"Other", b"GB1"), None);
    }

    #[test]
    fn cids_map_to_their_characters() {
        // Adobe-GB1: CID 2 is "!"; the first hanzi of GB 2312 (啊) is CID
        // 940.
        assert_eq!(Collection::Gb1.text(2).as_deref(), Some("!"));
        assert_eq!(Collection::Gb1.text(940).as_deref(), Some("啊"));
        // Adobe-Japan1: CID 843 is あ, 1125 is 亜.
        assert_eq!(Collection::Japan1.text(843).as_deref(), Some("あ"));
        assert_eq!(Collection::Japan1.text(1125).as_deref(), Some("亜"));
        // Adobe-CNS1: CID 595 is 一; Adobe-Korea1: CID 1086 is 가.
        assert_eq!(Collection::Cns1.text(595).as_deref(), Some("一"));
        assert_eq!(Collection::Korea1.text(1086).as_deref(), Some("가"));
        // CID 0 is .notdef.
        assert_eq!(Collection::Japan1.text(0), None);
    }

    #[test]
    fn variation_selectors_are_left_out() {
        // Adobe-Japan1 maps CID 1133 (a variant of 逢) to 逢 + U+E0100.
        let t = Collection::Japan1.text(0x046d).expect("mapped");
        assert!(!t.chars().any(is_variation_selector), "{t:?}");
        assert_eq!(t, "逢");
    }
}
