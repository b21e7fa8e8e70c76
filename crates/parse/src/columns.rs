//! The programme table's columns: which column heads where (from the header
//! row's cells) and where one column ends and the next begins (a drawn rule
//! between them, else the widest gutter of white space the table's words
//! leave between the two headings).
//!
//! Nothing here assumes a shape: two columns (date/time | programme), three
//! (date | time | programme), left to right or right to left, headings left
//! aligned or centred, borders drawn or not.

use crate::lines::Column;

/// A header cell: the column it heads and its horizontal extent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct HeaderCell {
    pub column: Column,
    pub x0: f64,
    pub x1: f64,
}

impl HeaderCell {
    fn centre(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

/// The columns of a table on a page: bands of x, left to right.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Columns {
    /// Each column with the x where it ends (the next begins); the last
    /// runs to the page's edge.
    bands: Vec<(Column, f64)>,
    /// The left edge of the leftmost heading: in a left-to-right table,
    /// the date cells are aligned to it.
    left_edge: f64,
}

/// Step of the white-space search, in points.
const STEP: f64 = 0.5;

impl Columns {
    /// Columns from the header cells, the extents `(x0, x1)` of the words
    /// under them (the table's text on the page) and the x of the vertical
    /// rules drawn in the table. `None` without a programme column and at
    /// least one date or time column.
    pub fn new(cells: &[HeaderCell], words: &[(f64, f64)], rules: &[f64]) -> Option<Columns> {
        let mut cells: Vec<HeaderCell> = cells.to_vec();
        cells.sort_by(|a, b| a.centre().total_cmp(&b.centre()));
        cells.dedup_by(|b, a| a.column == b.column);
        if !cells.iter().any(|c| c.column == Column::Programme)
            || !cells.iter().any(|c| c.column.is_date_side())
        {
            return None;
        }
        // A date or a time column alone holds both (a two-column table
        // headed "Date" or "Time").
        let has = |c: Column| cells.iter().any(|x| x.column == c);
        if has(Column::Day) != has(Column::Time) {
            for c in cells.iter_mut().filter(|c| c.column.is_date_side()) {
                c.column = Column::Date;
            }
        }
        let mut bands = Vec::with_capacity(cells.len());
        for pair in cells.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            bands.push((a.column, boundary(a, b, words, rules)));
        }
        let (first, last) = (cells.first()?, cells.last()?);
        bands.push((last.column, f64::INFINITY));
        let left_edge = first.x0;
        Some(Columns { bands, left_edge })
    }

    /// The column at x.
    pub fn at(&self, x: f64) -> Column {
        self.bands
            .iter()
            .find(|(_, end)| x < *end)
            .or(self.bands.last())
            .map_or(Column::Programme, |(c, _)| *c)
    }

    /// The column holding most of the span from x0 to x1 (its centre).
    pub fn of_span(&self, x0: f64, x1: f64) -> Column {
        self.at((x0 + x1) / 2.0)
    }

    /// The columns of one line's words (`spans`, left to right), for text
    /// laid out in character columns, where a line's characters drift from
    /// the header row's columns (a CJK character is wider than the one
    /// column it is printed in): in a left-to-right table, a word the bands
    /// put in the date-side column at the left belongs to the column right
    /// of it when it opens the line away from that column's edge (date
    /// cells are aligned to it; only the programme's text is indented
    /// there), and so do the words after a gap of two characters or more
    /// inside it (a cell's words are one space apart). `unit` is the width
    /// of a character. (Right-to-left runs drift both ways, so a table
    /// with its date column on the right keeps the bands' columns.)
    pub fn of_drifting_line(&self, spans: &[(f64, f64)], unit: f64) -> Vec<Column> {
        let mut out: Vec<Column> = spans.iter().map(|&(a, b)| self.of_span(a, b)).collect();
        let (Some(&(outer, _)), Some(&(inward, _))) = (self.bands.first(), self.bands.get(1))
        else {
            return out;
        };
        if !outer.is_date_side() {
            return out;
        }
        let mut previous_end: Option<f64> = None;
        for i in 0..spans.len() {
            if out[i] != outer {
                break;
            }
            let (x0, x1) = spans[i];
            let away = match previous_end {
                None => x0 - self.left_edge > 2.5 * unit,
                Some(end) => x0 - end >= 1.8 * unit,
            };
            if away {
                for c in out[i..].iter_mut().filter(|c| **c == outer) {
                    *c = inward;
                }
                break;
            }
            previous_end = Some(x1);
        }
        out
    }

