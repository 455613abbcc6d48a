"""The progress panel's fragments: the checklist, what the plan still lacks, download buttons.

>>> print(download_html("plan.html", "text/html", b"<p>x</p>", "Download"))  # doctest: +ELLIPSIS
<p><a class="sc-button" download="plan.html" href="data:text/html;base64,...">⬇ Download</a></p>
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

from ..progress import ProgressItem
from .feedback import callout
from .markup import Html, tag
from .text import ui, ui_html


def checklist_html(items: Sequence[ProgressItem], show_notebook: bool = True) -> Html:
    """Return the exercises as a checklist: a sign and a word for each, and the count done."""
    done = sum(item.done for item in items)
    rows = [
        tag(
            "li",
            [
                tag("strong", "✓ Done" if item.done else "○ To do"),
                ": ",
                item.label,
                " ",
                tag("small", f"(notebook {item.notebook})")
                if item.notebook and show_notebook
                else "",
            ],
        )
        for item in items
    ]
    return ui_html("views.progress.checklist", done=done, total=len(items), rows=rows)


def missing_html(missing: Sequence[str]) -> Html:
    """Return what the plan still lacks as a checklist callout (or that it is complete)."""
    if not missing:
        return callout(
            "correct", "Your plan is complete", "Export it when you are ready.", live=False
        )
    heading = ui("views.progress.lacks", count=len(missing),
                 things="things" if len(missing) > 1 else "thing")
    items = [tag("li", f"☐ {item}") for item in missing]
    return callout("partly", heading, ui_html("views.progress.lacks_body", items=items),
                   live=False)


def download_html(name: str, mime: str, data: bytes, label: str) -> Html:
    """Return a download link styled as a button, carrying the file inline."""
    encoded = base64.b64encode(data).decode("ascii")
    return tag(
        "p",
        tag(
            "a", f"⬇ {label}", cls="sc-button", download=name, href=f"data:{mime};base64,{encoded}"
        ),
    )
