"""Fault tests for the journal: killed writers, racing kernels, damaged files, odd text."""

from __future__ import annotations

import multiprocessing
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from _journal_writer import save_until_killed
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coursekit.journal import ENV_VAR, Journal, JournalRecoveredWarning
from coursekit.plan import plan_html

REPO_ROOT = Path(__file__).resolve().parent.parent
WRITER = Path(__file__).resolve().with_name("_journal_writer.py")
KILLS = 200
KILL_WORKERS = 2

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv(ENV_VAR, raising=False)


def _child_env(home: Path) -> dict[str, str]:
    env = {**os.environ, "HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop(ENV_VAR, None)
    paths = [str(REPO_ROOT), str(WRITER.parent), env.get("PYTHONPATH")]
    env["PYTHONPATH"] = os.pathsep.join(filter(None, paths))
    return env


def _spawn(journal: Path, prefix: str, count: int) -> subprocess.Popen[bytes]:
    """Start a writer process that saves once it reads a line on stdin."""
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(journal), prefix, str(count), "--wait"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO_ROOT,
        env=_child_env(journal.parent / "home"),
    )


def _wait_ready(child: subprocess.Popen[bytes]) -> None:
    assert child.stdout is not None
    line = child.stdout.readline()
    if line != b"ready\n":
        _, err = child.communicate(timeout=30)
        raise AssertionError(f"writer did not start: {line!r} {err.decode(errors='replace')}")


#: Held while a writer starts or is reaped: ``Process.start()`` polls every child, and a join in
#: another thread reading the same exit status at that moment makes one of them see 255.
_CHILDREN = threading.Lock()


