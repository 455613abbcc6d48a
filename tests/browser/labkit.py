"""Helpers for the browser tests: servers (JupyterLab, Voila), Chromium, page helpers, axe.

The fixtures in ``conftest.py`` wrap these; test modules import the page helpers from here::

    from labkit import open_notebook, run_all, axe_violations

Everything runs on this machine only: servers listen on 127.0.0.1 and the browser is Debian's
Chromium at ``/usr/bin/chromium`` (installed by ``scripts/browsers.sh``; never downloaded by
Playwright).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",  # we run as root in CI
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-gpu",
]
# Not required by the brief's flag list, but keeps the browser off the network: any host but
# the loopback fails to resolve at once (Voila's template links a CDN stylesheet, for one).
CHROMIUM_OFFLINE_FLAGS = ["--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]

# One token for every server this test process starts; pages add it to the first URL they
# open, after which the server's login cookie carries it.
TOKEN = secrets.token_hex(16)

# Timeouts (milliseconds, as Playwright wants them). Generous: the machine has 2 cores.
SERVER_START_S = 90
KERNEL_IDLE_MS = 90_000
RUN_ALL_MS = 180_000
WIDGETS_MS = 30_000

# Root classes of the course's widget builders (coursekit/widgets); each root also has
# ``sc-widget``. Feedback areas have ``sc-feedback``.
WIDGET_KINDS = (
    "sc-classifier",
    "sc-script-builder",
    "sc-reviewer",
    "sc-quiz",
    "sc-roleplay",
    "sc-reflection",
    "sc-progress",
)


# --------------------------------------------------------------------------------------------
# Processes
# --------------------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class ServerProcess:
    """A server started in its own process group; ``stop()`` ends that group by its id."""

    name: str
    proc: subprocess.Popen[bytes]
    port: int
    log_path: Path
    root: Path
    journal: Path
    workdir: Path
    token: str = TOKEN

    @property
    def url(self) -> str:
        """Base URL with a trailing slash (usable as a Playwright ``base_url``)."""
        return f"http://127.0.0.1:{self.port}/"

    def log_tail(self, n: int = 60) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return "(no log)"
        return "\n".join(lines[-n:])

    def api(self, method: str, path: str) -> Any:
        """Call the Jupyter server REST API (``path`` like ``api/sessions``)."""
        req = urllib.request.Request(
            self.url + path, method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(req, timeout=20) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Shut down every kernel session (so a module's kernels do not pile up)."""
        try:
            for session in self.api("GET", "api/sessions"):
                self.api("DELETE", f"api/sessions/{session['id']}")
        except (OSError, urllib.error.URLError, ValueError):
            pass  # the server may already be gone; stop() reports real problems

    def stop(self) -> None:
        if self.proc.poll() is None and self.name == "JupyterLab":
            self.shutdown_kernels()
        stop_process_group(self.proc, runtime_dir=self.runtime_dir)

    @property
    def runtime_dir(self) -> Path:
        return self.workdir / "jupyter-runtime"


def stop_process_group(
    proc: subprocess.Popen[bytes], grace_s: float = 20.0, runtime_dir: Path | None = None
) -> None:
    """Stop the process group led by ``proc`` (started with start_new_session) by its id.

    SIGTERM first (Jupyter servers then shut their kernels down), SIGKILL if it lingers.
    Kernels run in process groups of their own; any left behind are found by their
    connection file in ``runtime_dir`` (ours alone) and killed by pid.
    """
    pgid = proc.pid  # start_new_session=True makes the child the leader of its own group
    if proc.poll() is None:
        for sig, wait_s in ((signal.SIGTERM, grace_s), (signal.SIGKILL, 10.0)):
            try:
                os.killpg(pgid, sig)
            except ProcessLookupError:
                break
            try:
                proc.wait(timeout=wait_s)
                break
            except subprocess.TimeoutExpired:
                continue
    try:  # children of the group that outlived their leader
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    if runtime_dir is not None:
        kill_kernels_of(runtime_dir)


