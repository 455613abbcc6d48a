"""Open a course notebook in JupyterLab until its first exercise is usable, vs a bare button.

Run: .venv/bin/python benchmarks/bench_open.py [--reps N] [--quick]
(starts JupyterLab and Chromium: wrap it in the shared browser lock where one is used)

JupyterLab serves a copy of notebooks/ plus a notebook holding one bare ipywidgets button, with
its default notebook settings, as a learner's JupyterLab has (no windowing mode is forced).
Each sample opens a notebook in a fresh browser profile, waits for the kernel, runs all cells
(as a learner would) and stops when the first widget button in the outputs is visible and
enabled; kernels are shut down between samples. Ours and the baseline alternate.
Target: median ratio <= 1.2 for each notebook measured (p95 ratio shown for information).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
from pathlib import Path

from _bench import ROOT, compile_checkout, fmt_seconds, header, median, p95, ratio_line
from _browser import (
    BUTTON_NOTEBOOK,
    TOKEN,
    chromium,
    jupyterlab,
    open_to_first_widget,
    shut_down_kernels,
)

TARGET = 1.2
#: The notebooks measured: the classifier's and the role-plays'.
NOTEBOOKS = ["03_which_scenario.ipynb", "07_practise_the_call.ipynb"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5, help="samples per notebook and side")
    parser.add_argument("--quick", action="store_true", help="few repetitions (noisy)")
    args = parser.parse_args()
    reps = 2 if args.quick or os.environ.get("BENCH_QUICK") else args.reps
    times: dict[str, list[float]] = {name: [] for name in [*NOTEBOOKS, "baseline"]}
    compile_checkout()
    with tempfile.TemporaryDirectory(prefix="bench-open-") as scratch:
        work = Path(scratch)
        root = work / "root"
        shutil.copytree(ROOT / "notebooks", root, ignore=shutil.ignore_patterns(".*"))
        (root / "baseline.ipynb").write_text(json.dumps(BUTTON_NOTEBOOK), encoding="utf-8")
        # JupyterLab as learners run it: its default windowing mode, as in the Lite benchmark.
        with jupyterlab(root, work, windowing=None) as base, chromium() as browser:
            for rep in range(reps):
                for name in NOTEBOOKS:
                    pair = [name, "baseline"] if rep % 2 == 0 else ["baseline", name]
                    for side in pair:
                        path = side if side.endswith(".ipynb") else f"{side}.ipynb"
                        url = f"{base}/lab/tree/{path}?reset&token={TOKEN}"
                        times[side].append(open_to_first_widget(browser, url))
                        shut_down_kernels(base)

    header("bench_open: open a notebook in JupyterLab until its first exercise is usable")
    base_t = times["baseline"]
    print(f"  {reps} samples per notebook; baseline ({len(base_t)} samples): one bare button, "
          f"median {fmt_seconds(median(base_t))}, p95 {fmt_seconds(p95(base_t))}")  # fmt: skip
    for name in NOTEBOOKS:
        ours = times[name]
        print(f"  {name}: median {fmt_seconds(median(ours))}, p95 {fmt_seconds(p95(ours))}")
        print(ratio_line(f"{name[:2]} open: median ours / baseline", median(ours) / median(base_t),
                         TARGET))  # fmt: skip
        print(ratio_line(f"{name[:2]} open: p95 ours / baseline", p95(ours) / p95(base_t), None))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
