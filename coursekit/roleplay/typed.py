"""Typed turns: the learner says a reply in their own words instead of picking one.

At a decision the learner may type what they would say. The turn is reviewed (with
:func:`coursekit.review.review_turn`) for the move(s) the decision is about — the moves of its
strong choice — and for any other move a prepared reply there makes (such as an apology nobody
needs in Scenario 1). The call goes on along the branch that review supports (:func:`route`),
so the manager's next line answers what was actually said. Everything here is pure and
deterministic: the same words at the same decision always take the same branch.

>>> from coursekit.loader import roleplays
>>> node = roleplays()["call_scenario1"].node("s1_pickup")
>>> decision_moves(node)
('easy_out',)
>>> strong = review_typed(node, "If you've filled the role, I completely understand.")
>>> strong.quality, strong.choice_id, strong.made
('strong', 's1_open_easy_out', ('easy_out',))
>>> strong.evidence["easy_out"]
"If you've filled the role, I completely understand."
>>> plain = review_typed(node, "Is the job still going?")
>>> plain.quality, plain.choice_id, plain.made
('okay', 's1_open_direct', ())
>>> sorry = review_typed(node, "I'm so sorry I let you down when I turned you down.")
>>> sorry.quality, sorry.choice_id, sorry.made
('weak', 's1_open_apology', ('own_misstep',))
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..errors import CourseInputError
from ..interface import ui
from ..knowledge import knowledge
from ..quiz.order import shown_order
from ..review import TurnReview, review_turn
from ..textsafe import clean_text
from .model import Choice, Node, Quality

#: The longest typed turn accepted: a turn on a call is a few sentences, not an essay.
MAX_TURN_CHARS = 1_500
#: The field named in the error for a typed turn that cannot be reviewed.
TURN_FIELD = "your_words"

# Which qualities a review's result leads to, best fit first.
_LADDER: Mapping[str, tuple[Quality, ...]] = {"all": ("strong",), "some": ("okay", "weak"),
                                              "none": ("weak", "okay")}


def decision_moves(node: Node) -> tuple[str, ...]:
    """Return the moves a decision is about: those of its strong choice(s), in order."""
    if node.fork or node.is_ending:
        return ()
    known = knowledge().moves
    found = [m for c in node.choices if c.quality == "strong" for m in c.moves if m in known]
    return tuple(dict.fromkeys(found))


def reviewed_moves(node: Node) -> tuple[str, ...]:
    """Return the moves a typed turn is reviewed for: the decision's, then its replies' others."""
    asked = decision_moves(node)
    if not asked:
        return ()
    known = knowledge().moves
    others = [m for c in node.choices for m in c.moves if m in known and m not in asked]
    return tuple(dict.fromkeys((*asked, *others)))


def can_type(node: Node) -> bool:
    """Return True if the learner may say this turn in their own words."""
    return bool(decision_moves(node))


def clean_turn(text: object) -> str:
    """Return a typed turn tidied for review, or raise CourseInputError saying what to fix."""
    cleaned = clean_text(text, TURN_FIELD, max_chars=MAX_TURN_CHARS, keep_newlines=True)
    if not cleaned:
        raise CourseInputError(TURN_FIELD, ui("engines.turn.empty"))
    if not any(unicodedata.category(ch).startswith("L") for ch in cleaned):
        raise CourseInputError(TURN_FIELD, ui("engines.turn.no_words"))
    return cleaned


def route(node: Node, made: tuple[str, ...]) -> Choice:
    """Return the choice whose branch a typed turn takes, given the moves its review heard.

    Every decision move made: the strong choice; some: the okay choice; none: the weak choice
    (the other of okay and weak when the node has no such choice). A choice whose prepared
    reply makes a move outside the decision that was not heard is passed over while another
    fits; then the choice whose moves overlap most with what was heard wins, then the quality
    in that order, then the first in the content.
    """
    asked = decision_moves(node)
    if not asked:
        raise CourseInputError(TURN_FIELD, ui("engines.turn.pick"))
    heard = set(made)
    done = heard & set(asked)
    result = "all" if done == set(asked) else "some" if done else "none"
    ladder = _LADDER[result]
    candidates = [c for c in node.choices if c.quality in ladder]
    if not candidates:  # a decision with a strong choice only, or no okay and weak
        ladder = ("strong", "okay", "weak")
        candidates = list(node.choices)

    def fit(choice: Choice) -> tuple[int, int, int]:
        unheard_extra = any(m not in asked and m not in heard for m in choice.moves)
        return (int(unheard_extra), -len(heard & set(choice.moves)), ladder.index(choice.quality))

    return min(candidates, key=fit)


@dataclass(frozen=True)
class TypedTurn:
    """A turn the learner typed: their words, the review, and the branch it took."""

    node_id: str
    text: str
    choice_id: str
    quality: Quality
    review: TurnReview
    consequence: str = ""
    evidence: Mapping[str, str] = field(default_factory=dict)
    decision: tuple[str, ...] = ()

    @property
    def made(self) -> tuple[str, ...]:
        """Return the moves the review found in the turn."""
        return tuple(check.id for check in self.review.moves if check.covered)

    @property
    def missed(self) -> tuple[str, ...]:
        """Return the decision's moves the review did not find."""
        return tuple(check.id for check in self.review.moves
                     if not check.covered and (not self.decision or check.id in self.decision))

    @property
    def feedback_lines(self) -> tuple[str, ...]:
        """Return the feedback as plain lines: moves heard or not, the consequence, the limits."""
        lines = []
        for check in self.review.moves:
            outside = bool(self.decision) and check.id not in self.decision
            if check.covered:
                cue = ui("engines.turn.matched", cue=check.cue.rstrip(".")) if check.cue else ""
                note = ui("engines.turn.outside") if outside else ""
                lines.append(ui("engines.turn.heard", title=check.title, evidence=check.evidence,
                                cue=cue, note=note))
            elif not outside:
                tip = f" {check.tip}" if check.tip else ""
                lines.append(ui("engines.turn.not_heard", title=check.title, tip=tip))
        if self.consequence:
            lines.append(self.consequence)
        lines.append(ui("engines.turn.limits", limits=self.review.limits))
        return tuple(lines)

    def summary(self) -> str:
        """Return one line on what the review heard, for the debrief and the plan."""
        titles = knowledge().moves
        heard = "; ".join(titles[m].title for m in self.made)
        missed = "; ".join(titles[m].title for m in self.missed)
        parts = [ui("engines.turn.heard_short", titles=heard) if heard else "",
                 ui("engines.turn.missed_short", titles=missed) if missed else ""]
        return ", ".join(p for p in parts if p)


def review_typed(node: Node, text: object, *, choice: Choice | None = None) -> TypedTurn:
    """Review a typed turn at a decision; ``choice`` pins the branch, else :func:`route` picks."""
    asked = reviewed_moves(node)
    if not asked:
        raise CourseInputError(TURN_FIELD, ui("engines.turn.pick"))
    cleaned = clean_turn(text)
    review = review_turn(cleaned, asked)
    made = tuple(check.id for check in review.moves if check.covered)
    taken = choice if choice is not None else route(node, made)
    evidence = {c.id: c.evidence for c in review.moves if c.covered and c.evidence}
    return TypedTurn(node.id, cleaned, taken.id, taken.quality, review, taken.consequence, evidence,
                     decision_moves(node))


def choice_order(node: Node, seed: str) -> tuple[Choice, ...]:
    """Return a node's choices in one learner's order (the quizzes' :func:`shown_order`)."""
    by_id = {choice.id: choice for choice in node.choices}
    return tuple(by_id[choice_id] for choice_id in shown_order(node, seed))

