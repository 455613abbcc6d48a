"""HTML for the facilitator's room view: counts, skip reasons and text bar charts, all escaped.

Every label comes from the course's own titles; any text from a card or a reply is escaped, so
a card can never add markup. Bars carry their number in words, never colour alone.

>>> from coursekit.room import read_room
>>> page = room_html(read_room([b"<script>alert(1)</script>"]), "Read from uploaded files.")
>>> "<script>" in page, "&lt;script&gt;" in page
(False, False)
>>> "Cards counted: 0" in page and "not readable JSON" in page
True
"""

from __future__ import annotations

from .knowledge import knowledge
from .loader import roleplays
from .poll import bar_chart
from .room import Room
from .textsafe import escape_html

__all__ = ["room_html", "share_html"]


def _ending_titles() -> dict[str, str]:
    return {
        node.ending.id: node.ending.title
        for roleplay in roleplays().values()
        for node in roleplay.nodes
        if node.ending is not None
    }


def _chart(title: str, counts: dict[str, int], unit: str = "") -> str:
    text = bar_chart(title, counts, unit)
    heading, _newline, body = text.partition("\n")
    return (
        f"<figure class='sc-room-chart'><figcaption><strong>{escape_html(heading)}</strong>"
        f"</figcaption><pre>{escape_html(body)}</pre></figure>"
    )


def room_html(room: Room, source: str = "") -> str:
    """Return the room view: how many cards, why any were skipped, then the charts."""
    summary = room.summary
    parts = [f"<p class='sc-room-count'><strong>Cards counted: {room.counted}</strong>"]
    if source:
        parts.append(f" — {escape_html(source)}")
    parts.append("</p>")
    if room.skipped:
        items = "".join(f"<li>{escape_html(reason)}</li>" for reason in room.skipped)
        parts.append(
            f"<details class='sc-room-skipped'><summary>Skipped: {len(room.skipped)}</summary>"
            f"<ul>{items}</ul></details>"
        )
    parts.append(_chart("Which scenario the room is in", summary.scenarios))
    quiz_titles = {name: name.replace("_", " ") for name in summary.quiz_percent}
    quizzes = {quiz_titles[name]: value for name, value in summary.quiz_percent.items()}
    parts.append(_chart("Average quiz score", quizzes, "%"))
    titles = _ending_titles()
    for name, counts in summary.endings.items():
        roleplay = roleplays().get(name)
        label = roleplay.title if roleplay is not None else name
        named = {titles.get(ending, ending): count for ending, count in counts.items()}
        parts.append(_chart(f"How “{label}” ended", named))
    missed = {
        knowledge().moves[move].title if move in knowledge().moves else move: n
        for move, n in room.missed.items()
    }
    parts.append(_chart("Moves most often missed in the drafts", missed))
    return "".join(parts)


def share_html(status: int, reply: dict[str, object]) -> tuple[bool, str, str]:
    """Return (worked, headline, detail as escaped HTML) for a learner who shared their card."""
    if status == 201:
        worked, headline, detail = True, "Shared with the room", "Your card is in."
    elif status == 200:
        worked, headline, detail = True, "Shared again", "It replaced the card you shared before."
    else:
        reason = reply.get("reason")
        worked, headline = False, "Not shared"
        detail = reason if isinstance(reason, str) else f"The room answered with code {status}."
    if worked:
        detail += " It holds your scenario, quiz scores and endings: no name, nothing typed."
    return worked, headline, escape_html(detail)
