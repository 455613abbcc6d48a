"""Fast checks of the hub deployment files: the course copy, the pre-spawn hook, the config."""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
from traitlets.config.loader import PyFileConfigLoader

from coursekit.poll import poll_card

REPO_ROOT = Path(__file__).resolve().parents[2]
DEPLOY = REPO_ROOT / "deploy"

pytestmark = [pytest.mark.client, pytest.mark.timeout(60)]


def _load_hub_helpers() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "second_call_hub_under_test", DEPLOY / "second_call_hub.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hub_helpers = _load_hub_helpers()


def _course(folder: Path) -> Path:
    (folder / "images").mkdir(parents=True)
    (folder / ".ipynb_checkpoints").mkdir()
    (folder / "00_start_here.ipynb").write_text("start", encoding="utf-8")
    (folder / "03_which_scenario.ipynb").write_text("classify", encoding="utf-8")
    (folder / "images" / "call.svg").write_text("<svg/>", encoding="utf-8")
    (folder / ".ipynb_checkpoints" / "00_start_here-checkpoint.ipynb").write_text("old")
    return folder


def test_copy_gives_the_learner_every_course_file_but_no_checkpoints(tmp_path: Path) -> None:
    source = _course(tmp_path / "course")
    target = tmp_path / "home" / "second-call"

    copied = hub_helpers.copy_course(source, target)

    assert sorted(p.relative_to(target).as_posix() for p in copied) == [
        "00_start_here.ipynb",
        "03_which_scenario.ipynb",
        "images/call.svg",
    ]
    assert not (target / ".ipynb_checkpoints").exists()
    assert (target / "03_which_scenario.ipynb").read_text(encoding="utf-8") == "classify"


def test_copy_never_overwrites_the_learners_work_and_adds_new_notebooks(tmp_path: Path) -> None:
    source = _course(tmp_path / "course")
    target = tmp_path / "home" / "second-call"
    hub_helpers.copy_course(source, target)
    (target / "03_which_scenario.ipynb").write_text("my edits", encoding="utf-8")
    (source / "03_which_scenario.ipynb").write_text("course update", encoding="utf-8")
    (source / "07_lessons.ipynb").write_text("new", encoding="utf-8")

    copied = hub_helpers.copy_course(source, target)

    assert [p.name for p in copied] == ["07_lessons.ipynb"]
    assert (target / "03_which_scenario.ipynb").read_text(encoding="utf-8") == "my edits"


