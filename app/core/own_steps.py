"""A step of the person's own, said without "I", put as theirs before it is turned.

Role: "Gewoon zeggen dat ..." and "Just say I ..." read as an order when said back as they
stand: they become what the person wants ("Ik wil gewoon zeggen dat ..."); "Maybe I just tell
her ..." becomes a step they weigh ("I'm thinking of just telling her ..."). Used by
app/core/reflection_turn.py before the sentence is turned to the second person.
Must not: touch a sentence that is no step of the person's own.
"""

from __future__ import annotations

import re

_BARE_STEP = re.compile(
    r"^(gewoon |eerst |even |dan |just |simply |first )+(zeggen|vragen|bellen|mailen|aankaarten|"
    r"uitleggen|aanspreken|say|tell|ask|call|email|explain)\b|"
    # an English step with its someone, after the plan it details: "tell him that were wrong of me"
    r"^(tell|ask|ring|call|email|text|message|say to) (him|her|them|(?-i:[A-Z])\w+)\b",
    re.I,
)
_WANT_TO = {"nl": "Ik wil ", "en": "I want to "}
# "Maybe I just tell her ...": a step they weigh, not an order ("You're thinking of telling ...").
_MAYBE_I = re.compile(
    r"^(maybe|perhaps) i (just |could just |could )?(tell|ask|say|call|email|text|talk|go|write|"
    r"send|bring|raise|mention|leave|wait|let|book|offer|explain|apologise|apologize) ",
    re.I,
)


def _ing(verb: str) -> str:
    verb = verb.lower()
    return verb[:-1] + "ing" if verb.endswith("e") and verb != "see" else verb + "ing"


def as_own_step(core: str, lang: str) -> str:
    """`core` with a bare step put as the person's own (see the module's role)."""
    core = _BARE_STEP.sub(lambda m: f"{_WANT_TO[lang]}{m[0][:1].lower()}{m[0][1:]}", core)
    if lang == "en":
        core = _MAYBE_I.sub(
            lambda m: f"I'm thinking of {(m[2] or '').replace('could ', '')}{_ing(m[3])} ", core
        )
    return core
