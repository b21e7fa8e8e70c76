"""The producer-neutral form of one fixture document.

A programme source (fixtures/source/<id>.json) and one of its editions (a
producer and a table layout) are turned, for one language, into a `Document`:
the masthead strings, the note, the footnotes and the programme table as rows
of cells of typed paragraphs.  Every producer (odt.py for LibreOffice, docx.py
for a Word-style document, html.py for a browser's print-to-PDF) draws the same
`Document` its own way; expected.py computes the parser's expected output from
the same source, so documents and expectations cannot drift.

Inline text is a list of segments:
    ("t", text)                 plain text
    ("a", text, url)            a hyperlink (document symbols link to undocs.org)
    ("fn", marker, body)        a footnote reference; `body` is inline text
"""

import re
from dataclasses import dataclass, field

from . import lang as L

LAYOUTS = ("two-column", "three-column", "three-column-repeated", "date-row")


@dataclass
class Para:
    """One paragraph of a cell.

    kind: day, time, room, event, speaker, agenda, sub, topic, bullet, head.
    label: the hanging mark set before the text ("(a)", "a)", "(أ)", "•", "–").
    """
    kind: str
    inline: list
    label: str | None = None


@dataclass
class Cell:
    paras: list
    rowspan: int = 1
    colspan: int = 1
    column: str = "programme"  # date, time, datetime, programme


@dataclass
class Row:
    kind: str  # header, day, slot
    cells: list


@dataclass
class Table:
    layout: str
    columns: list          # column ids, left to right in logical (reading) order
    widths: list           # inches, same order
    header: Row
    rows: list
    borders: str           # "all", "none", "header" (rules under the header row only)


@dataclass
class Document:
    name: str
    lang: str
    rtl: bool
    producer: str
    variant: dict
    symbol: str
    job_number: str
    words: dict
    issue_date: str
    issued: str            # the issue date, ISO (a browser prints it in its header)
    organ: str
    body: str
    session: str
    session_dates: str
    note: list             # inline paragraphs, numbered 1., 2., ...
    footnotes: list        # (marker, inline) in order
    table: Table
    landscape: bool = False
    page: str = "letter"   # letter or a4
    fonts: dict = field(default_factory=dict)


def footnote_order(src):
    """Footnote ids in order of appearance (documents number them so)."""
    out = []
    for day in src["days"]:
        for slot in day["slots"]:
            for item in slot["items"]:
                f = item.get("footnote")
                if f and f not in out:
                    out.append(f)
    return out


def editions(src):
    """The editions of a programme: each a producer and a layout, with the
    languages it is made in. A source without editions has one: LibreOffice,
    two columns, six languages, named after the source."""
    return src.get("editions") or [{"name": src["id"], "producer": "odt", "layout": "two-column"}]


class Phrases:
    """The wording of the corpus in one language, with links on symbols."""

    def __init__(self, phrases, lang):
        self.ph = phrases
        self.lang = lang
        self.links = phrases.get("links", {})
        keys = sorted(self.links, key=len, reverse=True)
        self.link_re = re.compile("|".join(re.escape(k) for k in keys)) if keys else None

    def t(self, table, key):
        return self.ph[table][key][self.lang]

    def inline(self, text):
        """Plain text with the known document symbols as links."""
        if not self.link_re:
            return [("t", text)]
        out, pos = [], 0
        for m in self.link_re.finditer(text):
            if m.start() > pos:
                out.append(("t", text[pos:m.start()]))
            out.append(("a", m.group(0), self.links[m.group(0)]))
            pos = m.end()
        if pos < len(text):
            out.append(("t", text[pos:]))
        return out


def build(src, phrases, lang, edition):
    """The Document of one edition of `src` in `lang`."""
    ph = Phrases(phrases, lang)
    variant = dict(src.get("variant", {}))
    variant.update(edition.get("variant", {}))
    layout = edition.get("layout", "two-column")
    assert layout in LAYOUTS, layout
    w = L.WORDS[lang]
    s = src["session"]
    start, end = L.parse_date(s["start"]), L.parse_date(s["end"])
    fn_ids = footnote_order(src)
    footnotes = [(str(i + 1), ph.inline(ph.t("footnotes", f))) for i, f in enumerate(fn_ids)]
    doc = Document(
        name=edition["name"], lang=lang, rtl=lang == "ar", producer=edition["producer"],
        variant=variant, symbol=src["symbol"], job_number=src["job_number"], words=w,
        issue_date=L.issue_date_label(lang, L.parse_date(src["issue_date"])),
        issued=src["issue_date"],
        organ=w["ga"], body=ph.t("body", src["body"]),
        session=L.session_name(lang, s["ordinal"]),
        session_dates=L.session_dates_label(lang, ph.t("venue", src["venue"]), start, end),
        note=[ph.inline(ph.t("note_paragraphs", k)) for k in src.get("note", [])],
        footnotes=footnotes,
        table=timetable(src, ph, lang, layout, variant, fn_ids),
        landscape=variant.get("landscape", False),
        page=variant.get("page", "letter"),
    )
    return doc


