"""The reflection engine: composes every coach turn from narrow, checkable steps.

Per message: clean the input, check for a crisis, track the ALACT phase, retrieve guidance cards
and candidate bank questions, let the model write one mirroring sentence and one open question
under a grammar, check the result, regenerate once, and fall back to a bank question. The prompt
keeps its fixed parts first (system prompt, examples) and appends each turn exactly as it was
shown before, so the model's KV cache is reused from turn to turn.

Plain Python over interfaces: no gradio, click, llama_cpp or chromadb here.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from app.core import (
    compose,
    crisis_replies,
    fixed_texts,
    intents,
    language_guard,
    names,
    phases,
    question_fit,
    reading,
    reflection,
    report,
    sanitize,
    style,
)
from app.core.chat_model import ChatModel
from app.core.crisis_replies import NOT_THERAPY_NOTICE
from app.core.engine_advice import AdviceTurns
from app.core.engine_base import (
    ADVICE_MIRRORS,
    BOUNDARY_MIRROR,
    BOUNDARY_QUESTION,
    CARE,
    CLOSING,
    EMPTY_PROMPT,
    LEERVRAAG,
    OPENING_QUESTION,
    OWN_OPTIONS_QUESTION,
    PERMISSION_QUESTION,
    PERMISSION_QUESTIONS,
    RETURN_QUESTION,
    RETURN_QUESTIONS,
    TRUNCATED_NOTE,
    Event,
    Retriever,
    _in_turn,
    closing_ack,
)
from app.core.engine_crisis import CrisisTurns
from app.core.language import detect_language
from app.core.phases import CycleState
from app.core.prompts import PromptLibrary
from app.core.records import SearchResult, SessionInfo, SessionRepository
from app.core.reflection import Candidate
from app.core.safety import CrisisScreen
from app.core.terugblik_fit import terugblik_fits
from app.errors import InputError

CARD_TYPES = ["theme", "method", "tip"]
# From this many turns on, a thank-you with no question closes the conversation
# (intents.thanks_late).
LATE_TURNS = 6
# The fixed texts and the event type live in app/core/engine_base.py; callers may take them
# from here.
__all__ = [
    "ADVICE_MIRRORS",
    "BOUNDARY_MIRROR",
    "BOUNDARY_QUESTION",
    "CARE",
    "EMPTY_PROMPT",
    "LEERVRAAG",
    "OWN_OPTIONS_QUESTION",
    "PERMISSION_QUESTION",
    "PERMISSION_QUESTIONS",
    "RETURN_QUESTION",
    "RETURN_QUESTIONS",
    "TRUNCATED_NOTE",
    "Engine",
    "EngineConfig",
    "Event",
    "Retriever",
    "TurnContext",
]


@dataclass
class TurnContext:
    """One message on its way through the steps of a turn, with the session's state."""

    session_id: str
    text: str
    lang: str
    cycle: CycleState
    state: dict[str, Any]
    started: float
    note: str
    turn_count: int


@dataclass
class EngineConfig:
    chooser: str = "rules"  # "model": the model picks among the candidates; "rules": no model
    max_tokens: int = 96
    temperature: float = 0.2
    seed: int = 7
    max_message_chars: int = 4000


