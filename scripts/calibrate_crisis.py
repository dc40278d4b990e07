"""Train the crisis screen's semantic model and calibrate its thresholds on the tuning part.

Reads knowledge/safety/examples.jsonl (the labelled tuning examples) and, as extra ordinary work
talk, the situaties of the knowledge cards and the person's messages of the tuning conversations
in bench/. Never reads the frozen test part (bench/crisis/test*.jsonl). Writes
knowledge/safety/screen-<embedder>.npz (text n-grams with the e5 vector), screen-text.npz (text
n-grams alone, for other embedders) and the flagged examples' vectors for the kind lookup, and
prints the cross-validated figures.

The "possible" threshold is set so that rules and model together raise at most TARGET_FA false
alarms on the tuning negatives in 5-fold cross-validation; "clear" where the model alone raises
at most CLEAR_FA. Needs scikit-learn (a dev dependency): pip install -e '.[dev]'.

Usage: python scripts/calibrate_crisis.py [--target-fa 0.025] [--conversation-fa 0.05]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import re
import sys
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import privacy  # noqa: E402

privacy.apply()

from scipy.sparse import csr_matrix, hstack  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from app.adapters import embedders  # noqa: E402
from app.adapters.safety_semantic import (
    TEXT_FEATURES,
    Example,
    Model,
    grams,
    load_examples,
    model_path,
    text_vector,
    units,
)
from app.core.safety import CrisisScreen, default_rules  # noqa: E402

CLEAR_FA = 0.003
C = 10.0
CACHE = ROOT / ".cache" / "crisis-vectors"


def background() -> list[str]:
    """Ordinary first-person work talk written for this project: card situaties and the
    person's messages of the scripted conversations used for tuning."""
    out = []
    for path in sorted((ROOT / "knowledge" / "cards").glob("*.md")):
        block = re.search(r"^situaties:\n((?:  - .*\n)+)", path.read_text(encoding="utf-8"), re.M)
        if block:
            out += [json.loads(line.strip()[2:]) for line in block.group(1).splitlines()]
    folders = [ROOT / "bench" / "conversations", ROOT / "bench" / "replies" / "conversations-tune"]
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            conv = json.loads(path.read_text(encoding="utf-8"))
            crisis = set(conv.get("crisis_turns", []))
            out += [m for i, m in enumerate(conv["messages"]) if i not in crisis]
    return out


CONVERSATIONS = ROOT / "knowledge" / "safety" / "conversations.jsonl"


def conversations() -> list[dict[str, str]]:
    """Whole ordinary work conversations (the person's messages, heavy but without risk),
    written for the tuning part: the screen is judged per conversation on them too."""
    if not CONVERSATIONS.is_file():
        return []
    lines = CONVERSATIONS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def embed(embedder: embedders.Embedder, texts: list[str]) -> np.ndarray:
    """Query vectors, cached on disk by text so that re-runs embed only what is new."""
    CACHE.mkdir(parents=True, exist_ok=True)
    out: list[np.ndarray | None] = []
    todo = []
    for i, t in enumerate(texts):
        p = CACHE / (hashlib.sha1(f"{embedder.id}\n{t}".encode()).hexdigest() + ".npy")
        if p.is_file():
            out.append(np.load(p))
        else:
            out.append(None)
            todo.append(i)
    for s in range(0, len(todo), 32):
        chunk = todo[s : s + 32]
        vecs = embedder.queries([texts[i] for i in chunk])
        for i, v in zip(chunk, vecs, strict=True):
            p = CACHE / (hashlib.sha1(f"{embedder.id}\n{texts[i]}".encode()).hexdigest() + ".npy")
            np.save(p, v.astype(np.float32))
            out[i] = v
        print(f"  embedded {min(s + 32, len(todo))}/{len(todo)}", file=sys.stderr)
    return np.vstack([v for v in out if v is not None]).astype(np.float32)


def idf_of(texts: list[str]) -> np.ndarray:
    df = np.zeros(TEXT_FEATURES)
    for t in texts:
        for k in set(grams(t)):
            df[k] += 1
    return np.log((1 + len(texts)) / (1 + df)) + 1.0


def text_matrix(texts: list[str], idf: np.ndarray) -> csr_matrix:
    rows, cols, vals = [], [], []
    for r, t in enumerate(texts):
        idx, val = text_vector(t, idf)
        rows += [r] * len(idx)
        cols += idx.tolist()
        vals += val.tolist()
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), TEXT_FEATURES))


