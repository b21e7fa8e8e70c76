//! One programme as a timetable grid: days as columns, time as rows (five
//! minutes a row), each slot a block coloured by what it takes up.

use super::colours;
use super::html::escape;
use crate::compare::render::hours as fmt_hours;
use crate::hours::{self, Share};
use std::fmt::Write;
use unprog_parse::{Language, Programme, Slot, Topic};

/// Minutes per grid row.
const ROW_MINUTES: u32 = 5;

/// The `<section>` of one programme; `id` is its anchor (the contents list
/// links to it).
pub fn section(p: &Programme, id: &str) -> String {
    let rtl = p.language == Language::Ar;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section class=\"programme\" id=\"{}\" lang=\"{}\" dir=\"{}\">",
        escape(id),
        p.language.code(),
        if rtl { "rtl" } else { "ltr" }
    );
    let heading = [p.symbol.as_deref(), p.title.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" — ");
    let heading = if heading.is_empty() {
        p.source.file.clone()
    } else {
        heading
    };
    let _ = writeln!(out, "<h2>{}</h2>", escape(&heading));
    let total_slots: usize = p.days.iter().map(|d| d.slots.len()).sum();
    // ISO dates are isolated left to right: in an Arabic line the bidi
    // algorithm would otherwise print 2023-03-06 as 06-03-2023.
    let facts: Vec<String> = [
        p.body.as_deref().map(escape),
        p.session.name.as_deref().map(escape),
        match (&p.session.start_date, &p.session.end_date) {
            (Some(a), Some(b)) if a != b => Some(format!(
                "<span dir=\"ltr\">{} – {}</span>",
                escape(a),
                escape(b)
            )),
            (Some(a), _) => Some(format!("<span dir=\"ltr\">{}</span>", escape(a))),
            _ => None,
        },
        p.session.venue.as_deref().map(escape),
    ]
    .into_iter()
    .flatten()
    .collect();
    let _ = writeln!(
        out,
        "<p class=\"facts\">{}</p>\n<p class=\"facts\" dir=\"ltr\">{} days · {} slots · {} hours · {}</p>",
        facts.join(" · "),
        p.days.len(),
        total_slots,
        fmt_hours(f64::from(hours::total_minutes(p)) / 60.0),
        escape(&p.source.file)
    );
    out.push_str(&grid(p, rtl));
    out.push_str(&untimed(p, rtl));
    out.push_str(&legend(p));
    out.push_str("</section>\n");
    out
}

fn grid(p: &Programme, rtl: bool) -> String {
    let timed: Vec<(u32, u32)> = p
        .days
        .iter()
        .flat_map(|d| &d.slots)
        .filter_map(hours::slot_span)
        .collect();
    let (Some(first), Some(last)) = (
        timed.iter().map(|t| t.0).min(),
        timed.iter().map(|t| t.1).max(),
    ) else {
        return String::new();
    };
    let first = first / 60 * 60;
    let last = last.div_ceil(60) * 60;
    let rows = (last - first) / ROW_MINUTES;
    let line = |t: u32| 2 + (t.saturating_sub(first)) / ROW_MINUTES;
    // Meetings held at the same time on one day (parallel sessions) get
    // lanes side by side within the day's column.
    let lanes: Vec<Lanes> = p.days.iter().map(|d| Lanes::of(&d.slots)).collect();
    let total: usize = lanes.iter().map(|l| l.count).sum::<usize>().max(1);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<div class=\"grid\" style=\"grid-template-columns: 3.5em repeat({total}, minmax(0, 1fr)); grid-template-rows: auto repeat({rows}, 4px)\">"
    );
    for hour in (first..last).step_by(60) {
        let _ = writeln!(
            out,
            "<div class=\"hour\" dir=\"ltr\" style=\"grid-column: 1; grid-row: {} / span {}\">{:02}:00</div>",
            line(hour),
            60 / ROW_MINUTES,
            hour / 60
        );
    }
    let mut column = 2;
    for (day, day_lanes) in p.days.iter().zip(&lanes) {
        let label = if day.label.is_empty() {
            day.date.clone().unwrap_or_default()
        } else {
            day.label.clone()
        };
        let _ = writeln!(
            out,
            "<div class=\"day\" style=\"grid-column: {column} / span {}; grid-row: 1\">{}</div>",
            day_lanes.count,
            escape(&label)
        );
        for (k, slot) in day.slots.iter().enumerate() {
            let (Some((start, end)), Some((lane, span))) =
                (hours::slot_span(slot), day_lanes.of_slot[k])
            else {
                continue;
            };
            let _ = writeln!(
                out,
                "<div class=\"slot\" style=\"grid-column: {} / span {span}; grid-row: {} / {}; background: {}\">{}</div>",
                column + lane,
                line(start),
                line(end).max(line(start) + 1),
                background(&hours::shares(slot), rtl),
                block(slot)
            );
        }
        column += day_lanes.count;
    }
    out.push_str("</div>\n");
    out
}

