//! What the extractor knows about fonts: ToUnicode maps ([`cmap`]), the
//! CIDs of Adobe's CJK collections ([`cid_collection`]), glyph names and the
//! Adobe Glyph List ([`glyph_names`]), and what the codes of a simple font
//! mean when only its encoding says ([`encoding`]).

pub(crate) mod cid_collection;
pub(crate) mod cmap;
pub(crate) mod encoding;
mod glyph_list;
pub(crate) mod glyph_names;