def kill_kernels_of(runtime_dir: Path) -> list[int]:
    """Kill (by pid) kernel processes whose connection file lives in ``runtime_dir``."""
    killed = []
    marker = str(runtime_dir) + os.sep
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")
        except OSError:
            continue
        if any(arg.startswith(marker) for arg in cmdline):
            try:
                os.kill(int(entry.name), signal.SIGKILL)
                killed.append(int(entry.name))
            except ProcessLookupError:
                pass
    return killed


def _wait_http_ok(
    server: ServerProcess, path: str | None, timeout_s: float = SERVER_START_S
) -> None:
    """Wait until ``GET path`` answers 200 (``path=None``: until the port accepts a connection)."""
    deadline = time.monotonic() + timeout_s
    last = ""
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise RuntimeError(
                f"{server.name} exited with code {server.proc.returncode} while starting.\n"
                f"--- log ---\n{server.log_tail()}"
            )
        try:
            if path is None:
                with socket.create_connection(("127.0.0.1", server.port), timeout=5):
                    return
            req = urllib.request.Request(
                server.url + path, headers={"Authorization": f"token {server.token}"}
            )
            with urllib.request.urlopen(req, timeout=5) as resp:
                if resp.status == 200:
                    return
        except (OSError, urllib.error.URLError) as exc:
            last = str(exc)
        time.sleep(0.3)
    server.stop()
    raise RuntimeError(
        f"{server.name} did not answer {path} within {timeout_s}s ({last}).\n"
        f"--- log ---\n{server.log_tail()}"
    )


def server_env(workdir: Path) -> tuple[dict[str, str], Path]:
    """Environment for a server and its kernels, isolated from the user's Jupyter config."""
    journal = workdir / "journal.json"
    env = dict(os.environ)
    env.update(
        {
            "SECOND_CALL_JOURNAL": str(journal),
            "JUPYTER_CONFIG_DIR": str(workdir / "jupyter-config"),
            "JUPYTER_RUNTIME_DIR": str(workdir / "jupyter-runtime"),
            "IPYTHONDIR": str(workdir / "ipython"),
            "JUPYTER_PLATFORM_DIRS": "1",
            "PYTHONUNBUFFERED": "1",
            # Kernels must use this interpreter (the one with coursekit installed).
            "PATH": str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", ""),
        }
    )
    env.pop("JUPYTERLAB_SETTINGS_DIR", None)
    env.pop("JUPYTERLAB_WORKSPACES_DIR", None)
    for d in ("jupyter-config", "jupyter-runtime", "ipython"):
        (workdir / d).mkdir(parents=True, exist_ok=True)
    return env, journal


def write_lab_settings(settings_dir: Path) -> None:
    """User settings for the test Lab: no news/update popups, no autosave, all cells attached."""
    settings = {
        # No "Would you like to get notified about official Jupyter news?" toast (in
        # JupyterLab 4.6 --LabApp.news_url=None alone does not stop it), no update check.
        "@jupyterlab/apputils-extension/notification": {
            "fetchNews": "false",
            "checkForUpdates": False,
        },
        # Nothing written back into the copied notebooks behind the test's back.
        "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
        # Every cell in the DOM (the default "contentVisibility" defers offscreen cells,
        # which makes visibility and axe checks depend on scrolling).
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    }
    for plugin, values in settings.items():
        path = settings_dir / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2))