    /// The column that holds day labels: a date column of its own, else
    /// the date-and-time column.
    pub fn day_column(&self) -> Column {
        if self.bands.iter().any(|(c, _)| *c == Column::Day) {
            Column::Day
        } else {
            self.bands
                .iter()
                .map(|(c, _)| *c)
                .find(|c| c.is_date_side())
                .unwrap_or(Column::Date)
        }
    }

    /// The x boundaries between columns, left to right.
    #[cfg(test)]
    pub fn boundaries(&self) -> impl Iterator<Item = f64> + '_ {
        self.bands
            .iter()
            .map(|(_, end)| *end)
            .filter(|e| e.is_finite())
    }
}

/// Where column `a` ends and column `b` (to its right) begins: a rule drawn
/// between their headings, else the middle of the widest run of
/// least-covered x between them (the gutter), else just before `b`'s
/// heading.
fn boundary(a: HeaderCell, b: HeaderCell, words: &[(f64, f64)], rules: &[f64]) -> f64 {
    // Between the two headings' texts (the gutter lies there whether they
    // are aligned to their columns' edges or centred), or their centres
    // when the texts touch.
    let (lo, hi) = if a.x1 + 2.0 * STEP < b.x0 {
        (a.x1, b.x0)
    } else {
        (a.centre(), b.centre())
    };
    if hi - lo < 2.0 * STEP {
        return (a.x1 + b.x0) / 2.0;
    }
    let n = ((hi - lo) / STEP) as usize;
    let mut coverage = vec![0u32; n];
    for &(x0, x1) in words {
        if x1 < lo || x0 > hi {
            continue;
        }
        let from = ((x0 - lo) / STEP).floor().max(0.0) as usize;
        let to = (((x1 - lo) / STEP).ceil() as usize).min(n);
        for c in coverage.iter_mut().take(to).skip(from) {
            *c += 1;
        }
    }
    let least = coverage.iter().copied().min().unwrap_or(0);
    // The widest run at the least coverage; of two as wide, the one nearer
    // the programme column (a date cell's text runs up to its gutter: the
    // dash of "10 ч 00 м. –" over "13 ч 00 м." is the time's, in text laid
    // out in character columns, where gutters come a character wide).
    let towards_b = b.column == Column::Programme;
    let (mut best, mut run_start) = ((0usize, 0usize), None);
    for (i, &c) in coverage
        .iter()
        .chain(std::iter::once(&u32::MAX))
        .enumerate()
    {
        match (c == least, run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(s)) => {
                let (wide, widest) = (i - s, best.1 - best.0);
                if wide > widest || (towards_b && wide == widest && wide > 0) {
                    best = (s, i);
                }
                run_start = None;
            }
            _ => {}
        }
    }
    let gutter = (lo + best.0 as f64 * STEP, lo + best.1 as f64 * STEP);
    // A rule inside the gutter (or, failing that, anywhere between the
    // headings) is where the cell border is.
    let inside = |x: &&f64| **x >= gutter.0 - 1.0 && **x <= gutter.1 + 1.0;
    let between = |x: &&f64| **x > lo && **x < hi;
    if let Some(rule) = rules
        .iter()
        .find(inside)
        .or_else(|| rules.iter().find(between))
    {
        return *rule;
    }
    if best.1 > best.0 {
        return (gutter.0 + gutter.1) / 2.0;
    }
    b.x0 - 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(column: Column, x0: f64, x1: f64) -> HeaderCell {
        HeaderCell { column, x0, x1 }
    }

    #[test]
    fn a_drifting_line_of_laid_out_text_keeps_date_cells_at_their_edge() {
        // "日期/时间" at 0–45, "议程项目/方案" from 95 (5 points a
        // character); the boundary falls near 60.
        let cells = [
            cell(Column::Date, 0.0, 45.0),
            cell(Column::Programme, 95.0, 160.0),
        ];
        let words = [(0.0, 50.0), (0.0, 40.0), (95.0, 300.0), (100.0, 400.0)];
        let c = Columns::new(&cells, &words, &[]).expect("columns");
        let (d, p) = (Column::Date, Column::Programme);
        // "         (d) 继续研究…": indented programme text inside the band.
        assert_eq!(
            c.of_drifting_line(&[(45.0, 60.0), (65.0, 300.0)], 5.0),
            [p, p]
        );
        // "至 6时     (a) 进一步…": after a wide gap.
        assert_eq!(
            c.of_drifting_line(
                &[(0.0, 10.0), (15.0, 30.0), (55.0, 70.0), (75.0, 300.0)],
                5.0
            ),
            [d, d, p, p]
        );
        // "上午 10 时": a date cell at the edge stays.
        assert_eq!(
            c.of_drifting_line(&[(0.0, 20.0), (25.0, 35.0), (40.0, 50.0)], 5.0),
            [d, d, d]
        );
        // Placed by the bands alone, the indented words were the date's.
        assert_eq!(c.at(50.0), d);
    }

    #[test]
    fn left_aligned_headings_and_a_gutter() {
        let cells = [
            cell(Column::Date, 72.0, 110.0),
            cell(Column::Programme, 184.0, 290.0),
        ];
        // Date column text ends by 160; programme text starts at 184.
        let words = [(72.0, 120.0), (72.0, 160.0), (184.0, 300.0), (202.0, 500.0)];
        let c = Columns::new(&cells, &words, &[]).expect("columns");
        let b: Vec<f64> = c.boundaries().collect();
        assert_eq!(b.len(), 1);
        assert!(b[0] > 160.0 && b[0] < 184.0, "{b:?}");
        assert_eq!(c.at(100.0), Column::Date);
        assert_eq!(c.at(190.0), Column::Programme);
    }

    #[test]
    fn centred_headings_find_the_gutter_not_the_heading() {
        // "Agenda item/programme" centred far right of where its column begins.
        let cells = [
            cell(Column::Date, 95.0, 140.0),
            cell(Column::Programme, 300.0, 420.0),
        ];
        let words = [(72.0, 165.0), (80.0, 150.0), (184.0, 530.0), (184.0, 260.0)];
        let c = Columns::new(&cells, &words, &[]).expect("columns");
        let b: Vec<f64> = c.boundaries().collect();
        assert!(b[0] > 165.0 && b[0] < 184.0, "{b:?}");
    }

    #[test]
    fn three_columns_right_to_left() {
        // Arabic: programme on the left, time in the middle, date on the right.
        let cells = [
            cell(Column::Day, 480.0, 530.0),
            cell(Column::Programme, 250.0, 320.0),
            cell(Column::Time, 400.0, 440.0),
        ];
        let words = [(72.0, 370.0), (390.0, 445.0), (470.0, 540.0)];
        let c = Columns::new(&cells, &words, &[]).expect("columns");
        assert_eq!(c.at(100.0), Column::Programme);
        assert_eq!(c.at(420.0), Column::Time);
        assert_eq!(c.at(500.0), Column::Day);
        assert_eq!(c.day_column(), Column::Day);
    }

    #[test]
    fn of_two_gutters_as_wide_the_one_nearer_the_programme() {
        // Text laid out in character columns (5 pt each): "10 ч 00 м. –"
        // ends at 60, the programme's text starts at 65; the gap between
        // "м." and the dash is as wide as the gutter.
        let cells = [
            cell(Column::Date, 0.0, 50.0),
            cell(Column::Programme, 75.0, 140.0),
        ];
        let words = [
            (0.0, 50.0),
            (55.0, 60.0),
            (65.0, 300.0),
            (0.0, 50.0),
            (65.0, 200.0),
        ];
        let c = Columns::new(&cells, &words, &[]).expect("columns");
        assert_eq!(c.at(57.0), Column::Date);
        assert_eq!(c.at(66.0), Column::Programme);
    }

    #[test]
    fn a_drawn_rule_is_the_boundary() {
        let cells = [
            cell(Column::Date, 72.0, 110.0),
            cell(Column::Programme, 184.0, 290.0),
        ];
        let words = [(72.0, 160.0), (184.0, 300.0)];
        let c = Columns::new(&cells, &words, &[180.5, 540.0]).expect("columns");
        assert_eq!(c.boundaries().collect::<Vec<_>>(), vec![180.5]);
    }

    #[test]
    fn no_programme_heading_no_columns() {
        let cells = [cell(Column::Date, 72.0, 110.0)];
        assert!(Columns::new(&cells, &[], &[]).is_none());
    }
}
