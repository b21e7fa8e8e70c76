//! `unprog report`: one self-contained HTML page (inline CSS and SVG, no
//! scripts, nothing fetched) showing each programme as a timetable grid and,
//! when several sessions are given, a bar chart of hours per sub-item per
//! session.
//!
//! Arabic programmes are laid out right to left (`dir="rtl"`: days run from
//! the right); Chinese ones ask for CJK fonts first. Colours follow the
//! subject (sub-item letter, or agenda item taken up without sub-items), the
//! same in every grid and in the chart.

mod chart;
mod colours;
mod grid;
mod html;

use crate::compare::{choose_versions, document_keys, session_labels, session_order};
use html::escape;
use unprog_parse::Programme;

const STYLE: &str = r#"
body { font-family: "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; margin: 1.5em; color: #222; }
[lang=zh] { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
[lang=ar] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Arial", sans-serif; }
h1 { font-size: 1.4em; }
h2 { font-size: 1.15em; margin-bottom: .2em; }
.facts { color: #555; margin: .1em 0; font-size: .9em; }
section.programme { margin: 1.5em 0 2.5em; }
.grid { display: grid; column-gap: 4px; margin-top: .8em; }
.day { font-weight: bold; font-size: .85em; padding: .3em; border-bottom: 2px solid #888; text-align: center; }
.hour { font-size: .75em; color: #666; border-top: 1px solid #ddd; padding-top: 1px; }
.slot { border-radius: 4px; overflow: hidden; border: 1px solid rgba(0,0,0,.25); font-size: .78em; line-height: 1.25; margin: 1px 0; }
.slot .label { display: block; background: rgba(255,255,255,.82); margin: 3px; padding: 2px 4px; border-radius: 3px; max-height: calc(100% - 6px); overflow: hidden; }
.slot .time { color: #555; }
.slot .detail { display: block; color: #333; }
.untimed .slot { padding: 2px; margin: 4px 0; }
.legend { border-collapse: collapse; margin-top: .8em; font-size: .85em; }
.legend td { padding: 2px 6px; vertical-align: top; }
.legend .num { text-align: right; white-space: nowrap; }
.swatch { display: inline-block; width: 1.1em; height: 1.1em; border-radius: 3px; border: 1px solid rgba(0,0,0,.3); }
.chart-box { overflow-x: auto; }
svg.chart .tick { stroke: #e4e4e4; }
svg.chart .axis, svg.chart .session { font-size: 10px; fill: #555; }
svg.chart .value { font-size: 9px; fill: #333; }
svg.chart .subject { font-size: 11px; font-weight: bold; fill: #222; }
svg.chart .bar { stroke: rgba(0,0,0,.3); stroke-width: .5; }
"#;

/// The report page for programmes (in any order: sessions are put in date
/// order). A chart is drawn when they hold two or more different documents;
/// it shows one language version of each (see [`choose_versions`]).
pub fn html(programmes: &[Programme]) -> String {
    let mut ordered = programmes.to_vec();
    session_order(&mut ordered);
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    );
    let title = match ordered.as_slice() {
        [one] => format!(
            "Programme of work: {}",
            one.symbol.as_deref().unwrap_or(&one.source.file)
        ),
        many => format!("Programmes of work: {} documents", many.len()),
    };
    out.push_str(&format!("<title>{}</title>\n", escape(&title)));
    out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
    out.push_str(&format!("<h1>{}</h1>\n", escape(&title)));

    let (sessions, _) = choose_versions(ordered.clone(), None);
    let mut keys: Vec<String> = document_keys(&sessions);
    keys.dedup();
    if keys.len() >= 2 {
        let refs: Vec<&Programme> = sessions.iter().collect();
        let labels = session_labels(&sessions);
        out.push_str("<section class=\"sessions\">\n<h2>Hours per sub-item, session by session</h2>\n<p class=\"facts\">A slot's time is shared equally among the agenda items it takes up, and an item's share among its sub-items; slots without an agenda item count as “other”.</p>\n<div class=\"chart-box\">\n");
        out.push_str(&chart::svg(&refs, &labels));
        out.push_str("</div>\n</section>\n");
    }
    for p in &ordered {
        out.push_str(&grid::section(p));
    }
    out.push_str(&format!(
        "<footer class=\"facts\">Made by unprog {} from {} document(s).</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        ordered.len()
    ));
    out
}
