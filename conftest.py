"""Test-wide set-up: every run and every notebook kernel gets its own empty journal."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_run_dirs: list[Path] = []
_seen_notebooks: set[str] = set()


def pytest_configure(config: pytest.Config) -> None:
    """Point the journal at a throwaway file so tests never touch the learner's home."""
    _run_dirs.append(Path(tempfile.mkdtemp(prefix="second-call-tests-")))
    os.environ["SECOND_CALL_JOURNAL"] = str(_run_dirs[0] / "journal.json")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Give each notebook's kernel a fresh journal, so notebooks run alone and in any order."""
    path = str(item.path)
    if path.endswith(".ipynb") and path not in _seen_notebooks:
        _seen_notebooks.add(path)
        fresh = Path(tempfile.mkdtemp(prefix="nb-", dir=_run_dirs[0])) / "journal.json"
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

    for folder in _run_dirs:
        shutil.rmtree(folder, ignore_errors=True)


_REAL_CLIENTS = {
    "tests/browser/": "JupyterLab and Voilà in Chromium",
    "tests/lite/": "JupyterLite in Chromium",
    "tests/hub/": "JupyterHub (configuration and the five-learner smoke test)",
}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many tests ran the course in real clients, so a run shows they were not lost."""
    counts: dict[str, dict[str, int]] = {}
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            nodeid = getattr(report, "nodeid", "")
            when = getattr(report, "when", "call")
            if when != "call" and outcome != "error":
                continue
            for prefix in _REAL_CLIENTS:
                if nodeid.startswith(prefix):
                    counts.setdefault(prefix, {}).setdefault(outcome, 0)
                    counts[prefix][outcome] += 1
    if not counts:
        return
    terminalreporter.section("course in real clients")
    for prefix, label in _REAL_CLIENTS.items():
        got = counts.get(prefix, {})
        detail = ", ".join(f"{n} {outcome}" for outcome, n in got.items()) or "none run"
        terminalreporter.write_line(f"{label} ({prefix}): {detail}")
