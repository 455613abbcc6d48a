"""Open a notebook in the course's JupyterLite site until its first exercise is usable, vs blank.

Run: .venv/bin/python benchmarks/bench_lite.py [--reps N] [--quick]
(builds two sites, a few minutes each, then starts Chromium: wrap it in the shared browser lock
where one is used; needs npm for the build and /usr/bin/chromium)

Builds two sites with `lite/build.sh` into a temporary folder: the course, and a blank site
(`--blank`: the same JupyterLab, Pyodide, kernel and wheels without the course's notebooks)
holding one notebook with one bare ipywidgets button. Then, alternating the sites, it opens a
notebook in a fresh browser profile (empty cache), waits for the Pyodide kernel, runs all cells
and stops when the first widget button is visible and enabled: notebook 03 in the course site,
the button notebook in the blank site.
Figures: site size ratio (informational); median ratio, target <= 1.1; p95 ratio shown.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
from pathlib import Path

from _bench import ROOT, fmt_seconds, header, median, p95, ratio_line
from _browser import BUTTON_NOTEBOOK, chromium, open_to_first_widget, static_site

TARGET = 1.1
NOTEBOOK = "03_which_scenario.ipynb"


def build(output: Path, contents: Path, blank: bool) -> None:
    command = ["bash", str(ROOT / "lite" / "build.sh"), "--output-dir", str(output),
               "--contents", str(contents)]  # fmt: skip
    if blank:
        command.append("--blank")
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=1800)


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5, help="samples per site")
    parser.add_argument("--quick", action="store_true", help="few repetitions (noisy)")
    args = parser.parse_args()
    reps = 2 if args.quick or os.environ.get("BENCH_QUICK") else args.reps
    times: dict[str, list[float]] = {"course": [], "blank": []}
    with tempfile.TemporaryDirectory(prefix="bench-lite-") as scratch:
        work = Path(scratch)
        extra = work / "extra"
        extra.mkdir()
        (extra / "baseline.ipynb").write_text(json.dumps(BUTTON_NOTEBOOK), encoding="utf-8")
        sites = {"course": work / "course", "blank": work / "blank"}
        build(sites["blank"], extra, blank=True)
        build(sites["course"], extra, blank=False)
        sizes = {name: size_mb(path) for name, path in sites.items()}
        paths = {"course": NOTEBOOK, "blank": "baseline.ipynb"}
        with (
            static_site(sites["course"]) as course_url,
            static_site(sites["blank"]) as blank_url,
            chromium() as browser,
        ):
            urls = {"course": course_url, "blank": blank_url}
            for rep in range(reps):
                for side in ("course", "blank") if rep % 2 == 0 else ("blank", "course"):
                    url = f"{urls[side]}/lab/index.html?path={paths[side]}"
                    times[side].append(open_to_first_widget(browser, url))

    header("bench_lite: open a notebook in the Lite site until its first exercise is usable")
    print(f"  site size        course {sizes['course']:.1f} MB   blank {sizes['blank']:.1f} MB")
    print(ratio_line("site size: course / blank", sizes["course"] / sizes["blank"], None))
    course, blank = times["course"], times["blank"]
    print(f"  {reps} samples per site; course ({NOTEBOOK}) median {fmt_seconds(median(course))}"
          f", p95 {fmt_seconds(p95(course))}; blank (one button) median "
          f"{fmt_seconds(median(blank))}, p95 {fmt_seconds(p95(blank))}")  # fmt: skip
    print(ratio_line("Lite open: median course / blank", median(course) / median(blank), TARGET))
    print(ratio_line("Lite open: p95 course / blank", p95(course) / p95(blank), None))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
