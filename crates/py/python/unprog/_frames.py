"""The dataset's tables built from programme dicts: the one module that knows them in Python.

Tables and columns are those of the SQLite database (``crates/export/src/sqlite.rs``), in its order;
what the exporter derives with its own rules (a symbol's revision and corrigendum, a slot's minutes,
its time shares) comes from the Rust side (``_unprog.derived``), so the figures are the same. When
the exporter grows a typed tables model, this module is what moves onto it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from . import _unprog

if TYPE_CHECKING:
    import pandas

INT, STR, FLOAT = "Int64", "string", "Float64"

#: Every table's columns and their pandas dtypes, in the database's order.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("id", INT),
        ("input", STR),
        ("file", STR),
        ("json", STR),
        ("sha256", STR),
        ("digest", STR),
        ("status", STR),
        ("error", STR),
        ("kind", STR),
        ("pages", INT),
        ("symbol", STR),
        ("base_symbol", STR),
        ("revision", INT),
        ("corrigendum", INT),
        ("revises", STR),
        ("language", STR),
        ("issue_date", STR),
        ("original_language", STR),
        ("title", STR),
        ("body", STR),
        ("session_ordinal", INT),
        ("session_name", STR),
        ("session_start_date", STR),
        ("session_end_date", STR),
        ("session_venue", STR),
        ("warning_count", INT),
        ("schema_version", STR),
    ],
    "days": [("id", INT), ("document_id", INT), ("number", INT), ("date", STR), ("weekday", STR), ("label", STR)],
    "slots": [
        ("id", INT),
        ("document_id", INT),
        ("day_id", INT),
        ("number", INT),
        ("date", STR),
        ("start_time", STR),
        ("end_time", STR),
        ("minutes", INT),
        ("label", STR),
        ("room", STR),
    ],
    "agenda_items": [
        ("id", INT),
        ("document_id", INT),
        ("slot_id", INT),
        ("position", INT),
        ("number", STR),
        ("title", STR),
        ("continued", INT),
        ("footnote_markers", STR),
    ],
    "sub_items": [
        ("id", INT),
        ("document_id", INT),
        ("agenda_item_id", INT),
        ("rank", INT),
        ("letter", STR),
        ("label", STR),
        ("title", STR),
        ("continued", INT),
    ],
    "events": [("id", INT), ("document_id", INT), ("slot_id", INT), ("position", INT), ("text", STR)],
    "speakers": [("id", INT), ("document_id", INT), ("event_id", INT), ("rank", INT), ("name", STR)],
    "topics": [
        ("id", INT),
        ("document_id", INT),
        ("slot_id", INT),
        ("agenda_item_id", INT),
        ("sub_item_id", INT),
        ("event_id", INT),
        ("rank", INT),
        ("text", STR),
    ],
    "questions": [("id", INT), ("document_id", INT), ("topic_id", INT), ("rank", INT), ("text", STR)],
    "footnotes": [("id", INT), ("document_id", INT), ("rank", INT), ("marker", STR), ("text", STR), ("page", INT)],
    "references": [("id", INT), ("document_id", INT), ("symbol", STR), ("url", STR)],
    "warnings": [("id", INT), ("document_id", INT), ("rank", INT), ("text", STR)],
    "time_shares": [
        ("id", INT),
        ("document_id", INT),
        ("slot_id", INT),
        ("agenda_item", STR),
        ("sub_item", STR),
        ("minutes", FLOAT),
    ],
}


#: In tables made a document at a time (:func:`rows_of_one`), the ids of document N's rows are
#: N × ID_SPAN + 1, + 2, …: unique across documents converted apart (on a cluster).
ID_SPAN = 1_000_000


class _Rows:
    """Rows per table, each table's ids counted from ``start`` (the documents' from ``documents``)."""

    def __init__(self, start: int = 1, documents: int | None = None) -> None:
        self.rows: dict[str, list[dict[str, Any]]] = {t: [] for t in COLUMNS}
        self.next_id = dict.fromkeys(COLUMNS, start)
        self.next_id["documents"] = start if documents is None else documents

    def add(self, table: str, **row: Any) -> int:
        row_id = self.next_id[table]
        self.next_id[table] += 1
        self.rows[table].append({"id": row_id, **row})
        return row_id


def _document(rows: _Rows, input_: str, p: dict[str, Any] | None, error: str | None, sha256: str | None) -> int:
    if p is None:
        return rows.add(
            "documents",
            input=input_,
            file=os.path.basename(input_),
            sha256=sha256,
            status="failed",
            error=error,
            revision=0,
            corrigendum=0,
            warning_count=0,
        )
    version, slots = _unprog.derived(json.dumps(p))
    base, revision, corrigendum, revises = version if version is not None else (None, 0, 0, None)
    session = p.get("session") or {}
    source = p.get("source") or {}
    warnings = p.get("warnings") or []
    doc = rows.add(
        "documents",
        input=input_,
        file=source.get("file"),
        sha256=source.get("sha256"),
        status="warnings" if warnings else "ok",
        kind=source.get("kind"),
        pages=source.get("pages"),
        symbol=p.get("symbol"),
        base_symbol=base,
        revision=revision,
        corrigendum=corrigendum,
        revises=revises,
        language=p.get("language"),
        issue_date=p.get("issue_date"),
        original_language=p.get("original_language"),
        title=p.get("title"),
        body=p.get("body"),
        session_ordinal=session.get("ordinal"),
        session_name=session.get("name"),
        session_start_date=session.get("start_date"),
        session_end_date=session.get("end_date"),
        session_venue=session.get("venue"),
        warning_count=len(warnings),
        schema_version=p.get("schema_version"),
    )
    derived = iter(slots)
    for d, day in enumerate(p.get("days") or [], 1):
        day_id = rows.add(
            "days", document_id=doc, number=d, date=day.get("date"), weekday=day.get("weekday"), label=day.get("label")
        )
        for s, slot in enumerate(day.get("slots") or [], 1):
            minutes, shares = next(derived, (None, []))
            slot_id = rows.add(
                "slots",
                document_id=doc,
                day_id=day_id,
                number=s,
                date=day.get("date"),
                start_time=slot.get("start"),
                end_time=slot.get("end"),
                minutes=minutes,
                label=slot.get("label"),
                room=slot.get("room"),
            )
            _slot(rows, doc, slot_id, slot, shares)
    for i, f in enumerate(p.get("footnotes") or [], 1):
        rows.add("footnotes", document_id=doc, rank=i, marker=f.get("marker"), text=f.get("text"), page=f.get("page"))
    for r in p.get("references") or []:
        rows.add("references", document_id=doc, symbol=r.get("symbol"), url=r.get("url"))
    for i, w in enumerate(warnings, 1):
        rows.add("warnings", document_id=doc, rank=i, text=w)
    return doc


def _slot(rows: _Rows, doc: int, slot_id: int, slot: dict[str, Any], shares: list[Any]) -> None:
    for item in slot.get("agenda_items") or []:
        item_id = rows.add(
            "agenda_items",
            document_id=doc,
            slot_id=slot_id,
            position=item.get("position"),
            number=item.get("number"),
            title=item.get("title"),
            continued=int(bool(item.get("continued"))),
            footnote_markers=json.dumps(item.get("footnotes") or [], ensure_ascii=False, separators=(",", ":")),
        )
        for i, sub in enumerate(item.get("sub_items") or [], 1):
            sub_id = rows.add(
                "sub_items",
                document_id=doc,
                agenda_item_id=item_id,
                rank=i,
                letter=sub.get("letter"),
                label=sub.get("label"),
                title=sub.get("title"),
                continued=int(bool(sub.get("continued"))),
            )
            _topics(rows, doc, slot_id, {"sub_item_id": sub_id}, sub.get("topics") or [])
        _topics(rows, doc, slot_id, {"agenda_item_id": item_id}, item.get("topics") or [])
    for event in slot.get("events") or []:
        event_id = rows.add(
            "events", document_id=doc, slot_id=slot_id, position=event.get("position"), text=event.get("text")
        )
        for i, name in enumerate(event.get("speakers") or [], 1):
            rows.add("speakers", document_id=doc, event_id=event_id, rank=i, name=name)
        _topics(rows, doc, slot_id, {"event_id": event_id}, event.get("topics") or [])
    for item, sub, minutes in shares:
        rows.add("time_shares", document_id=doc, slot_id=slot_id, agenda_item=item, sub_item=sub, minutes=minutes)


def _topics(rows: _Rows, doc: int, slot_id: int, parent: dict[str, int], topics: list[dict[str, Any]]) -> None:
    for i, topic in enumerate(topics, 1):
        topic_id = rows.add("topics", document_id=doc, slot_id=slot_id, rank=i, text=topic.get("text"), **parent)
        for q, question in enumerate(topic.get("questions") or [], 1):
            rows.add("questions", document_id=doc, topic_id=topic_id, rank=q, text=question)


def _add(rows: _Rows, item: Any) -> None:
    if isinstance(item, dict):
        source = item.get("source") or {}
        _document(rows, str(source.get("file", "")), item, None, None)
    else:
        error = item.error
        _document(rows, item.source, item.programme, None if error is None else error.message, item.sha256)


def rows_of(programmes: Iterable[Any]) -> dict[str, list[dict[str, Any]]]:
    """The tables' rows (plain dicts) for programmes or results; ids counted from 1."""
    rows = _Rows()
    for item in programmes:
        _add(rows, item)
    return rows.rows


def rows_of_one(item: Any, document_id: int) -> dict[str, list[dict[str, Any]]]:
    """One programme's or result's rows, as document ``document_id`` (its rows' ids: see ID_SPAN)."""
    rows = _Rows(document_id * ID_SPAN + 1, documents=document_id)
    _add(rows, item)
    return rows.rows


def frame(table: str, rows: list[dict[str, Any]]) -> pandas.DataFrame:
    """One table's rows as a DataFrame with the table's columns and dtypes."""
    import pandas

    columns = COLUMNS[table]
    df = pandas.DataFrame.from_records(rows, columns=[c for c, _ in columns])
    return df.astype(dict(columns))


def to_frames(programmes: Iterable[Any]) -> dict[str, pandas.DataFrame]:
    """See :func:`unprog.to_frames`."""
    return {table: frame(table, rows) for table, rows in rows_of(programmes).items()}
