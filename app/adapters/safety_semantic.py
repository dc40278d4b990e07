"""The semantic half of the crisis screen: recognise risk in wordings no rule names.

Role: score a message, sentence by sentence, with a linear model learned from labelled examples
written for this project (`knowledge/safety/examples.jsonl`: risk, a professional telling about
a client in crisis, and ordinary work talk that uses the same words). Two parts, joined by a
weighted sum: a linear model over hashed character and word n-grams (wording, misspellings), and a
support-vector machine with a Gaussian kernel over the sentence's vector from the embedder the app
already loads (meaning). Only the one or two pieces (a sentence, or a long message as a whole) the
n-gram model finds most suspicious are embedded. The nearest labelled examples say which kind of
risk it is and whether it is about the writer or a client. The model and its thresholds are made by
scripts/calibrate_crisis.py on the tuning examples alone (cross-validated), never on the
frozen test part in bench/crisis, and shipped as `knowledge/safety/screen-*.npz`.
Must not: call a language model, or judge anything the rules already settled.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from app.adapters.embedders import Embedder
from app.core.safety import KINDS, Verdict, normalise
from app.errors import SettingsError

SAFETY_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "safety"
EXAMPLES_FILE = SAFETY_DIR / "examples.jsonl"
LABELS = ("risk", "professional", "none")
HASH_BITS = 18
TEXT_FEATURES = 1 << HASH_BITS


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


def grams(text: str) -> Counter[int]:
    """Hashed character n-grams (2-5, within words) and word uni- and bigrams of a text."""
    words = re.findall(r"[a-z0-9]+", normalise(text))
    counts: Counter[int] = Counter()
    for w in words:
        padded = f" {w} "
        for n in range(2, 6):
            for i in range(len(padded) - n + 1):
                counts[zlib.crc32(padded[i : i + n].encode()) & (TEXT_FEATURES - 1)] += 1
    for i, w in enumerate(words):
        counts[zlib.crc32(f"w:{w}".encode()) & (TEXT_FEATURES - 1)] += 1
        if i + 1 < len(words):
            key = f"b:{w} {words[i + 1]}"
            counts[zlib.crc32(key.encode()) & (TEXT_FEATURES - 1)] += 1
    return counts


def text_vector(text: str, idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sparse tf-idf (sublinear tf, l2-normalised) as (indices, values)."""
    counts = grams(text)
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    idx = np.fromiter(counts.keys(), dtype=np.int64)
    tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float64)
    val = tf * idf[idx]
    norm = float(np.linalg.norm(val)) or 1.0
    return idx, (val / norm).astype(np.float32)


@dataclass
class Kernel:
    """A support-vector machine with a Gaussian kernel over standardised embedder vectors: the
    meaning half of the screen. A linear model over e5 vectors finds only what lies on one side
    of one plane; risk is told in many unlike ways (a rope, a date, a goodbye to the team), and
    the kernel learns each of them from its own neighbourhood of examples."""

    support: np.ndarray  # (n, dim) standardised support vectors
    dual: np.ndarray  # (n,) their signed weights
    gamma: float
    bias: float
    mean: np.ndarray  # (dim,) the standardisation
    scale: np.ndarray  # (dim,)
    sq: np.ndarray = field(init=False, repr=False)  # the support vectors' squared lengths

    def decision(self, vectors: np.ndarray) -> np.ndarray:
        x = (np.asarray(vectors, dtype=np.float32) - self.mean) / self.scale
        d2 = (x * x).sum(1)[:, None] - 2 * x @ self.support.T + self.sq[None, :]
        return np.exp(-self.gamma * np.maximum(d2, 0.0)) @ self.dual + self.bias

    def __post_init__(self) -> None:
        self.support = self.support.astype(np.float32)
        self.dual = self.dual.astype(np.float32)
        self.mean = self.mean.astype(np.float32)
        self.scale = self.scale.astype(np.float32)
        self.sq = (self.support * self.support).sum(1)


