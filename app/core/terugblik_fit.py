"""Whether a looking-back question of the method (app/core/phases.py) fits this message.

Role: used by app/core/engine.py. "Wat wilde jij op dat moment?" needs a moment the person
acted in, told in this message (app/core/moment_marks.py), and no plan yet; "wat wilde jij" not
right after the want was told; "de ander" not while the person speaks of their own inside.
Must not: rank questions; it only says yes or no.
"""

from __future__ import annotations

import re

from app.core import question_fit, reading
from app.core.moment_marks import tells_moment

_MOMENT_WORDS = re.compile(
    r"\b(op dat moment|toen|at that moment|when it happened|deed je|did you do)\b", re.I
)
_OTHER_WORDS = re.compile(r"\b(de ander|the other person)\b", re.I)
_WANT_WORDS = re.compile(r"\b(wilde jij|did you want)\b", re.I)


def terugblik_fits(question: str, seen: reading.Reading, story: str, message: str) -> bool:
    if _MOMENT_WORDS.search(question) and (
        not seen.moment_now or seen.plan or seen.alternative or not tells_moment(message, seen.lang)
    ):
        return False  # "op dat moment" needs a moment the person acted in, in this message
    if _WANT_WORDS.search(question) and seen.wanted:
        return False
    if _OTHER_WORDS.search(question) and (seen.inner or seen.feeling):
        return False  # the person speaks of their own inside: stay with them
    return question_fit.fits(question, seen, story)
