"""Re-run every course notebook from a clean state and store its outputs for nbval.

Usage: ``.venv/bin/python scripts/refresh_notebooks.py [NOTEBOOK ...]``

First the static fallback cells (Markdown cells tagged ``{"second_call": {"fallback":
"<kind>:<id>"}}``) are regenerated from the content files. Then each notebook runs in its own
folder with a fresh, empty journal, exactly as the test suite runs it; bulky widget state is
dropped from the stored file. ``--fallbacks-only`` regenerates the fallback cells without running
anything; ``--check`` only reports the notebooks whose fallback cells are out of date and
exits 1 if there are any (for CI).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from coursekit.fallbacks import fallback_markdown

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def course_notebooks() -> list[Path]:
    """Return every notebook of the course, in order."""
    return sorted(
        p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
    )


def fill_fallbacks(notebook: nbformat.NotebookNode) -> int:
    """Regenerate every tagged fallback cell from the content; return how many changed."""
    changed = 0
    for cell in notebook.cells:
        tag = cell.metadata.get("second_call", {}).get("fallback")
        if cell.cell_type == "markdown" and tag:
            text = fallback_markdown(tag)
            if cell.source != text:
                cell.source = text
                changed += 1
    return changed


def refresh_fallbacks(path: Path) -> None:
    """Regenerate one notebook's fallback cells and save it if any changed."""
    notebook = nbformat.read(path, as_version=4)
    if fill_fallbacks(notebook):
        nbformat.write(notebook, path)


def stale_fallbacks(path: Path) -> int:
    """Return how many of a notebook's fallback cells are out of date with the content."""
    return fill_fallbacks(nbformat.read(path, as_version=4))


def refresh(path: Path) -> None:
    """Regenerate the fallbacks, execute the notebook in a clean state, save it with outputs."""
    notebook = nbformat.read(path, as_version=4)
    fill_fallbacks(notebook)
    with tempfile.TemporaryDirectory(prefix="refresh-") as scratch:
        os.environ["SECOND_CALL_JOURNAL"] = str(Path(scratch) / "journal.json")
        client = NotebookClient(
            notebook,
            timeout=600,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        )
        client.execute()
    notebook.metadata.pop("widgets", None)
    for number, cell in enumerate(notebook.cells):
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if isinstance(view, dict) and "model_id" in view:
                # No widget state is stored, so the id points nowhere: keep it stable so a
                # refresh only changes a notebook when its real outputs change.
                seed = f"{path.name}:{number}".encode()
                view["model_id"] = hashlib.md5(seed, usedforsecurity=False).hexdigest()
    nbformat.write(notebook, path)
    for leftover in path.parent.glob("my-second-call-plan.*"):
        leftover.unlink()


def main() -> None:
    """Refresh the notebooks named on the command line, or all of them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--fallbacks-only", action="store_true",
                        help="only regenerate the fallback cells; run nothing")
    parser.add_argument("--check", action="store_true",
                        help="report out-of-date fallback cells and exit 1 if any; change nothing")
    args = parser.parse_args()
    if args.check:
        stale = [(path, stale_fallbacks(path.resolve()))
                 for path in args.notebooks or course_notebooks()]
        for path, count in stale:
            if count:
                print(f"{path}: {count} fallback cell(s) out of date")
        if any(count for _, count in stale):
            print("fix: .venv/bin/python scripts/refresh_notebooks.py --fallbacks-only")
            sys.exit(1)
        return
    for path in args.notebooks or course_notebooks():
        print(f"refreshing {path.relative_to(ROOT) if path.is_absolute() else path}")
        if args.fallbacks_only:
            refresh_fallbacks(path.resolve())
        else:
            refresh(path.resolve())


if __name__ == "__main__":
    main()
