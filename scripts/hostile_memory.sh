#!/usr/bin/env bash
# Peak memory and time of `unprog convert` on each hostile input in
# fixtures/broken (GNU time). Installs GNU time with apt when missing.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; }
cargo build --release -q --manifest-path "$ROOT/Cargo.toml" -p unprog
printf '%-28s %8s %10s  %s\n' file seconds peak_MB outcome
for f in "$ROOT"/fixtures/broken/*.pdf; do
  log=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$log" "$ROOT/target/release/unprog" convert -q --timeout 10 "$f" -o - >/dev/null 2>"$log.err" || true
  read -r secs kb < <(tail -1 "$log")
  outcome=$(head -1 "$log.err" | sed "s|^unprog: [^:]*: ||" | cut -c1-80)
  printf '%-28s %8s %10s  %s\n' "$(basename "$f")" "$secs" "$((kb / 1024))" "${outcome:-ok}"
  rm -f "$log" "$log.err"
done
