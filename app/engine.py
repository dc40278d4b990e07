"""The reflection engine: composes every coach turn from narrow, checkable steps.

Per message: clean the input, check for a crisis, track the ALACT phase, retrieve guidance cards
and candidate bank questions, let the model write one mirroring sentence and one open question
under a grammar, check the result, regenerate once, and fall back to a bank question. The prompt
keeps its fixed parts first (system prompt, examples) and appends each turn exactly as it was
shown before, so the model's KV cache is reused from turn to turn.

Plain Python over interfaces: no gradio, click, llama_cpp or chromadb here.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from . import (
    compose,
    crisis_replies,
    fixed_texts,
    intents,
    language_guard,
    phases,
    question_fit,
    reading,
    reflection,
    report,
    sanitize,
    style,
)
from .chat_model import ChatModel
from .crisis_replies import NOT_THERAPY_NOTICE
from .errors import InputError
from .language import detect_language
from .phases import CycleState
from .prompts import PromptLibrary
from .reflection import Candidate
from .safety import CrisisScreen
from .sessions import SessionInfo, SessionStore, Turn

if TYPE_CHECKING:  # the engine needs only the shape of a search result, not numpy
    from .knowledge import SearchResult

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
PERMISSION_QUESTION = {lang: questions[0] for lang, questions in PERMISSION_QUESTIONS.items()}
# After a crisis hand-off the method waits: the next turns check in on the person first.
CARE: dict[str, tuple[str, ...]] = _TEXTS["care"]
# A request to be something else than a reflection coach, and frustration aimed at the coach.
# Two phrasings each, used in turn, so a second request does not get the same words back.
BOUNDARY_MIRROR: dict[str, dict[str, tuple[str, ...]]] = _TEXTS["boundary_mirror"]
BOUNDARY_QUESTION: dict[str, dict[str, tuple[str, ...]]] = _TEXTS["boundary_question"]
CARD_TYPES = ["theme", "method", "tip"]


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


_MOMENT_WORDS = re.compile(
    r"\b(op dat moment|toen|at that moment|when it happened|deed je|did you do)\b", re.I
)
_OTHER_WORDS = re.compile(r"\b(de ander|the other person)\b", re.I)
_WANT_WORDS = re.compile(r"\b(wilde jij|did you want)\b", re.I)


def _own_option(text: str, lang: str, seen: reading.Reading) -> str | None:
    """The person's own option in an advice request ("Ik zou het bij hem kunnen aankaarten.
    Wat zou jij doen?"), said back; None when the message names none."""
    if not (seen.alternative or seen.plan):
        return None
    found = [
        c
        for c in reflection.mirrors(text, lang, seen)
        if c.source.startswith(("said:", "clause:"))
        and (
            reading.read(c.text, lang).alternative
            or reading.read(c.text, lang).plan
            or re.search(r"\b(kunnen|kunt|could|might|misschien|maybe)\b", c.text, re.I)
        )
    ]
    return found[0].text if found else None


def _terugblik_fits(question: str, seen: reading.Reading, story: str) -> bool:
    if _MOMENT_WORDS.search(question) and (not seen.moment_now or seen.plan or seen.alternative):
        return False
    if _WANT_WORDS.search(question) and seen.wanted:
        return False
    if _OTHER_WORDS.search(question) and (seen.inner or seen.feeling):
        return False  # the person speaks of their own inside: stay with them
    return question_fit.fits(question, seen, story)


@dataclass
class EngineConfig:
    chooser: str = "rules"  # "model": the model picks among the candidates; "rules": no model
    max_tokens: int = 96
    temperature: float = 0.2
    seed: int = 7
    max_message_chars: int = 4000


