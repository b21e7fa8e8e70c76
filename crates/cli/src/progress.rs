//! The progress bar: on standard error when it is a terminal, silent
//! otherwise or with `--quiet`. It shows the count, a whole-number rate, the
//! time left, the failures and warnings so far, and the file just done, its
//! name cut at the start so that its end (the name itself) stays readable.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};

use indicatif::{ProgressBar, ProgressState, ProgressStyle};

pub struct Progress {
    bar: Option<ProgressBar>,
    /// Columns left for the message (counts and file name).
    room: usize,
    failed: AtomicUsize,
    warnings: AtomicUsize,
}

/// Columns of the bar itself.
const BAR: usize = 30;

impl Progress {
    pub fn new(total: u64, quiet: bool) -> Progress {
        let mut progress = Progress {
            bar: None,
            room: 0,
            failed: AtomicUsize::new(0),
            warnings: AtomicUsize::new(0),
        };
        if quiet || !std::io::stderr().is_terminal() {
            return progress;
        }
        let bar = ProgressBar::new(total);
        let template = format!("{{bar:{BAR}}} {{pos}}/{{len}} {{rate}} ETA {{eta}} {{msg}}");
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style.with_key(
                "rate",
                |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{}", rate(state.per_sec()));
                },
            ));
        }
        // What the rest of the line takes: the bar, "1234/2000 ", "999/s ",
        // "ETA 00:00:00 ".
        let digits = total.to_string().len();
        let fixed = BAR + 1 + 2 * digits + 2 + 7 + 13;
        progress.room = terminal_columns().saturating_sub(fixed + 1);
        progress.bar = Some(bar);
        progress
    }

    /// One input done: `failed`, or converted with `warnings`.
    pub fn tick(&self, name: &str, failed: bool, warnings: usize) {
        if let Some(b) = &self.bar {
            let failed = self
                .failed
                .fetch_add(usize::from(failed), Ordering::Relaxed)
                + usize::from(failed);
            let warnings = self.warnings.fetch_add(warnings, Ordering::Relaxed) + warnings;
            b.set_message(message(failed, warnings, name, self.room));
            b.inc(1);
        }
    }

    /// Prints a line above the bar (or plainly without one).
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(b) => b.println(line),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

/// The width of the terminal on standard error (80 when it cannot be told).
fn terminal_columns() -> usize {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: TIOCGWINSZ writes one `winsize` into the struct we pass.
        let mut size: libc::winsize = unsafe { std::mem::zeroed() };
        let ok = unsafe { libc::ioctl(libc::STDERR_FILENO, libc::TIOCGWINSZ, &mut size) } == 0;
        if ok && size.ws_col > 0 {
            return usize::from(size.ws_col);
        }
    }
    80
}

/// `n` things, the word in the singular for one: "1 warning", "2 warnings".
pub fn count(n: u64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Documents per second as a whole number ("12/s"); "<1/s" for fewer.
fn rate(per_sec: f64) -> String {
    if !per_sec.is_finite() {
        return "-/s".into();
    }
    if per_sec > 0.0 && per_sec < 1.0 {
        return "<1/s".into();
    }
    format!("{:.0}/s", per_sec)
}

/// The bar's message: failures and warnings so far (when there are any) and
/// the file name, in `room` columns at most.
fn message(failed: usize, warnings: usize, name: &str, room: usize) -> String {
    let mut counts = Vec::new();
    if failed > 0 {
        counts.push(format!("{failed} failed"));
    }
    if warnings > 0 {
        counts.push(count(warnings as u64, "warning"));
    }
    let counts = counts.join(", ");
    if counts.is_empty() {
        return cut_start(name, room);
    }
    let left = room.saturating_sub(counts.chars().count() + 3);
    if left < 8 {
        return cut_start(&counts, room);
    }
    format!("{counts} · {}", cut_start(name, left))
}

/// `text` in `width` columns at most, cut at the start with "…" so that its
/// end stays: "…ng/oewg-s4-en.pdf". (CJK characters count as one column: a
/// file name that holds them just cuts a little late.)
fn cut_start(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let keep: String = text.chars().skip(n - (width - 1)).collect();
    format!("…{keep}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cut_at_the_start() {
        assert_eq!(
            cut_start("archive/2023/processing/oewg-s4-en.pdf", 18),
            "…ng/oewg-s4-en.pdf"
        );
        assert_eq!(cut_start("short.pdf", 18), "short.pdf");
        assert_eq!(cut_start("x", 0), "");
    }

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(count(1, "warning"), "1 warning");
        assert_eq!(count(2, "warning"), "2 warnings");
        assert_eq!(count(0, "page"), "0 pages");
        assert_eq!(
            message(0, 1, "a/b.pdf", 60),
            "1 warning · a/b.pdf",
            "the bar's counts"
        );
        assert_eq!(message(2, 0, "a/b.pdf", 60), "2 failed · a/b.pdf");
    }

    #[test]
    fn the_rate_is_a_whole_number() {
        assert_eq!(rate(935.4567), "935/s");
        assert_eq!(rate(2.4), "2/s");
        assert_eq!(rate(0.25), "<1/s");
        assert_eq!(rate(0.0), "0/s");
    }
}
