"""The egress guard catches what it claims to, the privacy switches are in force at start-up, and
the model server client reaches the configured host and no other.

Canaries: connections to 203.0.113.9 (TEST-NET-3, never routed) and a name lookup of example.org,
in this process, in a background thread and in a Python child, must be blocked and recorded.
Each canary then removes its own records, so the session stays green only if nothing else tried.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from pathlib import Path

import conftest
import egress
import pytest
from coachproc import COACH, ROOT, coach_env, tiny_gguf
from fake_openai import Answer, FakeServer

from app import privacy
from app.adapters.openai_model import OpenAIChatModel
from app.errors import ModelServerError

CANARY = "203.0.113.9"
CANARY6 = "2001:db8::9"  # IPv6 documentation range


def _records(match: str) -> list[dict[str, str]]:
    return [r for r in conftest.egress_attempts() if match in r["target"]]


@pytest.fixture
def forget() -> object:
    """Drop canary records after the test, even when an assertion failed half-way."""
    yield
    for match in (CANARY, CANARY6, "example.org"):
        conftest.forget_attempts(match)


def _udp_sendto() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.sendto(b"x", (CANARY, 53))


def _tcp_connect() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1)
        s.connect((CANARY, 80))


def _tcp6_connect() -> None:
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
        s.settimeout(1)
        s.connect((CANARY6, 80, 0, 0))


def _lookup() -> None:
    socket.getaddrinfo("example.org", 443)


@pytest.mark.parametrize(
    ("attempt", "event", "target"),
    [
        (_tcp_connect, "socket.connect", f"{CANARY}:80"),
        (_tcp6_connect, "socket.connect", f"{CANARY6}:80"),
        (_udp_sendto, "socket.sendto", f"{CANARY}:53"),
        (_lookup, "socket.getaddrinfo", "example.org"),
    ],
)
def test_guard_blocks_and_records_in_process(
    forget: object, attempt: object, event: str, target: str
) -> None:
    with pytest.raises(ConnectionRefusedError, match="egress blocked by the test guard"):
        attempt()  # type: ignore[operator]
    found = [r for r in conftest.egress_attempts() if r["target"] == target]
    assert [r["event"] for r in found] == [event]
    assert "test_egress.py" in found[0]["stack"]  # the record says who tried
    assert conftest.forget_attempts(target) == 1
    assert not _records(target)


def test_guard_catches_a_background_thread(forget: object) -> None:
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            _tcp_connect()
        except BaseException as exc:  # noqa: BLE001 - the thread reports what it got
            errors.append(exc)

    t = threading.Thread(target=worker, name="sneaky-telemetry")
    t.start()
    t.join(10)
    assert errors and isinstance(errors[0], ConnectionRefusedError)
    assert [r["thread"] for r in _records(CANARY)] == ["sneaky-telemetry"]
    assert conftest.forget_attempts(CANARY) == 1


def test_guard_lets_loopback_through() -> None:
    """The guard must not get in the way of the app's own server on 127.0.0.1."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=2):
            pass
    socket.getaddrinfo("localhost", 80)
    assert not [r for r in egress.ATTEMPTS if "127.0.0.1" in r["target"]]


def test_guard_records_a_python_child(forget: object) -> None:
    code = (
        "import socket, threading\n"
        "def go():\n"
        "    s = socket.socket(); s.settimeout(1)\n"
        "    try:\n"
        f"        s.connect(({CANARY!r}, 80))\n"
        "    except ConnectionRefusedError as exc:\n"
        "        print(exc)\n"
        "t = threading.Thread(target=go, name='child-canary'); t.start(); t.join()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert "egress blocked by the test guard" in result.stdout, result.stdout + result.stderr
    records = _records(CANARY)
    assert [(r["event"], r["thread"]) for r in records] == [("socket.connect", "child-canary")]
    assert not [r for r in egress.ATTEMPTS if CANARY in r["target"]]
    assert conftest.forget_attempts(CANARY) == 1


# -- the switches, as the real entry points set them -----------------------------------------


def _clean_env(**extra: str) -> dict[str, str]:
    """This process applied the switches itself; a child must not inherit them for free."""
    env = {k: v for k, v in coach_env(Path("/nonexistent")).items() if k not in privacy.SWITCHES}
    return {**env, **extra}


def test_doctor_reports_the_switches_in_force(tmp_path: Path) -> None:
    """`coach doctor` (the console script) prints every switch as set by the entry point."""
    env = _clean_env(COACH_HOME=str(tmp_path / "home"), COACH_MODEL=str(tiny_gguf()))
    result = subprocess.run(
        [str(COACH), "doctor"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    line = next((x for x in result.stdout.splitlines() if "privacy:" in x), "")
    assert line.startswith("[ok] privacy: offline switches in force"), result.stdout
    for key, value in privacy.SWITCHES.items():
        assert f"{key}={value}" in line
    assert result.returncode == 0, result.stdout + result.stderr


def test_doctor_privacy_line_fails_when_the_hub_came_first(tmp_path: Path) -> None:
    """Canary: import huggingface_hub before the entry point, and doctor must say so."""
    code = (
        "import huggingface_hub.constants, sys; sys.argv = ['coach', 'doctor']; "
        "from app.cli.main import main; main()"
    )
    env = _clean_env(COACH_HOME=str(tmp_path / "home"), COACH_MODEL=str(tiny_gguf()))
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert "[FAIL] privacy: huggingface_hub was imported before HF_HUB_OFFLINE was set" in (
        result.stdout
    ), result.stdout
    assert result.returncode == 1


def _hub_offline(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_cli_applies_switches_before_huggingface_hub_is_imported() -> None:
    assert (
        _hub_offline("import app.cli.main, huggingface_hub.constants as c; print(c.HF_HUB_OFFLINE)")
        == "True"
    )


def test_import_order_check_can_fail() -> None:
    """Canary: the same check with huggingface_hub imported first reads False."""
    assert (
        _hub_offline("import huggingface_hub.constants as c, app.cli.main; print(c.HF_HUB_OFFLINE)")
        == "False"
    )


# -- the model server: the configured host and no other ---------------------------------------

MESSAGES = [{"role": "user", "content": "Ik had ruzie met mijn collega."}]


def test_the_guard_sees_the_model_server_client(forget: object) -> None:
    """Canary: the client's traffic goes through the guarded sockets, so a base_url on another
    host is blocked and recorded (once per try), and the error names that host."""
    model = OpenAIChatModel(f"http://{CANARY}:8000/v1", timeout=2, retry_pause=0.01)
    with pytest.raises(ModelServerError) as exc:
        model.complete(MESSAGES)
    assert f"The model server at {CANARY}:8000 cannot be reached" in str(exc.value)
    assert [r["target"] for r in _records(CANARY)] == [CANARY, CANARY]
    assert conftest.forget_attempts(CANARY) == 2


def test_a_redirect_to_another_host_is_not_followed(forget: object) -> None:
    server = FakeServer()
    try:
        away = {"Location": f"http://{CANARY}/v1/models"}
        server.on("models", Answer(status=307, headers=away))
        with pytest.raises(ModelServerError, match="redirect .* does not follow"):
            OpenAIChatModel(server.url).complete(MESSAGES)
    finally:
        server.close()
    assert len(server.requests) == 1 and not _records(CANARY)


def test_proxy_variables_do_not_divert_the_client(
    forget: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"):
        monkeypatch.setenv(name, f"http://{CANARY}:3128")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    server = FakeServer()
    try:
        assert OpenAIChatModel(server.url).complete(MESSAGES) == server.reply
    finally:
        server.close()
    assert not _records(CANARY)
