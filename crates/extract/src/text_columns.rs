//! Text columns: where a page's lines form two (or more) blocks of running
//! text side by side (a two-column manual, a bilingual page, a table of
//! contents), the page is read block by block, not row by row across the
//! gutter between them.
//!
//! A gutter is a vertical strip of whitespace that no line of a band of the
//! page crosses, found as the programme table's gutter is (the least covered
//! run of the page's width, `crates/parse/src/columns.rs`), but it only
//! counts where the lines on each side are running text: each block a dense
//! run of lines, filling most of the band's height, and the band most of the
//! page's. A table whose side column holds a few short cells (a programme's
//! dates and times beside its agenda) is not split: its rows are read across.

use crate::model::TextLine;

/// The fewest lines a block of running text has.
const MIN_BLOCK_LINES: usize = 5;
/// How much of the band's height the lines of each block cover (the union
/// of their vertical extents).
const MIN_BLOCK_COVER: f64 = 0.5;
/// How much of the page's text height a band of columns spans.
const MIN_BAND_SHARE: f64 = 0.5;
/// A gutter is at least this wide (× the page's most common font size).
const MIN_GUTTER: f64 = 0.8;
/// Columns within columns, at most.
const MAX_DEPTH: usize = 3;

/// Two blocks side by side: lines `left` and `right` of the gutter, in the
/// band between `top` and `bottom`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Band {
    /// The gutter's left and right edges.
    pub gutter: (f64, f64),
    /// The band's top and bottom (line centres in it belong to it).
    pub top: f64,
    pub bottom: f64,
}

fn centre(l: &TextLine) -> f64 {
    (l.top + l.bottom) / 2.0
}

/// How much of `[top, bottom]` the vertical extents of `lines` cover.
fn cover(lines: &[&TextLine], top: f64, bottom: f64) -> f64 {
    let mut spans: Vec<(f64, f64)> = lines
        .iter()
        .map(|l| (l.top.max(top), l.bottom.min(bottom)))
        .filter(|(a, b)| b > a)
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut total = 0.0;
    let mut reach = f64::MIN;
    for (a, b) in spans {
        let a = a.max(reach);
        if b > a {
            total += b - a;
            reach = b;
        }
    }
    total
}

/// The most common font size of `lines` (to 0.5 pt).
fn common_size(lines: &[&TextLine]) -> f64 {
    let mut sizes: Vec<i64> = lines
        .iter()
        .map(|l| (l.size * 2.0).round() as i64)
        .collect();
    sizes.sort_unstable();
    let (mut best, mut best_len, mut k) = (0i64, 0usize, 0usize);
    while k < sizes.len() {
        let start = k;
        while k < sizes.len() && sizes[k] == sizes[start] {
            k += 1;
        }
        if k - start > best_len {
            best = sizes[start];
            best_len = k - start;
        }
    }
    best as f64 / 2.0
}

