"""Notebook 07's calls in real JupyterLab, on one page (each page costs a kernel and a Run All).

On that page, in turn:

- keyboard only: walk a role-play step and a quiz question without touching the mouse. Focus
  starts on the first control of each exercise (as if the learner had tabbed there); everything
  after that is Tab, arrow keys, Space and Enter;
- chat-style role-play: three steps give three learner lines in the transcript, each with its
  feedback inside the same line; then the call starts again;
- typed turns: at the first decision of the Scenario 2 call, type a strong turn (owning the
  misstep), read the manager's next line and the feedback, go back one step, type a weak turn
  (asking for the job first), and check the call took another branch with another manager line,
  and that each turn's feedback quotes the learner's own sentence. In the Scenario 1 call, the
  box hides at a step that can only be picked and shows again one step back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pages import (
    LAB,
    assert_gates,
    error_outputs,
    log_console_errors,
    open_notebook,
    run_all,
    say_it_my_way,
)

from coursekit.loader import roleplays

pytestmark = [pytest.mark.client, pytest.mark.timeout(600)]
NOTEBOOK = "07_practise_the_call.ipynb"
CALL = "call_scenario2"
STRONG = "I am sorry I kept you waiting ten days after I said I would sign."
WEAK = "Is the coordinator job still open? I would love to take it."
WAIT_MS = 30_000
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


def walk_by_keyboard(page: Any) -> None:
    """A role-play step, one step back and a quiz question, by keyboard alone."""
    roleplay = page.locator(f"{LAB} .sc-roleplay").first
    opening = roleplay.locator(".sc-manager-line").inner_text()
    first_choice = roleplay.locator(".sc-choices input[type=radio]").first
    first_choice.focus()
    page.keyboard.press("Space")
    assert first_choice.is_checked()
    tab_to_button(page, "Say it")
    page.keyboard.press("Enter")
    roleplay.locator(".sc-feedback-step [role=status]").first.wait_for(timeout=WAIT_MS)
    assert roleplay.locator(".sc-manager-line").inner_text() != opening
    tab_to_button(page, "Go back one step")
    page.keyboard.press("Enter")
    roleplay.locator(".sc-feedback-step", has_text="Went back one step").wait_for(timeout=WAIT_MS)

    quiz = page.locator(f"{LAB} .sc-quiz").first
    single = quiz.locator(".sc-question-single").first
    radios = single.locator("input[type=radio]")
    radios.first.focus()
    page.keyboard.press("Space")
    assert radios.first.is_checked()
    tab_to_button(page, "Check answer")
    page.keyboard.press("Enter")
    feedback = single.locator(".sc-feedback [role=status]")
    feedback.first.wait_for(timeout=WAIT_MS)
    text = feedback.first.inner_text()
    assert text.startswith(("✓ Correct", "✗ Not quite", "◐ Partly right")), text
    tab_to_button(page, "Try again")
    page.keyboard.press("Enter")
    single.locator(".sc-feedback", has_text="Try again").wait_for(timeout=WAIT_MS)


def icon_and_heading(callout: Any) -> tuple[str, str]:
    """A callout's icon and its heading (without the icon): what it shows besides colour."""
    found: list[str] = callout.evaluate(
        """(el) => {
          const icon = el.querySelector('.sc-callout-icon');
          const heading = el.querySelector('.sc-callout-heading');
          return [icon ? icon.textContent.trim() : '',
                  heading ? heading.textContent.replace(icon.textContent, '').trim() : ''];
        }"""
    )
    return found[0], found[1]


def three_steps_make_a_three_line_transcript(page: Any) -> None:
    """Three steps in the first call (Scenario 1): three learner lines, each with its feedback;
    then Start again, so the call is not begun for what comes next."""
    box = page.locator(f"{LAB} .jp-OutputArea-output .sc-widget.sc-roleplay").first
    box.scroll_into_view_if_needed()
    you = box.locator(".sc-transcript .sc-turn-you")
    assert you.count() == 0
    for step in range(1, 4):
        box.locator(".sc-choices input[type=radio]").first.check()
        page.wait_for_timeout(300)  # let the widget models sync before the click
        box.locator("button", has_text="Say it").first.click()
        page.wait_for_function(
            "([el, n]) => el.querySelectorAll('.sc-transcript .sc-turn-you').length === n",
            arg=[box.element_handle(), step],
            timeout=WAIT_MS,
        )
    assert you.count() == 3
    for line in range(3):
        turn = you.nth(line)
        said = turn.locator(":scope > p").last.inner_text()
        who = turn.locator(".sc-who").inner_text()
        # a spoken line is quoted; choosing which reply to rehearse reads as a choice
        assert (said.startswith("“") if who == "You:" else who == "You chose:"), (who, said)
        assert len(said) > 10, said
        verdict = turn.locator(".sc-callout")
        assert verdict.count() == 1, f"line {line + 1} has no feedback of its own"
        icon, heading = icon_and_heading(verdict.first)
        assert icon and heading, (icon, heading)
    managers = box.locator(".sc-transcript .sc-turn-manager")
    assert managers.count() >= 3  # the manager's lines stay in the thread too
    assert_gates(page, "07 after three steps", LAB)
    assert not error_outputs(page, LAB)
    page.wait_for_timeout(300)
    box.locator("button", has_text="Start again").first.click()
    page.wait_for_function(
        "el => el.querySelectorAll('.sc-transcript .sc-turn-you').length === 0",
        arg=box.element_handle(),
        timeout=WAIT_MS,
    )


def typed_turns_take_different_branches(page: Any) -> None:
    """A strong and a weak typed turn at one decision; the box hides where one can only pick."""
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


def test_the_calls_in_lab_by_keyboard_steps_and_typed_turns(
    page: Any, lab: Callable[[str], str]
) -> None:
    open_notebook(page, lab(NOTEBOOK))
    run_all(page)
    assert_gates(page, NOTEBOOK, LAB)
    walk_by_keyboard(page)
    three_steps_make_a_three_line_transcript(page)
    typed_turns_take_different_branches(page)
    assert_gates(page, NOTEBOOK, LAB)
    errors = error_outputs(page, LAB) + log_console_errors(page)
    assert not errors, "\n---\n".join(errors)

