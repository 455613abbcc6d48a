"""Checks on the notebooks themselves: the expected set exists, nbval collects all of them, and
each follows the course skeleton. nbval itself runs the notebooks and compares their outputs."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from content_names import COURSE_NOTEBOOKS, QUIZZES

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXPECTED = {*COURSE_NOTEBOOKS, "app/workshop_app.ipynb"}


def on_disk() -> set[str]:
    return {
        p.relative_to(NOTEBOOKS).as_posix()
        for p in NOTEBOOKS.rglob("*.ipynb")
        if ".ipynb_checkpoints" not in p.parts
    }


def course_notebooks() -> list[Path]:
    return sorted(NOTEBOOKS / name for name in EXPECTED if not name.startswith("app/"))


def load(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(path.read_text(encoding="utf-8"))


def source(cell: dict) -> str:  # type: ignore[type-arg]
    text = cell["source"]
    return "".join(text) if isinstance(text, list) else text


def test_the_course_notebooks_exist() -> None:
    assert on_disk() == EXPECTED


def test_nbval_collects_exactly_the_notebooks_on_disk() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "notebooks"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    collected = {
        line.split("::")[0].removeprefix("notebooks/")
        for line in result.stdout.splitlines()
        if ".ipynb::" in line
    }
    assert collected == on_disk()


@pytest.mark.parametrize("path", course_notebooks(), ids=lambda p: p.name)
def test_notebook_follows_the_skeleton(path: Path) -> None:
    nb = load(path)
    cells = nb["cells"]
    first = source(cells[0])
    assert first.startswith("# "), "a title first"
    assert "What you'll learn" in first
    minutes = nb["metadata"]["second_call"]["minutes"]
    if path.name[0].isdigit():
        assert 10 <= minutes <= 20
        assert re.search(rf"Time needed:\**\s*about {minutes} minutes", first), "time estimate"
    markdown = "\n".join(source(c) for c in cells if c["cell_type"] == "markdown")
    assert markdown.count("Changing Your Mind about a Job Offer") >= 1
    assert "Joseph Grenny" in markdown and "Crucial Learning" in markdown
    assert "## Key points" in markdown and "## What's next" in markdown
    code_cells = [c for c in cells if c["cell_type"] == "code"]
    import_cells = [c for c in code_cells if re.search(r"^(from|import) ", source(c), re.M)]
    assert len(import_cells) == 1, "one imports cell"
    for cell in code_cells:
        text = source(cell)
        tree = ast.parse(text.replace("%pip", "pass  #"))
        banned = (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef, ast.Lambda)
        assert not any(isinstance(node, banned) for node in ast.walk(tree)), "no logic"
        assert cell["execution_count"] is not None, "stored with outputs of a clean run"
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error"
            assert "Traceback" not in json.dumps(output)
    assert "widgets" not in nb["metadata"], "widget state is not stored"


@pytest.mark.parametrize("path", course_notebooks(), ids=lambda p: p.name)
def test_every_widget_has_a_static_fallback(path: Path) -> None:
    cells = load(path)["cells"]
    for index, cell in enumerate(cells):
        # a widget (cw.quiz, cw.roleplay, ...), not a rendered teaching surface (cw.show_*)
        if cell["cell_type"] == "code" and re.search(r"^cw\.(?!show_)\w+\(", source(cell), re.M):
            following = source(cells[index + 1]) if index + 1 < len(cells) else ""
            assert "<details>" in following, f"cell {index} needs a details block after it"
            match = re.search(r"cw\.quiz\(\"(\w+)\"\)", source(cell))
            if match:
                for question in QUIZZES[match.group(1)].questions:
                    assert question.prompt in following


@pytest.mark.parametrize("path", course_notebooks(), ids=lambda p: p.name)
def test_numbered_notebooks_have_a_knowledge_check(path: Path) -> None:
    if not path.name[0].isdigit():
        assert "key_text" in json.dumps(load(path)) or "answer_keys" in json.dumps(load(path))
        return
    text = "\n".join(source(c) for c in load(path)["cells"])
    assert "## Knowledge check" in text and 'cw.quiz("' in text
