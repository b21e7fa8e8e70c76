"""Shared pieces of the Python tests: the repository, the fixtures, the ``unprog`` binary."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"


def unprog_bin() -> Path:
    """The ``unprog`` binary the tests compare with (``UNPROG_BIN``, else target/debug/unprog)."""
    env = os.environ.get("UNPROG_BIN")
    if env:
        return Path(env)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "debug" / "unprog"


def fixture_documents() -> list[Path]:
    """Every fixture document: the PDFs and the text forms."""
    pdfs = sorted((FIXTURES / "pdf").glob("*.pdf"))
    texts = sorted((FIXTURES / "text").rglob("*.txt"))
    return pdfs + texts


def broken_documents() -> list[Path]:
    """The hostile and damaged files."""
    return sorted((FIXTURES / "broken").glob("*.pdf"))


def cli_convert(path: Path) -> tuple[dict | None, str]:
    """``unprog convert FILE -o -``: the programme, or ``None`` and the error line."""
    out = subprocess.run([str(unprog_bin()), "convert", str(path), "-o", "-"], capture_output=True, timeout=120)
    if out.returncode == 0:
        return json.loads(out.stdout), ""
    return None, out.stderr.decode("utf-8", "replace").strip()


@pytest.fixture(scope="session")
def unprog_exe() -> Path:
    exe = unprog_bin()
    if not exe.exists():
        pytest.fail(f"no unprog binary at {exe}: build it (cargo build -p unprog) or set UNPROG_BIN")
    return exe
