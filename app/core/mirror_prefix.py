"""A sentence too long to say back whole, cut where it still stands on its own.

Role: part of app/core/reflection.py. A long sentence is said back up to a comma, a new clause
of the speaker's or the "dat" after "er ... voor", but never cut before the turn that carries its
point ("..., maar ..."), before what the verb still needs ("I could say, | that ..."), or where
a clause waits for its main clause ("and when I couldn't be,").
Must not: add words, or say back a head that the rest of the sentence takes back.
"""

from __future__ import annotations

import re

from app.core.reflection_turn import MAX_MIRROR_WORDS, SPEAKER, _turn

# A first step that only announces what was said: "en ik zei toen, en ik hoor het mezelf ...".
_SAID_NOTHING_YET = re.compile(
    r"\b(zei|zeg|vroeg|dacht|riep|said|say|asked|thought|told him|told her)( toen| then| nog)?\W*$",
    re.I,
)
_LONG_SPLIT = re.compile(r",?\s+(?:en dan|en daarna|and then)\s+|,\s+(?:en|and)\s+", re.I)


# Where a long sentence may be cut and still say something whole: before a comma, before a new
# clause of the speaker's ("en ik schaam me"), after "er ... voor/over/van" before its "dat".
_CUTS = re.compile(r",\s+|\s+(?=(?:en|and|maar|but)\s+(?:ik|i)\b)", re.I)
# What follows the cut turns or takes back what came before: the head is not the point.
_TURNS = re.compile(r"(maar|but|though|toch|nee|no|wacht|wait|of nee|i mean)\b", re.I)
# A head that stops where it cannot: "You could say.", "... which.", "Het is meer dat als ...".
_DANGLING = re.compile(
    r"\b(say|said|zeg|zeggen|zei|think|thought|denk|dacht|vind|vond|know|weet|wist|ask|vraag|"
    r"vroeg|tell|told|vertel|hope|hoop|feel|voel|could|would|should|kan|kon|wil|moet|zou|which|"
    r"like|die|wat|dat|that|nee|no|ja|yes)\W*$|"
    r"\b(als|if|when|toen|wanneer|zodra|terwijl|omdat|because|while)\b[^,]*$",
    re.I,
)
_SUBORDINATE = re.compile(
    r"\W*(dat|that|wat|what|als|if|when|toen|omdat|because|terwijl|while|zodra|as soon as|"
    r"wanneer|voordat|before|nadat|after|since|hoewel|although)\b",
    re.I,
)
_CLAUSE_ONLY = re.compile(
    r"\W*(wat|what|dat (de|het|een|ik|je|jij|hij|zij|ze|we|wij|er|mijn|mn|zijn|haar|u|men)|"
    r"that (the|a|i|you|he|she|they|we|it|my|his|her))\b",
    re.I,
)
_FRONTED_NL = re.compile(
    r"\W*(als|toen|omdat|terwijl|zodra|wanneer|voordat|nadat|hoewel|zolang)\b", re.I
)
_IT_IS = re.compile(r"\W*(it'?s|it is|het is|'t is)\b", re.I)
# What the verb before the cut still needs: "I could say, calmly, | that I accept the error".
_COMPLEMENT = re.compile(r"(dat|that|wat|what|of|if|whether|hoe|how|waarom|why|om te|to)\b", re.I)
_BEFORE_DAT = re.compile(r"\b(?:voor|over|van|mee|about|of)(\s+)dat\b", re.I)
# A cut inside the sentence's frame: before the words said ("ik zei toen, heel dom, | 'ja ...'")
# or right after a name put beside a noun ("kreeg mijn praktijkhouder, Marjolein, | een mail").
_QUOTE_NEXT = re.compile(r"['‘\"“]")
_NAME_BESIDE = re.compile(r",\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}$")
_NAME_NEXT = re.compile(r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2},")


# "..., maar het zat me niet lekker en ...": the part after "maar" is said back on its own.
_INNER_TURN = re.compile(r"\s(maar|but)\s", re.I)


def in_quote(before: str) -> bool:
    """A quote opened and not closed ("had ik alleen maar 'ja maar ik ken hem'", "You wrote
    'sorry, | my bad'"); "'t" is none."""
    opened = len(re.findall(r"(?<!\w)['‘“\"](?![tsk]\b)", before))
    return opened > len(re.findall(r"(?<=\w)['’”\"](?!\w)", before))


def fitting_prefix(sentence: str, lang: str, message: str) -> str | None:
    """The longest opening of a sentence too long to say back whole that still turns as a
    sentence of its own: "maar ik ben er gwn chagrijnig van en ik schaam me er ook een beetje
    voor dat ik er chagrijnig van ben, ben 44 man" -> "Je bent er gewoon chagrijnig van en je
    schaamt je er ook een beetje voor."."""
    # Only a head of at most MAX_MIRROR_WORDS can be said back: the cuts are looked for there.
    window = " ".join(sentence.split()[: MAX_MIRROR_WORDS + 1])
    cuts = [m.start() for m in _CUTS.finditer(window)]
    optional = [m.start(1) for m in _BEFORE_DAT.finditer(window)]  # "er ... voor | dat"
    cuts += optional
    if _CLAUSE_ONLY.match(sentence) or not (SPEAKER.search(sentence) or _IT_IS.match(sentence)):
        return None  # "Dat de dochter iets zegt ...": no main clause to open with
    if lang == "nl" and _FRONTED_NL.match(sentence):
        # "Als zij dat in de keuken had gezegd, bij de koffie, ...": where its main clause starts
        # cannot be told from commas alone
        return None
    for cut in sorted(cuts, reverse=True):
        head, rest = window[:cut].strip(), window[cut:].strip(" ,")
        if len(head.split()) < 4 or len(head.split()) > MAX_MIRROR_WORDS:
            continue
        if (
            _TURNS.match(rest)
            or (_COMPLEMENT.match(rest) and cut not in optional)
            or _SUBORDINATE.match(re.split(r",\s+|\s+(?:en|and)\s+", head)[-1])
            or _DANGLING.search(head)
            or _INNER_TURN.search(head)
            or in_quote(head)
            or _QUOTE_NEXT.match(rest)
            or _NAME_BESIDE.search(head)
            or _NAME_NEXT.match(rest)
        ):
            continue  # the point comes after "maar"; "and when I couldn't be" waits for its clause
        turned = _turn(head, lang, message)
        if turned is not None and len(turned.split()) <= MAX_MIRROR_WORDS:
            return turned
    return None
