//! Text → programme: the plain-text reader must take any UTF-8 without
//! panicking.
#![no_main]

#[path = "../bodies.rs"]
#[allow(dead_code)] // each target uses one of the bodies
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::parse_text(data));
