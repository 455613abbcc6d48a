"""Test-wide set-up: every run and every notebook kernel gets its own empty journal."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_RUN_DIR = Path(tempfile.mkdtemp(prefix="second-call-tests-"))
_seen_notebooks: set[str] = set()


def pytest_configure(config: pytest.Config) -> None:
    """Point the journal at a throwaway file so tests never touch the learner's home."""
    os.environ["SECOND_CALL_JOURNAL"] = str(_RUN_DIR / "journal.json")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Give each notebook's kernel a fresh journal, so notebooks run alone and in any order."""
    path = str(item.path)
    if path.endswith(".ipynb") and path not in _seen_notebooks:
        _seen_notebooks.add(path)
        fresh = Path(tempfile.mkdtemp(prefix="nb-", dir=_RUN_DIR)) / "journal.json"
        os.environ["SECOND_CALL_JOURNAL"] = str(fresh)


@pytest.fixture
def journal_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Return a fresh journal path, set as the default for the test."""
    path = tmp_path / "journal.json"
    monkeypatch.setenv("SECOND_CALL_JOURNAL", str(path))
    yield path


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the run's throwaway journals."""
    import shutil

    shutil.rmtree(_RUN_DIR, ignore_errors=True)
