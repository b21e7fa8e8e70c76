#!/usr/bin/env bash
# Fuzz the extractor (bytes → layout → programme) and the plain-text parser
# (text → programme) with cargo-fuzz / libFuzzer.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default 600 s, both)
#
# Targets: extract, parse_text, and extract_small — the extract target fed
# only the few-KB seeds of scripts/fuzzgen/seeds.py and capped at 64 KB, which
# runs ~20× more executions per second than the fixture-seeded run.
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
mkdir -p "$corpus/extract" "$corpus/parse_text" "$corpus/extract_small"
python3 "$ROOT/scripts/fuzzgen/seeds.py" "$corpus/extract_small"
cp "$corpus"/extract_small/seed-*.pdf "$corpus/extract/"
for f in "$ROOT"/fixtures/pdf/*.pdf; do
  cp "$f" "$corpus/extract/"
  qpdf --qdf --object-streams=disable --stream-data=uncompress "$f" \
    "$corpus/extract/$(basename "$f" .pdf)-qdf.pdf" 2>/dev/null || true
done
for f in "$ROOT"/fixtures/broken/*.pdf; do
  # The big ones only slow every iteration down; their kinds are tested already.
  [ "$(stat -c %s "$f")" -lt 100000 ] && cp "$f" "$corpus/extract/"
  [ "$(stat -c %s "$f")" -lt 10000 ] && cp "$f" "$corpus/extract_small/"
done
cp "$ROOT"/fixtures/pdftotext/*.txt "$ROOT"/fixtures/text/*.txt "$corpus/parse_text/"
for dir in "$ROOT"/tests/regressions/*/; do
  [ -d "$dir" ] && cp "$dir"* "$corpus/$(basename "$dir")/" 2>/dev/null || true
done

cd "$ROOT/fuzz"
for target in "${TARGETS[@]}"; do
  echo "== $target: $SECONDS_PER_TARGET s"
  binary=$target max_len=1048576
  if [ "$target" = extract_small ]; then binary=extract max_len=65536; fi
  mkdir -p "$ROOT/fuzz/artifacts/$target"
  cargo fuzz run -O "$binary" "$corpus/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
    -max_len="$max_len" -artifact_prefix="$ROOT/fuzz/artifacts/$target/" \
    -print_final_stats=1 2>&1 | tee "$ROOT/fuzz/$target.log" | grep -E "^#[0-9]+ +(DONE|pulse)|ERROR|SUMMARY|stat::" || true
done
