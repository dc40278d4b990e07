"""Reflectieverslagen shared with a supervisor: one sealed file per share, 0600.

Role: on a server with accounts, an employee shares one report with a named supervisor and can
take it back; the supervisor reads what was shared with them. Each share is sealed for the
supervisor's public key (app/adapters/vault.py seal_for), so only the supervisor, logged in,
can open it: not the employee afterwards, not an administrator. A share is the report as it was
when shared; sharing the same conversation again replaces it, taking it back deletes the file.
The file name holds who shared and which conversation (so a share can be taken back without a
key); the title and the text are inside the seal.
Must not: share anything but a report, or keep a copy the supervisor cannot delete by taking it
back.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

from app.adapters import vault
from app.adapters.accounts import Accounts
from app.adapters.exports import write_atomic
from app.errors import InputError

_SID = re.compile(r"^[0-9a-f]{12}$")


@dataclass(frozen=True)
class Share:
    sender: str
    session_id: str
    title: str
    text: str
    shared_at: float


class ShareStore:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _path(self, recipient: str, sender: str, session_id: str) -> Path:
        if not _SID.match(session_id):
            raise InputError(f"'{session_id}' is not a conversation id.")
        return self.folder / recipient / f"{sender}--{session_id}.sealed"

    @staticmethod
    def _aad(sender: str, recipient: str, session_id: str) -> bytes:
        return f"{sender}>{recipient}/{session_id}".encode()

    def share(
        self,
        sender: str,
        recipient: str,
        public_key: bytes,
        session_id: str,
        title: str,
        text: str,
    ) -> None:
        """Seal the report for the recipient and store it (replacing an earlier share)."""
        path = self._path(recipient, sender, session_id)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        body = json.dumps({"title": title, "text": text, "shared_at": time.time()})
        sealed = vault.seal_for(
            public_key, body.encode("utf-8"), self._aad(sender, recipient, session_id)
        )
        write_atomic(path, sealed)

    def withdraw(self, sender: str, recipient: str, session_id: str) -> bool:
        """Take a share back; False when there was none."""
        path = self._path(recipient, sender, session_id)
        if not path.exists():
            return False
        path.unlink()
        return True

    def shared_by(self, sender: str, session_id: str) -> list[str]:
        """The recipients who hold a share of this conversation now."""
        self._path("x", sender, session_id)  # checks the id
        if not self.folder.is_dir():
            return []
        return sorted(p.parent.name for p in self.folder.glob(f"*/{sender}--{session_id}.sealed"))

    def received(self, recipient: str, private_key: bytes) -> list[Share]:
        """What was shared with the recipient, newest first; a share that does not open (the
        recipient's key was reset since) is left out."""
        found = []
        folder = self.folder / recipient
        for path in sorted(folder.glob("*--*.sealed")) if folder.is_dir() else []:
            sender, session_id = path.stem.rsplit("--", 1)
            try:
                body = vault.open_for(
                    private_key, path.read_bytes(), self._aad(sender, recipient, session_id)
                )
            except (vault.SealBroken, OSError):
                continue
            data = json.loads(body.decode("utf-8"))
            found.append(Share(sender, session_id, data["title"], data["text"], data["shared_at"]))
        return sorted(found, key=lambda s: -s.shared_at)


@dataclass
class Member:
    """The person a Coach acts for on a server with accounts, and what sharing needs: their
    name and role, the private half of their sharing key, the accounts and the shares."""

    name: str
    role: str
    private_key: bytes
    accounts: Accounts
    shares: ShareStore

    def supervisors(self) -> list[str]:
        return [
            u.name for u in self.accounts.users() if u.role == "supervisor" and u.name != self.name
        ]

    def share(self, recipient: str, session_id: str, title: str, text: str) -> None:
        """Seal a report for one supervisor; only they can open it."""
        public = self.accounts.public_key(recipient)
        if recipient not in self.supervisors() or public is None:
            raise InputError(f"{recipient} is not a supervisor on this server.")
        self.shares.share(self.name, recipient, public, session_id, title, text)

    def withdraw(self, recipient: str, session_id: str) -> bool:
        return self.shares.withdraw(self.name, recipient, session_id)

    def shared_with(self, session_id: str) -> list[str]:
        return self.shares.shared_by(self.name, session_id)

    def received(self) -> list[Share]:
        return self.shares.received(self.name, self.private_key)
