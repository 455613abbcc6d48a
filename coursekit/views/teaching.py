"""Teaching surfaces: move cards, scenario badges, reactions, missteps, lessons and quotes.

>>> "Reaffirm" in moves_html(1) and "reaffirm" not in moves_html(1).lower().split("reaffirm")[0]
True
>>> print(scenario_badge(2))
<span class="sc-badge sc-badge-2">Scenario 2</span>
"""

from __future__ import annotations

from collections.abc import Iterable

from ..interface import texts
from ..knowledge import Lesson, knowledge
from .markup import Html, tag
from .text import html_texts

_ui, _html = texts("views.teaching"), html_texts("views.teaching")


def surface(*parts: Html, label: str | None = None) -> Html:
    """Wrap teaching fragments in the course's surface (its styles apply inside)."""
    return tag("section", list(parts), cls="sc-surface", aria_label=label)


def scenario_badge(number: int) -> Html:
    """Return a badge naming the scenario (filled for 2, outlined for 1: not only its text)."""
    return _html("badge", number=number)


def scenario_heading(number: int) -> Html:
    """Return the scenario's badge followed by its title."""
    return _html("scenario_heading", badge=scenario_badge(number),
                 title=knowledge().scenarios[number].title)


def moves_html(scenario: int) -> Html:
    """Return a scenario's moves, in order, as cards: step number, title, why and how."""
    cards = [_html("move", number=number, title=move.title, purpose=move.purpose, how=move.how)
             for number, move in enumerate(knowledge().scenario_moves(scenario), 1)]
    return surface(scenario_heading(scenario), _html("moves", cards=cards),
                   label=_ui("label.moves", scenario=scenario))


def scenarios_html() -> Html:
    """Return both scenarios with their summary and their moves' titles in order."""
    cards = [
        _html("scenario", heading=scenario_heading(scenario.number), summary=scenario.summary,
              moves=[tag("li", knowledge().moves[m].title) for m in scenario.move_ids])
        for scenario in knowledge().scenarios.values()
    ]
    return surface(*cards, label=_ui("label.scenarios"))


def reactions_html() -> Html:
    """Return the ways the manager may feel, each with what tends to cause it."""
    cards = [_html("card", title=r.label, text=r.trigger) for r in knowledge().reactions.values()]
    return surface(*cards, label=_ui("label.reactions"))


def missteps_html() -> Html:
    """Return the missteps that make a decline Scenario 2, with an example of each."""
    cards = [_html("card", title=m.label, text=_ui("example", text=m.example))
             for m in knowledge().missteps.values()]
    return surface(*cards, label=_ui("label.missteps"))


def quote_html(quote_id: str) -> Html:
    """Return a quotation as a block quote with who said it, and where."""
    quote, source = knowledge().quotes[quote_id], knowledge().source
    where = _ui("in_column" if quote.speaker == source.author else "in_comment")
    return _html("quote", text=quote.text, speaker=quote.speaker, where=where, source=source.title)


def _topic_label(topic: str) -> str:
    themes = knowledge().themes
    return themes[topic].label if topic in themes else knowledge().moves[topic].title


def _lesson_card(lesson: Lesson, show_who: bool = True) -> Html:
    topics = "; ".join(_topic_label(t) for t in (*lesson.supports, *lesson.challenges))
    return _html("lesson", who=_html("who", name=lesson.commenter) if show_who else "",
                 text=lesson.text, about=_html("about", topics=topics) if topics else "",
                 stance=_ui(lesson.stance))


def lessons_html(topic: str, quote_id: str | None = None) -> Html:
    """Return the commenters' lessons on a move or theme, each with who said it, then any quote."""
    cards = [_lesson_card(lesson) for lesson in knowledge().lessons_for(topic)]
    return surface(_html("lessons_heading", topic=_topic_label(topic)), _html("cards", cards=cards),
                   *([quote_html(quote_id)] if quote_id else []), label=_ui("label.lessons"))


def commenter_html(name: str, quote_id: str | None = None) -> Html:
    """Return one commenter's story in brief and their lessons, with a quote if given."""
    person = knowledge().commenters[name]
    cards = [_lesson_card(knowledge().lessons[lesson], show_who=False)
             for lesson in person.lesson_ids]
    return surface(*([quote_html(quote_id)] if quote_id else []),
                   _html("commenter", name=person.name, role=person.role, story=person.story),
                   _html("cards", cards=cards), label=_ui("label.commenter", name=person.name))


def quotes_html(quote_ids: Iterable[str]) -> Html:
    """Return several quotations as block quotes."""
    return surface(*(quote_html(q) for q in quote_ids), label=_ui("label.quotes"))
