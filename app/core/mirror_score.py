"""How well one of the person's sentences, said back, would serve as the reflection.

Role: the ranking half of app/core/reflection.py: a feeling or how it was for the person first,
where the message arrives ("eigenlijk", the turn after "maar") before where it started, the
person's latest words before earlier ones, short before long; a sentence that leans on the one
before ("Dat duurde een uurtje.") or only names a role last.
Must not: build or change any text.
"""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

from app.core.feeling_list import feelings_said
from app.core.feeling_said import _names_feeling
from app.core.statements import MORE, NOT_THAT

# Where the person arrives: an insight about themselves, or the turn after "maar".
_CORE = re.compile(
    r"\b(je merkt|merk je|je beseft|je realiseert|je ziet nu|eigenlijk|juist|you notice|"
    r"you realise|you realize|you see now|actually|belangrijk\w*|important|matters|"
    r"what gets you|wat je raakt|je wilde|you wanted|wat je (echt )?wilde|"
    r"what you (really )?wanted)\b",
    re.I,
)

# Where the person names what it is about: "het gaat er eigenlijk om dat", "het ergste is",
# "wat je het meest dwarszit", "it's really about".
_ABOUT = re.compile(
    r"\b(het gaat|gaat het) (er |hem |jou |je )?(eigenlijk |misschien |vooral |echt |meer )*"
    r"(om|over) (dat|hoe|wat)\b|\bhet ergste (is|vind je)\b|"
    r"\bhet (er |hem )?(eigenlijk |misschien |vooral |echt |meer )*(om|over) gaat\b|"
    r"\bwat je (eigenlijk |echt |nog )*(het meest |vooral )?dwarszit\b|"
    r"\b(what|it)('s| is) (really |actually |mostly )?about\b|\bthe (worst|real) (thing|part) is\b",
    re.I,
)

# A sentence whose subject points back ("Dat vind je het belangrijkste", "You haven't had many
# of those") says little without the sentence before it.
_POINTS_BACK = re.compile(
    r"^\W*(dat|dit|that|this|it)\s+(is|was|vind|vond|klinkt|voelt|feels|sounds|makes|maakt)\b|"
    r"\b(of those|of these|van die|van deze)\b",
    re.I,
)

# "Dat duurde een uurtje.", "Daar ben je te trots voor.": what "dat" is, the sentence before says.

_THAT_FIRST = re.compile(
    r"^\W*(dat|dit|daar|daarom|that|this|it)\s+(?!je\b|you\b|feels\b|felt\b|voelt\b|voelde\b)\w+",
    re.I,
)

# What the sentence is about is said elsewhere: "Dat ben je niet.", "You do this a lot.",
# "Je denkt dat het daar ook mee te maken heeft."
_VAGUE = re.compile(
    r"^\W*(dat|dit)\s+(ben|bent|zag|zie|zei|heb|had|deed|doe|weet|wist)\b|"
    r"\b(do|did|doing|done) (this|that)\b|\b(heb|had|doe|deed) (je|ik) (dit|dat)\b|"
    r"\bdaar (ook )?mee\b|"
    # only that it is true, not what: "Maar je denkt dat het wel klopt."
    r"^\W*(maar |but )?((je|you) (denkt|weet|voelt|think|know|feel) (dat |that )?)?"
    r"(het|dat|dit|it|that|this|that's|it's) (\w+ )?(klopt|waar is|zo is|is true|true|right|"
    r"is right)\W*$",
    re.I,
)

# "It feels petty to you to ...": the "it" points forward, at what follows.
_HOW_IT_FEELS = re.compile(
    r"^(it feels|it felt|het voelt|het voelde) \w+( \w+)? (to you|voor jou|voor je) ", re.I
)

# Words that carry how it was for the person without naming a feeling: "het zit me dwars",
# "toch even slikken", "it doesn't feel like it". Said back before the bare facts.
_WEIGHT = re.compile(
    r"\b(dwars|slikken|beroerd|rot|over de schoenen|klaar mee|niet lekker|zwaar|lastig|moeilijk|"
    r"raakt|raakte|stak|steekt|knaagt|baal\w*|in de schoenen|flat|numb|nothing|doesn't feel|"
    r"does not feel|"
    r"not over|gets to me|got to me|bothers|bothered|stung|stings|hard|heavy|tough)\b",
    re.I,
)

