"""The script builder: the learner's words in, a live preview of their call script out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as w

from ..errors import CourseInputError
from ..loader import script_wording
from ..progress import saved_scenario
from ..script import FIELDS, Script, ScriptInputs, build_script
from ._common import (
    OK,
    Exercise,
    as_dict,
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

__all__ = ["ScriptBuilderView", "script_builder"]

EXERCISE_ID = "script"
INPUTS_ID = "script_inputs"
_SHORT_FIELDS = ("manager_name",)
_SCENARIO_2_FIELDS = ("misstep", "cost_to_manager")


class ScriptBuilderView(Exercise):
    """Text fields, a live script preview and a plain-text copy, autosaved to the journal."""

    def __init__(self, journal: Journal | None = None, scenario: int | None = None) -> None:
        self.journal = get_journal(journal)
        saved = as_dict(self.journal.get(INPUTS_ID))
        inputs = as_dict(saved.get("inputs"))
        if scenario is None:
            scenario = saved_scenario(saved, self.journal.get("situation"))
        self.fields: dict[str, w.Text | w.Textarea] = {}
        for name in FIELDS:
            value = inputs.get(name) if isinstance(inputs.get(name), str) else ""
            cls = w.Text if name in _SHORT_FIELDS else w.Textarea
            prompt = script_wording().prompts[name]
            control = cls(value=value, continuous_update=True, **wide(prompt))
            if cls is w.Textarea:
                control.layout.height = "4.5em"
            self.fields[name] = control
        self.scenario = w.ToggleButtons(
            options=[("Scenario 1", 1), ("Scenario 2", 2)],
            value=scenario if scenario in (1, 2) else 1,
            description="Your scenario:",
            style={"description_width": "initial"},
            tooltips=["You declined clearly and respectfully", "You didn't handle it well"],
        )
        self.channel = w.RadioButtons(
            options=[("A phone call", "phone"), ("A face-to-face meeting", "meeting")],
            value=saved.get("channel") if saved.get("channel") in ("phone", "meeting") else "phone",
            **wide("How will you get back in touch?"),
        )
        self.variant = w.Dropdown(
            options=[("Wording A", 0), ("Wording B", 1), ("Wording C", 2)],
            value=saved.get("variant") if saved.get("variant") in (0, 1, 2) else 0,
            **wide("Connecting sentences:"),
        )
        self.preview = feedback("preview")
        self.plain_text = w.Textarea(
            value="", disabled=False, **wide("Plain text to copy (select all, then copy):")
        )
        self.plain_text.layout.height = "12em"
        self.status = feedback("status")
        self.script: Script | None = None
        for control in (*self.fields.values(), self.scenario, self.channel, self.variant):
            control.observe(self._on_change, names="value")
        super().__init__()
        self._scenario_2_box = w.VBox([self.fields[name] for name in _SCENARIO_2_FIELDS])
        setup_root(
            self,
            "script-builder",
            "Build your call script",
            [
                self.scenario,
                self.channel,
                *[self.fields[name] for name in FIELDS if name not in _SCENARIO_2_FIELDS],
                self._scenario_2_box,
                self.variant,
                w.HTML("<p><strong>Preview</strong> (updates as you type):</p>"),
                self.preview,
                self.plain_text,
                self.status,
            ],
        )
        self.refresh(save=False)

    def answers(self) -> dict[str, str]:
        """Return the learner's current answers, by field."""
        return {name: str(control.value) for name, control in self.fields.items()}

    def _on_change(self, _change: Any) -> None:
        self.refresh(save=True)

    def refresh(self, save: bool = True) -> None:
        """Rebuild the preview from the current answers, and save them when asked."""

        @guarded(self.status)
        def run() -> None:
            scenario = int(self.scenario.value)
            answers = self.answers()
            saved_inputs = json_value(
                {
                    "inputs": answers,
                    "scenario": scenario,
                    "channel": str(self.channel.value),
                    "variant": int(self.variant.value),
                }
            )
            self._scenario_2_box.layout.display = None if scenario == 2 else "none"
            try:
                script = build_script(
                    ScriptInputs.from_mapping(answers),
                    scenario=scenario,
                    channel=str(self.channel.value),
                    variant=int(self.variant.value),
                )
            except CourseInputError:
                self.script = None
                if save:  # keep what was typed, even when it cannot make a script yet
                    self.journal.save(INPUTS_ID, saved_inputs)
                raise
            self.script = script
            self.preview.value = script.to_html()
            self.plain_text.value = script.spoken()
            if save:  # one write for both answers: one lock, one file replace
                self.journal.save_many({INPUTS_ID: saved_inputs, EXERCISE_ID: script.to_dict()})
            missing = len(script.missing)
            label = "Saved" if save else "Ready"
            note = (
                f"{missing} answer(s) still to fill in; the preview shows where."
                if missing
                else "Every part of your script is filled in."
            )
            self.status.value = status_html(OK, label, note)

        run()


def script_builder(
    journal: Journal | None = None, scenario: int | None = None
) -> ScriptBuilderView:
    """Return the script builder, restored from the journal (scenario taken from it if unset)."""
    return ScriptBuilderView(journal, scenario)
