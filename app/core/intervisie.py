"""Intervisie: a group of colleagues works through one colleague's case, round by round.

Role: the state of one meeting (method, inbrenger, participants, case and leervraag, the round
now running and since when, the facilitator's notes per round), kept in the data folder so that
nothing typed is lost; suggested questions per round from the question bank, fitted to the case;
the intervisieverslag built from what was typed, never generated; and an inbreng made from a
finished reflection conversation in the person's own words.
Must not: call a language model, or name a method's rounds in code (they come from
knowledge/methods/).
"""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Protocol

from app.core import fixed_texts, methods, question_fit, reading, style, ui_text
from app.errors import InputError

MIN_PEOPLE, MAX_PEOPLE = 3, 8  # the inbrenger and the participants together

TEXT: dict[str, dict[str, str]] = fixed_texts.by_lang(fixed_texts.load("reports")["intervisie"])


class Retriever(Protocol):
    def search(self, query: str, k: int = 5, **filters: Any) -> Any: ...


@dataclass
class Meeting:
    method: str
    inbrenger: str
    participants: list[str]
    case: str
    leervraag: str
    lang: str = "nl"
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    round: int = 1  # the round now running, from 1; len(steps) + 1 when finished
    started: dict[str, float] = field(default_factory=dict)  # round id -> wall time it began
    notes: dict[str, str] = field(default_factory=dict)  # round id -> the facilitator's notes
    created_at: float = field(default_factory=time.time)

    @property
    def spec(self) -> methods.Method:
        return methods.get(self.method)

    @property
    def finished(self) -> bool:
        return self.round > len(self.spec.steps)

    @property
    def step(self) -> methods.Step | None:
        return None if self.finished else self.spec.step(self.round)

    def begin(self, now: float | None = None) -> Meeting:
        step = self.step
        if step is not None and step.id not in self.started:
            self.started[step.id] = time.time() if now is None else now
        return self

    def note(self, text: str) -> Meeting:
        step = self.step
        if step is not None:
            self.notes[step.id] = text.strip()
        return self

    def advance(self, now: float | None = None) -> Meeting:
        if not self.finished:
            self.round += 1
            self.begin(now)
        return self

    def back(self) -> Meeting:
        self.round = max(1, self.round - 1)
        return self

    def remaining(self, now: float | None = None) -> int:
        """Seconds left in this round (negative when it runs over)."""
        step = self.step
        if step is None:
            return 0
        began = self.started.get(step.id, time.time() if now is None else now)
        used = (time.time() if now is None else now) - began
        return int(round(step.minutes * 60 - used))


def start(
    method: str,
    inbrenger: str,
    participants: list[str] | str,
    case: str,
    leervraag: str,
    lang: str = "nl",
    now: float | None = None,
) -> Meeting:
    """A new meeting, checked: a known intervisie method, 3-8 people, a case and a question."""
    spec = methods.get(method)
    if spec.kind != "intervisie":
        raise InputError(f"{spec.label(lang)} is not an intervisie method.")
    if isinstance(participants, str):
        participants = [p for p in re.split(r"[,;\n]+", participants)]
    people = [p.strip() for p in participants if p.strip()]
    who = inbrenger.strip()
    people = [p for p in people if p.lower() != who.lower()]
    if not who:
        raise InputError(ui_text.text(lang)["iv_need_inbrenger"])
    if not MIN_PEOPLE <= len(people) + 1 <= MAX_PEOPLE:
        raise InputError(
            ui_text.text(lang)["iv_people"].format(
                low=MIN_PEOPLE, high=MAX_PEOPLE, now=len(people) + 1
            )
        )
    if len(case.split()) < 5 or not leervraag.strip():
        raise InputError(ui_text.text(lang)["iv_need_case"])
    return Meeting(method, who, people, case.strip(), leervraag.strip(), lang).begin(now)


# --- suggested questions ---------------------------------------------------------------------


