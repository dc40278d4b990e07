"""llama.cpp chat model: the only module that imports llama_cpp.

Loads lazily from a local path (never from a hub), clamps n_ctx to what the model was trained
for, compiles GBNF grammars once, and relies on llama-cpp-python's reuse of the longest common
token prefix with the previous call: callers keep fixed prompt parts first to benefit from it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from app.adapters.gguf import read_info
from app.core.chat_model import ChatModel, Generation, Messages
from app.errors import ModelError


class LlamaChatModel(ChatModel):
    def __init__(
        self, path: Path, n_ctx: int = 4096, n_threads: int = 0, state_dir: Path | None = None
    ):
        info = read_info(path)  # rejects missing, foreign and truncated files before llama.cpp
        self.state_dir = state_dir  # where the evaluated fixed prefix is kept between starts
        self.path = Path(path)
        self.model_id = path.name
        self.info = info
        self._n_ctx = min(n_ctx, info.context_length) if info.context_length else n_ctx
        # llama-cpp-python defaults to half the cores; a laptop chat wants all of them.
        self._n_threads = n_threads or max(1, os.cpu_count() or 1)
        self._llama: Any = None
        self._grammars: dict[str, Any] = {}
        self._lock = threading.Lock()  # one llama context never runs two calls at once

    @property
    def lock(self) -> threading.Lock:
        return self._lock

    def _load(self) -> Any:
        if self._llama is None:
            from llama_cpp import Llama

            try:
                with _quiet(), _without_extra_buffers(amx()):
                    self._llama = Llama(
                        model_path=str(self.path),
                        n_ctx=self._n_ctx,
                        n_threads=self._n_threads,
                        n_threads_batch=self._n_threads,
                        n_batch=512,
                        verbose=False,
                    )
            except ValueError:
                raise ModelError(
                    f"llama.cpp could not load {self.path}. The file may be damaged or use an "
                    f"architecture this llama.cpp does not know; choose another GGUF file."
                ) from None
        return self._llama

    @property
    def context_size(self) -> int:
        return self._n_ctx

    def count_tokens(self, messages: Messages) -> int:
        return len(self._tokens(messages))

    def _tokens(self, messages: Messages) -> list[int]:
        llama = self._load()
        prompt = self._format(messages)
        return list(llama.tokenize(prompt.encode("utf-8"), add_bos=False, special=True))

    def _format(self, messages: Messages) -> str:
        llama = self._load()
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        template = llama.metadata.get("tokenizer.chat_template")
        if not template:
            # Models without a template get a plain role-prefixed layout.
            body = "".join(f"<|{m['role']}|>\n{m['content']}\n" for m in messages)
            return body + "<|assistant|>\n"
        eos = llama._model.token_get_text(llama.token_eos())
        bos = llama._model.token_get_text(llama.token_bos()) if llama.token_bos() >= 0 else ""
        formatter = self._formatter = getattr(self, "_formatter", None) or Jinja2ChatFormatter(
            template=template, eos_token=eos, bos_token=bos
        )
        return str(formatter(messages=cast(Any, messages)).prompt)

    def _grammar(self, text: str) -> Any:
        if text not in self._grammars:
            from llama_cpp import LlamaGrammar

            self._grammars[text] = LlamaGrammar.from_string(text, verbose=False)
        return self._grammars[text]

    def _stream(self, messages: Messages, options: Generation) -> Iterator[str]:
        # A plain Lock, taken and given back explicitly: a stream may be closed from another
        # thread than the one that started it (a server stopping during a reply), and an RLock
        # can only be released by its owner.
        self._lock.acquire()
        try:
            llama = self._load()
            prompt = self._format(messages)
            kwargs: dict[str, Any] = dict(
                max_tokens=options.max_tokens,
                temperature=options.temperature,
                seed=options.seed,
                stream=True,
                stop=list(options.stop) or None,
            )
            if options.grammar:
                kwargs["grammar"] = self._grammar(options.grammar)
            chunks = llama.create_completion(prompt, **kwargs)
            try:
                for chunk in chunks:
                    text = chunk["choices"][0]["text"]
                    if text:
                        yield text
            finally:
                chunks.close()
        finally:
            self._lock.release()

    def warm(self, messages: Messages) -> str:
        """Put the prompt for `messages` (no reply) in the KV cache, so later calls that start
        with it only evaluate what follows. The evaluated state is kept in `state_dir`, keyed by
        the model file, the exact tokens, the context size and the llama.cpp build; a later start
        restores it instead of evaluating again. Returns "restored" or "evaluated"."""
        with self._lock:
            llama = self._load()
            tokens = list(llama.tokenize(self._format(messages).encode("utf-8"), special=True))
            path = self._state_path(tokens)
            if path is not None and self._restore(llama, tokens, path):
                return "restored"
            llama.reset()
            llama.eval(tokens)
            if path is not None:
                self._save(llama, tokens, path)
            return "evaluated"

    def _state_path(self, tokens: list[int]) -> Path | None:
        if self.state_dir is None:
            return None
        import llama_cpp

        stat = self.path.stat()
        key = hashlib.sha256()
        for part in (self.path.name, stat.st_size, int(stat.st_mtime), self._n_ctx, 512):
            key.update(f"{part}\n".encode())
        key.update(llama_cpp.__version__.encode())
        key.update(",".join(map(str, tokens)).encode())
        return self.state_dir / f"prefix-{key.hexdigest()[:24]}.npz"

    def _save(self, llama: Any, tokens: list[int], path: Path) -> None:
        import ctypes

        import llama_cpp
        import numpy as np

        size = llama_cpp.llama_state_get_size(llama._ctx.ctx)
        buffer = (ctypes.c_uint8 * int(size))()
        written = llama_cpp.llama_state_get_data(llama._ctx.ctx, buffer, size)
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            with tmp.open("wb") as f:
                np.savez(
                    f,
                    tokens=np.array(tokens, dtype=np.int32),
                    state=np.frombuffer(bytes(buffer)[: int(written)], dtype=np.uint8),
                )
            tmp.chmod(0o600)
            os.replace(tmp, path)
            for old in path.parent.glob("prefix-*.npz"):  # one prefix is kept, the current one
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError:
            return  # a read-only or full data folder only costs the next start some seconds

    def _restore(self, llama: Any, tokens: list[int], path: Path) -> bool:
        import ctypes

        import llama_cpp
        import numpy as np

        try:
            with np.load(path, allow_pickle=False) as data:
                stored = data["tokens"].tolist()
                state = data["state"].tobytes()
        except (OSError, ValueError, KeyError):
            path.unlink(missing_ok=True)  # damaged: evaluated again and rewritten
            return False
        if stored != tokens or not state:
            return False
        llama.reset()
        buffer = (ctypes.c_uint8 * len(state)).from_buffer_copy(state)
        if llama_cpp.llama_state_set_data(llama._ctx.ctx, buffer, len(state)) != len(state):
            llama.reset()
            path.unlink(missing_ok=True)
            return False
        llama.input_ids[: len(tokens)] = tokens
        llama.n_tokens = len(tokens)
        return True

    def raw(self) -> Any:
        """The underlying Llama object, for benchmarks that compare against the raw library."""
        return self._load()


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Silence llama.cpp's C-level log lines on stderr while loading."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def amx() -> bool:
    """Whether the CPU has Intel AMX (the kernel's flags in /proc/cpuinfo; False elsewhere)."""
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return bool(re.search(r"^flags\s*:.*\bamx_(?:tile|int8)\b", flags, re.M))


@contextlib.contextmanager
def _without_extra_buffers(active: bool) -> Iterator[None]:
    """Load the model without llama.cpp's extra buffer types. On CPUs with AMX these hold the AMX
    matrix kernels, and those crash the process (a segmentation fault at the first evaluation:
    llama.cpp issue 20824, seen here with the default Q4_K_M model and the Q4_1 test model on a
    Xeon with AMX); without them the common CPU kernels run. llama-cpp-python has no argument
    for it, so the default model parameters are wrapped while the model loads."""
    if not active:
        yield
        return
    import llama_cpp.llama_cpp as low

    original = low.llama_model_default_params

    def params() -> Any:
        made = original()
        made.use_extra_bufts = False
        return made

    low.llama_model_default_params = params
    try:
        yield
    finally:
        low.llama_model_default_params = original


def serve_openai() -> None:
    """llama-cpp-python's OpenAI-compatible server (`python -m llama_cpp.server`, same arguments)
    with the AMX workaround above: `python -c "from app.adapters.llama import serve_openai;
    serve_openai()" --model ...`."""
    from llama_cpp.server.__main__ import main

    with _without_extra_buffers(amx()):
        main()
