"""Train the crisis screen's semantic model and calibrate its thresholds on the tuning part.

Reads knowledge/safety/examples.jsonl (the labelled tuning examples) and, as extra ordinary work
talk, the situaties of the knowledge cards and the person's messages of the tuning conversations
in bench/ (the scripted ones, the reply evaluation's tuning part and its rated fresh
conversations). Never reads the frozen test part (bench/crisis/test*.jsonl). Writes
knowledge/safety/screen-<embedder>.npz (text n-grams with the e5 vector), screen-text.npz (text
n-grams alone, for other embedders) and the flagged examples' vectors for the kind lookup, and
prints the cross-validated figures.

The "possible" threshold is set so that the model adds at most TARGET_FA false alarms to those the
rules raise on the tuning negatives in 5-fold cross-validation; "clear" where the model alone
raises at most CLEAR_FA. Needs scikit-learn (a dev dependency): pip install -e '.[dev]'.

Time: on a 2-core machine with an empty vector cache (.cache/crisis-vectors) about an hour, half
of it embedding; the kernel sees a fixed share of the ordinary sentences (--kernel-ordinary 0.4)
and the folds are fitted --jobs at a time. Run it in a checkout of its own: it overwrites the
shipped screen in knowledge/safety/ (use --dry-run for the figures alone), and the frozen test
part decides whether the new screen ships (python bench/crisis.py in that checkout).

Usage: python scripts/calibrate_crisis.py [--target-fa 0.03] [--conversation-fa 0.05]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import multiprocessing
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import privacy  # noqa: E402

privacy.apply()

from scipy.sparse import csr_matrix  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402
from sklearn.svm import SVC  # noqa: E402

from app.adapters import embedders  # noqa: E402
from app.adapters.safety_semantic import (  # noqa: E402
    TEXT_FEATURES,
    Example,
    Kernel,
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
KERNEL_C = 10.0
# How much the kernel's decision counts against the text model's logit; chosen by
# cross-validated recall (inf: the kernel alone decides on the embedded sentences).
BLENDS = (0.5, 1.0, 2.0, 4.0, 8.0, float("inf"))
CACHE = ROOT / ".cache" / "crisis-vectors"


def background() -> list[str]:
    """Ordinary first-person work talk written for this project: card situaties and the
    person's messages of the scripted conversations used for tuning (not the reply evaluation's
    frozen test part)."""
    out = []
    for path in sorted((ROOT / "knowledge" / "cards").glob("*.md")):
        block = re.search(r"^situaties:\n((?:  - .*\n)+)", path.read_text(encoding="utf-8"), re.M)
        if block:
            out += [json.loads(line.strip()[2:]) for line in block.group(1).splitlines()]
    folders = [ROOT / "bench" / "conversations", ROOT / "bench" / "replies" / "conversations-tune"]
    # the reply evaluation's fresh conversations, once rated: long ordinary work talk by writers
    # who never saw the screen, the kind of message its false alarms come from
    folders += sorted((ROOT / "bench" / "replies").glob("conversations-fresh*"))
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


_JOB: Callable[..., Any] | None = None


def _run(args: tuple[Any, ...]) -> Any:
    assert _JOB is not None
    return _JOB(*args)


def parallel(job: Callable[..., Any], calls: list[tuple[Any, ...]], jobs: int) -> list[Any]:
    """job(*args) for each of the calls, in forked processes that share what is loaded (the
    vectors are not copied; the embedder could not be sent to a fresh process)."""
    global _JOB
    _JOB = job
    if jobs <= 1:
        return [job(*args) for args in calls]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return pool.map(_run, calls, chunksize=1)


def kept(text: str, share: float) -> bool:
    """Whether the text is in a sample of this share, the same on every run (by its hash)."""
    return share >= 1 or hashlib.sha1(text.encode()).digest()[0] < share * 256


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


def fit(texts: list[str], y: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """The n-gram model: idf, coefficients and intercept."""
    idf = idf_of(texts)
    lr = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    lr.fit(text_matrix(texts, idf), y)
    return idf, lr.coef_[0], float(lr.intercept_[0])


def fit_kernel(
    vectors: np.ndarray, y: np.ndarray, c: float = KERNEL_C, gamma: float = 1.0
) -> Kernel:
    scaler = StandardScaler().fit(vectors)
    # gamma is a multiple of scikit-learn's "scale" (1 / features on standardised vectors).
    svc = SVC(C=c, kernel="rbf", gamma=gamma / vectors.shape[1], class_weight="balanced")
    svc.fit(scaler.transform(vectors), y)
    return Kernel(
        svc.support_vectors_,
        svc.dual_coef_[0],
        float(svc._gamma),
        float(svc.intercept_[0]),
        scaler.mean_,
        scaler.scale_,
    )


def subject_only(screen: CrisisScreen, text: str) -> bool:
    """Every rule that fires on the text only names the subject (knowledge/safety/rules.toml)."""
    hits = screen.rules.hits(text)
    return bool(hits) and all(h.rule.topic for h in hits)


def blend_of(weight: float) -> tuple[float, float, float]:
    """Text logit and kernel decision joined, on about the scale of either alone."""
    if weight == float("inf"):
        return (0.0, 1.0, 0.0)
    return (1 / (1 + weight), weight / (1 + weight), 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--target-fa", type=float, default=0.03)
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
    parser.add_argument("--kernel-c", type=float, default=KERNEL_C)
    parser.add_argument("--gamma", type=float, default=1.0, help="a multiple of 1 / dimensions")
    parser.add_argument(
        "--tops",
        default="1,2",
        help="how many of a message's pieces may be embedded, the choices tried (comma-separated)",
    )
    parser.add_argument(
        "--total-fa",
        type=float,
        default=None,
        help="instead of --target-fa on the labelled ordinary examples: the model's budget is "
        "what the rules (after the veto) leave of this total",
    )
    parser.add_argument(
        "--veto-margin",
        type=float,
        default=0.8,
        help="the veto on subject-only rules: this share of the lowest score of any tuning "
        "signal such a rule caught (0: no veto)",
    )
    parser.add_argument(
        "--kernel-ordinary",
        type=float,
        default=0.4,
        help="share of the ordinary sentences (of ordinary examples and the background) the "
        "kernel is fitted on, the same ones on every run; the text model sees them all. The "
        "kernel's cost grows with the square of its data (1: all)",
    )
    parser.add_argument("--jobs", type=int, default=2, help="folds fitted at the same time")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
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
    topic_only = np.array([subject_only(rules, e.text) for e in examples])
    ex_units = [units(e.text) for e in examples]
    back_units = [u for t in back for u in units(t)]
    kernel_back = [u for u in back_units if kept(u, args.kernel_ordinary)]
    print(
        f"{len(examples)} examples, {len(back_units)} background units "
        f"({len(kernel_back)} for the kernel)",
        file=sys.stderr,
    )
    all_units = [u for us in ex_units for u in us]
    unit_vecs = embed(embedder, all_units)
    whole_vecs = embed(embedder, [e.text for e in examples])
    back_vecs = embed(embedder, kernel_back)
    starts = np.cumsum([0] + [len(us) for us in ex_units])

    unit_kept = np.array([kept(u, args.kernel_ordinary) for u in all_units])

    def training(indices: list[int]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
        """Texts and labels for the text model, vectors and labels for the kernel: the same
        messages first, then the ordinary sentences, of which the kernel has a sample."""
        texts = [examples[i].text for i in indices]
        vecs = [whole_vecs[indices]]
        for i in indices:  # every sentence of an ordinary message is ordinary too
            if not flagged[i]:
                texts += ex_units[i]
                span = np.arange(starts[i], starts[i + 1])
                vecs.append(unit_vecs[span[unit_kept[span]]])
        texts += back_units
        vecs.append(back_vecs)
        kernel_vecs = np.vstack(vecs)

        def labels(n: int) -> np.ndarray:
            return np.concatenate(
                [flagged[indices].astype(int), np.zeros(n - len(indices), dtype=int)]
            )

        return texts, labels(len(texts)), kernel_vecs, labels(len(kernel_vecs))

    def train(indices: list[int], use_vectors: bool) -> Model:
        """Fit on whole messages, then once more with each long risk message represented by
        its most suspicious piece: the signal of a long story is one sentence in it, and the
        rest of the story is ordinary work talk that must not teach the model otherwise.
        With vectors, the kernel is fitted the same way beside the text model."""
        texts, y, kernel_vecs, kernel_y = training(indices)
        model = None
        for _ in range(1 + args.mil_rounds):
            idf, tc, b = fit(texts, y)
            model = Model(idf, tc, np.zeros(kernel_vecs.shape[1]), b, 0, 0, "")
            for k, i in enumerate(indices):
                if flagged[i] and starts[i + 1] - starts[i] > 1:
                    j = int(np.argmax(model.score(ex_units[i], None)))
                    texts[k] = ex_units[i][j]
        assert model is not None
        if not use_vectors:
            return model
        kernel = None
        for _ in range(1 + args.mil_rounds):
            kernel = fit_kernel(kernel_vecs, kernel_y, args.kernel_c, args.gamma)
            for k, i in enumerate(indices):
                if flagged[i] and starts[i + 1] - starts[i] > 1:
                    j = int(np.argmax(kernel.decision(unit_vecs[starts[i] : starts[i + 1]])))
                    kernel_vecs[k] = unit_vecs[starts[i] + j]
        return dataclasses.replace(model, embedder_id=embedder.id, kernel=kernel)

    folds = np.random.RandomState(0).randint(0, 5, len(examples))
    for k in range(labelled, len(examples)):
        folds[k] = zlib.crc32(str(conv_of[k]).encode()) % 5
    in_conv = conv_of != ""
    negatives = ~flagged & ~in_conv
    conv_names = sorted(set(conv_of[in_conv]))

    def cross_validated(use_vectors: bool) -> np.ndarray:
        """Out-of-fold text logit (or, with vectors, kernel decision) of every unit."""
        out = np.zeros(len(all_units))
        calls = [
            ([i for i in range(len(examples)) if folds[i] != f], use_vectors) for f in range(5)
        ]
        models = parallel(train, calls, args.jobs)
        for f, model in enumerate(models):
            for i in (i for i in range(len(examples)) if folds[i] == f):
                span = slice(starts[i], starts[i + 1])
                if use_vectors:
                    assert model.kernel is not None
                    out[span] = model.kernel.decision(unit_vecs[span])
                else:
                    out[span] = model.text_logits(ex_units[i])
        return out

    def best(unit_scores: np.ndarray, keep: np.ndarray | None = None) -> np.ndarray:
        masked = unit_scores if keep is None else np.where(keep, unit_scores, 0.0)
        return np.array([masked[starts[i] : starts[i + 1]].max() for i in range(len(examples))])

    def thresholds(scores: np.ndarray) -> tuple[float, float]:
        """ "possible" within the false-alarm budget on the labelled ordinary examples and, on
        the messages of whole conversations, within their budget per message."""
        limits = []
        conv_fa = args.target_fa if args.conversation_fa is None else args.conversation_fa
        own = args.target_fa
        if args.total_fa is not None:  # what the rules no longer raise goes to the model
            own = max(args.total_fa - float(rule_flag[negatives].mean()), 0.0)
        for pool, budget in ((negatives, own), (in_conv, conv_fa)):
            ranked = np.sort(scores[pool & ~rule_flag])[::-1]
            # The semantic screen's own budget, on top of what the rules raise: rules that
            # overshoot must be mended as rules, not paid for by a blind semantic screen.
            allowed = int(budget * pool.sum())
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

    def by_group(sem: np.ndarray) -> dict[str, float]:
        """Cross-validated recall (rules or model) per kind and per language of the risk
        examples: where the next examples are most needed."""
        found = sem | rule_flag
        groups: dict[str, list[bool]] = {}
        for i, e in enumerate(examples):
            if e.label == "risk":
                for key in (e.kind, e.lang):
                    groups.setdefault(key, []).append(bool(found[i]))
        return {k: round(float(np.mean(v)), 3) for k, v in sorted(groups.items())}

    def squash(z: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-z))

    results: dict[str, dict[str, float]] = {}
    text_logit = cross_validated(False)
    text_units = squash(text_logit)
    text_scores = best(text_units)
    text_possible, text_clear = thresholds(text_scores)
    results["text"] = {"possible": text_possible, "clear": text_clear}
    results["text"].update(figures(text_scores, text_possible))
    # Embedding is the cost of the screen (tens of ms a sentence here): only the few sentences
    # the cheap text model finds most suspicious are embedded; the kernel's decision is joined
    # to the text model's logit with the weight that finds most in cross-validation.
    kernel_dec = cross_validated(True)
    chosen: tuple[float, float, int, float, float, np.ndarray] | None = None
    # The units embedded: each message's `top` most suspicious by the text model.
    keeps = {}
    tops = tuple(int(t) for t in args.tops.split(","))
    for top in tops:
        keeps[top] = np.zeros(len(all_units), dtype=bool)
        for i in range(len(examples)):
            span = np.arange(starts[i], starts[i + 1])
            keeps[top][span[np.argsort(-text_units[span])[:top]]] = True
    # One embedded sentence first: on a tie, the cheaper screen is chosen.
    for top, weight in ((top, weight) for top in tops for weight in BLENDS):
        w_text, w_kernel, _ = blend_of(weight)
        units_scores = squash(w_text * text_logit + w_kernel * kernel_dec)
        gated = best(units_scores, keeps[top])
        possible, clear = thresholds(gated)
        found = figures(gated, possible)
        results[f"kernel weight {weight}, {top} sentence(s) embedded"] = found
        recall = found["cv_recall_flagged"]
        # A second embedded sentence costs as much as the first: it must earn a point.
        if chosen is None or recall > chosen[0] + (0.01 if top > chosen[2] else 0.0):
            chosen = (recall, weight, top, possible, clear, gated)
    assert chosen is not None
    _, weight, top, possible, clear, gated = chosen
    # Rules that only name the subject are overruled where the model is surer than it was of any
    # tuning signal such a rule caught alone: no tuning signal is lost to the veto.
    caught = gated[flagged & topic_only]
    veto = float(caught.min()) * args.veto_margin if caught.size else 0.0
    vetoed = topic_only & (gated < veto)
    results["veto"] = {
        "threshold": veto,
        "signals caught by subject-only rules": int(caught.size),
        "their lowest score": float(caught.min()) if caught.size else -1.0,
        "ordinary examples overruled": int((vetoed & negatives).sum()),
        "of those the rules flag": int((rule_flag & negatives).sum()),
        "conversation messages overruled": int((vetoed & in_conv).sum()),
    }
    rule_flag = rule_flag & ~vetoed
    possible, clear = thresholds(gated)
    results["e5"] = {"possible": possible, "clear": clear, "top_units": top, "weight": weight}
    results["e5"].update(figures(gated, possible))
    # The trade-off around the chosen point, for the record.
    ranked = np.sort(gated[negatives & ~rule_flag])[::-1]
    curve = {}
    for fa in (0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.10):
        allowed = max(0, int((fa - rule_flag[negatives].mean()) * negatives.sum()))
        t = float(ranked[min(allowed, len(ranked) - 1)]) + 1e-6
        curve[f"false alarms {fa:.2f}"] = figures(gated, t)["cv_recall_flagged"]
    results["e5"]["recall at other false-alarm budgets"] = curve
    results["e5"]["cv recall by kind and language"] = by_group(gated >= possible)

    if args.dry_run:
        print(json.dumps(results, indent=1))
        return
    everything = list(range(len(examples)))
    finals = parallel(train, [(everything, False), (everything, True)], args.jobs)
    for name, use_vectors, trained in zip(("text", "e5"), (False, True), finals, strict=True):
        final = dataclasses.replace(
            trained,
            possible=results[name]["possible"],
            clear=results[name]["clear"],
            top_units=top if use_vectors else 0,
            blend=blend_of(weight) if use_vectors else (1.0, 0.0, 0.0),
            rule_veto=veto if use_vectors else 0.0,
        )
        path = model_path(embedder.id if use_vectors else "")
        final.save(path)
        if use_vectors:
            flagged_path = path.with_name(path.stem + "-flagged.npy")
            np.save(flagged_path, whole_vecs[flagged].astype(np.float16))
            ids = [e.id for e, f in zip(examples, flagged, strict=True) if f]
            flagged_path.with_name(path.stem + "-flagged-ids.json").write_text(
                json.dumps(ids) + "\n", encoding="utf-8"
            )
        print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
