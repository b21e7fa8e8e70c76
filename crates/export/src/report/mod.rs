//! `unprog report`: one self-contained HTML page (inline CSS and SVG, no
//! scripts, nothing fetched) showing each programme as a timetable grid and,
//! when several sessions are given, a bar chart of hours per sub-item per
//! session with its key.
//!
//! At dataset scale: by default one language version per document, as
//! `compare` chooses them ([`choose_versions`]; [`Options::all_versions`]
//! for every one), a contents list linking to each programme, every slot's
//! whole text in an expandable block (no hovering needed), a chart that grows
//! downwards (never sideways, labels never overlapping) and print rules (a
//! programme per page, colours kept, no expandable blocks).
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
pub(crate) use html::escape;
use std::fmt::Write;
use unprog_parse::{Language, Programme};

const STYLE: &str = r#"
*, *::before, *::after { box-sizing: border-box; }
body { font-family: "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; margin: 1.5em; color: #222; overflow-wrap: anywhere; }
[lang=zh] { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
[lang=ar] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Arial", sans-serif; }
h1 { font-size: 1.4em; }
h2 { font-size: 1.15em; margin-bottom: .2em; }
.facts { color: #555; margin: .1em 0; font-size: .9em; }
nav.contents ol { margin: .3em 0; padding-inline-start: 1.6em; columns: 2 24em; font-size: .9em; }
nav.contents li { break-inside: avoid; margin: .1em 0; }
section.programme { margin: 1.5em 0 2.5em; }
.grid { display: grid; column-gap: 4px; margin-top: .8em; }
.day { font-weight: bold; font-size: .85em; padding: .3em; border-bottom: 2px solid #888; text-align: center; }
.hour { font-size: .75em; color: #666; border-top: 1px solid #ddd; padding-top: 1px; }
.slot { position: relative; border-radius: 4px; overflow: hidden; border: 1px solid rgba(0,0,0,.25); font-size: .78em; line-height: 1.25; margin: 1px 0; min-width: 0; }
.slot details { margin: 3px; }
.slot summary { display: block; list-style: none; cursor: pointer; background: rgba(255,255,255,.82); padding: 2px 4px; border-radius: 3px; }
.slot summary::-webkit-details-marker { display: none; }
.slot summary::before { content: "▸ "; color: #777; }
.slot details[open] > summary::before { content: "▾ "; }
.slot .time { color: #555; }
.slot .detail { display: block; color: #333; }
.slot .detail > span { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
.slot:has(details[open]) { overflow: visible; z-index: 2; }
.slot .full { background: #fff; border: 1px solid #999; border-radius: 3px; padding: 3px 5px; box-shadow: 0 2px 6px rgba(0,0,0,.25); }
.slot .full ul { margin: .2em 0; padding-inline-start: 1.1em; }
.slot .full p { margin: .2em 0; }
.untimed .slot { margin: 4px 0; }
.legend { border-collapse: collapse; margin-top: .8em; font-size: .85em; }
.legend caption { text-align: start; font-weight: bold; padding: 2px 6px; }
.legend td { padding: 2px 6px; vertical-align: top; }
.legend .num, .legend .code { text-align: right; white-space: nowrap; }
.legend .code { text-align: start; }
.key { display: flex; flex-wrap: wrap; gap: 0 2.5em; align-items: flex-start; }
.swatch { display: inline-block; width: 1.1em; height: 1.1em; border-radius: 3px; border: 1px solid rgba(0,0,0,.3); }
svg.chart { max-width: 100%; height: auto; }
svg.chart .tick { stroke: #e4e4e4; }
svg.chart .axis, svg.chart .session { font-size: 10px; fill: #555; }
svg.chart .value { font-size: 9px; fill: #333; }
svg.chart .subject { font-size: 11px; fill: #222; }
svg.chart .code { font-weight: bold; }
svg.chart .bar { stroke: rgba(0,0,0,.3); stroke-width: .5; }
@media print {
  body { margin: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  nav.contents a { color: inherit; text-decoration: none; }
  section.programme { break-before: page; margin: 0; }
  .sessions, .key, .legend tr, .day { break-inside: avoid; }
  .slot summary::before { content: none; }
  .slot .full { display: none; }
}
"#;

/// What a report shows.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Every language version of every document; without it, one version
    /// per document, as `compare` chooses ([`choose_versions`]).
    pub all_versions: bool,
    /// Only versions in this language.
    pub language: Option<Language>,
}

/// A report page and what it left out.
#[derive(Debug, Clone)]
pub struct Report {
    /// The HTML page.
    pub html: String,
    /// How many programmes it shows.
    pub shown: usize,
    /// The files of the versions left out, in input order.
    pub left_out: Vec<String>,
}

/// The report for programmes (in any order: sessions are put in date
/// order), the versions chosen as `options` say.
pub fn report(programmes: Vec<Programme>, options: &Options) -> Report {
    let (shown, left_out) = if options.all_versions {
        let mut kept = Vec::new();
        let mut left = Vec::new();
        for p in programmes {
            if options.language.is_some_and(|l| l != p.language) {
                left.push(p.source.file);
            } else {
                kept.push(p);
            }
        }
        (kept, left)
    } else {
        choose_versions(programmes, options.language)
    };
    Report {
        html: html(&shown),
        shown: shown.len(),
        left_out,
    }
}

/// The report page for exactly these programmes (in any order: sessions are
/// put in date order). A chart is drawn when they hold two or more
/// different documents; it shows one language version of each (see
/// [`choose_versions`]). A contents list heads the page when there are two
/// or more programmes.
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

    let labels = session_labels(&ordered);
    let ids: Vec<String> = (1..=ordered.len()).map(|i| format!("p{i}")).collect();
    if ordered.len() >= 2 {
        out.push_str(&contents(&ordered, &labels, &ids));
    }
    let (sessions, _) = choose_versions(ordered.clone(), None);
    let mut keys: Vec<String> = document_keys(&sessions);
    keys.dedup();
    if keys.len() >= 2 {
        let refs: Vec<&Programme> = sessions.iter().collect();
        let chart_labels = session_labels(&sessions);
        out.push_str("<section class=\"sessions\" id=\"chart\">\n<h2>Hours per sub-item, session by session</h2>\n<p class=\"facts\">A slot's time is shared equally among the agenda items it takes up, and an item's share among its sub-items; slots without an agenda item count as “other”.</p>\n");
        out.push_str(&chart::svg(&refs, &chart_labels));
        out.push_str(&chart::key(&refs, &chart_labels));
        out.push_str("</section>\n");
    }
    for (p, id) in ordered.iter().zip(&ids) {
        out.push_str(&grid::section(p, id));
    }
    out.push_str(&format!(
        "<footer class=\"facts\">Made by unprog {} from {} document(s).</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        ordered.len()
    ));
    out
}

/// The list of programmes, each linking to its section.
fn contents(ordered: &[Programme], labels: &[String], ids: &[String]) -> String {
    let mut out = String::from("<nav class=\"contents\">\n<h2>Contents</h2>\n<ol>\n");
    for ((p, label), id) in ordered.iter().zip(labels).zip(ids) {
        let dates = match (&p.session.start_date, &p.session.end_date) {
            (Some(a), Some(b)) if a != b => {
                format!(" · <span dir=\"ltr\">{} – {}</span>", escape(a), escape(b))
            }
            (Some(a), _) => format!(" · <span dir=\"ltr\">{}</span>", escape(a)),
            _ => String::new(),
        };
        let slots: usize = p.days.iter().map(|d| d.slots.len()).sum();
        let _ = writeln!(
            out,
            "<li><a href=\"#{id}\"><b>{}</b> {}</a> · {}{} · {} days, {} slots</li>",
            escape(label),
            escape(p.symbol.as_deref().unwrap_or(&p.source.file)),
            p.language.code(),
            dates,
            p.days.len(),
            slots
        );
    }
    out.push_str("</ol>\n</nav>\n");
    out
}
