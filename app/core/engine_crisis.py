"""The crisis screen's turn: the hand-off, the direct question and what its answer decides.

Role: runs before anything else in a turn (app/core/engine.py); its replies are fixed texts from
knowledge/replies/crisis.toml, flagged and kept out of notes and reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.core import crisis_replies, intents
from app.core.engine_base import CARE, EngineBase, Event
from app.core.phases import CycleState


class CrisisTurns(EngineBase):
    def _screen_turn(
        self,
        session_id: str,
        text: str,
        lang: str,
        cycle: CycleState,
        state: dict[str, Any],
        started: float,
        note: str,
    ) -> Iterator[Event] | None:
        """The crisis screen's answer, or None to go on with the method.

        A clear signal gets the hand-off; a possible one a direct question, whose answer is
        judged at the next message: a plain no resumes the method, a message that goes on about
        the work without touching the question gets it once more, anything else the hand-off.
        A signal only the semantic screen raised (no rule named it) is less sure: a short answer
        about the work ("Vooral schaamte, denk ik.") counts as going on, and when the person goes
        on about the work after the second question too, the method resumes with the numbers
        under the reply.
        A signal about someone the person works with marks the numbers note as due and goes on.
        """
        verdict = self.screen.check(text)
        asked = state.pop("crisis_check", None)
        asked_again = state.pop("crisis_asked_again", False)
        by_meaning = state.pop("crisis_by_meaning", False)
        own = verdict if verdict.flagged and verdict.about == "self" else None
        answer = intents.answer_to_check(text, 8 if by_meaning else 20) if asked else ""
        if answer == "elsewhere" and own is not None and own.level == "possible":
            # Asked already, and the person goes on about the work: a new possible signal that
            # only the semantic screen raised is judged as that answer, not as a hand-off
            # ("if i knocked every door id be out till 9 at night and never see my kids").
            own = None if own.source == "semantic" else own
        if asked and own is None and answer == "elsewhere" and not asked_again:
            # The person went on about the work: the question is asked once more, briefly.
            state["crisis_check"] = asked
            state["crisis_asked_again"] = True
            state["crisis_by_meaning"] = by_meaning
            reply = crisis_replies.ask_again(lang, str(asked))
            return self._flagged(session_id, text, reply, cycle, state, lang, started, note)
        if asked and own is None and answer == "elsewhere" and by_meaning:
            state["resume_note"] = "due"  # asked twice, twice the work: the method goes on
            return None
        if asked and (own is not None or answer != "no"):
            family = own.family if own is not None else str(asked)
            return self._crisis(session_id, text, lang, cycle, state, started, note, family)
        if asked:
            reply = crisis_replies.RELIEVED[lang]
            return self._fixed(session_id, text, reply, cycle, state, lang, started, "care")
        if own is not None and own.level == "clear":
            return self._crisis(session_id, text, lang, cycle, state, started, note, own.family)
        if own is not None:
            state["crisis_check"] = own.family
            state["crisis_by_meaning"] = own.source == "semantic"
            reply = crisis_replies.ask(lang, own, text)
            return self._flagged(session_id, text, reply, cycle, state, lang, started, note)
        if verdict.flagged and not state.get("professional_note"):
            state["professional_note"] = "due"
        return None

    def _crisis(
        self,
        session_id: str,
        text: str,
        lang: str,
        cycle: CycleState,
        state: dict[str, Any],
        started: float,
        note: str,
        family: str,
    ) -> Iterator[Event]:
        """The hand-off; the next turns check in on the person before the method resumes."""
        state["care"] = len(CARE[lang])
        reply = crisis_replies.handoff(lang, family)
        return self._flagged(session_id, text, reply, cycle, state, lang, started, note)
