"""The facilitator's surfaces: agendas and answer keys as tables, the room as bar charts.

>>> print(bar_chart_html("Scenario", {"Scenario 1": 2}))  # doctest: +ELLIPSIS
<figure class="sc-chart" ...>...<span class="sc-bar-value">2</span>...</figure>
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from string import ascii_uppercase as _LETTERS

from ..interface import texts
from ..manifest import Agenda, AgendaBlock
from ..poll import CardFolder, RoomSummary
from ..quiz import Matching, MultipleChoice, Ordering, Question, Quiz, SingleChoice
from .markup import Html, esc, tag
from .teaching import surface
from .text import html_texts

_ui, _html = texts("views.facilitator"), html_texts("views.facilitator")
_chart_ui, _chart = texts("views.charts"), html_texts("views.charts")


def _notes(block: AgendaBlock) -> Html:
    """Return a block's teaching notes, one labelled line per part (ask, watch for, timing)."""
    parts = block.note_parts()
    if len(parts) == 1 and not parts[0][0]:
        return esc(parts[0][1])
    return _html("notes", items=[_html("note", label=label, text=text) if label
                                 else tag("li", text) for label, text in parts])


def agenda_html(agenda: Agenda) -> Html:
    """Return a workshop agenda as a table: one group per block, its teaching notes across it."""
    groups = [
        _html("agenda_block", start=item.start, end=item.start + item.block.minutes,
              notebook=item.block.notebook or "—", activity_minutes=item.block.activity_minutes,
              discussion_minutes=item.block.discussion_minutes, activity=item.block.activity,
              notes=_notes(item.block))
        for item in agenda.timed()
    ]
    table = _html("agenda", minutes=agenda.minutes, title=agenda.title, groups=groups,
                  total=agenda.total, activity=sum(b.activity_minutes for b in agenda.blocks),
                  discussion=sum(b.discussion_minutes for b in agenda.blocks))
    return surface(table, label=_ui("agenda_label", minutes=agenda.minutes))


def _key_rows(question: Question) -> list[Html]:
    """Return one row per option (or item): what it says, right or wrong, and why."""
    if isinstance(question, SingleChoice | MultipleChoice):
        # An icon and a word, so the answer never rests on colour.
        return [_html("key_row", text=f"{_LETTERS[i]}. {option.text}", why=option.feedback,
                      answer=_ui("right" if option.correct else "wrong"))
                for i, option in enumerate(question.options)]
    if isinstance(question, Ordering):
        return [_html("key_row", text=item.text, answer=_ui("place", place=place),
                      why=item.feedback) for place, item in enumerate(question.items, 1)]
    if isinstance(question, Matching):
        return [_html("key_match", text=item.text, match=question.target(item.match).text,
                      why=item.feedback) for item in question.left]
    return [_html("key_text", text=list(question.key_text()))]


def answer_keys_html(quizzes: Iterable[Quiz]) -> Html:
    """Return each quiz's answer key: every option, right or wrong and why, and the explanation."""
    tables = [
        _html("key", title=quiz.title, rows=[
            _html("key_question", number=number, prompt=question.prompt,
                  rows=_key_rows(question), why=question.explanation)
            for number, question in enumerate(quiz.questions, 1)])
        for quiz in quizzes
    ]
    return surface(*tables, label=_ui("keys_label"))


def bar_chart_html(
    title: str, counts: Mapping[str, int], unit: str = "", scale: int | None = None
) -> Html:
    """Return a bar chart, each bar labelled and numbered, against ``scale`` or the largest."""
    if not counts:
        return _chart("empty", title=title)
    top = scale or max(counts.values()) or 1
    bars = [_chart("bar", label=label, value=f"{value}{unit}",
                   width=min(100, round(100 * value / top))) for label, value in counts.items()]
    return _chart("chart", title=title, bars=bars)


def room_charts(summary: RoomSummary, titles: Mapping[str, str],
                percent_scale: int | None = 100) -> list[Html]:
    """Return the room's charts: the scenarios, the quiz averages, each role-play's endings."""
    quizzes = {titles.get(k, k): v for k, v in summary.quiz_percent.items()}
    charts = [bar_chart_html(_chart_ui("scenario"), summary.scenarios),
              bar_chart_html(_chart_ui("quiz"), quizzes, "%", scale=percent_scale)]
    for name, counts in summary.endings.items():
        named = {titles.get(ending, ending): count for ending, count in counts.items()}
        charts.append(bar_chart_html(_chart_ui("ending", name=titles.get(name, name)), named))
    return charts


def room_html(found: CardFolder, summary: RoomSummary, titles: Mapping[str, str]) -> Html:
    """Return the room's summary: cards counted, skipped files, a chart per question."""
    messages = [tag("li", message) for message in found.messages]
    return surface(_html("room_count", count=summary.learners),
                   _html("room_messages", items=messages) if messages else Html(""),
                   *room_charts(summary, titles), label=_chart_ui("room_label"))
