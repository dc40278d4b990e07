"""The learned orders' shared fit: a conditional logit over raters' choices among candidates.

Used by bench/mirror_prefs.py (reflections) and bench/question_prefs.py (questions). An item is the
candidates of one message in the rules' order; each row holds the candidate's features, the share
of raters who accept it, the share who pick it best, and whether the rules keep it in place.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import numpy as np

# features, share of raters who accept it, who pick it best, whether the rules keep its place
Row = tuple[list[float], float, float, bool]
Item = tuple[str, str, list[Row]]  # id, conversation, candidates
Model = dict[str, Any]
Pick = Callable[[Model, list[Row]], int]


def fit(
    data: list[Item], features: list[str], l2: float = 1.0, epochs: int = 400, lr: float = 0.05
) -> Model:
    """One choice per item, on 0.7 best + 0.3 acceptable, L2-penalised."""
    allx = np.array([r[0] for _, _, item in data for r in item], dtype=float)
    mean, sd = allx.mean(0), allx.std(0) + 1e-6
    w = np.zeros(len(features))
    for _ in range(epochs):
        grad = -l2 * w
        for _, _, item in data:
            x = (np.array([r[0] for r in item]) - mean) / sd
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            t = np.array([0.7 * r[2] + 0.3 * r[1] for r in item])
            if t.sum() > 0:
                grad += x.T @ (t / t.sum() - p)
        w += lr * grad / len(data)
    return {"features": features, "weights": w.tolist(), "mean": mean.tolist(), "sd": sd.tolist()}


def values(model: Model, item: list[Row]) -> np.ndarray:
    """The model's score of each candidate of an item."""
    x = (np.array([r[0] for r in item]) - model["mean"]) / model["sd"]
    return x @ np.array(model["weights"])


def rules_first(item: list[Row], features: list[str]) -> int:
    rank = features.index("rank")
    return min(range(len(item)), key=lambda i: item[i][0][rank])


def held_out(model: Model, data: list[Item], pick: Pick) -> dict[str, float]:
    """A model on items it was not fitted on, against the rules' order."""
    return _figures([(item, pick(model, item)) for _, _, item in data], model["features"])


def cross_validated(
    data: list[Item], features: list[str], pick: Pick, folds: int = 5
) -> dict[str, float]:
    """Grouped by conversation: no conversation is in both the fit and the test of a fold."""
    convs = sorted({c for _, c, _ in data})
    random.Random(3).shuffle(convs)
    chosen = []
    for k in range(folds):
        held = set(convs[k::folds])
        model = fit([d for d in data if d[1] not in held], features)
        chosen += [(item, pick(model, item)) for _, c, item in data if c in held]
    return _figures(chosen, features)


def _figures(chosen: list[tuple[list[Row], int]], features: list[str]) -> dict[str, float]:
    totals = np.zeros(4)
    for item, i in chosen:
        first = rules_first(item, features)
        totals += [item[first][1], item[i][1], item[first][2], item[i][2]]
    rules_accepted, learned_accepted, rules_best, learned_best = (totals / len(chosen)).round(3)
    return {
        "items": len(chosen),
        "rules_accepted": float(rules_accepted),
        "learned_accepted": float(learned_accepted),
        "rules_best": float(rules_best),
        "learned_best": float(learned_best),
    }
