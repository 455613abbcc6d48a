"""JupyterHub configuration that serves the Second Call course to a room of learners.

Run from a folder where the hub may keep its database and cookie secret::

    jupyterhub -f /path/to/second-call/deploy/jupyterhub_config.py

Every learner gets their own copy of the course notebooks in ``~/second-call`` (copied before
their server starts; their own edits are never overwritten), their own journal in
``~/.second-call/journal.json``, and a server that opens on ``00_start_here.ipynb``.

Settings read from the environment (all optional):

``SECOND_CALL_HUB_URL``
    Public address of the hub (default ``http://:8000``, every interface, port 8000).
``SECOND_CALL_HUB_HOMES``
    Workshop mode: run every learner's server as the hub's own OS user, each with a home
    folder ``$SECOND_CALL_HUB_HOMES/<name>``. Nobody needs a system account, but learners are
    NOT isolated from each other at the OS level (a learner's code can read other folders):
    use it for a one-off room of trusted learners, never for anything private. Unset, each
    learner is a system account (the hub runs as root, PAM checks passwords).
``SECOND_CALL_HUB_PASSWORD``
    One shared password for the room (at least 8 characters); any name may log in with it.
    Unset, learners log in with their system password (PAM).
``SECOND_CALL_HUB_GROUP``
    With system accounts: the Unix group whose members may log in (default ``second-call``).
``SECOND_CALL_COURSE_DIR``
    Folder whose contents each learner gets a copy of (default: this repository's ``notebooks/``).
``SECOND_CALL_HUB_FACILITATOR_PASSWORD``
    Workshop mode: whoever logs in with this password (not the room's) is a facilitator and
    may read the live room. At least 8 characters, different from the room's password.
``SECOND_CALL_HUB_FACILITATORS``
    With system accounts: comma-separated names of the facilitators.
``SECOND_CALL_ROOM_PORT``, ``SECOND_CALL_ROOM_DATA``
    The live room service's loopback port (default 8030) and its data folder (default
    ``second-call-room/`` in the folder the hub is started from).

The proxy is ``deploy/node_modules/.bin/configurable-http-proxy`` when installed there
(``npm ci --prefix deploy``), else ``configurable-http-proxy`` on ``PATH``.
"""

import importlib.util
import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# The hook module sits beside this file; load it from there (no sys.path changes).
_spec = importlib.util.spec_from_file_location("second_call_hub", HERE / "second_call_hub.py")
assert _spec is not None and _spec.loader is not None
second_call_hub = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(second_call_hub)
_spec = importlib.util.spec_from_file_location(
    "second_call_room_config", HERE / "second_call_room_config.py"
)
assert _spec is not None and _spec.loader is not None
second_call_room_config = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(second_call_room_config)

c = get_config()  # noqa: F821  (injected by JupyterHub's config loader)

# --- where the hub listens ------------------------------------------------------------------
c.JupyterHub.bind_url = os.environ.get("SECOND_CALL_HUB_URL", "http://:8000")

_local_proxy = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
if _local_proxy.exists():
    c.ConfigurableHTTPProxy.command = [str(_local_proxy)]
elif shutil.which("configurable-http-proxy") is None:
    print(
        "Second Call hub: configurable-http-proxy not found; run `npm ci --prefix deploy`.",
        file=sys.stderr,
    )

# --- who may log in -------------------------------------------------------------------------
_password = os.environ.get("SECOND_CALL_HUB_PASSWORD", "")
_facilitator_password = os.environ.get("SECOND_CALL_HUB_FACILITATOR_PASSWORD", "")
if _password:
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = _password
    c.Authenticator.allow_all = True
    if _facilitator_password:
        # The hub's own password groups: this password puts the learner in the facilitators' group.
        c.SharedPasswordAuthenticator.manage_groups = True
        c.SharedPasswordAuthenticator.password_groups = {
            _facilitator_password: [second_call_room_config.FACILITATOR_GROUP]
        }
else:
    c.JupyterHub.authenticator_class = "pam"
    c.PAMAuthenticator.allowed_groups = {os.environ.get("SECOND_CALL_HUB_GROUP", "second-call")}
    _facilitators = [
        name.strip()
        for name in os.environ.get("SECOND_CALL_HUB_FACILITATORS", "").split(",")
        if name.strip()
    ]
    c.JupyterHub.load_groups = {second_call_room_config.FACILITATOR_GROUP: {"users": _facilitators}}

# --- how each learner's server runs -----------------------------------------------------------
_homes = os.environ.get("SECOND_CALL_HUB_HOMES", "")
if _homes:
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = str(
        Path(_homes).expanduser().resolve() / "{username}"
    )
    if os.geteuid() == 0:
        # Learners' servers run as the hub's user; Jupyter refuses root unless told. Prefer
        # starting the hub from an ordinary account (containers and CI often only have root).
        print("Second Call hub: workshop mode as root; learners' servers run as root.")
        c.Spawner.args = ["--ServerApp.allow_root=True"]
else:
    c.JupyterHub.spawner_class = "localprocess"

# The learner's server and kernels use the same Python as the hub, where coursekit is installed.
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.default_url = f"/lab/tree/{second_call_hub.START_NOTEBOOK}"
# Copies the course into ~/second-call, starts the server there and sets SECOND_CALL_JOURNAL to
# ~/.second-call/journal.json in the learner's own home.
c.Spawner.pre_spawn_hook = second_call_hub.pre_spawn_hook
# A room of learners logging in at once on a small machine: give servers time to start.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# --- the live room: a hub service that keeps one anonymous card per learner -------------------
# Learners (and their servers' tokens) may share a card; only the facilitators' group may read
# the room. The service's address reaches every learner's kernel as SECOND_CALL_ROOM_URL.
second_call_room_config.configure(c, os.environ, hub_url=c.JupyterHub.bind_url)
