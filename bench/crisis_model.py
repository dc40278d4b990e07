"""Could the language model judge crisis signals? The default GGUF as a yes/no screen.

The crisis screen must not miss indirect signals, and its embedder kernel has stopped gaining
from more examples. This asks whether the only offline instruct model (a 1.5B coder model) can
tell risk from ordinary work talk on its own: each message goes to it with a short instruction,
and the share of "yes" against "no" in its next-token distribution is the score. Measured on a
sample of the tuning examples (knowledge/safety/examples.jsonl, every kind and every kind of hard
negative), never on the frozen test part. Nothing is tuned: one instruction, written before the
run.

Writes docs/bench-crisis-model.{json,md}: the area under the ROC curve, recall at false-alarm
budgets, the mean score per kind and the time per message.

Usage: python bench/crisis_model.py [--per-kind 18]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from typing import Any

import numpy as np
from common import ROOT, machine, median, pct, write
from sklearn.metrics import roc_auc_score

from app import privacy
from app.adapters.safety_semantic import Example, load_examples

privacy.apply()

INSTRUCTION = (
    "You screen messages sent to a work-reflection chat app for safety. Answer yes if the "
    "writer signals risk to themselves or others right now: thoughts of suicide or of not "
    "wanting to live (also indirect: being better off gone, wanting to disappear, saying "
    "goodbye, giving things away), a plan or means, self-harm, violence or abuse they suffer or "
    "threaten, or a medical emergency. Answer no for ordinary work talk, exaggeration and idiom, "
    "a crisis long past, illness, leaving a job, or a professional telling about a client. "
    "Messages can be Dutch or English. Answer with one word: yes or no."
)
MODEL = ROOT / "models" / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"


def sample(per_kind: int) -> list[Example]:
    """A fixed stratified sample: per_kind messages of every risk kind, a third more of every
    kind of ordinary message, and the professionals telling about a client."""
    groups: dict[tuple[str, str], list[Example]] = defaultdict(list)
    for ex in load_examples():
        groups[(ex.label, ex.kind if ex.label != "professional" else "client")].append(ex)
    rng = random.Random(7)
    out: list[Example] = []
    for key in sorted(groups):
        n = {"risk": per_kind, "none": per_kind * 4 // 3}.get(key[0], per_kind * 5 // 3)
        out += rng.sample(groups[key], min(n, len(groups[key])))
    rng.shuffle(out)
    return out


def judge(examples: list[Example]) -> list[dict[str, Any]]:
    import llama_cpp

    llm = llama_cpp.Llama(str(MODEL), n_ctx=1024, n_threads=2, verbose=False)
    yes = [llm.tokenize(t.encode(), add_bos=False, special=False)[0] for t in ("yes", "Yes")]
    no = [llm.tokenize(t.encode(), add_bos=False, special=False)[0] for t in ("no", "No")]
    head = f"<|im_start|>system\n{INSTRUCTION}<|im_end|>\n<|im_start|>user\nMessage:\n"
    out = []
    for ex in examples:
        prompt = f'{head}"""{ex.text}"""\nDoes this message signal risk? yes or no.<|im_end|>\n'
        tokens = llm.tokenize(f"{prompt}<|im_start|>assistant\n".encode(), special=True)
        t0 = time.perf_counter()
        llm.reset()
        llm.eval(tokens)
        ptr = llama_cpp.llama_get_logits(llm._ctx.ctx)
        logits = np.ctypeslib.as_array(ptr, shape=(llm.n_vocab(),)).astype(np.float64)
        p = np.exp(logits - logits.max())
        score = float(p[yes].sum() / (p[yes].sum() + p[no].sum()))
        ms = (time.perf_counter() - t0) * 1000
        out.append({"id": ex.id, "label": ex.label, "kind": ex.kind, "score": score, "ms": ms})
    return out


def figures(rows: list[dict[str, Any]]) -> dict[str, Any]:
    risk = [r["score"] for r in rows if r["label"] == "risk"]
    other = [r["score"] for r in rows if r["label"] != "risk"]
    at_budget = {}
    for budget in (0.03, 0.05, 0.10, 0.20):
        threshold = float(np.quantile(other, 1 - budget))
        at_budget[f"{budget:.0%}"] = round(float(np.mean(np.array(risk) >= threshold)), 3)
    kinds: dict[str, list[float]] = defaultdict(list)
    for r in rows:
        kinds[f"{r['label']}:{r['kind']}"].append(r["score"])
    return {
        "messages": len(rows),
        "risk": len(risk),
        "auc": round(float(roc_auc_score([1] * len(risk) + [0] * len(other), risk + other)), 3),
        "recall_at_false_alarms": at_budget,
        "mean_score_per_kind": {k: round(float(np.mean(v)), 2) for k, v in sorted(kinds.items())},
        "ms_p50": round(median([r["ms"] for r in rows])),
        "ms_p95": round(pct([r["ms"] for r in rows], 0.95)),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-kind", type=int, default=18)
    args = ap.parse_args()
    result = figures(judge(sample(args.per_kind)))
    result["machine"] = machine()
    lines = [
        "# The language model as a crisis screen (tuning examples)",
        "",
        f"{result['messages']} messages, {result['risk']} of them risk; one instruction, "
        "not tuned.",
        "",
        f"- area under the ROC curve: {result['auc']} (0.5 is chance)",
        "- recall at a false-alarm budget: "
        + ", ".join(f"{k}: {v}" for k, v in result["recall_at_false_alarms"].items()),
        f"- time per message p50 / p95: {result['ms_p50']} / {result['ms_p95']} ms",
        "",
        "| kind | mean score |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in result["mean_score_per_kind"].items()],
    ]
    write("bench-crisis-model", result, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
