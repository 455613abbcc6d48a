"""What the column and its comments teach, held as data in our own words.

Every notebook, widget and command reads the course's facts from here, so a fact is written
once. The text is ours; the short quotations are marked by :class:`Quote` and attributed.

>>> [move.id for move in scenario_moves(1)]
['reaffirm', 'explain_change', 'easy_out']
>>> [move.id for move in scenario_moves(2)]
['own_misstep', 'invite_response', 'permission', 'reaffirm', 'explain_change', 'easy_out']
>>> REACTIONS["insulted"].label
'Insulted or doubtful of your maturity'
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

__all__ = [
    "CHANNELS",
    "COMMENTERS",
    "LESSONS",
    "MISSTEPS",
    "MOVES",
    "QUOTES",
    "REACTIONS",
    "ROLE_STATUSES",
    "SCENARIOS",
    "SOURCE",
    "THEMES",
    "Commenter",
    "Lesson",
    "Misstep",
    "Move",
    "Quote",
    "Reaction",
    "Scenario",
    "Source",
    "Theme",
    "attribution",
    "lessons_for",
    "scenario_moves",
]


@dataclass(frozen=True)
class Source:
    """The column the course teaches from."""

    title: str
    author: str
    publication: str
    publisher: str
    commenters: tuple[str, ...]


SOURCE = Source(
    title="Changing Your Mind about a Job Offer",
    author="Joseph Grenny",
    publication="Crucial Skills blog",
    publisher="Crucial Learning",
    commenters=("Steve W", "Kimberly", "Colette Brown", "joe Maressa"),
)


def attribution() -> str:
    """Return the one-line credit each notebook shows once.

    >>> attribution()
    '"Changing Your Mind about a Job Offer" by Joseph Grenny, Crucial Skills blog ...'
    """
    return (
        f'"{SOURCE.title}" by {SOURCE.author}, {SOURCE.publication} ({SOURCE.publisher}), '
        "with the reader comments beneath it."
    )


@dataclass(frozen=True)
class Quote:
    """A short quotation (a sentence at most) with who said it."""

    id: str
    text: str
    speaker: str

    def cite(self) -> str:
        """Return the quotation marked and attributed.

        >>> QUOTES["make_the_call"].cite()
        '“By all means, make the call!” (Joseph Grenny, Changing Your Mind about a Job Offer)'
        """
        return f"“{self.text}” ({self.speaker}, {SOURCE.title})"


QUOTES: MappingProxyType[str, Quote] = MappingProxyType(
    {
        q.id: q
        for q in (
            Quote("make_the_call", "By all means, make the call!", "Joseph Grenny"),
            Quote("nothing_to_lose", "You have nothing to lose.", "Joseph Grenny"),
            Quote("two_way_street", "The job market is a two-way street.", "Steve W"),
            Quote("worth_it", "It will be worth it.", "Kimberly"),
            Quote(
                "leave_door_open",
                "Always leave the door open when you exit a job or an interview.",
                "Colette Brown",
            ),
            Quote("reasoning", "I would need to feel your reasoning makes sense.", "joe Maressa"),
        )
    }
)


@dataclass(frozen=True)
class Move:
    """One step of the conversation."""

    id: str
    title: str
    purpose: str
    how: str
    future_roles: str


MOVES: MappingProxyType[str, Move] = MappingProxyType(
    {
        m.id: m
        for m in (
            Move(
                "reaffirm",
                "Reaffirm what drew you to the offer",
                "Remind the manager that your interest was real from the start.",
                "Name something specific about the role or team that appealed to you then "
                "and still does.",
                "Say what still draws you to the team and the kind of work it does.",
            ),
            Move(
                "explain_change",
                "Help them understand why you changed your mind",
                "A reversal with no reason looks flighty; a clear reason looks considered.",
                "Say briefly why you declined and what has changed since, in plain terms.",
                "Explain what you have learned about yourself since you declined.",
            ),
            Move(
                "easy_out",
                "Give them an easy way to say the role is filled",
                "The manager may have moved on; give them a graceful way to say so.",
                "Say you understand the role may be filled, and ask to be remembered for "
                "other roles if it is.",
                "Accept that the role is filled and ask to be kept in mind for future openings.",
            ),
            Move(
                "own_misstep",
                "Own the misstep and its cost",
                "If your decline caused trouble, the manager will be thinking about it.",
                "Say plainly what you did and what it cost the manager, and apologise for "
                "that cost.",
                "Say plainly what you did and what it cost the manager, and apologise for "
                "that cost.",
            ),
            Move(
                "invite_response",
                "Let them respond",
                "Give the manager room to say how it landed or raise other concerns.",
                "Pause and ask how it was for them; listen without defending yourself.",
                "Pause and ask how it was for them; listen without defending yourself.",
            ),
            Move(
                "permission",
                "Give them permission to weigh it",
                "Show you accept that your misstep may count in their decision.",
                "Tell them it is fair to take what happened into account.",
                "Tell them it is fair to take what happened into account.",
            ),
        )
    }
)


@dataclass(frozen=True)
class Scenario:
    """One of the column's two scenarios, with its moves in order."""

    number: Literal[1, 2]
    title: str
    summary: str
    move_ids: tuple[str, ...]


