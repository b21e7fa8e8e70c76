//! Text → programme: the plain-text reader must take any UTF-8 without
//! panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unprog_parse::Options;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = unprog_parse::parse_text(text, "fuzz.txt", &Options::default());
    }
});
