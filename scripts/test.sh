#!/usr/bin/env bash
# Install the test environment into .venv (first run only) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
ensure_venv test
bash scripts/browsers.sh
exec .venv/bin/python -m pytest "$@"