SCENARIOS: MappingProxyType[int, Scenario] = MappingProxyType(
    {
        1: Scenario(
            1,
            "You declined clearly and respectfully",
            "You said no in good time and in good faith; now you can simply ask again.",
            ("reaffirm", "explain_change", "easy_out"),
        ),
        2: Scenario(
            2,
            "You didn't handle it well",
            "Something about how you declined left a mark; repair that before you ask again.",
            (
                "own_misstep",
                "invite_response",
                "permission",
                "reaffirm",
                "explain_change",
                "easy_out",
            ),
        ),
    }
)


def scenario_moves(scenario: int) -> tuple[Move, ...]:
    """Return the moves of a scenario in the order the column gives them."""
    return tuple(MOVES[move_id] for move_id in SCENARIOS[scenario].move_ids)


@dataclass(frozen=True)
class Reaction:
    """A way the manager may feel when you call back, and what triggers it."""

    id: str
    label: str
    trigger: str


REACTIONS: MappingProxyType[str, Reaction] = MappingProxyType(
    {
        r.id: r
        for r in (
            Reaction(
                "flattered",
                "Flattered that you reconsidered",
                "Likely when you declined clearly and kindly: being chosen twice feels good.",
            ),
            Reaction(
                "position_filled",
                "Already filled the role",
                "Likely as time passes; the manager may have hired someone else.",
            ),
            Reaction(
                "hurt",
                "Hurt or let down",
                "Likely if you signalled you would accept and then did not.",
            ),
            Reaction(
                "insulted",
                "Insulted or doubtful of your maturity",
                "Likely if you went silent and never said you were declining.",
            ),
        )
    }
)


@dataclass(frozen=True)
class Misstep:
    """Something that makes a decline Scenario 2, and the reactions it tends to cause."""

    id: str
    label: str
    example: str
    reactions: tuple[str, ...]


MISSTEPS: MappingProxyType[str, Misstep] = MappingProxyType(
    {
        m.id: m
        for m in (
            Misstep(
                "showed_enthusiasm",
                "Showed enthusiasm, then reversed",
                "You told the manager you were excited to join, then said no.",
                ("hurt",),
            ),
            Misstep(
                "delayed_reply",
                "Waited too long to say no",
                "You knew your answer but held it back for days, so the search stalled.",
                ("hurt",),
            ),
            Misstep(
                "went_silent",
                "Went silent",
                "You stopped replying and never told the manager you were declining.",
                ("insulted",),
            ),
            Misstep(
                "other_offence",
                "Offended the manager some other way",
                "A brusque message, a broken promise, or a remark that stung.",
                ("hurt",),
            ),
        )
    }
)

ROLE_STATUSES: tuple[str, ...] = ("open", "filled", "unknown")
CHANNELS: tuple[str, ...] = ("phone", "meeting")


@dataclass(frozen=True)
class Theme:
    """An idea from the column that a commenter's lesson can back up or push against."""

    id: str
    label: str


THEMES: MappingProxyType[str, Theme] = MappingProxyType(
    {
        t.id: t
        for t in (
            Theme("act_now", "Make the call, and make it soon"),
            Theme("nothing_to_lose", "Calling back costs you little"),
            Theme("manager_feelings", "Attend to how the manager may feel"),
            Theme("keep_door_open", "Keep the door open for later roles"),
            Theme("self_examination", "Understand why you declined in the first place"),
            Theme("move_on", "Don't dwell on the mistake"),
        )
    }
)


@dataclass(frozen=True)
class Lesson:
    """One commenter's takeaway, linked to the moves and themes it backs or challenges."""

    id: str
    commenter: str
    text: str
    supports: tuple[str, ...]
    challenges: tuple[str, ...] = ()

    @property
    def stance(self) -> Literal["supports", "challenges", "adds"]:
        """Say whether the lesson mostly backs the column, pushes back, or adds something new."""
        if self.challenges:
            return "challenges"
        return "supports" if self.supports else "adds"


