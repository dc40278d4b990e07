"""Vector store on disk: the only module that imports chromadb.

An embedded PersistentClient in the data folder, telemetry off, and never an embedding function
of chromadb's own (its default one downloads a model): every vector comes from our embedder and
is passed in explicitly. Deleting is done by rebuilding the collection from the survivors,
because chromadb keeps deleted documents' text in its write-ahead log otherwise.
"""

from __future__ import annotations

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


class VectorStore:
    def __init__(self, path: Path) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        self.path = Path(path)
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
        return list(zip(got["ids"], got["documents"], got["metadatas"], strict=True))

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
            for start in range(0, len(ids), 500):
                end = start + 500
                self._get().upsert(
                    ids=ids[start:end],
                    embeddings=vectors[start:end].tolist(),
                    documents=texts[start:end],
                    metadatas=metas[start:end],
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
                    known[rid] = self._seen[rid] = (text or "", dict(meta or {}))
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
                self.add(
                    [got["ids"][i] for i in keep],
                    np.asarray([got["embeddings"][i] for i in keep], dtype=np.float32),
                    [got["documents"][i] for i in keep],
                    [got["metadatas"][i] for i in keep],
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
