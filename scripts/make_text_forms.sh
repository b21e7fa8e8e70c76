#!/usr/bin/env bash
# Writes the text forms of every fixture PDF, as other tools extract it:
#   fixtures/text/pdftotext-layout/<name>.txt   poppler, `pdftotext -layout`
#   fixtures/text/pdftotext/<name>.txt          poppler, `pdftotext` (reading order)
#   fixtures/text/mutool/<name>.txt             MuPDF, `mutool draw -F txt`
# Each is a text fixture with the PDF's expected JSON (see fixtures/README.md);
# the -layout form is also the reference `unprog text` is compared with.
# Installs poppler-utils and mupdf-tools with apt when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v mutool >/dev/null || need+=(mupdf-tools)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
mkdir -p fixtures/text/pdftotext-layout fixtures/text/pdftotext fixtures/text/mutool
for pdf in fixtures/pdf/*.pdf; do
  name=$(basename "$pdf" .pdf)
  pdftotext -layout -enc UTF-8 "$pdf" "fixtures/text/pdftotext-layout/$name.txt"
  pdftotext -enc UTF-8 "$pdf" "fixtures/text/pdftotext/$name.txt"
  mutool draw -q -F txt -o "fixtures/text/mutool/$name.txt" "$pdf" 2> >(grep -v "ICC support" >&2)
done
{
  pdftotext -v 2>&1 | head -1
  echo "mutool $(mutool -v 2>&1 | head -1 | sed 's/^mutool version //')"
} > fixtures/text/VERSIONS
echo "wrote the text forms of $(ls fixtures/pdf/*.pdf | wc -l) PDFs"
