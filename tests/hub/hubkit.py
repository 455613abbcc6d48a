"""Harness for the hub smoke test: JupyterHub, its proxy, learners' servers and kernels.

Everything listens on 127.0.0.1. The hub runs ``deploy/jupyterhub_config.py`` in workshop mode
(a shared password; every learner's server runs as this OS user in its own home folder). Learners
log in through the login form and then use their own API token for the hub, their server and
their kernel's websocket (the JSON wire protocol; no jupyter_client). Every process the hub starts
is tracked with psutil, for the memory peak and so that all of them can be stopped by process id.

The proxy (configurable-http-proxy) comes from npm: ``npm ci --prefix deploy`` installs it into
``deploy/node_modules`` when missing; a failed install fails the test, never skips it.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import struct
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
HUB_CONFIG = DEPLOY / "jupyterhub_config.py"
PROXY_BIN = DEPLOY / "node_modules" / ".bin" / "configurable-http-proxy"

HUB_START_TIMEOUT = 60.0
SERVER_READY_TIMEOUT = 150.0
EXECUTE_TIMEOUT = 90.0
STOP_TIMEOUT = 20.0


# --- the proxy from npm ---------------------------------------------------------------------------


def ensure_proxy() -> Path:
    """Install configurable-http-proxy into deploy/node_modules when missing; fail if impossible."""
    if PROXY_BIN.exists():
        return PROXY_BIN
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is needed to install configurable-http-proxy (apt-get install npm)")
    command = [npm, "ci", "--prefix", str(DEPLOY), "--no-audit", "--no-fund"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0 or not PROXY_BIN.exists():
        pytest.fail(
            f"could not install configurable-http-proxy with {' '.join(command)}:\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return PROXY_BIN


# --- processes: sampling memory, stopping by process id ----------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _kind(cmdline: list[str]) -> str:
    text = " ".join(cmdline)
    if "configurable-http-proxy" in text:
        return "proxy"
    if "jupyterhub.singleuser" in text or "jupyterhub-singleuser" in text:
        return "server"
    if "ipykernel" in text:
        return "kernel"
    return "other"


@dataclass
class ProcessWatch:
    """Samples the hub's process tree: peak memory, and every process it ever started."""

    hub_pid: int
    interval: float = 0.25
    seen: dict[int, tuple[float, str]] = field(default_factory=dict)
    peak_total: int = 0
    peak_by_kind: dict[str, int] = field(default_factory=dict)
    peak_counts: dict[str, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="hub-memory", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        try:
            hub = psutil.Process(self.hub_pid)
            tree = [hub, *hub.children(recursive=True)]
        except psutil.Error:
            return
        total = 0
        by_kind: dict[str, int] = {}
        counts: dict[str, int] = {}
        with self._lock:
            for process in tree:
                try:
                    rss = process.memory_info().rss
                    if process.pid not in self.seen:
                        kind = "hub" if process.pid == self.hub_pid else _kind(process.cmdline())
                        self.seen[process.pid] = (process.create_time(), kind)
                except psutil.Error:
                    continue
                kind = self.seen[process.pid][1]
                total += rss
                by_kind[kind] = by_kind.get(kind, 0) + rss
                counts[kind] = counts.get(kind, 0) + 1
            if total > self.peak_total:
                self.peak_total, self.peak_by_kind, self.peak_counts = total, by_kind, counts

    def alive(self) -> list[psutil.Process]:
        """Every process the hub started (or the hub itself) that still runs."""
        running = []
        with self._lock:
            seen = dict(self.seen)
        for pid, (created, _kind_name) in seen.items():
            try:
                process = psutil.Process(pid)
                if process.create_time() != created:
                    continue  # the pid was reused by an unrelated process
                if process.status() == psutil.STATUS_ZOMBIE:
                    continue
                running.append(process)
            except psutil.Error:
                continue
        return running


def _signal_groups(processes: list[psutil.Process], signum: int) -> None:
    """Send signum to the process group of each process (never to the test's own group)."""
    own_group = os.getpgid(0)
    for process in processes:
        try:
            group = os.getpgid(process.pid)
            if group != own_group:
                os.killpg(group, signum)
            else:
                os.kill(process.pid, signum)
        except (ProcessLookupError, PermissionError):
            continue


# --- talking to the hub, the learner's server and their kernel -----------------------------------


@dataclass
class Hub:
    url: str
    service_token: str
    log_path: Path

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no hub log)"
        return "\n".join(text.splitlines()[-lines:])

    def api(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        with requests.Session() as session:
            session.trust_env = False
            headers = {"Authorization": f"token {self.service_token}"}
            return session.request(
                method, f"{self.url}/hub/api{path}", headers=headers, timeout=30, **kwargs
            )


def _new_session() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # loopback only, never through an HTTP proxy from the environment
    return session


def _xsrf(session: requests.Session) -> str:
    values = [cookie.value for cookie in session.cookies if cookie.name == "_xsrf"]
    assert values, "the hub set no _xsrf cookie"
    return str(values[-1])


def log_in(hub: Hub, name: str, password: str) -> requests.Session:
    """Log in through the hub's login form, as a browser does; return the logged-in session."""
    session = _new_session()
    page = session.get(f"{hub.url}/hub/login", timeout=30)
    page.raise_for_status()
    response = session.post(
        f"{hub.url}/hub/login",
        data={"username": name, "password": password, "_xsrf": _xsrf(session)},
        allow_redirects=False,
        timeout=30,
    )
    if response.status_code != 302:
        session.close()
        raise PermissionError(f"login as {name} refused: HTTP {response.status_code}")
    return session


def learner_token(hub: Hub, session: requests.Session, name: str) -> str:
    """Ask the hub, as the logged-in learner, for an API token of their own."""
    # The xsrf token is bound to the login, so fetch a page first to get the new one.
    session.get(f"{hub.url}/hub/home", timeout=30).raise_for_status()
    response = session.post(
        f"{hub.url}/hub/api/users/{name}/tokens",
        json={"note": "hub smoke test", "expires_in": 900},
        headers={"X-XSRFToken": _xsrf(session), "Referer": f"{hub.url}/hub/home"},
        timeout=30,
    )
    assert response.status_code == 201, f"token for {name}: {response.status_code} {response.text}"
    return str(response.json()["token"])


@dataclass
class Learner:
    name: str
    token: str
    hub: Hub
    session: requests.Session = field(default_factory=_new_session)

    def __post_init__(self) -> None:
        self.session.headers["Authorization"] = f"token {self.token}"

    @property
    def server(self) -> str:
        return f"{self.hub.url}/user/{self.name}"

    def hub_api(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        return self.session.request(method, f"{self.hub.url}/hub/api{path}", timeout=30, **kwargs)

    def start_server(self) -> None:
        response = self.hub_api("POST", f"/users/{self.name}/server")
        assert response.status_code in (201, 202), (
            f"starting {self.name}'s server: {response.status_code} {response.text}"
        )

    def wait_until_ready(self) -> None:
        deadline = time.monotonic() + SERVER_READY_TIMEOUT
        while time.monotonic() < deadline:
            model = self.hub_api("GET", f"/users/{self.name}").json()
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                return
            if not model.get("pending") and not server:
                raise AssertionError(f"{self.name}'s server stopped while starting")
            time.sleep(0.5)
        raise AssertionError(f"{self.name}'s server was not ready in {SERVER_READY_TIMEOUT} s")

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.get(f"{self.server}{path}", timeout=30, **kwargs)

    def notebook_cells(self, path: str) -> list[str]:
        response = self.get(f"/api/contents/{path}", params={"content": "1", "type": "notebook"})
        assert response.status_code == 200, f"{self.name} cannot open {path}: {response.text}"
        cells = response.json()["content"]["cells"]
        sources = []
        for cell in cells:
            if cell["cell_type"] != "code":
                continue
            source = cell["source"]
            sources.append(source if isinstance(source, str) else "".join(source))
        return sources

    def open_notebook_kernel(self, path: str) -> Kernel:
        """Open the notebook as JupyterLab does: a session whose kernel runs beside it."""
        response = self.session.post(
            f"{self.server}/api/sessions",
            json={"path": path, "name": path, "type": "notebook", "kernel": {"name": "python3"}},
            timeout=60,
        )
        assert response.status_code == 201, f"{self.name}: session: {response.text}"
        kernel_id = response.json()["kernel"]["id"]
        url = self.server.replace("http://", "ws://", 1)
        connection = websocket.create_connection(
            f"{url}/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4().hex}",
            header=[f"Authorization: token {self.token}"],
            timeout=EXECUTE_TIMEOUT,
            http_no_proxy=["127.0.0.1", "localhost"],
        )
        return Kernel(connection, self.name)


@dataclass
class Execution:
    status: str
    stdout: str
    error: str


class Kernel:
    """A kernel reached over the server's websocket (the JSON wire protocol, no jupyter_client)."""

    def __init__(self, connection: websocket.WebSocket, username: str) -> None:
        self.connection = connection
        self.username = username
        self.session_id = uuid.uuid4().hex

    def close(self) -> None:
        self.connection.close()

    def execute(self, code: str) -> Execution:
        msg_id = uuid.uuid4().hex
        self.connection.send(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "msg_type": "execute_request",
                        "username": self.username,
                        "session": self.session_id,
                        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                        "version": "5.3",
                    },
                    "parent_header": {},
                    "metadata": {},
                    "content": {
                        "code": code,
                        "silent": False,
                        "store_history": True,
                        "user_expressions": {},
                        "allow_stdin": False,
                        "stop_on_error": True,
                    },
                    "channel": "shell",
                    "buffers": [],
                }
            )
        )
        stdout: list[str] = []
        errors: list[str] = []
        status = ""
        idle = False
        deadline = time.monotonic() + EXECUTE_TIMEOUT
        while not (status and idle):
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.username}: no reply to {code!r}")
            message = _decode(self.connection.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = message["header"]["msg_type"]
            content = message.get("content", {})
            if kind == "stream" and content.get("name") == "stdout":
                stdout.append(content["text"])
            elif kind == "error":
                errors.append(f"{content.get('ename')}: {content.get('evalue')}")
            elif kind == "status" and content.get("execution_state") == "idle":
                idle = True
            elif kind == "execute_reply":
                status = content.get("status", "")
                if status == "error":
                    errors.append(f"{content.get('ename')}: {content.get('evalue')}")
        return Execution(status, "".join(stdout), "\n".join(errors))


def _decode(raw: str | bytes) -> dict[str, Any]:
    """Decode a websocket message: JSON text, or the binary framing used when buffers ride along."""
    if isinstance(raw, str):
        return dict(json.loads(raw))
    count = struct.unpack("!i", raw[:4])[0]
    offsets = struct.unpack("!" + "I" * count, raw[4 : 4 * (count + 1)])
    end = offsets[1] if count > 1 else len(raw)
    return dict(json.loads(raw[offsets[0] : end].decode("utf-8")))


# --- the hub itself -------------------------------------------------------------------------------


@dataclass
class RunningHub:
    hub: Hub
    process: subprocess.Popen[bytes]
    watch: ProcessWatch
    homes: Path
    course: Path
    log_file: Any


def start_hub(tmp: Path, course: Path, password: str) -> RunningHub:
    """Start JupyterHub with deploy/jupyterhub_config.py in workshop mode, on loopback ports.

    Learners' homes are ``tmp/homes/<name>``; ``course`` is the folder copied to each learner;
    ``password`` is the room's shared password. A service token (``hub.service_token``) may
    list users and stop servers.
    """
    proxy = ensure_proxy()
    assert HUB_CONFIG.is_file(), f"missing {HUB_CONFIG}"
    homes = tmp / "homes"
    port, hub_port, api_port = _free_port(), _free_port(), _free_port()
    service_token = secrets.token_hex(32)
    config = tmp / "jupyterhub_config.py"
    config.write_text(
        f"""
import os
_deploy = {str(HUB_CONFIG)!r}
if not os.path.isfile(_deploy):
    raise SystemExit("missing " + _deploy)
c = get_config()  # noqa: F821
load_subconfig(_deploy)  # noqa: F821
assert c.Spawner.pre_spawn_hook, "deploy/jupyterhub_config.py did not load"

c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{str(proxy)!r}]
c.ConfigurableHTTPProxy.pid_file = {str(tmp / "proxy.pid")!r}
c.JupyterHub.pid_file = {str(tmp / "hub.pid")!r}
c.JupyterHub.db_url = "sqlite:///{tmp / "jupyterhub.sqlite"}"
c.JupyterHub.cookie_secret_file = {str(tmp / "cookie_secret")!r}
c.Spawner.ip = "127.0.0.1"
c.JupyterHub.services = [{{"name": "hub-smoke-test", "api_token": {service_token!r}}}]
c.JupyterHub.load_roles = [
    {{
        "name": "hub-smoke-test",
        "scopes": ["list:users", "read:users", "admin:servers"],
        "services": ["hub-smoke-test"],
    }}
]
""",
        encoding="utf-8",
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("JUPYTERHUB_", "CONFIGPROXY_", "SECOND_CALL_", "JPY_"))
    }
    env.update(
        SECOND_CALL_HUB_HOMES=str(homes),
        SECOND_CALL_HUB_PASSWORD=password,
        SECOND_CALL_COURSE_DIR=str(course),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
    )
    log_path = tmp / "hub.log"
    log_file = open(log_path, "wb")  # noqa: SIM115  (closed in stop_hub)
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterhub", "-f", str(config)],
        cwd=tmp,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    watch = ProcessWatch(process.pid)
    watch.start()
    hub = Hub(f"http://127.0.0.1:{port}", service_token, log_path)
    running = RunningHub(hub, process, watch, homes, course, log_file)
    deadline = time.monotonic() + HUB_START_TIMEOUT
    while True:
        if process.poll() is not None:
            stop_hub(running, ())
            pytest.fail(f"JupyterHub exited with {process.returncode}:\n{hub.log_tail()}")
        try:
            if hub.api("GET", "/").status_code == 200:
                return running
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline:
            stop_hub(running, ())
            pytest.fail(f"JupyterHub did not answer in {HUB_START_TIMEOUT} s:\n{hub.log_tail()}")
        time.sleep(0.25)


