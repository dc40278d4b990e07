"""Rated evaluation of the coach's replies: run conversations, make blind items, score ratings.

The conversations in bench/replies/conversations-tune/ are for tuning; those in
conversations-test/ are the frozen test part: run them only to measure, never read their replies
while changing the engine. Raters see only bench/replies/RUBRIC.md and an items file: the
person's message with a little context and the coach's reply, shuffled, with no hint of which
engine produced it. The key that maps items to variants stays apart from the items.

Usage:
  python bench/replies.py run --part tune --variant v2          # conversations through the CLI
  python bench/replies.py items --runs v1-test v2-test --out bench/replies/round-2
  python bench/replies.py score bench/replies/round-2          # ratings-*.jsonl beside items
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

from common import ROOT, by_id, machine, median
from quality import code_state, log, run_conversation, run_request

HERE = ROOT / "bench" / "replies"
RUNS = HERE / "runs"


def conversations(part: str) -> list[dict[str, Any]]:
    folder = HERE / f"conversations-{part}"
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def run(part: str, variant: str, model: str | None, limit: int | None) -> Path:
    """Run every conversation and request of a part; a run that was cut off resumes where it
    stopped (conversations already in the file are kept)."""
    convs = conversations(part)[:limit]
    req_file = HERE / f"supervisor-{part}.json"  # a fresh set may come without requests
    requests = json.loads(req_file.read_text(encoding="utf-8")) if req_file.is_file() else []
    RUNS.mkdir(parents=True, exist_ok=True)
    path = RUNS / f"{variant}-{part}.json"
    out: dict[str, Any] = {"variant": variant, "part": part, "code": code_state(), **machine()}
    out["conversations"], out["requests"] = [], []
    if path.is_file():
        previous = json.loads(path.read_text(encoding="utf-8"))
        out["conversations"] = [
            c for c in previous.get("conversations", []) if c.get("returncode") == 0
        ]
    done = {c["conversation"]["id"] for c in out["conversations"]}

    def save() -> None:
        path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    with tempfile.TemporaryDirectory(prefix="coach-replies-") as tmp:
        home = Path(tmp)
        for conv in convs:
            if conv["id"] in done:
                continue
            log(f"{conv['id']}: {len(conv['messages'])} messages")
            result = run_conversation(conv, home, model)
            out["conversations"].append({"conversation": conv, **result})
            save()
        for req in requests[:limit]:
            out["requests"].append({"request": req, **run_request(req, home)})
    save()
    turns = [r for c in out["conversations"] for r in c["records"]]
    log(f"wrote {path}: {len(turns)} turns, median {median([r['total_s'] for r in turns]):.1f}s")
    return path


# --- items for raters --------------------------------------------------------------------------


def _turn_items(run_data: dict[str, Any]) -> list[dict[str, Any]]:
    items = []
    for c in run_data["conversations"]:
        conv = c["conversation"]
        previous: dict[str, Any] | None = None
        for i, rec in enumerate(c["records"]):
            message = conv["messages"][i] if i < len(conv["messages"]) else rec.get("user", "")
            items.append(
                {
                    "kind": "turn",
                    "conversation": conv["id"],
                    "turn": i + 1,
                    "lang": conv["lang"],
                    "earlier": [
                        m for m in conv["messages"][max(0, i - 2) : i]
                    ],  # what the person said just before
                    "previous_reply": previous["reply"] if previous else "",
                    "message": message,
                    "reply": rec.get("reply", ""),
                    "crisis": bool(rec.get("crisis")),
                }
            )
            previous = rec
    return items


def _report_body(report: str) -> str:
    """The report without its title and date line (they differ between runs of the same words)."""
    lines = report.strip().splitlines()
    while lines and (lines[0].startswith("# ") or lines[0].startswith("*") or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines)


def _report_items(run_data: dict[str, Any]) -> list[dict[str, Any]]:
    """The reflectieverslag of each conversation that ended with one beside the closing words,
    with everything the person wrote, to judge whether it keeps to their words."""
    items = []
    for c in run_data["conversations"]:
        conv = c["conversation"]
        for i, rec in enumerate(c["records"]):
            if rec.get("report"):
                items.append(
                    {
                        "kind": "report",
                        "conversation": conv["id"],
                        "turn": i + 1,
                        "lang": conv["lang"],
                        "messages": conv["messages"][: i + 1],
                        "report": _report_body(rec["report"]),
                    }
                )
    return items


def _request_items(run_data: dict[str, Any]) -> list[dict[str, Any]]:
    items = []
    for n, r in enumerate(run_data.get("requests", [])):
        req = r["request"]
        items.append(
            {
                "kind": "preparation",
                "conversation": f"request-{n + 1:02d}",
                "turn": 0,
                "lang": req.get("lang", "nl"),
                "theme": req["theme"],
                "situation": req.get("situation", ""),
                "phase": req.get("phase"),
                "questions": [q.get("text", q.get("question", "")) for q in r["questions"]],
            }
        )
    return items


def make_items(run_names: list[str], out: Path, seed: int = 11, changed: bool = False) -> None:
    """Blind, shuffled items from one or more runs; the key goes to a separate file. The same
    reply to the same message from two runs is one item, counted for both. With `changed`, only
    the turns whose reply differs between the runs (a paired comparison of what a change did)."""
    pool: dict[tuple[str, ...], tuple[list[str], dict[str, Any]]] = {}
    for name in run_names:
        data = json.loads((RUNS / f"{name}.json").read_text(encoding="utf-8"))
        for item in _turn_items(data) + _report_items(data) + _request_items(data):
            if item["kind"] == "turn" and (item["crisis"] or not item["reply"].strip()):
                continue  # crisis turns are judged by bench/crisis.py, not by this rubric
            if item["kind"] == "turn":
                ident = (item["conversation"], str(item["turn"]), item["reply"])
            elif item["kind"] == "report":
                ident = (item["conversation"], "report", item["report"])
            else:
                ident = (item["conversation"], json.dumps(item["questions"]))
            if ident in pool:
                pool[ident][0].append(name)
            else:
                pool[ident] = ([name], item)
    entries = list(pool.values())
    if changed:
        replies: dict[tuple[str, str], int] = {}
        for _, item in entries:
            if item["kind"] == "turn":
                turn = (item["conversation"], str(item["turn"]))
                replies[turn] = replies.get(turn, 0) + 1
        entries = [
            (names, item)
            for names, item in entries
            if item["kind"] == "turn" and replies[(item["conversation"], str(item["turn"]))] > 1
        ]
    random.Random(seed).shuffle(entries)
    out.mkdir(parents=True, exist_ok=True)
    key = {}
    with (out / "items.jsonl").open("w", encoding="utf-8") as f:
        for n, (names, item) in enumerate(entries, 1):
            item_id = f"i{n:03d}"
            key[item_id] = {
                "runs": names,
                "conversation": item["conversation"],
                "turn": item["turn"],
            }
            shown = {k: v for k, v in item.items() if k not in ("conversation", "turn", "crisis")}
            f.write(json.dumps({"id": item_id, **shown}, ensure_ascii=False) + "\n")
    (out / "key.json").write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")
    print(f"{len(entries)} items in {out / 'items.jsonl'}; key in {out / 'key.json'}")


# --- scoring ----------------------------------------------------------------------------------------

FIELDS = ("mirror", "language", "question", "sign")


def _figures(rows: list[dict[str, Any]]) -> dict[str, float]:
    turns = [r for r in rows if "mirror" in r]
    prep = [r for r in rows if "questions_fit" in r]
    reports = [r for r in rows if "report_faithful" in r]
    n = len(turns) or 1
    out = {
        "turns": len(turns),
        "mirror_mean": sum(r["mirror"] for r in turns) / n,
        "mirror_2": sum(r["mirror"] == 2 for r in turns) / n,
        "language": sum(r["language"] == 1 for r in turns) / n,
        "question_mean": sum(r["question"] for r in turns) / n,
        "question_2": sum(r["question"] == 2 for r in turns) / n,
        "sign": sum(r["sign"] == 1 for r in turns) / n,
    }
    if reports:
        out["reports"] = len(reports)
        out["report_faithful_2"] = sum(r["report_faithful"] == 2 for r in reports) / len(reports)
        out["report_keep"] = sum(r["report_keep"] == 1 for r in reports) / len(reports)
    if prep:
        out["preparation_fit"] = sum(r["questions_fit"] for r in prep) / sum(
            r.get("of", 1) for r in prep
        )
    return out


def score(folder: Path) -> dict[str, Any]:
    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))
    raters = {
        p.stem.removeprefix("ratings-"): by_id(p) for p in sorted(folder.glob("ratings-*.jsonl"))
    }
    result: dict[str, Any] = {"raters": list(raters), "by_run": {}, "agreement": {}}
    runs = sorted({r for k in key.values() for r in k["runs"]})
    for run_name in runs:
        ids = [i for i, k in key.items() if run_name in k["runs"]]
        result["by_run"][run_name] = {
            rater: _figures([rows[i] for i in ids if i in rows]) for rater, rows in raters.items()
        }
        per_conv: dict[str, dict[str, list[int]]] = {}
        for rater, rows in raters.items():
            for i in ids:
                if i in rows and "sign" in rows[i]:
                    conv = key[i]["conversation"]
                    per_conv.setdefault(conv, {}).setdefault(rater, []).append(rows[i]["sign"])
        result["by_run"][run_name]["per_conversation"] = {
            conv: {r: f"{sum(v)}/{len(v)}" for r, v in by.items()}
            for conv, by in sorted(per_conv.items())
        }
    names = list(raters)
    if len(names) >= 2:
        a, b = raters[names[0]], raters[names[1]]
        shared = [i for i in a if i in b and "sign" in a[i] and "sign" in b[i]]
        for field in FIELDS:
            same = sum(a[i][field] == b[i][field] for i in shared)
            result["agreement"][field] = round(same / len(shared), 3) if shared else None
        result["agreement"]["kappa_sign"] = _kappa(
            [a[i]["sign"] for i in shared], [b[i]["sign"] for i in shared]
        )
        result["agreement"]["items"] = len(shared)
    (folder / "scores.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return result


def _kappa(x: list[int], y: list[int]) -> float | None:
    if not x:
        return None
    po = sum(a == b for a, b in zip(x, y, strict=True)) / len(x)
    px, py = sum(x) / len(x), sum(y) / len(y)
    pe = px * py + (1 - px) * (1 - py)
    return round((po - pe) / (1 - pe), 3) if pe < 1 else None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_run = sub.add_parser("run")
    p_run.add_argument(
        "--part", required=True, help="tune, test, or a fresh set: conversations-<part>/"
    )
    p_run.add_argument("--variant", required=True)
    p_run.add_argument("--model")
    p_run.add_argument("--limit", type=int)
    p_items = sub.add_parser("items")
    p_items.add_argument("--runs", nargs="+", required=True)
    p_items.add_argument("--out", type=Path, required=True)
    p_items.add_argument(
        "--changed", action="store_true", help="only the turns whose reply differs between runs"
    )
    p_score = sub.add_parser("score")
    p_score.add_argument("folder", type=Path)
    args = parser.parse_args()
    if args.cmd == "run":
        run(args.part, args.variant, args.model, args.limit)
    elif args.cmd == "items":
        make_items(args.runs, args.out, changed=args.changed)
    else:
        json.dump(score(args.folder), sys.stdout, indent=1)
        print()


if __name__ == "__main__":
    main()
