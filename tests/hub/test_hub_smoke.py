"""Smoke test: a room of learners on one JupyterHub, each with their own course copy and journal.

Starts JupyterHub with ``deploy/jupyterhub_config.py`` (workshop mode: one shared password; every
learner's server runs as this OS user but in its own home folder) on loopback ports, logs in five
learners through the login form, starts their servers, runs notebook 03 in each learner's own
kernel over the kernel websocket, saves an answer, and checks that every learner sees their own
journal and nobody else's, through their kernel and on disk. Everything the hub started is
stopped by process id at the end. Wall time and peak memory are printed (never asserted).

The harness lives in ``hubkit.py`` beside this file.
"""

from __future__ import annotations

import json
import secrets
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jupyterhub  # noqa: F401  (fails loudly, never skips, when the hub is not installed)
import pytest
from hubkit import REPO_ROOT, Hub, Learner, learner_token, log_in, start_hub, stop_hub

from coursekit.journal import Journal

pytestmark = [pytest.mark.client, pytest.mark.timeout(900)]  # five learners on two cores
COURSE_NOTEBOOKS = REPO_ROOT / "notebooks"

#: The notebook every learner runs.
NOTEBOOK = "03_which_scenario.ipynb"
#: The exercise id the classifier widget saves the learner's situation under.
EXERCISE_ID = "situation"
#: Where each learner's server opens (deploy/jupyterhub_config.py's Spawner.default_url).
START_URL_SUFFIX = "/lab/tree/00_start_here.ipynb"
#: The folder in each learner's home holding their copy of the course.
COURSE_FOLDER = "second-call"

#: Names chosen so that none is part of another: a leak shows up as a name in the wrong file.
LEARNERS = ("amara", "bruno", "chen", "dalia", "emeka")
PASSWORD = "second-call-room-" + secrets.token_hex(4)

#: Answers through the course's own widgets in the learner's kernel, as the learner would:
#: the classifier (saved as "situation") and a reflection holding the learner's name, so a
#: leak between journals shows up as a name in the wrong file.
ANSWER_CODE = (
    "from coursekit import widgets as cw\n"
    "_view = cw.situation_classifier()\n"
    "_view.misstep_boxes['went_silent'].value = {silent!r}\n"
    "_view.days.value = {days!r}\n"
    "_view.classify_button.click()\n"
    "_note = cw.reflection('hub_check', 'Who is answering?')\n"
    "_note.text.value = {name!r}\n"
)
#: Reads the learner's journal back through their own kernel.
READ_CODE = (
    "import json\n"
    "from coursekit.journal import Journal\n"
    "_journal = Journal()\n"
    "print(json.dumps({'path': str(_journal.path), 'answers': _journal.answers()}))\n"
)


def expected_answer(name: str) -> dict[str, Any]:
    """The situation each learner classifies: scenarios alternate and days differ per learner."""
    index = LEARNERS.index(name)
    return {"silent": index % 2 == 1, "days": 10 + index, "name": name}


def course_folder(tmp: Path) -> Path:
    """Return the folder the hub copies to every learner: the real notebooks/."""
    return COURSE_NOTEBOOKS



def run_learner(hub: Hub, name: str) -> dict[str, Any]:
    """One learner's visit: log in, start, open notebook 03, answer, read the journal back."""
    timings: dict[str, float] = {}
    began = time.monotonic()
    session = log_in(hub, name, PASSWORD)
    try:
        token = learner_token(hub, session, name)
    finally:
        session.close()
    learner = Learner(name, token, hub)
    learner.start_server()
    learner.wait_until_ready()
    timings["ready"] = time.monotonic() - began

    # The server opens on the course's first notebook.
    landing = learner.get("/", allow_redirects=False)
    assert landing.status_code in (301, 302), f"{name}: {landing.status_code}"
    landing_path = urlsplit(landing.headers["Location"]).path
    assert landing_path.endswith(f"/user/{name}{START_URL_SUFFIX}"), landing.headers

    # Run every code cell of the learner's copy of notebook 03 in their own kernel, then answer.
    cells = learner.notebook_cells(NOTEBOOK)
    kernel = learner.open_notebook_kernel(NOTEBOOK)
    try:
        for number, source in enumerate(cells, start=1):
            result = kernel.execute(source)
            assert result.status == "ok", f"{name}: {NOTEBOOK} code cell {number}: {result.error}"
        answer = expected_answer(name)
        saved = kernel.execute(ANSWER_CODE.format(**answer))
        assert saved.status == "ok", f"{name}: saving the answer: {saved.error}"
        read = kernel.execute(READ_CODE)
        assert read.status == "ok", f"{name}: reading the journal: {read.error}"
    finally:
        kernel.close()
    timings["done"] = time.monotonic() - began
    seen_by_kernel = json.loads(read.stdout.strip().splitlines()[-1])
    return {"learner": learner, "journal": seen_by_kernel, "timings": timings}


