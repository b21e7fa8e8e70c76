//! `unprog compare`: how a programme changed from one session to the next.
//!
//! Sessions are lined up in order (start date, then ordinal, then language)
//! and compared on three things:
//! - **hours** per agenda item and sub-item (see [`crate::hours`] for how a
//!   slot's time is shared);
//! - **days and slots**, aligned by day number within the session (day 1 is
//!   the first day) and by start and end time, since two sessions never
//!   share dates;
//! - **topics and questions**, matched across sessions by text similarity
//!   (see [`similarity`]) above [`CompareOptions::threshold`]. Two versions in
//!   different languages cannot be matched by text, so there a topic is
//!   matched by its place instead: the same agenda item and sub-item, the
//!   same rank under it.
//!
//! The result is plain data ([`Comparison`], serialisable) with renderers for
//! the terminal, Markdown and CSV in [`render`].

pub mod render;
pub mod similarity;

use crate::hours::{self, Subject};
use schemars::JsonSchema;
use serde::Serialize;
use similarity::Fingerprint;
use std::collections::HashMap;
use unprog_parse::{Language, Programme, Topic};

/// Settings of a comparison.
#[derive(Debug, Clone)]
pub struct CompareOptions {
    /// Two topic or question texts this similar (0..=1, see [`similarity`])
    /// or more are taken for the same one.
    pub threshold: f64,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions { threshold: 0.75 }
    }
}

/// The comparison of two or more sessions.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Comparison {
    /// The sessions, in order; every per-session list below follows it.
    pub sessions: Vec<SessionSummary>,
    /// Hours per agenda item and sub-item.
    pub hours: Vec<HoursRow>,
    /// Days present in one session of a pair and not in the other.
    pub days: Vec<Change>,
    /// Slots present in one session of a pair and not in the other.
    pub slots: Vec<Change>,
    /// Every topic and question, with where it sits in each session.
    pub topics: Vec<TopicRow>,
    /// The similarity threshold used.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub threshold: f64,
}

/// One session's facts.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SessionSummary {
    /// Short name for column headings: "S4", or the file name.
    pub label: String,
    /// The file it was read from.
    pub file: String,
    /// Document symbol.
    pub symbol: Option<String>,
    /// Language of the document.
    pub language: Language,
    /// Session ordinal.
    pub ordinal: Option<u32>,
    /// Session name as printed.
    pub name: Option<String>,
    /// First day.
    #[schemars(extend("format" = "date", "pattern" = crate::schema::DATE))]
    pub start_date: Option<String>,
    /// Number of days.
    pub days: usize,
    /// Number of slots.
    pub slots: usize,
    /// Scheduled hours.
    pub hours: f64,
}

/// Time given to one agenda item (or one sub-item) in each session.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct HoursRow {
    /// Agenda item number; `None` for slots without agenda items.
    pub item: Option<String>,
    /// Sub-item letter; `None` on an agenda item's total row.
    pub sub_item: Option<String>,
    /// The title as first printed.
    pub title: String,
    /// Hours in each session (0 when absent).
    pub hours: Vec<f64>,
    /// Slots it appears in, per session.
    pub slots: Vec<u32>,
    /// Hours in the last session minus hours in the first.
    pub change: f64,
}

impl HoursRow {
    /// "5(d)", "6" or "other".
    pub fn label(&self) -> String {
        Subject {
            item: self.item.clone(),
            sub_item: self.sub_item.clone(),
        }
        .label()
    }

    /// Whether the hours differ between any two sessions.
    pub fn changed(&self) -> bool {
        self.hours
            .iter()
            .any(|h| (h - self.hours[0]).abs() > HOURS_EPSILON)
    }
}

const HOURS_EPSILON: f64 = 1e-6;

/// Added or removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// In the later session only.
    Added,
    /// In the earlier session only.
    Removed,
}

