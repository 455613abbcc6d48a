"""Typed turns in real JupyterLab: say it your way, and the call follows what was said.

Open notebook 07, Run All, and at the first decision of the Scenario 2 call type a strong turn
(owning the misstep), read the manager's next line and the feedback, go back one step, type a
weak turn (asking for the job first), and check the call took another branch with another
manager line, and that each turn's feedback quotes the learner's own sentence. In the Scenario 1
call, the box hides at a step that can only be picked and shows again one step back. The Voilà
workshop app uses the same widget; one typed turn there proves it has the box too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pages import (
    LAB,
    assert_gates,
    error_outputs,
    log_console_errors,
    open_notebook,
    run_all,
    wait_voila,
)

from coursekit.loader import roleplays

pytestmark = [pytest.mark.client, pytest.mark.timeout(600)]
NOTEBOOK = "07_practise_the_call.ipynb"
CALL = "call_scenario2"
STRONG = "I am sorry I kept you waiting ten days after I said I would sign."
WEAK = "Is the coordinator job still open? I would love to take it."
WAIT_MS = 30_000


def say_it_my_way(page: Any, box: Any, text: str) -> tuple[str, str]:
    """Type a turn, say it, and return (the typed line with its feedback, the manager's reply)."""
    before = box.locator(".sc-turn").count()
    area = box.locator(".sc-own-words textarea").first
    area.scroll_into_view_if_needed()
    area.fill(text)
    area.press("Tab")  # the typed words sync when the learner leaves the box
    page.wait_for_timeout(300)
    box.locator("button", has_text="Say it your way").first.click()
    box.locator(".sc-feedback-step [role=status]").first.wait_for(timeout=WAIT_MS)
    page.wait_for_function(
        "([el, n]) => el.querySelectorAll('.sc-turn').length === n + 2",
        arg=[box.element_handle(), before],
        timeout=WAIT_MS,
    )
    mine = box.locator(".sc-turn-you").last.inner_text()
    reply = box.locator(".sc-turn-manager").last.inner_text()
    return mine, reply


def test_strong_and_weak_typed_turns_take_different_branches(
    page: Any, lab: Callable[[str], str]
) -> None:
    open_notebook(page, lab(NOTEBOOK))
    run_all(page)
    title = roleplays()[CALL].title
    box = page.locator(f"{LAB} .sc-widget.sc-roleplay").filter(has_text=title).first
    box.scroll_into_view_if_needed()
    label = box.locator(".sc-own-words label, .sc-own-words .widget-label").first
    assert "Or say it your way" in label.inner_text()

    strong_line, strong_reply = say_it_my_way(page, box, STRONG)
    assert "You (in your own words)" in strong_line
    assert f"“{STRONG}”" in strong_line  # the line itself, and the evidence the review quotes
    assert strong_line.count(STRONG) >= 2, strong_line
    assert "Heard: " in strong_line and "What this review cannot judge" in strong_line
    assert "Strong" in box.locator(".sc-feedback-step").inner_text()

    box.locator("button", has_text="Go back one step").first.click()
    box.locator(".sc-feedback-step", has_text="Went back one step").wait_for(timeout=WAIT_MS)
    weak_line, weak_reply = say_it_my_way(page, box, WEAK)
    assert f"“{WEAK}”" in weak_line and "Not heard: " in weak_line
    assert "Weak" in box.locator(".sc-feedback-step").inner_text()
    assert strong_reply != weak_reply, (strong_reply, weak_reply)

    # Where a step can only be picked (Scenario 1's fork), the style sheet hides the box.
    first = roleplays()["call_scenario1"]
    call = page.locator(f"{LAB} .sc-widget.sc-roleplay").filter(has_text=first.title).first
    call.scroll_into_view_if_needed()
    own = call.locator(".sc-say-own").first
    assert own.is_visible()
    call.get_by_text(first.start.choices[0].text[:40]).first.click()  # the easy-out opener
    call.locator("button", has_text="Say it").first.click()
    own.wait_for(state="hidden", timeout=WAIT_MS)
    call.locator("button", has_text="Go back one step").first.click()
    own.wait_for(state="visible", timeout=WAIT_MS)

    assert_gates(page, NOTEBOOK, LAB)
    errors = error_outputs(page, LAB) + log_console_errors(page)
    assert not errors, "\n---\n".join(errors)


def test_the_voila_app_takes_typed_turns(
    voila: Callable[[Path], str], page: Any, notebooks_copy: Path
) -> None:
    url = voila(notebooks_copy / "app" / "workshop_app.ipynb")
    wait_voila(page, url)
    title = roleplays()[CALL].title
    box = page.locator(".sc-widget.sc-roleplay").filter(has_text=title).first
    box.scroll_into_view_if_needed()
    line, reply = say_it_my_way(page, box, STRONG)
    assert f"“{STRONG}”" in line and line.count(STRONG) >= 2, line
    assert "thank you for saying that" in reply  # the branch of an owned misstep
    assert not error_outputs(page)