def stop_hub(running: RunningHub, names: tuple[str, ...]) -> dict[str, Any]:
    """Stop the learners' servers and the hub gracefully, then kill what remains by process group.

    Returns what was still running after the graceful stop (``graceful_left``) and after the
    kill (``left``, which must be empty).
    """
    watch = running.watch
    watch.sample()
    if running.process.poll() is None:
        for name in names:  # ask the hub to stop each server, as an admin would
            try:
                running.hub.api("DELETE", f"/users/{name}/server")
            except requests.RequestException:
                pass
        _wait_until_gone(watch, {"server", "kernel"})
    watch.stop()
    # The hub, its proxy and every server each lead their own process group: stop them by pid.
    hub_process = [p for p in watch.alive() if p.pid == running.process.pid]
    _signal_groups(hub_process, signal.SIGTERM)
    try:
        running.process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        _signal_groups(hub_process, signal.SIGKILL)
        running.process.wait(timeout=STOP_TIMEOUT)
    _wait_until_gone(watch, {"proxy"})
    graceful_left = [f"{watch.seen[p.pid][1]} {p.pid}" for p in watch.alive()]
    for signum in (signal.SIGTERM, signal.SIGKILL):
        _signal_groups(watch.alive(), signum)
        _wait_until_gone(watch, None, timeout=5.0)
    running.log_file.close()
    return {
        "graceful_left": graceful_left,
        "left": [f"{watch.seen[p.pid][1]} {p.pid}" for p in watch.alive()],
    }


def _wait_until_gone(
    watch: ProcessWatch, kinds: set[str] | None, timeout: float = STOP_TIMEOUT
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not [p for p in watch.alive() if kinds is None or watch.seen[p.pid][1] in kinds]:
            return
        time.sleep(0.1)
