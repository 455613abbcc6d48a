"""Build a call script from the learner's own words, move by move.

Learner text is data, never markup: each format escapes it on the way out.

>>> script = build_script({"what_drew_you": "the <b>team</b>"}, scenario=1)
>>> script.move_ids
('reaffirm', 'explain_change', 'easy_out')
>>> "&lt;b&gt;team&lt;/b&gt;" in script.to_html()
True
>>> "[add: why you declined]" in script.to_text()
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .classify import check_choice
from .entries import ScriptEntry, ScriptLineEntry
from .errors import CourseInputError
from .interface import texts
from .knowledge import knowledge
from .loader import script_wording
from .textsafe import MAX_FIELD_CHARS, clean_text, escape_markdown
from .wording import FIELDS

__all__ = ["FIELDS", "Script", "ScriptInputs", "ScriptLine", "build_script", "script_from_mapping"]

_ui = texts("engines.script")
PartKind = Literal["ours", "learner", "prompt"]
Part = tuple[PartKind, str]
_MAX_NAME_CHARS = 200


@dataclass(frozen=True)
class ScriptInputs:
    """The learner's own words for each part of the script; empty text means not given."""

    manager_name: str = ""
    what_drew_you: str = ""
    why_declined: str = ""
    what_changed: str = ""
    what_job_offers: str = ""
    misstep: str = ""
    cost_to_manager: str = ""

    def __post_init__(self) -> None:
        for name in FIELDS:
            limit = _MAX_NAME_CHARS if name == "manager_name" else MAX_FIELD_CHARS
            cleaned = clean_text(getattr(self, name), name, max_chars=limit)
            object.__setattr__(self, name, cleaned.rstrip(" .,;:!"))

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> ScriptInputs:
        """Build inputs from a mapping, ignoring keys that are not script fields."""
        return cls(**{name: data[name] for name in FIELDS if name in data})  # type: ignore[arg-type]

    def missing(self, scenario: int) -> tuple[str, ...]:
        """Return the fields this scenario's script needs that are still empty."""
        needed = [f.id for f in script_wording().fields if f.scenario in (0, scenario)]
        return tuple(f for f in needed if f != "manager_name" and not getattr(self, f))


@dataclass(frozen=True)
class ScriptLine:
    """One move of the script: its id, title and what the learner will say."""

    move_id: str
    title: str
    parts: tuple[Part, ...]

    @property
    def text(self) -> str:
        """Return the line as plain text, prompts shown in square brackets."""
        return "".join(_plain(kind, value) for kind, value in self.parts)


def _plain(kind: PartKind, value: str) -> str:
    return _ui("prompt", prompt=value) if kind == "prompt" else value


def _markdown(kind: PartKind, value: str) -> str:
    escaped = escape_markdown(value)
    return _ui("md_prompt", prompt=escaped) if kind == "prompt" else escaped


@dataclass(frozen=True)
class Script:
    """The moves of a scenario in the learner's words, renderable as text, Markdown or HTML."""

    scenario: Literal[1, 2]
    channel: str
    aim: Literal["this_role", "future_roles"]
    lines: tuple[ScriptLine, ...]
    missing: tuple[str, ...]

    @property
    def move_ids(self) -> tuple[str, ...]:
        """Return the move ids in script order."""
        return tuple(line.move_id for line in self.lines)

    def spoken(self) -> str:
        """Return just what the learner would say, one paragraph per move."""
        return "\n\n".join(line.text for line in self.lines)

    def to_text(self) -> str:
        """Return the script as plain text with a heading per move."""
        blocks = [_ui("heading", scenario=self.scenario)]
        blocks += [_ui("line", number=number, title=line.title, move=line.move_id,
                       text=line.text) for number, line in enumerate(self.lines, 1)]
        return "\n\n".join(blocks)

    def to_markdown(self) -> str:
        """Return the script as Markdown; learner text stays literal when rendered."""
        blocks = [_ui("md_heading", scenario=self.scenario)]
        for number, line in enumerate(self.lines, 1):
            blocks.append(_ui("md_line", number=number, title=escape_markdown(line.title),
                              move=line.move_id))
            blocks.append("".join(_markdown(kind, value) for kind, value in line.parts))
        return "\n\n".join(blocks) + "\n"

    def to_html(self) -> str:
        """Return the script as an HTML fragment (the views' :func:`script_html`), escaped."""
        from .views import script_html  # lazily: the views layer sits above the engines

        return str(script_html(self))

    def render(self, fmt: str) -> str:
        """Return the script in ``text``, ``markdown`` or ``html``."""
        renderers = {"text": self.to_text, "markdown": self.to_markdown, "html": self.to_html}
        check_choice("format", fmt, tuple(renderers))
        return renderers[fmt]()

    def to_dict(self) -> dict[str, Any]:
        """Return the script as JSON-ready data, as saved in the journal."""
        moves = tuple(ScriptLineEntry(line.move_id, line.text) for line in self.lines)
        return ScriptEntry(self.scenario, self.spoken(), moves, self.missing, self.channel,
                           self.aim).to_json()


