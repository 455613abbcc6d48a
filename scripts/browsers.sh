#!/usr/bin/env bash
# Make sure the real-client tests' system tools are installed from Debian's packages: Chromium
# at /usr/bin/chromium (tests/browser, tests/lite), ip (the Lite test's network namespace) and
# npm (the Lite build, the hub's proxy). Idempotent: does nothing when they are all there.
# Browsers come only from Debian's packages; never from a download step like `playwright install`.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v ip >/dev/null 2>&1 || missing+=(iproute2)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v strace >/dev/null 2>&1 || missing+=(strace)  # the journal durability test
if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

echo "browsers.sh: installing Debian's ${missing[*]} ..." >&2

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo -n)
else
    echo "browsers.sh: ERROR: not root and sudo is not available; cannot install chromium." >&2
    echo "browsers.sh: install them by hand: apt-get install -y ${missing[*]}" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "browsers.sh: ERROR: apt-get not found; install ${missing[*]} by other means." >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if ! "${SUDO[@]}" apt-get update -q; then
    echo "browsers.sh: ERROR: 'apt-get update' failed; cannot install ${missing[*]}." >&2
    exit 1
fi
if ! "${SUDO[@]}" apt-get install -y -q "${missing[@]}"; then
    echo "browsers.sh: ERROR: 'apt-get install -y ${missing[*]}' failed." >&2
    exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
    echo "browsers.sh: ERROR: chromium was installed but $CHROMIUM does not exist." >&2
    exit 1
fi
echo "browsers.sh: $("$CHROMIUM" --version 2>/dev/null || echo chromium) installed at $CHROMIUM" >&2
