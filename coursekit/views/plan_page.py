"""The plan as one self-contained, printable HTML page (no scripts, no links out)."""

from __future__ import annotations

from .markup import Html, esc, tag

__all__ = ["plan_fragment", "plan_page"]

_CSS = """
:root { color-scheme: light; }
body {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.5; color: #1a1a1a; background: #fff;
  max-width: 44rem; margin: 2rem auto; padding: 0 1rem;
}
h1 { font-size: 1.8rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #888; padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin-top: 1.2rem; }
blockquote {
  margin: 0.5rem 0 1rem; padding: 0.4rem 1rem;
  border-left: 4px solid #444; background: #f3f3f3;
}
p, li, blockquote { unicode-bidi: plaintext; overflow-wrap: anywhere; }
hr { border: 0; border-top: 1px solid #888; margin-top: 2rem; }
@page { margin: 2cm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  blockquote { background: none; border-left: 2pt solid #000; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  blockquote, li { break-inside: avoid; page-break-inside: avoid; }
}
"""


def _body(markdown_text: str) -> str:
    import markdown  # lazily: only plan pages need it (keeps ``import coursekit`` light)

    return str(markdown.markdown(markdown_text, output_format="html"))


def plan_fragment(markdown_text: str, label: str) -> Html:
    """Return the plan's Markdown (its learner text already escaped) rendered for a notebook."""
    return tag("article", Html(_body(markdown_text)), cls="sc-surface sc-plan", aria_label=label)


def plan_page(markdown_text: str, title: str) -> str:
    """Return a whole printable page for the plan's Markdown (its text is already escaped).

    >>> plan_page("# Hi", "My plan").startswith("<!doctype html>")
    True
    """
    body = _body(markdown_text)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>{_CSS}</style>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"{body}\n"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )
