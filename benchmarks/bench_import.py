"""How long `import coursekit` takes next to `import ipywidgets`, each in a fresh interpreter.

Run: .venv/bin/python benchmarks/bench_import.py [--reps N]

Each repetition starts a new interpreter per module (alternating the modules), so nothing is
cached in memory. Two figures per import:

* import time: measured inside the fresh interpreter with perf_counter around the import
  statement (what `python -X importtime` reports as the cumulative total, without its
  overhead); interpreter start-up is excluded.
* wall time: the whole `python -c "import X"` process, start-up included.

Target: import coursekit <= 1.15 x import ipywidgets (import time; median of the reps).
`import coursekit.widgets` vs `import ipywidgets` is informational: the widget layer must load
ipywidgets itself, so its ratio is at least 1.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time

from _bench import ROOT, fmt_seconds, header, median, ratio_line, venv_python

TARGET = 1.15
_PROBE = (
    "import time, sys; t = time.perf_counter(); import {module}; "
    "sys.stdout.write(repr(time.perf_counter() - t))"
)


def measure(python: str, module: str, env: dict[str, str]) -> tuple[float, float]:
    """Return (import time, wall time) of importing ``module`` in a new interpreter."""
    start = time.perf_counter()
    out = subprocess.run(
        [python, "-c", _PROBE.format(module=module)],
        capture_output=True,
        check=True,
        env=env,
        cwd=tempfile.gettempdir(),  # not the repo root, so the installed package is imported
    )
    wall = time.perf_counter() - start
    return float(out.stdout), wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=31, help="fresh interpreters per module")
    args = parser.parse_args()
    python = venv_python()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "0"}
    env.pop("PYTHONPATH", None)
    modules = ("ipywidgets", "coursekit", "coursekit.widgets")
    for module in modules:  # warm the OS file cache and write .pyc files first
        measure(python, module, env)
    times: dict[str, list[float]] = {m: [] for m in modules}
    walls: dict[str, list[float]] = {m: [] for m in modules}
    for _ in range(args.reps):
        for module in modules:
            imported, wall = measure(python, module, env)
            times[module].append(imported)
            walls[module].append(wall)

    header(f"bench_import: fresh-interpreter imports, median of {args.reps} reps ({ROOT.name})")
    for module in modules:
        print(
            f"  import {module:<20} import time {fmt_seconds(median(times[module])):>9}"
            f"   wall {fmt_seconds(median(walls[module])):>9}"
        )
    base_t, base_w = median(times["ipywidgets"]), median(walls["ipywidgets"])
    print(
        ratio_line(
            "import coursekit / import ipywidgets", median(times["coursekit"]) / base_t, TARGET
        )
    )
    print(ratio_line("  (wall time, start-up included)", median(walls["coursekit"]) / base_w, None))
    print(
        ratio_line(
            "import coursekit.widgets / import ipywidgets",
            median(times["coursekit.widgets"]) / base_t,
            None,
        )
    )
    print(
        ratio_line(
            "  (wall time, start-up included)", median(walls["coursekit.widgets"]) / base_w, None
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
