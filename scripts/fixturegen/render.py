"""Render one programme source (fixtures/source/*.json) in one language to a
Flat ODT document that LibreOffice converts to PDF, and compute the expected
programme model for that PDF from the same source."""

import re
from xml.sax.saxutils import escape

from . import lang as L

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


def tr(d, lang):
    """Pick a language's wording from a {"en": ..., "fr": ...} dict."""
    return d[lang]


class Doc:
    """Accumulates the body of one document and its link and footnote state.

    `src` is a programme source; its texts are ids into `phrases`
    (fixtures/source/phrases.json), which holds the wording in each language.
    """

    def __init__(self, src, phrases, lang):
        self.src = src
        self.ph = phrases
        self.lang = lang
        self.rtl = lang == "ar"
        self.links = phrases.get("links", {})
        self.link_re = None
        if self.links:
            keys = sorted(self.links, key=len, reverse=True)
            self.link_re = re.compile("|".join(re.escape(k) for k in keys))
        self.footnote_ids = footnote_order(src)

    def inline(self, text):
        """Escape text and turn known document symbols into hyperlinks."""
        if not self.link_re:
            return escape(text)
        out, pos = [], 0
        for m in self.link_re.finditer(text):
            out.append(escape(text[pos:m.start()]))
            url = self.links[m.group(0)]
            out.append(f'<text:a xlink:type="simple" xlink:href="{escape(url)}">{escape(m.group(0))}</text:a>')
            pos = m.end()
        out.append(escape(text[pos:]))
        return "".join(out)

    def t(self, table, key):
        """A phrase in this document's language."""
        return self.ph[table][key][self.lang]

    def note(self, fid):
        marker = str(self.footnote_ids.index(fid) + 1)
        body = self.inline(self.t("footnotes", fid))
        return (f'<text:note text:id="ftn{marker}" text:note-class="footnote">'
                f'<text:note-citation>{marker}</text:note-citation>'
                f'<text:note-body><text:p text:style-name="Footnote">{body}</text:p></text:note-body></text:note>')


def footnote_order(src):
    """Footnote ids in order of appearance (LibreOffice numbers them so)."""
    out = []
    for day in src["days"]:
        for slot in day["slots"]:
            for item in slot["items"]:
                f = item.get("footnote")
                if f and f not in out:
                    out.append(f)
    return out


def styles(lang, variant):
    rtl = lang == "ar"
    wm = ' style:writing-mode="rl-tb"' if rtl else ""
    align = "end" if rtl else "start"
    landscape = variant.get("landscape", False)
    w, h = ("11in", "8.5in") if landscape else ("8.5in", "11in")
    margin_lr = variant.get("margin", "1in")
    border = "0.5pt solid #000000" if variant.get("borders", True) else "none"
    latin, cjk, ctl = FONTS["latin"], FONTS["zh"], FONTS["ar"]
    left_col = variant.get("left_col", "1.55in")
    table_w = variant.get("table_width", "6.5in" if not landscape else "9in")
    right_col = f"{float(table_w[:-2]) - float(left_col[:-2]):.2f}in"
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
 <style:style style:name="ColL" style:family="table-column"><style:table-column-properties style:column-width="{left_col}"/></style:style>
 <style:style style:name="ColR" style:family="table-column"><style:table-column-properties style:column-width="{right_col}"/></style:style>
 <style:style style:name="Cl" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.04in" fo:border="{border}"/>
 </style:style>
 <style:style style:name="Mast" style:family="table" style:master-page-name="First"><style:table-properties style:width="{table_w}"{wm}/></style:style>
 <style:style style:name="MastL" style:family="table-column"><style:table-column-properties style:column-width="3.2in"/></style:style>
 <style:style style:name="MastR" style:family="table-column"><style:table-column-properties style:column-width="{float(table_w[:-2]) - 3.2:.2f}in"/></style:style>
 <style:style style:name="MastCell" style:family="table-cell"><style:table-cell-properties fo:padding="0in" fo:border="none"/></style:style>
 <style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
</office:automatic-styles>"""
    return fonts + common + auto


def masters(doc):
    src, lang = doc.src, doc.lang
    job = src["job_number"]
    letter = L.WORDS[lang]["letter"]
    return f"""
<office:master-styles>
 <style:master-page style:name="First" style:page-layout-name="pmFirst" style:next-style-name="Standard">
  <style:footer><text:p text:style-name="Header">{job} ({letter})</text:p></style:footer>
 </style:master-page>
 <style:master-page style:name="Standard" style:page-layout-name="pmRest">
  <style:header><text:p text:style-name="Header">{escape(src['symbol'])}</text:p></style:header>
  <style:footer><text:p text:style-name="Header"><text:page-number text:select-page="current"/>/<text:page-count/><text:tab/>{job}</text:p></style:footer>
 </style:master-page>
