"""The offline JupyterLite site: ``bash lite/build.sh`` builds it, and it works with no network.

The build (once per test session) adds a small throwaway notebook to the site's contents. The
browser test serves the site on 127.0.0.1 and drives headless Chromium through Playwright
(``tests/lite/lite_browser.py``); as root it does so inside a new network namespace that has no
network at all (``unshare -n``). It needs npm and PyPI for the build, ``/usr/bin/chromium`` and the
``playwright`` Python package; without them the tests fail with a message saying what is
missing.

The browser run then opens notebooks 03 and 07, runs all cells, classifies a situation and takes
a role-play step, reloads the page and checks the answers came back from the journal
(``LITE_TEST_COURSE=all`` also runs every other notebook). Set ``LITE_COURSEKIT_SOURCE`` to
build the coursekit wheel from another checkout, and ``LITE_TEST_NETNS=0`` to run the browser
without a network namespace.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).resolve().parent / "lite_browser.py"
CHROMIUM = Path("/usr/bin/chromium")
SMOKE_NOTEBOOK = "lite-smoke/smoke.ipynb"

#: the smoke notebook: the course's own install line, widgets, a file and the journal in the drive
SMOKE_CELLS = [
    """\
import sys
if sys.platform == "emscripten":  # in JupyterLite, install the course from the site's own wheels
    %pip install -q coursekit
import coursekit, ipywidgets
print("IMPORTED", coursekit.__name__, "ipywidgets", ipywidgets.__version__)""",
    """\
label = ipywidgets.Label(value="not clicked yet")
button = ipywidgets.Button(description="Smoke button")
def _clicked(_button):
    label.value = "clicked in Python"
button.on_click(_clicked)
display(ipywidgets.VBox([button, label]))""",
    """\
import uuid
from pathlib import Path
marker = Path.cwd() / "lite-smoke-persist.txt"
if marker.exists():
    print("PERSIST-FOUND", marker.read_text())
else:
    marker.write_text(uuid.uuid4().hex)
    print("PERSIST-WROTE", marker.read_text())
print("CWD", Path.cwd())""",
    """\
