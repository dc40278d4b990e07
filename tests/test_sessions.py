import json
import stat
from pathlib import Path

import pytest

from app.adapters.sessions import SessionStore, Turn
from app.errors import SessionError


def _turn(text: str, phase: int = 1) -> Turn:
    return Turn(
        user=text,
        reply="Je zegt iets. Wat bedoel je?",
        phase=phase,
        lang="nl",
        sources=[{"id": "c1", "title": "Kaart"}],
        prompt_versions={"system": "v1"},
        model_id="fake",
        ttft_s=0.1,
        total_s=0.5,
    )


def test_turns_are_stored_with_everything(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s.sqlite3")
    s = store.create("Oudergesprek")
    store.add_turn(s.id, _turn("eerste"))
    store.add_turn(s.id, _turn("tweede", 2))
    turns = store.turns(s.id)
    assert [t.n for t in turns] == [1, 2]
    assert turns[1].phase == 2 and turns[0].sources == [{"id": "c1", "title": "Kaart"}]
    assert turns[0].prompt_versions == {"system": "v1"} and turns[0].model_id == "fake"
    assert store.get(s.id).turn_count == 2


def test_files_are_private_and_wal(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s.sqlite3")
    store.add_turn(store.create().id, _turn("x"))
    mode = stat.S_IMODE((tmp_path / "s.sqlite3").stat().st_mode)
    assert mode == 0o600
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_rename_delete_and_errors(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s.sqlite3")
    s = store.create()
    store.rename(s.id, "  Nieuwe   titel ")
    assert store.get(s.id).title == "Nieuwe titel"
    with pytest.raises(SessionError, match="cannot be empty"):
        store.rename(s.id, "   ")
    store.delete(s.id)
    with pytest.raises(SessionError, match="No session"):
        store.get(s.id)


def test_resume_after_reopen(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s.sqlite3")
    s = store.create()
    store.add_turn(s.id, _turn("blijft bewaard"))
    store.save_state(s.id, 3, {"cycle": {"phase": 3}}, "en")
    store.close()
    again = SessionStore(tmp_path / "s.sqlite3")
    info = again.get(s.id)
    assert (info.phase, info.lang, info.state) == (3, "en", {"cycle": {"phase": 3}})
    assert again.turns(s.id)[0].user == "blijft bewaard"


def test_deleted_text_leaves_no_trace_in_files(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s.sqlite3")
    s = store.create()
    store.add_turn(s.id, _turn("GEHEIMxq81 over mijn leidinggevende"))
    store.save_report(s.id, "verslag GEHEIMxq81")
    store.delete(s.id)
    for path in tmp_path.iterdir():
        assert b"GEHEIMxq81" not in path.read_bytes(), path


def test_export_json_round_trip(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s.sqlite3")
    s = store.create("T")
    store.add_turn(s.id, _turn("één"))
    store.save_report(s.id, "# Verslag")
    data = json.loads(json.dumps(store.export_all()))
    assert data["sessions"][0]["turns"][0]["user"] == "één"
    assert data["sessions"][0]["report"] == "# Verslag"


def test_corrupt_database_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"not a database at all" * 100)
    with pytest.raises(SessionError, match="cannot be opened"):
        SessionStore(path)


def test_database_from_before_turn_kinds_is_migrated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.adapters.sessions as sessions

    path = tmp_path / "s.sqlite3"
    monkeypatch.setattr(sessions, "MIGRATIONS", sessions.MIGRATIONS[:2])
    old = SessionStore(path)
    sid = old.create("Oud").id
    old._db.execute(  # a turn as the previous schema stored it: 13 columns, no kind
        "INSERT INTO turns VALUES (?, 1, 'eerder', 'Wat nog?', 1, 'nl', '[]', '{}', 'm', 0, "
        "NULL, NULL, 0)",
        (sid,),
    )
    old.close()
    monkeypatch.undo()
    store = SessionStore(path)
    assert [t.kind for t in store.turns(sid)] == ["reflect"]
    store.add_turn(sid, Turn(user="x", reply="Wat?", phase=1, lang="nl", kind="care"))
    store.add_turn(sid, Turn(user="y", reply="Wat?", phase=1, lang="nl", kind="bogus"))
    assert [t.kind for t in store.turns(sid)] == ["reflect", "care", "reflect"]
    store.close()


def test_a_turn_and_the_state_it_leaves_are_one_transaction(tmp_path: Path) -> None:
    """A whole engine turn writes once: the turn and the session's new phase and state."""
    from fakes import FakeChatModel

    from app.adapters.embedders import HashEmbedder
    from app.services import Coach
    from app.settings import Settings

    coach = Coach(Settings(home=tmp_path / "home"), model=FakeChatModel(), embedder=HashEmbedder())
    coach.open()
    try:
        coach.ready()
        sid = coach.sessions.create().id
        begun: list[str] = []
        real = coach.sessions._tx

        def counted() -> object:
            begun.append("tx")
            return real()

        coach.sessions._tx = counted  # type: ignore[method-assign]
        coach.engine.run(sid, "Ik had een lastig gesprek met een ouder over het rapport.")
        assert begun == ["tx"]
        info = coach.sessions.get(sid)
        assert info.turn_count == 1 and info.state["cycle"] and info.state["asked"]
    finally:
        coach.close()
