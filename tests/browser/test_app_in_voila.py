"""The workshop app (notebooks/app/workshop_app.ipynb) served by Voila, in real Chromium.

A facilitator runs the course for a room with Voila, so nobody installs anything: the app
must render its widgets (the script builder and the role-plays), answer clicks and a typed
turn, and pass the same gates as the notebooks in JupyterLab (no tracebacks, no raw reprs,
axe, console).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pages import assert_gates, error_outputs, say_it_my_way, wait_voila, widget_kinds

from coursekit.loader import roleplays

pytestmark = [pytest.mark.client, pytest.mark.timeout(400)]
APP = "app/workshop_app.ipynb"
STRONG = "I am sorry I kept you waiting ten days after I said I would sign."


def test_workshop_app_in_voila(
    voila: Callable[[Path], str], page: Any, new_context: Any, console: Any, notebooks_copy: Path
) -> None:
    root = notebooks_copy  # never run in the real folder
    assert (root / APP).is_file(), f"notebooks/{APP} is missing"
    url = voila(root / APP)
    wait_voila(page, url)
    assert_gates(page, APP)
    assert {"sc-script-builder", "sc-roleplay"} <= widget_kinds(page)

    # Main interaction: in the first role-play, pick the first thing to say and say it; the
    # step feedback appears (the kernel answered the click).
    play = page.locator(".sc-widget.sc-roleplay").first
    play.locator(".sc-choices input[type=radio]").first.check()
    play.locator("button", has_text="Say it").first.click()
    step = play.locator(".sc-feedback-step")
    step.wait_for(state="visible")
    page.wait_for_function(
        "(el) => el.innerText.trim().length > 0", arg=step.element_handle(), timeout=15_000
    )

    # The script builder previews the visitor's own words, escaped.
    builder = page.locator(".sc-widget.sc-script-builder").first
    builder.locator(".widget-textarea", has_text="What drew you to the offer?").locator(
        "textarea"
    ).fill("the <i>launch</i> team")
    preview = builder.locator(".sc-feedback-preview")
    preview.filter(has_text="the <i>launch</i> team").wait_for(timeout=15_000)

    # The Scenario 2 call takes a typed turn, as in JupyterLab: the owned misstep is heard.
    title = roleplays()["call_scenario2"].title
    box = page.locator(".sc-widget.sc-roleplay").filter(has_text=title).first
    box.scroll_into_view_if_needed()
    line, reply = say_it_my_way(page, box, STRONG)
    assert f"“{STRONG}”" in line and line.count(STRONG) >= 2, line
    assert "thank you for saying that" in reply  # the branch of an owned misstep
    assert not error_outputs(page)

    # A second visitor gets a fresh page: nothing of the first visitor's answers shows.
    other_context = new_context()
    console.watch(other_context)
    other = other_context.new_page()
    wait_voila(other, url)
    other_builder = other.locator(".sc-widget.sc-script-builder").first
    field = other_builder.locator(".widget-textarea", has_text="What drew you to the offer?")
    assert field.locator("textarea").input_value() == ""
    assert "launch" not in other_builder.locator(".sc-feedback-preview").inner_text()