class Engine:
    def __init__(
        self,
        model: ChatModel,
        knowledge: Retriever,
        sessions: SessionStore,
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
        if lang == "en":
            return (
                f"{NOT_THERAPY_NOTICE['en']}\n\nWhich work situation would you like to "
                f"reflect on today?"
            )
        return (
            f"{NOT_THERAPY_NOTICE['nl']}\n\nWelke situatie uit je werk wil je vandaag onderzoeken?"
        )

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
        state = dict(info.state)
        note = TRUNCATED_NOTE[lang].format(n=len(text)) if clean.truncated else ""
        cycle = CycleState.from_dict(state.get("cycle", {}))
        return TurnContext(info.id, text, lang, cycle, state, started, note, info.turn_count)

    def _crisis_step(self, c: TurnContext) -> Iterator[Event] | None:
        crisis = self._screen_turn(
            c.session_id, c.text, c.lang, c.cycle, c.state, c.started, c.note
        )
        if crisis is None and c.state.get("professional_note") == "due":
            c.state["professional_note"] = "shown"
            c.note = " ".join(filter(None, [c.note, crisis_replies.PROFESSIONAL_NOTE[c.lang]]))
        return crisis

    def _stop_step(self, c: TurnContext) -> Iterator[Event] | None:
        if intents.wants_to_stop(c.text) and c.turn_count:
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
        seen = reading.read(text, lang, earlier)
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
        questions = self._questions(c, cycle, seen, earlier, found)
        mirrors = reflection.mirrors(text, lang, seen)
        yield Event("meta", phase=cycle.phase, sources=sources, note=c.note)
        choice = self.chooser.choose(
            text,
            mirrors[: compose.MAX_MIRRORS],
            questions[: compose.MAX_QUESTIONS],
            earlier=" / ".join(state.get("notes", [])[-2:]),
        )
        reply = self._guarded(choice, mirrors, questions, lang, text)
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
        extra = self._method_questions(cycle, c.lang, asked, story, seen)
        bank = [(p.card_id, p.text) for p in found.passages]
        ranked = compose.rank_questions(
            bank, seen, c.text, story, cycle.phase, c.lang, asked, extra
        )
        return ranked or [Candidate(RETURN_QUESTION[c.lang], "fixed:return", 0.0)]

    def _method_questions(
        self, cycle: CycleState, lang: str, asked: list[str], story: str, seen: reading.Reading
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
            if q and _terugblik_fits(q, seen, story):
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
            reply = f"{m.text} {q.text}"
            if not style.check_turn(reply, lang).problems and language_guard.language_ok(
                reply, lang, allowed=text
            ):
                return reply
        return f"{mirrors[0].text} {questions[0].text}"

    def _advice(
        self,
        session_id: str,
        text: str,
        lang: str,
        cycle: CycleState,
        state: dict[str, Any],
        started: float,
        note: str,
        sources: list[dict[str, str]],
        seen: reading.Reading,
    ) -> Iterator[Event]:
        """An advice request: the question handed back, or permission asked, in fixed words
        that change each time the request comes back."""
        asked_advice = int(state.get("advice", 0))
        special = RETURN_QUESTIONS if cycle.phase < 3 else PERMISSION_QUESTIONS
        question = _in_turn(special[lang], asked_advice)
        cycle.permission_asked = cycle.phase >= 3
        state["advice"] = asked_advice + 1
        reply = f"{_in_turn(ADVICE_MIRRORS[lang], asked_advice)} {question}"
        own = _own_option(text, lang, seen)
        if own is not None:
            # The person already names what they could do: that is said back, not asked for.
            question = OWN_OPTIONS_QUESTION[lang]
            reply = f"{own} {question}"
            cycle.permission_asked = False
        yield Event("meta", phase=cycle.phase, sources=sources, note=note)
        yield Event("reset", reply)
        turn = self._commit(
            session_id,
            text,
            reply,
            question,
            cycle,
            state,
            lang,
            sources,
            started,
            time.perf_counter(),
            kind="advice",
        )
        yield Event("done", reply, phase=cycle.phase, sources=sources, turn=turn, note=note)

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
        A signal about someone the person works with marks the numbers note as due and goes on.
        """
        verdict = self.screen.check(text)
        asked = state.pop("crisis_check", None)
        asked_again = state.pop("crisis_asked_again", False)
        own = verdict if verdict.flagged and verdict.about == "self" else None
        answer = intents.answer_to_check(text) if asked else ""
        if asked and own is None and answer == "elsewhere" and not asked_again:
            # The person went on about the work: the question is asked once more, briefly.
            state["crisis_check"] = asked
            state["crisis_asked_again"] = True
            reply = crisis_replies.ask_again(lang, str(asked))
            return self._flagged(session_id, text, reply, cycle, state, lang, started, note)
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
        self.sessions.save_state(session_id, cycle.phase, state, lang)
        turn = self._store(
            session_id, text, reply, None, lang, [], True, started, started, "crisis"
        )
        yield Event("done", reply, phase=cycle.phase, turn=turn, note=note)

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
        self.sessions.save_state(session_id, cycle.phase, state, lang)
        return self._store(
            session_id, text, reply, cycle.phase, lang, sources, False, started, first, kind, choice
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

    def _options(
        self,
        session_id: str,
        text: str,
        lang: str,
        cycle: CycleState,
        state: dict[str, Any],
        started: float,
    ) -> Iterator[Event]:
        """The person said yes to hearing options: name two tips, then hand back a question."""
        cycle.permission_asked = False
        tips = self.knowledge.search(
            text + " " + " ".join(state.get("notes", [])),
            k=2,
            type="tip",
            prefer_lang=lang,
            threshold=0.0,
        )
        titles = [p.title for p in tips.passages] or ["-"]
        if lang == "en":
            reply = (
                f"A few options others find useful: {'; '.join(titles)}. "
                f"Which of these fits you, if any?"
            )
        else:
            reply = (
                f"Een paar mogelijkheden die anderen helpen: {'; '.join(titles)}. "
                f"Wat spreekt je daarvan aan, als er iets bij zit?"
            )
        sources = [{"id": p.card_id, "title": p.title} for p in tips.passages]
        yield Event("reset", reply, phase=cycle.phase, sources=sources)
        state["cycle"] = cycle.to_dict()
        self.sessions.save_state(session_id, cycle.phase, state, lang)
        turn = self._store(
            session_id, text, reply, cycle.phase, lang, sources, False, started, started, "options"
        )
        yield Event("done", reply, phase=cycle.phase, sources=sources, turn=turn)

    def _finish(
        self, session_id: str, text: str, lang: str, cycle: CycleState, started: float
    ) -> Iterator[Event]:
        verslag = self.make_report(session_id, lang, closing=text)
        closing = (
            "Dank je voor dit gesprek. Hieronder staat je reflectieverslag in je eigen "
            "woorden; je kunt het aanpassen en bewaren."
            if lang == "nl"
            else "Thank you for this conversation. Below is your reflection report in your own "
            "words; you can edit and keep it."
        )
        reply = f"{closing}\n\n{verslag}"
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
    ) -> Turn:
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
        )

    def run(self, session_id: str, message: object) -> Event:
        """Run a whole turn and return its final event (for scripts and tests)."""
        last = Event("done")
        for event in self.respond(session_id, message):
            last = event
        if last.kind != "done":
            raise InputError("The turn ended without a reply.")
        return last


def _in_turn(phrasings: tuple[str, ...], n: int) -> str:
    """The phrasing for the n-th time (from 0): each in turn, then round again."""
    return phrasings[n % len(phrasings)]


def _gist(text: str, words: int = 20) -> str:
    """The first words of a message: enough context for the next turn, bounded in size."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")
