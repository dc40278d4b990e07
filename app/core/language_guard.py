"""The language guard on every reply the code writes: known words and Dutch verb agreement.

Role: a reply that contains a word in neither the language's dictionary nor the person's own
message, or a Dutch "je" with an unagreeing verb ("Je voel je"), is not sent.
Must not: change a text; it only says whether it may go out.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from app.core import perspective, style


@functools.lru_cache(maxsize=2)
def spell_checker(lang: str) -> Any:
    """The language's pyspellchecker dictionary, loaded once (edits one step away)."""
    from spellchecker import SpellChecker

    return SpellChecker(language="nl" if lang == "nl" else "en", distance=1)


@functools.lru_cache(maxsize=2)
def word_counts(lang: str) -> dict[str, int]:
    """How often each word of the language's dictionary occurs in its corpus (names added to
    the Dutch list carry the least count, 50)."""
    return dict(spell_checker(lang).word_frequency.dictionary)


@functools.lru_cache(maxsize=2)
def _dictionary(lang: str) -> frozenset[str]:
    return frozenset(word_counts(lang))


_STRESS = str.maketrans("áéíóú", "aeiou")
_AGREEMENT = re.compile(r"^(je|jij) (\w+)\b", re.I)


def unknown_words(text: str, lang: str, allowed: str = "") -> list[str]:
    """Words of `text` not in the language's dictionary, nor in `allowed` (the person's own
    text: names and their jargon)."""
    known = _dictionary(lang)
    own = {w.lower() for w in re.findall(r"[^\W\d_]+", allowed)}
    out = []
    for word in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text):
        low = word.lower().replace("’", "'")
        if low not in known:
            low = low.translate(_STRESS)  # "jíj", "wél": a word stressed by its accent
        if low in known or low in own or word[:1].isupper() and low not in ("je", "jij"):
            continue
        parts = re.split(r"[-']", low)
        if all(p in known or p in own or not p for p in parts):
            continue
        out.append(word)
    return out


def agreement_errors(text: str, lang: str) -> list[str]:
    """Dutch subject-verb slips the way a model makes them: "Je voel je", "je denk"."""
    if lang != "nl":
        return []
    errors = []
    for sentence in style.sentences(text):
        m = _AGREEMENT.match(sentence.strip())
        if m and perspective.nl_present_stem(m.group(2), strict=True):
            verb = m.group(2).lower()
            if not verb.endswith("t") and verb not in ("mag", "kan", "kun", "zal", "wil"):
                errors.append(f"{m.group(1)} {m.group(2)}")
    return errors


def language_ok(text: str, lang: str, allowed: str = "") -> bool:
    return not unknown_words(text, lang, allowed) and not agreement_errors(text, lang)
