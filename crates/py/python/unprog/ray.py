"""unprog on a Ray cluster: a Ray Data pipeline from documents to Parquet tables.

::

    python -m unprog.ray fixtures/pdf archive/ -o out/          # a local Ray cluster
    python -m unprog.ray /shared/pdfs -o /shared/out --address auto   # an existing cluster

``ray.data.read_binary_files(paths, include_paths=True)`` reads the documents; ``map_batches``
converts each batch with :func:`unprog.convert_many` (in the worker, the GIL released); each table of
the dataset (the SQLite database's: ``documents``, ``days``, ``slots``, ``agenda_items``, …) is
written with ``write_parquet`` to ``OUT/<table>/``, and every input that failed is a row of
``OUT/failures/`` (``path``, ``kind``, ``message``) as well as a ``documents`` row with status
``failed``. A bad file is a row, never a failed task or a dropped block: errors are caught inside
the mapped function.

Ids: document N (its place in the sorted input list, from 1) has ``id`` N in ``documents``; the
rows under it are numbered N × 1,000,000 + 1, + 2, … in each table, so the ids of rows converted
on different workers never collide and the foreign keys (``document_id``, ``slot_id``, …) join.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from . import InternalError, Result, convert_many
from ._frames import COLUMNS, rows_of_one

#: The failures table's columns.
FAILURE_COLUMNS: list[tuple[str, str]] = [("path", "string"), ("kind", "string"), ("message", "string")]

#: Every table written, in order.
TABLES: list[str] = [*COLUMNS, "failures"]


def expand(inputs: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The documents named: files as given, folders searched recursively for ``.pdf`` and ``.txt``;
    absolute paths, sorted, each once."""
    found: set[str] = set()
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            for p in path.rglob("*"):
                if p.is_file() and p.suffix.lower() in (".pdf", ".txt"):
                    found.add(str(p.resolve()))
        else:
            found.add(str(path.resolve()))
    return sorted(found)


def _key(path: str) -> str:
    """A path as the reader reports it, as :func:`expand` wrote it."""
    for prefix in ("local://", "file://"):
        if path.startswith(prefix):
            path = path[len(prefix) :]
    return os.path.abspath(path)


def convert_batch(
    batch: dict[str, Any], *, ids: dict[str, int], timeout: float | None = 10.0, jobs: int = 1
) -> dict[str, Any]:
    """The mapped function: a batch of ``bytes`` and ``path`` → one row per document holding its
    rows of each table (column ``t_<table>``, JSON: each table's pass reads only its own). Never
    raises for a document: a failure is a ``failures`` row."""
    import numpy

    paths = [str(p) for p in batch["path"]]
    try:
        blobs = [bytes(b) for b in batch["bytes"]]
        results = convert_many(
            [(os.path.basename(p), b) for p, b in zip(paths, blobs)],  # noqa: B905 (Python 3.9)
            jobs=jobs,
            timeout=timeout,
        )
    except Exception as e:  # a bug: every document of the batch fails, the job goes on
        results = [Result(p, None, InternalError(f"{type(e).__name__}: {e}", p)) for p in paths]
    out_paths: list[str] = []
    tables: dict[str, list[str]] = {t: [] for t in TABLES}
    for path, r in zip(paths, results):  # noqa: B905
        result = Result(path, r.programme, r.error, r.sha256)
        key = _key(path)
        try:
            rows: dict[str, list[dict[str, Any]]] = rows_of_one(result, ids.get(key, 0))
            rows["failures"] = (
                []
                if result.error is None
                else [{"path": key, "kind": result.error.kind, "message": result.error.message}]
            )
        except Exception as e:  # a programme the tables could not take: a failure too
            rows = {t: [] for t in TABLES}
            rows["failures"] = [{"path": key, "kind": "internal", "message": f"{type(e).__name__}: {e}"}]
        out_paths.append(key)
        for t in TABLES:
            tables[t].append(json.dumps(rows.get(t, []), ensure_ascii=False))
    columns = {f"t_{t}": numpy.array(v, dtype=object) for t, v in tables.items()}
    return {"path": numpy.array(out_paths, dtype=object), **columns}


