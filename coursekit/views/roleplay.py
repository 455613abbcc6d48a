"""The role-play as a chat transcript: the manager's lines, the learner's, feedback on each.

A transcript is a list of :class:`Turn` values, so a turn the learner types in their own words
can be appended exactly like a chosen one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..interface import texts, ui
from ..roleplay import Debrief, Roleplay, RoleplaySession, Step
from .feedback import Kind, callout, kind_for_symbol
from .markup import Html, esc, tag
from .teaching import surface
from .text import html_texts

__all__ = ["Turn", "Verdict", "announce_html", "call_html", "debrief_html", "path_html",
           "pick_only_hint", "session_turns", "step_turn", "transcript_html"]


_OUTCOME_KINDS: dict[str, Kind] = {"good": "correct", "mixed": "partly", "poor": "notyet"}
_ui, _html = texts("views.roleplay"), html_texts("views.roleplay")


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
    you = "typed" if turn.typed else "you" if turn.said else "chose"
    verdict = Html("")
    if turn.verdict is not None:
        body = [tag("p", line) for line in turn.verdict.body]
        if turn.verdict.limits:
            summary = ui("widgets.roleplay.limits")
            body.append(_html("limits", summary=summary, text=turn.verdict.limits))
        verdict = callout(turn.verdict.kind, turn.verdict.heading, body, live=False)
    return _html("turn", speaker=turn.speaker, number=number, verdict=verdict,
                 who=_ui("manager" if turn.speaker == "manager" else you),
                 line=_html("said" if turn.said else "cue", text=turn.text),
                 cue=_html("cue", text=turn.cue) if turn.cue else "")


def transcript_html(turns: Sequence[Turn]) -> Html:
    """Return the transcript: one list item per line, feedback under the line it judges."""
    return _html("transcript", items=[_turn_html(n, turn) for n, turn in enumerate(turns, 1)])


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
    return callout(kind, _ui("call_over", title=debrief.ending.title),
                   tag("ul", [tag("li", line) for line in debrief.lines]))


def path_html(roleplay: Roleplay, path: Iterable[str]) -> Html:
    """Return a worked walk through a role-play as a transcript, with its debrief."""
    session = RoleplaySession.replay(roleplay, path)
    parts = [tag("h4", roleplay.title), transcript_html(session_turns(session))]
    if session.is_over:
        parts.append(debrief_html(session.debrief()))
    return surface(*parts, label=_ui("worked_path", title=roleplay.title))


def pick_only_hint() -> Html:
    """Return the note shown where a step has no move to listen for, so only picking works."""
    return tag("p", ui("widgets.roleplay.pick_only"), cls="sc-hint")
