"""Worked examples: a persona's story with their classification, vignettes, and short cases.

>>> from coursekit.classify import classify
>>> print(case_card("Declined politely", classify({})))  # doctest: +ELLIPSIS
<div class="sc-card"><h4>Declined politely</h4><p><span class="sc-badge sc-badge-1">...
"""

from __future__ import annotations

from collections.abc import Iterable

from ..classify import Classification
from ..interface import texts
from .exercises import OUTCOME_REACTIONS, classification_html, feelings_html
from .markup import Html, tag
from .teaching import scenario_heading, surface
from .text import html_texts

_ui, _html = texts("views.examples"), html_texts("views.examples")


def case_card(title: str, result: Classification, note: str = "") -> Html:
    """Return one short case: its scenario, how the manager may feel, and the first move."""
    outcome = next((r for r in result.reactions if r.id in OUTCOME_REACTIONS), None)
    return _html("case", title=title, heading=scenario_heading(result.scenario),
                 note=tag("p", note) if note else "", feelings=feelings_html(result),
                 outcome=_html("outcome", why=outcome.why) if outcome is not None else "",
                 move=result.moves[0].title)


def cases_html(cases: Iterable[tuple[str, Classification]]) -> Html:
    """Return several short cases side by side in reading order."""
    return surface(*(case_card(title, result) for title, result in cases), label=_ui("cases"))


def classifications_html(cases: Iterable[tuple[str, Classification]], label: str) -> Html:
    """Return full classifications as titled cards, in order (e.g. one situation at two times)."""
    cards = [_html("titled", title=title, body=classification_html(result))
             for title, result in cases]
    return surface(*cards, label=label)


def vignettes_html(vignettes: Iterable[tuple[str, str, Classification]]) -> Html:
    """Return vignettes as cards: title, the course's note on why, and the scenario."""
    cards = [_html("vignette", title=title, heading=scenario_heading(result.scenario), note=note)
             for title, note, result in vignettes]
    return surface(*cards, label=_ui("vignettes"))
