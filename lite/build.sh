#!/usr/bin/env bash
# Build the whole course as an offline JupyterLite site in lite/_output/ (serve it with any
# static web server, e.g. `python3 -m http.server -d lite/_output`). Safe to run again: each run
# starts from a clean output folder and build cache. Options: see `bash lite/build.sh --help`.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv-lite
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "The site build needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)." >&2
    exit 1
fi
if ! command -v npm >/dev/null; then
    echo "The site build needs npm (it fetches Pyodide from the npm registry)." >&2
    exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
    echo "Creating the build environment in $venv ..."
    "$python" -m venv "$venv"
fi
want="$(sha256sum lite/requirements-build.txt | cut -d' ' -f1)"
stamp="$venv/.installed-lite"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "Installing the build environment (lite/requirements-build.txt) into $venv ..."
    "$venv/bin/python" -m pip install --quiet -r lite/requirements-build.txt
    echo "$want" > "$stamp"
fi
exec "$venv/bin/python" lite/build.py "$@"
