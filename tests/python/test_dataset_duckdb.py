"""DuckDB reads the Parquet tables of ``unprog convert --parquet`` (issue 16): one file per table of the
database with its row count, each column of its declared type, and hours per agenda item computed over the
Parquet files equal to ``unprog compare``'s figures."""

from __future__ import annotations

import json

import duckdb
import pytest
from unprog_dataset import Dataset, convert_corpus, database_tables, run

# Columns whose type is not what their SQLite declaration says on its own (INTEGER, TEXT, REAL).
DATES = {
    ("documents", "issue_date"),
    ("documents", "session_start_date"),
    ("documents", "session_end_date"),
    ("days", "date"),
    ("slots", "date"),
}
TIMES = {("slots", "start_time"), ("slots", "end_time")}
BOOLEANS = {("agenda_items", "continued"), ("sub_items", "continued")}
LISTS = {("agenda_items", "footnote_markers")}


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return convert_corpus(tmp_path_factory.mktemp("duckdb"))


def parquet(dataset: Dataset, table: str) -> str:
    return f"read_parquet('{dataset.tables / (table + '.parquet')}')"


def test_every_table_is_a_file_with_the_databases_rows(dataset: Dataset) -> None:
    conn = dataset.connect()
    tables = database_tables(conn)
    assert sorted(p.stem for p in dataset.tables.glob("*.parquet")) == tables
    assert sorted(p.name for p in dataset.tables.iterdir()) == [t + ".parquet" for t in tables]
    duck = duckdb.connect()
    for table in tables:
        (in_db,) = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        (in_file,) = duck.execute(f"SELECT count(*) FROM {parquet(dataset, table)}").fetchone()
        assert in_file == in_db, table
    (questions,) = duck.execute(f"SELECT count(*) FROM {parquet(dataset, 'questions')}").fetchone()
    assert questions > 100


def expected_type(table: str, column: str, declared: str) -> str:
    if (table, column) in DATES:
        return "DATE"
    if (table, column) in TIMES:
        return "TIME"
    if (table, column) in BOOLEANS:
        return "BOOLEAN"
    if (table, column) in LISTS:
        return "VARCHAR[]"
    return {"INTEGER": "BIGINT", "TEXT": "VARCHAR", "REAL": "DOUBLE"}[declared]


def test_columns_are_the_databases_with_their_declared_types(dataset: Dataset) -> None:
    conn = dataset.connect()
    duck = duckdb.connect()
    for table in database_tables(conn):
        declared = [(name, kind) for (_, name, kind, *_) in conn.execute(f"PRAGMA table_info('{table}')")]
        described = duck.execute(f"DESCRIBE SELECT * FROM {parquet(dataset, table)}").fetchall()
        got = [(name, kind) for (name, kind, *_) in described]
        want = [(name, expected_type(table, name, kind)) for name, kind in declared]
        assert got == want, table


def test_values_read_back_as_the_database_holds_them(dataset: Dataset) -> None:
    conn = dataset.connect()
    duck = duckdb.connect()
    in_db = conn.execute(
        "SELECT d.symbol, d.language, s.date, s.start_time, s.end_time, s.minutes FROM slots s "
        "JOIN documents d ON d.id = s.document_id ORDER BY d.input, s.id"
    ).fetchall()
    in_files = duck.execute(
        f"SELECT d.symbol, d.language, CAST(s.date AS VARCHAR), substr(CAST(s.start_time AS VARCHAR), 1, 5), "
        f"substr(CAST(s.end_time AS VARCHAR), 1, 5), s.minutes FROM {parquet(dataset, 'slots')} s "
        f"JOIN {parquet(dataset, 'documents')} d ON d.id = s.document_id "
        "ORDER BY d.input, s.id"
    ).fetchall()
    assert in_files == in_db
    markers = duck.execute(f"SELECT sum(len(footnote_markers)) FROM {parquet(dataset, 'agenda_items')}").fetchone()
    (in_json,) = conn.execute("SELECT sum(json_array_length(footnote_markers)) FROM agenda_items").fetchone()
    assert markers == (in_json,) and in_json > 0


# Hours per agenda item per document over the Parquet files: the rule of the database's view
# hours_per_agenda_item (time_shares summed), in DuckDB; documents named by their JSON file.
HOURS_PER_ITEM = """
SELECT d.json, t.agenda_item, sum(t.minutes) / 60.0 AS hours, count(DISTINCT t.slot_id) AS slots
FROM {time_shares} t JOIN {documents} d ON d.id = t.document_id
GROUP BY d.json, t.agenda_item
"""


def test_hours_per_agenda_item_are_compares_figures(dataset: Dataset) -> None:
    duck = duckdb.connect()
    query = HOURS_PER_ITEM.format(time_shares=parquet(dataset, "time_shares"), documents=parquet(dataset, "documents"))
    hours = {(json_file, item): (h, n) for json_file, item, h, n in duck.execute(query).fetchall()}
    # The database's view gives the same.
    view = (
        dataset.connect()
        .execute(
            "SELECT d.json, h.agenda_item, h.hours, h.slots FROM hours_per_agenda_item h "
            "JOIN documents d ON d.id = h.document_id"
        )
        .fetchall()
    )
    assert len(view) == len(hours)
    for json_file, item, h, n in view:
        assert hours[(json_file, item)][0] == pytest.approx(h)
        assert hours[(json_file, item)][1] == n
    # unprog compare over the English programmes of sessions 3 to 8.
    files = sorted(dataset.out.glob("oewg-s[0-9]-en.json"))
    assert len(files) == 6
    done = run("compare", *files, "--format", "json")
    assert done.returncode == 0, done.stderr.decode()
    comparison = json.loads(done.stdout)
    sessions = comparison["sessions"]
    assert len(sessions) == len(files)
    rows = [r for r in comparison["hours"] if r["sub_item"] is None]
    assert rows
    checked = 0
    for row in rows:
        for i, session in enumerate(sessions):
            key = (session["file"].removesuffix(".pdf") + ".json", row["item"])
            got, slots = hours.get(key, (0.0, 0))
            assert got == pytest.approx(row["hours"][i]), (key, row["title"])
            assert slots == row["slots"][i], key
            checked += row["hours"][i] > 0
    assert checked > 10
    # Each session's total too.
    for session in sessions:
        json_file = session["file"].removesuffix(".pdf") + ".json"
        total = sum(h for (j, _), (h, _) in hours.items() if j == json_file)
        assert total == pytest.approx(session["hours"]), session["label"]
