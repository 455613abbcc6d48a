"""Typed turns in the offline JupyterLite site: the same check as in JupyterLab, in Pyodide.

Uses the Lite fixtures of ``test_lite_site.py`` (the site build, the offline server in its own
network namespace, the browser inside it, and the request counter): open notebook 07, type a
strong and a weak turn at the same decision of the Scenario 2 call, and check the call took
different branches and each feedback quotes the learner's own sentence.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_lite_site import (  # noqa: F401  (fixtures, used by name)
    lite,
    lite_site,
    netns_browser,
    offline_site,
    open_and_run,
)

from coursekit.loader import roleplays

pytestmark = [pytest.mark.client, pytest.mark.timeout(1500)]
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


def test_typed_turns_take_different_branches_in_lite(lite: tuple[Any, str]) -> None:  # noqa: F811
    page, site = lite
    open_and_run(page, f"{site}/lab/index.html?path=07_practise_the_call.ipynb")
    box = page.locator(".sc-widget.sc-roleplay").filter(has_text=roleplays()[CALL].title).first
    box.scroll_into_view_if_needed()
    strong_line, strong_reply = say_it_my_way(page, box, STRONG)
    assert f"“{STRONG}”" in strong_line and strong_line.count(STRONG) >= 2, strong_line
    box.locator("button", has_text="Go back one step").first.click()
    box.locator(".sc-feedback-step", has_text="Went back one step").wait_for()
    weak_line, weak_reply = say_it_my_way(page, box, WEAK)
    assert f"“{WEAK}”" in weak_line and "Not heard: " in weak_line
    assert strong_reply != weak_reply, (strong_reply, weak_reply)
