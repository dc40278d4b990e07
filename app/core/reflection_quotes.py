"""The person's own words quoted back, for when no sentence of theirs can be turned.

Role: a short message as a whole ("“Ze zei alleen dat zichtbaar ding”, zeg je."), else the
latest whole clause that carries a feeling; the one question a person asks themself. Used by
app/core/reflection.py.
Must not: change the person's words beyond a capital, an English "I" and a leading "en".
"""

from __future__ import annotations

import re

from app.core import style
from app.core.language_guard import language_ok
from app.core.reading import FEELINGS
from app.core.reflection_turn import _FRAGMENT, BARE_NOT_KNOWING


def _quotable(message: str, limit: int = 10) -> str:
    text = re.sub(r"[“”\"]", "", message).strip()
    words = text.split()
    if not words or len(words) > limit or text.endswith("?"):
        return ""
    return re.sub(r"[\s.!…]+$", "", text)


def own_question(message: str, said: list[str]) -> str:
    """A question the person asks themself, as they wrote it, when the message is nothing but
    that ("Is het te laat om nu nog naar haar toe te gaan?"): said back as their question."""
    asked = style.questions(message)
    if said or len(asked) != 1 or len(asked[0].split()) > 20:
        return ""
    text = re.sub(r"[“”\"]", "", asked[0]).strip()
    return text[:1].upper() + text[1:]


def wondering(message: str, quoted: str) -> str:
    """The one question the person asks themself beside a bare "ik weet het niet" ("Misschien
    is dit gewoon hoe het werkt bij bureaus? ... Ik weet het niet."): said back as theirs,
    rather than the not-knowing. Not a question put to the coach."""
    asked = style.questions(message)
    if len(asked) != 1 or len(asked[0].split()) > 20 or TO_COACH.search(asked[0]):
        return ""
    doubt = any(BARE_NOT_KNOWING.match(s.strip()) for s in style.sentences(message))
    if quoted and not doubt:
        return ""
    text = re.sub(r"[“”\"]", "", asked[0]).strip()
    return text[:1].upper() + text[1:]


TO_COACH = re.compile(r"\b(je|jij|jou|jouw|u|gij|ge|you|your)\b", re.I)


# A clause that asks, though without its question mark: "what else do you do".
_ASKS = re.compile(r"^(what|why|how|who|wat|waarom|hoe|wie)\b", re.I)


# A clause cut where the sentence goes on: "... said 'don't take it personal' which", "... en
# eentje".
_CUT_OFF = re.compile(
    r"(\b(which|that|who|en|and|maar|but|of|or|die|dat|wat|als|omdat|because|want)|"
    r"\b(en|and|maar|but|of|or)\s+\w+)\W*$",
    re.I,
)
# A clause after a comma stands on its own only with its own subject: not "zei 'ik had ...'".
_OWN_SUBJECT = re.compile(
    r"^\W*((?i:ik|je|jij|hij|zij|ze|we|wij|het|dat|die|er|de|een|mijn|mn|m'n|i|i'm|you|he|she|"
    r"they|it|that|the|a|my)|[A-Z]\w+)\b"
)


def _balanced(text: str) -> bool:
    """Quotation marks inside come in pairs (an apostrophe within a word does not count)."""
    marks = re.findall(r"(?<!\w)['‘]|['’](?!\w)", text)
    return len(marks) % 2 == 0


def best_quote(message: str, said: list[str], lang: str) -> str:
    """The person's words to quote when no sentence can be turned: the whole message when it is
    short, else the latest whole clause that carries a feeling, else the latest whole clause."""
    whole = _quotable(_ANSWER_FIRST.sub("", message.strip()))
    if whole:
        if lang == "en":
            whole = re.sub(r"\bi\b", "I", whole)
        return _without_and(whole[:1].upper() + whole[1:])
    clauses = []
    for sentence in said:
        clauses.append(sentence)
        parts = re.split(r",\s+", sentence)
        clauses += [
            c for k, c in enumerate(parts) if c != sentence and (k == 0 or _OWN_SUBJECT.match(c))
        ]
    usable = [
        q
        for c in clauses
        if (q := _quotable(c, 14))
        and len(q.split()) >= 4
        and not _FRAGMENT.match(q)
        and not _ASKS.match(q)
        and not BARE_NOT_KNOWING.match(q)
        and not _CUT_OFF.search(q)
        and _balanced(q)
        and language_ok(q, lang, allowed=message)
    ]
    feeling = [
        q
        for q in usable
        if any(re.search(rf"\b{re.escape(f)}\b", q.lower()) for f in FEELINGS[lang])
    ]
    chosen = (feeling or usable)[-1:]
    return _without_and(chosen[0][:1].upper() + chosen[0][1:]) if chosen else ""


# A short answer before what the person goes on to say ("yeah i guess.", "nee niet echt.",
# "honestly?") is not part of what is quoted back.
_ANSWER_FIRST = re.compile(
    r"^\W*(ja|jawel|nee|nou|hmm+|tja|eerlijk( gezegd)?|niet echt|weet ik (het )?niet|idk|yeah|yes|"
    r"yep|no|nope|honestly|i guess|not really|i don't know)([\s,]+(ja|nee|niet echt|i guess|"
    r"not really|eigenlijk|wel))*\s*[.?!…]+\s+(?=\w)",
    re.I,
)


def _without_and(quote: str) -> str:
    """A quote that opens with "En"/"And" reads as a fragment of something unsaid."""
    stripped = re.sub(r"^(en|and)\s+(?=\w)", "", quote, flags=re.I)
    return quote if stripped == quote else stripped[:1].upper() + stripped[1:]
