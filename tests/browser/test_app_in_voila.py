"""The workshop app (notebooks/app/workshop_app.ipynb) served by Voila, in real Chromium.

A facilitator runs the course for a room with Voila, so nobody installs anything: the app
must render its widgets (the script builder and the role-plays), answer clicks, and pass the
same gates as the notebooks in JupyterLab (no tracebacks, no raw reprs, axe, console).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import labkit
import pytest

APP = "app/workshop_app.ipynb"


def test_workshop_app_in_voila(
    voila: Any, voila_page: Any, tmp_path: Path, timings: dict[str, float]
) -> None:
    if not (labkit.NOTEBOOKS / APP).is_file():
        pytest.fail(f"notebooks/{APP} is missing", pytrace=False)
    root = labkit.copy_notebooks(tmp_path / "notebooks")  # never run in the real folder
    with labkit.timed("voila start", timings):
        server = voila(root / APP)
    with labkit.timed("voila render", timings):
        page = voila_page(server)
    roots = labkit.assert_sc_widgets_rendered(page, what=APP)
    kinds = {k for r in roots for k in r["kinds"]}
    assert {"sc-script-builder", "sc-roleplay"} <= kinds, kinds
    with labkit.timed("axe", timings):
        labkit.assert_no_axe_violations(page, APP)
    labkit.assert_layout_ok(page, what=APP)

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
    assert not labkit.error_outputs(page)
    page.sc_console.assert_clean(APP)

    # A second visitor gets a fresh page: nothing of the first visitor's answers shows.
    other = voila_page(server)
    other_builder = other.locator(".sc-widget.sc-script-builder").first
    field = other_builder.locator(".widget-textarea", has_text="What drew you to the offer?")
    assert field.locator("textarea").input_value() == ""
    assert "launch" not in other_builder.locator(".sc-feedback-preview").inner_text()
