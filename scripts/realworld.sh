#!/usr/bin/env bash
# Real-world check of the extractor against poppler's pdftotext and PDFium.
#
# Fetches the PDFs listed in scripts/realworld.list (Debian package, path inside
# the package, why the file is there) with `apt-get download`, then for each file
# runs `unprog text`, `pdftotext` and PDFium (pypdfium2, in a venv of its own) and
# prints a table: similarity of unprog's text to each reference (NFKC, whitespace
# and bidi marks aside), whether the references agree with each other (>= 0.97),
# and the files where they do not, with the reason.
#
# Usage: scripts/realworld.sh [WORKDIR]   (default: /tmp/unprog-realworld)
#        UNPROG=path/to/unprog to use a built binary instead of building one.
# Needs apt (packages, poppler-utils) and pip; not part of the test suite.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-/tmp/unprog-realworld}
LIST="$ROOT/scripts/realworld.list"
mkdir -p "$WORK/debs" "$WORK/pdf" "$WORK/x"
if ! command -v pdftotext >/dev/null || [ ! -x /usr/bin/time ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils time
fi
if [ ! -x "$WORK/venv/bin/python" ]; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q pypdfium2 rapidfuzz
fi
# The packages the list names, each downloaded once.
cd "$WORK/debs"
for p in $(grep -v '^#' "$LIST" | cut -f1 | sort -u); do
  ls "${p}"_*.deb >/dev/null 2>&1 || apt-get download "$p" >/dev/null 2>&1 || echo "could not download $p"
done
# Each listed file, named package__file.pdf.
grep -v '^#' "$LIST" | while IFS=$'\t' read -r pkg path _why; do
  [ -n "$pkg" ] || continue
  out="$WORK/pdf/${pkg}__$(basename "$path")"
  [ -f "$out" ] && continue
  deb=$(ls "$WORK/debs/${pkg}"_*.deb 2>/dev/null | head -1)
  [ -n "$deb" ] || { echo "missing package $pkg"; continue; }
  dpkg-deb --fsys-tarfile "$deb" | tar -x -O "./$path" > "$out" 2>/dev/null \
    || { rm -f "$out"; echo "not in $pkg: $path"; }
done
if [ -z "${UNPROG:-}" ]; then
  cargo build --release -q --locked --manifest-path "$ROOT/Cargo.toml" -p unprog
  UNPROG="${CARGO_TARGET_DIR:-$ROOT/target}/release/unprog"
fi
"$WORK/venv/bin/python" "$ROOT/scripts/realworld_compare.py" "$UNPROG" "$LIST" "$WORK/pdf" "$WORK/out"
