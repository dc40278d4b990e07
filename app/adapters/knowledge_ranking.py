"""Card ranking for the knowledge base's search: one hit per card, one card per idea.

Role: order the store's hits by card, pooling the scores of each card's passages, and keep one
card of a Dutch/English pair (app/adapters/knowledge.py asks the store and applies the
relevance threshold).
Must not: embed text or query the store.
"""

from __future__ import annotations

import math

from app.adapters.store import Hit

# Card ranking: a card's passages (its text and the situations written with it) are pooled with
# a soft maximum, so a card that several passages point to outranks one lucky match. Card text
# gets a small handicap because e5 scores every long Dutch text about work alike. Both numbers
# were chosen on bench/retrieval_eval.jsonl (see docs/bench-retrieval.md).
POOL_TEMPERATURE = 0.02
BODY_HANDICAP = 0.01


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
