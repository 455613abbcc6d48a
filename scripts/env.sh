# Shared set-up for scripts/lab.sh and scripts/test.sh: a local virtual environment in .venv,
# reinstalled only when pyproject.toml changes, so a second run reuses it.

# Let Python keep its bytecode caches even where the machine turns them off: otherwise every
# notebook kernel, server and test worker compiles the course (and pytest rewrites the tests) anew.
unset PYTHONDONTWRITEBYTECODE

ensure_venv() {
    local extra="$1"              # "" for the course, "test" for the test suite
    local python="${PYTHON:-python3}"
    if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "Second Call needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)." >&2
        exit 1
    fi
    if [ ! -x .venv/bin/python ]; then
        echo "Creating the virtual environment in .venv ..."
        "$python" -m venv .venv
    fi
    local want stamp spec
    want="$(cat pyproject.toml | sha256sum | cut -d' ' -f1)"
    stamp=".venv/.installed-${extra:-course}"
    spec="."
    [ -n "$extra" ] && spec=".[${extra}]"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
        echo "Installing Second Call ($spec) into .venv ..."
        .venv/bin/python -m pip install --quiet --upgrade pip
        .venv/bin/python -m pip install --quiet -e "$spec"
        drop_slow_optional
        echo "$want" > "$stamp"
    fi
}

# jsonschema (under JupyterLab, JupyterHub and nbformat) uses rfc3987-syntax when it is installed,
# to check the "iri" format no Jupyter schema uses; importing it builds some 35 grammars, 2 to 3 s
# of CPU in every server, hub and test process. It is optional: without it jsonschema skips that
# check. Every install brings it back (jsonschema's "format-nongpl" extra), so every install ends here.
drop_slow_optional() {
    .venv/bin/python -m pip uninstall --quiet --yes rfc3987-syntax
}