def copy_notebooks(dest: Path, source: Path = NOTEBOOKS) -> Path:
    """Copy the whole notebooks folder (tests never touch the real one)."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(
        source, dest, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    )
    return dest


def start_lab(root: Path, workdir: Path) -> ServerProcess:
    """Start JupyterLab serving ``root`` on 127.0.0.1 with a token; returns when it answers."""
    workdir.mkdir(parents=True, exist_ok=True)
    env, journal = server_env(workdir)
    settings_dir = workdir / "lab-settings"
    write_lab_settings(settings_dir)
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.token={TOKEN}",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.allow_remote_access=False",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
        f"--LabApp.user_settings_dir={settings_dir}",
        f"--LabApp.workspaces_dir={workdir / 'lab-workspaces'}",
    ]
    if os.geteuid() == 0:
        cmd.append("--ServerApp.allow_root=True")
    log_path = workdir / "jupyterlab.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            cmd,
            cwd=root,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = ServerProcess("JupyterLab", proc, port, log_path, root, journal, workdir)
    _wait_http_ok(server, "api/status")
    _wait_http_ok(server, "lab")
    return server


def start_voila(notebook: Path, workdir: Path) -> ServerProcess:
    """Serve one notebook with Voila on 127.0.0.1; returns when the page answers."""
    workdir.mkdir(parents=True, exist_ok=True)
    env, journal = server_env(workdir)
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "voila",
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        f"--Voila.token={TOKEN}",
        "--show_tracebacks=True",
        str(notebook),
    ]
    log_path = workdir / f"voila-{notebook.stem}.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            cmd,
            cwd=notebook.parent,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = ServerProcess("Voila", proc, port, log_path, notebook.parent, journal, workdir)
    # Voila has no cheap status page (GET / runs the notebook), so wait for the port.
    _wait_http_ok(server, None)
    return server


# --------------------------------------------------------------------------------------------
# Browser
# --------------------------------------------------------------------------------------------


def require_chromium() -> None:
    """Raise (the fixture turns this into a test FAILURE, never a skip) if Chromium is absent."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        raise RuntimeError(
            f"{CHROMIUM} is missing: the browser tests need Debian's Chromium. "
            "Run `bash scripts/browsers.sh` (it runs `apt-get install -y chromium`)."
        )


# Console messages that are browser or JupyterLab noise, not our bugs. A message is ignored only
# if it matches one of these AND mentions none of STRICT_WORDS.
HARMLESS_CONSOLE = [
    re.compile(r"^Failed to load resource: the server responded with a status of 404"),
    re.compile(r"favicon", re.I),
    re.compile(r"\[Deprecation\]"),
    re.compile(r"Permissions policy violation"),
    re.compile(r"^WebSocket connection to .* failed"),  # kernels shut down at teardown
]
STRICT_WORDS = re.compile(r"widget|coursekit|\bsc-|Error: ", re.I)
LOOPBACK_URL = re.compile(r"^(https?|wss?)://(127\.0\.0\.1|localhost|\[::1\])[:/]")


@dataclass
class ConsoleMessage:
    kind: str  # "console.error" or "pageerror"
    text: str
    location: str = ""

    def __str__(self) -> str:
        where = f" ({self.location})" if self.location else ""
        return f"[{self.kind}] {self.text}{where}"


class ConsoleCollector:
    """Collects console errors and uncaught page errors; ``problems`` are the ones that count."""

    def __init__(self) -> None:
        self.messages: list[ConsoleMessage] = []
        self.ignored: list[ConsoleMessage] = []

    def attach(self, page: Any) -> ConsoleCollector:
        page.on("console", self._on_console)
        page.on("pageerror", self._on_pageerror)
        return self

    def _on_console(self, msg: Any) -> None:
        if msg.type not in ("error", "assert"):
            return
        loc = msg.location or {}
        where = f"{loc.get('url', '')}:{loc.get('lineNumber', '')}" if loc.get("url") else ""
        self._add(ConsoleMessage(f"console.{msg.type}", msg.text, where))

    def _on_pageerror(self, exc: Any) -> None:
        text = f"{getattr(exc, 'name', '') or 'Error'}: {getattr(exc, 'message', exc)}"
        stack = getattr(exc, "stack", "") or ""
        self._add(ConsoleMessage("pageerror", text + ("\n" + stack if stack else "")))

    def _add(self, m: ConsoleMessage) -> None:
        harmless = any(p.search(m.text) for p in HARMLESS_CONSOLE) or (
            # The browser is kept off the network; a template's off-site link fails to load.
            m.text.startswith("Failed to load resource: net::")
            and bool(m.location)
            and not LOOPBACK_URL.match(m.location)
        )
        if harmless and not STRICT_WORDS.search(m.text):
            self.ignored.append(m)
        else:
            self.messages.append(m)

    @property
    def problems(self) -> list[ConsoleMessage]:
        return list(self.messages)

    def clear(self) -> None:
        self.messages.clear()

    def assert_clean(self, what: str = "the page") -> None:
        if self.messages:
            listing = "\n".join(f"  - {m}" for m in self.messages)
            raise AssertionError(f"Console errors while testing {what}:\n{listing}")


