"""Wiring: build the app's parts from one Settings object, lazily, for the CLI and the UI.

The faces (cli.py, web/) ask this object for the engine, the knowledge base or the session
store; each part is created on first use. Tests pass fakes for the model or the embedder.
Everything that touches the data folder as a whole (lock, export, delete all) lives here.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from functools import cached_property
from pathlib import Path
from typing import Any

from app.adapters import models, vault
from app.adapters.accounts import Accounts
from app.adapters.embedders import Embedder
from app.adapters.knowledge import KnowledgeBase
from app.adapters.lock import FolderLock
from app.adapters.meetings import MeetingStore
from app.adapters.sessions import SessionStore
from app.adapters.shares import Member, ShareStore
from app.core import fixed_texts
from app.core.chat_model import ChatModel
from app.core.engine import Engine, EngineConfig
from app.core.prompts import PromptLibrary
from app.core.safety import CrisisScreen, default_rules
from app.errors import DataFolderError, InputError
from app.settings import ACCOUNTS, Settings


def prepare_home(home: Path) -> Path:
    """Create the data folder private to this user (0700), or say why it cannot be used."""
    try:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        home.chmod(0o700)
        probe = home / ".write-test"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        raise DataFolderError(
            f"The data folder {home} cannot be used ({exc.strerror}). Make it writable for "
            f"your user or set COACH_HOME to another folder."
        ) from None
    return home


def memory_folder() -> Path | None:
    """Where private temporary folders go: /dev/shm (memory) when the system has it, else the
    system's temporary folder (None)."""
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else None


