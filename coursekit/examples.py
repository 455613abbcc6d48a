"""Worked-example personas and case vignettes the notebooks use, as data.

Each notebook prints the same results for these every run, so the test suite can check them.

>>> PERSONAS["maya"].situation.missteps
()
>>> PERSONAS["dev"].situation.missteps
('showed_enthusiasm',)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

from .classify import Situation

__all__ = ["PERSONAS", "VIGNETTES", "Persona", "Vignette"]


@dataclass(frozen=True)
class Persona:
    """A fictional learner whose situation, answers and draft the notebooks work through."""

    id: str
    name: str
    story: str
    situation: Situation
    answers: dict[str, str] = field(default_factory=dict)
    draft: str = ""


@dataclass(frozen=True)
class Vignette:
    """A short case to classify, with the scenario the course expects and why."""

    id: str
    title: str
    story: str
    situation: Situation
    note: str


PERSONAS: MappingProxyType[str, Persona] = MappingProxyType(
    {
        "maya": Persona(
            id="maya",
            name="Maya",
            story=(
                "Maya, a data analyst, was offered a team-lead role at a logistics firm. Two "
                "days later she phoned the manager, Helen, thanked her and said no: moving "
                "felt too risky. Ten days on, she regrets it."
            ),
            situation=Situation(
                missteps=(), time_since_days=10, role_status="unknown", channel="phone"
            ),
            answers={
                "manager_name": "Helen",
                "what_drew_you": "leading a small analytics team on problems I care about",
                "why_declined": "I let the fear of leaving a safe job make the decision",
                "what_changed": "I've realised that staying put was the riskier choice for me",
                "what_job_offers": "use the full range of what I trained for",
            },
            draft=(
                "Hi Helen, thanks for taking my call. I know it's been ten days and you may "
                "have moved on. I was genuinely excited about leading your analytics team, "
                "and that hasn't changed. I've changed my mind because I realised I let fear "
                "of leaving a safe job decide for me. If the position has been filled, I "
                "completely understand, and I'd still like to be considered for future roles."
            ),
        ),
        "dev": Persona(
            id="dev",
            name="Dev",
            story=(
                "Dev told a hiring manager, Marcus, that he was thrilled and would sign, then "
                "emailed a no a week later after a counter-offer. Three weeks on, the "
                "counter-offer has turned sour and he wants the job."
            ),
            situation=Situation(
                missteps=("showed_enthusiasm",),
                time_since_days=21,
                role_status="unknown",
                channel="phone",
            ),
            answers={
                "manager_name": "Marcus",
                "what_drew_you": "the product and the people I met on the panel",
                "why_declined": "I took a counter-offer without thinking it through",
                "what_changed": "the counter-offer changed the pay but not the work",
                "what_job_offers": "build the tools I kept talking about in the interviews",
                "misstep": (
                    "I told you I was thrilled to accept, then said no by email a week later"
                ),
                "cost_to_manager": "you stopped talking to other candidates and lost a week",
            },
            draft=(
                "Marcus, I've had a change of heart about the offer and want to tell you why. "
                "I told you I'd sign and then backed out by email a week later, and I'm sorry: "
                "I know that cost you time with other candidates. How did that land on your side? "
                "It's fair if you weigh that in your decision. I took a counter-offer without "
                "thinking it through, and since then I've realised the work matters more than "
                "the pay. If the role is filled, I understand."
            ),
        ),
    }
)

VIGNETTES: MappingProxyType[str, Vignette] = MappingProxyType(
    {
        v.id: v
        for v in (
            Vignette(
                "asker",
                "The column's letter writer",
                "Turned down a good offer some time ago, after the line manager had called "
                "personally to say how keen he was. The letter doesn't say how the no was "
                "delivered; suppose it was a clear, polite decline.",
                Situation(
                    missteps=(), time_since_days=30, role_status="unknown", channel="meeting"
                ),
                "A clear, polite no leaves nothing to repair: Scenario 1. Thirty days on, the "
                "role may be gone, so the easy out matters.",
            ),
            Vignette(
                "colette",
                "Colette Brown's story",
                "Declined a role in person at her second interview, after weighing it "
                "carefully. Seven years later the same job was advertised again.",
                Situation(
                    missteps=(), time_since_days=7 * 365, role_status="open", channel="meeting"
                ),
                "She declined respectfully and face to face: Scenario 1. Her respectful exit "
                "is why the door was still open years later.",
            ),
            Vignette(
                "kimberly",
                "Kimberly's story",
                "Not a declined offer but a poor interview: late, hot and frazzled. She asked "
                "for another chance the same day.",
                Situation(missteps=(), time_since_days=0, role_status="open", channel="phone"),
                "Nothing about a decline to repair, so the closest fit is Scenario 1: she "
                "asked again straight away and explained what went wrong.",
            ),
            Vignette(
                "ghost",
                "Ravi",
                "Stopped answering the recruiter's emails after the offer and never said no. "
                "A month later he wants the job.",
                Situation(
                    missteps=("went_silent",),
                    time_since_days=30,
                    role_status="unknown",
                    channel="phone",
                ),
                "Silence is a misstep: Scenario 2. The manager may feel insulted, so Ravi owns "
                "the silence before anything else.",
            ),
            Vignette(
                "slow",
                "Ana",
                "Knew within a day she would decline but waited a fortnight to say so. The "
                "role has since been filled.",
                Situation(
                    missteps=("delayed_reply",),
                    time_since_days=60,
                    role_status="filled",
                    channel="phone",
                ),
                "A late no is a misstep: Scenario 2. The role is filled, so she aims at "
                "future roles after the repair.",
            ),
        )
    }
)
