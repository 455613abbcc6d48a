"""Drive a built JupyterLite site in headless Chromium as a learner would; report what happened.

Used by ``test_lite_site.py``, which runs it as a script (inside a network namespace with no
network when it can), and usable by hand::

    .venv/bin/python tests/lite/lite_browser.py --site lite/_output --notebook NAME.ipynb

It serves the site with Python's ``http.server`` on 127.0.0.1 (stopped by its pid), opens the
notebook in the Lite JupyterLab, waits until the Pyodide kernel is idle, runs all cells twice
(the second time after reloading the page), clicks a widget, and writes a JSON report: timings,
cell outputs, whether widgets rendered, and every request to a host other than the server.

Nothing here imports Playwright at module level, so pytest's doctest collection can import it.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import re
import socket
import struct
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    # belt and braces: no host name resolves, so nothing can leave even outside a namespace
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
#: a request the driver makes on purpose at the end, to prove that foreign requests are seen
CANARY = "http://lite-canary.invalid/should-be-counted"
#: the status bar's kernel item once the kernel is idle, e.g. "Python (Pyodide) | Idle"
KERNEL_IDLE = re.compile(r"^\s*(?P<name>\S.*?)\s*\|\s*Idle\s*$")
#: markers the smoke notebook prints
DONE = "LITE-SMOKE-DONE"
#: the last line of an error's output (JupyterLab shows errors as stderr, like warnings)
ERROR_LINE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Interrupt)(:.*)?$")


def bring_up_loopback() -> None:
    """Set the loopback interface up (a new network namespace starts with it down)."""
    siocgifflags, siocsifflags, iff_up = 0x8913, 0x8914, 0x1
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        request = struct.pack("16sh", b"lo", 0)
        flags = struct.unpack("16sh", fcntl.ioctl(sock, siocgifflags, request))[1]
        fcntl.ioctl(sock, siocsifflags, struct.pack("16sh", b"lo", flags | iff_up))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` with Python's http.server on 127.0.0.1; stop it by its pid afterwards."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory", str(site),
         str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/jupyter-lite.json", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"http.server did not start on {base}") from None
                time.sleep(0.2)
        yield base
    finally:
        os.kill(server.pid, 15)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.kill(server.pid, 9)
            server.wait()


def kernel_status(page: Any) -> str:
    """The status bar's kernel item text, e.g. 'Python (Pyodide) | Idle' (or '')."""
    texts: list[str] = page.locator(".jp-StatusBar-Item").all_inner_texts()
    for text in texts:
        if "|" in text and any(s in text for s in ("Idle", "Busy", "Starting", "Connecting",
                                                    "Unknown", "Restarting", "Dead")):
            return " ".join(text.split())
    return ""


def wait_for_kernel_idle(page: Any, timeout_s: float) -> str:
    """Wait until the status bar shows an idle kernel with a name; return the kernel's name."""
    deadline = time.monotonic() + timeout_s
    last = ""
    while time.monotonic() < deadline:
        last = kernel_status(page)
        match = KERNEL_IDLE.match(last)
        if match and match["name"].lower() not in ("no kernel", "kernel"):
            return match["name"]
        page.wait_for_timeout(250)
    raise TimeoutError(f"the kernel was not idle after {timeout_s:.0f} s (status bar: {last!r})")


def run_all_cells(page: Any) -> None:
    """Run all cells from the Run menu, as a learner would."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()


def outputs_text(page: Any) -> str:
    return "\n".join(page.locator(".jp-OutputArea-output").all_inner_texts())


def error_outputs(page: Any) -> list[str]:
    """The texts of the notebook's error outputs (a traceback, or a SyntaxError's report)."""
    errors = []
    stderr = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    for text in stderr.all_inner_texts():
        lines = [line for line in text.splitlines() if line.strip()]
        if "Traceback (most recent call last)" in text or (lines and ERROR_LINE.match(lines[-1])):
            errors.append(text[-2000:])
    return errors


def wait_for_output(page: Any, needle: str, timeout_s: float) -> str:
    """Wait until the notebook's outputs contain ``needle`` (or an error); return all outputs."""
    deadline = time.monotonic() + timeout_s
    text = ""
    while time.monotonic() < deadline:
        text = outputs_text(page)
        if needle in text:
            return text
        if error_outputs(page):
            raise AssertionError(f"a cell failed:\n{text[-3000:]}")
        page.wait_for_timeout(250)
    raise TimeoutError(f"no {needle!r} in the outputs after {timeout_s:.0f} s:\n{text[-3000:]}")