# --------------------------------------------------------------------------------------------
# JupyterLab page helpers
# --------------------------------------------------------------------------------------------

# The status-bar item naming the kernel, e.g. "Python 3 (ipykernel) | Idle". Its title is
# "Change kernel for <file name>". (The notebook toolbar's execution indicator says "idle"
# before any kernel exists, so it is no proof that a Run All will be heard.)
KERNEL_STATUS = '#jp-main-statusbar .jp-StatusBar-TextItem[title^="Change kernel"]'

_JS_KERNEL_IDLE = """
(sel) => {
  const el = document.querySelector(sel);
  if (!el) return false;
  const t = el.textContent.trim();
  return /\\|\\s*Idle$/.test(t) && !/^No Kernel/i.test(t);
}
"""

# Per code cell: its prompt text and whether its source is empty (empty cells never run).
_JS_CELLS = """
(root) => {
  const panel = document.querySelector(root);
  if (!panel) return null;
  return Array.from(panel.querySelectorAll('.jp-Notebook .jp-Cell.jp-CodeCell')).map(c => {
    const p = c.querySelector('.jp-InputArea-prompt');
    const src = c.querySelector('.jp-InputArea-editor .cm-content');
    return {prompt: p ? p.textContent.trim() : '', empty: !src || src.textContent.trim() === ''};
  });
}
"""

_JS_RUN_DONE = """
([root, sel]) => {
  const panel = document.querySelector(root);
  if (!panel) return false;
  const k = document.querySelector(sel);
  const t = k ? k.textContent.trim() : '';
  if (!/\\|\\s*Idle$/.test(t) || /^No Kernel/i.test(t)) return false;
  const cells = Array.from(panel.querySelectorAll('.jp-Notebook .jp-Cell.jp-CodeCell'));
  let pending = false, unrun = false;
  for (const c of cells) {
    const p = (c.querySelector('.jp-InputArea-prompt') || {}).textContent || '';
    if (p.includes('*')) pending = true;
    const src = c.querySelector('.jp-InputArea-editor .cm-content');
    const empty = !src || src.textContent.trim() === '';
    if (!empty && !/\\[\\d+\\]/.test(p)) unrun = true;
  }
  if (pending) return false;
  if (!unrun) return true;
  // Run All stops at an error; the later cells stay unrun. Done, and the caller reports it.
  return !!panel.querySelector(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]');
}
"""

CURRENT_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
# Scope for output checks in Lab: the notebook, not the Log Console (which also renders
# .jp-OutputArea-output elements).
LAB_SCOPE = ".jp-NotebookPanel"


def kernel_status(page: Any) -> str:
    loc = page.locator(KERNEL_STATUS)
    return loc.first.inner_text().strip() if loc.count() else ""


