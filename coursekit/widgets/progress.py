"""The progress panel: what is done, what the plan lacks, export, and (apart) reset."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as w

from ..loader import course
from ..plan import plan_html, plan_markdown, plan_missing
from ..progress import course_progress
from ..views import callout, checklist_html, download_html, missing_html, tag
from ._common import (
    Exercise,
    actions,
    button,
    download_area,
    feedback,
    get_journal,
    guard,
    setup_root,
    ui,
    wide,
)
from .room import CardSharing

if TYPE_CHECKING:
    from ..journal import Journal

__all__ = ["PLAN_FILE_STEM", "ProgressView", "progress_panel"]

PLAN_FILE_STEM = "my-second-call-plan"


class ProgressView(CardSharing, Exercise):
    """A checklist of exercises, the plan's gaps, export buttons, and a separate reset area.

    "Share with the room" sends the card to the hub's room service when ``env`` names one,
    and otherwise writes it to ``folder`` as a download.
    """

    def __init__(
        self,
        journal: Journal | None = None,
        folder: str | Path | None = None,
        exercises: Iterable[str] | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.journal = get_journal(journal)
        self.env = os.environ if env is None else env
        self.folder = Path(folder) if folder is not None else Path.cwd()
        wanted = set(exercises) if exercises is not None else None
        self.exercises = tuple(ex for ex in course().exercises if wanted is None or ex.id in wanted)
        self._own_only = wanted is not None
        self.checklist = feedback("checklist")
        self.missing = feedback("missing")
        self.refresh_button = button("Refresh", "refresh", "Read your journal again")
        self.export_button = button("Export my plan", "download", primary=True)
        self.share_button = button("Share with the room", "share", ui("widgets.progress.share_tip"))
        self.card_button = self.share_button  # the name before the live room
        self.status = feedback("status")
        self.download = download_area()
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.export_button.on_click(lambda _b: self.export())
        self.share_button.on_click(lambda _b: self.share())
        super().__init__()
        setup_root(self, "progress", "Your progress", [
            self.checklist, actions(self.refresh_button), self.missing,
            actions(self.export_button, self.share_button), self.status, self.download,
            self._danger_zone(),
        ])
        self.refresh()

    def _danger_zone(self) -> w.VBox:
        """Return the reset controls, set apart: one exercise, or everything once confirmed."""
        self.choice = w.Dropdown(options=[(ex.label, ex.id) for ex in self.exercises],
                                 **wide("Exercise to reset:"))
        self.reset_button = button("Reset this exercise", "undo")
        self.confirm_all = w.Checkbox(value=False, indent=False,
                                      **wide(ui("widgets.progress.confirm_all")))
        self.reset_all_button = button("Reset everything", "trash")
        self.reset_all_button.disabled = True
        self.confirm_all.observe(
            lambda _c: setattr(self.reset_all_button, "disabled", not self.confirm_all.value),
            names="value",
        )
        self.reset_button.on_click(lambda _b: self.reset_one())
        self.reset_all_button.on_click(lambda _b: self.reset_everything())
        danger = w.VBox([
            w.HTML(tag("p", tag("strong", "Start over"))), self.choice,
            actions(self.reset_button), self.confirm_all,
            actions(self.reset_all_button, danger=True),
        ])
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
            heading = "Note about your journal"
            self.status.value = callout("warn", heading, " ".join(self.journal.messages))

    @guard("status")
    def reset_one(self) -> None:
        """Erase the chosen exercise's answer."""
        exercise_id = str(self.choice.value)
        self.journal.reset(exercise_id)
        self.refresh()
        label = {ex.id: ex.label for ex in self.exercises}[exercise_id]
        self.status.value = callout("info", "Reset", f"{label} is cleared.")

    @guard("status")
    def reset_everything(self) -> None:
        """Erase every answer, but only once the learner has ticked the confirmation box."""
        if not self.confirm_all.value:
            self.status.value = callout("warn", "Nothing was erased",
                                        ui("widgets.progress.tick_first"))
            return
        self.journal.reset_all()
        self.confirm_all.value = False
        self.refresh()
        self.status.value = callout("info", "All answers erased")

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
                                            page.encode("utf-8"), ui("widgets.progress.download"))
        saved_as = ui("widgets.progress.exported_as", html=html_path.name, markdown=md_path.name)
        self.status.value = callout("info", "Plan exported", saved_as)


def progress_panel(
    journal: Journal | None = None,
    folder: str | Path | None = None,
    exercises: Iterable[str] | None = None,
    env: Mapping[str, str] | None = None,
) -> ProgressView:
    """Return the progress panel; exports go to ``folder`` (default: the notebook's folder).

    ``exercises`` limits the checklist to these exercise ids (the Voilà app's own, say).
    "Share with the room" sends the card to the hub's room service when ``env`` (default: the
    kernel's environment) names one, and otherwise writes it to ``folder`` as a download.
    """
    return ProgressView(journal, folder, exercises, env)
