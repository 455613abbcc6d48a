"""Layering checks that no tool makes: ruff and mypy --strict are steps of scripts/test.sh."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


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
