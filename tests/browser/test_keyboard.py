"""Keyboard only: walk a role-play step and a quiz question without touching the mouse.

Focus starts on the first control of each exercise (as if the learner had tabbed there);
everything after that is Tab, arrow keys, Space and Enter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pages import LAB, open_notebook, run_all

pytestmark = [pytest.mark.client, pytest.mark.timeout(300)]
NOTEBOOK = "07_practise_the_call.ipynb"
MAX_TABS = 30


def tab_to_button(page: Any, label: str) -> None:
    """Press Tab until the focused element is the button with this label."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        tag, text = page.evaluate(
            "() => [document.activeElement.tagName, document.activeElement.innerText || '']"
        )
        seen.append(f"{tag}:{text[:20]}")
        if tag == "BUTTON" and label in text:
            return
    raise AssertionError(f"Tab never reached the {label!r} button; focus went {seen}")


def test_roleplay_and_quiz_by_keyboard(page: Any, lab: Callable[[str], str]) -> None:
    lab_page = page
    open_notebook(lab_page, lab(NOTEBOOK))
    run_all(lab_page)
    scope = LAB

    roleplay = lab_page.locator(f"{scope} .sc-roleplay").first
    opening = roleplay.locator(".sc-manager-line").inner_text()
    first_choice = roleplay.locator(".sc-choices input[type=radio]").first
    first_choice.focus()
    lab_page.keyboard.press("Space")
    assert first_choice.is_checked()
    tab_to_button(lab_page, "Say it")
    lab_page.keyboard.press("Enter")
    roleplay.locator(".sc-feedback-step [role=status]").first.wait_for(timeout=30_000)
    assert roleplay.locator(".sc-manager-line").inner_text() != opening
    tab_to_button(lab_page, "Go back one step")
    lab_page.keyboard.press("Enter")
    roleplay.locator(".sc-feedback-step", has_text="Went back one step").wait_for(timeout=30_000)

    quiz = lab_page.locator(f"{scope} .sc-quiz").first
    single = quiz.locator(".sc-question-single").first
    radios = single.locator("input[type=radio]")
    radios.first.focus()
    lab_page.keyboard.press("Space")
    assert radios.first.is_checked()
    tab_to_button(lab_page, "Check answer")
    lab_page.keyboard.press("Enter")
    feedback = single.locator(".sc-feedback [role=status]")
    feedback.first.wait_for(timeout=30_000)
    text = feedback.first.inner_text()
    assert text.startswith(("✓ Correct", "✗ Not quite", "◐ Partly right")), text
    tab_to_button(lab_page, "Try again")
    lab_page.keyboard.press("Enter")
    single.locator(".sc-feedback", has_text="Try again").wait_for(timeout=30_000)
