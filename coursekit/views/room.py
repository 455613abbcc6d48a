"""The live room's surfaces: the facilitator's room view and the learner's share callout.

Every fragment is built with :func:`~coursekit.views.markup.tag`, so anything from a card, a
file name or a reply is escaped once, there; a card can never add markup. Charts are the
facilitator's bar charts (:func:`~coursekit.views.facilitator.bar_chart_html`): each bar
labelled, its number written beside it, never colour alone.

>>> from coursekit.room import read_room
>>> page = live_room_html(read_room([b"<script>alert(1)</script>"]), "Read from uploads.")
>>> "<script>" in page, "&lt;script&gt;" in page
(False, False)
>>> "Cards counted: 0" in page and "not readable JSON" in page
True
>>> "Shared again" in share_callout(200, {})
True
"""

from __future__ import annotations

from collections.abc import Mapping

from ..knowledge import knowledge
from ..poll import titles
from ..room import Room
from .facilitator import bar_chart_html
from .feedback import callout
from .markup import Content, Html, tag
from .teaching import surface

__all__ = ["live_room_html", "room_problem_callout", "share_callout"]

#: What a learner reads after sharing, whatever happened (no name, nothing typed).
CARD_HOLDS = (
    "It holds your scenario, quiz scores, role-play endings and missed moves: no name, "
    "nothing typed."
)


def live_room_html(room: Room, source: str = "") -> Html:
    """Return the room view: cards counted, why any were skipped, then one chart per question."""
    named = titles()
    count: list[Content] = [tag("strong", f"Cards counted: {room.counted}")]
    if source:
        count.append(f" — {source}")
    parts = [tag("p", count, cls="sc-room-count")]
    if room.skipped:
        parts.append(
            tag(
                "details",
                [
                    tag("summary", f"Skipped: {len(room.skipped)}"),
                    tag("ul", [tag("li", reason) for reason in room.skipped]),
                ],
                cls="sc-room-skipped",
            )
        )
    summary = room.summary
    parts.append(bar_chart_html("Which scenario the room is in", summary.scenarios))
    quizzes = {named.get(name, name): value for name, value in summary.quiz_percent.items()}
    parts.append(bar_chart_html("Average quiz score", quizzes, "%"))
    for name, counts in summary.endings.items():
        endings = {named.get(ending, ending): count for ending, count in counts.items()}
        parts.append(bar_chart_html(f"How “{named.get(name, name)}” ended", endings))
    moves = knowledge().moves
    missed = {(moves[move].title if move in moves else move): n for move, n in room.missed.items()}
    parts.append(bar_chart_html("Moves most often missed in the drafts", missed))
    return surface(*parts, label="What the room chose")


def share_callout(status: int, reply: Mapping[str, object]) -> Html:
    """Return the callout a learner sees after "Share with the room", by the service's answer."""
    if status == 201:
        return callout("correct", "Shared with the room", f"Your card is in. {CARD_HOLDS}")
    if status == 200:
        return callout(
            "correct", "Shared again", f"It replaced the card you shared before. {CARD_HOLDS}"
        )
    reason = reply.get("reason")
    if status == 0:
        detail = "The room service did not answer. Try again in a minute, or tell your facilitator."
    elif status in (401, 403):
        detail = "The hub does not let this account share with the room. Tell your facilitator."
    elif isinstance(reason, str):
        detail = reason
    else:
        detail = f"The room answered with code {status}. Try again, or tell your facilitator."
    return callout("warn", "Not shared", detail)


def room_problem_callout(status: int, reason: str) -> Html:
    """Return the callout a room view shows when the live room could not be read."""
    if status in (401, 403):
        detail = (
            "Only a facilitator may read the room. Log in with the facilitators' password "
            "(or an account in the facilitators' group) and run this cell again."
        )
    elif status == 0:
        detail = "The room service did not answer. This view tries again on its own while open."
    else:
        detail = reason or f"The room answered with code {status}."
    return callout("warn", "The room could not be read", detail)
