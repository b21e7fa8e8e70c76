"""The Word producer: a Document (document.py) as the .docx a Word user at the
UN writes, which `soffice --convert-to pdf` turns into the PDF.

Built with python-docx on its default (Word 2010) template. Where python-docx
has no API the OOXML goes in through its oxml layer: real footnotes (a
footnotes part with Word's separator notes), the bullet list numbering,
right-to-left properties (w:bidi, w:rtl, w:bidiVisual), the repeated header
row, cell borders and the PAGE/NUMPAGES fields.

Variant keys honoured (doc.variant; the default first):
  bullets      "text" | "list": questions with a typed bullet and a tab, or
               as a Word bulleted list (Symbol font U+F0B7, Word's default)
  font         "times" | "noto": Times New Roman (Liberation Serif through
               fontconfig) with AR PL UMing CN (fonts-arphic-uming) for Chinese
               and Amiri (fonts-hosny-amiri) for Arabic, or the Noto serif faces
  masthead     "header" | "table": the masthead in the first-page header, as
               the UN templates have it, or a borderless table opening the body
  headers      "same" | "odd-even": the running header and footer, or UN
               style mirrored ones (symbol and page number on the outside)
  day_underline  True | False: day labels bold and underlined, or only bold
  margin       left and right page margin ("1in")
and Document.page ("letter" | "a4") and Document.landscape.
"""

import re

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Pt, RGBColor, Twips
from docx.text.parfmt import ParagraphFormat
from docx.text.run import Run

FONTS = {
    "times": {"latin": "Times New Roman", "zh": "AR PL UMing CN", "ar": "Amiri"},
    "noto": {"latin": "Noto Serif", "zh": "Noto Serif CJK SC", "ar": "Noto Naskh Arabic"},
}

# w:lang/@w:val of each language; East Asian and bidi text are tagged
# zh-CN and ar-SA, as a Word installed with those languages does.
LANG_TAGS = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ru": "ru-RU", "zh": "zh-CN", "ar": "ar-SA"}

PAGES = {"letter": (12240, 15840), "a4": (11906, 16838)}  # twips, portrait

# Paragraph kinds of the programme table: run formatting and hanging indent
# (left indent, hanging; inches). All are in the Table Text style but "head".
KINDS = {
    "day": (("bold", "underline"), None),
    "time": ((), None),
    "room": ((), None),
    "event": ((), None),
    "agenda": ((), None),
    "speaker": ((), (0.45, 0.2)),
    "sub": ((), (0.3, 0.3)),
    "topic": (("italic",), None),
    "bullet": ((), (0.5, 0.2)),
    "head": ((), None),
}

# Schema order of the children that are set through the oxml layer.
PPR_SEQ = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
           "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
           "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
           "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
           "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
           "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
           "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
           "w:pPrChange")
RPR_SEQ = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
           "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
           "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
           "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
           "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
           "w:eastAsianLayout", "w:specVanish", "w:oMath")
TBLPR_SEQ = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
             "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
             "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
             "w:tblCaption", "w:tblDescription")
TCPR_SEQ = ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
            "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
SECTPR_SEQ = ("w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr",
              "w:type", "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType",
              "w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
              "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings",
              "w:sectPrChange")

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
WORD_BULLET = "\uf0b7"  # Word's default bullet, a private-use code in the Symbol font
# Cell margins (twips): 0.08in at the sides, none above and below (Word's
# default), the paragraphs' spacing before giving the air. With space at the
# foot of cells (a bottom margin, spacing after), LibreOffice 7.4 puts the
# footnote of a table row that ends a page on the next page, away from its
# reference.
CELL_MARGINS = {"left": 115, "right": 115}
RULE = {"val": "single", "sz": "4", "space": "0", "color": "auto"}  # a 0.5pt line

HAN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def put(parent, tag, seq, **attrs):
    """Sets the child `tag` of `parent` (replacing one there) at its place in the
    schema order `seq`, with w: attributes `attrs`; returns it."""
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    child = OxmlElement(tag, {qn(f"w:{k}"): v for k, v in attrs.items()})
    parent.insert_element_before(child, *seq[seq.index(tag) + 1:])
    return child


