"""The Ray Data pipeline on a local cluster (loopback only) against `unprog convert` on 500+ files.

The cluster runs in its own network namespace that has only loopback (``unshare -n``, as root), so
it can neither reach nor be reached from another machine; the job reports the node's address,
which must be 127.0.0.1. One cluster for the module, its job bounded in time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pandas
import pytest
import unprog
from conftest import FIXTURES, fixture_documents
from unprog._frames import COLUMNS
from unprog.ray import TABLES

HERE = os.path.dirname(os.path.abspath(__file__))
COPIES = 3


def corpus(root) -> list:
    """The fixture documents three times over, with the broken files among them: 500+ files."""
    files = []
    for k in range(COPIES):
        for doc in fixture_documents():
            rel = doc.relative_to(FIXTURES)
            dest = root / f"copy{k}" / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(doc, dest)
            files.append(dest)
    for bad in sorted((FIXTURES / "broken").glob("*.pdf")):
        dest = root / "copy1" / "broken" / bad.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(bad, dest)
        files.append(dest)
    return files


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory, unprog_exe):
    if os.geteuid() != 0 or shutil.which("unshare") is None or shutil.which("ip") is None:
        pytest.skip("the Ray test needs root, unshare and ip for its loopback-only network namespace")
    root = tmp_path_factory.mktemp("ray")
    docs = root / "corpus"
    files = corpus(docs)
    out = root / "parquet"
    env = dict(os.environ, RAY_USAGE_STATS_ENABLED="0", RAY_DISABLE_IMPORT_WARNING="1")
    job = subprocess.run(
        [
            "unshare",
            "--net",
            "--",
            "sh",
            "-c",
            'ip link set lo up && exec "$0" "$@"',
            sys.executable,
            os.path.join(HERE, "ray_job.py"),
            str(docs),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=420,
        env=env,
    )
    assert job.returncode == 0, job.stderr[-4000:]
    report = json.loads(job.stdout.strip().splitlines()[-1])
    cli = subprocess.run(
        [str(unprog_exe), "convert", str(docs), "-o", str(root / "cli"), "--compact", "-j", "2"],
        capture_output=True,
        text=True,
        timeout=420,
    )
    assert cli.returncode in (0, 1), cli.stderr
    manifest = json.loads((root / "cli" / "manifest.json").read_text())
    return {"files": files, "docs": docs, "out": out, "report": report, "cli": root / "cli", "manifest": manifest}


def test_the_cluster_was_on_loopback_only(pipeline):
    report = pipeline["report"]
    assert report["interfaces"] == ["lo"]
    assert report["node_ips"] == ["127.0.0.1"]


def read(out, table) -> pandas.DataFrame:
    return pandas.read_parquet(out / table)


def normalised(df: pandas.DataFrame, names: dict[int, str]) -> list[tuple]:
    """Records with ids left out and each row's document named by its path, sorted."""
    df = df.copy()
    df["document"] = df["id" if "input" in df.columns else "document_id"].map(names)
    df = df.drop(columns=[c for c in df.columns if c == "id" or c.endswith("_id") or c in ("json", "digest")])
    df = df[sorted(df.columns)]
    rows = [tuple(None if pandas.isna(v) else v for v in r) for r in df.astype(object).itertuples(index=False)]
    return sorted(rows, key=repr)


def test_every_table_is_written_with_its_columns(pipeline):
    assert len(pipeline["files"]) >= 500
    for table in TABLES:
        df = read(pipeline["out"], table)
        expected = ["path", "kind", "message"] if table == "failures" else [c for c, _ in COLUMNS[table]]
        assert list(df.columns) == expected, table
    docs = read(pipeline["out"], "documents")
    assert len(docs) == len(pipeline["files"])
    assert docs["id"].is_unique
    slots = read(pipeline["out"], "slots")
    assert slots["id"].is_unique and set(slots["document_id"]) <= set(docs["id"])


def test_the_tables_hold_the_clis_records(pipeline):
    """The CLI's dataset (its JSON files and manifest) made into tables the same way."""
    docs_dir, cli = pipeline["docs"], pipeline["cli"]
    results = []
    for entry in pipeline["manifest"]["inputs"]:
        path = str((docs_dir / entry["input"]).resolve()) if not os.path.isabs(entry["input"]) else entry["input"]
        if entry["status"] == "failed":
            err = unprog.Error(entry["error"], path)
            results.append(unprog.Result(path, None, err, entry["sha256"]))
        else:
            programme = json.loads((cli / entry["output"]).read_text())
            results.append(unprog.Result(path, programme, None, entry["sha256"]))
    expected = unprog.to_frames(results)
    cli_names = dict(zip(expected["documents"]["id"], expected["documents"]["input"], strict=True))
    ray_docs = read(pipeline["out"], "documents")
    ray_names = dict(zip(ray_docs["id"], ray_docs["input"], strict=True))
    assert set(cli_names.values()) == set(ray_names.values())
    for table in COLUMNS:
        mine = read(pipeline["out"], table)
        assert len(mine) == len(expected[table]), table
        assert normalised(mine, ray_names) == normalised(expected[table], cli_names), table


def test_failures_are_rows_with_the_clis_messages(pipeline):
    failures = read(pipeline["out"], "failures")
    failed = {
        str((pipeline["docs"] / e["input"]).resolve()) if not os.path.isabs(e["input"]) else e["input"]: e["error"]
        for e in pipeline["manifest"]["inputs"]
        if e["status"] == "failed"
    }
    assert len(failed) >= 10
    assert dict(zip(failures["path"], failures["message"], strict=True)) == failed
    assert set(failures["kind"]) <= set(unprog._unprog.KINDS)
    assert "encrypted_pdf" in set(failures["kind"])
