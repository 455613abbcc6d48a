"""The course's look and flow in real JupyterLab, as a learner meets it (issue 12).

- One flow: a learner who classifies Scenario 2 in notebook 03 finds the script builder in 08
  on Scenario 2, and the plan they export is about Scenario 2 throughout.
- Feedback design: the correct and the not-yet callouts differ in icon and heading, not only
  in colour.

Notebooks run in this order against one Lab server, so 08 sees what 03 saved, as a learner's
would. Run this file on its own (one Lab server per run).
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

import pytest
from pages import LAB, assert_gates, error_outputs, open_notebook, run_all

from coursekit.loader import quizzes
from coursekit.quiz import SingleChoice

pytestmark = [pytest.mark.client, pytest.mark.timeout(600)]
FEEDBACK_MS = 30_000


def widget(page: Any, kind: str, has_text: str = "") -> Any:
    loc = page.locator(f"{LAB} .jp-OutputArea-output .sc-widget.{kind}")
    if has_text:
        loc = loc.filter(has_text=has_text)
    loc.first.scroll_into_view_if_needed()
    return loc.first


def click(box: Any, label: str) -> None:
    box.page.wait_for_timeout(300)  # let the widget models sync before the click
    box.locator("button", has_text=label).first.click()


def wait_text(locator: Any, text: str) -> None:
    locator.filter(has_text=text).first.wait_for(timeout=FEEDBACK_MS)


def callout_parts(callout: Any) -> dict[str, str]:
    """What a callout shows besides colour: its kind, icon, heading and left border."""
    parts: dict[str, str] = callout.evaluate(
        """(el) => {
          const icon = el.querySelector('.sc-callout-icon'), st = getComputedStyle(el);
          const heading = el.querySelector('.sc-callout-heading');
          return {kind: Array.from(el.classList).join(' '),
                  icon: icon ? icon.textContent.trim() : '',
                  iconShown: icon ? String(icon.getBoundingClientRect().width > 0) : 'false',
                  heading: heading ? heading.textContent.replace(icon.textContent, '').trim() : '',
                  border: st.borderLeftWidth + ' ' + st.borderLeftStyle};
        }"""
    )
    return parts


def check_callouts_differ(page: Any) -> None:
    """Answer a quiz question wrong, then right: the two callouts differ in icon and heading."""
    quiz = quizzes()["03_scenarios"]
    number, question = next(
        (n, q) for n, q in enumerate(quiz.questions) if isinstance(q, SingleChoice)
    )
    view = widget(page, "sc-quiz", quiz.title).locator(".sc-question").nth(number)
    key = question.answer_key()
    seen = {}
    for kind, option in (
        ("notyet", next(o for o in question.options if o.id != key)),
        ("correct", next(o for o in question.options if o.id == key)),
    ):
        if kind == "correct":
            click(view, "Try again")
            wait_text(view.locator(".sc-feedback"), "Try again")
        view.locator(".widget-radio-box label", has_text=option.text).first.click()
        click(view, "Check answer")
        found = view.locator(f".sc-feedback .sc-callout-{kind}").first
        found.wait_for(timeout=FEEDBACK_MS)
        seen[kind] = callout_parts(found)
    right, wrong = seen["correct"], seen["notyet"]
    assert right["icon"] and wrong["icon"] and right["icon"] != wrong["icon"], seen
    assert right["iconShown"] == wrong["iconShown"] == "true", seen
    assert right["heading"] and wrong["heading"] and right["heading"] != wrong["heading"], seen
    assert right["heading"].startswith("Correct"), seen
    assert right["border"].endswith("solid") and not right["border"].startswith("0px"), seen


def test_scenario_flows_from_03_to_the_plan_in_08(page: Any, lab: Callable[[str], str]) -> None:
    open_notebook(page, lab("03_which_scenario.ipynb"))
    run_all(page)
    assert_gates(page, "03", LAB)
    box = widget(page, "sc-classifier")
    box.locator(".widget-checkbox", has_text="Went silent").locator("input").check()
    click(box, "Show my scenario")
    wait_text(box.locator(".sc-feedback-classification"), "Scenario 2 — saved")
    check_callouts_differ(page)
    assert not error_outputs(page, LAB)

    open_notebook(page, lab("08_your_plan.ipynb"))
    run_all(page)
    builder = widget(page, "sc-script-builder")
    active = builder.locator(".widget-toggle-buttons button.mod-active")
    assert active.inner_text().strip() == "Scenario 2", "the builder is not on Scenario 2"
    assert "Scenario 2: your situation" in builder.locator(".sc-callout").first.inner_text()
    field = builder.locator(".widget-textarea", has_text="What drew you to the offer?")
    field.locator("textarea").fill("the analytics team's work on hospital waiting lists")
    field.locator("textarea").press("Tab")  # saved when the learner leaves the box
    wait_text(builder.locator(".sc-feedback-preview"), "hospital waiting lists")

    panel = widget(page, "sc-progress")
    click(panel, "Export my plan")
    wait_text(panel.locator(".sc-feedback-status"), "Plan exported")
    href = panel.locator(".sc-download a").first.get_attribute("href") or ""
    assert href.startswith("data:text/html;") and ";base64," in href, href[:60]
    plan = base64.b64decode(href.split(",", 1)[1]).decode()
    assert "Scenario 2: " in plan and "hospital waiting lists" in plan
    assert "Written for Scenario 2" in plan, "the plan's script is not on Scenario 2"
    assert "Scenario 1" not in plan, "the plan mentions Scenario 1 though the learner is in 2"
    assert not error_outputs(page, LAB)

