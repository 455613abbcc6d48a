"""Shared pieces of the widget layer: journal access, controls, feedback areas, safe callbacks."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

import ipywidgets as w
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle

from ..entries import Entries, read_entries
from ..errors import CourseInputError
from ..interface import interface_texts, ui
from ..knowledge import knowledge
from ..loader import script_wording
from ..views import STYLE, scenario_note, status_html, tag

if TYPE_CHECKING:
    from ..journal import Journal, JSONValue

__all__ = [
    "WARN", "Exercise", "Looks", "actions", "button", "channel_choice", "choices", "feedback",
    "get_journal", "guard", "json_value", "scenario_choice", "scenario_note", "setup_root", "ui",
    "wide",
]

#: The sign of a problem the learner can fix (a callout of kind "warn").
WARN = "⚠"

F = TypeVar("F", bound=Callable[..., None])


class _JSONEntry(Protocol):
    """What :meth:`Exercise.keep` saves: a typed journal entry."""

    def to_json(self) -> Any:
        """Return the entry as journal data."""


def json_value(value: Any) -> JSONValue:
    """Mark plain data (str, numbers, lists, dicts of them) as a journal value."""
    return cast("JSONValue", value)


def get_journal(journal: Journal | None) -> Journal:
    """Return the given journal, or the learner's default journal."""
    if journal is not None:
        return journal
    from ..journal import Journal  # lazily: keeps importing the widgets light

    return Journal()


class Exercise(w.VBox):  # type: ignore[misc]
    """The root box of every exercise; its text form tells a static viewer how to start it."""

    exercise_title = "Exercise"
    journal: Journal

    def __repr__(self) -> str:
        return ui("widgets.common.static", title=self.exercise_title)

    def open_journal(self, journal: Journal | None) -> Entries:
        """Use ``journal`` (default: the learner's own) and return its entries, typed."""
        self.journal = get_journal(journal)
        return read_entries(self.journal.answers())

    def keep(self, exercise_id: str, entry: _JSONEntry) -> None:
        """Save a typed entry to the journal (after the feedback is on screen)."""
        self.journal.save(exercise_id, json_value(entry.to_json()))


def choices(table: str) -> list[tuple[str, str]]:
    """Return (label, value) options from a table of ``widgets.toml``, in the file's order."""
    prefix = f"widgets.{table}."
    return [(text, key[len(prefix):]) for key, text in interface_texts().items()
            if key.startswith(prefix)]


class Looks:
    """One Layout and one style of each kind for an exercise's controls, instead of one each.

    Only for exercises that never change a control's layout (hiding it, say): all would change.
    """

    def __init__(self) -> None:
        self.plain = w.Layout()
        self.wide = w.Layout(width="100%")
        self.fit = w.Layout(width="auto")
        self.text = HTMLStyle()
        self.button = w.ButtonStyle()
        self.label = DescriptionStyle(description_width="initial")
        self.tick = CheckboxStyle(description_width="initial")

    def html(self, value: str = "") -> w.HTML:
        """Return an HTML widget with the shared layout and style."""
        return w.HTML(value, layout=self.plain, style=self.text)


def button(label: str, icon: str, tooltip: str = "", primary: bool = False,
           looks: Looks | None = None) -> w.Button:
    """Return a button with a label, an icon and an optional tooltip."""
    shared = {"layout": looks.fit, "style": looks.button} if looks else {}
    return w.Button(description=label, icon=icon, tooltip=tooltip or None,
                    button_style="primary" if primary else "", **shared)


def _fit_buttons(widget: w.Widget) -> None:
    """Let every button size itself to its label (ipywidgets' default width cuts it)."""
    if isinstance(widget, w.Button) and not widget.layout.width:
        widget.layout.width = "auto"
    for child in getattr(widget, "children", ()):
        _fit_buttons(child)


def actions(*buttons: w.Button, danger: bool = False, looks: Looks | None = None) -> w.HBox:
    """Return a row of buttons, each sized to its label."""
    row = w.HBox(list(buttons), **({"layout": looks.plain} if looks else {}))
    row.add_class("sc-actions")
    if danger:
        for item in buttons:
            item.add_class("sc-danger")
    return row


def setup_root(box: w.Box, kind: str, title: str, children: list[w.Widget],
               looks: Looks | None = None) -> None:
    """Fill an exercise's root box, tagging it with CSS classes and a visible title."""
    if isinstance(box, Exercise):
        box.exercise_title = title
    heading = (looks.html if looks else w.HTML)(STYLE + tag("h4", title, cls="sc-title"))
    box.children = (heading, *children)
    _fit_buttons(box)
    box.layout = w.Layout(max_width="45rem", width="100%")
    box.add_class("sc-widget")
    box.add_class(f"sc-{kind}")


def feedback(kind: str = "status", looks: Looks | None = None) -> w.HTML:
    """Return an empty feedback area that screen readers announce when it changes."""
    area = looks.html() if looks else w.HTML(value="")
    area.add_class("sc-feedback")
    area.add_class(f"sc-feedback-{kind}")
    return area


def _show_problem(area: w.HTML, exc: CourseInputError | OSError) -> None:
    """Say in ``area`` what was wrong with the input, or that saving failed."""
    if isinstance(exc, OSError):
        area.value = status_html(WARN, ui("widgets.common.not_saved"),
                                 ui("widgets.common.still_here", problem=exc.strerror or exc))
        return
    where = interface_texts().get(f"widgets.fields.{exc.field}")
    if where is None:
        where = script_wording().prompts.get(exc.field, exc.field).rstrip("?")
    area.value = status_html(WARN, ui("widgets.common.check"), f"{where}: {exc.problem}")


def guard(area: str) -> Callable[[F], F]:
    """Show bad input as a friendly message in ``self.<area>`` instead of a traceback."""

    def wrap(method: F) -> F:
        @functools.wraps(method)
        def inner(self: Any, *args: Any, **kwargs: Any) -> None:
            try:
                method(self, *args, **kwargs)
            except (CourseInputError, OSError) as exc:
                _show_problem(getattr(self, area), exc)

        return inner  # type: ignore[return-value]

    return wrap


def wide(description: str, looks: Looks | None = None, tick: bool = False) -> dict[str, Any]:
    """Return keyword arguments for a full-width control labelled above (``tick``: a checkbox)."""
    if looks:
        return {"description": description, "style": looks.tick if tick else looks.label,
                "layout": looks.wide}  # fmt: skip
    return {"description": description, "style": {"description_width": "initial"},
            "layout": w.Layout(width="100%")}  # fmt: skip


def scenario_choice(value: int, label: str) -> w.ToggleButtons:
    """Return the Scenario 1 / Scenario 2 toggle, labelled ``label``, each titled from content."""
    numbers = (1, 2)
    return w.ToggleButtons(
        options=[(ui("widgets.common.scenario", number=number), number) for number in numbers],
        value=value,
        description=label,
        style={"description_width": "initial"},
        tooltips=[knowledge().scenarios[number].title for number in numbers],
    )


def channel_choice(value: str, looks: Looks | None = None) -> w.RadioButtons:
    """Return the phone-or-meeting choice."""
    return w.RadioButtons(options=choices("channel.options"), value=value,
                          **wide(ui("widgets.channel.label"), looks))
