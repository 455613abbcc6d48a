"""Smoke test: a room of learners on one JupyterHub, their own journals, and the live room.

Starts JupyterHub with ``deploy/jupyterhub_config.py`` on loopback ports, in each of its two
account modes: ``workshop`` (a shared password; every server runs as this OS user in its own
home folder) and ``accounts`` (system accounts with their own passwords; needs root). Five
learners log in through the login form, run notebook 03 in their own kernel, save answers and
share their card with the room twice through the course's "Share with the room" button. Then:
every learner sees only their own journal; the facilitator's room view counts five; a learner
asking the room service for the summary or a card gets 403; a sixth, hostile card is refused
with its reason; the room service's files hold no name. Everything the hub started is stopped
by process id. Wall time and peak memory are printed (never asserted).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jupyterhub  # noqa: F401  (fails loudly, never skips, when the hub is not installed)
import pytest
from hubkit import (
    REPO_ROOT,
    Learner,
    RunningHub,
    log_in,
    make_accounts,
    open_for_accounts,
    python_paths,
    remove_accounts,
    restore_modes,
    start_hub,
    stop_hub,
)

from coursekit.journal import Journal
from coursekit.room import ROOM_URL_ENV, RoomLink, fetch_room
from coursekit.views.room import live_room_html
from coursekit.widgets import room_view

pytestmark = [pytest.mark.client, pytest.mark.timeout(900)]  # five learners on two cores
COURSE_NOTEBOOKS = REPO_ROOT / "notebooks"

NOTEBOOK = "03_which_scenario.ipynb"
#: Names chosen so that none is part of another, nor of a hex salt or hash.
NAMES = ["amara", "bruno", "chen", "dalia", "emeka"]
FACILITATOR = "fiona"
PASSWORD = "second-call-room-" + secrets.token_hex(4)
FACILITATOR_PASSWORD = "second-call-lead-" + secrets.token_hex(4)

#: In the learner's kernel: answer through the course's widgets (the classifier, a reflection
#: holding the learner's name), share twice, try to read the room, and report.
LEARNER_CODE = """
import json, os
from coursekit import widgets as cw
from coursekit.journal import Journal
_view = cw.situation_classifier()
_view.misstep_boxes['went_silent'].value = {silent!r}
_view.days.value = {days!r}
_view.classify_button.click()
cw.reflection('hub_check', 'Who is answering?').text.value = {name!r}
_panel = cw.progress_panel()
_panel.share_button.click()
_share = cw.share_with_room()
_share.button.click()
print(json.dumps({{'path': str(Journal().path), 'answers': Journal().answers(),
    'first': _panel.status.value, 'again': _share.status.value,
    'room': cw.room_view().status.value,
    'room_files_readable': os.access({room!r}, os.R_OK)}}))
"""


def run_learner(hub: RunningHub, name: str, password: str, index: int) -> dict[str, Any]:
    """One learner's visit: log in, start, run notebook 03, answer, share, read back."""
    began = time.monotonic()
    learner = Learner.log_in(hub, name, password)
    learner.start_server()
    ready = time.monotonic() - began
    landing = learner.get("/", allow_redirects=False)
    landing_path = urlsplit(landing.headers["Location"]).path
    assert landing_path.endswith(f"/user/{name}/lab/tree/00_start_here.ipynb"), landing_path
    kernel = learner.kernel(NOTEBOOK)
    try:
        for source in learner.code_cells(NOTEBOOK):
            kernel.run(source)
        code = LEARNER_CODE.format(
            silent=index % 2 == 1, days=10 + index, name=name, room=str(hub.room_data)
        )
        seen = json.loads(kernel.run(code).strip().splitlines()[-1])
    finally:
        kernel.connection.close()
    return {"learner": learner, "seen": seen, "ready": ready, "done": time.monotonic() - began}


def check_learner(homes: Path, names: list[str], result: dict[str, Any], index: int) -> None:
    """Their journal is theirs alone; they shared; the room and a neighbour are closed to them."""
    learner: Learner = result["learner"]
    name, seen = learner.name, result["seen"]
    journal_file = homes / name / ".second-call" / "journal.json"
    assert Path(seen["path"]) == journal_file, seen
    assert seen["answers"]["situation"]["scenario"] == (2 if index % 2 else 1), seen
    assert seen["answers"]["reflection:hub_check"] == name, seen
    assert Journal(journal_file).answers() == seen["answers"]
    text = journal_file.read_text(encoding="utf-8")
    assert not any(other in text for other in names if other != name), text
    # Shared, then shared again: the second card replaced the first.
    assert "Shared with the room" in seen["first"], seen["first"]
    assert "Shared again" in seen["again"] and "replaced" in seen["again"], seen["again"]
    # The room view in a learner's kernel is refused, and so are direct requests.
    assert "Only a facilitator may read the room" in seen["room"], seen["room"]
    for path in ("summary", "cards", f"cards/{names[(index + 1) % len(names)]}"):
        reply = learner.room("GET", path)
        assert reply.status_code == 403, f"{name} GET {path}: {reply.status_code} {reply.text}"
    neighbour = names[(index + 1) % len(names)]
    reply = learner.http.get(f"{learner.hub.url}/user/{neighbour}/api/contents", timeout=30)
    assert reply.status_code in (403, 404), f"{name} reached {neighbour}'s server"


