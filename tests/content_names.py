"""The course content under the short names the tests use, loaded through the loader."""

from __future__ import annotations

from coursekit.cases import personas, vignettes
from coursekit.classify import classify
from coursekit.entries import DRAFT, ROLEPLAY_PREFIX, SCRIPT, SITUATION
from coursekit.knowledge import knowledge
from coursekit.loader import course, quizzes, roleplays
from coursekit.review import review_draft
from coursekit.roleplay import RoleplaySession
from coursekit.script import build_script

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
COURSE_NOTEBOOKS = tuple(entry.file for entry in (*course().notebooks, *course().guides[:1]))
EXERCISES = course().exercises


def commenter_id(name: str) -> str:
    """Return the id a quiz uses for a commenter (``joe Maressa`` → ``joe_maressa``)."""
    return name.lower().replace(" ", "_")


def persona_plan_answers(persona_id: str) -> dict[str, object]:
    """Return a worked-example persona's whole plan as journal-shaped answers.

    The persona is classified, its script is built for that scenario, its draft is reviewed,
    and the matching role-play is walked along its worked path, each saved under the same
    exercise id the widgets use. Replies, reflections and quizzes are left out.
    """
    persona = PERSONAS[persona_id]
    result = classify(persona.situation)
    script = build_script(persona.answers, scenario=result.scenario,
                          channel=persona.situation.channel, aim=result.aim)
    review = review_draft(persona.draft, result.scenario)
    roleplay_id = f"call_scenario{result.scenario}"
    session = RoleplaySession.replay(ROLEPLAYS[roleplay_id], WORKED_PATH[roleplay_id])
    return {SITUATION: result.to_entry().to_json(), SCRIPT: script.to_dict(),
            DRAFT: {"scenario": review.scenario, "text": persona.draft, "review": review.to_dict()},
            f"{ROLEPLAY_PREFIX}{roleplay_id}": session.to_dict()}
