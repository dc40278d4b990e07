"""Speed benchmark: start-up, first turn and whole turn, against baselines in the same run.

Runs a 20-turn Dutch conversation through the real engine with the default model (the model picks
a reflection and a question in two tokens), through the engine with the rules chooser (no model
call), and through a naive layout in which the model writes the reply itself (retrieved card text
in the system prompt, the whole history as chat turns, the reply generated token by token under a
grammar), all in one process. Also: generation speed through our wrapper against raw
llama-cpp-python, retrieval latency, the first-run index build with and without the shipped
vectors, and cold start to a ready UI with and without the saved prompt state.
Writes docs/bench-speed.{json,md,png}. Usage: python bench/speed.py [--turns N] [--model PATH]
"""

from __future__ import annotations

import argparse
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import DOCS, ROOT, machine, median, pct, write

from app.core.chat_model import Generation
from app.services import Coach
from app.settings import Settings

NAIVE_SYSTEM = (
    "Je bent een reflectiecoach in de traditie van Nederlandse supervisie. Antwoord met één korte "
    "zin die spiegelt wat de persoon zei, in de jij-vorm, en dan precies één open vraag uit de "
    "lijst."
)


def naive_grammar(questions: list[str]) -> str:
    """The free-writing layout of the first build: a generated mirror, then a listed question."""
    options = " | ".join('"' + q.replace('"', '\\"') + '"' for q in questions)
    return f'root ::= "Je " [^.?!\\n]{{6,130}} "." " " ({options})\n'


