//! The programme table: days and time slots from the date column; agenda
//! items, sub-items, focus topics, questions, events and speakers from the
//! programme column.
//!
//! The programme column is first cut into paragraphs (a structural mark at
//! the start — "Agenda item 5:", "(d)", "•", "–" — a vertical gap in the
//! layout, or a short or closed previous line); each paragraph is then placed
//! by its kind, looking one paragraph ahead (a plain paragraph followed by
//! bullets is a focus topic).

use regex::Regex;

use crate::joining::join;
use crate::lang::Table;
use crate::lines::{Column, Line, Zone};
use crate::model::{AgendaItem, Day, Event, SubItem, Topic};

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Agenda(String),
    /// A sub-item: its Latin letter and its mark as printed.
    Sub(String, String),
    Bullet,
    Dash,
    Plain,
}

#[derive(Debug)]
struct Paragraph {
    kind: Kind,
    text: String,
    markers: Vec<String>,
    page: u32,
}

/// Where new topics, questions and speakers go.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Holder {
    None,
    Agenda(usize),
    Sub(usize, usize),
    Event(usize),
}

struct Builder<'t> {
    table: &'t Table,
    year: Option<i32>,
    days: Vec<Day>,
    warnings: Vec<String>,
    /// The date-side cell being read, in the column being read.
    cell: Option<Cell>,
    /// The column `cell` is in, and the cells being read in the other
    /// date-side columns (a three-column table reads days and times apart).
    column: Column,
    other_cells: [(Column, Option<Cell>); 3],
    holder: Holder,
    /// The last topic added, as (holder, index) – bullets go there.
    topic: Option<(Holder, usize)>,
    /// The slot's items in order: true for agenda items.
    positions: u32,
    /// The page each day, and each of its slots, starts on.
    pages: Vec<(u32, Vec<u32>)>,
}

fn zh_month_start() -> &'static Regex {
    regex!(r"^\d{1,2}\s*月")
}

fn bullet_re() -> &'static Regex {
    regex!(r"^[•●▪◦·■○➢❖]\s*(.*)$")
}

fn dash_re() -> &'static Regex {
    regex!(r"^[–—-]\s+(.*)$")
}

/// The structural mark a line starts with, and the text after it.
fn classify(table: &Table, text: &str) -> (Kind, String) {
    let t = text.trim().replace('\u{a0}', " ");
    if let Some(c) = table.agenda_item.captures(&t) {
        return (Kind::Agenda(c[1].to_string()), c[2].trim().to_string());
    }
    if let Some(m) = table.sub_item(&t) {
        return (Kind::Sub(m.letter, m.label), m.text);
    }
    if let Some(c) = bullet_re().captures(&t) {
        return (Kind::Bullet, c[1].trim().to_string());
    }
    if let Some(c) = dash_re().captures(&t) {
        return (Kind::Dash, c[1].trim().to_string());
    }
    (Kind::Plain, text.trim().to_string())
}

/// Whether a line starts with a structural mark (agenda item, sub-item,
/// bullet, dash).
pub(crate) fn is_structural(table: &Table, text: &str) -> bool {
    classify(table, text).0 != Kind::Plain
}

/// Whether `text` opens a meeting the programme names ("Clôture de la
/// session", `Table::event_openers`), the paragraph before not broken off
/// mid-word: text laid out in characters cannot tell by positions that
/// such a short line was a paragraph of its own.
fn opens_meeting(table: &Table, pending: &Option<Paragraph>, text: &str) -> bool {
    table.opens_event(text)
        && pending
            .as_ref()
            .is_some_and(|p| !p.text.trim_end().ends_with(['-', '‐']))
}

/// Whether `text` opens a question (`Table::question_openers`: "¿",
/// "Quelles ") right after a paragraph that ended one.
fn opens_question(table: &Table, pending: &Option<Paragraph>, text: &str) -> bool {
    table.opens_question(text)
        && pending.as_ref().is_some_and(|p| {
            let t = p.text.trim_end();
            t.ends_with('?') || t.ends_with(table.question_end)
        })
}