class Engine(CrisisTurns, AdviceTurns):
    def __init__(
        self,
        model: ChatModel,
        knowledge: Retriever,
        sessions: SessionRepository,
        prompts: PromptLibrary,
        config: EngineConfig | None = None,
        screen: CrisisScreen | None = None,
    ) -> None:
        self.model = model
        self.screen = screen or CrisisScreen()
        self.knowledge = knowledge
        self.sessions = sessions
        self.config = config or EngineConfig()
        self.chooser = compose.Chooser(model, prompts, self.config.chooser)
        self.versions = {**self.chooser.versions, **fixed_texts.versions()}

    def warm(self) -> str:
        """Put the chooser's fixed prompt in the model's cache (restored from disk when it was
        evaluated before), so every session starts warm. Returns what happened."""
        if self.config.chooser == "model":
            return self.chooser.warm()
        return "none"

    # -- the turn ------------------------------------------------------------------------

    def opening(self, lang: str = "nl") -> str:
        """What the coach says before the first message: what this is, and what it is not."""
        lang = "en" if lang == "en" else "nl"
        return f"{NOT_THERAPY_NOTICE[lang]}\n\n{OPENING_QUESTION[lang]}"

    def respond(self, session_id: str, message: object) -> Iterator[Event]:
        """One turn: the first step that answers the message writes the reply; a message that
        no fixed step answers gets a reflection."""
        info = self.sessions.get(session_id)
        ctx = self._context(info, message)
        if ctx is None:
            yield Event("reset", EMPTY_PROMPT[info.lang], phase=info.phase)
            yield Event("done", EMPTY_PROMPT[info.lang], phase=info.phase)
            return
        for step in (self._crisis_step, self._stop_step, self._care_step, self._boundary_step):
            events = step(ctx)
            if events is not None:
                yield from events
                return
        yield from self._reflect_step(ctx)

    def _context(self, info: SessionInfo, message: object) -> TurnContext | None:
        """The cleaned message with the session's state, or None for an empty message."""
        started = time.perf_counter()
        clean = sanitize.normalize(message, self.config.max_message_chars)
        if not clean.text:
            return None
        text = clean.text
        lang = detect_language(text, default=info.lang)
        if info.turn_count and len(text.split()) <= 2:
            lang = info.lang  # "thanks" at the end of a Dutch conversation does not switch it
        state = dict(info.state)
        note = TRUNCATED_NOTE[lang].format(n=len(text)) if clean.truncated else ""
        cycle = CycleState.from_dict(state.get("cycle", {}))
        return TurnContext(info.id, text, lang, cycle, state, started, note, info.turn_count)

    def _crisis_step(self, c: TurnContext) -> Iterator[Event] | None:
        crisis = self._screen_turn(
            c.session_id, c.text, c.lang, c.cycle, c.state, c.started, c.note
        )
        if crisis is None and c.state.pop("resume_note", "") == "due":
            c.note = " ".join(filter(None, [c.note, crisis_replies.RESUMED[c.lang]]))
        elif crisis is None and c.state.get("professional_note") == "due":
            c.state["professional_note"] = "shown"
            c.note = " ".join(filter(None, [c.note, crisis_replies.PROFESSIONAL_NOTE[c.lang]]))
        return crisis

    def _stop_step(self, c: TurnContext) -> Iterator[Event] | None:
        if c.state.get("care") and intents.only_thanks(c.text):
            return None  # after a crisis, a thank-you is answered with care, not a report
        late = c.turn_count >= LATE_TURNS and intents.thanks_late(c.text)
        if (intents.wants_to_stop(c.text) or late) and c.turn_count:
            return self._finish(c.session_id, c.text, c.lang, c.cycle, c.started)
        return None

    def _care_step(self, c: TurnContext) -> Iterator[Event] | None:
        if not c.state.get("care"):
            return None
        care = CARE[c.lang]
        step = len(care) - int(c.state["care"])
        c.state["care"] = int(c.state["care"]) - 1
        reply = care[max(0, min(step, len(care) - 1))]
        return self._fixed(c.session_id, c.text, reply, c.cycle, c.state, c.lang, c.started, "care")

    def _boundary_step(self, c: TurnContext) -> Iterator[Event] | None:
        boundary = intents.off_task(c.text)
        if not boundary:
            return None
        # "start" until the person has told something about their work (phase 2 on).
        topic = "start" if boundary == "instruction" and c.cycle.phase == 1 else boundary
        counts = dict(c.state.get("boundaries") or {})
        n = int(counts.get(boundary, 0))
        c.state["boundaries"] = {**counts, boundary: n + 1}
        mirror = _in_turn(BOUNDARY_MIRROR[boundary][c.lang], n)
        reply = f"{mirror} {_in_turn(BOUNDARY_QUESTION[topic][c.lang], n)}"
        return self._fixed(
            c.session_id, c.text, reply, c.cycle, c.state, c.lang, c.started, "boundary"
        )

    def _reflect_step(self, c: TurnContext) -> Iterator[Event]:
        """Options after a yes to them, the advice hand-back, or a mirror and a question."""
        text, lang, state = c.text, c.lang, c.state
        advice = intents.asks_advice(text)
        if c.cycle.permission_asked and intents.says_yes(text):
            yield from self._options(c.session_id, text, lang, c.cycle, state, c.started)
            return
        earlier = [t.user for t in self.sessions.turns(c.session_id) if t.kind == "reflect"]
        seen = reading.read(reflection.corrected(text), lang, earlier)
        cycle = phases.observe(c.cycle, text, seen)
        cards = self.knowledge.search(
            text, k=2, type=CARD_TYPES, phase=cycle.phase, prefer_lang=lang
        )
        found = self.knowledge.search(
            text, k=8, type="question", phase=cycle.phase, lang=lang, threshold=0.0
        )
        sources = [{"id": p.card_id, "title": p.title} for p in cards.passages]
        if advice:
            yield from self._advice(
                c.session_id, text, lang, cycle, state, c.started, c.note, sources, seen
            )
            return
        said_back = reflection.mirrors(text, lang, seen)
        questions = question_fit.fitting(
            self._questions(c, cycle, seen, earlier, found), said_back, lang
        )
        mirrors = reflection.follow(said_back, questions[0], lang)
        yield Event("meta", phase=cycle.phase, sources=sources, note=c.note)
        choice = self.chooser.choose(
            text,
            mirrors[: compose.MAX_MIRRORS],
            questions[: compose.MAX_QUESTIONS],
            earlier=" / ".join(state.get("notes", [])[-2:]),
        )
        reply = self._guarded(choice, mirrors, questions, lang, text)
        reply = names.with_known_names(reply, names.known_names([*earlier, text]))
        first = time.perf_counter()
        yield Event("reset", reply)
        question = (style.questions(reply)[-1:] or [questions[0].text])[0]
        if question == LEERVRAAG[lang]:
            cycle.leervraag_asked = True
        used = {q.source.split(":", 1)[1] for q in questions if q.text == question}
        sources += [
            {"id": p.card_id, "title": p.title} for p in found.passages if p.card_id in used
        ]
        turn = self._commit(
            c.session_id,
            text,
            reply,
            question,
            cycle,
            state,
            lang,
            sources,
            c.started,
            first,
            choice=choice.by,
        )
        yield Event("done", reply, phase=cycle.phase, sources=sources, turn=turn, note=c.note)

    def _questions(
        self,
        c: TurnContext,
        cycle: CycleState,
        seen: reading.Reading,
        earlier: list[str],
        found: SearchResult,
    ) -> list[Candidate]:
        """The bank's and the method's questions that fit this message, best first."""
        story = " ".join([*earlier, c.text])
        asked = list(c.state.get("asked", []))
        extra = self._method_questions(cycle, c.lang, asked, story, seen, c.text)
        bank = [(p.card_id, p.text) for p in found.passages]
        meant = reflection.corrected(c.text)
        ranked = compose.rank_questions(bank, seen, meant, story, cycle.phase, c.lang, asked, extra)
        again = _asked_again(asked, c.lang) if seen.ack else ""
        if again:
            ranked.insert(0, Candidate(again, "method:again", 3.0))
        return ranked or [Candidate(RETURN_QUESTION[c.lang], "fixed:return", 0.0)]

    def _method_questions(
        self,
        cycle: CycleState,
        lang: str,
        asked: list[str],
        story: str,
        seen: reading.Reading,
        message: str,
    ) -> list[Candidate]:
        """Questions the method itself brings: the leervraag early on, then the looking-back
        questions whose aspect the person has not told yet, when this message gives them
        something to hold on to (a told moment for "op dat moment", another person for "de
        ander", no want just told for "wat wilde jij")."""
        out = []
        if cycle.phase == 1 and not cycle.leervraag_asked:
            out.append(Candidate(LEERVRAAG[lang], "method:leervraag", 2.6))
        if cycle.phase == 2:
            q = phases.next_terugblik(cycle, lang, [a.lower() for a in asked])
            if q and terugblik_fits(q, seen, story, message):
                out.append(Candidate(q, "method:terugblik", 1.3))
        return out

    def _guarded(
        self,
        choice: compose.Choice,
        mirrors: list[Candidate],
        questions: list[Candidate],
        lang: str,
        text: str,
    ) -> str:
        """The chosen pair if it passes every check, else the next pair that does."""
        pairs = [(choice.mirror, choice.question)]
        pairs += [(m, q) for m in mirrors for q in questions if (m, q) != pairs[0]]
        for m, q in pairs:
            if not question_fit.pair_fits(m, q):
                continue
            reply = f"{m.text} {q.text}"
            if not style.check_turn(reply, lang).problems and language_guard.language_ok(
                reply, lang, allowed=text
            ):
                return reply
        return f"{mirrors[0].text} {questions[0].text}"

    def _finish(
        self, session_id: str, text: str, lang: str, cycle: CycleState, started: float
    ) -> Iterator[Event]:
        verslag = self.make_report(session_id, lang, closing=text)
        # The closing words in the conversation; the report itself opens beside it to be edited.
        reply = " ".join(filter(None, [closing_ack(text, lang), CLOSING[lang]]))
        yield Event("reset", reply, phase=cycle.phase, report=verslag)
        turn = self._store(
            session_id, text, reply, cycle.phase, lang, [], False, started, started, "report"
        )
        yield Event("done", reply, phase=cycle.phase, turn=turn, report=verslag)

    def make_report(self, session_id: str, lang: str | None = None, closing: str = "") -> str:
        info = self.sessions.get(session_id)
        turns = self.sessions.turns(session_id)
        if not closing and turns and turns[-1].kind == "report":
            closing = turns[-1].user  # made again later: the stop message still counts
        text = report.build(turns, lang or info.lang, info.title, closing)
        self.sessions.save_report(session_id, text)
        return text

    def run(self, session_id: str, message: object) -> Event:
        """Run a whole turn and return its final event (for scripts and tests)."""
        last = Event("done")
        for event in self.respond(session_id, message):
            last = event
        if last.kind != "done":
            raise InputError("The turn ended without a reply.")
        return last


_AGAIN_LEAD = {"nl": "En ", "en": "And "}


def _asked_again(asked: list[str], lang: str) -> str:
    """A bare yes ("Ja, precies.") confirms the mirror and leaves the last question open: it
    is asked again, once ("En wat wil je uit dit gesprek halen?"), never a third time."""
    if not asked or not asked[-1].endswith("?"):
        return ""
    last = asked[-1]
    lead = _AGAIN_LEAD[lang]
    if last.startswith(lead) or last in question_fit.generic():
        return ""  # "Wat raakt je hier het meest in?" twice in a row is no follow-up
    return lead + last[:1].lower() + last[1:]
