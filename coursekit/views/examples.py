"""Worked examples: a persona's story with their classification, vignettes, and short cases.

>>> from coursekit.classify import classify
>>> print(case_card("Declined politely", classify({})))  # doctest: +ELLIPSIS
<div class="sc-card"><h4>Declined politely</h4><p><span class="sc-badge sc-badge-1">...
"""

from __future__ import annotations

from collections.abc import Iterable

from ..classify import Classification
from .exercises import OUTCOME_REACTIONS, classification_html, feelings_html
from .markup import Html, tag
from .teaching import scenario_heading, surface
from .text import ui_html


def persona_html(name: str, story: str, result: Classification) -> Html:
    """Return a worked persona: their story, then how the classifier reads it."""
    return surface(
        tag("h4", f"{name}'s situation"),
        tag("blockquote", tag("p", story), cls="sc-quoted"),
        tag("div", classification_html(result), cls="sc-card"),
        label=f"{name}'s situation",
    )


def case_card(title: str, result: Classification, note: str = "") -> Html:
    """Return one short case: its scenario, how the manager may feel, and the first move."""
    outcome = next((r for r in result.reactions if r.id in OUTCOME_REACTIONS), None)
    parts = [tag("h4", title), scenario_heading(result.scenario)]
    if note:
        parts.append(tag("p", note))
    parts.append(feelings_html(result))
    if outcome is not None:
        parts.append(ui_html("views.exercises.case_outcome", why=outcome.why))
    parts.append(tag("p", [tag("strong", "First move: "), result.moves[0].title]))
    return tag("div", parts, cls="sc-card")


def cases_html(cases: Iterable[tuple[str, Classification]]) -> Html:
    """Return several short cases side by side in reading order."""
    return surface(*(case_card(title, result) for title, result in cases), label="Cases")


def classifications_html(cases: Iterable[tuple[str, Classification]], label: str) -> Html:
    """Return full classifications as titled cards, in order (e.g. one situation at two times)."""
    cards = [tag("div", [tag("h4", title), classification_html(result)], cls="sc-card")
             for title, result in cases]
    return surface(*cards, label=label)


def vignettes_html(vignettes: Iterable[tuple[str, str, Classification]]) -> Html:
    """Return vignettes as cards: title, the course's note on why, and the scenario."""
    cards = [
        tag("div", [tag("h4", title), scenario_heading(result.scenario), tag("p", note)],
            cls="sc-card")
        for title, note, result in vignettes
    ]
    return surface(*cards, label="Vignettes")
