//! The bar chart of a multi-session report: hours per sub-item (and per
//! agenda item taken up without sub-items) in each session, as inline SVG,
//! with its key as an HTML table.
//!
//! The bars run across: one row per subject, one bar per session in it, so
//! the chart grows downwards with the number of subjects and sessions and
//! never sideways, and no two labels share a place — each session's label
//! sits on its bar's own line, each subject's label and title (wrapped, cut
//! with an ellipsis when the rows run out) in its row's own band.

use super::colours;
use super::html::escape;
use crate::compare::render::hours as fmt_hours;
use crate::hours;
use std::fmt::Write;
use unicode_width::UnicodeWidthChar;
use unprog_parse::Programme;

/// The chart's width; the page scales it down on a narrow screen.
const WIDTH: f64 = 960.0;
/// Bar thickness and the space between the bars of one subject.
const BAR: f64 = 11.0;
const BAR_GAP: f64 = 2.0;
/// Space between two subjects' rows.
const GROUP_GAP: f64 = 12.0;
/// Subject labels and titles: left edge, width in display columns (about
/// 6 px each at 11 px, so they end before the session labels), line height.
const TITLE_X: f64 = 8.0;
const TITLE_COLUMNS: usize = 52;
const LINE: f64 = 13.0;
/// Session labels: right-aligned at `SESSION_X`, at most this many columns.
const SESSION_X: f64 = 400.0;
const SESSION_COLUMNS: usize = 12;
/// The plot area.
const PLOT_X: f64 = 408.0;
const PLOT_WIDTH: f64 = 500.0;
const TOP: f64 = 24.0;
const BOTTOM: f64 = 12.0;