def check_learner(tmp: Path, course: Path, result: dict[str, Any], index: int) -> None:
    """The learner's journal is theirs alone, through their kernel and on disk."""
    learner: Learner = result["learner"]
    name = learner.name
    home = tmp / "homes" / name
    journal_file = home / ".second-call" / "journal.json"
    seen = result["journal"]
    others = [other for other in LEARNERS if other != name]

    # Through the learner's own kernel: their journal, in their own home, holding their answer.
    assert Path(seen["path"]) == journal_file, seen
    expected = expected_answer(name)
    situation = seen["answers"][EXERCISE_ID]
    assert situation["scenario"] == (2 if expected["silent"] else 1), seen
    assert situation["situation"]["time_since_days"] == expected["days"], seen
    assert seen["answers"]["reflection:hub_check"] == name, seen
    assert set(seen["answers"]) == {EXERCISE_ID, "reflection:hub_check"}, seen
    assert not any(other in json.dumps(seen["answers"]) for other in others), seen

    # On disk: the same file, with nobody else's answers in it.
    assert journal_file.is_file()
    assert Journal(journal_file).answers() == seen["answers"]
    text = journal_file.read_text(encoding="utf-8")
    assert not any(other in text for other in others), text

    # Their own copy of the course, not a link to the shared one.
    copy = home / COURSE_FOLDER / NOTEBOOK
    assert copy.is_file() and not copy.is_symlink()
    assert copy.stat().st_ino != (course / NOTEBOOK).stat().st_ino

    # Another learner's server is closed to them.
    neighbour = LEARNERS[(index + 1) % len(LEARNERS)]
    response = learner.session.get(
        f"{learner.hub.url}/user/{neighbour}/api/contents/{NOTEBOOK}",
        allow_redirects=False,
        timeout=30,
    )
    assert response.status_code in (403, 404), (
        f"{name} reached {neighbour}'s server: HTTP {response.status_code}"
    )


def test_each_learner_keeps_their_own_course_and_journal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    began = time.monotonic()
    course = course_folder(tmp_path)
    running = start_hub(tmp_path, course, PASSWORD)
    hub = running.hub
    hub_up = time.monotonic() - began
    results: dict[str, dict[str, Any]] = {}
    all_done: float | None = None
    stop_report: dict[str, Any] = {}
    try:
        with pytest.raises(PermissionError):  # a wrong password is refused
            log_in(hub, "intruder", PASSWORD + "-wrong")

        with ThreadPoolExecutor(max_workers=len(LEARNERS)) as pool:
            futures = {name: pool.submit(run_learner, hub, name) for name in LEARNERS}
            for name, future in futures.items():
                try:
                    results[name] = future.result()
                except Exception as error:
                    log = hub.log_tail()
                    raise AssertionError(f"{name}: {error}\n--- hub log ---\n{log}") from error
        all_done = time.monotonic() - began

        for index, name in enumerate(LEARNERS):
            check_learner(tmp_path, course, results[name], index)
        journals = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("journal.json"))
        assert journals == [Path("homes", n, ".second-call", "journal.json") for n in LEARNERS]
    finally:
        for result in results.values():
            result["learner"].session.close()
        stopping = time.monotonic()
        stop_report = stop_hub(running, LEARNERS)
        stop_report["seconds"] = time.monotonic() - stopping
        wall = time.monotonic() - began
        with capsys.disabled():
            print(_summary(running.watch, wall, hub_up, all_done, results, stop_report))
    assert not stop_report["left"], f"processes left running: {stop_report['left']}"
    assert running.process.returncode is not None


def _summary(
    watch: Any,
    wall: float,
    hub_up: float,
    all_done: float | None,
    results: dict[str, dict[str, Any]],
    stop_report: dict[str, Any],
) -> str:
    mib = 1024 * 1024
    parts = ", ".join(
        f"{kind} {watch.peak_by_kind[kind] / mib:.0f} MiB x{watch.peak_counts[kind]}"
        for kind in sorted(watch.peak_by_kind)
    )
    done = f", all learners done {all_done:.1f} s" if all_done is not None else ""
    lines = [
        f"\n[hub smoke] {len(LEARNERS)} learners: wall time {wall:.1f} s (hub up {hub_up:.1f} s"
        f"{done}, stopping everything {stop_report['seconds']:.1f} s); "
        f"peak RSS {watch.peak_total / mib:.0f} MiB ({parts}); "
        f"left after graceful stop: {stop_report.get('graceful_left') or 'none'}"
    ]
    for name, result in results.items():
        timings = result["timings"]
        lines.append(
            f"[hub smoke]   {name}: server ready {timings['ready']:.1f} s, "
            f"notebook run and journal read back {timings['done']:.1f} s"
        )
    return "\n".join(lines)
