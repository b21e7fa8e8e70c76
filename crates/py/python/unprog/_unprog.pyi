"""Type stubs of the extension module (the Rust side); the public API is :mod:`unprog`."""

import os
from collections.abc import Sequence
from typing import Any

_Outcome = tuple[str | None, str | None, str | None, str | None]

KINDS: list[str]
SCHEMA_VERSION: str

def convert_one(
    source: str | os.PathLike[str] | bytes,
    name: str | None = None,
    is_text: bool = False,
    language: str | None = None,
    timeout: float | None = None,
) -> _Outcome: ...
def convert_many(
    items: Sequence[Any],
    jobs: int | None = None,
    language: str | None = None,
    timeout: float | None = None,
) -> list[_Outcome]: ...
def text(path: str | os.PathLike[str]) -> _Outcome: ...
def layout(path: str | os.PathLike[str]) -> _Outcome: ...
def derived(
    programme_json: str,
) -> tuple[
    tuple[str, int, int, str | None] | None,
    list[tuple[int | None, list[tuple[str | None, str | None, float]]]],
]: ...
