"""Advice, and asking permission before it, in a coach reply.

Role: spot advice (a directive phrase, a modal "je moet"/"you should", an imperative or a
leading question) and the question that asks permission first or hands the matter back to the
person (ICF PCC: no advice without permission), for the checks in app/core/style.py.
Must not: call a model or rewrite the reply; when in doubt a directive phrase counts as advice.
"""

from __future__ import annotations

import re

from app.core.style_sentences import (
    _body_words,
    _is_question_sentence,
    _words,
    _wordset,
    sentences,
)

_PERMISSION_RES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\bwil (je|jij|u) (dat ik )?(een paar |een |mijn |wat |iets )?(suggestie|suggesties"
        r"|idee|ideeen|tip|tips|advies|gedachte|gedachtes|mening|voorstel|meedenk|iets voorstel)",
        r"\b(mag|zal) ik (je |jou |u )?(een paar |een |mijn |wat |iets |eens )?(suggestie"
        r"|suggesties|idee|ideeen|tip|tips|advies|gedachte|observatie|voorstel|suggereren|voorstellen"
        r"|meedenken|delen|aanreiken|geven)",
        r"\b(heb je|heeft u|zou je) (\w+ ){0,2}(behoefte aan|iets hebben aan) (een |mijn |wat )?"
        r"(suggestie|idee|tip|advies|gedachte)",
        r"\b(sta je|staat u|ben je) open voor (een |mijn |wat )?(suggestie|idee|tip|advies"
        r"|gedachte)",
        r"\bwat (zou|kun|kan|kunt) (jij|je) zelf\b",
        r"\bwelke (ideeen|opties|mogelijkheden|stappen) (zie|heb|zou) (jij|je) zelf\b",
        r"\bwould you like (a |an |my |some )?(suggestion|suggestions|idea|ideas|tip|tips"
        r"|advice|thought|thoughts|input|perspective)\b",
        r"\bwould you like me to (suggest|share|offer|give)\b",
        r"\bdo you want (a |an |my |some )?(suggestion|suggestions|idea|ideas|tip|tips|advice"
        r"|input)\b",
        r"\bdo you want me to (suggest|share|offer|give)\b",
        r"\b(may|can|could|shall) i (offer|share|suggest|give you|make a suggestion)\b",
        r"\bare you open to (a |an |some |my )?(suggestion|idea|thought|perspective|input)\b",
        r"\b(is it ok|is it okay|would it be ok|would it be okay|would it help) if i (share"
        r"|shared|offer|offered|suggest|suggested|gave)\b",
        r"\bwhat (could|would|can|might) you (yourself|do yourself|try yourself)\b",
        r"\bwhat (ideas|options) do you (yourself )?(have|see)( yourself)?\b",
        # The engine's own question before any advice (engine.PERMISSION_QUESTION).
        r"\bwat heb (je|jij) zelf (al )?(overwogen|bedacht|geprobeerd)\b",
        r"\bvoordat ik (een paar |wat |mijn )?(mogelijkheden|ideeen|suggesties|tips|opties)"
        r" (noem|geef|deel|aanreik)",
        r"\bwhat have you (considered|tried|thought of) yourself\b",
        r"\bbefore i (mention|share|offer|give|suggest)\b",
    )
)

