#!/usr/bin/env bash
# Rebuild the fixture corpus: PDFs by three producers (LibreOffice from Flat
# ODT, LibreOffice from a Word-style .docx, headless Chromium from HTML), the
# expected JSON, and the text forms other tools extract. Installs what it
# needs with apt and pip.
#   scripts/make_fixtures.sh [--only EDITION] [--langs en,zh]
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v chromium >/dev/null || need+=(chromium)
command -v faketime >/dev/null || need+=(faketime)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v mutool >/dev/null || need+=(mupdf-tools)
fc-list | grep -q "Noto Serif CJK" || need+=(fonts-noto-cjk)
fc-list | grep -q "Noto Naskh Arabic" || need+=(fonts-noto-core)
fc-list | grep -q "Liberation Serif" || need+=(fonts-liberation2)
fc-list | grep -q "AR PL UMing" || need+=(fonts-arphic-uming)
fc-list | grep -q "Amiri" || need+=(fonts-hosny-amiri)
fc-list | grep -q "OpenSymbol" || need+=(fonts-opensymbol)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
python3 -c "import docx" 2>/dev/null || python3 -m pip install -q python-docx
python3 scripts/make_fixtures.py "$@"
bash scripts/make_text_forms.sh
