"""The records the knowledge index holds for a document: one per chunk, with its metadata.

Role: turn a document that was read (app/adapters/documents.py) into (id, text, metadata)
records for the VectorStore, and say what the embedder sees of each. Record ids are content
hashes, so unchanged text is never embedded twice. A user's document can never pose as a
built-in card or a bank question.
Must not: read files, embed text or touch the store (app/adapters/knowledge.py does).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from typing import Any

from app.adapters import documents
from app.adapters.documents import Document

# The phase tags of cards and bank questions (1-5): the steps of the reflection cycle. Other
# methods map their steps onto these tags (knowledge/methods/*.toml, "phases").
BANK_PHASES = range(1, 6)
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


def document_records(doc: Document, key: str, origin: str) -> list[tuple[str, str, dict]]:
    """The records of one document: `key` names it in the index, `origin` is "builtin" or
    "user"."""
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
