"""Free-text exercises: an autosaved reflection prompt and the prepared replies to the manager."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w

from ..entries import REFLECTION_PREFIX, REPLIES, ReflectionEntry, RepliesEntry
from ..errors import CourseInputError
from ..interface import texts
from ..loader import script_wording
from ..textsafe import MAX_FIELD_CHARS
from ..views import callout
from ._common import Exercise, feedback, guard, setup_root, wide

if TYPE_CHECKING:
    from ..journal import Journal

_LIMIT = MAX_FIELD_CHARS * 5
_ui = texts("widgets.notes")


def _check_length(text: str, field: str) -> None:
    if len(text) > _LIMIT:
        raise CourseInputError(field, _ui("too_long", count=f"{len(text):,}", limit=f"{_LIMIT:,}"))


def _text_area(value: str, label: str, rows: int, placeholder: str = "") -> w.Textarea:
    """Return a text area that reports its value when the learner leaves it."""
    area = w.Textarea(value=value, rows=rows, continuous_update=False, **wide(label))
    if placeholder:
        area.placeholder = placeholder
    return area


class ReflectionView(Exercise):
    """A question and a text area whose answer is saved as the learner types."""

    def __init__(self, prompt_id: str, question: str, journal: Journal | None = None) -> None:
        entry = self.open_journal(journal).reflections.get(prompt_id)
        self.exercise_id = f"{REFLECTION_PREFIX}{prompt_id}"
        saved = entry.text if entry is not None else ""
        self.text = _text_area(saved, question, 5, _ui("placeholder"))
        self.status = feedback()
        self.text.observe(lambda _change: self.save(), names="value")
        super().__init__()
        setup_root(self, "reflection", _ui("reflect"), [self.text, self.status])
        if saved:
            self.status.value = callout("info", _ui("restored"))

    @guard("status")
    def save(self) -> None:
        """Save the current answer to the journal."""
        _check_length(self.text.value, "reflection")
        self.keep(self.exercise_id, ReflectionEntry(self.text.value))
        self.status.value = callout("info", _ui("saved"))


class RepliesView(Exercise):
    """Prepared answers to the manager's likely replies on the call, autosaved."""

    def __init__(self, journal: Journal | None = None) -> None:
        entry = self.open_journal(journal).replies
        saved = entry.replies if entry is not None else {}
        self.fields = {
            reply_id: _text_area(saved.get(reply_id, ""), prompt, 3)
            for reply_id, (prompt,) in script_wording().phrases["replies"].items()
        }
        self.status = feedback()
        for field in self.fields.values():
            field.observe(lambda _change: self.save(), names="value")
        super().__init__()
        setup_root(self, "replies", _ui("replies"), [*self.fields.values(), self.status])

    @guard("status")
    def save(self) -> None:
        """Save every prepared reply to the journal."""
        values = {key: str(field.value) for key, field in self.fields.items()}
        for key, value in values.items():
            _check_length(value, key)
        entry = RepliesEntry(values)
        self.keep(REPLIES, entry)
        done, total = entry.prepared, len(values)
        heading = _ui("replies_saved", done=done, total=total)
        self.status.value = callout("correct" if done == total else "partly", heading)


#: The builder of an autosaved reflection prompt: ``reflection(prompt_id, question)``.
reflection = ReflectionView
#: The builder of the prepared-replies exercise.
replies = RepliesView
