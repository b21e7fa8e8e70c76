//! The bar chart of a multi-session report: hours per sub-item (and per
//! agenda item taken up without sub-items) in each session, as inline SVG.

use super::colours;
use super::html::escape;
use crate::compare::render::hours as fmt_hours;
use crate::hours;
use std::fmt::Write;
use unprog_parse::Programme;

const BAR: f64 = 17.0;
const BAR_GAP: f64 = 2.0;
const GROUP_GAP: f64 = 14.0;
const PLOT_HEIGHT: f64 = 220.0;
const LEFT: f64 = 44.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 46.0;

/// A tick step that gives four to ten ticks.
fn step(max: f64) -> f64 {
    [0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
        .into_iter()
        .find(|s| max / s <= 10.0)
        .unwrap_or(200.0)
}

/// The chart; `labels` names each session under its bars.
pub fn svg(sessions: &[&Programme], labels: &[String]) -> String {
    let rows = hours::by_subject(sessions);
    let n = sessions.len() as f64;
    let group = n * (BAR + BAR_GAP) - BAR_GAP;
    let width = LEFT + rows.len() as f64 * (group + GROUP_GAP) + 10.0;
    let height = TOP + PLOT_HEIGHT + BOTTOM;
    let max = rows
        .iter()
        .flat_map(|r| r.1.iter().copied())
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let step = step(max);
    let top_value = (max / step).ceil() * step;
    let y = |h: f64| TOP + PLOT_HEIGHT - h / top_value * PLOT_HEIGHT;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" role=\"img\" aria-label=\"Hours per sub-item per session\">"
    );
    let mut tick = 0.0;
    while tick <= top_value + 1e-9 {
        let _ = writeln!(
            out,
            "<line x1=\"{LEFT}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" class=\"tick\"/><text x=\"{:.1}\" y=\"{:.1}\" class=\"axis\" text-anchor=\"end\">{}</text>",
            width - 10.0,
            y(tick),
            y(tick),
            LEFT - 6.0,
            y(tick) + 4.0,
            fmt_hours(tick)
        );
        tick += step;
    }
    let _ = writeln!(
        out,
        "<text x=\"12\" y=\"{:.1}\" class=\"axis\" transform=\"rotate(-90 12 {:.1})\" text-anchor=\"middle\">hours</text>",
        TOP + PLOT_HEIGHT / 2.0,
        TOP + PLOT_HEIGHT / 2.0
    );
    for (g, (subject, values)) in rows.iter().enumerate() {
        let x0 = LEFT + 8.0 + g as f64 * (group + GROUP_GAP);
        let colour = colours::of(subject);
        let title = hours::title(subject, sessions.iter().copied());
        for (i, h) in values.iter().enumerate() {
            let x = x0 + i as f64 * (BAR + BAR_GAP);
            let _ = writeln!(
                out,
                "<rect class=\"bar\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{BAR}\" height=\"{:.1}\" fill=\"{colour}\"><title>{}: {} — {} h</title></rect>",
                y(*h),
                (TOP + PLOT_HEIGHT - y(*h)).max(0.0),
                escape(&labels[i]),
                escape(&format!("{} {}", subject.label(), title)),
                fmt_hours(*h)
            );
            if *h > 0.0 {
                let _ = writeln!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" class=\"value\" text-anchor=\"middle\">{}</text>",
                    x + BAR / 2.0,
                    y(*h) - 3.0,
                    fmt_hours(*h)
                );
            }
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" class=\"session\" text-anchor=\"middle\">{}</text>",
                x + BAR / 2.0,
                TOP + PLOT_HEIGHT + 13.0,
                escape(&labels[i])
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" class=\"subject\" text-anchor=\"middle\">{}</text>",
            x0 + group / 2.0,
            TOP + PLOT_HEIGHT + 32.0,
            escape(&subject.label())
        );
    }
    out.push_str("</svg>\n");
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
}
