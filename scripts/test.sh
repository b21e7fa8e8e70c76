#!/usr/bin/env bash
# The project's one test command (CI's .ci/run runs exactly this):
#   1. the Rust tests: cargo test --workspace --locked;
#   2. the Python package: a virtual environment (under the target folder)
#      with maturin and every tests/python/requirements*.txt, the wheel built
#      from crates/py and installed, pytest over tests/python.
# The environment is installed in the background while the Rust tests run,
# and reused while the requirements are unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
mkdir -p "$target"
venv=$target/py-venv
python=${PYTHON:-python3}
maturin_req="maturin==1.16.0"

requirements=(tests/python/requirements*.txt)
stamp=$( (echo "$maturin_req"; "$python" --version; cat "${requirements[@]}") | sha256sum | cut -d' ' -f1)

install_env() {
    if [[ -f $venv/.stamp && $(cat "$venv/.stamp") == "$stamp" ]]; then
        echo "reusing $venv"
        return
    fi
    rm -rf "$venv"
    "$python" -m venv "$venv"
    local args=()
    for r in "${requirements[@]}"; do args+=(-r "$r"); done
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$maturin_req" "${args[@]}"
    echo "$stamp" > "$venv/.stamp"
}

log=$target/py-venv.log
install_env > "$log" 2>&1 &
env_pid=$!

cargo test --workspace --locked

if ! wait "$env_pid"; then
    echo "scripts/test.sh: installing the Python test environment failed:" >&2
    cat "$log" >&2
    exit 1
fi

# The wheel (debug profile, as the tests' binary: most of it is built already).
rm -rf "$target/wheels"
"$venv/bin/maturin" build --quiet --locked --strip -m crates/py/Cargo.toml --out "$target/wheels"
"$venv/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps "$target"/wheels/unprog-*.whl

# The tests compare with the CLI that cargo test built.
export UNPROG_BIN=$target/debug/unprog
cd "$root"
"$venv/bin/python" -m pytest -q -p no:cacheprovider "$root/tests/python"
