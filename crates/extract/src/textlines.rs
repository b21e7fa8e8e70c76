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
//! 5. Right-to-left lines are put from visual into logical order with the
//!    Unicode bidirectional algorithm.

use crate::model::{Char, Edge, Superscript, TextLine, Word};
use crate::script::{is_cjk, is_combining_mark, is_ltr, is_rtl};
use crate::settings::Settings;

/// Marks a boundary between a superscript and the text it hangs on while a
/// line is reordered, so that the bidi algorithm never merges the digits of a
/// footnote marker with a neighbouring number.
const BOUNDARY: char = '\u{FFFC}';
/// Delimit a superscript while a line is built (private-use characters).
const SUP_OPEN: char = '\u{E000}';
const SUP_CLOSE: char = '\u{E001}';

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
    let clusters = cluster_by_baseline(chars, settings);
    let (rtl, ltr) = chars.iter().fold((0usize, 0usize), |(r, l), c| {
        (
            r + c.text.chars().filter(|&ch| is_rtl(ch)).count(),
            l + c.text.chars().filter(|&ch| is_ltr(ch)).count(),
        )
    });
    let page_rtl = rtl > ltr;
    let verticals: Vec<&Edge> = edges.iter().filter(|e| !e.horizontal).collect();
    let mut segments = Vec::new();
    for cluster in clusters {
        let size = dominant_size(chars, &cluster);
        let baseline = dominant_baseline(chars, &cluster, size);
        mark_superscripts(chars, &cluster, size, baseline, settings);
        segments.extend(split_columns(chars, &cluster, size, &verticals, settings));
    }
    fold_stray_superscripts(chars, &mut segments, settings);
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

/// Clusters upright glyphs by baseline, then folds raised small clusters
/// (superscripts) into the line they hang on. Returns glyph indices per
/// cluster, each sorted left to right.
fn cluster_by_baseline(chars: &[Char], settings: &Settings) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..chars.len())
        .filter(|&i| chars[i].upright || !is_space(&chars[i]))
        .collect();
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

