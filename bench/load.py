"""Load: several people at once, each a short conversation through the web app, with the model
in the app against the model on an inference server with parallel slots, in one run.

Every person logs in (auth = "accounts") in a browser context of their own (one headless
Chromium) and types their messages, each naming a colleague only they talk about, waiting for
every reply. Measured per backend: the time of each turn from the click to the stored turn,
the run's wall time and throughput (turns per minute), errors, and cross-talk (another person's
colleague in someone's chat). The model chooser is on in both runs, so every turn asks the
model. Backends: "in-process" (llama.cpp in the app, one call at a time) and "server"
(llama.cpp's llama-server with --parallel N on loopback, the app's openai backend with
model_slots = N). llama-server is not a pip package: build it once from the llama.cpp sources
that come with llama-cpp-python's sdist (scripts/build_llama_server.sh).

Usage: python bench/load.py --server-bin PATH [--users 8] [--turns 5] [--slots 8]
Writes docs/bench-load-web.{json,md}.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from common import machine, median, pct, write

from app.services import Coach
from app.settings import Settings

PASSWORD = "een lang wachtwoord voor de meting"
COLLEAGUES = ["Aafke", "Bram", "Cees", "Dewi", "Eline", "Fleur", "Gijs", "Hanna", "Ilse", "Joost"]
MESSAGES = [
    "Ik had gisteren een lastig gesprek met {m} over het rooster van volgende week.",
    "Ik voelde me niet gehoord toen {m} mijn voorstel meteen van tafel veegde.",
    "Eigenlijk wilde ik dat {m} eerst vroeg hoe het met mij ging, voordat het over werk ging.",
    "Ik merk dat ik vaak stil word als {m} in het overleg de toon zet.",
    "Volgende keer zeg ik tegen {m} wat ik nodig heb voordat ik ergens mee instem.",
]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, limit: float) -> None:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {limit:.0f} s")


def serve_app(settings: Settings, users: list[str]) -> tuple[str, Any]:
    """The web app in this process (uvicorn in a thread), with an account per person."""
    import uvicorn

    from app import web

    coach = Coach(settings).open()
    coach.ready()
    coach.warm()
    for name in users:
        coach.accounts.add(name, PASSWORD)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(web.build_app(coach), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    url = f"http://127.0.0.1:{port}/"
    wait_http(url, 120)

    def stop() -> None:
        server.should_exit = True
        time.sleep(1)
        coach.close()

    return url, stop


async def person(browser: Any, url: str, name: str, colleague: str, turns: int) -> dict[str, Any]:
    context = await browser.new_context(viewport={"width": 1280, "height": 1000})
    page = await context.new_page()
    out: dict[str, Any] = {"name": name, "turn_s": [], "errors": [], "chat": ""}
    try:
        await page.goto(url, wait_until="load")
        await page.locator("input[type=text], input:not([type])").first.fill(name)
        await page.locator("input[type=password]").fill(PASSWORD)
        await page.keyboard.press("Enter")
        await page.wait_for_selector("#message textarea", timeout=120_000)
        for n, message in enumerate(MESSAGES[:turns], start=1):
            started = time.perf_counter()
            await page.fill("#message textarea", message.format(m=colleague))
            await page.click("#send")
            await page.wait_for_function(
                "n => (document.querySelector('#session-pick input')?.value || '')"
                ".endsWith('(' + n + ')')",
                arg=n,
                timeout=900_000,
            )
            out["turn_s"].append(time.perf_counter() - started)
        await page.wait_for_timeout(500)
        out["chat"] = await page.inner_text("#chat")
    except Exception as exc:  # counted and reported, the run goes on
        out["errors"].append(f"{type(exc).__name__}: {str(exc)[:200]}")
    finally:
        await context.close()
    return out


async def crowd(url: str, users: list[str], turns: int) -> tuple[list[dict[str, Any]], float]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        started = time.perf_counter()
        results = await asyncio.gather(
            *(person(browser, url, u, COLLEAGUES[i], turns) for i, u in enumerate(users))
        )
        wall = time.perf_counter() - started
        await browser.close()
    return list(results), wall


def summarise(results: list[dict[str, Any]], wall: float, users: list[str]) -> dict[str, Any]:
    times = [t for r in results for t in r["turn_s"]]
    crosstalk = 0
    for i, r in enumerate(results):
        others = [COLLEAGUES[j] for j in range(len(users)) if j != i]
        crosstalk += sum(1 for c in others if c in r["chat"])
        if r["chat"] and COLLEAGUES[i] not in r["chat"]:
            r["errors"].append("own messages missing from the chat")
    return {
        "turns": len(times),
        "errors": sum(len(r["errors"]) for r in results),
        "error_lines": [e for r in results for e in r["errors"]],
        "crosstalk": crosstalk,
        "turn_s_p50": round(median(times), 2),
        "turn_s_p95": round(pct(times, 0.95), 2),
        "wall_s": round(wall, 1),
        "turns_per_minute": round(60 * len(times) / wall, 2) if wall else 0.0,
    }


def start_llama_server(binary: Path, model: Path, slots: int, threads: int) -> tuple[str, Any]:
    port = free_port()
    log = Path(tempfile.mkstemp(prefix="llama-server-", suffix=".log")[1])
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
        ],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    end = time.monotonic() + 300
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit(f"llama-server stopped:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.5)

    def stop() -> None:
        proc.terminate()
        proc.wait(30)

    return base + "/v1", stop


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--server-bin", type=Path, required=True, help="llama.cpp's llama-server")
    ap.add_argument("--users", type=int, default=8)
    ap.add_argument("--turns", type=int, default=5)
    ap.add_argument("--slots", type=int, default=8)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    users = [f"persoon{i + 1}" for i in range(args.users)]
    root = Path(tempfile.mkdtemp(prefix="coach-load-"))
    figures: dict[str, Any] = {"machine": machine(), "users": args.users, "turns": args.turns}
    try:
        base = Settings(home=root / "a", auth="accounts", chooser="model", n_threads=args.threads)
        model = Coach(base).model_path
        url, stop = serve_app(base, users)
        try:
            figures["in-process"] = summarise(*asyncio.run(crowd(url, users, args.turns)), users)
            print("in-process:", figures["in-process"], flush=True)
        finally:
            stop()
        api, stop_server = start_llama_server(args.server_bin, model, args.slots, args.threads)
        try:
            remote = base.replace(
                home=root / "b",
                backend="openai",
                base_url=api,
                model="default",
                model_slots=args.slots,
                server_timeout=600.0,
            )
            url, stop = serve_app(remote, users)
            try:
                figures["server"] = summarise(*asyncio.run(crowd(url, users, args.turns)), users)
                print("server:", figures["server"], flush=True)
            finally:
                stop()
        finally:
            stop_server()
        figures["slots"] = args.slots
        local, server = figures["in-process"], figures["server"]
        figures["throughput_ratio"] = (
            round(server["turns_per_minute"] / local["turns_per_minute"], 2)
            if local["turns_per_minute"]
            else None
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)
    rows = [("turns done / errors / cross-talk", "turns", "errors", "crosstalk")]
    table = [
        f"Load, {args.users} people at once, {args.turns} turns each, through the web app "
        f"(accounts, model chooser on), one run ({figures['machine']['cores']} cores).",
        "",
        "| figure | in-process (llama.cpp in the app) | server (llama-server, "
        f"{args.slots} slots) |",
        "|---|---|---|",
    ]
    for label, *keys in rows:
        table.append(
            f"| {label} | "
            + " / ".join(str(local[k]) for k in keys)
            + " | "
            + " / ".join(str(server[k]) for k in keys)
            + " |"
        )
    for label, key in (
        ("turn p50 (s)", "turn_s_p50"),
        ("turn p95 (s)", "turn_s_p95"),
        ("wall time (s)", "wall_s"),
        ("throughput (turns per minute)", "turns_per_minute"),
    ):
        table.append(f"| {label} | {local[key]} | {server[key]} |")
    table += ["", f"Throughput, server / in-process: {figures['throughput_ratio']}x."]
    write("bench-load-web", figures, "\n".join(table))


if __name__ == "__main__":
    main()
