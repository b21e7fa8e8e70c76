#!/usr/bin/env bash
# Rebuild fixtures/broken/ (installs qpdf with apt when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v qpdf >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qpdf; }
python3 scripts/make_broken.py
