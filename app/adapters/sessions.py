"""Stored conversations: the only module that owns the SQLite session database.

Every completed turn is committed at once (WAL mode), with its text, phase, the ids of the
sources shown, the prompt versions and model that produced it, and its timings. Deleted text is
overwritten (secure_delete) and the WAL is checkpointed, so a deletion leaves no copy behind.
The schema grows by named migrations. This module stores and exports; it does not coach.

With a data key (one account on a shared server) every text a person wrote or was shown (the
title, the state, both sides of each turn, the report) is sealed with AES-GCM before it is
written, bound to its place (session, turn, field) so a value moved elsewhere does not open.
"""

from __future__ import annotations

import base64
import builtins
import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.core.records import TURN_KINDS, SessionInfo, StateChange, Turn
from app.errors import SessionError


def _m001_initial(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            lang TEXT NOT NULL DEFAULT 'nl',
            phase INTEGER NOT NULL DEFAULT 1,
            state TEXT NOT NULL DEFAULT '{}',
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        CREATE TABLE turns (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            user_text TEXT NOT NULL,
            reply TEXT NOT NULL,
            phase INTEGER,
            lang TEXT NOT NULL,
            sources TEXT NOT NULL DEFAULT '[]',
            prompt_versions TEXT NOT NULL DEFAULT '{}',
            model_id TEXT NOT NULL DEFAULT '',
            crisis INTEGER NOT NULL DEFAULT 0,
            ttft_s REAL,
            total_s REAL,
            created_at REAL NOT NULL,
            PRIMARY KEY (session_id, n)
        );
        """,
    )


def _script(db: sqlite3.Connection, sql: str) -> None:
    """Run statements one by one: executescript would commit the migration's transaction."""
    for statement in sql.split(";"):
        if statement.strip():
            db.execute(statement)


def _m002_reports(db: sqlite3.Connection) -> None:
    db.execute(
        "CREATE TABLE reports (session_id TEXT PRIMARY KEY REFERENCES sessions(id) "
        "ON DELETE CASCADE, text TEXT NOT NULL, updated_at REAL NOT NULL)"
    )


def _m003_turn_kind(db: sqlite3.Connection) -> None:
    # What a turn was: "reflect" (the method), or one of TURN_KINDS' special turns. Only
    # "reflect" turns feed the reflectieverslag.
    db.execute("ALTER TABLE turns ADD COLUMN kind TEXT NOT NULL DEFAULT 'reflect'")


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("m001_initial", _m001_initial),
    ("m002_reports", _m002_reports),
    ("m003_turn_kind", _m003_turn_kind),
]


SEALED = "sealed:"  # the prefix of a value sealed with the data key


def count_stored(path: Path) -> tuple[int, int]:
    """(conversations, turns) in a session database, read without any key: the numbers an
    administrator may see. (0, 0) when there is no database yet."""
    if not Path(path).exists():
        return 0, 0
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        sessions = db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]
        turns = db.execute("SELECT COUNT(*) FROM turns").fetchone()[0]
    except sqlite3.DatabaseError:
        return 0, 0
    finally:
        db.close()
    return int(sessions), int(turns)


