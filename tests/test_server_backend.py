"""The OpenAI-compatible backend against a real inference server.

llama-cpp-python's own OpenAI-compatible server (`python -m llama_cpp.server`, its `server`
extra) runs the tiny test GGUF on 127.0.0.1 at a free port with an API key, once for this module;
it is stopped when the module is done. The engine runs with chooser "model", so every reflect
turn is a real constrained call to the server; the egress guard watches the server process too
(it is a Python child).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from coachproc import assert_one_line_error, home_from_template
from fake_openai import free_port
from models_on_disk import COACH, tiny_gguf

from app.adapters.embedders import HashEmbedder
from app.adapters.openai_model import OpenAIChatModel
from app.adapters.sessions import SessionStore
from app.cli.doctor import run_doctor
from app.core import style
from app.core.chat_model import Generation
from app.core.reading import read
from app.core.reflection import mirrors
from app.errors import ModelServerError, TokenBudgetError
from app.services import Coach
from app.settings import PROJECT_DIR, Settings

pytestmark = pytest.mark.slow

ALIAS = "smollm2-tiny"
N_CTX = 4096
MESSAGES = [
    {"role": "system", "content": "Je bent een reflectiecoach."},
    {"role": "user", "content": "Ik had ruzie met mijn collega over de planning."},
]
MIRROR = 'root ::= "Je " [a-z ]{6,40} "." " " ("Wat voelde je toen?" | "Wat wilde jij?")\n'


@dataclass(frozen=True)
class Running:
    url: str
    port: int
    key: str
    log: Path

    def model(self, **kw: object) -> OpenAIChatModel:
        kw.setdefault("key", self.key)
        return OpenAIChatModel(self.url, ALIAS, n_ctx=N_CTX, **kw)  # type: ignore[arg-type]

    def env(self) -> dict[str, str]:
        return {
            "COACH_BACKEND": "openai",
            "COACH_BASE_URL": self.url,
            "COACH_MODEL": ALIAS,
            "COACH_API_KEY": self.key,
            "COACH_N_CTX": str(N_CTX),
        }


def _server_env(key: str) -> dict[str, str]:
    """This environment, less any variable the server would read as one of its settings."""
    from llama_cpp.server.settings import Settings as ServerSettings

    taken = {name.upper() for name in ServerSettings.model_fields}
    env = {k: v for k, v in os.environ.items() if k.upper() not in taken}
    return {**env, "API_KEY": key}  # the key by environment, not on the command line


def _wait_until_ready(proc: subprocess.Popen[bytes], running: Running, limit: float) -> None:
    deadline = time.monotonic() + limit
    auth = {"Authorization": f"Bearer {running.key}"}
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"llama_cpp.server exited ({proc.returncode}):\n{_tail(running.log)}")
        try:
            answer = httpx.get(f"{running.url}/models", headers=auth, timeout=2, trust_env=False)
            if answer.status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    pytest.fail(f"llama_cpp.server did not answer within {limit:.0f} s:\n{_tail(running.log)}")


def _tail(log: Path) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-30:])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    port = free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    running = Running(f"http://127.0.0.1:{port}/v1", port, secrets.token_urlsafe(24), log)
    command = [
        # llama_cpp.server itself, with the app's workaround for llama.cpp's AMX kernels
        sys.executable, "-c", "from app.adapters.llama import serve_openai; serve_openai()",
        "--model", str(tiny_gguf()), "--model_alias", ALIAS,
        "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", str(N_CTX), "--n_threads", "2", "--n_threads_batch", "2",
    ]  # fmt: skip
    # Two threads: the test process mostly waits for the server (measured 37 s for this module
    # against 49 s with one).
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, env=_server_env(running.key)
        )
    try:
        _wait_until_ready(proc, running, limit=180)
        yield running
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=20)
    assert proc.returncode is not None


@pytest.fixture
def coach(server: Running, hash_home: Path, tmp_path: Path) -> Iterator[Coach]:
    """The app wired from settings alone, with the model chooser: each turn asks the server."""
    shutil.copytree(hash_home, tmp_path / "home")
    settings = Settings(
        home=tmp_path / "home",
        knowledge_dir=PROJECT_DIR / "knowledge",
        backend="openai",
        base_url=server.url,
        model=ALIAS,
        api_key=server.key,
        n_ctx=N_CTX,
        chooser="model",
    )
    c = Coach(settings, embedder=HashEmbedder()).open()
    yield c
    c.close()


# -- the client --------------------------------------------------------------------------------


def test_the_server_lists_the_model(server: Running) -> None:
    model = server.model()
    assert model.check() == (
        f"{server.url} serves '{ALIAS}' (1 model(s) listed; context {N_CTX}; "
        f"constraints: llama.cpp)"
    )
    assert model.model_id == f"{ALIAS}@127.0.0.1:{server.port}"


def test_a_reply_streams_under_a_grammar(server: Running) -> None:
    pieces = list(server.model().stream(MESSAGES, Generation(max_tokens=60, grammar=MIRROR)))
    reply = "".join(pieces)
    assert len(pieces) > 1  # streamed, not returned whole
    assert reply.startswith("Je ") and reply.endswith(("Wat voelde je toen?", "Wat wilde jij?"))


@pytest.mark.parametrize(("n_mirrors", "n_questions"), [(2, 2), (4, 3), (1, 4)])
def test_the_constrained_choice_is_a_pair(
    server: Running, n_mirrors: int, n_questions: int
) -> None:
    digits = " | ".join(f'"{i + 1}"' for i in range(n_mirrors))
    letters = " | ".join(f'"{"ABCD"[j]}"' for j in range(n_questions))
    pairs = {f"{i + 1}{'ABCD'[j]}" for i in range(n_mirrors) for j in range(n_questions)}
    options = Generation(
        max_tokens=4, temperature=0.0, grammar=f"root ::= ({digits}) ({letters})\n"
    )
    assert server.model().complete(MESSAGES, options) in pairs


def test_a_wrong_key_and_an_unknown_model_are_refused_in_one_line(server: Running) -> None:
    with pytest.raises(ModelServerError) as exc:
        server.model(key="not-the-key").complete(MESSAGES)
    assert str(exc.value) == (
        f"The model server at 127.0.0.1:{server.port} refused the request (HTTP 401: Invalid "
        f"API key). Check the API key in COACH_API_KEY or in the file named by api_key_file."
    )
    with pytest.raises(ModelServerError, match=f"does not serve 'qwen'; it lists {ALIAS}\\."):
        OpenAIChatModel(server.url, "qwen", key=server.key).complete(MESSAGES)


def test_too_long_is_refused_by_the_estimate_or_by_the_server(server: Running) -> None:
    model = server.model()
    with pytest.raises(TokenBudgetError, match=f"context of {N_CTX}"):
        model.complete([{"role": "user", "content": "woord " * 5000}])  # estimated too long
    # About 3,800 tokens by the estimate, but 7,500 for this tokenizer: the server refuses.
    with pytest.raises(TokenBudgetError, match=f"maximum context length is {N_CTX} tokens"):
        model.complete([{"role": "user", "content": "woord " * 2500}])


# -- the engine and the command through the server ---------------------------------------------


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        (
            "Gisteren werd mijn planning zonder overleg omgegooid door mijn teamleider. Ik werd "
            "zo boos dat ik de rest van het overleg niks meer heb gezegd.",
            "nl",
        ),
        ("My manager presented my analysis as hers in the board meeting and I said nothing.", "en"),
    ],
)
def test_the_model_picks_the_turn_through_the_server(coach: Coach, message: str, lang: str) -> None:
    done = coach.engine.run(coach.sessions.create().id, message)
    assert done.turn is not None and done.turn.prompt_versions["chooser"] == "model"
    assert done.turn.model_id == f"{ALIAS}@{coach.model.server.name}"  # type: ignore[attr-defined]
    built = [m.text for m in mirrors(message, lang, read(message, lang))]
    assert any(done.text.startswith(m) for m in built), done.text  # the code's words
    assert not style.check_turn(done.text, lang).problems, done.text


def test_a_conversation_through_the_server_ends_in_a_report(coach: Coach) -> None:
    sid = coach.sessions.create().id
    for message in (
        "Ik had een lastig gesprek met een ouder op school.",
        "Ik voelde me klein en dacht dat ik het fout deed.",
        "Ik merk dat ik altijd stil word bij boze mensen.",
    ):
        done = coach.engine.run(sid, message)
        assert done.turn.prompt_versions["chooser"] == "model" and done.text.endswith("?")
    crisis = coach.engine.run(sid, "Ik heb pillen gespaard en ik weet wanneer.")
    assert crisis.turn.crisis and "113" in crisis.text
    report = coach.engine.make_report(sid)
    assert "stil word bij boze mensen" in report and "pillen" not in report


def test_doctor_checks_the_server(server: Running, tmp_path: Path) -> None:
    lines: list[str] = []
    settings = Settings(home=tmp_path / "home", backend="openai", base_url=server.url,
                        model=ALIAS, api_key=server.key)  # fmt: skip
    assert run_doctor(settings, lines.append)
    line = next(x for x in lines if "model server:" in x)
    assert line.startswith(f"[ok] model server: {server.url} serves '{ALIAS}'")
    assert "API key from COACH_API_KEY" in line and "conversations are sent there" in line
    assert server.key not in "\n".join(lines) and "  api_key = ***" in lines
    port = free_port()
    lines.clear()
    assert not run_doctor(settings.replace(base_url=f"http://127.0.0.1:{port}/v1"), lines.append)
    assert [x for x in lines if "model server:" in x] == [
        f"[FAIL] model server: The model server at 127.0.0.1:{port} cannot be reached "
        f"(connection refused; tried twice). Start it, or check base_url in the settings."
    ]


def test_scripted_chat_through_the_server(server: Running, tmp_path: Path) -> None:
    """The real `coach` command, configured by COACH_* variables only."""
    home = home_from_template(tmp_path / "home")
    script = tmp_path / "script.txt"
    script.write_text(
        "Ik had een lastig gesprek met mijn teamleider.\nI want to get better at saying no.\n"
    )
    env = {**os.environ, "COACH_HOME": str(home), "COACH_CHOOSER": "model", **server.env()}
    result = subprocess.run(
        [str(COACH), "chat", "--script", str(script), "--json"],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["reply"].count("?") for r in rows] == [1, 1]
    assert server.key not in result.stdout + result.stderr
    store = SessionStore(home / "sessions.sqlite3")
    try:
        (session,) = store.list()
        turns = store.turns(session.id)
    finally:
        store.close()
    assert [t.prompt_versions["chooser"] for t in turns] == ["model", "model"]
    assert {t.model_id for t in turns} == {f"{ALIAS}@127.0.0.1:{server.port}"}


def test_a_server_that_is_down_is_one_line_from_the_command(tmp_path: Path) -> None:
    home = home_from_template(tmp_path / "home")
    script = tmp_path / "script.txt"
    script.write_text("Ik had een lastig gesprek met mijn teamleider.\n")
    port = free_port()
    env = {
        **os.environ,
        "COACH_HOME": str(home),
        "COACH_BACKEND": "openai",
        "COACH_BASE_URL": f"http://127.0.0.1:{port}/v1",
        "COACH_CHOOSER": "model",
        "COACH_API_KEY": "sk-test-Zq8mW2vX9pL4",
    }
    result = subprocess.run(
        [str(COACH), "chat", "--script", str(script), "--json"],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    line = assert_one_line_error(result, f"The model server at 127.0.0.1:{port} cannot be reached")
    assert "sk-test" not in result.stdout + result.stderr and line.startswith("Error: ")