def wait_for_run_all(page: Any, timeout_s: float) -> None:
    """Wait until no cell is queued or running ("[*]") and the kernel is idle, for 1.5 s."""
    deadline = time.monotonic() + timeout_s
    quiet = 0
    while time.monotonic() < deadline:
        prompts = page.locator(".jp-Cell .jp-InputPrompt").all_inner_texts()
        busy = any("*" in prompt for prompt in prompts)
        quiet = 0 if busy or not KERNEL_IDLE.match(kernel_status(page)) else quiet + 1
        if quiet >= 3:
            return
        page.wait_for_timeout(500)
    raise TimeoutError(f"the cells were still running after {timeout_s:.0f} s")


def _open_and_run(page: Any, base: str, notebook: str, timeout_s: float,
                  result: dict[str, Any], reload: bool = False) -> None:
    started = time.monotonic()
    if reload:
        page.reload()
    else:
        page.goto(f"{base}/lab/index.html?path={notebook}")
    page.locator(".jp-Notebook").first.wait_for()
    wait_for_kernel_idle(page, timeout_s)
    idle_at = time.monotonic()
    key = "after_reload_" if reload else ""
    result[f"{key}load_to_kernel_idle_s"] = round(idle_at - started, 2)
    run_all_cells(page)
    page.wait_for_timeout(500)
    wait_for_run_all(page, timeout_s)
    result[f"{key}run_all_s"] = round(time.monotonic() - idle_at, 2)


def _text(page: Any, selector: str) -> str:
    return " ".join(" ".join(page.locator(selector).first.all_inner_texts()).split())


def interact_classifier(page: Any, timeout_s: float) -> dict[str, Any]:
    """Notebook 03: tick a misstep, classify, and see the saved scenario."""
    box = page.locator(".sc-classifier").first
    box.locator(".widget-checkbox", has_text="Went silent").locator("input").check()
    box.locator("button", has_text="Show my scenario").click()
    feedback = box.locator(".sc-feedback-classification")
    feedback.filter(has_text="Scenario 2 — saved").wait_for(timeout=timeout_s * 1000)
    return {"shown": _text(page, ".sc-classifier .sc-feedback-classification")[:200]}


def check_classifier_restored(page: Any) -> dict[str, Any]:
    """After a reload and Run All, the classifier shows the saved answer again."""
    box = page.locator(".sc-classifier").first
    box.scroll_into_view_if_needed()  # JupyterLab renders only the cells in view
    box.locator(".sc-feedback-classification").filter(has_text="Scenario").first.wait_for(
        timeout=30_000
    )
    ticked = box.locator(".widget-checkbox", has_text="Went silent").locator("input")
    shown = _text(page, ".sc-classifier .sc-feedback-classification")
    return {"restored": "Scenario 2 — saved" in shown and ticked.is_checked()}


