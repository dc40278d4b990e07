"""Vector store on disk: the only module that imports chromadb.

An embedded PersistentClient in the data folder, telemetry off, and never an embedding function
of chromadb's own (its default one downloads a model): every vector comes from our embedder and
is passed in explicitly. Deleting is done by rebuilding the collection from the survivors,
because chromadb keeps deleted documents' text in its write-ahead log otherwise.

With a data key (an account on a shared server) the text and title of the person's own records
(origin "user") are sealed before chromadb sees them and opened when they are read; the vectors
and the built-in knowledge stay as they are.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from app.errors import KnowledgeError

COLLECTION = "knowledge"
SEEN_LIMIT = 50_000  # records whose text and metadata a store keeps in memory for searching


@dataclass(frozen=True)
class Hit:
    id: str
    score: float  # cosine similarity, 1.0 is identical
    text: str
    meta: dict[str, Any]


@contextmanager
def _translate(path: Path) -> Iterator[None]:
    """Turn chromadb's failures into a message that names the folder and the fix."""
    import chromadb.errors

    try:
        yield
    except (chromadb.errors.ChromaError, RuntimeError, OSError) as exc:
        raise KnowledgeError(
            f"The knowledge index in {path} cannot be used ({type(exc).__name__}: "
            f"{str(exc)[:160]}). Run `coach kb rebuild` to build it again from the documents."
        ) from None


SEALED = "sealed:"


def _seal(key: bytes | None, rid: str, text: str, meta: dict[str, Any]) -> tuple[str, dict]:
    if key is None or meta.get("origin") != "user":
        return text, meta
    from app.adapters import vault

    def sealed(value: str, field: str) -> str:
        return SEALED + base64.b64encode(vault.seal_text(key, value, f"{rid}/{field}")).decode()

    meta = dict(meta)
    if isinstance(meta.get("title"), str):
        meta["title"] = sealed(meta["title"], "title")
    return sealed(text, "text"), meta


def _open(key: bytes | None, rid: str, text: str | None, meta: Any) -> tuple[str, dict]:
    meta = dict(meta or {})
    if key is None:
        return text or "", meta
    from app.adapters import vault

    def opened(value: str, field: str) -> str:
        if not value.startswith(SEALED):
            return value
        return vault.open_text(key, base64.b64decode(value[len(SEALED) :]), f"{rid}/{field}")

    if isinstance(meta.get("title"), str):
        meta["title"] = opened(meta["title"], "title")
    return opened(text or "", "text"), meta


