"""The role-play as a chat transcript: the manager's lines, the learner's, feedback on each.

A transcript is a list of :class:`Turn` values, so a turn the learner types in their own words
can be appended exactly like a chosen one.

>>> from coursekit.loader import roleplays
>>> from coursekit.roleplay import RoleplaySession
>>> call = roleplays()["call_scenario1"]
>>> session = RoleplaySession.replay(call, call.worked_path[:1])
>>> [turn.speaker for turn in session_turns(session)]
['manager', 'you', 'manager']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..roleplay import Debrief, Roleplay, RoleplaySession, Step
from .feedback import Kind, callout, kind_for_symbol
from .markup import Html, esc, tag
from .teaching import surface
from .text import ui

__all__ = ["Turn", "Verdict", "announce_html", "call_html", "debrief_html", "path_html",
           "pick_only_hint", "session_turns", "step_turn", "transcript_html"]


_OUTCOME_KINDS: dict[str, Kind] = {"good": "correct", "mixed": "partly", "poor": "notyet"}


@dataclass(frozen=True)
class Verdict:
    """Feedback attached to one of the learner's lines."""

    kind: Kind
    heading: str
    body: tuple[str, ...] = ()
    limits: str = ""  # what a review could not judge, folded under the feedback


@dataclass(frozen=True)
class Turn:
    """One line of the call: who speaks, what they say, a stage cue, and any feedback."""

    speaker: str  # "manager" or "you"
    text: str
    cue: str = ""
    verdict: Verdict | None = None
    typed: bool = False
    said: bool = True  # False for a choice of what to rehearse, which no one says aloud


def step_turn(step: Step) -> Turn:
    """Return the learner's turn for a step, with how it landed attached."""
    if step.typed is not None:  # the last feedback line is the limits, folded below
        body, limits = step.typed.feedback_lines[:-1], step.typed.review.limits
    else:
        body, limits = tuple(t for t in (step.choice.feedback, step.choice.consequence) if t), ""
    verdict = Verdict(kind_for_symbol(step.symbol), step.label, body, limits)
    return Turn("you", step.text, verdict=verdict, typed=step.typed is not None, said=not step.fork)


def session_turns(session: RoleplaySession) -> list[Turn]:
    """Return the call so far as turns: each manager line, then what the learner said."""
    node = session.roleplay.start
    turns = [Turn("manager", node.speaker_line, node.cue)]
    for step in session.history:
        turns += [step_turn(step), Turn("manager", step.node.speaker_line, step.node.cue)]
    return turns


def _turn_html(number: int, turn: Turn) -> Html:
    you = "You (in your own words)" if turn.typed else "You" if turn.said else "You chose"
    who = f"{'Manager' if turn.speaker == 'manager' else you}:"
    line = tag("p", f"“{turn.text}”") if turn.said else tag("p", turn.text, cls="sc-cue")
    verdict = Html("")
    if turn.verdict is not None:
        body = [tag("p", line) for line in turn.verdict.body]
        if turn.verdict.limits:
            summary = tag("summary", ui("widgets.roleplay.limits"))
            body.append(tag("details", [summary, tag("p", turn.verdict.limits)], cls="sc-limits"))
        verdict = callout(turn.verdict.kind, turn.verdict.heading, body, live=False)
    cue = tag("p", turn.cue, cls="sc-cue") if turn.cue else Html("")
    return tag(
        "li",
        [cue, tag("span", who, cls="sc-who"), line, verdict],
        cls=f"sc-turn sc-turn-{turn.speaker}",
        aria_label=f"Line {number}, {who.rstrip(':')}",
    )


def transcript_html(turns: Sequence[Turn]) -> Html:
    """Return the transcript: one list item per line, feedback under the line it judges."""
    items = [_turn_html(n, turn) for n, turn in enumerate(turns, 1)]
    return tag("ol", items, cls="sc-transcript", aria_label="The call so far")


def call_html(turns: Sequence[Turn], *, debrief: str = "", status: str = "", hint: str = "",
              typing: bool = False) -> Html:
    """Return the call in one piece: transcript, debrief, status, hint (``typing``: own words)."""
    line = tag("div", transcript_html(turns), cls="sc-manager-line" + " sc-can-type" * typing)
    return esc([line, Html(debrief), tag("div", Html(status), cls="sc-feedback-step"), Html(hint)])


def announce_html(turn: Turn) -> Html:
    """Return a one-line status on how the learner's last line landed (details are above)."""
    verdict = turn.verdict
    if verdict is None:
        return Html("")
    return callout(verdict.kind, ui("widgets.roleplay.announce", heading=verdict.heading))


def debrief_html(debrief: Debrief) -> Html:
    """Return the end-of-call debrief as a callout: how it ended and what to take away."""
    kind = _OUTCOME_KINDS.get(debrief.ending.outcome, "partly")
    return callout(
        kind,
        f"Call over: {debrief.ending.title}",
        tag("ul", [tag("li", line) for line in debrief.lines]),
    )


def path_html(roleplay: Roleplay, path: Iterable[str]) -> Html:
    """Return a worked walk through a role-play as a transcript, with its debrief."""
    session = RoleplaySession.replay(roleplay, path)
    parts = [tag("h4", roleplay.title), transcript_html(session_turns(session))]
    if session.is_over:
        parts.append(debrief_html(session.debrief()))
    return surface(*parts, label=f"Worked path: {roleplay.title}")


def pick_only_hint() -> Html:
    """Return the note shown where a step has no move to listen for, so only picking works."""
    return tag("p", ui("widgets.roleplay.pick_only"), cls="sc-hint")
