"""The web UI: a thin Gradio face over the Coach, served by FastAPI on this machine only.

The only package that imports gradio (with app/web/intervisie.py, the Intervisie tab). Its
parts, each with one job:

- handlers.py (with preparation.py, data.py, base.py): what each control does, in plain Python
  over the Coach, tested without a browser; views.py names the outputs of a handler that
  changes several components at once;
- labels.py, tabs.py, layout.py: the page laid out, every word in the chosen language;
- wiring.py: which handler each event calls, with which inputs and outputs;
- security.py: the hardening Gradio cannot do itself (trusted Host names against DNS
  rebinding, a Content-Security-Policy so no page element can reach another host, no-frame and
  no-referrer headers, no remote `file=` proxy, no cross-origin writes);
- server.py: `build_app` mounts the page in FastAPI behind that hardening; `serve` refuses to
  listen beyond loopback without a password.

Every text the model or a document produced is passed through sanitize.neutralize before it
reaches the page, on every streamed chunk. This package decides nothing about coaching,
storage or retrieval; it translates.
"""

from __future__ import annotations

from app import privacy

privacy.apply()  # before gradio: huggingface_hub reads the switches when it is imported

from app.web.base import _friendly  # noqa: E402
from app.web.handlers import Handlers  # noqa: E402
from app.web.labels import Labels  # noqa: E402
from app.web.layout import CSS, build_blocks  # noqa: E402
from app.web.security import (  # noqa: E402
    CSP,
    LOOPBACK_NAMES,
    SECURITY_HEADERS,
    Hardening,
    check_bind,
    is_loopback,
)
from app.web.server import build_app, serve  # noqa: E402
from app.web.wiring import COACH  # noqa: E402

__all__ = [
    "COACH",
    "CSP",
    "CSS",
    "LOOPBACK_NAMES",
    "SECURITY_HEADERS",
    "Handlers",
    "Hardening",
    "Labels",
    "_friendly",
    "build_app",
    "build_blocks",
    "check_bind",
    "is_loopback",
    "serve",
]
