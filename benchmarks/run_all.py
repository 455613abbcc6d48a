"""Run every benchmark in this folder (each bench_*.py with a main()) and list any missed target.

Run: .venv/bin/python benchmarks/run_all.py [--quick]
(the browser benchmarks start JupyterLab, Chromium and a Lite build: wrap the run in the shared
browser lock where one is used)

Each benchmark prints its own figures: ratios against a baseline measured in the same run,
with the target and PASS or MISS. --quick sets BENCH_QUICK=1, which the benchmarks read as
"few repetitions". Exits 0 even when a target is missed; exits 1 only if a benchmark crashed.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from _bench import venv_python

HERE = Path(__file__).resolve().parent
_HAS_MAIN = re.compile(r"^def main\(", re.MULTILINE)


def benchmarks() -> list[Path]:
    """Every bench_*.py here that defines a main(), in name order."""
    return [
        path
        for path in sorted(HERE.glob("bench_*.py"))
        if _HAS_MAIN.search(path.read_text(encoding="utf-8"))
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few repetitions (noisier)")
    args = parser.parse_args()
    env = {**os.environ, **({"BENCH_QUICK": "1"} if args.quick else {})}
    crashed: list[str] = []
    verdicts: list[str] = []
    found = benchmarks()
    for path in found:
        print(f"$ {path.name}", flush=True)
        started = time.monotonic()
        done = subprocess.run(
            [venv_python(), str(path)], cwd=HERE, env=env, capture_output=True, text=True,
            check=False,
        )  # fmt: skip
        sys.stdout.write(done.stdout)
        if done.returncode != 0:
            crashed.append(path.name)
            sys.stdout.write(done.stderr[-4000:])
        for line in done.stdout.splitlines():
            if line.rstrip().endswith(("PASS", "MISS")):
                verdicts.append(f"{path.stem}: {' '.join(line.split())}")
        print(f"  ({time.monotonic() - started:.0f} s)\n", flush=True)
    missed = [line for line in verdicts if line.endswith("MISS")]
    print(f"summary: {len(found)} benchmarks, {len(verdicts)} figures with a target, "
          f"{len(verdicts) - len(missed)} PASS, {len(missed)} MISS, "
          f"{len(crashed)} crashed{': ' + ', '.join(crashed) if crashed else ''}")  # fmt: skip
    for line in missed:
        print(f"  MISS  {line}")
    return 1 if crashed else 0


if __name__ == "__main__":
    raise SystemExit(main())
