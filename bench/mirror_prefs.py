"""Which candidate reflection supervisors would say back: items to rate, and the order learned.

  items --out DIR [--n 200] [--exclude DIR ...]
                              messages of the tuning conversations (never the frozen test part,
                              never the newest fresh set) with their candidate reflections in the
                              rules' order, shuffled and lettered, for blind raters (RUBRIC.md)
  evaluate DIR [DIR ...]      the shipped weights on rated items they were not fitted on
  fit DIR [DIR ...]           fit the re-ranker (app/core/mirror_rank.py) on the raters' choices,
                              report grouped 5-fold cross-validation against the rules' order, and
                              write knowledge/mirrors/rerank.json

A candidate of two sentences is left out of the fit: raters read "the coach says exactly one of
them" as one sentence and refused all of them (35 of 35 in prefs-1), which says nothing about
their content.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import prefs_fit  # noqa: E402
from prefs_fit import Row  # noqa: E402

from app.core import intents, mirror_rank, reading, reflection  # noqa: E402
from app.core.statements import statements  # noqa: E402

REPLIES = ROOT / "bench" / "replies"
PARTS = ["tune"] + [f"fresh{k}" for k in range(33, 43)]
FEATURES = ["score", "rank", "pos", "first", "first_of_story", "clause", "other_subject", "role"]
FEATURES += ["insight"]
FEATURES += ["words", "long"]
LETTERS = "ABCDEF"


def candidates(message: str, lang: str, earlier: list[str]) -> tuple[list[Any], int]:
    """The candidates in the rules' order (fixed phrasings left out) and the sentence count."""
    seen = reading.read(reflection.corrected(message), lang, earlier)
    found = reflection.mirrors(message, lang, seen, limit=6, learned=False)
    out, texts = [], set()
    for c in found:
        if not c.source.startswith("fixed") and c.text not in texts:
            texts.add(c.text)
            out.append(c)
    return out, len(statements(reflection.corrected(message)))


def make_items(out: Path, n: int, seed: int = 7, exclude: list[Path] | None = None) -> None:
    rng = random.Random(seed)
    done = {
        (k["conv"], k["turn"])
        for folder in exclude or []
        for k in json.loads((folder / "key.json").read_text(encoding="utf-8")).values()
    }
    pool = []
    for part in PARTS:
        for path in sorted((REPLIES / f"conversations-{part}").glob("*.json")):
            conv = json.loads(path.read_text(encoding="utf-8"))
            earlier: list[str] = []
            for i, m in enumerate(conv["messages"], 1):
                skip = i in conv.get("crisis_turns", []) or i in conv.get("advice_turns", [])
                skip = skip or intents.asks_advice(m) or intents.wants_to_stop(m)
                if not skip and len(m.split()) >= 20 and (conv["id"], i) not in done:
                    found, _ = candidates(m, conv["lang"], earlier)
                    if len(found) >= 3:
                        prev = conv["messages"][i - 2] if i > 1 else ""
                        pool.append((conv, i, m, [c.text for c in found], prev))
                earlier.append(m)
    rng.shuffle(pool)
    per: dict[str, int] = {}
    items, key = [], {}
    for conv, i, m, ranked, prev in pool:
        if per.get(conv["id"], 0) >= 2 or len(items) == n:
            continue
        per[conv["id"]] = per.get(conv["id"], 0) + 1
        order = list(range(len(ranked)))
        rng.shuffle(order)
        iid = f"p{len(items) + 1:03d}"
        letters = {LETTERS[j]: o for j, o in enumerate(order)}
        key[iid] = {"conv": conv["id"], "turn": i, "lang": conv["lang"], "message": m}
        key[iid] |= {"ranked": ranked, "letters": letters}
        shown = {L: ranked[o] for L, o in letters.items()}
        items.append({"id": iid, "lang": conv["lang"], "previous_message": prev[-400:]})
        items[-1] |= {"message": m, "candidates": shown}
    out.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)
    (out / "items.jsonl").write_text(lines, encoding="utf-8")
    (out / "key.json").write_text(json.dumps(key, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(items)} items in {out / 'items.jsonl'}")


def rows(folder: Path) -> list[prefs_fit.Item]:
    """Per item: its conversation and, per candidate, features and the raters' verdicts."""
    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))
    ratings = [
        {json.loads(line)["id"]: json.loads(line) for line in path.read_text().splitlines()}
        for path in sorted(folder.glob("ratings-*.jsonl"))
    ]
    messages = {
        json.loads(p.read_text(encoding="utf-8"))["id"]: json.loads(p.read_text())["messages"]
        for part in PARTS
        for p in sorted((REPLIES / f"conversations-{part}").glob("*.json"))
    }
    out = []
    for iid, k in key.items():
        earlier = messages[k["conv"]][: k["turn"] - 1]
        found, total = candidates(k["message"], k["lang"], earlier)
        by_text = {c.text: (rank, c) for rank, c in enumerate(found)}
        letter_of = {o: L for L, o in k["letters"].items()}
        item: list[Row] = []
        for idx, text in enumerate(k["ranked"]):
            if text not in by_text or re.search(r"[.!?]\s+\S", text.strip()[:-1]):
                continue  # changed since it was rated, or two sentences (see the docstring)
            rank, c = by_text[text]
            f = mirror_rank.features(c.text, c.source, c.score, rank, total, k["turn"] == 1)
            L = letter_of[idx]
            accept = sum(r[iid]["acceptable"].get(L, 0) for r in ratings) / len(ratings)
            best = sum(r[iid]["best"] == L for r in ratings) / len(ratings)
            item.append(([f[name] for name in FEATURES], accept, best, mirror_rank.vetoed(text)))
        if len(item) >= 2:
            out.append((iid, k["conv"], item))
    return out


