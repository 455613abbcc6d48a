"""Rules every learner-facing notebook keeps, checked on the stored notebooks (fast tier).

The learner notebooks are the course manifest's numbered notebooks and its guides that are not
for the facilitator (the workshop app). In each of them:

- nothing is printed: no stream (stdout/stderr) output, everything a learner reads is rendered;
- no code is in the learner's way: every code cell's source is hidden
  (``metadata.jupyter.source_hidden``), its outputs stay visible;
- no installation boilerplate: no ``%pip`` in any cell;
- outputs use words, never ids: no move, misstep, reaction, role-play node or choice id in the
  text or HTML of any stored output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from content_names import MISSTEPS, MOVES, REACTIONS, ROLEPLAYS

from coursekit.loader import course

pytestmark = pytest.mark.timeout(60)

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def learner_notebooks() -> list[str]:
    """Return the learner notebooks from the course manifest (not the facilitator guide)."""
    manifest = course()
    guides = [g.file for g in manifest.guides if not g.file.startswith("facilitator/")]
    return [entry.file for entry in manifest.notebooks] + guides


def ids() -> list[str]:
    """Return every id a learner must not see: moves, missteps, reactions, nodes, choices."""
    found = {*MOVES, *MISSTEPS, *REACTIONS}
    for roleplay in ROLEPLAYS.values():
        for node in roleplay.nodes:
            found.add(node.id)
            found.update(choice.id for choice in node.choices)
    return sorted(found)


def id_pattern(name: str) -> re.Pattern[str]:
    """Match an id where it would show as an id, not as an ordinary word.

    An id with an underscore is never a word, so it matches anywhere as a whole token. A
    one-word id (``reaffirm``, ``hurt``) is also a plain word, so it matches only dressed as an
    id: in brackets, quotes or backticks, in a ``<code>`` element, or after ``=``.
    """
    word = re.escape(name)
    if "_" in name:
        return re.compile(rf"(?<![\w-]){word}(?![\w-])")
    dressed = [rf"\[{word}\]", rf"\({word}\)", f"`{word}`", f'"{word}"', f"'{word}'",
               f"<code>{word}", rf"={word}\b"]
    return re.compile("|".join(dressed))


PATTERNS = [(name, id_pattern(name)) for name in ids()]


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    return data


def source(cell: dict[str, Any]) -> str:
    text = cell["source"]
    return "".join(text) if isinstance(text, list) else str(text)


def output_texts(output: dict[str, Any]) -> list[str]:
    """Return the text a learner may see in one output: stream text, plain text and HTML."""
    texts: list[str] = []
    if "text" in output:
        text = output["text"]
        texts.append("".join(text) if isinstance(text, list) else str(text))
    for mime in ("text/plain", "text/html", "text/markdown"):
        value = output.get("data", {}).get(mime)
        if value is not None:
            texts.append("".join(value) if isinstance(value, list) else str(value))
    return texts


def code_cells(name: str) -> list[tuple[int, dict[str, Any]]]:
    return [(i, c) for i, c in enumerate(load(name)["cells"]) if c["cell_type"] == "code"]


def test_the_manifest_names_the_learner_notebooks() -> None:
    names = learner_notebooks()
    assert len(names) >= 10 and "app/workshop_app.ipynb" in names
    assert not any(name.startswith("facilitator/") for name in names)
    for name in names:
        assert (NOTEBOOKS / name).is_file(), name


@pytest.mark.parametrize("name", learner_notebooks())
def test_nothing_is_printed(name: str) -> None:
    streams = [
        (index, output.get("name"))
        for index, cell in code_cells(name)
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream"
    ]
    assert not streams, f"stream output in cells {streams}: render it with a cw.show_* helper"


@pytest.mark.parametrize("name", learner_notebooks())
def test_no_code_is_visible(name: str) -> None:
    visible = [
        index
        for index, cell in code_cells(name)
        if cell.get("metadata", {}).get("jupyter", {}).get("source_hidden") is not True
    ]
    assert not visible, f"code cells {visible} need metadata.jupyter.source_hidden: true"
    hidden_outputs = [
        index
        for index, cell in code_cells(name)
        if cell.get("metadata", {}).get("jupyter", {}).get("outputs_hidden")
    ]
    assert not hidden_outputs, f"outputs must stay visible in cells {hidden_outputs}"


@pytest.mark.parametrize("name", learner_notebooks())
def test_no_installation_boilerplate(name: str) -> None:
    cells = load(name)["cells"]
    with_pip = [i for i, cell in enumerate(cells) if "%pip" in source(cell)]
    assert not with_pip, f"%pip in cells {with_pip}: the Lite site installs the course itself"
    platform_checks = [i for i, c in enumerate(cells) if "emscripten" in source(c)]
    assert not platform_checks, f"platform check in cells {platform_checks}"


@pytest.mark.parametrize("name", learner_notebooks())
def test_outputs_use_words_not_ids(name: str) -> None:
    found = []
    for index, cell in code_cells(name):
        for output in cell.get("outputs", []):
            for text in output_texts(output):
                found.extend(
                    (index, ident) for ident, pattern in PATTERNS if pattern.search(text)
                )
    assert not found, f"ids in stored outputs (cell, id): {sorted(set(found))}"


def test_the_id_check_catches_ids() -> None:
    def caught(text: str) -> bool:
        return any(pattern.search(text) for _name, pattern in PATTERNS)

    assert caught("1. Reaffirm [reaffirm]")
    assert caught("path: s2_open_own → s2_cost")
    assert caught("missteps: went_silent")
    assert not caught("The manager may feel hurt, or flattered.")
    assert not caught("Reaffirm your original feelings; give permission to weigh it.")


@pytest.mark.parametrize("name", learner_notebooks())
def test_the_notebook_says_how_to_start(name: str) -> None:
    first = source(load(name)["cells"][0])
    if name.startswith("app/"):  # Voilà runs the app page itself
        assert "How to start:" in first
    else:
        assert "**Run this notebook:** menu **Run → Run All Cells**" in first
        assert "**↑ Back to the first exercise**" in first, "say where Run All leaves you"


@pytest.mark.parametrize("name", [nb.file for nb in course().notebooks])
def test_the_end_links_back_to_the_first_exercise(name: str) -> None:
    """Run All leaves JupyterLab at the last cell: it links to the first exercise's heading.

    The link is the heading's own anchor (its text, spaces as hyphens), which JupyterLab,
    JupyterLite and nbconvert's HTML all give a Markdown heading.
    """
    cells = load(name)["cells"]
    heading = ""
    for cell in cells:
        if cell["cell_type"] == "markdown":
            heading = ([heading, *re.findall(r"^#+ (.+)", source(cell), re.M)])[-1].strip()
        elif re.search(r"^cw\.(?!show_)\w+\(", source(cell), re.M):
            break
    anchor = heading.replace(" ", "-")
    link = f"**↑ Back to the first exercise:** [{heading}](#{anchor})"
    assert heading and cells[-1]["cell_type"] == "markdown"
    assert source(cells[-1]).rstrip().endswith(link), f"end the notebook with: {link}"


@pytest.mark.parametrize("name", learner_notebooks())
def test_one_imports_cell_first(name: str) -> None:
    cells = code_cells(name)
    importing = [i for i, c in cells if re.search(r"^(from|import) ", source(c), re.M)]
    assert importing == [cells[0][0]], f"one imports cell, the first code cell: {importing}"


def test_the_lite_site_loads_the_course_with_no_cell() -> None:
    config = json.loads((NOTEBOOKS.parent / "lite" / "jupyter-lite.json").read_text("utf-8"))
    kernel = config["jupyter-config-data"]["litePluginSettings"][
        "@jupyterlite/pyodide-kernel-extension:kernel"
    ]
    assert "coursekit" in kernel["loadPyodideOptions"]["packages"]


def test_readme_course_table_follows_the_manifest() -> None:
    """The README's table of notebooks lists the manifest's notebooks, in its order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `(\d\d_\w+)` \|", readme, re.M)
    assert listed == [Path(nb.file).stem for nb in course().notebooks]
