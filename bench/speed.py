"""Speed benchmark: time to first token and turn time, our prompt layout against a naive one.

Runs a 20-turn Dutch conversation through the real engine with the default model, then the same
messages through a naive layout (retrieved card text in the system prompt, the whole history as
chat turns) in the same process; measures generation speed through our model wrapper against raw
llama-cpp-python, retrieval latency, index build time, cold start to a ready UI and peak memory.
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

from app.chat_model import Generation
from app.engine import grammar
from app.services import Coach
from app.settings import Settings

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


def our_layout(coach: Coach, messages: list[str]) -> list[dict]:
    sid = coach.sessions.create("bench").id
    out = []
    for i, message in enumerate(messages, 1):
        t0 = time.perf_counter()
        first = None
        for event in coach.engine.respond(sid, message):
            if event.kind == "delta" and first is None:
                first = time.perf_counter() - t0
        total = time.perf_counter() - t0
        out.append({"turn": i, "ttft_s": round(first or total, 3), "total_s": round(total, 3)})
        print(
            f"ours  turn {i:2d}: ttft {out[-1]['ttft_s']:.2f}s total {total:.2f}s", file=sys.stderr
        )
    return out


def naive_layout(coach: Coach, messages: list[str]) -> list[dict]:
    """Retrieved card text in the system prompt, full history: the prefix changes every turn."""
    engine, model = coach.engine, coach.model
    system = engine._system
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
            grammar=grammar("nl", candidates),
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


def cold_start(model: str) -> float | None:
    """Seconds from launching `coach serve` until the page answers, with a built index."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(__import__("os").environ, COACH_HOME=home)
        subprocess.run(
            [str(ROOT / ".venv/bin/coach"), "kb", "status"],
            env=env,
            capture_output=True,
            check=False,
        )
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
                    time.sleep(0.5)
            return None
        finally:
            proc.terminate()
            proc.wait(30)


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
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(home=Path(home), model=args.model)
        coach = Coach(settings).open()
        t0 = time.perf_counter()
        coach.knowledge.store.count()  # imports chromadb and loads the embedder
        open_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        coach.ready()
        index_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        coach.engine.warm()
        warm_s = time.perf_counter() - t0
        ours = our_layout(coach, messages)
        naive = naive_layout(coach, messages)
        speed = generation_speed(coach)
        lat = []
        for m in messages:
            t = time.perf_counter()
            coach.knowledge.search(m, k=3, type="question", phase=2, lang="nl")
            lat.append((time.perf_counter() - t) * 1000)
        coach.close()
    start = cold_start(args.model)
    later = [r["ttft_s"] for r in ours[1:]]
    naive_later = [r["ttft_s"] for r in naive[1:]]
    summary = {
        "ttft_p50_from_turn2_s": round(median(later), 3),
        "turn_total_p50_s": round(median([r["total_s"] for r in ours]), 3),
        "turn_last_over_turn2": round(ours[-1]["ttft_s"] / ours[1]["ttft_s"], 3),
        "naive_ttft_p50_from_turn2_s": round(median(naive_later), 3),
        "naive_over_ours_ttft": round(median(naive_later) / median(later), 2),
        "generation": speed,
        "retrieval_ms_p50": round(median(lat), 2),
        "retrieval_ms_p95": round(pct(lat, 0.95), 2),
        "index_open_s": round(open_s, 2),
        "index_build_s": round(index_s, 2),
        "prefix_warmup_s": round(warm_s, 2),
        "cold_start_to_ui_s": start,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    plot(ours, naive, DOCS / "bench-speed.png")
    s = summary
    table = f"""Speed, {len(messages)}-turn Dutch conversation, default model, same run for both layouts.

| figure | value | target |
|---|---|---|
| time to first token p50, turns 2+ (our layout) | {s["ttft_p50_from_turn2_s"]} s | <= 1.5 s |
| time to first token p50, turns 2+ (naive layout) | {s["naive_ttft_p50_from_turn2_s"]} s | |
| naive / ours, time to first token | {s["naive_over_ours_ttft"]}x | >= 3x |
| last turn / turn 2, time to first token | {s["turn_last_over_turn2"]} | <= 1.3 |
| whole turn p50 | {s["turn_total_p50_s"]} s | <= 6 s |
| generation tok/s, ours / raw llama-cpp-python | {speed["ours_tok_s"]} / {speed["raw_tok_s"]} = {speed["ratio"]} | >= 0.95 |
| retrieval (embed + search) p50 / p95 | {s["retrieval_ms_p50"]} / {s["retrieval_ms_p95"]} ms | p50 <= 30 ms |
| opening chromadb and loading the embedder | {s["index_open_s"]} s | |
| building the knowledge index | {s["index_build_s"]} s | <= 30 s |
| evaluating the fixed prompt prefix at start-up | {s["prefix_warmup_s"]} s | |
| cold start to a ready UI (`coach serve`) | {s["cold_start_to_ui_s"]} s | |
| peak memory (benchmark process) | {s["peak_rss_mb"]} MB | |

![time to first token per turn](bench-speed.png)
"""
    write(
        "bench-speed",
        {"machine": machine(), "summary": summary, "ours": ours, "naive": naive},
        table,
    )


if __name__ == "__main__":
    main()
