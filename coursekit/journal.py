"""The learner's journal: saved answers in one JSON file, written safely and shared by kernels.

Every answer is saved the moment the learner gives it. A save takes a file lock, re-reads the
file, applies the change and atomically replaces the file, so two kernels (or a kernel killed
part-way through a save) never lose an answer whose save returned. A save is durable when it
returns, as SQLite and careful editors do it: the new file is written to a temporary file and
flushed to disk (fsync), renamed over the journal, and then the journal's folder is flushed, so
a power cut keeps either the old journal or the new one, never a damaged one. A damaged or
foreign file is never deleted: it is moved aside, the learner is told where it went, and a fresh
journal starts.

>>> import tempfile
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as folder:
...     journal = Journal(Path(folder) / "journal.json")
...     journal.save("reflection:why_now", "It ends the regret.")
...     print(journal.get("reflection:why_now"), "reflection:why_now" in journal)
It ends the regret. True
"""

from __future__ import annotations

import contextlib
import errno
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
    check_exercise_id,
    check_value,
    decode,
    encode,
    serialised_size,
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
    """Return a journal private to this kernel, for a page that many visitors share (Voilà).

    Each visitor of a Voilà app gets their own kernel, so their answers stay their own; they
    last for the visit, and the progress panel lets them download their plan before leaving.
    """
    return Journal(Path(tempfile.mkdtemp(prefix="second-call-visit-")) / "journal.json")


def default_journal_path() -> Path:
    """Return where the journal lives when no path is given.

    ``$SECOND_CALL_JOURNAL`` wins when set. In JupyterLite (Pyodide) the journal sits beside the
    notebooks, because that folder is what the browser keeps; elsewhere it is
    ``~/.second-call/journal.json``.
    """
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        return Path(configured).expanduser()
    if _on_pyodide():
        return Path.cwd() / "second-call-journal.json"
    try:
        home = Path.home()
    except RuntimeError:  # no home directory can be determined
        return Path.cwd() / "second-call-journal.json"
    return home / ".second-call" / "journal.json"


#: What a file system that cannot flush a folder answers to fsync.
_FSYNC_UNSUPPORTED = frozenset({errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP})


def _fsync_directory(folder: Path) -> None:
    """Flush ``folder`` to disk, so that a rename inside it survives a power cut.

    Skipped where folders cannot be opened (Windows) and in the browser (no disk). A file
    system that cannot flush a folder says so with EINVAL or ENOTSUP: the file's own data is
    flushed already, so that is not an error; any other failure is.
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
    """The learner's saved answers, kept in one JSON file.

    ``messages`` collects friendly notes for the learner, for example that a damaged journal
    file was moved aside.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        if path is None:
            field = ENV_VAR if os.environ.get(ENV_VAR, "").strip() else "path"
            chosen = default_journal_path()
        elif isinstance(path, str | os.PathLike) and str(os.fspath(path)).strip():
            field = "path"
            chosen = Path(path).expanduser()
        else:
            raise CourseInputError("path", "must be a file path such as 'journal.json'")
        self._path = chosen.resolve()
        if self._path.is_dir():
            raise CourseInputError(field, f"{self._path} is a folder; give a file path inside it")
        self.messages: list[str] = []
        self._swept = False

    def __repr__(self) -> str:
        return f"Journal({str(self._path)!r})"

    @property
    def path(self) -> Path:
        """The journal file."""
        return self._path

    # Reading -----------------------------------------------------------------------------

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

    # Writing -----------------------------------------------------------------------------

    def save(self, exercise_id: str, value: JSONValue) -> None:
        """Save one answer now, replacing any earlier answer under the same id."""
        self.save_many({exercise_id: value})

    def save_many(self, values: Mapping[str, JSONValue]) -> None:
        """Save several answers in one write: all of them are saved, or (on error) none.

        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     journal = Journal(Path(folder) / "journal.json")
        ...     journal.save_many({"a": 1, "b": [2]})
        ...     print(journal.answers())
        {'a': 1, 'b': [2]}
        """
        if not isinstance(values, Mapping):
            raise CourseInputError("values", "must map exercise ids to answers")
        checked: dict[str, JSONValue] = {}
        for exercise_id, value in values.items():
            key = check_exercise_id(exercise_id)
            check_value(value)
            size = serialised_size(value)
            if size > MAX_ANSWER_CHARS:
                raise CourseInputError(
                    "value",
                    f"is too long to save ({size:,} characters); the limit is {MAX_ANSWER_CHARS:,}",
                )
            checked[key] = value
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

    # Internals ---------------------------------------------------------------------------

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

    def _temp_prefix(self) -> str:
        return f".{self._path.name}.tmp-"

    def _sweep_stale_temp_files(self) -> None:
        """Remove temp files left by a save that was killed; only ours, only with the lock."""
        pattern = re.compile(re.escape(self._temp_prefix()) + r"[a-z0-9_]{8}")
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
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=self._temp_prefix())
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
        number = 0
        while True:
            suffix = f"-{number}" if number else ""
            target = self._path.with_name(f"{self._path.stem}.corrupt-{stamp}{suffix}.json")
            number += 1
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