/// Whether a line is an entry of a list: a bullet question or a dash (a
/// speaker), never the first thing of a slot.
pub(crate) fn is_list_entry(table: &Table, text: &str) -> bool {
    matches!(classify(table, text).0, Kind::Bullet | Kind::Dash)
}

/// Builds the days of the timetable from the table lines.
pub(crate) fn parse(
    lines: &[Line],
    table: &Table,
    year: Option<i32>,
    warnings: &mut Vec<String>,
) -> Vec<Day> {
    let mut b = Builder {
        table,
        year,
        days: Vec::new(),
        warnings: Vec::new(),
        cell: None,
        column: Column::Date,
        other_cells: [
            (Column::Day, None),
            (Column::Date, None),
            (Column::Time, None),
        ],
        holder: Holder::None,
        topic: None,
        positions: 0,
        pages: Vec::new(),
    };
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut last_full = false;
    let mut last_room = 0.0;
    let mut last_start: Option<f64> = None;
    // Lines in the paragraph being read, the widest of them but the last, and
    // the last one's width.
    let mut para_lines = 0usize;
    let mut para_max = 0usize;
    let mut last_width = 0usize;
    // Paragraphs are placed once the next one is known; slot changes in the
    // date column close the paragraph being read.
    let mut pending: Option<Paragraph> = None;
    for line in lines.iter().filter(|l| l.zone == Zone::Table) {
        match line.column {
            Column::Date | Column::Day | Column::Time => {
                b.select(line.column);
                // A new day or slot closes the programme text of the last one.
                if b.starts_slot(line) {
                    if let Some(p) = pending.take() {
                        paragraphs.push(p);
                    }
                    b.flush(&mut paragraphs, None);
                }
                b.date_line(line);
            }
            Column::Programme => {
                let (kind, text) = classify(table, &line.text);
                // A paragraph that ends with a colon is closed (a focus
                // line before its questions).
                let closed = pending
                    .as_ref()
                    .is_some_and(|p| p.text.trim_end().ends_with([':', '：']));
                // Plain text: a line is judged full against the paragraph's
                // own earlier lines (bullets and sub-items are indented).
                let width = crate::lines::display_width(&text);
                let prev_full = if line.from_layout || para_lines <= 1 {
                    last_full
                } else {
                    last_width * 20 >= para_max * 17
                };
                // Where no gap shows it, a line that opens the way focus
                // topics open (with a capital where the script has them)
                // starts one after a title or an event.
                let title_then_topic = (!line.from_layout || line.loose)
                    && table.starts_topic(&text)
                    && !text.chars().next().is_some_and(char::is_lowercase)
                    && pending.as_ref().is_some_and(|p| {
                        matches!(p.kind, Kind::Agenda(_) | Kind::Sub(..) | Kind::Plain)
                            && !table.starts_topic(&p.text)
                    });
                // Text laid out in characters knows a line's end only to a
                // few characters (the last word's, the next word's length
                // in characters is not their width): ask for a clear fit.
                // (After a question's mark, a capital that would have fitted
                // opens the next question: a browser's bullets are drawn,
                // and a text tool does not print them.)
                let after_question = pending.as_ref().is_some_and(|p| {
                    p.text.trim_end().ends_with(['?', '？', '؟'])
                        && text.chars().next().is_some_and(char::is_uppercase)
                });
                let fits_before = line.from_layout
                    && line.first_word_width.is_some_and(|w| {
                        if line.loose && !after_question {
                            // ... and a line clearly short of its column.
                            1.5 * w + line.size < last_room && last_room > 0.25 * line.column_width
                        } else {
                            w + 0.5 * line.size < last_room
                        }
                    });
                // The paragraph's lines so far all start where this one
                // does not (the continuation of a hanging indent).
                // (Text laid out in characters scales each page its own way:
                // across a page break an indent is known to a character or two.)
                // (Right to left, a line laid out in characters starts
                // where its characters' count puts it: its right edge
                // drifts by a word's width.)
                let indent_slack = if line.loose && table.right_to_left() {
                    4.0
                } else if line.loose && line.para_break.is_none() {
                    1.3
                } else {
                    0.5
                } * line.size;
                let leaves_indent = para_lines >= 2
                    && line
                        .start
                        .zip(last_start)
                        .is_some_and(|(a, b)| (a - b).abs() > indent_slack);
                let new_para = pending.is_none()
                    || kind != Kind::Plain
                    || title_then_topic
                    || match (line.para_break, line.from_layout) {
                        // A vertical gap starts a paragraph; so does a line
                        // whose first word would have fitted on the line
                        // before (that one ended its paragraph).
                        // (Text laid out in characters: a focus line ends
                        // with its colon, a question before "¿" with its
                        // mark — where positions are too rough to tell.)
                        (Some(gap), _) => {
                            gap || fits_before
                                || leaves_indent
                                || (line.loose
                                    && (closed
                                        || opens_question(table, &pending, &text)
                                        || opens_meeting(table, &pending, &text)))
                        }
                        // First line of a page: it continues the paragraph
                        // that ended the last page unless that one closed, or
                        // this line's first word would have fitted on it.
                        // Nor does it when the paragraph's lines so far all
                        // start where this one does not (a hanging indent).
                        // (Text laid out in characters: a lowercase start
                        // goes on, whatever the new page's indent.)
                        (None, true) => {
                            closed
                                || fits_before
                                || (leaves_indent
                                    && !(line.loose
                                        && text.chars().next().is_some_and(char::is_lowercase)))
                        }
                        (None, false) => !prev_full || closed,
                    };
                if new_para {
                    if let Some(p) = pending.take() {
                        paragraphs.push(p);
                    }
                    b.flush(&mut paragraphs, Some(&kind));
                    pending = Some(Paragraph {
                        kind,
                        text,
                        markers: line.markers.clone(),
                        page: line.page,
                    });
                } else if let Some(p) = pending.as_mut() {
                    p.text = line.joined_to(table.language, &p.text);
                    p.markers.extend(line.markers.iter().cloned());
                }
                last_full = line.full;
                if new_para {
                    para_lines = 1;
                    para_max = 0;
                } else {
                    para_lines += 1;
                    para_max = para_max.max(last_width);
                }
                last_width = width;
                last_room = line.room_after;
                last_start = line.start;
            }
        }
    }
    if let Some(p) = pending.take() {
        paragraphs.push(p);
    }
    b.flush(&mut paragraphs, None);
    b.select(Column::Time);
    let time_open = b.cell == Some(Cell::Time { complete: false });
    b.select(Column::Date);
    if time_open || b.cell == Some(Cell::Time { complete: false }) {
        let page = lines
            .iter()
            .rev()
            .find(|l| l.zone == Zone::Table)
            .map_or(0, |l| l.page);
        b.warn_slot_time(page);
    }
    b.warn_empty_days_and_slots();
    warnings.append(&mut b.warnings);
    b.days
}