/// The widest gutter between two blocks of running text among `lines`, with
/// the band it runs through; `page_height` is the height of the page's text.
pub(crate) fn find_band(lines: &[&TextLine], page_height: f64) -> Option<Band> {
    if lines.len() < 2 * MIN_BLOCK_LINES {
        return None;
    }
    let x_min = lines.iter().map(|l| l.x0).fold(f64::MAX, f64::min);
    let x_max = lines.iter().map(|l| l.x1).fold(f64::MIN, f64::max);
    let width = x_max - x_min;
    if width.is_nan() || width <= 0.0 || page_height.is_nan() || page_height <= 0.0 {
        return None;
    }
    // Coverage of the width by lines, in bins of at most a point (at most
    // 2,000 of them, whatever the page).
    let bins = (width.ceil() as usize).clamp(1, 2_000);
    let scale = bins as f64 / width;
    let bin = |x: f64| (((x - x_min) * scale) as usize).min(bins);
    let mut delta = vec![0i64; bins + 1];
    for l in lines {
        delta[bin(l.x0)] += 1;
        delta[bin(l.x1)] -= 1;
    }
    // A few lines may cross the gutter (a heading over both columns, a
    // running head): the band is cut at them.
    let allowed = (lines.len() / 8).max(1) as i64;
    let min_gutter = MIN_GUTTER * common_size(lines).max(1.0) * scale;
    let mut gutters: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0i64;
    let mut depths = Vec::with_capacity(bins);
    let mut start: Option<usize> = None;
    for (b, d) in delta.iter().enumerate().take(bins) {
        depth += d;
        depths.push(depth);
        match (depth <= allowed, start) {
            (true, None) => start = Some(b),
            (false, Some(s)) => {
                gutters.push((s, b));
                start = None;
            }
            _ => {}
        }
    }
    let mut best: Option<(f64, Band)> = None;
    for (s, e) in gutters {
        // A strip at the page's edge is a margin, not a gutter.
        if s == 0 {
            continue;
        }
        // The gutter is the strip's least covered run: beside ragged lines
        // (an index, a ragged-right column) the strip reaches into the
        // column, where the few longer lines would cross it.
        let (s, e) = least_covered(&depths, s, e);
        if (e - s) as f64 <= min_gutter {
            continue;
        }
        // The strip's edges are the lines' own: a bin is up to a point
        // wide, and a line that ends inside the strip's first bin (or starts
        // inside its last) is beside the gutter, not across it.
        let g0 = lines
            .iter()
            .map(|l| l.x1)
            .filter(|&x| bin(x) <= s)
            .fold(x_min + s as f64 / scale, f64::max);
        let g1 = lines
            .iter()
            .map(|l| l.x0)
            .filter(|&x| bin(x) >= e)
            .fold(f64::MAX, f64::min)
            .min(x_min + (e + 1) as f64 / scale);
        if let Some(band) = band_at(lines, g0, g1, page_height) {
            let w = g1 - g0;
            if best.as_ref().is_none_or(|(bw, _)| w > *bw) {
                best = Some((w, band));
            }
        }
    }
    best.map(|(_, band)| band)
}

/// The widest run of bins in `[s, e)` at the least depth there.
fn least_covered(depths: &[i64], s: usize, e: usize) -> (usize, usize) {
    let Some(&least) = depths.get(s..e).and_then(|d| d.iter().min()) else {
        return (s, e);
    };
    let (mut best, mut run) = ((s, s), None);
    for b in s..=e {
        match (depths.get(b).is_some_and(|&d| d == least) && b < e, run) {
            (true, None) => run = Some(b),
            (false, Some(r)) => {
                if b - r > best.1 - best.0 {
                    best = (r, b);
                }
                run = None;
            }
            _ => {}
        }
    }
    best
}

/// The band of running text on both sides of the strip `[g0, g1]`: between
/// two lines that cross it, the section whose blocks are the tallest.
fn band_at(lines: &[&TextLine], g0: f64, g1: f64, page_height: f64) -> Option<Band> {
    let slack = 0.5;
    let left = |l: &TextLine| l.x1 <= g0 + slack;
    let right = |l: &TextLine| l.x0 >= g1 - slack;
    let mut cuts: Vec<f64> = lines
        .iter()
        .filter(|l| !left(l) && !right(l))
        .map(|l| centre(l))
        .collect();
    cuts.sort_by(f64::total_cmp);
    let top = lines.iter().map(|l| l.top).fold(f64::MAX, f64::min);
    let bottom = lines.iter().map(|l| l.bottom).fold(f64::MIN, f64::max);
    let mut edges = vec![top];
    edges.extend(cuts);
    edges.push(bottom);
    let mut best: Option<Band> = None;
    // The lines by centre: each section is a range of them.
    let mut by_centre: Vec<&TextLine> = lines.to_vec();
    by_centre.sort_by(|p, q| centre(p).total_cmp(&centre(q)));
    for pair in edges.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if b - a < MIN_BAND_SHARE * page_height {
            continue;
        }
        let from = by_centre.partition_point(|l| centre(l) < a);
        let to = by_centre.partition_point(|l| centre(l) <= b).max(from);
        let inside = &by_centre[from..to];
        let l_lines: Vec<&TextLine> = inside.iter().filter(|l| left(l)).copied().collect();
        let r_lines: Vec<&TextLine> = inside.iter().filter(|l| right(l)).copied().collect();
        if l_lines.len() < MIN_BLOCK_LINES || r_lines.len() < MIN_BLOCK_LINES {
            continue;
        }
        let band_top = l_lines
            .iter()
            .chain(&r_lines)
            .map(|l| l.top)
            .fold(f64::MAX, f64::min);
        let band_bottom = l_lines
            .iter()
            .chain(&r_lines)
            .map(|l| l.bottom)
            .fold(f64::MIN, f64::max);
        let height = band_bottom - band_top;
        if height.is_nan() || height <= 0.0 || height < MIN_BAND_SHARE * page_height {
            continue;
        }
        let dense =
            |block: &[&TextLine]| cover(block, band_top, band_bottom) >= MIN_BLOCK_COVER * height;
        if dense(&l_lines)
            && dense(&r_lines)
            && best.as_ref().is_none_or(|x| height > x.bottom - x.top)
        {
            best = Some(Band {
                gutter: (g0, g1),
                top: a.max(band_top),
                bottom: b.min(band_bottom),
            });
        }
    }
    best
}

