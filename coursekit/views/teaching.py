"""Teaching surfaces: move cards, scenario badges, reactions, missteps, lessons and quotes.

>>> "Reaffirm" in moves_html(1) and "reaffirm" not in moves_html(1).lower().split("reaffirm")[0]
True
>>> print(scenario_badge(2))
<span class="sc-badge sc-badge-2">Scenario 2</span>
"""

from __future__ import annotations

from collections.abc import Iterable

from ..knowledge import Lesson, knowledge
from .markup import Html, esc, tag
from .text import ui, ui_html


def surface(*parts: Html, label: str | None = None) -> Html:
    """Wrap teaching fragments in the course's surface (its styles apply inside)."""
    return tag("section", list(parts), cls="sc-surface", aria_label=label)


def scenario_badge(number: int) -> Html:
    """Return a badge naming the scenario (filled for 2, outlined for 1: not only its text)."""
    return tag("span", f"Scenario {number}", cls=f"sc-badge sc-badge-{number}")


def scenario_heading(number: int) -> Html:
    """Return the scenario's badge followed by its title."""
    return tag("p", [scenario_badge(number), " ", knowledge().scenarios[number].title])


def move_card(number: int, move_id: str) -> Html:
    """Return one move as a card: step number, title, why and how (no ids)."""
    move = knowledge().moves[move_id]
    return ui_html("views.teaching.move", number=number, title=move.title, purpose=move.purpose,
                   how=move.how)


def moves_html(scenario: int) -> Html:
    """Return a scenario's moves, in order, as cards."""
    cards = [move_card(n, m) for n, m in enumerate(knowledge().scenarios[scenario].move_ids, 1)]
    return surface(
        scenario_heading(scenario),
        tag("ol", cards, cls="sc-cards", style="list-style: none; padding: 0"),
        label=f"The moves of Scenario {scenario}",
    )


def scenarios_html() -> Html:
    """Return both scenarios with their summary and their moves' titles in order."""
    cards = [
        ui_html("views.teaching.scenario", heading=scenario_heading(scenario.number),
                summary=scenario.summary,
                moves=[tag("li", knowledge().moves[m].title) for m in scenario.move_ids])
        for scenario in knowledge().scenarios.values()
    ]
    return surface(*cards, label="The two scenarios")


def reactions_html() -> Html:
    """Return the ways the manager may feel, each with what tends to cause it."""
    cards = [ui_html("views.teaching.card", title=r.label, text=r.trigger)
             for r in knowledge().reactions.values()]
    return surface(*cards, label="How the manager may feel")


def missteps_html() -> Html:
    """Return the missteps that make a decline Scenario 2, with an example of each."""
    cards = [ui_html("views.teaching.card", title=m.label, text=["For example: ", m.example])
             for m in knowledge().missteps.values()]
    return surface(*cards, label="Missteps")


def quote_html(quote_id: str) -> Html:
    """Return a quotation as a block quote with who said it, and where."""
    quote, source = knowledge().quotes[quote_id], knowledge().source
    where = ui("views.teaching.in_column" if quote.speaker == source.author
               else "views.teaching.in_comment")
    return ui_html("views.teaching.quote", text=quote.text, speaker=quote.speaker, where=where,
                   source=source.title)


def _topic_label(topic: str) -> str:
    return (
        knowledge().themes[topic].label
        if topic in knowledge().themes
        else knowledge().moves[topic].title
    )


def _lesson_card(lesson: Lesson, show_who: bool = True) -> Html:
    topics = [*lesson.supports, *lesson.challenges]
    on = "; ".join(_topic_label(t) for t in topics)
    about = tag("p", ["On: ", on], cls="sc-cue") if topics else ""
    who = tag("span", lesson.commenter, cls="sc-who") if show_who else ""
    return ui_html("views.teaching.lesson", who=who, text=lesson.text, about=about,
                   stance=ui(f"views.teaching.{lesson.stance}"))


def lessons_html(topic: str, quote_id: str | None = None) -> Html:
    """Return the commenters' lessons on a move or theme, each with who said it.

    A quotation, if given, follows the lessons as a block quote with who said it.
    """
    cards = [_lesson_card(lesson) for lesson in knowledge().lessons_for(topic)]
    return surface(
        tag("h4", ui("views.teaching.lessons_heading", topic=_topic_label(topic))),
        ui_html("views.teaching.cards", cards=cards),
        *([quote_html(quote_id)] if quote_id else []),
        label="Lessons from the comments",
    )


def commenter_html(name: str, quote_id: str | None = None) -> Html:
    """Return one commenter's story in brief and their lessons, with a quote if given."""
    person = knowledge().commenters[name]
    cards = [_lesson_card(knowledge().lessons[lesson], show_who=False)
             for lesson in person.lesson_ids]
    return surface(
        *([quote_html(quote_id)] if quote_id else []),
        tag("h4", [tag("span", person.name, cls="sc-who"), f" ({person.role})"]),
        tag("p", person.story),
        ui_html("views.teaching.cards", cards=cards),
        label=f"{person.name}'s lessons",
    )


def quotes_html(quote_ids: Iterable[str]) -> Html:
    """Return several quotations as block quotes."""
    return surface(*(quote_html(q) for q in quote_ids), label="Quotations")


def attribution_html() -> Html:
    """Return the course's credit line for the column and its comments."""
    return surface(tag("p", ["Based on ", esc(knowledge().attribution())]), label="Source")
