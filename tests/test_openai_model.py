"""The OpenAI-compatible client against a scripted HTTP server on 127.0.0.1 (tests/fake_openai.py):
what it sends, timeouts and the one retry, a server that is down, the key, the engine on top."""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_openai import Answer, FakeServer, free_port

from app.adapters.embedders import HashEmbedder
from app.adapters.openai_model import OpenAIChatModel, parse_base_url
from app.core.chat_model import Generation
from app.errors import ModelServerError, SettingsError, TokenBudgetError
from app.services import Coach
from app.settings import PROJECT_DIR, Settings

KEY = "sk-test-Zq8mW2vX9pL4"
MESSAGES = [{"role": "user", "content": "Ik had ruzie met mijn collega."}]
CHOICE = Generation(
    max_tokens=4, temperature=0.0, grammar='root ::= ("1" | "2") ("A" | "B")\n',
    choices=("1A", "1B", "2A", "2B"),
)  # fmt: skip


@pytest.fixture
def server() -> Iterator[FakeServer]:
    s = FakeServer()
    yield s
    s.close()


def model(server: FakeServer, **kw: object) -> OpenAIChatModel:
    kw.setdefault("retry_pause", 0.05)
    return OpenAIChatModel(server.url, **kw)  # type: ignore[arg-type]


def one_line(exc: pytest.ExceptionInfo[BaseException]) -> str:
    text = str(exc.value)
    assert "\n" not in text and text.strip() == text
    return text


def test_complete_sends_the_grammar_to_chat_completions(server: FakeServer) -> None:
    m = model(server)
    assert m.complete(MESSAGES, CHOICE) == "2B"
    (call,) = server.seen("chat/completions")
    assert call.method == "POST" and call.body["model"] == "fake-model"  # the first listed
    assert call.body["messages"] == MESSAGES and call.body["grammar"] == CHOICE.grammar
    assert (call.body["max_tokens"], call.body["temperature"], call.body["seed"]) == (4, 0.0, 7)
    assert "stream" not in call.body and "structured_outputs" not in call.body
    assert m.model_id == f"fake-model@127.0.0.1:{server.port}"


def test_stream_yields_the_event_pieces(server: FakeServer) -> None:
    server.reply = "Je werd boos."
    pieces = list(model(server).stream(MESSAGES, Generation(max_tokens=20)))
    assert pieces == list("Je werd boos.")
    assert server.seen("chat/completions")[0].body["stream"] is True


@pytest.mark.parametrize(
    ("constraints", "options", "expected"),
    [
        ("vllm", CHOICE, {"structured_outputs": {"choice": ["1A", "1B", "2A", "2B"]}}),
        (
            "vllm",
            Generation(grammar="root ::= x"),
            {"structured_outputs": {"grammar": "root ::= x"}},
        ),
        ("vllm-guided", CHOICE, {"guided_choice": ["1A", "1B", "2A", "2B"]}),
        ("vllm-guided", Generation(grammar="root ::= x"), {"guided_grammar": "root ::= x"}),
        ("llama.cpp", CHOICE, {"grammar": CHOICE.grammar}),
        ("none", CHOICE, {}),
    ],
)
def test_each_server_kind_gets_the_constraint_in_its_own_field(
    server: FakeServer, constraints: str, options: Generation, expected: dict[str, object]
) -> None:
    model(server, constraints=constraints).complete(MESSAGES, options)
    body = server.seen("chat/completions")[0].body
    fields = ("grammar", "structured_outputs", "guided_choice", "guided_grammar")
    assert {k: body[k] for k in fields if k in body} == expected


def test_a_slow_answer_is_tried_once_more(server: FakeServer) -> None:
    server.on("chat/completions", Answer(delay=1.5))
    started = time.perf_counter()
    assert model(server, timeout=0.4).complete(MESSAGES, CHOICE) == "2B"
    assert len(server.seen("chat/completions")) == 2
    assert time.perf_counter() - started < 1.4  # gave up on the first after the timeout