def open_notebook(page: Any, name: str, timeout_ms: int = KERNEL_IDLE_MS) -> None:
    """Open ``name`` (relative to the server root) in JupyterLab; return when its kernel is idle.

    "Idle" means the status bar names a kernel and says Idle, e.g. "Python 3 (ipykernel) |
    Idle". The page's context must have been created with the server's ``base_url``.
    """
    t0 = time.monotonic()
    # ?reset starts from an empty workspace, so notebooks opened by earlier pages are not
    # reopened (each would start another kernel).
    page.goto(f"lab/tree/{quote(name)}?reset&token={TOKEN}")
    basename = name.rsplit("/", 1)[-1]
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text=basename)
    tab.first.wait_for(state="visible", timeout=timeout_ms)
    page.locator(f"{CURRENT_PANEL} .jp-Notebook").first.wait_for(
        state="visible", timeout=timeout_ms
    )
    remaining = max(1000, timeout_ms - int((time.monotonic() - t0) * 1000))
    try:
        page.wait_for_function(_JS_KERNEL_IDLE, arg=KERNEL_STATUS, timeout=remaining)
    except Exception as exc:  # noqa: BLE001 - re-raised with what the status bar said
        raise AssertionError(
            f"{name}: kernel never became idle; status bar says {kernel_status(page)!r}"
        ) from exc


def menu_command(page: Any, menu: str, label: str) -> None:
    """Click a main-menu entry by its visible labels, as a person would (Run > Run All Cells)."""
    page.locator("#jp-menu-panel .lm-MenuBar-item", has_text=re.compile(rf"^{menu}$")).click()
    item = page.locator(".lm-Menu .lm-Menu-item").filter(
        has=page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(label)}$"))
    )
    item.first.wait_for(state="visible")
    item.first.click()
    page.locator(".lm-Menu").first.wait_for(state="hidden")


def cell_prompts(page: Any) -> list[dict[str, Any]]:
    return page.evaluate(_JS_CELLS, CURRENT_PANEL) or []


def run_all(page: Any, timeout_ms: int = RUN_ALL_MS) -> float:
    """Run > Run All Cells; return when every code cell has run and the kernel is idle again.

    Notebooks are stored with outputs, so first Edit > Clear Outputs of All Cells: that blanks
    every prompt, and a numbered prompt then proves the cell ran in this kernel. Returns the
    seconds the run took.
    """
    if any(re.search(r"\[\d+\]", c["prompt"]) for c in cell_prompts(page)):
        menu_command(page, "Edit", "Clear Outputs of All Cells")
        page.wait_for_function(
            "(root) => !Array.from(document.querySelectorAll(root + ' .jp-CodeCell "
            ".jp-InputArea-prompt')).some(p => /\\[\\d+\\]/.test(p.textContent))",
            arg=CURRENT_PANEL,
        )
    t0 = time.monotonic()
    menu_command(page, "Run", "Run All Cells")
    try:
        page.wait_for_function(_JS_RUN_DONE, arg=[CURRENT_PANEL, KERNEL_STATUS], timeout=timeout_ms)
    except Exception as exc:  # noqa: BLE001 - re-raised with the prompts
        raise AssertionError(
            f"Run All did not finish in {timeout_ms / 1000:.0f}s; kernel "
            f"{kernel_status(page)!r}; prompts {[c['prompt'] for c in cell_prompts(page)]}"
        ) from exc
    return time.monotonic() - t0


# --------------------------------------------------------------------------------------------
# Output checks (work in JupyterLab and in Voila: both render .jp-OutputArea-output)
# --------------------------------------------------------------------------------------------

WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
STDERR_MIME = "application/vnd.jupyter.stderr"

# The text repr a widget falls back to when it is not rendered as a widget, e.g.
# "VBox(children=(Button(description='Check', ...". Also ipywidgets' own failure texts.
RAW_REPR = re.compile(
    r"\b[A-Z][A-Za-z]*\((children|description|value|options|layout|style|placeholder)="
    r"|Error displaying widget|Loading widget\\.\\.\\.|A Jupyter widget could not be displayed"
)


def error_outputs(page: Any, scope: str = "") -> list[str]:
    """Texts of stderr/error outputs that carry a Python traceback."""
    texts: list[str] = page.locator(
        f'{scope} .jp-OutputArea-output[data-mime-type="{STDERR_MIME}"]'.strip()
    ).all_inner_texts()
    return [t for t in texts if "Traceback" in t or re.search(r"\b\w+Error\b", t)]


