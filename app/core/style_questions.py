"""Open or closed, and "waarom": how a question in a coach reply invites an answer.

Role: tell open questions (wat/hoe/welke..., what/how/which...) from closed ones, after MITI, and
spot "waarom"/"why" questions, for the checks in app/core/style.py.
Must not: call a model; when in doubt a question counts as closed.
"""

from __future__ import annotations

import re

from app.core.style_sentences import _body_words, _normalise, _words, _wordset

_OPEN_NL = _wordset("""
    wat wie welk welke hoe hoezo waarom wanneer waar waardoor waarover waaraan waarmee
    waarin waarop waarvan waarvoor waartoe waarbij waaruit waarheen waarnaar waarachter
    """)
_OPEN_EN = _wordset("what who whom whose which how where when why")
# Conditional openers: open unless their main clause is a yes/no question.
_CONDITIONAL_NL = frozenset(["als", "stel", "stel dat", "indien", "mocht", "gesteld"])
_CONDITIONAL_EN = frozenset(["if", "suppose", "imagine", "say", "assuming"])
_PREPOSITIONS_NL = _wordset(
    "in op met voor aan van bij over naar door uit tot vanuit tegen onder zonder om"
)
_PREPOSITIONS_EN = _wordset("in to with for on at from about by of under into")
_CLOSED_VERBS_NL = _wordset("""
    heb hebt heeft had ben bent is was waren zijn kun kunt kan kon kunnen wil wilt wilde
    zou zoudt zouden moet moest moeten ga gaat ging vind vindt vond denk denkt dacht weet
    wist doe doet deed mag mocht hoor hoort voel voelt voelde herken herkent klopt zie ziet
    zag merk merkt merkte speelt lukt lukte helpt hielp maakt maakte zal zul zult werd word
    wordt bedoel begrijp snap houd hou neem sta staat blijf ervaar ervaart heet geeft gaf
    krijg krijgt kreeg durf durft zeg zegt zei spreekt praat praatte
    """)
_CLOSED_VERBS_EN = _wordset("""
    do does did is are was were have has had can could would will should shall may might
    must am isnt arent dont doesnt didnt wont wouldnt couldnt shouldnt havent hasnt wasnt
    werent cant
    """)
_PRONOUNS_NL = _wordset("je jij u jullie ik we wij ze zij hij het dat dit er daar")
# "Nu je dit zegt, wat valt je op?" starts like an inversion but is a subordinate clause.
_SUBORDINATORS_NL = _wordset(
    "nu toen zodra terwijl omdat doordat sinds voordat nadat hoewel zoals of zodat"
)
_SUBJECT_AFTER_VERB_NL = _wordset("je jij u jullie")
_TAG_RE = re.compile(
    r"(,\s*(toch|of niet|klopt dat|klopt het|is het niet|niet dan|right|isnt it|dont you"
    r"|arent you|didnt you|or not|ja|nee|yes|no)\s*[?.!]*\s*$)"
    r"|(\b(of niet|or not)\s*\?)",
    re.IGNORECASE,
)
# ", of weet je het nog niet?" turns an open question into a yes/no choice; ", or so
# valuable?" only widens it. The word after "of"/"or" tells which.
_ALTERNATIVE_RE = re.compile(r",\s*(of|or)\s+([a-z]+)")
_CLAUSE_SPLIT_RE = re.compile(r"[,:;–—]")


def _starts_open(words: list[str], lang: str) -> bool | None:
    """True/False when the first words decide it, None when they do not."""
    if not words:
        return None
    first = words[0]
    if lang == "en":
        opens, verbs, preps = _OPEN_EN, _CLOSED_VERBS_EN, _PREPOSITIONS_EN
    else:
        opens, verbs, preps = _OPEN_NL, _CLOSED_VERBS_NL, _PREPOSITIONS_NL
    # "hoeveel"/"how much" count as open, like every "hoe"/"how" question: the knowledge base
    # uses them as reflective questions ("How much room did you have to decide?").
    if first in opens or first == "hoeveel":
        return True
    if lang == "en" and re.fullmatch(r"(what|who|how|where|when|why)(s|re|d|ll)", first):
        return True  # "What's going through your mind?", "How's that for you?"
    if first in preps and len(words) > 1 and (words[1] in opens or words[1] == "hoeverre"):
        return True
    if first in verbs:
        return False
    if (
        lang != "en"
        and len(words) > 1
        and words[1] in _SUBJECT_AFTER_VERB_NL
        and first not in _PRONOUNS_NL
        and first not in _SUBORDINATORS_NL
    ):
        return False  # inversion "Herinner je je ...?" is a yes/no question
    return None


def _verdict(words: list[str], lang: str) -> bool | None:
    # The conversation language decides first; the other language only breaks a "don't
    # know", so an English reply in a Dutch chat is reported as wrong language, not closed.
    verdict = _starts_open(words, lang)
    if verdict is None:
        verdict = _starts_open(words, "nl" if lang == "en" else "en")
    return verdict


def is_open_question(q: str, lang: str) -> bool:
    """Open = invites a free answer (wat/hoe/welke..., what/how/which...), per MITI.

    Undecidable starts ("Je vindt het lastig?") count as closed.
    """
    norm = _normalise(q)
    if _TAG_RE.search(norm):
        return False
    for match in _ALTERNATIVE_RE.finditer(norm):
        nxt = match.group(2)
        if nxt in _CLOSED_VERBS_NL or nxt in _CLOSED_VERBS_EN or nxt in ("niet", "not"):
            return False
    words = _body_words(q)
    if not words:
        return False
    clauses = [c for c in _CLAUSE_SPLIT_RE.split(norm) if _words(c)]
    conditionals = _CONDITIONAL_NL | _CONDITIONAL_EN
    if words[0] in conditionals or " ".join(words[:2]) in conditionals:
        # "Als je terugkijkt, wat zie je?" is open; "Als het lukt, ben je dan blij?" is not.
        if len(clauses) > 1:
            return _verdict(_words(clauses[1]), lang) is not False
        return True
    verdict = _verdict(words, lang)
    if verdict is not None:
        return verdict
    # "Ik ben benieuwd: wat gaf de doorslag?" - the question sits in a later clause.
    return any(_verdict(_words(c), lang) is True for c in clauses[1:])


def is_waarom(q: str) -> bool:
    """A "waarom"/"why" question (also "hoezo", "how come"), which tends to invite defence."""
    words = _words(q)
    if {"waarom", "why", "hoezo"} & set(words):
        return True
    return any(a == "how" and b == "come" for a, b in zip(words, words[1:], strict=False))
