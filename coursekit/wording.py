"""The script builder's and classifier's wording, read from ``content/script.toml``.

>>> from coursekit.loader import script_wording
>>> wording = script_wording()
>>> wording.field("why_declined").prompt
'Why did you decline?'
>>> wording.phrases["permission"]["lead"][1]
"I understand if that counts against me, and I think that's fair."
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .entries import REPLY_IDS

#: The learner's answers a script is built from, in the order the builder asks for them.
FIELDS: tuple[str, ...] = ("manager_name", "what_drew_you", "why_declined", "what_changed",
                           "what_job_offers", "misstep", "cost_to_manager")

#: Each section of ``script.toml`` and its phrases: ``1`` for one text, ``3`` for three variants.
SCRIPT_PHRASES: Mapping[str, Mapping[str, int]] = {
    "greeting": {"hello": 1},
    "reaffirm": {"later": 1, "filled": 1, "gap": 3, "lead": 3},
    "explain_change": {"lead": 3, "since": 1, "this_role": 1, "future_roles": 1},
    "easy_out": {"future_roles": 1, "lead": 3, "phone": 1, "meeting": 1, "close": 1},
    "own_misstep": {"change": 1, "lead": 3, "cost": 1, "sorry": 1},
    "invite_response": {"lead": 3},
    "permission": {"lead": 3},
    "reasons": dict.fromkeys(
        "scenario1 scenario2 filled open today recent late meeting phone".split(), 1
    ),
    "reaction_why": dict.fromkeys(
        "flattered flattered_2 showed_enthusiasm delayed_reply went_silent other_offence filled "
        "unknown_late unknown".split(),
        1,
    ),
    "next_step": {"filled": 1, "phone": 1, "meeting": 1},
    "replies": dict.fromkeys(REPLY_IDS, 1),
}


@dataclass(frozen=True)
class ScriptField:
    """One answer a script is built from: its id, the question, and the stand-in text."""

    id: str
    prompt: str
    placeholder: str = ""
    scenario: int = 0


@dataclass(frozen=True)
class ScriptWording:
    """The fields and phrases of the script builder."""

    fields: tuple[ScriptField, ...]
    phrases: Mapping[str, Mapping[str, tuple[str, ...]]]
    openers: tuple[tuple[str, str], ...]

    @property
    def prompts(self) -> dict[str, str]:
        """Return each field's question, keyed by field id."""
        return {entry.id: entry.prompt for entry in self.fields}

    def field(self, field_id: str) -> ScriptField:
        """Return the field with this id; raise KeyError if there is none."""
        return {entry.id: entry for entry in self.fields}[field_id]
