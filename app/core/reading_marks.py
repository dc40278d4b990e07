"""Marks of a message the questions depend on: whether it tells a pattern rather than one
moment, the person's own judging word ("ik vond het echt ambetant"), and whether it names what
matters to them.

Role: pure text patterns for app/core/reading.py.
Must not: read anything but the text it is given.
"""

from __future__ import annotations

import re

# How the person judges what happened, in their own word: "ik vond het echt ambetant", "it was
# awkward" ("dat maakt het verwarrend" names its reason already). Asked back with that word:
# "Wat maakte het zo ...?"
_EVAL_WORDS = {
    "nl": "lastig|moeilijk|raar|vreemd|verwarrend|ambetant|pijnlijk|spannend|eng|zwaar|"
    "frustrerend|ongemakkelijk|confronterend|jammer|vervelend|oneerlijk|dubbel|fijn|leuk|mooi",
    "en": "hard|difficult|weird|strange|confusing|awkward|painful|scary|heavy|frustrating|"
    "uncomfortable|unfair|embarrassing|annoying|tough|odd",
}
_EVAL_LEAD = {
    "nl": r"(?:(?:vind|vond) (?:ik )?(?:het|dat)|(?:het|dat) (?:vind|vond) ik|"
    r"(?:het|dat) (?:is|was|voelt|voelde|blijft|bleef|wordt|werd))",
    "en": r"(?:(?:i )?(?:find|found) (?:it|that)|(?:it|that) (?:is|was|feels|felt)|"
    r"(?:it|that)s)",
}
_EVAL_PAST = re.compile(r"\b(vond|was|voelde|bleef|werd|found|felt)\b")
_EVAL_FILLER = (
    r"((?:(?:zo|echt|best|heel|wel|ook|gewoon|achteraf|eigenlijk|nogal|so|really|quite|pretty|"
    r"very|just|a bit|een beetje) ){0,3})"
)
_EVAL = {
    lang: re.compile(rf"\b{_EVAL_LEAD[lang]} {_EVAL_FILLER}({words})\b")
    for lang, words in _EVAL_WORDS.items()
}
# A judgement the same sentence already explains (a reason or the condition it holds under:
# "lastig als ik weet dat...") is not asked about again.
_EVAL_REASON = re.compile(
    r"\b(omdat|want|doordat|alsof|als|wanneer|zodra|because|since|as if|when|if|that's why)\b"
)


def evaluation(low: str, lang: str) -> tuple[str, bool]:
    """The person's own judging word and whether it was said in the past tense."""
    for sentence in re.split(r"(?<=[.!?])\s+", low):
        m = _EVAL[lang].search(sentence)
        if m and not _EVAL_REASON.search(sentence):
            return m.group(2), bool(_EVAL_PAST.search(m.group(0)))
    return "", False


_HABITUAL = re.compile(
    r"\b(altijd|elke keer|iedere keer|telkens|vaak|meestal|bijna nooit|always|every time|"
    r"each time|often|usually|whenever|hardly ever)\b"
)


def habitual(low: str) -> bool:
    """A pattern is not one moment: "toen" would point at nothing."""
    return bool(_HABITUAL.search(low))


# The person just said what matters to them: asking what it says about that repeats it.
_VALUES = re.compile(r"\b(belangrijk\w*|waardevol|waarden?|matters?|important|values?)\b")


def names_values(low: str) -> bool:
    return bool(_VALUES.search(low))
