"""HTML skeletons from the interface wording, their fields escaped through ``markup.esc``."""

from __future__ import annotations

from string import Template

from ..interface import interface_texts, text_for, ui
from .markup import Content, Html, esc

__all__ = ["interface_texts", "ui", "ui_html"]


def ui_html(key: str, /, **fields: Content) -> Html:
    """Return the HTML skeleton ``key`` with each field escaped (:class:`Html` fields kept).

    >>> print(ui_html("views.room.count", count=2, source=" — <b>"))
    <p class="sc-room-count"><strong>Cards counted: 2</strong> — &lt;b&gt;</p>
    """
    return Html(Template(text_for(key)).substitute({name: esc(v) for name, v in fields.items()}))
