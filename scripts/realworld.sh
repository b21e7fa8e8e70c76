#!/usr/bin/env bash
# Real-world check of the extractor against poppler's pdftotext.
#
# Gathers real PDFs shipped in Debian packages (TeX-made Chinese and Arabic
# documents, TeX manuals, ...), then for each file runs `unprog text` and
# `pdftotext`, and reports: failures, time, peak memory, and how much of
# pdftotext's text unprog gives (characters in common, whitespace aside, and
# the share of characters in the same order).
#
# Usage: scripts/realworld.sh [WORKDIR]   (default: /tmp/unprog-realworld)
# Needs apt (for the packages and poppler-utils); not part of the test suite.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-/tmp/unprog-realworld}
PACKAGES=(texlive-lang-arabic texlive-lang-chinese texlive-lang-cjk texlive-pictures-doc texlive-latex-base-doc texlive-fonts-recommended-doc)
mkdir -p "$WORK/debs" "$WORK/pdf" "$WORK/out"
if ! command -v pdftotext >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils time
fi
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
cd "$WORK/debs"
for p in "${PACKAGES[@]}"; do
  ls "${p}"_*.deb >/dev/null 2>&1 || apt-get download "$p" >/dev/null 2>&1 || echo "could not download $p"
done
for deb in *.deb; do
  d="$WORK/x/${deb%%_*}"
  [ -d "$d" ] || { mkdir -p "$d"; dpkg-deb -x "$deb" "$d"; }
done
# Up to 40 PDFs per package, smallest first so the run stays short.
for d in "$WORK"/x/*; do
  pkg=$(basename "$d")
  find "$d" -name '*.pdf' -size -3M -printf '%s %p\n' | sort -n | head -40 | while read -r _ f; do
    cp -n "$f" "$WORK/pdf/${pkg}__$(basename "$f")" 2>/dev/null || true
  done
done
cargo build --release -q --manifest-path "$ROOT/Cargo.toml" -p unprog
BIN="$ROOT/target/release/unprog"
python3 "$ROOT/scripts/realworld_compare.py" "$BIN" "$WORK/pdf" "$WORK/out"
