"""The situation classifier: a few plain questions, then the scenario with reactions and reasons."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w

from ..classify import Classification, Situation, classify
from ..entries import SITUATION, SituationEntry
from ..interface import texts
from ..knowledge import knowledge
from ..views import callout, classification_html, tag
from ._common import (
    Exercise,
    Looks,
    actions,
    button,
    channel_choice,
    choices,
    feedback,
    guard,
    setup_root,
    ui,
    wide,
)

if TYPE_CHECKING:
    from ..journal import Journal

__all__ = ["ClassifierView", "situation_classifier"]

_ui = texts("widgets.classifier")


class ClassifierView(Exercise):
    """The classifier's controls; drive it from Python by setting values, then clicking."""

    def __init__(self, journal: Journal | None = None) -> None:
        saved = self.open_journal(journal).situation
        looks = Looks()
        self.misstep_boxes = {
            misstep.id: w.Checkbox(value=False, indent=False, **wide(misstep.label, looks, True))
            for misstep in knowledge().missteps.values()
        }
        self.days = w.BoundedIntText(value=7, min=0, max=36_500, **wide(_ui("days"), looks))
        self.role_status = w.Dropdown(options=choices("classifier.role"), value="unknown",
                                      **wide(ui("widgets.fields.role_status"), looks))
        self.channel = channel_choice("phone", looks)
        self.classify_button = button(_ui("show"), "check", _ui("tooltip"), primary=True,
                                      looks=looks)
        self.result = feedback("classification", looks)
        self.classification: Classification | None = None
        self.classify_button.on_click(lambda _button: self.update())
        intro = looks.html(tag("p", _ui("intro")))
        questions = [*self.misstep_boxes.values(), self.days, self.role_status, self.channel]
        super().__init__()
        setup_root(self, "classifier", _ui("title"),
                   [intro, *questions, actions(self.classify_button, looks=looks), self.result],
                   looks)
        self._restore(saved)

    def situation(self) -> Situation:
        """Return the situation the controls currently describe."""
        return Situation(
            missteps=tuple(k for k, box in self.misstep_boxes.items() if box.value),
            time_since_days=int(self.days.value),
            role_status=str(self.role_status.value),
            channel=str(self.channel.value),
        )

    @guard("result")
    def update(self) -> None:
        """Classify the current answers, show the result and save it."""
        self.classification = None
        self.classification = result = classify(self.situation())
        heading = _ui("result", scenario=result.scenario)
        self.result.value = callout("info", heading, classification_html(result))
        self.keep(SITUATION, result.to_entry())

    def _restore(self, saved: SituationEntry | None) -> None:
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


#: The builder of the situation classifier, restored from the journal if answered before.
situation_classifier = ClassifierView
