//! Grouping glyphs into words and text lines in reading order.
//!
//! 1. Glyphs are clustered by baseline (`y_tolerance`).
//! 2. Small glyphs raised above a neighbouring cluster (footnote markers) join
//!    it and are flagged as superscripts (`superscript_ratio`).
//! 3. Each cluster is cut where the horizontal gap is wide (`column_gap`): the
//!    cells of one table row become separate text lines.
//! 4. Lines are cut into words at spaces and gaps (`x_tolerance`). A space is
//!    put between words except between two CJK characters, and never before a
//!    superscript.
//! 5. Combining marks (Arabic harakat, Latin and Cyrillic accents drawn as
//!    glyphs of their own) take no part in the clustering: each rides on its
//!    base glyph, found by drawing order or else by position, whichever line
//!    that glyph is on.
//! 6. Each line gets its own direction (its letters', else the page's) and is
//!    put from visual into logical order by the Unicode bidirectional
//!    algorithm run in reverse (`bidi.rs`).

use unicode_normalization::UnicodeNormalization;

use crate::bidi::{self, BOUNDARY, SUP_CLOSE, SUP_OPEN};
use crate::model::{Char, Edge, Superscript, TextLine, Word};
use crate::script::{is_cjk, is_combining_mark, is_ltr, is_rtl};
use crate::settings::Settings;
use crate::text_columns;

/// Removes the superscript delimiters from a line, returning the text and
/// the byte ranges of the superscripts in it. After right-to-left reordering
/// the delimiters come in either order.
fn take_superscripts(s: &str) -> (String, Vec<Superscript>) {
    let mut text = String::with_capacity(s.len());
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    for c in s.chars() {
        if c == SUP_OPEN || c == SUP_CLOSE {
            match start.take() {
                Some(st) => spans.push(Superscript {
                    text: text[st..].to_string(),
                    start: st,
                    end: text.len(),
                }),
                None => start = Some(text.len()),
            }
        } else {
            text.push(c);
        }
    }
    (text, spans)
}

/// Builds the text lines of a page from its glyphs, flagging superscripts in
/// `chars` on the way. Lines come back in reading order. `edges` are the
/// page's drawn rules: a vertical one between two glyphs splits their line
/// (table cell borders).
pub(crate) fn build_lines(
    chars: &mut [Char],
    edges: &[Edge],
    settings: &Settings,
) -> Vec<TextLine> {
    // Combining marks sit off the baseline (above a tall letter, below one):
    // they are placed on their base glyphs once the lines are known.
    let (marks, glyphs): (Vec<usize>, Vec<usize>) = (0..chars.len())
        .filter(|&i| chars[i].upright || !is_space(&chars[i]))
        .partition(|&i| is_mark(&chars[i]));
    let clusters = cluster_by_baseline(chars, glyphs, settings);
    let (rtl, ltr) = chars.iter().fold((0usize, 0usize), |(r, l), c| {
        (
            r + c.text.chars().filter(|&ch| is_rtl(ch)).count(),
            l + c.text.chars().filter(|&ch| is_ltr(ch)).count(),
        )
    });
    let page_rtl = rtl > ltr;
    // Gutters between columns that run into each other count as rules.
    let sizes: Vec<f64> = clusters.iter().map(|c| dominant_size(chars, c)).collect();
    let gutters = whitespace_gutters(chars, &clusters, &sizes);
    let verticals: Vec<&Edge> = edges.iter().filter(|e| !e.horizontal).collect();
    let mut segments = Vec::new();
    for (cluster, size) in clusters.into_iter().zip(sizes) {
        let baseline = dominant_baseline(chars, &cluster, size);
        mark_superscripts(chars, &cluster, size, baseline, settings);
        segments.extend(split_columns(
            chars, &cluster, size, &verticals, &gutters, settings,
        ));
    }
    fold_stray_superscripts(chars, &mut segments, settings);
    let orphans = attach_marks(chars, &mut segments, &marks);
    if !orphans.is_empty() {
        // Marks with no glyph near them: lines of their own, not lost.
        segments.extend(cluster_by_baseline(chars, orphans, settings));
    }
    let mut lines: Vec<TextLine> = segments
        .iter()
        .filter_map(|segment| make_line(chars, segment, page_rtl, settings))
        .collect();
    order_lines(&mut lines, settings);
    lines
}

/// A footnote marker whose baseline happens to match another column's line
/// (a time cell beside the agenda item it hangs on) was clustered with that
/// line and cut off from it as a segment of its own: a segment of small
/// glyphs raised above the end (or start) of a segment of larger type joins
/// it, as superscripts.
fn fold_stray_superscripts(
    chars: &mut [Char],
    segments: &mut Vec<Vec<usize>>,
    settings: &Settings,
) {
    let facts: Vec<Option<(f64, f64, f64, f64)>> = segments
        .iter()
        .map(|seg| {
            // (As ink_of, without collecting: this runs on every segment.)
            let ink = || seg.iter().copied().filter(|&i| !is_space(&chars[i]));
            ink().next()?;
            let size = -mode(ink().map(|i| -chars[i].size));
            let baseline = mode(
                ink()
                    .filter(|&i| (chars[i].size - size).abs() < 0.05)
                    .map(|i| chars[i].baseline),
            );
            let x0 = ink().map(|i| chars[i].x0).fold(f64::MAX, f64::min);
            let x1 = ink().map(|i| chars[i].x1).fold(f64::MIN, f64::max);
            Some((size, baseline, x0, x1))
        })
        .collect();
    let mut target: Vec<Option<usize>> = vec![None; segments.len()];
    for (k, small) in facts.iter().enumerate() {
        let Some((size, baseline, x0, x1)) = *small else {
            continue;
        };
        // Markers are short: a few digits or letters.
        if segments[k].len() > 4 {
            continue;
        }
        target[k] = facts.iter().enumerate().position(|(j, big)| {
            let Some((bs, bb, bx0, bx1)) = *big else {
                return false;
            };
            let raised = bb - baseline;
            j != k
                && size <= settings.superscript_ratio * bs
                && raised > 0.1 * bs
                && raised < 0.75 * bs
                && ((x0 >= bx1 - 0.5 * bs && x0 <= bx1 + 0.5 * bs)
                    || (x1 <= bx0 + 0.5 * bs && x1 >= bx0 - 0.5 * bs))
        });
    }
    if target.iter().all(Option::is_none) {
        return;
    }
    for k in 0..segments.len() {
        if let Some(j) = target[k] {
            if target[j].is_some() {
                continue;
            }
            let moved = std::mem::take(&mut segments[k]);
            for &i in &moved {
                chars[i].superscript = !is_space(&chars[i]);
            }
            segments[j].extend(moved);
            segments[j].sort_by(|&a, &b| chars[a].x0.total_cmp(&chars[b].x0));
        }
    }
    segments.retain(|s| !s.is_empty());
}

