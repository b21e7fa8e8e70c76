#!/usr/bin/env bash
# Batch benchmark: unprog convert against pdftotext and PDFium on the same
# files, over the whole fixture mix and over each producer's PDFs apart.
#
# Corpora (the fixture PDFs copied, cycling, to a number of files):
#   mix   all fixture PDFs, N files (default 2,000)
#   odt   LibreOffice from ODT, NPROD files (default 600)
#   docx  LibreOffice from Word .docx, NPROD files
#   html  headless Chromium print-to-PDF, NPROD files
#   real  the real-world set scripts/realworld.sh fetches (scripts/realworld.list:
#         TeX-made documents in many scripts, none of them a programme, so
#         unprog's conversion extracts each and then reports "no programme");
#         each file once, from REALWORLD_PDFS (default
#         /tmp/unprog-realworld/pdf; run scripts/realworld.sh first)
# The producer of each fixture comes from fixtures/source/*.json ("editions";
# a source without editions is one ODT edition named after its id).
# For each corpus, in one run:
#   * unprog convert -j 1 and -j 2 (documents/s, pages/s, peak memory);
#   * unprog convert -j 2 --sqlite --parquet (the archive dataset too: the
#     database and the Parquet tables, written inside the output folder);
#   * pdftotext over the same files, one process per file, two at a time
#     (xargs -P2), as a user would script it;
#   * PDFium (pypdfium2, in a venv under WORKDIR): each page's text, in a
#     Pool(2) of worker processes;
#   * mix only: unprog convert -j 2 on 200 files, to show memory does not
#     grow with N.
# Every measurement (and every try) is logged to WORKDIR/runs.log.
# Peak memory is GNU time's %M: the largest resident set of any one process
# (for pdftotext and PDFium that is one worker, not their sum).
#
# Usage: scripts/bench.sh [N] [WORKDIR] [NPROD]
# Environment:
#   BENCH_CORPORA="mix odt docx html"  which corpora, in this order
#   BENCH_RUNS=1         measure each command this many times (the runs
#                        interleaved) and report the median
#   BENCH_REFERENCES=1   0: skip pdftotext and PDFium
#   BENCH_TABLES=1       0: skip the --sqlite --parquet run
#   BENCH_QUIET=1        on a shared machine: wait for idle CPUs before each
#                        measurement, and measure again (up to BENCH_TRIES=5
#                        times in all) one during which other processes took
#                        over a tenth of a core on average. Either way the
#                        "others" column says how busy the rest of the machine
#                        was meanwhile (cores, median).
#   UNPROG_BIN=path      measure this binary instead of building the tree
#   UNPROG_BASELINE=path also measure this (older) binary, -j 1 and -j 2,
#                        and print new/old
# e.g. before/after on the ODT corpus, 2,000 files, medians of 3:
#   BENCH_CORPORA=odt BENCH_RUNS=3 BENCH_REFERENCES=0 \
#     UNPROG_BASELINE=/path/to/old/unprog scripts/bench.sh 2000 /tmp/unprog-bench 2000
# Needs poppler-utils and GNU time (installed with apt if missing) and
# python3 with venv (PyPI reachable for pypdfium2).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-2000}
WORK=${2:-/tmp/unprog-bench}
NPROD=${3:-600}
CORPORA=${BENCH_CORPORA:-mix odt docx html}
RUNS=${BENCH_RUNS:-1}
REFS=${BENCH_REFERENCES:-1}
BASELINE=${UNPROG_BASELINE:-}
QUIET=${BENCH_QUIET:-0}
TRIES=${BENCH_TRIES:-5}
TABLES=${BENCH_TABLES:-1}
mkdir -p "$WORK"
need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
[ -x /usr/bin/time ] || need+=(time)
if [ "$REFS" = 1 ] && ! python3 -c 'import ensurepip, venv' 2>/dev/null; then need+=(python3-venv); fi
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
if [ -n "${UNPROG_BIN:-}" ]; then
  BIN=$UNPROG_BIN
else
  cargo build --release -q --manifest-path "$ROOT/Cargo.toml" -p unprog
  BIN="$ROOT/target/release/unprog"
fi
if [ "$REFS" = 1 ]; then
  VENV="$WORK/venv"
  if ! "$VENV/bin/python" -c 'import pypdfium2' 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q pypdfium2
  fi
  PDFIUM_RUNNER="$WORK/pdfium_text.py"
  cat >"$PDFIUM_RUNNER" <<'PY'
# Each page's text of every PDF in a folder, by PDFium, in two worker
# processes; prints nothing but the total of characters to stderr.
import glob, multiprocessing, sys
import pypdfium2 as pdfium

def text_of(path):
    chars = 0
    pdf = pdfium.PdfDocument(path)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return chars

if __name__ == "__main__":
    files = sorted(glob.glob(sys.argv[1] + "/*.pdf"))
    with multiprocessing.Pool(2) as pool:
        total = sum(pool.imap_unordered(text_of, files, chunksize=8))
    print(f"{len(files)} files, {total} characters", file=sys.stderr)
PY
fi

