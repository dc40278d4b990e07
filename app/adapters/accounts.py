"""Accounts for one app server shared by an organisation: users, roles, passwords, data keys.

Role: a user logs in with a name and a password; the password, stretched with scrypt, both
proves who they are and unlocks the key that encrypts their data (app/adapters/vault.py). The server
stores only a hash of half of the stretched password and the data key sealed with the other
half, so nobody who reads the accounts file, an administrator included, can open a user's
conversations without that user's password. A password change seals the same data key again;
a reset by an administrator makes a new key, and whatever the old key sealed is lost.
Failed logins slow down: after five in a row the account waits, longer each time.
Must not: store or log a password, or tell apart "no such user" from "wrong password".
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.adapters import vault
from app.errors import CoachError

ROLES = ("employee", "supervisor", "admin")
MIN_PASSWORD = 10
FREE_FAILURES = 5  # failed logins in a row before the account has to wait
MAX_WAIT = 15 * 60  # seconds
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")


@dataclass(frozen=True)
class Kdf:
    """scrypt's cost; the defaults take about a tenth of a second and 32 MB."""

    n: int = 2**15
    r: int = 8
    p: int = 1

    def stretch(self, password: str, salt: bytes) -> bytes:
        return hashlib.scrypt(
            password.encode("utf-8"),
            salt=salt,
            n=self.n,
            r=self.r,
            p=self.p,
            maxmem=256 * self.n * self.r,
            dklen=64,
        )


@dataclass(frozen=True)
class User:
    name: str
    role: str
    created: float


@dataclass(frozen=True)
class Session:
    """A logged-in user and the key to their data; lives in memory only."""

    user: User
    data_key: bytes


class AccountError(CoachError):
    """A refused account action, with a message fit to show."""


class LoginFailed(AccountError):
    def __init__(self, wait: float = 0.0) -> None:
        self.wait = wait
        more = f" Try again in {int(wait) + 1} seconds." if wait > 0 else ""
        super().__init__("Name or password is not right." + more)