/// Cuts a baseline cluster where the gap between glyphs is wider than the
/// column gap.
fn split_columns(
    chars: &[Char],
    cluster: &[usize],
    size: f64,
    verticals: &[&Edge],
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
            if ruled || c.x0 - x1 > settings.column_gap * size {
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

/// The base letter of the mark `m` by the order the glyphs were drawn in:
/// a shaping engine draws a mark next to its letter. Text drawn in logical
/// order puts the mark after its letter; right-to-left text drawn in visual
/// order (left to right, as LibreOffice and HarfBuzz output it) puts it
/// before. A mark's own position is less telling: a zero-width mark may sit
/// over the neighbouring letter's box. `None` when the drawing order says
/// nothing (no letter drawn next to it on the line).
fn base_in_drawing_order(chars: &[Char], m: usize, bases: &[usize]) -> Option<usize> {
    let letter = |i: usize| bases.contains(&i) && !is_space(&chars[i]) && !is_mark(&chars[i]);
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
    !c.text.is_empty() && c.text.chars().all(is_combining_mark)
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
    let rtl = rtl_count > ltr_count || page_rtl;
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
        let by_order = base_in_drawing_order(chars, m, &bases)
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
                push_visual(out, &chars[i].text, rtl);
            } else {
                let mut unit = chars[i].text.clone();
                for &m in attached {
                    unit.push_str(&chars[m].text);
                }
                push_visual(out, &unit, rtl);
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
    let mut words: Vec<Word> = groups
        .iter()
        .zip(&group_texts)
        .map(|((g, _), visual)| {
            let text = if rtl {
                visual_to_logical(visual, arabic_context)
            } else {
                visual.clone()
            };
            make_word(chars, g, text)
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
    let logical = if rtl {
        visual_to_logical(&visual, arabic_context).replace(BOUNDARY, "")
    } else {
        visual
    };
    let (text, superscripts) = take_superscripts(&logical);
    for w in &mut words {
        w.rtl = w.text.chars().any(is_rtl);
    }
    let x0 = ink.iter().map(|&i| chars[i].x0).fold(f64::MAX, f64::min);
    let x1 = ink.iter().map(|&i| chars[i].x1).fold(f64::MIN, f64::max);
    let top = ink.iter().map(|&i| chars[i].top).fold(f64::MAX, f64::min);
    let bottom = ink
        .iter()
        .map(|&i| chars[i].bottom)
        .fold(f64::MIN, f64::max);
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

fn push_visual(out: &mut String, glyph: &str, rtl: bool) {
    // A glyph that stands for several letters (lam-alef, a letter and its
    // marks) holds them in logical order; in a visual string they must run
    // the other way.
    if rtl && glyph.chars().count() > 1 && glyph.chars().any(|c| is_rtl(c) || is_combining_mark(c))
    {
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

/// Turns a right-to-left line written in visual order (left to right on the
/// page) into logical order.
///
/// The line is reversed, which puts the right-to-left text in order; then
/// each left-to-right island is turned back: a run of Latin letters, digits
/// and the punctuation inside them (`A/77/275`, `2021-2025`), and a phrase of
/// Latin words with the spaces and punctuation between them
/// (`Original: English`). Bracket glyphs are not mirrored: PDF writers map a
/// mirrored bracket to its logical character already.
pub(crate) fn visual_to_logical(visual: &str, arabic_context: bool) -> String {
    let mut chars: Vec<char> = visual.chars().rev().collect();
    let in_island = |c: char| {
        !c.is_whitespace()
            && !is_rtl(c)
            && !is_combining_mark(c)
            && !matches!(c, BOUNDARY | SUP_OPEN | SUP_CLOSE)
    };
    // Islands: maximal runs of island characters, trimmed to alphanumerics.
    let mut islands: Vec<(usize, usize, bool)> = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        if !in_island(chars[k]) {
            k += 1;
            continue;
        }
        let start = k;
        while k < chars.len() && in_island(chars[k]) {
            k += 1;
        }
        let run = &chars[start..k];
        if let (Some(a), Some(b)) = (
            run.iter().position(|c| c.is_alphanumeric()),
            run.iter().rposition(|c| c.is_alphanumeric()),
        ) {
            let (a, b) = (start + a, start + b + 1);
            let latin = chars[a..b].iter().any(|&c| is_ltr(c));
            let after_arabic = match chars[..a].iter().rev().find(|&&c| is_rtl(c) || is_ltr(c)) {
                Some(&c) => is_rtl(c),
                // Nothing strong before it on this line: the line continues an
                // Arabic paragraph (or not).
                None => arabic_context,
            };
            if !latin && after_arabic {
                // Numbers after Arabic letters are Arabic numbers: a "-" or
                // "+" between two of them does not join them, so each part
                // was laid out on its own ("2021-2025" is painted
                // "2025-2021").
                let mut part = a;
                for (j, &c) in chars.iter().enumerate().take(b).skip(a) {
                    if matches!(c, '-' | '+' | '\u{2013}') {
                        if part < j {
                            islands.push((part, j, false));
                        }
                        part = j + 1;
                    }
                }
                if part < b {
                    islands.push((part, b, false));
                }
            } else {
                islands.push((a, b, latin));
            }
        }
    }
    // Latin islands separated only by neutral characters form one phrase.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for (s, e, latin) in islands {
        if let Some(last) = spans.last_mut() {
            let between = &chars[last.1..s];
            let prev_latin = chars[last.0..last.1].iter().any(|&c| is_ltr(c));
            if latin
                && prev_latin
                && between
                    .iter()
                    .all(|&c| !is_rtl(c) && c != BOUNDARY && !c.is_alphanumeric())
            {
                last.1 = e;
                continue;
            }
        }
        spans.push((s, e));
    }
    for (s, e) in spans {
        chars[s..e].reverse();
    }
    chars.into_iter().collect()
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

/// Sorts lines top to bottom; lines of one row go left to right, or right to
/// left when most of them are right-to-left.
fn order_lines(lines: &mut Vec<TextLine>, settings: &Settings) {
    let refs: Vec<&TextLine> = lines.iter().collect();
    let rows = group_rows(&refs, settings);
    let mut taken: Vec<Option<TextLine>> = lines.drain(..).map(Some).collect();
    for row in rows {
        let mut row: Vec<TextLine> = row.into_iter().filter_map(|i| taken[i].take()).collect();
        let rtl = row.iter().filter(|l| l.rtl).count() * 2 > row.len();
        if rtl {
            row.sort_by(|a, b| b.x1.total_cmp(&a.x1));
        } else {
            row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        }
        lines.append(&mut row);
    }
}

/// Groups lines into printed rows (as `pdftotext -layout` prints them); the
/// lines must be in the order [`build_lines`] gives.
pub(crate) fn rows<'a>(lines: &'a [TextLine], settings: &Settings) -> Vec<Vec<&'a TextLine>> {
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
    fn numbers_and_brackets_in_arabic_come_out_in_logical_order() {
        // Logical "لعام 2022 (A/77/275):" is painted as ":)A/77/275( 2022 ماعل"
        // (a mirrored bracket keeps its logical code).
        assert_eq!(
            visual_to_logical(":)A/77/275( 2022 ماعل", false),
            "لعام 2022 (A/77/275):"
        );
        assert_eq!(visual_to_logical(")A( 23-03456", false), "23-03456 (A)");
        assert_eq!(
            visual_to_logical("Original: English", false),
            "Original: English"
        );
        assert_eq!(
            visual_to_logical(".A/AC.292/2021/1 ةقيثولا", false),
            "الوثيقة A/AC.292/2021/1."
        );
        // A range after Arabic letters: "للفترة 2021-2025" is painted "2025-2021 ةرتفلل".
        assert_eq!(
            visual_to_logical("2025-2021 ةرتفلل", false),
            "للفترة 2021-2025"
        );
        // The same range alone on the next line of an Arabic paragraph.
        assert_eq!(visual_to_logical("2025-2021", true), "2021-2025");
        assert_eq!(visual_to_logical("2021-2025", false), "2021-2025");
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
}
