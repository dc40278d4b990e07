"""The order of the candidate reflections, learned from which one supervisors would say back.

Role: reorders the candidates app/core/reflection.py built and scored by its rules. A linear
model over a few plain features (the rules' own score and order, where in the message the
sentence stands, a clause cut from a longer sentence, a sentence about someone else or about
the person's role, words of insight, length) picks the candidate; its weights are fitted by
bench/mirror_prefs.py on blind choices of experienced supervisors among the candidates of
messages of the tuning conversations (bench/replies/prefs-*), and kept in
knowledge/mirrors/rerank.json.
Must not: build or change any text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol, TypeVar

from app.core import learned_order
from app.core.mirror_score import _DENIES, _HEDGE, _HOW_IT_FEELS, _LEANS, _META, _POINTS_BACK

WEIGHTS_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "mirrors" / "rerank.json"

_SOURCE = re.compile(r"^(said|clause):(\d+)")
# Said about the message, not about the work: the coach keeps these where the rules put them.
_ABOUT_THE_MESSAGE = re.compile(
    r"\b(excuses|sorry) (voor|for) (het|dit|the|this|my|your|je) (lange |long )?(verhaal|bericht|"
    r"message|rant|essay|story)\b|\b(typing|writing) (this|it)( out| down)?\W*$|"
    r"\bjust realised something\b|"
    r"\bnu (ik|je) (dit|het) (zo )?(typ|typt|schrijf|schrijft|opschrijf)|"
    r"^\W*(eigenlijk )?(weet je|you know) (het|it) (eigenlijk |actually )?(wel|really)?\W*$",
    re.I,
)
_ROLE = re.compile(r"^(je bent|je werkt|you are|you're|you work)\b", re.I)
_OWN = re.compile(r"\b(je|jij|jou|jouw|jezelf|you|your|you're|you've|you'd|yourself)\b", re.I)
_INSIGHT = re.compile(
    r"\b(je merkt|je ziet|je beseft|you notice|you realise|you realize|you see|eigenlijk|"
    r"actually|patroon|pattern|altijd|always|vaker|nooit|never)\b",
    re.I,
)


class Scored(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def score(self) -> float: ...


def features(
    text: str, source: str, score: float, rank: int, total: int, story: bool = False
) -> dict[str, float]:
    """What the model weighs of one candidate: `rank` is its place in the rules' order, `total`
    the number of sentences in the message, `story` whether it opens the conversation."""
    found = _SOURCE.match(source)
    n = int(found.group(2)) if found else 0
    last = max((int(k) for k in re.findall(r"\d+", source)), default=n)  # "said:0+1": both
    words = len(text.split())
    return {
        "score": score,
        "rank": float(rank),
        "pos": (last + 1) / max(total, 1),
        "first": float(n == 0),
        "first_of_story": float(n == 0 and story),  # the story's opening sentence is context
        "clause": float(source.startswith("clause")),
        "other_subject": float(not _OWN.search(text)),  # nothing of the person's own in it
        "role": float(bool(_ROLE.match(text))),
        "insight": float(bool(_INSIGHT.search(text))),
        "words": float(words),
        "long": float(max(0, words - 12)),
    }


def learned_score(values: dict[str, float]) -> float:
    return learned_order.score(learned_order.load(WEIGHTS_FILE), values)


C = TypeVar("C", bound=Scored)


# The model was fitted on the rules' first six candidates: only those are reordered.
TOP = 6


# Only candidates the rules score within this of their best are reordered, and none the rules
# refuse outright (talk about the talk, how it sounds, only what it is not, a sentence that leans
# on the one before): those stay behind.
MARGIN = 0.5


def vetoed(text: str) -> bool:
    low = text.lower()
    if _META.search(low) or _HEDGE.search(text) or _DENIES.match(text) or _LEANS.search(text):
        return True
    if _ABOUT_THE_MESSAGE.search(text):
        return True
    return bool(_POINTS_BACK.search(text) and not _HOW_IT_FEELS.match(text))


def reranked(found: list[C], total: int, story: bool = False) -> list[C]:
    """The candidates (in the rules' order) in the learned order; ties keep the rules' order."""
    best = max((c.score for c in found[:TOP]), default=0.0)
    movable = [
        rank
        for rank, c in enumerate(found[:TOP])
        if c.score >= best - MARGIN and not vetoed(c.text)
    ]
    value = {
        rank: learned_score(
            features(found[rank].text, found[rank].source, found[rank].score, rank, total, story)
        )
        for rank in movable
    }
    order = sorted(movable, key=lambda rank: (-value[rank], rank))
    out = list(found)
    for slot, rank in zip(movable, order, strict=True):
        out[slot] = found[rank]  # the others keep their place in the rules' order
    return out
