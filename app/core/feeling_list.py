"""Feelings named as a list, without a sentence around them, said back as the person's feeling.

Role: "bit ashamed tbh", "but also still a bit cross with her?", "boos en schaamte tegelijk denk
ik", "trots en ook een beetje beschaamd tegelijk?" are how people answer "what did you feel?".
Nothing in them can be turned from "I" to "you", so they used to be quoted or passed over. Here
they are read word by word: feelings (app/core/feelings.py), the words that say how much or how
long ("a bit", "still", "vooral"), joining words, and fillers that are dropped ("tbh", "denk
ik"). Only a message made of nothing else is said back: "You felt a bit ashamed.", "You're also
still a bit cross with her.", "Je voelde boosheid en schaamte tegelijk.".
Must not: say back a word it does not know; guess a feeling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.feelings import AMBIGUOUS_FEELINGS, FEELING_NOUNS, FEELINGS
from app.core.perspective import second_person
from app.core.text import wordset

# How much, how long, how: kept as said.
_DEGREE = {
    "en": (
        "a bit of",
        "a lot of",
        "a little bit",
        "a tiny bit",
        "a bit",
        "a little",
        "kind of",
        "kinda",
        "sort of",
        "pretty",
        "proper",
        "quite",
        "really",
        "so",
        "very",
        "mostly",
        "rather",
        "still",
        "also",
        "just",
        "a lot",
        "super",
        "properly",
    ),
    "nl": (
        "een beetje",
        "een tikje",
        "best",
        "nogal",
        "heel",
        "erg",
        "echt",
        "zo",
        "vooral",
        "eerder",
        "nog steeds",
        "nog",
        "ook",
        "wel",
        "eigenlijk",
        "gewoon",
        "behoorlijk",
        "super",
        "mega",
        "enorm",
        "zwaar",
        "vooral ook",
    ),
}
# Joining words between two feelings.
_JOIN: dict[str, tuple[str, ...]] = {"en": ("and", "but", "or"), "nl": ("en", "maar", "of")}
# Said at the end: how the feelings stand to each other.
_AT_ONCE: dict[str, tuple[str, ...]] = {
    "en": ("at the same time", "at once", "both", "too", "as well"),
    "nl": ("tegelijk", "tegelijkertijd", "allebei"),
}
# Dropped: how sure the person is, how honest, a laugh.
_FILLER = {
    "en": (
        "well",
        "yeah",
        "hmm",
        "oh",
        "tbh",
        "to be honest",
        "honestly",
        "i guess",
        "i think",
        "i suppose",
        "probably",
        "maybe",
        "if i'm honest",
        "if i'm being honest",
        "if im honest",
        "if im being honest",
        "lol",
        "haha",
        "so both i guess",
        "so both",
        "i dunno",
        "idk",
        "ngl",
        "if that makes sense",
        "i'd say",
        "that's for sure",
        "for sure",
        "definitely",
    ),
    "nl": (
        "nou ja",
        "nou",
        "ja",
        "hmm",
        "tja",
        "denk ik",
        "eerlijk gezegd",
        "eerlijk",
        "ofzo",
        "zeg maar",
        "haha",
        "volgens mij",
        "geloof ik",
        "misschien",
        "i guess",
        "tbh",
        "allebei denk ik",
        "als ik eerlijk ben",
        "om eerlijk te zijn",
        "dat zeker",
    ),
}
# At whom: turned from the person to the one spoken to.
_AT = {
    "en": {"with": None, "at": None, "about": None, "for": None},
    "nl": {"op": None, "over": None, "om": None, "voor": None},
}
_WHOM = {
    "en": {
        "her": "her",
        "him": "him",
        "them": "them",
        "myself": "yourself",
        # the person's own feeling "at me": at themselves ("a bit angry with me")
        "me": "yourself",
        "everyone": "everyone",
        "it": "it",
        "that": "that",
        "the situation": "the situation",
    },
    "nl": {
        "haar": "haar",
        "hem": "hem",
        "ze": "ze",
        "hen": "hen",
        "mezelf": "jezelf",
        "mijzelf": "jezelf",
        "mij": "jezelf",
        "me": "jezelf",
        "iedereen": "iedereen",
        "die situatie": "die situatie",
    },
}
_NOW = {"en": ("still", "now", "right now"), "nl": ("nog steeds", "nog", "nu")}
# An adjective said together with nouns becomes a noun: "boos en schaamte" -> "boosheid en
# schaamte".
_AS_NOUN = {
    "nl": {
        "boos": "boosheid",
        "kwaad": "kwaadheid",
        "bang": "angst",
        "verdrietig": "verdriet",
        "trots": "trots",
        "onzeker": "onzekerheid",
        "teleurgesteld": "teleurstelling",
        "opgelucht": "opluchting",
        "gefrustreerd": "frustratie",
        "eenzaam": "eenzaamheid",
        "machteloos": "machteloosheid",
        "jaloers": "jaloezie",
        "geïrriteerd": "irritatie",
        "woedend": "woede",
        "woest": "woede",
        "gespannen": "spanning",
        "onrustig": "onrust",
        "beschaamd": "schaamte",
        "schuldig": "schuldgevoel",
        "geschrokken": "schrik",
        "wanhopig": "wanhoop",
        "gestrest": "stress",
    },
    "en": {
        "angry": "anger",
        "ashamed": "shame",
        "guilty": "guilt",
        "sad": "sadness",
        "afraid": "fear",
        "scared": "fear",
        "frustrated": "frustration",
        "relieved": "relief",
        "proud": "pride",
        "embarrassed": "embarrassment",
        "anxious": "anxiety",
        "lonely": "loneliness",
        "disappointed": "disappointment",
        "helpless": "helplessness",
        "resentful": "resentment",
        "humiliated": "humiliation",
    },
}
_EXTRA_FEELINGS = {
    "en": wordset(
        "cross miffed sore raging fuming seething chuffed gutted rotten awful terrible horrible "
        "rubbish"
    ),
    "nl": wordset("pissig balen baalde kwaad geïrriteerd vuil"),
}
_MOSTLY = ("vooral", "eigenlijk", "mostly", "mainly")
_FELT_AS = (
    "beroerd",
    "rot",
    "ellendig",
    "ongemakkelijk",
    "schuldig",
    "machteloos",
    "klein",
    "dom",
    "onzeker",
    "eenzaam",
    "leeg",
    "opgelaten",
    "nutteloos",
    "vuil",
)


def _phrases(table: dict[str, tuple[str, ...]], lang: str) -> list[list[str]]:
    return sorted((p.split() for p in table[lang]), key=len, reverse=True)


def _take(words: list[str], i: int, options: list[list[str]]) -> int:
    """How many words at i make one of the phrases (longest first), or 0."""
    for p in options:
        if words[i : i + len(p)] == p:
            return len(p)
    return 0


@dataclass
class _Read:
    kept: list[str] = field(default_factory=list)  # the words said back, in order
    kinds: list[str] = field(default_factory=list)  # "adj" | "noun" for each feeling
    now: bool = False
    tail: str = ""  # "tegelijk", "at the same time"


def _read(words: list[str], lang: str, feelings: set[str]) -> _Read | None:
    """The words said back and what they name; None at a word that is none of the kinds."""
    degree, join = _phrases(_DEGREE, lang), _phrases(_JOIN, lang)
    at_once, filler = _phrases(_AT_ONCE, lang), _phrases(_FILLER, lang)
    whom = sorted((p.split() for p in _WHOM[lang]), key=len, reverse=True)
    out = _Read()
    i = 0
    while i < len(words):
        if n := _take(words, i, filler):
            i += n
        elif n := _take(words, i, at_once):
            out.tail = " ".join(words[i : i + n])
            i += n
        elif n := _take(words, i, degree):
            out.now = out.now or " ".join(words[i : i + n]) in _NOW[lang]
            out.kept += words[i : i + n]
            i += n
        elif words[i] == "bit" and lang == "en":
            out.kept += ["a", "bit"]
            i += 1
        elif words[i] in feelings:
            adjective = words[i] in FEELINGS[lang] or words[i] in _EXTRA_FEELINGS[lang]
            out.kinds.append("adj" if adjective else "noun")
            out.kept.append(words[i])
            i += 1
            if i < len(words) and words[i] in _AT[lang] and out.kinds[-1] == "adj":
                if not (n := _take(words, i + 1, whom)):
                    return None
                out.kept += [words[i], _WHOM[lang][" ".join(words[i + 1 : i + 1 + n])]]
                i += 1 + n
        elif (n := _take(words, i, join)) and (out.kinds or not out.kept):
            # "but also still a bit cross": a joining word to what came before is dropped
            out.kept += words[i : i + n] if out.kinds else []
            i += n
        elif words[i] in ("now", "nu") and out.kinds:
            out.now = True
            i += 1
        else:
            return None
    return out if out.kinds else None


_WHY_TAIL = re.compile(
    r"\s+(?=(that|dat|about|over|because|omdat|want)\s+(i|ik|my|mijn|me)\b)", re.I
)


def feelings_said(text: str, lang: str) -> str | None:
    """The reflection of a message made only of feelings and the words around them, or None;
    a feeling with its reason in the person's words ("a bit embarrassed that i care this
    much") keeps the reason, turned to "you"."""
    cut = _WHY_TAIL.search(text)
    if cut is None:
        return _feelings_only(text, lang)
    # "wel bang dat ik dan ga huilen": a fear of what may come is felt now; so is a fear told
    # in the present ("wel bang dat ik overkom als zeurpiet"), not one of what was
    tail = text[cut.end() :]
    fear_now = _FEAR.search(text[: cut.start()]) and not _PAST.search(tail)
    ahead = bool(_AHEAD.search(tail) or fear_now)
    said = _feelings_only(text[: cut.start()], lang, now=ahead)
    turned = second_person(text[cut.end() :].strip().rstrip("?!. "), lang) if said else None
    if said and turned:
        return f"{said[:-1]} {turned[:1].lower()}{turned[1:].rstrip('.?!')}."
    return None


