"""The LibreOffice producer: a Document (document.py) as a Flat ODT file, which
`soffice --convert-to pdf` turns into the PDF. Embedded subset fonts with
ToUnicode maps, footnotes at the page foot, the table's header row repeated on
every page."""

from xml.sax.saxutils import escape

FONTS = {
    "latin": "Noto Serif",
    "zh": "Noto Serif CJK SC",
    "ar": "Noto Naskh Arabic",
}

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"')


def inline(segments):
    """Inline segments as ODT: links as text:a, footnotes as text:note."""
    out = []
    for seg in segments:
        if seg[0] == "t":
            out.append(escape(seg[1]))
        elif seg[0] == "a":
            out.append(f'<text:a xlink:type="simple" xlink:href="{escape(seg[2])}">{escape(seg[1])}</text:a>')
        elif seg[0] == "fn":
            marker, body = seg[1], seg[2]
            out.append(f'<text:note text:id="ftn{marker}" text:note-class="footnote">'
                       f'<text:note-citation>{marker}</text:note-citation>'
                       f'<text:note-body><text:p text:style-name="Footnote">{inline(body)}</text:p>'
                       f'</text:note-body></text:note>')
    return "".join(out)


def styles(doc):
    lang, variant = doc.lang, doc.variant
    rtl = lang == "ar"
    wm = ' style:writing-mode="rl-tb"' if rtl else ""
    align = "end" if rtl else "start"
    landscape = variant.get("landscape", False)
    w, h = ("11in", "8.5in") if landscape else ("8.5in", "11in")
    margin_lr = variant.get("margin", "1in")
    rule = "0.5pt solid #000000"
    border = rule if doc.table.borders == "all" else "none"
    head_border = (f'fo:border="{rule}"' if doc.table.borders == "all"
                   else f'fo:border="none" fo:border-top="{rule}" fo:border-bottom="{rule}"'
                   if doc.table.borders == "header" else 'fo:border="none"')
    latin, cjk, ctl = FONTS["latin"], FONTS["zh"], FONTS["ar"]
    table_w = f"{sum(doc.table.widths):.2f}in"
    columns = "".join(
        f'<style:style style:name="Col{i}" style:family="table-column">'
        f'<style:table-column-properties style:column-width="{w:.2f}in"/></style:style>'
        for i, w in enumerate(doc.table.widths))
    fonts = (f'<office:font-face-decls>'
             f'<style:font-face style:name="{latin}" svg:font-family="\'{latin}\'"/>'
             f'<style:font-face style:name="{cjk}" svg:font-family="\'{cjk}\'"/>'
             f'<style:font-face style:name="{ctl}" svg:font-family="\'{ctl}\'"/>'
             f'</office:font-face-decls>')
    text_props = (f'style:font-name="{latin}" fo:font-size="10pt" '
                  f'style:font-name-asian="{cjk}" style:font-size-asian="10pt" '
                  f'style:font-name-complex="{ctl}" style:font-size-complex="12pt"')
    common = f"""
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:text-align="{align}"{wm}/>
  <style:text-properties {text_props} fo:language="{'zh' if lang == 'zh' else 'en'}"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="0.3in" fo:text-indent="-0.3in"{wm}/>
  <style:text-properties fo:font-size="8pt" style:font-size-asian="8pt" style:font-size-complex="9pt"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph">
  <style:text-properties fo:font-size="8pt" style:font-size-asian="8pt" style:font-size-complex="8pt" fo:font-weight="bold"/>
 </style:style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>"""
    auto = f"""
<office:automatic-styles>
 <style:page-layout style:name="pmFirst">
  <style:page-layout-properties fo:page-width="{w}" fo:page-height="{h}" fo:margin-top="0.5in" fo:margin-bottom="0.4in" fo:margin-left="{margin_lr}" fo:margin-right="{margin_lr}"{wm}>
   <style:footnote-sep style:width="0.007in" style:distance-before-sep="0.04in" style:distance-after-sep="0.04in" style:line-style="solid" style:adjustment="{'right' if rtl else 'left'}" style:rel-width="25%" style:color="#000000"/>
  </style:page-layout-properties>
  <style:footer-style><style:header-footer-properties fo:min-height="0.3in" fo:margin-top="0.15in"/></style:footer-style>
 </style:page-layout>
 <style:page-layout style:name="pmRest">
  <style:page-layout-properties fo:page-width="{w}" fo:page-height="{h}" fo:margin-top="0.4in" fo:margin-bottom="0.4in" fo:margin-left="{margin_lr}" fo:margin-right="{margin_lr}"{wm}>
   <style:footnote-sep style:width="0.007in" style:distance-before-sep="0.04in" style:distance-after-sep="0.04in" style:line-style="solid" style:adjustment="{'right' if rtl else 'left'}" style:rel-width="25%" style:color="#000000"/>
  </style:page-layout-properties>
  <style:header-style><style:header-footer-properties fo:min-height="0.3in" fo:margin-bottom="0.15in"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.3in" fo:margin-top="0.15in"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="PFirst" style:family="paragraph" style:master-page-name="First">
  <style:paragraph-properties{wm}/>
 </style:style>
 <style:style style:name="Big" style:family="paragraph">
  <style:paragraph-properties{wm}/>
  <style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" style:font-size-complex="18pt" fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="Right" style:family="paragraph">
  <style:paragraph-properties fo:text-align="{'start' if rtl else 'end'}"{wm}/>
 </style:style>
 <style:style style:name="Bold" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.08in"{wm}/>
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.2in" fo:margin-bottom="0.1in"{wm}/>
  <style:text-properties fo:font-size="14pt" style:font-size-asian="14pt" style:font-size-complex="16pt" fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="Para" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="0.5in" fo:text-align="{'end' if rtl else 'justify'}" fo:margin-bottom="0.08in"{wm}/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.05in"{wm}/>
 </style:style>
 <style:style style:name="CellHead" style:family="paragraph">
  <style:paragraph-properties{wm}/>
  <style:text-properties fo:font-style="italic" style:font-style-asian="italic" style:font-style-complex="italic" fo:font-size="9pt" style:font-size-asian="9pt" style:font-size-complex="10pt"/>
 </style:style>
 <style:style style:name="Day" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.05in" fo:margin-bottom="0.05in"{wm}/>
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/>
 </style:style>
 <style:style style:name="Sub" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="0.3in" fo:margin-bottom="0.05in" fo:text-indent="-0.3in"{wm}/>
 </style:style>
 <style:style style:name="Topic" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.05in"{wm}/>
  <style:text-properties fo:font-style="italic" style:font-style-complex="italic"/>
 </style:style>
 <style:style style:name="Bullet" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="0.5in" fo:margin-bottom="0.04in" fo:text-indent="-0.2in"{wm}/>
 </style:style>
 <style:style style:name="Speaker" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="0.45in" fo:text-indent="-0.2in"{wm}/>
 </style:style>
 <style:style style:name="Tbl" style:family="table">
  <style:table-properties style:width="{table_w}" table:align="{'right' if rtl else 'left'}"{wm}/>
 </style:style>
 {columns}
 <style:style style:name="Cl" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.04in" fo:border="{border}"/>
 </style:style>
 <style:style style:name="ClHead" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.04in" {head_border}/>
 </style:style>
 <style:style style:name="Mast" style:family="table" style:master-page-name="First"><style:table-properties style:width="{table_w}"{wm}/></style:style>
 <style:style style:name="MastL" style:family="table-column"><style:table-column-properties style:column-width="3.2in"/></style:style>
 <style:style style:name="MastR" style:family="table-column"><style:table-column-properties style:column-width="{float(table_w[:-2]) - 3.2:.2f}in"/></style:style>
 <style:style style:name="MastCell" style:family="table-cell"><style:table-cell-properties fo:padding="0in" fo:border="none"/></style:style>
 <style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
</office:automatic-styles>"""
    return fonts + common + auto