def raw_widget_reprs(page: Any, scope: str = "") -> list[str]:
    """Output texts that look like a widget's text repr instead of a rendered widget."""
    texts: list[str] = page.locator(f"{scope} .jp-OutputArea-output".strip()).all_inner_texts()
    return [t[:200] for t in texts if RAW_REPR.search(t)]


_JS_WIDGETS_SETTLED = """
([scope, mime]) => {
  const outs = Array.from(document.querySelectorAll(
      (scope ? scope + ' ' : '') + '.jp-OutputArea-output'));
  // Voila does not set data-mime-type; its widget outputs say "Loading widget..." until the
  // widget manager has rendered them.
  return outs.every(o => !/Loading widget\\.\\.\\./.test(o.textContent) &&
      (o.getAttribute('data-mime-type') !== mime || o.querySelector('.jupyter-widgets')));
}
"""


def wait_widgets_settled(page: Any, scope: str = "", timeout_ms: int = WIDGETS_MS) -> None:
    """Wait until every widget-view output holds a rendered widget (not 'Loading widget...')."""
    try:
        page.wait_for_function(
            _JS_WIDGETS_SETTLED, arg=[scope, WIDGET_VIEW_MIME], timeout=timeout_ms
        )
    except Exception as exc:  # noqa: BLE001 - re-raised with the outputs' texts
        texts = page.locator(f"{scope} .jp-OutputArea-output".strip()).all_inner_texts()
        raise AssertionError(
            f"widgets did not finish rendering in {timeout_ms / 1000:.0f}s: {texts}"
        ) from exc


_JS_SC_ROOTS = """
(scope) => {
  const all = Array.from(document.querySelectorAll((scope ? scope + ' ' : '') + '.sc-widget'));
  return all.filter(el => !el.parentElement.closest('.sc-widget')).map(el => {
    const r = el.getBoundingClientRect();
    const kinds = Array.from(el.classList).filter(c => c.startsWith('sc-') && c !== 'sc-widget');
    return {
      kinds: kinds,
      width: r.width,
      height: r.height,
      isWidgetView: el.classList.contains('jupyter-widgets') ||
                    !!el.closest('.jupyter-widgets'),
      inOutput: !!el.closest('.jp-OutputArea-output'),
      text: el.innerText.slice(0, 120),
    };
  });
}
"""


def sc_widget_roots(page: Any, scope: str = "") -> list[dict[str, Any]]:
    """The course's root widgets (``.sc-widget`` not inside another) with size and kinds."""
    result: list[dict[str, Any]] = page.evaluate(_JS_SC_ROOTS, scope)
    return result


def assert_sc_widgets_rendered(
    page: Any, scope: str = "", what: str = "page", require_any: bool = True
) -> list[dict]:
    """Every course widget is a live, visible widget view; no raw reprs; no tracebacks.

    ``require_any=False`` for a notebook that has no course widget at all (the facilitator
    guide prints its agendas and keys).
    """
    wait_widgets_settled(page, scope)
    problems: list[str] = []
    errors = error_outputs(page, scope)
    if errors:
        problems.append("error output:\n" + "\n---\n".join(e[:1500] for e in errors))
    reprs = raw_widget_reprs(page, scope)
    if reprs:
        problems.append(f"widgets shown as text instead of rendered: {reprs}")
    roots = sc_widget_roots(page, scope)
    if not roots and require_any:
        problems.append("no .sc-widget rendered at all")
    for r in roots:
        if not (r["isWidgetView"] and r["inOutput"]):
            problems.append(f".sc-widget is not a widget view in an output area: {r}")
        elif r["width"] < 1 or r["height"] < 1:
            problems.append(f".sc-widget rendered with no size: {r}")
    if problems:
        raise AssertionError(f"{what}: " + "\n".join(problems))
    return roots


