"""One-call teaching surfaces for notebooks: each returns a value the notebook shows.

Each helper renders a view (never prints); its plain-text form is the same content as text,
for readers without HTML and for stored-output checks.

>>> block = show_moves(1)
>>> "Reaffirm" in block.data and "Reaffirm" in repr(block)
True
"""

from __future__ import annotations

import html.parser
from collections.abc import Iterable, Mapping
from pathlib import Path

from IPython.display import HTML

from ..cases import personas, vignettes
from ..classify import Situation, classify
from ..interface import ui
from ..loader import course, quizzes, roleplays
from ..poll import read_cards, summarise, titles
from ..review import review_draft
from ..script import build_script
from ..views import (
    STYLE,
    Html,
    agenda_html,
    answer_keys_html,
    cases_html,
    commenter_html,
    lessons_html,
    missteps_html,
    moves_html,
    path_html,
    quotes_html,
    reactions_html,
    review_surface,
    room_html,
    scenarios_html,
    script_html,
    surface,
    vignettes_html,
)
from ..views.examples import classifications_html

__all__ = [
    "Shown", "show_agenda", "show_answer_keys", "show_cases", "show_commenter", "show_lessons",
    "show_missteps", "show_moves", "show_persona_draft", "show_persona_script", "show_quote",
    "show_reactions", "show_review", "show_room", "show_scenarios", "show_vignettes",
    "show_worked_path",
]


class _Text(html.parser.HTMLParser):
    _BLOCKS = frozenset(
        {"p", "li", "h3", "h4", "tr", "blockquote", "figcaption", "div", "caption", "summary"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "style":
            self._skip += 1
        elif tag in self._BLOCKS:
            self.out.append("\n")
        elif tag in ("td", "th"):
            self.out.append(" | ")
        else:
            self.out.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._skip -= 1
        else:
            self.out.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.out.append(data)


class Shown(HTML):
    """A rendered surface: HTML for the notebook, its text for plain viewers."""

    def __repr__(self) -> str:
        parser = _Text()
        parser.feed(str(self.data))
        lines = (" ".join(line.split()) for line in "".join(parser.out).split("\n"))
        return "\n".join(line for line in lines if line)


def _show(fragment: Html) -> Shown:
    return Shown(data=STYLE + fragment)  # type: ignore[no-untyped-call]


def show_scenarios() -> Shown:
    """Show both scenarios with their moves in order."""
    return _show(scenarios_html())


def show_moves(scenario: int) -> Shown:
    """Show a scenario's moves as cards: step, title, why and how."""
    return _show(moves_html(scenario))


def show_reactions() -> Shown:
    """Show the ways the manager may feel, with what tends to cause each."""
    return _show(reactions_html())


def show_missteps() -> Shown:
    """Show the missteps that make a decline Scenario 2."""
    return _show(missteps_html())


def show_quote(*quote_ids: str) -> Shown:
    """Show one or more quotations as block quotes with who said them."""
    return _show(quotes_html(quote_ids))


def show_lessons(topic: str, quote_id: str | None = None) -> Shown:
    """Show the commenters' lessons on a move or theme, each with who said it, then a quote.

    >>> "reasoning makes sense" in repr(show_lessons("explain_change", quote_id="reasoning"))
    True
    """
    return _show(lessons_html(topic, quote_id))


def show_commenter(name: str, quote_id: str | None = None) -> Shown:
    """Show one commenter's story and lessons, after a quotation of theirs if given."""
    return _show(commenter_html(name, quote_id))


def show_cases(cases: Mapping[str, Situation], full: bool = False) -> Shown:
    """Show short cases: each one's scenario, how the manager may feel, and the first move.

    With ``full``, each case shows its whole classification: all moves, why, and the next step.

    >>> cases = {"A week later": Situation(time_since_days=7)}
    >>> "Next step" in repr(show_cases(cases)), "Next step" in repr(show_cases(cases, full=True))
    (False, True)
    """
    results = [(title, classify(situation)) for title, situation in cases.items()]
    if full:
        return _show(classifications_html(results, ui("widgets.common.cases")))
    return _show(cases_html(results))


def show_vignettes() -> Shown:
    """Show the course's vignettes with the scenario of each and why."""
    return _show(
        vignettes_html((v.title, v.note, classify(v.situation)) for v in vignettes().values())
    )


def show_persona_script(persona_id: str, scenario: int | None = None) -> Shown:
    """Show the script a worked persona's answers make (their own scenario unless given)."""
    persona = personas()[persona_id]
    number = scenario or classify(persona.situation).scenario
    script = build_script(persona.answers, scenario=number, channel=persona.situation.channel)
    heading = ui("widgets.common.persona_script", name=persona.name)
    return _show(surface(script_html(script, heading)))


def show_review(draft: str, scenario: int, heading: str = "A draft, reviewed") -> Shown:
    """Show a draft as a quoted block, then its review against a scenario's moves."""
    return _show(review_surface(review_draft(draft, scenario), draft, heading))


def show_persona_draft(persona_id: str, scenario: int | None = None) -> Shown:
    """Show a worked persona's draft and its review."""
    persona = personas()[persona_id]
    number = scenario or classify(persona.situation).scenario
    heading = ui("widgets.common.persona_draft", name=persona.name)
    return show_review(persona.draft, number, heading)


def show_worked_path(roleplay_id: str) -> Shown:
    """Show a role-play's worked path as a transcript with feedback and the debrief."""
    return _show(path_html(roleplays()[roleplay_id], roleplays()[roleplay_id].worked_path))


def show_agenda(minutes: int) -> Shown:
    """Show the 60- or 90-minute workshop agenda from the course manifest as a table."""
    return _show(agenda_html(course().agenda(minutes)))


def show_answer_keys(quiz_ids: Iterable[str] | None = None) -> Shown:
    """Show the answer key of each quiz (all of them by default) as tables."""
    ids = list(quizzes()) if quiz_ids is None else list(quiz_ids)
    return _show(answer_keys_html(quizzes()[quiz_id] for quiz_id in ids))


def show_room(folder: str | Path) -> Shown:
    """Show what the room chose, from a folder of poll cards, as bar charts with numbers."""
    found = read_cards(folder)
    return _show(room_html(found, summarise(found.cards), titles()))
