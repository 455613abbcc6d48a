"""The feedback design: callouts with an icon, a heading and a coloured left border.

Each kind has its own icon and heading word, so no signal relies on colour alone, and a
callout's heading always agrees with its body.

>>> print(callout("correct", "Correct", "Well done."))  # doctest: +NORMALIZE_WHITESPACE
<div class="sc-callout sc-callout-correct" role="status" aria-live="polite"><p
class="sc-callout-heading"><span class="sc-callout-icon" aria-hidden="true">✓</span>
Correct</p><div class="sc-callout-body">Well done.</div></div>
"""

from __future__ import annotations

from typing import Literal

from .markup import Content, Html
from .text import ui_html

Kind = Literal["correct", "partly", "notyet", "info", "warn"]

#: The icon of each kind of feedback.
ICONS: dict[Kind, str] = {"correct": "✓", "partly": "◐", "notyet": "✗", "info": "ℹ", "warn": "⚠"}

_SYMBOL_KINDS = {icon: kind for kind, icon in ICONS.items()}


def kind_for_symbol(symbol: str) -> Kind:
    """Return the callout kind for an engine's sign (✓ ◐ ✗ ⚠; anything else is info)."""
    return _SYMBOL_KINDS.get(symbol.strip(), "info")


def callout(kind: Kind, heading: Content, body: Content = None, *, live: bool = True) -> Html:
    """Return a feedback callout: icon, heading and an optional body."""
    return ui_html("views.callout.box", kind=kind, icon=ICONS[kind], heading=heading,
                   live=ui_html("views.callout.live") if live else "",
                   body=ui_html("views.callout.body", body=body) if body else "")


def status_html(symbol: str, label: Content, body: Content = None) -> Html:
    """Return a callout chosen by an engine's sign (✓ ◐ ✗ ⚠, else info)."""
    return callout(kind_for_symbol(symbol), label, body)
