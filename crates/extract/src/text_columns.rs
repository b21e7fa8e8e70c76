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
/// The runs of bins, among the first `bins`, where the coverage (the running
/// sum of `delta`, +1 where a piece of ink starts, −1 where it ends) is at
/// most `allowed`: `(first, end)` each, a run still open at the last bin
/// left out.
fn thin_runs(delta: &[i64], bins: usize, allowed: i64) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut depth = 0i64;
    let mut start: Option<usize> = None;
    for (b, d) in delta.iter().enumerate().take(bins) {
        depth += d;
        match (depth <= allowed, start) {
            (true, None) => start = Some(b),
            (false, Some(s)) => {
                runs.push((s, b));
                start = None;
            }
            _ => {}
        }
    }
    runs
}

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
    let gutters = thin_runs(&delta, bins, allowed);
    let mut best: Option<(f64, Band)> = None;
    for (s, e) in gutters {
        // A strip at the page's edge is a margin, not a gutter.
        if s == 0 {
            continue;
        }
        // The gutter is the strip's least covered run: beside ragged lines
        // (an index, a ragged-right column) the strip reaches into the
        // column, where the few longer lines would cross it.
        let depths = edge_depths(lines.iter().map(|l| (bin(l.x0), bin(l.x1))), s, e);
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

/// How many of the spans (in bins) cover each bin of the strip `[s, e)`
/// (the bins before `s` are zero), leaving out the spans wholly inside it:
/// a line that only reaches into the strip (a ragged column's longer line)
/// narrows the gutter, one that sits inside it (a heading over the gutter)
/// crosses it.
fn edge_depths(spans: impl Iterator<Item = (usize, usize)>, s: usize, e: usize) -> Vec<i64> {
    let mut delta = vec![0i64; e + 1];
    for (a, b) in spans {
        if a >= s && b <= e {
            continue;
        }
        let (a, b) = (a.max(s), b.min(e));
        if a < b {
            delta[a] += 1;
            delta[b] -= 1;
        }
    }
    let mut depth = 0;
    delta
        .iter()
        .take(e)
        .map(|d| {
            depth += d;
            depth
        })
        .collect()
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

/// One row of glyphs (a baseline cluster) as runs of ink: the horizontal
/// extents of its pieces (glyphs closer than [`PIECE_GAP`] font sizes), in
/// any order; its top and bottom; its font size.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    pub pieces: Vec<(f64, f64)>,
    pub top: f64,
    pub bottom: f64,
    pub size: f64,
}

/// The share of the rows beside a whitespace gutter that have ink on both
/// its sides.
const MIN_TWO_SIDED: f64 = 0.5;

/// How wide the ink on each side of a whitespace gutter is in most rows, at
/// least (× the common font size).
const MIN_SIDE_WIDTH: f64 = 6.0;

/// Glyphs further apart than this (× the row's font size) are two pieces.
pub(crate) const PIECE_GAP: f64 = 0.5;

/// A vertical strip of whitespace between two columns of rows: glyphs on
/// either side of it (the gap between them holds the whole strip), between
/// `top` and `bottom`, belong to different lines.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Gutter {
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    pub bottom: f64,
}