MESSAGES = [
    "Vorige week had ik een gesprek met een ouder dat helemaal misliep.",
    "Ik wil leren hoe ik rustig blijf als iemand boos op me wordt.",
    "De moeder werd steeds bozer omdat haar zoon een onvoldoende had.",
    "Ik voelde me aangevallen en klein.",
    "Ik dacht: ik heb het vast verkeerd gedaan.",
    "Ik wilde vooral dat het gesprek snel voorbij was.",
    "Ik zei bijna niets en knikte alleen.",
    "Zij wilde denk ik dat iemand haar zoon echt zag.",
    "Ik merk dat ik vaker stil word als iemand boos is.",
    "Thuis deed ik dat vroeger ook al, dan hield ik me gedeisd.",
    "Het patroon is dat ik conflict uit de weg ga.",
    "Eigenlijk vind ik het belangrijk dat ouders zich gehoord voelen.",
    "Maar ik vergeet mezelf daarbij.",
    "Ik zou kunnen benoemen wat ik zie, dat ze boos is.",
    "Of ik kan vragen wat ze van mij nodig heeft.",
    "Een collega doet dat heel goed, die blijft rustig.",
    "Ik wil dat ook proberen bij het volgende oudergesprek.",
    "Volgende week heb ik weer een gesprek met deze moeder.",
    "Ik ga dan eerst benoemen wat ik hoor voordat ik reageer.",
    "Ik schrijf het op een briefje zodat ik het niet vergeet.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def our_layout(coach: Coach, messages: list[str], label: str = "ours") -> list[dict]:
    sid = coach.sessions.create("bench").id
    out = []
    for i, message in enumerate(messages, 1):
        t0 = time.perf_counter()
        first = None
        for event in coach.engine.respond(sid, message):
            if event.kind in ("delta", "reset") and event.text and first is None:
                first = time.perf_counter() - t0
        total = time.perf_counter() - t0
        out.append({"turn": i, "ttft_s": round(first or total, 3), "total_s": round(total, 3)})
        print(
            f"{label} turn {i:2d}: ttft {out[-1]['ttft_s']:.2f}s total {total:.2f}s",
            file=sys.stderr,
        )
    return out


def naive_layout(coach: Coach, messages: list[str]) -> list[dict]:
    """Retrieved card text in the system prompt, full history: the prefix changes every turn."""
    model = coach.model
    system = NAIVE_SYSTEM
    history: list[dict[str, str]] = []
    out = []
    for i, message in enumerate(messages, 1):
        t0 = time.perf_counter()
        cards = coach.knowledge.search(message, k=2, type=["theme", "method", "tip"])
        found = coach.knowledge.search(message, k=3, type="question", lang="nl", threshold=0.0)
        candidates = [p.text for p in found.passages] or ["Wat bedoel je precies?"]
        context = "\n\n".join(p.text for p in cards.passages)
        prompt = [
            {
                "role": "system",
                "content": f"{system}\n\nKennis:\n{context}\n\nKies een "
                f"vraag uit:\n" + "\n".join(f"- {c}" for c in candidates),
            }
        ]
        prompt += history[-12:] + [{"role": "user", "content": message}]
        first, reply = None, ""
        options = Generation(
            max_tokens=coach.settings.max_tokens,
            temperature=coach.settings.temperature,
            seed=coach.settings.seed,
            grammar=naive_grammar(candidates),
        )
        for piece in model.stream(prompt, options):
            if first is None:
                first = time.perf_counter() - t0
            reply += piece
        total = time.perf_counter() - t0
        history += [{"role": "user", "content": message}, {"role": "assistant", "content": reply}]
        out.append({"turn": i, "ttft_s": round(first or total, 3), "total_s": round(total, 3)})
        print(
            f"naive turn {i:2d}: ttft {out[-1]['ttft_s']:.2f}s total {total:.2f}s", file=sys.stderr
        )
    return out


def generation_speed(coach: Coach) -> dict:
    """Tokens per second after the first token: our wrapper against raw llama-cpp-python."""
    model = coach.model
    llama = model.raw()  # type: ignore[attr-defined]
    messages = [
        {"role": "system", "content": "Je bent een behulpzame assistent."},
        {"role": "user", "content": "Schrijf een lang verhaal over een schooldag."},
    ]
    prompt = model._format(messages)  # type: ignore[attr-defined]
    n = 96

    def timed(stream) -> float:  # type: ignore[no-untyped-def]
        t0, first, count = time.perf_counter(), None, 0
        for _ in stream:
            count += 1
            if first is None:
                first = time.perf_counter()
        return (count - 1) / (time.perf_counter() - (first or t0))

    ours, raw = [], []
    for rep in range(3):
        llama.reset()
        raw.append(
            timed(
                llama.create_completion(
                    prompt, max_tokens=n, temperature=0.0, seed=rep, stream=True
                )
            )
        )
        llama.reset()
        ours.append(
            timed(model.stream(messages, Generation(max_tokens=n, temperature=0.0, seed=rep)))
        )
    return {
        "ours_tok_s": round(median(ours), 2),
        "raw_tok_s": round(median(raw), 2),
        "ratio": round(median(ours) / median(raw), 3),
    }


def cold_start(model: str, home: str, keep_state: bool, chooser: str = "rules") -> float | None:
    """Seconds from launching `coach serve` until the page answers; with the model chooser, with
    the saved prompt state of an earlier start or without it."""
    import shutil

    env = dict(__import__("os").environ, COACH_HOME=home, COACH_CHOOSER=chooser)
    if not keep_state:
        shutil.rmtree(Path(home) / "cache", ignore_errors=True)
    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [str(ROOT / ".venv/bin/coach"), "serve", "--port", str(port), "--model", model],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while time.perf_counter() - t0 < 300:
            if proc.poll() is not None:
                return None
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    if r.status == 200:
                        return round(time.perf_counter() - t0, 2)
            except OSError:
                time.sleep(0.2)
        return None
    finally:
        proc.terminate()
        proc.wait(30)


def first_index(shipped: bool) -> float:
    """Seconds to build the index in an empty data folder, with or without shipped vectors."""
    with tempfile.TemporaryDirectory() as home:
        coach = Coach(Settings(home=Path(home))).open()
        if not shipped:
            coach.knowledge.shipped_vectors = dict  # type: ignore[method-assign]
        coach.knowledge.store.count()
        t0 = time.perf_counter()
        coach.ready()
        took = time.perf_counter() - t0
        coach.close()
    return round(took, 2)


def plot(ours: list[dict], naive: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4))
    ax.plot([r["turn"] for r in naive], [r["ttft_s"] for r in naive], "o-", label="naive layout")
    ax.plot([r["turn"] for r in ours], [r["ttft_s"] for r in ours], "o-", label="our layout")
    ax.set_xlabel("turn")
    ax.set_ylabel("time to first token (s)")
    ax.set_title("Time to first token per turn (default model, 2 cores)")
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--model", default="default")
    args = parser.parse_args()
    messages = MESSAGES[: args.turns]
    index_full_s = first_index(shipped=False)
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home), model=args.model, chooser="model")
        coach = Coach(settings).open()
        t0 = time.perf_counter()
        coach.knowledge.store.count()  # imports chromadb and loads the embedder
        open_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        coach.ready()
        index_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        how = coach.engine.warm()
        warm_s = time.perf_counter() - t0
        ours = our_layout(coach, messages, "model chooser")
        coach.engine.chooser.mode = "rules"
        rules = our_layout(coach, messages, "default")
        coach.engine.chooser.mode = "model"
        naive = naive_layout(coach, messages)
        speed = generation_speed(coach)
        lat = []
        for m in messages:
            t = time.perf_counter()
            coach.knowledge.search(m, k=3, type="question", phase=2, lang="nl")
            lat.append((time.perf_counter() - t) * 1000)
        coach.close()
        cold_evaluated = cold_start(args.model, home, keep_state=False, chooser="model")
        cold_restored = cold_start(args.model, home, keep_state=True, chooser="model")
        cold_default = cold_start(args.model, home, keep_state=True)
    with tempfile.TemporaryDirectory() as empty:
        cold_empty = cold_start(args.model, empty, keep_state=True)
    start = cold_restored
    later = [r["ttft_s"] for r in ours[1:]]
    naive_later = [r["ttft_s"] for r in naive[1:]]
    totals = [r["total_s"] for r in ours]
    rules_totals = [r["total_s"] for r in rules]
    summary = {
        "default_first_turn_s": rules[0]["total_s"],
        "default_turn_total_p50_s": round(median(rules_totals), 3),
        "default_turn_total_p95_s": round(pct(rules_totals, 0.95), 3),
        "cold_start_default_s": cold_default,
        "cold_start_empty_data_folder_s": cold_empty,
        "first_turn_ttft_s": ours[0]["ttft_s"],
        "ttft_p50_from_turn2_s": round(median(later), 3),
        "turn_total_p50_s": round(median(totals), 3),
        "turn_total_p95_s": round(pct(totals, 0.95), 3),
        "rules_turn_total_p50_s": round(median([r["total_s"] for r in rules]), 3),
        "turn_last_over_turn2": round(ours[-1]["ttft_s"] / ours[1]["ttft_s"], 3),
        "naive_ttft_p50_from_turn2_s": round(median(naive_later), 3),
        "naive_over_ours_ttft": round(median(naive_later) / median(later), 2),
        "generation": speed,
        "retrieval_ms_p50": round(median(lat), 2),
        "retrieval_ms_p95": round(pct(lat, 0.95), 2),
        "index_open_s": round(open_s, 2),
        "index_build_s": round(index_s, 2),
        "index_build_without_shipped_vectors_s": index_full_s,
        "prefix_warmup_s": round(warm_s, 2),
        "prefix_warmup_was": how,
        "cold_start_to_ui_s": start,
        "cold_start_evaluating_prefix_s": cold_evaluated,
        "cold_start_ratio": round(cold_evaluated / start, 2) if start and cold_evaluated else None,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    plot(ours, naive, DOCS / "bench-speed.png")
    s = summary
    table = f"""Speed, {len(messages)}-turn Dutch conversation, default model, all layouts in one run.
The code writes every reply. "Default": the rules pick the reflection and the question (no model
call). "Model chooser": the model picks the pair in two tokens. "Naive": the model writes the
reply token by token, card text and history in the prompt (the first build's layout).

| figure | value | target |
|---|---|---|
| first turn, whole turn (default) | {s["default_first_turn_s"]} s | <= 1.5 s to first token |
| whole turn p50 / p95 (default) | {s["default_turn_total_p50_s"]} / {s["default_turn_total_p95_s"]} s | <= 2.5 / 4 s |
| cold start to a ready UI (default, built index) | {s["cold_start_default_s"]} s | <= 5 s |
| first start with an empty data folder, to a ready UI | {s["cold_start_empty_data_folder_s"]} s | <= 10 s |
| first turn, time to first token (model chooser) | {s["first_turn_ttft_s"]} s | |
| time to first token p50, turns 2+ (model chooser) | {s["ttft_p50_from_turn2_s"]} s | |
| time to first token p50, turns 2+ (naive) | {s["naive_ttft_p50_from_turn2_s"]} s | |
| naive / model chooser, time to first token | {s["naive_over_ours_ttft"]}x | |
| last turn / turn 2, time to first token (model chooser) | {s["turn_last_over_turn2"]} | <= 1.3 |
| whole turn p50 / p95 (model chooser) | {s["turn_total_p50_s"]} / {s["turn_total_p95_s"]} s | |
| generation tok/s, ours / raw llama-cpp-python | {speed["ours_tok_s"]} / {speed["raw_tok_s"]} = {speed["ratio"]} | >= 0.95 |
| retrieval (embed + search) p50 / p95 | {s["retrieval_ms_p50"]} / {s["retrieval_ms_p95"]} ms | p50 <= 30 ms |
| opening chromadb and loading the embedder | {s["index_open_s"]} s | |
| first run: building the index from the shipped vectors | {s["index_build_s"]} s | |
| same, embedding every passage | {s["index_build_without_shipped_vectors_s"]} s | |
| evaluating the fixed prompt prefix at start-up | {s["prefix_warmup_s"]} s | |
| cold start to a ready UI, model chooser, saved prompt state | {s["cold_start_to_ui_s"]} s | |
| same, evaluating the prefix | {s["cold_start_evaluating_prefix_s"]} s ({s["cold_start_ratio"]}x) | |
| peak memory (benchmark process) | {s["peak_rss_mb"]} MB | |

![time to first token per turn](bench-speed.png)
"""
    write(
        "bench-speed",
        {"machine": machine(), "summary": summary, "ours": ours, "rules": rules, "naive": naive},
        table,
    )


if __name__ == "__main__":
    main()
