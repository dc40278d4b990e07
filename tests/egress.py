"""Egress guard for the tests: an audit hook that records and blocks non-loopback network use.

Watches socket.getaddrinfo, socket.gethostbyname, socket.connect, socket.sendto and
socket.sendmsg. Loopback (127.0.0.0/8, ::1, localhost) and Unix sockets are allowed. A blocked
attempt raises ConnectionRefusedError in the caller and is recorded with a short stack.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import sys
import threading
import traceback

ATTEMPTS: list[dict[str, str]] = []
_LOG: str | None = None
_LOCAL = threading.local()
_INSTALLED = False
_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", ""}


def _is_loopback(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    host = str(host).strip("[]").lower()
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _target(event: str, args: tuple) -> object | None:
    """The host an event tries to reach, or None when it is local or not a network address."""
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex"):
        host = args[0]
        return None if _is_loopback(host) else host
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        address = args[1] if len(args) > 1 else None
        sock = args[0]
        family = getattr(sock, "family", None)
        if family not in (socket.AF_INET, socket.AF_INET6) or not isinstance(address, tuple):
            return None
        return None if _is_loopback(address[0]) else f"{address[0]}:{address[1]}"
    return None


def _hook(event: str, args: tuple) -> None:
    if not event.startswith("socket.") or getattr(_LOCAL, "busy", False):
        return
    target = _target(event, args)
    if target is None:
        return
    _LOCAL.busy = True
    try:
        record = {
            "event": event,
            "target": str(target),
            "thread": threading.current_thread().name,
            "stack": "".join(traceback.format_stack(limit=12)[:-2]),
        }
        ATTEMPTS.append(record)
        if _LOG:
            with open(_LOG, "a", encoding="utf-8") as f:
                f.write(json.dumps(record) + "\n")
    finally:
        _LOCAL.busy = False
    raise ConnectionRefusedError(f"egress blocked by the test guard: {event} {target}")


def install(log_path: str | None = None) -> None:
    global _LOG, _INSTALLED
    _LOG = log_path
    if not _INSTALLED:
        sys.addaudithook(_hook)
        _INSTALLED = True
