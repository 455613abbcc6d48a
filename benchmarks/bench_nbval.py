"""The whole course under nbval vs the floor: as many one-cell notebooks under nbval.

Run: .venv/bin/python benchmarks/bench_nbval.py [--reps N]

Course: from the repo root,
    python -m pytest -q -p no:cacheprovider --nbval --nbval-current-env
        --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks -o addopts=""
(`-o addopts=""` drops pyproject's addopts, which would add doctests and a second --nbval).
Floor: the same command over N generated notebooks holding one cell, `print(1)`, with its
stored output, where N is the number of course notebooks found at run time
(notebooks/**/*.ipynb). Each notebook gets its own kernel in both runs, so the floor is the
fixed cost of nbval and kernels; the ratio shows what running the course's own cells adds.
Runs alternate (course, floor, floor, course, ...); figures are medians of --reps runs.

Target: course / floor <= 1.25. Failing notebooks are reported but do not stop the benchmark.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from _bench import ROOT, compile_checkout, fmt_seconds, header, median, ratio_line, venv_python

TARGET = 1.25
_SUMMARY = re.compile(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed)")


def course_notebooks() -> list[Path]:
    """Return the course's notebooks, skipping checkpoints and other hidden folders."""
    found = []
    for path in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        parts = path.relative_to(ROOT).parts
        if not any(part.startswith(".") for part in parts):
            found.append(path)
    return found


def write_floor(folder: Path, count: int) -> None:
    """Write ``count`` one-cell notebooks (print(1), output stored) into ``folder``."""
    for number in range(count):
        notebook = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("print(1)", execution_count=1)
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
        notebook.cells = [cell]
        notebook.metadata["kernelspec"] = {
            "display_name": "Python 3 (ipykernel)",
            "language": "python",
            "name": "python3",
        }
        nbformat.write(notebook, str(folder / f"floor_{number:02d}.ipynb"))


def run_nbval(python: str, target: str, cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    """Run nbval over ``target``; return (seconds, pytest's summary line)."""
    command = [
        python, "-m", "pytest", "-q", "-p", "no:cacheprovider",
        "--nbval", "--nbval-current-env",
        "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"),
        target, "-o", "addopts=",
    ]  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):  # 1 = some cells failed; anything else is a crash
        sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
        raise SystemExit(f"pytest exited {done.returncode} on {target}")
    lines = [line for line in done.stdout.splitlines() if _SUMMARY.search(line)]
    return elapsed, (lines[-1].strip("= ") if lines else "no summary")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3, help="runs of each side (default 3)")
    args = parser.parse_args()
    reps = 1 if os.environ.get("BENCH_QUICK") else args.reps
    python = venv_python()
    compile_checkout()
    notebooks = course_notebooks()
    if not notebooks:
        print("bench_nbval: no notebooks found under notebooks/; nothing to measure")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-nbval-") as tmp:
        folder = Path(tmp)
        floor_dir = folder / "floor"
        floor_dir.mkdir()
        write_floor(floor_dir, len(notebooks))
        # The kernels import this checkout's coursekit (not whatever the venv points at).
        env = {**os.environ, "SECOND_CALL_JOURNAL": str(folder / "journal.json"),
               "PYTHONPATH": str(ROOT)}  # fmt: skip
        course_t: list[float] = []
        floor_t: list[float] = []
        summaries: dict[str, str] = {}
        for rep in range(reps):
            order = ("course", "floor") if rep % 2 == 0 else ("floor", "course")
            for side in order:
                if side == "course":
                    elapsed, summary = run_nbval(python, "notebooks", ROOT, env)
                    course_t.append(elapsed)
                else:
                    elapsed, summary = run_nbval(python, str(floor_dir), floor_dir, env)
                    floor_t.append(elapsed)
                summaries[side] = summary

    header(f"bench_nbval: the course under nbval vs {len(notebooks)} one-cell notebooks")
    print(f"  course notebooks: {len(notebooks)} (notebooks/**/*.ipynb); {reps} runs each")
    print(
        f"  course  median {fmt_seconds(median(course_t)):>9}"
        f"   runs {', '.join(fmt_seconds(t) for t in course_t)}   [{summaries['course']}]"
    )
    print(
        f"  floor   median {fmt_seconds(median(floor_t)):>9}"
        f"   runs {', '.join(fmt_seconds(t) for t in floor_t)}   [{summaries['floor']}]"
    )
    print(ratio_line("course / floor", median(course_t) / median(floor_t), TARGET))
    if "failed" in summaries["course"] or "error" in summaries["course"]:
        print("  note: some course cells failed under nbval (see the summary above)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