# Where the person says it stays with them: "daar zit je nu mee", "je blijft erover malen", "you
# keep replaying it". Said back before the facts, also when it opens with "daar".
_STAYS = re.compile(
    r"\b(zit|zat|zitten) ((je|jij|ik) )?(daar |er |nu |nog |steeds |altijd |echt )*(mee|ermee)\b|"
    r"\b(daar|er) zit (je|ik) (nu |nog |steeds |altijd )*mee\b|\bmalen\b|\bwakker van\b|"
    r"\buit (je|mijn|mn|m'n) hoofd\b|\b(in|door) (je|mijn|mn|m'n) hoofd (zitten|spelen|malen|"
    r"rondspoken)\b|\bblijft (maar )?(knagen|malen|hangen|spoken)\b|\bgoing back over\b|"
    r"\breplaying\b|\bstewing\b|\bon (your|my) mind\b|"
    r"\bcan'?t (stop thinking|let it go|shake)\b|\bstuck with (you|me)\b",
    re.I,
)

# ... which only points at it: "Je zit er nog mee", "Daar zit je nu mee".
_POINTER = re.compile(r"\b(daar|er|ermee|daarmee|it|that)\b")

# A feeling of someone else ("zij werd echt kwaad") is not how it was for the person.
_OTHERS_FEELING = re.compile(
    r"\b(hij|zij|ze|he|she|they)\s+(werd|was|raakte|wordt|is|got|became|felt|voelde|seemed|"
    r"leek|looked)\b",
    re.I,
)
_FEELS_LIKE = re.compile(
    r"\b(je voel(t|de) je|voel(t|de) je je|you (feel|felt) (like|as if|as though))\b", re.I
)
_OWN_FEELING = re.compile(
    r"\b(je|you)\s+(was|werd|voelde|felt|bent|were|are|raakte|got|schrok|baalde)\b|"
    r"\b(voelde|was|werd|schrok) je\b",
    re.I,
)

# Why the message is brought here, not what it is about: "Vandaar dat je het hier inbrengt.",
# "er is iets wat je steeds meer dwarszit" (what follows says what).
_META = re.compile(
    r"\b(er is|er zit) iets (wat|dat) (je|me|mij)\b|\bthere'?s something (that )?(is )?"
    r"(bothering|bugging|eating)\b|\bwaar (je|ik) (\w+ )?heen (wilt|wil) (met dit|hiermee)\b|"
    r"\b(het|dit) (gewoon |even |eens )+kwijt\b|\bwhere (you'?re|i'?m) going with (this|it)\b|"
    r"\b(vandaar dat|daarom) (je|ik) (het|dit) hier\b|,\s*vandaar\W*$|\bthat'?s why (you'?re|i'?m) "
    r"(bringing|telling|writing)\b|\bwhy (you|i) (bring|brought) (it|this) (up )?here\b|"
    # a remark on the coach's own move: "I figured you'd turn it back to me", "had ik kunnen weten"
    r"\b(turn(ed|ing)? it back|terugvragen|wedervraag|figured you'?d|knew you'?d|"
    r"(had|kon) ik (ook )?(wel )?(kunnen )?weten|d(a|at) ge dat ging vragen|"
    r"dat je dat (ging|zou) vragen|niet voor me (gaat )?beslissen|"
    r"(gij|jij) gaat da(t)? niet zeggen)\b|"
    # about the writing itself: "je probeert het maar even op een rijtje te zetten", "dus je typt
    # het even", "je hebt dit nog nooit gedaan", "you'll try to explain this"
    r"\bje (gaat|probeert) het (gewoon |gwn |maar |even |eens |ff |hier )*(proberen|"
    r"op te schrijven|uit te leggen|te vertellen|te typen|op een rij(tje)? te zetten)|"
    r"\b(dus|so) (je|you) (typt|schrijft|type|write) (het|dit|it|this)\b|"
    # an insight announced, not said: "Je denkt dat je het nu wel ziet eigenlijk."
    r"^(je denkt dat )?je (het|dat) nu (wel |eindelijk )?(ziet|snapt|begrijpt)\b|"
    r"^(you think )?you (see|get) it now\b|"
    r"\b(je hebt|heb je) dit (nog )?nooit (eerder )?gedaan\b|\byou'?ve never done this\b|"
    r"\bje (gaat|probeert) (het|dit) (gewoon |gwn |even |eens |ne keer |een keer |maar |hier |"
    r"gestructureerd |kort )*((typen|opschrijven|te doen)(?=\s*(want|omdat|,|\.|$))|"
    r"(uitleggen|vertellen)(?=\s*,?\s*(want|omdat)))|"
    r"\bje weet (eigenlijk |echt )?(niet|nie|ni) (zo )?(goed |goe |precies )?(hoe dit werkt|"
    r"(hoe|waar) (je )?(hier )?(moet |te )?beginnen|wat je (hier )?(wilt|moet) (vertellen|zeggen))|"
    r"\byou'?ll (just )?try to (explain|write|put|get)\b|\byou'?re not sure how this works\b|"
    r"\bje weet (eigenlijk |echt )?(niet|nie|ni) (precies |goed )?wat je hier( mee| mee wilt)?\b|"
    r"\bje gaat (gewoon |gwn |maar |even |ff )*typen\b|\bwhy (you'?re|i'?m) (telling|asking|"
    r"writing to) (an app|a computer|a bot|a chatbot|this thing|a machine)\b|"
    # pointing at what follows, saying nothing itself: "Je gaat het zo doen.", "het volgende:"
    r"\b(je|you) (\w+ )?(gaat|wilt|will|'ll|are going to|'re going to) (het|it) (zo|like this|"
    r"this way) (doen|aanpakken|do|handle)\b|\b(het|dit|this|the) volgende\W*$|\bthe following\W*$|"
    # said to the listener, turned it says nothing: "je snapt wat ik bedoel" -> "je snapt wat je
    # bedoelt"
    r"\bje (snapt|weet|begrijpt) (wel |toch )?wat je bedoelt\b|\byou know what you mean\b",
    re.I,
)

