#!/usr/bin/env python3
"""Compare `unprog text` with `pdftotext` over a folder of PDFs (see realworld.sh)."""
import collections
import difflib
import pathlib
import re
import subprocess
import sys
import time
import unicodedata

BIN, PDFS, OUT = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
BIDI = re.compile('[\u200e\u200f\u202a-\u202e\u2066-\u2069]')


def run(cmd, timeout=120):
    t = time.time()
    try:
        p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, timeout, 0, "timeout"
    mem = 0
    err = p.stderr.decode("utf-8", "replace").strip().splitlines()
    if err and err[-1].isdigit():
        mem = int(err[-1])
        err = err[:-1]
    return p.stdout.decode("utf-8", "replace"), time.time() - t, mem, (p.returncode, "\n".join(err[-3:]))


def squeeze(s):
    # NFKC on both sides: poppler may keep Arabic presentation forms and
    # ligatures that unprog normalises.
    return unicodedata.normalize("NFKC", BIDI.sub("", re.sub(r"\s+", "", s)))


def order_ratio(a, b, limit=20000):
    """Share of characters that appear in the same order (per page, capped)."""
    pa, pb = a.split("\f"), b.split("\f")
    same = total = 0
    for x, y in zip(pa, pb, strict=False):
        x, y = squeeze(x)[:limit], squeeze(y)[:limit]
        if not y:
            continue
        sm = difflib.SequenceMatcher(a=y, b=x, autojunk=False)
        same += sum(bl.size for bl in sm.get_matching_blocks())
        total += len(y)
    return same / total if total else 1.0


rows = []
for pdf in sorted(PDFS.glob("*.pdf")):
    ours, t_ours, m_ours, st_ours = run([BIN, "text", str(pdf)])
    theirs, t_theirs, m_theirs, st_theirs = run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"])
    if theirs is None or st_theirs[0] != 0 or len(squeeze(theirs)) < 20:
        continue  # poppler cannot read it either, or there is no text: no reference
    failed = ours is None or st_ours[0] != 0 and not ours
    warn = "" if ours is None else st_ours[1][:120]
    a, b = collections.Counter(squeeze(ours or "")), collections.Counter(squeeze(theirs))
    common = sum((a & b).values()) / max(1, sum(b.values()))
    order = order_ratio(ours or "", theirs) if not failed else 0.0
    rtl = sum(1 for c in theirs if '\u0600' <= c <= '\u06ff') > 200
    rows.append((pdf.name, failed, common, order, t_ours, t_theirs, m_ours, rtl, warn))

print(f"{'file':60} {'ok':>3} {'chars':>6} {'order':>6} {'t_unprog':>8} {'t_poppler':>9} {'MB':>5}")
for name, failed, common, order, t1, t2, mem, rtl, _warn in rows:
    print(f"{name[:60]:60} {'NO' if failed else 'yes':>3} {common:6.1%} {order:6.1%} {t1:8.2f} {t2:9.2f} {mem/1024:5.0f}{'  (RTL)' if rtl else ''}")
n = len(rows)
ok = [r for r in rows if not r[1]]
print(f"\n{n} PDFs that poppler reads; unprog failed on {n - len(ok)}")
if ok:
    print(f"characters in common with pdftotext: mean {sum(r[2] for r in ok)/len(ok):.1%}, "
          f"same order: mean {sum(r[3] for r in ok)/len(ok):.1%}")
    ar = [r for r in ok if r[7]]
    if ar:
        print(f"Arabic-script files: {len(ar)}, same order mean {sum(r[3] for r in ar)/len(ar):.1%}, "
              f"min {min(r[3] for r in ar):.1%}")
    print(f"time: unprog {sum(r[4] for r in rows):.1f} s, pdftotext {sum(r[5] for r in rows):.1f} s; "
          f"peak memory max {max(r[6] for r in rows)/1024:.0f} MB")
