"""Rule-based checks on a single coach reply.

Role: split a reply into sentences and questions, tell open from closed questions, spot advice,
permission asks and "waarom" questions, and sum this up in a `TurnCheck`. Used by the engine's
guard and by the evaluation scorers. The categories follow MITI (reflections vs questions,
open vs closed) and ICF PCC markers (one question at a time, no advice without permission).
Must not: call a model, rewrite the reply, or judge content beyond these surface markers.
Rules are deliberately literal; when in doubt a question counts as closed and a directive
phrase counts as advice, so the guard errs towards asking the model to try again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.language import detect_language
from app.core.style_advice import asks_permission, has_advice
from app.core.style_questions import is_open_question, is_waarom
from app.core.style_sentences import (
    _is_question_sentence,
    _normalise,
    _wordset,
    questions,
    sentences,
    word_count,
)

# Sentences, questions, open questions and advice are found in style_sentences.py,
# style_questions.py and style_advice.py; callers take them from here.
__all__ = [
    "BORROWED_MIN",
    "LENIENT_LANG_WORDS",
    "MAX_WORDS",
    "MIN_REFLECTION_WORDS",
    "TurnCheck",
    "asks_permission",
    "borrowed_words",
    "check_turn",
    "content_stems",
    "has_advice",
    "has_reflection_before_question",
    "is_open_question",
    "is_waarom",
    "mirror_of",
    "questions",
    "sentences",
    "word_count",
]

MAX_WORDS = 60
# Replies shorter than this carry too few function words for a reliable language guess.
LENIENT_LANG_WORDS = 5
# A "reflection" must be a real sentence, not a lone "Oké." or an emoji.
MIN_REFLECTION_WORDS = 2


def has_reflection_before_question(text: str) -> bool:
    """At least one non-question sentence (2+ words) comes before the first question.

    Without any question, a reflection anywhere counts; `TurnCheck` reports the missing
    question separately.
    """
    for sentence in sentences(text):
        if _is_question_sentence(sentence):
            return False
        if word_count(sentence) >= MIN_REFLECTION_WORDS:
            return True
    return False


# --- the summary ---------------------------------------------------------------------------


@dataclass
class TurnCheck:
    n_questions: int
    open: bool
    advice: bool
    waarom: bool
    words: int
    reflection_first: bool
    lang_ok: bool

    @property
    def problems(self) -> list[str]:
        """Why this is not a good ordinary turn; empty when it is.

        A good ordinary turn has exactly one open question, a reflection before it, no
        advice, the conversation's language and at most MAX_WORDS words. "waarom" is
        reported as a flag only: it is discouraged, not forbidden.
        """
        found: list[str] = []
        if self.n_questions == 0:
            found.append("no question (expected exactly 1)")
        elif self.n_questions > 1:
            found.append(f"{self.n_questions} questions (expected exactly 1)")
        if self.n_questions and not self.open:
            found.append("closed question (expected an open question)")
        if self.advice:
            found.append("advice without permission")
        if self.n_questions and not self.reflection_first:
            found.append("no reflection before the question")
        if not self.lang_ok:
            found.append("wrong language")
        if self.words > MAX_WORDS:
            found.append(f"too long ({self.words} words, max {MAX_WORDS})")
        return found


def check_turn(text: str, lang: str) -> TurnCheck:
    """Summarise one ordinary coach reply against the house rules."""
    found_questions = questions(text)
    words = word_count(text)
    lang_ok = words < LENIENT_LANG_WORDS or detect_language(text, default=lang) == lang
    return TurnCheck(
        n_questions=len(found_questions),
        open=bool(found_questions) and all(is_open_question(q, lang) for q in found_questions),
        advice=has_advice(text, lang),
        waarom=any(is_waarom(q) for q in found_questions),
        words=words,
        reflection_first=has_reflection_before_question(text),
        lang_ok=lang_ok,
    )


# --- grounding of the mirror -------------------------------------------------------------------

# Words that carry no content of their own, or belong to the mirror's fixed frame ("Je
# voelde...", "It sounds like you wanted...").
_FRAME_WORDS = _wordset("""
    about after again also been before being could does doing dont even from have just
    like more much only really should some sound sounds than that their them then there
    these they this those very want wanted wants were what when where which while will
    with would your yours yourself feel feels felt feeling moment thing things
    naar niet niets voor door over onder maar omdat toen want zich zijn haar hebt heeft
    hebben wilde wilt willen voelt voelde voelen vond vindt denkt dacht deze dit dat die
    daar hier heel echt veel meer iets alles toch wel ook nog even gewoon eigenlijk
    jezelf jouw zelf ander andere moet moest kunt kon zou zouden wordt werd worden waar
    wat welke hoe gaat ging doet deed
    """)
BORROWED_MIN = 2  # content words in a mirror that only the coach had used


def content_stems(text: str) -> set[str]:
    """Crude content-word stems: 4-letter prefixes of words of 4+ letters, frame words out."""
    words = re.findall(r"[a-z]+", _normalise(text))
    return {w[:4] for w in words if len(w) >= 4 and w not in _FRAME_WORDS}


def mirror_of(reply: str) -> str:
    """The reflecting part of a reply: every sentence that is not a question."""
    return " ".join(s for s in sentences(reply) if not questions(s))


def borrowed_words(reply: str, said: str, coach: str) -> list[str]:
    """Content stems of the reply's mirror that the coach put on the table and the person never
    said: a mirror built from them reflects the coach's material, not the person."""
    return sorted(content_stems(mirror_of(reply)) & content_stems(coach) - content_stems(said))
