"""Static checks run as part of the suite: strict typing and lint."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def test_mypy_strict_is_clean() -> None:
    result = subprocess.run(
        [_tool("mypy"), "--strict", "coursekit"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [_tool("ruff"), "check", "coursekit", "tests", "benchmarks", "scripts", "lite", "deploy"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_logic_modules_never_import_widgets() -> None:
    offenders = []
    for path in sorted((ROOT / "coursekit").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        for banned in ("import ipywidgets", "from ipywidgets", "import IPython", "from IPython"):
            if banned in text:
                offenders.append(f"{path.name}: {banned}")
    assert offenders == []


def test_import_coursekit_stays_light() -> None:
    code = (
        "import sys, coursekit\n"
        "heavy = [m for m in ('ipywidgets', 'IPython') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == ""
