"""Load on the model alone: the chooser calls of the web load run (bench/load.py), first one at
a time in the app's own llama.cpp, then eight at a time on llama.cpp's llama-server with eight
slots, in one run; optionally the server again with other flags.

It tells how much of the web run's difference is the model itself. The calls are collected by
running the web run's 8 people x 5 messages through the engine (model chooser on), person after
person per turn, as the server would see them; the in-process time of each call is measured
there. The server then answers the same calls in waves of eight (one wave per turn), after its
slots hold the chooser's fixed prompt. Same answers are counted: both use greedy decoding.

Usage: python bench/load_model.py --server-bin PATH [--flags "-fa on" --flags "--kv-unified"]
Writes docs/bench-load-model.{json,md}.
"""

from __future__ import annotations

import argparse
import shlex
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from common import machine, write
from load import COLLEAGUES, MESSAGES, free_port

from app.adapters.openai_model import OpenAIChatModel
from app.core.chat_model import ChatModel, Generation, Messages
from app.services import Coach
from app.settings import Settings

USERS = 8


def collect(threads: int) -> tuple[list[dict[str, Any]], Path]:
    """The chooser calls of 8 people x 5 messages, with their in-process time and answer."""
    coach = Coach(
        Settings(
            home=Path(tempfile.mkdtemp(prefix="coach-load-model-")),
            chooser="model",
            n_threads=threads,
        )
    )
    coach.ready()
    coach.warm()
    model = coach.engine.chooser.model
    calls: list[dict[str, Any]] = []
    plain = model.complete

    def timed(messages: Messages, options: Generation | None = None) -> str:
        started = time.perf_counter()
        out = plain(messages, options)
        calls.append(
            {
                "messages": messages,
                "options": options,
                "s": time.perf_counter() - started,
                "out": out,
            }
        )
        return out

    model.complete = timed  # type: ignore[method-assign]
    sids = [coach.sessions.create().id for _ in range(USERS)]
    for message in MESSAGES:
        for i, sid in enumerate(sids):
            coach.engine.run(sid, message.format(m=COLLEAGUES[i]))
    path = coach.model_path
    coach.close()
    return calls, path


def serve(binary: Path, model: Path, slots: int, threads: int, flags: list[str]) -> tuple[str, Any]:
    import subprocess

    port = free_port()
    proc = subprocess.Popen(
        [
            str(binary),
            "-m",
            str(model),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--parallel",
            str(slots),
            "-c",
            str(4096 * slots),
            "-t",
            str(threads),
            *flags,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    end = time.monotonic() + 300
    while time.monotonic() < end:  # 503 while the model loads, 200 once it can answer
        if proc.poll() is not None:
            raise SystemExit("llama-server stopped while starting")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    return f"http://127.0.0.1:{port}/v1", proc


def replay(api: str, calls: list[dict[str, Any]], slots: int) -> dict[str, Any]:
    server: ChatModel = OpenAIChatModel(api, slots=slots, timeout=900.0)
    server.warm(calls[0]["messages"][:-1])
    same = 0
    started = time.perf_counter()
    for n in range(0, len(calls), USERS):
        wave = calls[n : n + USERS]
        with ThreadPoolExecutor(slots) as pool:
            outs = list(pool.map(lambda c: server.complete(c["messages"], c["options"]), wave))
        same += sum(o.strip() == c["out"].strip() for o, c in zip(outs, wave, strict=True))
    return {"s": round(time.perf_counter() - started, 1), "same_answer": same}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--server-bin", type=Path, required=True, help="llama.cpp's llama-server")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--flags", action="append", default=[], help="other llama-server flags")
    args = ap.parse_args()
    calls, model = collect(args.threads)
    local = round(sum(c["s"] for c in calls), 1)
    figures: dict[str, Any] = {"machine": machine(), "calls": len(calls), "in-process_s": local}
    runs = [("default", [])] + [(f, shlex.split(f)) for f in args.flags]
    for label, flags in runs:
        api, proc = serve(args.server_bin, model, USERS, args.threads, flags)
        try:
            figures[f"server {label}"] = replay(api, calls, USERS)
        finally:
            proc.terminate()
            proc.wait(30)
        print(label, figures[f"server {label}"], flush=True)
    table = [
        f"Load on the model alone: {len(calls)} chooser calls of 8 people x 5 messages, one run "
        f"({figures['machine']['cores']} cores, {args.threads} threads for the model).",
        "",
        "| backend | seconds | calls per minute | against in-process | same answer |",
        "|---|---|---|---|---|",
        f"| in-process, one at a time | {local} | {round(60 * len(calls) / local, 1)} | 1.00x | |",
    ]
    for label, _ in runs:
        r = figures[f"server {label}"]
        table.append(
            f"| llama-server, {USERS} slots, {USERS} at a time ({label}) | {r['s']} | "
            f"{round(60 * len(calls) / r['s'], 1)} | {round(local / r['s'], 2)}x | "
            f"{r['same_answer']} of {len(calls)} |"
        )
    write("bench-load-model", figures, "\n".join(table))


if __name__ == "__main__":
    main()