fn is_space(c: &Char) -> bool {
    c.text.chars().all(char::is_whitespace)
}

/// Clusters the glyphs `order` by baseline, then folds raised small clusters
/// (superscripts) into the line they hang on. Returns glyph indices per
/// cluster, each sorted left to right.
fn cluster_by_baseline(
    chars: &[Char],
    mut order: Vec<usize>,
    settings: &Settings,
) -> Vec<Vec<usize>> {
    order.sort_by(|&a, &b| {
        chars[a]
            .baseline
            .total_cmp(&chars[b].baseline)
            .then(chars[a].x0.total_cmp(&chars[b].x0))
    });
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut anchor = f64::NAN;
    for i in order {
        let c = &chars[i];
        let tol = settings.y_tolerance * c.size.max(1.0);
        match clusters.last_mut() {
            Some(cl) if (c.baseline - anchor).abs() <= tol => cl.push(i),
            _ => {
                anchor = c.baseline;
                clusters.push(vec![i]);
            }
        }
    }
    // Fold superscript-only clusters into the line below them.
    let sizes: Vec<f64> = clusters.iter().map(|cl| dominant_size(chars, cl)).collect();
    let baselines: Vec<f64> = clusters
        .iter()
        .zip(&sizes)
        .map(|(cl, &size)| dominant_baseline(chars, cl, size))
        .collect();
    let mut target: Vec<Option<usize>> = vec![None; clusters.len()];
    for (k, cl) in clusters.iter().enumerate() {
        let size = sizes[k];
        for j in k + 1..clusters.len().min(k + 4) {
            let (bs, bb) = (sizes[j], baselines[j]);
            let raised = bb - baselines[k];
            let small = size <= settings.superscript_ratio * bs;
            if small
                && raised > 0.1 * bs
                && raised < 0.75 * bs
                && horizontally_near(chars, cl, &clusters[j], bs)
            {
                target[k] = Some(j);
                break;
            }
        }
    }
    let mut merged: Vec<Vec<usize>> = clusters.clone();
    for k in 0..clusters.len() {
        if let Some(j) = target[k] {
            let moved = std::mem::take(&mut merged[k]);
            merged[j].extend(moved);
        }
    }
    merged.retain(|cl| !cl.is_empty());
    for cl in &mut merged {
        cl.sort_by(|&a, &b| chars[a].x0.total_cmp(&chars[b].x0));
    }
    merged
}

fn horizontally_near(chars: &[Char], small: &[usize], big: &[usize], size: f64) -> bool {
    small.iter().all(|&s| {
        big.iter()
            .any(|&b| chars[s].x0 <= chars[b].x1 + size && chars[s].x1 >= chars[b].x0 - size)
    })
}

/// The most common glyph size in a set (by count, to 0.1 pt); on a tie the
/// larger (a one-character line with its footnote marker, "论¹", is set in
/// the larger size, not the marker's).
fn dominant_size(chars: &[Char], idx: &[usize]) -> f64 {
    -mode(idx.iter().map(|&i| -chars[i].size))
}

/// The most common baseline among the glyphs of the dominant `size`.
fn dominant_baseline(chars: &[Char], idx: &[usize], size: f64) -> f64 {
    mode(
        idx.iter()
            .filter(|&&i| (chars[i].size - size).abs() < 0.05)
            .map(|&i| chars[i].baseline),
    )
}

fn mode(values: impl Iterator<Item = f64> + Clone) -> f64 {
    // Tenths of a point, rounded half away from zero (a cast, not a libm call).
    let key = |v: f64| {
        let t = v * 10.0;
        (t + 0.5_f64.copysign(t)) as i64
    };
    // Most lines are set in one size on one baseline: no sorting needed.
    let mut keys_iter = values.clone().map(key);
    let Some(first) = keys_iter.next() else {
        return 0.0;
    };
    if keys_iter.all(|k| k == first) {
        return first as f64 / 10.0;
    }
    let mut keys: Vec<i64> = values.map(key).collect();
    keys.sort_unstable();
    // The longest run of equal keys; ties go to the smaller key.
    let (mut best, mut best_len) = (0i64, 0usize);
    let mut k = 0;
    while k < keys.len() {
        let start = k;
        while k < keys.len() && keys[k] == keys[start] {
            k += 1;
        }
        if k - start > best_len {
            best = keys[start];
            best_len = k - start;
        }
    }
    best as f64 / 10.0
}

fn mark_superscripts(
    chars: &mut [Char],
    cluster: &[usize],
    size: f64,
    baseline: f64,
    settings: &Settings,
) {
    for &i in cluster {
        let c = &mut chars[i];
        c.superscript = !is_space(c)
            && c.size <= settings.superscript_ratio * size
            && baseline - c.baseline > 0.1 * size;
    }
}

/// The gutters of [`text_columns::whitespace_gutters`] among the baseline
/// `clusters` (of font sizes `sizes`).
fn whitespace_gutters(
    chars: &[Char],
    clusters: &[Vec<usize>],
    sizes: &[f64],
) -> Vec<text_columns::Gutter> {
    let rows: Vec<text_columns::Row> = clusters
        .iter()
        .zip(sizes)
        .filter_map(|(cluster, &size)| {
            let mut ink: Vec<&Char> = cluster
                .iter()
                .map(|&i| &chars[i])
                .filter(|c| !is_space(c) && !is_mark(c))
                .collect();
            ink.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            let gap = text_columns::PIECE_GAP * size.max(1.0);
            let mut pieces: Vec<(f64, f64)> = Vec::new();
            for c in &ink {
                match pieces.last_mut() {
                    Some(last) if c.x0 - last.1 <= gap => last.1 = last.1.max(c.x1),
                    _ => pieces.push((c.x0, c.x1)),
                }
            }
            let top = ink.iter().map(|c| c.top).fold(f64::MAX, f64::min);
            let bottom = ink.iter().map(|c| c.bottom).fold(f64::MIN, f64::max);
            (!pieces.is_empty()).then_some(text_columns::Row {
                pieces,
                top,
                bottom,
                size,
            })
        })
        .collect();
    text_columns::whitespace_gutters(&rows)
}