_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    created REAL NOT NULL,
    salt BLOB NOT NULL,
    check_hash BLOB NOT NULL,
    sealed_key BLOB NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    wait_until REAL NOT NULL DEFAULT 0
);
"""
# The public half of each account's sharing key (app/adapters/vault.py share_keys): what others
# seal a shared reflectieverslag with. Added to files made before sharing existed.
_PUBLIC_KEY_COLUMN = "ALTER TABLE users ADD COLUMN public_key BLOB"


class Accounts:
    """The users of one app server, in one SQLite file readable by its owner only."""

    def __init__(self, path: Path, kdf: Kdf | None = None) -> None:
        self.path = Path(path)
        self.kdf = kdf or Kdf()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
        os.chmod(self.path, 0o600)
        with self._db() as db:
            db.executescript(_SCHEMA)
            columns = {row[1] for row in db.execute("PRAGMA table_info(users)")}
            if "public_key" not in columns:
                db.execute(_PUBLIC_KEY_COLUMN)

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path)
        try:
            with db:
                yield db
        finally:
            db.close()

    # --- managing accounts ----------------------------------------------------------------

    @staticmethod
    def folder_name(name: str) -> str:
        """The name of an account's data folder: its checked user name (never a path)."""
        return _valid_name(name)

    def add(self, name: str, password: str, role: str = "employee") -> User:
        name = _valid_name(name)
        if role not in ROLES:
            raise AccountError(f"Role must be one of: {', '.join(ROLES)}.")
        _valid_password(password)
        salt = secrets.token_bytes(16)
        check, kek = self._split(password, salt)
        data_key = secrets.token_bytes(32)
        sealed = vault.seal(kek, data_key, name.encode())
        user = User(name, role, time.time())
        with self._db() as db:
            if db.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
                raise AccountError(f"There is already a user called {name}.")
            db.execute(
                "INSERT INTO users (name, role, created, salt, check_hash, sealed_key, "
                "public_key) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (name, role, user.created, salt, check, sealed, vault.share_keys(data_key)[1]),
            )
        return user

    def remove(self, name: str) -> None:
        with self._db() as db:
            if db.execute("DELETE FROM users WHERE name = ?", (name,)).rowcount == 0:
                raise AccountError(f"There is no user called {name}.")

    def users(self) -> list[User]:
        with self._db() as db:
            rows = db.execute("SELECT name, role, created FROM users ORDER BY name").fetchall()
        return [User(*row) for row in rows]

    def user(self, name: str) -> User | None:
        return next((u for u in self.users() if u.name == name), None)

    def set_role(self, name: str, role: str) -> None:
        if role not in ROLES:
            raise AccountError(f"Role must be one of: {', '.join(ROLES)}.")
        with self._db() as db:
            if db.execute("UPDATE users SET role = ? WHERE name = ?", (role, name)).rowcount == 0:
                raise AccountError(f"There is no user called {name}.")

    # --- passwords --------------------------------------------------------------------------

    def login(self, name: str, password: str, now: float | None = None) -> Session:
        """The user's session with their data key; LoginFailed for any wrong pair."""
        now = time.time() if now is None else now
        with self._db() as db:
            row = db.execute(
                "SELECT role, created, salt, check_hash, sealed_key, failures, wait_until "
                "FROM users WHERE name = ?",
                (name,),
            ).fetchone()
        if row is None:
            self._split(password, b"\0" * 16)  # the same work as for a real user
            raise LoginFailed()
        role, created, salt, check_hash, sealed, failures, wait_until = row
        if now < wait_until:
            raise LoginFailed(wait_until - now)
        check, kek = self._split(password, salt)
        if not hmac.compare_digest(check, check_hash):
            failures += 1
            wait = _wait(failures)
            with self._db() as db:
                db.execute(
                    "UPDATE users SET failures = ?, wait_until = ? WHERE name = ?",
                    (failures, now + wait, name),
                )
            raise LoginFailed(wait)
        if failures:
            with self._db() as db:
                db.execute("UPDATE users SET failures = 0, wait_until = 0 WHERE name = ?", (name,))
        key = vault.open_sealed(kek, sealed, name.encode())
        public = vault.share_keys(key)[1]
        with self._db() as db:  # accounts made before sharing existed get their public key
            db.execute(
                "UPDATE users SET public_key = ? WHERE name = ? AND public_key IS NULL",
                (public, name),
            )
        return Session(User(name, role, created), key)

    def public_key(self, name: str) -> bytes | None:
        """The public half of an account's sharing key; None for no such account."""
        with self._db() as db:
            row = db.execute("SELECT public_key FROM users WHERE name = ?", (name,)).fetchone()
        return bytes(row[0]) if row and row[0] else None

    def change_password(self, name: str, old: str, new: str) -> None:
        """The same data key sealed with the new password: nothing is lost."""
        session = self.login(name, old)
        _valid_password(new)
        salt = secrets.token_bytes(16)
        check, kek = self._split(new, salt)
        sealed = vault.seal(kek, session.data_key, name.encode())
        with self._db() as db:
            db.execute(
                "UPDATE users SET salt = ?, check_hash = ?, sealed_key = ? WHERE name = ?",
                (salt, check, sealed, name),
            )

    def reset_password(self, name: str, new: str) -> None:
        """An administrator's reset: a new data key, so the user's existing data is lost."""
        if self.user(name) is None:
            raise AccountError(f"There is no user called {name}.")
        _valid_password(new)
        salt = secrets.token_bytes(16)
        check, kek = self._split(new, salt)
        data_key = secrets.token_bytes(32)
        sealed = vault.seal(kek, data_key, name.encode())
        with self._db() as db:
            db.execute(
                "UPDATE users SET salt = ?, check_hash = ?, sealed_key = ?, failures = 0, "
                "wait_until = 0, public_key = ? WHERE name = ?",
                (salt, check, sealed, vault.share_keys(data_key)[1], name),
            )

    def _split(self, password: str, salt: bytes) -> tuple[bytes, bytes]:
        """The stretched password's two halves: one hashed to check it, one to seal the key."""
        stretched = self.kdf.stretch(password, salt)
        return hashlib.sha256(stretched[:32]).digest(), stretched[32:]


def _wait(failures: int) -> float:
    if failures < FREE_FAILURES:
        return 0.0
    return float(min(MAX_WAIT, 2 ** (failures - FREE_FAILURES + 2)))


def _valid_name(name: str) -> str:
    name = name.strip().lower()
    if not _NAME.match(name):
        raise AccountError(
            "A user name has 2-40 characters: letters, digits, dot, dash or underscore."
        )
    return name


def _valid_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"A password needs at least {MIN_PASSWORD} characters.")