def test_two_slow_answers_give_one_line_naming_the_server(server: FakeServer) -> None:
    server.on("chat/completions", Answer(delay=1.5), Answer(delay=1.5))
    with pytest.raises(ModelServerError) as exc:
        model(server, timeout=0.4).complete(MESSAGES, CHOICE)
    line = one_line(exc)
    assert line.startswith(f"The model server at 127.0.0.1:{server.port} did not answer")
    assert "within 0.4 s (tried twice)" in line and "server_timeout" in line
    assert len(server.seen("chat/completions")) == 2  # one retry, no more


def test_a_busy_server_is_tried_once_more(server: FakeServer) -> None:
    server.on("chat/completions", Answer(status=503, body={"error": {"message": "busy"}}))
    assert model(server).complete(MESSAGES, CHOICE) == "2B"
    server.on("models", *[Answer(status=502, body={"detail": "bad gateway"})] * 2)
    with pytest.raises(ModelServerError) as exc:
        model(server).complete(MESSAGES, CHOICE)
    assert one_line(exc) == (
        f"The model server at 127.0.0.1:{server.port} answered HTTP 502 (bad gateway) "
        f"(tried twice)."
    )


def test_a_server_that_is_down_is_named_in_one_line() -> None:
    port = free_port()
    m = OpenAIChatModel(f"http://127.0.0.1:{port}/v1", retry_pause=0.05)
    for call in (lambda: m.complete(MESSAGES), lambda: list(m.stream(MESSAGES))):
        with pytest.raises(ModelServerError) as exc:
            call()
        assert one_line(exc) == (
            f"The model server at 127.0.0.1:{port} cannot be reached (connection refused; "
            f"tried twice). Start it, or check base_url in the settings."
        )


def test_a_stream_cut_off_before_any_text_is_tried_again(server: FakeServer) -> None:
    server.on("chat/completions", Answer(events=[]))  # the connection closes at once
    assert "".join(model(server).stream(MESSAGES)) == "2B"
    assert len(server.seen("chat/completions")) == 2
    half = ['{"choices": [{"index": 0, "delta": {"content": "Je "}}]}']
    server.on("chat/completions", Answer(events=half))
    stream = model(server).stream(MESSAGES)
    assert next(stream) == "Je "
    with pytest.raises(ModelServerError, match="before the reply was complete"):
        next(stream)  # text was shown already: no second try that could repeat it
    assert len(server.seen("chat/completions")) == 3


