"""The facilitator's surfaces: agendas and answer keys as tables, the room as bar charts.

>>> print(bar_chart_html("Scenario", {"Scenario 1": 2}))  # doctest: +ELLIPSIS
<figure class="sc-chart" ...>...<span class="sc-bar-value">2</span>...</figure>
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from string import ascii_uppercase as _LETTERS

from ..agenda import Agenda, AgendaBlock
from ..poll import CardFolder, RoomSummary
from ..quiz import (
    CORRECT,
    WRONG,
    Matching,
    MultipleChoice,
    Option,
    Ordering,
    Question,
    Quiz,
    SingleChoice,
    key_text,
)
from .markup import Html, esc, tag
from .teaching import surface
from .text import ui, ui_html


def _notes(block: AgendaBlock) -> Html:
    """Return a block's teaching notes, one labelled line per part (ask, watch for, timing)."""
    parts = block.note_parts()
    if len(parts) == 1 and not parts[0][0]:
        return esc(parts[0][1])
    return tag(
        "ul",
        [tag("li", [tag("strong", f"{label}:"), " ", text] if label else text)
         for label, text in parts],
        cls="sc-notes",
    )


def agenda_html(agenda: Agenda) -> Html:
    """Return a workshop agenda as a table: when, notebook, activity and discussion minutes,
    what happens, and the block's teaching notes (what to ask, what to watch for, timing)."""
    # One group per block: its times and what happens, then its teaching notes across the
    # table, so the notes stay readable in a narrow column of text.
    groups = [
        ui_html("views.facilitator.agenda_block", start=item.start,
                end=item.start + item.block.minutes, notebook=item.block.notebook or "—",
                activity_minutes=item.block.activity_minutes,
                discussion_minutes=item.block.discussion_minutes, activity=item.block.activity,
                notes=_notes(item.block))
        for item in agenda.timed()
    ]
    table = ui_html(
        "views.facilitator.agenda", minutes=agenda.minutes, title=agenda.title, groups=groups,
        total=agenda.total, activity=sum(block.activity_minutes for block in agenda.blocks),
        discussion=sum(block.discussion_minutes for block in agenda.blocks))
    return surface(table, label=f"{agenda.minutes}-minute agenda")


def option_why(option: Option) -> str:
    """Return why an option is right or wrong: its ``why`` when the content gives one, else
    its feedback."""
    why = getattr(option, "why", "")
    return why if isinstance(why, str) and why else option.feedback


def _key_rows(question: Question) -> list[Html]:
    """Return one row per option (or item): what it says, right or wrong, and why."""
    row = partial(ui_html, "views.facilitator.key_row")
    if isinstance(question, SingleChoice | MultipleChoice):
        # An icon and a word, so the answer never rests on colour.
        return [row(text=f"{_LETTERS[i]}. {option.text}", why=option_why(option),
                    answer=f"{CORRECT} Right" if option.correct else f"{WRONG} Wrong")
                for i, option in enumerate(question.options)]
    if isinstance(question, Ordering):
        return [row(text=item.text, answer=f"Place {place}", why=item.feedback)
                for place, item in enumerate(question.items, 1)]
    if isinstance(question, Matching):
        return [
            tag("tr", [tag("td", item.text),
                       tag("td", tag("strong", f"→ {question.target(item.match).text}")),
                       tag("td", item.feedback)])
            for item in question.left
        ]
    return [tag("tr", tag("td", list(key_text(question)), colspan=3))]


def answer_keys_html(quizzes: Iterable[Quiz]) -> Html:
    """Return each quiz's answer key: every question, every option with whether it is right
    or wrong and why, and the question's explanation; for a show of hands."""
    tables = [
        ui_html("views.facilitator.key", title=quiz.title, rows=[
            ui_html("views.facilitator.key_question", number=number, prompt=question.prompt,
                    rows=_key_rows(question), why=question.explanation)
            for number, question in enumerate(quiz.questions, 1)])
        for quiz in quizzes
    ]
    return surface(*tables, label="Answer keys")


def bar_chart_html(
    title: str, counts: Mapping[str, int], unit: str = "", scale: int | None = None
) -> Html:
    """Return a bar chart in HTML: each bar labelled, its number written beside it.

    Bars are drawn against ``scale`` (100 for percentages) or, by default, the largest value.
    """
    if not counts:
        return ui_html("views.charts.empty", title=title)
    top = scale or max(counts.values()) or 1
    bars = [ui_html("views.charts.bar", label=label, value=f"{value}{unit}",
                    width=min(100, round(100 * value / top))) for label, value in counts.items()]
    return ui_html("views.charts.chart", title=title, bars=bars)


#: The label of the room's summary, for assistive technology.
ROOM_LABEL = "What the room chose"


def room_charts(summary: RoomSummary, titles: Mapping[str, str],
                percent_scale: int | None = 100) -> list[Html]:
    """Return the room's charts: the scenarios, the quiz averages, each role-play's endings."""
    quizzes = {titles.get(k, k): v for k, v in summary.quiz_percent.items()}
    charts = [bar_chart_html(ui("views.charts.scenario"), summary.scenarios),
              bar_chart_html(ui("views.charts.quiz"), quizzes, "%", scale=percent_scale)]
    for name, counts in summary.endings.items():
        named = {titles.get(ending, ending): count for ending, count in counts.items()}
        charts.append(bar_chart_html(ui("views.charts.ending", name=titles.get(name, name)), named))
    return charts


def room_html(found: CardFolder, summary: RoomSummary, titles: Mapping[str, str]) -> Html:
    """Return the room's summary: cards counted, skipped files, a chart per question.

    ``titles`` names the quizzes, role-plays and endings the cards hold by id.
    """
    parts = [tag("p", tag("strong", f"Cards counted: {summary.learners}"))]
    if found.messages:
        parts.append(tag("ul", [tag("li", message) for message in found.messages]))
    return surface(*parts, *room_charts(summary, titles), label=ROOM_LABEL)
