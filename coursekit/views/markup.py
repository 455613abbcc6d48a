"""The one escaping function of the course: text becomes HTML, markup stays markup.

Every fragment a learner sees is built from :class:`Html` values. :func:`esc` escapes anything
that is not already :class:`Html`, so learner text can never become live markup, and
:func:`tag` builds an element with escaped content and attributes.

>>> esc("<b>bold</b> & co")
Html('&lt;b&gt;bold&lt;/b&gt; &amp; co')
>>> tag("p", "a < b", cls="note")
Html('<p class="note">a &lt; b</p>')
>>> tag("p", [tag("em", "x"), " & y"])
Html('<p><em>x</em> &amp; y</p>')
"""

from __future__ import annotations

import html
from collections.abc import Iterable


class Html(str):
    """A string of markup that is safe to show as it is (already escaped)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Html({str.__repr__(self)})"

    def __html__(self) -> str:
        return str(self)


#: What a fragment's content may be: text (escaped), markup, numbers, or a list of those.
Content = str | int | float | Html | Iterable["Content"] | None


def esc(value: Content) -> Html:
    """Return ``value`` as safe markup: text is escaped, :class:`Html` kept, lists joined."""
    if value is None:
        return Html("")
    if isinstance(value, Html):
        return value
    if isinstance(value, str):
        return Html(html.escape(value, quote=True))
    if isinstance(value, int | float):
        return Html(html.escape(str(value)))
    return Html("".join(esc(item) for item in value))


def tag(name: str, content: Content = None, /, **attrs: str | None) -> Html:
    """Return ``<name attrs>content</name>``; ``cls`` gives ``class``, ``_`` becomes ``-``."""
    rendered = "".join(f' {"class" if key == "cls" else key.replace("_", "-")}="{esc(value)}"'
                       for key, value in attrs.items() if value is not None)
    return Html(f"<{name}{rendered}>{esc(content)}</{name}>")
