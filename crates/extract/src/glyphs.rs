//! The pdf-extract output device: every glyph pdf-extract decodes, with its
//! position, size and the index of the text-showing step that painted it.

use std::time::Instant;

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// A glyph as pdf-extract reports it, in PDF user space.
#[derive(Debug, Clone)]
pub(crate) struct DecodedGlyph {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub advance: f64,
    pub size: f64,
    /// Index of the text-showing step (`begin_word` call) it belongs to.
    pub show: usize,
    /// Position of the glyph within its text-showing step.
    pub nth: usize,
    pub upright: bool,
}

/// Collects glyphs; aborts the page when a limit is reached.
pub(crate) struct GlyphCollector {
    pub glyphs: Vec<DecodedGlyph>,
    show: Option<usize>,
    nth: usize,
    max_glyphs: usize,
    deadline: Option<Instant>,
    /// Set when the device stopped pdf-extract on purpose.
    pub stopped: Option<&'static str>,
}

impl GlyphCollector {
    pub fn new(max_glyphs: usize, deadline: Option<Instant>) -> Self {
        GlyphCollector {
            glyphs: Vec::new(),
            show: None,
            nth: 0,
            max_glyphs,
            deadline,
            stopped: None,
        }
    }

    /// How many text-showing steps (`begin_word` calls) pdf-extract reported,
    /// glyphs or not.
    pub fn steps(&self) -> usize {
        self.show.map_or(0, |s| s + 1)
    }

    fn stop(&mut self, why: &'static str) -> Result<(), OutputError> {
        self.stopped = Some(why);
        Err(OutputError::FormatError(std::fmt::Error))
    }
}

impl OutputDev for GlyphCollector {
    fn begin_page(
        &mut self,
        _page: u32,
        _media_box: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        if self.glyphs.len() >= self.max_glyphs {
            return self.stop("too many glyphs on the page");
        }
        if self.glyphs.len().is_multiple_of(2048)
            && self.deadline.is_some_and(|d| Instant::now() > d)
        {
            return self.stop("time budget exhausted");
        }
        let size = font_size * (trm.m21 * trm.m21 + trm.m22 * trm.m22).sqrt();
        let advance = width * font_size * (trm.m11 * trm.m11 + trm.m12 * trm.m12).sqrt();
        let (x, y) = (trm.m31, trm.m32);
        let nth = self.nth;
        self.nth += 1;
        if !(size.is_finite() && advance.is_finite() && x.is_finite() && y.is_finite()) {
            return Ok(());
        }
        self.glyphs.push(DecodedGlyph {
            text: text.to_string(),
            x,
            y,
            advance,
            size: size.abs(),
            show: self.show.unwrap_or(0),
            nth,
            upright: trm.m12.abs() < 1e-6 && trm.m11 > 0.0 && trm.m22 > 0.0,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.show = Some(self.show.map_or(0, |s| s + 1));
        self.nth = 0;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
