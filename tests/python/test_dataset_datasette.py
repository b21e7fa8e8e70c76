"""Datasette serves the archive database of ``unprog convert --sqlite`` (issue 16) with the metadata.json
written beside it, through its in-process test client: a slots query for one session returns that session's
slots as its programme lists them, and the search box (the FTS table the metadata configures) finds a
question."""

from __future__ import annotations

import asyncio
import json
from urllib.parse import urlencode

import pytest
from datasette.app import Datasette
from unprog_dataset import Dataset, convert_corpus


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return convert_corpus(tmp_path_factory.mktemp("datasette"))


def get_json(dataset: Dataset, path: str, **params: str | int) -> list[dict]:
    """``GET path?params&_shape=array`` from a Datasette opened on the database and its metadata.json."""
    metadata = json.loads((dataset.database.parent / "metadata.json").read_text())
    datasette = Datasette([str(dataset.database)], metadata=metadata)

    async def fetch() -> list[dict]:
        await datasette.invoke_startup()
        query = urlencode({**params, "_shape": "array", "_size": "max"})
        response = await datasette.client.get(f"{path}?{query}")
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(fetch())


def programme(dataset: Dataset, output: str) -> dict:
    return next(p for p in dataset.programmes() if p["output"] == output)


def test_the_slots_of_one_session_are_its_programmes(dataset: Dataset) -> None:
    p = programme(dataset, "oewg-s4-en.json")
    want = [(day["date"], slot["start"], slot["end"]) for day in p["days"] for slot in day["slots"]]
    assert len(want) >= 4
    # The session's English programme, found by session number and language, its slots in order.
    rows = get_json(
        dataset,
        "/programmes.json",
        sql="SELECT s.date, s.start_time, s.end_time, s.room FROM slots s JOIN documents d ON d.id = s.document_id "
        "WHERE d.session_ordinal = :ordinal AND d.language = :language AND d.json = :json ORDER BY s.id",
        ordinal=p["session"]["ordinal"],
        language="en",
        json="oewg-s4-en.json",
    )
    assert [(r["date"], r["start_time"], r["end_time"]) for r in rows] == want
    # The same through the table page's filters.
    (document,) = get_json(dataset, "/programmes/documents.json", json="oewg-s4-en.json")
    assert document["session_ordinal"] == 4 and document["symbol"] == p["symbol"]
    rows = get_json(dataset, "/programmes/slots.json", document_id=document["id"], _sort="id")
    assert [(r["date"], r["start_time"], r["end_time"]) for r in rows] == want
    # Every language version of the session is there, each with its slots.
    versions = get_json(dataset, "/programmes/documents.json", session_ordinal=4, status="ok")
    assert {v["language"] for v in versions} >= {"ar", "zh", "en", "fr", "ru", "es"}


def test_the_search_box_finds_a_question(dataset: Dataset) -> None:
    p = programme(dataset, "oewg-s4-en.json")
    questions = [
        q
        for day in p["days"]
        for slot in day["slots"]
        for item in slot["agenda_items"]
        for topic in item["topics"] + [t for s in item["sub_items"] for t in s["topics"]]
        for q in topic["questions"]
    ]
    assert questions
    question = questions[0]
    words = [w.strip(",.;:?()") for w in question.split()]
    terms = " ".join([w for w in words if len(w) >= 5][:3])
    assert len(terms.split()) == 3, question
    hits = get_json(dataset, "/programmes/search_entries.json", _search=terms)
    found = [h for h in hits if h["kind"] == "question" and h["text"] == question]
    assert found, (terms, hits[:5])
    # The hit leads to its question row and its document.
    (row,) = get_json(dataset, "/programmes/questions.json", id=found[0]["source_id"])
    assert row["text"] == question
    docs = {d["id"] for d in get_json(dataset, "/programmes/documents.json", language="en", session_ordinal=4)}
    assert any(h["document_id"] in docs for h in found)
    # The metadata configures the search and describes the columns.
    page = get_json(
        dataset,
        "/programmes.json",
        sql="SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH :q",
        q='"' + question[:40].replace('"', "") + '"',
    )
    assert page[0]["n"] >= 1