def test_copy_refuses_a_missing_course(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        hub_helpers.copy_course(tmp_path / "nowhere", tmp_path / "home")


def test_hook_gives_each_learner_their_own_folder_and_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SECOND_CALL_COURSE_DIR", str(_course(tmp_path / "course")))
    spawners = {}
    for name in ("amara", "bruno"):
        spawner = SimpleNamespace(
            home_dir=str(tmp_path / "homes" / name),
            user=SimpleNamespace(name=name),
            log=logging.getLogger("test"),
            notebook_dir="",
            environment={"KEEP": "me"},
        )
        hub_helpers.pre_spawn_hook(spawner)
        spawners[name] = spawner

    for name, spawner in spawners.items():
        home = tmp_path / "homes" / name
        assert spawner.notebook_dir == str(home / "second-call")
        assert spawner.environment == {
            "KEEP": "me",
            "SECOND_CALL_JOURNAL": str(home / ".second-call" / "journal.json"),
        }
        assert (home / "second-call" / "00_start_here.ipynb").is_file()


def _load_config(monkeypatch: pytest.MonkeyPatch, **env: str) -> Any:
    for key in (
        "SECOND_CALL_HUB_HOMES",
        "SECOND_CALL_HUB_PASSWORD",
        "SECOND_CALL_HUB_URL",
        "SECOND_CALL_HUB_FACILITATOR_PASSWORD",
        "SECOND_CALL_HUB_FACILITATORS",
    ):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    loader = PyFileConfigLoader("jupyterhub_config.py", path=str(DEPLOY))
    return loader.load_config()


def test_config_in_workshop_mode_uses_a_shared_password_and_one_folder_per_learner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = _load_config(
        monkeypatch,
        SECOND_CALL_HUB_HOMES=str(tmp_path / "homes"),
        SECOND_CALL_HUB_PASSWORD="room-password",
    )
    assert c.JupyterHub.authenticator_class == "shared-password"
    assert c.SharedPasswordAuthenticator.user_password == "room-password"
    assert c.JupyterHub.spawner_class == "simple"
    assert c.SimpleLocalProcessSpawner.home_dir_template == str(
        (tmp_path / "homes").resolve() / "{username}"
    )
    assert c.Spawner.default_url == "/lab/tree/00_start_here.ipynb"
    assert callable(c.Spawner.pre_spawn_hook)


def test_config_without_settings_uses_system_accounts(monkeypatch: pytest.MonkeyPatch) -> None:
    c = _load_config(monkeypatch)
    assert c.JupyterHub.authenticator_class == "pam"
    assert c.JupyterHub.spawner_class == "localprocess"
    assert c.JupyterHub.bind_url == "http://:8000"
    assert c.PAMAuthenticator.allowed_groups == {"second-call"}


def test_config_starts_the_room_service_with_a_facilitator_only_scope(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = _load_config(
        monkeypatch,
        SECOND_CALL_HUB_HOMES=str(tmp_path / "homes"),
        SECOND_CALL_HUB_PASSWORD="room-password",
        SECOND_CALL_HUB_FACILITATOR_PASSWORD="lead-password",
    )
    (service,) = c.JupyterHub.services
    assert service["name"] == "second-call-room" and service["command"][-1].endswith(
        "second_call_room.py"
    )
    roles = {role["name"]: role for role in c.JupyterHub.load_roles}
    access = "access:services!service=second-call-room"
    assert roles["user"]["scopes"] == ["self", access]
    assert roles["second-call-facilitator"]["scopes"] == ["custom:second-call:room", access]
    assert roles["second-call-facilitator"]["groups"] == ["second-call-facilitators"]
    assert "custom:second-call:room" in c.JupyterHub.custom_scopes
    assert c.SharedPasswordAuthenticator.password_groups == {
        "lead-password": ["second-call-facilitators"]
    }
    assert c.Spawner.environment["SECOND_CALL_ROOM_URL"].endswith("/services/second-call-room/")


def test_config_with_system_accounts_names_the_facilitators(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    c = _load_config(monkeypatch, SECOND_CALL_HUB_FACILITATORS="ada, bo")
    assert c.JupyterHub.load_groups == {"second-call-facilitators": {"users": ["ada", "bo"]}}


def _load_room_service() -> ModuleType:
    spec = importlib.util.spec_from_file_location("room_under_test", DEPLOY / "second_call_room.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_room_store_keeps_one_nameless_card_per_learner(tmp_path: Path) -> None:
    room = _load_room_service()
    store = room.RoomStore(tmp_path / "room")
    first = poll_card({"situation": {"scenario": 1}}, card_id="c1")
    assert store.put("amara", first) == (201, "added")
    assert store.put("amara", {**first, "card_id": "c2", "scenario": 2}) == (200, "replaced")
    assert store.put("bruno", {**first, "card_id": "c2"})[0] == 409  # someone else's card
    assert store.put("bruno", {**first, "card_id": "c3"}) == (201, "added")
    cards = store.cards()
    assert sorted(card["card_id"] for card in cards.values()) == ["c2", "c3"]
    assert store.refused == {"a duplicate of a card already counted": 1}
    # A new store on the same folder keeps the salt: the same learner still replaces.
    again = room.RoomStore(tmp_path / "room")
    assert again.key("amara") == store.key("amara") != again.key("bruno")
    for path in (tmp_path / "room").rglob("*"):
        assert not path.name.startswith(".tmp-")
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "amara" not in text and "bruno" not in text
    assert (tmp_path / "room" / "salt").stat().st_mode & 0o077 == 0
