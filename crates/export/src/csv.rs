//! `slots.csv`: one row per time slot, flat, for spreadsheets and pandas.

use unprog_parse::{Programme, Slot, Topic};

/// The header row.
pub const HEADER: &str = "file,symbol,language,session_ordinal,date,weekday,start,end,minutes,room,agenda_items,sub_items,continued,events,topic\n";

/// Quotes a field as RFC 4180 wants (when it holds a comma, quote or line break).
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Minutes between two `HH:MM` times.
pub fn minutes(start: Option<&str>, end: Option<&str>) -> Option<i64> {
    let m = |t: &str| crate::hours::clock_minutes(t).map(i64::from);
    let d = m(end?)? - m(start?)?;
    (d >= 0).then_some(d)
}

fn first_topic(slot: &Slot) -> Option<&Topic> {
    let mut items: Vec<(u32, Option<&Topic>)> = Vec::new();
    for a in &slot.agenda_items {
        let t = a
            .sub_items
            .iter()
            .flat_map(|s| s.topics.first())
            .next()
            .or(a.topics.first());
        items.push((a.position, t));
    }
    for e in &slot.events {
        items.push((e.position, e.topics.first()));
    }
    items.sort_by_key(|(p, _)| *p);
    items.into_iter().find_map(|(_, t)| t)
}

/// The rows of one programme, each ending with a newline.
pub fn rows(p: &Programme) -> String {
    let mut out = String::new();
    for day in &p.days {
        for slot in &day.slots {
            let agenda: Vec<&str> = slot
                .agenda_items
                .iter()
                .map(|a| a.number.as_str())
                .collect();
            let subs: Vec<String> = slot
                .agenda_items
                .iter()
                .flat_map(|a| {
                    a.sub_items
                        .iter()
                        .map(move |s| format!("{}({})", a.number, s.letter))
                })
                .collect();
            let continued = slot
                .agenda_items
                .iter()
                .any(|a| a.continued || a.sub_items.iter().any(|s| s.continued));
            let events: Vec<&str> = slot.events.iter().map(|e| e.text.as_str()).collect();
            let cols = [
                field(&p.source.file),
                field(p.symbol.as_deref().unwrap_or("")),
                p.language.code().to_string(),
                p.session.ordinal.map(|o| o.to_string()).unwrap_or_default(),
                day.date.clone().unwrap_or_default(),
                day.weekday
                    .and_then(|w| serde_json::to_value(w).ok())
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                slot.start.clone().unwrap_or_default(),
                slot.end.clone().unwrap_or_default(),
                minutes(slot.start.as_deref(), slot.end.as_deref())
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
                field(slot.room.as_deref().unwrap_or("")),
                field(&agenda.join(";")),
                field(&subs.join(";")),
                if continued { "yes" } else { "no" }.to_string(),
                field(&events.join("; ")),
                field(first_topic(slot).map(|t| t.text.as_str()).unwrap_or("")),
            ];
            out.push_str(&cols.join(","));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_and_quotes_are_quoted() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn minutes_between_times() {
        assert_eq!(minutes(Some("10:00"), Some("13:00")), Some(180));
        assert_eq!(minutes(Some("11:30"), Some("13:00")), Some(90));
        assert_eq!(minutes(Some("13:00"), Some("10:00")), None);
        assert_eq!(minutes(None, Some("10:00")), None);
    }
}
