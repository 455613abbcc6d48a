"""The progress panel: what is done, what the plan lacks, export, and (apart) reset."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as w

from ..interface import texts
from ..loader import course
from ..plan import plan_html, plan_markdown, plan_missing
from ..progress import course_progress
from ..views import callout, checklist_html, download_html, missing_html
from ..views.text import html_texts
from ._common import Exercise, actions, button, feedback, guard, setup_root, wide
from .room import CardSharing

if TYPE_CHECKING:
    from ..journal import Journal

PLAN_FILE_STEM = "my-second-call-plan"
_ui, _html, _room = texts("widgets.progress"), html_texts("widgets.progress"), texts("widgets.room")


class ProgressView(CardSharing, Exercise):
    """The progress panel: a checklist of exercises, the plan's gaps, export, and reset apart.

    ``exercises`` limits the checklist (the Voilà app's own, say); files go to ``folder``."""

    def __init__(self, journal: Journal | None = None, folder: str | Path | None = None,
                 exercises: Iterable[str] | None = None,
                 env: Mapping[str, str] | None = None) -> None:
        self._sharing(journal, env, folder)
        wanted = set(exercises) if exercises is not None else None
        self.exercises = tuple(ex for ex in course().exercises if wanted is None or ex.id in wanted)
        self._own_only = wanted is not None
        self.checklist, self.missing = feedback("checklist"), feedback("missing")
        self.refresh_button = button(_ui("refresh"), "refresh", _ui("refresh_tip"))
        self.export_button = button(_ui("export"), "download", primary=True)
        self.share_button = button(_room("share"), "share", _ui("share_tip"))
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.export_button.on_click(lambda _b: self.export())
        self.share_button.on_click(lambda _b: self.share())
        super().__init__()
        setup_root(self, "progress", _ui("title"), [
            self.checklist, actions(self.refresh_button), self.missing,
            actions(self.export_button, self.share_button), self.status, self.download,
            self._danger_zone(),
        ])
        self.refresh()

    def _danger_zone(self) -> w.VBox:
        """Return the reset controls, set apart: one exercise, or everything once confirmed."""
        self.choice = w.Dropdown(options=[(ex.label, ex.id) for ex in self.exercises],
                                 **wide(_ui("which")))
        self.reset_button = button(_ui("reset_one"), "undo")
        self.confirm_all = w.Checkbox(value=False, indent=False, **wide(_ui("confirm_all")))
        self.reset_all_button = button(_ui("reset_all"), "trash")
        w.dlink((self.confirm_all, "value"), (self.reset_all_button, "disabled"), lambda v: not v)
        self.reset_button.on_click(lambda _b: self.reset_one())
        self.reset_all_button.on_click(lambda _b: self.reset_everything())
        danger = w.VBox([w.HTML(_html("start_over")), self.choice, actions(self.reset_button),
                         self.confirm_all, actions(self.reset_all_button, danger=True)])
        danger.add_class("sc-danger-zone")
        return danger

    @guard("status")
    def refresh(self) -> None:
        """Show which exercises are done and what the plan lacks, read fresh from the journal."""
        answers = self.journal.answers()
        wanted = {ex.id for ex in self.exercises}
        items = [item for item in course_progress(answers) if item.id in wanted]
        self.checklist.value = checklist_html(items, show_notebook=not self._own_only)
        self.missing.value = missing_html(plan_missing(answers, wanted if self._own_only else None))
        if self.journal.messages:
            self.status.value = callout("warn", _ui("note"), " ".join(self.journal.messages))

    @guard("status")
    def reset_one(self) -> None:
        """Erase the chosen exercise's answer."""
        exercise_id = str(self.choice.value)
        self.journal.reset(exercise_id)
        self.refresh()
        label = {ex.id: ex.label for ex in self.exercises}[exercise_id]
        self.status.value = callout("info", _ui("reset"), _ui("cleared", label=label))

    @guard("status")
    def reset_everything(self) -> None:
        """Erase every answer, but only once the learner has ticked the confirmation box."""
        if not self.confirm_all.value:
            self.status.value = callout("warn", _ui("not_erased"), _ui("tick_first"))
            return
        self.journal.reset_all()
        self.confirm_all.value = False
        self.refresh()
        self.status.value = callout("info", _ui("erased"))

    @guard("status")
    def export(self) -> None:
        """Write the plan next to the notebook as HTML and Markdown, and offer a download."""
        answers = self.journal.answers()
        page = plan_html(answers)
        self.folder.mkdir(parents=True, exist_ok=True)
        html_path = self.folder / f"{PLAN_FILE_STEM}.html"
        md_path = self.folder / f"{PLAN_FILE_STEM}.md"
        html_path.write_text(page, encoding="utf-8")
        md_path.write_text(plan_markdown(answers), encoding="utf-8")
        self.download.value = download_html(html_path.name, "text/html;charset=utf-8",
                                            page.encode("utf-8"), _ui("download"))
        saved_as = _ui("exported_as", html=html_path.name, markdown=md_path.name)
        self.status.value = callout("info", _ui("exported"), saved_as)


#: The builder of the progress panel (exports go to the notebook's folder by default).
progress_panel = ProgressView
