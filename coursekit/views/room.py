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
from .facilitator import ROOM_LABEL, bar_chart_html, room_charts
from .feedback import callout
from .markup import Html, tag
from .teaching import surface
from .text import ui, ui_html


def live_room_html(room: Room, source: str = "") -> Html:
    """Return the room view: cards counted, why any were skipped, then one chart per question."""
    source = f" — {source}" if source else ""
    parts = [ui_html("views.room.count", count=room.counted, source=source)]
    if room.skipped:
        reasons = [tag("li", reason) for reason in room.skipped]
        parts.append(ui_html("views.room.skipped", count=len(room.skipped), reasons=reasons))
    parts += room_charts(room.summary, titles(), percent_scale=None)
    moves = knowledge().moves
    missed = {(moves[move].title if move in moves else move): n for move, n in room.missed.items()}
    parts.append(bar_chart_html(ui("views.charts.missed"), missed))
    return surface(*parts, label=ROOM_LABEL)


def share_callout(status: int, reply: Mapping[str, object]) -> Html:
    """Return the callout a learner sees after "Share with the room", by the service's answer."""
    holds = ui("views.room.card_holds")
    if status == 201:
        return callout("correct", "Shared with the room", ui("views.room.shared", holds=holds))
    if status == 200:
        return callout("correct", "Shared again", ui("views.room.shared_again", holds=holds))
    reason = reply.get("reason")
    if status == 0:
        detail = ui("views.room.no_answer")
    elif status in (401, 403):
        detail = ui("views.room.not_allowed")
    elif isinstance(reason, str):
        detail = reason
    else:
        detail = ui("views.room.code", status=status)
    return callout("warn", "Not shared", detail)


def room_problem_callout(status: int, reason: str) -> Html:
    """Return the callout a room view shows when the live room could not be read."""
    if status in (401, 403):
        detail = ui("views.room.facilitators_only")
    elif status == 0:
        detail = ui("views.room.retrying")
    else:
        detail = reason or ui("views.room.read_code", status=status)
    return callout("warn", "The room could not be read", detail)
