"""The plan as one self-contained, printable HTML page (``plan_page.html``; no scripts)."""

from __future__ import annotations

from pathlib import Path
from string import Template

from .markup import esc

#: The printable page, with ``$title`` and ``$body`` to fill in.
_PAGE = Template((Path(__file__).parent / "plan_page.html").read_text(encoding="utf-8"))


def plan_page(markdown_text: str, title: str) -> str:
    """Return a whole printable page for the plan's Markdown (its text is already escaped).

    >>> plan_page("# Hi", "My plan").startswith("<!doctype html>")
    True
    """
    import markdown  # lazily: only plan pages need it (keeps ``import coursekit`` light)

    body = markdown.markdown(markdown_text, output_format="html")
    return _PAGE.substitute(title=esc(title), body=body)
