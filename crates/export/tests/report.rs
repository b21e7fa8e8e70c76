//! The HTML report over the fixture corpus.

use std::path::Path;
use unprog_export::report::{self, Options};
use unprog_parse::Language;
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
    assert!(page.contains("<section class=\"programme\" id=\"p1\" lang=\"ar\" dir=\"rtl\">"));
    assert!(page.contains("<section class=\"programme\" id=\"p2\" lang=\"zh\" dir=\"ltr\">"));
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
    assert!(page.contains("grid-template-columns: 3.5em repeat(3, minmax(0, 1fr))"));
    assert!(page.contains("<div class=\"day\" style=\"grid-column: 2 / span 2; grid-row: 1\">"));
    // The overlapping pair each take a lane; the afternoon slot spans both.
    assert!(page.contains("grid-column: 2 / span 1; grid-row: 2 / 38;"));
    assert!(page.contains("grid-column: 3 / span 1; grid-row: 14 / 26;"));
    assert!(page.contains("grid-column: 2 / span 2; grid-row: 62 / 98;"));
    // Day 2 starts after day 1's two lanes.
    assert!(page.contains("<div class=\"day\" style=\"grid-column: 4 / span 1; grid-row: 1\">"));
    assert_eq!(page.matches("<div class=\"slot\"").count(), slots(&p));
}

/// Every expected programme (six sessions, six languages).
fn all() -> Vec<Programme> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/expected");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".json")
                .map(String::from)
        })
        .collect();
    names.sort();
    names.iter().map(|n| load(n)).collect()
}

/// Text as the page writes it.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn a_dataset_shows_one_version_per_document_unless_all_are_asked_for() {
    let ps = all();
    assert_eq!(ps.len(), 48);
    let r = report::report(ps.clone(), &Options::default());
    assert_eq!(r.shown, 6);
    assert_eq!(r.left_out.len(), 42);
    assert_eq!(r.html.matches("<section class=\"programme\"").count(), 6);
    assert_eq!(r.html.matches(" lang=\"en\" dir=\"ltr\">").count(), 6);

    let r = report::report(
        ps.clone(),
        &Options {
            all_versions: true,
            language: None,
        },
    );
    assert_eq!((r.shown, r.left_out.len()), (48, 0));
    assert_eq!(r.html.matches("<section class=\"programme\"").count(), 48);

    let r = report::report(
        ps.clone(),
        &Options {
            all_versions: false,
            language: Some(Language::Ar),
        },
    );
    assert_eq!(r.shown, 6);
    assert_eq!(r.html.matches(" lang=\"ar\" dir=\"rtl\">").count(), 6);
    // Every version in one language: the Chinese sessions 4 and 6 come from
    // two producers, session 5 too, so nine.
    let r = report::report(
        ps,
        &Options {
            all_versions: true,
            language: Some(Language::Zh),
        },
    );
    assert_eq!((r.shown, r.left_out.len()), (9, 39));
}

#[test]
fn the_contents_list_links_to_every_programme() {
    let ps: Vec<Programme> = ["s5", "s3", "s4"]
        .iter()
        .map(|s| load(&format!("oewg-{s}-en")))
        .collect();
    let page = report::html(&ps);
    let nav = &page[page.find("<nav class=\"contents\">").unwrap()..page.find("</nav>").unwrap()];
    // In session order, each entry naming the session and its symbol.
    let links: Vec<&str> = nav
        .match_indices("<a href=\"#")
        .map(|(i, _)| &nav[i + 10..i + 10 + nav[i + 10..].find('"').unwrap()])
        .collect();
    assert_eq!(links, ["p1", "p2", "p3"]);
    for (id, p) in links.iter().zip(["s3", "s4", "s5"]) {
        let q = load(&format!("oewg-{p}-en"));
        let at = page
            .find(&format!("<section class=\"programme\" id=\"{id}\""))
            .unwrap();
        assert!(page[at..].contains(&esc(q.symbol.as_deref().unwrap())));
        assert!(nav.contains(&format!(
            "<b>S{}</b> {}",
            &p[1..],
            esc(q.symbol.as_deref().unwrap())
        )));
    }
    // One programme needs no contents.
    assert!(!report::html(&ps[..1]).contains("<nav"));
}

