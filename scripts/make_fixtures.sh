#!/usr/bin/env bash
# Rebuild the fixture corpus: PDFs (LibreOffice from Flat ODT), expected JSON,
# and poppler's reference text. Installs what it needs with apt.
#   scripts/make_fixtures.sh [--only ID] [--langs en,zh]
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v mutool >/dev/null || need+=(mupdf-tools)
fc-list | grep -q "Noto Serif CJK" || need+=(fonts-noto-cjk)
fc-list | grep -q "Noto Naskh Arabic" || need+=(fonts-noto-core)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
python3 scripts/make_fixtures.py "$@"
bash scripts/make_text_forms.sh
