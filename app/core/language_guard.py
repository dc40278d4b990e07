"""The language guard on every reply the code writes: known words, agreement and word order.

Role: a reply that contains a word in neither the language's dictionary nor the person's own
message, a Dutch "je" with an unagreeing verb ("Je voel je"), a Dutch main clause without the
verb in second place ("thuis je lacht niet", learner order said back) or an English "she" with a
bare verb ("she call you") is not sent.
Must not: change a text; it only says whether it may go out.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from app.core import perspective, style
from app.core.text import wordset


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
# Inner speech turned halfway: "je dacht je ken dat wel".
_THOUGHT_AGREEMENT = re.compile(r"\b(?:dacht|denkt|zei|zegt|vond|vindt) (je|jij) (\w+)\b", re.I)


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
        found = [_AGREEMENT.match(sentence.strip()), *_THOUGHT_AGREEMENT.finditer(sentence)]
        for m in found:
            if not m or not perspective.nl_present_stem(m.group(2), strict=True):
                continue
            verb = m.group(2).lower()
            if not verb.endswith("t") and verb not in ("mag", "kan", "kun", "zal", "wil"):
                errors.append(f"{m.group(1)} {m.group(2)}")
    return errors


# A main clause opened by an adverb, then the subject before the verb: "Toch je kunt hem niet
# uitzetten.", "thuis je lacht niet"; "nu"/"toen" open a clause of their own too ("nu je het zegt"),
# so only with "niet" straight after the verb ("nu het kan niet").
_NL_NOT_V2 = re.compile(
    r"(?:^|[,;:]\s+|\b(?:en|maar)\s+)(?P<adv>toch|thuis|daarna|dan|gisteren|morgen|soms|altijd|"
    r"misschien|eerst|later|vandaag|hier|daar|nu|toen|bij jullie|bij ons)\s+"
    r"(?P<subj>je|jij|ik|hij|zij|ze|we|wij|het|jullie)\s+(?P<verb>\w+)(?P<after>\s+\w+)?",
    re.I,
)
# The same after a phrase that opens the sentence: "In de pauze je bent naar de auto gegaan".
_NL_NOT_V2_PHRASE = re.compile(
    r"(?:^|[.!?]\s+)(?P<adv>(?:in|op|na|bij|tijdens|voor|met|sinds|vanaf|onder)\s+"
    r"(?:de|het|een|mijn|je|die|dat|deze|zo'n)\s+\w+)\s+"
    r"(?P<subj>je|jij|ik|hij|zij|ze|we|wij)\s+(?P<verb>\w+)(?P<after>\s+\w+)?",
    re.I,
)
_NL_FINITE = wordset("is gaat staat doet ziet slaat bent ben heb kan wil zal mag")
_EN_BARE = re.compile(
    r"(?<!\blet )(?<!\bletting )(?<!\bmake )(?<!\bmade )(?<!\bhelp )(?<!\bsaw )(?<!\bsee )"
    r"(?<!\bhear )(?<!\bwatch )(?<!\bheard )(?<!\bdoes )(?<!\bdid )(?<!\bwould )(?<!\bcould )"
    r"(?<!\bwill )(?<!\bcan )(?<!\bshould )(?<!\bmight )(?<!\bmust )(?<!\bdo )"
    r"\b(he|she|it)\s+(call|exaggerate|say|"
    r"think|want|need|know|come|make|take|tell|ask|give|feel|try|leave|look|seem|talk|work|keep|"
    r"hate|understand|get|do|have|go|scold|shout|blame|complain|expect|treat|laugh)\b",
    re.I,
)


def order_errors(text: str, lang: str) -> list[str]:
    """A person's learner grammar said back as the coach's own: "thuis je lacht niet", "she
    exaggerate", "Is more like ...". (A quote in quotation marks is the person's, not checked.)"""
    text = re.sub(r"[“\"][^”\"]*[”\"]", " ", text)
    if lang == "en":
        found = [m[0] for m in _EN_BARE.finditer(text)]
        return found + [
            s for s in style.sentences(text) if re.match(r"\s*is (more|like)\b", s, re.I)
        ]
    return [m[0] for m in _nl_not_v2(text)]


def _nl_not_v2(text: str) -> list[re.Match[str]]:
    found = []
    for m in [*_NL_NOT_V2.finditer(text), *_NL_NOT_V2_PHRASE.finditer(text)]:
        verb = m["verb"].lower()
        if not (verb in _NL_FINITE or perspective.nl_verb_form(verb)):
            continue
        if m["adv"].lower() in ("nu", "toen") and not re.match(
            r"\s+(niet|nooit|geen)\b", m["after"] or ""
        ):
            continue
        found.append(m)
    return found


def v2_repaired(text: str) -> str:
    """Learner order put right before the sentence is said back: "In de pauze ik ben naar de
    auto gegaan" -> "In de pauze ben ik naar de auto gegaan"."""
    for m in sorted(_nl_not_v2(text), key=lambda m: -m.start("subj")):
        if m["subj"].lower() in ("je", "jij"):
            continue  # "Toch je kunt" would need "kun je": left to the check
        swapped = f"{m['verb']} {m['subj']}"
        text = text[: m.start("subj")] + swapped + text[m.end("verb") :]
    return text


def language_ok(text: str, lang: str, allowed: str = "") -> bool:
    return not (
        unknown_words(text, lang, allowed)
        or agreement_errors(text, lang)
        or order_errors(text, lang)
    )
