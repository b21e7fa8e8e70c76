#!/usr/bin/env python3
"""Build the fixture corpus from fixtures/source/*.json.

Every source programme has one or more editions (a producer and a table
layout, see fixtures/README.md). Each edition is rendered in each of its
languages to fixtures/pdf/<edition>-<lang>.pdf by its producer:

  odt    Flat ODT converted by LibreOffice (headless)
  docx   a Word-style .docx (python-docx) converted by LibreOffice
  html   an HTML page printed to PDF by headless Chromium

and the expected programme is written to fixtures/expected/<edition>-<lang>.json.
Then every PDF's text is extracted by other tools into fixtures/text/<form>/
(scripts/make_text_forms.sh). Run scripts/make_fixtures.sh, which installs the
tools first.

Usage: make_fixtures.py [--only EDITION] [--langs en,zh] [--keep-sources]
"""
import argparse
import hashlib
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from fixturegen import (  # noqa: E402
    document,
    expected,
    odt,  # noqa: E402
)

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
    for fid in document.footnote_order(src):
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


def soffice(path, tmp):
    """Converts a document to PDF with LibreOffice; returns the PDF's path."""
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp), str(path)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return tmp / (path.stem + ".pdf")


def produce(doc, tmp, keep_dir):
    """Renders a Document to PDF with its producer; returns the PDF's path."""
    name = f"{doc.name}-{doc.lang}"
    if doc.producer == "odt":
        src = tmp / f"{name}.fodt"
        src.write_text(odt.fodt(doc), encoding="utf-8")
        pdf = soffice(src, tmp)
    elif doc.producer == "docx":
        from fixturegen import docx as docx_producer
        src = tmp / f"{name}.docx"
        docx_producer.write(doc, src)
        pdf = soffice(src, tmp)
    elif doc.producer == "html":
        from fixturegen import html as html_producer
        # A fixed place: the browser prints the page's address in its footer.
        site = pathlib.Path("/tmp/unprog-fixtures")
        site.mkdir(exist_ok=True)
        src = site / f"{name}.html"
        src.write_text(html_producer.html(doc), encoding="utf-8")
        pdf = html_producer.print_to_pdf(src, tmp / f"{name}.pdf", tmp)
    else:
        raise ValueError(f"unknown producer {doc.producer}")
    if keep_dir:
        shutil.copy(src, keep_dir / src.name)
    return pdf


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", help="one edition (its name)")
    ap.add_argument("--langs", default=",".join(LANGS))
    ap.add_argument("--keep-sources", action="store_true",
                    help="keep the .fodt/.docx/.html beside the PDFs (not committed)")
    args = ap.parse_args()
    out_dir = ROOT / "fixtures" / "pdf"
    out_dir.mkdir(parents=True, exist_ok=True)
    phrases = json.loads((ROOT / "fixtures" / "source" / "phrases.json").read_text(encoding="utf-8"))
    sources = sorted(p for p in (ROOT / "fixtures" / "source").glob("*.json") if p.name != "phrases.json")
    wanted = set(args.langs.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for path in sources:
            src = json.loads(path.read_text(encoding="utf-8"))
            for edition in document.editions(src):
                if args.only and edition["name"] != args.only:
                    continue
                for lang in edition.get("langs", LANGS):
                    if lang not in wanted:
                        continue
                    doc = document.build(src, phrases, lang, edition)
                    made = produce(doc, tmp, out_dir if args.keep_sources else None)
                    pdf = out_dir / f"{doc.name}-{lang}.pdf"
                    shutil.move(made, pdf)
                    info = pdf_facts(pdf, src, phrases, lang)
                    exp = expected.expected(src, phrases, lang, edition, info)
                    exp_path = ROOT / "fixtures" / "expected" / f"{doc.name}-{lang}.json"
                    exp_path.parent.mkdir(parents=True, exist_ok=True)
                    exp_path.write_text(json.dumps(exp, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
                    print(f"wrote {pdf.relative_to(ROOT)} ({doc.producer}, {doc.table.layout}, "
                          f"{info['pages']} pages)")


if __name__ == "__main__":
    main()
