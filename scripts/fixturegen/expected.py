"""The programme model the parser must produce for one fixture document,
computed from the same source and edition as the document itself."""

from . import document as D
from . import lang as L

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def all_texts(src, ph, fn_ids):
    """Every running text of the document in its language (for references)."""
    out = [ph.t("note_paragraphs", k) for k in src.get("note", [])]
    out += [ph.t("footnotes", f) for f in fn_ids]
    for day in src["days"]:
        for slot in day["slots"]:
            for item in slot["items"]:
                ids = item.get("topics", []) + [t for s in item.get("sub_items", []) for t in s.get("topics", [])]
                for tid in ids:
                    topic = ph.ph["topics"][tid]
                    out.append(topic["text"][ph.lang])
                    out += [ph.t("questions", q) for q in topic.get("questions", [])]
    return out


def expected(src, phrases, lang, edition, pdf_info):
    """The expected programme for one PDF.

    `pdf_info` gives what only the rendered file knows: file name, sha256,
    page count, and the page of each footnote (by id).
    """
    ph = D.Phrases(phrases, lang)
    variant = dict(src.get("variant", {}))
    variant.update(edition.get("variant", {}))
    w = L.WORDS[lang]
    s = src["session"]
    style = variant.get("time_style", 0)
    fn_ids = D.footnote_order(src)

    def topics(ids):
        return [{"text": ph.ph["topics"][t]["text"][lang],
                 "questions": [ph.t("questions", q) for q in ph.ph["topics"][t].get("questions", [])]}
                for t in ids]

    days = []
    for day in src["days"]:
        date = L.parse_date(day["date"])
        slots = []
        for slot in day["slots"]:
            agenda, events = [], []
            for pos, item in enumerate(slot["items"]):
                if "event" in item:
                    events.append({"text": ph.t("events", item["event"]),
                                   "speakers": [ph.t("speakers", sp) for sp in item.get("speakers", [])],
                                   "topics": topics(item.get("topics", [])),
                                   "position": pos})
                    continue
                fn = item.get("footnote")
                agenda.append({
                    "number": item["agenda"],
                    "title": ph.t("agenda_titles", item["agenda"]),
                    "continued": item.get("continued", False),
                    "footnotes": [str(fn_ids.index(fn) + 1)] if fn else [],
                    "sub_items": [{"letter": sub["letter"],
                                   "label": D.sub_label(lang, sub["letter"], variant),
                                   "title": ph.t("sub_item_titles", sub["letter"]),
                                   "continued": sub.get("continued", False),
                                   "topics": topics(sub.get("topics", []))}
                                  for sub in item.get("sub_items", [])],
                    "topics": topics(item.get("topics", [])),
                    "position": pos,
                })
            slots.append({
                "start": slot["start"], "end": slot["end"],
                "label": L.time_label(lang, slot["start"], slot["end"], style),
                "room": ph.t("rooms", slot["room"]) if slot.get("room") else None,
                "agenda_items": agenda, "events": events,
            })
        days.append({"date": day["date"], "weekday": WEEKDAYS[date.weekday()],
                     "label": L.day_label(lang, date), "slots": slots})

    texts = all_texts(src, ph, fn_ids)
    references = [{"symbol": sym, "url": url} for sym, url in sorted(ph.links.items())
                  if any(sym in t for t in texts)]
    return {
        "schema_version": "1",
        "source": {"file": pdf_info["file"], "sha256": pdf_info["sha256"], "kind": "pdf",
                   "pages": pdf_info["pages"]},
        "language": lang,
        "symbol": src["symbol"],
        "issue_date": src["issue_date"],
        # (Every programme here was written in English: "Original: English".)
        "original_language": src.get("original_language", "en"),
        "title": w["title"],
        "body": ph.t("body", src["body"]),
        "session": {"ordinal": s["ordinal"], "name": L.session_name(lang, s["ordinal"]),
                    "start_date": s["start"], "end_date": s["end"],
                    "venue": ph.t("venue", src["venue"])},
        "days": days,
        "footnotes": [{"marker": str(i + 1), "text": ph.t("footnotes", f),
                       "page": pdf_info["footnote_pages"][f]}
                      for i, f in enumerate(fn_ids)],
        "references": references,
        "warnings": [],
    }
