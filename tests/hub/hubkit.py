"""Harness for the hub smoke test: the hub on loopback ports, learners, kernels, accounts.

Learners log in through the login form and use their own API token for the hub, the room
service, their server and their kernel's websocket (JSON wire protocol, no jupyter_client).
Every process the hub starts is tracked with psutil: peak memory, and stopped by process id.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
import pytest
import requests
import websocket

REPO_ROOT = Path(__file__).resolve().parents[2]
DEPLOY = REPO_ROOT / "deploy"
PROXY_BIN = DEPLOY / "node_modules" / ".bin" / "configurable-http-proxy"
SERVER_READY_TIMEOUT = 150.0
EXECUTE_TIMEOUT = 90.0
STOP_TIMEOUT = 20.0


def ensure_proxy() -> Path:
    """Install configurable-http-proxy into deploy/node_modules when missing; fail if impossible."""
    if not PROXY_BIN.exists():
        npm = shutil.which("npm") or pytest.fail("npm is needed for configurable-http-proxy")
        command = [npm, "ci", "--prefix", str(DEPLOY), "--no-audit", "--no-fund"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
        if done.returncode or not PROXY_BIN.exists():
            pytest.fail(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return PROXY_BIN


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def session() -> requests.Session:
    """A session that never goes through an HTTP proxy from the environment (loopback only)."""
    new = requests.Session()
    new.trust_env = False
    return new


def make_accounts(names: list[str], group: str, password: str, homes: Path) -> None:
    """Create system accounts in ``group`` with ``password`` and homes under ``homes``."""
    subprocess.run(["groupadd", "-f", group], check=True)
    for name in names:
        home = str(homes / name)
        subprocess.run(["useradd", "-m", "-d", home, "-G", group, name], check=True)
    lines = "".join(f"{name}:{password}\n" for name in names)
    subprocess.run(["chpasswd"], input=lines, text=True, check=True)


def remove_accounts(names: list[str], group: str) -> None:
    """Delete the test's accounts and group (their homes are removed with the test folder)."""
    for name in names:
        subprocess.run(["userdel", name], capture_output=True, check=False)
    subprocess.run(["groupdel", group], capture_output=True, check=False)


def python_paths() -> list[Path]:
    """The folders other accounts' servers need to run this Python and import the course."""
    found = [Path(sys.executable), Path(sys.executable).resolve(), REPO_ROOT]
    found += [Path(p) for p in (sys.prefix, sys.base_prefix, *sys.path) if p]
    return [path for path in found if path.exists()]


def open_for_accounts(paths: list[Path]) -> list[tuple[Path, int]]:
    """Let other accounts pass through every folder on the way to ``paths`` (adds o+x only).

    A Python installed under a private home (``/root`` is 0700) cannot be run by learners'
    system accounts; this opens just the folders in the way, for the test's duration. Returns
    each changed folder with its earlier mode, for :func:`restore_modes`.
    """
    changed: dict[Path, int] = {}
    for path in paths:
        resolved = path.resolve()
        folders = [*reversed(resolved.parents), *([resolved] if resolved.is_dir() else [])]
        for folder in folders:
            mode = stat.S_IMODE(folder.stat().st_mode)
            if folder not in changed and not mode & stat.S_IXOTH:
                folder.chmod(mode | stat.S_IXOTH)
                changed[folder] = mode
    return list(changed.items())


def restore_modes(changed: list[tuple[Path, int]]) -> None:
    """Put back the folder modes :func:`open_for_accounts` changed."""
    for folder, mode in reversed(changed):
        folder.chmod(mode)


@dataclass
class RunningHub:
    url: str
    process: subprocess.Popen[bytes]
    log_path: Path
    room_data: Path
    seen: dict[int, tuple[float, str]] = field(default_factory=dict)
    peak: dict[str, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)

    def log_tail(self) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-40:])

    def sample(self) -> None:
        """Record every process in the hub's tree and the peak memory by kind."""
        try:
            hub = psutil.Process(self.process.pid)
            tree = [hub, *hub.children(recursive=True)]
        except psutil.Error:
            return
        by_kind: dict[str, int] = {}
        for proc in tree:
            try:
                if proc.pid not in self.seen:
                    text = " ".join(proc.cmdline())
                    kind = next(
                        (k for k, part in _KINDS if part in text), "hub" if proc is hub else "other"
                    )
                    self.seen[proc.pid] = (proc.create_time(), kind)
                kind = self.seen[proc.pid][1]
                by_kind[kind] = by_kind.get(kind, 0) + proc.memory_info().rss
            except psutil.Error:
                continue
        if sum(by_kind.values()) > sum(self.peak.values()):
            self.peak = by_kind

    def watch(self) -> None:
        while not self._stop.wait(0.25):
            self.sample()

    def alive(self, kinds: set[str] | None = None) -> list[psutil.Process]:
        """Processes the hub started (or the hub) still running, optionally of some kinds."""
        running = []
        for pid, (created, kind) in list(self.seen.items()):
            try:
                proc = psutil.Process(pid)
                if proc.create_time() == created and proc.status() != psutil.STATUS_ZOMBIE:
                    if kinds is None or kind in kinds:
                        running.append(proc)
            except psutil.Error:
                continue
        return running


