"""Test-wide set-up: throwaway journals, the real-client tier's marker, Chromium and servers.

Browsers come from pytest-playwright (``page``, ``new_context``, ``browser_type``), pointed at
Debian's Chromium; JupyterLab and Voilà are plain fixtures, stopped with their children.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import psutil
import pytest
import requests

ROOT = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-gpu",
    # Only the loopback resolves: Voilà's template links a CDN, and nothing may leave.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
] + (["--no-sandbox"] if os.geteuid() == 0 else [])
CLIENT_DIRS = ("tests/browser/", "tests/lite/", "tests/hub/")
TOKEN = secrets.token_hex(16)
_run_dir = Path(tempfile.mkdtemp(prefix="second-call-tests-"))
_seen_notebooks: set[str] = set()
_BEFORE = pytest.StashKey[set[str]]()


def pytest_configure(config: pytest.Config) -> None:
    """Point the journal at a throwaway file so tests never touch the learner's home."""
    os.environ["SECOND_CALL_JOURNAL"] = str(_run_dir / "journal.json")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_run_dir, ignore_errors=True)


def _untracked() -> set[str]:
    """Files in the repository that git neither tracks nor ignores (none outside a git checkout)."""
    found = subprocess.run(["git", "ls-files", "--others", "--exclude-standard"], cwd=ROOT,
                           capture_output=True, text=True, check=False)  # fmt: skip
    return set(found.stdout.splitlines()) if found.returncode == 0 else set()


def _is_worker(config: pytest.Config) -> bool:
    """Whether this process is a pytest-xdist worker (the controller alone sees the whole run)."""
    return hasattr(config, "workerinput")


def pytest_sessionstart(session: pytest.Session) -> None:
    if not _is_worker(session.config):
        session.config.stash[_BEFORE] = _untracked()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Fail the run if a test left a new file in the repository (it belongs in a temp folder)."""
    if _is_worker(session.config):
        return
    left = sorted(_untracked() - session.config.stash.get(_BEFORE, set()))
    if left:
        sys.stderr.write("tests left files in the repository: " + ", ".join(left) + "\n")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


#: The longest files start first, so no worker is left running one alone at the end: the Lite
#: site and the hub (minutes each), and the journal's fault tests (about a minute, waiting on the
#: disk while the other workers use the processors).
LONGEST_FIRST = ("tests/lite/", "tests/hub/test_hub_smoke.py", "tests/test_faults_journal.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Check the ``client`` marker; put the longest files first (the order within stays).

    A real-client test outside the ``client`` marker would slow the fast tier down unseen."""
    for item in items:
        if item.nodeid.startswith(CLIENT_DIRS) and not item.get_closest_marker("client"):
            raise pytest.UsageError(f"{item.nodeid} needs `pytestmark = pytest.mark.client`")
    items.sort(key=lambda item: not item.nodeid.startswith(LONGEST_FIRST))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Give each notebook's kernel a fresh journal, so notebooks run alone and in any order."""
    path = str(item.path)
    if path.endswith(".ipynb") and path not in _seen_notebooks:
        _seen_notebooks.add(path)
        fresh = Path(tempfile.mkdtemp(prefix="nb-", dir=_run_dir)) / "journal.json"
        os.environ["SECOND_CALL_JOURNAL"] = str(fresh)


@pytest.fixture
def journal_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a fresh journal path, set as the default for the test."""
    path = tmp_path / "journal.json"
    monkeypatch.setenv("SECOND_CALL_JOURNAL", str(path))
    return path


# --- Chromium, through pytest-playwright -----------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's Chromium (``scripts/browsers.sh``); a missing one fails, it never skips."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: run `bash scripts/browsers.sh`", pytrace=False)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": {"width": 1366, "height": 900}, "locale": "en-US"}


class Console:
    """Console errors and uncaught page errors of the contexts it watches, noise left out."""

    NOISE = ("status of 404", "favicon", "[Deprecation]", "Permissions policy",
             "WebSocket connection to")

    def __init__(self) -> None:
        self.errors: list[str] = []

    def watch(self, context: Any) -> None:
        context.on("console", lambda m: m.type == "error" and self._add(m.text, m.location))
        context.on("weberror", lambda e: self._add(f"uncaught: {e.error}", {}))

    def _add(self, text: str, where: dict[str, Any]) -> None:
        url = where.get("url", "")
        offsite = text.startswith("Failed to load resource: net::") and "127.0.0.1" not in url
        ours = any(w in text.lower() for w in ("widget", "coursekit", "sc-"))
        if ours or not (offsite or any(n in text for n in self.NOISE)):
            self.errors.append(f"{text} ({url})" if url else text)


@pytest.fixture
def console() -> Iterator[Console]:
    """Console errors of the test's pages; any left at the end fail the test."""
    log = Console()
    yield log
    assert not log.errors, "console errors:\n" + "\n".join(f"  - {e}" for e in log.errors)


@pytest.fixture
def page(context: Any, console: Console) -> Any:
    """pytest-playwright's page, with its console watched."""
    console.watch(context)
    return context.new_page()


