"""The draft reviewer: a text area in, a per-move checklist with evidence or tips out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w

from ..knowledge import MOVES, SCENARIOS
from ..review import LIMITS, Review, describe_cues, review_draft
from ..textsafe import escape_html
from ._common import (
    ERROR,
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

__all__ = ["ReviewerView", "draft_reviewer", "review_html"]

EXERCISE_ID = "draft"


def review_html(review: Review) -> str:
    """Return a review as escaped HTML: one line per move with a sign, a word and evidence."""
    rows = []
    for check in review.moves:
        if check.covered:
            detail = f"found in: “{escape_html(check.evidence or '')}”"
            head = f"{OK} Covered"
        else:
            detail = f"tip: {escape_html(check.tip or '')}"
            head = f"{ERROR} Missing"
        rows.append(f"<li><strong>{head}: {escape_html(check.title)}</strong> — {detail}</li>")
    order = (
        ""
        if review.scenario == 1
        else (
            f"<p><strong>{OK if review.order_ok else ERROR} Order:</strong> "
            f"{escape_html(review.order_note)}</p>"
        )
    )
    return f"<ol>{''.join(rows)}</ol>{order}"


def _cues_html(scenario: int) -> str:
    parts = []
    for move_id in SCENARIOS[scenario].move_ids:
        cues = "".join(f"<li>{escape_html(text)}</li>" for text in describe_cues(move_id))
        parts.append(f"<li>{escape_html(MOVES[move_id].title)}<ul>{cues}</ul></li>")
    return (
        "<details><summary>What the reviewer looks for, and its limits</summary>"
        f"<ul>{''.join(parts)}</ul><p>{escape_html(LIMITS)}</p></details>"
    )


class ReviewerView(Exercise):
    """Write a draft, review it against the scenario's moves, and keep it in the journal."""

    def __init__(self, journal: Journal | None = None, scenario: int | None = None) -> None:
        self.journal = get_journal(journal)
        saved = as_dict(self.journal.get(EXERCISE_ID))
        if scenario not in (1, 2):
            situation = as_dict(self.journal.get("situation"))
            scenario = next(
                (int(s) for s in (saved.get("scenario"), situation.get("scenario")) if s in (1, 2)),
                1,
            )
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
        self.cues = w.HTML(_cues_html(int(self.scenario.value)))
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
        self.cues.value = _cues_html(int(self.scenario.value))
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