def borders(parent, tag, seq, sides, **line):
    """A w:tblBorders/w:tcBorders element with the same line on `sides`."""
    box = put(parent, tag, seq)
    for side in sides:
        box.append(OxmlElement(f"w:{side}", {qn(f"w:{k}"): v for k, v in line.items()}))
    return box


def inches(value):
    """"1.25in" as a float."""
    return float(value.removesuffix("in"))


class Writer:
    """Writes one Document into a python-docx document."""

    def __init__(self, doc):
        self.doc = doc
        self.rtl = doc.rtl
        self.fonts = FONTS[doc.variant.get("font", "times")]
        self.bullets = doc.variant.get("bullets", "text")
        self.d = docx.Document()
        self.footnotes = None  # the footnotes part, made with the first footnote
        self.bullet_num = None  # numId of the bulleted list
        self.text_width = self.page_setup()
        self.defaults()
        self.add_styles()

    # -- the document frame ------------------------------------------------

    def page_setup(self):
        """Page size, orientation and margins; returns the text width (twips).
        The side margins give way where the programme table would not fit."""
        doc, sec = self.doc, self.d.sections[0]
        w, h = PAGES[doc.page]
        if doc.landscape:
            w, h = h, w
            sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Twips(w), Twips(h)
        table_w = round(sum(doc.table.widths) * 1440)
        side = min(round(inches(doc.variant.get("margin", "1in")) * 1440), (w - table_w) // 2)
        sec.left_margin = sec.right_margin = Twips(side)
        sec.top_margin, sec.bottom_margin = Inches(1), Inches(1)
        sec.header_distance, sec.footer_distance = Inches(0.5), Inches(0.5)
        sec.different_first_page_header_footer = True
        if self.rtl:
            put(sec._sectPr, "w:bidi", SECTPR_SEQ)
        return w - 2 * side

    def defaults(self):
        """Document defaults: the fonts, 10pt text, single spacing, language
        tags; the settings Word writes for footnotes."""
        lang = self.doc.lang
        val = "en-US" if lang in ("zh", "ar") else LANG_TAGS[lang]
        cs_size = "24" if self.rtl else "20"
        styles = self.d.styles.element
        old = styles.find(qn("w:docDefaults"))
        f = self.fonts
        new = parse_xml(
            f'<w:docDefaults {nsdecls("w")}><w:rPrDefault><w:rPr>'
            f'<w:rFonts w:ascii="{f["latin"]}" w:hAnsi="{f["latin"]}" '
            f'w:eastAsia="{f["zh"]}" w:cs="{f["ar"] if self.rtl else f["latin"]}"/>'
            f'<w:sz w:val="20"/><w:szCs w:val="{cs_size}"/>'
            f'<w:lang w:val="{val}" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
            f'</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl/>'
            f'<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
            f'</w:pPr></w:pPrDefault></w:docDefaults>')
        old.addprevious(new)
        styles.remove(old)
        settings = self.d.settings.element
        theme_lang = settings.find(qn("w:themeFontLang"))
        for k, v in (("val", val), ("eastAsia", "zh-CN"), ("bidi", "ar-SA")):
            theme_lang.set(qn(f"w:{k}"), v)
        settings.find(qn("w:compat")).addprevious(parse_xml(
            f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
            f'</w:footnotePr>'))
        props = self.d.core_properties
        props.title, props.author, props.last_modified_by = self.doc.symbol, "United Nations", ""
        props.comments, props.language = "", LANG_TAGS[lang]

    def style(self, name, kind=WD_STYLE_TYPE.PARAGRAPH, size=None, bold=False, italic=False,
              before=0, after=0, keep=False, base="Normal"):
        """Adds a style; `size` in points."""
        s = self.d.styles.add_style(name, kind)
        s.base_style = self.d.styles[base] if base else None
        s.quick_style = True
        font = s.font
        if size:
            self.size(s.element.get_or_add_rPr(), size)
        if bold:
            font.bold = font.cs_bold = True
        if italic:
            font.italic = font.cs_italic = True
        if kind == WD_STYLE_TYPE.PARAGRAPH:
            pf = s.paragraph_format
            pf.space_before, pf.space_after, pf.keep_with_next = Pt(before), Pt(after), keep or None
        return s

    def size(self, rpr, points):
        """Font size in points; complex script (Arabic) text 2pt larger."""
        put(rpr, "w:sz", RPR_SEQ, val=str(2 * points))
        put(rpr, "w:szCs", RPR_SEQ, val=str(2 * (points + 2 if self.rtl else points)))

    def add_styles(self):
        """The styles of a UN document: HCh and H1 headings, SingleTxt for the
        note, table text, footnotes, links."""
        self.style("HCh", size=14, bold=True, before=12, after=6, keep=True)
        self.style("H1", bold=True, before=6, after=3, keep=True)
        single = self.style("SingleTxt", after=6).paragraph_format
        single.left_indent, single.alignment = Inches(0.5), WD_ALIGN_PARAGRAPH.JUSTIFY
        self.style("Masthead")
        self.style("Table Text", before=3)
        self.style("Table Head", size=9, italic=True, before=2, base="Table Text")
        ft = self.style("Footnote Text", size=8, after=2)
        ft.paragraph_format.left_indent, ft.paragraph_format.first_line_indent = Inches(0.3), Inches(-0.3)
        ref = self.style("Footnote Reference", WD_STYLE_TYPE.CHARACTER, base=None)
        ref.font.superscript = True
        link = self.style("Hyperlink", WD_STYLE_TYPE.CHARACTER, base=None)
        link.font.color.rgb, link.font.underline = RGBColor(0, 0, 0xFF), True
        for name in ("Header", "Footer"):
            s = self.d.styles[name]
            self.size(s.element.get_or_add_rPr(), 8)
            s.font.bold = s.font.cs_bold = True
            s.paragraph_format.tab_stops.clear_all()
            s.paragraph_format.tab_stops.add_tab_stop(Twips(self.text_width), WD_TAB_ALIGNMENT.RIGHT)

    # -- paragraphs and runs -------------------------------------------------

    def para(self, container, style, inline=(), fmt=()):
        """Adds a paragraph of `style` holding inline segments to a python-docx
        container (document, table cell); returns its w:p. Links are related
        from the main part, so there are none in headers."""
        p = container.add_paragraph(style=style)._p
        self.bidi(p)
        self.inline(p, inline, self.d.part, fmt)
        return p

    def bidi(self, p):
        """Right to left for a paragraph of an Arabic document."""
        if self.rtl:
            put(p.get_or_add_pPr(), "w:bidi", PPR_SEQ)

    def run(self, text, fmt=(), style=None):
        """A w:r of `text` ("\\t" a tab) with run formatting `fmt` (bold, italic,
        underline), the East Asian font on Han text and w:rtl on Arabic."""
        r = OxmlElement("w:r")
        font = Run(r, None).font
        if style:
            r.get_or_add_rPr().style = style
        if self.doc.lang == "zh" and HAN.search(text):
            fonts = r.get_or_add_rPr().get_or_add_rFonts()
            fonts.set(qn("w:eastAsia"), self.fonts["zh"])
            fonts.set(qn("w:hint"), "eastAsia")
        if "bold" in fmt:
            font.bold = font.cs_bold = True
        if "italic" in fmt:
            font.italic = font.cs_italic = True
        if "underline" in fmt:
            font.underline = True
        if self.rtl and ARABIC.search(text):
            font.rtl = True
        r.text = text
        return r

    def inline(self, p, segments, part, fmt=()):
        """Appends inline segments to the w:p `p`: text runs, hyperlinks (related
        from `part`) and footnote references."""
        for seg in segments:
            if seg[0] == "t":
                p.append(self.run(seg[1], fmt))
            elif seg[0] == "a":
                rid = part.relate_to(seg[2], RT.HYPERLINK, is_external=True)
                link = OxmlElement("w:hyperlink", {qn("r:id"): rid, qn("w:history"): "1"})
                link.append(self.run(seg[1], fmt, style="Hyperlink"))
                p.append(link)
            elif seg[0] == "fn":
                p.append(self.footnote(int(seg[1]), seg[2]))

    def footnote(self, number, body):
        """A footnote: its text in the footnotes part, and the reference run.
        Word numbers footnotes itself, so the markers must come in order."""
        if self.footnotes is None:
            self.footnotes = self.footnotes_part()
        notes = self.footnotes.element
        assert number == len(notes.findall(qn("w:footnote"))) - 1, "footnotes out of order"
        note = OxmlElement("w:footnote", {qn("w:id"): str(number)})
        p = OxmlElement("w:p")
        p.get_or_add_pPr().style = "FootnoteText"
        self.bidi(p)
        ref = OxmlElement("w:r")
        ref.get_or_add_rPr().style = "FootnoteReference"
        ref.append(OxmlElement("w:footnoteRef"))
        p.append(ref)
        p.append(self.run("\t"))
        self.inline(p, body, self.footnotes)
        note.append(p)
        notes.append(note)
        r = OxmlElement("w:r")
        r.get_or_add_rPr().style = "FootnoteReference"
        r.append(OxmlElement("w:footnoteReference", {qn("w:id"): str(number)}))
        return r

    def footnotes_part(self):
        """word/footnotes.xml with Word's separator and continuation separator."""
        sep = "".join(
            f'<w:footnote w:type="{kind}" w:id="{i}"><w:p><w:pPr>'
            f'<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>{"<w:bidi/>" if self.rtl else ""}'
            f'</w:pPr><w:r><w:{kind}/></w:r></w:p></w:footnote>'
            for i, kind in ((-1, "separator"), (0, "continuationSeparator")))
        element = parse_xml(f'<w:footnotes {nsdecls("w", "r")}>{sep}</w:footnotes>')
        part = XmlPart(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, element, self.d.part.package)
        self.d.part.relate_to(part, RT.FOOTNOTES)
        return part

    def field(self, p, code, shown):
        """Appends a field (PAGE, NUMPAGES) as Word writes it: begin, the code,
        separate, the last result, end."""
        def mark(kind):
            r = OxmlElement("w:r")
            r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
            return r

        instr = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
        instr.text = f" {code} "
        code_run = OxmlElement("w:r")
        code_run.append(instr)
        for r in (mark("begin"), code_run, mark("separate"), self.run(shown), mark("end")):
            p.append(r)

    def bullet_list(self):
        """numId of a one-level bulleted list with Word's default bullet (U+F0B7
        in Symbol), added to the template's numbering part."""
        if self.bullet_num is None:
            numbering = self.d.part.numbering_part.element
            abstract = numbering.findall(qn("w:abstractNum"))
            aid = max(int(a.get(qn("w:abstractNumId"))) for a in abstract) + 1
            abstract[-1].addnext(parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
                f'<w:nsid w:val="5E2A3C41"/><w:multiLevelType w:val="hybridMultilevel"/>'
                f'<w:tmpl w:val="04090001"/><w:lvl w:ilvl="0" w:tplc="04090001">'
                f'<w:start w:val="1"/><w:numFmt w:val="bullet"/>'
                f'<w:lvlText w:val="{WORD_BULLET}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>'
                f'<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>'
                f'</w:lvl></w:abstractNum>'))
            self.bullet_num = numbering.add_num(aid).numId
        return self.bullet_num

    # -- the parts of the document -----------------------------------------

    def masthead(self, container):
        """The masthead as UN templates set it: a borderless two-by-two table
        across the text width, a thin rule under "United Nations" and the
        symbol, a thick one under the organ and the distribution block."""
        doc, w, width = self.doc, self.doc.words, self.text_width
        left = min(round(3.2 * 1440), width // 2)
        if container is self.d:
            t = container.add_table(2, 2)
        else:
            t = container.add_table(2, 2, Twips(width))
        self.table_frame(t, [Twips(left), Twips(width - left)])
        distribution = [w["distr"], doc.issue_date, *w["original"].split("\n")]
        rows = [  # (text, bold size or None) per line of each cell
            [[(w["un"], None)], [(doc.symbol, 12)]],
            [[(doc.organ, 16)], [(line, None) for line in distribution]],
        ]
        for r, (row, rule) in enumerate(zip(rows, ("4", "24"), strict=True)):
            for c, lines in enumerate(row):
                cell = t.cell(r, c)
                borders(cell._tc.get_or_add_tcPr(), "w:tcBorders", TCPR_SEQ, ("bottom",),
                        val="single", sz=rule, space="0", color="auto")
                cell._tc.remove(cell.paragraphs[0]._p)
                for k, (text, size) in enumerate(lines):
                    p = self.para(cell, "Masthead", [("t", text)], ("bold",) if size else ())
                    if size:
                        self.size(p.r_lst[0].get_or_add_rPr(), size)
                    pf = ParagraphFormat(p)
                    if c == 1:
                        pf.alignment = WD_ALIGN_PARAGRAPH.RIGHT  # the end side, in Arabic too
                    pf.space_before = Pt(3 if r == 1 and k == 0 else 0)
                    pf.space_after = Pt(3 if k == len(lines) - 1 else 0)
        return t

    def headers_footers(self):
        """Page 1: the masthead (if in the header) and a footer with the job
        number and the language letter. Later pages: the symbol above, the page
        number and job number below (mirrored on even pages with "odd-even")."""
        doc, sec = self.doc, self.d.sections[0]
        job = doc.job_number
        self.only_para(sec.first_page_footer, "Footer").append(
            self.run(f"{job} ({doc.words['letter']})"))
        first = self.only_para(sec.first_page_header, "Header")
        if doc.variant.get("masthead", "header") == "header":
            first.addprevious(self.masthead(sec.first_page_header)._tbl)
        mirrored = doc.variant.get("headers", "same") == "odd-even"
        pages = [(sec.header, sec.footer, "odd")]
        if mirrored:
            self.d.settings.odd_and_even_pages_header_footer = True
            pages.append((sec.even_page_header, sec.even_page_footer, "even"))
        for header, footer, which in pages:
            hp, fp = self.only_para(header, "Header"), self.only_para(footer, "Footer")
            hp.append(self.run(doc.symbol))
            if mirrored and which == "odd":
                ParagraphFormat(hp).alignment = WD_ALIGN_PARAGRAPH.RIGHT
                fp.append(self.run(f"{job}\t"))
                self.page_number(fp)
            else:
                self.page_number(fp)
                fp.append(self.run(f"\t{job}"))

    def only_para(self, part, style):
        """The one (empty) paragraph of a new header or footer, styled; its w:p."""
        p = part.paragraphs[0]
        p.style = style
        self.bidi(p._p)
        return p._p

    def page_number(self, p):
        """"2/3" as PAGE and NUMPAGES fields."""
        self.field(p, "PAGE", "2")
        p.append(self.run("/"))
        self.field(p, "NUMPAGES", "3")

    def front(self):
        """The masthead (if in the body), the body, session and dates, the
        title, the note and the annex headings."""
        doc, w, d = self.doc, self.doc.words, self.d
        if doc.variant.get("masthead", "header") == "table":
            self.masthead(d)
        self.para(d, "H1", [("t", doc.body)])
        self.para(d, "H1", [("t", doc.session)])
        p = self.para(d, "Normal", [("t", doc.session_dates)])
        ParagraphFormat(p).space_after = Pt(6)
        self.para(d, "HCh", [("t", w["title"])])
        self.para(d, "H1", [("t", w["note"])])
        for i, note in enumerate(doc.note, 1):
            self.para(d, "SingleTxt", [("t", f"{i}.\t")] + note)
        self.para(d, "HCh", [("t", w["annex"])])
        self.para(d, "HCh", [("t", w["title"])])

    # -- the programme table -----------------------------------------------

    def table_frame(self, t, widths):
        """Fixed layout with column widths (Length, logical order) in the grid
        and in every cell, right to left in Arabic, 0.08in side margins."""
        t.autofit = False
        props = t._tbl.tblPr
        if self.rtl:
            put(props, "w:bidiVisual", TBLPR_SEQ)
        put(props, "w:tblW", TBLPR_SEQ, w=str(sum(x.twips for x in widths)), type="dxa")
        mar = put(props, "w:tblCellMar", TBLPR_SEQ)
        for side, size in CELL_MARGINS.items():
            mar.append(OxmlElement(f"w:{side}", {qn("w:w"): str(size), qn("w:type"): "dxa"}))
        for col, width in zip(t.columns, widths, strict=True):
            col.width = width
            for cell in col.cells:
                cell.width = width

    def programme(self):
        """The programme table: header row repeated on each page, rows in the
        Document's order, spans as vMerge (row spans) and gridSpan (column
        spans), borders as the Document says."""
        table = self.doc.table
        t = self.d.add_table(1 + len(table.rows), len(table.columns))
        t.style = self.d.styles["Table Grid"]
        self.table_frame(t, [Inches(x) for x in table.widths])
        if table.borders != "all":
            borders(t._tbl.tblPr, "w:tblBorders", TBLPR_SEQ,
                    ("top", "left", "bottom", "right", "insideH", "insideV"),
                    val="none", sz="0", space="0", color="auto")
        head = t.rows[0]._tr.get_or_add_trPr()
        head.append(OxmlElement("w:tblHeader"))
        for i, col, c in self.placed(table):
            cell = t.cell(i, col)
            if c.rowspan > 1 or c.colspan > 1:
                cell = cell.merge(t.cell(i + c.rowspan - 1, col + c.colspan - 1))
            self.fill(cell, c)
            if i == 0 and table.borders == "header":
                borders(cell._tc.get_or_add_tcPr(), "w:tcBorders", TCPR_SEQ, ("top", "bottom"),
                        **RULE)
        return t

    @staticmethod
    def placed(table):
        """(row, grid column, Cell) of every cell, the header row 0: a row's
        cells fill the columns that no row span from above covers."""
        out = [(0, col, c) for col, c in enumerate(table.header.cells)]
        covered = [0] * len(table.columns)  # rows still covered by a row span, per column
        for i, row in enumerate(table.rows, 1):
            cells, col = list(row.cells), 0
            while col < len(table.columns):
                if covered[col]:
                    covered[col] -= 1
                    col += 1
                    continue
                c = cells.pop(0)
                out.append((i, col, c))
                covered[col] = c.rowspan - 1
                col += c.colspan
        return out

    def fill(self, cell, c):
        """The paragraphs of a document Cell into a table cell."""
        first = cell.paragraphs[0]
        if not c.paras:
            first.style = "Table Text"
            self.bidi(first._p)
            return
        cell._tc.remove(first._p)
        for q in c.paras:
            fmt, hang = KINDS[q.kind]
            style = "Table Head" if q.kind == "head" else "Table Text"
            if q.kind == "day" and not self.doc.variant.get("day_underline", True):
                fmt = ("bold",)
            listed = q.kind == "bullet" and self.bullets == "list"
            label = [("t", q.label + "\t")] if q.label and not listed else []
            p = self.para(cell, style, label + q.inline, fmt)
            if listed:
                num = p.get_or_add_pPr().get_or_add_numPr()
                num.get_or_add_ilvl().val = 0
                num.get_or_add_numId().val = self.bullet_list()
            elif hang:
                pf = ParagraphFormat(p)
                pf.left_indent, pf.first_line_indent = Inches(hang[0]), Inches(-hang[1])


def write(doc, path):
    """Writes the .docx of a document.Document to `path`."""
    w = Writer(doc)
    w.front()
    w.programme()
    w.headers_footers()
    w.d.save(str(path))