class VectorStore:
    def __init__(self, path: Path, key: bytes | None = None) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        self.path = Path(path)
        self._key = key
        self.path.mkdir(parents=True, exist_ok=True)
        with _translate(self.path):
            self._client = chromadb.PersistentClient(
                path=str(self.path),
                settings=ChromaSettings(anonymized_telemetry=False, allow_reset=True),
            )
        self._collection: Any = None
        self._seen: dict[str, tuple[str, dict[str, Any]]] = {}  # id -> (text, metadata)

    def _get(self) -> Any:
        if self._collection is None:
            with _translate(self.path):
                names = [c.name for c in self._client.list_collections()]
                if COLLECTION in names:
                    self._collection = self._client.get_collection(
                        COLLECTION, embedding_function=None
                    )
        return self._collection

    def meta(self) -> dict[str, Any] | None:
        """The collection's metadata (embedder id and dimension), or None when there is none."""
        collection = self._get()
        return dict(collection.metadata or {}) if collection is not None else None

    def reset(self, meta: dict[str, Any]) -> None:
        """Drop everything and start an empty collection for this embedder."""
        self._seen.clear()
        with _translate(self.path):
            if self._get() is not None:
                self._client.delete_collection(COLLECTION)
            self._collection = self._client.create_collection(
                COLLECTION,
                metadata=meta,
                configuration={"hnsw": {"space": "cosine"}},
                embedding_function=None,
            )

    def count(self) -> int:
        collection = self._get()
        with _translate(self.path):
            return int(collection.count()) if collection is not None else 0

    def records(self, where: dict[str, Any] | None = None) -> list[tuple[str, str, dict]]:
        collection = self._get()
        if collection is None:
            return []
        with _translate(self.path):
            got = collection.get(where=where, include=["documents", "metadatas"])
        return [
            (rid, *_open(self._key, rid, text, meta))
            for rid, text, meta in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        ]

    def ids(self) -> set[str]:
        collection = self._get()
        if collection is None:
            return set()
        with _translate(self.path):
            return set(collection.get(include=[])["ids"])

    def add(
        self, ids: list[str], vectors: np.ndarray, texts: list[str], metas: list[dict[str, Any]]
    ) -> None:
        if not ids:
            return
        for rid in ids:
            self._seen.pop(rid, None)
        with _translate(self.path):
            sealed = [_seal(self._key, r, t, m) for r, t, m in zip(ids, texts, metas, strict=True)]
            for start in range(0, len(ids), 500):
                end = start + 500
                self._get().upsert(
                    ids=ids[start:end],
                    embeddings=vectors[start:end].tolist(),
                    documents=[t for t, _ in sealed[start:end]],
                    metadatas=[m for _, m in sealed[start:end]],
                )

    def query(self, vector: np.ndarray, k: int, where: dict[str, Any] | None) -> list[Hit]:
        """The k nearest records that match `where`, best first.

        chromadb searches and filters; the text and metadata of records already seen come from
        memory (record ids are content hashes, so an id always names the same record), which
        saves reading them from chroma's SQLite file on every search.
        """
        collection = self._get()
        if collection is None or k <= 0:
            return []
        with _translate(self.path):
            got = collection.query(
                query_embeddings=[vector.tolist()],
                n_results=k,
                where=where,
                include=["distances"],
            )
            ids, distances = got["ids"][0], got["distances"][0]
            known = {i: rec for i in ids if (rec := self._seen.get(i)) is not None}
            missing = [i for i in ids if i not in known]
            if missing:
                if len(self._seen) > SEEN_LIMIT:
                    self._seen.clear()
                more = collection.get(ids=missing, include=["documents", "metadatas"])
                for rid, text, meta in zip(
                    more["ids"], more["documents"], more["metadatas"], strict=True
                ):
                    known[rid] = self._seen[rid] = _open(self._key, rid, text, meta)
        return [
            Hit(id=i, score=1.0 - float(d), text=known[i][0], meta=dict(known[i][1]))
            for i, d in zip(ids, distances, strict=True)
            if i in known
        ]

    def delete(self, ids: set[str], force: bool = False) -> None:
        """Remove records for good: rebuild the collection from the survivors, then vacuum.

        With force, rebuild even when nothing matches, to purge text left by earlier deletes.
        """
        collection = self._get()
        if collection is None or not (ids or force):
            return
        with _translate(self.path):
            got = collection.get(include=["documents", "metadatas", "embeddings"])
            keep = [i for i, rid in enumerate(got["ids"]) if rid not in ids]
            meta = dict(collection.metadata or {})
            self.reset(meta)
            if keep:
                # Opened here and sealed again by add: each value keeps its place.
                kept = [
                    _open(self._key, got["ids"][i], got["documents"][i], got["metadatas"][i])
                    for i in keep
                ]
                self.add(
                    [got["ids"][i] for i in keep],
                    np.asarray([got["embeddings"][i] for i in keep], dtype=np.float32),
                    [text for text, _ in kept],
                    [meta for _, meta in kept],
                )
        self.vacuum()

    def vacuum(self) -> None:
        """Reclaim free pages in chroma's SQLite file so removed text does not linger."""
        import sqlite3

        db = self.path / "chroma.sqlite3"
        if db.exists():
            con = sqlite3.connect(db)
            try:
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                con.execute("VACUUM")
            finally:
                con.close()