_BY_DEGREE = ("bit", "little", "really", "very", "quite")
_AHEAD = re.compile(r"\b(ga|gaat|gaan|zal|zullen|will|won't|'ll|gonna|going to)\b", re.I)
_FEAR = re.compile(r"\b(bang|bezorgd|zenuwachtig|scared|afraid|worried|nervous)\b", re.I)
_PAST = re.compile(
    r"\b(was|waren|had|hadden|werd|werden|zou|zouden|ging|kwam|deed|zei|wilde|kon|moest|"
    r"were|did|would|could|said|went|\w+ed)\b",
    re.I,
)


def _feelings_only(text: str, lang: str, now: bool = False) -> str | None:
    words = re.findall(r"[^\W\d_][\w'-]*", text.lower())
    if not words or len(words) > 16:
        return None
    # "Zo stom", "kapot": as often about what happened as about the person; not said back here
    adjectives = (set(FEELINGS[lang]) | set(_EXTRA_FEELINGS[lang])) - AMBIGUOUS_FEELINGS
    # "a bit hurt", "really shaken": after a word of degree these are the feeling ("dom" not)
    after = {w for k, w in enumerate(words[1:], 1) if words[k - 1] in _BY_DEGREE}
    adjectives |= after & {"hurt", "shaken", "hollow", "flat"}
    nouns = set(FEELING_NOUNS[lang])
    found = _read(words, lang, adjectives | nouns)
    if found is None:
        return None
    kept, kinds = found.kept, found.kinds
    while kept and (kept[-1] in _JOIN[lang] or kept[-1] in ("ook", "also", "wel", "echt")):
        kept.pop()  # "boos en", "angry but also": nothing said after the joining word
    for k in range(1, len(kept)):
        if kept[k] in _MOSTLY and kept[k - 1] not in _MOSTLY:
            # "boos op mezelf vooral" -> "vooral boos op jezelf", "relief mostly" -> "mostly
            # relief": the word goes before the feeling it follows
            start = max((j for j in range(k) if kept[j] in adjectives | nouns), default=0)
            kept = [*kept[:start], kept[k], *kept[start:k], *kept[k + 1 :]]
    if "adj" in kinds and "noun" in kinds:
        table = _AS_NOUN[lang]
        if any(w in adjectives and w not in nouns and w not in table for w in kept):
            return None
        kept = [table.get(w, w) if w in adjectives and w not in nouns else w for w in kept]
        kinds = ["noun"] * len(kinds)
    phrase = " ".join(kept + ([found.tail] if found.tail else []))
    return _sentence(phrase, kinds, found.now or now, lang)


