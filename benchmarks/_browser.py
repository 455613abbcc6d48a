"""Shared helpers for the browser benchmarks: a JupyterLab server, a static server, Chromium.

Plain code on purpose: start a server in its own process group, wait until it answers, stop
it by its process group. Chromium is Debian's (/usr/bin/chromium), driven by Playwright.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from _bench import ROOT
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
TOKEN = "bench"

#: True once the status bar's kernel item reads "<kernel name> | Idle".
KERNEL_IDLE_JS = """() => [...document.querySelectorAll('.jp-StatusBar-Item')].some(item => {
  const text = item.innerText.replace(/\\s+/g, ' ').trim();
  const match = /^(.+?) \\| Idle$/.exec(text);
  return !!match && !/^(no )?kernel$/i.test(match[1]);
})"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_http(url: str, proc: subprocess.Popen[bytes], timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer {url}") from None
            time.sleep(0.3)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server started with start_new_session=True, with everything it started."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=15)
            break
        except subprocess.TimeoutExpired:
            continue
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # kernels that outlived the server


@contextlib.contextmanager
def jupyterlab(root: Path, work: Path, windowing: str | None = "none") -> Iterator[str]:
    """Serve ``root`` with JupyterLab (kernels import this checkout); yield its base URL.

    ``windowing`` sets the notebook's windowing mode; None keeps JupyterLab's default, which is
    what a learner's JupyterLab uses (the course sets no windowing mode).
    """
    settings = work / "lab-settings"
    quiet: dict[str, dict[str, Any]] = {
        "@jupyterlab/apputils-extension/notification": {
            "fetchNews": "false", "checkForUpdates": False},
        "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    }  # fmt: skip
    if windowing is not None:
        quiet["@jupyterlab/notebook-extension/tracker"] = {"windowingMode": windowing}
    for plugin, values in quiet.items():
        path = settings / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    env = {
        **os.environ,
        "SECOND_CALL_JOURNAL": str(work / "journal.json"),
        "JUPYTER_CONFIG_DIR": str(work / "jupyter-config"),
        "JUPYTER_RUNTIME_DIR": str(work / "jupyter-runtime"),
        "IPYTHONDIR": str(work / "ipython"),
        "JUPYTER_PLATFORM_DIRS": "1",
        "PYTHONPATH": str(ROOT),
        "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""),
    }
    port = free_port()
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--ServerApp.token={TOKEN}", f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={work / 'workspaces'}",
    ]  # fmt: skip
    if os.geteuid() == 0:
        command.append("--ServerApp.allow_root=True")
    with (work / "jupyterlab.log").open("wb") as log:
        proc = subprocess.Popen(
            command, cwd=root, env=env, stdin=subprocess.DEVNULL, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_http(f"{base}/api/status?token={TOKEN}", proc)
        yield base
    finally:
        _stop(proc)


def shut_down_kernels(base: str) -> None:
    """Shut down every kernel of a JupyterLab server (between repetitions)."""
    headers = {"Authorization": f"token {TOKEN}"}
    request = urllib.request.Request(f"{base}/api/kernels", headers=headers)
    with urllib.request.urlopen(request, timeout=30) as answer:
        kernels = json.load(answer)
    for kernel in kernels:
        url = f"{base}/api/kernels/{kernel['id']}"
        delete = urllib.request.Request(url, headers=headers, method="DELETE")
        with contextlib.suppress(OSError):
            urllib.request.urlopen(delete, timeout=30).close()


@contextlib.contextmanager
def static_site(site: Path) -> Iterator[str]:
    """Serve a built site with Python's http.server on 127.0.0.1; yield its base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory", str(site),
         str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_http(f"{base}/", proc, timeout_s=30)
        yield base
    finally:
        _stop(proc)


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """Yield a headless Chromium (Debian's) driven by Playwright."""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_kernel_idle(page: Any, timeout_s: float = 300) -> None:
    page.wait_for_function(KERNEL_IDLE_JS, timeout=timeout_s * 1000)


def run_all_cells(page: Any) -> None:
    """Run all cells from the Run menu, as a learner would."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()

#: True once a widget button in the notebook's outputs is shown and enabled: an exercise is usable.
WIDGET_USABLE_JS = """() => [...document.querySelectorAll(
  '.jp-OutputArea-output button.jupyter-button:not([disabled])')].some(
  button => button.getClientRects().length > 0)"""

#: The cell: like the course's first cell, it installs its package first in JupyterLite.
BUTTON_SOURCE = """import sys

if sys.platform == "emscripten":
    %pip install -q ipywidgets

import ipywidgets as w

w.Button(description="Click")"""

#: A notebook holding one bare ipywidgets button: the baseline for opening a notebook.
BUTTON_NOTEBOOK = {
    "cells": [
        {"cell_type": "code", "execution_count": None, "id": "button", "metadata": {},
         "outputs": [], "source": BUTTON_SOURCE}
    ],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}  # fmt: skip


def open_to_first_widget(browser: Any, url: str, timeout_s: float = 300) -> float:
    """Seconds from opening ``url`` (a notebook, fresh browser profile) to its first usable widget.

    Open, wait for the kernel, Run All (as a learner would), then wait until the first widget
    button in the outputs is visible and enabled.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        started = time.monotonic()
        page.goto(url)
        wait_kernel_idle(page, timeout_s)
        run_all_cells(page)
        try:
            page.wait_for_function(WIDGET_USABLE_JS, timeout=timeout_s * 1000)
        except PlaywrightTimeout:
            raise RuntimeError(f"no usable widget after {timeout_s:.0f} s at {url}") from None
        return time.monotonic() - started
    finally:
        context.close()
