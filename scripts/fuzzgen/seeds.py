#!/usr/bin/env python3
"""Small, uncompressed seed PDFs for the `extract` fuzz target.

The fixture PDFs are 30-190 KB, mostly embedded font programs and Flate data,
so most mutations of them only break compression. These seeds are a few KB of
plain objects that exercise what unprog itself parses: the content lexer and
interpreter (text operators, arrays, strings with escapes, inline images,
forms), ToUnicode CMaps (bfchar, bfrange with arrays), widths (W arrays),
link annotations, rules and rectangles, and Arabic in visual order.

Usage: seeds.py OUT_DIR
"""
import os
import sys


def pdf(objects):
    """objects: list of bytes (object bodies, numbered from 1); catalog is 1."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        len(objects),
        xref,
    )
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


INFO = b"<< /Title (Provisional programme of work) /Producer (fuzz seeds) /CreationDate (D:20230306100000Z) >>"


def simple_latin():
    content = b"""BT /F1 10 Tf 72 720 Td (A/AC.292/2023/INF/1) Tj
0 -14 TD (Monday, 6 March) Tj T* (10 a.m.\\2261 p.m.) Tj
[(Agenda) -250 (item) -250 (5) 120 (:)] TJ
/F1 6 Tf 4 Ts (1) Tj 0 Ts /F1 10 Tf
2 0 0 2 72 600 Tm (\\(continued\\)) Tj 1 0 0 1 72 580 Tm
12 TL (Focused discussion on) ' 1 0.5 (funding:) "
ET
q 0.5 w 72 560 m 540 560 l S 72 400 200 100 re f Q
BI /W 2 /H 2 /BPC 8 /CS /G ID \x00\xff\xff\x00 EI
"""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126 /Widths [" + b" 500" * 95 + b"] >>",
        INFO,
    ])


def type0_cjk():
    # Codes 0001.. map to 上午时至下午月日星期一 and Latin digits.
    cmap = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Fuzz def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar
<0001> <4E0A> <0002> <5348> <0003> <65F6>
endbfchar
2 beginbfrange
<0004> <0006> <81F3>
<0010> <0012> [<0031> <0030> <003A>]
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""
    content = b"""BT /F2 10.5 Tf 1 0 0 1 90 700 Tm <0001000200100011> Tj
[<0003> -500 <00040005>] TJ 0 -15 Td <0006001200100010> Tj ET
BT /F2 10.5 Tf 300 700 Td <000100020003> Tj ET
"""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Lang (zh-CN) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F2 5 0 R >> >> /Contents 4 0 R >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [1 [1000 1000 1000] 4 6 1000 16 [500 500 250]] >>",
        stream(cmap),
        INFO,
    ])


def forms_and_links():
    form = b"BT /F1 9 Tf 0 0 Td (Footnote text in a form) Tj ET 0 0 m 100 0 l S"
    content = b"""q 1 0 0 1 72 100 cm /Fm1 Do Q
BT /F1 10 Tf 72 700 Td (See A/77/275 and https://undocs.org/A/77/275) Tj ET
q 0 0 1 rg 72 690 150 12 re f Q
"""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >> /Contents 4 0 R /Annots [7 0 R 8 0 R] >>",
        stream(content),
        b"<< /Type /Font /Subtype /TrueType /BaseFont /Arial /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 126 /Widths [" + b" 556" * 95 + b"] >>",
        stream(form, b"/Type /XObject /Subtype /Form /BBox [0 0 300 50] /Resources << /Font << /F1 5 0 R >> >> /Matrix [1 0 0 1 0 0] "),
        b"<< /Type /Annot /Subtype /Link /Rect [72 695 300 710] /A << /S /URI /URI (https://undocs.org/A/77/275) >> >>",
        b"<< /Type /Annot /Subtype /Link /Rect [10 10 20 20] /Dest [3 0 R /XYZ 0 0 0] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << >> /Contents [4 0 R 4 0 R] /Rotate 90 >>",
        INFO,
    ])


def arabic_visual():
    # Glyph codes map to Arabic letters (and a lam-alef ligature), painted
    # right to left as PDF writers do.
    cmap = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /FuzzAr def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
6 beginbfchar
<01> <0627> <02> <0644> <03> <062B> <04> <0646> <05> <064A> <06> <FEFB>
endbfchar
1 beginbfrange <30> <39> <0030> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""
    content = b"BT /F3 12 Tf 400 700 Td <0504030201> Tj -60 0 Td <3130> Tj -30 0 Td <06> Tj ET\n"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Lang (ar) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F3 5 0 R >> >> /Contents 4 0 R >>",
        stream(content),
        b"<< /Type /Font /Subtype /TrueType /BaseFont /ArialArabic /FirstChar 0 /LastChar 255 /Widths [" + b" 600" * 256 + b"] /ToUnicode 6 0 R >>",
        stream(cmap),
        INFO,
    ])


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, make in [
        ("seed-latin", simple_latin),
        ("seed-type0-cjk", type0_cjk),
        ("seed-forms-links", forms_and_links),
        ("seed-arabic", arabic_visual),
    ]:
        with open(os.path.join(out, name + ".pdf"), "wb") as f:
            f.write(make())


if __name__ == "__main__":
    main()
