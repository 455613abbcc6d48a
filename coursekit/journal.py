"""The learner's journal: saved answers in one JSON file, written safely and shared by kernels.

A save takes a file lock, re-reads the file, applies the change and atomically replaces the
file, so two kernels (or a kernel killed mid-save) never lose an answer whose save returned. A
save is durable when it returns: a temporary file is flushed to disk (fsync), renamed over the
journal, and the journal's folder is flushed, so a power cut keeps the old journal or the new
one. A damaged or foreign file is never deleted: it is moved aside and the learner is told.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import re
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from .errors import CourseInputError
from .interface import ui
from .journal_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_ANSWER_CHARS,
    MAX_EXERCISE_ID_CHARS,
    Entry,
    JSONValue,
    Problem,
    check_answer,
    check_exercise_id,
    decode,
    encode,
)

__all__ = [
    "ENV_VAR", "FORMAT_NAME", "FORMAT_VERSION", "LOCK_TIMEOUT_SECONDS", "MAX_ANSWER_CHARS",
    "MAX_EXERCISE_ID_CHARS", "JSONValue", "Journal", "JournalRecoveredWarning",
    "default_journal_path", "visit_journal",
]

#: Environment variable naming the journal file; overrides the default location.
ENV_VAR = "SECOND_CALL_JOURNAL"
#: How long a save waits for another kernel's save to finish before giving up.
LOCK_TIMEOUT_SECONDS = 30.0

#: How often a file operation is tried while Windows reports the file busy.
_RETRIES = 20
T = TypeVar("T")


def _on_pyodide() -> bool:
    """Say whether the kernel runs in the browser (JupyterLite): one tab, no disk to flush."""
    return sys.platform == "emscripten"


class JournalRecoveredWarning(UserWarning):
    """Warned when a damaged, foreign or newer journal file was moved aside."""


def visit_journal() -> Journal:
    """Return a journal private to this kernel (one Voilà visitor), kept for the visit."""
    return Journal(Path(tempfile.mkdtemp(prefix="second-call-visit-")) / "journal.json")


def default_journal_path() -> Path:
    """Return ``$SECOND_CALL_JOURNAL``, else beside the notebooks in JupyterLite (the folder the
    browser keeps), else ``~/.second-call/journal.json``."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        return Path(configured).expanduser()
    with contextlib.suppress(RuntimeError):  # raised when no home directory can be found
        if not _on_pyodide():
            return Path.home() / ".second-call" / "journal.json"
    return Path.cwd() / "second-call-journal.json"


#: What a file system that cannot flush a folder answers to fsync.
_FSYNC_UNSUPPORTED = frozenset({errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP})


def _fsync_directory(folder: Path) -> None:
    """Flush ``folder`` to disk, so that a rename inside it survives a power cut.

    Skipped on Windows and in the browser. EINVAL or ENOTSUP (a file system that cannot flush a
    folder) is no error: the file's own data is flushed already.
    """
    if os.name == "nt" or _on_pyodide():
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in _FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(fd)


def _retrying(action: Callable[[], T]) -> T:
    """Run a file operation, retrying briefly while Windows reports the file busy."""
    for _attempt in range(_RETRIES - 1):
        try:
            return action()
        except PermissionError:
            if os.name != "nt":
                raise
            time.sleep(0.05)
    return action()


