"""Fixtures for the browser tests: Chromium, JupyterLab and Voila servers, pages.

* ``chromium`` (session): Debian's Chromium driven by Playwright. Missing Chromium is a test
  FAILURE, never a skip: run ``bash scripts/browsers.sh`` first.
* ``lab_server`` (module): JupyterLab on 127.0.0.1 over a temporary copy of ``notebooks/``,
  with a token, autosave off, news/update popups off, ``SECOND_CALL_JOURNAL`` in a temp file;
  stopped by its process group at the end of the module.
* ``lab_page`` (function): a fresh page (own browser context) on ``lab_server``; console
  errors caused by our code fail the test (see ``labkit.ConsoleCollector``).
* ``voila`` (function): ``voila(path)`` serves a notebook with Voila; ``voila_page(server)``
  opens a fresh page on it. Both are stopped/closed at teardown.

On failure a screenshot and the page's HTML go to ``$SC_BROWSER_ARTIFACTS`` (default: a
pytest temp dir); the path is printed in the failure report.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import labkit
import pytest

TIMINGS: dict[str, dict[str, float]] = {}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives a real browser (Chromium) against JupyterLab or Voila"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call":
        item.stash[_FAILED] = report.failed
    return report


_FAILED = pytest.StashKey[bool]()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not TIMINGS:
        return
    terminalreporter.section("browser timings (seconds)")
    for test, parts in TIMINGS.items():
        detail = ", ".join(f"{k} {v:.1f}" for k, v in parts.items())
        terminalreporter.write_line(f"{test}: {detail}")


@pytest.fixture
def timings(request: pytest.FixtureRequest) -> dict[str, float]:
    """A dict a test fills with phase durations; printed in the terminal summary."""
    return TIMINGS.setdefault(request.node.nodeid.split("::", 1)[-1], {})


# ------------------------------------------------------------------------------------------
# Browser
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    problem = None
    try:
        labkit.require_chromium()
    except RuntimeError as exc:
        problem = str(exc)
    if problem is None:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            problem = (
                "The Python package `playwright` is missing (pip install playwright; its "
                "driver is enough: the browser is /usr/bin/chromium, never `playwright install`)."
            )
    if problem is not None:
        pytest.fail(problem, pytrace=False)  # a failure, never a skip
    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(
            executable_path=str(labkit.CHROMIUM),
            args=labkit.CHROMIUM_FLAGS + labkit.CHROMIUM_OFFLINE_FLAGS,
            headless=True,
        )
    except Exception as exc:  # noqa: BLE001 - any launch problem is a failure, with its cause
        pw.stop()
        problem = f"Chromium at {labkit.CHROMIUM} did not start: {exc}"
    if problem is not None:
        pytest.fail(problem, pytrace=False)
    try:
        yield browser
    finally:
        browser.close()
        pw.stop()


@pytest.fixture(scope="session")
def artifacts_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    env = os.environ.get("SC_BROWSER_ARTIFACTS")
    path = Path(env) if env else tmp_path_factory.mktemp("browser-artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def make_page(
    chromium: Any, request: pytest.FixtureRequest, artifacts_dir: Path
) -> Iterator[Callable[..., Any]]:
    """``make_page(base_url, on_close=None)`` → a fresh page in its own context.

    On failure a screenshot is saved before the context closes; ``on_close`` runs after.

    The collector is ``page.sc_console``; its problems fail the test at teardown.
    """
    opened: list[tuple[Any, Any, labkit.ConsoleCollector]] = []
    after_close: list[Callable[[], None]] = []

    def make(base_url: str, on_close: Callable[[], None] | None = None) -> Any:
        context = chromium.new_context(
            base_url=base_url, viewport={"width": 1366, "height": 900}, locale="en-US"
        )
        context.set_default_timeout(30_000)
        page = context.new_page()
        collector = labkit.ConsoleCollector().attach(page)
        page.sc_console = collector
        opened.append((context, page, collector))
        if on_close is not None:
            after_close.append(on_close)
        return page

    yield make

    failed = request.node.stash.get(_FAILED, False)
    problems: list[str] = []
    safe = request.node.nodeid.replace("/", "_").replace("::", "__").replace("[", "_")
    for i, (context, page, collector) in enumerate(opened):
        if failed:
            try:
                shot = artifacts_dir / f"{safe.strip(']')}-{i}.png"
                page.screenshot(path=str(shot), full_page=True)
                shot.with_suffix(".html").write_text(page.content())
                print(f"\nscreenshot: {shot}")
            except Exception as exc:  # noqa: BLE001 - best effort only
                print(f"\n(no screenshot: {exc})")
        problems.extend(str(m) for m in collector.problems)
        context.close()
    for callback in after_close:
        callback()
    if problems and not failed:
        pytest.fail(
            "Console errors during the test:\n" + "\n".join(f"  - {p}" for p in problems),
            pytrace=False,
        )


# ------------------------------------------------------------------------------------------
# JupyterLab
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[labkit.ServerProcess]:
    """JupyterLab over a temporary copy of notebooks/ (the real folder is never touched)."""
    workdir = tmp_path_factory.mktemp("lab")
    root = labkit.copy_notebooks(workdir / "notebooks")
    try:
        server = labkit.start_lab(root, workdir)
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def lab_page(make_page: Callable[..., Any], lab_server: labkit.ServerProcess) -> Any:
    """A fresh page on the module's JupyterLab; kernels it started are shut down afterwards."""
    return make_page(lab_server.url, on_close=lab_server.shutdown_kernels)


# ------------------------------------------------------------------------------------------
# Voila
# ------------------------------------------------------------------------------------------


@pytest.fixture
def voila(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[Path], Any]]:
    """``voila(notebook_path)`` → a running Voila server for that notebook (stopped by pid)."""
    servers: list[labkit.ServerProcess] = []

    def serve(notebook: Path) -> labkit.ServerProcess:
        if not notebook.is_file():
            pytest.fail(f"Voila: notebook {notebook} does not exist", pytrace=False)
        try:
            server = labkit.start_voila(notebook, tmp_path_factory.mktemp("voila"))
        except RuntimeError as exc:
            pytest.fail(str(exc), pytrace=False)
        servers.append(server)
        return server

    try:
        yield serve
    finally:
        for server in servers:
            server.stop()


@pytest.fixture
def voila_page(make_page: Callable[..., Any]) -> Callable[[labkit.ServerProcess], Any]:
    """``voila_page(server)`` → a page showing the server's notebook, all cells rendered."""

    def open_app(server: labkit.ServerProcess, timeout_ms: int = 120_000) -> Any:
        page = make_page(server.url)
        page.goto(f"?token={labkit.TOKEN}", timeout=timeout_ms)
        labkit.wait_voila_ready(page, timeout_ms)
        return page

    return open_app
