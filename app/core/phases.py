"""The reflection cycle: where a conversation is in Korthagen's ALACT cycle, and what is next.

Phases: 1 ervaring (what happened, and the leervraag), 2 terugblikken (the eight questions: what
did I want, think, feel, do, and the other), 3 bewustwording (what matters, patterns),
4 alternatieven, 5 voornemen. Moves are rule-based and never skip bewustwording before
alternatives. This module only tracks state; it does not generate text.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from app.core import fixed_texts, methods, plan_marks

# The step names come from the method's data (knowledge/methods/alact.toml).
NAMES = {lang: methods.reflection().names(lang) for lang in methods.LANGS}
STEPS = len(methods.reflection().steps)

# The eight looking-back questions as (aspect, whose) with how to ask them.
ASPECTS = ("willen", "denken", "voelen", "doen")
EIGHT: dict[str, dict[tuple[str, str], str]] = {
    lang: {tuple(key.split("_")): text for key, text in by_key.items()}  # type: ignore[misc]
    for lang, by_key in fixed_texts.by_lang(fixed_texts.load("coach")["eight"]).items()
}

_SIGNS = {
    "willen": r"\b(wil|wilde|wou|hoopte|wilden|want|wanted|hoped|wish)\w*",
    "denken": r"\b(dacht|denk|vond|vind|thought|think|believed|figured)\w*",
    "voelen": r"\b(voelde|voel|boos|bang|verdrietig|onzeker|gefrustreerd|blij|schaamde|"
    r"geïrriteerd|moe|angry|afraid|scared|sad|upset|frustrated|felt|feel|anxious|"
    r"ashamed|nervous|tired)\w*",
    "doen": r"\b(deed|zei|zweeg|liep|stuurde|belde|reageerde|did|said|told|walked|left|"
    r"replied|kept quiet|nodded)\w*",
}
_INSIGHT = re.compile(
    r"\b(ik merk|merk ik|ik zie|zie ik|besef|realiseer|patroon|altijd|steeds|eigenlijk|"
    r"blijkbaar|kennelijk|belangrijk voor mij|i notice|i realise|i realize|i see that|pattern|"
    r"always|every time|matters to me|important to me)\b",
    re.I,
)
_INTENT = re.compile(
    r"\b(ik ga|ik wil voortaan|volgende keer|voortaan|ik neem me voor|mijn voornemen|"
    r"ik probeer|morgen|i will|i'll|next time|from now on|i'm going to|i am going to|"
    r"i plan to|tomorrow)\b",
    re.I,
)
_OTHER = re.compile(
    r"\b(hij|zij|ze|hem|haar|de ander|collega|leidinggevende|ouder|vader|moeder|"
    r"klant|he|she|they|him|her|colleague|manager|boss|client)\b",
    re.I,
)


@dataclass
class CycleState:
    phase: int = 1
    turns_in_phase: int = 0
    turns: int = 0
    covered: list[str] = field(default_factory=list)  # "voelen/ik", ...
    leervraag_asked: bool = False
    permission_asked: bool = False
    insight_seen: bool = False
    intention_seen: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CycleState:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def observe(state: CycleState, message: str, seen: Any = None) -> CycleState:
    """Update the state with what the person just said, then move phase if the rules allow.

    `seen` (an app.reading.Reading) lets the content lead: an insight moves the conversation
    to bewustwording, a way to act differently to alternatieven, a plan after some
    bewustwording to voornemen.
    """
    text = message.lower()
    state.turns += 1
    state.turns_in_phase += 1
    whose = "ander" if _OTHER.search(text) and state.phase >= 2 else "ik"
    for aspect, pattern in _SIGNS.items():
        if re.search(pattern, text):
            key = f"{aspect}/{whose}"
            if key not in state.covered:
                state.covered.append(key)
    if _INSIGHT.search(text):
        state.insight_seen = True
    if _INTENT.search(text) and state.phase >= 4:
        state.intention_seen = True
    words = len(text.split())
    move = False
    if state.phase == 1:
        move = state.turns_in_phase >= 2 and (words >= 6 or state.turns_in_phase >= 3)
    elif state.phase == 2:
        move = state.turns_in_phase >= 3 and (
            len(state.covered) >= 4 or state.insight_seen or state.turns_in_phase >= 4
        )
    elif state.phase == 3:
        move = state.turns_in_phase >= 2 and (state.insight_seen or state.turns_in_phase >= 3)
    elif state.phase == 4:  # a stated intention ends the search for alternatives
        move = state.turns_in_phase >= 2 or state.intention_seen
    before = state.phase
    if move:
        state.phase += 1
        state.turns_in_phase = 0
    if seen is not None and state.turns >= 2:  # the content leads
        target = state.phase
        # past a move only a plan that says when or how goes further ("die ga ik onthouden" not);
        # otherwise the move was the step of this turn
        if seen.plan and before >= 3 and (not move or plan_marks.firm(message)):
            target = 5
        elif not move and seen.alternative and before == 3:
            target = 4
        elif not move and (seen.insight or seen.plan) and before < 3:
            target = 3
        if target > state.phase:
            state.phase = target
            state.turns_in_phase = 0
    return state


def next_terugblik(state: CycleState, lang: str, asked: list[str] | None = None) -> str | None:
    """The first of the eight looking-back questions not yet covered nor asked."""
    asked = [a.lower() for a in asked or []]
    for (aspect, whose), question in EIGHT[lang].items():
        if f"{aspect}/{whose}" not in state.covered and question.lower() not in asked:
            return question
    return None
