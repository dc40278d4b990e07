"""Intervisie meetings on disk: one JSON file per meeting in the data folder, 0600.

Role: keep every change of a running meeting (its round, clock and notes) so that nothing typed
is lost, and list, read and delete meetings. The meeting itself is app/core/intervisie.py.
With a data key (an account on a shared server) each file is sealed with it (AES-GCM, bound to
the meeting's id).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from app.adapters.exports import write_atomic
from app.core.intervisie import Meeting
from app.errors import InputError


class MeetingStore:
    """Meetings as JSON files in the data folder (0600), written whole at every change."""

    def __init__(self, folder: Path, key: bytes | None = None) -> None:
        self.folder = Path(folder)
        self._key = key
        self._lock = threading.RLock()

    def update(self, meeting_id: str, change: Callable[[Meeting], Meeting]) -> Meeting:
        """Read, change and save one meeting as one step: two events at once (the notes saved
        while the next round is asked for) cannot undo each other's change."""
        with self._lock:
            return self.save(change(self.get(meeting_id)))

    def _path(self, meeting_id: str) -> Path:
        if not re.fullmatch(r"[0-9a-f]{12}", meeting_id):
            raise InputError(f"'{meeting_id}' is not a meeting id.")
        return self.folder / f"{meeting_id}.json"

    def save(self, meeting: Meeting) -> Meeting:
        with self._lock:
            return self._save(meeting)

    def _save(self, meeting: Meeting) -> Meeting:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self._path(meeting.id)
        data = json.dumps(asdict(meeting), ensure_ascii=False).encode("utf-8")
        if self._key is not None:
            from app.adapters import vault

            data = vault.seal(self._key, data, meeting.id.encode())
        write_atomic(path, data)
        path.chmod(0o600)
        return meeting

    def get(self, meeting_id: str) -> Meeting:
        path = self._path(meeting_id)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise InputError(f"No intervisie meeting {meeting_id}.") from None
        if self._key is not None:
            from app.adapters import vault

            try:
                raw = vault.open_sealed(self._key, raw, meeting_id.encode())
            except vault.SealBroken:
                raise InputError(f"The intervisie meeting {meeting_id} cannot be opened.") from None
        data = json.loads(raw.decode("utf-8"))
        return Meeting(**data)

    def list(self) -> list[Meeting]:
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.glob("*.json"):
            try:
                found.append(self.get(path.stem))
            except (InputError, ValueError, TypeError):
                continue
        return sorted(found, key=lambda m: -m.created_at)

    def delete(self, meeting_id: str) -> None:
        self._path(meeting_id).unlink(missing_ok=True)