def interact_roleplay(page: Any, timeout_s: float) -> dict[str, Any]:
    """Notebook 07: pick the first reply, say it, and see how the manager takes it."""
    box = page.locator(".sc-roleplay").first
    box.scroll_into_view_if_needed()  # JupyterLab renders only the cells in view
    box.locator(".sc-manager-line").filter(has_text="Manager:").wait_for(timeout=timeout_s * 1000)
    line = box.locator(".sc-manager-line")
    before = " ".join((line.text_content() or "").split())
    box.locator(".sc-choices input[type=radio]").first.check()
    box.locator("button", has_text="Say it").click()
    box.locator(".sc-feedback-step [role=status]").first.wait_for(timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    after = before
    while after == before and time.monotonic() < deadline:
        page.wait_for_timeout(200)
        after = " ".join((line.text_content() or "").split())
    return {"manager_before": before[:200], "manager_after": after[:200],
            "moved_on": before != after}


def check_roleplay_restored(page: Any, saved: dict[str, Any]) -> dict[str, Any]:
    """After a reload and Run All, the role-play resumes where the learner left it."""
    line = page.locator(".sc-roleplay .sc-manager-line").first
    line.scroll_into_view_if_needed()  # JupyterLab renders only the cells in view
    with contextlib.suppress(Exception):
        line.filter(has_text="Manager:").wait_for(timeout=30_000)
    now = " ".join((line.text_content() or "").split())
    return {"restored": now[:200] == saved.get("manager_after"), "manager_now": now[:200]}


def run_course_notebook(browser: Any, base: str, notebook: str, timeout_s: float,
                        listen: Any) -> dict[str, Any]:
    """Open one notebook, run all cells, interact, reload, run again, and check what was kept."""
    from playwright.sync_api import Error as PlaywrightError

    result: dict[str, Any] = {"notebook": notebook, "errors": []}
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        listen(context)
        page = context.new_page()
        page.on("dialog", lambda dialog: dialog.accept())
        page.set_default_timeout(timeout_s * 1000)
        _open_and_run(page, base, notebook, timeout_s, result)
        result["widgets_rendered"] = page.locator(".jupyter-widgets").count()
        result["errors"] = error_outputs(page)
        name = notebook.rsplit("/", 1)[-1]
        if name == "03_which_scenario.ipynb":
            result["interaction"] = interact_classifier(page, timeout_s)
        elif name == "07_practise_the_call.ipynb":
            result["interaction"] = interact_roleplay(page, timeout_s)
        if "interaction" in result:
            page.wait_for_timeout(1500)  # let the drive write the journal through
            _open_and_run(page, base, notebook, timeout_s, result, reload=True)
            if name.startswith("03"):
                result["after_reload"] = check_classifier_restored(page)
            else:
                result["after_reload"] = check_roleplay_restored(page, result["interaction"])
            result["errors"] += error_outputs(page)
    except (TimeoutError, PlaywrightError) as error:
        result["errors"].append(f"{type(error).__name__}: {error}"[:2000])
    finally:
        context.close()
    return result


def drive(site: Path, notebook: str, timeout_s: float, screenshot: Path | None,
          course: list[str] | None = None) -> dict[str, Any]:
    """Open ``notebook`` in the site twice (with a reload between) and report what happened.

    Then run each of the ``course`` notebooks once, each in a fresh browser context.
    """
    from playwright.sync_api import sync_playwright

    report: dict[str, Any] = {
        "foreign_requests": [], "local_requests": 0, "local_wheel_requests": 0,
        "canary_seen": False, "not_found": [], "console_errors": [],
    }
    with serve(site) as base, sync_playwright() as playwright:
        origin = urlsplit(base).netloc

        def on_request(request: Any) -> None:
            url = urlsplit(request.url)
            if url.scheme in ("data", "blob", "about"):
                return
            if url.netloc == origin and url.scheme in ("http", "ws"):
                report["local_requests"] += 1
                report["local_wheel_requests"] += url.path.endswith(".whl")
            elif request.url == CANARY:
                report["canary_seen"] = True
            else:
                report["foreign_requests"].append(request.url)

        def on_response(response: Any) -> None:
            if response.status >= 400:
                report["not_found"].append(f"{response.status} {response.url}")

        def on_console(message: Any) -> None:
            if message.type == "error":
                report["console_errors"].append(message.text[:500])

        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        def listen(context: Any) -> None:
            context.on("request", on_request)
            context.on("response", on_response)

        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            listen(context)
            page = context.new_page()
            page.on("websocket", on_request)
            page.on("dialog", lambda dialog: dialog.accept())
            page.on("console", on_console)
            page.set_default_timeout(timeout_s * 1000)
            url = f"{base}/lab/index.html?path={notebook}"

            runs = []
            for attempt in ("first", "after reload"):
                started = time.monotonic()
                if attempt == "first":
                    page.goto(url)
                else:
                    page.reload()
                page.locator(".jp-Notebook").first.wait_for()
                kernel = wait_for_kernel_idle(page, timeout_s)
                idle_at = time.monotonic()
                run_all_cells(page)
                text = wait_for_output(page, DONE, timeout_s)
                finished = time.monotonic()
                run: dict[str, Any] = {
                    "kernel": kernel,
                    "load_to_kernel_idle_s": round(idle_at - started, 2),
                    "run_all_s": round(finished - idle_at, 2),
                    "widgets_rendered": page.locator(".jupyter-widgets").count(),
                    "outputs": text,
                }
                button = page.locator(".jupyter-widgets button", has_text="Smoke button")
                if button.count():
                    button.first.click()
                    clicked = page.locator(".jupyter-widgets", has_text="clicked in Python")
                    clicked.first.wait_for(timeout=30_000)
                    run["button_click_reached_python"] = True
                runs.append(run)
                if screenshot and attempt == "first":
                    page.screenshot(path=str(screenshot))
            report["runs"] = runs
            report["course"] = [
                run_course_notebook(browser, base, name, timeout_s, listen)
                for name in course or []
            ]
            # the kernel's worker fetched its wheels (counted above); now one foreign request
            # from the page, which must be seen (and fails: nothing resolves)
            page.evaluate(f"fetch({CANARY!r}).catch(() => null)")
            page.wait_for_timeout(1000)
        finally:
            browser.close()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--notebook", required=True, help="path of the notebook in the site")
    parser.add_argument("--report", type=Path, help="write the JSON report here (else stdout)")
    parser.add_argument("--screenshot", type=Path)
    parser.add_argument("--course", nargs="*", default=[],
                        help="course notebooks (paths in the site) to run once each afterwards")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per wait")
    parser.add_argument("--bring-up-loopback", action="store_true",
                        help="set lo up first (for a fresh network namespace)")
    args = parser.parse_args(argv)
    if args.bring_up_loopback:
        bring_up_loopback()
    report = drive(args.site.resolve(), args.notebook, args.timeout, args.screenshot, args.course)
    text = json.dumps(report, indent=2)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