</office:master-styles>"""


def p(style, inner):
    return f'<text:p text:style-name="{style}">{inner}</text:p>'


def cell(paragraphs):
    body = "".join(paragraphs) or p("Cell", "")
    return f'<table:table-cell table:style-name="Cl" office:value-type="string">{body}</table:table-cell>'


def row(left, right, rtl):
    return "<table:table-row>" + cell(left) + cell(right) + "</table:table-row>"


def masthead(doc):
    src, lang = doc.src, doc.lang
    w = L.WORDS[lang]
    s = src["session"]
    start, end = L.parse_date(s["start"]), L.parse_date(s["end"])
    out = []

    def mcell(ps):
        return f'<table:table-cell table:style-name="MastCell" office:value-type="string">{"".join(ps)}</table:table-cell>'

    right = [p("Right", escape(w["distr"])), p("Right", escape(L.issue_date_label(lang, L.parse_date(src["issue_date"]))))]
    for line in w["original"].split("\n"):
        right.append(p("Right", escape(line)))
    out.append('<table:table table:name="Masthead" table:style-name="Mast">'
               '<table:table-column table:style-name="MastL"/><table:table-column table:style-name="MastR"/>'
               '<table:table-row>' + mcell([p("PFirst", escape(w["un"]))]) + mcell([p("Right", escape(src["symbol"]))]) + '</table:table-row>'
               '<table:table-row>' + mcell([p("Big", escape(w["ga"]))]) + mcell(right) + '</table:table-row>'
               '</table:table>')
    out.append(p("Bold", escape(doc.t("body", src["body"]))))
    out.append(p("Bold", escape(L.session_name(lang, s["ordinal"]))))
    out.append(p("Standard", escape(L.session_dates_label(lang, doc.t("venue", src["venue"]), start, end))))
    out.append(p("Title", escape(w["title"])))
    out.append(p("Bold", escape(w["note"])))
    for i, para in enumerate(src.get("note", []), 1):
        out.append(p("Para", f"{i}.<text:tab/>" + doc.inline(doc.t("note_paragraphs", para))))
    out.append(p("Title", escape(w["annex"])))
    out.append(p("Title", escape(w["title"])))
    return out


def agenda_line(doc, item, number, title, continued):
    w = L.WORDS[doc.lang]
    s = doc.inline(L.agenda_label(doc.lang, number) + L.colon(doc.lang) + title)
    if item.get("footnote"):
        s += doc.note(item["footnote"])
    if continued:
        s += (" " if doc.lang != "zh" else "") + escape(w["cont"])
    return s


def sub_line(doc, letter, title, continued):
    w = L.WORDS[doc.lang]
    s = f"({letter})<text:tab/>" + doc.inline(title)
    if continued:
        s += (" " if doc.lang != "zh" else "") + escape(w["cont"])
    return s


def topics_paras(doc, topics, out):
    bullet = "•"
    for tid in topics:
        topic = doc.ph["topics"][tid]
        out.append(p("Topic", doc.inline(topic["text"][doc.lang])))
        for q in topic.get("questions", []):
            out.append(p("Bullet", f"{bullet}<text:tab/>" + doc.inline(doc.t("questions", q))))


def timetable(doc):
    src, lang = doc.src, doc.lang
    w = L.WORDS[lang]
    style = src.get("variant", {}).get("time_style", 0)
    rows = []
    for day in src["days"]:
        date = L.parse_date(day["date"])
        rows.append(row([p("Day", escape(L.day_label(lang, date)))], [], doc.rtl))
        for slot in day["slots"]:
            left = [p("Cell", escape(L.time_label(lang, slot["start"], slot["end"], style)))]
            if slot.get("room"):
                left.append(p("Cell", escape(doc.t("rooms", slot["room"]))))
            right = []
            for item in slot["items"]:
                if "event" in item:
                    right.append(p("Cell", doc.inline(doc.t("events", item["event"]))))
                    for sp in item.get("speakers", []):
                        right.append(p("Speaker", "–<text:tab/>" + doc.inline(doc.t("speakers", sp))))
                    topics_paras(doc, item.get("topics", []), right)
                else:
                    n = item["agenda"]
                    title = doc.t("agenda_titles", n)
                    right.append(p("Cell", agenda_line(doc, item, n, title, item.get("continued", False))))
                    for sub in item.get("sub_items", []):
                        st = doc.t("sub_item_titles", sub["letter"])
                        right.append(p("Sub", sub_line(doc, sub["letter"], st, sub.get("continued", False))))
                        topics_paras(doc, sub.get("topics", []), right)
                    topics_paras(doc, item.get("topics", []), right)
            rows.append(row(left, right, doc.rtl))
    header = ('<table:table-header-rows><table:table-row>'
              + cell([p("CellHead", escape(w["col_left"]))]) + cell([p("CellHead", escape(w["col_right"]))])
              + '</table:table-row></table:table-header-rows>')
    return ('<table:table table:name="Programme" table:style-name="Tbl">'
            '<table:table-column table:style-name="ColL"/><table:table-column table:style-name="ColR"/>'
            + header + "".join(rows) + '</table:table>')


def fodt(src, phrases, lang):
    doc = Doc(src, phrases, lang)
    variant = src.get("variant", {})
    meta = (f'<office:meta><dc:title>{escape(src["symbol"])}</dc:title>'
            f'<dc:language>{lang}</dc:language>'
            f'<meta:initial-creator>United Nations</meta:initial-creator></office:meta>')
    body = "".join(masthead(doc)) + timetable(doc)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
            f'office:mimetype="application/vnd.oasis.opendocument.text">'
            + meta + styles(lang, variant) + masters(doc)
            + f'<office:body><office:text>{body}</office:text></office:body></office:document>')


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def all_texts(doc):
    """Every running text of the document in its language (for references)."""
    src, out = doc.src, []
    out += [doc.t("note_paragraphs", k) for k in src.get("note", [])]
    out += [doc.t("footnotes", f) for f in doc.footnote_ids]
    for day in src["days"]:
        for slot in day["slots"]:
            for item in slot["items"]:
                for tid in item.get("topics", []) + [t for s in item.get("sub_items", []) for t in s.get("topics", [])]:
                    topic = doc.ph["topics"][tid]
                    out.append(topic["text"][doc.lang])
                    out += [doc.t("questions", q) for q in topic.get("questions", [])]
    return out


def expected(src, phrases, lang, pdf_info):
    """The programme model the parser must produce for this PDF.

    `pdf_info` gives what only the rendered file knows: file name, sha256,
    page count, and the page of each footnote (by id).
    """
    doc = Doc(src, phrases, lang)
    w = L.WORDS[lang]
    s = src["session"]
    style = src.get("variant", {}).get("time_style", 0)

    def topics(ids):
        return [{"text": doc.ph["topics"][t]["text"][lang],
                 "questions": [doc.t("questions", q) for q in doc.ph["topics"][t].get("questions", [])]}
                for t in ids]

    days = []
    for day in src["days"]:
        date = L.parse_date(day["date"])
        slots = []
        for slot in day["slots"]:
            agenda, events = [], []
            for pos, item in enumerate(slot["items"]):
                if "event" in item:
                    events.append({"text": doc.t("events", item["event"]),
                                   "speakers": [doc.t("speakers", sp) for sp in item.get("speakers", [])],
                                   "topics": topics(item.get("topics", [])),
                                   "position": pos})
                else:
                    fn = item.get("footnote")
                    agenda.append({
                        "number": item["agenda"],
                        "title": doc.t("agenda_titles", item["agenda"]),
                        "continued": item.get("continued", False),
                        "footnotes": [str(doc.footnote_ids.index(fn) + 1)] if fn else [],
                        "sub_items": [{"letter": sub["letter"],
                                       "title": doc.t("sub_item_titles", sub["letter"]),
                                       "continued": sub.get("continued", False),
                                       "topics": topics(sub.get("topics", []))}
                                      for sub in item.get("sub_items", [])],
                        "topics": topics(item.get("topics", [])),
                        "position": pos,
                    })
            slots.append({
                "start": slot["start"], "end": slot["end"],
                "label": L.time_label(lang, slot["start"], slot["end"], style),
                "room": doc.t("rooms", slot["room"]) if slot.get("room") else None,
                "agenda_items": agenda, "events": events,
            })
        days.append({"date": day["date"], "weekday": WEEKDAYS[date.weekday()],
                     "label": L.day_label(lang, date), "slots": slots})

    texts = all_texts(doc)
    references = [{"symbol": sym, "url": url} for sym, url in sorted(doc.links.items())
                  if any(sym in t for t in texts)]
    return {
        "schema_version": "1",
        "source": {"file": pdf_info["file"], "sha256": pdf_info["sha256"], "kind": "pdf",
                   "pages": pdf_info["pages"]},
        "language": lang,
        "symbol": src["symbol"],
        "title": w["title"],
        "body": doc.t("body", src["body"]),
        "session": {"ordinal": s["ordinal"], "name": L.session_name(lang, s["ordinal"]),
                    "start_date": s["start"], "end_date": s["end"],
                    "venue": doc.t("venue", src["venue"])},
        "days": days,
        "footnotes": [{"marker": str(i + 1), "text": doc.t("footnotes", f), "page": pdf_info["footnote_pages"][f]}
                      for i, f in enumerate(doc.footnote_ids)],
        "references": references,
        "warnings": [],
    }
