"""The course content under the short names the tests use, loaded through the loader."""

from __future__ import annotations

from coursekit.cases import personas, vignettes
from coursekit.knowledge import knowledge
from coursekit.loader import course, quizzes, roleplays

FACTS = knowledge()
MOVES = FACTS.moves
SCENARIOS = FACTS.scenarios
MISSTEPS = FACTS.missteps
REACTIONS = FACTS.reactions
LESSONS = FACTS.lessons
COMMENTERS = FACTS.commenters
THEMES = FACTS.themes
QUOTES = FACTS.quotes
SOURCE = FACTS.source
CHANNELS = FACTS.channels
ROLE_STATUSES = FACTS.role_statuses
scenario_moves = FACTS.scenario_moves
lessons_for = FACTS.lessons_for
attribution = FACTS.attribution
QUIZZES = quizzes()
ROLEPLAYS = roleplays()
WORKED_PATH = {roleplay_id: roleplay.worked_path for roleplay_id, roleplay in ROLEPLAYS.items()}
PERSONAS = personas()
VIGNETTES = vignettes()
COURSE_NOTEBOOKS = course().files[: len(course().notebooks) + 1]
EXERCISES = course().exercises


def commenter_id(name: str) -> str:
    """Return the id a quiz uses for a commenter (``joe Maressa`` → ``joe_maressa``)."""
    return name.lower().replace(" ", "_")
