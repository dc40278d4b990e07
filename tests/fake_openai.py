"""A tiny OpenAI-compatible server on 127.0.0.1 for the client tests (not a test module).

Each request is recorded (method, path, headers, JSON body) and answered by the next scripted
Answer for its path (`on("chat/completions", Answer(...))`), else by the default: /v1/models
lists `models`, /v1/chat/completions answers `reply` as one JSON answer or, when the request
asks to stream, as server-sent events of one character each.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    status: int = 200
    body: Any = None  # JSON to send; None: the default answer for the path
    delay: float = 0.0  # seconds before answering
    headers: dict[str, str] = field(default_factory=dict)
    events: list[str] | None = None  # raw `data:` payloads of an event stream, sent as given


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


class FakeServer:
    def __init__(self) -> None:
        self.models: list[dict[str, Any]] = [{"id": "fake-model", "object": "model"}]
        self.reply = "2B"
        self.requests: list[Seen] = []
        self._script: dict[str, list[Answer]] = {}
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.httpd.owner = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def on(self, path: str, *answers: Answer) -> FakeServer:
        with self._lock:
            self._script.setdefault(path, []).extend(answers)
        return self

    def seen(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.path == f"/v1/{path}"]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- answering -----------------------------------------------------------------------

    def handle(self, req: BaseHTTPRequestHandler) -> None:
        length = int(req.headers.get("Content-Length") or 0)
        raw = req.rfile.read(length) if length else b""
        body = json.loads(raw) if raw else None
        self.requests.append(Seen(req.command, req.path, dict(req.headers), body))
        path = req.path.removeprefix("/v1/")
        with self._lock:
            queue = self._script.get(path) or []
            answer = queue.pop(0) if queue else Answer()
        time.sleep(answer.delay)
        if answer.events is not None or (
            answer.status == 200 and answer.body is None and (body or {}).get("stream")
        ):
            events = self._default_events() if answer.events is None else answer.events
            self._send_events(req, events)
        else:
            self._send_json(req, answer, answer.body or self._default(path))

    def _default(self, path: str) -> Any:
        if path == "models":
            return {"object": "list", "data": self.models}
        if path == "chat/completions":
            message = {"role": "assistant", "content": self.reply}
            return {"choices": [{"index": 0, "message": message, "finish_reason": "stop"}]}
        return {"error": {"message": f"no route {path}"}}

    def _default_events(self) -> list[str]:
        chunks = [{"choices": [{"index": 0, "delta": {"content": c}}]} for c in self.reply]
        chunks.append({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        return [json.dumps(c) for c in chunks] + ["[DONE]"]

    def _send_json(self, req: BaseHTTPRequestHandler, answer: Answer, data: Any) -> None:
        payload = json.dumps(data).encode()
        req.send_response(answer.status)
        for name, value in {"Content-Type": "application/json", **answer.headers}.items():
            req.send_header(name, value)
        req.send_header("Content-Length", str(len(payload)))
        req.end_headers()
        req.wfile.write(payload)

    def _send_events(self, req: BaseHTTPRequestHandler, events: list[str]) -> None:
        req.send_response(200)
        req.send_header("Content-Type", "text/event-stream")
        req.send_header("Connection", "close")
        req.end_headers()
        for data in events:
            req.wfile.write(f"data: {data}\n\n".encode())
            req.wfile.flush()
        req.close_connection = True


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # the name http.server calls
        # A client that gave up waiting (what the timeout tests do) closed the connection.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.server.owner.handle(self)  # type: ignore[attr-defined]

    do_POST = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        pass


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (free when this returns)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