# The opening "Je bent gezinsvoogd." only names a role: it says back nothing of the story.

_ROLE = re.compile(r"^(je bent|je werkt|you're a|you are a|you work|you're an|you are an)\b", re.I)

_AT_FIRST = re.compile(r"\b(eerst|in het begin|aanvankelijk|at first|initially)\b", re.I)

_LEANS = re.compile(
    r"^\W*(dan|daarom|daardoor|tenminste|eerlijk|then|so|which|those|these)\b|"
    r",\s*(maar toch|but still|or something|of zo)\W*$",
    re.I,
)


# A pattern of the person's own: "you go quiet and then do your own thing anyway", "je zegt altijd
# ja": what they see of themselves, before what they do not want to go into.
_PATTERN = re.compile(
    r"^\W*(je|you) (?!ben|bent|was|are|were|zegt dat|denkt)(\w+ ){0,2}(altijd|nooit|telkens|"
    r"elke keer|always|never|every time)\b|"
    r"^\W*(je|you) .*\b(and then|en dan)\b.*\b(anyway|toch)\W*$",
    re.I,
)

# What it is not: "Het is ook niet dat je terug wilt", "It's not really that he was harsh".
_DENIES = re.compile(
    r"^\W*((dus|so|maar|but|en|and|nee|no)\W+)*((het|t) is (ook |eigenlijk |echt |gewoon )?"
    r"niet (zo )?dat|it'?s not (really |just )?(that|like)|niet dat|not that|"
    r"“?it'?s not really that|niet (\w+ )?omdat|not because)\b",
    re.I,
)


# A comment on how what was just said sounds: "Klinkt groot als je het zo opschrijft.", "Dat
# klinkt wat hoogmoedig, vrees je", "which is probably the point".
_HEDGE = re.compile(
    r"^\W*((dat|dit|het|that|this|it) )?(klinkt|sounds)\b|\b(vrees je|i'?m afraid)\b|"
    r"\b(which|wat) is (probably|waarschijnlijk) (the|het) (point|punt)\b",
    re.I,
)


