#!/usr/bin/env python3
"""Build fixtures/broken/: hostile and damaged inputs for the robustness tests.

Each file is small (the bombs are small compressed). Needs qpdf for the
encrypted sample (scripts/make_broken.sh installs it). Run from anywhere:
    python3 scripts/make_broken.py
"""
import pathlib
import random
import subprocess
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "broken"
GOOD = ROOT / "fixtures" / "pdf" / "oewg-s4-en.pdf"


def pdf(objects, root=1):
    """Writes a PDF from {num: bytes} object bodies with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += f"{num} 0 obj\n".encode() + objects[num] + b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for num in range(1, size):
        out += (f"{offsets[num]:010d} 00000 n \n" if num in offsets else "0000000000 65535 f \n").encode()
    out += f"trailer\n<< /Size {size} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def stream(data, compress=False, extra=b""):
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def simple_doc(contents, font=b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
               extra_objects=None, resources_extra=b""):
    """Catalog 1, Pages 2, Font 3, then one page + content per entry of `contents`."""
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>", 3: font}
    kids = []
    n = 4
    for c in contents:
        objs[n] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                   b"/Resources << /Font << /F1 3 0 R >> %s >> >>" % (n + 1, resources_extra))
        objs[n + 1] = c
        kids.append(n)
        n += 2
    objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    for k, v in (extra_objects or {}).items():
        objs[k] = v
    return pdf(objs)


def text(s):
    return stream(b"BT /F1 12 Tf 72 700 Td (%s) Tj ET" % s.encode())


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(20231125)
    files = {}
    files["empty.pdf"] = b""
    files["random-bytes.pdf"] = bytes(rnd.getrandbits(8) for _ in range(4096))
    files["html-saved-as.pdf"] = b"<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>Not found</body></html>\n"
    good = GOOD.read_bytes()
    for frac in (10, 50, 90):
        files[f"truncated-{frac}pct.pdf"] = good[: len(good) * frac // 100]
    # Cut just before the cross-reference table: every object is there.
    files["truncated-before-xref.pdf"] = good[: good.rindex(b"xref")]
    # Cut after the page objects but before the page tree and catalog.
    files["truncated-after-pages.pdf"] = good[: good.index(b"/Type/Pages")]
    # A cross-reference table whose offsets all point at the wrong place.
    ok = simple_doc([text("Bad xref")])
    x = ok.rindex(b"xref\n")
    body, tail = ok[:x], ok[x:]
    tail = b"\n".join(ln if not ln.endswith(b" n ") else b"%010d 00000 n " % 7 for ln in tail.split(b"\n"))
    files["bad-xref.pdf"] = body + tail
    # An object that is its own parent in the page tree, and a form that paints itself.
    files["reference-loop.pdf"] = pdf({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 2 /Parent 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
           b"/Resources << /Font << /F1 3 0 R >> /XObject << /X1 6 0 R >> >> >>",
        5: stream(b"BT /F1 12 Tf 72 700 Td (Loop) Tj ET /X1 Do"),
        6: stream(b"/X1 Do", extra=b" /Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                  b"/Resources << /XObject << /X1 6 0 R >> >>"),
    })
    # 10 MB of zeros per stream, a few KB compressed; three pages of it.
    bomb = stream(b"BT /F1 12 Tf 72 700 Td (Bomb) Tj ET\n" + b" " * (10 << 20), compress=True)
    files["decompression-bomb.pdf"] = simple_doc([bomb, bomb, bomb])
    # Arrays nested 100,000 deep in the content stream and in an object.
    deep = b"[" * 100_000 + b"]" * 100_000
    files["deep-nesting.pdf"] = simple_doc([stream(deep + b" TJ BT /F1 12 Tf 72 700 Td (Deep) Tj ET")],
                                           extra_objects={20: b"[" * 50_000 + b"]" * 50_000})
    # A font whose program and encoding are garbage.
    files["broken-font.pdf"] = simple_doc(
        [text("Broken font")],
        font=b"<< /Type /Font /Subtype /Type0 /BaseFont /Broken /Encoding /NoSuchCMap "
             b"/DescendantFonts [ << /Subtype /CIDFontType2 /W [ 1 [ (x) ] ] /FontDescriptor << /FontFile2 99 0 R >> >> ] "
             b"/ToUnicode 98 0 R >>",
        extra_objects={98: stream(b"begincmap garbage <zz> endcmap"), 99: stream(b"\x00\x01junk")})
    # 2,000 pages (each a line of text).
    files["two-thousand-pages.pdf"] = simple_doc([text(f"Page {i + 1}") for i in range(2000)])
    for name, data in files.items():
        (OUT / name).write_bytes(data)
        print(f"wrote fixtures/broken/{name} ({len(data)} bytes)")
    # Encrypted with a user password (qpdf).
    subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", str(GOOD), str(OUT / "encrypted.pdf")],
                   check=True)
    print("wrote fixtures/broken/encrypted.pdf")


if __name__ == "__main__":
    main()