# Phrases that are advice wherever they occur in a sentence.
_ADVICE_ANYWHERE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\bmijn (advies|tip|suggestie)\b",
        r"\bik raad (je|jou|u)\b[^.?!]{0,40}\baan\b",
        r"\bik raad (het )?aan\b",
        r"\bik zou (je|jou|u) (aan)?raden\b",
        r"\bik adviseer\b",
        r"\bhet is (beter|verstandig|slim|handig|raadzaam) (om|als je)\b",
        r"\bhet lijkt me (verstandig|goed|beter|slim) (om|als je)\b",
        r"\bhet beste (kun|kan) (je|jij)\b",
        r"\b(je|jij) (kunt|kan) (het )?beste\b",
        r"\been (goede )?tip is\b",
        r"\bhier (is|zijn) (een )?(paar )?tips?\b",
        r"\bprobeer (eens|het|om|gewoon|dan|ook|te|een|niet|vooral|maar|dit|dat)\b",
        r"\bals ik jou was\b",
        r"\bin jouw (plaats|schoenen) zou ik\b",
        r"\b(wellicht|misschien) is het een (idee|optie) om\b",
        r"\been (idee|optie|mogelijkheid) is om\b",
        r"\bhet is een idee om\b",
        r"\boverweeg (eens |dan )?om\b",
        r"\b(i|id|i would) (strongly )?(recommend|suggest|advise)\b",
        r"\bmy (advice|suggestion|tip|recommendation)\b",
        r"\bhere (are|is) (a few |some )?(tips?|suggestions?|ideas?)\b",
        r"\b(it is|its|it would be|itd be) (best|better|wise|smart|a good idea) (to|if you)\b",
        r"\bthe best (thing|way|approach) (to do )?(is|would be)\b",
        r"\bif i were you\b",
        r"\bin your (shoes|position|place) i(d| would)\b",
        r"\bwhy dont you\b",
    )
)
# Phrases that are advice in a statement but innocent inside a question
# ("Wat helpt je om ervoor te zorgen...?", "How do you make sure...?").
_ADVICE_IN_STATEMENT: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\b(dan|misschien|eigenlijk|gewoon|echt|vooral|daarom) moet (je|jij)\b",
        r"\b(misschien|dan|eigenlijk|wellicht) zou (je|jij)\b[^.?!]{0,40}\b(moeten|kunnen)\b",
        r"\b(misschien|wellicht|eventueel) (kun|kan|kunt) (je|jij)\b",
        r"\bhet (kan|zou|kon) (je )?helpen (om|als)\b",
        r"\bhet helpt (vaak|soms|meestal|om)\b",
        r"\bwat (vaak|soms|meestal) helpt\b",
        r"\bmake sure\b",
        r"\bbe sure to\b",
        r"\bdont forget to\b",
        r"\bremember to\b",
        r"\bit (might|may|could|can|would) help (to|if you)\b",
        r"\bit helps to\b",
        r"\bwhat (often|usually|really) helps\b",
    )
)
# "you should" / "je moet" are advice unless they report the person's own thinking:
# "Je hebt het gevoel dat je moet presteren", "You feel you need to prove yourself".
_MODAL_RES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\b(je|jij) moet\b(?! (niks|niets|helemaal niks|helemaal niets|van)\b)",
        r"\b(je|jij) (zou|zoudt)\b[^.?!]{0,40}?\bmoeten\b",
        r"\b(je|jij) zou (eens|kunnen overwegen|kunnen proberen|kunnen beginnen|er goed aan doen)",
        r"\b(je|jij) zou\b[^.?!]{0,30}?\b(al|ook|eens|bijvoorbeeld) kunnen (proberen|overwegen"
        r"|beginnen|vragen|bespreken|aangeven|zeggen|afspreken|plannen)\b",
        r"\b(je|jij) (kunt|kan) (ook |altijd |misschien |beter )?(eens|beter)\b",
        # "you must"/"you have to" are left out: "You must feel exhausted" and "So you have
        # to choose" are reflections far more often than advice.
        # "you should have said it" looks back: no advice
        r"\byou (should|shouldnt|ought to|need to|gotta)\b(?! have\b|'ve\b| of\b)",
        r"\byou (could|might) ((also|already|perhaps|maybe|just|simply|first) )?(try|consider"
        r"|want to|start|ask|talk|tell|schedule|set|speak)\b",
    )
)
_REPORTING_WORDS = _wordset("""
    dat alsof of wat omdat waarom hoe welke wanneer als die waar wie zodat voordat terwijl
    that like feel feels felt think thinks thought believe believes if whether what why how
    when where which who as sure
    zegt zei zeggen vindt vond says said say tells told reckons reckoned
    weet wist know knew knows
    """)
