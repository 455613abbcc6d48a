"""Unit tests for the learner journal (coursekit.journal)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import coursekit.journal as journal_module
from coursekit.errors import CourseInputError
from coursekit.journal import (
    ENV_VAR,
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_ANSWER_CHARS,
    MAX_EXERCISE_ID_CHARS,
    Journal,
    JournalRecoveredWarning,
    default_journal_path,
)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never let a test reach the real home directory or a real journal."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "journal.json")


def read_document(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


# Where the journal lives -------------------------------------------------------------------


def test_default_path_is_in_home(tmp_path: Path) -> None:
    assert default_journal_path() == tmp_path / "home" / ".second-call" / "journal.json"


def test_env_var_chooses_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "elsewhere" / "mine.json"
    monkeypatch.setenv(ENV_VAR, str(target))
    assert default_journal_path() == target
    journal = Journal()
    assert journal.path == target.resolve()
    journal.save("reflection:a", "hi")
    assert target.exists()


def test_blank_env_var_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, "  ")
    assert default_journal_path() == tmp_path / "home" / ".second-call" / "journal.json"


def test_jupyterlite_default_is_beside_the_notebooks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "emscripten")
    monkeypatch.chdir(tmp_path)
    assert default_journal_path() == tmp_path / "second-call-journal.json"
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "set.json"))
    assert default_journal_path() == tmp_path / "set.json"


def test_jupyterlite_saves_without_a_lock_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "emscripten")
    monkeypatch.chdir(tmp_path)
    journal = Journal()
    journal.save("script", {"scenario": 1, "text": "Hello"})
    assert journal.get("script") == {"scenario": 1, "text": "Hello"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["second-call-journal.json"]


def test_relative_and_home_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert Journal("j.json").path == tmp_path / "j.json"
    assert Journal("~/j.json").path == tmp_path / "home" / "j.json"


@pytest.mark.parametrize("bad", ["", "  ", 3, b"journal.json"])
def test_bad_paths_raise_course_input_error(bad: object) -> None:
    with pytest.raises(CourseInputError) as raised:
        Journal(bad)  # type: ignore[arg-type]
    assert raised.value.field == "path"


def test_a_folder_is_not_a_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(CourseInputError, match="is a folder") as raised:
        Journal(tmp_path)
    assert raised.value.field == "path"
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    with pytest.raises(CourseInputError) as raised:
        Journal()
    assert raised.value.field == ENV_VAR


def test_creating_a_journal_or_reading_creates_no_files(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "deep" / "journal.json")
    assert journal.answers() == {}
    assert journal.get("script") is None
    assert "script" not in journal
    assert journal.reset("script") is False
    journal.reset_all()
    assert list(tmp_path.iterdir()) == []


def test_importing_has_no_side_effects(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    code = (
        "import sys, coursekit.journal, coursekit.plan; "
        "assert 'markdown' not in sys.modules, 'markdown imported eagerly'"
    )
    env = {**os.environ, "HOME": str(home)}
    env.pop(ENV_VAR, None)
    subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True)
    assert [p.name for p in tmp_path.iterdir()] == ["home"]
    assert list(home.iterdir()) == []


# Saving and reading ------------------------------------------------------------------------


def test_save_creates_folders_and_the_documented_format(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "a" / "b" / "journal.json")
    before = datetime.now(UTC)
    journal.save("situation", {"scenario": 2, "missteps": ["went_silent"]})
    document = read_document(journal.path)
    assert document["format"] == FORMAT_NAME
    assert document["version"] == FORMAT_VERSION
    entry = document["answers"]["situation"]
    assert entry["value"] == {"scenario": 2, "missteps": ["went_silent"]}
    assert entry["saved_at"].endswith("Z")
    stamp = datetime.fromisoformat(entry["saved_at"])
    assert stamp.tzinfo is not None
    assert before - timedelta(seconds=1) <= stamp <= datetime.now(UTC) + timedelta(seconds=1)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "plain",
        "line one\nline two\r\n\ttabbed",
        "<script>alert(1)</script> & [x](javascript:alert(1))",
        "שלום 👋🏽 \u200b\u200d\ufeff \u202e",
        "nul\x00byte",
        0,
        -7,
        10**30,
        3.25,
        -0.0,
        True,
        False,
        None,
        [],
        {},
        [1, "two", None, [3.5], {"k": False}],
        {"scenario": 1, "text": "x", "nested": {"list": [1, 2, {"deep": "yes"}]}},
    ],
)
def test_values_round_trip(journal: Journal, value: object) -> None:
    journal.save("exercise", value)  # type: ignore[arg-type]
    assert journal.get("exercise") == value
    assert type(journal.get("exercise")) is type(value)
    assert journal.answers() == {"exercise": value}


def test_save_replaces_and_keeps_others(journal: Journal) -> None:
    journal.save("a", "first")
    journal.save("b", 2)
    journal.save("a", "second")
    assert journal.answers() == {"a": "second", "b": 2}


def test_get_default_and_contains(journal: Journal) -> None:
    assert journal.get("missing", "fallback") == "fallback"
    journal.save("present", None)
    assert journal.get("present", "fallback") is None
    assert "present" in journal
    assert "missing" not in journal
    assert 42 not in journal
    assert "" not in journal


def test_answers_are_read_fresh_from_disk(tmp_path: Path) -> None:
    first = Journal(tmp_path / "journal.json")
    second = Journal(tmp_path / "journal.json")
    first.save("reflection:one", "from the first kernel")
    assert second.answers() == {"reflection:one": "from the first kernel"}
    second.save("reflection:two", "from the second kernel")
    assert first.get("reflection:two") == "from the second kernel"
    assert set(first.answers()) == {"reflection:one", "reflection:two"}


def test_returned_answers_are_copies(journal: Journal) -> None:
    journal.save("replies", {"filled": "ok"})
    answers = journal.answers()
    answers["replies"]["filled"] = "changed"  # type: ignore[index]
    assert journal.get("replies") == {"filled": "ok"}


def test_reset_and_reset_all(journal: Journal) -> None:
    journal.save("a", 1)
    journal.save("b", 2)
    assert journal.reset("a") is True
    assert journal.reset("a") is False
    assert journal.answers() == {"b": 2}
    journal.reset_all()
    assert journal.answers() == {}
    assert read_document(journal.path)["answers"] == {}


def test_exercise_id_at_the_limit(journal: Journal) -> None:
    long_id = "x" * MAX_EXERCISE_ID_CHARS
    journal.save(long_id, 1)
    assert journal.get(long_id) == 1


def test_answer_size_limit_is_on_the_serialised_answer(journal: Journal) -> None:
    just_fits = "a" * (MAX_ANSWER_CHARS - 2)  # plus two quote marks
    journal.save("big", just_fits)
    assert journal.get("big") == just_fits
    with pytest.raises(CourseInputError) as raised:
        journal.save("big", just_fits + "a")
    assert raised.value.field == "value"
    assert journal.get("big") == just_fits


def test_many_threads_sharing_one_journal(journal: Journal) -> None:
    def work(worker: int) -> None:
        for number in range(25):
            journal.save(f"t{worker}-{number}", number)

    threads = [threading.Thread(target=work, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(journal.answers()) == 100


def test_journal_file_is_private_and_no_temp_files_remain(journal: Journal) -> None:
    journal.save("a", "b")
    if os.name == "posix":
        assert journal.path.stat().st_mode & 0o077 == 0
    names = {p.name for p in journal.path.parent.iterdir()}
    assert names <= {"journal.json", "journal.json.lock"}


def test_stale_temp_files_from_a_killed_save_are_swept(tmp_path: Path) -> None:
    stale = tmp_path / ".journal.json.tmp-abc123_z"
    stale.write_text("half a journal", encoding="utf-8")
    lookalikes = {
        ".journal.json.tmp-keepme": "not ours (wrong length)",
        ".other.json.tmp-abc123_z": "another journal's temp",
        ".journal.json.bak.tmp-abc123_z": "a different file name",
        "journal.json.tmp-abc123_z": "no leading dot",
    }
    for name, text in lookalikes.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    Journal(tmp_path / "journal.json").save("a", 1)
    assert not stale.exists()
    for name, text in lookalikes.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == text


# Bad input ---------------------------------------------------------------------------------


class _Thing:
    pass


@pytest.mark.parametrize(
    "exercise_id",
    [None, 3, b"bytes", "", "x" * (MAX_EXERCISE_ID_CHARS + 1), "lone \ud800 surrogate"],
)
def test_bad_exercise_ids(journal: Journal, exercise_id: object) -> None:
    for call in (
        lambda: journal.save(exercise_id, 1),  # type: ignore[arg-type]
        lambda: journal.get(exercise_id),  # type: ignore[arg-type]
        lambda: journal.reset(exercise_id),  # type: ignore[arg-type]
    ):
        with pytest.raises(CourseInputError) as raised:
            call()
        assert raised.value.field == "exercise_id"
    assert not journal.path.exists()


def _circular() -> list[object]:
    loop: list[object] = []
    loop.append(loop)
    return loop


def _deep(levels: int) -> object:
    value: object = "bottom"
    for _ in range(levels):
        value = [value]
    return value


@pytest.mark.parametrize(
    "value",
    [
        float("nan"),
        float("inf"),
        float("-inf"),
        {"score": float("nan")},
        [1, [2, [float("inf")]]],
        {1: "int key"},
        {"ok": {None: "None key"}},
        (1, 2),
        {1, 2},
        b"bytes",
        _Thing(),
        datetime.now(UTC),
        "lone \udc80 surrogate",
        {"key \ud800": 1},
        10**5000,
        _circular(),
        _deep(1000),
    ],
    ids=lambda value: type(value).__name__,
)
def test_bad_values_raise_course_input_error(journal: Journal, value: object) -> None:
    journal.save("keep", "me")
    before = journal.path.read_bytes()
    with pytest.raises(CourseInputError) as raised:
        journal.save("bad", value)  # type: ignore[arg-type]
    assert raised.value.field == "value"
    assert journal.path.read_bytes() == before


def test_error_message_says_where_the_problem_is(journal: Journal) -> None:
    with pytest.raises(CourseInputError, match=r"\['review'\]\['moves'\]\[1\]"):
        journal.save("draft", {"review": {"moves": [1, float("nan")]}})


# Damaged and foreign files -----------------------------------------------------------------


def _recover(journal: Journal) -> list[warnings.WarningMessage]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert journal.answers() == {}
    return [w for w in caught if issubclass(w.category, JournalRecoveredWarning)]


def _asides(folder: Path) -> list[Path]:
    return sorted(folder.glob("journal.corrupt-*.json"))


def test_recovery_warning_is_a_user_warning() -> None:
    assert issubclass(JournalRecoveredWarning, UserWarning)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b'{"format": "second-call-journal", "version": 1, "answ', "cut short"),
        (b"not json at all", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not readable text"),
        (
            b'{"format": "second-call-journal", "version": 1, "answers": {"a": {"value": NaN, '
            b'"saved_at": "x"}}}',
            "not valid JSON",
        ),
        (b"[1, 2, 3]", "not a Second Call journal"),
        (b'{"format": "someone-else", "version": 1, "answers": {}}', "not a Second Call"),
        (b'{"format": "second-call-journal", "version": true, "answers": {}}', "version"),
        (b'{"format": "second-call-journal", "version": 0, "answers": {}}', "version"),
        (b'{"format": "second-call-journal", "version": 1, "answers": []}', "answers"),
        (b'{"format": "second-call-journal", "version": 1, "answers": {"a": 1}}', "shape"),
        (
            b'{"format": "second-call-journal", "version": 1, "answers": {"a": {"value": 1}}}',
            "shape",
        ),
    ],
)
def test_bad_files_are_moved_aside(tmp_path: Path, content: bytes, words: str) -> None:
    journal = Journal(tmp_path / "journal.json")
    journal.path.write_bytes(content)
    recovered = _recover(journal)
    asides = _asides(tmp_path)
    assert len(asides) == 1
    assert asides[0].read_bytes() == content
    assert not journal.path.exists()
    assert len(journal.messages) == 1
    assert words in journal.messages[0]
    assert str(asides[0]) in journal.messages[0]
    assert [str(w.message) for w in recovered] == journal.messages
    journal.save("fresh", True)
    assert journal.answers() == {"fresh": True}


def test_newer_version_is_moved_aside_with_its_own_message(journal: Journal) -> None:
    content = b'{"format": "second-call-journal", "version": 7, "answers": {}}'
    journal.path.write_bytes(content)
    with pytest.warns(JournalRecoveredWarning, match="newer version"):
        journal.save("a", 1)
    assert "journal version 7" in journal.messages[0]
    assert _asides(journal.path.parent)[0].read_bytes() == content
    assert journal.answers() == {"a": 1}


def test_unknown_extra_keys_are_tolerated(journal: Journal) -> None:
    journal.path.write_text(
        json.dumps(
            {
                "format": FORMAT_NAME,
                "version": 1,
                "note": "extra",
                "answers": {"a": {"value": [1], "saved_at": "not a date", "extra": 1}},
            }
        ),
        encoding="utf-8",
    )
    assert journal.get("a") == [1]
    assert journal.messages == []


def test_recovery_never_overwrites_an_earlier_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class FrozenClock(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> FrozenClock:
            return cls(2026, 1, 2, 3, 4, 5, tzinfo=UTC)

    monkeypatch.setattr(journal_module, "datetime", FrozenClock)
    journal = Journal(tmp_path / "journal.json")
    taken = tmp_path / "journal.corrupt-20260102T030405Z.json"
    taken.write_text("an earlier aside", encoding="utf-8")
    for attempt in range(3):
        journal.path.write_text(f"broken {attempt}", encoding="utf-8")
        with pytest.warns(JournalRecoveredWarning):
            journal.answers()
    assert taken.read_text(encoding="utf-8") == "an earlier aside"
    for number in (1, 2, 3):
        aside = tmp_path / f"journal.corrupt-20260102T030405Z-{number}.json"
        assert aside.read_text(encoding="utf-8") == f"broken {number - 1}"


def test_reset_all_moves_a_damaged_file_aside_rather_than_overwriting(journal: Journal) -> None:
    journal.path.write_text("{oops", encoding="utf-8")
    with pytest.warns(JournalRecoveredWarning):
        journal.reset_all()
    assert _asides(journal.path.parent)[0].read_text(encoding="utf-8") == "{oops"


def test_contains_recovers_too(journal: Journal) -> None:
    journal.path.write_text("[]", encoding="utf-8")
    with pytest.warns(JournalRecoveredWarning):
        assert "a" not in journal
    assert len(journal.messages) == 1


def test_repr_mentions_the_path(journal: Journal) -> None:
    assert str(journal.path) in repr(journal)


def test_the_browser_never_imports_filelock(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "sys.platform = 'emscripten'\n"
        "from coursekit import widgets\n"
        "from coursekit.journal import Journal\n"
        "Journal('j.json').save('script', {'scenario': 1, 'text': 'Hello'})\n"
        "print('filelock' in sys.modules, Journal('j.json').get('script')['text'])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True, cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)})
    assert result.stdout.split() == ["False", "Hello"]
