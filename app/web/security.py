"""The HTTP hardening Gradio cannot do itself, and the check of the address to listen on.

Security headers on every response (a Content-Security-Policy so no page element can reach
another host, no-frame and no-referrer headers), no remote `file=` proxy, no cross-origin
writes, and the trusted Host names against DNS rebinding. `check_bind` refuses to listen beyond
loopback without a password.
Must not: know about the page or the Coach.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.responses import PlainTextResponse

from app.errors import SettingsError
from app.settings import ACCOUNTS, Settings

CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; "
    "object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
}
LOOPBACK_NAMES = ["127.0.0.1", "localhost"]
# Gradio's /file= route fetches http(s) URLs on the server's behalf; an offline app never should.
_REMOTE_FILE = re.compile(r"/file=\s*[a-z][a-z0-9+.\-]*:", re.I)
_FILE = re.compile(r"/file=(.*)$")


class Hardening:
    """ASGI middleware: security headers on every response, and no remote `file=` fetches.

    Login cookies are made SameSite=Strict (Gradio sends them with SameSite=None), and Secure
    when the request came over TLS. With `files_only_under` (a server with accounts) `file=`
    serves only the page's own cache folder, whose names are content hashes: a file in
    someone else's data folder is never served by its path.
    """

    def __init__(
        self,
        app: Any,
        headers: Mapping[str, str] | None = None,
        files_only_under: Path | None = None,
    ) -> None:
        self.app = app
        self.headers = dict(SECURITY_HEADERS if headers is None else headers)
        self.files_only_under = files_only_under

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _cross_origin_write(scope):
            # A page from another site (another tab) may not post to this app: uploads and
            # events must come from the app's own page.
            response = PlainTextResponse(
                "Cross-origin request refused.", status_code=403, headers=self.headers
            )
            await response(scope, receive, send)
            return
        if _REMOTE_FILE.search(scope.get("path", "")) or self._private_file(scope):
            response = PlainTextResponse("File not allowed.", status_code=403, headers=self.headers)
            await response(scope, receive, send)
            return
        tls = scope.get("scheme") == "https"

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    (k, _strict_cookie(v, tls) if k.lower() == b"set-cookie" else v)
                    for k, v in message.get("headers", [])
                ]
                headers = MutableHeaders(scope=message)
                for key, value in self.headers.items():
                    headers[key] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _private_file(self, scope: dict) -> bool:
        if self.files_only_under is None:
            return False
        found = _FILE.search(scope.get("path", ""))
        if found is None:
            return False
        wanted = Path(os.path.abspath(found.group(1)))
        return not wanted.is_relative_to(Path(os.path.abspath(self.files_only_under)))


def _strict_cookie(value: bytes, tls: bool) -> bytes:
    """A Set-Cookie value with SameSite=Strict instead of what it had, and Secure over TLS."""
    parts = [p.strip() for p in value.decode("latin-1").split(";")]
    kept = [p for p in parts if p and not p.lower().startswith("samesite")]
    if tls and not any(p.lower() == "secure" for p in kept):
        kept.append("Secure")
    return "; ".join([*kept, "SameSite=Strict"]).encode("latin-1")


def _cross_origin_write(scope: dict) -> bool:
    """True for a state-changing request whose Origin is not this app's own host."""
    if scope.get("method", "GET") in ("GET", "HEAD", "OPTIONS"):
        return False
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
    origin = headers.get("origin")
    if origin is None:
        return False  # not sent by a browser page (curl, tests); CSRF needs a browser
    return origin == "null" or urlsplit(origin).netloc.lower() != headers.get("host", "").lower()


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(settings: Settings) -> tuple[str, str] | str | None:
    """The (user, password) pair, ACCOUNTS, or None; refuses a non-loopback host without a
    password, and accounts mode without any account."""
    auth = settings.auth.strip()
    if auth == ACCOUNTS:
        from app.adapters.accounts import Accounts

        db = settings.home / "accounts.db"
        if not db.exists() or not Accounts(db).users():
            raise SettingsError(
                "There are no accounts yet. Add the first one with: "
                "coach users add NAME --role admin"
            )
        return ACCOUNTS
    if auth and (":" not in auth or not all(auth.split(":", 1))):
        raise SettingsError(
            'The setting auth must look like "user:password" (both non-empty) or be "accounts".'
        )
    if not is_loopback(settings.host) and not auth:
        raise SettingsError(
            f"Refusing to listen on {settings.host} without a password: anyone on the network "
            f"could read the conversations. Use --host 127.0.0.1, or set COACH_AUTH=user:password "
            f'(or auth = "user:password" in config.toml).'
        )
    if not auth:
        return None
    user, password = auth.split(":", 1)
    return user, password


def trusted_hosts(settings: Settings, auth: tuple[str, str] | str | None) -> list[str]:
    """The Host names the app answers to: loopback, and behind a password the configured one."""
    hosts = list(LOOPBACK_NAMES)
    if auth and settings.host not in hosts:
        # Behind a password the configured name is trusted too. A wildcard bind is reached by
        # whatever name or address the network gives the machine: then only the password
        # guards it (a rebinding page cannot send this browser's login cookie).
        wildcard = settings.host in ("0.0.0.0", "::", "[::]")
        hosts = ["*"] if wildcard else [*hosts, settings.host]
    return hosts
