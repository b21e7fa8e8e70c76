//! One colour per subject, the same in every programme of a report and in
//! its chart.

use crate::hours::Subject;

/// Sub-items (a), (b), … : a qualitative palette (Tableau 10).
const SUB_ITEM: [&str; 10] = [
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#17becf",
];

/// Agenda items taken up without sub-items (mostly procedural: agenda,
/// organisation of work, other matters): muted tones, by item number, that
/// the saturated sub-item colours stand out from.
const ITEM: [&str; 6] = [
    "#d9c3b0", "#b9c3d6", "#c6d4b8", "#ddd3ae", "#cdbfd8", "#b3d4d0",
];

/// Slots without agenda items.
pub const OTHER: &str = "#d0d0d0";

/// The fill colour of a subject.
pub fn of(subject: &Subject) -> &'static str {
    match (&subject.item, &subject.sub_item) {
        (None, _) => OTHER,
        (Some(_), Some(letter)) => {
            let index = letter
                .chars()
                .next()
                .filter(char::is_ascii_lowercase)
                .map_or(SUB_ITEM.len() - 1, |c| {
                    (c as usize - 'a' as usize) % SUB_ITEM.len()
                });
            SUB_ITEM[index]
        }
        (Some(item), None) => {
            let n: usize = item
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            ITEM[n % ITEM.len()]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(item: Option<&str>, sub: Option<&str>) -> Subject {
        Subject {
            item: item.map(str::to_string),
            sub_item: sub.map(str::to_string),
        }
    }

    #[test]
    fn sub_items_items_and_other_get_their_own_colours() {
        assert_eq!(of(&subject(Some("5"), Some("a"))), "#4e79a7");
        assert_eq!(of(&subject(Some("5"), Some("g"))), "#b07aa1");
        assert_ne!(of(&subject(Some("2"), None)), of(&subject(Some("3"), None)));
        assert_eq!(of(&subject(None, None)), OTHER);
        // Odd letters and numbers do not panic.
        of(&subject(Some("IV"), Some("ж")));
    }
}
