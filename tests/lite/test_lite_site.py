"""The offline JupyterLite site: ``bash lite/build.sh`` builds it, and it works with no network.

The build (once per test session) adds a small throwaway notebook to the site's contents. The
site is then served on 127.0.0.1 inside a new network namespace that has no network at all
(``unshare -n``, as root), and pytest-playwright's Chromium enters that namespace to drive it
with the same page driver as the JupyterLab tests. Every request is counted; a deliberate
request to another host proves the counter counts, and nothing else may leave the site.

The tests open the smoke notebook and notebooks 03 and 07, run all cells, classify a situation,
take role-play steps and typed turns (at one decision of the Scenario 2 call, a strong and a weak
turn take different branches), reload the page and check the answers came back from the journal.
Set ``LITE_COURSEKIT_SOURCE`` to build the coursekit wheel from another checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from pages import LAB, error_outputs, kernel_status, open_notebook, run_all, widget_problems

from coursekit.loader import roleplays

# whichever test comes first also builds the site (minutes: npm, PyPI, a 38 MB site)
pytestmark = [pytest.mark.client, pytest.mark.timeout(1500)]
ROOT = Path(__file__).resolve().parents[2]
SMOKE_NOTEBOOK = "lite-smoke/smoke.ipynb"
#: a request the test makes on purpose, to prove that requests to other hosts are seen
CANARY = "http://lite-canary.invalid/should-be-counted"
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
from pathlib import Path
marker = Path.cwd() / "lite-smoke.txt"
marker.write_text("kept in the drive")
print("FILE", marker.read_text())
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
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
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
    for notebook in COURSE:
        assert (lite_site / "files" / notebook).is_file(), f"{notebook} is not in the site"
    assert (lite_site / "files" / SMOKE_NOTEBOOK).is_file()


COURSE = ["03_which_scenario.ipynb", "07_practise_the_call.ipynb"]


@pytest.fixture(scope="module")
def offline_site(lite_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Serve the site in a network namespace with only a loopback; yield (URL, its netns)."""
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, text=True, check=False)
    if probe.returncode:
        pytest.fail(f"`unshare -n` is needed (run as root): {probe.stderr}", pytrace=False)
    serve = (f"ip link set lo up && exec {sys.executable} -u -m http.server --bind 127.0.0.1 "
             f"--directory {lite_site} 8000")
    proc = subprocess.Popen(["unshare", "-n", "sh", "-c", serve], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout is not None and "Serving HTTP" in proc.stdout.readline()
        yield "http://127.0.0.1:8000", f"/proc/{proc.pid}/ns/net"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def netns_browser(
    offline_site: Any, browser_type: Any, browser_type_launch_args: dict[str, Any],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Any]:
    """pytest-playwright's Chromium, started inside the site's network namespace."""
    wrapper = tmp_path_factory.mktemp("netns") / "chromium"
    chromium = browser_type_launch_args["executable_path"]
    wrapper.write_text(f'#!/bin/sh\nexec nsenter --net={offline_site[1]} {chromium} "$@"\n')
    wrapper.chmod(0o755)
    browser = browser_type.launch(**{**browser_type_launch_args, "executable_path": str(wrapper)})
    yield browser
    browser.close()


class Requests:
    """Every request a context makes: to the site, to the canary, or anywhere else."""

    def __init__(self, origin: str) -> None:
        self.origin, self.local, self.wheels, self.canary = origin, 0, 0, False
        self.foreign: list[str] = []

    def __call__(self, request: Any) -> None:
        url = urlsplit(request.url)
        if url.scheme in ("data", "blob", "about"):
            return
        if url.netloc == self.origin and url.scheme in ("http", "ws"):
            self.local += 1
            self.wheels += url.path.endswith(".whl")
        elif request.url == CANARY:
            self.canary = True
        else:
            self.foreign.append(request.url)


@pytest.fixture
def lite(offline_site: Any, netns_browser: Any, browser_context_args: dict[str, Any],
         console: Any) -> Iterator[tuple[Any, str]]:
    """A page in its own context on the offline site, and the site's URL; at the end, no
    request went anywhere but the site, the kernel's wheels came from it, and the canary
    request to another host was counted."""
    url = offline_site[0]
    seen = Requests(urlsplit(url).netloc)
    context = netns_browser.new_context(**browser_context_args)
    context.set_default_timeout(120_000)  # Pyodide on two busy cores
    context.on("request", seen)
    console.watch(context)
    page = context.new_page()
    page.on("websocket", seen)
    page.on("dialog", lambda dialog: dialog.accept())
    yield page, url
    with page.expect_request(CANARY):  # seen by the context's counter too, before this returns
        page.evaluate(f"fetch({CANARY!r}).catch(() => null)")
    context.close()
    console.errors[:] = [e for e in console.errors if "lite-canary.invalid" not in e]
    assert seen.foreign == [] and seen.canary and seen.wheels > 0, vars(seen)


def outputs(page: Any) -> str:
    return "\n".join(page.locator(f"{LAB} .jp-OutputArea-output").all_inner_texts())


def open_and_run(page: Any, url: str) -> None:
    """Open (or reload) a notebook, run all cells, and check they ran without errors."""
    open_notebook(page, url)
    run_all(page)
    problems = widget_problems(page, LAB)
    assert not problems, problems


def test_smoke_notebook_runs_offline(lite: tuple[Any, str]) -> None:
    """The course installs, widgets answer clicks and files go to the drive, offline.

    One page load: that files and the journal outlive a reload is what the classifier and
    role-play tests below check, on the course's own notebooks.
    """
    page, site = lite
    open_notebook(page, f"{site}/lab/index.html?path={SMOKE_NOTEBOOK}")
    assert kernel_status(page).startswith("Python (Pyodide)")
    run_all(page)
    page.locator(".jp-OutputArea-output", has_text="LITE-SMOKE-DONE").wait_for()
    assert error_outputs(page, LAB) == []
    page.locator(".jupyter-widgets button", has_text="Smoke button").click()
    page.locator(".jupyter-widgets", has_text="clicked in Python").first.wait_for()
    text = outputs(page)
    assert "IMPORTED coursekit ipywidgets 8.1.9" in text
    assert "CWD /drive/lite-smoke" in text
    assert "FILE kept in the drive" in text
    assert "JOURNAL-PATH /drive/lite-smoke/second-call-journal.json" in text
    assert "JOURNAL-BEFORE None" in text


def test_classifier_answer_survives_a_reload(lite: tuple[Any, str]) -> None:
    page, site = lite
    open_and_run(page, f"{site}/lab/index.html?path=03_which_scenario.ipynb")
    box = page.locator(".sc-classifier").first
    box.locator(".widget-checkbox", has_text="Went silent").locator("input").check()
    box.locator("button", has_text="Show my scenario").click()
    shown = box.locator(".sc-feedback-classification")
    shown.filter(has_text="Scenario 2 — saved").wait_for()
    page.wait_for_timeout(1500)  # let the drive write the journal through
    open_and_run(page, page.url)
    box.scroll_into_view_if_needed()
    shown.filter(has_text="Scenario 2 — saved").wait_for()
    assert box.locator(".widget-checkbox", has_text="Went silent").locator("input").is_checked()


# Notebook 07: picked steps, typed turns (the same check as in JupyterLab) and a reload ---------

CALL = "call_scenario2"
STRONG = "I am sorry I kept you waiting ten days after I said I would sign."
WEAK = "Is the coordinator job still open? I would love to take it."


def say_it_my_way(page: Any, box: Any, text: str) -> tuple[str, str]:
    """Type a turn, say it, and return (the typed line with its feedback, the manager's reply)."""
    before = box.locator(".sc-turn").count()
    area = box.locator(".sc-own-words textarea").first
    area.scroll_into_view_if_needed()
    area.fill(text)
    area.press("Tab")
    page.wait_for_timeout(500)
    box.locator("button", has_text="Say it your way").first.click()
    page.wait_for_function(
        "([el, n]) => el.querySelectorAll('.sc-turn').length === n + 2",
        arg=[box.element_handle(), before],
    )
    return box.locator(".sc-turn-you").last.inner_text(), box.locator(
        ".sc-turn-manager"
    ).last.inner_text()


def take_three_steps(page: Any, box: Any) -> None:
    """Each step's first reply is taken, though the step before also picked the first one."""
    for step in range(1, 4):
        box.locator(".sc-choices input[type=radio]").first.check()
        page.wait_for_timeout(300)
        box.locator("button", has_text="Say it").first.click()
        page.wait_for_function(
            "([el, n]) => el.querySelectorAll('.sc-transcript .sc-turn-you').length === n",
            arg=[box.element_handle(), step],
        )
        assert "Please check your answer" not in box.inner_text()


def test_roleplays_take_steps_and_typed_turns_and_resume_after_a_reload(
    lite: tuple[Any, str],
) -> None:
    """One page of notebook 07 (each Pyodide start costs half a minute): three picked steps in
    the first call, a strong and a weak typed turn at one decision of the Scenario 2 call, then a
    reload brings both calls back where they were."""
    page, site = lite
    open_and_run(page, f"{site}/lab/index.html?path=07_practise_the_call.ipynb")
    first = page.locator(".sc-roleplay").first
    first.scroll_into_view_if_needed()
    take_three_steps(page, first)
    first_line = first.locator(".sc-manager-line").inner_text()

    box = page.locator(".sc-widget.sc-roleplay").filter(has_text=roleplays()[CALL].title).first
    box.scroll_into_view_if_needed()
    strong_line, strong_reply = say_it_my_way(page, box, STRONG)
    assert f"“{STRONG}”" in strong_line and strong_line.count(STRONG) >= 2, strong_line
    box.locator("button", has_text="Go back one step").first.click()
    box.locator(".sc-feedback-step", has_text="Went back one step").wait_for()
    weak_line, weak_reply = say_it_my_way(page, box, WEAK)
    assert f"“{WEAK}”" in weak_line and "Not heard: " in weak_line
    assert strong_reply != weak_reply, (strong_reply, weak_reply)

    page.wait_for_timeout(1500)  # let the drive write the journal through
    open_and_run(page, page.url)
    line = first.locator(".sc-manager-line")
    line.scroll_into_view_if_needed()
    page.wait_for_function(
        "([el, a]) => el.innerText === a", arg=[line.element_handle(), first_line]
    )
    assert first.locator(".sc-transcript .sc-turn-you").count() == 3
    box.scroll_into_view_if_needed()
    box.locator(".sc-turn-you", has_text=WEAK).last.wait_for()