def test_the_key_goes_in_the_header_and_nowhere_else(
    server: FakeServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    m = model(server, key=KEY)
    m.complete(MESSAGES, CHOICE)
    assert all(r.headers["Authorization"] == f"Bearer {KEY}" for r in server.requests)
    assert all(KEY not in str(r.body) for r in server.requests)
    refusal = {"error": {"message": f"Invalid API key {KEY}"}}  # a server that echoes it
    server.on("chat/completions", Answer(status=401, body=refusal))
    with pytest.raises(ModelServerError) as exc:
        m.complete(MESSAGES, CHOICE)
    line = one_line(exc)
    assert "refused the request (HTTP 401: Invalid API key ***)" in line and "COACH_API_KEY" in line
    assert KEY not in line and KEY not in repr(m)
    assert caplog.records and KEY not in caplog.text  # httpx and httpcore logged, without it


def test_unknown_model_names_what_the_server_lists(server: FakeServer) -> None:
    server.models = [{"id": "qwen-7b"}, {"id": "llama-8b"}]
    with pytest.raises(ModelServerError) as exc:
        model(server, model="mistral").complete(MESSAGES)
    assert one_line(exc) == (
        f"The model server at 127.0.0.1:{server.port} does not serve 'mistral'; it lists "
        f"qwen-7b, llama-8b. Set model to one it lists."
    )
    assert model(server, model="llama-8b").name == "llama-8b"
    assert not server.seen("chat/completions")


def test_context_comes_from_the_server_when_it_says(server: FakeServer) -> None:
    server.models = [{"id": "fake-model", "max_model_len": 8192}]
    assert model(server, n_ctx=2048).context_size == 8192
    server.models = [{"id": "fake-model"}]
    assert model(server, n_ctx=2048).context_size == 2048


def test_too_long_is_refused_before_sending_or_by_the_server(server: FakeServer) -> None:
    m = model(server, n_ctx=1000)
    with pytest.raises(TokenBudgetError, match="context of 1000"):
        m.complete([{"role": "user", "content": "woord " * 1000}])
    assert not server.seen("chat/completions")
    said = "This model's maximum context length is 1000 tokens. However, you requested 1300."
    server.on("chat/completions", Answer(status=400, body={"error": {"message": said}}))
    with pytest.raises(TokenBudgetError) as exc:
        m.complete(MESSAGES)
    assert f"too long for the model on 127.0.0.1:{server.port} ({said})" in one_line(exc)


def test_wrong_path_and_redirect_are_explained(server: FakeServer) -> None:
    server.on("models", Answer(status=404, body={"detail": "Not Found"}))
    with pytest.raises(ModelServerError, match=r"has no /v1/models \(HTTP 404\). Check base_url"):
        model(server).complete(MESSAGES)
    moved = Answer(status=308, headers={"Location": f"http://127.0.0.1:{server.port}/v2/models"})
    server.on("models", moved)
    with pytest.raises(ModelServerError, match="redirect .* which the coach does not follow"):
        model(server).complete(MESSAGES)
    assert not [r for r in server.requests if r.path.startswith("/v2")]


@pytest.mark.parametrize(
    ("given", "url"),
    [
        ("http://gpu-01:8000", "http://gpu-01:8000/v1"),
        ("https://llm.example.org/v1/", "https://llm.example.org:443/v1"),
        ("http://[::1]:8080/v1", "http://[::1]:8080/v1"),
    ],
)
def test_base_url_is_normalised(given: str, url: str) -> None:
    assert parse_base_url(given).url == url


@pytest.mark.parametrize(
    "given", ["gpu-01:8000", "ftp://h/v1", "http://user:pw@h/v1", "http://h:99999/v1", "http://"]
)
def test_a_bad_base_url_is_refused(given: str) -> None:
    with pytest.raises(SettingsError, match="base_url must"):
        parse_base_url(given)


def test_the_engine_composes_a_turn_through_the_server(
    server: FakeServer, hash_home: Path, tmp_path: Path
) -> None:
    """Wired from settings alone (backend, base_url, model, key), the model picks the pair."""
    shutil.copytree(hash_home, tmp_path / "home")
    settings = Settings(
        home=tmp_path / "home",
        knowledge_dir=PROJECT_DIR / "knowledge",
        chooser="model",
        backend="openai",
        base_url=server.url,
        model="fake-model",
        api_key=KEY,
    )
    coach = Coach(settings, embedder=HashEmbedder()).open()
    try:
        coach.ready()
        assert coach.engine.warm() == "server cache, 1 slot(s)" and not coach.can_switch_model
        story = "Mijn teamleider gooide mijn planning om. Ik werd zo boos dat ik niks meer zei."
        done = coach.engine.run(coach.sessions.create().id, story)
    finally:
        coach.close()
    warm, call = server.seen("chat/completions")  # the fixed prompt at start, then the turn
    assert warm.body["max_tokens"] == 1
    block = call.body["messages"][-1]["content"]
    offered = block.split("Spiegels / reflections:\n", 1)[1].splitlines()
    second_mirror = offered[1].split(". ", 1)[1]
    assert done.text.startswith(second_mirror)  # "2B": the model's pick, in the code's words
    assert done.turn.prompt_versions["chooser"] == "model"
    assert done.turn.model_id == f"fake-model@127.0.0.1:{server.port}"
    assert call.headers["Authorization"] == f"Bearer {KEY}"


def test_warming_puts_the_fixed_prompt_in_every_slot_at_once(server: FakeServer) -> None:
    server.on("chat/completions", *[Answer(delay=0.3) for _ in range(4)])
    started = time.monotonic()
    how = model(server, slots=4).warm(MESSAGES)
    took = time.monotonic() - started
    calls = server.seen("chat/completions")
    assert len(calls) == 4 and "4 slot" in how
    assert all(c.body["messages"] == MESSAGES and c.body["max_tokens"] == 1 for c in calls)
    assert took < 1.0  # together, not one after another (4 x 0.3 s)
