"""The live room's surfaces: the facilitator's room view and the learner's share callout.

Anything from a card, a file name or a reply is escaped once, where its fragment is made; a
card can never add markup. Charts are :func:`~coursekit.views.facilitator.bar_chart_html`.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..interface import texts
from ..knowledge import knowledge
from ..poll import titles
from ..room import Room
from .facilitator import bar_chart_html, room_charts
from .feedback import callout
from .markup import Html, tag
from .teaching import surface
from .text import html_texts

_ui, _html, _charts = texts("views.room"), html_texts("views.room"), texts("views.charts")


def live_room_html(room: Room, source: str = "") -> Html:
    """Return the room view: cards counted, why any were skipped, then one chart per question."""
    source = _ui("from", source=source) if source else ""
    parts = [_html("count", count=room.counted, source=source)]
    if room.skipped:
        reasons = [tag("li", reason) for reason in room.skipped]
        parts.append(_html("skipped", count=len(room.skipped), reasons=reasons))
    parts += room_charts(room.summary, titles(), percent_scale=None)
    moves = knowledge().moves
    missed = {(moves[move].title if move in moves else move): n for move, n in room.missed.items()}
    parts.append(bar_chart_html(_charts("missed"), missed))
    return surface(*parts, label=_charts("room_label"))


def share_callout(status: int, reply: Mapping[str, object]) -> Html:
    """Return the callout a learner sees after "Share with the room", by the service's answer."""
    if status == 201:
        return callout("correct", _ui("shared_heading"), _ui("shared", holds=_ui("card_holds")))
    if status == 200:
        holds = _ui("card_holds")
        return callout("correct", _ui("shared_again_heading"), _ui("shared_again", holds=holds))
    reason = reply.get("reason")
    if status == 0:
        detail = _ui("no_answer")
    elif status in (401, 403):
        detail = _ui("not_allowed")
    else:
        detail = reason if isinstance(reason, str) else _ui("code", status=status)
    return callout("warn", _ui("not_shared"), detail)


def room_problem_callout(status: int, reason: str) -> Html:
    """Return the callout a room view shows when the live room could not be read."""
    if status in (401, 403):
        detail = _ui("facilitators_only")
    elif status == 0:
        detail = _ui("retrying")
    else:
        detail = reason or _ui("read_code", status=status)
    return callout("warn", _ui("unread"), detail)
