"""The person's own feeling in this message as a noun with its article: "die schaamte", "dat
verdriet", "that anger".

Role: a slot for the questions of app/core/question_fit.py that ask what the feeling says about
what matters to the person ("Wat zegt die schaamte over wat jij belangrijk vindt?"). In blind
choices on rated conversations such a question was acceptable more often than the general
question it stood beside, but only where the feeling was the person's own: a feeling of
someone else ("hij was vooral geschrokken"), one denied or one taken back ("Boos denk ik. Nee.
Meer dat ik me dom voel.") made it wrong every time, so none of those is named.
Must not: read anything but the message it is given.
"""

from __future__ import annotations

import functools
import re

from app.core.reading import _listed, _negated, _own
from app.core.statements import MORE, statements
from app.core.text import wordset

_AS_NOUN = {
    "nl": {
        **dict.fromkeys(("boos", "kwaad", "boosheid", "kwaadheid"), "boosheid"),
        **dict.fromkeys(("bang", "angstig", "angst"), "angst"),
        **dict.fromkeys(("verdrietig", "verdriet"), "verdriet"),
        **dict.fromkeys(("beschaamd", "schaamte", "schaam", "schaamde", "schaamt"), "schaamte"),
        **dict.fromkeys(("schuldig", "schuldgevoel"), "schuldgevoel"),
        **dict.fromkeys(("teleurgesteld", "teleurstelling"), "teleurstelling"),
        **dict.fromkeys(("gefrustreerd", "frustratie"), "frustratie"),
        **dict.fromkeys(("onzeker", "onzekerheid"), "onzekerheid"),
        **dict.fromkeys(("jaloers", "jaloezie"), "jaloezie"),
        **dict.fromkeys(("geïrriteerd", "irritatie", "ergernis"), "irritatie"),
        **dict.fromkeys(("machteloos", "machteloosheid", "onmacht"), "machteloosheid"),
        **dict.fromkeys(("eenzaam", "eenzaamheid"), "eenzaamheid"),
        **dict.fromkeys(("woedend", "woest", "woede"), "woede"),
        **dict.fromkeys(("onrustig", "onrust"), "onrust"),
        **dict.fromkeys(("vernederd", "vernedering"), "vernedering"),
        **dict.fromkeys(("trots",), "trots"),
        **dict.fromkeys(("spijt",), "spijt"),
    },
    "en": {
        **dict.fromkeys(("angry", "furious", "anger"), "anger"),
        **dict.fromkeys(("ashamed", "shame"), "shame"),
        **dict.fromkeys(("guilty", "guilt"), "guilt"),
        **dict.fromkeys(("sad", "sadness"), "sadness"),
        **dict.fromkeys(("afraid", "scared", "fear"), "fear"),
        **dict.fromkeys(("frustrated", "frustration"), "frustration"),
        **dict.fromkeys(("embarrassed", "embarrassment"), "embarrassment"),
        **dict.fromkeys(("humiliated", "humiliation"), "humiliation"),
        **dict.fromkeys(("disappointed", "disappointment"), "disappointment"),
        **dict.fromkeys(("jealous", "jealousy"), "jealousy"),
        **dict.fromkeys(("anxious", "anxiety"), "anxiety"),
        **dict.fromkeys(("lonely", "loneliness"), "loneliness"),
        **dict.fromkeys(("helpless", "helplessness"), "helplessness"),
        **dict.fromkeys(("resentful", "resentment"), "resentment"),
        **dict.fromkeys(("regret",), "regret"),
        **dict.fromkeys(("proud", "pride"), "pride"),
    },
}
# Dutch nouns that take "dat": "dat verdriet", not "die verdriet".
_NEUTER = wordset("verdriet schuldgevoel")
# The feeling belongs to someone else in the sentence: "hij was vooral geschrokken", "she
# looked disappointed", "dat iemand teleurgesteld is in mij".
_OTHERS = re.compile(
    r"\b(hij|zij|ze|he|she|they|iemand|someone|somebody|mensen|people)\s+(\w+\s+){0,2}"
    r"(is|was|werd|wordt|raakte|voelde|voelt|seemed|looked|felt|got|became|is|was|were|are)\b|"
    r"\b(zijn|haar|hun|his|her|their)\s+\w+\s+(is|was)\b"
)
# The person names their own feeling with a reflexive verb: "ik schaam me", "schaamde ik mij".
_REFLEXIVE = re.compile(
    r"\b(ik|k)\s+(me|mij)\s+(\w+\s+){0,2}schaam|\bschaam(de)?\s+(ik\s+)?(me|mij)\b"
)
_TAKEN_BACK = re.compile(r"^\W*(nee|no|nope)\b", re.I)


def own_feeling(message: str, lang: str) -> str:
    """ "die schaamte": the feeling the person names as theirs (the one they mark as the most,
    or else the first), after any correction; "" when there is none."""
    return own_feeling_at(message, lang)[0]


@functools.lru_cache(maxsize=8)
def own_feeling_at(message: str, lang: str) -> tuple[str, int]:
    """The feeling with its article and the number of the sentence that names it (-1: none);
    read once per message, though each template, its slot and its anchor ask for it."""
    said = statements(message)
    # After "Nee." or "Meer dat ...", what came before is taken back.
    start = max((n for n, s in enumerate(said) if MORE.match(s) or _TAKEN_BACK.match(s)), default=0)
    named: list[tuple[str, int]] = []
    for n, sentence in enumerate(said[start:], start):
        low = sentence.lower()
        if _OTHERS.search(low):
            continue
        listed = _listed(low, lang)
        for word in re.findall(r"[^\W\d_]+", low):
            noun = _AS_NOUN[lang].get(word)
            if noun is None or _negated(low, word) or _denied_after(low, word):
                continue
            if _own(low, word) or word in listed or (noun == "schaamte" and _REFLEXIVE.search(low)):
                if _MOSTLY.search(low) and _mostly_at(word).search(low):
                    return _with_article(noun, lang), n  # "schaamte vooral", "mostly ashamed"
                named.append((noun, n))
    return (_with_article(named[0][0], lang), named[0][1]) if named else ("", -1)


# The feeling that weighs most, marked as such: "schaamte vooral", "vooral beschaamd".
_MOSTLY = re.compile(r"\b(vooral|mostly|mainly|in de eerste plaats)\b")


def _mostly_at(word: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(vooral|mostly|mainly)\s+(\w+\s+)?{word}\b|\b{word}\W+(\w+\s+)?(vooral|mostly|mainly|"
        r"in de eerste plaats)\b"
    )


def _denied_after(low: str, word: str) -> bool:
    """ "boos ben ik niet", "angry I was not": the denial after the feeling."""
    return bool(re.search(rf"\b{word}\b(\s+\w+){{0,3}}\s+(niet|nie|nait|not)\b", low))


def _with_article(found: str, lang: str) -> str:
    if lang == "en":
        return f"that {found}"
    return f"{'dat' if found in _NEUTER else 'die'} {found}"
