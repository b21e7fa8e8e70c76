#!/usr/bin/env bash
# Throughput of the Ray Data pipeline (python -m unprog.ray) against
# `unprog convert` on the same files (not a test).
#
# Corpus: the fixture PDFs copied, cycling, to N files (default 2,000), under
# WORKDIR. Measured, one after the other, on this machine:
#   * unprog convert -j CPUS (the release binary);
#   * python -m unprog.ray --num-cpus CPUS: a local Ray cluster started by
#     the script itself (its start-up counted, as a user would see it), the
#     Parquet tables written; and the same pipeline on a cluster already up
#     (ray.init before the clock starts), the figure for a long-lived cluster.
# The Ray runs are inside their own network namespace that has only loopback
# (unshare -n, as root): Ray binds to the outward interface otherwise.
#
# Usage: scripts/bench_ray.sh [N] [WORKDIR]
# Environment:
#   CPUS=2            cores for both (unprog -j, Ray num_cpus)
#   PROFILE=release   cargo profile of the binary and the wheel (dev: faster to build)
#   UNPROG_BIN=path   measure this binary instead of building one
#   VENV=path         the virtual environment with the wheel and tests/python's
#                     requirements (default: WORKDIR/venv, made when missing)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-2000}
WORK=${2:-/tmp/unprog-bench-ray}
CPUS=${CPUS:-2}
PROFILE=${PROFILE:-release}
VENV=${VENV:-$WORK/venv}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
mkdir -p "$WORK"
cd "$ROOT"

dir=$PROFILE
[[ $PROFILE == dev ]] && dir=debug
if [[ -z ${UNPROG_BIN:-} ]]; then
    cargo build --locked --profile "$PROFILE" -p unprog
    UNPROG_BIN=$TARGET/$dir/unprog
fi
if [[ ! -x $VENV/bin/python ]]; then
    python3 -m venv "$VENV"
    reqs=()
    for r in tests/python/requirements*.txt; do reqs+=(-r "$r"); done
    "$VENV/bin/pip" install --quiet maturin==1.16.0 "${reqs[@]}"
fi
rm -rf "$WORK/wheels"
release=()
[[ $PROFILE == release ]] && release=(--release)
"$VENV/bin/maturin" build --quiet --locked --strip "${release[@]}" -m crates/py/Cargo.toml --out "$WORK/wheels"
"$VENV/bin/pip" install --quiet --force-reinstall --no-deps "$WORK"/wheels/unprog-*.whl

corpus=$WORK/corpus-$N
if [[ ! -d $corpus ]]; then
    mkdir -p "$corpus"
    mapfile -t pdfs < <(ls fixtures/pdf/*.pdf)
    for ((i = 0; i < N; i++)); do
        src=${pdfs[i % ${#pdfs[@]}]}
        cp "$src" "$corpus/$(printf %05d "$i")-$(basename "$src")"
    done
fi

now() { date +%s.%N; }
rate() { python3 -c "import sys; n, t = int(sys.argv[1]), float(sys.argv[2]); print(f'{n / t:.0f} documents/s ({t:.1f} s)')" "$@"; }

rm -rf "$WORK/cli"
t0=$(now)
"$UNPROG_BIN" convert "$corpus" -o "$WORK/cli" --compact -q -j "$CPUS" || true
t1=$(now)
cli=$(python3 -c "print($t1 - $t0)")

cat > "$WORK/ray_bench.py" <<'PY'
import os, sys, time
import ray
import unprog.ray
corpus, out, cpus, warm = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "warm"
t0 = time.monotonic()
if warm:
    ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False)
    # One small run first: workers started and the package imported in them.
    unprog.ray.run([os.path.join(corpus, sorted(os.listdir(corpus))[0])], out + "-warmup")
    t0 = time.monotonic()
else:
    ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False)
counts = unprog.ray.run([corpus], out, batch_size=32)
t1 = time.monotonic()
ray.shutdown()
print(f"{t1 - t0:.3f} {counts['documents']} {counts['failures']}")
PY
ray_run() {
    rm -rf "$WORK/ray-$1" "$WORK/ray-$1-warmup"
    RAY_USAGE_STATS_ENABLED=0 unshare --net -- sh -c 'ip link set lo up && exec "$0" "$@"' \
        "$VENV/bin/python" "$WORK/ray_bench.py" "$corpus" "$WORK/ray-$1" "$CPUS" "$1" 2>"$WORK/ray-$1.log" | tail -1
}
t2=$(now)
read -r _ docs failed < <(ray_run cold)
t3=$(now)
cold=$(python3 -c "print($t3 - $t2)")
read -r warm _ _ < <(ray_run warm)

echo "corpus: $N fixture PDFs, $CPUS cores, profile $PROFILE"
echo "unprog convert -j $CPUS:            $(rate "$N" "$cli")"
echo "unprog.ray, cluster started by it: $(rate "$N" "$cold") ($docs documents, $failed failed)"
echo "unprog.ray, cluster already up:    $(rate "$N" "$warm")"
