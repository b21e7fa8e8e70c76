#!/usr/bin/env bash
# Render an `unprog report` page to PNG with headless Chromium, to look at it.
#
#   scripts/render_report.sh [REPORT.html] [OUT.png] [WIDTH]
#
# Without arguments: builds unprog, writes a report of fixture sessions 5
# and 6 in English and session 6 in Arabic to out/report.html, and renders it
# to docs/report.png (the picture in README).
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
  cargo build --release -q --manifest-path "$ROOT/Cargo.toml" -p unprog
  mkdir -p "$ROOT/out"
  HTML=$ROOT/out/report.html
  "$ROOT/target/release/unprog" report \
    "$ROOT"/fixtures/expected/oewg-s{5,6}-en.json "$ROOT"/fixtures/expected/oewg-s6-ar.json \
    -o "$HTML"
fi
mkdir -p "$(dirname "$PNG")"
# The page's height: long enough for the whole report (Chromium crops to the
# window; --screenshot has no full-page mode).
HEIGHT=${HEIGHT:-$(( $(grep -c '<section class="programme"' "$HTML") * 820 + 450 ))}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$profile" \
  --window-size="$WIDTH,$HEIGHT" --screenshot="$PNG" "file://$HTML" 2>/dev/null
echo "$PNG (${WIDTH}x$HEIGHT)"
