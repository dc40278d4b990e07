"""The order of the candidate questions, learned from which one supervisors would ask.

Role: reorders the first questions app/core/compose.py ranked by its rules. A linear model over
a few plain features (the rules' order, where the question comes from: a template that reads the
message, the general bank or the method's own; a late general question; and how well the question
fitted in the blind ratings of earlier rounds, never those of the frozen test part) picks the
question. Its weights and the per-question priors are written by bench/question_prefs.py to
knowledge/questions/rerank.json and knowledge/questions/priors.json.
Must not: build or change any text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, TypeVar

from app.core import learned_order

DATA = Path(__file__).resolve().parents[2] / "knowledge" / "questions"
WEIGHTS_FILE = DATA / "rerank.json"
PRIORS_FILE = DATA / "priors.json"
# A question rated fewer times leans toward the mean of all: (mean * n + MEAN * SHRINK) / (n + 5).
SHRINK = 5
# The rules offer this many questions to choose from; only those are reordered.
TOP = 4


class Scored(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def source(self) -> str: ...


C = TypeVar("C", bound=Scored)


def prior(text: str) -> float:
    """How well this question fitted where it was asked before (0-2), shrunk to the mean."""
    table = learned_order.load(PRIORS_FILE)
    mean = float(table["mean"])
    fitted, n = table["questions"].get(text, (mean, 0))
    return (fitted * n + mean * SHRINK) / (n + SHRINK)


# Rated as not fitting where it was asked, often enough to be sure: not offered at all.
UNFIT_MEAN = 0.5
UNFIT_RATINGS = 12


def rated_unfit(text: str) -> bool:
    """Blind raters found this question out of place nearly every time it was asked (for
    example "Hoe stuurde je bij toen het anders liep dan verwacht?": 0.15 of 2 over 20 ratings)."""
    fitted, n = learned_order.load(PRIORS_FILE)["questions"].get(text, (0.0, 0))
    return n >= UNFIT_RATINGS and fitted < UNFIT_MEAN


def features(text: str, source: str, rank: int) -> dict[str, float]:
    return {
        "rank": float(rank),
        "prior": prior(text),
        "bank": float(source.startswith("bank:")),
        "method": float(source.startswith("method:")),
        "late": float("-late-" in source),
    }


def learned_score(values: dict[str, float]) -> float:
    return learned_order.score(learned_order.load(WEIGHTS_FILE), values)


# The method's own steps keep their place: the leervraag at the start of the conversation (the
# raters found it acceptable every time, yet seldom their first pick: the cycle asks for it), and
# the open question asked once more after a bare yes.
PINNED = ("method:leervraag", "method:again")


def reranked(questions: list[C]) -> list[C]:
    """The rules' first questions in the learned order, the rest after them as they were; the
    method's own steps stay where the rules put them."""
    movable = [i for i, q in enumerate(questions[:TOP]) if q.source not in PINNED]
    value = {i: learned_score(features(questions[i].text, questions[i].source, i)) for i in movable}
    out = list(questions)
    for slot, i in zip(movable, sorted(movable, key=lambda i: (-value[i], i)), strict=True):
        out[slot] = questions[i]
    return out
