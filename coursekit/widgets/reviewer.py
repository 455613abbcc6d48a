"""The draft reviewer: a text area in, a per-move checklist with evidence or tips out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w

from ..progress import saved_scenario
from ..render import cues_html, review_html
from ..review import Review, review_draft
from ._common import (
    OK,
    Exercise,
    as_dict,
    feedback,
    get_journal,
    guarded,
    json_value,
    setup_root,
    status_html,
    wide,
)

if TYPE_CHECKING:
    from ..journal import Journal

__all__ = ["ReviewerView", "draft_reviewer"]

EXERCISE_ID = "draft"


class ReviewerView(Exercise):
    """Write a draft, review it against the scenario's moves, and keep it in the journal."""

    def __init__(self, journal: Journal | None = None, scenario: int | None = None) -> None:
        self.journal = get_journal(journal)
        saved = as_dict(self.journal.get(EXERCISE_ID))
        if scenario not in (1, 2):
            scenario = saved_scenario(saved, self.journal.get("situation"))
        self.scenario = w.ToggleButtons(
            options=[("Scenario 1", 1), ("Scenario 2", 2)],
            value=scenario,
            description="Review against:",
            style={"description_width": "initial"},
        )
        self.text = w.Textarea(
            value=saved.get("text") if isinstance(saved.get("text"), str) else "",
            placeholder="Write what you would say on the call, in your own words.",
            continuous_update=False,
            **wide("Your draft:"),
        )
        self.text.layout.height = "10em"
        self.review_button = w.Button(
            description="Review my draft", button_style="primary", icon="search"
        )
        self.result = feedback("review")
        self.cues = w.HTML(cues_html(int(self.scenario.value)))
        self.review: Review | None = None
        self.review_button.on_click(lambda _b: self.run_review())
        self.scenario.observe(lambda _c: self._scenario_changed(), names="value")
        super().__init__()
        setup_root(
            self,
            "reviewer",
            "Review your draft",
            [self.scenario, self.text, self.review_button, self.result, self.cues],
        )
        if self.text.value:
            self.run_review()

    def _scenario_changed(self) -> None:
        self.cues.value = cues_html(int(self.scenario.value))
        if self.text.value:
            self.run_review()

    def run_review(self) -> None:
        """Review the draft, show the checklist and save draft and review."""

        @guarded(self.result)
        def run() -> None:
            review = review_draft(self.text.value, int(self.scenario.value))
            self.review = review
            self.journal.save(
                EXERCISE_ID,
                json_value(
                    {
                        "scenario": review.scenario,
                        "text": self.text.value,
                        "review": review.to_dict(),
                    }
                ),
            )
            symbol = OK if review.covered_count == len(review.moves) and review.order_ok else "◐"
            self.result.value = status_html(symbol, review.summary(), review_html(review))

        run()


def draft_reviewer(journal: Journal | None = None, scenario: int | None = None) -> ReviewerView:
    """Return the draft reviewer, with the last draft restored from the journal."""
    return ReviewerView(journal, scenario)
