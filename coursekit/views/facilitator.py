"""The facilitator's surfaces: agendas and answer keys as tables, the room as bar charts.

>>> print(bar_chart_html("Scenario", {"Scenario 1": 2}))  # doctest: +ELLIPSIS
<figure class="sc-chart" ...>...<span class="sc-bar-value">2</span>...</figure>
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..agenda import Agenda
from ..poll import CardFolder, RoomSummary
from ..quiz import Quiz, key_text
from .markup import Html, tag
from .teaching import surface

__all__ = ["agenda_html", "answer_keys_html", "bar_chart_html", "room_html"]


def agenda_html(agenda: Agenda) -> Html:
    """Return a workshop agenda as a table: when, activity and discussion minutes, what, notes."""
    rows = [
        tag(
            "tr",
            [
                tag("td", f"{item.start}–{item.start + item.block.minutes} min"),
                tag(
                    "td",
                    f"{item.block.activity_minutes} + {item.block.discussion_minutes} min",
                ),
                tag("td", item.block.activity),
                tag("td", item.block.notes),
            ],
        )
        for item in agenda.timed()
    ]
    head = tag(
        "tr",
        [
            tag("th", "When", scope="col"),
            tag("th", "Activity + discussion", scope="col"),
            tag("th", "What happens", scope="col"),
            tag("th", "Teaching notes", scope="col"),
        ],
    )
    foot = tag(
        "tr",
        [
            tag("th", "Total", scope="row"),
            tag("td", f"{agenda.total} min"),
            tag("td", ""),
            tag("td", ""),
        ],
    )
    table = tag(
        "table",
        [
            tag("caption", f"{agenda.minutes}-minute workshop: {agenda.title}"),
            tag("thead", head),
            tag("tbody", rows),
            tag("tfoot", foot),
        ],
    )
    return surface(table, label=f"{agenda.minutes}-minute agenda")


def answer_keys_html(quizzes: Iterable[Quiz]) -> Html:
    """Return each quiz's answer key as a table: question, then the answer to read out."""
    tables = []
    for quiz in quizzes:
        rows = [
            tag(
                "tr",
                [
                    tag("th", str(number), scope="row"),
                    tag("td", question.prompt),
                    tag("td", tag("ul", [tag("li", line) for line in key_text(question)])),
                ],
            )
            for number, question in enumerate(quiz.questions, 1)
        ]
        tables.append(
            tag(
                "table",
                [
                    tag("caption", quiz.title),
                    tag(
                        "thead",
                        tag(
                            "tr",
                            [
                                tag("th", "#", scope="col"),
                                tag("th", "Question", scope="col"),
                                tag("th", "Answer", scope="col"),
                            ],
                        ),
                    ),
                    tag("tbody", rows),
                ],
            )
        )
    return surface(*tables, label="Answer keys")


def bar_chart_html(title: str, counts: Mapping[str, int], unit: str = "") -> Html:
    """Return a bar chart in HTML: each bar labelled, its number written beside it."""
    if not counts:
        return tag("figure", [tag("figcaption", title), tag("p", "No data yet.")], cls="sc-chart")
    top = max(counts.values()) or 1
    rows = []
    for label, value in counts.items():
        width = round(100 * value / top)
        rows.append(
            tag(
                "div",
                [
                    tag("span", label, cls="sc-bar-label"),
                    tag(
                        "span",
                        [
                            tag("span", "", cls="sc-bar-fill", style=f"width: {width}%"),
                            tag("span", f"{value}{unit}", cls="sc-bar-value"),
                        ],
                        cls="sc-bar",
                    ),
                ],
                cls="sc-bar-row",
            )
        )
    return tag(
        "figure", [tag("figcaption", tag("strong", title)), *rows], cls="sc-chart", aria_label=title
    )


def room_html(found: CardFolder, summary: RoomSummary, titles: Mapping[str, str]) -> Html:
    """Return the room's summary: cards counted, skipped files, a chart per question.

    ``titles`` names the quizzes, role-plays and endings the cards hold by id.
    """
    parts = [tag("p", tag("strong", f"Cards counted: {summary.learners}"))]
    if found.messages:
        parts.append(tag("ul", [tag("li", message) for message in found.messages]))
    parts.append(bar_chart_html("Which scenario the room is in", summary.scenarios))
    quizzes = {titles.get(k, k): v for k, v in summary.quiz_percent.items()}
    parts.append(bar_chart_html("Average quiz score", quizzes, "%"))
    for name, counts in summary.endings.items():
        named = {titles.get(ending, ending): count for ending, count in counts.items()}
        parts.append(bar_chart_html(f"How “{titles.get(name, name)}” ended", named))
    return surface(*parts, label="What the room chose")
