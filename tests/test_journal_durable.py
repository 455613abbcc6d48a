"""A returned save is durable: temp file flushed, renamed over the journal, folder flushed.

Two proofs of the order: one records the calls the journal makes through ``os`` (fast, any
POSIX system), one traces the real system calls of a separate process with ``strace``.
Also: neither importing nor using the journal starts a thread.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.journal import Journal

REPO_ROOT = Path(__file__).resolve().parent.parent
MARKER = "SAVED-AND-RETURNED"
posix_only = pytest.mark.skipif(os.name != "posix", reason="folders are flushed on POSIX only")


def _child_env(tmp_path: Path) -> dict[str, str]:
    env = {**os.environ, "HOME": str(tmp_path / "home"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("SECOND_CALL_JOURNAL", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


@posix_only
def test_save_flushes_the_temp_file_then_renames_then_flushes_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal(tmp_path / "journal.json")
    journal.save("warm-up", 1)  # the lock file and the first version exist already
    calls: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        calls.append(("fsync", os.readlink(f"/proc/self/fd/{fd}") if _proc() else str(fd)))
        real_fsync(fd)

    def replace(source: str, target: str | os.PathLike[str]) -> None:
        calls.append(("replace", f"{os.fspath(source)} -> {os.fspath(target)}"))
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    journal.save("reflection:why_now", "It ends the regret.")
    monkeypatch.undo()

    assert [name for name, _ in calls] == ["fsync", "replace", "fsync"]
    temp = re.escape(str(tmp_path / ".journal.json.tmp-"))
    if _proc():
        assert re.fullmatch(temp + r"\w{8}", calls[0][1])
        assert calls[2][1] == str(tmp_path)
    assert re.fullmatch(
        temp + r"\w{8} -> " + re.escape(str(tmp_path / "journal.json")), calls[1][1]
    )
    assert journal.answers() == {"warm-up": 1, "reflection:why_now": "It ends the regret."}


def _proc() -> bool:
    return Path("/proc/self/fd").is_dir()


_SYSCALL = re.compile(r"^\d+\s+(?P<name>\w+)\((?P<args>.*)\)\s+=\s+(?P<result>-?\d+)")


@pytest.mark.skipif(sys.platform != "linux", reason="strace is Linux only")
def test_strace_shows_the_save_durable_before_the_program_goes_on(tmp_path: Path) -> None:
    """Trace a process that saves one answer and prints: all three steps come before the print."""
    strace = shutil.which("strace")
    assert strace, "this test needs strace (apt-get install -y strace)"
    folder = tmp_path / "j"
    script = (
        "import sys\n"
        "from coursekit.journal import Journal\n"
        "Journal(sys.argv[1]).save('reflection:why_now', 'It ends the regret.')\n"
        f"print({MARKER!r}, flush=True)\n"
    )
    trace = tmp_path / "trace.txt"
    subprocess.run(
        [strace, "-f", "-y", "-s", "64", "-o", str(trace),
         "-e", "trace=fsync,fdatasync,rename,renameat,renameat2,openat,write",
         sys.executable, "-c", script, str(folder / "journal.json")],
        env=_child_env(tmp_path), check=True, timeout=120, capture_output=True,
    )  # fmt: skip
    events = []
    for line in trace.read_text(encoding="utf-8").splitlines():
        match = _SYSCALL.match(line)
        if match and int(match["result"]) >= 0:
            events.append((match["name"], match["args"]))
    temp = re.escape(str(folder / ".journal.json.tmp-")) + r"\w{8}"

    def first(name: str, pattern: str) -> int:
        for index, (event, args) in enumerate(events):
            if event == name and re.search(pattern, args):
                return index
        raise AssertionError(
            f"no {name} matching {pattern} in the trace:\n"
            + "\n".join(f"{event}({args})" for event, args in events[-30:])
        )

    wrote_temp = first("write", r"^\d+<" + temp + ">")
    synced_temp = first("fsync", r"^\d+<" + temp + ">$")
    renamed = next(
        index
        for index, (event, args) in enumerate(events)
        if event.startswith("rename")
        and re.search(temp + r'", .*"' + re.escape(str(folder / "journal.json")) + '"', args)
    )
    synced_folder = first("fsync", r"^\d+<" + re.escape(str(folder)) + ">$")
    printed = first("write", r"^1<.*" + MARKER)
    assert wrote_temp < synced_temp < renamed < synced_folder < printed
    assert Journal(folder / "journal.json").get("reflection:why_now") == "It ends the regret."


def test_importing_or_using_the_journal_starts_no_thread(tmp_path: Path) -> None:
    code = (
        "import os, sys, threading\n"
        "import coursekit, coursekit.journal\n"
        "journal = coursekit.Journal(sys.argv[1])\n"
        "journal.save('a', 1); journal.save_many({'b': 2}); journal.answers()\n"
        "journal.reset('a'); journal.reset_all()\n"
        "tasks = len(os.listdir('/proc/self/task')) if os.path.isdir('/proc/self/task') else 1\n"
        "print(threading.active_count(), tasks)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "journal.json")],
        env=_child_env(tmp_path),
        check=True,
        timeout=60,
        capture_output=True,
        text=True,
    )
    assert done.stdout.split() == ["1", "1"]