@dataclass(frozen=True)
class Commenter:
    """A reader who commented under the column, and their story in brief."""

    name: str
    role: str
    story: str
    lesson_ids: tuple[str, ...]


LESSONS: MappingProxyType[str, Lesson] = MappingProxyType(
    {
        lesson.id: lesson
        for lesson in (
            Lesson(
                "steve_two_way",
                "Steve W",
                "Hiring runs both ways: you were entitled to say no and to think again.",
                ("act_now",),
            ),
            Lesson(
                "steve_sulking_manager",
                "Steve W",
                "A manager who stays resentful about a declined offer may not be one you "
                "want to work for.",
                (),
                ("manager_feelings", "permission"),
            ),
            Lesson(
                "steve_explain_why",
                "Steve W",
                "Above all, explain why you changed your mind, or you may look flighty.",
                ("explain_change",),
            ),
            Lesson(
                "kimberly_call_worked",
                "Kimberly",
                "Her own second-chance call after a rough interview turned into a 14-year career.",
                ("act_now", "nothing_to_lose"),
            ),
            Lesson(
                "kimberly_ends_regret",
                "Kimberly",
                "Even if it fails, making the call ends the regret of never having tried.",
                ("nothing_to_lose", "act_now"),
            ),
            Lesson(
                "colette_door_open",
                "Colette Brown",
                "Leave every job and interview on good terms; the same door may open again.",
                ("keep_door_open", "easy_out"),
            ),
            Lesson(
                "colette_hard_jobs",
                "Colette Brown",
                "A difficult workplace can teach you as much about your craft as a great one.",
                (),
            ),
            Lesson(
                "colette_keep_files",
                "Colette Brown",
                "Employers: keep notes on promising people who turn you down; they may come "
                "back stronger.",
                ("keep_door_open",),
            ),
            Lesson(
                "colette_no_self_blame",
                "Colette Brown",
                "Don't punish yourself over a poor decision; learn from it and move on.",
                ("move_on",),
            ),
            Lesson(
                "colette_learn_early",
                "Colette Brown",
                "Learn how to handle hard conversations early in your career.",
                (),
            ),
            Lesson(
                "joe_expect_questions",
                "joe Maressa",
                "Call back, but expect to be asked what changed, and make sure your reasoning "
                "holds up.",
                ("act_now", "explain_change"),
            ),
            Lesson(
                "joe_examine_weakness",
                "joe Maressa",
                "Re-examine the decision, and any weakness of yours that led to it.",
                ("self_examination",),
            ),
            Lesson(
                "joe_credibility",
                "joe Maressa",
                "Your credibility has taken a dent, so be sure you will be a top performer.",
                (),
                ("nothing_to_lose",),
            ),
        )
    }
)

COMMENTERS: MappingProxyType[str, Commenter] = MappingProxyType(
    {
        c.name: c
        for c in (
            Commenter(
                "Steve W",
                "reader",
                "Argues that declining is a normal part of a two-way market, and that the "
                "reason for the change is what matters most.",
                ("steve_two_way", "steve_sulking_manager", "steve_explain_why"),
            ),
            Commenter(
                "Kimberly",
                "reader",
                "After a hot, late, frazzled interview she asked for another chance; the "
                "call made the difference and began a 14-year career.",
                ("kimberly_call_worked", "kimberly_ends_regret"),
            ),
            Commenter(
                "Colette Brown",
                "reader",
                "Declined a role she was the first choice for, spent seven hard years "
                "elsewhere, then was hired by the same employer and stayed ten years.",
                (
                    "colette_door_open",
                    "colette_hard_jobs",
                    "colette_keep_files",
                    "colette_no_self_blame",
                    "colette_learn_early",
                ),
            ),
            Commenter(
                "joe Maressa",
                "former recruiter, 10 years at Polaroid",
                "Would take the call, but would want to know what changed and whether the "
                "reasoning makes sense.",
                ("joe_expect_questions", "joe_examine_weakness", "joe_credibility"),
            ),
        )
    }
)


def lessons_for(topic: str) -> tuple[Lesson, ...]:
    """Return the lessons that back or challenge a move or theme.

    >>> [lesson.commenter for lesson in lessons_for("explain_change")]
    ['Steve W', 'joe Maressa']
    >>> [lesson.stance for lesson in lessons_for("nothing_to_lose")]
    ['supports', 'supports', 'challenges']
    """
    return tuple(
        lesson
        for lesson in LESSONS.values()
        if topic in lesson.supports or topic in lesson.challenges
    )
