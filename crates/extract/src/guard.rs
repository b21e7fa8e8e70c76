//! Containment of panics from the PDF libraries.
//!
//! pdf-extract and lopdf panic on some malformed fonts and streams. Every call
//! into them goes through [`contain`], which turns a panic into an `Err` and
//! keeps the default panic hook from printing to the terminal while it runs.
//! Panics elsewhere in the program are still reported as usual.

use std::any::Any;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static CONTAINED: Cell<u32> = const { Cell::new(0) };
}

static INSTALL: Once = Once::new();

fn install_quiet_hook() {
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CONTAINED.with(|c| c.get()) == 0 {
                previous(info);
            }
        }));
    });
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
    fn a_normal_value_passes_through() {
        assert_eq!(contain(|| 41 + 1), Ok(42));
    }
}
