"""The semantic half of the crisis screen: recognise risk in wordings no rule names.

Role: compare a message, sentence by sentence, with labelled examples written for this project
(`knowledge/safety/examples.jsonl`: risk, a professional telling about a client in crisis, and
ordinary work talk that uses the same words) in the embedder the app already loads. A small
logistic model over the example vectors gives each sentence a risk score; its nearest labelled
neighbours say which kind of risk it is and whether it is about the writer or a client. The
thresholds in `knowledge/safety/semantic.toml` were calibrated on the examples by
cross-validation (scripts/calibrate_crisis.py), never on the frozen test part in bench/crisis.
Must not: call a language model, or judge anything the rules already settled.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .embedders import Embedder
from .errors import SettingsError
from .safety import KINDS, Verdict, normalise

SAFETY_DIR = Path(__file__).resolve().parent.parent / "knowledge" / "safety"
EXAMPLES_FILE = SAFETY_DIR / "examples.jsonl"
SETTINGS_FILE = SAFETY_DIR / "semantic.toml"
LABELS = ("risk", "professional", "none")


@dataclass(frozen=True)
class Example:
    id: str
    lang: str
    label: str  # "risk" | "professional" | "none"
    kind: str
    level: str
    text: str


def load_examples(path: Path = EXAMPLES_FILE) -> list[Example]:
    """The labelled examples; a line that does not follow bench/crisis/LABELS.md is refused."""
    out: list[Example] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        ex = Example(
            str(row["id"]),
            str(row["lang"]),
            str(row["label"]),
            str(row["kind"]),
            str(row.get("level") or ""),
            str(row["text"]),
        )
        if ex.label not in LABELS or (ex.label != "none" and ex.kind not in KINDS):
            raise SettingsError(f"{path}:{n}: label {ex.label!r} / kind {ex.kind!r} is unknown.")
        out.append(ex)
    return out


@dataclass(frozen=True)
class Calibration:
    """Read from semantic.toml: where 'possible' and 'clear' begin, and the model's settings."""

    possible: float
    clear: float
    neighbours: int = 7
    l2: float = 1.0
    sentence_words: int = 3  # shorter sentences are judged with their neighbour

    @classmethod
    def load(cls, path: Path = SETTINGS_FILE) -> Calibration:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"Cannot read {path}: {exc}") from None
        keys = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**keys)


_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+")