/// Cuts a baseline cluster where the gap between glyphs is wider than the
/// column gap, crossed by a vertical rule, or holds a whitespace gutter.
fn split_columns(
    chars: &[Char],
    cluster: &[usize],
    size: f64,
    verticals: &[&Edge],
    gutters: &[text_columns::Gutter],
    settings: &Settings,
) -> Vec<Vec<usize>> {
    let size = size.max(1.0);
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    let mut last_ink_x1: Option<f64> = None;
    for &i in cluster {
        let c = &chars[i];
        if is_space(c) || is_mark(c) {
            current.push(i);
            continue;
        }
        if let Some(x1) = last_ink_x1 {
            let mid = (c.top + c.bottom) / 2.0;
            let ruled = verticals
                .iter()
                .any(|e| e.x0 >= x1 - 0.5 && e.x0 <= c.x0 + 0.5 && e.top <= mid && e.bottom >= mid);
            let gutter = gutters
                .iter()
                .any(|g| x1 <= g.x0 + 0.5 && c.x0 >= g.x1 - 0.5 && g.top <= mid && g.bottom >= mid);
            if ruled || gutter || c.x0 - x1 > settings.column_gap * size {
                let done = std::mem::take(&mut current);
                let (head, tail) = split_trailing_spaces(chars, done);
                if !head.is_empty() {
                    out.push(head);
                }
                current = tail;
            }
        }
        current.push(i);
        last_ink_x1 = Some(last_ink_x1.map_or(c.x1, |x: f64| x.max(c.x1)));
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn split_trailing_spaces(chars: &[Char], mut v: Vec<usize>) -> (Vec<usize>, Vec<usize>) {
    let mut tail = Vec::new();
    while v.last().is_some_and(|&i| is_space(&chars[i])) {
        if let Some(i) = v.pop() {
            tail.push(i);
        }
    }
    tail.reverse();
    // Spaces between two columns belong to neither.
    tail.clear();
    (v, tail)
}

/// Puts each combining mark of `marks` into the segment of its base glyph:
/// the letter drawn next to it (see [`base_in_drawing_order`]) where that
/// letter is near, else the glyph whose box holds or is nearest to the
/// mark's centre among those on a baseline within a font size of the mark's
/// (a mark may sit a few points above or below its letter's baseline).
/// Returns the marks with no glyph near them.
fn attach_marks(chars: &[Char], segments: &mut [Vec<usize>], marks: &[usize]) -> Vec<usize> {
    if marks.is_empty() {
        return Vec::new();
    }
    const NONE: usize = usize::MAX;
    let mut seg_of = vec![NONE; chars.len()];
    for (k, seg) in segments.iter().enumerate() {
        for &i in seg {
            seg_of[i] = k;
        }
    }
    let letter = |i: usize| seg_of[i] != NONE && !is_space(&chars[i]) && !is_mark(&chars[i]);
    // The glyphs by left edge, for the search by position.
    let mut by_x: Vec<usize> = (0..chars.len()).filter(|&i| letter(i)).collect();
    by_x.sort_by(|&a, &b| chars[a].x0.total_cmp(&chars[b].x0));
    let widest = by_x
        .iter()
        .map(|&i| chars[i].x1 - chars[i].x0)
        .fold(0.0, f64::max);
    let near = |b: usize, m: &Char| {
        let base = &chars[b];
        let reach = base.size.max(1.0);
        distance_to(base, (m.x0 + m.x1) / 2.0) < reach
            && (base.baseline - m.baseline).abs() <= reach
    };
    let mut touched = vec![false; segments.len()];
    let mut orphans = Vec::new();
    for &m in marks {
        let mc = &chars[m];
        let centre = (mc.x0 + mc.x1) / 2.0;
        let by_order = base_in_drawing_order(chars, m, letter).filter(|&b| near(b, mc));
        let base = by_order.or_else(|| {
            let reach = mc.size.max(1.0);
            let from = by_x.partition_point(|&i| chars[i].x0 < centre - reach - widest);
            let to = by_x.partition_point(|&i| chars[i].x0 <= centre + reach);
            by_x[from..to.max(from)]
                .iter()
                .copied()
                .filter(|&b| near(b, mc))
                .min_by(|&a, &b| {
                    let score = |i: usize| {
                        distance_to(&chars[i], centre)
                            + 0.5 * (chars[i].baseline - mc.baseline).abs()
                    };
                    score(a).total_cmp(&score(b))
                })
        });
        match base {
            Some(b) => {
                segments[seg_of[b]].push(m);
                touched[seg_of[b]] = true;
            }
            None => orphans.push(m),
        }
    }
    for (seg, _) in segments.iter_mut().zip(&touched).filter(|(_, &t)| t) {
        seg.sort_by(|&a, &b| chars[a].x0.total_cmp(&chars[b].x0));
    }
    orphans
}

/// The base letter of the mark `m` by the order the glyphs were drawn in:
/// a shaping engine draws a mark next to its letter. Text drawn in logical
/// order puts the mark after its letter; right-to-left text drawn in visual
/// order (left to right, as LibreOffice and HarfBuzz output it) puts it
/// before. A mark's own position is less telling: a zero-width mark may sit
/// over the neighbouring letter's box. `None` when the drawing order says
/// nothing (no letter drawn next to it on the line).
fn base_in_drawing_order(
    chars: &[Char],
    m: usize,
    letter: impl Fn(usize) -> bool,
) -> Option<usize> {
    let prev = (m.saturating_sub(3)..m).rev().find(|&i| letter(i));
    let next = (m + 1..(m + 4).min(chars.len())).find(|&i| letter(i));
    let rtl = |i: usize| chars[i].text.chars().any(is_rtl);
    match (prev, next) {
        (Some(p), Some(n)) if rtl(p) && rtl(n) => {
            // Drawn left to right: visual order, the mark before its letter.
            if chars[p].x0 < chars[n].x0 {
                Some(n)
            } else {
                Some(p)
            }
        }
        (Some(p), _) => Some(p),
        (None, Some(n)) if rtl(n) => Some(n),
        _ => None,
    }
}

/// The glyphs of a segment that are not spaces, with their dominant size and
/// baseline; `None` for a segment of spaces only.
fn ink_of(chars: &[Char], seg: &[usize]) -> Option<(Vec<usize>, f64, f64)> {
    let ink: Vec<usize> = seg
        .iter()
        .copied()
        .filter(|&i| !is_space(&chars[i]))
        .collect();
    if ink.is_empty() {
        return None;
    }
    let size = dominant_size(chars, &ink);
    let baseline = dominant_baseline(chars, &ink, size);
    Some((ink, size, baseline))
}

fn is_mark(c: &Char) -> bool {
    // Combining marks start at U+0300 (UTF-8 lead byte 0xCC): a glyph whose
    // text starts below (ASCII, Latin-1, Latin Extended — most glyphs) is
    // told on one byte; this runs several times per glyph.
    match c.text.as_bytes().first() {
        Some(&b) if b >= 0xCC => c.text.chars().all(is_combining_mark),
        _ => false,
    }
}

fn make_line(
    chars: &[Char],
    seg: &[usize],
    page_rtl: bool,
    settings: &Settings,
) -> Option<TextLine> {
    let (ink, size, baseline) = ink_of(chars, seg)?;
    let (rtl_count, ltr_count) = ink.iter().fold((0, 0), |(r, l), &i| {
        let t = &chars[i].text;
        (
            r + t.chars().filter(|&c| is_rtl(c)).count(),
            l + t.chars().filter(|&c| is_ltr(c)).count(),
        )
    });
    // The letters at the line's two ends (the segment runs left to right).
    let strong = |i: &usize| {
        let t = &chars[*i].text;
        if t.chars().any(is_rtl) {
            Some(true)
        } else if t.chars().any(is_ltr) {
            Some(false)
        } else {
            None
        }
    };
    let leftmost_ltr = ink.iter().find_map(strong) == Some(false);
    let rightmost_rtl = ink.iter().rev().find_map(strong) == Some(true);
    let mut rtl = bidi::line_direction(rtl_count, ltr_count, leftmost_ltr, rightmost_rtl, page_rtl);
    if !rtl && rtl_count == 0 && page_rtl {
        // A Latin line on an Arabic page may yet end an Arabic sentence.
        let drawn: Vec<char> = ink.iter().flat_map(|&i| chars[i].text.chars()).collect();
        rtl =
            drawn.iter().any(|&c| bidi::is_bracket(c)) && bidi::brackets_read_right_to_left(&drawn);
    }
    // Numbers on a line without letters of its own continue the paragraph's
    // Arabic text (they were laid out as Arabic numbers).
    let arabic_context = rtl_count > 0 || (page_rtl && ltr_count == 0);

    // Combining marks ride on the base glyph they overlap most.
    // A space glyph drawn over a letter or digit is not a word break (some
    // writers paint such spaces along underlined or justified runs).
    // The segment is sorted by x0: only nearby glyphs can overlap a space.
    let hidden_space = |k: usize| {
        let c = &chars[seg[k]];
        is_space(c)
            && seg[k.saturating_sub(3)..(k + 4).min(seg.len())]
                .iter()
                .any(|&j| {
                    let g = &chars[j];
                    !is_space(g) && g.x1.min(c.x1) - g.x0.max(c.x0) > 0.5 * (c.x1 - c.x0)
                })
    };
    let bases: Vec<usize> = (0..seg.len())
        .filter(|&k| !is_mark(&chars[seg[k]]) && !hidden_space(k))
        .map(|k| seg[k])
        .collect();
    let mut marks_of: Vec<(usize, Vec<usize>)> = bases.iter().map(|&b| (b, Vec::new())).collect();
    for &m in seg.iter().filter(|&&i| is_mark(&chars[i])) {
        let mc = &chars[m];
        let centre = (mc.x0 + mc.x1) / 2.0;
        let is_base = |i: usize| bases.contains(&i) && !is_space(&chars[i]) && !is_mark(&chars[i]);
        let by_order = base_in_drawing_order(chars, m, is_base)
            .filter(|&b| distance_to(&chars[b], centre) < chars[b].size.max(1.0));
        let best = match by_order {
            Some(b) => marks_of.iter_mut().find(|(x, _)| *x == b),
            None => marks_of
                .iter_mut()
                .filter(|(b, _)| !is_space(&chars[*b]))
                .min_by(|(a, _), (b, _)| {
                    let da = distance_to(&chars[*a], centre);
                    let db = distance_to(&chars[*b], centre);
                    da.total_cmp(&db)
                }),
        };
        if let Some((_, list)) = best {
            list.push(m);
        }
    }

    // Words, in visual order, each with whether a real space glyph preceded it.
    let mut groups: Vec<(Vec<usize>, bool)> = Vec::new();
    let mut pending_space = false;
    let mut last_x1: Option<f64> = None;
    for &i in &bases {
        let c = &chars[i];
        if is_space(c) {
            pending_space = true;
            continue;
        }
        let gap = last_x1.map_or(0.0, |x1| c.x0 - x1);
        let tol = settings.x_tolerance * c.size.max(size * 0.5);
        let starts_new = match groups.last() {
            None => true,
            Some((g, _)) => {
                pending_space
                    || gap > tol
                    || g.last()
                        .is_some_and(|&p| chars[p].superscript != c.superscript)
            }
        };
        if starts_new {
            groups.push((vec![i], pending_space));
        } else if let Some((g, _)) = groups.last_mut() {
            g.push(i);
        }
        pending_space = false;
        last_x1 = Some(last_x1.map_or(c.x1, |x: f64| x.max(c.x1)));
    }
    // Marks are rare (Arabic vowels): a short list, searched linearly.
    let mark_index: Vec<(usize, &[usize])> = marks_of
        .iter()
        .filter(|(_, m)| !m.is_empty())
        .map(|(b, m)| (*b, m.as_slice()))
        .collect();
    let marks = |i: usize| -> &[usize] {
        mark_index
            .iter()
            .find(|(b, _)| *b == i)
            .map_or(&[], |(_, m)| *m)
    };

    let glyph_text = |g: &[usize], out: &mut String| {
        for &i in g {
            let attached = marks(i);
            if attached.is_empty() {
                push_visual(out, &chars[i].text);
            } else {
                let mut unit = chars[i].text.clone();
                for &m in attached {
                    unit.push_str(&chars[m].text);
                }
                if unit.chars().any(is_rtl) {
                    push_visual(out, &unit);
                } else {
                    // A Latin or Cyrillic letter and its accents: the
                    // precomposed character where there is one.
                    out.extend(unit.nfc());
                }
            }
        }
    };

    let group_texts: Vec<String> = groups
        .iter()
        .map(|(g, _)| {
            let mut visual = String::new();
            glyph_text(g, &mut visual);
            visual
        })
        .collect();
    // Visual text: words joined with the spaces the script wants, each
    // superscript group wrapped in private-use delimiters so that it can be
    // found again after reordering.
    let mut visual = String::new();
    for (k, (g, spaced)) in groups.iter().enumerate() {
        if k > 0 {
            let prev = &groups[k - 1].0;
            let superscript_edge = prev.last().map(|&i| chars[i].superscript)
                != g.first().map(|&i| chars[i].superscript);
            if needs_space(chars, prev, g, *spaced, rtl) {
                visual.push(' ');
            } else if rtl && superscript_edge {
                visual.push(BOUNDARY);
            }
        }
        let sup = g.first().is_some_and(|&i| chars[i].superscript);
        if sup {
            visual.push(SUP_OPEN);
        }
        visual.push_str(&group_texts[k]);
        if sup {
            visual.push(SUP_CLOSE);
        }
    }
    let any_rtl = rtl_count > 0;
    let (logical, arabic_context) = if rtl || any_rtl {
        let (text, context) = bidi::line_to_logical(&visual, rtl, arabic_context);
        (text.replace(BOUNDARY, ""), context)
    } else {
        (visual, arabic_context)
    };
    let mut words: Vec<Word> = groups
        .iter()
        .zip(group_texts)
        .map(|((g, _), visual)| {
            let text = if rtl || visual.chars().any(is_rtl) {
                bidi::visual_to_logical(&visual, rtl, arabic_context)
            } else {
                visual
            };
            make_word(chars, g, text)
        })
        .collect();
    let (text, superscripts) = take_superscripts(&logical);
    for w in &mut words {
        w.rtl = w.text.chars().any(is_rtl);
    }
    let x0 = ink.iter().map(|&i| chars[i].x0).fold(f64::MAX, f64::min);
    let x1 = ink.iter().map(|&i| chars[i].x1).fold(f64::MIN, f64::max);
    // The line's height is its letters' (a mark may sit above or below).
    let letters = || ink.iter().filter(|&&i| !is_mark(&chars[i]));
    let top = letters().map(|&i| chars[i].top).fold(f64::MAX, f64::min);
    let bottom = letters().map(|&i| chars[i].bottom).fold(f64::MIN, f64::max);
    let (top, bottom) = if top <= bottom {
        (top, bottom)
    } else {
        let top = ink.iter().map(|&i| chars[i].top).fold(f64::MAX, f64::min);
        let bottom = ink
            .iter()
            .map(|&i| chars[i].bottom)
            .fold(f64::MIN, f64::max);
        (top, bottom)
    };
    Some(TextLine {
        text,
        superscripts,
        x0,
        x1,
        top,
        bottom,
        baseline,
        size,
        rtl,
        words,
    })
}

fn distance_to(c: &Char, x: f64) -> f64 {
    if x < c.x0 {
        c.x0 - x
    } else if x > c.x1 {
        x - c.x1
    } else {
        0.0
    }
}

/// Whether the text needs a space between two adjacent words of a line.
fn needs_space(
    chars: &[Char],
    left: &[usize],
    right: &[usize],
    had_space: bool,
    rtl: bool,
) -> bool {
    let (Some(&l), Some(&r)) = (left.last(), right.first()) else {
        return false;
    };
    let (lc, rc) = (&chars[l], &chars[r]);
    // In a right-to-left line the word on the right is read first.
    let (before, after) = if rtl { (rc, lc) } else { (lc, rc) };
    if after.superscript && !before.superscript && !had_space {
        return false;
    }
    if had_space {
        return true;
    }
    let end = before.text.chars().last();
    let start = after.text.chars().next();
    !matches!((end, start), (Some(a), Some(b)) if is_cjk(a) && is_cjk(b))
}

fn push_visual(out: &mut String, glyph: &str) {
    // A right-to-left glyph that stands for several letters (lam-alef, a
    // letter and its marks) holds them in logical order; in a visual string
    // they must run the other way.
    if glyph.chars().nth(1).is_some() && glyph.chars().any(is_rtl) {
        out.extend(glyph.chars().rev());
    } else {
        out.push_str(glyph);
    }
}

fn make_word(chars: &[Char], g: &[usize], text: String) -> Word {
    // A word is one run of one font: its first glyph gives size and baseline
    // (a superscript word is all superscript).
    let first = g.first().map(|&i| &chars[i]);
    let size = first.map_or(0.0, |c| c.size);
    Word {
        text,
        x0: g.iter().map(|&i| chars[i].x0).fold(f64::MAX, f64::min),
        x1: g.iter().map(|&i| chars[i].x1).fold(f64::MIN, f64::max),
        top: g.iter().map(|&i| chars[i].top).fold(f64::MAX, f64::min),
        bottom: g.iter().map(|&i| chars[i].bottom).fold(f64::MIN, f64::max),
        baseline: first.map_or(0.0, |c| c.baseline),
        size,
        font: first.and_then(|c| c.font.clone()),
        superscript: g.iter().all(|&i| chars[i].superscript),
        rtl: false,
    }
}

/// Whether `line` is printed on the same row as `first`, the first line of a
/// row: baselines closer than `row_tolerance` (looser than the tolerance
/// that builds a line, so that a big heading next to small text, or the
/// second line of a wrapped cell next to the other cell, share a row).
fn same_row(first: &TextLine, line: &TextLine, settings: &Settings) -> bool {
    (line.baseline - first.baseline).abs() <= settings.row_tolerance * first.size.max(line.size)
}

/// Groups lines into printed rows: indices into `lines`, rows top to bottom.
/// A line joins the row whose first line's baseline is nearest, within
/// `row_tolerance`.
fn group_rows(lines: &[&TextLine], settings: &Settings) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|&a, &b| lines[a].baseline.total_cmp(&lines[b].baseline));
    let mut rows: Vec<Vec<usize>> = Vec::new();
    for i in order {
        match rows.last_mut() {
            Some(row) if same_row(lines[row[0]], lines[i], settings) => row.push(i),
            _ => rows.push(vec![i]),
        }
    }
    // A line that is closer to the next row's first line belongs there.
    for r in 0..rows.len().saturating_sub(1) {
        let next_anchor = rows[r + 1][0];
        let anchor = rows[r][0];
        let (stay, go): (Vec<usize>, Vec<usize>) = rows[r].iter().partition(|&&i| {
            i == anchor
                || !same_row(lines[next_anchor], lines[i], settings)
                || (lines[i].baseline - lines[anchor].baseline).abs()
                    <= (lines[i].baseline - lines[next_anchor].baseline).abs()
        });
        rows[r] = stay;
        rows[r + 1].extend(go);
    }
    rows
}

