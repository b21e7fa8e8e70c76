"""The browser producer: a Document (document.py) as the HTML page a web author
would write for it, printed to PDF by headless Chromium.

The page is plain semantic HTML with one style sheet: the masthead, the note,
the annex and the programme as a <table> whose header row sits in <thead>, so
Chromium repeats it on every page. A browser has no page-foot footnotes: the
footnote texts follow the table under a short rule, each opened by its marker,
as web pages print them. Right-to-left pages (Arabic) set dir="rtl" on <html>
and use only logical CSS properties, so the table, the hanging labels and the
running header mirror by themselves.

Variant keys (doc.variant), defaults first:
  bullets        "text": a question's bullet is a character of its paragraph;
                 "list": questions are <ul><li> with the browser's disc markers
                 (Chromium paints a disc as a filled path, not as a glyph).
  header_footer  "un": running header (the symbol) and footer (page x/y and the
                 job number) in CSS @page margin boxes, printed with
                 --no-pdf-header-footer; "browser": Chromium's own header and
                 footer (date, <title>, file URL, page x/y).
  page           "letter" or "a4"; `landscape` (bool) turns it.
  font           "noto" (Noto Serif, Noto Serif CJK SC, Noto Naskh Arabic),
                 "liberation" (Liberation Serif, Noto for Chinese and Arabic) or
                 "sans" (DejaVu Sans, Noto Sans CJK SC, Noto Sans Arabic).
  margin         left and right page margin ("1in" on Letter, "2cm" on A4).
  day_underline  day labels bold and underlined (True) or bold only.
  footnote_links footnote markers link to their texts and back (False).

print_to_pdf() learns the header_footer choice from the page itself (a
<meta name="print-header-footer">), as make_fixtures.py hands it only paths.
"""

import os
import re
import shutil
import signal
import subprocess
import tempfile
from html import escape

# Default side margins: an inch on Letter, 2 cm on A4, so that a 6.5in table
# fits and Chromium need not shrink the page to fit it.
SIDE_MARGINS = {"letter": "1in", "a4": "2cm"}

# Font stacks per variant: the Latin/Cyrillic face, then the Chinese and the
# Arabic ones. An Arabic page names its Arabic face first.
FONTS = {
    "noto": ("Noto Serif", "Noto Serif CJK SC", "Noto Naskh Arabic", "serif"),
    "liberation": ("Liberation Serif", "Noto Serif CJK SC", "Noto Naskh Arabic", "serif"),
    "sans": ("DejaVu Sans", "Noto Sans CJK SC", "Noto Sans Arabic", "sans-serif"),
}

CHROMIUM = "chromium"
TIMEOUT = 120  # seconds
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]


def font_family(doc):
    """The CSS font-family list of the page."""
    latin, cjk, arabic, generic = FONTS[doc.variant.get("font", "noto")]
    faces = [arabic, latin, cjk] if doc.rtl else [latin, cjk, arabic]
    return ", ".join(f'"{f}"' for f in faces) + f", {generic}"


def esc(text):
    """Text as HTML character data."""
    return escape(text, quote=False)


