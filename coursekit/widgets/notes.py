"""Free-text exercises: an autosaved reflection prompt and the prepared replies to the manager."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as w

from ..errors import CourseInputError
from ..textsafe import MAX_FIELD_CHARS, escape_html
from ._common import (
    OK,
    Exercise,
    feedback,
    get_journal,
    guarded,
    json_value,
    setup_root,
    status_html,
    wide,
)

if TYPE_CHECKING:
    from ..journal import Journal

__all__ = ["RepliesView", "ReflectionView", "reflection", "replies"]

#: The manager's likely replies the learner prepares an answer to, with the question shown.
REPLY_PROMPTS: dict[str, str] = {
    "filled": "They say: “We've already filled the role.” What will you say?",
    "open_wary": "They say: “It's open, but I'm not sure I can trust you'll stay.” Your answer?",
    "open_glad": "They say: “It's still open, and I'm glad you called.” How do you ask to meet?",
}


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
        self.exercise_id = f"reflection:{prompt_id}"
        saved = self.journal.get(self.exercise_id)
        self.text = w.Textarea(
            value=saved if isinstance(saved, str) else "",
            continuous_update=False,
            placeholder="Write a few sentences. Your answer is saved as you go.",
            **wide(question),
        )
        self.text.layout.height = "7em"
        self.status = feedback("status")
        self.text.observe(lambda _change: self.save(), names="value")
        super().__init__()
        setup_root(self, "reflection", "Reflect", [self.text, self.status])
        if saved:
            self.status.value = status_html(OK, "Your earlier answer is back")

    def save(self) -> None:
        """Save the current answer to the journal."""

        @guarded(self.status)
        def run() -> None:
            _check_length(self.text.value, "reflection")
            self.journal.save(self.exercise_id, self.text.value)
            self.status.value = status_html(OK, "Saved")

        run()


class RepliesView(Exercise):
    """Prepared answers to the manager's likely replies on the call, autosaved."""

    def __init__(self, journal: Journal | None = None) -> None:
        self.journal = get_journal(journal)
        saved = self.journal.get("replies")
        saved = saved if isinstance(saved, dict) else {}
        self.fields = {
            reply_id: w.Textarea(
                value=saved.get(reply_id) if isinstance(saved.get(reply_id), str) else "",
                continuous_update=False,
                **wide(prompt),
            )
            for reply_id, prompt in REPLY_PROMPTS.items()
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
            self.journal.save("replies", json_value(values))
            done = sum(1 for value in values.values() if value.strip())
            self.status.value = status_html(
                OK, "Saved", escape_html(f"{done} of {len(values)} replies prepared.")
            )

        run()


def reflection(prompt_id: str, question: str, journal: Journal | None = None) -> ReflectionView:
    """Return an autosaved reflection prompt."""
    return ReflectionView(prompt_id, question, journal)


def replies(journal: Journal | None = None) -> RepliesView:
    """Return the prepared-replies exercise."""
    return RepliesView(journal)