def units(text: str, min_words: int = 3) -> list[str]:
    """The pieces a message is judged by: each sentence (very short ones joined to the next)
    and, for longer messages, the message as a whole."""
    parts: list[str] = []
    carry = ""
    for piece in _SPLIT.split(text.strip()):
        piece = f"{carry} {piece}".strip() if carry else piece.strip()
        if not piece:
            continue
        if len(piece.split()) < min_words:
            carry = piece
            continue
        parts.append(piece)
        carry = ""
    if carry:
        if parts:
            parts[-1] = f"{parts[-1]} {carry}"
        else:
            parts.append(carry)
    if len(parts) > 1:
        parts.append(" ".join(text.split()))
    return parts


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 300) -> np.ndarray:
    """L2-regularised logistic regression by Newton steps; returns weights with the bias last."""
    xb = np.hstack([x, np.ones((len(x), 1), dtype=x.dtype)]).astype(np.float64)
    w = np.zeros(xb.shape[1])
    pos = max(1, int(y.sum()))
    neg = max(1, len(y) - pos)
    weight = np.where(y > 0, len(y) / (2 * pos), len(y) / (2 * neg))  # balance the classes
    reg = np.full(xb.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(xb @ w)))
        grad = xb.T @ (weight * (p - y)) + reg * w
        hess = (xb * (weight * p * (1 - p))[:, None]).T @ xb + np.diag(reg + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-6:
            break
    return w


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


class SemanticScreen:
    def __init__(
        self,
        embedder: Embedder,
        examples: list[Example],
        vectors: np.ndarray,
        calibration: Calibration,
    ) -> None:
        self.embedder = embedder
        self.examples = examples
        self.vectors = vectors
        self.calibration = calibration
        flagged = np.array([e.label != "none" for e in examples], dtype=np.float64)
        self.weights = fit_logistic(vectors, flagged, calibration.l2)

    @classmethod
    def build(
        cls,
        embedder: Embedder,
        cache_dir: Path | None = None,
        progress: Callable[[int, int, str], None] | None = None,
        examples: list[Example] | None = None,
        calibration: Calibration | None = None,
    ) -> SemanticScreen:
        """Load the example vectors for this embedder from the cache, or embed them once."""
        examples = examples if examples is not None else load_examples()
        vectors = example_vectors(embedder, examples, cache_dir, progress)
        return cls(embedder, examples, vectors, calibration or Calibration.load())

    def scores(self, vectors: np.ndarray) -> np.ndarray:
        return sigmoid(vectors.astype(np.float64) @ self.weights[:-1] + self.weights[-1])

    def judge(self, text: str) -> Verdict:
        pieces = units(text, self.calibration.sentence_words)
        if not pieces:
            return Verdict()
        vectors = self.embedder.queries(pieces)
        return self.judge_vectors(pieces, vectors)

    def judge_vectors(self, pieces: list[str], vectors: np.ndarray) -> Verdict:
        scores = self.scores(vectors)
        best = int(np.argmax(scores))
        score = float(scores[best])
        cal = self.calibration
        if score < cal.possible:
            return Verdict(score=score)
        kind, about = self.neighbours(vectors[best])
        level = "clear" if score >= cal.clear else "possible"
        return Verdict(level, kind, about, normalise(pieces[best]), "semantic", round(score, 4))

    def neighbours(self, vector: np.ndarray) -> tuple[str, str]:
        """The kind and the person of the nearest flagged examples (majority of k)."""
        sims = self.vectors @ vector
        order = np.argsort(-sims)
        near = [self.examples[i] for i in order if self.examples[i].label != "none"]
        near = near[: self.calibration.neighbours]
        if not near:
            return "direct", "self"
        kinds = [e.kind for e in near]
        kind = max(dict.fromkeys(kinds), key=kinds.count)
        other = sum(e.label == "professional" for e in near)
        return kind, "other" if other * 2 > len(near) else "self"


def _digest(embedder: Embedder, examples: list[Example]) -> str:
    h = hashlib.sha256(embedder.id.encode())
    for e in examples:
        h.update(b"\0" + e.text.encode())
    return h.hexdigest()[:16]


def example_vectors(
    embedder: Embedder,
    examples: list[Example],
    cache_dir: Path | None,
    progress: Callable[[int, int, str], None] | None = None,
) -> np.ndarray:
    """Vectors of the examples: shipped with the app for the default embedder, otherwise
    embedded once and kept in the data folder, keyed by embedder id and the examples' text."""
    key = _digest(embedder, examples)
    for folder in (SAFETY_DIR, cache_dir):
        if folder is None:
            continue
        path = folder / f"vectors-{key}.npy"
        if path.is_file():
            try:
                cached = np.load(path, allow_pickle=False)
            except (OSError, ValueError):
                continue
            if cached.shape == (len(examples), embedder.dim):
                return cached.astype(np.float32)
    texts = [e.text for e in examples]
    out = []
    step = 64
    for i in range(0, len(texts), step):
        out.append(embedder.queries(texts[i : i + step]))
        if progress:
            progress(min(i + step, len(texts)), len(texts), "crisis examples")
    vectors = np.vstack(out).astype(np.float32) if out else np.zeros((0, embedder.dim))
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = cache_dir / f".vectors-{key}.{os.getpid()}.npy"
        np.save(tmp, vectors.astype(np.float16))
        os.replace(tmp, cache_dir / f"vectors-{key}.npy")
    return vectors
