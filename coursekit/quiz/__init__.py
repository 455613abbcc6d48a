"""The quiz engine: four question types, grading with feedback, a saveable attempt, and order.

Every question is a frozen dataclass with an ``id``, a ``prompt`` and an ``explanation``, and
every option or item carries its own feedback saying why it is right or wrong. Grading returns a
:class:`Result` whose ``symbol`` and ``label`` say how it went in words and signs, so no display
needs colour to be understood. Bad answers raise :class:`~coursekit.errors.CourseInputError`.

>>> question = SingleChoice(
...     id="first_move",
...     prompt="In Scenario 2, what comes first?",
...     options=(
...         Option("own", "Own the misstep", True, "Yes: the repair comes first."),
...         Option("why", "Explain your change of heart", False, "Not yet: repair first."),
...     ),
...     explanation="In Scenario 2 the manager cannot hear your reasons until you repair.",
... )
>>> result = question.grade("why")
>>> result.symbol, result.label, result.score
('✗', 'Not quite', 0.0)
>>> result.feedback
('✗ Explain your change of heart — Not yet: repair first.',)
>>> question.answer_key()
'own'
"""

from __future__ import annotations

from .arrange import Matching, MatchItem, MatchTarget, Ordering, OrderItem
from .attempt import Question, Quiz, QuizAttempt
from .base import CORRECT, PARTLY, WRONG, AnswerValue, Result
from .choice import MultipleChoice, Option, SingleChoice
from .order import ORDER_SEED_ENV, ORDER_SEED_KEY, display_order, learner_seed, shown_order

__all__ = ["CORRECT", "ORDER_SEED_ENV", "ORDER_SEED_KEY", "PARTLY", "WRONG", "AnswerValue",
           "MatchItem", "MatchTarget", "Matching", "MultipleChoice", "Option", "OrderItem",
           "Ordering", "Question", "Quiz", "QuizAttempt", "Result", "SingleChoice",
           "display_order", "learner_seed", "shown_order"]
