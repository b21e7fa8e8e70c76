//! What each fuzz target does with one input. Shared by the cargo-fuzz
//! targets (`fuzz_targets/`) and by the workspace's `regressions` test, which
//! includes this file: so CI compiles it against the current API and replays
//! the fuzzers' finds through exactly this code.

use std::time::Duration;
use unprog_extract::Settings;
use unprog_parse::{Options, Source, SourceKind};

/// Bytes → layout → text, words and programme.
pub fn extract(data: &[u8]) {
    let options = Options {
        extract: Settings {
            max_pages: 50,
            time_budget: Some(Duration::from_secs(2)),
            ..Settings::default()
        },
        language: None,
    };
    let Ok(layout) = unprog_extract::extract(data, &options.extract) else {
        return;
    };
    let _ = layout.text();
    for page in &layout.pages {
        let _ = page.words();
    }
    let source = Source {
        file: "fuzz.pdf".into(),
        sha256: String::new(),
        kind: SourceKind::Pdf,
        pages: layout.pages.len() as u32,
    };
    let _ = unprog_parse::parse_layout(&layout, source, &options);
}

/// UTF-8 text → programme.
pub fn parse_text(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = unprog_parse::parse_text(text, "fuzz.txt", &Options::default());
    }
}
