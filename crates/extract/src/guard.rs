//! Containment of panics from the PDF libraries.
//!
//! pdf-extract and lopdf panic on some malformed fonts and streams. Every call
//! into them goes through [`contain`], which turns a panic into an `Err` and
//! keeps the default panic hook from printing to the terminal while it runs.
//! Panics elsewhere in the program are still reported as usual.
//!
//! With the `fuzzing` feature, a contained panic raised in unprog's own code
//! (not in a dependency) aborts the process instead, so that a fuzzer reports
//! it as a crash: containment is for other people's bugs, not for ours.

use std::any::Any;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static CONTAINED: Cell<u32> = const { Cell::new(0) };
}

static INSTALL: Once = Once::new();

pub(crate) fn install_quiet_hook() {
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CONTAINED.with(|c| c.get()) == 0 {
                previous(info);
            } else if cfg!(feature = "fuzzing")
                && info.location().is_some_and(|l| is_own_code(l.file()))
            {
                previous(info);
                std::process::abort();
            }
        }));
    });
}

/// Whether a source path belongs to unprog's own crates rather than to a
/// dependency (dependencies are compiled from the cargo registry).
fn is_own_code(file: &str) -> bool {
    !file.contains(".cargo/registry") && !file.contains("/rustc/") && !file.starts_with("/rust/")
}

/// Runs `f`; a panic inside becomes `Err(message)` and prints nothing.
pub(crate) fn contain<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_quiet_hook();
    CONTAINED.with(|c| c.set(c.get() + 1));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CONTAINED.with(|c| c.set(c.get().saturating_sub(1)));
    result.map_err(|payload| panic_message(payload.as_ref()))
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-text payload".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_message() {
        let r: Result<(), String> = contain(|| panic!("bad font {}", 7));
        assert_eq!(r.unwrap_err(), "bad font 7");
    }

    #[test]
    fn own_code_is_told_from_dependencies() {
        assert!(is_own_code("crates/extract/src/textlines.rs"));
        assert!(!is_own_code(
            "/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lopdf-0.36.0/src/parser.rs"
        ));
        assert!(!is_own_code("/rustc/59807616e/library/core/src/str/mod.rs"));
    }

    #[test]
    fn a_normal_value_passes_through() {
        assert_eq!(contain(|| 41 + 1), Ok(42));
    }
}
