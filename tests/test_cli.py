"""Tests for the coursekit command line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HOSTILE_DRAFT = "<script>alert(1)</script> I loved the role [x](javascript:alert(1))"


def run(
    *args: str, stdin: str | bytes = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "coursekit", *args],
        input=data,
        capture_output=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_issue_example_classifies_silence_as_scenario_2() -> None:
    situation = {
        "missteps": ["went_silent"],
        "time_since_days": 30,
        "role_status": "unknown",
        "channel": "phone",
    }
    result = run("classify", stdin=json.dumps(situation))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["scenario"] == 2
    assert data["moves"][0] == "own_misstep"
    assert "insulted" in data["reactions"]
    assert set(data) >= {"scenario", "missteps", "reactions", "moves", "reasons"}


def test_console_script_is_installed() -> None:
    exe = Path(sys.executable).with_name("coursekit")
    result = subprocess.run(
        [str(exe), "classify"], input=b"{}", capture_output=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["scenario"] == 1


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_script_formats(fmt: str) -> None:
    inputs = {"scenario": 2, "manager_name": "Sam", "what_drew_you": "<b>the team</b>"}
    result = run("script", "--format", fmt, stdin=json.dumps(inputs))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "Sam" in out
    assert "<b>" not in out if fmt != "text" else "<b>the team</b>" in out


def test_review_reads_a_file_and_stdin(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "I was really excited about the role on your team. I've changed my mind because I "
        "realised fear held me back. If the position is filled, I understand.",
        encoding="utf-8",
    )
    from_file = run("review", "--scenario", "1", str(draft))
    from_stdin = run("review", "--scenario", "1", "-", stdin=draft.read_bytes())
    assert from_file.returncode == 0, from_file.stderr
    assert from_file.stdout == from_stdin.stdout
    data = json.loads(from_file.stdout)
    assert [m["id"] for m in data["moves"]] == ["reaffirm", "explain_change", "easy_out"]
    assert {"id", "covered", "evidence", "tip"} <= set(data["moves"][0])
    assert isinstance(data["order_ok"], bool)


def test_export_writes_the_plan(tmp_path: Path) -> None:
    journal = tmp_path / "journal.json"
    env = {"SECOND_CALL_JOURNAL": str(journal)}
    md = run("export", env=env)
    assert md.returncode == 0, md.stderr
    assert "plan" in md.stdout.decode().lower()
    page = run("export", "--format", "html", "--journal", str(journal))
    assert page.returncode == 0, page.stderr
    assert page.stdout.decode().lstrip().lower().startswith("<!doctype html>")


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (("classify",), "{not json"),
        (("classify",), ""),
        (("classify",), "[1, 2]"),
        (("classify",), '{"missteps": ["went_silent", "delayed_reply"]}'),
        (("classify",), '{"missteps": ["fell_asleep"]}'),
        (("classify",), '{"time_since_days": -3}'),
        (("classify",), '{"time_since_days": "ten"}'),
        (("classify",), '{"role_status": "gone"}'),
        (("classify",), '{"channel": "pigeon"}'),
        (("classify",), '{"time_since_days": NaN}'),
        (("classify",), "[" * 100_000),
        (("classify",), b"\xff\xfe\x00garbage"),
        (("script",), '{"scenario": 7}'),
        (("script",), '{"what_drew_you": ["a list"]}'),
        (("script",), json.dumps({"why_declined": "x" * 100_000})),
        (("script", "--format", "pdf"), "{}"),
        (("review", "--scenario", "3", "-"), "text"),
        (("review", "--scenario", "one", "-"), "text"),
        (("review", "--scenario", "1", "/no/such/file.txt"), ""),
        (("review", "--scenario", "1", "-"), b"\xc3\x28"),
        (("frobnicate",), ""),
        ((), ""),
    ],
)
def test_bad_input_exits_2_with_one_line(
    args: tuple[str, ...],
    stdin: str | bytes,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """In process (a subprocess each would cost a second): an escaping exception fails it."""
    from coursekit.cli import main

    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(list(args)) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("coursekit: ")
    assert len(err.strip().splitlines()) == 1


def test_bad_input_exits_2_as_a_program_too() -> None:
    result = run("classify", stdin="{not json")
    assert result.returncode == 2, (result.stdout, result.stderr)
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert err.startswith("coursekit: ")
    assert len(err.strip().splitlines()) == 1


def test_in_process_main_reports_field(capsys: pytest.CaptureFixture[str]) -> None:
    from coursekit.cli import main

    assert main(["review", "--scenario", "1", "/no/such/file"]) == 2
    assert "FILE" in capsys.readouterr().err
