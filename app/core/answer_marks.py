"""Marks of a sentence that only makes sense as an answer, or that speaks of the coach.

Role: used by app/core/reflection_turn.py to keep such sentences from being said back alone.
- An elliptic answer leans on the question or the sentence before it: "Op Dennis omdat hij het
  niet gewoon tegen mij zei." (angry at whom?), "Meer dat ik het niet onderbouwd heb.",
  "At him, because he never asks.". Said back alone it is a fragment without a head.
- A sentence about what the coach does ("ik snap dat je dat terugkaatst", "ik wist da ge dat
  ging zeggen", "like you said") has "je"/"you" for the coach: turned, it would say that the
  person did it.
Must not: call a model.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.core.feelings import FEELINGS

# A prepositional phrase first, maybe after "niet"/"meer"/"vooral": "niet op Ronald, meer op
# mezelf ...", "op Dennis omdat ...", "not at her, at myself".
_PREP_HEAD = re.compile(
    r"^(?:(?:niet|meer|vooral|ook|eerder|wel|eigenlijk|not|more|mostly|also|rather|really)\s+)*"
    r"(?:op|tegen|over|om|met|bij|aan|at|with|about)\s+\S",
    re.I,
)
# Where the head of the sentence ends: a comma or a word that opens a clause of its own.
_HEAD_END = re.compile(
    r"\s*[,;:]\s*|\s+(?=(?:omdat|dat|want|maar|die|terwijl|als|because|that|but|who|since|as)\b)",
    re.I,
)
# "Niet dat ik ...", "Not that I ...": what it is not, without what it is.
_CORRECTION_HEAD = re.compile(r"^(?:niet|not)\s+(?:dat|omdat|that|because)\b", re.I)
# "Meer dat ik ...", "Eerder omdat ...", "More that I ...": the correction, given its head back.
_MORE_HEAD = re.compile(
    r"^(meer|eerder|vooral|more|rather|mostly)\s+(?=(dat|omdat|that|because)\b)", re.I
)
_HEAD = {"nl": "Het is {w} ", "en": "It's {w} "}


# "Wat ik mij nu besef terwijl ik dit typ, is da ...", "What I realise now is that ...": what
# the person sees, said with its own verb.
_REALISED = re.compile(
    r"^(?:wat|what) (?P<who>ik|i) (?:mij |me )?(?P<adv>(?:nu|now|eigenlijk|really|just) )?"
    r"(?P<verb>besef|realiseer|merk|zie|snap|realise|realize|notice|see)(?: me| mij)?"
    r"(?P<after> nu| now)?"
    r"(?:,? (?:terwijl|nu|while|as|now that) [^,]*?)?,? is (?:dat|da|that) ",
    re.I,
)


# "Hoe ik me voelde... klein eigenlijk.", "How I felt... small, really.": the question repeated,
# then the answer.
_HOW_I_FELT = re.compile(r"^(?:hoe (ik) (?:me|mij) voelde|how (i) felt)\W*\s+(?=\w)", re.I)


def with_head(core: str, lang: str) -> str:
    """ "Meer dat ik het niet onderbouwd heb." -> "Het is meer dat ik het niet onderbouwd heb.";
    "Wat ik nu besef is dat ..." -> "Ik besef nu dat ..."."""
    core = _REALISED.sub(
        lambda m: (
            f"{m['who'].capitalize()} {m['verb'].lower()}{m['after'] or ''} {m['adv'] or ''}"
            + ("dat " if lang == "nl" else "that ")
        ),
        core,
        count=1,
    )
    core = _HOW_I_FELT.sub(lambda m: "Ik voelde me " if m[1] else "I felt ", core, count=1)
    return _MORE_HEAD.sub(lambda m: _HEAD[lang].format(w=m.group(1).lower()), core, count=1)


_EN_SUBJECT = re.compile(r"\b(i|i'm|i've|i'd|he|she|they|we|it|you|there)\b", re.I)


def elliptic(core: str, lang: str, finite: Callable[[str], bool]) -> bool:
    """True for a sentence whose head has no verb of its own; `finite` tells a Dutch finite
    verb ("zei", "heb", "wilde")."""
    text = core.strip()
    if _CORRECTION_HEAD.match(text):
        return True
    if not _PREP_HEAD.match(text):
        return False
    head = _HEAD_END.split(text, maxsplit=1)[0]
    words = re.findall(r"[^\W\d_]+(?:'[a-z]+)?", head)
    if lang == "nl":
        return not any(finite(w) for w in words)
    return len(words) <= 5 and not _EN_SUBJECT.search(head)


# The person speaks of the coach's own move: "ik snap dat je dat terugkaatst", "zoals je zei",
# "ik wist da ge dat ging zeggen", "I knew you'd say that", "like you said".
TO_COACH_MOVE = re.compile(
    r"\b(?:(?:snap|begrijp|weet|wist|zie|merk|hoor|dacht)\s+(?:ik\s+)?(?:wel\s+)?"
    r"(?:dat|da|waarom)\s+(?:je|jij|ge|gij|u)\b|"
    r"(?:zoals|wat)\s+(?:je|jij|ge|gij|u)\s+(?:net\s+|daarnet\s+|eerder\s+)?"
    r"(?:zei|zegt|zegde|vroeg|vraagt|schreef|schrijft)\b|"
    r"(?:je|jij|ge|gij|u)\s+(?:dat|het|dit)\s+(?:terugkaatst|terugkaatsen|teruglegt|terugspeelt|"
    r"ging\s+(?:zeggen|vragen)|zou\s+(?:zeggen|vragen))\b|"
    r"(?:get|see|know|knew|understand)\s+(?:that\s+|why\s+)?you(?:'re|'d|'ll|\s+are|\s+would|"
    r"\s+will)?\s+(?:say|ask|asking|saying|bouncing|bounce|turning|turn|throwing|throw)\b|"
    r"(?:like|as|what)\s+you\s+(?:just\s+)?(?:said|say|asked|ask|wrote)\b|"
    r"you(?:'re|\s+are)\s+(?:right|asking)\b|"
    # the coach does something to the person: "je gaat het me niet voorzeggen", "you're not
    # going to tell me"
    r"\b(?:je|jij|ge|gij)\s+(?:gaat|gaan|zal|zult|wil|wilt)\s+(?:het\s+|dat\s+)?(?:me|mij)\b|"
    r"\byou(?:'re|\s+are)?\s+(?:not\s+)?(?:going\s+to|gonna)\s+(?:tell|give)\s+me\b|"
    # an order to the listener: "so dinnae tell me I should've ...", "zeg nou niet dat ik ..."
    r"^(?:so\s+|dus\s+|and\s+|en\s+)?(?:don'?t|dinnae|do\s+not|never)\s+(?:tell|say\s+to)\s+me\b|"
    r"^(?:dus\s+|en\s+)?(?:zeg|vertel)\s+(?:me\s+|mij\s+)?(?:nou\s+|maar\s+)?niet\s+dat\b)",
    re.I,
)


_QUOTED = re.compile(r"(?<!\w)['‘“\"].{3,}?['’”\"](?!\w)")


def to_coach(text: str) -> bool:
    """The person speaks of the coach's move, outside what they quote of others ("I should have
    said 'you're right' first" speaks of no coach)."""
    return bool(TO_COACH_MOVE.search(_QUOTED.sub(" ", text)))


