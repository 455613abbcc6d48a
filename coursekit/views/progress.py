"""The progress panel's fragments: the checklist, what the plan still lacks, download buttons.

>>> print(download_html("plan.html", "text/html", b"<p>x</p>", "Download"))  # doctest: +ELLIPSIS
<p><a class="sc-button" download="plan.html" href="data:text/html;base64,...">⬇ Download</a></p>
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

from ..interface import texts
from ..progress import ProgressItem
from .feedback import callout
from .markup import Html
from .text import html_texts

_ui, _html = texts("views.progress"), html_texts("views.progress")


def checklist_html(items: Sequence[ProgressItem], show_notebook: bool = True) -> Html:
    """Return the exercises as a checklist: a sign and a word for each, and the count done."""
    rows = [_html("row", state=_ui("done" if item.done else "to_do"), label=item.label,
                  notebook=_html("notebook", notebook=item.notebook)
                  if item.notebook and show_notebook else "")
            for item in items]
    return _html("checklist", done=sum(item.done for item in items), total=len(items), rows=rows)


def missing_html(missing: Sequence[str]) -> Html:
    """Return what the plan still lacks as a checklist callout (or that it is complete)."""
    if not missing:
        return callout("correct", _ui("complete"), _ui("export_when_ready"), live=False)
    count = len(missing)
    heading = _ui("lacks", count=count, things=_ui("things" if count > 1 else "thing"))
    items = [_html("lack", item=item) for item in missing]
    return callout("partly", heading, _html("lacks_body", items=items), live=False)


def download_html(name: str, mime: str, data: bytes, label: str) -> Html:
    """Return a download link styled as a button, carrying the file inline."""
    return _html("download", name=name, mime=mime, label=label,
                 data=base64.b64encode(data).decode("ascii"))
