"""Shared pieces of the widget layer: journal access, feedback areas, safe callbacks."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import ipywidgets as w

from ..entries import Entries, read_entries
from ..errors import CourseInputError
from ..knowledge import knowledge
from ..loader import script_wording
from ..views import STYLE, scenario_note, status_html, tag

if TYPE_CHECKING:
    from ..journal import Journal, JSONValue

__all__ = [
    "ERROR",
    "OK",
    "PARTIAL",
    "Exercise",
    "actions",
    "entries_of",
    "feedback",
    "get_journal",
    "guarded",
    "json_value",
    "scenario_note",
    "setup_root",
    "status_html",
    "wide",
    "channel_choice",
    "scenario_choice",
]

OK = "✓"
ERROR = "✗"
PARTIAL = "◐"
WARN = "⚠"

F = TypeVar("F", bound=Callable[..., None])

#: How each input field is named to a learner in messages.
FIELD_NAMES: dict[str, str] = {
    "missteps": "What happened when you declined",
    "time_since_days": "Days since you declined",
    "role_status": "Is the role still open?",
    "channel": "How you will get back in touch",
    "draft": "Your draft",
    "scenario": "Your scenario",
}


def json_value(value: Any) -> JSONValue:
    """Mark plain data (str, numbers, lists, dicts of them) as a journal value."""
    return cast("JSONValue", value)


def get_journal(journal: Journal | None) -> Journal:
    """Return the given journal, or the learner's default journal."""
    if journal is not None:
        return journal
    from ..journal import Journal  # lazily: keeps importing the widgets light

    return Journal()


def entries_of(journal: Journal) -> Entries:
    """Return the journal's entries, typed."""
    return read_entries(journal.answers())


class Exercise(w.VBox):  # type: ignore[misc]
    """The root box of every exercise; its text form tells a static viewer how to start it."""

    exercise_title = "Exercise"

    def __repr__(self) -> str:
        return (
            f"[Interactive exercise: “{self.exercise_title}”. To start it, run the notebook: "
            "Run ▸ Run All Cells.]"
        )


def _fit_buttons(widget: w.Widget) -> None:
    """Let every button size itself to its label (ipywidgets' default width cuts it)."""
    if isinstance(widget, w.Button) and not widget.layout.width:
        widget.layout.width = "auto"
    for child in getattr(widget, "children", ()):
        _fit_buttons(child)


def actions(*buttons: w.Button, danger: bool = False) -> w.HBox:
    """Return a row of buttons, each sized to its label."""
    row = w.HBox(list(buttons))
    row.add_class("sc-actions")
    if danger:
        for button in buttons:
            button.add_class("sc-danger")
    return row


def setup_root(box: w.Box, kind: str, title: str, children: list[w.Widget]) -> None:
    """Fill an exercise's root box, tagging it with CSS classes and a visible title."""
    if isinstance(box, Exercise):
        box.exercise_title = title
    heading = w.HTML(STYLE + tag("h4", title, cls="sc-title"))
    box.children = (heading, *children)
    _fit_buttons(box)
    box.layout = w.Layout(max_width="45rem", width="100%")
    box.add_class("sc-widget")
    box.add_class(f"sc-{kind}")


def feedback(kind: str = "status") -> w.HTML:
    """Return an empty feedback area that screen readers announce when it changes."""
    area = w.HTML(value="")
    area.add_class("sc-feedback")
    area.add_class(f"sc-feedback-{kind}")
    return area


def guarded(area: w.HTML) -> Callable[[F], F]:
    """Show bad input as a friendly message in ``area`` instead of a traceback."""

    def wrap(func: F) -> F:
        @functools.wraps(func)
        def inner(*args: Any, **kwargs: Any) -> None:
            try:
                func(*args, **kwargs)
            except CourseInputError as exc:
                prompts = script_wording().prompts
                where = FIELD_NAMES.get(exc.field, prompts.get(exc.field, exc.field).rstrip("?"))
                area.value = status_html(
                    WARN, "Please check your answer", f"{where}: {exc.problem}"
                )
            except OSError as exc:
                area.value = status_html(
                    WARN,
                    "Your answer could not be saved",
                    f"{exc.strerror or exc}. Your work is still on screen.",
                )

        return inner  # type: ignore[return-value]

    return wrap


def wide(description: str) -> dict[str, Any]:
    """Return keyword arguments for a control whose label sits above it, full width."""
    return {
        "description": description,
        "style": {"description_width": "initial"},
        "layout": w.Layout(width="100%"),
    }


def scenario_choice(value: int, label: str) -> w.ToggleButtons:
    """Return the Scenario 1 / Scenario 2 toggle, labelled ``label``, each titled from content."""
    scenarios = knowledge().scenarios
    return w.ToggleButtons(
        options=[("Scenario 1", 1), ("Scenario 2", 2)],
        value=value,
        description=label,
        style={"description_width": "initial"},
        tooltips=[scenarios[1].title, scenarios[2].title],
    )


def channel_choice(value: str) -> w.RadioButtons:
    """Return the phone-or-meeting choice."""
    return w.RadioButtons(
        options=[("A phone call", "phone"), ("A face-to-face meeting", "meeting")],
        value=value,
        **wide("How will you get back in touch?"),
    )
