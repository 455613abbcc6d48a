"""The script builder: the learner's words in, a live preview of their call script out."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w

from ..entries import SCRIPT, SCRIPT_INPUTS, ScriptInputsEntry
from ..errors import CourseInputError
from ..interface import texts
from ..loader import script_wording
from ..script import FIELDS, Script, ScriptInputs, build_script
from ..views import callout, script_html, tag
from ._common import (
    Exercise,
    channel_choice,
    feedback,
    guard,
    json_value,
    scenario_choice,
    scenario_note,
    setup_root,
    ui,
    wide,
)

if TYPE_CHECKING:
    from ..journal import Journal

__all__ = ["ScriptBuilderView", "script_builder"]

_ui = texts("widgets.script")


def _field(name: str, value: str) -> w.Text | w.Textarea:
    """Return the live control for one script field: one line for the name, else three."""
    label = wide(script_wording().prompts[name])
    if name == "manager_name":
        return w.Text(value=value, continuous_update=True, **label)
    return w.Textarea(value=value, continuous_update=True, rows=3, **label)


class ScriptBuilderView(Exercise):
    """Fields, a live script preview and a plain-text copy, autosaved; the scenario follows
    the classification unless the notebook asks for one to practise, and says which it is."""

    def __init__(self, journal: Journal | None = None, scenario: int | None = None) -> None:
        entries = self.open_journal(journal)
        saved = entries.script_inputs or ScriptInputsEntry()
        self.classified = entries.scenario
        follows = scenario not in (1, 2)
        if scenario not in (1, 2):
            scenario = self.classified or saved.scenario or 1
        # Following the classification re-saves a script written for the other scenario.
        stale = follows and entries.script is not None and entries.script.scenario != scenario
        self.fields = {name: _field(name, saved.inputs.get(name, "")) for name in FIELDS}
        self.scenario = scenario_choice(scenario, _ui("scenario"))
        self.scenario_note = w.HTML()
        self.channel = channel_choice(saved.channel)
        self.variant = w.Dropdown(
            options=[(_ui("wording", letter=letter), n) for n, letter in enumerate("ABC")],
            value=saved.variant,
            **wide(_ui("variant")),
        )
        self.preview = feedback("preview")
        self.plain_text = w.Textarea(value="", rows=8, **wide(_ui("plain_text")))
        self.status = feedback("status")
        self.script: Script | None = None
        for control in (*self.fields.values(), self.scenario, self.channel, self.variant):
            control.observe(lambda _change: self.refresh(save=True), names="value")
        super().__init__()
        only_2 = [self.fields[f.id] for f in script_wording().fields if f.scenario == 2]
        self._scenario_2_box = w.VBox(only_2)
        both = [control for control in self.fields.values() if control not in only_2]
        preview = tag("p", [tag("strong", _ui("preview")),
                            _ui("preview_note")])
        setup_root(self, "script-builder", _ui("title"), [
            self.scenario, self.scenario_note, self.channel, *both, self._scenario_2_box,
            self.variant, self.status, w.HTML(preview), self.preview, self.plain_text,
        ])
        self.refresh(save=stale)

    def answers(self) -> dict[str, str]:
        """Return the learner's current answers, by field."""
        return {name: str(control.value) for name, control in self.fields.items()}

    @guard("status")
    def refresh(self, save: bool = True) -> None:
        """Rebuild the preview from the current answers, and save them when asked."""
        scenario = int(self.scenario.value)
        channel = str(self.channel.value)
        variant = int(self.variant.value)
        answers = self.answers()
        inputs = json_value(ScriptInputsEntry(answers, scenario, channel, variant).to_json())
        self.scenario_note.value = scenario_note(scenario, self.classified)
        self._scenario_2_box.layout.display = None if scenario == 2 else "none"
        try:
            script = build_script(ScriptInputs.from_mapping(answers), scenario=scenario,
                                  channel=channel, variant=variant)
        except CourseInputError:
            self.script = None
            if save:  # keep what was typed, even when it cannot make a script yet
                self.journal.save(SCRIPT_INPUTS, inputs)
            raise
        self.script = script
        self.preview.value = script_html(script)
        self.plain_text.value = script.spoken()
        if save:  # one write for both answers: one lock, one file replace
            self.journal.save_many({SCRIPT_INPUTS: inputs, SCRIPT: json_value(script.to_dict())})
        saved_word = ui("widgets.common.saved") if save else ""
        count = len(script.missing)
        if count:
            heading = _ui("missing", count=count, s="s" if count > 1 else "")
            where = _ui("where")
            self.status.value = callout("partly", heading, f"{saved_word} {where}".lstrip())
        else:
            self.status.value = callout("correct", _ui("complete"), saved_word)


#: The builder of the script builder, restored from the journal.
script_builder = ScriptBuilderView
