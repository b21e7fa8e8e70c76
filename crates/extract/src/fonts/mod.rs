//! What the extractor knows about fonts: ToUnicode maps ([`cmap`]).

pub(crate) mod cmap;
