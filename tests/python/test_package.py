"""The unprog package against the CLI: conversion, errors, parallel batches, frames."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest
import unprog
from conftest import FIXTURES, ROOT, broken_documents, cli_convert, fixture_documents

DOCUMENTS = fixture_documents()


def test_the_corpus_is_there():
    assert len([d for d in DOCUMENTS if d.suffix == ".pdf"]) >= 48
    assert len(DOCUMENTS) > 150
    assert len(broken_documents()) >= 10


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_convert_equals_the_cli(path, unprog_exe):
    expected, error = cli_convert(path)
    if expected is None:
        with pytest.raises(unprog.Error) as caught:
            unprog.convert(path)
        # The CLI prints "unprog: PATH: MESSAGE".
        assert error.endswith(caught.value.message), (error, caught.value.message)
    else:
        assert unprog.convert(path) == expected
        assert unprog.convert(str(path)) == expected


def test_bytes_equal_the_path():
    path = FIXTURES / "pdf" / "oewg-s4-zh.pdf"
    by_path = unprog.convert(path)
    assert unprog.convert(path.read_bytes(), name=path.name) == by_path
    anonymous = unprog.convert(path.read_bytes())
    assert anonymous["source"]["file"] == "document.pdf"
    assert anonymous["days"] == by_path["days"]
    text = next((FIXTURES / "text" / "pdftotext-layout").glob("*-en.txt"))
    assert unprog.convert(text.read_bytes(), name=text.name) == unprog.convert(text)


def test_pathlike_and_language():
    class Custom(os.PathLike):
        def __fspath__(self):
            return str(FIXTURES / "pdf" / "oewg-s4-fr.pdf")

    p = unprog.convert(Custom())
    assert p["language"] == "fr"
    assert p == unprog.convert(pathlib.Path(Custom().__fspath__()))
    assert unprog.convert(Custom(), language="fr")["language"] == "fr"
    with pytest.raises(ValueError, match="unknown language"):
        unprog.convert(Custom(), language="xx")
    with pytest.raises(TypeError):
        unprog.convert(42)  # type: ignore[arg-type]


def test_the_quick_start_date(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert unprog.convert("fixtures/pdf/oewg-s4-zh.pdf")["days"][0]["date"] == "2023-03-06"


EXPECTED_KINDS = {
    "encrypted.pdf": unprog.EncryptedPdf,
    "random-bytes.pdf": unprog.NotAPdf,
    "html-saved-as.pdf": unprog.NotAPdf,
    "empty.pdf": unprog.NotAPdf,
}


@pytest.mark.parametrize("path", broken_documents(), ids=lambda p: p.name)
def test_broken_files_raise_their_kind_with_the_cli_message(path, unprog_exe):
    expected, error = cli_convert(path)
    if expected is not None:
        assert unprog.convert(path) == expected
        return
    with pytest.raises(unprog.Error) as caught:
        unprog.convert(path)
    assert error.endswith(caught.value.message), (error, caught.value.message)
    assert caught.value.path == str(path)
    if path.name in EXPECTED_KINDS:
        assert isinstance(caught.value, EXPECTED_KINDS[path.name])


def test_every_kind_has_its_class():
    assert unprog.Timeout.kind in unprog._unprog.KINDS
    for kind in unprog._unprog.KINDS:
        cls = unprog._errors.BY_KIND[kind]
        assert issubclass(cls, unprog.Error) and cls.kind == kind
    with pytest.raises(unprog.Unreadable, match="no such file"):
        unprog.convert(FIXTURES / "nonexistent.pdf")
    with pytest.raises(unprog.Unreadable, match="a folder"):
        unprog.convert(FIXTURES)
    with pytest.raises(unprog.NoProgramme, match="no programme table"):
        unprog.convert(b"Nothing here but some words.\n", name="notes.txt")
    with pytest.raises(unprog.NotAPdf, match="empty file"):
        unprog.convert(b"")


def test_a_timeout_is_its_own_error():
    big = FIXTURES / "broken" / "two-thousand-pages.pdf"
    with pytest.raises(unprog.Timeout):
        unprog.convert(big, timeout=0.001)
    with pytest.raises(ValueError):
        unprog.convert(big, timeout=-1)


def test_a_panic_is_contained_and_the_interpreter_goes_on(tmp_path):
    code = (
        "import unprog\n"
        "try:\n"
        "    unprog.convert(open('fixtures/pdf/oewg-s4-en.pdf','rb').read(), name='boom.pdf')\n"
        "except unprog.InternalError as e:\n"
        "    print('caught', e.kind, e)\n"
        "r = unprog.convert_many(['fixtures/pdf/oewg-s4-en.pdf', ('boom.pdf', b'%PDF-1.7')], jobs=2)\n"
        "print([x.ok for x in r], type(r[1].error).__name__)\n"
        "print(unprog.convert('fixtures/pdf/oewg-s4-en.pdf')['language'])\n"
    )
    env = dict(os.environ, UNPROG_FAULT="panic:boom.pdf")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("caught internal internal error (a bug in unprog")
    assert lines[1] == "[True, False] InternalError"
    assert lines[2] == "en"
    assert "panicked" not in out.stderr


def test_convert_many_keeps_input_order_and_bad_files(unprog_exe):
    good = [d for d in DOCUMENTS if d.suffix == ".pdf"][:12]
    bad = broken_documents()
    sources = []
    for i, g in enumerate(good):
        sources.append(g)
        if i < len(bad):
            sources.append(bad[i])
    sources.append(FIXTURES / "missing.pdf")
    sources.append(("inline-s4-en.pdf", (FIXTURES / "pdf" / "oewg-s4-en.pdf").read_bytes()))
    results = unprog.convert_many(sources, jobs=2)
    assert [r.source for r in results[:-1]] == [str(s) for s in sources[:-1]]
    assert results[-1].source == "inline-s4-en.pdf"
    for src, r in zip(sources[:-2], results, strict=False):
        expected, error = cli_convert(src)
        if expected is None:
            assert not r.ok and r.programme is None
            assert error.endswith(r.error.message)
            with pytest.raises(type(r.error)):
                r.unwrap()
        else:
            assert r.ok, r.error
            assert r.programme == expected
    assert isinstance(results[-2].error, unprog.Unreadable)
    assert results[-1].programme["days"] == unprog.convert(FIXTURES / "pdf" / "oewg-s4-en.pdf")["days"]
    with pytest.raises(ValueError):
        unprog.convert_many(sources, jobs=0)


def test_text_and_layout(unprog_exe):
    path = FIXTURES / "pdf" / "oewg-s4-en.pdf"
    cli = subprocess.run([str(unprog_exe), "text", str(path)], capture_output=True, check=True)
    assert unprog.text(path) == cli.stdout.decode()
    lay = unprog.layout(path)
    cli = subprocess.run([str(unprog_exe), "layout", str(path), "--compact"], capture_output=True, check=True)
    import json

    assert lay == json.loads(cli.stdout)
    assert lay["pages"][0]["text_lines"]
    with pytest.raises(unprog.EncryptedPdf):
        unprog.layout(FIXTURES / "broken" / "encrypted.pdf")
    with pytest.raises(unprog.NotAPdf):
        unprog.text(FIXTURES / "broken" / "random-bytes.pdf")
