"""Every course notebook, opened and run in real JupyterLab in real Chromium.

For each notebook: open it, wait until the kernel is really idle, Run All, then check that
every course widget (``.sc-widget``) rendered as a live widget, that no cell printed a
traceback or a widget's text repr, that axe finds no serious/critical accessibility issue in
the widgets' output areas, that the notebook's main interaction works, and that the browser
console stayed free of errors from our code.

One JupyterLab server (over a temp copy of notebooks/) and one browser serve the whole session;
each notebook gets a fresh page. The journal (``SECOND_CALL_JOURNAL``) is one temp file for the
server, so notebooks run in course order see earlier answers, as a learner's would.

A missing notebook is a FAILURE, never a skip.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import content_names
import pytest
from pages import LAB, assert_gates, error_outputs, log_console_errors, open_notebook, run_all

from coursekit.loader import course, quizzes
from coursekit.quiz import Matching, MultipleChoice, Ordering, SingleChoice

pytestmark = [pytest.mark.client, pytest.mark.timeout(600)]
FEEDBACK_MS = 30_000
NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"

COURSE_NOTEBOOKS = list(content_names.COURSE_NOTEBOOKS)
# Notebooks with no course widget at all; every other notebook must render at least one.
WIDGETLESS = {"facilitator/facilitator_guide.ipynb"}


# Main interactions, one per notebook, on the page after Run All and the gates; clicks as a
# person would make them (labels, roles).


def expect_kind(page: Any, kind: str) -> Any:
    """The first rendered root widget of this kind (``.sc-widget.<kind>``), asserted visible."""
    loc = page.locator(f"{LAB} .jp-OutputArea-output .sc-widget.{kind}")
    loc.first.wait_for(state="attached", timeout=FEEDBACK_MS)
    loc.first.scroll_into_view_if_needed()
    assert loc.first.is_visible(), f".{kind} is not visible"
    return loc.first


def expect_text(locator: Any, text: str) -> None:
    """Wait until the locator (a feedback area) shows ``text``."""
    locator.filter(has_text=text).first.wait_for(timeout=FEEDBACK_MS)


def button(widget: Any, label: str) -> Any:
    return widget.locator("button", has_text=label).first


def answer_quiz_question(page: Any, quiz_id: str, number: int = 0) -> Any:
    """Answer one question of a quiz as a learner would, with the answer key, and check it."""
    quiz = quizzes()[quiz_id]
    widget = page.locator(f"{LAB} .sc-quiz").filter(has_text=quiz.title).first
    question = quiz.questions[number]
    view = widget.locator(".sc-question").nth(number)
    view.scroll_into_view_if_needed()
    key = question.answer_key()
    if isinstance(question, SingleChoice):
        text = next(o.text for o in question.options if o.id == key)
        view.locator(".widget-radio-box label", has_text=text).first.click()
    elif isinstance(question, MultipleChoice):
        for option in question.options:
            if option.id in key:
                view.locator(".widget-checkbox", has_text=option.text).locator("input").check()
    elif isinstance(question, Ordering):
        selects = view.locator("select")
        for place, item_id in enumerate(key):
            text = next(i.text for i in question.items if i.id == item_id)
            selects.nth(place).select_option(label=text)
    elif isinstance(question, Matching):
        for item in question.left:  # rows show in the learner's own order: find each by its label
            target = next(t.text for t in question.right if t.id == item.match)
            row = view.locator(".widget-dropdown").filter(
                has=page.locator("label", has_text=item.text)
            )
            row.locator("select").select_option(label=target)
    page.wait_for_timeout(300)  # let the widget models sync before the click
    button(view, "Check answer").click()
    expect_text(view.locator(".sc-feedback"), "✓ Correct")
    return widget


def main_00_start_here(page: Any) -> None:
    panel = expect_kind(page, "sc-progress")
    button(panel, "Export my plan").click()
    expect_text(panel.locator(".sc-feedback-status"), "Plan exported")
    link = panel.locator(".sc-download a")
    assert "Download your plan" in link.inner_text()
    assert (link.get_attribute("href") or "").startswith("data:text/html")
    answer_quiz_question(page, "00_start")


def main_01_the_dilemma(page: Any) -> None:
    box = expect_kind(page, "sc-reflection")
    area = box.locator("textarea").first
    area.fill("Fear of looking flaky; calling now costs me ten awkward minutes.")
    area.press("Tab")  # the answer is saved when the learner leaves the box
    expect_text(box.locator(".sc-feedback"), "Saved")


def main_02_how_the_manager_may_feel(page: Any) -> None:
    expect_kind(page, "sc-quiz")
    answer_quiz_question(page, "02_reactions")


def main_03_which_scenario(page: Any) -> None:
    box = expect_kind(page, "sc-classifier")
    box.locator(".widget-checkbox", has_text="Went silent").locator("input").check()
    page.wait_for_timeout(300)
    button(box, "Show my scenario").click()
    result = box.locator(".sc-feedback-classification")
    expect_text(result, "Scenario 2 — saved")
    assert "Insulted or doubtful of your maturity" in result.inner_text()
    answer_quiz_question(page, "03_scenarios", 1)


def main_04_scenario1_three_moves(page: Any) -> None:
    box = expect_kind(page, "sc-script-builder")
    field = box.locator(".widget-textarea", has_text="What drew you to the offer?")
    field.locator("textarea").fill("<b>the analytics team</b>")
    preview = box.locator(".sc-feedback-preview")
    expect_text(preview, "<b>the analytics team</b>")  # shown as text, not as bold markup
    assert preview.locator("b").count() == 0
    assert "[add: why you declined]" in preview.inner_text()


def main_05_scenario2_repair_first(page: Any) -> None:
    box = expect_kind(page, "sc-reviewer")
    box.locator("textarea").first.fill(
        "I'm sorry I went quiet for two weeks; I know it held up your search. "
        "I changed my mind because I realised fear made the decision."
    )
    page.wait_for_timeout(300)
    button(box, "Review my draft").click()
    result = box.locator(".sc-feedback-review")
    expect_text(result, "✓ Covered: Own the misstep")
    assert "✗ Missing" in result.inner_text()


def main_06_voices_from_the_comments(page: Any) -> None:
    expect_kind(page, "sc-quiz")
    answer_quiz_question(page, "06_comments")


def main_07_practise_the_call(page: Any) -> None:
    box = expect_kind(page, "sc-roleplay")
    before = box.locator(".sc-manager-line").inner_text()
    box.locator(".sc-choices input[type=radio]").first.check()
    page.wait_for_timeout(300)
    button(box, "Say it").click()
    box.locator(".sc-feedback-step [role=status]").first.wait_for(timeout=FEEDBACK_MS)
    assert box.locator(".sc-manager-line").inner_text() != before
    button(box, "Go back one step").click()
    expect_text(box.locator(".sc-feedback-step"), "Went back one step")
    assert box.locator(".sc-manager-line").inner_text() == before


def main_08_your_plan(page: Any) -> None:
    panel = expect_kind(page, "sc-progress")
    button(panel, "Share with the room").click()
    expect_text(panel.locator(".sc-feedback-status"), "Poll card exported")
    assert "Download your poll card" in panel.locator(".sc-download").inner_text()


def expect_output_text(page: Any, text: str) -> None:
    """Some output of the notebook shows ``text``."""
    outputs = page.locator(f"{LAB} .jp-OutputArea-output").all_inner_texts()
    assert any(text in o for o in outputs), f"no output shows {text!r}"


def main_facilitator_guide(page: Any) -> None:
    # No widgets here: the guide prints its agendas, answer keys, worked paths and the room.
    for agenda in course().agendas:  # each agenda's caption: its title and length
        expect_output_text(page, f"{agenda.title} ({agenda.minutes} minutes)")
    expect_output_text(page, "Cards counted: 5")
    # JupyterLab right-aligns output table cells; the course's tables read from the left.
    cells = page.locator(f"{LAB} .sc-surface td")
    aligns = set(cells.evaluate_all("(tds) => tds.map((td) => getComputedStyle(td).textAlign)"))
    assert aligns == {"left"}
    transcript = page.locator(f"{LAB} .sc-surface .sc-transcript").first  # a worked path
    looks = "(ol) => [getComputedStyle(ol).listStyleType, getComputedStyle(ol).paddingLeft]"
    assert transcript.evaluate(looks) == ["none", "0px"]


MAIN_INTERACTIONS: dict[str, Callable[[Any], None]] = {
    "00_start_here.ipynb": main_00_start_here,
    "01_the_dilemma.ipynb": main_01_the_dilemma,
    "02_how_the_manager_may_feel.ipynb": main_02_how_the_manager_may_feel,
    "03_which_scenario.ipynb": main_03_which_scenario,
    "04_scenario1_three_moves.ipynb": main_04_scenario1_three_moves,
    "05_scenario2_repair_first.ipynb": main_05_scenario2_repair_first,
    "06_voices_from_the_comments.ipynb": main_06_voices_from_the_comments,
    "07_practise_the_call.ipynb": main_07_practise_the_call,
    "08_your_plan.ipynb": main_08_your_plan,
    "facilitator/facilitator_guide.ipynb": main_facilitator_guide,
}


def test_every_course_notebook_is_listed() -> None:
    """A new notebook cannot escape the browser suite (the Voila app has its own test)."""
    on_disk = sorted(
        str(p.relative_to(NOTEBOOKS))
        for pattern in ("*.ipynb", "facilitator/*.ipynb")
        for p in NOTEBOOKS.glob(pattern)
    )
    unlisted = [n for n in on_disk if n not in COURSE_NOTEBOOKS]
    assert not unlisted, f"add these to coursekit/content/course.toml: {unlisted}"
    assert sorted(MAIN_INTERACTIONS) == sorted(COURSE_NOTEBOOKS)


@pytest.mark.parametrize("name", COURSE_NOTEBOOKS)
def test_notebook_in_lab(name: str, page: Any, lab: Callable[[str], str]) -> None:
    assert (NOTEBOOKS / name).is_file(), f"notebooks/{name} is listed but missing"
    open_notebook(page, lab(name))
    run_all(page)
    assert_gates(page, name, LAB, require_any=name not in WIDGETLESS)
    MAIN_INTERACTIONS[name](page)
    # Nothing the interaction did may have raised: in a cell, in a widget callback (those
    # go to JupyterLab's Log Console), or in the browser (the console fixture).
    errors = error_outputs(page, LAB)
    assert not errors, f"{name}: error output after the interaction:\n" + "\n---\n".join(errors)
    logged = log_console_errors(page)
    assert not logged, f"{name}: errors in the Log Console:\n" + "\n---\n".join(logged)
