"""Hub-side helpers for serving Second Call: each learner's own course copy and own journal.

Used by ``deploy/jupyterhub_config.py`` (which loads it from this folder) and by the
tests in ``tests/hub/``. Nothing here imports JupyterHub, so the copy logic can be tested on
its own.

A learner's home gets a ``second-call/`` folder holding their copy of the course notebooks.
A file is copied only when the learner does not have it yet: the learner's own edits are never
overwritten, and notebooks added to the course later appear on their next server start.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The folder in each learner's home that holds their copy of the course.
COURSE_FOLDER = "second-call"
#: The notebook a learner's server opens on (relative to the course folder).
START_NOTEBOOK = "00_start_here.ipynb"
#: Environment variable naming the folder whose notebooks are copied to each learner.
COURSE_DIR_ENV = "SECOND_CALL_COURSE_DIR"
#: Environment variable the course library reads for the journal's location.
JOURNAL_ENV = "SECOND_CALL_JOURNAL"

_SKIP_NAMES = frozenset({".ipynb_checkpoints", "__pycache__", "_output", ".DS_Store"})

REPO_ROOT = Path(__file__).resolve().parent.parent


def course_source() -> Path:
    """Return the folder whose contents every learner gets a copy of.

    ``$SECOND_CALL_COURSE_DIR`` wins when set; otherwise the repository's ``notebooks/``.
    """
    configured = os.environ.get(COURSE_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser().resolve()
    return REPO_ROOT / "notebooks"


def journal_path(home: Path) -> Path:
    """Return where a learner's journal lives: inside their own home, never shared."""
    return home / ".second-call" / "journal.json"


def copy_course(
    source: Path,
    target: Path,
    chown: Callable[[Path], None] | None = None,
) -> list[Path]:
    """Copy every course file that ``target`` lacks from ``source``; return what was copied.

    Existing files are left alone (a learner's answers and edits live in them). Checkpoints,
    caches and build output are not copied. ``chown`` is called on every folder and file this
    call creates, so a hub running as root can hand them to the learner.
    """
    if not source.is_dir():
        raise FileNotFoundError(f"the course folder {source} does not exist")
    copied: list[Path] = []
    _make_dir(target, chown)
    for folder, dirnames, filenames in os.walk(source):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_NAMES)
        relative = Path(folder).relative_to(source)
        for dirname in dirnames:
            _make_dir(target / relative / dirname, chown)
        for filename in sorted(filenames):
            if filename in _SKIP_NAMES:
                continue
            destination = target / relative / filename
            if destination.exists() or destination.is_symlink():
                continue
            shutil.copy2(Path(folder) / filename, destination)
            if chown is not None:
                chown(destination)
            copied.append(destination)
    return copied


def _make_dir(path: Path, chown: Callable[[Path], None] | None) -> None:
    if path.is_dir():
        return
    path.mkdir(parents=True)
    if chown is not None:
        chown(path)


def user_home(spawner: Any) -> Path:
    """Return the learner's home for a local spawner.

    ``SimpleLocalProcessSpawner`` (one OS user, one folder per learner) names it in
    ``home_dir``; ``LocalProcessSpawner`` uses the learner's system account.
    """
    home_dir = getattr(spawner, "home_dir", "")
    if home_dir:
        return Path(home_dir)
    import pwd

    return Path(pwd.getpwnam(spawner.user.name).pw_dir)


def _owner_changer(spawner: Any) -> Callable[[Path], None] | None:
    """Return a function that hands a path to the learner, when the hub runs as root for them."""
    if getattr(spawner, "home_dir", "") or os.geteuid() != 0:
        return None  # one OS user for everyone, or the hub cannot change owners anyway
    import pwd

    account = pwd.getpwnam(spawner.user.name)

    def chown(path: Path) -> None:
        os.chown(path, account.pw_uid, account.pw_gid)

    return chown


def pre_spawn_hook(spawner: Any) -> None:
    """Give the learner their own course copy and journal before their server starts.

    Set as ``c.Spawner.pre_spawn_hook``. It copies the course into ``~/second-call`` (only the
    files the learner lacks), starts the server in that folder, and points the journal at
    ``~/.second-call/journal.json`` in the learner's own home.
    """
    home = user_home(spawner)
    chown = _owner_changer(spawner)
    if not home.is_dir():
        _make_dir(home, chown)
    course = home / COURSE_FOLDER
    copied = copy_course(course_source(), course, chown)
    spawner.log.info("Second Call: copied %d course file(s) to %s", len(copied), course)
    spawner.notebook_dir = str(course)
    spawner.environment = {**spawner.environment, JOURNAL_ENV: str(journal_path(home))}
