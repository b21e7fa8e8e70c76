//! Panics never reach the user as Rust's own report (`thread 'x' panicked
//! at …`, `called Result::unwrap() on an Err value`, a stack backtrace): the
//! hook installed here prints nothing and remembers where the panic was, and
//! whoever catches it says "internal error" once, with that place, for a bug
//! report. `UNPROG_DEBUG_PANICS=1` brings Rust's report back (for
//! developers).

use std::cell::RefCell;
use std::sync::Mutex;

thread_local! {
    static LAST_HERE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The last panic on any thread (for the catch-all in `main`, where a panic
/// may have been raised on a pool thread and resumed on the main one).
static LAST_ANYWHERE: Mutex<Option<String>> = Mutex::new(None);

/// Installs the quiet hook (once, first thing in `main`; the extractor's own
/// hook for contained panics wraps it).
pub fn install() {
    let rust_report = std::panic::take_hook();
    let debug = std::env::var_os("UNPROG_DEBUG_PANICS").is_some_and(|v| v != "0");
    std::panic::set_hook(Box::new(move |info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()));
        LAST_HERE.with(|c| *c.borrow_mut() = place.clone());
        if let Ok(mut last) = LAST_ANYWHERE.lock() {
            *last = place;
        }
        if debug {
            rust_report(info);
        }
    }));
}

/// Where the last panic on this thread was raised, taken.
pub fn take_here() -> Option<String> {
    LAST_HERE.with(|c| c.borrow_mut().take())
}

/// Where the last panic on any thread was raised, taken.
pub fn take_anywhere() -> Option<String> {
    LAST_ANYWHERE.lock().ok().and_then(|mut l| l.take())
}

/// The one message for a panic caught at `place`.
pub fn message(place: Option<&str>) -> String {
    unprog_export::document::internal_error(place).message
}
