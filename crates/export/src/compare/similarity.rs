//! Text similarity for matching topics and questions across sessions.
//!
//! Texts are normalised (lower case, punctuation and spacing removed, curly
//! quotes and dashes folded) and compared by the Sørensen–Dice coefficient
//! of their character bigrams: 1 for the same text, 0 for nothing in common.
//! Bigrams work the same for words with spaces and for Chinese without them,
//! and a reworded question still shares most of its pairs.

use std::collections::HashMap;

/// A text prepared for comparison: its bigram counts.
#[derive(Debug, Clone, Default)]
pub struct Fingerprint {
    bigrams: HashMap<(char, char), u32>,
    total: u32,
}

impl Fingerprint {
    /// Normalises `text` and counts its bigrams.
    pub fn of(text: &str) -> Fingerprint {
        let chars: Vec<char> = text
            .chars()
            .flat_map(char::to_lowercase)
            .filter(|c| c.is_alphanumeric())
            .collect();
        let mut bigrams = HashMap::new();
        for pair in chars.windows(2) {
            *bigrams.entry((pair[0], pair[1])).or_insert(0) += 1;
        }
        let total = chars.len().saturating_sub(1) as u32;
        Fingerprint { bigrams, total }
    }

    /// Dice similarity in 0..=1.
    pub fn similarity(&self, other: &Fingerprint) -> f64 {
        if self.total == 0 || other.total == 0 {
            return if self.total == other.total { 1.0 } else { 0.0 };
        }
        let (small, large) = if self.bigrams.len() <= other.bigrams.len() {
            (self, other)
        } else {
            (other, self)
        };
        let common: u32 = small
            .bigrams
            .iter()
            .map(|(k, n)| (*n).min(large.bigrams.get(k).copied().unwrap_or(0)))
            .sum();
        2.0 * f64::from(common) / f64::from(self.total + other.total)
    }
}

/// Similarity of two texts (see the module notes).
pub fn similarity(a: &str, b: &str) -> f64 {
    Fingerprint::of(a).similarity(&Fingerprint::of(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_in_other_clothes_is_identical() {
        assert_eq!(
            similarity(
                "Focused discussion on the Chair’s paper:",
                "focused  discussion on the Chair's paper"
            ),
            1.0
        );
    }

    #[test]
    fn a_reworded_question_stays_close_and_another_topic_does_not() {
        let a = "Are there existing funding mechanisms that could be used for capacity-building?";
        let b = "Are there existing funding mechanisms which could be used for capacity building?";
        let c = "What are these new and emerging technologies, and how are they exploited?";
        assert!(similarity(a, b) > 0.85, "{}", similarity(a, b));
        assert!(similarity(a, c) < 0.4, "{}", similarity(a, c));
    }

    #[test]
    fn chinese_is_compared_without_spaces() {
        let a = "重点讨论能力建设的资金问题";
        let b = "重点讨论能力建设资金问题";
        assert!(similarity(a, b) > 0.8, "{}", similarity(a, b));
        assert!(similarity(a, "关于定期机构对话的关键设计原则") < 0.2);
    }

    #[test]
    fn empty_texts_match_only_each_other() {
        assert_eq!(similarity("", "—"), 1.0);
        assert_eq!(similarity("", "a b"), 0.0);
    }
}
