"""Serving: the page mounted in FastAPI behind the hardening (security.py), and `serve`, which
checks the address, opens the data folder, warms the model and runs uvicorn until Ctrl+C.

Must not: lay out the page or handle its events.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import gradio as gr
from fastapi import FastAPI
from starlette.middleware.trustedhost import TrustedHostMiddleware

from app import privacy
from app.services import Coach
from app.settings import ACCOUNTS, Settings
from app.web.layout import CSS, build_blocks
from app.web.security import Hardening, check_bind, trusted_hosts


def build_app(coach: Coach) -> FastAPI:
    """The Gradio page inside FastAPI, with trusted hosts and security headers."""
    from app import web  # the package's SECURITY_HEADERS: the ones in force

    s = coach.settings
    privacy.apply(s.home)  # Gradio's upload and cache folder inside the data folder
    auth = check_bind(s)
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=trusted_hosts(s, auth))
    s.exports_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    login: Any = auth
    allowed = [str(s.exports_dir)]
    cache = None
    if auth == ACCOUNTS:
        # Each account's exports are in its own folder; they reach the browser only as copies
        # in the page's cache (content-hashed names), never by their path.
        login = _login_off_the_loop(coach)
        cache = coach.transient_dir / "gradio"
        os.environ["GRADIO_TEMP_DIR"] = str(cache)
        allowed = [str(coach.transient_dir / "exports")]
    app.add_middleware(Hardening, headers=web.SECURITY_HEADERS, files_only_under=cache)
    return gr.mount_gradio_app(
        app,
        build_blocks(coach),
        path="/",
        server_name=s.host,
        server_port=s.port,
        app_kwargs={"docs_url": None, "redoc_url": None, "openapi_url": None},
        footer_links=[],
        run_history=False,
        auth=login,
        ssr_mode=False,
        mcp_server=False,
        enable_monitoring=False,
        pwa=False,
        show_error=False,
        max_file_size=f"{s.max_upload_mb}mb",
        allowed_paths=allowed,
        theme=_theme(),
        css=CSS,
    )


def _login_off_the_loop(coach: Coach) -> Any:
    """Gradio awaits a coroutine login check in its event loop; the password check (scrypt, a
    tenth of a second) and the account lock run in a worker thread instead of blocking it."""
    import anyio

    async def check(name: str, password: str) -> bool:
        return bool(await anyio.to_thread.run_sync(coach.login, name, password))

    return check


def _theme() -> Any:
    return gr.themes.Default(
        primary_hue="teal",
        font=[  # fonts served by Gradio itself
            gr.themes.LocalFont("Source Sans Pro", weights=(400, 600, 700)),
            "ui-sans-serif",
            "system-ui",
            "sans-serif",
        ],
    ).set(  # the semibold face draws a broken capital B
        button_large_text_weight="700",
        button_medium_text_weight="700",
        button_small_text_weight="700",
    )


def serve(settings: Settings) -> None:
    """Check the bind address, open the data folder, warm the model, then serve until Ctrl+C."""
    import uvicorn

    check_bind(settings)
    privacy.apply(settings.home)
    for problem in privacy.problems():
        print(f"Warning: privacy switch not in force: {problem}", file=sys.stderr)
    coach = Coach(settings).open()
    try:

        def progress(done: int, total: int, what: str) -> None:
            print(f"\rKnowledge index: {what} {done}/{total}", end="", file=sys.stderr, flush=True)

        coach.ready(progress)
        print("\nLoading…", file=sys.stderr, flush=True)
        coach.warm()
        app = build_app(coach)
        host = f"[{settings.host}]" if ":" in settings.host else settings.host
        print(
            f"\nReflectiecoach runs at http://{host}:{settings.port}/ (Ctrl+C stops it)",
            file=sys.stderr,
            flush=True,
        )
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
    finally:
        coach.close()
