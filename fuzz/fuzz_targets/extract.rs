//! Bytes → layout → programme: any input must end in a value or an error,
//! never a panic in unprog's code, a hang or runaway memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::time::Duration;
use unprog_extract::Settings;
use unprog_parse::{Options, Source, SourceKind};

fuzz_target!(|data: &[u8]| {
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
});