def check_room(hub: RunningHub, learners: list[Learner], facilitator: Learner) -> str:
    """The facilitator counts five; a hostile sixth card is refused; no file holds a name."""
    hostile = learners[0]
    card = {"format": "second-call-poll-card", "version": 1, "card_id": "h0", "scenario": 1}
    card.update(quizzes={}, roleplays={}, note="<script>alert('room')</script>")
    reply = hostile.room("POST", "cards", json=card)
    assert reply.status_code == 400, reply.text
    assert reply.json()["reason"] == "The card has fields a card never has.", reply.text
    assert hostile.room("POST", "cards", data=b"{" * 30_000).status_code == 413
    link = RoomLink(f"{hub.url}/services/second-call-room/", facilitator.token)
    room, code, problem = fetch_room(link)
    assert room is not None and code == 200, problem
    assert room.counted == len(learners), room
    assert room.summary.scenarios == {"Scenario 1": 3, "Scenario 2": 2}, room.summary
    assert any("has fields a card never has" in note for note in room.skipped), room.skipped
    page = live_room_html(room, "Live from the hub.")
    assert "Cards counted: 5" in page and "<script" not in page
    # The facilitator's room view widget, reading live with the facilitator's own token.
    view = room_view(env={ROOM_URL_ENV: link.url, "JUPYTERHUB_API_TOKEN": facilitator.token})
    assert view.room is not None and view.room.counted == len(learners), view.status.value
    assert "Cards counted: 5" in view.view.value and "<script" not in view.view.value
    view.ticker.playing = False
    # The service's folder: five cards, a salt, nothing naming anyone; private to the service.
    files = [p for p in hub.room_data.rglob("*") if p.is_file()]
    assert len(list((hub.room_data / "cards").glob("*.json"))) == len(learners), files
    names = [learner.name for learner in learners] + [facilitator.name]
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not any(name in text for name in names), path
    assert stat.S_IMODE(hub.room_data.stat().st_mode) == 0o700
    return page


@pytest.mark.parametrize("mode", ["workshop", "accounts"])
def test_a_room_of_learners_on_the_hub(
    mode: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opened: list[tuple[Path, int]] = []
    if mode == "accounts":
        if os.geteuid() != 0:
            pytest.skip("system accounts can only be made as root (the workshop mode still runs)")
        opened = open_for_accounts(python_paths())
    try:
        _run_room(mode, tmp_path, capsys)
    finally:
        restore_modes(opened)


def _run_room(mode: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if mode == "accounts":
        _check_accounts_can_run_python()
    began = time.monotonic()
    suffix = secrets.token_hex(2)
    names = NAMES if mode == "workshop" else [f"sc{n}{suffix}" for n in NAMES]
    facilitator_name = FACILITATOR if mode == "workshop" else f"sc{FACILITATOR}{suffix}"
    group = f"second-call-{suffix}"
    homes = Path(tempfile.mkdtemp(prefix="second-call-homes-"))
    homes.chmod(0o755)
    if mode == "workshop":
        env = {"SECOND_CALL_HUB_HOMES": str(homes), "SECOND_CALL_HUB_PASSWORD": PASSWORD}
        env["SECOND_CALL_HUB_FACILITATOR_PASSWORD"] = FACILITATOR_PASSWORD
    else:
        make_accounts([*names, facilitator_name], group, PASSWORD, homes)
        env = {"SECOND_CALL_HUB_GROUP": group, "SECOND_CALL_HUB_FACILITATORS": facilitator_name}
    results: dict[str, dict[str, Any]] = {}
    left: list[str] = ["(not stopped)"]
    hub = start_hub(tmp_path, REPO_ROOT / "notebooks", env)
    try:
        with pytest.raises(PermissionError):
            log_in(hub, "intruder", PASSWORD + "-wrong")
        with ThreadPoolExecutor(max_workers=len(names)) as pool:
            futures = {
                n: pool.submit(run_learner, hub, n, PASSWORD, i) for i, n in enumerate(names)
            }
            for name, future in futures.items():
                try:
                    results[name] = future.result()
                except Exception as error:
                    raise AssertionError(f"{name}: {error}\n{hub.log_tail()}") from error
        for index, name in enumerate(names):
            check_learner(homes, names, results[name], index)
            # With system accounts the service's files are out of a learner's reach.
            assert results[name]["seen"]["room_files_readable"] is (mode == "workshop")
        facilitator_password = FACILITATOR_PASSWORD if mode == "workshop" else PASSWORD
        facilitator = Learner.log_in(hub, facilitator_name, facilitator_password)
        check_room(hub, [r["learner"] for r in results.values()], facilitator)
    finally:
        left = stop_hub(hub, [r["learner"] for r in results.values()])
        if mode == "accounts":
            remove_accounts([*names, facilitator_name], group)
        shutil.rmtree(homes, ignore_errors=True)
        with capsys.disabled():
            print(_summary(mode, hub, time.monotonic() - began, results))
    assert not left, f"processes left running: {left}"


def _check_accounts_can_run_python() -> None:
    """Fail, saying why, when other accounts still cannot run this Python and the course."""
    code = "import jupyterhub, coursekit.widgets"
    probe = ["runuser", "-u", "nobody", "--", sys.executable, "-c", code]
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "PYTHONPATH", "LANG")}
    done = subprocess.run(probe, capture_output=True, text=True, check=False, env=env, cwd="/")
    assert done.returncode == 0, (
        f"other accounts cannot run {sys.executable} with the course: {done.stderr.strip()}"
    )


def _summary(mode: str, hub: RunningHub, wall: float, results: dict[str, Any]) -> str:
    mib = 1024 * 1024
    parts = ", ".join(f"{kind} {rss / mib:.0f} MiB" for kind, rss in sorted(hub.peak.items()))
    lines = [f"\n[hub smoke {mode}] wall {wall:.1f} s; peak RSS by kind: {parts}"]
    for name, result in results.items():
        lines.append(
            f"[hub smoke {mode}]   {name}: ready {result['ready']:.1f} s, done "
            f"{result['done']:.1f} s"
        )
    return "\n".join(lines)
