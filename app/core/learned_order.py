"""A linear model over a candidate's features, as bench/prefs_fit.py fits it on raters' choices.

Role: the shared half of app/core/mirror_rank.py and app/core/question_rank.py: read a model (or
any table) written under knowledge/, once per process, and score one candidate with it.
Must not: build or change any text.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any


@functools.lru_cache(maxsize=8)
def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def score(model: dict[str, Any], values: dict[str, float]) -> float:
    """The candidate's standardised features weighed by the model."""
    return sum(
        w * (values[name] - mean) / sd
        for name, w, mean, sd in zip(
            model["features"], model["weights"], model["mean"], model["sd"], strict=True
        )
    )
