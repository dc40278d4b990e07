"""A server with accounts: each person logs in and sees only their own data.

Handlers are called as Gradio calls them (through the page's error wrapper, with a gr.Request
that names the logged-in user); the login, its cookie and the file route are tried over HTTP
against the real app."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr
import pytest
from fake_openai import free_port
from fakes import FakeChatModel

from app import web
from app.adapters.embedders import HashEmbedder
from app.errors import SettingsError
from app.services import Coach
from app.settings import Settings
from app.web.base import _friendly

MARKER = "Zebrapad-4711"
PASSWORD = "een lang wachtwoord"


@pytest.fixture
def server_coach(tmp_path: Path, hash_home: Path) -> Iterator[Coach]:
    home = tmp_path / "home"
    shutil.copytree(hash_home, home)
    coach = Coach(
        Settings(home=home, auth="accounts"), model=FakeChatModel(), embedder=HashEmbedder()
    ).open()
    coach.ready()
    coach.accounts.add("anna", PASSWORD)
    coach.accounts.add("bert", PASSWORD)
    assert coach.login("anna", PASSWORD) and coach.login("Bert ", PASSWORD)
    assert not coach.login("anna", "niet het wachtwoord")
    yield coach
    coach.close()


def as_user(name: str, fn: Any, *args: Any) -> Any:
    """Call a handler as Gradio does for a logged-in user; run a streamed one to its end."""
    result = _friendly(fn)(*args, gr.Request(username=name))
    return list(result) if isinstance(result, Iterator) else result


def test_accounts_mode_needs_an_account(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="coach users add"):
        web.check_bind(Settings(home=tmp_path, auth="accounts"))


def test_one_user_reaches_nothing_of_another(server_coach: Coach, tmp_path: Path) -> None:
    h = web.Handlers(server_coach)
    iv = web.IntervisieHandlers(server_coach) if hasattr(web, "IntervisieHandlers") else None
    if iv is None:
        from app.web.intervisie import IntervisieHandlers

        iv = IntervisieHandlers(server_coach)

    # Anna reflects, makes a report and exports it, adds a document and runs an intervisie.
    steps = as_user(
        "anna", h.send, f"Mijn collega {MARKER} nam mijn planning over zonder overleg.", "", "nl"
    )
    sid = steps[-1].sid
    assert sid
    report, _ = as_user("anna", h.finish, sid, "nl")
    exported = as_user("anna", h.export_report, sid, report, "md")
    assert MARKER in Path(exported).read_text(encoding="utf-8")
    doc = tmp_path / "notitie.md"
    doc.write_text(f"# Notitie\n\nOver {MARKER} en het overleg op maandag met het team.\n")
    as_user("anna", h.ingest, [str(doc)], "nl")
    meeting = as_user(
        "anna",
        iv.start,
        "incidentmethode",
        "Anna",
        "Bert, Cas, Dirk",
        f"De casus van {MARKER}: een planning die zonder overleg werd omgegooid.",
        "Hoe blijf ik in gesprek?",
        "nl",
    )
    meeting_id = meeting[0]
    assert [s for s in as_user("anna", h.session_choices) if s[1] == sid]
    assert "notitie.md" in as_user("anna", h.doc_choices)

    # Nothing Anna typed, uploaded or exported lies in the clear in the data folder.
    home = server_coach.settings.home
    plain = [
        str(p.relative_to(home))
        for p in home.rglob("*")
        if p.is_file() and MARKER.encode() in p.read_bytes()
    ]
    assert plain == []
    assert (home / "users" / "anna" / "documents" / "notitie.md").exists()  # sealed

    # An administrator sees how much each account holds, never what.
    from click.testing import CliRunner

    from app.cli.main import cli

    listed = CliRunner().invoke(cli, ["--home", str(home), "users", "list"]).output
    anna_row = next(line for line in listed.splitlines() if line.startswith("anna "))
    assert anna_row.split()[-4:] == ["1", "1", "1", "1"], listed  # conversations, turns, ...
    assert MARKER not in listed

    # Bert tries every handler with Anna's ids: nothing succeeds, nothing of hers shows.
    attempts: list[tuple[str, Any, tuple[Any, ...]]] = [
        ("history", h.history, (sid, "nl")),
        ("resume", h.resume, (sid, "nl")),
        ("send", h.send, ("Hallo", sid, "nl")),
        ("rename", h.rename, (sid, "Van Bert", "nl")),
        ("finish", h.finish, (sid, "nl")),
        ("export_report", h.export_report, (sid, "", "md")),
        ("delete_session", h.delete_session, (sid, sid, "nl")),
        ("remove_doc", h.remove_doc, ("notitie.md", "nl")),
        ("view", iv.view, (meeting_id, "nl")),
        ("clock", iv.clock, (meeting_id, "nl")),
        ("save_notes", iv.save_notes, (meeting_id, "Van Bert")),
        ("move", iv.move, (meeting_id, "Van Bert", True, "nl")),
        ("verslag", iv.verslag, (meeting_id, "", "nl")),
        ("from_session", iv.from_session, (sid, "nl")),
    ]
    successes = []
    for name, fn, args in attempts:
        try:
            out = as_user("bert", fn, *args)
        except gr.Error:
            continue
        if MARKER in repr(out):
            successes.append(name)
    assert successes == []
    assert not [s for s in as_user("bert", h.session_choices) if s[1] == sid]
    assert "notitie.md" not in as_user("bert", h.doc_choices)
    assert MARKER not in Path(as_user("bert", h.export_all)).read_text(encoding="utf-8")

    # Anna's data is whole after Bert's tries.
    assert MARKER in repr(as_user("anna", h.history, sid, "nl"))
    assert "notitie.md" in as_user("anna", h.doc_choices)
    assert as_user("anna", iv.view, meeting_id, "nl")
    users = server_coach.settings.home / "users"
    assert sorted(p.name for p in users.iterdir()) == ["anna", "bert"]
    assert (users / "anna").stat().st_mode & 0o777 == 0o700


@pytest.fixture
def served(server_coach: Coach) -> Iterator[str]:
    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            web.build_app(server_coach), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/config", timeout=1)
            break
        except urllib.error.HTTPError:
            break
        except OSError:
            time.sleep(0.05)
    yield url
    server.should_exit = True
    thread.join(10)


def _login(url: str, name: str, password: str) -> tuple[int, list[str]]:
    data = urllib.parse.urlencode({"username": name, "password": password}).encode()
    try:
        with urllib.request.urlopen(url + "/login", data=data, timeout=30) as response:
            return response.status, response.headers.get_all("set-cookie") or []
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get_all("set-cookie") or []


def _get(url: str, cookie: str = "") -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_login_cookies_are_strict_and_files_are_not_served_by_path(
    served: str, server_coach: Coach
) -> None:
    status, cookies = _login(served, "anna", "niet het wachtwoord")
    assert status == 400 and not cookies
    status, cookies = _login(served, "ghost", PASSWORD)
    assert status == 400 and not cookies
    status, cookies = _login(served, "Anna", PASSWORD)
    assert status == 200 and cookies
    for cookie in cookies:
        assert "samesite=strict" in cookie.lower() and "httponly" in cookie.lower()
        assert "samesite=none" not in cookie.lower()
    jar = "; ".join(c.split(";", 1)[0] for c in cookies)
    assert _get(served + "/config") == 401  # nothing of the app without logging in
    assert _get(served + "/config", jar) == 200
    # A file in another account's folder (or in one's own) is never served by its path.
    secret = server_coach.for_user("bert").settings.exports_dir / "verslag.md"
    secret.parent.mkdir(parents=True, exist_ok=True)
    secret.write_text(MARKER)
    for path in (
        str(secret),
        f"{server_coach.settings.home}/tmp/gradio/../../users/bert/exports/verslag.md",
    ):
        assert _get(f"{served}/gradio_api/file={path}", jar) == 403


def test_a_password_change_keeps_the_data_and_a_reset_loses_it(server_coach: Coach) -> None:
    h = web.Handlers(server_coach)
    steps = as_user("anna", h.send, f"Het gesprek met {MARKER} liep vast.", "", "nl")
    sid = steps[-1].sid
    server_coach.accounts.change_password("anna", PASSWORD, "nog een lang wachtwoord")
    assert not server_coach.login("anna", PASSWORD)
    assert server_coach.login("anna", "nog een lang wachtwoord")
    assert MARKER in repr(as_user("anna", h.history, sid, "nl"))
    server_coach.accounts.reset_password("anna", "een nieuw lang wachtwoord")
    assert server_coach.login("anna", "een nieuw lang wachtwoord")
    with pytest.raises(gr.Error, match="cannot be opened"):
        as_user("anna", h.history, sid, "nl")
    assert as_user("anna", h.session_choices) == []  # the list still opens, without it


def test_a_report_is_shared_with_one_supervisor_and_taken_back(server_coach: Coach) -> None:
    server_coach.accounts.add("carla", PASSWORD, role="supervisor")
    assert server_coach.login("carla", PASSWORD)
    h = web.Handlers(server_coach)
    steps = as_user("anna", h.send, f"Het overleg met {MARKER} liep vast op de planning.", "", "nl")
    sid = steps[-1].sid
    report, _ = as_user("anna", h.finish, sid, "nl")
    assert "carla" in as_user("anna", h.supervisors, "nl")["choices"]
    assert "bert" not in as_user("anna", h.supervisors, "nl")["choices"]  # an employee
    with pytest.raises(gr.Error, match="not a supervisor"):
        as_user("anna", h.share, sid, report, "bert", "nl")
    status = as_user("anna", h.share, sid, report, "carla", "nl")
    assert "carla" in status

    [(label, pick)] = as_user("carla", h.received_choices)["choices"]
    assert "anna" in label
    assert MARKER in as_user("carla", h.show_received, pick, "nl")
    assert as_user("bert", h.received_choices)["choices"] == []
    shared = server_coach.settings.home / "shared"
    assert [p for p in shared.rglob("*") if p.is_file() and MARKER.encode() in p.read_bytes()] == []

    assert "niemand" in as_user("anna", h.withdraw, sid, "carla", "nl")
    assert as_user("carla", h.received_choices)["choices"] == []


def test_the_admin_tab_shows_counts_to_an_admin_only(server_coach: Coach) -> None:
    server_coach.accounts.add("beheer", PASSWORD, role="admin")
    assert server_coach.login("beheer", PASSWORD)
    h = web.Handlers(server_coach)
    as_user("anna", h.send, f"Een gesprek over {MARKER} en het rooster.", "", "nl")
    table = as_user("beheer", h.account_table, "nl")
    anna = next(line for line in table.splitlines() if line.startswith("| anna "))
    assert anna.split("|")[4:8] == [" 1 ", " 1 ", " 0 ", " 0 "]
    assert MARKER not in table
    assert as_user("anna", h.account_table, "nl") == "Dit tabblad is alleen voor beheerders."


def test_the_data_of_an_idle_account_is_closed_and_opens_again(server_coach: Coach) -> None:
    h = web.Handlers(server_coach)
    steps = as_user("anna", h.send, f"Het gesprek met {MARKER} bleef hangen.", "", "nl")
    sid = steps[-1].sid
    anna = server_coach.for_user("anna")
    server_coach.settings = server_coach.settings.replace(account_idle_minutes=0)
    as_user("bert", h.session_choices)  # Bert's click closes what Anna left open
    assert server_coach.for_user("anna") is not anna
    with pytest.raises(sqlite3.ProgrammingError):  # the old one's database is closed
        anna.sessions._db.execute("SELECT 1")
    assert MARKER in repr(as_user("anna", h.history, sid, "nl"))  # opened again, still hers
