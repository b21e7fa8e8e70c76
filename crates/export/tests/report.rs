//! The HTML report over the fixture corpus.

use std::path::Path;
use unprog_export::report;
use unprog_parse::Programme;

fn load(name: &str) -> Programme {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/expected")
        .join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn slots(p: &Programme) -> usize {
    p.days.iter().map(|d| d.slots.len()).sum()
}

#[test]
fn every_slot_of_every_programme_is_a_block() {
    let ps: Vec<Programme> = ["s3", "s4", "s5", "s6"]
        .iter()
        .map(|s| load(&format!("oewg-{s}-en")))
        .collect();
    let page = report::html(&ps);
    assert_eq!(
        page.matches("<div class=\"slot\"").count(),
        ps.iter().map(slots).sum::<usize>()
    );
    assert_eq!(page.matches("<section class=\"programme\"").count(), 4);
    // Each slot's time label and agenda label is there: s5, 26 July, 3-6 p.m.
    // takes up items 7 and 6.
    assert!(page.contains("<b dir=\"ltr\">7 · 6</b>"));
    for p in &ps {
        for day in &p.days {
            assert!(
                page.contains(&format!(">{}</div>", day.label)),
                "{}",
                day.label
            );
        }
    }
}

#[test]
fn several_sessions_get_one_chart_and_one_session_none() {
    let ps: Vec<Programme> = ["s4", "s5", "s6"]
        .iter()
        .map(|s| load(&format!("oewg-{s}-en")))
        .collect();
    let page = report::html(&ps);
    assert_eq!(page.matches("<svg class=\"chart\"").count(), 1);
    // Bars: one per subject per session. Subjects over s4-s6: items 2, 3, 6,
    // 7, sub-items a, c, d, e, f, g and other = 11.
    assert_eq!(page.matches("<rect class=\"bar\"").count(), 11 * 3);
    assert!(page.contains("<title>S5: 7 Adoption of the annual progress report — 4.5 h</title>"));

    assert_eq!(report::html(&ps[..1]).matches("<svg").count(), 0);
    // Two languages of one session are one session: no chart.
    let versions = [load("oewg-s4-en"), load("oewg-s4-fr")];
    assert_eq!(report::html(&versions).matches("<svg").count(), 0);
}

#[test]
fn arabic_runs_right_to_left_and_chinese_asks_for_cjk_fonts() {
    let page = report::html(&[load("oewg-s4-ar"), load("oewg-s4-zh")]);
    assert!(page.contains("<section class=\"programme\" lang=\"ar\" dir=\"rtl\">"));
    assert!(page.contains("<section class=\"programme\" lang=\"zh\" dir=\"ltr\">"));
    assert!(page.contains("[lang=zh] { font-family: \"Noto Sans CJK SC\""));
    assert!(page.contains("linear-gradient(to left,"));
    assert!(page.contains("上午 10 时至下午 1 时"));
}

#[test]
fn the_page_is_self_contained_and_escaped() {
    let mut p = load("oewg-s4-en");
    p.days[0].slots[0].events[0].text = "<script>alert(1)</script>".into();
    p.days[0].slots[0].agenda_items.clear();
    let page = report::html(&[p]);
    assert!(!page.contains("<script"));
    assert!(page.contains("&lt;script&gt;"));
    let outside: Vec<&str> = page
        .match_indices("http")
        .map(|(i, _)| &page[i..(i + 30).min(page.len())])
        .filter(|s| !s.starts_with("http://www.w3.org/2000/svg"))
        .collect();
    assert!(outside.is_empty(), "{outside:?}");
    assert!(!page.contains("@import") && !page.contains("url("));
}

#[test]
fn a_slot_without_readable_times_is_listed_not_lost() {
    let mut p = load("oewg-s4-en");
    p.days[1].slots[0].start = None;
    let page = report::html(std::slice::from_ref(&p));
    assert_eq!(page.matches("<div class=\"slot\"").count(), slots(&p));
    assert!(page.contains("Slots without a readable time"));
}

#[test]
fn parallel_meetings_sit_side_by_side() {
    let mut p = load("oewg-s4-en");
    // A side meeting at 11:00-12:00 on day 1, beside the 10:00-13:00 plenary.
    let mut side = p.days[0].slots[0].clone();
    side.start = Some("11:00".into());
    side.end = Some("12:00".into());
    side.label = "11 a.m.-12 noon".into();
    p.days[0].slots.push(side);
    let page = report::html(&[p.clone()]);
    // Two days, the first with two lanes: three columns after the hours.
    assert!(page.contains("grid-template-columns: 3.5em repeat(3, minmax(8em, 1fr))"));
    assert!(page.contains("<div class=\"day\" style=\"grid-column: 2 / span 2; grid-row: 1\">"));
    // The overlapping pair each take a lane; the afternoon slot spans both.
    assert!(page.contains("grid-column: 2 / span 1; grid-row: 2 / 38;"));
    assert!(page.contains("grid-column: 3 / span 1; grid-row: 14 / 26;"));
    assert!(page.contains("grid-column: 2 / span 2; grid-row: 62 / 98;"));
    // Day 2 starts after day 1's two lanes.
    assert!(page.contains("<div class=\"day\" style=\"grid-column: 4 / span 1; grid-row: 1\">"));
    assert_eq!(page.matches("<div class=\"slot\"").count(), slots(&p));
}
