//! Document symbols (`A/77/275`, `A/AC.292/2021/1`, `A/RES/75/240`) and the
//! links on them.

use std::collections::BTreeMap;

use regex::Regex;

use crate::model::Reference;

/// Matches a UN document symbol: series letters, then slash-separated parts,
/// at least one with a digit.
pub(crate) fn symbol_regex() -> &'static Regex {
    regex!(
        r"\b(?:A|S|E|ST|UNEP|TD|CCPR|CRC|CEDAW|DP|ICCD|FCCC|APLC|CCW|BWC|NPT|CD)(?:/[A-Z0-9][A-Za-z0-9.\-]*)+"
    )
}

/// Symbols in a text (a final full stop or dash is not part of one).
pub(crate) fn symbols_in(text: &str) -> Vec<String> {
    symbol_regex()
        .find_iter(text)
        .map(|m| m.as_str().trim_end_matches(['.', '-']).to_string())
        .filter(|s| s.chars().any(|c| c.is_ascii_digit()) && s.contains('/'))
        .collect()
}

/// The symbol a document link points at: `https://undocs.org/ch/A/RES/75/240`
/// gives `A/RES/75/240` (a language segment is dropped).
pub(crate) fn symbol_from_url(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let (host, path) = rest.split_once('/')?;
    let host = host.to_lowercase();
    if !(host.contains("undocs.org")
        || host.contains("documents.un.org")
        || host.contains("docs.un.org"))
    {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    if parts
        .first()
        .is_some_and(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_lowercase()))
    {
        parts.remove(0);
    }
    let symbol = parts.join("/");
    (!symbol.is_empty() && symbols_in(&symbol).first().is_some_and(|s| *s == symbol))
        .then_some(symbol)
}

/// The references of a document: symbols named in its text and symbols its
/// links point at, each with its link; the document's own symbol is left out.
/// Sorted by symbol.
pub(crate) fn collect<'a>(
    texts: impl Iterator<Item = &'a str>,
    links: &[(String, u32)],
    own: Option<&str>,
) -> Vec<Reference> {
    let mut by_symbol: BTreeMap<String, Option<String>> = BTreeMap::new();
    for (url, _) in links {
        if let Some(symbol) = symbol_from_url(url) {
            by_symbol.entry(symbol).or_insert_with(|| Some(url.clone()));
        }
    }
    let linked: Vec<String> = by_symbol.keys().cloned().collect();
    for text in texts {
        for symbol in symbols_in(text) {
            // A symbol broken by a line wrap is a prefix of a linked one.
            if linked
                .iter()
                .any(|l| l != &symbol && l.starts_with(&symbol))
            {
                continue;
            }
            by_symbol.entry(symbol).or_insert(None);
        }
    }
    if let Some(own) = own {
        by_symbol.remove(own);
    }
    by_symbol
        .into_iter()
        .map(|(symbol, url)| Reference { symbol, url })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_symbols_in_running_text() {
        assert_eq!(
            symbols_in("(A/77/275), document A/AC.292/2021/1. See A/75/816, annex II"),
            ["A/77/275", "A/AC.292/2021/1", "A/75/816"]
        );
        assert!(symbols_in("resolution 75/240 and 2021-2025").is_empty());
    }

    #[test]
    fn link_targets_give_symbols() {
        assert_eq!(
            symbol_from_url("https://undocs.org/ch/A/RES/75/240").as_deref(),
            Some("A/RES/75/240")
        );
        assert_eq!(
            symbol_from_url("https://undocs.org/A/77/275").as_deref(),
            Some("A/77/275")
        );
        assert_eq!(
            symbol_from_url("https://meetings.unoda.org/open-ended-working-group"),
            None
        );
    }

    #[test]
    fn references_merge_text_and_links_and_skip_the_own_symbol() {
        let links = vec![("https://undocs.org/A/77/275".to_string(), 1)];
        let refs = collect(
            ["see A/77/275 and A/75/816", "A/AC.292/2023/INF/1"].into_iter(),
            &links,
            Some("A/AC.292/2023/INF/1"),
        );
        assert_eq!(
            refs,
            vec![
                Reference {
                    symbol: "A/75/816".into(),
                    url: None
                },
                Reference {
                    symbol: "A/77/275".into(),
                    url: Some("https://undocs.org/A/77/275".into())
                },
            ]
        );
    }
}