/// Side-by-side lanes for the timed slots of one day.
struct Lanes {
    /// Lanes the day needs (1 when no two slots overlap).
    count: usize,
    /// Per slot: its lane and how many lanes it spans (`None`: untimed).
    of_slot: Vec<Option<(usize, usize)>>,
}

impl Lanes {
    /// Interval partitioning: each slot, in start order, takes the first
    /// lane free at its start; a slot that overlaps nothing spans them all.
    fn of(slots: &[Slot]) -> Lanes {
        let spans: Vec<Option<(u32, u32)>> = slots.iter().map(hours::slot_span).collect();
        let mut order: Vec<usize> = (0..slots.len()).filter(|&k| spans[k].is_some()).collect();
        order.sort_by_key(|&k| spans[k]);
        let mut lane_end: Vec<u32> = Vec::new();
        let mut lane_of = vec![0usize; slots.len()];
        for &k in &order {
            let Some((start, end)) = spans[k] else {
                continue;
            };
            match lane_end.iter().position(|&e| e <= start) {
                Some(l) => {
                    lane_end[l] = end;
                    lane_of[k] = l;
                }
                None => {
                    lane_end.push(end);
                    lane_of[k] = lane_end.len() - 1;
                }
            }
        }
        let count = lane_end.len().max(1);
        let overlaps = |k: usize| {
            let Some((s, e)) = spans[k] else { return false };
            spans
                .iter()
                .enumerate()
                .any(|(j, other)| j != k && other.is_some_and(|(os, oe)| os < e && s < oe))
        };
        let of_slot = (0..slots.len())
            .map(|k| {
                spans[k].map(|_| {
                    if overlaps(k) {
                        (lane_of[k], 1)
                    } else {
                        (0, count)
                    }
                })
            })
            .collect();
        Lanes { count, of_slot }
    }
}

/// Slots whose times could not be read are listed under the grid, so that
/// none goes missing.
fn untimed(p: &Programme, rtl: bool) -> String {
    let mut out = String::new();
    for day in &p.days {
        for slot in day.slots.iter().filter(|s| hours::slot_span(s).is_none()) {
            if out.is_empty() {
                out.push_str(
                    "<div class=\"untimed\"><p dir=\"ltr\">Slots without a readable time:</p>\n",
                );
            }
            let _ = writeln!(
                out,
                "<div class=\"slot\" style=\"background: {}\"><span class=\"day-of\">{}</span> {}</div>",
                background(&[], rtl),
                escape(&day.label),
                block(slot)
            );
        }
    }
    if !out.is_empty() {
        out.push_str("</div>\n");
    }
    out
}

