"""One app instance per data folder: an advisory lock file held for the process's lifetime.

chromadb's PersistentClient and our SQLite writer are not safe to share between processes, so
a second instance is refused with a message instead of silently diverging.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO

from app.errors import DataFolderError


class FolderLock:
    def __init__(self, home: Path) -> None:
        self.path = Path(home) / ".lock"
        self._handle: IO[str] | None = None

    def acquire(self) -> FolderLock:
        if self._handle is not None:
            return self
        handle = self.path.open("a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            handle.close()
            raise DataFolderError(
                f"Another Reflectiecoach (process {holder}) is using the data folder "
                f"{self.path.parent}. Close it first, or set COACH_HOME to another folder."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle
        return self

    def held_by_other(self) -> bool:
        if self._handle is not None or not self.path.exists():
            return False
        with self.path.open("a+") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
        return False

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None