# A correction said as it is: "Het is meer de manier.", "It's more that she never asks."
ITS_MORE = re.compile(
    r"^((het|'?t) (is|was) (eigenlijk |vooral )?(meer|dat)|it'?s more|it was more|"
    r"it'?s (really )?about|it'?s that)\b",
    re.I,
)
# "'t Was meer gekwetst." is the person's feeling: "Je was meer gekwetst."
IT_WAS_MORE_FELT = re.compile(
    r"^(?:het|'?t) (is|was) (?=(?:eigenlijk |vooral )?meer \w+\W*$)", re.I
)


# "Wat het meeste pijn doet is de taal.", "What hurts most is ...": the point named. With "mij"
# in it the sentence is turned like any other ("Wat jou het meeste pijn doet ...").
WHAT_MOST = re.compile(
    r"^(?:wat (?:(?:me|mij) )?(?:(?:eigenlijk|nog|echt) ){0,2}het meeste? (?:pijn )?"
    r"(?:doet|deed|raakt|raakte|dwarszit|dwarszat|stoort|stoorde|steekt|stak)|"
    r"what (?:\w+ ){0,2}(?:hurts|hurt|gets|got|bothers|bothered|stings|stung)(?: to)?"
    r"(?: me)? (?:the )?most),? (?:is|was)\b",
    re.I,
)


def said_as_is(core: str, lang: str) -> str | None:
    """A sentence with no one in it to turn, said back as it is: the correction ("Het is meer
    de manier.", "'t Was meer gekwetst." -> "Je was meer gekwetst.") or the point named ("Wat
    het meeste pijn doet is de taal.")."""
    if ITS_MORE.match(core):
        if lang == "nl" and re.sub(r"\W", "", core.split()[-1].lower()) in FEELINGS["nl"]:
            return IT_WAS_MORE_FELT.sub(lambda m: "Je bent " if m[1] == "is" else "Je was ", core)
        return core
    return core if WHAT_MOST.match(core) else None