_JS_UNCLICKABLE = """
(scope) => {
  const describe = (e) => {
    if (!e) return 'nothing';
    const tag = e.tagName.toLowerCase();
    const kind = tag === 'input' ? (e.type || 'input') : tag;
    const label = (e.closest('label') || {}).innerText || (e.labels && e.labels[0] || {}).innerText
                  || e.innerText || e.getAttribute('aria-label') || e.value || '';
    const cls = typeof e.className === 'string' && e.className.trim()
                  ? ' .' + e.className.trim().split(/\\s+/).slice(0, 3).join('.') : '';
    return kind + cls + (label.trim() ? ' "' + label.trim().slice(0, 70) + '"' : '');
  };
  const controls = new Set();
  document.querySelectorAll((scope ? scope + ' ' : '') + '.sc-widget').forEach(root =>
    root.querySelectorAll('input:not([type=hidden]), button, select, textarea, a[href]')
        .forEach(c => controls.add(c)));
  const bad = [];
  for (const c of controls) {
    const st = getComputedStyle(c);
    if (st.display === 'none' || st.visibility === 'hidden') continue;
    let r = c.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;  // not shown (e.g. a closed accordion)
    c.scrollIntoView({block: 'center', inline: 'nearest'});
    r = c.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const own = hit && (hit === c || c.contains(hit) || hit.contains(c) ||
                        Array.from(c.labels || []).some(l => l.contains(hit)));
    if (!own) bad.push(describe(c) + ' is covered by ' + describe(hit));
  }
  return bad;
}
"""


def unclickable_controls(page: Any, scope: str = "") -> list[str]:
    """Controls in course widgets whose centre is covered by something else.

    A person clicks where a control is drawn; if another element (an overlapping label, a row
    of buttons) sits on top, the click lands there. Hidden controls are skipped.
    """
    result: list[str] = page.evaluate(_JS_UNCLICKABLE, scope)
    return result


_JS_OVERLAPPING_TEXT = """
(scope) => {
  const out = [];
  const roots = Array.from(document.querySelectorAll((scope ? scope + ' ' : '') + '.sc-widget'))
      .filter(el => !el.parentElement.closest('.sc-widget'));
  for (const root of roots) {
    const boxes = [];  // one per rendered line of each text node
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim() || n.parentElement.closest('style, script, select, option'))
        continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects())
        if (r.width > 1 && r.height > 1) boxes.push({n, r});
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.n === b.n) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 3 && h > 3) {
          out.push('text "' + a.n.textContent.trim().slice(0, 50) + '" overlaps "' +
                   b.n.textContent.trim().slice(0, 50) + '"');
        }
      }
    }
  }
  return Array.from(new Set(out));
}
"""


def overlapping_text(page: Any, scope: str = "") -> list[str]:
    """Pairs of texts in course widgets drawn on top of each other (unreadable)."""
    result: list[str] = page.evaluate(_JS_OVERLAPPING_TEXT, scope)
    return result


def layout_problems(page: Any, scope: str = "") -> list[str]:
    """Controls a click cannot reach, and text drawn over other text, in course widgets."""
    return unclickable_controls(page, scope) + overlapping_text(page, scope)


def assert_layout_ok(page: Any, scope: str = "", what: str = "page") -> None:
    bad = layout_problems(page, scope)
    assert not bad, f"{what}: layout problems in the course widgets:\n" + "\n".join(
        f"  - {b}" for b in bad
    )


