#!/usr/bin/env bash
# Install what the tests need (first run only) and run them: lint, types, then pytest.
#   bash scripts/test.sh                    everything, real clients included (CI runs this)
#   bash scripts/test.sh -m "not client"    the fast tier: no browser, server, hub or Lite site
# Any arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
ensure_venv test
if [[ " $* " != *"not client"* ]]; then
    bash scripts/browsers.sh                      # Chromium, ip and npm from Debian's packages
    [ -x deploy/node_modules/.bin/configurable-http-proxy ] \
        || npm ci --prefix deploy --no-audit --no-fund   # the hub's proxy
fi
echo "== ruff" && .venv/bin/ruff check coursekit tests benchmarks scripts lite deploy conftest.py
echo "== mypy --strict" && .venv/bin/mypy --strict
echo "== pytest"
status=0
# pytest-xdist: a worker per core (two on the 2-core CI machine, four at most); each file stays
# on one worker, so a notebook's cells share their kernel and a real-client file its servers.
# Files start in collection order (conftest.py puts the longest first), not by test count.
.venv/bin/python -m pytest --numprocesses=auto --maxprocesses=4 --dist=loadfile \
    --no-loadscope-reorder "$@" || status=$?
if [ "$status" -eq 5 ]; then
    echo "test.sh: pytest collected no tests (exit 5): check the paths, -k and -m arguments." >&2
fi
exit "$status"
