"""HTML skeletons from the interface wording, their fields escaped through ``markup.esc``."""

from __future__ import annotations

from collections.abc import Callable
from string import Template

from ..interface import text_for
from .markup import Content, Html, esc


def ui_html(key: str, /, **fields: Content) -> Html:
    """Return the HTML skeleton ``key`` with each field escaped (:class:`Html` fields kept)."""
    return Html(Template(text_for(key)).substitute({name: esc(v) for name, v in fields.items()}))


def html_texts(prefix: str) -> Callable[..., Html]:
    """Return :func:`ui_html` for the keys under ``prefix`` (a module's own skeletons)."""
    return lambda key, /, **fields: ui_html(f"{prefix}.{key}", **fields)