/// A day or slot that one session of a consecutive pair has and the other
/// has not.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Change {
    /// Index of the later session of the pair (the earlier is `session - 1`).
    #[schemars(range(min = 1))]
    pub session: usize,
    /// Added in the later session, or removed from it.
    pub kind: ChangeKind,
    /// Day number within the session, from 1.
    #[schemars(range(min = 1))]
    pub day: usize,
    /// The date in the session that has it.
    #[schemars(extend("format" = "date", "pattern" = crate::schema::DATE))]
    pub date: Option<String>,
    /// Slot start (`None` for a day change).
    #[schemars(extend("pattern" = crate::schema::TIME))]
    pub start: Option<String>,
    /// Slot end (`None` for a day change).
    #[schemars(extend("pattern" = crate::schema::TIME))]
    pub end: Option<String>,
}

/// A topic line or a bullet question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TopicKind {
    /// A focus topic.
    Topic,
    /// A question under a topic.
    Question,
}

/// Where a topic or question sits in one session.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Place {
    /// Day number within the session, from 1.
    #[schemars(range(min = 1))]
    pub day: usize,
    /// The day's date.
    #[schemars(extend("format" = "date", "pattern" = crate::schema::DATE))]
    pub date: Option<String>,
    /// Slot start.
    #[schemars(extend("pattern" = crate::schema::TIME))]
    pub start: Option<String>,
    /// Slot end.
    #[schemars(extend("pattern" = crate::schema::TIME))]
    pub end: Option<String>,
    /// Agenda item and sub-item it sits under (item `None`: under an event).
    pub subject: Subject,
    /// The text as printed in this session.
    pub text: String,
    /// Similarity to the text it was matched with in the previous session
    /// where it appears (1 for the first appearance).
    #[schemars(range(min = 0.0, max = 1.0))]
    pub similarity: f64,
}

/// How a topic fares between two consecutive sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TopicStatus {
    /// Absent before, present now.
    New,
    /// Present before, absent now.
    Dropped,
    /// Present in both.
    CarriedOver,
    /// Absent from both.
    Absent,
}

/// One topic or question followed across the sessions.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct TopicRow {
    /// Topic or question.
    pub kind: TopicKind,
    /// The text where it first appears.
    pub text: String,
    /// Where it sits in each session (`None`: absent).
    pub places: Vec<Option<Place>>,
    /// Its status in each session after the first, relative to the one
    /// before (so one fewer than the sessions).
    pub status: Vec<TopicStatus>,
}

impl Comparison {
    /// How many structural differences were found: hours rows that differ,
    /// days and slots added or removed, topics and questions new or dropped.
    /// Two language versions of one programme give 0.
    pub fn structural_changes(&self) -> usize {
        self.hours.iter().filter(|r| r.changed()).count()
            + self.days.len()
            + self.slots.len()
            + self
                .topics
                .iter()
                .flat_map(|t| &t.status)
                .filter(|s| matches!(s, TopicStatus::New | TopicStatus::Dropped))
                .count()
    }
}

