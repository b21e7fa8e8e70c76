#!/usr/bin/env python3
"""Build the fixture corpus: fixtures/source/*.json -> fixtures/pdf/<id>-<lang>.pdf

Each source programme is rendered to a Flat ODT document per language and
converted to PDF by LibreOffice (headless).  Run scripts/make_fixtures.sh, which
installs LibreOffice and the fonts with apt first, then calls this script.

Usage: make_fixtures.py [--only ID] [--langs en,zh]
"""
import argparse
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from fixturegen import render  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
LANGS = ["en", "fr", "es", "ru", "zh", "ar"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only")
    ap.add_argument("--langs", default=",".join(LANGS))
    ap.add_argument("--keep-fodt", action="store_true")
    args = ap.parse_args()
    out_dir = ROOT / "fixtures" / "pdf"
    out_dir.mkdir(parents=True, exist_ok=True)
    sources = sorted((ROOT / "fixtures" / "source").glob("*.json"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for path in sources:
            src = json.loads(path.read_text(encoding="utf-8"))
            if args.only and src["id"] != args.only:
                continue
            for lang in args.langs.split(","):
                name = f"{src['id']}-{lang}"
                fodt = tmp / f"{name}.fodt"
                fodt.write_text(render.fodt(src, lang), encoding="utf-8")
                if args.keep_fodt:
                    shutil.copy(fodt, out_dir / fodt.name)
                subprocess.run(
                    ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                     "--convert-to", "pdf", "--outdir", str(tmp), str(fodt)],
                    check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                shutil.move(tmp / f"{name}.pdf", out_dir / f"{name}.pdf")
                print(f"wrote fixtures/pdf/{name}.pdf")


if __name__ == "__main__":
    main()