def frame_of(table: str, rows: list[dict[str, Any]]) -> Any:
    """Rows of ``table`` as a DataFrame with the table's columns and dtypes."""
    import pandas

    columns = FAILURE_COLUMNS if table == "failures" else COLUMNS[table]
    return pandas.DataFrame.from_records(rows, columns=[c for c, _ in columns]).astype(dict(columns))


def arrow_of(table: str, rows: list[dict[str, Any]]) -> Any:
    """Rows of ``table`` as an Arrow table with the table's schema (every block alike, whatever
    its values: a column that is all null in one block is still a string column)."""
    import pyarrow

    types = {"Int64": pyarrow.int64(), "string": pyarrow.string(), "Float64": pyarrow.float64()}
    columns = FAILURE_COLUMNS if table == "failures" else COLUMNS[table]
    schema = pyarrow.schema([(c, types[t]) for c, t in columns])
    return pyarrow.Table.from_pandas(frame_of(table, rows), schema=schema, preserve_index=False)


def table_batch(batch: dict[str, Any], *, table: str) -> Any:
    """The mapped function of one table: the documents' rows of ``table``."""
    rows: list[dict[str, Any]] = []
    for text in batch[f"t_{table}"]:
        rows.extend(json.loads(str(text)))
    return arrow_of(table, rows)


def run(
    inputs: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    batch_size: int = 16,
    timeout: float | None = 10.0,
    jobs_per_task: int = 1,
) -> dict[str, int]:
    """Converts the documents named by ``inputs`` on the Ray cluster this process is connected to
    (``ray.init`` first; a local one is started otherwise) and writes the tables to ``out``.

    Returns the number of rows written per table.
    """
    import pyarrow
    import pyarrow.parquet
    import ray
    import ray.data

    if not ray.is_initialized():
        ray.init()
    paths = expand(inputs)
    if not paths:
        raise ValueError("no .pdf or .txt inputs found")
    ids = {p: i for i, p in enumerate(paths, 1)}
    converted = (
        ray.data.read_binary_files(paths, include_paths=True)
        .map_batches(
            convert_batch,
            fn_kwargs={"ids": ids, "timeout": timeout, "jobs": jobs_per_task},
            batch_size=batch_size,
            num_cpus=jobs_per_task,
        )
        .materialize()
    )
    counts: dict[str, int] = {}
    out = Path(out)
    for table in TABLES:
        folder = out / table
        # One execution per table over the converted blocks, straight to Parquet.
        converted.select_columns([f"t_{table}"]).map_batches(
            table_batch, fn_kwargs={"table": table}, batch_format="numpy"
        ).write_parquet(str(folder))
        files = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
        counts[table] = sum(pyarrow.parquet.ParquetFile(f).metadata.num_rows for f in files)
        if not files:
            # An empty table is still a table: one file with its columns.
            folder.mkdir(parents=True, exist_ok=True)
            pyarrow.parquet.write_table(arrow_of(table, []), folder / "empty.parquet")
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m unprog.ray INPUT... -o OUT``."""
    parser = argparse.ArgumentParser(prog="python -m unprog.ray", description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="PDF and text files, and folders (searched recursively)")
    parser.add_argument("-o", "--output", required=True, help="the folder for the Parquet tables")
    parser.add_argument("--address", help="a running Ray cluster (ray.init(address=...)): 'auto' or ray://HOST:PORT")
    parser.add_argument("--num-cpus", type=int, help="CPUs of the local cluster started without --address")
    parser.add_argument("--batch-size", type=int, default=16, help="documents per task (default 16)")
    parser.add_argument("--timeout", type=float, default=10.0, help="time budget per document, seconds (default 10)")
    args = parser.parse_args(argv)

    import ray

    init: dict[str, Any] = {"address": args.address}
    if args.num_cpus is not None:
        init["num_cpus"] = args.num_cpus
    if args.address is None:
        init["include_dashboard"] = False
    ray.init(**init)
    counts = run(args.inputs, args.output, batch_size=args.batch_size, timeout=args.timeout)
    print(
        f"unprog.ray: {counts['documents']} documents, {counts['failures']} failed; "
        f"{counts['slots']} slots; tables in {args.output}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
