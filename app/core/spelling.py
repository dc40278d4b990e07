"""Plain typos in the person's words put right before the code says those words back.

Role: "eignlijk" -> "eigenlijk", "becuase" -> "because" in a mirror, so a reply does not repeat a
slip of the keyboard. Only a lower-case word of five letters or more that the dictionary does not
know (or knows only as a rare form), with exactly one common word one edit away, is changed.
Must not: touch names, jargon, compounds the dictionary lacks or chat words ("gwn", "tbh"): when
in doubt the word stays as the person wrote it.
"""

from __future__ import annotations

import functools
import re

from app.core.language_guard import spell_checker, word_counts

# A candidate must be this common, and this many times more common than the next one.
_COMMON = 1000
_MARGIN = 20
# The Dutch list holds names and very rare forms at its lowest count; a long word at that count
# is more often a typo than a word ("eigelijk").
_RARE = 50
_WORD = re.compile(r"(?<![\w'’-])([a-zà-öø-ÿ]{5,})(?![\w'’-])")


# Words a spelling list may lack but that are no slips: "'s avonds", "'s morgens".
_KEEP = {
    "nl": frozenset(["avonds", "middags", "ochtends", "nachts", "morgens", "zomers", "winters"])
}


@functools.lru_cache(maxsize=4096)
def _fixed_word(word: str, lang: str) -> str:
    if word.lower() in _KEEP.get(lang, ()):
        return word
    counts = word_counts(lang)
    seen = counts.get(word, 0)
    if seen > _RARE or seen == _RARE and len(word) < 7:
        return word
    edits = spell_checker(lang).edit_distance_1(word)
    ranked = sorted(((counts[c], c) for c in edits if c in counts and c != word), reverse=True)
    if not ranked or ranked[0][0] < _COMMON:
        return word
    if len(ranked) > 1 and ranked[0][0] < _MARGIN * ranked[1][0]:
        return word
    if lang == "en" and _spelling_variant(word, ranked[0][1]):
        return word  # "favour", "realise", "centre" are British, not typos
    return ranked[0][1]


def _spelling_variant(word: str, other: str) -> bool:
    """`other` is the American spelling of the British `word`: our/or, s/z, c/s, re/er, ll/l."""
    if len(word) == len(other):
        diff = [(a, b) for a, b in zip(word, other, strict=True) if a != b]
        if len(diff) == 1 and diff[0] in (("s", "z"), ("c", "s")):
            return True
        return word.endswith("re") and other == word[:-2] + "er"
    if len(word) == len(other) + 1:
        i = next(
            (k for k, (a, b) in enumerate(zip(word, other, strict=False)) if a != b), len(other)
        )
        return word[i : i + 2] == "ur" or word[i - 1 : i + 1] == "ll"
    return False


# Short words are too close to other words to be put right by the dictionary; these few slips
# of the keyboard are common enough and mean nothing else.
_SHORT_SLIPS = {
    "en": {
        "teh": "the",
        "hte": "the",
        "adn": "and",
        "jsut": "just",
        "waht": "what",
        "yuo": "you",
        "alot": "a lot",
    },
    "nl": {"hte": "het", "dta": "dat", "wnat": "want", "zon": "zo'n"},
}
_SHORT = re.compile(r"(?<![\w'’-])([a-z]{3,4})(?![\w'’-])")


def typos_fixed(text: str, lang: str) -> str:
    """`text` with its plain typos put right (see the module's role)."""
    slips = _SHORT_SLIPS.get(lang, {})
    text = _SHORT.sub(lambda m: slips.get(m.group(1), m.group(1)), text)
    return _WORD.sub(
        lambda m: (
            _fixed_word(m.group(1), lang)
            if not _NAME_SPOT.search(text[: m.start()])
            else m.group(1)
        ),
        text,
    )


# Where chat writes a name in lower case: "ik praat eerst met esmee" is no typo of "ermee".
_NAME_SPOT = re.compile(r"\b(met|aan|tegen|bij|naar|with|to|called|heet|genaamd)\s+$", re.I)