def mirror_score(text: str, n: int, total: int, lang: str) -> float:
    """Feeling first, then the person's latest words, then short sentences."""
    low = text.lower()
    score = 0.0
    feeling = _names_feeling(text, lang)
    if feeling and _OTHERS_FEELING.search(low) and not _OWN_FEELING.search(low):
        feeling = False  # "zij werd echt kwaad": someone else's feeling
    if feeling:
        score += 2.0
    elif _FEELS_LIKE.search(low):
        score += 1.5  # "je voelt je nu net een beginner": how it is, in an image of their own
    found = _STAYS.search(low)
    stays = found is not None
    if found and total >= 6:
        # In a long story where it stays with the person is its point (in a shorter message
        # "I keep replaying it" is the lead-in). "Het zat je niet lekker en je bleef malen" says
        # how; "Je zit er nog mee" only that.
        bare = _POINTER.search(found.group(0)) or _POINTER.match(low)
        score += 0.3 if bare else 1.0
    if _META.search(low):
        score -= 1.5
    if re.search(r",\s*(maar|but)\b", low):
        score += 0.5  # the sentence turns inside itself: "not wrong to raise it, but ..."
    if re.search(r"\b(je|you)\b", low):
        score += 1.0
    if _CORE.search(low):
        score += 0.8
    if _ABOUT.search(low) and not _THAT_FIRST.match(text):
        score += 1.0  # "je denkt dat het er eigenlijk over gaat dat ...": they name the point
    if _WEIGHT.search(low):
        score += 1.0
    if n == 0 and _ROLE.match(text) and total > 1:
        score -= 0.8
    if n < total - 1 and _AT_FIRST.search(low) and _names_feeling(text, lang):
        score -= 1.0  # "Eerst was ik vooral boos": where it started; what came after matters more
    if _LEANS.search(text):
        score -= 1.0  # leans on what came before: "Dan ...", "Tenminste, ...", "..., but still."
    if _PATTERN.search(text) and not feeling:
        score += 0.5
    if _DENIES.match(text):
        score -= 1.5  # "Het is niet dat je jaloers bent op Jens.": what it is comes elsewhere
    if _HEDGE.search(text):
        score -= 1.5  # "Dat klinkt gemener dan je het bedoelt.": how it sounds, not what it is
    if (
        (_POINTS_BACK.search(text) and not _HOW_IT_FEELS.match(text))
        or (_VAGUE.search(text) and not _names_feeling(text, lang))
        or (
            _THAT_FIRST.match(text)
            and not _names_feeling(text, lang)
            and not _HOW_IT_FEELS.match(text)
            and not stays
        )
    ):
        score -= 1.2
    score += 0.8 * (n + 1) / max(total, 1)
    words = len(text.split())
    score -= max(0, words - 12) * 0.15
    return round(score, 3)


_NOT = re.compile(r"\b(not|niet|nie|ni|geen|never|nooit)\b|n't\b", re.I)


# "Ik weet niet goed wat ik voel.", "idk how i feel tbh": said before the feelings are named.
UNSURE_FEELING = re.compile(
    r"\b(weet|know|sure|idk)\b[^.?!]{0,25}\b(wat|hoe|what|how) (ik|je|i|you) (\w+ )?"
    r"(voel|voelt|feel)\b",
    re.I,
)


def correction_weight(said: list[str], n: int) -> float:
    """The person corrects what they or the coach just said: "Ik ben niet boos. Het is meer dat
    ik me gepasseerd voel." The correction weighs more, what it corrects less. Not knowing what
    one feels weighs little when the feelings follow: "Ik weet niet goed wat ik voel.
    Ongemakkelijk, dat zeker." """
    if UNSURE_FEELING.search(said[n]) and any(
        feelings_said(s, lang) or _names_feeling(s, lang)
        for s in said[n + 1 : n + 4]
        for lang in ("nl", "en")
    ):
        return -2.0
    if MORE.match(said[n]) and any(_denies(s) for s in said[: n + 1]):
        return -1.5 if _retracted(said, n) else 2.5
    if n >= 2 and _retracted(said, n - 2) and MORE.match(said[n - 2]):
        return 2.5  # "Het is meer... beschaamd? Nee, ook niet. Ik voel me een hypocriet."
    if _NOT.search(said[n]) and any(MORE.match(s) for s in said[n + 1 : n + 3]):
        return -3.0  # "I'm not scared of her." before "It's more that ...": not even a feeling
    if n and n == len(said) - 1 and _ASIDE.search(said[n]) and not _names_feeling(said[n], "nl"):
        # "O ja, en die magnetron ga ik zelf wel regelen.", "En de koffieautomaat is ook al een
        # week kapot haha.": an afterthought at the end, not where the person arrived
        return -1.5
    if _APPEAL.search(said[n]):
        # "So it's not all on me is it", "'t was toch nie mijn schuld, he": an appeal to the
        # listener; said back without its tag it sounds like the coach agreeing
        return -1.5
    return 0.0