def css_string(text):
    """A CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def inline(segments, fn_links=False):
    """Inline segments as HTML: links as <a href>, footnote references as
    superscript markers."""
    out = []
    for seg in segments:
        if seg[0] == "t":
            out.append(esc(seg[1]))
        elif seg[0] == "a":
            out.append(f'<a href="{escape(seg[2])}">{esc(seg[1])}</a>')
        elif seg[0] == "fn":
            marker = escape(seg[1])
            if fn_links:
                out.append(f'<sup id="fnref{marker}"><a href="#fn{marker}">{marker}</a></sup>')
            else:
                out.append(f"<sup>{marker}</sup>")
    return "".join(out)


def para(q, fn_links):
    """One cell paragraph: a <p> of its kind, its label (if any) hanging."""
    label = f'<span class="label">{esc(q.label)}</span>' if q.label else ""
    return f'<p class="{q.kind}">{label}{inline(q.inline, fn_links)}</p>'


def cell_body(paras, bullets, fn_links):
    """The paragraphs of a cell; with bullets="list", each run of questions
    becomes one <ul>."""
    out, items = [], []
    for q in paras:
        if q.kind == "bullet" and bullets == "list":
            items.append(f"<li>{inline(q.inline, fn_links)}</li>")
            continue
        if items:
            out.append('<ul class="questions">' + "".join(items) + "</ul>")
            items = []
        out.append(para(q, fn_links))
    if items:
        out.append('<ul class="questions">' + "".join(items) + "</ul>")
    return "".join(out)


def cell(c, tag, bullets, fn_links):
    """A <td> or <th> with its spans."""
    attrs = f' class="{c.column}"'
    if c.rowspan > 1:
        attrs += f' rowspan="{c.rowspan}"'
    if c.colspan > 1:
        attrs += f' colspan="{c.colspan}"'
    return f"<{tag}{attrs}>{cell_body(c.paras, bullets, fn_links)}</{tag}>"


def programme(doc):
    """The programme table. Rows and cells follow doc.table exactly: a cell
    covered by a row span above is simply absent from its row, as in HTML."""
    t = doc.table
    bullets = doc.variant.get("bullets", "text")
    fn_links = doc.variant.get("footnote_links", False)
    # The programme column takes what the others leave of the table's width:
    # the collapsed outer rules then stay inside it (fixed widths on every
    # column make the table a pixel wider and Chromium shrink the page to fit).
    cols = "".join("<col>" if c == "programme" else f'<col style="width: {w:.2f}in">'
                   for c, w in zip(t.columns, t.widths, strict=True))
    head = "".join(cell(c, "th", bullets, fn_links) for c in t.header.cells)
    rows = []
    for r in t.rows:
        cells = "".join(cell(c, "td", bullets, fn_links) for c in r.cells)
        rows.append(f'<tr class="{r.kind}">{cells}</tr>')
    classes = f"programme {t.layout} borders-{t.borders}"
    if not doc.variant.get("day_underline", True):
        classes += " plain-days"
    return (f'<table class="{classes}" '
            f'style="width: {sum(t.widths):.2f}in">\n'
            f"<colgroup>{cols}</colgroup>\n"
            f"<thead><tr>{head}</tr></thead>\n"
            "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")


def masthead(doc):
    """The masthead, session lines, note and annex headings above the table."""
    w = doc.words
    distribution = [w["distr"], doc.issue_date] + w["original"].split("\n")
    fn_links = doc.variant.get("footnote_links", False)
    note = "\n".join(
        f'<p class="numbered"><span class="label">{i}.</span>{inline(p, fn_links)}</p>'
        for i, p in enumerate(doc.note, 1))
    return f"""<header class="masthead">