/// Puts programmes in session order: first day, then ordinal, then language
/// and file (stable for equal keys).
pub fn session_order(programmes: &mut [Programme]) {
    programmes.sort_by(|a, b| {
        let key = |p: &Programme| {
            (
                p.session
                    .start_date
                    .clone()
                    .or_else(|| p.days.first().and_then(|d| d.date.clone())),
                p.session.ordinal,
                p.language,
                p.source.file.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
}

/// What the language versions of one document share: the symbol, or for
/// documents without one the session and body.
pub fn document_key(p: &Programme) -> String {
    match &p.symbol {
        Some(s) => s.clone(),
        None => format!(
            "{:?}/{:?}/{:?}",
            p.session.ordinal, p.session.start_date, p.body
        ),
    }
}

/// The document each programme is a version of, as [`document_key`] gives
/// it — except that a version without a symbol (text copied from a viewer,
/// say) belongs to the document with a symbol whose session it shares (the
/// same number and first day), when there is one.
pub fn document_keys(programmes: &[Programme]) -> Vec<String> {
    let session = |p: &Programme| (p.session.ordinal, p.session.start_date.clone());
    let mut symbols: HashMap<(Option<u32>, Option<String>), String> = HashMap::new();
    for p in programmes {
        if let Some(s) = &p.symbol {
            if p.session.ordinal.is_some() || p.session.start_date.is_some() {
                symbols.entry(session(p)).or_insert_with(|| s.clone());
            }
        }
    }
    programmes
        .iter()
        .map(|p| match &p.symbol {
            Some(s) => s.clone(),
            None => symbols
                .get(&session(p))
                .cloned()
                .unwrap_or_else(|| document_key(p)),
        })
        .collect()
}

/// Keeps one version of each document, so that a folder holding a
/// programme in six languages (or printed twice) gives one session, not six.
///
/// With `language`, the first version in that language of each document is
/// kept (documents without one are left out). Without it, when every
/// programme is a version of the same document the user is comparing
/// versions and all are kept; otherwise, per document (see
/// [`document_keys`]) the first English version is kept when there is one,
/// else the first in the order Arabic, Chinese, English, French, Russian,
/// Spanish. Returns the kept programmes and the files left out.
pub fn choose_versions(
    programmes: Vec<Programme>,
    language: Option<Language>,
) -> (Vec<Programme>, Vec<String>) {
    let keys = document_keys(&programmes);
    if language.is_none() && keys.iter().all(|k| Some(k) == keys.first()) {
        return (programmes, Vec::new());
    }
    let mut best: HashMap<&str, (usize, Language)> = HashMap::new();
    for (i, p) in programmes.iter().enumerate() {
        if language.is_some_and(|l| l != p.language) {
            continue;
        }
        let rank = |l: Language| (l != Language::En, l);
        best.entry(keys[i].as_str())
            .and_modify(|(j, l)| {
                if rank(p.language) < rank(*l) {
                    *j = i;
                    *l = p.language;
                }
            })
            .or_insert((i, p.language));
    }
    let chosen: Vec<bool> = (0..programmes.len())
        .map(|i| best.get(keys[i].as_str()).is_some_and(|(j, _)| *j == i))
        .collect();
    let mut kept = Vec::new();
    let mut left = Vec::new();
    for (p, chosen) in programmes.into_iter().zip(chosen) {
        if chosen {
            kept.push(p);
        } else {
            left.push(p.source.file);
        }
    }
    (kept, left)
}

/// Compares programmes in the order given (see [`session_order`]).
pub fn compare(programmes: &[Programme], options: &CompareOptions) -> Comparison {
    let labels = session_labels(programmes);
    let sessions = programmes
        .iter()
        .zip(labels)
        .map(|(p, label)| summary(p, label))
        .collect();
    Comparison {
        sessions,
        hours: hours_rows(programmes),
        days: day_changes(programmes),
        slots: slot_changes(programmes),
        topics: topic_rows(programmes, options.threshold),
        threshold: options.threshold,
    }
}

/// Short, distinct column names: "S4" for the fourth session; "S4 fr" when
/// two versions of the fourth are compared; "S4 #2" for a second document of
/// one session in one language (a revision); the file name when the session
/// has no number.
pub fn session_labels(programmes: &[Programme]) -> Vec<String> {
    let base = |p: &Programme| match p.session.ordinal {
        Some(n) => format!("S{n}"),
        None => p.source.file.clone(),
    };
    let bases: Vec<String> = programmes.iter().map(base).collect();
    let mut labels: Vec<String> = programmes
        .iter()
        .zip(&bases)
        .map(|(p, b)| {
            if bases.iter().filter(|x| *x == b).count() > 1 {
                format!("{b} {}", p.language.code())
            } else {
                b.clone()
            }
        })
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for label in &mut labels {
        let n = seen.entry(label.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            *label = format!("{label} #{n}");
        }
    }
    labels
}

fn summary(p: &Programme, label: String) -> SessionSummary {
    SessionSummary {
        label,
        file: p.source.file.clone(),
        symbol: p.symbol.clone(),
        language: p.language,
        ordinal: p.session.ordinal,
        name: p.session.name.clone(),
        start_date: p.session.start_date.clone(),
        days: p.days.len(),
        slots: p.days.iter().map(|d| d.slots.len()).sum(),
        hours: f64::from(hours::total_minutes(p)) / 60.0,
    }
}

fn hours_rows(programmes: &[Programme]) -> Vec<HoursRow> {
    let n = programmes.len();
    let mut rows: HashMap<Subject, HoursRow> = HashMap::new();
    let new_row = |subject: &Subject| HoursRow {
        item: subject.item.clone(),
        sub_item: subject.sub_item.clone(),
        title: hours::title(subject, programmes),
        hours: vec![0.0; n],
        slots: vec![0; n],
        change: 0.0,
    };
    for (i, p) in programmes.iter().enumerate() {
        for slot in p.days.iter().flat_map(|d| &d.slots) {
            let mut seen: Vec<Subject> = Vec::new();
            for share in hours::shares(slot) {
                let total = Subject {
                    item: share.subject.item.clone(),
                    sub_item: None,
                };
                let mut subjects = vec![total];
                if share.subject.sub_item.is_some() {
                    subjects.push(share.subject.clone());
                }
                for subject in subjects {
                    let row = rows
                        .entry(subject.clone())
                        .or_insert_with(|| new_row(&subject));
                    row.hours[i] += share.minutes / 60.0;
                    if !seen.contains(&subject) {
                        row.slots[i] += 1;
                        seen.push(subject);
                    }
                }
            }
        }
    }
    let mut rows: Vec<(Subject, HoursRow)> = rows.into_iter().collect();
    rows.sort_by(|a, b| a.0.order(&b.0));
    rows.into_iter()
        .map(|(_, mut r)| {
            r.change = r.hours.last().copied().unwrap_or(0.0) - r.hours[0];
            r
        })
        .collect()
}

fn day_changes(programmes: &[Programme]) -> Vec<Change> {
    let mut out = Vec::new();
    for (i, pair) in programmes.windows(2).enumerate() {
        let (before, after) = (&pair[0], &pair[1]);
        let (a, b) = (before.days.len(), after.days.len());
        let (kind, longer) = if b > a {
            (ChangeKind::Added, after)
        } else {
            (ChangeKind::Removed, before)
        };
        for d in a.min(b)..a.max(b) {
            out.push(Change {
                session: i + 1,
                kind,
                day: d + 1,
                date: longer.days.get(d).and_then(|x| x.date.clone()),
                start: None,
                end: None,
            });
        }
    }
    out
}

fn slot_changes(programmes: &[Programme]) -> Vec<Change> {
    let slots_of = |p: &Programme, session: usize, kind: ChangeKind| -> Vec<Change> {
        p.days
            .iter()
            .enumerate()
            .flat_map(|(d, day)| {
                day.slots.iter().map(move |s| Change {
                    session,
                    kind,
                    day: d + 1,
                    date: day.date.clone(),
                    start: s.start.clone(),
                    end: s.end.clone(),
                })
            })
            .collect()
    };
    let same = |x: &Change, y: &Change| x.day == y.day && x.start == y.start && x.end == y.end;
    let mut out = Vec::new();
    for (i, pair) in programmes.windows(2).enumerate() {
        let before = slots_of(&pair[0], i + 1, ChangeKind::Removed);
        let after = slots_of(&pair[1], i + 1, ChangeKind::Added);
        let mut changes: Vec<Change> = before
            .iter()
            .filter(|b| !after.iter().any(|a| same(a, b)))
            .chain(after.iter().filter(|a| !before.iter().any(|b| same(a, b))))
            .cloned()
            .collect();
        changes.sort_by(|x, y| (x.day, &x.start, &x.end).cmp(&(y.day, &y.start, &y.end)));
        out.extend(changes);
    }
    out
}

/// A topic or question as met in one session, before matching.
struct Occurrence {
    kind: TopicKind,
    place: Place,
    /// Agenda item, sub-item, rank under them (and the topic's rank for a
    /// question): its identity when texts cannot be compared.
    position: (Subject, usize, usize),
    fingerprint: Fingerprint,
    language: Language,
}

fn occurrences(p: &Programme) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let mut rank: HashMap<Subject, usize> = HashMap::new();
    for (d, day) in p.days.iter().enumerate() {
        for slot in &day.slots {
            let mut groups: Vec<(u32, Subject, &[Topic])> = Vec::new();
            for item in &slot.agenda_items {
                let subject = |sub: Option<&str>| Subject {
                    item: Some(item.number.clone()),
                    sub_item: sub.map(str::to_string),
                };
                groups.push((item.position, subject(None), &item.topics));
                for sub in &item.sub_items {
                    groups.push((item.position, subject(Some(&sub.letter)), &sub.topics));
                }
            }
            for event in &slot.events {
                let subject = Subject {
                    item: None,
                    sub_item: None,
                };
                groups.push((event.position, subject, &event.topics));
            }
            groups.sort_by_key(|g| g.0);
            for (_, subject, topics) in groups {
                for topic in topics {
                    let r = rank.entry(subject.clone()).or_insert(0);
                    let topic_rank = *r;
                    *r += 1;
                    let place = |text: &str| Place {
                        day: d + 1,
                        date: day.date.clone(),
                        start: slot.start.clone(),
                        end: slot.end.clone(),
                        subject: subject.clone(),
                        text: text.to_string(),
                        similarity: 1.0,
                    };
                    out.push(Occurrence {
                        kind: TopicKind::Topic,
                        place: place(&topic.text),
                        position: (subject.clone(), topic_rank, usize::MAX),
                        fingerprint: Fingerprint::of(&topic.text),
                        language: p.language,
                    });
                    for (q, question) in topic.questions.iter().enumerate() {
                        out.push(Occurrence {
                            kind: TopicKind::Question,
                            place: place(question),
                            position: (subject.clone(), topic_rank, q),
                            fingerprint: Fingerprint::of(question),
                            language: p.language,
                        });
                    }
                }
            }
        }
    }
    out
}

/// A topic followed so far: its last occurrence and where it was seen.
struct Thread {
    last: Occurrence,
    first_text: String,
    places: Vec<Option<Place>>,
}

fn topic_rows(programmes: &[Programme], threshold: f64) -> Vec<TopicRow> {
    let n = programmes.len();
    let mut threads: Vec<Thread> = Vec::new();
    for (i, p) in programmes.iter().enumerate() {
        let found = occurrences(p);
        // Every candidate pair above the threshold, best first; each thread
        // and each occurrence is matched at most once.
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (t, thread) in threads.iter().enumerate() {
            for (o, occ) in found.iter().enumerate() {
                if thread.last.kind != occ.kind {
                    continue;
                }
                let score = if thread.last.language == occ.language {
                    thread.last.fingerprint.similarity(&occ.fingerprint)
                } else if thread.last.position == occ.position {
                    1.0
                } else {
                    0.0
                };
                if score >= threshold {
                    pairs.push((score, t, o));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut thread_taken = vec![false; threads.len()];
        let mut matched: Vec<Option<(usize, f64)>> = (0..found.len()).map(|_| None).collect();
        for (score, t, o) in pairs {
            if !thread_taken[t] && matched[o].is_none() {
                thread_taken[t] = true;
                matched[o] = Some((t, score));
            }
        }
        for (o, occ) in found.into_iter().enumerate() {
            match matched[o] {
                Some((t, score)) => {
                    let mut place = occ.place.clone();
                    place.similarity = score;
                    threads[t].places[i] = Some(place);
                    threads[t].last = occ;
                }
                None => {
                    let mut places = vec![None; n];
                    places[i] = Some(occ.place.clone());
                    threads.push(Thread {
                        first_text: occ.place.text.clone(),
                        last: occ,
                        places,
                    });
                }
            }
        }
    }
    threads
        .into_iter()
        .map(|t| {
            let status = t
                .places
                .windows(2)
                .map(|w| match (&w[0], &w[1]) {
                    (Some(_), Some(_)) => TopicStatus::CarriedOver,
                    (None, Some(_)) => TopicStatus::New,
                    (Some(_), None) => TopicStatus::Dropped,
                    (None, None) => TopicStatus::Absent,
                })
                .collect();
            TopicRow {
                kind: t.last.kind,
                text: t.first_text,
                places: t.places,
                status,
            }
        })
        .collect()
}
