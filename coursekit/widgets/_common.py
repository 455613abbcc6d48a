"""Shared pieces of the widget layer: journal access, feedback boxes, safe callbacks."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

import ipywidgets as w

from ..errors import CourseInputError
from ..loader import script_wording
from ..render import ERROR, OK, status_html
from ..textsafe import escape_html

if TYPE_CHECKING:
    from ..journal import Journal, JSONValue

__all__ = [
    "Exercise",
    "ERROR",
    "OK",
    "PARTIAL",
    "feedback",
    "get_journal",
    "guarded",
    "setup_root",
    "wide",
    "status_html",
]

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


def as_dict(value: object) -> dict[str, Any]:
    """Return a saved answer if it is a JSON object, else an empty dict."""
    return value if isinstance(value, dict) else {}


def json_value(value: Any) -> JSONValue:
    """Mark plain data (str, numbers, lists, dicts of them) as a journal value."""
    return cast("JSONValue", value)


def get_journal(journal: Journal | None) -> Journal:
    """Return the given journal, or the learner's default journal."""
    if journal is not None:
        return journal
    from ..journal import Journal

    return Journal()


class Exercise(w.VBox):  # type: ignore[misc]
    """The root box of every exercise; its text form tells a static viewer what it is."""

    exercise_title = "Exercise"

    def __repr__(self) -> str:
        return (
            f"[Interactive exercise: “{self.exercise_title}” (run this notebook in JupyterLab "
            "to use it)]"
        )


#: Layout fixes shared by every exercise: long option labels wrap instead of overlapping, and
#: the keyboard focus is always visible.
STYLE = """<style>
.sc-widget .widget-radio-box label {display: flex; align-items: flex-start; gap: .5em;
  height: auto; line-height: 1.35; white-space: normal; margin-bottom: .5em}
.sc-widget .widget-radio-box input {order: -1; flex: none; margin: .2em 0 0 0}
.sc-widget .widget-checkbox label, .sc-widget .widget-label {white-space: normal}
.sc-widget button:focus-visible, .sc-widget input:focus-visible,
.sc-widget textarea:focus-visible, .sc-widget select:focus-visible {
  outline: 2px solid; outline-offset: 2px}
.sc-widget .widget-dropdown select {max-width: 100%}
</style>"""


def _fit_buttons(widget: w.Widget) -> None:
    """Let every button grow to show its whole label (ipywidgets' default width cuts it)."""
    if isinstance(widget, w.Button) and not widget.layout.width:
        widget.layout.width = "auto"
    for child in getattr(widget, "children", ()):
        _fit_buttons(child)


def setup_root(box: w.Box, kind: str, title: str, children: list[w.Widget]) -> None:
    """Fill an exercise's root box, tagging it with CSS classes and a visible title."""
    if isinstance(box, Exercise):
        box.exercise_title = title
    heading = w.HTML(f"{STYLE}<h4 class='sc-title'>{escape_html(title)}</h4>")
    box.children = (heading, *children)
    _fit_buttons(box)
    box.layout = w.Layout(max_width="56rem", width="100%")
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
                    WARN, "Please check your answer", escape_html(f"{where}: {exc.problem}")
                )
            except OSError as exc:
                area.value = status_html(
                    WARN,
                    "Your answer could not be saved",
                    escape_html(f"{exc.strerror or exc}. Your work is still on screen."),
                )

        return inner  # type: ignore[return-value]

    return wrap


def wide(description: str) -> dict[str, Any]:
    """Return keyword arguments that show a control's full visible label."""
    return {
        "description": description,
        "style": {"description_width": "initial"},
        "layout": w.Layout(width="100%"),
    }
