#!/usr/bin/env python3
"""Compare `unprog text` with pdftotext and PDFium over the real-world set (see realworld.sh).

Usage: realworld_compare.py UNPROG LIST PDFDIR OUTDIR

Similarity is 2*LCS / (len a + len b) over characters (difflib's ratio with the
longest common subsequence for its matching blocks, computed by rapidfuzz), after
NFKC, with whitespace, bidi marks and line-end hyphens left out; page by page where the texts have
the same page count, else over the whole document.
"""
import collections
import pathlib
import re
import subprocess
import sys
import time
import unicodedata

import pypdfium2 as pdfium
from rapidfuzz.distance import Indel

AGREE = 0.97
BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SPACE = re.compile(r"\s+")
# A hyphen that ends a line: pdftotext joins such words, PDFium writes U+FFFE for it.
LINE_HYPHEN = re.compile("[-\u2010\ufffe][ \t]*(\n|\r|$)")


def run(cmd, timeout=300):
    t = time.time()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, timeout, "timeout"
    err = p.stderr.decode("utf-8", "replace").strip().splitlines()
    return p.stdout.decode("utf-8", "replace"), time.time() - t, (p.returncode, " ".join(err[-2:])[:100])


def pdfium_text(path):
    t = time.time()
    pages = []
    doc = pdfium.PdfDocument(str(path))
    try:
        for page in doc:
            tp = page.get_textpage()
            pages.append(tp.get_text_range())
            tp.close()
            page.close()
    finally:
        doc.close()
    return "\f".join(pages), time.time() - t


def squeeze(s):
    # NFKC first (it may make spaces of compatibility characters), then drop
    # whitespace, bidi controls, line-end and soft hyphens and the NUL PDFium writes for gaps.
    s = unicodedata.normalize("NFKC", LINE_HYPHEN.sub(r"\1", s.replace("\r\n", "\n")))
    return BIDI.sub("", SPACE.sub("", s)).replace("\u00ad", "").replace("\x00", "").replace("\ufffe", "")


def pages(text):
    p = text.split("\f")
    if p and not p[-1].strip():
        p = p[:-1]
    return [squeeze(x) for x in p]


def similarity(a, b):
    """2*LCS/(|a|+|b|), page by page when the page counts match."""
    if len(a) != len(b):
        a, b = ["".join(a)], ["".join(b)]
    total = sum(len(x) + len(y) for x, y in zip(a, b, strict=True))
    if not total:
        return 1.0
    dist = sum(Indel.distance(x, y) for x, y in zip(a, b, strict=True))
    return (total - dist) / total


def script_of(text):
    counts = collections.Counter()
    for c in text:
        o = ord(c)
        if 0x0600 <= o <= 0x06FF or 0xFB50 <= o <= 0xFEFF:
            counts["Arab"] += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3040 <= o <= 0x30FF:
            counts["CJK"] += 1
        elif 0x0400 <= o <= 0x04FF:
            counts["Cyrl"] += 1
        elif 0x0370 <= o <= 0x03FF or 0x1F00 <= o <= 0x1FFF:
            counts["Grek"] += 1
    main = [k for k, v in counts.most_common() if v > 0.05 * max(1, len(text))]
    return "+".join(main) if main else "Latn"


def why_disagree(p, q):
    """A short reason why two references' texts differ (p: pdftotext, q: PDFium)."""
    a, b = "".join(p), "".join(q)
    ca, cb = collections.Counter(a), collections.Counter(b)
    common = sum((ca & cb).values())
    bag = 2 * common / max(1, len(a) + len(b))
    if len(a) < 0.9 * len(b) or len(b) < 0.9 * len(a):
        less = "pdftotext" if len(a) < len(b) else "PDFium"
        reason = f"{less} gives {abs(len(a) - len(b)) / max(len(a), len(b)):.0%} fewer characters"
    elif bag >= AGREE:
        reason = f"same characters ({bag:.1%}), another order"
    else:
        reason = f"different characters ({bag:.1%} in common)"
    only_a = "".join(c for c, _ in (ca - cb).most_common(6))
    only_b = "".join(c for c, _ in (cb - ca).most_common(6))
    script = script_of(a)
    if "Arab" in script:
        reason += " (right-to-left lines: the two order runs, marks and brackets differently)"
    elif bag >= AGREE:
        reason += " (reading order: columns, floats, marginal notes, ruby)"
    return f"{reason}; pdftotext only: {only_a!r}, PDFium only: {only_b!r}"