<p class="un">{esc(w["un"])}</p>
<p class="symbol">{esc(doc.symbol)}</p>
<p class="organ">{esc(doc.organ)}</p>
<div class="distribution">{"".join(f"<p>{esc(x)}</p>" for x in distribution)}</div>
</header>
<p class="strong">{esc(doc.body)}</p>
<p class="strong">{esc(doc.session)}</p>
<p>{esc(doc.session_dates)}</p>
<h1>{esc(w["title"])}</h1>
<h2>{esc(w["note"])}</h2>
{note}
<h1>{esc(w["annex"])}</h1>
<h1>{esc(w["title"])}</h1>"""


def footnotes(doc):
    """The footnote texts after the table, under a short rule."""
    if not doc.footnotes:
        return ""
    fn_links = doc.variant.get("footnote_links", False)
    out = []
    for marker, body in doc.footnotes:
        m = escape(marker)
        sup = f'<sup><a href="#fnref{m}">{m}</a></sup>' if fn_links else f"<sup>{m}</sup>"
        out.append(f'<p id="fn{m}">{sup} {inline(body, fn_links)}</p>')
    return '<section class="footnotes">\n<hr>\n' + "\n".join(out) + "\n</section>"


def page_rules(doc):
    """@page: size, margins and (header_footer="un") the running header and
    footer in margin boxes, on the start side of the page."""
    size = f"{doc.page}{' landscape' if doc.landscape else ''}"
    margin = doc.variant.get("margin", SIDE_MARGINS[doc.page])
    rules = [f"size: {size};", f"margin: 0.9in {margin};"]
    if doc.variant.get("header_footer", "un") != "un":
        return "@page { " + " ".join(rules) + " }"
    start = "right" if doc.rtl else "left"
    box = (f"font-family: {font_family(doc)}; font-size: 8pt; font-weight: bold; "
           f"direction: {'rtl' if doc.rtl else 'ltr'};")
    symbol, job = css_string(doc.symbol), css_string(doc.job_number)
    first_job = css_string(f"{doc.job_number} ({doc.words['letter']})")
    return f"""@page {{
  {" ".join(rules)}
  @top-{start} {{ content: {symbol}; vertical-align: bottom; padding-bottom: 0.25in; {box} }}
  @bottom-{start} {{ content: counter(page) "/" counter(pages) "\\2003\\2003" {job};
    vertical-align: top; padding-top: 0.25in; {box} }}
}}
@page :first {{
  @top-{start} {{ content: none; }}
  @bottom-{start} {{ content: {first_job}; }}
}}"""


# The style sheet every page shares; stylesheet() adds the page's own rules.
CSS = """
html { font-size: 10pt; line-height: 1.3; }
html:lang(ar) { font-size: 12pt; }  /* Arabic faces read small at Latin sizes */
body { margin: 0; }
p { margin: 0; }
a { color: #0645ad; }
.masthead { display: grid; grid-template-columns: 1fr auto; align-items: end;
  border-bottom: 2pt solid #000; padding-bottom: 4pt; margin-bottom: 12pt; }
.masthead .symbol { font-size: 1.2em; text-align: end; }
.masthead .organ { font-size: 1.6em; font-weight: bold; align-self: start; margin-top: 4pt; }
.masthead .distribution { text-align: end; margin-top: 4pt; }
.strong { font-weight: bold; margin-top: 6pt; }
h1 { font-size: 1.4em; margin: 16pt 0 8pt; }
h2 { font-size: 1em; margin: 12pt 0 6pt; }
.numbered { margin: 0 0 6pt; margin-inline-start: 0.5in; text-align: justify; }
.numbered .label { display: inline-block; min-width: 0.5in; }
.programme { border-collapse: collapse; table-layout: fixed; margin-top: 6pt; }
.programme th, .programme td { vertical-align: top; text-align: start; padding: 3pt 4pt; }
.programme.borders-all th, .programme.borders-all td { border: 0.5pt solid #000; }
.programme.borders-header th { border-top: 0.5pt solid #000; border-bottom: 0.5pt solid #000; }
.programme th { font-weight: normal; font-style: italic; font-size: 0.9em; }
.programme td p { margin-bottom: 3pt; }
.programme .day { font-weight: bold; text-decoration: underline; margin: 2pt 0; }
.programme.plain-days .day { text-decoration: none; }
.programme .topic { font-style: italic; }
.programme .label { display: inline-block; text-indent: 0; }
.programme .sub { padding-inline-start: 0.3in; text-indent: -0.3in; }
.programme .sub .label { min-width: 0.3in; }
.programme .speaker { padding-inline-start: 0.45in; text-indent: -0.2in; margin-bottom: 0; }
.programme .speaker .label { min-width: 0.2in; }
.programme .bullet { padding-inline-start: 0.5in; text-indent: -0.2in; }
.programme .bullet .label { min-width: 0.2in; }
.programme ul { margin: 0 0 3pt; padding-inline-start: 0.5in; }
.programme li { margin-bottom: 2pt; }
.footnotes { font-size: 0.8em; margin-top: 12pt; }
.footnotes hr { width: 1.5in; margin: 0 0 4pt; margin-inline-end: auto; border: 0;
  border-top: 0.5pt solid #000; }
.footnotes p { margin-bottom: 2pt; }
"""


def stylesheet(doc):
    """The page's style sheet: its @page rules and fonts, then CSS."""
    return f"{page_rules(doc)}\nhtml {{ font-family: {font_family(doc)}; }}{CSS}"


def html(doc):
    """The HTML page of a Document."""
    header_footer = doc.variant.get("header_footer", "un")
    dir_ = "rtl" if doc.rtl else "ltr"
    return f"""<!DOCTYPE html>
<html lang="{doc.lang}" dir="{dir_}">
<head>
<meta charset="utf-8">
<meta name="print-header-footer" content="{escape(header_footer)}">
<meta name="print-clock" content="{escape(doc.issued)} 09:30:00">
<title>{esc(doc.symbol)}</title>
<style>
{stylesheet(doc)}
</style>
</head>
<body>
{masthead(doc)}
{programme(doc)}
{footnotes(doc)}
</body>
</html>
"""


def print_to_pdf(src, out, tmp):
    """Prints the page `src` to the PDF `out` with headless Chromium (a fresh
    profile under `tmp`); returns `out`."""
    page = src.read_text(encoding="utf-8")
    m = re.search(r'<meta name="print-header-footer" content="([a-z]+)">', page)
    browser_header_footer = m is not None and m.group(1) == "browser"
    profile = tempfile.mkdtemp(prefix="chromium-", dir=tmp)
    out.unlink(missing_ok=True)
    cmd = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={out}"]
    if not browser_header_footer:
        cmd.append("--no-pdf-header-footer")
    else:
        # The browser prints the date and time in its header: print as on
        # the issue date, so that the fixture can be made again the same.
        clock = re.search(r'<meta name="print-clock" content="([^"]+)">', page)
        if clock and shutil.which("faketime"):
            cmd = ["faketime", clock.group(1), *cmd]
    cmd.append(src.resolve().as_uri())
    # Its own process group, so that a hung Chromium goes with its helpers.
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        _, err = proc.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise RuntimeError(f"chromium timed out printing {src}") from None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if proc.returncode != 0 or not out.exists() or not out.read_bytes().startswith(b"%PDF"):
        tail = err.decode(errors="replace").strip().splitlines()[-5:]
        raise RuntimeError(f"chromium wrote no PDF for {src} (exit {proc.returncode}):\n"
                           + "\n".join(tail))
    return out
