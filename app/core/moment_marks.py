"""Whether a sentence tells one moment the person acted in, for questions that point at it.

Role: used by app/core/question_fit.py and app/core/terugblik_fit.py. "Wat gebeurde er toen in
je?" and "What did you want at that moment?" need a sentence in which the person did or said
something once ("ik zei niks", "I snapped at him", "ik heb overal 'voldoende' aangekruist"); a
state or background in the past ("we hadden een datamanager", "it's not like I was being
thick") or a habit ("ik heb hem nooit iets anders verteld") leaves "toen" pointing at nothing.
Must not: read earlier messages; tells_event reads one sentence, tells_moment one message.
"""

from __future__ import annotations

import re

from app.core.mirror_score import _DENIES
from app.core.perspective import nl_past_form
from app.core.reading import _NOT_PAST_EN
from app.core.statements import statements
from app.core.text import wordset

_FIRST_PERSON = re.compile(r"\b(ik|me|mij|mijn|we|wij|i|my)\b", re.I)

_HABIT = re.compile(
    r"\b(nooit|altijd|steeds|vaak|telkens|elke keer|meestal|never|always|often|usually|"
    r"every time|each time)\b"
)
# Past forms that tell a state, a wish or what could have been, not something done once.
_STATES = wordset(
    "was waren had hadden wist wisten kon konden moest moesten wilde wilden zou zouden mocht "
    "mochten leek leken bleek bleken vond vonden dacht dachten hoopte voelde voelden "
    "woonde werkte werkten hoorde hoorden kende kenden "
    "were had could would should might must knew thought felt seemed wanted needed liked loved "
    "hated hoped wished worked lived belonged used supposed meant"
)
_NOT_DONE_EN = _STATES | _NOT_PAST_EN
_EN_DONE = wordset(
    "didn didnt said told went gave wrote rang froze kept left took got came made saw sent put ran "
    "broke spoke shut hung stood sat"
)
# "heb ... gezegd", "had ... aangekruist": a perfect of a verb of doing.
_NL_HELPERS = wordset("heb hebben had hadden ben zijn was waren")
_NL_PARTICIPLE = re.compile(r"(?:\w+)?ge\w{2,}(?:d|t|n)$")
_NOT_DONE_NL = wordset(
    "gewoon geen gelukkig gezellig genoeg gemakkelijk gerust geweest gehad geweten gekund "
    "gewild gemoeten gedacht gevoeld geleden gelegen gezeten gestaan gebleven getrouwd "
    "geboren geleerd gewend"
)


def tells_event(sentence: str, lang: str) -> bool:
    """The sentence tells something the writer (or they with others) did or said once: not what
    others did, a state or habit, or what it was not ("Het is niet dat ik chef wou worden")."""
    low = sentence.lower()
    if not _FIRST_PERSON.search(sentence) or _DENIES.match(sentence) or _HABIT.search(low):
        return False
    words = re.findall(r"[^\W\d_]+", low)
    own = [k for k, w in enumerate(words) if w in _SUBJECT]
    done = [k for k, w in enumerate(words) if _done(w, words, k, lang)]
    # the subject before its verb ("I just told her"), or right after it ("zei ik", "heb ik")
    return any(0 < b - a <= 3 or (lang == "nl" and a - b == 1) for a in own for b in done)


_SUBJECT = wordset("ik we wij i")


def _done(word: str, words: list[str], k: int, lang: str) -> bool:
    """A past form of doing at place k: "zei", "heb ... gezegd" (its helper), "snapped"."""
    if lang == "nl":
        if nl_past_form(word) and word not in _STATES:
            return True
        rest = words[k + 1 : k + 8]
        return word in _NL_HELPERS and any(
            _NL_PARTICIPLE.match(w) and w not in _NOT_DONE_NL for w in rest
        )
    if word in _EN_DONE:
        return True
    return word.endswith("ed") and len(word) > 4 and word not in _NOT_DONE_EN


def tells_moment(message: str, lang: str) -> bool:
    """One of the message's sentences tells something the person did or said once."""
    return any(tells_event(sentence, lang) for sentence in statements(message))
