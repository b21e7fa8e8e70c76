"""The archive dataset the dataset tests share: the fixture corpus converted by ``unprog`` with ``--sqlite``
and ``--parquet`` (issue 16)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def unprog_bin() -> Path:
    """The binary: ``UNPROG_BIN``, else the newest of target/{debug,release}/unprog (``CARGO_TARGET_DIR`` too)."""
    env = os.environ.get("UNPROG_BIN")
    if env:
        return Path(env)
    targets = [ROOT / "target"]
    if os.environ.get("CARGO_TARGET_DIR"):
        targets.insert(0, Path(os.environ["CARGO_TARGET_DIR"]))
    found = [t / profile / "unprog" for t in targets for profile in ("debug", "release")]
    found = [f for f in found if f.exists()]
    if not found:
        raise FileNotFoundError("no unprog binary: build it (cargo build -p unprog) or set UNPROG_BIN")
    return max(found, key=lambda f: f.stat().st_mtime)


def run(*args: str | Path) -> subprocess.CompletedProcess:
    """Runs ``unprog ARGS``; its output is kept."""
    return subprocess.run([str(unprog_bin()), *map(str, args)], capture_output=True, timeout=600, check=False)


@dataclass
class Dataset:
    """A converted dataset folder, its database and its Parquet folder."""

    out: Path
    database: Path
    tables: Path

    def connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.database)

    def programmes(self) -> list[dict]:
        """The converted programmes (programmes.jsonl), each with the manifest entry's ``output``."""
        manifest = json.loads((self.out / "manifest.json").read_text())
        converted = [e for e in manifest["inputs"] if e["status"] != "failed"]
        lines = (self.out / "programmes.jsonl").read_text().splitlines()
        assert len(lines) == len(converted)
        return [json.loads(line) | {"output": e["output"]} for line, e in zip(lines, converted, strict=True)]


def convert_corpus(base: Path) -> Dataset:
    """The fixture PDFs and text forms converted into ``base/out`` (the database and tables inside)."""
    out = base / "out"
    dataset = Dataset(out, out / "programmes.db", out / "tables")
    done = run(
        "convert",
        ROOT / "fixtures" / "pdf",
        ROOT / "fixtures" / "text",
        "-o",
        out,
        "--sqlite",
        dataset.database,
        "--parquet",
        dataset.tables,
        "--quiet",
    )
    # Some text forms do not read yet (exit code 1); anything else is a failure of the run.
    assert done.returncode in (0, 1), done.stderr.decode()
    assert (out / "manifest.json").exists()
    return dataset


def database_tables(conn: sqlite3.Connection) -> list[str]:
    """The database's tables, not its full-text index's own."""
    rows = conn.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'search_fts%' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [name for (name,) in rows]