class Journal:
    """The learner's saved answers, kept in one JSON file; ``messages`` collects notes for the
    learner, for example that a damaged file was moved aside."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        if path is None:
            field = ENV_VAR if os.environ.get(ENV_VAR, "").strip() else "path"
            chosen = default_journal_path()
        elif isinstance(path, str | os.PathLike) and str(os.fspath(path)).strip():
            field = "path"
            chosen = Path(path).expanduser()
        else:
            raise CourseInputError("path", ui("model.journal.not_a_path"))
        self._path = chosen.resolve()
        if self._path.is_dir():
            raise CourseInputError(field, ui("model.journal.a_folder", path=self._path))
        self.messages: list[str] = []
        self._swept = False
        self._temp_prefix = f".{self._path.name}.tmp-"

    def __repr__(self) -> str:
        return f"Journal({str(self._path)!r})"

    @property
    def path(self) -> Path:
        """The journal file."""
        return self._path

    def answers(self) -> dict[str, JSONValue]:
        """Return every saved answer, read fresh from the file."""
        return {key: entry["value"] for key, entry in self._load().items()}

    def get(self, exercise_id: str, default: JSONValue = None) -> JSONValue:
        """Return the saved answer for ``exercise_id``, or ``default`` if there is none."""
        entry = self._load().get(check_exercise_id(exercise_id))
        return default if entry is None else entry["value"]

    def __contains__(self, exercise_id: object) -> bool:
        """Say whether an answer is saved under ``exercise_id``."""
        try:
            key = check_exercise_id(exercise_id)
        except CourseInputError:
            return False
        return key in self._load()

    def save(self, exercise_id: str, value: JSONValue) -> None:
        """Save one answer now, replacing any earlier answer under the same id."""
        self.save_many({exercise_id: value})

    def save_many(self, values: Mapping[str, JSONValue]) -> None:
        """Save several answers in one write: all of them are saved, or (on error) none."""
        if not isinstance(values, Mapping):
            raise CourseInputError("values", ui("engines.input.answers"))
        checked = {check_exercise_id(key): check_answer(value) for key, value in values.items()}
        if not checked:
            return
        with self._locked():
            answers = self._load_locked()
            stamp = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
            for key, value in checked.items():
                answers[key] = {"value": value, "saved_at": stamp}
            self._write(answers)

    def reset(self, exercise_id: str) -> bool:
        """Forget one answer; return whether there was one to forget."""
        key = check_exercise_id(exercise_id)
        if not self._path.exists():
            return False
        with self._locked():
            answers = self._load_locked()
            if key not in answers:
                return False
            del answers[key]
            self._write(answers)
            return True

    def reset_all(self) -> None:
        """Forget every answer (a damaged file is still moved aside, never overwritten)."""
        if not self._path.exists():
            return
        with self._locked():
            self._load_locked()
            self._write({})

    def _parse(self) -> dict[str, Entry] | Problem:
        try:
            return decode(_retrying(self._path.read_bytes))
        except FileNotFoundError:
            return {}

    def _load(self) -> dict[str, Entry]:
        """Read without the lock (replacements are atomic); recover under it if needed."""
        parsed = self._parse()
        if not isinstance(parsed, Problem):
            return parsed
        with self._locked():
            return self._load_locked()

    def _load_locked(self) -> dict[str, Entry]:
        """Read with the lock held, moving a bad file aside."""
        parsed = self._parse()
        if isinstance(parsed, Problem):
            self._move_aside(parsed)
            return {}
        return parsed

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the journal's lock file (shared by every kernel) for one read-change-write."""
        self._path.parent.mkdir(parents=True, exist_ok=True)
        lock: contextlib.AbstractContextManager[object]
        if _on_pyodide():  # one browser tab, one kernel: nothing to exclude
            lock = contextlib.nullcontext()
        else:
            import filelock  # lazily: the browser never locks, so it never imports filelock

            lock_path = self._path.with_name(self._path.name + ".lock")
            lock = filelock.FileLock(lock_path, timeout=LOCK_TIMEOUT_SECONDS)
        with lock:
            if not self._swept:
                self._sweep_stale_temp_files()
                self._swept = True
            yield

    def _sweep_stale_temp_files(self) -> None:
        """Remove temp files left by a save that was killed; only ours, only with the lock."""
        pattern = re.compile(re.escape(self._temp_prefix) + r"[a-z0-9_]{8}")
        try:
            names = os.listdir(self._path.parent)
        except OSError:
            return
        for name in names:
            if pattern.fullmatch(name):
                with contextlib.suppress(OSError):
                    candidate = self._path.parent / name
                    if candidate.is_file() and not candidate.is_symlink():
                        candidate.unlink()

    def _write(self, answers: dict[str, Entry]) -> None:
        """Replace the journal durably: flush a temporary file, rename it, flush the folder."""
        data = encode(answers)
        folder = self._path.parent
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=self._temp_prefix)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                if not _on_pyodide():  # the browser's file system has no disk to flush
                    os.fsync(handle.fileno())
            _retrying(lambda: os.replace(temp_name, self._path))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise
        _fsync_directory(folder)

    def _move_aside(self, problem: Problem) -> None:
        """Rename the bad file to a name that is not taken, then tell the learner."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        for number in itertools.count():
            suffix = f"-{number}" if number else ""
            target = self._path.with_name(f"{self._path.stem}.corrupt-{stamp}{suffix}.json")
            if target.exists() or target.is_symlink():
                continue
            try:
                os.link(self._path, target)  # fails rather than overwrite an existing file
            except FileExistsError:
                continue
            except OSError:  # no hard links here; the lock keeps the existence check honest
                os.rename(self._path, target)
            else:
                os.unlink(self._path)
            break
        _fsync_directory(self._path.parent)
        advice = "model.journal.moved_aside_newer" if problem.newer else "model.journal.moved_aside"
        message = f"{problem.reason} {ui(advice, target=target, path=self._path)}"
        self.messages.append(message)
        warnings.warn(message, JournalRecoveredWarning, stacklevel=2)
