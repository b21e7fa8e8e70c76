#!/usr/bin/env bash
# Render an `unprog report` page to PNG with headless Chromium, to look at it,
# and check that nothing is wider than the window.
#
#   scripts/render_report.sh [REPORT.html] [OUT.png] [WIDTH]
#
# Without arguments: builds unprog (or takes $UNPROG), makes README's
# quick-start dataset in out/ (the fixture PDFs and the Chinese text sample),
# writes its report to out/report.html (one version per document) and renders
# it to docs/report.png (the picture in README).
# The page is first loaded with a one-line script added (in a copy) that
# reports its size: the screenshot is as tall as the page, and the script
# fails when the page is wider than WIDTH (a horizontal scrollbar).
# Installs Debian's chromium and the Noto fonts (CJK, Arabic) with apt when
# they are missing.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HTML=${1:-}
PNG=${2:-$ROOT/docs/report.png}
WIDTH=${3:-1400}

need=()
command -v chromium >/dev/null || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

if [ -z "$HTML" ]; then
  UNPROG=${UNPROG:-}
  if [ -z "$UNPROG" ]; then
    cargo build --release -q --manifest-path "$ROOT/Cargo.toml" -p unprog
    UNPROG=${CARGO_TARGET_DIR:-$ROOT/target}/release/unprog
  fi
  (cd "$ROOT" && "$UNPROG" convert -q fixtures/pdf \
    fixtures/text/oewg-ict-s4-programme-zh.pdftext.txt -o out)
  HTML=$ROOT/out/report.html
  "$UNPROG" report "$ROOT/out" -o "$HTML"
fi
HTML=$(cd "$(dirname "$HTML")" && pwd)/$(basename "$HTML")
mkdir -p "$(dirname "$PNG")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$work/profile" "$@" 2>/dev/null
}
# The page's size as laid out at WIDTH.
sed 's|</body>|<script>document.title = "size " + document.documentElement.scrollWidth + " " + document.documentElement.scrollHeight;</script></body>|' \
  "$HTML" > "$work/measure.html"
read -r page_width page_height < <(chrome --window-size="$WIDTH,900" --dump-dom \
  "file://$work/measure.html" | sed -n 's|.*<title>size \([0-9]*\) \([0-9]*\)</title>.*|\1 \2|p')
HEIGHT=${HEIGHT:-$((page_height + 20))}
chrome --window-size="$WIDTH,$HEIGHT" --screenshot="$PNG" "file://$HTML"
echo "$PNG (${WIDTH}x$HEIGHT; the page is ${page_width} px wide)"
if [ "$page_width" -gt "$WIDTH" ]; then
  echo "render_report.sh: the page is wider than the window ($page_width > $WIDTH px)" >&2
  exit 1
fi
