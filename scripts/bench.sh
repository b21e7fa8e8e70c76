#!/usr/bin/env bash
# Batch benchmark: unprog convert against pdftotext on the same files.
#
# Builds a bench corpus (the fixture PDFs copied to N files, default 2,000),
# then measures, in one run:
#   * unprog convert -j 1 and -j 2 (documents/s, pages/s, peak memory);
#   * pdftotext over the same files, one process per file, two at a time
#     (xargs -P2), as a user would script it;
#   * unprog convert -j 2 on 200 files, to show memory does not grow with N.
# Usage: scripts/bench.sh [N] [WORKDIR]      (needs poppler-utils and GNU time)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-2000}
WORK=${2:-/tmp/unprog-bench}
need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
cargo build --release -q --manifest-path "$ROOT/Cargo.toml" -p unprog
BIN="$ROOT/target/release/unprog"

make_corpus() { # N DIR (kept between runs: deleting thousands of files just
  # before a measurement slows the next file creations on ext4)
  local n=$1 dir=$2
  if [ -d "$dir" ] && [ "$(ls "$dir" | wc -l)" -eq "$n" ]; then return; fi
  rm -rf "$dir"; mkdir -p "$dir"
  mapfile -t src < <(ls "$ROOT"/fixtures/pdf/*.pdf)
  for ((i = 0; i < n; i++)); do
    cp "${src[i % ${#src[@]}]}" "$dir/doc$(printf %05d "$i").pdf"
  done
}
pages_of() { # DIR -> total pages
  local total=0
  for f in "$ROOT"/fixtures/pdf/*.pdf; do
    p=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
    total=$((total + p))
  done
  local count; count=$(ls "$ROOT"/fixtures/pdf/*.pdf | wc -l)
  # Corpus pages: N copies cycling over the fixtures.
  python3 -c "import sys; n=$N; c=$count; t=$total; import subprocess" >/dev/null
  echo "$total $count"
}
measure() { # LABEL CMD...  -> prints seconds and peak KB
  local label=$1; shift
  local log; log=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$log" "$@" >/dev/null 2>&1 || true
  read -r secs kb <"$log"
  rm -f "$log"
  echo "$label $secs $kb"
}

make_corpus "$N" "$WORK/corpus"
make_corpus 200 "$WORK/corpus200"
read -r fixture_pages fixture_count < <(pages_of)
corpus_pages=$(python3 - "$ROOT" "$N" <<'PY'
import subprocess, sys, glob
root, n = sys.argv[1], int(sys.argv[2])
files = sorted(glob.glob(root + "/fixtures/pdf/*.pdf"))
pages = [int(next(l.split()[1] for l in subprocess.run(["pdfinfo", f], capture_output=True, text=True).stdout.splitlines() if l.startswith("Pages:"))) for f in files]
print(sum(pages[i % len(pages)] for i in range(n)))
PY
)
echo "corpus: $N PDFs, $corpus_pages pages (cycled from $fixture_count fixtures); machine: $(nproc) cores"
# Outputs go to a memory file system when there is one (as pdftotext's go
# to /dev/null): on ext4, creating files soon after thousands were deleted
# (an earlier run's outputs) is markedly slower, which measured the disk's
# history rather than unprog. Removed at the end.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then outs=$(mktemp -d /dev/shm/unprog-bench.XXXXXX); else outs=$(mktemp -d "$WORK/out.XXXXXX"); fi
trap 'rm -rf "$outs"' EXIT
results=()
results+=("$(measure "unprog-j1" "$BIN" convert -q -j 1 -o "$outs/j1" "$WORK/corpus")")
results+=("$(measure "unprog-j2" "$BIN" convert -q -j 2 -o "$outs/j2" "$WORK/corpus")")
results+=("$(measure "pdftotext-P2" sh -c "ls '$WORK/corpus'/*.pdf | xargs -P2 -I{} pdftotext -q {} /dev/null")")
results+=("$(measure "unprog-j2-200files" "$BIN" convert -q -j 2 -o "$outs/j2-200" "$WORK/corpus200")")
printf '%-22s %8s %10s %10s %10s\n' run seconds docs/s pages/s peak_MB
for r in "${results[@]}"; do
  read -r label secs kb <<<"$r"
  n=$N; p=$corpus_pages
  if [ "$label" = unprog-j2-200files ]; then n=200; p=$((corpus_pages * 200 / N)); fi
  python3 -c "
label, secs, kb, n, p = '$label', float('$secs'), int('$kb'), $n, $p
print(f'{label:22} {secs:8.2f} {n/secs:10.1f} {p/secs:10.1f} {kb/1024:10.1f}')"
done