def _pick(model: prefs_fit.Model, item: list[Row]) -> int:
    """The learned choice among candidates within MARGIN of the rules' best that the rules do not
    refuse; the rules' first when they keep it in place."""
    values = prefs_fit.values(model, item)
    scores = [r[0][FEATURES.index("score")] for r in item]
    near = [i for i in range(len(item)) if scores[i] >= max(scores) - mirror_rank.MARGIN]
    first = prefs_fit.rules_first(item, FEATURES)
    near = [i for i in near if not item[i][3]]
    if item[first][3] or not near:
        return first  # the rules' first is refused by nothing, or kept where it is
    return max(near, key=lambda i: values[i])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_items = sub.add_parser("items")
    p_items.add_argument("--out", type=Path, required=True)
    p_items.add_argument("--n", type=int, default=200)
    p_items.add_argument("--seed", type=int, default=7)
    p_items.add_argument("--exclude", type=Path, nargs="*", help="item folders already rated")
    p_fit = sub.add_parser("fit")
    p_fit.add_argument("folders", type=Path, nargs="+")
    p_eval = sub.add_parser("evaluate")
    p_eval.add_argument("folders", type=Path, nargs="+")
    args = parser.parse_args()
    if args.cmd == "items":
        make_items(args.out, args.n, args.seed, args.exclude)
        return
    if args.cmd == "evaluate":
        shipped = json.loads(mirror_rank.WEIGHTS_FILE.read_text(encoding="utf-8"))
        held = [row for folder in args.folders for row in rows(folder)]
        print(json.dumps(prefs_fit.held_out(shipped, held, _pick), indent=1))
        return
    data = [row for folder in args.folders for row in rows(folder)]
    figures = prefs_fit.cross_validated(data, FEATURES, _pick)
    model = prefs_fit.fit(data, FEATURES) | {
        "fitted_on": [str(f.relative_to(ROOT)) for f in map(Path.resolve, args.folders)],
        "cross_validated": figures,
    }
    mirror_rank.WEIGHTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    mirror_rank.WEIGHTS_FILE.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
