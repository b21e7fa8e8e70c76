//! Footnote text from the foot of the page.

use crate::joining::join;
use crate::lines::{Line, Zone};
use crate::model::{Footnote, Language};

/// Reads the footnotes: a line that starts with a marker (a superscript, or a
/// number followed by a space) starts one; other lines continue it.
pub(crate) fn parse(
    lines: &[Line],
    language: Language,
    warnings: &mut Vec<String>,
) -> Vec<Footnote> {
    let mut out: Vec<Footnote> = Vec::new();
    let mut pending_marker: Option<String> = None;
    for line in lines.iter().filter(|l| l.zone == Zone::Footnotes) {
        let text = line.text.trim();
        // The marker alone (set apart from the text by a tab).
        if text.is_empty() {
            if let Some(m) = line.markers.first() {
                pending_marker = Some(m.clone());
            }
            continue;
        }
        if text.chars().all(|c| c.is_ascii_digit()) && text.len() <= 3 {
            pending_marker = Some(text.to_string());
            continue;
        }
        // (A line of text is never empty here: that case ended above.)
        let (marker, body) =
            if let Some(m) = line.lead_marker.clone().or_else(|| pending_marker.take()) {
                (Some(m), text.to_string())
            } else {
                // A number starts a footnote only when it is the next marker:
                // a continuation line may well begin with a number.
                let next = out
                    .last()
                    .and_then(|f| f.marker.parse::<u32>().ok())
                    .map_or(1, |n| n + 1);
                match split_leading_number(text) {
                    Some((m, rest)) if m == next.to_string() => (Some(m), rest),
                    _ => (None, text.to_string()),
                }
            };
        match marker {
            Some(marker) => out.push(Footnote {
                marker,
                text: body,
                page: Some(line.page),
            }),
            None => match out.last_mut() {
                Some(f) => f.text = join(language, &f.text, &body),
                None => warnings.push(format!(
                    "page {}: footnote text without a marker: {body}",
                    line.page
                )),
            },
        }
    }
    out
}

fn split_leading_number(text: &str) -> Option<(String, String)> {
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 3 {
        return None;
    }
    let rest = &text[digits.len()..];
    let first = rest.chars().next()?;
    if !first.is_whitespace() {
        return None;
    }
    Some((digits, rest.trim().to_string()))
}