/// What the date-column cell being read turned out to be.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cell {
    /// A day label; `complete` once it parses.
    Day { complete: bool },
    /// A time; `complete` once it parses.
    Time { complete: bool },
    /// Anything under a complete time: a room.
    Room,
}

impl Builder<'_> {
    /// Makes `column`'s cell the one being read.
    fn select(&mut self, column: Column) {
        if self.column == column {
            return;
        }
        let cell = self.cell.take();
        for (c, saved) in self.other_cells.iter_mut() {
            if *c == self.column {
                *saved = cell;
            }
        }
        for (c, saved) in self.other_cells.iter_mut() {
            if *c == column {
                self.cell = saved.take();
            }
        }
        self.column = column;
    }

    /// A new day ends the time cell being read in a column of its own.
    fn close_time_column(&mut self) {
        for (c, saved) in self.other_cells.iter_mut() {
            if *c == Column::Time {
                *saved = None;
            }
        }
    }

    /// Whether a date-column line continues the cell being read: no vertical
    /// gap before it in the layout, or an incomplete time or day label.
    fn continues_cell(&self, line: &Line) -> bool {
        match self.cell {
            None | Some(Cell::Day { complete: true }) => false,
            // A day label waiting for its end is not continued by a time.
            Some(Cell::Day { complete: false }) => {
                let t = line.text.trim();
                (self.table.parse_time)(t).is_none() && !(self.table.time_start)(t)
            }
            Some(Cell::Time { complete: false }) => true,
            // "10.00 a 11.30" + "horas", a room under the time — but the next
            // row's time or day, with no gap before it, is not.
            Some(Cell::Time { complete: true }) | Some(Cell::Room) => {
                let t = line.text.trim();
                line.para_break == Some(false)
                    && !self.looks_like_day(t)
                    && !self.looks_like_time(t)
            }
        }
    }

    /// Whether a date-column line opens a new day or slot.
    fn starts_slot(&self, line: &Line) -> bool {
        if self.continues_cell(line) {
            return false;
        }
        let t = line.text.trim();
        self.looks_like_day(t) || self.looks_like_time(t)
    }

    fn looks_like_day(&self, t: &str) -> bool {
        let first = crate::lang::words(t)
            .into_iter()
            .next()
            .unwrap_or_default()
            .to_lowercase();
        self.table.parse_day(t).is_some()
            || self.table.weekday(&first).is_some()
            // A weekday broken by a narrow column ("Понедельни" / "к, 11 ...").
            || (first.chars().count() >= 4
                && self
                    .table
                    .weekdays
                    .iter()
                    .any(|forms| forms.iter().any(|f| f.starts_with(first.as_str()))))
            || (self.table.language == crate::model::Language::Zh && zh_month_start().is_match(t))
    }

    fn looks_like_time(&self, t: &str) -> bool {
        self.table.starts_like_time(t)
    }

    /// Reads a date-column line.
    fn date_line(&mut self, line: &Line) {
        let text = line.text.trim();
        if self.continues_cell(line) {
            self.continue_cell(line, text);
            return;
        }
        if self.looks_like_day(text) {
            let parsed = self.table.parse_day(text);
            self.days.push(Day {
                date: None,
                weekday: None,
                label: text.to_string(),
                slots: Vec::new(),
            });
            self.pages.push((line.page, Vec::new()));
            self.cell = Some(Cell::Day { complete: false });
            if self.column == Column::Day {
                self.close_time_column();
            }
            if parsed.is_some() {
                self.finish_day(line.page);
            }
            self.reset_slot_context();
            return;
        }
        if self.looks_like_time(text) {
            if self.days.is_empty() {
                self.warnings.push(format!(
                    "page {}: a time before any day: {text:?}",
                    line.page
                ));
                self.days.push(Day {
                    date: None,
                    weekday: None,
                    label: String::new(),
                    slots: Vec::new(),
                });
                self.pages.push((line.page, Vec::new()));
            }
            let parsed = (self.table.parse_time)(text);
            if let Some((_, slots)) = self.pages.last_mut() {
                slots.push(line.page);
            }
            if let Some(day) = self.days.last_mut() {
                day.slots.push(crate::model::Slot {
                    start: parsed.as_ref().map(|t| t.start.clone()),
                    end: parsed.as_ref().map(|t| t.end.clone()),
                    label: text.to_string(),
                    room: None,
                    agenda_items: Vec::new(),
                    events: Vec::new(),
                });
            }
            self.cell = Some(Cell::Time {
                complete: parsed.is_some(),
            });
            self.reset_slot_context();
            return;
        }
        self.add_room(line);
    }

    fn continue_cell(&mut self, line: &Line, text: &str) {
        let language = self.table.language;
        match self.cell {
            Some(Cell::Day { .. }) => {
                let table = self.table;
                if let Some(day) = self.days.last_mut() {
                    // A word too long for a narrow column is broken without a
                    // hyphen: take the join that reads as a date.
                    let spaced = join(language, &day.label, text);
                    let glued = format!("{}{}", day.label.trim_end(), text.trim());
                    day.label = if table.parse_day(&spaced).is_none()
                        && table.parse_day(&glued).is_some()
                    {
                        glued
                    } else {
                        spaced
                    };
                }
                self.finish_day(line.page);
            }
            Some(Cell::Time { complete }) => {
                let Some(slot) = self.days.last_mut().and_then(|d| d.slots.last_mut()) else {
                    return;
                };
                let label = line.joined_to(language, &slot.label);
                match (self.table.parse_time)(&label) {
                    Some(t) => {
                        slot.label = label;
                        slot.start = Some(t.start);
                        slot.end = Some(t.end);
                        self.cell = Some(Cell::Time { complete: true });
                    }
                    None if complete => self.add_room(line),
                    None => {
                        slot.label = label;
                        // Give up on a time that does not parse after a few lines.
                        if slot.label.chars().count() > 60 {
                            self.warn_slot_time(line.page);
                            self.cell = Some(Cell::Time { complete: true });
                        }
                    }
                }
            }
            Some(Cell::Room) => self.add_room(line),
            None => {}
        }
    }

    fn finish_day(&mut self, page: u32) {
        let year = self.year;
        let Some(day) = self.days.last_mut() else {
            return;
        };
        match self.table.parse_day(&day.label) {
            Some(d) => {
                day.weekday = Some(d.weekday);
                day.date = year.map(|y| format!("{y:04}-{:02}-{:02}", d.month, d.day));
                // "الاثنين، 4 آذار/" reads as a date, but the month's other
                // name ("مارس") is still to come on the next line.
                let open = day.label.trim_end().ends_with(['/', '-', '–']);
                self.cell = Some(Cell::Day { complete: !open });
                if year.is_none() {
                    self.warnings.push(format!(
                        "page {page}: no year in the masthead for the day {:?}",
                        day.label
                    ));
                }
                self.merge_repeated_day(d);
            }
            None => {
                if day.label.chars().count() > 60 {
                    self.warnings.push(format!(
                        "page {page}: day label not understood: {:?}",
                        day.label
                    ));
                    self.cell = Some(Cell::Day { complete: true });
                }
            }
        }
    }

    /// A day label printed again on the same day's next row (a date column
    /// that repeats the date on every row) is the same day, not a new one.
    fn merge_repeated_day(&mut self, label: crate::lang::DayLabel) {
        let n = self.days.len();
        if n < 2 {
            return;
        }
        let previous = self.table.parse_day(&self.days[n - 2].label);
        if previous != Some(label) {
            return;
        }
        if let Some(repeat) = self.days.pop() {
            if let Some(day) = self.days.last_mut() {
                day.slots.extend(repeat.slots);
            }
            if let Some((_, slots)) = self.pages.pop() {
                if let Some((_, into)) = self.pages.last_mut() {
                    into.extend(slots);
                }
            }
        }
    }

    fn add_room(&mut self, line: &Line) {
        let (page, text) = (line.page, line.text.trim());
        let language = self.table.language;
        let has_time = matches!(
            self.cell,
            Some(Cell::Time { complete: true }) | Some(Cell::Room)
        );
        match self.days.last_mut().and_then(|d| d.slots.last_mut()) {
            Some(slot) if has_time => {
                slot.room = Some(match slot.room.take() {
                    Some(r) => self
                        .table
                        .join_room(&r, text, line.continues_word)
                        .unwrap_or_else(|| line.joined_to(language, &r)),
                    None => text.to_string(),
                });
                self.cell = Some(Cell::Room);
            }
            _ => self.warnings.push(format!(
                "page {page}: date-column text outside any slot: {text:?}"
            )),
        }
    }

    /// A day without time slots, a slot without programme: read but empty,
    /// so probably not read right — said, never silently kept.
    fn warn_empty_days_and_slots(&mut self) {
        for (day, (page, slot_pages)) in self.days.iter().zip(&self.pages) {
            if day.slots.is_empty() {
                self.warnings.push(format!(
                    "page {page}: the day {:?} has no time slots",
                    day.label
                ));
            }
            for (slot, page) in day.slots.iter().zip(slot_pages) {
                if slot.agenda_items.is_empty() && slot.events.is_empty() {
                    self.warnings.push(format!(
                        "page {page}: the slot {:?} of {:?} has no programme",
                        slot.label, day.label
                    ));
                }
            }
        }
    }

    fn warn_slot_time(&mut self, page: u32) {
        let label = self
            .days
            .last()
            .and_then(|d| d.slots.last())
            .map(|s| s.label.clone())
            .unwrap_or_default();
        self.warnings
            .push(format!("page {page}: time not understood: {label:?}"));
    }

    fn reset_slot_context(&mut self) {
        self.holder = Holder::None;
        self.topic = None;
        self.positions = 0;
    }

    /// Places every paragraph but the last one, which waits for the next
    /// paragraph's kind (`next`) unless there is none (`None`: the slot
    /// ended).
    fn flush(&mut self, paragraphs: &mut Vec<Paragraph>, next: Option<&Kind>) {
        let keep_last = next.is_some();
        let n = paragraphs.len();
        let take = if keep_last { n.saturating_sub(1) } else { n };
        let placed: Vec<Paragraph> = paragraphs.drain(..take).collect();
        let mut iter = placed.into_iter().peekable();
        while let Some(p) = iter.next() {
            let following = iter.peek().map(|q| q.kind.clone()).or_else(|| {
                if keep_last {
                    paragraphs.first().map(|q| q.kind.clone())
                } else {
                    None
                }
            });
            self.place(p, following.as_ref());
        }
        // With a next kind known, the kept paragraph can be placed now.
        if keep_last {
            if let Some(p) = paragraphs.pop() {
                self.place(p, next);
            }
        }
    }

    fn slot(&mut self) -> Option<&mut crate::model::Slot> {
        self.days.last_mut().and_then(|d| d.slots.last_mut())
    }

    fn place(&mut self, p: Paragraph, next: Option<&Kind>) {
        let table = self.table;
        if self.slot().is_none() {
            self.warnings.push(format!(
                "page {}: programme text outside any time slot: {:?}",
                p.page, p.text
            ));
            return;
        }
        match p.kind {
            Kind::Agenda(number) => {
                let (title, continued) = table.strip_continued(&p.text);
                let position = self.positions;
                self.positions += 1;
                if let Some(slot) = self.slot() {
                    slot.agenda_items.push(AgendaItem {
                        number,
                        title,
                        continued,
                        footnotes: p.markers,
                        sub_items: Vec::new(),
                        topics: Vec::new(),
                        position,
                    });
                    let i = slot.agenda_items.len() - 1;
                    self.holder = Holder::Agenda(i);
                    self.topic = None;
                }
            }
            Kind::Sub(letter, label) => {
                let (title, continued) = table.strip_continued(&p.text);
                let agenda = match self.holder {
                    Holder::Agenda(a) | Holder::Sub(a, _) => Some(a),
                    _ => None,
                };
                self.warn_markers(&p.markers, p.page, &p.text);
                match agenda {
                    Some(a) => {
                        if let Some(item) = self.slot().and_then(|s| s.agenda_items.get_mut(a)) {
                            item.sub_items.push(SubItem {
                                letter,
                                label,
                                title,
                                continued,
                                topics: Vec::new(),
                            });
                            let s = item.sub_items.len() - 1;
                            self.holder = Holder::Sub(a, s);
                            self.topic = None;
                        }
                    }
                    None => {
                        // A continued sub-item read after the day's last slot
                        // (a text tool prints a cell's lost block after the
                        // page's foot) is the continued agenda item's that the
                        // day left without one.
                        let sub = SubItem {
                            letter,
                            label,
                            title,
                            continued,
                            topics: Vec::new(),
                        };
                        let owner = self.days.last_mut().filter(|_| continued).and_then(|d| {
                            d.slots
                                .iter_mut()
                                .rev()
                                .flat_map(|s| s.agenda_items.iter_mut().rev())
                                .find(|a| a.continued && a.sub_items.is_empty())
                        });
                        match owner {
                            Some(item) => item.sub_items.push(sub),
                            _ => self.warnings.push(format!(
                                "page {}: sub-item {} outside an agenda item: {:?}",
                                p.page, sub.label, sub.title
                            )),
                        }
                    }
                }
            }
            Kind::Bullet => {
                self.warn_markers(&p.markers, p.page, &p.text);
                if self.topic.is_none() {
                    self.warnings.push(format!(
                        "page {}: question without a focus topic, kept under an empty one: {:?}",
                        p.page, p.text
                    ));
                    self.add_topic(String::new(), p.page);
                }
                if let Some(topic) = self.current_topic() {
                    topic.questions.push(p.text);
                }
            }
            Kind::Dash => {
                self.warn_markers(&p.markers, p.page, &p.text);
                match self.holder {
                    Holder::Event(e) => {
                        if let Some(ev) = self.slot().and_then(|s| s.events.get_mut(e)) {
                            ev.speakers.push(p.text);
                        }
                    }
                    _ => {
                        // A dash list outside an event reads as questions.
                        if self.topic.is_some() {
                            if let Some(topic) = self.current_topic() {
                                topic.questions.push(p.text);
                            }
                        } else {
                            self.warnings.push(format!(
                                "page {}: dash line with nothing to hang on: {:?}",
                                p.page, p.text
                            ));
                        }
                    }
                }
            }
            // A question under a focus topic whose bullet the text does not
            // show (a browser's list marker, drawn, not written).
            Kind::Plain
                if self.topic.is_some()
                    && p.text.trim_end().ends_with(table.question_end)
                    && p.markers.is_empty() =>
            {
                if let Some(topic) = self.current_topic() {
                    topic.questions.push(p.text);
                }
            }
            Kind::Plain => {
                let t = p.text.trim_end();
                if table.agenda_loose.is_match(t.trim_start()) {
                    self.warnings.push(format!(
                        "page {}: reads like an agenda item but was not understood: {:?}",
                        p.page, p.text
                    ));
                }
                let topic_like =
                    table.is_focus(t) || t.ends_with([':', '：']) || next == Some(&Kind::Bullet);
                self.warn_markers(&p.markers, p.page, &p.text);
                if topic_like && self.holder != Holder::None {
                    self.add_topic(p.text, p.page);
                } else {
                    let position = self.positions;
                    self.positions += 1;
                    if let Some(slot) = self.slot() {
                        slot.events.push(Event {
                            text: p.text,
                            speakers: Vec::new(),
                            topics: Vec::new(),
                            position,
                        });
                        let e = slot.events.len() - 1;
                        self.holder = Holder::Event(e);
                        self.topic = None;
                    }
                }
            }
        }
    }

    fn warn_markers(&mut self, markers: &[String], page: u32, text: &str) {
        for m in markers {
            self.warnings.push(format!(
                "page {page}: footnote marker {m} on a line that is not an agenda item: {text:?}"
            ));
        }
    }

    fn add_topic(&mut self, text: String, page: u32) {
        let holder = self.holder;
        let topic = Topic {
            text,
            questions: Vec::new(),
        };
        let Some(slot) = self.slot() else { return };
        let list = match holder {
            Holder::Agenda(a) => slot.agenda_items.get_mut(a).map(|i| &mut i.topics),
            Holder::Sub(a, s) => slot
                .agenda_items
                .get_mut(a)
                .and_then(|i| i.sub_items.get_mut(s))
                .map(|s| &mut s.topics),
            Holder::Event(e) => slot.events.get_mut(e).map(|e| &mut e.topics),
            Holder::None => None,
        };
        match list {
            Some(list) => {
                list.push(topic);
                let i = list.len() - 1;
                self.topic = Some((holder, i));
            }
            None => self.warnings.push(format!(
                "page {page}: focus topic with nothing to hang on: {:?}",
                topic.text
            )),
        }
    }

    fn current_topic(&mut self) -> Option<&mut Topic> {
        let (holder, i) = self.topic?;
        let slot = self.days.last_mut()?.slots.last_mut()?;
        match holder {
            Holder::Agenda(a) => slot.agenda_items.get_mut(a)?.topics.get_mut(i),
            Holder::Sub(a, s) => slot
                .agenda_items
                .get_mut(a)?
                .sub_items
                .get_mut(s)?
                .topics
                .get_mut(i),
            Holder::Event(e) => slot.events.get_mut(e)?.topics.get_mut(i),
            Holder::None => None,
        }
    }
}