# The fixtures of each producer, and their pages.
FIXTURES="$WORK/fixtures.tsv" # name producer pages
python3 - "$ROOT" >"$FIXTURES" <<'PY'
import glob, json, os, re, subprocess, sys
root = sys.argv[1]
producer = {}
for src in sorted(glob.glob(root + "/fixtures/source/*.json")):
    if os.path.basename(src) == "phrases.json":
        continue
    doc = json.load(open(src))
    for ed in doc.get("editions") or [{"name": doc["id"], "producer": "odt"}]:
        producer[ed["name"]] = ed["producer"]
for pdf in sorted(glob.glob(root + "/fixtures/pdf/*.pdf")):
    name = os.path.basename(pdf)
    m = re.fullmatch(r"(.+)-([a-z]{2})\.pdf", name)
    prod = producer.get(m.group(1)) if m else None
    if prod is None:
        sys.exit(f"bench: no edition in fixtures/source for {name}")
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    pages = next(int(l.split()[1]) for l in info.splitlines() if l.startswith("Pages:"))
    print(name, prod, pages, sep="\t")
PY

REALWORLD_PDFS=${REALWORLD_PDFS:-/tmp/unprog-realworld/pdf}
real_corpus() { # DIR -> prints the corpus's files and pages
  local dir=$1 total=0 p f
  rm -rf "$dir"; mkdir -p "$dir"
  for f in "$REALWORLD_PDFS"/*.pdf; do
    cp "$f" "$dir/"
    p=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
    total=$((total + ${p:-0}))
  done
  echo "$(ls "$dir" | wc -l) $total"
}

make_corpus() { # N DIR PRODUCER|mix -> prints the corpus's pages
  # (kept between runs when made from the same files: deleting thousands of
  # files just before a measurement slows the next file creations on ext4)
  local n=$1 dir=$2 prod=$3
  local src=() pages=() name p pr
  while IFS=$'\t' read -r name pr p; do
    if [ "$prod" = mix ] || [ "$prod" = "$pr" ]; then src+=("$ROOT/fixtures/pdf/$name"); pages+=("$p"); fi
  done <"$FIXTURES"
  if [ ${#src[@]} -eq 0 ]; then echo "bench: no fixture PDFs of producer $prod" >&2; exit 1; fi
  local stamp; stamp="$n $(cat "${src[@]}" | sha256sum | cut -d' ' -f1) ${#src[@]}"
  if [ ! -d "$dir" ] || [ "$(cat "$dir.stamp" 2>/dev/null)" != "$stamp" ] || [ "$(ls "$dir" | wc -l)" -ne "$n" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    for ((i = 0; i < n; i++)); do
      cp "${src[i % ${#src[@]}]}" "$dir/doc$(printf %05d "$i").pdf"
    done
    echo "$stamp" >"$dir.stamp"
  fi
  local total=0
  for ((i = 0; i < n; i++)); do total=$((total + pages[i % ${#pages[@]}])); done
  echo "$total ${#src[@]}"
}
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
HZ=$(getconf CLK_TCK)
wait_idle() { # until the CPUs are >= 90% idle over 3 s, twice in a row
  local ok=0 b1 b2
  while [ $ok -lt 2 ]; do
    b1=$(busy_ticks); sleep 3; b2=$(busy_ticks)
    if [ $(((b2 - b1) * 100 / HZ)) -le $((30 * $(nproc))) ]; then ok=$((ok + 1)); else ok=0; fi
  done
}
measure() { # CMD... -> prints seconds, peak KB and the other processes' load
  # (CPU seconds spent meanwhile by anything but CMD, per second of wall time)
  local log b1 b2 secs kb user sys try others
  log=$(mktemp)
  for ((try = 1; ; try++)); do
    [ "$QUIET" = 1 ] && wait_idle
    b1=$(busy_ticks)
    /usr/bin/time -f "%e %M %U %S" -o "$log" "$@" >/dev/null 2>&1 || true
    b2=$(busy_ticks)
    read -r secs kb user sys < <(tail -n 1 "$log")
    others=$(python3 -c "print(f'{max(0.0, ($b2 - $b1) / $HZ - $user - $sys) / max($secs, 0.01):.2f}')")
    # Disturbed: others took more than a tenth of a core on average.
    echo "$(date +%T) try $try: $* -> $secs s, $kb KB, others $others" >>"$WORK/runs.log"
    if [ "$QUIET" != 1 ] || python3 -c "import sys; sys.exit(float('$others') > 0.1)" || [ "$try" -ge "$TRIES" ]; then break; fi
  done
  rm -f "$log"
  echo "$secs $kb $others"
}
median() { python3 -c 'import statistics, sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

# Outputs go to a memory file system when there is one (as pdftotext's go
# to /dev/null): on ext4, creating files soon after thousands were deleted
# (an earlier run's outputs) is markedly slower, which measured the disk's
# history rather than unprog. Removed at the end.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then outs=$(mktemp -d /dev/shm/unprog-bench.XXXXXX); else outs=$(mktemp -d "$WORK/out.XXXXXX"); fi
trap 'rm -rf "$outs"' EXIT
echo "machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg); runs per measurement: $RUNS (median)"

for corpus in $CORPORA; do
  if [ "$corpus" = mix ]; then n=$N; else n=$NPROD; fi
  dir="$WORK/corpus-$corpus-$n"
  if [ "$corpus" = real ]; then
    if ! ls "$REALWORLD_PDFS"/*.pdf >/dev/null 2>&1; then
      echo "bench: no PDFs in $REALWORLD_PDFS: run scripts/realworld.sh first (or set REALWORLD_PDFS)" >&2
      continue
    fi
    dir="$WORK/corpus-real"
    read -r n pages < <(real_corpus "$dir")
    nfix=real-world
  else
    read -r pages nfix < <(make_corpus "$n" "$dir" "$corpus")
  fi
  labels=(); cmds=()
  add() { # LABEL CMD... (kept quoted for eval)
    labels+=("$1"); shift
    cmds+=("$(printf '%q ' "$@")")
  }
  add unprog-j1 "$BIN" convert -q -j 1 -o "$outs/out" "$dir"
  add unprog-j2 "$BIN" convert -q -j 2 -o "$outs/out" "$dir"
  if [ "$TABLES" = 1 ]; then
    add unprog-j2-tables "$BIN" convert -q -j 2 -o "$outs/out" "$dir" \
      --sqlite "$outs/out/programmes.db" --parquet "$outs/out/tables"
  fi
  if [ -n "$BASELINE" ]; then
    add baseline-j1 "$BASELINE" convert -q -j 1 -o "$outs/out" "$dir"
    add baseline-j2 "$BASELINE" convert -q -j 2 -o "$outs/out" "$dir"
  fi
  if [ "$REFS" = 1 ]; then
    add pdftotext-P2 sh -c 'ls "$1"/*.pdf | xargs -P2 -I{} pdftotext -q {} /dev/null' sh "$dir"
    add pdfium-Pool2 "$VENV/bin/python" "$PDFIUM_RUNNER" "$dir"
  fi
  if [ "$corpus" = mix ]; then
    small="$WORK/corpus-mix-200"
    read -r small_pages _ < <(make_corpus 200 "$small" mix)
    add unprog-j2-200files "$BIN" convert -q -j 2 -o "$outs/out" "$small"
  fi
  declare -A secs=() kbs=() oth=()
  for ((r = 0; r < RUNS; r++)); do
    for k in "${!labels[@]}"; do
      rm -rf "$outs/out"
      read -r s kb ot < <(eval "measure ${cmds[k]}")
      secs[$k]="${secs[$k]:-} $s"; kbs[$k]="${kbs[$k]:-} $kb"; oth[$k]="${oth[$k]:-} $ot"
    done
  done
  echo
  if [ "$corpus" = real ]; then
    echo "== $corpus: $n PDFs, $pages pages (the real-world set, each once)"
  else
    echo "== $corpus: $n PDFs, $pages pages (cycled from $nfix fixtures)"
  fi
  printf '%-20s %8s %9s %9s %8s %7s\n' run seconds docs/s pages/s peak_MB others
  declare -A med=()
  for k in "${!labels[@]}"; do
    # shellcheck disable=SC2086
    s=$(median ${secs[$k]}); kb=$(median ${kbs[$k]}); ot=$(median ${oth[$k]})
    med[${labels[k]}]=$s
    nn=$n; pp=$pages
    if [ "${labels[k]}" = unprog-j2-200files ]; then nn=200; pp=$small_pages; fi
    python3 -c "
s, kb, ot, n, p = float('$s'), float('$kb'), float('$ot'), $nn, $pp
print(f'{\"${labels[k]}\":20} {s:8.2f} {n/s:9.1f} {p/s:9.1f} {kb/1024:8.1f} {ot:7.2f}')"
  done
  ratio() { python3 -c "print(f'{float(\"$1\") / float(\"$2\"):.2f}')"; }
  line="ratios (throughput): -j2/-j1 $(ratio "${med[unprog-j1]}" "${med[unprog-j2]}")"
  if [ "$REFS" = 1 ]; then
    line+="; -j2/pdftotext $(ratio "${med[pdftotext-P2]}" "${med[unprog-j2]}")"
    line+="; -j2/pdfium $(ratio "${med[pdfium-Pool2]}" "${med[unprog-j2]}")"
    if [ "$TABLES" = 1 ]; then
      line+="; -j2 --sqlite --parquet/pdftotext $(ratio "${med[pdftotext-P2]}" "${med[unprog-j2-tables]}")"
    fi
  fi
  if [ "$TABLES" = 1 ]; then
    line+="; --sqlite --parquet cost $(ratio "${med[unprog-j2-tables]}" "${med[unprog-j2]}")x the time"
  fi
  if [ -n "$BASELINE" ]; then
    line+="; new/old -j1 $(ratio "${med[baseline-j1]}" "${med[unprog-j1]}")"
    line+="; new/old -j2 $(ratio "${med[baseline-j2]}" "${med[unprog-j2]}")"
  fi
  echo "$line"
  unset secs kbs oth med
done
