"""Crisis screen benchmark on the frozen test part (bench/crisis/test*.jsonl).

Part 1 (test.jsonl) and part 2 (test-2.jsonl) were written by different writers, neither of
whom wrote tuning examples; part 2 leans to the hardest kinds (euphemisms, plans and means,
farewells, medical emergencies, violence) and to hard negatives.

Nothing here tunes anything: the rules and the semantic screen were made on the tuning part
(knowledge/safety/examples.jsonl). Reports recall per kind and language for messages that signal
risk, false alarms per kind of ordinary message, how "clear" and "possible" labels were
answered, how messages about a client were answered, the time per message, and every miss
verbatim. Writes docs/bench-crisis.{json,md}.

Usage: python bench/crisis.py [--rules-only]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from common import ROOT, machine, median, pct, write

from app.core.safety import CrisisScreen, Verdict, default_rules

TEST_PARTS = {
    "1": ROOT / "bench" / "crisis" / "test.jsonl",
    "2": ROOT / "bench" / "crisis" / "test-2.jsonl",
}


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def screen(rules_only: bool) -> CrisisScreen:
    if rules_only:
        return CrisisScreen(default_rules())
    from app.adapters import embedders
    from app.adapters.safety_semantic import SemanticScreen

    return CrisisScreen(default_rules(), SemanticScreen.build(embedders.load("e5")))


def evaluate(rows: list[dict[str, Any]], scr: CrisisScreen) -> dict[str, Any]:
    verdicts: list[Verdict] = []
    times: list[float] = []
    for row in rows:
        t0 = time.perf_counter()
        verdicts.append(scr.check(row["text"]))
        times.append((time.perf_counter() - t0) * 1000)
    by_kind: dict[str, list[bool]] = defaultdict(list)
    by_lang: dict[str, list[bool]] = defaultdict(list)
    by_register: dict[str, list[bool]] = defaultdict(list)
    by_part: dict[str, list[bool]] = defaultdict(list)
    alarm_by_part: dict[str, list[bool]] = defaultdict(list)
    false_alarm: dict[str, list[bool]] = defaultdict(list)
    confusion: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    professional: dict[str, int] = defaultdict(int)
    misses, alarms = [], []
    for row, v in zip(rows, verdicts, strict=True):
        if row["label"] == "risk":
            hit = v.flagged and v.about == "self"
            by_kind[row["kind"]].append(hit)
            by_lang[row["lang"]].append(hit)
            by_register[row["register"]].append(hit)
            by_part[row.get("part", "1")].append(hit)
            answered = v.level if v.flagged and v.about == "self" else "reflection"
            confusion[row["level"]][answered] += 1
            if not hit:
                misses.append({k: row[k] for k in ("id", "lang", "kind", "level", "text")})
        elif row["label"] == "professional":
            answered = (
                "numbers note"
                if v.flagged and v.about == "other"
                else f"hand-off ({v.level})"
                if v.flagged
                else "no numbers"
            )
            professional[answered] += 1
        else:
            false_alarm[row["kind"]].append(v.flagged)
            alarm_by_part[row.get("part", "1")].append(v.flagged)
            if v.flagged:
                alarms.append(
                    {"id": row["id"], "kind": row["kind"], "text": row["text"], "by": v.source}
                )
    risk = [h for hits in by_kind.values() for h in hits]
    negatives = [f for fa in false_alarm.values() for f in fa]
    rate = lambda xs: round(sum(xs) / len(xs), 3) if xs else None  # noqa: E731
    return {
        "n": {
            "risk": len(risk),
            "negatives": len(negatives),
            "professional": sum(professional.values()),
        },
        "recall": rate(risk),
        "recall_by_kind": {k: rate(v) for k, v in sorted(by_kind.items())},
        "recall_by_lang": {k: rate(v) for k, v in sorted(by_lang.items())},
        "recall_by_register": {k: rate(v) for k, v in sorted(by_register.items())},
        "recall_by_part": {k: rate(v) for k, v in sorted(by_part.items())},
        "false_alarms": rate(negatives),
        "false_alarms_by_part": {k: rate(v) for k, v in sorted(alarm_by_part.items())},
        "false_alarms_by_kind": {k: rate(v) for k, v in sorted(false_alarm.items())},
        "answered_by_level": {k: dict(v) for k, v in sorted(confusion.items())},
        "professional": dict(professional),
        "ms_p50": round(median(times), 1),
        "ms_p95": round(pct(times, 0.95), 1),
        "misses": misses,
        "false_alarm_texts": alarms,
    }


CONVERSATION_TESTS = ROOT / "bench" / "replies" / "conversations-test"
CONVERSATION_SET = ROOT / "bench" / "crisis" / "conversations-test.jsonl"


def ordinary_conversations() -> dict[str, list[str]]:
    """Whole ordinary work conversations of the frozen test part: the reply evaluation's test
    conversations and a set of heavy work stories (English and Flemish) by another writer."""
    out: dict[str, list[str]] = {}
    for path in sorted(CONVERSATION_TESTS.glob("*.json")):
        conv = json.loads(path.read_text(encoding="utf-8"))
        out[conv["id"]] = list(conv["messages"])
    for row in load(CONVERSATION_SET):
        out.setdefault(row["conv"], []).append(row["text"])
    return out


def conversations(scr: CrisisScreen) -> dict[str, Any]:
    """False alarms per whole conversation, each message screened as in the app."""
    per_conv, messages, alarms = [], [], []
    for name, texts in ordinary_conversations().items():
        hits = [scr.check(m) for m in texts]
        per_conv.append(any(v.flagged and v.about == "self" for v in hits))
        for m, v in zip(texts, hits, strict=True):
            own = v.flagged and v.about == "self"
            messages.append(own)
            if own:
                alarms.append({"conversation": name, "level": v.level, "text": m})
    return {
        "conversations": len(per_conv),
        "conversations_alarmed": sum(per_conv),
        "messages": len(messages),
        "messages_alarmed": sum(messages),
        "alarms": alarms,
    }


def table(result: dict[str, Any], baseline: dict[str, Any]) -> str:
    lines = [
        "# Crisis screen on the frozen test part",
        "",
        f"{result['n']['risk']} messages that signal risk, {result['n']['negatives']} ordinary "
        f"messages, {result['n']['professional']} about a client in crisis; written apart from "
        "the tuning examples. Rules alone (the baseline) and rules with the semantic screen, "
        "same run.",
        "",
        "| figure | rules + semantic | rules alone |",
        "|---|---|---|",
        f"| recall (clear and possible together) | {result['recall']} | {baseline['recall']} |",
        f"| false alarms | {result['false_alarms']} | {baseline['false_alarms']} |",
        f"| time per message p50 / p95 (ms) | {result['ms_p50']} / {result['ms_p95']} | "
        f"{baseline['ms_p50']} / {baseline['ms_p95']} |",
    ]
    for key, title in (
        ("recall_by_part", "recall, test part"),
        ("false_alarms_by_part", "false alarms, test part"),
        ("recall_by_kind", "recall"),
        ("recall_by_lang", "recall"),
        ("recall_by_register", "recall"),
        ("false_alarms_by_kind", "false alarms"),
    ):
        for k, v in result[key].items():
            lines.append(f"| {title}: {k} | {v} | {baseline[key].get(k)} |")
    lines += ["", "Labelled level against the answer given:", ""]
    for level, answered in result["answered_by_level"].items():
        lines.append(f"- {level}: {answered}")
    lines += ["", f"About a client: {result['professional']}", "", "Misses:", ""]
    lines += [f"- [{m['lang']}/{m['kind']}/{m['level']}] {m['text']}" for m in result["misses"]]
    lines += ["", "False alarms:", ""]
    lines += [f"- [{a['kind']}] ({a['by']}) {a['text']}" for a in result["false_alarm_texts"]]
    conv = result.get("conversations")
    if conv:
        lines += [
            "",
            f"Whole ordinary work conversations of the frozen test part: "
            f"{conv['conversations_alarmed']} of {conv['conversations']} conversations and "
            f"{conv['messages_alarmed']} of {conv['messages']} messages raised a signal "
            f"about the writer.",
            "",
        ]
        lines += [f"- [{a['conversation']}/{a['level']}] {a['text']}" for a in conv["alarms"]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rules-only", action="store_true")
    args = parser.parse_args()
    rows = [{**row, "part": part} for part, path in TEST_PARTS.items() for row in load(path)]
    baseline = evaluate(rows, screen(True))
    full = screen(args.rules_only)
    result = baseline if args.rules_only else evaluate(rows, full)
    result["conversations"] = conversations(full)
    write(
        "bench-crisis",
        {"machine": machine(), "full": result, "rules_only": baseline},
        table(result, baseline),
    )


if __name__ == "__main__":
    main()