def kernel_log_errors(page: Any) -> list[str]:
    """Errors the kernel logged outside any cell, e.g. a widget callback that raised.

    JupyterLab sends those to its Log Console, not to the notebook: the status bar's log item
    appears ("N new messages"). If it did, open the Log Console and return the texts of its
    error/critical entries. (stdout printed by callbacks is logged too, at a lower level.)
    """
    item = page.locator("#jp-main-statusbar .jp-LogConsoleStatusItem")
    if not item.count() or "lm-mod-hidden" in (item.first.get_attribute("class") or ""):
        return []
    if not page.locator(".jp-LogConsolePanel").count():
        item.first.locator(".jp-StatusBar-GroupItem").first.click()
        page.locator(".jp-LogConsolePanel").first.wait_for(state="attached")
    texts: list[str] = page.evaluate(
        """() => Array.from(document.querySelectorAll(
              '.jp-LogConsolePanel .jp-OutputArea-prompt[data-log-level]'))
            .filter(p => ['error', 'critical'].includes(p.dataset.logLevel))
            .map(p => (p.parentElement.querySelector('.jp-OutputArea-output') || p)
                      .innerText.slice(-1500))"""
    )
    return texts


# --------------------------------------------------------------------------------------------
# Accessibility (axe-core, bundled by the axe-playwright-python package; nothing fetched)
# --------------------------------------------------------------------------------------------


def _axe_source() -> str:
    from axe_playwright_python.base import AXE_SCRIPT  # bundled axe.min.js

    return AXE_SCRIPT


_JS_AXE = """
async ([impacts, scope]) => {
  const targets = Array.from(document.querySelectorAll(
      (scope ? scope + ' ' : '') + '.jp-OutputArea-output'))
      .filter(o => o.querySelector('.sc-widget'));
  document.querySelectorAll('[data-sc-axe]').forEach(e => e.removeAttribute('data-sc-axe'));
  targets.forEach(e => e.setAttribute('data-sc-axe', ''));
  if (!targets.length) return {targets: 0, violations: []};
  const res = await axe.run('[data-sc-axe]', {resultTypes: ['violations']});
  const violations = res.violations
    .filter(v => impacts.includes(v.impact))
    .map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({target: n.target, html: n.html.slice(0, 300),
                                summary: n.failureSummary}))
    }));
  return {targets: targets.length, violations};
}
"""


def axe_violations(
    page: Any, impacts: Sequence[str] = ("serious", "critical"), scope: str = ""
) -> list[dict[str, Any]]:
    """Run axe on the output areas that hold a course widget; return serious/critical issues.

    Only ``.jp-OutputArea-output`` elements containing a ``.sc-widget`` are checked: the rest
    of the page is JupyterLab's (or Voila's) and not ours to fix.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result: dict[str, Any] = page.evaluate(_JS_AXE, [list(impacts), scope])
    return list(result["violations"])


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for n in v["nodes"][:5]:
            lines.append(f"    at {n['target']}: {n['html']}")
            if n.get("summary"):
                lines.append("      " + n["summary"].replace("\n", "\n      "))
    return "\n".join(lines)


def assert_no_axe_violations(page: Any, what: str = "page", scope: str = "") -> None:
    violations = axe_violations(page, scope=scope)
    assert not violations, (
        f"{what}: axe found serious/critical issues in the course widgets:\n"
        + format_violations(violations)
    )


# --------------------------------------------------------------------------------------------
# Misc
# --------------------------------------------------------------------------------------------


@contextmanager
def timed(label: str, sink: dict[str, float]) -> Iterator[None]:
    t0 = time.monotonic()
    try:
        yield
    finally:
        sink[label] = round(time.monotonic() - t0, 2)


def focused_element(page: Any) -> dict[str, str]:
    """Tag, classes and text of ``document.activeElement`` (for keyboard tests)."""
    result: dict[str, str] = page.evaluate(
        "() => { const e = document.activeElement; return e ? {tag: e.tagName, "
        "cls: e.className || '', text: (e.innerText || e.value || '').slice(0, 80)} : {}; }"
    )
    return result


def wait_voila_ready(page: Any, timeout_ms: int = 120_000) -> None:
    """Wait until Voila has run every cell and shown them (its spinner is gone)."""
    page.wait_for_function(
        "() => !document.getElementById('loading') && "
        "(document.getElementById('rendered_cells') || {style: {}}).style.display !== 'none'",
        timeout=timeout_ms,
    )
    wait_widgets_settled(page, timeout_ms=timeout_ms)
