"""A short last word that turns or narrows the sentence before it, said back with it.

Role: people often put the point in a few words after a sentence: "Daar lachte ik ook om. Thuis
niet.", "... ook een beetje beschaamd. Vooral tegenover Ingrid.", "Like I don't believe him. Or I
don't let myself.", "Alsof ik zijn zoon heb uitgelachen. Wat ik eigenlijk ook gedaan heb.". A
mirror of the sentence alone leaves out what the person added to it (rated blind in rounds 52
and 53: "drops 'Thuis niet', the point of the memory"). A mirror that ends where such a tail
follows gets the tail, in the second person. "Kwaad. Nog steeds eigenlijk." is said in the
present: "Je bent nog steeds kwaad."
Must not: add a tail that is a sentence of its own (with a subject and verb of its own, except
the "or I ..." / "wat ik ..." kinds), a question, or words the language check refuses.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, TypeVar

from app.core.language_guard import language_ok
from app.core.perspective import second_person
from app.core.text import lower_first

T = TypeVar("T", bound=Any)

MAX_TAIL_WORDS = 6
MAX_WORDS = 24

# The kinds of tail: a narrowing ("vooral ...", "especially ..."), a contrast by negation
# ("Thuis niet.", "Not at home."), a second way of seeing it ("Of ik laat het niet toe.",
# "Or I don't let myself."), an admission about it ("Wat ik eigenlijk ook gedaan heb.").
_HEAD = re.compile(
    r"^(vooral|alleen|behalve|zeker|met name|nog steeds|nog altijd|of|wat ik|dacht ik|"
    r"especially|mostly|only|except|still|or|which i|at least|i thought|or so i thought)\b",
    re.I,
)
_NEGATED = re.compile(r"\b(niet|nie|ni|not|never|nooit)\W*$", re.I)
_SUBJECT = re.compile(r"\b(ik|hij|zij|ze|het|we|i|he|she|they|it|we)\b", re.I)
_OWN_CLAUSE = re.compile(r"^(of|wat ik|dacht ik|or|which i|i thought|or so i thought)\b", re.I)
_PARTICLE = re.compile(r"\s+(eh|hè|he|hoor|zo|hé|ofzo|lol|haha)\W*$", re.I)
_FILLER = re.compile(
    r"^(of (zo|zoiets|wat dan ook|niet)|or (something|whatever|so|not)|of ja|nog steeds niet)\b",
    re.I,
)
_STILL = re.compile(
    r"^(nog steeds|nog altijd|still)\b(?: (eigenlijk|wel|really|actually))?\W*$", re.I
)
_FELT = {
    "nl": re.compile(r"^Je (was|voelde je) (\w+)\.$"),
    "en": re.compile(r"^You (were|felt) (\w+)\.$"),
}


def _tail(sentence: str, lang: str) -> str | None:
    """The short tail in the second person, without its full stop; None if it is no tail."""
    text = _PARTICLE.sub("", sentence.strip().rstrip(".!… ")).strip()
    text = re.sub(r"^(ja|nee|yeah|yes|no),?\s+", "", text, flags=re.I)
    words = text.split()
    if not 2 <= len(words) <= MAX_TAIL_WORDS or "?" in sentence or _FILLER.search(text):
        return None
    if not (_HEAD.match(text) or (_NEGATED.search(text) and len(words) <= 3)):
        return None
    if _SUBJECT.search(text) and not _OWN_CLAUSE.match(text):
        return None
    turned = "dacht je" if text.lower() == "dacht ik" else second_person(text, lang)
    if turned is None:
        if re.search(r"\b(ik|mij|me|mijn|mezelf|i|my|myself|mine)\b", text, re.I):
            return None
        turned = text
    turned = turned.rstrip(".")
    if not language_ok(turned, lang):
        return None
    return turned if re.match(r"I\b", turned) else lower_first(turned)


def _still(text: str, tail: str, lang: str) -> str | None:
    """ "Je was kwaad." + "nog steeds" -> "Je bent nog steeds kwaad."."""
    felt = _FELT[lang].match(text)
    if not felt or not _STILL.match(tail):
        return None
    verb, word = felt.groups()
    if lang == "nl":
        return f"Je bent nog steeds {word}." if verb == "was" else f"Je voelt je nog steeds {word}."
    return f"You're still {word}." if verb == "were" else f"You still feel {word}."


def _last(source: str) -> int | None:
    found = re.fullmatch(r"said:(?:\d+[&+])?(\d+)", source)
    return int(found.group(1)) if found else None


def extended(found: list[T], said: list[str], lang: str) -> list[T]:
    """Each mirror of the person's sentence(s) with the short tail that follows them."""
    out = []
    for c in found:
        n = _last(c.source)
        tail = _tail(said[n + 1], lang) if n is not None and n + 1 < len(said) else None
        if tail is None:
            out.append(c)
            continue
        text = _still(c.text, tail, lang) or f"{c.text.rstrip('.!… ')}, {tail}."
        out.append(replace(c, text=text) if len(text.split()) <= MAX_WORDS else c)
    return out