_KINDS = (
    ("proxy", "configurable-http-proxy"),
    ("room", "second_call_room.py"),
    ("server", "jupyterhub.singleuser"),
    ("kernel", "ipykernel"),
)


def start_hub(tmp: Path, course: Path, env: dict[str, str]) -> RunningHub:
    """Start the hub with deploy/jupyterhub_config.py on loopback ports; ``env`` picks the mode."""
    proxy = ensure_proxy()
    port = free_port()
    config = tmp / "jupyterhub_config.py"
    config.write_text(
        f"c = get_config()  # noqa: F821\n"
        f"load_subconfig({str(DEPLOY / 'jupyterhub_config.py')!r})  # noqa: F821\n"
        f"c.JupyterHub.hub_bind_url = 'http://127.0.0.1:{free_port()}'\n"
        f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{free_port()}'\n"
        f"c.ConfigurableHTTPProxy.command = [{str(proxy)!r}]\n"
        f"c.ConfigurableHTTPProxy.pid_file = {str(tmp / 'proxy.pid')!r}\n"
        f"c.JupyterHub.cookie_secret_file = {str(tmp / 'cookie_secret')!r}\n"
        "c.Spawner.ip = '127.0.0.1'\n",
        encoding="utf-8",
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTERHUB_", "JPY_"))}
    clean = {k: v for k, v in clean.items() if not k.startswith(("CONFIGPROXY_", "SECOND_CALL_"))}
    room_data = tmp / "room"
    clean.update(
        env,
        SECOND_CALL_HUB_URL=f"http://127.0.0.1:{port}",
        SECOND_CALL_ROOM_PORT=str(free_port()),
        SECOND_CALL_ROOM_DATA=str(room_data),
        SECOND_CALL_COURSE_DIR=str(course),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{clean.get('PATH', '')}",
    )
    log_path = tmp / "hub.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)],
            cwd=tmp,
            env=clean,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    hub = RunningHub(f"http://127.0.0.1:{port}", process, log_path, room_data)
    threading.Thread(target=hub.watch, daemon=True).start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with session() as probe:
                if probe.get(f"{hub.url}/hub/api/", timeout=5).status_code == 200:
                    return hub
        except requests.ConnectionError:
            pass
        time.sleep(0.25)
    stop_hub(hub, [])
    pytest.fail(f"JupyterHub did not start:\n{hub.log_tail()}")


def stop_hub(hub: RunningHub, learners: list[Learner]) -> list[str]:
    """Each learner stops their server through the hub, then the hub stops; what remains is
    killed by process group. Returns what was still running after that (must be empty).
    """
    hub.sample()
    for learner in learners:
        if hub.process.poll() is None:
            learner.hub_api("DELETE", f"/users/{learner.name}/server")
    _wait_gone(hub, {"server", "kernel"})
    hub._stop.set()
    for signum in (signal.SIGTERM, signal.SIGKILL):
        _signal_groups(hub.alive(), signum)
        _wait_gone(hub, None)
    hub.process.wait(timeout=STOP_TIMEOUT)
    return [f"{hub.seen[p.pid][1]} {p.pid}" for p in hub.alive()]


def _signal_groups(processes: list[psutil.Process], signum: int) -> None:
    """Signal each process's group (never the test's own group), each by its id."""
    own = os.getpgid(0)
    for proc in processes:
        try:
            group = os.getpgid(proc.pid)
            os.killpg(group, signum) if group != own else os.kill(proc.pid, signum)
        except (ProcessLookupError, PermissionError):
            continue


def _wait_gone(hub: RunningHub, kinds: set[str] | None) -> None:
    deadline = time.monotonic() + STOP_TIMEOUT
    while hub.alive(kinds) and time.monotonic() < deadline:
        time.sleep(0.1)


def log_in(hub: RunningHub, name: str, password: str) -> requests.Session:
    """Log in through the hub's login form, as a browser does; return the logged-in session."""
    browser = session()
    browser.get(f"{hub.url}/hub/login", timeout=30).raise_for_status()
    reply = browser.post(
        f"{hub.url}/hub/login",
        data={"username": name, "password": password, "_xsrf": _xsrf(browser)},
        allow_redirects=False,
        timeout=30,
    )
    if reply.status_code != 302:
        browser.close()
        raise PermissionError(f"login as {name} refused: HTTP {reply.status_code}")
    return browser


def _xsrf(browser: requests.Session) -> str:
    return str([cookie.value for cookie in browser.cookies if cookie.name == "_xsrf"][-1])


@dataclass
class Learner:
    name: str
    token: str
    hub: RunningHub
    http: requests.Session = field(default_factory=session)

    @classmethod
    def log_in(cls, hub: RunningHub, name: str, password: str) -> Learner:
        """Log in and ask the hub, as that user, for an API token of their own."""
        browser = log_in(hub, name, password)
        with browser:
            browser.get(f"{hub.url}/hub/home", timeout=30).raise_for_status()
            reply = browser.post(
                f"{hub.url}/hub/api/users/{name}/tokens",
                json={"note": "hub smoke test", "expires_in": 900},
                headers={"X-XSRFToken": _xsrf(browser), "Referer": f"{hub.url}/hub/"},
                timeout=30,
            )
        assert reply.status_code == 201, f"token for {name}: {reply.status_code} {reply.text}"
        learner = cls(name, str(reply.json()["token"]), hub)
        learner.http.headers["Authorization"] = f"token {learner.token}"
        return learner

    def hub_api(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        return self.http.request(method, f"{self.hub.url}/hub/api{path}", timeout=30, **kwargs)

    def room(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        url = f"{self.hub.url}/services/second-call-room/{path}"
        return self.http.request(method, url, timeout=30, allow_redirects=False, **kwargs)

    def start_server(self) -> None:
        reply = self.hub_api("POST", f"/users/{self.name}/server")
        assert reply.status_code in (201, 202), f"{self.name}: {reply.status_code} {reply.text}"
        deadline = time.monotonic() + SERVER_READY_TIMEOUT
        while time.monotonic() < deadline:
            model = self.hub_api("GET", f"/users/{self.name}").json()
            if model.get("servers", {}).get("", {}).get("ready"):
                return
            assert model.get("pending") or model.get("servers"), f"{self.name}'s server stopped"
            time.sleep(0.5)
        raise AssertionError(f"{self.name}'s server was not ready in time")

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.get(f"{self.hub.url}/user/{self.name}{path}", timeout=30, **kwargs)

    def code_cells(self, path: str) -> list[str]:
        reply = self.get(f"/api/contents/{path}", params={"content": "1", "type": "notebook"})
        assert reply.status_code == 200, f"{self.name} cannot open {path}: {reply.text}"
        cells = reply.json()["content"]["cells"]
        return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]

    def kernel(self, path: str) -> Kernel:
        """Open the notebook as JupyterLab does: a session whose kernel runs beside it."""
        reply = self.http.post(
            f"{self.hub.url}/user/{self.name}/api/sessions",
            json={"path": path, "name": path, "type": "notebook", "kernel": {"name": "python3"}},
            timeout=60,
        )
        assert reply.status_code == 201, f"{self.name}: session: {reply.text}"
        url = f"{self.hub.url}/user/{self.name}".replace("http://", "ws://", 1)
        connection = websocket.create_connection(
            f"{url}/api/kernels/{reply.json()['kernel']['id']}/channels",
            header=[f"Authorization: token {self.token}"],
            timeout=EXECUTE_TIMEOUT,
            http_no_proxy=["127.0.0.1"],
        )
        return Kernel(connection, self.name)


@dataclass
class Kernel:
    """A kernel reached over the server's websocket (the JSON wire protocol, no jupyter_client)."""

    connection: websocket.WebSocket
    username: str

    def run(self, code: str) -> str:
        """Execute code; return its stdout, or fail the test with the kernel's error."""
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": "execute_request", "username": self.username}
        header.update(session=uuid.uuid4().hex, date="2025-01-01T00:00:00Z", version="5.3")
        content = {"code": code, "silent": False, "allow_stdin": False, "stop_on_error": True}
        message = {"header": header, "parent_header": {}, "metadata": {}, "content": content}
        self.connection.send(json.dumps({**message, "channel": "shell", "buffers": []}))
        stdout, errors, replied, idle = [], [], False, False
        deadline = time.monotonic() + EXECUTE_TIMEOUT
        while not (replied and idle):
            assert time.monotonic() < deadline, f"{self.username}: no reply to {code!r}"
            raw = self.connection.recv()
            if not isinstance(raw, str):
                continue  # binary frames carry widget buffers, never our replies
            reply = json.loads(raw)
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, body = reply["header"]["msg_type"], reply.get("content", {})
            if kind == "stream" and body.get("name") == "stdout":
                stdout.append(body["text"])
            elif kind in ("error", "execute_reply") and body.get("status", "error") == "error":
                errors.append(f"{body.get('ename')}: {body.get('evalue')}")
            replied = replied or kind == "execute_reply"
            idle = idle or (kind == "status" and body.get("execution_state") == "idle")
        assert not errors, f"{self.username}: {code[:60]!r}: {errors}"
        return "".join(stdout)