def _fork_writer(journal: Path, prefix: str) -> tuple[multiprocessing.Process, Path]:
    """Start a writer forked from a server that imported the journal; return it and its report."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["_journal_writer"])
    report, ready = journal.with_name(f"returned-{prefix}.txt"), context.Event()
    args = (str(journal), prefix, str(report), ready)
    child = context.Process(target=save_until_killed, args=args)
    with _CHILDREN:
        child.start()
    assert ready.wait(60), f"writer {prefix} did not start (exit code {child.exitcode})"
    return child, report


def _complete_lines(output: bytes) -> list[str]:
    """Ids whose save returned: every line that was printed in full before the kill."""
    return [line.decode() for line in output.split(b"\n")[:-1]]


def _wait_for_a_line(report: Path, timeout: float = 60) -> None:
    """Wait until a writer reported one save that returned (or ``timeout`` seconds passed)."""
    deadline = time.monotonic() + timeout
    while b"\n" not in report.read_bytes() and time.monotonic() < deadline:
        time.sleep(0.005)


def _load_strictly(path: Path) -> dict[str, Any]:
    """Load the journal and fail if it needed any recovery."""
    journal = Journal(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error", JournalRecoveredWarning)
        answers = journal.answers()
    assert journal.messages == []
    return answers


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".corrupt-" in p.name or ".tmp-" in p.name)


# Killed writers ----------------------------------------------------------------------------


@posix_only
@pytest.mark.timeout(400)  # 200 writer processes: a hang guard, generous for a loaded machine
def test_writers_killed_mid_save_lose_nothing_that_returned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The fork server starts from this environment; without tests/ on its path it cannot
    # preload the writer, and each of the 200 writers would import it (and coursekit) itself.
    monkeypatch.setenv("PYTHONPATH", _child_env(tmp_path)["PYTHONPATH"])
    path = tmp_path / "journal.json"
    returned: list[str] = []
    problems: list[str] = []
    kills = [0]
    lock = threading.Lock()

    def worker(number: int) -> None:
        rng = random.Random(1000 + number)
        for round_number in range(KILLS // KILL_WORKERS):
            child, report = _fork_writer(path, f"w{number}r{round_number}")
            if round_number % 2:  # every other writer first sees a save return, however slow
                _wait_for_a_line(report)
            time.sleep(rng.uniform(0.0, 0.06))
            assert child.pid is not None
            os.kill(child.pid, signal.SIGKILL)
            with _CHILDREN:
                child.join(timeout=60)
                exitcode = child.exitcode
            with lock:
                returned.extend(_complete_lines(report.read_bytes()))
                report.unlink()
                if exitcode == -signal.SIGKILL:
                    kills[0] += 1
                else:
                    problems.append(f"writer {child.name} exited {exitcode}")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(KILL_WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert problems == []
    assert kills[0] == KILLS
    assert len(returned) >= KILLS // 2  # half the writers waited for a save to return
    answers = _load_strictly(path)
    missing = [exercise_id for exercise_id in returned if exercise_id not in answers]
    assert missing == []
    for exercise_id in returned:
        prefix, number = exercise_id.rsplit("-", 1)
        assert answers[exercise_id] == {
            "n": int(number),
            "text": f"answer {number} from {prefix}",
        }
    assert not any(".corrupt-" in name for name in _leftovers(tmp_path))
    Journal(path).save("after", "the storm")  # the next save sweeps temp files of killed saves
    assert _leftovers(tmp_path) == []


@pytest.fixture
def fast_folder(tmp_path: Path) -> Iterator[Path]:
    """Yield a folder in memory where the system has one (Linux's /dev/shm), else ``tmp_path``.

    For a test of the lock, not of durability (``test_journal_durable`` checks every save's
    fsync order): on a RAM disk the thousands of fsyncs cost nothing, so two racing writers
    take seconds instead of most of a minute, with the same code and the same lock.
    """
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="journal-race-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_two_processes_saving_at_once_lose_nothing(fast_folder: Path) -> None:
    path = fast_folder / "journal.json"
    children = [_spawn(path, prefix, 1000) for prefix in ("kernel_a", "kernel_b")]
    for child in children:
        _wait_ready(child)
    for child in children:  # release both at once
        assert child.stdin is not None
        child.stdin.write(b"go\n")
        child.stdin.flush()
    for child in children:
        _, err = child.communicate(timeout=120)
        assert child.returncode == 0, err.decode(errors="replace")
    answers = _load_strictly(path)
    expected = {f"{prefix}-{n}" for prefix in ("kernel_a", "kernel_b") for n in range(1000)}
    assert set(answers) == expected
    assert answers["kernel_b-999"] == {"n": 999, "text": "answer 999 from kernel_b"}
    assert _leftovers(fast_folder) == []


# Damaged files -----------------------------------------------------------------------------


def _good_journal_bytes(tmp_path: Path) -> bytes:
    scratch = Journal(tmp_path / "scratch" / "journal.json")
    scratch.save("script", {"scenario": 1, "text": "Hello, I was wondering..."})
    scratch.save("reflection:why_now", "It ends the regret.")
    return scratch.path.read_bytes()


BAD_FILES: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda good: good[: len(good) // 2],
    "truncated-to-one-byte": lambda good: good[:1],
    "not-json": lambda good: b"Dear diary, I should have said yes.\n",
    "binary": lambda good: bytes(range(256)),
    "empty": lambda good: b"",
    "whitespace": lambda good: b"  \n\t ",
    "a-list": lambda good: b'[{"format": "second-call-journal"}]',
    "other-format": lambda good: good.replace(b"second-call-journal", b"someone-elses-notes"),
    "answers-wrong-shape": lambda good: (
        b'{"format": "second-call-journal", "version": 1, "answers": {"script": "bare"}}'
    ),
    "no-answers": lambda good: b'{"format": "second-call-journal", "version": 1}',
}


def _snapshot(folder: Path, skip: set[str]) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in skip
    }


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_damaged_file_is_moved_aside_and_nothing_else_is_touched(tmp_path: Path, kind: str) -> None:
    bad = BAD_FILES[kind](_good_journal_bytes(tmp_path))
    folder = tmp_path / "course"
    (folder / "sub").mkdir(parents=True)
    others = {
        "notes.txt": b"my own notes\n",
        "journal.json.bak": b"a backup the learner made",
        "journal.corrupt-by-hand.json": b"{not ours}",
        ".journal.json.tmp-mine": b"not one of our temp names",
        "other-journal.json": _good_journal_bytes(tmp_path / "x"),
        "sub/inner.txt": b"nested",
    }
    for name, content in others.items():
        (folder / name).write_bytes(content)
    path = folder / "journal.json"
    path.write_bytes(bad)
    before = _snapshot(folder, skip={"journal.json"})

    journal = Journal(path)
    with pytest.warns(JournalRecoveredWarning) as caught:
        assert journal.answers() == {}
    assert len(journal.messages) == 1
    assert str(caught[0].message) == journal.messages[0]
    asides = sorted(folder.glob("journal.corrupt-2*.json"))
    assert len(asides) == 1
    assert asides[0].read_bytes() == bad
    assert asides[0].name in journal.messages[0]
    assert "fresh journal" in journal.messages[0]

    journal.save("situation", {"scenario": 1})
    assert _load_strictly(path) == {"situation": {"scenario": 1}}
    after = _snapshot(folder, skip={"journal.json", "journal.json.lock", asides[0].name})
    assert after == before
    assert len(journal.messages) == 1  # the fresh journal needed no further recovery


# Property tests ----------------------------------------------------------------------------

SPECIAL_TEXTS = [
    "",
    "x" * 100_000,
    "مرحبا بالعالم — שלום עולם",
    "👩🏽‍💻🏳️‍🌈 👋🏿",
    "zero\u200bwidth\u200c\u200d\u2060\ufeff",
    "\u202eRTL override\u202c and \u2066isolate\u2069",
    "nul\x00 and \x01\x1f\x7f controls",
    "<script>alert(1)</script><img src=x onerror=alert(1)>[x](javascript:alert(1))",
    "line\r\nbreaks\rand\n\nmore\u2028\u2029",
]


@pytest.fixture(scope="module")
def shared_journal(tmp_path_factory: pytest.TempPathFactory) -> Journal:
    return Journal(tmp_path_factory.mktemp("property") / "journal.json")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text())
@example(text=SPECIAL_TEXTS[0])
@example(text=SPECIAL_TEXTS[1])
@example(text=SPECIAL_TEXTS[2])
@example(text=SPECIAL_TEXTS[3])
@example(text=SPECIAL_TEXTS[4])
@example(text=SPECIAL_TEXTS[5])
@example(text=SPECIAL_TEXTS[6])
@example(text=SPECIAL_TEXTS[7])
@example(text=SPECIAL_TEXTS[8])
def test_any_text_round_trips_exactly(shared_journal: Journal, text: str) -> None:
    shared_journal.save("reflection:any", text)
    shared_journal.save(f"id:{text[:100]}" if text else "id:empty", [text, {"t": text}])
    assert shared_journal.get("reflection:any") == text
    assert shared_journal.get(f"id:{text[:100]}" if text else "id:empty") == [text, {"t": text}]


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**50), max_value=10**50)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=20,
)


@settings(max_examples=100, deadline=None)
@given(value=json_values)
def test_any_json_value_round_trips(shared_journal: Journal, value: Any) -> None:
    shared_journal.save("quiz:any", value)
    assert shared_journal.get("quiz:any") == value


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main",
    "h1", "h2", "h3", "p", "ul", "li", "blockquote", "br", "strong", "em", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"html": {"lang"}, "meta": {"charset", "name", "content"}}
_CONTROL = {chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.other: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._hidden += tag in ("style", "title", "script")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("style", "title", "script")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.other.append(data)

    def handle_pi(self, data: str) -> None:
        self.other.append(data)


def _squash(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch not in _CONTROL)


markup_text = st.lists(
    st.one_of(
        st.text(max_size=20),
        st.sampled_from(list("<>&;#*_[](){}`!=-+~\\|:/\"'.1 \n\t")),
        st.sampled_from(
            [
                "<script>",
                "</script>",
                "<img src=x onerror=alert(1)>",
                "javascript:",
                "[x](",
                "![",
                "&lt;",
                "&#60;",
                "<!--",
                "-->",
                "    ",
                "\n\n",
                "1. ",
                "\x02",
                "\x03",
            ]
        ),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=markup_text)
@example(text=SPECIAL_TEXTS[7])
@example(text="<a href='javascript:alert(1)'>x</a>\n<iframe src=//x>\n<!-- c -->")
def test_plan_html_never_contains_live_markup_from_learner_text(text: str) -> None:
    answers: dict[str, Any] = {
        "situation": {"scenario": 2, "missteps": [text], "reasons": [text], "moves": [text]},
        "script": {"scenario": 1, "text": text},
        "replies": {"filled": text, "open_wary": text, text or "x": text},
        "draft": {
            "scenario": 1,
            "text": text,
            "review": {"moves": [{"id": text, "covered": False, "evidence": text, "tip": text}]},
        },
        f"reflection:{text}": text,
        f"quiz:{text}": {"score": 1, "out_of": 2},
        f"roleplay:{text}": {"ending": text, "path": [text, text]},
    }
    page = plan_html(answers)
    reader = _Page()
    reader.feed(page)
    reader.close()
    assert reader.other == []
    for tag, attrs in reader.tags:
        assert tag in ALLOWED_TAGS, f"learner text produced <{tag}>"
        assert set(attrs) <= ALLOWED_ATTRIBUTES.get(tag, set()), f"{attrs} on <{tag}>"
    assert [tag for tag, _ in reader.tags].count("style") == 1
    assert _squash(text) in _squash("".join(reader.text))