/// A tick step that gives four to ten ticks.
fn step(max: f64) -> f64 {
    [0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
        .into_iter()
        .find(|s| max / s <= 10.0)
        .unwrap_or(200.0)
}

/// Display columns of a string (CJK characters count two).
fn columns(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// `s` cut to at most `max` columns, with "…" when anything was cut.
fn cut(s: &str, max: usize) -> String {
    if columns(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// `text` in at most `lines` lines of at most `max` columns: broken at
/// spaces where there are some, anywhere in text set solid (Chinese); the
/// last line ends with "…" when the text does not fit.
pub(crate) fn wrap(text: &str, max: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() && out.len() < lines {
        if out.len() + 1 == lines || columns(rest) <= max {
            out.push(cut(rest, max));
            break;
        }
        // The longest prefix that fits, then back to its last space.
        let mut end = 0;
        let mut used = 0;
        for (i, c) in rest.char_indices() {
            let w = c.width().unwrap_or(0);
            if used + w > max {
                break;
            }
            used += w;
            end = i + c.len_utf8();
        }
        let cut_at = match rest[..end].rfind(' ') {
            Some(space) if space > 0 && rest[end..].starts_with(|c: char| c != ' ') => space,
            _ => end,
        };
        let cut_at = if cut_at == 0 {
            rest.chars().next().map_or(rest.len(), char::len_utf8)
        } else {
            cut_at
        };
        out.push(rest[..cut_at].trim_end().to_string());
        rest = rest[cut_at..].trim_start();
    }
    out
}

/// The chart; `labels` names each session beside its bar (and in the key).
pub fn svg(sessions: &[&Programme], labels: &[String]) -> String {
    let rows = hours::by_subject(sessions);
    let n = sessions.len();
    let bars = n as f64 * (BAR + BAR_GAP) - BAR_GAP;
    // Each subject's band holds its bars and at least two title lines.
    let band = bars.max(2.0 * LINE);
    let height = TOP + rows.len() as f64 * (band + GROUP_GAP) + BOTTOM;
    let max = rows
        .iter()
        .flat_map(|r| r.1.iter().copied())
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let step = step(max);
    let top_value = (max / step).ceil() * step;
    let x = |h: f64| PLOT_X + h / top_value * PLOT_WIDTH;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {WIDTH:.0} {height:.0}\" role=\"img\" aria-label=\"Hours per sub-item per session\">"
    );
    let mut tick = 0.0;
    while tick <= top_value + 1e-9 {
        let _ = writeln!(
            out,
            "<line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" class=\"tick\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"middle\">{}</text>",
            x(tick),
            x(tick),
            TOP - 4.0,
            height - BOTTOM,
            x(tick),
            TOP - 8.0,
            fmt_hours(tick)
        );
        tick += step;
    }
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"start\">hours</text>",
        x(top_value) + 16.0,
        TOP - 8.0
    );
    for (g, (subject, values)) in rows.iter().enumerate() {
        let y0 = TOP + g as f64 * (band + GROUP_GAP) + GROUP_GAP / 2.0;
        let colour = colours::of(subject);
        let title = hours::title(subject, sessions.iter().copied());
        let lines = ((band / LINE).floor() as usize).max(1);
        let _ = writeln!(
            out,
            "<g class=\"group\"><title>{}</title>",
            escape(&format!("{} {}", subject.label(), title))
        );
        let label = subject.label();
        let mut title_lines =
            wrap(&format!("{label} {title}"), TITLE_COLUMNS, lines.min(4)).into_iter();
        if let Some(first) = title_lines.next() {
            // The label in bold, the rest of the first line plain.
            let rest = first.strip_prefix(&label).unwrap_or(&first).to_string();
            let _ = writeln!(
                out,
                "<text x=\"{TITLE_X}\" y=\"{:.1}\" class=\"subject\"><tspan class=\"code\">{}</tspan>{}</text>",
                y0 + LINE - 3.0,
                escape(&label),
                escape(&rest)
            );
        }
        for (k, line) in title_lines.enumerate() {
            let _ = writeln!(
                out,
                "<text x=\"{TITLE_X}\" y=\"{:.1}\" class=\"subject\">{}</text>",
                y0 + (k + 2) as f64 * LINE - 3.0,
                escape(&line)
            );
        }
        for (i, h) in values.iter().enumerate() {
            let y = y0 + i as f64 * (BAR + BAR_GAP);
            let session = labels.get(i).map_or("", String::as_str);
            let _ = writeln!(
                out,
                "<text x=\"{SESSION_X}\" y=\"{:.1}\" class=\"session\" text-anchor=\"end\">{}</text>",
                y + BAR - 3.0,
                escape(&cut(session, SESSION_COLUMNS))
            );
            let _ = writeln!(
                out,
                "<rect class=\"bar\" x=\"{PLOT_X:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{BAR}\" fill=\"{colour}\"><title>{}: {} — {} h</title></rect>",
                (x(*h) - PLOT_X).max(0.0),
                escape(session),
                escape(&format!("{label} {title}")),
                fmt_hours(*h)
            );
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" class=\"value\">{}</text>",
                x(*h) + 4.0,
                y + BAR - 3.0,
                fmt_hours(*h)
            );
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

/// The chart's key: each colour with its subject's label and whole title,
/// and each session label with its document.
pub fn key(sessions: &[&Programme], labels: &[String]) -> String {
    let mut out = String::from("<div class=\"key\">\n<table class=\"legend\">\n<caption>Colours: what the time is spent on</caption>\n");
    for (subject, _) in hours::by_subject(sessions) {
        let _ = writeln!(
            out,
            "<tr><td><span class=\"swatch\" style=\"background: {}\"></span></td><td class=\"code\" dir=\"ltr\">{}</td><td>{}</td></tr>",
            colours::of(&subject),
            escape(&subject.label()),
            escape(&hours::title(&subject, sessions.iter().copied()))
        );
    }
    out.push_str("</table>\n<table class=\"legend\">\n<caption>Bars: one per session, top to bottom</caption>\n");
    for (p, label) in sessions.iter().zip(labels) {
        let dates = match (&p.session.start_date, &p.session.end_date) {
            (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
            (Some(a), _) => a.clone(),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"code\"><b>{}</b></td><td>{}</td><td>{}</td><td dir=\"ltr\">{}</td></tr>",
            escape(label),
            escape(p.symbol.as_deref().unwrap_or(&p.source.file)),
            p.language.code(),
            escape(&dates)
        );
    }
    out.push_str("</table>\n</div>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_stay_between_four_and_ten() {
        assert_eq!(step(3.0), 0.5);
        assert_eq!(step(9.0), 1.0);
        assert_eq!(step(18.0), 2.0);
        assert_eq!(step(40.0), 5.0);
    }

    #[test]
    fn titles_wrap_at_spaces_and_end_in_an_ellipsis_when_cut() {
        assert_eq!(
            wrap("Further development of the rules, norms", 16, 3),
            ["Further", "development of", "the rules, norms"]
        );
        assert_eq!(
            wrap(
                "Further development of the rules, norms and principles",
                16,
                2
            ),
            ["Further", "development of…"]
        );
        // Chinese breaks anywhere, two columns a character.
        assert_eq!(
            wrap("进一步制定负责任国家行为", 8, 2),
            ["进一步制", "定负责…"]
        );
        assert_eq!(wrap("", 8, 2), Vec::<String>::new());
        for line in wrap(&"word ".repeat(40), 10, 4) {
            assert!(columns(&line) <= 10, "{line}");
        }
    }

    #[test]
    fn long_session_labels_are_cut() {
        assert_eq!(cut("S4", 12), "S4");
        assert_eq!(
            cut("oewg-ict-s4-programme-zh.pdftext.txt", 12),
            "oewg-ict-s4…"
        );
    }
}
