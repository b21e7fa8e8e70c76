"""unprog: United Nations programmes of work (PDF) into structured data, from Python.

The same conversion as the ``unprog`` command line tool (written in Rust, called in-process)::

    import unprog
    programme = unprog.convert("A_AC.292_2023_INF_1-ZH.pdf")
    print(programme["days"][0]["date"])

    results = unprog.convert_many(paths, jobs=4)   # in parallel, in input order
    frames = unprog.to_frames(results)             # pandas DataFrames, the dataset's tables

Every failure raises a subclass of :class:`unprog.Error` (or, in :func:`convert_many`, is the
result's ``error``); no input can crash the interpreter.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union

from . import _unprog
from ._errors import (
    Damaged,
    EncryptedPdf,
    Error,
    InternalError,
    NoProgramme,
    NotAPdf,
    Timeout,
    TooLarge,
    Unreadable,
    error_of,
)

if TYPE_CHECKING:
    import pandas

__all__ = [
    "Damaged",
    "EncryptedPdf",
    "Error",
    "InternalError",
    "NoProgramme",
    "NotAPdf",
    "Result",
    "SCHEMA_VERSION",
    "Timeout",
    "TooLarge",
    "Unreadable",
    "convert",
    "convert_many",
    "layout",
    "text",
    "to_frames",
]

#: The version of the programme model's JSON (``schema_version`` in every programme).
SCHEMA_VERSION: str = _unprog.SCHEMA_VERSION

#: A document to convert: a path, or the document's bytes.
Source = Union[str, "os.PathLike[str]", bytes]


def _name_for_bytes(data: bytes, name: str | None) -> tuple[str, bool]:
    """The name recorded for bytes (``source.file``) and whether they are read as text."""
    if name is None:
        name = "document.pdf" if b"%PDF-" in data[:1024] or not _is_utf8(data) else "document.txt"
    return name, name.lower().endswith(".txt")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _label(source: Any) -> str:
    return os.fsdecode(source) if isinstance(source, (str, os.PathLike)) else "<bytes>"


def convert(
    source: Source,
    *,
    language: str | None = None,
    timeout: float | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """Converts one programme of work and returns its model as a dict.

    The dict is exactly what ``unprog convert FILE -o -`` prints (schema:
    ``schema/programme.schema.json``).

    Args:
        source: a path (``str`` or ``os.PathLike``) to a ``.pdf`` or ``.txt`` file, or a document's
            bytes.
        language: the language (``"ar"``, ``"zh"``, ``"en"``, ``"fr"``, ``"ru"``, ``"es"``) when known;
            by default it is detected from the text.
        timeout: a time budget in seconds; by default none (as ``unprog convert FILE -o -``). Work
            still running at twice the budget and 2 s more is abandoned.
        name: for bytes, the file name to record (``source.file``; its suffix, like ``-EN``, is a
            language hint, and ``.txt`` reads the bytes as text). By default ``document.pdf``, or
            ``document.txt`` for UTF-8 bytes that are not a PDF.

    Raises:
        Error: a subclass per kind of failure (:class:`NotAPdf`, :class:`EncryptedPdf`,
            :class:`Damaged`, :class:`NoProgramme`, :class:`Timeout`, :class:`Unreadable`,
            :class:`InternalError`), with the CLI's message.
        TypeError: ``source`` is neither a path nor bytes.
        ValueError: an unknown language or a timeout that is not a positive number.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        name, is_text = _name_for_bytes(data, name)
        out = _unprog.convert_one(data, name, is_text, language, timeout)
        label = name
    else:
        out = _unprog.convert_one(source, None, False, language, timeout)
        label = _label(source)
    return _programme(out, label)


def _programme(out: tuple[str | None, str | None, str | None, str | None], label: str) -> dict[str, Any]:
    json_text, kind, message, _sha256 = out
    if json_text is None:
        raise error_of(kind or "error", message or "", label)
    return json.loads(json_text)


