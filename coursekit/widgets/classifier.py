"""The situation classifier: a few plain questions, then the scenario with reactions and reasons."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w

from ..classify import Classification, Situation, classify
from ..entries import SITUATION
from ..knowledge import knowledge
from ..views import callout, classification_html
from ._common import (
    Exercise,
    actions,
    channel_choice,
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

__all__ = ["ClassifierView", "situation_classifier"]

EXERCISE_ID = SITUATION
_ROLE_OPTIONS = [
    ("I don't know", "unknown"),
    ("It is still open", "open"),
    ("It has been filled", "filled"),
]


class ClassifierView(Exercise):
    """The classifier's controls; drive it from Python by setting values, then clicking."""

    def __init__(self, journal: Journal | None = None) -> None:
        self.journal = get_journal(journal)
        self.misstep_boxes = {
            misstep.id: w.Checkbox(value=False, indent=False, **wide(misstep.label))
            for misstep in knowledge().missteps.values()
        }
        self.days = w.BoundedIntText(value=7, min=0, max=36_500, **wide("Days since you declined:"))
        self.role_status = w.Dropdown(
            options=_ROLE_OPTIONS, value="unknown", **wide("Is the role still open?")
        )
        self.channel = channel_choice("phone")
        self.classify_button = w.Button(
            description="Show my scenario",
            button_style="primary",
            tooltip="Classify your situation and save it to your journal",
            icon="check",
        )
        self.result = feedback("classification")
        self.classification: Classification | None = None
        self.classify_button.on_click(lambda _button: self.update())
        intro = w.HTML(
            "<p>When you declined, did any of these happen? Tick all that apply; leave all "
            "blank if you declined clearly and respectfully.</p>"
        )
        super().__init__()
        setup_root(
            self,
            "classifier",
            "Which scenario are you in?",
            [
                intro,
                *self.misstep_boxes.values(),
                self.days,
                self.role_status,
                self.channel,
                actions(self.classify_button),
                self.result,
            ],
        )
        self._restore()

    def situation(self) -> Situation:
        """Return the situation the controls currently describe."""
        return Situation(
            missteps=tuple(k for k, box in self.misstep_boxes.items() if box.value),
            time_since_days=int(self.days.value),
            role_status=str(self.role_status.value),
            channel=str(self.channel.value),
        )

    def update(self) -> None:
        """Classify the current answers, show the result and save it."""

        @guarded(self.result)
        def run() -> None:
            self.classification = None
            result = classify(self.situation())
            self.classification = result
            self.result.value = callout(
                "info", f"Scenario {result.scenario} — saved", classification_html(result)
            )
            self.journal.save(EXERCISE_ID, json_value(result.to_entry().to_json()))

        run()

    def _restore(self) -> None:
        saved = entries_of(self.journal).situation
        if saved is None or saved.situation is None:
            return
        try:
            restored = Situation.from_mapping(saved.situation)
        except ValueError:
            return
        for key, box in self.misstep_boxes.items():
            box.value = key in restored.missteps
        self.days.value = restored.time_since_days
        self.role_status.value = restored.role_status
        self.channel.value = restored.channel
        self.update()


def situation_classifier(journal: Journal | None = None) -> ClassifierView:
    """Return the situation classifier widget, restored from the journal if answered before."""
    return ClassifierView(journal)