/// A flat colour, or hard-edged stripes in proportion to each subject's share.
fn background(shares: &[Share], rtl: bool) -> String {
    let mut parts: Vec<(&'static str, f64)> = Vec::new();
    for s in shares {
        let c = colours::of(&s.subject);
        match parts.iter_mut().find(|(pc, _)| *pc == c) {
            Some(p) => p.1 += s.minutes,
            None => parts.push((c, s.minutes)),
        }
    }
    let total: f64 = parts.iter().map(|p| p.1).sum();
    match parts.as_slice() {
        [] => colours::OTHER.to_string(),
        [(c, _)] => (*c).to_string(),
        _ => {
            let mut stops = Vec::new();
            let mut at = 0.0;
            for (c, m) in &parts {
                let next = at + m / total * 100.0;
                stops.push(format!("{c} {at:.1}% {next:.1}%"));
                at = next;
            }
            format!(
                "linear-gradient(to {}, {})",
                if rtl { "left" } else { "right" },
                stops.join(", ")
            )
        }
    }
}

/// A slot's block: its summary (time, agenda label, the title of every
/// sub-item — or item, or event — it takes up), which opens to the slot's
/// whole text.
fn block(slot: &Slot) -> String {
    let labels: Vec<String> = slot
        .agenda_items
        .iter()
        .map(|a| {
            if a.sub_items.is_empty() {
                a.number.clone()
            } else {
                let letters: Vec<&str> = a.sub_items.iter().map(|s| s.letter.as_str()).collect();
                format!("{}({})", a.number, letters.join(","))
            }
        })
        .collect();
    let mut titles: Vec<String> = Vec::new();
    for a in &slot.agenda_items {
        if a.sub_items.is_empty() {
            titles.push(format!("{}. {}", a.number, a.title));
        } else {
            titles.extend(
                a.sub_items
                    .iter()
                    .map(|s| format!("({}) {}", s.letter, s.title)),
            );
        }
    }
    if titles.is_empty() {
        titles.extend(slot.events.iter().map(|e| e.text.clone()));
    }
    let details: String = titles
        .iter()
        .map(|t| format!("<span>{}</span>", escape(t)))
        .collect();
    format!(
        "<details><summary><span class=\"time\" dir=\"ltr\">{}</span> <b dir=\"ltr\">{}</b> <span class=\"detail\">{}</span></summary>{}</details>",
        escape(&slot.label),
        escape(&labels.join(" · ")),
        details,
        full(slot)
    )
}

/// Topics and their questions as nested lists.
fn topics(out: &mut String, topics: &[Topic]) {
    if topics.is_empty() {
        return;
    }
    out.push_str("<ul>");
    for t in topics {
        let _ = write!(out, "<li>{}", escape(&t.text));
        if !t.questions.is_empty() {
            out.push_str("<ul>");
            for q in &t.questions {
                let _ = write!(out, "<li>{}</li>", escape(q));
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// Everything in the slot, in the order printed: the time and room, each
/// agenda item with its sub-items, topics and questions, each event with
/// its speakers and topics.
fn full(slot: &Slot) -> String {
    let mut entries: Vec<(u32, String)> = Vec::new();
    for a in &slot.agenda_items {
        let mut e = format!(
            "<p><b>{}.</b> {}{}</p>",
            escape(&a.number),
            escape(&a.title),
            if a.continued { " (continued)" } else { "" }
        );
        if !a.sub_items.is_empty() {
            e.push_str("<ul>");
            for s in &a.sub_items {
                let _ = write!(
                    e,
                    "<li><b>({})</b> {}{}",
                    escape(&s.letter),
                    escape(&s.title),
                    if s.continued { " (continued)" } else { "" }
                );
                topics(&mut e, &s.topics);
                e.push_str("</li>");
            }
            e.push_str("</ul>");
        }
        topics(&mut e, &a.topics);
        entries.push((a.position, e));
    }
    for ev in &slot.events {
        let mut e = format!("<p>{}</p>", escape(&ev.text));
        if !ev.speakers.is_empty() {
            let _ = write!(e, "<p>Speakers: {}</p>", escape(&ev.speakers.join("; ")));
        }
        topics(&mut e, &ev.topics);
        entries.push((ev.position, e));
    }
    entries.sort_by_key(|e| e.0);
    let room = slot
        .room
        .as_deref()
        .map(|r| format!(" · {}", escape(r)))
        .unwrap_or_default();
    format!(
        "<div class=\"full\"><p class=\"time\">{}{room}</p>{}</div>",
        escape(&slot.label),
        entries.into_iter().map(|e| e.1).collect::<String>()
    )
}

/// Colour key with the hours of each subject in this programme.
fn legend(p: &Programme) -> String {
    let mut out = String::from("<table class=\"legend\">\n");
    for (subject, hours) in hours::by_subject(&[p]) {
        let _ = writeln!(
            out,
            "<tr><td><span class=\"swatch\" style=\"background: {}\"></span></td><td class=\"code\" dir=\"ltr\">{}</td><td>{}</td><td class=\"num\" dir=\"ltr\">{} h</td></tr>",
            colours::of(&subject),
            escape(&subject.label()),
            escape(&hours::title(&subject, [p])),
            fmt_hours(hours[0])
        );
    }
    out.push_str("</table>\n");
    out
}
