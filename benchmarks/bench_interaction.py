"""Click or keystroke to feedback visible, in real JupyterLab, vs a bare ipywidgets update.

Run: .venv/bin/python benchmarks/bench_interaction.py [--reps N] [--quick]
(starts JupyterLab and Chromium: wrap it in the shared browser lock where one is used)

One generated notebook holds, in one kernel and one page: notebook 03's situation classifier,
the script builder, two draft reviewers (a 300-word and a 2,000-word Scenario 1 draft, each
lacking a move: see _drafts.py), the first role-play, and for each of them a baseline: a bare
ipywidgets Button whose click sets an ipywidgets HTML to the very HTML that exercise's last
interaction sent to its HTML widgets (so both sides draw the same markup, in the same style
sheet, in a box of the course's class: the same width, font and line height). Before each timed
click the button gets the focus, untimed, on both sides: leaving a text box syncs and saves it,
and JupyterLab's own focus handling (slow when the focus comes from outside the notebook) would
otherwise land inside one side's timed click.

Each sample is measured in the page: from the input event (mousedown or keydown, its
``event.timeStamp``) until the browser has drawn the frame holding the last change inside the
exercise's box, once nothing has changed for QUIET_MS (a MutationObserver, then an animation
frame and a task, ``performance.now()``). Before each timed event an untimed step
makes sure the feedback will differ (tick a box, load the other draft, pick a reply, ...).
Ours and the baseline alternate. Figures: median and p95 of each side and their ratios.
Targets: median ratio <= 1.3, p95 ratio <= 1.5. For the role-play's steps, which change two
widgets (the call and its replies), a second baseline sets a bare HTML and a bare RadioButtons
alike; its ratio is shown for information.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _bench import fmt_seconds, header, median, p95, ratio_line
from _browser import chromium, jupyterlab, run_all_cells, wait_kernel_idle
from _drafts import draft
from playwright.sync_api import TimeoutError as PlaywrightTimeout

TARGET_MEDIAN = 1.3
TARGET_P95 = 1.5
QUIET_MS = 400

SETUP = """\
import ipywidgets as w
import coursekit.widgets as cw
from coursekit.review import review_draft

DRAFTS = json.loads(DRAFTS_JSON)
for name, pair in DRAFTS.items():
    for text in pair:
        assert review_draft(text, 1).covered_count < 3, f"{name}: the draft makes every move"

VIEWS = {}  # exercise name -> its widget
SENT = {}  # exercise name -> the HTML its widgets received during its latest input
INPUT = {}  # exercise name -> the id of that input's message (a click, a key, a sync)


def watch(name, widget):
    \"\"\"Tag the exercise's box for the page, and keep the HTML its latest input sent.\"\"\"
    widget.add_class(f"bench-{name}")
    SENT[name] = []
    VIEWS[name] = widget

    def count(change):
        message = get_ipython().kernel.get_parent()["header"].get("msg_id")
        if message != INPUT.get(name):  # a new input: forget what earlier ones sent
            INPUT[name], SENT[name] = message, []
        SENT[name].append(change["new"])

    def walk(node):
        if isinstance(node, w.HTML):
            node.observe(count, names="value")
        for child in getattr(node, "children", ()):
            walk(child)

    walk(widget)
    return widget


def baseline(name):
    \"\"\"A bare Button that updates an HTML widget with the very HTML the exercise sent.\"\"\"
    button = w.Button(description=f"Update {name}", button_style="primary")
    html = w.HTML()
    clicks = [0]

    def update(_button):
        clicks[0] += 1
        html.value = f"<p>Update {clicks[0]}</p>" + "".join(SENT[name])

    button.on_click(update)
    box = w.VBox([button, html])
    box.add_class(f"bench-base-{name}")
    box.add_class("sc-widget")  # the course's width, font and line height: the same size
    return box


def baseline_with_replies(name):
    \"\"\"The same, and a RadioButtons showing the call's current replies, each label changed.\"\"\"
    button = w.Button(description=f"Update {name} and replies", button_style="primary")
    html = w.HTML()
    replies = w.RadioButtons(options=[], value=None, description="Replies")
    clicks = [0]

    def update(_button):
        clicks[0] += 1
        html.value = f"<p>Update {clicks[0]}</p>" + "".join(SENT[name])
        labels = [label for label, _ in VIEWS[name].choices.options] or ["One", "Two"]
        with replies.hold_sync():
            replies.value = None
            replies.options = [(f"{label} ({clicks[0]})", i) for i, label in enumerate(labels)]

    button.on_click(update)
    box = w.VBox([button, html, replies])
    box.add_class(f"bench-replies-{name}")
    box.add_class("sc-widget")
    return box