/// Sorts lines into reading order: block by block where the page has
/// columns of running text (see [`text_columns`]), each block top to bottom;
/// lines of one row go left to right, or right to left when most of them are
/// right-to-left.
fn order_lines(lines: &mut Vec<TextLine>, settings: &Settings) {
    let refs: Vec<&TextLine> = lines.iter().collect();
    let page_rtl = refs.iter().filter(|l| l.rtl).count() * 2 > refs.len();
    let groups = text_columns::blocks(&refs, page_rtl);
    let groups = groups.unwrap_or_else(|| vec![(0..refs.len()).collect()]);
    let mut order: Vec<usize> = Vec::with_capacity(refs.len());
    for group in groups {
        let sub: Vec<&TextLine> = group.iter().map(|&i| refs[i]).collect();
        for row in group_rows(&sub, settings) {
            let mut row: Vec<usize> = row.into_iter().map(|k| group[k]).collect();
            let rtl = row.iter().filter(|&&i| refs[i].rtl).count() * 2 > row.len();
            if rtl {
                row.sort_by(|&a, &b| refs[b].x1.total_cmp(&refs[a].x1));
            } else {
                row.sort_by(|&a, &b| refs[a].x0.total_cmp(&refs[b].x0));
            }
            order.extend(row);
        }
    }
    let mut taken: Vec<Option<TextLine>> = lines.drain(..).map(Some).collect();
    lines.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// Groups lines into printed rows (as `pdftotext -layout` prints them); the
/// lines must be in the order [`build_lines`] gives. A column of text (a line
/// that goes back up the page by more than two lines' height starts one) has
/// rows of its own.
pub(crate) fn rows<'a>(lines: &'a [TextLine], settings: &Settings) -> Vec<Vec<&'a TextLine>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut deepest = f64::MIN;
    for k in 0..=lines.len() {
        let back_up = lines
            .get(k)
            .is_some_and(|l| l.baseline < deepest - 2.0 * l.size.max(1.0));
        if k == lines.len() || back_up {
            out.extend(section_rows(&lines[start..k], settings));
            start = k;
            deepest = f64::MIN;
        }
        if let Some(l) = lines.get(k) {
            deepest = deepest.max(l.baseline);
        }
    }
    out
}

