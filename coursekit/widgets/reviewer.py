"""The draft reviewer: a text area in, a per-move checklist with evidence or tips out."""

from __future__ import annotations

import contextlib
import functools
from typing import TYPE_CHECKING

import ipywidgets as w

from ..entries import DRAFT, DraftEntry, ReviewEntry, ReviewMoveEntry
from ..errors import CourseInputError
from ..interface import texts
from ..review import Review, review_draft
from ..views import cues_html, review_callout
from ._common import (
    Exercise,
    actions,
    button,
    feedback,
    guard,
    scenario_choice,
    scenario_note,
    setup_root,
    wide,
)

if TYPE_CHECKING:
    from ..journal import Journal

__all__ = ["ReviewerView", "draft_reviewer"]

_ui = texts("widgets.reviewer")


def review_entry(review: Review) -> ReviewEntry:
    """Return the journal entry of a review."""
    moves = (ReviewMoveEntry(m.id, m.covered, m.evidence or "", m.tip or "") for m in review.moves)
    return ReviewEntry(tuple(moves), review.order_ok, review.order_note)


class ReviewerView(Exercise):
    """Write a draft, review it against the scenario (the classification's unless given)."""

    def __init__(self, journal: Journal | None = None, scenario: int | None = None) -> None:
        entries = self.open_journal(journal)
        saved = entries.draft
        self.classified = entries.scenario
        if scenario not in (1, 2):
            scenario = self.classified or (saved.scenario if saved else None) or 1
        self.scenario = scenario_choice(scenario, _ui("against"))
        self.scenario_note = w.HTML(scenario_note(scenario, self.classified))
        self.text = w.Textarea(value=saved.text if saved else "", continuous_update=False, rows=7,
                               placeholder=_ui("placeholder"), **wide(_ui("draft")))
        self.review_button = button(_ui("review"), "search", primary=True)
        self.result = feedback("review")
        self.cues = w.HTML(cues_html(int(self.scenario.value)))
        self.review: Review | None = None
        # The draft reaches the kernel when the text box loses focus, as the pointer presses
        # the button: it is reviewed then, so the click only has to show it.
        self._review_of = functools.lru_cache(maxsize=1)(review_draft)
        self.text.observe(lambda _c: self._draft_arrived(), names="value")
        self.review_button.on_click(lambda _b: self.run_review())
        self.scenario.observe(lambda _c: self._scenario_changed(), names="value")
        super().__init__()
        controls = [self.scenario, self.scenario_note, self.text, actions(self.review_button)]
        setup_root(self, "reviewer", _ui("title"), [*controls, self.result, self.cues])
        if self.text.value:
            self.run_review()

    def _draft_arrived(self) -> None:
        with contextlib.suppress(CourseInputError):  # the click will say what is wrong
            self._review_of(self.text.value, int(self.scenario.value))

    def _scenario_changed(self) -> None:
        chosen = int(self.scenario.value)
        self.cues.value = cues_html(chosen)
        self.scenario_note.value = scenario_note(chosen, self.classified)
        if self.text.value:
            self.run_review()

    @guard("result")
    def run_review(self) -> None:
        """Review the draft, show the checklist, then save draft and review durably."""
        self.review = review = self._review_of(self.text.value, int(self.scenario.value))
        self.result.value = review_callout(review)
        self.keep(DRAFT, DraftEntry(review.scenario, self.text.value, review_entry(review)))


#: The builder of the draft reviewer, with the last draft restored from the journal.
draft_reviewer = ReviewerView
