#!/usr/bin/env bash
# Make sure Debian's Chromium is installed at /usr/bin/chromium for the browser tests
# (tests/browser/). Idempotent: does nothing when it is already there. Browsers come only
# from Debian's packages here; never from a browser download step such as `playwright install`.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    exit 0
fi

echo "browsers.sh: $CHROMIUM is missing; installing Debian's chromium package ..." >&2

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo -n)
else
    echo "browsers.sh: ERROR: not root and sudo is not available; cannot install chromium." >&2
    echo "browsers.sh: install it by hand: apt-get update && apt-get install -y chromium" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "browsers.sh: ERROR: apt-get not found; install Chromium at $CHROMIUM by other means." >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! "${SUDO[@]}" apt-get update -q; then
    echo "browsers.sh: ERROR: 'apt-get update' failed; cannot install chromium." >&2
    exit 1
fi
if ! "${SUDO[@]}" apt-get install -y -q chromium; then
    echo "browsers.sh: ERROR: 'apt-get install -y chromium' failed." >&2
    exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
    echo "browsers.sh: ERROR: chromium was installed but $CHROMIUM does not exist." >&2
    exit 1
fi
echo "browsers.sh: $("$CHROMIUM" --version 2>/dev/null || echo chromium) installed at $CHROMIUM" >&2
