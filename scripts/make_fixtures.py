#!/usr/bin/env python3
"""Build the fixture corpus: fixtures/source/*.json -> fixtures/pdf/<id>-<lang>.pdf

Each source programme is rendered to a Flat ODT document per language and
converted to PDF by LibreOffice (headless).  Run scripts/make_fixtures.sh, which
installs LibreOffice and the fonts with apt first, then calls this script.

Usage: make_fixtures.py [--only ID] [--langs en,zh]
"""
import argparse
import hashlib
import json
import re
import pathlib
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from fixturegen import render  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
LANGS = ["en", "fr", "es", "ru", "zh", "ar"]


def squeeze(s):
    return re.sub(r"\s+", "", s)


def pdf_facts(pdf, src, phrases, lang):
    """File facts for the expected JSON: sha256, page count (pdfinfo) and the
    page on which each footnote's text is printed (pdftotext per page)."""
    data = pdf.read_bytes()
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    page_text = [squeeze(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-raw", str(pdf), "-"],
                                        capture_output=True, text=True, check=True).stdout)
                 for n in range(1, pages + 1)]
    footnote_pages = {}
    for fid in render.footnote_order(src):
        # The footnote's page: the page holding one of its words that occurs
        # on only one page (longest words first).
        words = sorted(set(re.findall(r"\w{5,}", phrases["footnotes"][fid][lang])), key=len, reverse=True)
        footnote_pages[fid] = None
        for word in words:
            hits = [n + 1 for n, t in enumerate(page_text) if word in t]
            if len(hits) == 1:
                footnote_pages[fid] = hits[0]
                break
    return {"file": pdf.name, "sha256": hashlib.sha256(data).hexdigest(), "pages": pages,
            "footnote_pages": footnote_pages}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only")
    ap.add_argument("--langs", default=",".join(LANGS))
    ap.add_argument("--keep-fodt", action="store_true")
    args = ap.parse_args()
    out_dir = ROOT / "fixtures" / "pdf"
    out_dir.mkdir(parents=True, exist_ok=True)
    phrases = json.loads((ROOT / "fixtures" / "source" / "phrases.json").read_text(encoding="utf-8"))
    sources = sorted(p for p in (ROOT / "fixtures" / "source").glob("*.json") if p.name != "phrases.json")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for path in sources:
            src = json.loads(path.read_text(encoding="utf-8"))
            if args.only and src["id"] != args.only:
                continue
            for lang in args.langs.split(","):
                name = f"{src['id']}-{lang}"
                fodt = tmp / f"{name}.fodt"
                fodt.write_text(render.fodt(src, phrases, lang), encoding="utf-8")
                if args.keep_fodt:
                    shutil.copy(fodt, out_dir / fodt.name)
                subprocess.run(
                    ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                     "--convert-to", "pdf", "--outdir", str(tmp), str(fodt)],
                    check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                pdf = out_dir / f"{name}.pdf"
                shutil.move(tmp / f"{name}.pdf", pdf)
                info = pdf_facts(pdf, src, phrases, lang)
                exp = render.expected(src, phrases, lang, info)
                exp_path = ROOT / "fixtures" / "expected" / f"{name}.json"
                exp_path.parent.mkdir(parents=True, exist_ok=True)
                exp_path.write_text(json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
                print(f"wrote fixtures/pdf/{name}.pdf and fixtures/expected/{name}.json ({info['pages']} pages)")


if __name__ == "__main__":
    main()
