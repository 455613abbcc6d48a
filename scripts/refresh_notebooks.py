"""Re-run every course notebook from a clean state and store its outputs for nbval.

Usage: ``.venv/bin/python scripts/refresh_notebooks.py [NOTEBOOK ...]``

Each notebook runs in its own folder with a fresh, empty journal, exactly as the test suite
runs it; bulky widget state is dropped from the stored file.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def course_notebooks() -> list[Path]:
    """Return every notebook of the course, in order."""
    return sorted(
        p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
    )


def refresh(path: Path) -> None:
    """Execute one notebook in a clean state and save it with its outputs."""
    notebook = nbformat.read(path, as_version=4)
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
    args = parser.parse_args()
    for path in args.notebooks or course_notebooks():
        print(f"refreshing {path.relative_to(ROOT) if path.is_absolute() else path}")
        refresh(path.resolve())


if __name__ == "__main__":
    main()