# --- servers --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(cmd: list[str], cwd: Path, port: int, ready: str | None = None) -> Iterator[str]:
    """Run a server; yield its URL once ``ready`` answers 200 (or the port accepts).

    Its log is ``cwd/server.log``; at the end it and every process it started (kernels
    included) are stopped by process id.
    """
    env = {**os.environ, "SECOND_CALL_JOURNAL": str(cwd / "journal.json"),
           "JUPYTER_CONFIG_DIR": str(cwd / "config"), "JUPYTER_RUNTIME_DIR": str(cwd / "run"),
           "IPYTHONDIR": str(cwd / "ipython"), "JUPYTER_PLATFORM_DIRS": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    log = (cwd / "server.log").open("wb")
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, (cwd / "server.log").read_text()[-3000:]
            assert time.monotonic() < deadline, (cwd / "server.log").read_text()[-3000:]
            try:
                if ready is None:
                    socket.create_connection(("127.0.0.1", port), timeout=2).close()
                    break
                if requests.get(url + ready, params={"token": TOKEN}, timeout=5).ok:
                    break
            except OSError:
                pass
            time.sleep(0.3)
        yield url
    finally:
        family = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
        proc.terminate()  # Jupyter servers shut their kernels down on SIGTERM
        _, alive = psutil.wait_procs(family, timeout=20)
        for p in alive:
            p.kill()
        psutil.wait_procs(alive, timeout=10)
        log.close()


LAB_SETTINGS = {
    # No news toast (news_url=None alone does not stop it in JupyterLab 4.6), no update check.
    "apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "docmanager-extension/plugin": {"autosave": False},  # nothing written behind the test
    "notebook-extension/tracker": {"windowingMode": "none"},  # every cell in the DOM
}


def copy_notebooks(dest: Path) -> Path:
    """A copy of notebooks/ (tests never run in the real folder)."""
    ignore = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    return Path(shutil.copytree(ROOT / "notebooks", dest, ignore=ignore))


@pytest.fixture
def notebooks_copy(tmp_path: Path) -> Path:
    return copy_notebooks(tmp_path / "notebooks")


@contextmanager
def jupyterlab(work: Path) -> Iterator[tuple[str, Path]]:
    """JupyterLab over a copy of notebooks/ in ``work``: (base URL, its root folder).

    Plain code, so ``scripts/screenshots.py`` starts Lab the way the tests do.
    """
    root = copy_notebooks(work / "notebooks")
    for name, values in LAB_SETTINGS.items():
        path = work / "settings" / f"@jupyterlab/{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    port = free_port()
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
           f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--ServerApp.token={TOKEN}", f"--ServerApp.root_dir={root}",
           "--ServerApp.allow_root=True", "--LabApp.news_url=None",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           f"--LabApp.user_settings_dir={work / 'settings'}",
           f"--LabApp.workspaces_dir={work / 'workspaces'}"]
    with server(cmd, work, port, ready="api/status") as url:
        yield url, root


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """JupyterLab over a copy of notebooks/: (base URL, its root folder)."""
    with jupyterlab(tmp_path_factory.mktemp("lab")) as found:
        yield found


@pytest.fixture
def lab(lab_server: tuple[str, Path]) -> Iterator[Callable[[str], str]]:
    """``lab(name)`` → the URL that opens a notebook in a fresh workspace; kernels end after."""
    url, _ = lab_server
    yield lambda name: f"{url}lab/tree/{name}?reset&token={TOKEN}"
    auth = {"Authorization": f"token {TOKEN}"}
    for session in requests.get(f"{url}api/sessions", headers=auth, timeout=20).json():
        requests.delete(f"{url}api/sessions/{session['id']}", headers=auth, timeout=20)


@pytest.fixture
def voila(tmp_path: Path) -> Iterator[Callable[[Path], str]]:
    """``voila(notebook)`` → the URL of a Voilà server for that notebook, stopped afterwards."""
    with ExitStack() as stack:

        def serve(notebook: Path) -> str:
            port = free_port()
            cmd = [sys.executable, "-m", "voila", "--no-browser", f"--port={port}",
                   "--progressive_rendering=True",  # as the README starts it: text first
                   "--Voila.ip=127.0.0.1", f"--Voila.token={TOKEN}", str(notebook)]
            work = Path(tempfile.mkdtemp(dir=tmp_path))
            return str(stack.enter_context(server(cmd, work, port))) + f"?token={TOKEN}"

        yield serve


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say how many real-client tests ran, so a run shows they were not lost."""
    counts: dict[str, dict[str, int]] = {d: {} for d in CLIENT_DIRS}
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            counted = report.when == "call" or outcome == "error"
            for d in CLIENT_DIRS:
                if counted and getattr(report, "nodeid", "").startswith(d):
                    counts[d][outcome] = counts[d].get(outcome, 0) + 1
    if any(counts.values()):
        terminalreporter.section("course in real clients")
        for d, got in counts.items():
            terminalreporter.write_line(f"{d}: " + (", ".join(f"{n} {o}" for o, n in got.items())
                                                     or "none run"))