def suggestions(meeting: Meeting, knowledge: Retriever, k: int = 4) -> list[str]:
    """Bank questions for this round that fit the case: nearest to the case and the leervraag
    among the round's phase tags, without a presupposition the case does not meet (no question
    about a manager who is not in it)."""
    step = meeting.step
    if step is None or not step.phases:
        return []
    story = f"{meeting.case} {meeting.leervraag}"
    seen = reading.read(meeting.case, meeting.lang)
    found: list[tuple[float, str]] = []
    for phase in step.phases:
        result = knowledge.search(
            story, k=12, type="question", phase=phase, lang=meeting.lang, threshold=0.0
        )
        for p in result.passages:
            found.append((p.score, p.text))
    out: list[str] = []
    for _, text in sorted(found, key=lambda x: -x[0]):
        if text in out or not question_fit.fits(text, seen, story):
            continue
        out.append(text)
        if len(out) == k:
            break
    return out


# --- the verslag -------------------------------------------------------------------------------


def verslag(meeting: Meeting) -> str:
    """The intervisieverslag: the case and the leervraag in the inbrenger's words, then per
    section what was noted in its rounds. Nothing is added that nobody typed."""
    spec = meeting.spec
    t = TEXT["en" if meeting.lang == "en" else "nl"]
    when = time.strftime("%Y-%m-%d", time.localtime(meeting.created_at))
    lines = [
        f"# {t['title']}: {spec.label(meeting.lang)}",
        "",
        f"*{when}. "
        + t["by"].format(
            who=meeting.inbrenger,
            others=", ".join(meeting.participants),
            method=spec.label(meeting.lang),
        )
        + f" {t['own']}*",
        "",
    ]
    sections = spec.sections or tuple(methods.Section(s.id, s.name) for s in spec.steps)
    for section in sections:
        steps = [s for s in spec.steps if (s.report or s.id) == section.id]
        lines += [f"## {section.name.get(meeting.lang) or section.name['nl']}", ""]
        body = []
        if steps and steps[0] is spec.steps[0]:
            body += [
                f"**{t['case']}:** {meeting.case}",
                "",
                f"**{t['leervraag']}:** {meeting.leervraag}",
            ]
        for step in steps:
            noted = meeting.notes.get(step.id, "").strip()
            if noted:
                body += [""] if body else []
                body += [
                    line if line.startswith(("- ", "* ")) else f"- {line}"
                    for line in (x.strip() for x in noted.splitlines())
                    if line
                ]
        lines += body or [t["none"]]
        lines.append("")
    return "\n".join(lines).strip() + "\n"


# --- from a reflection conversation --------------------------------------------------------------


_LEARN = re.compile(
    r"\b(ik wil (graag )?(leren|weten|beter|ontdekken|snappen)|ik zou (graag )?willen leren|"
    r"hoe (kan|moet) ik|mijn vraag is|i want to (learn|know|understand|get better)|"
    r"how (can|do|should) i|my question is)\b",
    re.I,
)


def inbreng_from_turns(turns: list[Any], lang: str) -> tuple[str, str]:
    """A case description and a leervraag from a reflection conversation, in the person's own
    words: the first statements of the story, and the sentence in which they said what they want
    to learn (else the conversation's first insight or plan, turned into nothing new)."""
    said = [t for t in turns if getattr(t, "kind", "reflect") == "reflect" and not t.crisis]
    case_parts: list[str] = []
    question = ""
    for t in said:
        for sentence in style.sentences(t.user):
            if not question and _LEARN.search(sentence):
                question = sentence.strip()
            elif (t.phase or 1) <= 2 and len(case_parts) < 5 and len(sentence.split()) >= 4:
                case_parts.append(sentence.strip())
    if not question:
        for t in said:
            r = reading.read(t.user, lang)
            if r.insight or r.plan:
                question = style.sentences(t.user)[0].strip()
                break
    return " ".join(case_parts), question
