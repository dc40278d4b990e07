"""What the coach says when the crisis screen speaks: fixed texts, never model output.

Three answers. A clear signal gets the hand-off (the emergency number first for danger).
A possible signal gets a direct, kind question, as crisis lines advise, with the numbers in
view; the person's answer decides what follows. A professional who tells about a client or
pupil in crisis gets the normal reflection plus, once per conversation, a note with the numbers.
The texts live in knowledge/replies/crisis.toml (app/core/fixed_texts.py), the help lines once.
Must not: decide anything (app/core/safety.py does), or ask about the work in the same breath.
"""

from __future__ import annotations

import re

from app.core import fixed_texts
from app.core.safety import Verdict, normalise

_TEXTS = fixed_texts.load("crisis")
HANDOFF: dict[str, dict[str, str]] = _TEXTS["handoff"]
# The direct question for a possible signal, per family, and the numbers that stay in view.
ASK: dict[str, dict[str, str]] = _TEXTS["ask"]
ASK_MIRROR: dict[str, str] = _TEXTS["ask_mirror"]
ASK_MIRROR_PLAIN: dict[str, str] = _TEXTS["ask_mirror_plain"]
NUMBERS: dict[str, str] = _TEXTS["numbers"]
NUMBERS_DANGER: dict[str, str] = _TEXTS["numbers_danger"]
# The person went on about the work without answering the direct question: asked once more.
ASK_AGAIN: dict[str, dict[str, str]] = _TEXTS["ask_again"]
# The person answered the direct question with a plain no.
RELIEVED: dict[str, str] = _TEXTS["relieved"]
# Under the reflection that resumes after a possible signal the person twice went past.
RESUMED: dict[str, str] = _TEXTS["resumed"]
# Once per conversation, under a reflection about someone the person works with.
PROFESSIONAL_NOTE: dict[str, str] = _TEXTS["professional_note"]
QUOTE_WORDS = 14
NOT_THERAPY_NOTICE: dict[str, str] = _TEXTS["not_therapy_notice"]


def handoff(lang: str, family: str) -> str:
    """The fixed hand-off message for a family ('danger', 'suicide', 'selfharm'); unknown
    languages fall back to Dutch, the app's default."""
    texts = HANDOFF.get(lang, HANDOFF["nl"])
    return texts["danger"] if family == "danger" else texts["support"]


def ask(lang: str, verdict: Verdict, message: str) -> str:
    """Quote the sentence that raised the signal, ask directly, and give the numbers."""
    lang = lang if lang in ASK else "nl"
    quote = _sentence_with(message, verdict.phrase)
    mirror = ASK_MIRROR[lang].format(quote=quote) if quote else ASK_MIRROR_PLAIN[lang]
    numbers = NUMBERS_DANGER if verdict.family == "danger" else NUMBERS
    return f"{mirror} {ASK[lang][verdict.family]}\n\n{numbers[lang]}"


def ask_again(lang: str, family: str) -> str:
    """The direct question once more, when the answer went on about the work instead."""
    lang = lang if lang in ASK_AGAIN else "nl"
    numbers = NUMBERS_DANGER if family == "danger" else NUMBERS
    return f"{ASK_AGAIN[lang][family]}\n\n{numbers[lang]}"


def _sentence_with(message: str, phrase: str) -> str:
    """The person's own sentence that holds the signal, if it is short enough to quote whole."""
    key = normalise(phrase).strip(" .!?;")
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", message):
        sentence = sentence.strip().strip('“”"')
        if key and key in normalise(sentence):
            words = sentence.split()
            if len(words) <= QUOTE_WORDS:
                return re.sub(r"[\s.!…]+$", "", sentence)
            return ""
    return ""