fn section_rows<'a>(lines: &'a [TextLine], settings: &Settings) -> Vec<Vec<&'a TextLine>> {
    let refs: Vec<&TextLine> = lines.iter().collect();
    let mut rows: Vec<Vec<&TextLine>> = group_rows(&refs, settings)
        .into_iter()
        .map(|row| row.into_iter().map(|i| refs[i]).collect())
        .collect();
    // Keep the reading order of `lines` within each row.
    let position = |l: &TextLine| lines.iter().position(|x| std::ptr::eq(x, l)).unwrap_or(0);
    for row in &mut rows {
        row.sort_by_key(|l| position(l));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(text: &str, x0: f64, width: f64, baseline: f64, size: f64) -> Char {
        Char {
            text: text.into(),
            x0,
            x1: x0 + width,
            top: baseline - 0.8 * size,
            bottom: baseline + 0.2 * size,
            baseline,
            size,
            font: None,
            superscript: false,
            upright: true,
        }
    }

    fn run(text: &str, x: f64, baseline: f64, size: f64, advance: f64) -> Vec<Char> {
        text.chars()
            .enumerate()
            .map(|(k, c)| {
                ch(
                    &c.to_string(),
                    x + k as f64 * advance,
                    advance,
                    baseline,
                    size,
                )
            })
            .collect()
    }

    #[test]
    fn cjk_runs_split_by_a_gap_join_without_a_space() {
        let mut chars = run("议程项目", 100.0, 200.0, 10.0, 10.0);
        chars.extend(run("方案", 142.0, 200.0, 10.0, 10.0));
        let lines = build_lines(&mut chars, &[], &Settings::default());
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "议程项目方案");
        assert_eq!(lines[0].words.len(), 2);
    }

    #[test]
    fn latin_words_get_a_space_from_the_gap_alone() {
        let mut chars = run("Agenda", 100.0, 200.0, 10.0, 5.0);
        chars.extend(run("item", 133.0, 200.0, 10.0, 5.0));
        let lines = build_lines(&mut chars, &[], &Settings::default());
        assert_eq!(lines[0].text, "Agenda item");
    }

    #[test]
    fn a_wide_gap_makes_two_lines_in_left_to_right_order() {
        let mut chars = run("right", 300.0, 200.0, 10.0, 5.0);
        chars.extend(run("left", 100.0, 200.4, 10.0, 5.0));
        let lines = build_lines(&mut chars, &[], &Settings::default());
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["left", "right"]);
    }

    #[test]
    fn a_small_raised_digit_is_a_superscript_on_its_line() {
        let mut chars = run("讨论", 100.0, 200.0, 10.0, 10.0);
        chars.push(ch("1", 120.0, 3.5, 196.5, 6.0));
        chars.extend(run("下一行", 100.0, 215.0, 10.0, 10.0));
        let lines = build_lines(&mut chars, &[], &Settings::default());
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "讨论1");
        assert_eq!(lines[0].text_without_superscripts(), "讨论");
        assert!(chars[2].superscript);
        assert!(!chars[0].superscript);
        assert!(lines[0].words.last().is_some_and(|w| w.superscript));
    }

    #[test]
    fn an_arabic_mark_drawn_before_its_letter_rides_on_that_letter() {
        // "تُشجَّع" as LibreOffice draws it with Amiri: left to right, each
        // zero-width mark just before its letter, the damma over the box of
        // the sheen next to the teh it belongs to.
        let glyph = |t: &str, x0: f64, x1: f64| {
            let mut c = ch(t, x0, x1 - x0, 696.1, 10.0);
            c.x1 = x1;
            c
        };
        let mut chars = vec![
            glyph("ع", 500.19, 505.12),
            glyph("\u{64e}\u{651}", 506.4, 508.4),
            glyph("ج", 505.3, 511.4),
            glyph("ش", 511.4, 516.32),
            glyph("\u{64f}", 513.6, 513.6),
            glyph("ت", 516.29, 518.48),
        ];
        let lines = build_lines(&mut chars, &[], &Settings::default());
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "تُشجَّع");
    }

    #[test]
    fn a_marker_level_with_another_column_still_hangs_on_its_word() {
        // "通过年度进展报告²" with a time cell to its left whose baseline is
        // the marker's: the marker clusters with the time cell first.
        let mut chars = run("午1时", 160.0, 491.0, 10.0, 10.0);
        chars.extend(run("通过年度进展报告", 240.0, 494.5, 10.0, 10.0));
        chars.push(ch("2", 320.0, 3.2, 490.0, 5.8));
        let lines = build_lines(&mut chars, &[], &Settings::default());
        let item = lines
            .iter()
            .find(|l| l.text.starts_with("通过"))
            .expect("the item line");
        assert_eq!(item.text_without_superscripts(), "通过年度进展报告");
        assert_eq!(item.superscripts.len(), 1);
        assert_eq!(item.superscripts[0].text, "2");
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn a_marker_on_a_one_character_line_is_still_a_superscript() {
        // The last character of a wrapped Chinese title and its marker: one
        // glyph of each size.
        let mut chars = run("论", 100.0, 200.0, 10.0, 10.0);
        chars.push(ch("1", 110.0, 3.5, 196.5, 6.0));
        let lines = build_lines(&mut chars, &[], &Settings::default());
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].size, 10.0);
        assert_eq!(lines[0].text_without_superscripts(), "论");
        assert_eq!(lines[0].superscripts.len(), 1);
    }

    #[test]
    fn arabic_in_visual_order_comes_out_logical_with_numbers_intact() {
        // Logical "البند 5" is painted left to right as "5 دنبلا".
        let mut chars = vec![ch("5", 100.0, 5.0, 200.0, 10.0)];
        chars.extend(run("دنبلا", 110.0, 200.0, 10.0, 5.0));
        let lines = build_lines(&mut chars, &[], &Settings::default());
        assert_eq!(lines[0].text, "البند 5");
        assert!(lines[0].rtl);
    }

    #[test]
    fn a_footnote_marker_does_not_merge_with_the_number_it_follows() {
        // "... العامة 75/240" with superscript "1", painted as "1" then "75/240".
        let mut chars = vec![ch("1", 100.0, 3.0, 196.0, 6.0)];
        chars.extend(run("75/240", 103.0, 200.0, 10.0, 5.0));
        chars.extend(run("ةماعلا", 136.0, 200.0, 10.0, 5.0));
        let lines = build_lines(&mut chars, &[], &Settings::default());
        assert_eq!(lines[0].text, "العامة 75/2401");
        assert_eq!(lines[0].superscripts.len(), 1);
        assert_eq!(lines[0].superscripts[0].text, "1");
        assert_eq!(lines[0].text_without_superscripts(), "العامة 75/240");
    }

    #[test]
    fn a_vertical_rule_between_glyphs_splits_the_line() {
        let mut chars = run("上午10时", 100.0, 200.0, 10.0, 10.0);
        chars.extend(run("会议开幕", 152.0, 200.0, 10.0, 10.0));
        let edge = Edge {
            x0: 151.0,
            x1: 151.0,
            top: 150.0,
            bottom: 250.0,
            horizontal: false,
        };
        let lines = build_lines(&mut chars, &[edge], &Settings::default());
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["上午10时", "会议开幕"]);
    }

    #[test]
    fn an_arabic_mark_follows_its_letter() {
        // "تُ" (teh + damma): the damma glyph is drawn over the teh.
        let mut chars = vec![
            ch("ت", 100.0, 5.0, 200.0, 10.0),
            ch("\u{064F}", 101.0, 2.0, 200.0, 10.0),
        ];
        let lines = build_lines(&mut chars, &[], &Settings::default());
        assert_eq!(lines[0].text, "ت\u{064F}");
    }

    #[test]
    fn a_lam_alef_ligature_keeps_its_letters_in_order() {
        // "لا" as one glyph, followed (to its left) by "ب": logical "لاب".
        let mut chars = vec![
            ch("ب", 100.0, 5.0, 200.0, 10.0),
            ch("لا", 105.0, 5.0, 200.0, 10.0),
        ];
        let lines = build_lines(&mut chars, &[], &Settings::default());
        assert_eq!(lines[0].text, "لاب");
    }

    #[test]
    fn a_mark_far_above_a_tall_letter_rides_on_it() {
        // "لَ" with the fatha drawn 4.5 pt above the baseline (over the lam's
        // stem): beyond the baseline tolerance, yet no line of its own.
        let mut chars = vec![
            ch("ب", 100.0, 5.0, 200.0, 10.0),
            ch("ل", 105.0, 3.0, 200.0, 10.0),
            ch("\u{064E}", 105.5, 2.0, 195.5, 10.0),
        ];
        let lines = build_lines(&mut chars, &[], &Settings::default());
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "لَب");
        // The line is as high as its letters.
        assert_eq!(lines[0].top, 192.0);
    }

    #[test]
    fn a_mark_below_its_letter_rides_on_it() {
        // "بِ": the kasra drawn 4 pt below the beh's baseline.
        let mut chars = vec![
            ch("\u{0650}", 101.0, 2.0, 204.0, 10.0),
            ch("ب", 100.0, 5.0, 200.0, 10.0),
        ];
        let lines = build_lines(&mut chars, &[], &Settings::default());
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "بِ");
    }

    #[test]
    fn a_mark_nearer_another_line_goes_with_the_letter_it_was_drawn_with() {
        // Two lines 12 pt apart; the damma of the second line's teh sits 7 pt
        // above its baseline, 5 pt under the first line's.
        let mut chars = run("دنبلا", 100.0, 200.0, 10.0, 5.0);
        chars.push(ch("ب", 100.0, 5.0, 212.0, 10.0));
        chars.push(ch("\u{064F}", 106.0, 2.0, 205.0, 10.0));
        chars.push(ch("ت", 105.0, 5.0, 212.0, 10.0));
        let lines = build_lines(&mut chars, &[], &Settings::default());
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["البند", "تُب"]);
    }

    #[test]
    fn a_mark_without_a_drawing_neighbour_takes_the_glyph_under_its_centre() {
        // Marks drawn after the whole line (as some writers do): each goes to
        // the letter whose box holds its centre.
        let mut chars = run("بتث", 100.0, 200.0, 10.0, 5.0);
        chars.extend(run("ABCDEFGH", 200.0, 200.0, 10.0, 5.0));
        chars.push(ch("\u{064E}", 101.0, 2.0, 196.0, 10.0));
        chars.push(ch("\u{0650}", 111.0, 2.0, 204.0, 10.0));
        let lines = build_lines(&mut chars, &[], &Settings::default());
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["ثِتبَ", "ABCDEFGH"]);
    }

    #[test]
    fn latin_and_cyrillic_accents_drawn_apart_compose() {
        // "café" and "й" with the accents drawn as glyphs of their own, raised
        // above the letters (TeX and some writers do so).
        let mut chars = run("cafe", 100.0, 200.0, 10.0, 5.0);
        chars.push(ch("\u{0301}", 115.5, 2.0, 197.0, 10.0));
        chars.extend(run("и", 125.0, 200.0, 10.0, 5.0));
        chars.push(ch("\u{0306}", 126.5, 2.0, 196.0, 10.0));
        // A mark with no composed form stays combining, after its letter.
        chars.extend(run("q", 135.0, 200.0, 10.0, 5.0));
        chars.push(ch("\u{0301}", 136.5, 2.0, 197.0, 10.0));
        let lines = build_lines(&mut chars, &[], &Settings::default());
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "caf\u{e9} \u{439} q\u{301}");
    }

    #[test]
    fn a_latin_line_on_an_arabic_page_reads_left_to_right() {
        let mut chars = run("البند الخامس", 100.0, 200.0, 10.0, 5.0);
        chars.reverse();
        for (k, c) in chars.iter_mut().enumerate() {
            c.x0 = 100.0 + 5.0 * k as f64;
            c.x1 = c.x0 + 5.0;
        }
        chars.extend(run("[quransurah*]113-114", 100.0, 215.0, 10.0, 5.0));
        let lines = build_lines(&mut chars, &[], &Settings::default());
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["البند الخامس", "[quransurah*]113-114"]);
        assert!(lines[0].rtl);
        assert!(!lines[1].rtl);
    }

    #[test]
    fn an_arabic_run_in_a_latin_line_comes_out_in_logical_order() {
        // "The word كتاب means book", the Arabic word drawn left to right.
        let mut chars = run("The word ", 100.0, 200.0, 10.0, 5.0);
        chars.extend(run("باتك", 145.0, 200.0, 10.0, 5.0));
        chars.extend(run(" means book", 165.0, 200.0, 10.0, 5.0));
        let lines = build_lines(&mut chars, &[], &Settings::default());
        assert_eq!(lines[0].text, "The word كتاب means book");
        assert!(!lines[0].rtl);
        let word = lines[0].words.iter().find(|w| w.rtl).expect("an rtl word");
        assert_eq!(word.text, "كتاب");
    }

    #[test]
    fn a_two_column_page_is_read_column_by_column() {
        // A heading over two columns of ten lines each.
        let mut chars = run("Heading", 250.0, 60.0, 14.0, 7.0);
        for k in 0..10 {
            let y = 100.0 + 12.0 * k as f64;
            chars.extend(run(&format!("left{k:02} text here"), 72.0, y, 10.0, 5.0));
            chars.extend(run(&format!("right{k:02} text here"), 320.0, y, 10.0, 5.0));
        }
        let lines = build_lines(&mut chars, &[], &Settings::default());
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts.len(), 21);
        assert_eq!(texts[0], "Heading");
        assert_eq!(texts[1], "left00 text here");
        assert_eq!(texts[10], "left09 text here");
        assert_eq!(texts[11], "right00 text here");
        // The page's text too: the left column's rows, then the right's.
        let printed: Vec<Vec<&str>> = rows(&lines, &Settings::default())
            .iter()
            .map(|row| row.iter().map(|l| l.text.as_str()).collect())
            .collect();
        assert_eq!(printed.len(), 21);
        assert_eq!(printed[1], ["left00 text here"]);
        assert_eq!(printed[11], ["right00 text here"]);
    }

    #[test]
    fn a_latin_line_that_ends_an_arabic_sentence_reads_right_to_left() {
        // "... لعام 2022 (A/77/275):" wrapped: the second line, drawn
        // ":)A/77/275( 2022", has Latin letters only.
        let mut chars = run("دنبلا", 100.0, 200.0, 10.0, 5.0);
        chars.extend(run(":)A/77/275( 2022", 100.0, 215.0, 10.0, 5.0));
        let lines = build_lines(&mut chars, &[], &Settings::default());
        assert_eq!(lines[1].text, "2022 (A/77/275):");
        assert!(lines[1].rtl);
    }
}