def sub_label(lang, letter, variant):
    return L.sub_item_label(lang, letter, fullwidth=variant.get("fullwidth_labels", False))


def programme_paras(src, ph, lang, slot, variant, fn_ids):
    """The paragraphs of a slot's programme cell."""
    out = []

    def topics(ids):
        for tid in ids:
            topic = ph.ph["topics"][tid]
            out.append(Para("topic", ph.inline(topic["text"][lang])))
            for q in topic.get("questions", []):
                out.append(Para("bullet", ph.inline(ph.t("questions", q)), label=L.bullet(variant)))

    def continued(inline, flag):
        if flag:
            inline = inline + [("t", L.continued_suffix(lang))]
        return inline

    for item in slot["items"]:
        if "event" in item:
            out.append(Para("event", ph.inline(ph.t("events", item["event"]))))
            for sp in item.get("speakers", []):
                out.append(Para("speaker", ph.inline(ph.t("speakers", sp)), label="–"))
            topics(item.get("topics", []))
            continue
        n = item["agenda"]
        inline = ph.inline(L.agenda_label(lang, n) + L.colon(lang) + ph.t("agenda_titles", n))
        if item.get("footnote"):
            inline.append(("fn", str(fn_ids.index(item["footnote"]) + 1),
                           ph.inline(ph.t("footnotes", item["footnote"]))))
        out.append(Para("agenda", continued(inline, item.get("continued", False))))
        for sub in item.get("sub_items", []):
            title = ph.inline(ph.t("sub_item_titles", sub["letter"]))
            out.append(Para("sub", continued(title, sub.get("continued", False)),
                            label=sub_label(lang, sub["letter"], variant)))
            topics(sub.get("topics", []))
        topics(item.get("topics", []))
    return out


def time_paras(ph, lang, slot, style):
    out = [Para("time", [("t", L.time_label(lang, slot["start"], slot["end"], style))])]
    if slot.get("room"):
        out.append(Para("room", [("t", ph.t("rooms", slot["room"]))]))
    return out


def timetable(src, ph, lang, layout, variant, fn_ids):
    w = L.WORDS[lang]
    style = variant.get("time_style", 0)
    borders = variant.get("borders", True)
    borders = {True: "all", False: "none"}.get(borders, borders)
    table_w = float(variant.get("table_width", "6.5in" if not variant.get("landscape") else "9in")[:-2])
    head = lambda text: Para("head", [("t", text)])  # noqa: E731
    rows = []
    if layout in ("two-column", "date-row"):
        left = float(variant.get("left_col", "1.55in")[:-2])
        columns, widths = ["datetime", "programme"], [left, round(table_w - left, 2)]
        header = Row("header", [Cell([head(w["col_left"])], column="datetime"),
                                Cell([head(w["col_right"])])])
        for day in src["days"]:
            label = L.day_label(lang, L.parse_date(day["date"]))
            if layout == "two-column":
                rows.append(Row("day", [Cell([Para("day", [("t", label)])], column="datetime"),
                                        Cell([])]))
            else:
                rows.append(Row("day", [Cell([Para("day", [("t", label)])], colspan=2,
                                             column="datetime")]))
            for slot in day["slots"]:
                rows.append(Row("slot", [
                    Cell(time_paras(ph, lang, slot, style), column="datetime"),
                    Cell(programme_paras(src, ph, lang, slot, variant, fn_ids))]))
    else:
        date_w = float(variant.get("date_col", "1.2in")[:-2])
        time_w = float(variant.get("time_col", "1.1in")[:-2])
        columns = ["date", "time", "programme"]
        widths = [date_w, time_w, round(table_w - date_w - time_w, 2)]
        header = Row("header", [Cell([head(w["col_date"])], column="date"),
                                Cell([head(w["col_time"])], column="time"),
                                Cell([head(w["col_right"])])])
        for day in src["days"]:
            label = L.day_label(lang, L.parse_date(day["date"]))
            n = len(day["slots"])
            for k, slot in enumerate(day["slots"]):
                cells = []
                if layout == "three-column-repeated":
                    cells.append(Cell([Para("day", [("t", label)])], column="date"))
                elif k == 0:
                    cells.append(Cell([Para("day", [("t", label)])], rowspan=n, column="date"))
                cells.append(Cell(time_paras(ph, lang, slot, style), column="time"))
                cells.append(Cell(programme_paras(src, ph, lang, slot, variant, fn_ids)))
                rows.append(Row("slot", cells))
    return Table(layout=layout, columns=columns, widths=widths, header=header, rows=rows,
                 borders=borders)


def plain(inline):
    """The text of inline segments, footnote markers left out."""
    return "".join(seg[1] for seg in inline if seg[0] in ("t", "a"))
