"""English sentences said back to their speaker: "I felt so small" -> "You felt so small".

Role: the English half of app/core/perspective.py: pronouns and the forms of "to be" that go with
them; everything else in the sentence stays the person's own words.
Must not: turn a sentence that addresses someone else, an invitation or quoted speech.
"""

from __future__ import annotations

import re

from app.core.perspective import _TOKEN, _join
from app.core.perspective_dropped import with_subject
from app.core.perspective_speech import speech as _speech
from app.core.text import wordset

_EN_MAP = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "we": "you",
    "us": "you",
    "our": "your",
    "ours": "yours",
    "ourselves": "yourselves",
    "i'm": "you're",
    "i’m": "you’re",
    "i've": "you've",
    "i’ve": "you’ve",
    "i'd": "you'd",
    "i’d": "you’d",
    "i'll": "you'll",
    "i’ll": "you’ll",
    "im": "you're",
    "ive": "you've",
    "we're": "you're",
    "we’re": "you’re",
    "we've": "you've",
    "we’ve": "you’ve",
    "we'd": "you'd",
    "we’d": "you’d",
    "we'll": "you'll",
    "we’ll": "you’ll",
}
# Generic "you" ("you don't contradict your director") reads fine once turned; "yourself" and
# "yours" mostly address the coach.
_EN_ADDRESS = wordset("yours yourself")
_EN_YOU = wordset("you you'd you're you've you'll your")
_EN_ME = wordset("me myself")
# The "me" of many dialects before what is theirs: "me mum", "in me head" are "your".
_EN_ME_OWN = wordset(
    "mum mam ma dad da nan gran head mate mates boss job car van shift own missus wife husband "
    "kids lad lads brother sister bro phone"
)


# Hedges at the end of an English sentence that become odd once turned ("Fair enough, you
# suppose."), and openings that only soften ("I guess I'm scared" -> "You're scared").
_EN_TAGS = re.compile(
    r",?\s+(i suppose|i guess|i think|i mean|i know|you know|lol|haha+)\s*([.!…]*)$", re.I
)
_EN_SOFT = re.compile(r"^(i guess|i suppose|idk|tbh|honestly)[,\s]+", re.I)


# "I really am", "I honestly was": a word between the person and the verb.
_BETWEEN = frozenset(
    ["really", "truly", "honestly", "just", "also", "still", "actually", "definitely", "genuinely"]
)


def _after_i(lower: list[str], i: int) -> bool:
    if i > 0 and lower[i - 1] == "i":
        return True
    return i > 1 and lower[i - 2] == "i" and lower[i - 1] in _BETWEEN


def en_second_person(sentence: str) -> str | None:
    sentence = with_subject(_EN_SOFT.sub("", _EN_TAGS.sub(r"\2", sentence.strip())), "en")
    if _speech(sentence) or re.match(r"(let me|let's|lets)\b", sentence, re.I):
        return None  # an invitation, not a statement to say back
    tokens = _TOKEN.findall(sentence)
    lower = [t.lower() for t in tokens]
    if any(t in _EN_ADDRESS for t in lower) or "?" in tokens:
        return None
    if set(lower) & _EN_YOU and set(lower) & _EN_ME:
        return None  # "you'd turn it back on me": once turned, two people are both "you"
    out = list(tokens)
    for i, tok in enumerate(lower):
        if tok in ("am", "was", "wasn't", "wasn’t") and i + 1 < len(lower) and lower[i + 1] == "i":
            out[i] = {"am": "are", "was": "were"}.get(tok, "weren't")  # am I -> are you
        elif tok in ("am", "was", "wasn't", "wasn’t") and _after_i(lower, i):
            out[i] = {"am": "are", "was": "were"}.get(tok, "weren't")
        if tok in _EN_MAP:
            own = tok == "me" and i + 1 < len(lower) and lower[i + 1] in _EN_ME_OWN
            out[i] = "your" if own else _EN_MAP[tok]
            if tok == "us" and i > 0 and lower[i - 1] in ("let", "lets"):
                return None
            if tok == "us" and "i" in lower[:i]:
                return None  # "I want us to look at it together": not "you want you to"
    if out == tokens:
        return None
    # "I proud of the boys", "if I honest": the verb the person's English leaves out is put in
    for i, tok in enumerate(lower[:-1]):
        if tok == "i" and lower[i + 1] in _NO_VERB_BEFORE:
            out[i] = out[i] + "'re"
    return _join(out)


_NO_VERB_BEFORE = wordset(
    "proud honest happy sad angry sorry scared afraid tired ashamed sure right wrong not alone "
    "worried vexed fine"
)


_NO_SUBJECT_EN = re.compile(
    r"^(don'?t|didn'?t|can'?t|won'?t|wouldn'?t|couldn'?t|haven'?t)\b(?! get (me|you) wrong)", re.I
)


def subject_back(text: str, lang: str) -> str:
    """ "Don't know if you're angry ..." (the "I" left out) -> "You don't know if ..."."""
    if lang != "en" or not _NO_SUBJECT_EN.match(text):
        return text
    verb = re.sub(r"^(\w+?)n'?t", r"\1n't", text.split()[0].lower())
    return " ".join(["You", verb, *text.split()[1:]])