class Coach:
    def __init__(
        self,
        settings: Settings,
        model: ChatModel | None = None,
        embedder: Embedder | None = None,
        screen: CrisisScreen | None = None,
        data_key: bytes | None = None,
        member: Member | None = None,
    ) -> None:
        self.settings = settings
        self._model = model
        self._embedder = embedder
        self._screen = screen
        self._data_key = data_key
        self.member = member
        self._keys: dict[str, bytes] = {}
        self.lock = FolderLock(settings.home)
        self._users: dict[str, Coach] = {}
        self._last_used: dict[str, float] = {}
        self._users_lock = threading.Lock()

    @property
    def uses_accounts(self) -> bool:
        """True on a server shared by several people: each account has its own data folder."""
        return self.settings.auth.strip() == ACCOUNTS

    def login(self, name: str, password: str) -> bool:
        """Check a name and password against the accounts; on success keep the person's data
        key in memory (never on disk) for their Coach. Any failure is the same False."""
        from app.adapters.accounts import AccountError, LoginFailed

        try:
            session = self.accounts.login(name.strip().lower(), password)
        except (LoginFailed, AccountError):
            return False
        with self._users_lock:
            name = session.user.name
            if self._keys.get(name, session.data_key) != session.data_key:
                # A reset gave this account a new key: its Coach opens with the new one.
                old = self._users.pop(name, None)
                if old is not None:
                    old.close()
            self._keys[name] = session.data_key
        return True

    @cached_property
    def transient_dir(self) -> Path:
        """A private folder outside the data folder for what a server with accounts must hold
        in the clear for a moment (the page's uploads and downloads, exports): in memory where
        the system offers it (/dev/shm), removed when the server stops."""
        return Path(tempfile.mkdtemp(prefix="reflectiecoach-", dir=memory_folder()))

    def for_user(self, name: str | None) -> Coach:
        """The Coach of one account: its own data folder under users/ (sessions, documents,
        index, meetings), its data sealed with the key its password unlocked, with the model,
        the embedder and the crisis screen shared. Without accounts, this Coach itself."""
        if not self.uses_accounts:
            return self
        if not name:
            raise InputError("Log in first.")
        folder = Accounts.folder_name(name)
        with self._users_lock:
            coach = self._users.get(folder)
            key = self._keys.get(folder)
            if coach is None:
                if key is None:
                    raise InputError("Log in again to open your data.")
                home = self.settings.home / "users" / folder
                exports = self.transient_dir / "exports" / folder
                account = self.accounts.user(folder)
                member = Member(
                    folder,
                    account.role if account else "employee",
                    vault.share_keys(key)[0],
                    self.accounts,
                    self.shares,
                )
                coach = Coach(
                    self.settings.replace(home=home, auth="", exports_folder=str(exports)),
                    model=self.model,
                    embedder=self.embedder,
                    screen=self.screen,
                    data_key=key,
                    member=member,
                ).open()
                coach.ready()
                self._users[folder] = coach
            self._last_used[folder] = time.monotonic()
            self._close_idle(keep=folder)
        return coach

    def _close_idle(self, keep: str) -> None:
        """Close the data of accounts nobody used for account_idle_minutes (lock held)."""
        limit = time.monotonic() - 60 * self.settings.account_idle_minutes
        for folder in [f for f, used in self._last_used.items() if used < limit and f != keep]:
            coach = self._users.pop(folder, None)
            self._last_used.pop(folder, None)
            if coach is not None:
                coach.close()

    @cached_property
    def accounts(self) -> Accounts:
        return Accounts(self.settings.home / "accounts.db")

    def account_counts(self) -> list[dict[str, Any]]:
        """Per account: name, role, since when, and how many conversations, turns, documents
        and meetings it holds, read without any key. Never any text."""
        from app.adapters.sessions import count_stored

        rows = []
        for user in self.accounts.users():
            folder = self.settings.home / "users" / user.name
            conversations, turns = count_stored(folder / "sessions.sqlite3")
            rows.append(
                {
                    "name": user.name,
                    "role": user.role,
                    "since": user.created,
                    "conversations": conversations,
                    "turns": turns,
                    "documents": _count_files(folder / "documents", "*"),
                    "meetings": _count_files(folder / "intervisie", "*.json"),
                }
            )
        return rows

    @cached_property
    def shares(self) -> ShareStore:
        """Reports shared with supervisors (app/adapters/shares.py), for the whole server."""
        return ShareStore(self.settings.home / "shared")

    def open(self) -> Coach:
        prepare_home(self.settings.home)
        self.lock.acquire()
        return self

    def close(self) -> None:
        with self._users_lock:
            for coach in self._users.values():
                coach.close()
            self._users.clear()
            self._last_used.clear()
            self._keys.clear()
        if "transient_dir" in self.__dict__:
            shutil.rmtree(self.transient_dir, ignore_errors=True)
        if "sessions" in self.__dict__:
            self.sessions.close()
        self.lock.release()

    @cached_property
    def model_path(self) -> Path:
        return models.resolve(self.settings.model, self.settings.models_dir, self.settings.home)

    @cached_property
    def model(self) -> ChatModel:
        if self._model is not None:
            return self._model
        if self.settings.backend == "openai":
            from app.adapters.openai_model import from_settings

            return from_settings(self.settings)
        from app.adapters.llama import LlamaChatModel

        return LlamaChatModel(
            self.model_path,
            self.settings.n_ctx,
            self.settings.n_threads,
            state_dir=self.settings.home / "cache",
        )

    @cached_property
    def embedder(self) -> Embedder:
        from app.adapters import embedders

        inner = self._embedder or embedders.load(self.settings.embedder)
        if isinstance(inner, embedders.SharedQueries):  # handed over by another Coach
            return inner
        return embedders.SharedQueries(inner)

    @cached_property
    def store(self) -> Any:
        from app.adapters.store import VectorStore

        return VectorStore(self.settings.index_dir, key=self._data_key)

    @cached_property
    def knowledge(self) -> KnowledgeBase:
        return KnowledgeBase(
            self.store,
            self.embedder,
            self.settings.knowledge_dir,
            self.settings.uploads_dir,
            self.settings.relevance_threshold,
            self.settings.max_document_mb,
            key=self._data_key,
            scratch=memory_folder(),
        )

    @cached_property
    def sessions(self) -> SessionStore:
        return SessionStore(self.settings.sessions_db, key=self._data_key)

    @cached_property
    def meetings(self) -> MeetingStore:
        """Intervisie meetings (knowledge/methods/ says what their rounds are)."""
        return MeetingStore(self.settings.home / "intervisie", key=self._data_key)

    @cached_property
    def prompts(self) -> PromptLibrary:
        return PromptLibrary(self.settings.prompts_dir)

    @cached_property
    def screen(self) -> CrisisScreen:
        """The crisis screen: rules, and the semantic screen on the app's embedder."""
        if self._screen is not None:
            return self._screen
        rules = default_rules()
        if self.settings.crisis_screen == "rules":
            return CrisisScreen(rules)
        from app.adapters.safety_semantic import SemanticScreen

        return CrisisScreen(rules, SemanticScreen.build(self.embedder))

    @cached_property
    def engine(self) -> Engine:
        s = self.settings
        return Engine(
            self.model,
            self.knowledge,
            self.sessions,
            self.prompts,
            EngineConfig(
                chooser=s.chooser,
                max_tokens=s.max_tokens,
                temperature=s.temperature,
                seed=s.seed,
                max_message_chars=s.max_message_chars,
            ),
            self.screen,
        )

    def ready(self, progress: Callable[[int, int, str], None] | None = None) -> None:
        """Make sure the knowledge index exists for the configured embedder."""
        self.knowledge.ensure_ready(progress)

    @property
    def can_switch_model(self) -> bool:
        """False when the model was handed in (a test or a script) or is served by a server
        (chosen by the model setting), not loaded from a GGUF file here."""
        return self._model is None and self.settings.backend == "local"

    def switch_model(self, name: str) -> None:
        """Use another GGUF until restart: check it, then rebuild the model and the engine."""
        from app.adapters import models

        new = self.settings.replace(model=name)
        models.resolve(new.model, new.models_dir, new.home)  # ModelError names the fix
        self.settings = new
        # Built lazily (cached_property): dropping them rebuilds them on next use.
        for part in ("model_path", "model", "engine"):
            self.__dict__.pop(part, None)
        self.engine.warm()

    def warm(self) -> str | None:
        """Load what the first turn would otherwise wait for: the chooser's prompt state (model
        chooser only), the embedder's first inference, the crisis screen and the index."""
        how = self.engine.warm()
        self.screen.check(fixed_texts.load("coach")["opening_question"]["nl"])
        self.knowledge.search("gesprek op het werk", k=1, threshold=0.0)
        return how

    # -- the data folder as a whole ------------------------------------------------------

    def export_all(self, target: Path) -> Path:
        """Write every session, report and the list of added documents as JSON, atomically."""
        data = self.sessions.export_all()
        docs = (
            sorted(p.name for p in self.settings.uploads_dir.glob("*"))
            if (self.settings.uploads_dir.is_dir())
            else []
        )
        data["documents"] = docs
        data["intervisie"] = [asdict(m) for m in self.meetings.list()]
        tmp = target.with_name(f".{target.name}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with tmp.open("w", encoding="utf-8") as f:
                f.write(json.dumps(data, ensure_ascii=False, indent=2))
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except OSError as exc:  # a full disk or a read-only folder: no half file stays behind
            tmp.unlink(missing_ok=True)
            raise DataFolderError(
                f"Cannot write the export to {target} ({exc.strerror or exc}). Choose a folder "
                f"you can write to, with free space."
            ) from None
        return target

    def rebuild_index(self, progress: Callable[[int, int, str], None] | None = None) -> Any:
        """Build the knowledge index again, from an empty folder.

        The index is derived from the built-in knowledge and the added documents, so it is
        thrown away rather than opened: a damaged chroma.sqlite3 cannot even be opened, and
        must not block its own repair. Only when this process already has the index open is it
        rebuilt in place.
        """
        if "store" not in self.__dict__:
            shutil.rmtree(self.settings.index_dir, ignore_errors=True)
        return self.knowledge.rebuild(progress)

    def delete_all(self) -> None:
        """Delete sessions, reports, intervisie meetings, added documents, their index entries,
        exports and caches.

        The index keeps only the built-in knowledge: its collection is rebuilt from those records
        and vacuumed, because chromadb keeps removed text in its own log otherwise.
        """
        self.sessions.delete_all()
        for name in ("documents", "exports", "tmp", "cache", "intervisie"):
            shutil.rmtree(self.settings.home / name, ignore_errors=True)
        if self.settings.index_dir.exists():
            user = {rid for rid, _, _ in self.store.records({"origin": "user"})}
            self.store.delete(user, force=True)


def _count_files(folder: Path, pattern: str) -> int:
    return sum(1 for p in folder.glob(pattern) if p.is_file()) if folder.is_dir() else 0