/// The gutters between columns whose rows run into each other: where the
/// gap between two columns is narrower than a line's column gap (an index
/// set in two columns, dot leaders up to the page numbers of the left
/// column, the next entry a few points on), the rows of both columns would
/// be one line each. A gutter here is found as [`find_band`] finds one, but
/// from the rows' pieces of ink rather than from lines: a strip of the
/// width that few pieces cross, with pieces on both sides of it in at
/// least twice [`MIN_BLOCK_LINES`] rows, spanning most of the page's height,
/// and in enough of the rows of that span ([`MIN_TWO_SIDED`]).
pub(crate) fn whitespace_gutters(rows: &[Row]) -> Vec<Gutter> {
    let mut out = Vec::new();
    if rows.len() < 2 * MIN_BLOCK_LINES {
        return out;
    }
    let pieces = || rows.iter().flat_map(|r| r.pieces.iter().copied());
    let x_min = pieces().map(|p| p.0).fold(f64::MAX, f64::min);
    let x_max = pieces().map(|p| p.1).fold(f64::MIN, f64::max);
    let width = x_max - x_min;
    let top = rows.iter().map(|r| r.top).fold(f64::MAX, f64::min);
    let bottom = rows.iter().map(|r| r.bottom).fold(f64::MIN, f64::max);
    let height = bottom - top;
    if !(width > 0.0 && height > 0.0) {
        return out;
    }
    let bins = (width.ceil() as usize).clamp(1, 2_000);
    let scale = bins as f64 / width;
    let bin = |x: f64| (((x - x_min) * scale) as usize).min(bins);
    let mut delta = vec![0i64; bins + 1];
    for (x0, x1) in pieces() {
        delta[bin(x0)] += 1;
        delta[bin(x1)] -= 1;
    }
    let allowed = (rows.len() / 8).max(1) as i64;
    let mut sizes: Vec<i64> = rows.iter().map(|r| (r.size * 2.0).round() as i64).collect();
    sizes.sort_unstable();
    let common = sizes.get(sizes.len() / 2).map_or(1.0, |&s| s as f64 / 2.0);
    let min_gutter = MIN_GUTTER * common.max(1.0) * scale;
    let strips = thin_runs(&delta, bins, allowed);
    for (s, e) in strips {
        if s == 0 {
            continue;
        }
        let depths = edge_depths(pieces().map(|(x0, x1)| (bin(x0), bin(x1))), s, e);
        let (s, e) = least_covered(&depths, s, e);
        if (e - s) as f64 <= min_gutter {
            continue;
        }
        let g0 = pieces()
            .map(|p| p.1)
            .filter(|&x| bin(x) <= s)
            .fold(x_min + s as f64 / scale, f64::max);
        let g1 = pieces()
            .map(|p| p.0)
            .filter(|&x| bin(x) >= e)
            .fold(f64::MAX, f64::min)
            .min(x_min + (e + 1) as f64 / scale);
        // Rows with ink on both sides and none across.
        let two_sided: Vec<&Row> = rows
            .iter()
            .filter(|r| {
                r.pieces.iter().any(|p| p.1 <= g0 + 0.5)
                    && r.pieces.iter().any(|p| p.0 >= g1 - 0.5)
                    && !r.pieces.iter().any(|p| p.0 < g1 - 0.5 && p.1 > g0 + 0.5)
            })
            .collect();
        if two_sided.len() < 2 * MIN_BLOCK_LINES {
            continue;
        }
        let t = two_sided.iter().map(|r| r.top).fold(f64::MAX, f64::min);
        let b = two_sided.iter().map(|r| r.bottom).fold(f64::MIN, f64::max);
        if b - t < MIN_BAND_SHARE * height {
            continue;
        }
        // Running text on both sides: most rows there have both. A table's
        // columns (a room beside some agenda items, the items' wrapped
        // lines alone) do not qualify; where they are apart they are cut
        // by the line's own column gap.
        let within = rows
            .iter()
            .filter(|r| (r.top + r.bottom) / 2.0 >= t && (r.top + r.bottom) / 2.0 <= b)
            .count();
        if (two_sided.len() as f64) < MIN_TWO_SIDED * within as f64 {
            continue;
        }
        // Text on both sides, not a column of page numbers beside a table of
        // contents' dot leaders: the rows' ink on each side is wide.
        let median = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v.get(v.len() / 2).copied().unwrap_or(0.0)
        };
        let left_width = median(
            two_sided
                .iter()
                .map(|r| g0 - r.pieces.iter().map(|p| p.0).fold(g0, f64::min))
                .collect(),
        );
        let right_width = median(
            two_sided
                .iter()
                .map(|r| r.pieces.iter().map(|p| p.1).fold(g1, f64::max) - g1)
                .collect(),
        );
        if left_width.min(right_width) < MIN_SIDE_WIDTH * common {
            continue;
        }
        out.push(Gutter {
            x0: g0,
            x1: g1,
            top: t,
            bottom: b,
        });
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

    fn row(pieces: &[(f64, f64)], baseline: f64) -> Row {
        Row {
            pieces: pieces.to_vec(),
            top: baseline - 8.0,
            bottom: baseline + 2.0,
            size: 10.0,
        }
    }

    #[test]
    fn an_index_whose_columns_run_into_each_other_has_a_gutter() {
        // Two columns of index entries, dot leaders up to right-aligned page
        // numbers ending at 292.7, the next column 9.9 pt on (less than a
        // line's column gap): one row each, across both.
        let mut rows = vec![row(&[(77.0, 112.0)], 40.0)]; // "Index"
        for k in 0..30 {
            let y = 60.0 + 14.0 * k as f64;
            let v = (k * 7 % 40) as f64;
            rows.push(row(
                &[
                    (77.0, 120.0 + v),
                    (125.0 + v, 292.7),
                    (302.6, 350.0 + v),
                    (355.0 + v, 518.0),
                ],
                y,
            ));
        }
        let g = whitespace_gutters(&rows);
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!((g[0].x0, g[0].x1), (292.7, 302.6));
        assert_eq!((g[0].top, g[0].bottom), (52.0, 468.0));
    }

    #[test]
    fn justified_text_and_a_sparse_gap_have_no_gutter() {
        // One column whose word gaps fall anywhere: no strip stays clear.
        let rows: Vec<Row> = (0..40)
            .map(|k| {
                let shift = (k * 37 % 50) as f64;
                row(
                    &[
                        (72.0, 150.0 + shift),
                        (156.0 + shift, 300.0),
                        (306.0, 540.0),
                    ],
                    100.0 + 12.0 * k as f64,
                )
            })
            .collect();
        // The gap at 300..306 is in every row but narrower than a gutter.
        assert!(whitespace_gutters(&rows).is_empty());
        // A gap in a few rows only is no gutter either.
        let mut rows: Vec<Row> = (0..40)
            .map(|k| row(&[(72.0, 540.0)], 100.0 + 12.0 * k as f64))
            .collect();
        for r in rows.iter_mut().take(6) {
            r.pieces = vec![(72.0, 280.0), (300.0, 540.0)];
        }
        assert!(whitespace_gutters(&rows).is_empty());
    }

    #[test]
    fn a_table_with_rows_on_one_side_has_no_whitespace_gutter() {
        // A room beside the first line of each agenda item, 10 pt apart;
        // the items' other lines alone on the right.
        let mut rows = Vec::new();
        for k in 0..36 {
            let y = 100.0 + 12.0 * k as f64;
            if k % 3 == 0 {
                rows.push(row(&[(72.0, 130.0), (140.0, 500.0 - k as f64)], y));
            } else {
                rows.push(row(&[(140.0, 520.0 - k as f64)], y));
            }
        }
        assert!(whitespace_gutters(&rows).is_empty());
    }

    #[test]
    fn page_numbers_beside_dot_leaders_are_no_column() {
        // A table of contents: entries and leaders up to 480, the page
        // numbers right-aligned at 500 (a narrow column).
        let rows: Vec<Row> = (0..30)
            .map(|k| {
                row(
                    &[
                        (72.0, 200.0 + (k % 5) as f64 * 20.0),
                        (205.0 + (k % 5) as f64 * 20.0, 480.0),
                        (490.0, 500.0),
                    ],
                    100.0 + 14.0 * k as f64,
                )
            })
            .collect();
        assert!(whitespace_gutters(&rows).is_empty());
    }

    #[test]
    fn a_line_inside_the_strip_does_not_narrow_it() {
        // Bins 2..8 are the strip; a span 4..6 sits inside it, another
        // reaches in from the left to 3.
        let d = edge_depths([(0, 3), (4, 6), (0, 2), (8, 12)].into_iter(), 2, 8);
        assert_eq!(d, [0, 0, 1, 0, 0, 0, 0, 0]);
        assert_eq!(least_covered(&d, 2, 8), (3, 8));
    }
}
