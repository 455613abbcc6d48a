#!/usr/bin/env bash
# Install the course into .venv (first run only) and open it in JupyterLab.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
ensure_venv ""
extra=()
if [ "$(id -u)" -eq 0 ]; then
    extra+=(--allow-root)  # containers and CI machines often run as root
fi
exec .venv/bin/jupyter lab notebooks/00_start_here.ipynb "${extra[@]}" "$@"
