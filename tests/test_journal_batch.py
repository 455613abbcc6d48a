"""Tests for Journal.save_many and Journal.sync (several answers in one durable save)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.errors import CourseInputError
from coursekit.journal import Journal


def test_save_many_writes_all_answers_at_once(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.json")
    journal.save("kept", "yes")
    journal.save_many({"a": 1, "b": {"c": [True, None]}})
    assert journal.answers() == {"kept": "yes", "a": 1, "b": {"c": [True, None]}}
    on_disk = json.loads((tmp_path / "j.json").read_text(encoding="utf-8"))
    assert set(on_disk["answers"]) == {"kept", "a", "b"}


def test_save_many_is_all_or_nothing(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j.json")
    journal.save("a", 1)
    with pytest.raises(CourseInputError):
        journal.save_many({"a": 2, "bad": float("nan")})
    assert journal.answers() == {"a": 1}
    with pytest.raises(CourseInputError):
        journal.save_many(["not", "a", "mapping"])  # type: ignore[arg-type]


def test_a_process_that_exits_right_after_saving_keeps_its_answer(tmp_path: Path) -> None:
    path = tmp_path / "j.json"
    code = (
        "import sys\n"
        "from coursekit.journal import Journal\n"
        "Journal(sys.argv[1]).save_many({'x': 'kept', 'y': [1, 2]})\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)
    assert Journal(path).answers() == {"x": "kept", "y": [1, 2]}
