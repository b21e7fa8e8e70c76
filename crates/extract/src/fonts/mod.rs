//! What the extractor knows about fonts: ToUnicode maps ([`cmap`]), glyph
//! names and the Adobe Glyph List ([`glyph_names`]), and what the codes of a
//! simple font mean when only its encoding says ([`encoding`]).

pub(crate) mod cmap;
pub(crate) mod encoding;
mod glyph_list;
pub(crate) mod glyph_names;
