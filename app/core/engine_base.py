"""What every kind of coach turn shares: the streamed events, the coach's fixed texts, and
storing a turn with the cycle and what was asked.

Role: the base of the engine's steps (app/core/engine.py, app/core/engine_crisis.py,
app/core/engine_advice.py); plain Python over interfaces.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from app.core import fixed_texts, intents, style
from app.core.chat_model import ChatModel
from app.core.phases import CycleState
from app.core.records import Retriever, SessionRepository, StateChange, Turn
from app.core.safety import CrisisScreen

_TEXTS = fixed_texts.load("coach")
EMPTY_PROMPT: dict[str, str] = _TEXTS["empty_prompt"]
TRUNCATED_NOTE: dict[str, str] = _TEXTS["truncated_note"]
# Replies to an advice request are composed from fixed parts; someone who asks again gets the
# next phrasing, so asking three times never gets the same words three times.
ADVICE_MIRRORS: dict[str, tuple[str, ...]] = _TEXTS["advice_mirrors"]
LEERVRAAG: dict[str, str] = _TEXTS["leervraag"]
# Before bewustwording an advice request is handed back; from then on the coach asks what the
# person considered before it names options (a "yes" after that brings two tip titles).
RETURN_QUESTIONS: dict[str, tuple[str, ...]] = _TEXTS["return_questions"]
PERMISSION_QUESTIONS: dict[str, tuple[str, ...]] = _TEXTS["permission_questions"]
RETURN_QUESTION = {lang: questions[0] for lang, questions in RETURN_QUESTIONS.items()}
OWN_OPTIONS_QUESTION: dict[str, str] = _TEXTS["own_options_question"]
WEIGH_OPTIONS_QUESTION: dict[str, str] = _TEXTS["weigh_options_question"]
COME_ACROSS_QUESTION: dict[str, str] = _TEXTS["come_across_question"]
OWN_WORDS: dict[str, str] = _TEXTS["own_words"]
OWN_WORDS_QUESTION: dict[str, str] = _TEXTS["own_words_question"]
JUDGEMENT_QUESTION: dict[str, str] = _TEXTS["judgement_question"]
OPTIONS_REPLY: dict[str, str] = _TEXTS["options_reply"]
CLOSING: dict[str, str] = _TEXTS["closing"]
_CLOSING_ACK: dict[str, dict[str, str]] = _TEXTS["closing_ack"]
OPENING_QUESTION: dict[str, str] = _TEXTS["opening_question"]
PERMISSION_QUESTION = {lang: questions[0] for lang, questions in PERMISSION_QUESTIONS.items()}
# After a crisis hand-off the method waits: the next turns check in on the person first.
CARE: dict[str, tuple[str, ...]] = _TEXTS["care"]
# A request to be something else than a reflection coach, and frustration aimed at the coach.
# Two phrasings each, used in turn, so a second request does not get the same words back.
BOUNDARY_MIRROR: dict[str, dict[str, tuple[str, ...]]] = _TEXTS["boundary_mirror"]
BOUNDARY_QUESTION: dict[str, dict[str, tuple[str, ...]]] = _TEXTS["boundary_question"]


def closing_ack(text: str, lang: str) -> str:
    """What goes before the closing: the person's own word on the conversation, or their plan."""
    kind = intents.closing_word(text)
    return _CLOSING_ACK[lang][kind] if kind else ""


@dataclass
class Event:
    """One step of a streamed reply: 'delta' appends text, 'reset' replaces it, 'done' ends."""

    kind: str
    text: str = ""
    phase: int | None = None
    sources: list[dict[str, str]] = field(default_factory=list)
    turn: Turn | None = None
    report: str | None = None
    note: str = ""


class EngineBase:
    """The services a turn needs, and how a turn is stored."""

    model: ChatModel
    knowledge: Retriever
    sessions: SessionRepository
    screen: CrisisScreen
    versions: dict[str, str]

    def _commit(
        self,
        session_id: str,
        text: str,
        reply: str,
        question: str,
        cycle: CycleState,
        state: dict[str, Any],
        lang: str,
        sources: list[dict[str, str]],
        started: float,
        first: float | None,
        kind: str = "reflect",
        choice: str = "",
    ) -> Turn:
        """Remember what was asked and said, save the cycle, and store the completed turn.

        Only turns of the method add to the notes that later prompts see.
        """
        state["asked"] = (state.get("asked", []) + [question])[-40:]
        if kind in ("reflect", "advice"):
            state["notes"] = (state.get("notes", []) + [_gist(text)])[-6:]
        state["cycle"] = cycle.to_dict()
        change = StateChange(cycle.phase, state, lang)
        return self._store(
            session_id,
            text,
            reply,
            cycle.phase,
            lang,
            sources,
            False,
            started,
            first,
            kind,
            choice,
            change,
        )

    def _fixed(
        self,
        session_id: str,
        text: str,
        reply: str,
        cycle: CycleState,
        state: dict[str, Any],
        lang: str,
        started: float,
        kind: str,
    ) -> Iterator[Event]:
        """A turn composed from fixed parts (no model call); the cycle does not move."""
        question = (style.questions(reply)[-1:] or [""])[0]
        yield Event("meta", phase=cycle.phase, sources=[])
        yield Event("reset", reply)
        turn = self._commit(
            session_id, text, reply, question, cycle, state, lang, [], started, started, kind
        )
        yield Event("done", reply, phase=cycle.phase, sources=[], turn=turn)

    def _flagged(
        self,
        session_id: str,
        text: str,
        reply: str,
        cycle: CycleState,
        state: dict[str, Any],
        lang: str,
        started: float,
        note: str,
    ) -> Iterator[Event]:
        """A crisis turn: fixed text, flagged, kept out of notes, summaries and the report."""
        yield Event("reset", reply, phase=cycle.phase, note=note)
        change = StateChange(cycle.phase, state, lang)
        turn = self._store(
            session_id, text, reply, None, lang, [], True, started, started, "crisis", "", change
        )
        yield Event("done", reply, phase=cycle.phase, turn=turn, note=note)

    def _store(
        self,
        session_id: str,
        text: str,
        reply: str,
        phase: int | None,
        lang: str,
        sources: list[dict[str, str]],
        crisis: bool,
        started: float,
        first: float | None,
        kind: str = "reflect",
        choice: str = "",
        change: StateChange | None = None,
    ) -> Turn:
        """Store the turn and, with it in one transaction, the session's new state."""
        now = time.perf_counter()
        return self.sessions.add_turn(
            session_id,
            Turn(
                user=text,
                reply=reply,
                phase=phase,
                lang=lang,
                sources=sources,
                prompt_versions={**self.versions, **({"chooser": choice} if choice else {})},
                model_id=self.model.model_id,
                crisis=crisis,
                ttft_s=round((first or now) - started, 4),
                total_s=round(now - started, 4),
                kind=kind,
            ),
            change,
        )


def _in_turn(phrasings: tuple[str, ...], n: int) -> str:
    """The phrasing for the n-th time (from 0): each in turn, then round again."""
    return phrasings[n % len(phrasings)]


def _gist(text: str, words: int = 20) -> str:
    """The first words of a message: enough context for the next turn, bounded in size."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