from coursekit.journal import Journal, default_journal_path
journal = Journal(default_journal_path())
print("JOURNAL-PATH", journal.path)
print("JOURNAL-BEFORE", journal.get("lite:smoke"))
journal.save("lite:smoke", "saved in Lite")
print("LITE-SMOKE-DONE")""",
]


def smoke_notebook() -> dict[str, Any]:
    return {
        "cells": [
            {"cell_type": "code", "execution_count": None, "id": f"smoke-{i}", "metadata": {},
             "outputs": [], "source": source}
            for i, source in enumerate(SMOKE_CELLS)
        ],
        # saved as desktop JupyterLab saves the course notebooks; Lite must still pick Pyodide
        "metadata": {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                           "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


@pytest.fixture(scope="session")
def lite_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the site once per session, with the smoke notebook added to its contents."""
    if shutil.which("npm") is None:
        pytest.fail("npm is needed to build the Lite site (install Node.js and npm)")
    base = tmp_path_factory.mktemp("lite")
    content = base / "content"
    (content / SMOKE_NOTEBOOK).parent.mkdir(parents=True)
    (content / SMOKE_NOTEBOOK).write_text(json.dumps(smoke_notebook(), indent=1),
                                          encoding="utf-8")
    site = base / "site"
    cmd = ["bash", str(ROOT / "lite" / "build.sh"), "--output-dir", str(site),
           "--contents", str(content)]
    if os.environ.get("LITE_COURSEKIT_SOURCE"):
        cmd += ["--source", os.environ["LITE_COURSEKIT_SOURCE"]]
    started = time.monotonic()
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1800,
                            check=False)
    if result.returncode:
        pytest.fail(f"lite/build.sh failed ({result.returncode}):\n"
                    f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    print(f"\n[lite] built in {time.monotonic() - started:.0f} s: {folder_mb(site):.1f} MB")
    return site


def test_site_serves_everything_itself(lite_site: Path) -> None:
    config = json.loads((lite_site / "jupyter-lite.json").read_text(encoding="utf-8"))
    data = config["jupyter-config-data"]
    kernel = data["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["pyodideUrl"] == "./static/pyodide/pyodide.mjs"
    assert kernel["disablePyPIFallback"] is True
    assert all(url.startswith("./") for url in kernel["pipliteUrls"])
    assert data["appUrl"] == "./lab"

    index = json.loads((lite_site / "pypi" / "all.json").read_text(encoding="utf-8"))
    for name in ("coursekit", "ipywidgets", "jupyterlab-widgets", "comm"):
        assert name in index, f"{name} is not in the site's wheel index"
    assert (lite_site / "extensions/@jupyter-widgets/jupyterlab-manager/package.json").is_file()

    lock = json.loads((lite_site / "static/pyodide/pyodide-lock.json").read_text(encoding="utf-8"))
    for entry in lock["packages"].values():
        assert (lite_site / "static/pyodide" / entry["file_name"]).is_file()
    assert {"micropip", "ipython", "jedi"} <= {e["name"].lower() for e in lock["packages"].values()}

    assert not list(lite_site.rglob("*.map")), "source maps were shipped"

    # every course notebook, subfolders included, is in the file browser
    for notebook in course_notebooks():
        assert (lite_site / "files" / notebook).is_file(), f"{notebook} is not in the site"
    assert (lite_site / "files" / SMOKE_NOTEBOOK).is_file()


def netns_available() -> bool:
    if os.environ.get("LITE_TEST_NETNS", "1") == "0":
        return False
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    return probe.returncode == 0


def course_notebooks() -> list[str]:
    """The course notebooks driven in Lite: 03 (classify) and 07 (role-play).

    ``LITE_TEST_COURSE=all`` drives every notebook of the course instead.
    """
    if os.environ.get("LITE_TEST_COURSE") == "all":
        return sorted(
            p.relative_to(ROOT / "notebooks").as_posix()
            for p in (ROOT / "notebooks").rglob("*.ipynb")
            if ".ipynb_checkpoints" not in p.parts
        )
    return ["03_which_scenario.ipynb", "07_practise_the_call.ipynb"]


@pytest.fixture(scope="module")
def browser_report(lite_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Drive the site in Chromium once: the smoke notebook twice, then each course notebook."""
    if importlib.util.find_spec("playwright") is None:
        pytest.fail("the playwright Python package is needed (pip install playwright)")
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is needed (apt-get install -y chromium)")

    out = tmp_path_factory.mktemp("lite-browser")
    report_path = out / "report.json"
    cmd = [sys.executable, str(DRIVER), "--site", str(lite_site), "--notebook", SMOKE_NOTEBOOK,
           "--report", str(report_path), "--screenshot", str(out / "lite.png"),
           "--timeout", "240"]
    cmd += ["--course", *course_notebooks()]
    in_netns = netns_available()
    if in_netns:
        cmd = ["unshare", "-n", *cmd, "--bring-up-loopback"]
    started = time.monotonic()
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=3000,
                            check=False)
    if result.returncode:
        pytest.fail(f"the browser run failed ({result.returncode}):\n{result.stderr[-6000:]}")
    report: dict[str, Any] = json.loads(report_path.read_text(encoding="utf-8"))
    report["in_netns"] = in_netns
    first, second = report["runs"]
    print(
        f"\n[lite] {'in a network namespace without network' if in_netns else 'on loopback'}:"
        f" page load to kernel idle {first['load_to_kernel_idle_s']} s"
        f" (after reload {second['load_to_kernel_idle_s']} s), run all"
        f" {first['run_all_s']} s; {report['local_requests']} local requests,"
        f" {len(report['foreign_requests'])} foreign; browser run"
        f" {time.monotonic() - started:.0f} s"
    )
    for run in report["course"]:
        print(f"[lite]   {run['notebook']}: kernel idle {run.get('load_to_kernel_idle_s')} s,"
              f" run all {run.get('run_all_s')} s, {len(run['errors'])} errors")
    return report


def test_nothing_but_the_site_is_asked_for_anything(browser_report: dict[str, Any]) -> None:
    assert browser_report["foreign_requests"] == []
    # the counter does count: the deliberate canary request at the end was seen
    assert browser_report["canary_seen"]
    # and it saw the kernel worker's own requests, not just the page's
    assert browser_report["local_wheel_requests"] > 0


def test_smoke_notebook_runs_in_chromium(browser_report: dict[str, Any]) -> None:
    first, second = browser_report["runs"]
    for run in (first, second):
        assert run["kernel"] == "Python (Pyodide)"
        assert "IMPORTED coursekit ipywidgets 8.1.9" in run["outputs"]
        assert run["widgets_rendered"] >= 1
        assert run["button_click_reached_python"]
        assert "CWD /drive/lite-smoke" in run["outputs"]

    # the drive kept the file and the journal across a page reload
    wrote = [line for line in first["outputs"].splitlines() if line.startswith("PERSIST-WROTE")]
    assert wrote, first["outputs"]
    token = wrote[0].split()[-1]
    assert f"PERSIST-FOUND {token}" in second["outputs"]
    assert "JOURNAL-PATH /drive/lite-smoke/second-call-journal.json" in first["outputs"]
    assert "JOURNAL-BEFORE None" in first["outputs"]
    assert "JOURNAL-BEFORE saved in Lite" in second["outputs"]


@pytest.mark.parametrize("notebook", course_notebooks())
def test_course_notebook_runs_in_lite(browser_report: dict[str, Any], notebook: str) -> None:
    runs = {run["notebook"]: run for run in browser_report["course"]}
    run = runs[notebook]
    assert run["errors"] == []
    assert run["widgets_rendered"] >= 1


def test_classifier_answer_survives_a_reload(browser_report: dict[str, Any]) -> None:
    run = {r["notebook"]: r for r in browser_report["course"]}["03_which_scenario.ipynb"]
    assert "Scenario 2" in run["interaction"]["shown"]
    assert run["after_reload"]["restored"], (run["interaction"], run["after_reload"])


def test_roleplay_resumes_after_a_reload(browser_report: dict[str, Any]) -> None:
    run = {r["notebook"]: r for r in browser_report["course"]}["07_practise_the_call.ipynb"]
    assert run["interaction"]["moved_on"], run
    assert run["after_reload"]["restored"], (run["interaction"], run["after_reload"])
