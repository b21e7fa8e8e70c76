#!/usr/bin/env bash
# Fuzz the extractor (bytes → layout → programme) and the plain-text parser
# (text → programme) with cargo-fuzz / libFuzzer.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 600 s, both)
#
# cargo-fuzz needs nightly features; with only a stable toolchain the script
# sets RUSTC_BOOTSTRAP=1 (the same compiler, nightly flags allowed). Seeds come
# from the fixtures: every PDF as is and uncompressed by qpdf (so mutations
# reach content streams, not just Flate data), the small broken files, and the
# extracted texts. Crashes land in fuzz/artifacts/<target>/; copy each one to
# tests/regressions/<target>/ so `cargo test` replays it for ever.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECONDS_PER_TARGET=${1:-600}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(extract parse_text)

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
command -v qpdf >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qpdf; }
export RUSTC_BOOTSTRAP=1

corpus="$ROOT/fuzz/corpus"
mkdir -p "$corpus/extract" "$corpus/parse_text"
for f in "$ROOT"/fixtures/pdf/*.pdf; do
  cp "$f" "$corpus/extract/"
  qpdf --qdf --object-streams=disable --stream-data=uncompress "$f" \
    "$corpus/extract/$(basename "$f" .pdf)-qdf.pdf" 2>/dev/null || true
done
for f in "$ROOT"/fixtures/broken/*.pdf; do
  # The big ones only slow every iteration down; their kinds are tested already.
  [ "$(stat -c %s "$f")" -lt 100000 ] && cp "$f" "$corpus/extract/"
done
cp "$ROOT"/fixtures/pdftotext/*.txt "$ROOT"/fixtures/text/*.txt "$corpus/parse_text/"
for dir in "$ROOT"/tests/regressions/*/; do
  [ -d "$dir" ] && cp "$dir"* "$corpus/$(basename "$dir")/" 2>/dev/null || true
done

cd "$ROOT/fuzz"
for target in "${TARGETS[@]}"; do
  echo "== $target: $SECONDS_PER_TARGET s"
  cargo fuzz run -O "$target" "$corpus/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
    -max_len=1048576 -print_final_stats=1 2>&1 | tee "$ROOT/fuzz/$target.log" | grep -E "^#[0-9]+ +(DONE|pulse)|ERROR|SUMMARY|stat::" || true
done