def _sentence(phrase: str, kinds: list[str], now: bool, lang: str) -> str:
    if lang == "en":
        also = "also " if phrase.startswith("also ") else ""  # "You also felt", not "felt also"
        phrase = phrase[len(also) :]
        if kinds[0] == "noun":
            return f"You {also}{'feel' if now else 'felt'} {phrase}."
        if re.search(r"\b(raging|fuming|seething)\b", phrase):  # "You were raging", not "felt"
            return f"You're {also}{phrase}." if now else f"You were {also}{phrase}."
        return f"You're {also}{phrase}." if now else f"You {also}felt {phrase}."
    if kinds[0] == "noun":
        return f"Je {'voelt' if now else 'voelde'} {phrase}."
    felt = any(w in _FELT_AS or re.match(r"ge\w+[dt]$", w) for w in phrase.split())
    if felt:
        return f"Je {'voelt' if now else 'voelde'} je {phrase}."
    return f"Je {'bent' if now else 'was'} {phrase}."


_BOTH = re.compile(
    r"\b(maar|but|en ook|and also|ook wel|also|tegelijk|at the same time|both|allebei|and then|"
    r"en dan|tegelijkertijd)\b"
)


def mixed(low: str, feelings: list[str], nouns: frozenset[str] | set[str]) -> bool:
    """Exactly two feelings named, side by side: "boos en schaamte tegelijk", "angry but also
    a bit embarrassed"."""
    named = set(feelings) | {n for n in nouns if re.search(rf"\b{re.escape(n)}\b", low)}
    return len(named) == 2 and bool(_BOTH.search(low))
