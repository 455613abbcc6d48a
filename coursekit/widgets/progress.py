"""The progress panel: what is done, reset one exercise or all, export the plan."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as w

from ..loader import course
from ..progress import course_progress
from ..textsafe import escape_html
from ._common import (
    ERROR,
    OK,
    Exercise,
    feedback,
    get_journal,
    guarded,
    setup_root,
    status_html,
    wide,
)

if TYPE_CHECKING:
    from ..journal import Journal

__all__ = ["PLAN_FILE_STEM", "ProgressView", "progress_panel"]

PLAN_FILE_STEM = "my-second-call-plan"


class ProgressView(Exercise):
    """A checklist of the course's exercises, with reset and export controls."""

    def __init__(self, journal: Journal | None = None, folder: str | Path | None = None) -> None:
        self.journal = get_journal(journal)
        self.folder = Path(folder) if folder is not None else Path.cwd()
        self.checklist = feedback("checklist")
        self.refresh_button = w.Button(
            description="Refresh", icon="refresh", tooltip="Read your journal again"
        )
        self.choice = w.Dropdown(
            options=[(ex.label, ex.id) for ex in course().exercises], **wide("Exercise to reset:")
        )
        self.reset_button = w.Button(description="Reset this exercise", icon="undo")
        self.confirm_all = w.Checkbox(
            value=False, indent=False, **wide("Yes, I want to erase all my answers")
        )
        self.reset_all_button = w.Button(description="Reset everything", icon="trash")
        self.export_button = w.Button(
            description="Export my plan", button_style="primary", icon="download"
        )
        self.card_button = w.Button(
            description="Export an anonymous poll card",
            icon="bar-chart",
            tooltip="Your scenario, quiz scores and role-play endings only; nothing you typed",
        )
        self.card_button.layout.width = "auto"
        self.status = feedback("status")
        self.download = w.HTML("")
        self.download.add_class("sc-download")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.reset_button.on_click(lambda _b: self.reset_one())
        self.reset_all_button.on_click(lambda _b: self.reset_everything())
        self.export_button.on_click(lambda _b: self.export())
        self.card_button.on_click(lambda _b: self.export_card())
        super().__init__()
        setup_root(
            self,
            "progress",
            "Your progress",
            [
                self.checklist,
                self.refresh_button,
                self.choice,
                self.reset_button,
                self.confirm_all,
                self.reset_all_button,
                self.export_button,
                self.card_button,
                self.status,
                self.download,
            ],
        )
        self.refresh()

    def refresh(self) -> None:
        """Show which exercises are done, read fresh from the journal."""

        @guarded(self.status)
        def run() -> None:
            items = course_progress(self.journal.answers())
            done = sum(item.done for item in items)
            rows = "".join(
                f"<li>{OK + ' Done' if item.done else '○ To do'}: "
                f"{escape_html(item.label)} <small>(notebook {escape_html(item.notebook)})"
                "</small></li>"
                for item in items
            )
            self.checklist.value = (
                f"<p><strong>{done} of {len(items)} exercises done.</strong></p><ul>{rows}</ul>"
            )
            messages = self.journal.messages
            if messages:
                self.status.value = status_html(
                    "⚠", "Note about your journal", escape_html(" ".join(messages))
                )

        run()

    def reset_one(self) -> None:
        """Erase the chosen exercise's answer."""

        @guarded(self.status)
        def run() -> None:
            exercise_id = str(self.choice.value)
            self.journal.reset(exercise_id)
            self.refresh()
            label = dict((ex.id, ex.label) for ex in course().exercises)[exercise_id]
            self.status.value = status_html(OK, "Reset", escape_html(f"{label} is cleared."))

        run()

    def reset_everything(self) -> None:
        """Erase every answer, but only once the learner has ticked the confirmation box."""

        @guarded(self.status)
        def run() -> None:
            if not self.confirm_all.value:
                self.status.value = status_html(
                    ERROR, "Nothing was erased", "Tick the box above first to confirm."
                )
                return
            self.journal.reset_all()
            self.confirm_all.value = False
            self.refresh()
            self.status.value = status_html(OK, "All answers erased")

        run()

    def export_card(self) -> None:
        """Write an anonymous poll card next to the notebook and offer a download."""
        guarded(self.status)(lambda: _export_card(self))()

    def export(self) -> None:
        """Write the plan next to the notebook as HTML and Markdown, and offer a download."""

        @guarded(self.status)
        def run() -> None:
            from ..plan import plan_html, plan_markdown

            answers = self.journal.answers()
            page = plan_html(answers)
            markdown_text = plan_markdown(answers)
            self.folder.mkdir(parents=True, exist_ok=True)
            html_path = self.folder / f"{PLAN_FILE_STEM}.html"
            md_path = self.folder / f"{PLAN_FILE_STEM}.md"
            html_path.write_text(page, encoding="utf-8")
            md_path.write_text(markdown_text, encoding="utf-8")
            encoded = base64.b64encode(page.encode("utf-8")).decode("ascii")
            self.download.value = (
                f"<p><a download='{PLAN_FILE_STEM}.html' "
                f"href='data:text/html;charset=utf-8;base64,{encoded}'>"
                "Download your plan (printable HTML page)</a></p>"
            )
            self.status.value = status_html(
                OK,
                "Plan exported",
                escape_html(f"Saved as {html_path.name} and {md_path.name} next to this notebook."),
            )

        run()


def _export_card(view: ProgressView) -> None:
    from ..poll import write_card

    path = write_card(view.journal.answers(), view.folder)
    encoded = base64.b64encode(path.read_bytes()).decode("ascii")
    view.download.value = (
        f"<p><a download='{escape_html(path.name)}' "
        f"href='data:application/json;base64,{encoded}'>Download your poll card</a></p>"
    )
    view.status.value = status_html(
        OK,
        "Poll card exported",
        escape_html(
            f"Saved as {path.name}. It holds your scenario, quiz scores and role-play endings, "
            "and nothing you typed. Hand it to your facilitator."
        ),
    )


def progress_panel(
    journal: Journal | None = None, folder: str | Path | None = None
) -> ProgressView:
    """Return the progress panel; exports go to ``folder`` (default: the notebook's folder)."""
    return ProgressView(journal, folder)
