"""Guess whether a short chat message is Dutch or English.

Role: a cheap, deterministic language guess for user messages and coach replies, based on
function words (strong signal) and Dutch/English letter patterns (weak signal).
Must not: call a model, read the environment, or guess a third language. When the evidence
is absent or balanced it returns the caller's default instead of guessing.
"""

from __future__ import annotations

import re

from app.core.text import fold, wordset

LANGS: tuple[str, ...] = ("nl", "en")

# Function words and very common short-reply words. Words that exist in both languages
# ("is", "was", "in", "me", "we", "over", "of", "want", "had", "door", "even", "hard", "bad",
# "been", "help", "ok", "hi") are left out on purpose: counting them for either side would
# turn a one-word reply into a coin flip.
_NL_STRONG = wordset("ik het een niet dat ja nee jij mijn wat hoe weet geen waarom")
_NL_WORDS = wordset("""
    de en je u jou jouw jullie mij mezelf jezelf zich ons onze hij zij ze haar hem wij
    dit die deze daar hier er al ook nog wel maar omdat als dan toen dus toch hoor
    joh nou zeg van voor met op te naar bij uit aan om tot zonder tegen onder
    ben bent zijn heb hebt heeft hebben kan kun kunt kon wil wilt wou moet moeten
    zou zal zul zult mag mogen ga gaat gaan doe doet doen deed vind vindt vond denk denkt
    dacht weten wist voel voelt zie ziet zeg zegt werd wordt word worden
    wie welke welk waar wanneer waardoor hoezo iets niets niks alles veel weinig
    beetje misschien eigenlijk echt gewoon altijd nooit soms vaak zeker
    dank bedankt graag prima klopt precies inderdaad natuurlijk goed slecht
    moeilijk lastig idee werk collega collegas leidinggevende vergadering gesprek
    mn zn t hoi doei jawel neen tja gezellig
    """)
_EN_STRONG = wordset("i the not yes you my what how know dont im its and")
_EN_WORDS = wordset("""
    a an it this that these those there here he she they them her him his their our
    us your yours myself yourself am are were be being have has do does did
    doesnt didnt cant couldnt wont wouldnt shouldnt isnt arent wasnt ive id youre
    theyre thats whats theres can could will would should shall must may might
    to of for with on at from by about into without against under but because if
    then so just still already also too very really maybe actually always never
    sometimes often sure thanks thank please fine right exactly indeed good
    difficult idea think thought feel felt say said see saw get got go goes going
    who which where when why nothing something everything anything much bit work
    colleague conversation no yeah nope hello idk dunno
    """)

# Letter patterns: weak evidence that helps when a message has no function words at all
# ("Vrijheid", "Whatever"). Capped per token so one long word cannot outvote a stop word.
_NL_PATTERNS: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"ij"), 0.4),
    (re.compile(r"(heid|lijk|lijke|lijkheid)$"), 0.5),
    (re.compile(r"sch"), 0.3),
    (re.compile(r"aa|uu"), 0.4),
    (re.compile(r"oe"), 0.2),
    (re.compile(r"ui"), 0.15),
)
_EN_PATTERNS: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"th"), 0.3),
    (re.compile(r"^wh"), 0.4),
    (re.compile(r"ght"), 0.4),
    (re.compile(r"(tion|ness|ful)$"), 0.4),
    (re.compile(r"[^l]ly$"), 0.3),
)
_PATTERN_CAP = 0.5
_STRONG_WEIGHT = 1.5
_WORD_WEIGHT = 1.0
# Below this total nothing was really recognised; within this margin the sides are tied.
_MIN_EVIDENCE = 0.4
_MIN_MARGIN = 0.2

_TOKEN_RE = re.compile(r"[a-z]+(?:'[a-z]+)*")


def _normalise(text: str) -> str:
    """Lowercase, strip accents and unify apostrophes so 'oké', "don’t" and "dont" compare."""
    return re.sub(r"[’‘`´]", "'", fold(text))


def _tokens(text: str) -> list[str]:
    # Apostrophes are dropped inside tokens: "don't" and "dont", "m'n" and "mn" score alike.
    return [tok.replace("'", "") for tok in _TOKEN_RE.findall(_normalise(text))]


def _pattern_score(token: str, patterns: tuple[tuple[re.Pattern[str], float], ...]) -> float:
    score = sum(weight for pattern, weight in patterns if pattern.search(token))
    return min(score, _PATTERN_CAP)


def language_scores(text: str) -> dict[str, float]:
    """Evidence per language; exposed so callers and tests can see why a guess was made."""
    nl = en = 0.0
    for token in _tokens(text):
        if token in _NL_STRONG:
            nl += _STRONG_WEIGHT
        elif token in _NL_WORDS:
            nl += _WORD_WEIGHT
        if token in _EN_STRONG:
            en += _STRONG_WEIGHT
        elif token in _EN_WORDS:
            en += _WORD_WEIGHT
        nl += _pattern_score(token, _NL_PATTERNS)
        en += _pattern_score(token, _EN_PATTERNS)
    return {"nl": nl, "en": en}


def detect_language(text: str, default: str = "nl") -> str:
    """Return "nl" or "en"; `default` when the text is empty, numeric, or the evidence ties."""
    scores = language_scores(text)
    nl, en = scores["nl"], scores["en"]
    if max(nl, en) < _MIN_EVIDENCE or abs(nl - en) < _MIN_MARGIN:
        return default
    return "nl" if nl > en else "en"
