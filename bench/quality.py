"""Reflection-quality evaluation: scripted conversations and supervisor requests, scored.

Runs every bench/conversations/*.json through the real CLI (`coach chat --script F --json`, one
subprocess per conversation, sequentially) and every bench/supervisor_requests.json entry
through `coach questions --json`, all with one temporary COACH_HOME so the index is built once.
Scores the replies with bench/scoring.py and writes docs/eval-quality.{json,md,png}.

Usage:
  python bench/quality.py                      # everything, default model
  python bench/quality.py --limit 2            # first 2 conversations and 2 requests
  python bench/quality.py --model other.gguf   # a GGUF in models/ or a path
  python bench/quality.py --rescore docs/eval-quality.json   # score stored replies again
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import scoring
from common import DOCS, ROOT, machine, median, pct

COACH = ROOT / ".venv" / "bin" / "coach"
CONVERSATIONS = ROOT / "bench" / "conversations"
REQUESTS = ROOT / "bench" / "supervisor_requests.json"
CONVERSATION_TIMEOUT_S = 3 * 3600
QUESTIONS_TIMEOUT_S = 1800


def log(message: str) -> None:
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["COACH_HOME"] = str(home)
    env.pop("COACH_CONFIG", None)
    return env


def code_state() -> dict[str, Any]:
    """Which code and prompts produced the replies: the commit, local changes, prompt versions."""
    from app.core.prompts import PromptLibrary

    def git(*args: str) -> str:
        try:
            out = subprocess.run(["git", *args], capture_output=True, text=True, cwd=ROOT)
        except OSError:
            return ""
        return out.stdout.strip()

    library = PromptLibrary(ROOT / "prompts")
    return {
        "commit": git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(git("status", "--porcelain", "app", "prompts", "knowledge")),
        "prompts": {
            "choose.system": library.latest("choose.system"),
            "choose.turn": library.latest("choose.turn"),
            "choose.examples": library.latest("choose.examples", ".json"),
        },
    }


# --- running ---------------------------------------------------------------------------------


def run_conversation(conv: dict[str, Any], home: Path, model: str | None) -> dict[str, Any]:
    """One `coach chat --script --json` subprocess; the records it printed, and how it ended."""
    script = home / f"script-{conv['id']}.txt"
    # One message per line: a message must not contain a line break of its own.
    script.write_text(
        "\n".join(" ".join(m.split()) for m in conv["messages"]) + "\n", encoding="utf-8"
    )
    cmd = [str(COACH), "chat", "--script", str(script), "--json"]
    if model:
        cmd += ["--model", model]
    err_path = home / f"stderr-{conv['id']}.txt"
    records: list[dict[str, Any]] = []
    bad_lines: list[str] = []
    started = time.perf_counter()
    with err_path.open("w") as err:
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            encoding="utf-8",
            env=_env(home),
            cwd=ROOT,
        )
        assert proc.stdout is not None
        try:
            for line in proc.stdout:
                line = line.strip()
                if not line:
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    bad_lines.append(line[:300])
                    continue
                records.append(rec)
                log(
                    f"  {conv['id']} turn {len(records)}/{len(conv['messages'])} "
                    f"[{rec.get('phase')}] {rec.get('total_s', 0):.1f}s: "
                    f"{rec.get('reply', '')[:90]!r}"
                )
            rc = proc.wait(timeout=CONVERSATION_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            rc = -9
    stderr_tail = err_path.read_text(errors="replace")[-2000:]
    if rc != 0:
        log(f"  {conv['id']}: exit status {rc}\n{stderr_tail}")
    return {
        "records": records,
        "returncode": rc,
        "wall_s": round(time.perf_counter() - started, 1),
        "stderr_tail": stderr_tail if rc != 0 else "",
        "non_json_lines": bad_lines,
    }


def run_request(req: dict[str, Any], home: Path) -> dict[str, Any]:
    cmd = [
        str(COACH),
        "questions",
        "--theme",
        req["theme"],
        "--n",
        str(req.get("n", 8)),
        "--lang",
        req.get("lang", "nl"),
        "--json",
    ]
    if req.get("situation"):
        cmd += ["--situation", req["situation"]]
    if req.get("phase"):
        cmd += ["--phase", str(req["phase"])]
    started = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=_env(home),
            cwd=ROOT,
            timeout=QUESTIONS_TIMEOUT_S,
        )
        rc, out, err = proc.returncode, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired:
        rc, out, err = -9, "", "timeout"
    found: list[dict[str, Any]] = []
    parse_error = ""
    if rc == 0:
        try:
            found = json.loads(out)["questions"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            parse_error = f"{type(exc).__name__}: {exc}; stdout: {out[:300]!r}"
    return {
        "questions": found,
        "returncode": rc,
        "wall_s": round(time.perf_counter() - started, 1),
        "stderr_tail": err[-2000:] if rc != 0 else "",
        "parse_error": parse_error,
    }


# --- scoring ---------------------------------------------------------------------------------


def score_all(runs: list[dict[str, Any]], requests: list[dict[str, Any]]) -> dict[str, Any]:
    sessions = []
    for run in runs:
        scored = scoring.score_session(run["conversation"], run["records"])
        scored["summary"].update(
            returncode=run["returncode"],
            wall_s=run["wall_s"],
            complete=len(run["records"]) == len(run["conversation"]["messages"]),
        )
        sessions.append(
            {
                **scored,
                "run": {k: v for k, v in run.items() if k not in ("records", "conversation")},
            }
        )
    agg = scoring.aggregate(sessions)
    ttft = [
        t["ttft_s"]
        for s in sessions
        for t in s["turns"]
        if t["kind"] == "ordinary" and t.get("ttft_s")
    ]
    total = [
        t["total_s"]
        for s in sessions
        for t in s["turns"]
        if t["kind"] == "ordinary" and t.get("total_s")
    ]
    agg["ttft_s_p50"] = round(median(ttft), 2) if ttft else None
    agg["total_s_p50"] = round(median(total), 2) if total else None
    agg["total_s_p95"] = round(pct(total, 0.95), 2) if total else None
    agg["crashed_sessions"] = [
        s["summary"]["id"]
        for s in sessions
        if s["summary"]["returncode"] != 0 or not s["summary"]["complete"]
    ]
    scored_requests = []
    for req in requests:
        result = scoring.score_questions(req["request"], req["questions"])
        if req["returncode"] != 0 or req.get("parse_error"):
            result["ok"] = False
            result["issues"].insert(0, f"exit status {req['returncode']} {req.get('parse_error')}")
        scored_requests.append({**req, "score": result})
    agg["supervisor_requests"] = len(scored_requests)
    agg["supervisor_requests_ok"] = sum(r["score"]["ok"] for r in scored_requests)
    return {
        "aggregate": agg,
        "verdicts": scoring.verdicts(agg),
        "sessions": sessions,
        "supervisor_requests": scored_requests,
    }


# --- report ----------------------------------------------------------------------------------


def _fmt(value: Any, key: str = "") -> str:
    if value is None:
        return "n/a"
    if key in ("median_words", "reflection_to_question") or not isinstance(value, float):
        return f"{value:g}" if isinstance(value, (int, float)) else str(value)
    return f"{value * 100:.1f}%"


def _target(row: dict[str, Any]) -> str:
    t = row["target"]
    shown = f"{t:g}" if row["key"] == "median_words" else f"{t * 100:g}%"
    return f"{row['comparison']} {shown}"


def _examples(sessions: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any], str]]:
    """3-4 exchanges: a clean ordinary turn, the worst one, an advice request, a crisis turn."""
    turns = [(s["summary"]["id"], t) for s in sessions for t in s["turns"]]
    chosen: list[tuple[str, dict[str, Any], str]] = []
    used: set[tuple[str, int]] = set()

    def take(pred: Any, label: str, key: Any = None) -> None:
        pool = [(sid, t) for sid, t in turns if pred(t) and (sid, t["index"]) not in used]
        if key:
            pool.sort(key=key)
        if pool:
            sid, t = pool[0]
            used.add((sid, t["index"]))
            chosen.append((sid, t, label))

    take(
        lambda t: (
            t["kind"] == "ordinary" and not t["problems"] and not t.get("flags") and t["index"] >= 2
        ),
        "A turn that meets every rule",
        key=lambda p: -(p[1].get("mirror_grounded") or 0),
    )
    take(
        lambda t: t["kind"] == "ordinary" and t["problems"],
        "The turn with the most problems",
        key=lambda p: -(len(p[1]["problems"]) + len(p[1].get("flags", []))),
    )
    take(
        lambda t: t.get("advice_request"),
        "An advice request",
        key=lambda p: p[1].get("advice_handled", True),
    )
    take(lambda t: t["kind"] == "crisis", "A crisis turn")
    return chosen


def _code_line(meta: dict[str, Any]) -> str:
    code = meta.get("code")
    if not code:
        return ""
    line = (
        f"Code {code['commit']}{' with local changes' if code['uncommitted_changes'] else ''}"
        f", prompts {', '.join(code['prompts'].values())}."
    )
    if meta.get("code_changed_during_run"):
        line += " **The code or prompts changed during the run.**"
    return line


def markdown(data: dict[str, Any]) -> str:
    agg, meta = data["aggregate"], data["meta"]
    lines = [
        "# Reflection quality",
        "",
        f"Model `{meta['model']}`; {agg['sessions']} scripted conversations, "
        f"{agg['turns']} ordinary turns, {agg['questions']} questions; "
        f"{agg['supervisor_requests']} supervisor requests. {meta['machine']['cpu']}, "
        f"{meta['machine']['cores']} cores, {meta['machine']['date']}; run took "
        f"{meta['wall_s'] / 60:.0f} min. {_code_line(meta)}",
        "",
        "Rules are the literal checks of `app/core/style.py`, applied per turn by `bench/scoring.py`: "
        "MITI 4.2 (reflection-to-question ratio, open questions) and ICF PCC markers (one "
        "question at a time, no advice without permission, the partner's language). Crisis "
        "turns and the closing report are scored separately. These rules see the form of a "
        "reply, not whether its mirror is true to what the person said; the 'mirror' rows are a "
        "lexical proxy for that (content words shared with the current message, or taken only "
        "from the coach's own candidate questions and earlier replies).",
        "",
        "## Aggregate",
        "",
        "| measure | value | target | result |",
        "|---|---|---|---|",
    ]
    for row in data["verdicts"]:
        res = "n/a" if row["pass"] is None else ("pass" if row["pass"] else "**FAIL**")
        lines.append(
            f"| {row['label']} | {_fmt(row['value'], row['key'])} | {_target(row)} | {res} |"
        )
    for key, label in scoring.INFORMATIONAL:
        lines.append(f"| {label} | {_fmt(agg.get(key), key)} | (none) | info |")
    lines += [
        f"| Supervisor requests: N distinct open questions, each with a source | "
        f"{agg['supervisor_requests_ok']}/{agg['supervisor_requests']} | all | "
        f"{'pass' if agg['supervisor_requests_ok'] == agg['supervisor_requests'] else '**FAIL**'}"
        f" |",
        "",
        f"Also measured: open turns {_fmt(agg['open_turns'])}, turns over "
        f"{scoring.style.MAX_WORDS} words {_fmt(agg['over_max_words'])}, turns repeating an "
        f"earlier question {_fmt(agg['repeated_question'])}, turns meeting every rule "
        f"{_fmt(agg['all_ok'])}, advice requests answered with a permission phrase that "
        f"`style.asks_permission` recognises {_fmt(agg['advice_requests_handled_strict'])}, "
        f"crisis hand-offs on unscripted turns {agg['crisis_false_alarms']}. Time per ordinary "
        f"turn: p50 {agg['total_s_p50']} s, p95 {agg['total_s_p95']} s (first token p50 "
        f"{agg['ttft_s_p50']} s), indicative only: bench/speed.py measures speed.",
    ]
    if agg["crashed_sessions"]:
        lines.append(f"Incomplete or failed runs: {', '.join(agg['crashed_sessions'])}.")
    lines += [
        "",
        "## Per conversation",
        "",
        "| conversation | turns | one question | open | reflection first | advice w/o perm. | "
        "language | median words | R:Q | mirror grounded | phases reached | voornemen | crisis | "
        "advice handled |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in data["sessions"]:
        m, r = s["summary"], s["summary"]["rates"]
        crisis = (
            "-"
            if m["crisis_signposted"] is None
            else ("yes" if m["crisis_signposted"] else f"**missed {m['crisis_missed']}**")
        )
        if m["crisis_false_alarms"]:
            crisis += f" (+{len(m['crisis_false_alarms'])} unscripted)"
        advice = f"{m['advice_handled']}/{m['advice_requests']}" if m["advice_requests"] else "-"
        lines.append(
            f"| {m['id']} | {m['n_turns']}/{m['n_messages']} | {_fmt(r['one_question'])} | "
            f"{_fmt(r['open_questions'])} | {_fmt(r['reflection_first'])} | "
            f"{_fmt(r['advice_without_permission'])} | {_fmt(r['user_language'])} | "
            f"{_fmt(r['median_words'], 'median_words')} | "
            f"{_fmt(r['reflection_to_question'], 'reflection_to_question')} | "
            f"{_fmt(r['mirror_grounded'])} | "
            f"{m['max_phase']} ({m['phases_reached'][-1] if m['phases_reached'] else '-'}) | "
            f"{'yes' if m['reached_voornemen'] else 'no'} | {crisis} | {advice} |"
        )
    lines += [
        "",
        "## Supervisor requests",
        "",
        "| theme | phase | n | distinct | open | sourced | result |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in data["supervisor_requests"]:
        sc = r["score"]
        lines.append(
            f"| {r['request']['theme']} | {r['request'].get('phase') or 'all'} | "
            f"{sc['n_returned']}/{sc['n_requested']} | {sc['n_distinct']} | "
            f"{sc['n_open']} | {sc['n_sourced']} | "
            f"{'pass' if sc['ok'] else '**FAIL**: ' + '; '.join(sc['issues'])} |"
        )
    lines += ["", "## Example exchanges (verbatim)", ""]
    for sid, t, label in _examples(data["sessions"]):
        verdict = "; ".join((t.get("problems") or []) + t.get("flags", [])) or "no problems"
        lines += [
            f"**{label}** ({sid}, turn {t['index'] + 1}, phase {t.get('phase') or '-'}; {verdict})",
            "",
            "> **user:** " + t["user"].replace("\n", " "),
            ">",
            "> **coach:** " + t["reply"].replace("\n", "\n> "),
            "",
        ]
    return "\n".join(lines)


def chart(data: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [r for r in data["verdicts"] if r["key"] != "median_words"]
    words = next(r for r in data["verdicts"] if r["key"] == "median_words")
    agg = data["aggregate"]
    # Measures without a target, in grey: what the surface rules do not see.
    extra = [
        ("advice_requests_handled", "Advice requests handed back"),
        ("mirror_grounded", "Mirror uses this message's words"),
        ("all_ok", "Turns meeting every rule"),
    ]
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(11, 5.6), width_ratios=[5, 1.2])
    labels = [
        r["label"].replace(" (of all questions)", "").replace(" (113 + 112)", "")
        + f"\n(target {r['comparison']} {r['target'] * 100:g}%)"
        for r in rows
    ] + [f"{label}\n(no target)" for _, label in extra]
    raw = [r["value"] for r in rows] + [agg.get(k) for k, _ in extra]
    values = [(v or 0) * 100 for v in raw]
    colors = [
        "#9e9e9e" if r["pass"] is None else ("#4caf50" if r["pass"] else "#e53935") for r in rows
    ] + ["#9e9e9e"] * len(extra)
    y = list(range(len(values)))
    ax.barh(y, values, color=colors)
    for i, r in enumerate(rows):
        ax.plot([r["target"] * 100] * 2, [i - 0.42, i + 0.42], color="black", lw=2.5)
    for i, v in enumerate(values):
        inside = v > 20
        ax.text(
            v - 1 if inside else v + 1,
            i,
            "n/a" if raw[i] is None else f"{v:.1f}%",
            va="center",
            ha="right" if inside else "left",
            color="white" if inside else "black",
            fontsize=9,
            fontweight="bold",
        )
    ax.axhline(len(rows) - 0.5, color="#555555", lw=0.8, ls="--")
    ax.set_yticks(y, labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 102)
    ax.set_xlabel("% of ordinary turns (open: of questions; crisis: of crisis turns)")
    ax.set_title("Rates vs targets (black line = target; green pass, red fail)", fontsize=10)
    wv = words["value"] or 0
    ax2.bar([0], [wv], color="#4caf50" if words["pass"] else "#e53935", width=0.6)
    ax2.axhline(words["target"], color="black", lw=2)
    ax2.set_xticks([0], ["median words"])
    ax2.set_ylim(0, max(words["target"], wv) * 1.25)
    ax2.text(0, wv + 1, f"{wv:g}", ha="center")
    ax2.set_title(f"Words (target <= {words['target']:g})")
    model = Path(data["meta"]["model"]).name
    fig.suptitle(f"Reflection quality: {model}, {data['aggregate']['turns']} turns", fontsize=11)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


# --- main ------------------------------------------------------------------------------------


def load_inputs(limit: int | None, only: list[str]) -> tuple[list[dict], list[dict]]:
    convs = [
        json.loads(p.read_text(encoding="utf-8")) for p in sorted(CONVERSATIONS.glob("*.json"))
    ]
    if only:
        convs = [c for c in convs if c["id"] in only]
    requests = json.loads(REQUESTS.read_text(encoding="utf-8"))
    if limit is not None:
        convs, requests = convs[:limit], requests[:limit]
    return convs, requests


def main() -> None:
    global COACH
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--model", default=None, help="GGUF name in models/ or a path (default: the bundled model)"
    )
    ap.add_argument(
        "--limit",
        type=int,
        default=None,
        help="only the first N conversations and N supervisor requests",
    )
    ap.add_argument("--only", nargs="*", default=[], help="conversation ids to run")
    ap.add_argument(
        "--home",
        type=Path,
        default=None,
        help="COACH_HOME to use and keep (default: a temporary folder)",
    )
    ap.add_argument("--name", default="eval-quality", help="output name under docs/")
    ap.add_argument(
        "--coach", type=Path, default=COACH, help="the coach executable (default: .venv/bin/coach)"
    )
    ap.add_argument(
        "--resume",
        action="store_true",
        help="with --home: keep the conversations a killed run finished (raw-partial.json)",
    )
    ap.add_argument(
        "--rescore",
        type=Path,
        default=None,
        help="score the replies stored in this eval JSON again, without a model",
    )
    ap.add_argument(
        "--raw",
        type=Path,
        default=None,
        help="score the raw-runs.json a run left in its --home, without a model",
    )
    args = ap.parse_args()
    COACH = args.coach

    if args.rescore:
        old = json.loads(args.rescore.read_text(encoding="utf-8"))
        runs = [
            {
                **s["run"],
                "conversation": s["conversation"],
                "records": [
                    {
                        k: t[k]
                        for k in (
                            "turn",
                            "user",
                            "reply",
                            "phase",
                            "sources",
                            "crisis",
                            "ttft_s",
                            "total_s",
                        )
                        if k in t
                    }
                    for t in s["turns"]
                ],
            }
            for s in old["sessions"]
        ]
        requests = [
            {k: v for k, v in r.items() if k != "score"} for r in old["supervisor_requests"]
        ]
        meta = old["meta"]
    elif args.raw:
        raw = json.loads(args.raw.read_text(encoding="utf-8"))
        runs, requests, meta = raw["runs"], raw["requests"], raw["meta"]
    else:
        convs, req_specs = load_inputs(args.limit, args.only)
        home = args.home or Path(tempfile.mkdtemp(prefix="coach-eval-"))
        home.mkdir(parents=True, exist_ok=True)
        log(f"COACH_HOME={home}; {len(convs)} conversations, {len(req_specs)} requests")
        state_before = code_state()
        runs, requests = [], []
        partial = home / "raw-partial.json"
        if args.resume and partial.exists():
            done = {c["id"] for c in convs}
            runs = [
                r
                for r in json.loads(partial.read_text())
                if r["returncode"] == 0
                and r["conversation"]["id"] in done
                and len(r["records"]) == len(r["conversation"]["messages"])
            ]
            kept = {r["conversation"]["id"] for r in runs}
            log(f"resuming: {len(kept)} conversations already done: {', '.join(sorted(kept))}")
            convs = [c for c in convs if c["id"] not in kept]
        try:
            for i, conv in enumerate(convs, 1):
                log(
                    f"conversation {i}/{len(convs)}: {conv['id']} ({len(conv['messages'])} "
                    f"messages)"
                )
                run = run_conversation(conv, home, args.model)
                runs.append({**run, "conversation": conv})
                if args.home is not None:
                    (home / "raw-partial.json").write_text(json.dumps(runs, ensure_ascii=False))
                log(f"  done in {run['wall_s']:.0f}s, exit {run['returncode']}")
            for i, req in enumerate(req_specs, 1):
                log(f"supervisor request {i}/{len(req_specs)}: {req['theme']}")
                requests.append({"request": req, **run_request(req, home)})
        finally:
            if args.home is None:
                shutil.rmtree(home, ignore_errors=True)
        model = args.model or str(ROOT / "models" / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf")
        meta = {
            "model": model,
            "machine": machine(),
            "limit": args.limit,
            "only": args.only,
            # Sum of the subprocess times, so a resumed run still reports the whole cost.
            "wall_s": round(sum(r["wall_s"] for r in runs + requests), 1),
            "resumed": bool(args.resume),
            "code": state_before,
            "code_changed_during_run": code_state() != state_before,
        }
        if args.home is not None:  # keep the raw output, so a scoring change needs no rerun
            (home / "raw-runs.json").write_text(
                json.dumps({"runs": runs, "requests": requests, "meta": meta}, ensure_ascii=False)
            )

    data = score_all(runs, requests)
    data["meta"] = meta
    for s, run in zip(data["sessions"], runs, strict=True):
        s["conversation"] = run["conversation"]
    data = {"meta": data.pop("meta"), **data}
    DOCS.mkdir(exist_ok=True)
    (DOCS / f"{args.name}.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    table = markdown(data)
    (DOCS / f"{args.name}.md").write_text(table.strip() + "\n", encoding="utf-8")
    chart(data, DOCS / f"{args.name}.png")
    print(table)
    log(f"wrote docs/{args.name}.json, .md, .png")


if __name__ == "__main__":
    main()