@dataclass
class Model:
    """A linear model over text n-grams (wording, misspellings) and, for the embedder it was
    made for, a kernel over the sentence's vector (meaning), joined by a weighted sum; and its
    calibrated thresholds."""

    idf: np.ndarray  # (TEXT_FEATURES,)
    text_coef: np.ndarray  # (TEXT_FEATURES,)
    vector_coef: np.ndarray  # (dim,), zeros when the model uses no embedder
    intercept: float
    possible: float
    clear: float
    embedder_id: str  # "" for the text-only model
    top_units: int = 0  # embed only this many sentences, the text model's most suspicious
    kernel: Kernel | None = None
    blend: tuple[float, float, float] = (1.0, 0.0, 0.0)  # text, kernel, constant
    # Below this score, a rule that only names the subject is overruled (0: never).
    rule_veto: float = 0.0

    def text_logits(self, pieces: list[str]) -> np.ndarray:
        out = np.empty(len(pieces))
        for k, piece in enumerate(pieces):
            idx, val = text_vector(piece, self.idf)
            out[k] = float(val @ self.text_coef[idx]) + self.intercept
        return out

    def score(self, pieces: list[str], vectors: np.ndarray | None) -> np.ndarray:
        z = self.text_logits(pieces)
        if vectors is not None and self.embedder_id:
            if self.kernel is not None:
                w_text, w_kernel, constant = self.blend
                z = w_text * z + w_kernel * self.kernel.decision(vectors) + constant
            else:
                z = z + np.asarray(vectors, dtype=np.float64) @ self.vector_coef
        return 1 / (1 + np.exp(-z))

    def save(self, path: Path) -> None:
        arrays: dict[str, Any] = {}
        if self.kernel is not None:
            arrays = {
                "kernel_support": self.kernel.support.astype(np.float16),
                "kernel_dual": self.kernel.dual.astype(np.float32),
                "kernel_mean": self.kernel.mean.astype(np.float32),
                "kernel_scale": self.kernel.scale.astype(np.float32),
            }
        meta = {
            "intercept": self.intercept,
            "possible": self.possible,
            "clear": self.clear,
            "embedder_id": self.embedder_id,
            "top_units": self.top_units,
            "blend": list(self.blend),
            "rule_veto": self.rule_veto,
        }
        if self.kernel is not None:
            meta.update(kernel_gamma=self.kernel.gamma, kernel_bias=self.kernel.bias)
        arrays.update(
            idf=self.idf.astype(np.float32),
            text_coef=self.text_coef.astype(np.float32),
            vector_coef=self.vector_coef.astype(np.float32),
            meta=np.array(json.dumps(meta)),
        )
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path) -> Model:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            kernel = None
            if "kernel_support" in data.files:
                kernel = Kernel(
                    data["kernel_support"],
                    data["kernel_dual"],
                    float(meta["kernel_gamma"]),
                    float(meta["kernel_bias"]),
                    data["kernel_mean"],
                    data["kernel_scale"],
                )
            return cls(
                data["idf"].astype(np.float64),
                data["text_coef"].astype(np.float64),
                data["vector_coef"].astype(np.float64),
                float(meta["intercept"]),
                float(meta["possible"]),
                float(meta["clear"]),
                str(meta["embedder_id"]),
                int(meta.get("top_units", 0)),
                kernel,
                _blend(meta.get("blend", (1.0, 0.0, 0.0))),
                float(meta.get("rule_veto", 0.0)),
            )


def _blend(value: list[float] | tuple[float, ...]) -> tuple[float, float, float]:
    text, kernel, constant = (float(v) for v in value)
    return (text, kernel, constant)


def _flagged_vectors(
    path: Path, examples: list[Example]
) -> tuple[list[Example], np.ndarray | None]:
    """The flagged examples' vectors shipped with a model, each with the example it belongs to
    (by id, so that examples added after the model was made do not shift them)."""
    vectors_path = path.with_name(path.stem + "-flagged.npy")
    ids_path = path.with_name(path.stem + "-flagged-ids.json")
    if not vectors_path.is_file():
        return examples, None
    vectors = np.load(vectors_path, allow_pickle=False).astype(np.float32)
    if not ids_path.is_file():
        return examples, vectors
    ids = json.loads(ids_path.read_text(encoding="utf-8"))
    by_id = {e.id: e for e in examples if e.label != "none"}
    keep = [k for k, i in enumerate(ids) if i in by_id]
    return [by_id[ids[k]] for k in keep], vectors[keep]