class SessionStore:
    def __init__(self, path: Path, key: bytes | None = None) -> None:
        self.path = Path(path)
        self._key = key
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA secure_delete=ON")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise SessionError(
                f"The session database {self.path} cannot be opened ({exc}). Move it aside to "
                f"start with an empty one; nothing else is changed."
            ) from None
        for suffix in ("", "-wal", "-shm"):
            p = Path(f"{self.path}{suffix}")
            if p.exists():
                p.chmod(0o600)

    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, "
            "applied_at REAL NOT NULL)"
        )
        done = {row[0] for row in self._db.execute("SELECT name FROM migrations")}
        for name, step in MIGRATIONS:
            if name not in done:
                with self._tx():
                    step(self._db)
                    self._db.execute("INSERT INTO migrations VALUES (?, ?)", (name, time.time()))

    def _tx(self) -> Any:
        store = self

        class _Tx:
            def __enter__(self) -> None:
                store._lock.acquire()
                store._db.execute("BEGIN IMMEDIATE")

            def __exit__(self, kind: Any, *_: Any) -> None:
                try:
                    store._db.execute("ROLLBACK" if kind else "COMMIT")
                finally:
                    store._lock.release()

        return _Tx()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _seal(self, text: str, place: str) -> str:
        if self._key is None:
            return text
        from app.adapters import vault

        return SEALED + base64.b64encode(vault.seal_text(self._key, text, place)).decode()

    def _open(self, value: str | None, place: str) -> str:
        if value is None or not value.startswith(SEALED):
            return value or ""
        if self._key is None:
            raise SessionError("This conversation is encrypted: log in to open it.")
        from app.adapters import vault

        try:
            return vault.open_text(self._key, base64.b64decode(value[len(SEALED) :]), place)
        except vault.SealBroken:
            raise SessionError(
                "This conversation was sealed with another key (the password was reset by an "
                "administrator): it cannot be opened any more."
            ) from None

    # -- sessions ------------------------------------------------------------------------

    def create(self, title: str = "", lang: str = "nl") -> SessionInfo:
        now = time.time()
        sid = uuid.uuid4().hex[:12]
        title = title.strip() or time.strftime("Reflectie %Y-%m-%d %H:%M", time.localtime(now))
        with self._tx():
            self._db.execute(
                "INSERT INTO sessions (id, title, lang, state, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    sid,
                    self._seal(title[:200], f"{sid}/title"),
                    lang,
                    self._seal("{}", f"{sid}/state"),
                    now,
                    now,
                ),
            )
        return self.get(sid)

    def get(self, sid: str) -> SessionInfo:
        with self._lock:
            row = self._db.execute(
                "SELECT s.id, s.title, s.lang, s.phase, s.state, s.created_at, s.updated_at, "
                "(SELECT COUNT(*) FROM turns t WHERE t.session_id = s.id) "
                "FROM sessions s WHERE s.id = ?",
                (sid,),
            ).fetchone()
        if row is None:
            raise SessionError(f"No session with id '{sid}'. See `coach sessions list`.")
        state = json.loads(self._open(row[4], f"{sid}/state") or "{}")
        title = self._open(row[1], f"{sid}/title")
        return SessionInfo(row[0], title, row[2], row[3], state, row[5], row[6], row[7])

    def list(self) -> builtins.list[SessionInfo]:
        with self._lock:
            ids = [
                r[0] for r in self._db.execute("SELECT id FROM sessions ORDER BY updated_at DESC")
            ]
        found = []
        for sid in ids:
            try:
                found.append(self.get(sid))
            except SessionError:  # sealed with a key that was reset: it can no longer be opened
                continue
        return found

    def rename(self, sid: str, title: str) -> None:
        title = " ".join(title.split())[:200]
        if not title:
            raise SessionError("A session title cannot be empty.")
        self.get(sid)
        with self._tx():
            self._db.execute(
                "UPDATE sessions SET title = ?, updated_at = ? WHERE id = ?",
                (self._seal(title, f"{sid}/title"), time.time(), sid),
            )

    def save_state(self, sid: str, phase: int, state: dict[str, Any], lang: str) -> None:
        with self._tx():
            self._db.execute(
                "UPDATE sessions SET phase = ?, state = ?, lang = ?, updated_at = ? WHERE id = ?",
                (
                    phase,
                    self._seal(json.dumps(state, ensure_ascii=False), f"{sid}/state"),
                    lang,
                    time.time(),
                    sid,
                ),
            )

    def delete(self, sid: str) -> None:
        self.get(sid)
        with self._tx():
            self._db.execute("DELETE FROM sessions WHERE id = ?", (sid,))
        self._scrub()

    def delete_all(self) -> None:
        with self._tx():
            self._db.execute("DELETE FROM sessions")
        self._scrub()
        with self._lock:
            self._db.execute("VACUUM")

    def _scrub(self) -> None:
        """Push the deletion through the WAL so no old page keeps the text."""
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- turns and reports ---------------------------------------------------------------

    def add_turn(self, sid: str, turn: Turn, change: StateChange | None = None) -> Turn:
        """Store one completed turn, and the session's new state with it: one transaction,
        committed before this returns, so a crash leaves both or neither."""
        with self._tx():
            n = self._db.execute(
                "SELECT COALESCE(MAX(n), 0) + 1 FROM turns WHERE session_id = ?", (sid,)
            ).fetchone()[0]
            turn.n, turn.created_at = n, time.time()
            self._db.execute(
                "INSERT INTO turns (session_id, n, user_text, reply, phase, lang, sources, "
                "prompt_versions, model_id, crisis, ttft_s, total_s, created_at, kind) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    sid,
                    n,
                    self._seal(turn.user, f"{sid}/{n}/user"),
                    self._seal(turn.reply, f"{sid}/{n}/reply"),
                    turn.phase,
                    turn.lang,
                    json.dumps(turn.sources, ensure_ascii=False),
                    json.dumps(turn.prompt_versions),
                    turn.model_id,
                    int(turn.crisis),
                    turn.ttft_s,
                    turn.total_s,
                    turn.created_at,
                    turn.kind if turn.kind in TURN_KINDS else "reflect",
                ),
            )
            self._db.execute(
                "UPDATE sessions SET updated_at = ? WHERE id = ?", (turn.created_at, sid)
            )
            if change is not None:
                self._db.execute(
                    "UPDATE sessions SET phase = ?, state = ?, lang = ? WHERE id = ?",
                    (
                        change.phase,
                        self._seal(json.dumps(change.state, ensure_ascii=False), f"{sid}/state"),
                        change.lang,
                        sid,
                    ),
                )
        return turn

    def turns(self, sid: str) -> builtins.list[Turn]:
        with self._lock:
            rows = self._db.execute(
                "SELECT user_text, reply, phase, lang, sources, prompt_versions, model_id, crisis, "
                "ttft_s, total_s, n, created_at, kind FROM turns WHERE session_id = ? ORDER BY n",
                (sid,),
            ).fetchall()
        return [
            Turn(
                self._open(r[0], f"{sid}/{r[10]}/user"),
                self._open(r[1], f"{sid}/{r[10]}/reply"),
                r[2],
                r[3],
                json.loads(r[4]),
                json.loads(r[5]),
                r[6],
                bool(r[7]),
                r[8],
                r[9],
                r[10],
                r[11],
                r[12],
            )
            for r in rows
        ]

    def save_report(self, sid: str, text: str) -> None:
        self.get(sid)
        with self._tx():
            self._db.execute(
                "INSERT INTO reports VALUES (?, ?, ?) ON CONFLICT(session_id) DO "
                "UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                (sid, self._seal(text, f"{sid}/report"), time.time()),
            )

    def report(self, sid: str) -> str | None:
        with self._lock:
            row = self._db.execute(
                "SELECT text FROM reports WHERE session_id = ?", (sid,)
            ).fetchone()
        return self._open(row[0], f"{sid}/report") if row else None

    def integrity(self) -> str:
        with self._lock:
            return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])

    # -- export --------------------------------------------------------------------------

    def export(self, sid: str) -> dict[str, Any]:
        info = self.get(sid)
        return {
            "session": asdict(info),
            "turns": [asdict(t) for t in self.turns(sid)],
            "report": self.report(sid),
        }

    def export_all(self) -> dict[str, Any]:
        return {
            "format": "reflectiecoach-export-1",
            "sessions": [self.export(s.id) for s in self.list()],
        }