def masters(doc):
    job, letter = doc.job_number, doc.words["letter"]
    return f"""
<office:master-styles>
 <style:master-page style:name="First" style:page-layout-name="pmFirst" style:next-style-name="Standard">
  <style:footer><text:p text:style-name="Header">{job} ({letter})</text:p></style:footer>
 </style:master-page>
 <style:master-page style:name="Standard" style:page-layout-name="pmRest">
  <style:header><text:p text:style-name="Header">{escape(doc.symbol)}</text:p></style:header>
  <style:footer><text:p text:style-name="Header"><text:page-number text:select-page="current"/>/<text:page-count/><text:tab/>{job}</text:p></style:footer>
 </style:master-page>
</office:master-styles>"""


def p(style, inner):
    return f'<text:p text:style-name="{style}">{inner}</text:p>'


STYLE = {"day": "Day", "time": "Cell", "room": "Cell", "event": "Cell", "agenda": "Cell",
         "sub": "Sub", "topic": "Topic", "bullet": "Bullet", "speaker": "Speaker", "head": "CellHead"}


def para(q):
    label = f"{escape(q.label)}<text:tab/>" if q.label else ""
    return p(STYLE[q.kind], label + inline(q.inline))


def cell(c, head=False):
    body = "".join(para(q) for q in c.paras) or p("Cell", "")
    span = ""
    if c.rowspan > 1:
        span += f' table:number-rows-spanned="{c.rowspan}"'
    if c.colspan > 1:
        span += f' table:number-columns-spanned="{c.colspan}"'
    style = "ClHead" if head else "Cl"
    out = f'<table:table-cell table:style-name="{style}"{span} office:value-type="string">{body}</table:table-cell>'
    return out + "<table:covered-table-cell/>" * (c.colspan - 1)