def model_path(embedder_id: str) -> Path:
    """Where the shipped model for an embedder lives; the text-only model has no embedder."""
    safe = re.sub(r"[^a-z0-9]+", "-", embedder_id.lower()).strip("-") or "text"
    return SAFETY_DIR / f"screen-{safe}.npz"


class SemanticScreen:
    def __init__(
        self,
        model: Model,
        embedder: Embedder | None,
        examples: list[Example],
        example_vectors: np.ndarray | None,
        text_model: Model | None = None,
        neighbours: int = 7,
        others_needed: int = 3,
    ) -> None:
        self.model = model
        self.text_model = text_model  # the gate before embedding, when the model has one
        self.others_needed = others_needed
        self.embedder = embedder if model.embedder_id else None
        self.examples = [e for e in examples if e.label != "none"]
        self.flagged_vectors = example_vectors
        self.neighbours = neighbours
        self._gram_sets: list[set[int]] | None = None
        self.veto = model.rule_veto

    @classmethod
    def build(cls, embedder: Embedder | None) -> SemanticScreen:
        """The model shipped for this embedder, or the text-only one for any other embedder."""
        examples = load_examples()
        path = model_path(embedder.id) if embedder is not None else None
        text_only = model_path("")
        if not text_only.is_file():
            raise SettingsError(
                f"The crisis screen model {text_only} is missing. Run "
                f"scripts/calibrate_crisis.py or reinstall the app."
            )
        text_model = Model.load(text_only)
        if path is not None and path.is_file():
            model = Model.load(path)
            examples, vectors = _flagged_vectors(path, examples)
            return cls(model, embedder, examples, vectors, text_model)
        return cls(text_model, None, examples, None)

    def judge(self, text: str) -> Verdict:
        pieces = units(text)
        if not pieces:
            return Verdict()
        vectors = None
        if self.embedder is not None:
            top = self.model.top_units
            if self.text_model is not None and 0 < top < len(pieces):
                cheap = self.text_model.score(pieces, None)
                pieces = [pieces[i] for i in sorted(np.argsort(-cheap)[:top])]
            vectors = self.embedder.queries(pieces)
        scores = self.model.score(pieces, vectors)
        best = int(np.argmax(scores))
        score = float(scores[best])
        if score < self.model.possible:
            return Verdict(score=round(score, 4))
        kind, about, clear_share = self._neighbours(
            pieces[best], None if vectors is None else vectors[best]
        )
        # How sure the model is says whether there is a signal; how clear the signal is comes
        # from the examples it resembles: a passive wish gets the direct question first.
        # A passive wish ("I hope I don't wake up") is asked about directly first, as crisis
        # lines advise, however sure the model is that it is a signal.
        clear = score >= self.model.clear and clear_share > 0.5 and kind != "passive"
        level = "clear" if clear else "possible"
        return Verdict(level, kind, about, normalise(pieces[best]), "semantic", round(score, 4))

    def _neighbours(self, piece: str, vector: np.ndarray | None) -> tuple[str, str, float]:
        """The kind, the person and the share labelled "clear" of the nearest flagged examples."""
        if vector is not None and self.flagged_vectors is not None:
            order = np.argsort(-(self.flagged_vectors @ vector))[: self.neighbours]
            near = [self.examples[i] for i in order]
        else:
            if self._gram_sets is None:
                self._gram_sets = [set(grams(e.text)) for e in self.examples]
            mine = set(grams(piece))
            overlap = [len(mine & g) / (len(g) or 1) for g in self._gram_sets]
            order = np.argsort(-np.array(overlap))[: self.neighbours]
            near = [self.examples[i] for i in order]
        if not near:
            return "direct", "self", 0.0
        kinds = [e.kind for e in near]
        kind = max(dict.fromkeys(kinds), key=kinds.count)
        # Professionals are few among the examples: three of seven neighbours is a clear sign
        # (cross-validated on the tuning part: 49% of them found, 0.9% of risk misrouted).
        other = sum(e.label == "professional" for e in near)
        clear = sum(e.level == "clear" for e in near) / len(near)
        return kind, "other" if other >= self.others_needed else "self", clear
