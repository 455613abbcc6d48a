"""The role-play widget: the call as a chat transcript, the current choices below it."""

from __future__ import annotations

import sys
from contextlib import suppress
from typing import TYPE_CHECKING

import ipywidgets as w

from ..entries import ROLEPLAY_PREFIX, RoleplayEntry
from ..errors import CourseInputError
from ..interface import texts
from ..loader import roleplays
from ..quiz.order import learner_seed
from ..roleplay import Roleplay, RoleplaySession, Step, can_type, choice_order
from ..views import (
    Turn,
    announce_html,
    callout,
    debrief_html,
    pick_only_hint,
    session_turns,
    status_html,
    step_turn,
    tag,
)
from ..views.roleplay import call_html
from ._common import (
    WARN,
    Exercise,
    actions,
    feedback,
    guard,
    setup_root,
    wide,
)

if TYPE_CHECKING:
    from ..journal import Journal

__all__ = ["RoleplayView", "roleplay"]

_ui = texts("widgets.roleplay")


class RoleplayView(Exercise):
    """A branching call: the transcript (:attr:`turns`), what to say next, go back, restart.

    At a decision the learner picks a reply or types it (:mod:`~coursekit.roleplay.typed`)."""

    def __init__(self, data: Roleplay, journal: Journal | None = None) -> None:
        saved = self.open_journal(journal).roleplays.get(data.id)
        self.data = data
        self.exercise_id = f"{ROLEPLAY_PREFIX}{data.id}"
        self.session = RoleplaySession(data)
        self._seed: str | None = None
        self.turns: list[Turn] = []
        # The call in one HTML: transcript, debrief, the last step's status and a hint, so a
        # step costs the page two updates (this and the choices), as few as a step can.
        self.transcript = feedback("transcript")
        self.debrief = _Part(self)
        self.last_step = _Part(self)
        self.choices = w.RadioButtons(options=[], value=None, **wide(_ui("choices")))
        self.choices.add_class("sc-choices")
        self.say_button = w.Button(description=_ui("say"), button_style="primary", icon="comment")
        self.own_words = w.Textarea(
            value="",
            placeholder=_ui("placeholder"),
            continuous_update=False,
            rows=3,
            **wide(_ui("own_words")),
        )
        self.own_words.add_class("sc-own-words")
        self.own_button = w.Button(description=_ui("say_own"), icon="pencil")
        self.own_box = w.VBox([self.own_words, actions(self.own_button)])
        self.own_box.add_class("sc-say-own")
        self.own_button.on_click(lambda _b: self.say_own())
        self.back_button = w.Button(description=_ui("back"), icon="undo")
        self.restart_button = w.Button(description=_ui("restart"), icon="refresh")
        self.say_button.on_click(lambda _b: self.say())
        self.back_button.on_click(lambda _b: self.go_back())
        self.restart_button.on_click(lambda _b: self.restart())
        super().__init__()
        show_intro = data.situation and data.situation != data.start.cue
        intro = [w.HTML(tag("p", data.situation))] if show_intro else []
        setup_root(
            self,
            "roleplay",
            data.title,
            [
                *intro,
                self.transcript,
                self.choices,
                actions(self.say_button, self.back_button, self.restart_button),
                self.own_box,
            ],
        )
        self._restore(saved)
        self.render()

    def choose(self, choice_id: str) -> None:
        """Pick a choice by id and say it (for driving from Python)."""
        self.choices.value = choice_id
        self.say()

    @guard("last_step")
    def say(self) -> None:
        """Say the selected choice; it joins the transcript with how the manager takes it."""
        if self.choices.value is None:
            raise CourseInputError("choice", _ui("pick_first"))
        self._shown(self.session.choose(str(self.choices.value)))

    @guard("last_step")
    def say_own(self, text: str | None = None) -> None:
        """Say the current turn in the learner's own words (``text``, or what is typed)."""
        if text is not None:
            self.own_words.value = text
        try:
            step = self.session.say(self.own_words.value)
        except CourseInputError as exc:
            heading = _ui("check_typed")
            self.last_step.value = status_html(WARN, heading, exc.problem)
            return
        self._shown(step, clear_words=True)

    @guard("last_step")
    def go_back(self) -> None:
        """Undo the last choice."""
        if self.session.back():
            self.render(callout("info", _ui("went_back")))
            self._save()
        else:
            self.last_step.value = callout("info", _ui("at_start"))

    @guard("last_step")
    def restart(self) -> None:
        """Go back to the start of the call."""
        self.session.restart()
        self.render()
        self._save()

    def call_markup(self) -> str:
        """Return the call from :attr:`turns`, with the debrief, the status line and any hint."""
        node = self.session.current
        pick_only = not can_type(node) and not node.fork and not node.is_ending
        return call_html(
            self.turns,
            debrief=self.debrief.html,
            status=self.last_step.html,
            hint=pick_only_hint() if pick_only else "",
            typing=can_type(node),
        )

    def render(self, status: str = "", *, clear_words: bool = False) -> None:
        """Show the call with ``status`` under it and the options, then tidy the controls.

        One message per widget, all worked out first and sent in a burst: the page draws a frame
        after the first, so the call and options lead; showing, hiding, ``clear_words`` follow."""
        node = self.session.current
        ending = node.ending is not None
        self.turns = session_turns(self.session)
        self.debrief.html = debrief_html(self.session.debrief()) if ending else ""
        self.last_step.html = status
        options = [] if ending else [(c.text, c.id) for c in choice_order(node, self.order_seed)]
        self.transcript.value = self.call_markup()
        if self.choices.value is not None and sys.platform == "emscripten":
            self._new_choices(options)  # JupyterLite: see _new_choices
        else:
            with self.choices.hold_sync():
                self.choices.value = None  # first, so new options don't select one on the way
                self.choices.options = options
        self.say_button.disabled = ending  # the own-words box hides by style (call_html)
        self.choices.layout.display = "none" if ending else None
        if clear_words:
            self.own_words.value = ""

    def _new_choices(self, options: list[tuple[str, str]]) -> None:
        """Put a fresh choices control, nothing picked, in place of one with a pick.

        Only in JupyterLite: there the page kept a pick cleared in Python, so a click on the
        reply in the same place did nothing. Elsewhere clearing is enough, and cheaper."""
        old = self.choices
        self.choices = w.RadioButtons(options=options, value=None, description=old.description,
                                      layout=old.layout, style=old.style)
        self.choices.add_class("sc-choices")
        root: w.Box = self
        root.children = tuple(self.choices if c is old else c for c in root.children)
        old.close()

    def _shown(self, step: Step, *, clear_words: bool = False) -> None:
        """Show a step just taken, then save it: the feedback doesn't wait on the disk."""
        # The feedback sits under the line it judges; screen readers also hear it in last_step.
        self.render(announce_html(step_turn(step)), clear_words=clear_words)
        self._save()

    @property
    def order_seed(self) -> str:
        """Return the seed of this learner's choice order (kept in their journal)."""
        if self._seed is None:
            self._seed = learner_seed(self.journal)
        return self._seed

    def _save(self) -> None:
        """Save the call once the updates have left (a kernel's stdout flush waits for them)."""
        sys.stdout.flush()
        self.journal.save(self.exercise_id, self.session.to_dict())

    def _restore(self, saved: RoleplayEntry | None) -> None:
        if saved is not None:
            with suppress(CourseInputError):  # a damaged entry: the call starts afresh
                self.session = RoleplaySession.from_dict(self.data, saved.to_json())


class _Part:
    """The debrief or the status line inside the call's HTML: setting :attr:`value` redraws."""

    def __init__(self, view: RoleplayView) -> None:
        self.view, self.html = view, ""

    @property
    def value(self) -> str:
        """Return the part's HTML."""
        return self.html

    @value.setter
    def value(self, html: str) -> None:
        self.html = html
        self.view.transcript.value = self.view.call_markup()


def roleplay(roleplay_id: str, journal: Journal | None = None) -> RoleplayView:
    """Return the role-play with this id, resumed from the journal where the learner left it."""
    if roleplay_id not in roleplays():
        raise CourseInputError("roleplay_id", _ui("unknown", id=repr(roleplay_id)))
    return RoleplayView(roleplays()[roleplay_id], journal)
