"""What the core keeps and looks up, as plain records, and the two stores it needs.

Role: the turn and session records the engine writes and the report reads, the passages a
search returns, and the protocols of the session repository and the retriever. The adapters
(app/adapters/sessions.py over SQLite, app/adapters/knowledge.py over chromadb) implement them;
the core depends on these shapes only, never on a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

# reflect: an ordinary turn of the method; advice: an advice request handed back; options: the
# tips after a yes; crisis: the hand-off; care: the check-in turns after a crisis; boundary: a
# request to do something else than reflect; report: the closing reflectieverslag.
TURN_KINDS = ("reflect", "advice", "options", "crisis", "care", "boundary", "report")


@dataclass
class Turn:
    user: str
    reply: str
    phase: int | None
    lang: str
    sources: list[dict[str, str]] = field(default_factory=list)
    prompt_versions: dict[str, str] = field(default_factory=dict)
    model_id: str = ""
    crisis: bool = False
    ttft_s: float | None = None
    total_s: float | None = None
    n: int = 0
    created_at: float = 0.0
    kind: str = "reflect"


@dataclass
class SessionInfo:
    id: str
    title: str
    lang: str
    phase: int
    state: dict[str, Any]
    created_at: float
    updated_at: float
    turn_count: int = 0


@dataclass(frozen=True)
class Passage:
    id: str
    card_id: str
    title: str
    text: str
    score: float
    meta: dict[str, Any]


@dataclass(frozen=True)
class SearchResult:
    passages: list[Passage]
    relevant: bool  # False: nothing passed the threshold (passages then holds nothing)
    threshold: float


@dataclass(frozen=True)
class StateChange:
    """Where a turn leaves the session: its phase, its state and its language."""

    phase: int
    state: dict[str, Any]
    lang: str


class SessionRepository(Protocol):
    """Where the engine keeps a conversation: its state, its turns and its report."""

    def get(self, sid: str) -> SessionInfo: ...

    def turns(self, sid: str) -> list[Turn]: ...

    def save_state(self, sid: str, phase: int, state: dict[str, Any], lang: str) -> None: ...

    def add_turn(self, sid: str, turn: Turn, change: StateChange | None = None) -> Turn:
        """Store a completed turn, and with it the session's new state, in one transaction."""
        ...

    def save_report(self, sid: str, text: str) -> None: ...


class Retriever(Protocol):
    def search(
        self,
        query: str,
        k: int = 5,
        *,
        type: str | list[str] | None = None,
        phase: int | None = None,
        theme: str | None = None,
        lang: str | None = None,
        prefer_lang: str | None = None,
        threshold: float | None = None,
    ) -> SearchResult: ...