class _Builder:
    """Builds the lines of one script, putting a prompt wherever an answer is missing."""

    def __init__(self, inputs: ScriptInputs, variant: int, channel: str, aim: str) -> None:
        self.inputs, self.variant, self.channel, self.aim = inputs, variant, channel, aim
        self.parts: list[Part] = []
        self.section = ""

    def say(self, *names: str) -> _Builder:
        """Add our phrases of the current section (the learner's variant where there are three)."""
        for name in names:
            texts = script_wording().phrases[self.section][name]
            self.parts.append(("ours", texts[self.variant if len(texts) > 1 else 0]))
        return self

    def text(self, text: str) -> _Builder:
        self.parts.append(("ours", text))
        return self

    def answer(self, field_name: str) -> _Builder:
        value = getattr(self.inputs, field_name)
        placeholder = script_wording().field(field_name).placeholder
        self.parts.append(("learner", value) if value else ("prompt", placeholder))
        return self

    def greet(self) -> None:
        self.section = "greeting"
        self.say("hello")
        if self.inputs.manager_name:
            self.text(" ").parts.append(("learner", self.inputs.manager_name))
        opener = script_wording().openers[self.variant][1 if self.channel == "meeting" else 0]
        self.text(f", {opener}. ")

    def line(self, move_id: str, first: bool) -> ScriptLine:
        """Return the line of one move; ``first`` if it opens the call."""
        self.parts, future = [], self.aim == "future_roles"
        if move_id == "own_misstep" or (move_id == "reaffirm" and first):
            self.greet()
        self.section = move_id
        if move_id == "reaffirm":
            if not first:
                self.say("later")
            if future or first:
                self.say("filled" if future else "gap")
            self.say("lead").answer("what_drew_you").text(".")
        elif move_id == "explain_change":
            self.say("lead").answer("why_declined").say("since").answer("what_changed")
            self.say("future_roles" if future else "this_role").answer("what_job_offers").text(".")
        elif move_id == "easy_out" and future:
            self.say("future_roles")
        elif move_id == "easy_out":
            self.say("lead", "phone" if self.channel == "phone" else "meeting", "close")
        elif move_id == "own_misstep":
            self.say("change", "lead").answer("misstep").say("cost").answer("cost_to_manager")
            self.say("sorry")
        else:
            self.say("lead")
        return ScriptLine(move_id, knowledge().moves[move_id].title, tuple(self.parts))


def build_script(answers: ScriptInputs | Mapping[str, object] | None = None, *, scenario: int = 1,
                 channel: str = "phone", aim: str = "this_role", variant: int = 0) -> Script:
    """Build the script for a scenario from the learner's answers.

    ``variant`` (0, 1 or 2) picks one of our wordings for the connecting sentences.
    ``aim`` is ``"future_roles"`` when the learner knows the role is filled.
    """
    inputs = answers if isinstance(answers, ScriptInputs) else ScriptInputs.from_mapping(
        answers or {})
    check_choice("scenario", scenario, knowledge().scenarios)
    check_choice("channel", channel, knowledge().channels)
    check_choice("aim", aim, ("this_role", "future_roles"))
    check_choice("variant", variant, (0, 1, 2))
    builder = _Builder(inputs, variant, channel, aim)
    move_ids = knowledge().scenarios[scenario].move_ids
    lines = tuple(builder.line(move_id, not number) for number, move_id in enumerate(move_ids))
    return Script(scenario=1 if scenario == 1 else 2, channel=channel,
                  aim="future_roles" if aim == "future_roles" else "this_role", lines=lines,
                  missing=inputs.missing(scenario))


def script_from_mapping(data: object) -> Script:
    """Build a script from JSON-like data with ``scenario``, ``channel`` and text fields.

    >>> script_from_mapping({"scenario": 2, "misstep": "I went quiet"}).move_ids[0]
    'own_misstep'
    """
    if not isinstance(data, Mapping):
        raise CourseInputError("script", _ui("object"))
    settings = ("scenario", "channel", "aim", "variant")
    for key in data:
        if key not in (*settings, *FIELDS):
            raise CourseInputError(str(key)[:40], _ui("field"))
    chosen: dict[str, Any] = {key: data[key] for key in settings if key in data}
    return build_script(ScriptInputs.from_mapping(data), **chosen)
