"""to_frames: the same tables and records as the CLI's SQLite database on the same files."""

from __future__ import annotations

import sqlite3
import subprocess

import pandas
import pytest
import unprog
from conftest import FIXTURES
from unprog._frames import COLUMNS

# What only the database knows (its JSON file in the dataset, the digest of what was made of the
# input) or numbers its own way (row ids).
NOT_COMPARED = {"json", "digest"}


def comparable(df: pandas.DataFrame, document_names: dict[int, str]) -> list[tuple]:
    """A table's records with ids left out and each row's document named, sorted."""
    df = df.copy()
    df["document"] = df["id" if "input" in df.columns else "document_id"].map(document_names)
    drop = [c for c in df.columns if c == "id" or c.endswith("_id") or c in NOT_COMPARED]
    df = df.drop(columns=drop)
    df = df[sorted(df.columns)]
    rows = [tuple(None if pandas.isna(v) else v for v in r) for r in df.astype(object).itertuples(index=False)]
    return sorted(rows, key=repr)


@pytest.fixture(scope="module")
def database(tmp_path_factory, unprog_exe):
    out = tmp_path_factory.mktemp("frames")
    db = out / "programmes.db"
    subprocess.run(
        [
            str(unprog_exe),
            "convert",
            str(FIXTURES / "pdf"),
            str(FIXTURES / "broken"),
            "-o",
            str(out / "ds"),
            "--sqlite",
            str(db),
        ],
        capture_output=True,
        check=False,
        timeout=300,
    )
    assert db.exists()
    return db


def test_frames_have_the_databases_tables_and_columns(database):
    frames = unprog.to_frames([])
    with sqlite3.connect(database) as conn:
        for table, df in frames.items():
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            assert cols == list(df.columns), table
            assert list(df.columns) == [c for c, _ in COLUMNS[table]]
            assert df.empty


def test_frames_hold_the_databases_records(database):
    paths = sorted((FIXTURES / "pdf").glob("*.pdf")) + sorted((FIXTURES / "broken").glob("*.pdf"))
    results = unprog.convert_many(paths, jobs=2)
    frames = unprog.to_frames(results)
    assert len(frames["documents"]) == len(paths)
    assert (frames["documents"]["status"] == "failed").sum() == sum(not r.ok for r in results) > 0
    with sqlite3.connect(database) as conn:
        db_docs = pandas.read_sql_query("SELECT id, file FROM documents", conn)
        db_names = dict(zip(db_docs["id"], db_docs["file"], strict=True))
        ours = dict(zip(frames["documents"]["id"], frames["documents"]["file"], strict=True))
        for table in COLUMNS:
            db = pandas.read_sql_query(f'SELECT * FROM "{table}"', conn)
            mine = frames[table]
            if table == "documents":
                # The database records what its manifest knows of a failed file's pages.
                db.loc[db["status"] == "failed", "pages"] = None
            assert len(mine) == len(db), table
            assert comparable(mine, ours) == comparable(db, db_names), table
    assert frames["slots"]["minutes"].sum() > 0
    assert set(frames["time_shares"]["slot_id"]) <= set(frames["slots"]["id"])


def test_frames_of_plain_programmes():
    p = unprog.convert(FIXTURES / "pdf" / "oewg-s4-en.pdf")
    frames = unprog.to_frames([p, p])
    assert list(frames["documents"]["id"]) == [1, 2]
    days = frames["days"]
    assert list(days[days.document_id == 1]["date"]) == [d["date"] for d in p["days"]]
    assert frames["questions"]["text"].str.len().min() > 0
