"""Hub settings for the live room: the room service, its scope and who may read the room.

Used by ``deploy/jupyterhub_config.py`` (loaded from this folder). The service itself is
``second_call_room.py`` beside this file.

- Every learner, and every learner's server token (the kernel's ``JUPYTERHUB_API_TOKEN``), may
  use the service (``access:services!service=second-call-room``): that is how a card is shared.
- The custom scope ``custom:second-call:room`` reads the room; only the role
  ``second-call-facilitator`` holds it, given to the group ``second-call-facilitators``.
- The service's public address reaches every server as ``SECOND_CALL_ROOM_URL``.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from coursekit.room import ROOM_SCOPE, ROOM_URL_ENV, SERVICE_NAME

HERE = Path(__file__).resolve().parent
FACILITATOR_GROUP = "second-call-facilitators"
FACILITATOR_ROLE = "second-call-facilitator"
DEFAULT_PORT = 8030


def room_url(hub_url: str, base_url: str = "/") -> str:
    """Return the room service's address through the hub's proxy, as seen from a local server.

    >>> room_url("http://:8000")
    'http://127.0.0.1:8000/services/second-call-room/'
    """
    parts = urlsplit(hub_url)
    host = parts.hostname if parts.hostname not in (None, "", "0.0.0.0") else "127.0.0.1"
    port = f":{parts.port}" if parts.port else ""
    base = "/" + base_url.strip("/") + "/" if base_url.strip("/") else "/"
    return f"{parts.scheme or 'http'}://{host}{port}{base}services/{SERVICE_NAME}/"


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else []


def configure(c: Any, env: Mapping[str, str], hub_url: str) -> None:
    """Add the room service, its custom scope, roles and server environment to a hub config."""
    port = int(env.get("SECOND_CALL_ROOM_PORT", "") or DEFAULT_PORT)
    data = Path(env.get("SECOND_CALL_ROOM_DATA", "") or "second-call-room").resolve()
    access = f"access:services!service={SERVICE_NAME}"
    c.JupyterHub.custom_scopes = {
        ROOM_SCOPE: {"description": "Read the Second Call live room (anonymous cards only)."}
    }
    c.JupyterHub.services = [
        *_list(c.JupyterHub.services),
        {
            "name": SERVICE_NAME,
            "url": f"http://127.0.0.1:{port}",
            "command": [sys.executable, str(HERE / "second_call_room.py")],
            "environment": {"SECOND_CALL_ROOM_DATA": str(data)},
            "oauth_no_confirm": True,
            "oauth_client_allowed_scopes": [ROOM_SCOPE],
            "display": True,
        },
    ]
    c.JupyterHub.load_roles = [
        *_list(c.JupyterHub.load_roles),
        {"name": "user", "scopes": ["self", access]},
        {
            "name": FACILITATOR_ROLE,
            "description": "Reads the Second Call live room",
            "scopes": [ROOM_SCOPE, access],
            "groups": [FACILITATOR_GROUP],
        },
    ]
    # A server's token gets only the scopes its owner holds: a learner's kernel may share,
    # a facilitator's kernel may also read the room.
    c.Spawner.server_token_scopes = [
        "users:activity!user",
        "access:servers!server",
        access,
        ROOM_SCOPE,
    ]
    environment = c.Spawner.environment if isinstance(c.Spawner.environment, dict) else {}
    base_url = c.JupyterHub.base_url if isinstance(c.JupyterHub.base_url, str) else "/"
    c.Spawner.environment = {**environment, ROOM_URL_ENV: room_url(hub_url, base_url)}