/// The reading order of `lines` as groups of indices: the rows above a band
/// of columns, each column of the band (right to left when `rtl`), the rows
/// below; each group to be ordered row by row. `None` where there are no
/// columns.
pub(crate) fn blocks(lines: &[&TextLine], rtl: bool) -> Option<Vec<Vec<usize>>> {
    let top = lines.iter().map(|l| l.top).fold(f64::MAX, f64::min);
    let bottom = lines.iter().map(|l| l.bottom).fold(f64::MIN, f64::max);
    let idx: Vec<usize> = (0..lines.len()).collect();
    let out = split(lines, idx, bottom - top, rtl, 0);
    (out.len() > 1).then_some(out)
}

fn split(
    lines: &[&TextLine],
    idx: Vec<usize>,
    page_height: f64,
    rtl: bool,
    depth: usize,
) -> Vec<Vec<usize>> {
    if depth >= MAX_DEPTH {
        return vec![idx];
    }
    let subset: Vec<&TextLine> = idx.iter().map(|&i| lines[i]).collect();
    let Some(band) = find_band(&subset, page_height) else {
        return vec![idx];
    };
    let (mut above, mut left, mut right, mut below) = (vec![], vec![], vec![], vec![]);
    for &i in &idx {
        let l = lines[i];
        let c = centre(l);
        if c < band.top {
            above.push(i);
        } else if c > band.bottom {
            below.push(i);
        } else if l.x1 <= band.gutter.0 + 0.5 {
            left.push(i);
        } else {
            right.push(i);
        }
    }
    let (first, second) = if rtl { (right, left) } else { (left, right) };
    let mut out = Vec::new();
    for part in [above, first, second, below] {
        if !part.is_empty() {
            out.extend(split(lines, part, page_height, rtl, depth + 1));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(x0: f64, x1: f64, baseline: f64) -> TextLine {
        TextLine {
            text: String::new(),
            superscripts: Vec::new(),
            x0,
            x1,
            top: baseline - 8.0,
            bottom: baseline + 2.0,
            baseline,
            size: 10.0,
            rtl: false,
            words: Vec::new(),
        }
    }

    #[test]
    fn two_columns_of_running_text_are_two_blocks() {
        let mut lines = vec![line(72.0, 540.0, 60.0)]; // a title over both
        for k in 0..30 {
            let y = 100.0 + 12.0 * k as f64;
            lines.push(line(72.0, 290.0, y));
            lines.push(line(310.0, 540.0, y));
        }
        let refs: Vec<&TextLine> = lines.iter().collect();
        let band = find_band(&refs, 480.0).expect("a gutter");
        assert!(band.gutter.0 >= 290.0 && band.gutter.1 <= 310.0, "{band:?}");
        let blocks = blocks(&refs, false).expect("blocks");
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[0], [0]);
        assert!(blocks[1].iter().all(|&i| lines[i].x0 == 72.0));
        assert!(blocks[2].iter().all(|&i| lines[i].x0 == 310.0));
        // Right to left: the right column first.
        let rtl = super::blocks(&refs, true).expect("blocks");
        assert!(rtl[1].iter().all(|&i| lines[i].x0 == 310.0));
    }

    #[test]
    fn a_table_with_a_sparse_side_column_is_not_split() {
        // A programme: a day and two times on the left, the agenda beside.
        let mut lines = Vec::new();
        for day in 0..3 {
            let y0 = 100.0 + 160.0 * day as f64;
            lines.push(line(72.0, 150.0, y0));
            lines.push(line(72.0, 150.0, y0 + 12.0));
            lines.push(line(72.0, 150.0, y0 + 84.0));
            for k in 0..12 {
                lines.push(line(200.0, 540.0, y0 + 12.0 * k as f64));
            }
        }
        let refs: Vec<&TextLine> = lines.iter().collect();
        assert_eq!(find_band(&refs, 480.0), None);
        assert!(blocks(&refs, false).is_none());
    }

    #[test]
    fn a_page_of_one_column_has_no_gutter() {
        let lines: Vec<TextLine> = (0..40)
            .map(|k| line(72.0, 500.0 + (k % 3) as f64 * 10.0, 100.0 + 12.0 * k as f64))
            .collect();
        let refs: Vec<&TextLine> = lines.iter().collect();
        assert!(blocks(&refs, false).is_none());
    }

    #[test]
    fn three_columns_are_three_blocks() {
        let mut lines = Vec::new();
        for k in 0..30 {
            let y = 100.0 + 12.0 * k as f64;
            lines.push(line(72.0, 220.0, y));
            lines.push(line(240.0, 390.0, y));
            lines.push(line(410.0, 540.0, y));
        }
        let refs: Vec<&TextLine> = lines.iter().collect();
        let blocks = blocks(&refs, false).expect("blocks");
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        for (b, x0) in blocks.iter().zip([72.0, 240.0, 410.0]) {
            assert_eq!(b.len(), 30);
            assert!(b.iter().all(|&i| lines[i].x0 == x0));
        }
    }

    #[test]
    fn a_gutter_whose_edges_fall_inside_its_bins_is_found() {
        // Justified columns whose edges are not on whole points (the strip's
        // bins are a point wide): the left column ends 0.36 pt into the bin
        // where the strip starts, which must not make it cross the gutter.
        let mut lines = vec![line(0.307, 480.0, 40.0)];
        for k in 0..30 {
            let y = 100.0 + 12.0 * k as f64;
            lines.push(line(0.307, 237.66, y));
            lines.push(line(255.6, 492.97, y));
        }
        let refs: Vec<&TextLine> = lines.iter().collect();
        let band = find_band(&refs, 480.0).expect("a gutter");
        assert_eq!(band.gutter, (237.66, 255.6));
        let blocks = blocks(&refs, false).expect("blocks");
        assert_eq!(blocks.len(), 3, "{blocks:?}");
        assert_eq!(blocks[1].len(), 30);
    }

    #[test]
    fn a_gutter_beside_ragged_lines_is_the_strip_they_leave_empty() {
        // An index: short entries of all lengths in each column, so the
        // run of the width that few lines cover starts well inside the left
        // column; the gutter is its empty part.
        let mut lines = Vec::new();
        for k in 0..40 {
            let y = 100.0 + 14.0 * k as f64;
            let len = [30.0, 60.0, 90.0, 125.0][k % 4];
            lines.push(line(67.0, 67.0 + len, y));
            lines.push(line(318.0, 318.0 + len, y + 4.0));
        }
        let refs: Vec<&TextLine> = lines.iter().collect();
        let band = find_band(&refs, 560.0).expect("a gutter");
        assert_eq!(band.gutter, (192.0, 318.0));
        let blocks = blocks(&refs, false).expect("blocks");
        assert_eq!(blocks.len(), 2, "{blocks:?}");
        assert!(blocks[0].iter().all(|&i| lines[i].x0 == 67.0));
    }

    #[test]
    fn least_covered_run() {
        let depths = [5, 3, 1, 0, 0, 0, 1, 0, 0, 4];
        assert_eq!(least_covered(&depths, 1, 9), (3, 6));
        assert_eq!(least_covered(&depths, 6, 9), (7, 9));
        assert_eq!(least_covered(&depths, 9, 9), (9, 9));
    }
}