# Advice phrased as a question: only at the start of the sentence.
_ADVICE_QUESTION_START: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"^(heb|had) (je|jij|u) (er )?((al|ook|eens|wel|weleens|misschien|nog|niet) )*"
        r"(overwogen|geprobeerd|gedacht aan|aan gedacht|overwegen)\b",
        r"^(kun|kan|kunt) (je|jij) (niet )?gewoon\b",
        r"^(zou|zoudt) (je|jij) ((niet|eens|misschien|kunnen|willen) )*(proberen|overwegen)\b",
        r"^(wil|kun|kan) (je|jij) (niet )?eens proberen\b",
        r"^waarom (ga|probeer|vraag|zeg|doe|praat|neem|stop|bel|kies|plan|spreek) (je|jij) "
        r"(niet|eens|gewoon|dan niet)\b",
        r"^wat als je (eens|gewoon)\b",
        r"^is het (geen|niet) (een )?(idee|optie) om\b",
        r"^zou het (niet )?(helpen|een idee zijn|goed zijn|slim zijn) (om|als)\b",
        r"^have you (ever |already )?(considered|thought about|thought of|tried)\b"
        r"(?! (what|how|why|who|where|when|which|whether)\b)",
        r"^(could|can|couldnt|cant) you (not )?(just|simply)\b",
        r"^(could|would) you (try|consider)\b",
        r"^what if you (just|simply|tried)\b",
        r"^why not (just )?[a-z]+",
    )
)
# Sentence-initial verbs that give an instruction. "begin", "kies" and "start" are left out:
# "Begin eens bij het begin" and "Start with what happened" invite telling, not acting.
_IMPERATIVES_NL = _wordset("""
    praat neem bespreek vraag plan zorg maak ga stop zeg geef leg schrijf overweeg
    probeer bel mail stuur spreek houd hou blijf laat
    """)
_IMPERATIVES_EN = _wordset("""
    talk speak reach ask tell set schedule make take write focus stop delegate consider go
    book remember be try plan prioritise prioritize block give call email use avoid keep
    dont let
    """)
# After an imperative-looking first word, these make it a question or an invitation.
_NOT_IMPERATIVE_NEXT = _wordset("je jij u jullie ik we wij you i we me")
_INVITATIONS = (
    re.compile(r"^(neem|take) ((gerust|rustig|even|your|de|je|jouw) )*(tijd|time)\b"),
    re.compile(r"^zeg (het )?(maar|gerust)\b"),
    re.compile(r"^(ask yourself|vraag jezelf)\b"),
    re.compile(r"^laat (het |maar |even )*(me|weten)\b"),
    re.compile(r"^(let me|lets|let us)\b"),
    re.compile(r"^(tell me|vertel)\b"),
    re.compile(r"^laat (het|dat) (even |maar )?(bezinken|binnenkomen)\b"),
)
# The person's own idea said back, marked as theirs: "Misschien kun je eerst Kees bellen, denk
# je.", "You think you could ask for fifteen minutes."
_OWN_IDEA = re.compile(r",\s*(denk|zeg) je\W*$|^\W*you think (you|maybe)\b", re.I)
_STEL_ADVICE = re.compile(r"^stel ((duidelijke|je|jouw|een) )*(grenzen|grens)\b")


def _modal_advice(norm: str) -> bool:
    for pattern in _MODAL_RES:
        for match in pattern.finditer(norm):
            before = norm[: match.start()].split()
            if before and before[-1] in _REPORTING_WORDS:
                continue
            return True
    return False


def _imperative_advice(words: list[str]) -> bool:
    if not words:
        return False
    body = " ".join(words)
    if any(p.search(body) for p in _INVITATIONS):
        return False
    if _STEL_ADVICE.search(body):
        return True
    first, second = words[0], words[1] if len(words) > 1 else ""
    if first not in _IMPERATIVES_NL and first not in _IMPERATIVES_EN:
        return False
    return second not in _NOT_IMPERATIVE_NEXT


def asks_permission(text: str, lang: str) -> bool:
    """True when the reply asks before advising, or hands the question back to the person.

    Both languages are checked (`lang` is accepted for a uniform API): a reply that slipped
    into the other language should still be judged on what it says.
    """
    norm = " ".join(_words(text))
    return any(p.search(norm) for p in _PERMISSION_RES)


def has_advice(text: str, lang: str) -> bool:
    """True when the reply tells the person what to do (directly or as a leading question).

    Sentences that ask permission ("Mag ik een idee geven?") are not advice. Both languages
    are checked for the same reason as in `asks_permission`.
    """
    if re.search(r"\btips?\s*:", text, re.IGNORECASE):
        return True
    for sentence in sentences(text):
        if asks_permission(sentence, lang) or _OWN_IDEA.search(sentence):
            continue
        norm = " ".join(_words(sentence))
        body = _body_words(sentence)
        body_text = " ".join(body)
        if any(p.search(norm) for p in _ADVICE_ANYWHERE):
            return True
        if _modal_advice(norm):
            return True
        if _imperative_advice(body):
            return True
        if _is_question_sentence(sentence):
            if any(p.search(body_text) for p in _ADVICE_QUESTION_START):
                return True
        elif any(p.search(norm) for p in _ADVICE_IN_STATEMENT):
            return True
    return False