#[test]
fn every_slot_opens_to_its_whole_text_and_shows_all_its_sub_item_titles() {
    let ps: Vec<Programme> = ["s3", "s4", "s5", "s6", "s7", "s8"]
        .iter()
        .map(|s| load(&format!("oewg-{s}-en")))
        .collect();
    let page = report::html(&ps);
    let slots: usize = ps.iter().map(slots).sum();
    assert_eq!(page.matches("<details><summary>").count(), slots);
    assert_eq!(page.matches("<div class=\"full\">").count(), slots);
    let mut several = 0;
    for p in &ps {
        for slot in p.days.iter().flat_map(|d| &d.slots) {
            // The block of this slot: from its summary to its end.
            for a in &slot.agenda_items {
                assert!(page.contains(&esc(&a.title)), "{}", a.title);
                for s in &a.sub_items {
                    assert!(
                        page.contains(&format!("<span>({}) {}</span>", s.letter, esc(&s.title))),
                        "summary lacks ({}) {}",
                        s.letter,
                        s.title
                    );
                    for t in &s.topics {
                        assert!(
                            page.contains(&format!("<li>{}", esc(&t.text))),
                            "{}",
                            t.text
                        );
                        for q in &t.questions {
                            assert!(page.contains(&format!("<li>{}</li>", esc(q))), "{q}");
                        }
                    }
                }
                if a.sub_items.len() > 1 {
                    several += 1;
                    let letters: Vec<&str> =
                        a.sub_items.iter().map(|s| s.letter.as_str()).collect();
                    let summary = format!(
                        "<b dir=\"ltr\">{}({})</b> <span class=\"detail\">{}</span></summary>",
                        a.number,
                        letters.join(","),
                        a.sub_items
                            .iter()
                            .map(|s| format!("<span>({}) {}</span>", s.letter, esc(&s.title)))
                            .collect::<String>()
                    );
                    if slot.agenda_items.len() == 1 {
                        assert!(page.contains(&summary), "{summary}");
                    }
                }
            }
            for e in &slot.events {
                assert!(page.contains(&esc(&e.text)), "{}", e.text);
                for s in &e.speakers {
                    assert!(page.contains(&esc(s)), "{s}");
                }
            }
        }
    }
    assert!(several > 0, "no slot with several sub-items in the corpus");
    // No text is left to a hover tooltip.
    assert!(!page.contains(" title=\""));
}

/// Every `<text>` of the chart: its class, x, y.
fn chart_texts(page: &str) -> Vec<(String, f64, f64)> {
    let svg = &page[page.find("<svg class=\"chart\"").unwrap()..page.find("</svg>").unwrap()];
    svg.match_indices("<text ")
        .map(|(i, _)| {
            let tag = &svg[i..i + svg[i..].find('>').unwrap()];
            let attr = |name: &str| {
                let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                tag[at..at + tag[at..].find('"').unwrap()].to_string()
            };
            (
                attr("class"),
                attr("x").parse().unwrap(),
                attr("y").parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn chart_labels_never_share_a_line_whatever_the_count() {
    let base: Vec<Programme> = ["s3", "s4", "s5", "s6", "s7", "s8"]
        .iter()
        .map(|s| load(&format!("oewg-{s}-en")))
        .collect();
    // 2, 6 and 30 sessions (made-up later sessions by renumbering).
    for count in [2usize, 6, 30] {
        let ps: Vec<Programme> = (0..count)
            .map(|i| {
                let mut p = base[i % base.len()].clone();
                p.session.ordinal = Some(3 + i as u32);
                p.symbol = Some(format!("A/AC.292/{}/INF/1", 2000 + i));
                p.session.start_date = Some(format!("{}-03-06", 2000 + i));
                p
            })
            .collect();
        let page = report::html(&ps);
        assert!(page
            .contains("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"960\""));
        let texts = chart_texts(&page);
        let sessions: Vec<&(String, f64, f64)> =
            texts.iter().filter(|t| t.0 == "session").collect();
        let subjects: Vec<&(String, f64, f64)> =
            texts.iter().filter(|t| t.0 == "subject").collect();
        assert!(sessions.len() >= count * 2, "{count}: {}", sessions.len());
        // Labels in one column (same x) are at least a line apart.
        for column in [&sessions, &subjects] {
            let mut ys: Vec<f64> = column.iter().map(|t| t.2).collect();
            ys.sort_by(f64::total_cmp);
            for pair in ys.windows(2) {
                assert!(pair[1] - pair[0] >= 12.0, "{count}: {pair:?}");
            }
        }
        // Each bar has its session's label on its own line.
        assert_eq!(
            page.matches("<rect class=\"bar\"").count(),
            sessions.len(),
            "{count}"
        );
        // The key names every colour and every session.
        let key = &page[page.find("<div class=\"key\">").unwrap()..];
        assert!(key.contains("Colours: what the time is spent on"));
        for p in &ps {
            assert!(key.contains(p.symbol.as_deref().unwrap()));
        }
    }
}

#[test]
fn the_page_has_print_rules_and_nothing_wider_than_the_window() {
    let page = report::html(&all());
    let print = &page[page.find("@media print").unwrap()..];
    assert!(print.contains("section.programme { break-before: page;"));
    assert!(print.contains("print-color-adjust: exact"));
    // Columns may shrink; long words break; the chart scales down.
    assert!(page.contains("overflow-wrap: anywhere"));
    assert!(page.contains("svg.chart { max-width: 100%; height: auto; }"));
    // Day columns share the width whatever their number: none has a
    // minimum that could push the grid past the window.
    assert!(!page.contains("minmax(8em") && !page.contains("minmax(5em"));
    let mut p = load("oewg-s4-en");
    let side = p.days[0].slots[0].clone();
    for _ in 0..20 {
        p.days[0].slots.push(side.clone());
    }
    let page = report::html(&[p]);
    assert!(page.contains("grid-template-columns: 3.5em repeat(22, minmax(0, 1fr))"));
}
