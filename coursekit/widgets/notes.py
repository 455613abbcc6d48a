"""Free-text exercises: an autosaved reflection prompt and the prepared replies to the manager."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as w

from ..entries import REFLECTION_PREFIX, REPLIES, ReflectionEntry, RepliesEntry
from ..errors import CourseInputError
from ..loader import script_wording
from ..textsafe import MAX_FIELD_CHARS
from ..views import callout
from ._common import (
    Exercise,
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

__all__ = ["RepliesView", "ReflectionView", "reflection", "replies"]


def _check_length(text: str, field: str) -> None:
    if len(text) > MAX_FIELD_CHARS * 5:
        raise CourseInputError(
            field,
            f"is very long ({len(text):,} characters); please keep it under "
            f"{MAX_FIELD_CHARS * 5:,}",
        )


class ReflectionView(Exercise):
    """A question and a text area whose answer is saved as the learner types."""

    def __init__(self, prompt_id: str, question: str, journal: Journal | None = None) -> None:
        self.journal = get_journal(journal)
        self.exercise_id = f"{REFLECTION_PREFIX}{prompt_id}"
        entry = entries_of(self.journal).reflections.get(prompt_id)
        saved = entry.text if entry is not None else ""
        self.text = w.Textarea(
            value=saved,
            rows=5,
            continuous_update=False,
            placeholder="Write a few sentences. Your answer is saved as you go.",
            **wide(question),
        )
        self.status = feedback("status")
        self.text.observe(lambda _change: self.save(), names="value")
        super().__init__()
        setup_root(self, "reflection", "Reflect", [self.text, self.status])
        if saved:
            self.status.value = callout("info", "Your earlier answer is back")

    def save(self) -> None:
        """Save the current answer to the journal."""

        @guarded(self.status)
        def run() -> None:
            _check_length(self.text.value, "reflection")
            entry = ReflectionEntry(self.text.value)
            self.journal.save(self.exercise_id, json_value(entry.to_json()))
            self.status.value = callout("info", "Saved")

        run()


class RepliesView(Exercise):
    """Prepared answers to the manager's likely replies on the call, autosaved."""

    def __init__(self, journal: Journal | None = None) -> None:
        self.journal = get_journal(journal)
        entry = entries_of(self.journal).replies
        saved = entry.replies if entry is not None else {}
        self.fields = {
            reply_id: w.Textarea(
                value=saved.get(reply_id, ""),
                continuous_update=False,
                rows=3,
                **wide(prompt),
            )
            for reply_id, (prompt,) in script_wording().phrases["replies"].items()
        }
        self.status = feedback("status")
        for field in self.fields.values():
            field.observe(self._on_change, names="value")
        super().__init__()
        setup_root(self, "replies", "Prepare your replies", [*self.fields.values(), self.status])

    def _on_change(self, _change: Any) -> None:
        self.save()

    def save(self) -> None:
        """Save every prepared reply to the journal."""

        @guarded(self.status)
        def run() -> None:
            values = {key: str(field.value) for key, field in self.fields.items()}
            for key, value in values.items():
                _check_length(value, key)
            entry = RepliesEntry(values)
            self.journal.save(REPLIES, json_value(entry.to_json()))
            done = entry.prepared
            heading = f"Saved: {done} of {len(values)} replies prepared"
            self.status.value = callout("correct" if done == len(values) else "partly", heading)

        run()


def reflection(prompt_id: str, question: str, journal: Journal | None = None) -> ReflectionView:
    """Return an autosaved reflection prompt."""
    return ReflectionView(prompt_id, question, journal)


def replies(journal: Journal | None = None) -> RepliesView:
    """Return the prepared-replies exercise."""
    return RepliesView(journal)
