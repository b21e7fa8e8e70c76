"""The exceptions of unprog: one hierarchy under :class:`Error`, one class per kind of failure.

Messages are the ones ``unprog convert`` records for the same file.
"""

from __future__ import annotations


class Error(Exception):
    """A document could not be converted (or read).

    Attributes:
        kind: the failure's kind as data names it (``"not_a_pdf"``, ``"encrypted_pdf"``, ...).
        message: the message ``unprog convert`` records for the same file.
        path: the input's path (or the name given to bytes), when known.
    """

    kind = "error"

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, path={self.path!r})"


class Unreadable(Error):
    """The file could not be read: missing, a folder, a pipe, no permission."""

    kind = "unreadable"


class NotAPdf(Error):
    """Not a PDF: an empty file, an archive (a renamed .docx), other bytes; or, for text, not UTF-8."""

    kind = "not_a_pdf"


class EncryptedPdf(Error):
    """An encrypted PDF that the empty password does not open (decrypt it first, e.g. with qpdf)."""

    kind = "encrypted_pdf"


class Damaged(Error):
    """A PDF too damaged to recover any page."""

    kind = "damaged"


class TooLarge(Damaged):
    """A PDF over one of the extractor's limits before any page came out."""

    kind = "too_large"


class NoProgramme(Error):
    """The document was read, but no programme table (no day or time slot) was found in it."""

    kind = "no_programme"


class Timeout(Error):
    """The document overran its time budget (``timeout``)."""

    kind = "timeout"


class InternalError(Error):
    """A bug in unprog, contained: the interpreter goes on. Please report it with the file."""

    kind = "internal"


#: The exception class for each kind name.
BY_KIND: dict[str, type[Error]] = {
    cls.kind: cls for cls in (Unreadable, NotAPdf, EncryptedPdf, Damaged, TooLarge, NoProgramme, Timeout, InternalError)
}


def error_of(kind: str, message: str, path: str | None) -> Error:
    """The exception for a failure of ``kind``."""
    return BY_KIND.get(kind, Error)(message, path)
