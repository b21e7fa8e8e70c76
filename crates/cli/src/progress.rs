//! The progress bar: on standard error when it is a terminal, silent
//! otherwise or with `--quiet`.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    pub fn new(total: u64, quiet: bool) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = ProgressBar::new(total);
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} ETA {eta} {wide_msg}")
        {
            bar.set_style(style);
        }
        Progress { bar: Some(bar) }
    }

    pub fn tick(&self, name: &str) {
        if let Some(b) = &self.bar {
            b.set_message(name.to_string());
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
