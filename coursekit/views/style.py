"""The course's shared style sheet (``style.css``): form layout, callouts, teaching surfaces.

Every exercise and every rendered teaching surface carries it (browsers apply a repeated
style sheet once), so the look is the same in JupyterLab, Voilà and JupyterLite.
"""

from __future__ import annotations

from pathlib import Path

from .markup import Html

_CSS = (Path(__file__).parent / "style.css").read_text(encoding="utf-8")

#: The style sheet as a ``<style>`` element, ready to put in front of any fragment.
STYLE = Html(f"<style>\n{_CSS}</style>")