def fit(texts: list[str], vectors: np.ndarray | None, y: np.ndarray) -> tuple[np.ndarray, ...]:
    idf = idf_of(texts)
    x = text_matrix(texts, idf)
    if vectors is not None:
        x = hstack([x, csr_matrix(vectors)]).tocsr()
    lr = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(x, y)
    coef = lr.coef_[0]
    text_coef = coef[:TEXT_FEATURES]
    vector_coef = coef[TEXT_FEATURES:] if vectors is not None else np.zeros(384)
    return idf, text_coef, vector_coef, np.array([lr.intercept_[0]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--target-fa", type=float, default=0.025)
    parser.add_argument(
        "--conversation-fa",
        type=float,
        default=None,
        help="false-alarm budget per message of whole work conversations (default: --target-fa)",
    )
    parser.add_argument(
        "--mil-rounds",
        type=int,
        default=1,
        help="refits with each long risk message as its most suspicious piece (0: whole only)",
    )
    args = parser.parse_args()
    examples = load_examples()
    labelled = len(examples)
    convs = conversations()
    # Messages of whole conversations count as ordinary examples, folded by conversation.
    examples += [
        Example(f"{c['conv']}-{c['turn']}", c["lang"], "none", "conversation", "", c["text"])
        for c in convs
    ]
    conv_of = np.array([""] * labelled + [c["conv"] for c in convs], dtype=object)
    flagged = np.array([e.label != "none" for e in examples])
    back = background()
    embedder = embedders.load("e5")
    rules = CrisisScreen(default_rules())
    rule_flag = np.array([rules.check(e.text).flagged for e in examples])
    ex_units = [units(e.text) for e in examples]
    back_units = [u for t in back for u in units(t)]
    print(f"{len(examples)} examples, {len(back_units)} background units", file=sys.stderr)
    all_units = [u for us in ex_units for u in us]
    unit_vecs = embed(embedder, all_units)
    whole_vecs = embed(embedder, [e.text for e in examples])
    back_vecs = embed(embedder, back_units)
    starts = np.cumsum([0] + [len(us) for us in ex_units])

    def training(indices: list[int]) -> tuple[list[str], np.ndarray, np.ndarray]:
        texts = [examples[i].text for i in indices]
        vecs = [whole_vecs[indices]]
        for i in indices:  # every sentence of an ordinary message is ordinary too
            if not flagged[i]:
                texts += ex_units[i]
                vecs.append(unit_vecs[starts[i] : starts[i + 1]])
        texts += back_units
        vecs.append(back_vecs)
        y = np.concatenate(
            [flagged[indices].astype(int), np.zeros(len(texts) - len(indices), dtype=int)]
        )
        return texts, np.vstack(vecs), y

    def train(indices: list[int], use_vectors: bool) -> Model:
        """Fit on whole messages, then once more with each long risk message represented by
        its most suspicious piece: the signal of a long story is one sentence in it, and the
        rest of the story is ordinary work talk that must not teach the model otherwise."""
        texts, vecs, y = training(indices)
        model = None
        for _ in range(1 + args.mil_rounds):
            idf, tc, vc, b = fit(texts, vecs if use_vectors else None, y)
            model = Model(idf, tc, vc, float(b[0]), 0, 0, embedder.id if use_vectors else "")
            for k, i in enumerate(indices):
                if flagged[i] and starts[i + 1] - starts[i] > 1:
                    span = slice(starts[i], starts[i + 1])
                    scores = model.score(ex_units[i], unit_vecs[span] if use_vectors else None)
                    j = int(np.argmax(scores))
                    texts[k] = ex_units[i][j]
                    vecs[k] = unit_vecs[starts[i] + j]
        assert model is not None
        return model

    folds = np.random.RandomState(0).randint(0, 5, len(examples))
    for k in range(labelled, len(examples)):
        folds[k] = zlib.crc32(str(conv_of[k]).encode()) % 5
    in_conv = conv_of != ""
    negatives = ~flagged & ~in_conv
    conv_names = sorted(set(conv_of[in_conv]))

    def cross_validated(use_vectors: bool) -> np.ndarray:
        """Out-of-fold score of every unit of every example."""
        out = np.zeros(len(all_units))
        for f in range(5):
            model = train([i for i in range(len(examples)) if folds[i] != f], use_vectors)
            for i in (i for i in range(len(examples)) if folds[i] == f):
                span = slice(starts[i], starts[i + 1])
                out[span] = model.score(ex_units[i], unit_vecs[span] if use_vectors else None)
        return out

    def best(unit_scores: np.ndarray, keep: np.ndarray | None = None) -> np.ndarray:
        masked = unit_scores if keep is None else np.where(keep, unit_scores, 0.0)
        return np.array([masked[starts[i] : starts[i + 1]].max() for i in range(len(examples))])

    def thresholds(scores: np.ndarray) -> tuple[float, float]:
        """"possible" within the false-alarm budget on the labelled ordinary examples and, on
        the messages of whole conversations, within their budget per message."""
        limits = []
        conv_fa = args.target_fa if args.conversation_fa is None else args.conversation_fa
        for pool, budget in ((negatives, args.target_fa), (in_conv, conv_fa)):
            ranked = np.sort(scores[pool & ~rule_flag])[::-1]
            allowed = max(0, int((budget - rule_flag[pool].mean()) * pool.sum()))
            if allowed < len(ranked):
                limits.append(float(ranked[allowed]) + 1e-6)
        possible = max(limits, default=0.5)
        ordinary = scores[negatives | in_conv]
        clear = max(float(np.quantile(ordinary, 1 - CLEAR_FA)) + 1e-6, possible)
        return possible, clear

    def figures(scores: np.ndarray, possible: float) -> dict[str, float]:
        sem = scores >= possible
        both = sem | rule_flag
        alarmed = [bool(both[conv_of == c].any()) for c in conv_names]
        return {
            "cv_recall_flagged": round(float(both[flagged].mean()), 3),
            "cv_recall_semantic_alone": round(float(sem[flagged].mean()), 3),
            "cv_false_alarms": round(float(both[negatives].mean()), 4),
            "cv_conversation_messages_alarmed": round(float(both[in_conv].mean()), 4)
            if in_conv.any()
            else 0.0,
            "cv_conversations_alarmed": round(float(np.mean(alarmed)), 3) if alarmed else 0.0,
            "rules_recall": round(float(rule_flag[flagged].mean()), 3),
            "rules_false_alarms": round(float(rule_flag[negatives].mean()), 4),
        }

    results: dict[str, dict[str, float]] = {}
    text_units = cross_validated(False)
    text_scores = best(text_units)
    text_possible, text_clear = thresholds(text_scores)
    results["text"] = {"possible": text_possible, "clear": text_clear}
    results["text"].update(figures(text_scores, text_possible))
    # Embedding is the cost of the screen (about 1 ms a token here): only the few sentences the
    # cheap text model finds most suspicious are embedded. The smallest number that keeps the
    # cross-validated recall within 0.5 point of embedding every sentence is used.
    e5_units = cross_validated(True)
    ungated = best(e5_units)
    results["e5 on every sentence"] = figures(ungated, thresholds(ungated)[0])
    full = results["e5 on every sentence"]["cv_recall_flagged"]
    for top in (1, 2, 3, 4, 6):
        keep = np.zeros(len(all_units), dtype=bool)
        for i in range(len(examples)):
            span = np.arange(starts[i], starts[i + 1])
            keep[span[np.argsort(-text_units[span])[:top]]] = True
        gated = best(e5_units, keep)
        possible, clear = thresholds(gated)
        found = figures(gated, possible)
        results[f"e5 on the {top} most suspicious sentences"] = found
        if found["cv_recall_flagged"] >= full - 0.005:
            break
    results["e5"] = {"possible": possible, "clear": clear, "top_units": top}
    results["e5"].update(found)
    # The trade-off around the chosen point, for the record.
    ranked = np.sort(gated[negatives & ~rule_flag])[::-1]
    curve = {}
    for fa in (0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.10):
        allowed = max(0, int((fa - rule_flag[negatives].mean()) * negatives.sum()))
        t = float(ranked[min(allowed, len(ranked) - 1)]) + 1e-6
        curve[f"false alarms {fa:.2f}"] = figures(gated, t)["cv_recall_flagged"]
    results["e5"]["recall at other false-alarm budgets"] = curve

    for name, use_vectors in (("text", False), ("e5", True)):
        final = dataclasses.replace(
            train(list(range(len(examples))), use_vectors),
            possible=results[name]["possible"],
            clear=results[name]["clear"],
            top_units=top if use_vectors else 0,
        )
        path = model_path(embedder.id if use_vectors else "")
        final.save(path)
        if use_vectors:
            flagged_path = path.with_name(path.stem + "-flagged.npy")
            np.save(flagged_path, whole_vecs[flagged].astype(np.float16))
        print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