def main():
    binary, listing, pdfs, out = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[4])
    out.mkdir(parents=True, exist_ok=True)
    wanted = []
    for line in listing.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        pkg, path, why = line.split("\t")
        wanted.append((pkg, path, why))
    rows = []
    for pkg, path, _why in wanted:
        pdf = pdfs / f"{pkg}__{pathlib.Path(path).name}"
        if not pdf.exists():
            print(f"missing: {pdf.name}", file=sys.stderr)
            continue
        ours, t_ours, st = run([binary, "text", str(pdf)])
        poppler, t_pop, _ = run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"])
        try:
            fium, t_fium = pdfium_text(pdf)
        except pdfium.PdfiumError as e:
            fium, t_fium = "", 0.0
            print(f"PDFium failed on {pdf.name}: {e}", file=sys.stderr)
        stem = out / pdf.stem
        for name, text in (("unprog", ours), ("pdftotext", poppler), ("pdfium", fium)):
            pathlib.Path(f"{stem}.{name}.txt").write_text(text or "", encoding="utf-8")
        u, p, f = pages(ours or ""), pages(poppler or ""), pages(fium)
        s_pop, s_fium, refs = similarity(u, p), similarity(u, f), similarity(p, f)
        failed = ours is None or st[0] != 0
        rows.append({
            "name": pdf.name.split("__", 1)[1], "pkg": pkg, "pages": len(p), "script": script_of("".join(p)),
            "pop": s_pop, "fium": s_fium, "refs": refs, "failed": failed,
            "why": why_disagree(p, f) if refs < AGREE else "", "t": (t_ours, t_pop, t_fium),
        })
        print(".", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    print(f"| {'file':34} | pages | script  | vs pdftotext | vs PDFium | refs agree | ≥0.97 |")
    print(f"|{'-' * 36}|------:|---------|-------------:|----------:|-----------:|:-----:|")
    for r in rows:
        best = max(r["pop"], r["fium"])
        agree = r["refs"] >= AGREE
        ok = "fail" if r["failed"] else ("yes" if best >= AGREE else "no") if agree else "n/a"
        print(f"| {r['name'][:34]:34} | {r['pages']:5} | {r['script'][:7]:7} | {r['pop']:12.3f} | {r['fium']:9.3f} "
              f"| {'yes' if agree else 'no'} {r['refs']:6.3f} | {ok:5} |")
    agreed = [r for r in rows if r["refs"] >= AGREE]
    good = [r for r in agreed if not r["failed"] and max(r["pop"], r["fium"]) >= AGREE]
    t = [sum(r["t"][i] for r in rows) for i in range(3)]
    print(f"\n{len(rows)} files; the references agree (≥ {AGREE}) on {len(agreed)}; "
          f"unprog reaches {AGREE} to one of them on {len(good)} of those; failed on {sum(r['failed'] for r in rows)}.")
    print(f"time: unprog {t[0]:.1f} s, pdftotext {t[1]:.1f} s, PDFium {t[2]:.1f} s (in-process)")
    below = [r for r in agreed if r not in good]
    if below:
        print("\nBelow 0.97 where the references agree:")
        for r in below:
            print(f"- {r['name']}: {max(r['pop'], r['fium']):.3f}")
    disagree = [r for r in rows if r["refs"] < AGREE]
    if disagree:
        print("\nThe references disagree:")
        for r in disagree:
            print(f"- {r['name']} ({r['refs']:.3f}): {r['why']}")


if __name__ == "__main__":
    main()
