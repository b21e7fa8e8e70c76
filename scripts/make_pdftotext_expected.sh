#!/usr/bin/env bash
# Writes fixtures/pdftotext/<name>.txt: poppler's `pdftotext -layout` output
# for every fixture PDF, the reference that tests/extract_fixtures.rs compares
# `unprog text` against. Installs poppler-utils with apt when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pdftotext >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils
fi
mkdir -p fixtures/pdftotext
for pdf in fixtures/pdf/*.pdf; do
  name=$(basename "$pdf" .pdf)
  pdftotext -layout -enc UTF-8 "$pdf" "fixtures/pdftotext/$name.txt"
  echo "wrote fixtures/pdftotext/$name.txt"
done
pdftotext -v 2>&1 | head -1 > fixtures/pdftotext/VERSION