def masthead(doc):
    w = doc.words
    out = []

    def mcell(ps):
        return f'<table:table-cell table:style-name="MastCell" office:value-type="string">{"".join(ps)}</table:table-cell>'

    right = [p("Right", escape(w["distr"])), p("Right", escape(doc.issue_date))]
    for line in w["original"].split("\n"):
        right.append(p("Right", escape(line)))
    out.append('<table:table table:name="Masthead" table:style-name="Mast">'
               '<table:table-column table:style-name="MastL"/><table:table-column table:style-name="MastR"/>'
               '<table:table-row>' + mcell([p("PFirst", escape(w["un"]))]) + mcell([p("Right", escape(doc.symbol))]) + '</table:table-row>'
               '<table:table-row>' + mcell([p("Big", escape(doc.organ))]) + mcell(right) + '</table:table-row>'
               '</table:table>')
    out.append(p("Bold", escape(doc.body)))
    out.append(p("Bold", escape(doc.session)))
    out.append(p("Standard", escape(doc.session_dates)))
    out.append(p("Title", escape(w["title"])))
    out.append(p("Bold", escape(w["note"])))
    for i, para_ in enumerate(doc.note, 1):
        out.append(p("Para", f"{i}.<text:tab/>" + inline(para_)))
    out.append(p("Title", escape(w["annex"])))
    out.append(p("Title", escape(w["title"])))
    return out


def timetable(doc):
    t = doc.table
    # Cells covered by a row span above, per column index.
    covered = [0] * len(t.columns)
    rows = []
    for r in t.rows:
        out, col, cells = [], 0, list(r.cells)
        while col < len(t.columns):
            if covered[col] > 0:
                covered[col] -= 1
                out.append("<table:covered-table-cell/>")
                col += 1
                continue
            c = cells.pop(0)
            out.append(cell(c))
            if c.rowspan > 1:
                covered[col] = c.rowspan - 1
            col += c.colspan
        rows.append("<table:table-row>" + "".join(out) + "</table:table-row>")
    header = ('<table:table-header-rows><table:table-row>'
              + "".join(cell(c, head=True) for c in t.header.cells)
              + '</table:table-row></table:table-header-rows>')
    cols = "".join(f'<table:table-column table:style-name="Col{i}"/>' for i in range(len(t.columns)))
    return ('<table:table table:name="Programme" table:style-name="Tbl">' + cols
            + header + "".join(rows) + '</table:table>')


def fodt(doc):
    """The Flat ODT text of a Document."""
    meta = (f'<office:meta><dc:title>{escape(doc.symbol)}</dc:title>'
            f'<dc:language>{doc.lang}</dc:language>'
            f'<meta:initial-creator>United Nations</meta:initial-creator></office:meta>')
    body = "".join(masthead(doc)) + timetable(doc)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
            f'office:mimetype="application/vnd.oasis.opendocument.text">'
            + meta + styles(doc) + masters(doc)
            + f'<office:body><office:text>{body}</office:text></office:body></office:document>')
