"""The role-play widget: the manager's line, the learner's choices, feedback, go back, debrief."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w

from ..errors import CourseInputError
from ..roleplay import Roleplay, RoleplaySession, Step
from ..textsafe import escape_html
from ._common import Exercise, feedback, get_journal, guarded, setup_root, status_html, wide

if TYPE_CHECKING:
    from ..journal import Journal

__all__ = ["RoleplayView", "roleplay"]


class RoleplayView(Exercise):
    """A branching call: pick what to say, see how it lands, step back, read the debrief."""

    def __init__(self, data: Roleplay, journal: Journal | None = None) -> None:
        self.journal = get_journal(journal)
        self.data = data
        self.exercise_id = f"roleplay:{data.id}"
        self.session = RoleplaySession(data)
        self.manager = feedback("manager")
        self.manager.add_class("sc-manager-line")
        self.choices = w.RadioButtons(options=[], value=None, **wide("What do you say?"))
        self.choices.add_class("sc-choices")
        self.say_button = w.Button(description="Say it", button_style="primary", icon="comment")
        self.back_button = w.Button(description="Go back one step", icon="undo")
        self.restart_button = w.Button(description="Start again", icon="refresh")
        self.last_step = feedback("step")
        self.debrief = feedback("debrief")
        self.say_button.on_click(lambda _b: self.say())
        self.back_button.on_click(lambda _b: self.go_back())
        self.restart_button.on_click(lambda _b: self.restart())
        super().__init__()
        first_cue = data.node(data.start_id).cue
        intro = (
            w.HTML(f"<p>{escape_html(data.situation)}</p>")
            if data.situation and data.situation != first_cue
            else None
        )
        setup_root(
            self,
            "roleplay",
            data.title,
            [
                *([intro] if intro else []),
                self.manager,
                self.choices,
                w.HBox([self.say_button, self.back_button, self.restart_button]),
                self.last_step,
                self.debrief,
            ],
        )
        self._restore()
        self.render()

    def choose(self, choice_id: str) -> None:
        """Pick a choice by id and say it (for driving from Python)."""
        self.choices.value = choice_id
        self.say()

    def say(self) -> None:
        """Say the selected choice and show how the manager takes it."""

        @guarded(self.last_step)
        def run() -> None:
            if self.choices.value is None:
                raise CourseInputError("choice", "pick what you want to say first")
            step = self.session.choose(str(self.choices.value))
            self._save()
            self.render(step)

        run()

    def go_back(self) -> None:
        """Undo the last choice."""

        @guarded(self.last_step)
        def run() -> None:
            if self.session.back():
                self._save()
                self.render()
                self.last_step.value = status_html("↶", "Went back one step")
            else:
                self.last_step.value = status_html("ℹ", "You are at the start of the call")

        run()

    def restart(self) -> None:
        """Go back to the start of the call."""

        @guarded(self.last_step)
        def run() -> None:
            self.session.restart()
            self._save()
            self.render()

        run()

    def render(self, step: Step | None = None) -> None:
        """Show the current node: the manager's line and the learner's options or the debrief."""
        node = self.session.current
        cue = f"<p><em>{escape_html(node.cue)}</em></p>" if node.cue else ""
        self.manager.value = (
            f"{cue}<p><strong>Manager:</strong> “{escape_html(node.speaker_line)}”</p>"
        )
        self.back_button.disabled = not self.session.path
        if node.ending is not None:
            self.choices.options = []
            self.choices.layout.display = "none"
            self.say_button.disabled = True
            lines = "".join(
                f"<li>{escape_html(line)}</li>" for line in self.session.debrief().lines
            )
            self.debrief.value = status_html(
                "🏁", f"Call over: {node.ending.title}", f"<ul>{lines}</ul>"
            )
        else:
            self.choices.layout.display = None
            self.choices.options = [(choice.text, choice.id) for choice in node.choices]
            self.choices.value = None
            self.say_button.disabled = False
            self.debrief.value = ""
        if step is not None:
            self.last_step.value = status_html(
                step.symbol,
                step.label,
                f"<p>{escape_html(step.feedback)}</p><p><em>{escape_html(step.consequence)}</em></p>",
            )
        elif not self.session.path:
            self.last_step.value = ""

    def _save(self) -> None:
        self.journal.save(self.exercise_id, self.session.to_dict())

    def _restore(self) -> None:
        saved = self.journal.get(self.exercise_id)
        if isinstance(saved, dict):
            try:
                self.session = RoleplaySession.from_dict(self.data, saved)
            except CourseInputError:
                self.session = RoleplaySession(self.data)


def roleplay(roleplay_id: str, journal: Journal | None = None) -> RoleplayView:
    """Return the role-play with this id, resumed from the journal where the learner left it."""
    from ..loader import roleplays

    if roleplay_id not in roleplays():
        raise CourseInputError("roleplay_id", f"unknown role-play {roleplay_id!r}")
    return RoleplayView(roleplays()[roleplay_id], journal)
