"""The JupyterLite site of the course next to a blank Lite site built the same way.

Run: .venv/bin/python benchmarks/bench_lite.py [--reps N]

Builds two sites with `lite/build.sh` into a temporary folder: the course and a blank site
(`--blank`: the same JupyterLab, Pyodide, kernel and wheels, without the course's notebooks).
Both get the same one-cell probe notebook. Then, alternating
the sites, it opens the probe in a fresh headless Chromium context (empty cache) and times
page load to kernel ready: the status bar naming the Pyodide kernel and saying Idle.

Figures: site size ratio (informational) and median load-to-kernel-ready ratio, target <= 1.1.
Needs npm (for the build) and /usr/bin/chromium (bash scripts/browsers.sh installs it).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from _bench import ROOT, header, median, ratio_line


def _load_lite_browser() -> Any:
    """Load the Lite test's browser helpers (tests/lite/lite_browser.py) from their file."""
    spec = importlib.util.spec_from_file_location(
        "lite_browser", ROOT / "tests" / "lite" / "lite_browser.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lite_browser = _load_lite_browser()

TARGET = 1.1
PROBE = {
    "cells": [
        {"cell_type": "code", "execution_count": None, "id": "probe", "metadata": {},
         "outputs": [], "source": "print('ready')"}
    ],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}


def build(output: Path, probe_dir: Path, blank: bool) -> None:
    cmd = ["bash", str(ROOT / "lite" / "build.sh"), "--output-dir", str(output),
           "--contents", str(probe_dir)]
    if blank:
        cmd.append("--blank")
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, timeout=1800)


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def time_to_kernel(browser: object, base: str, timeout_s: float = 300) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        started = time.monotonic()
        page.goto(f"{base}/lab/index.html?path=probe.ipynb")
        page.locator(".jp-Notebook").first.wait_for(timeout=timeout_s * 1000)
        lite_browser.wait_for_kernel_idle(page, timeout_s)
        return time.monotonic() - started
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    header("bench_lite: the course's JupyterLite site vs a blank one built the same way")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-lite-") as scratch:
        work = Path(scratch)
        probe_dir = work / "probe"
        probe_dir.mkdir()
        (probe_dir / "probe.ipynb").write_text(json.dumps(PROBE), encoding="utf-8")
        sites = {"course": work / "course", "blank": work / "blank"}
        build(sites["blank"], probe_dir, blank=True)
        build(sites["course"], probe_dir, blank=False)
        sizes = {name: size_mb(path) for name, path in sites.items()}
        times: dict[str, list[float]] = {"course": [], "blank": []}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=str(lite_browser.CHROMIUM), args=lite_browser.CHROMIUM_ARGS
            )
            with lite_browser.serve(sites["course"]) as course_url, lite_browser.serve(
                sites["blank"]
            ) as blank_url:
                for _ in range(args.reps):
                    times["course"].append(time_to_kernel(browser, course_url))
                    times["blank"].append(time_to_kernel(browser, blank_url))
            browser.close()
    print(f"  site size        course {sizes['course']:.1f} MB   blank {sizes['blank']:.1f} MB")
    print(ratio_line("site size: course / blank", sizes["course"] / sizes["blank"], None))
    course, blank = median(times["course"]), median(times["blank"])
    print(
        f"  load to kernel ready ({args.reps} reps)   course {course:.2f} s   "
        f"blank {blank:.2f} s"
    )
    print(ratio_line("load to kernel ready: course / blank", course / blank, TARGET))


if __name__ == "__main__":
    main()
