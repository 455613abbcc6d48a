"""The role-play widget: the call as a chat transcript, the current choices below it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w

from ..entries import ROLEPLAY_PREFIX, RoleplayEntry
from ..errors import CourseInputError
from ..roleplay import Roleplay, RoleplaySession
from ..views import (
    Turn,
    announce_html,
    callout,
    debrief_html,
    session_turns,
    tag,
    transcript_html,
)
from ._common import (
    Exercise,
    actions,
    entries_of,
    feedback,
    get_journal,
    guarded,
    json_value,
    setup_root,
    wide,
)

if TYPE_CHECKING:
    from ..journal import Journal

__all__ = ["RoleplayView", "roleplay"]


class RoleplayView(Exercise):
    """A branching call: the transcript so far, what to say next, go back, start again.

    :attr:`turns` is the transcript as data; a line typed in the learner's own words can be
    appended to it like a chosen one and shown with :meth:`show_transcript`.
    """

    def __init__(self, data: Roleplay, journal: Journal | None = None) -> None:
        self.journal = get_journal(journal)
        self.data = data
        self.exercise_id = f"{ROLEPLAY_PREFIX}{data.id}"
        self.session = RoleplaySession(data)
        self.turns: list[Turn] = []
        self.transcript = feedback("transcript")
        self.transcript.add_class("sc-manager-line")
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
            w.HTML(tag("p", data.situation))
            if data.situation and data.situation != first_cue
            else None
        )
        setup_root(
            self,
            "roleplay",
            data.title,
            [
                *([intro] if intro else []),
                self.transcript,
                self.debrief,
                self.choices,
                actions(self.say_button, self.back_button, self.restart_button),
                self.last_step,
            ],
        )
        self._restore()
        self.render()

    def choose(self, choice_id: str) -> None:
        """Pick a choice by id and say it (for driving from Python)."""
        self.choices.value = choice_id
        self.say()

    def say(self) -> None:
        """Say the selected choice; it joins the transcript with how the manager takes it."""

        @guarded(self.last_step)
        def run() -> None:
            if self.choices.value is None:
                raise CourseInputError("choice", "pick what you want to say first")
            self.session.choose(str(self.choices.value))
            self._save()
            self.render()
            # The feedback sits under the line it judges; screen readers also hear it here.
            self.last_step.value = announce_html(self.turns[-2])

        run()

    def go_back(self) -> None:
        """Undo the last choice."""

        @guarded(self.last_step)
        def run() -> None:
            if self.session.back():
                self._save()
                self.render()
                self.last_step.value = callout("info", "Went back one step")
            else:
                self.last_step.value = callout("info", "You are at the start of the call")

        run()

    def restart(self) -> None:
        """Go back to the start of the call."""

        @guarded(self.last_step)
        def run() -> None:
            self.session.restart()
            self._save()
            self.render()

        run()

    def append_turn(self, turn: Turn) -> None:
        """Add a line to the transcript (a line typed in the learner's own words, say)."""
        self.turns.append(turn)
        self.show_transcript()
        self.last_step.value = announce_html(turn)

    def show_transcript(self) -> None:
        """Redraw the transcript from :attr:`turns`."""
        self.transcript.value = transcript_html(self.turns)

    def render(self) -> None:
        """Show the call so far, then the learner's options or the debrief."""
        self.turns = session_turns(self.session)
        self.show_transcript()
        node = self.session.current
        self.back_button.disabled = not self.session.path
        self.last_step.value = ""
        if node.ending is not None:
            self.choices.options = []
            self.choices.layout.display = "none"
            self.say_button.disabled = True
            self.debrief.value = debrief_html(self.session.debrief())
        else:
            self.choices.layout.display = None
            self.choices.options = [(choice.text, choice.id) for choice in node.choices]
            self.choices.value = None
            self.say_button.disabled = False
            self.debrief.value = ""

    def _save(self) -> None:
        data = self.session.to_dict()
        entry = RoleplayEntry.from_json(data) or RoleplayEntry()
        self.journal.save(self.exercise_id, json_value(entry.to_json()))

    def _restore(self) -> None:
        saved = entries_of(self.journal).roleplays.get(self.data.id)
        if saved is not None:
            try:
                self.session = RoleplaySession.from_dict(self.data, saved.to_json())
            except CourseInputError:
                self.session = RoleplaySession(self.data)


def roleplay(roleplay_id: str, journal: Journal | None = None) -> RoleplayView:
    """Return the role-play with this id, resumed from the journal where the learner left it."""
    from ..loader import roleplays

    if roleplay_id not in roleplays():
        raise CourseInputError("roleplay_id", f"unknown role-play {roleplay_id!r}")
    return RoleplayView(roleplays()[roleplay_id], journal)