"""

EXERCISES = {
    "classify": "cw.situation_classifier()",
    "script": "cw.script_builder(scenario=1)",
    "review300": "cw.draft_reviewer(scenario=1)",
    "review2000": "cw.draft_reviewer(scenario=1)",
    "roleplay": 'cw.roleplay("call_scenario1")',
    "typed": 'cw.roleplay("call_scenario1")',
}
#: The exercises whose step also changes the replies (a second widget): for them an
#: informational baseline updates an HTML and a RadioButtons, as the call does.
WITH_REPLIES = ("roleplay", "typed")
#: Typed turns at the call's first decision, alternating so the branch changes each time.
TYPED_TURNS = (
    "If you've filled the role, I completely understand.",
    "Is the job still going? I would like to talk about it.",
)

#: How the page looks for the feedback's trigger; in one place, should the widgets change.
PRIMARY_BUTTON = "button.mod-primary"

MEASURE_JS = """(args) => {
  const root = document.querySelector(args.selector);
  const b = window.__bench = {start: null, last: null, shown: null, changes: 0, root};
  b.observer = new MutationObserver(() => {
    b.last = performance.now();
    const change = ++b.changes;
    // The frame that draws this change runs its animation callbacks, then paints; a task
    // queued from those callbacks runs once that frame is drawn.
    requestAnimationFrame(() => setTimeout(() => {
      if (change === b.changes) b.shown = performance.now(); }, 0));
  });
  b.observer.observe(root, {childList: true, subtree: true, characterData: true});
  document.addEventListener(args.event, e => { if (b.start === null) b.start = e.timeStamp; },
                            {capture: true, once: true});
}"""
SETTLED_JS = """(quiet) => { const b = window.__bench;
  return b.start !== null && b.shown !== null && b.last > b.start && b.shown > b.last
         && performance.now() - b.last > quiet; }"""
RESULT_JS = "() => { const b = window.__bench; b.observer.disconnect(); return b.shown - b.start; }"


def notebook(drafts: dict[str, list[str]], names: list[str]) -> dict[str, Any]:
    """The benchmark's notebook: setup, each exercise, then every baseline."""
    sources = [f"import json\nDRAFTS_JSON = {json.dumps(json.dumps(drafts))}\n" + SETUP]
    sources += [f'watch("{name}", {EXERCISES[name]})' for name in names]
    sources.append("w.VBox([baseline(name) for name in SENT]"
                   f" + [baseline_with_replies(name) for name in {replied(names)!r}])")
    cells = [
        {"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {},
         "outputs": [], "source": source}
        for i, source in enumerate(sources)
    ]  # fmt: skip
    return {
        "cells": cells,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def replied(names: list[str]) -> list[str]:
    """The names among ``names`` that also get the HTML-and-replies baseline."""
    return [name for name in names if name in WITH_REPLIES]


def settle(page: Any) -> None:
    """Wait until the page has been still for QUIET_MS (after an untimed step)."""
    page.wait_for_timeout(QUIET_MS)


def timed(page: Any, selector: str, event: str, act: Callable[[], None]) -> float:
    """Milliseconds from the input event to the last change in ``selector``'s box."""
    page.evaluate(MEASURE_JS, {"selector": selector, "event": event})
    act()
    try:
        page.wait_for_function(SETTLED_JS, arg=QUIET_MS, timeout=60_000)
    except PlaywrightTimeout:
        state = page.evaluate("() => [window.__bench.start, window.__bench.last]")
        text = page.locator(selector).inner_text()[-800:]
        raise RuntimeError(f"no feedback in {selector}: (start, last) = {state}\n{text}") from None
    return float(page.evaluate(RESULT_JS))


class Steps:
    """The untimed preparation and the timed input for each exercise, rep by rep."""

    def __init__(self, page: Any, drafts: dict[str, list[str]]) -> None:
        self.page = page
        self.drafts = drafts
        self.rep = 0

    def box(self, name: str) -> Any:
        return self.page.locator(f".bench-{name}")

    def ours(self, name: str) -> float:
        box = self.box(name)
        selector = f".bench-{name}"
        if name == "classify":
            box.locator("input[type=checkbox]").first.click()  # the scenario flips each rep
            button = box.locator(PRIMARY_BUTTON).first
            button.focus()
            settle(self.page)
            return timed(self.page, selector, "mousedown", button.click)
        if name == "script":
            field = box.locator("textarea").first
            field.click()
            field.press("End")
            settle(self.page)
            letter = "abcdefghij"[self.rep % 10]
            return timed(self.page, selector, "keydown", lambda: field.press(letter))
        if name.startswith("review"):
            text = self.drafts[name][self.rep % 2]  # the missing move alternates
            field = box.locator("textarea").first
            field.fill(text)
            button = box.locator(PRIMARY_BUTTON).first
            # Focus moves to the button: the draft reaches the kernel now, untimed (see README),
            # and the timed click, as the baseline's, moves no focus.
            button.focus()
            settle(self.page)
            return timed(self.page, selector, "mousedown", button.click)
        if name == "roleplay":
            choices = box.locator("input[type=radio]")
            if choices.count() == 0:  # the call ended: start again (untimed)
                box.get_by_role("button", name="Start again").click()
                settle(self.page)
            box.locator("input[type=radio]").first.click()
            button = box.locator(PRIMARY_BUTTON).first
            button.focus()
            settle(self.page)
            return timed(self.page, selector, "mousedown", button.click)
        if name == "typed":
            # Untimed: back to the first decision, then the other turn, so the branch changes;
            # focus leaves the text box, so the words reach the kernel before the clock starts.
            box.get_by_role("button", name="Start again").click()
            settle(self.page)
            box.locator("textarea").first.fill(TYPED_TURNS[self.rep % 2])
            button = box.get_by_role("button", name="Say it your way")
            button.focus()
            settle(self.page)
            return timed(self.page, selector, "mousedown", button.click)
        raise ValueError(name)

    def baseline(self, name: str, kind: str = "base") -> float:
        selector = f".bench-{kind}-{name}"
        button = self.page.locator(selector).locator("button").first
        # Focus the button first, untimed: leaving the exercise's text box syncs (and saves)
        # its answer, work that would otherwise land inside the baseline's timed click.
        button.focus()
        settle(self.page)
        return timed(self.page, selector, "mousedown", button.click)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=20, help="timed samples per side")
    parser.add_argument("--quick", action="store_true", help="few repetitions (noisy)")
    parser.add_argument("--only", nargs="+", choices=list(EXERCISES), help="these steps only")
    args = parser.parse_args()
    names = args.only or list(EXERCISES)
    reps = 6 if args.quick or os.environ.get("BENCH_QUICK") else args.reps
    drafts = {
        "review300": [draft(300, "easy_out"), draft(300, "reaffirm")],
        "review2000": [draft(2000, "easy_out"), draft(2000, "reaffirm")],
    }
    samples: dict[str, dict[str, list[float]]] = {
        name: {"ours": [], "base": [], "replies": []} for name in names
    }
    with tempfile.TemporaryDirectory(prefix="bench-interaction-") as scratch:
        work = Path(scratch)
        root = work / "root"
        root.mkdir()
        (root / "bench.ipynb").write_text(json.dumps(notebook(drafts, names)), encoding="utf-8")
        with jupyterlab(root, work) as base, chromium() as browser:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}/lab/tree/bench.ipynb?reset&token=bench")
            wait_kernel_idle(page)
            run_all_cells(page)
            page.locator(f".bench-base-{names[-1]}").wait_for(timeout=120_000)
            wait_kernel_idle(page)
            steps = Steps(page, drafts)
            for rep in range(-1, reps):  # rep -1 warms both sides up and is not kept
                steps.rep = rep
                for name in names:
                    sides = [("ours", steps.ours), ("base", steps.baseline)]
                    if name in WITH_REPLIES:
                        sides.append(("replies", lambda n: steps.baseline(n, "replies")))
                    for side, run in sides if rep % 2 == 0 else sides[::-1]:
                        elapsed = run(name) / 1000
                        if rep >= 0:
                            samples[name][side].append(elapsed)
            page.close()

    header("bench_interaction: input event to feedback visible, in JupyterLab in Chromium")
    print(f"  {reps} samples per side; baseline: a bare Button showing the same HTML")
    for name, sides in samples.items():
        ours, base = sides["ours"], sides["base"]
        print(
            f"  {name:<11} ours median {fmt_seconds(median(ours)):>8} "
            f"p95 {fmt_seconds(p95(ours)):>8} | baseline median "
            f"{fmt_seconds(median(base)):>8} p95 {fmt_seconds(p95(base)):>8}"
        )
        print(ratio_line(f"{name}: median ours / baseline", median(ours) / median(base),
                         TARGET_MEDIAN))  # fmt: skip
        print(ratio_line(f"{name}: p95 ours / baseline", p95(ours) / p95(base), TARGET_P95))
        if sides["replies"]:
            print(ratio_line(f"{name}: median ours / HTML+replies", median(ours)
                             / median(sides["replies"]), None))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