# What follows a plan's first step and only details or comments on it.
_AFTERTHOUGHT = re.compile(
    r"^\W*(en|and|also|ook|plus|klinkt|sounds|voelt|feels|dat voelt|that feels)\b", re.I
)


class _Scored(Protocol):
    @property
    def source(self) -> str: ...
    @property
    def score(self) -> float: ...


_C = TypeVar("_C", bound=_Scored)


def correction_first(found: list[_C], said: list[str]) -> list[_C]:
    """Candidates best first; when the person corrects what came before ("Nee, boos was ik
    niet. Het was meer gekwetst."), only those that say the correction back: following the
    correction is the reflection, what it corrects is not."""
    found = sorted(found, key=lambda c: -c.score)
    for n in range(1, len(said)):
        if MORE.match(said[n]) and any(_denies(s) for s in said[:n]):
            if _retracted(said, n) and n + 2 < len(said):
                # the correction taken back too: the sentence after that is where they arrive
                kept = [c for c in found if says(c.source, n + 2) and not says(c.source, n)]
                return kept or [c for c in found if not says(c.source, n)] or found
            # the correction, or what follows and details it ("meer dat ik dan het bewijs ben.
            # ... als ik een fout maak is het een meidenfout"); not what it corrects
            kept = [c for c in found if any(says(c.source, m) for m in range(n, len(said)))]
            if not kept:  # the correction too long to say back: at least not what it corrects
                wrong = [m for m in range(n) if _denies(said[m])]
                kept = [c for c in found if not any(says(c.source, m, alone=True) for m in wrong)]
            return kept or found
    return found


# "Nee, ook niet.", "No, not that either.": the correction just made is taken back.
_TAKES_BACK = re.compile(
    r"^\W*(nee|no|nope)\W+(dat |that )?(ook niet|ook nie|either|not that either|niet echt)\W*$",
    re.I,
)


def _retracted(said: list[str], n: int) -> bool:
    return n + 1 < len(said) and bool(_TAKES_BACK.match(said[n + 1]))


def _denies(sentence: str) -> bool:
    return bool(NOT_THAT.match(sentence) or _NOT.search(sentence))


def says(source: str, n: int, alone: bool = False) -> bool:
    """A candidate (by its source) says back the person's n-th sentence: alone ("said:3",
    "clause:3") or, unless `alone`, joined to its neighbour ("said:2+3", "said:3&4")."""
    if alone:
        return bool(re.match(rf"^(said|clause):{n}$", source))
    return bool(re.match(rf"^(said|clause):(\d+[&+])?{n}([&+]\d+)?$", source))


_ASIDE = re.compile(
    r"^\W*(o ja|oh ja|oja|oh and|oh yeah|ps|p\.s\.|btw|by the way|trouwens|overigens|also)\b|"
    r"\b(haha+|hihi|lol)\W*$",
    re.I,
)
_APPEAL = re.compile(
    r"(\b(is it|was it|isn'?t it|wasn'?t it|did i|didn'?t i|innit)|,\s*(right|toch|hè|he|hé|"
    r"of niet))\W*$",
    re.I,
)


# How the next sentence links to a sentence said back: it turns it ("maar", Flemish "ma" before a
# pronoun or adverb, not "Ma zei ..."), or adds to it ("en"); where a clause ends.
_MAAR = re.compile(
    r"^\W*(maar|but|ma(?=\s+(het|t|'t|da|dat|ik|ge|je|hij|ze|we|die|dit|er|ook|wel|nie|niet)"
    r"\b))\s+",
    re.I,
)
_CLAUSE_END = re.compile(r"\s*[,;:]\s*|\s+(?=(?:maar|but|want|omdat|because)\b)", re.I)
_AND = re.compile(r"^\W*(en|and)\s+", re.I)
