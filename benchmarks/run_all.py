"""Run every benchmark in this folder, one after the other, and say which missed a target.

Run: .venv/bin/python benchmarks/run_all.py [--quick]

Each benchmark prints its own figures (ratios against a baseline measured in the same run,
medians of several repetitions, target and PASS/MISS). --quick passes fewer repetitions.
Exits 0 even when a target is missed; exits 1 only if a benchmark crashed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from _bench import venv_python

HERE = Path(__file__).resolve().parent
#: The benchmarks, in the order they run, with the arguments --quick passes.
BENCHMARKS: dict[str, list[str]] = {
    "bench_import.py": ["--reps", "11"],
    "bench_interaction.py": ["--reps", "60", "--review-reps", "20"],
    "bench_nbval.py": ["--reps", "1"],
    "bench_lite.py": ["--reps", "2"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (noisier)")
    args = parser.parse_args()
    crashed, missed = [], []
    for name, quick in BENCHMARKS.items():
        command = [venv_python(), str(HERE / name), *(quick if args.quick else [])]
        print(f"$ {' '.join(command[1:])}", flush=True)
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        sys.stdout.write(done.stdout)
        if done.returncode != 0:
            crashed.append(name)
            sys.stdout.write(done.stderr[-4000:])
        elif " MISS" in done.stdout:
            missed.append(name)
        print(flush=True)
    print(
        f"benchmarks: {len(BENCHMARKS)} run; missed a target: {', '.join(missed) or 'none'};"
        f" crashed: {', '.join(crashed) or 'none'}"
    )
    return 1 if crashed else 0


if __name__ == "__main__":
    raise SystemExit(main())
