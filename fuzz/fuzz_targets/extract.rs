//! Bytes → layout → programme: any input must end in a value or an error,
//! never a panic in unprog's code, a hang or runaway memory.
#![no_main]

#[path = "../bodies.rs"]
#[allow(dead_code)] // each target uses one of the bodies
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::extract(data));