@dataclass(frozen=True)
class Result:
    """What one input of :func:`convert_many` came to.

    Attributes:
        source: the input's path (as given), or the name given to its bytes.
        programme: the programme model (as :func:`convert` returns it), or ``None`` when it failed.
        error: why it failed (an :class:`Error` subclass, not raised), or ``None``.
        sha256: the SHA-256 of the input's bytes (lowercase hex), when they could be read.
    """

    source: str
    programme: dict[str, Any] | None
    error: Error | None
    sha256: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the input was converted."""
        return self.error is None

    def unwrap(self) -> dict[str, Any]:
        """The programme; raises the error for a failed input."""
        if self.error is not None:
            raise self.error
        assert self.programme is not None
        return self.programme


def convert_many(
    sources: Iterable[Source | tuple[str, bytes]],
    *,
    jobs: int | None = None,
    language: str | None = None,
    timeout: float | None = 10.0,
) -> list[Result]:
    """Converts many documents in parallel and returns one :class:`Result` per input, in input order.

    The work runs on ``jobs`` threads (default: all cores) with the GIL released. A bad file is a
    result with its ``error``, never an exception that loses the others.

    Args:
        sources: paths (``str`` or ``os.PathLike``), bytes, or ``(name, bytes)`` pairs (``name`` is
            recorded as ``source.file``, as for :func:`convert`'s ``name``).
        jobs: the number of threads; at least 1.
        language: the language when known (see :func:`convert`).
        timeout: the time budget per document in seconds (default 10, as ``unprog convert``), or
            ``None`` for none.
    """
    items: list[Any] = []
    labels: list[str] = []
    for s in sources:
        if isinstance(s, tuple):
            name, data = s
            name, is_text = _name_for_bytes(bytes(data), name)
            items.append((name, is_text, bytes(data)))
            labels.append(name)
        elif isinstance(s, (bytes, bytearray, memoryview)):
            name, is_text = _name_for_bytes(bytes(s), None)
            items.append((name, is_text, bytes(s)))
            labels.append(name)
        else:
            items.append(s)
            labels.append(_label(s))
    outcomes = _unprog.convert_many(items, jobs, language, timeout)
    results = []
    for label, (json_text, kind, message, sha256) in zip(labels, outcomes):  # noqa: B905 (Python 3.9 has no strict=)
        if json_text is None:
            results.append(Result(label, None, error_of(kind or "error", message or "", label), sha256))
        else:
            results.append(Result(label, json.loads(json_text), None, sha256))
    return results


def text(path: str | os.PathLike[str]) -> str:
    """A PDF's text in reading order, pages ended by form feeds (as ``unprog text`` prints it).

    Raises:
        Error: the PDF could not be read (a subclass per kind).
    """
    out, kind, message, _ = _unprog.text(path)
    if out is None:
        raise error_of(kind or "error", message or "", _label(path))
    return out


def layout(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A PDF's positioned layout (``unprog layout``'s JSON): pages with chars, text lines, rules, rects, links.

    Boxes are ``x0``/``x1``/``top``/``bottom`` in points from the page's top-left corner.

    Raises:
        Error: the PDF could not be read (a subclass per kind).
    """
    return _programme(_unprog.layout(path), _label(path))


def to_frames(programmes: Iterable[dict[str, Any] | Result]) -> dict[str, pandas.DataFrame]:
    """The dataset's tidy tables as pandas DataFrames (pandas is imported only here).

    The tables and columns of ``unprog convert --sqlite``'s database: ``documents``, ``days``,
    ``slots``, ``agenda_items``, ``sub_items``, ``events``, ``speakers``, ``topics``, ``questions``,
    ``footnotes``, ``references``, ``warnings``, ``time_shares``; ids numbered from 1 in input order,
    each row carrying ``document_id``.

    Args:
        programmes: programme dicts (from :func:`convert`) or :class:`Result` objects (a failed one
            is a ``documents`` row with status ``failed`` and its error).
    """
    from ._frames import to_frames as build

    return build(programmes)
