"""Refresh the README's screenshots: the course in real JupyterLab, in Debian's Chromium.

Run from the repo root (it starts a browser and a Jupyter server, so take the shared lock on
a shared machine):

    PYTHONPATH=$PWD:$PWD/tests .venv/bin/python scripts/screenshots.py [--only NAME] [--out docs]

``--lite SITE`` also takes ``lite.png`` in a site that ``bash lite/build.sh --output-dir SITE``
built (served here by Python's own web server).

JupyterLab starts as the browser tests start it (``conftest.jupyterlab``: a copy of
notebooks/, a throwaway journal, a free port) and is stopped with its kernels at the end. Each
picture is the 1280×900 window with one exercise scrolled to the top, after a learner's
clicks (the same page driver as the tests, ``tests/pages.py``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pages import LAB, assert_gates, open_notebook, run_all
from playwright.sync_api import ViewportSize, sync_playwright

import conftest  # the tests' server and browser set-up

ROOT = Path(__file__).resolve().parents[1]

VIEWPORT: ViewportSize = {"width": 1280, "height": 900}
PAUSE_MS = 300  # widget models sync before a click; feedback settles before a picture


def box(page: Any, kind: str) -> Any:
    found = page.locator(f"{LAB} .jp-OutputArea-output .sc-widget.{kind}").first
    found.wait_for()
    return found


def click(page: Any, where: Any, label: str) -> None:
    page.wait_for_timeout(PAUSE_MS)
    where.locator("button", has_text=label).first.click()


def to_top(page: Any, element: Any) -> None:
    """Scroll the notebook so ``element`` starts near the top of the window."""
    element.evaluate("(el) => el.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(PAUSE_MS)


def classifier(page: Any) -> Any:
    found = box(page, "sc-classifier")
    found.locator(".widget-checkbox", has_text="Went silent").locator("input").check()
    click(page, found, "Show my scenario")
    found.locator(".sc-feedback-classification", has_text="Scenario 2").wait_for()
    return found


def script_builder(page: Any) -> Any:
    found = box(page, "sc-script-builder")
    answers = {
        "What drew you to the offer?": "the analytics team's work on hospital waiting lists",
        "Why did you decline?": "I chose to stay for a promotion that then fell through",
    }
    for label, text in answers.items():
        field = found.locator(".widget-textarea", has_text=label)
        if field.count():
            field.locator("textarea").fill(text)
            field.locator("textarea").press("Tab")
    found.locator(".sc-feedback-preview", has_text="hospital waiting lists").wait_for()
    return found


def roleplay(page: Any) -> Any:
    found = box(page, "sc-roleplay")
    for step in range(1, 4):
        found.locator(".sc-choices input[type=radio]").first.check()
        click(page, found, "Say it")
        page.wait_for_function(
            "([el, n]) => el.querySelectorAll('.sc-transcript .sc-turn-you').length === n",
            arg=[found.element_handle(), step],
        )
    return found.locator(".sc-transcript").first


def typed_turn(page: Any) -> Any:
    """The Scenario 2 call after a reply typed in the learner's own words."""
    found = page.locator(f"{LAB} .sc-widget.sc-roleplay").nth(1)
    found.scroll_into_view_if_needed()
    area = found.locator(".sc-own-words textarea").first
    area.fill("I'm sorry I kept you waiting ten days after I said I would sign.")
    area.press("Tab")
    page.wait_for_timeout(500)  # let the text reach the kernel before the click
    click(page, found, "Say it your way")
    found.locator(".sc-turn-you", has_text="in your own words").wait_for()
    return found.locator(".sc-transcript").first


def reviewer(page: Any) -> Any:
    found = box(page, "sc-reviewer")
    found.locator("textarea").first.fill(
        "I'm sorry I went quiet for two weeks after your offer; I know it held up your search. "
        "I changed my mind because I realised fear made the decision, not the role."
    )
    click(page, found, "Review my draft")
    found.locator(".sc-feedback-review", has_text="Covered").wait_for()
    return found


def room_summary(page: Any) -> Any:
    """The guide's summary of the sample poll cards: the output that holds the bar charts."""
    found = page.locator(f"{LAB} .jp-OutputArea-output").filter(has=page.locator(".sc-chart"))
    return found.first


SHOTS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "classifier": ("03_which_scenario.ipynb", classifier),
    "script_builder": ("04_scenario1_three_moves.ipynb", script_builder),
    "roleplay": ("07_practise_the_call.ipynb", roleplay),
    "typed_turn": ("07_practise_the_call.ipynb", typed_turn),
    "reviewer": ("05_scenario2_repair_first.ipynb", reviewer),
    "room_summary": ("facilitator/facilitator_guide.ipynb", room_summary),
}


def take(context: Any, url: str, name: str, notebook: str, act: Callable[[Any], Any],
         out: Path) -> None:
    """Open ``notebook`` at ``url``, Run All, act as a learner, and save the window as a PNG."""
    page = context.new_page()
    open_notebook(page, url)
    sidebar = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if sidebar.count():  # fold the file browser away: more room for the course
        sidebar.first.click()
    run_all(page)
    assert_gates(page, notebook, LAB, require_any="facilitator" not in notebook)
    to_top(page, act(page))
    path = out / f"{name}.png"
    page.screenshot(path=str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    page.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(SHOTS), help="pictures to take")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the PNGs")
    parser.add_argument("--lite", type=Path, metavar="SITE",
                        help="also take lite.png (the role-play) in a site built by lite/build.sh")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="second-call-shots-"))
    try:
        with conftest.jupyterlab(work) as (url, _), sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(conftest.CHROMIUM), args=conftest.CHROMIUM_FLAGS
            )
            context = browser.new_context(viewport=VIEWPORT, locale="en-US")
            for name in args.only or SHOTS:
                notebook, act = SHOTS[name]
                address = f"{url}lab/tree/{notebook}?reset&token={conftest.TOKEN}"
                take(context, address, name, notebook, act, args.out)
            if args.lite:
                port = conftest.free_port()
                serve = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                         "-d", str(args.lite.resolve())]
                with conftest.server(serve, work, port) as site:
                    context.set_default_timeout(120_000)  # Python in the page is slower
                    notebook, act = SHOTS["roleplay"]
                    address = f"{site}lab/index.html?path={notebook}"
                    take(context, address, "lite", notebook, act, args.out)
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(conftest._run_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
