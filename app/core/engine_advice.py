"""Advice requests: the question handed back, permission asked, the person's own option said
back, and two tip titles after a yes.

Role: a step of the engine (app/core/engine.py); all its words are fixed texts or the person's own.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

from app.core import intents, perspective, reading, reflection, style
from app.core.advice_marks import COACH_TAG, LEADING_TAG
from app.core.engine_base import (
    ADVICE_MIRRORS,
    COME_ACROSS_QUESTION,
    JUDGEMENT_QUESTION,
    OPTIONS_REPLY,
    OWN_OPTIONS_QUESTION,
    OWN_WORDS,
    OWN_WORDS_QUESTION,
    PERMISSION_QUESTIONS,
    RETURN_QUESTIONS,
    WEIGH_OPTIONS_QUESTION,
    EngineBase,
    Event,
    _in_turn,
)
from app.core.names import capitalise_names
from app.core.phases import CycleState
from app.core.records import StateChange
from app.core.reflection_quotes import TO_COACH


def _own_option(text: str, lang: str, seen: reading.Reading) -> str | None:
    """The person's own option in an advice request ("Ik zou het bij hem kunnen aankaarten.
    Wat zou jij doen?"), said back; None when the message names none."""
    if not (seen.alternative or seen.plan):
        return None
    found = [
        c
        for c in reflection.mirrors(text, lang, seen)
        if c.source.startswith(("said:", "clause:"))
        and (
            reading.read(c.text, lang).alternative
            or reading.read(c.text, lang).plan
            or re.search(r"\b(kunnen|kunt|could|might|misschien|maybe)\b", c.text, re.I)
        )
    ]
    return found[0].text if found else None


_OR = re.compile(r"\b(of|or)\b", re.I)


def _as_written(text: str) -> str:
    """The person's words as a sentence: a capital first, "I" and names capitalised."""
    said = capitalise_names(re.sub(r"\bi\b", "I", text))
    return said[:1].upper() + said[1:]


# The coach asked to choose between the person's own options: "would you email him or ask to
# meet?", "do you think I should talk to Tom? or ...": what follows is theirs.
_COACH_LEAD = re.compile(
    r"^(?:can i ask you something,?\s+)?(?:would you|do you think|d'you think|zou(?:dt)? "
    r"(?:jij|je|gij|ge|u)|denk (?:jij|je) dat)\s+(?=\w+ [^?]* (?:or|of) "
    r"(?!is |was |would |zou |wordt )|(?:i|ik) )",
    re.I,
)


_I_SHOULD = re.compile(r"^(I|ik) (should|could|can|must|moet|zou|kan)\b", re.I)


def _weighed_options(text: str) -> str | None:
    """Two options of the person's own, asked as their question ("Er iets van zeggen of het
    laten gaan?", "Should I go to HR? Or would that make me the problem?"), as they wrote it."""
    asked = [_COACH_LEAD.sub("", COACH_TAG.sub("?", q.strip())) for q in style.questions(text)]
    # "do you think I should talk to Tom?" -> "Should I talk to Tom?"
    asked = [_I_SHOULD.sub(lambda m: f"{m[2]} {m[1]}", q) for q in asked]
    tail = (style.sentences(text) or [""])[-1].strip()
    if _OR.match(tail) and not tail.endswith("?"):
        asked.append(tail.rstrip(".!…") + "?")  # "... Or is that just going to make it worse"
    for n, question in enumerate(asked):
        if TO_COACH.search(question) or not _OR.search(question):
            continue
        # "Should I say something? Like go up to him? Or is that making it worse?": the "or"
        # goes with the person's own question before it.
        own = [q for q in asked[:n] if _ASKS_SELF_FORM.match(q) and not TO_COACH.search(q)]
        before = own[-1] if own else asked[n - 1] if n > 0 else ""
        if not own and re.match(r"^like\b", before, re.I):
            before = ""  # "Like actually go up to him?" is no option of its own
        if before and _OR.match(question) and not TO_COACH.search(before):
            question = f"{before} {question[:1].upper()}{question[1:]}"
        elif _OR.match(question):
            continue
        lead, colon, rest = question.partition(": ")
        if colon and "?" not in lead and len(rest.split()) >= 4:
            question = rest  # "Wat ik echt lastig vind: moet ik ...?"
        words = len(question.split())
        if 4 <= words <= 30:
            # an emoji after the question mark would end the quote: "... maakte? 🙈”"
            return re.sub(r"\?[^\w?]*$", "?", re.sub(r"[“”\"]", "", _as_written(question)))
    return _options_told(text)


# Two options told without a question mark after the request: "wat zou jij doen? naar hans toe
# of laten rusten.", "like do i bring it up with tom or is that making a big thing out of nothing"
_ASKS_SELF_FORM = re.compile(
    r"^(moet ik|zal ik|ga ik|kan ik|had ik|heb ik|ben ik|deed ik|zou ik|do i|should i|shall i|"
    r"can i|am i|would i|did i|have i|was i)\b",
    re.I,
)
_SHORT_PAIR = re.compile(r"^[^\W\d_]+( [^\W\d_']+){0,5} (of|or) [^\W\d_]+( [^\W\d_']+){0,6}$")
_SUBJECT = re.compile(
    r"^(ik|i|je|jij|we|wij|hij|zij|ze|het|dat|dit|er|it|that|this|he|she|they|you|there)\b", re.I
)
_LEAD = re.compile(r"^(like|so|dus|maar|but|and|en|ok|oké|oke)[,\s]+", re.I)


def _options_told(text: str) -> str | None:
    for sentence in style.sentences(text):
        plain = _LEAD.sub("", sentence.strip().rstrip(".!…")).strip()
        if "?" in plain or not _OR.search(plain) or not 4 <= len(plain.split()) <= 25:
            continue
        # "... of gewoon laten rusten, ze zegt er niks over dus ...": the options alone
        options = _OR.search(plain)
        comma = plain.find(", ", options.end()) if options else -1
        head = plain[:comma] if comma > 0 else plain
        pair = _SHORT_PAIR.match(head) and not _SUBJECT.match(head)  # "ik weet niet of ..."
        if _ASKS_SELF_FORM.match(plain) or pair:
            return _as_written(head) + "?"
    return None


# A worry inside an advice request: "zonder dat het klinkt als zeuren", "ik wil niet overkomen
# als ...", "without it sounding like I can't cope", "I don't want to make a big thing of it".
_NL_WITHOUT = re.compile(r"\bzonder dat ([^?.!;]{6,90}?)(?=[?.!;]|,\s*(?:of|en|maar)\b|$)", re.I)
_EN_WITHOUT = re.compile(
    r"\bwithout (?:(it|that|this|him|her|them|me) )?(\w+ing)\b([^?.!;]{0,80}?)(?=[?.!;]|,|$)",
    re.I,
)
_OWN_WORRY = re.compile(
    r"^(?:maar |but |en |and )?(ik wil niet |ik ben bang |i don't want |i do not want |"
    r"i'm (?:scared|afraid|worried) |i am (?:scared|afraid|worried) )",
    re.I,
)
_FEAR = re.compile(r"\b(bang|vrees|schrik|scared|afraid|worried)\b", re.I)
_COMES_ACROSS = re.compile(
    r"\b(klinkt|klinken|overkom\w*|lijkt|sound|come across|look like|looks like|seem)\b", re.I
)


def _worry(text: str, lang: str) -> str | None:
    """The worry inside an advice request, said back ("Je wilt niet dat het klinkt als
    zeuren."); None when the request holds none."""
    own = None
    for sentence in style.sentences(text):
        plain = sentence.strip()
        if "?" not in plain and _OWN_WORRY.match(plain):
            own = re.sub(r"^(maar|but|en|and) ", "", plain, flags=re.I).rstrip(".!…") + "."
            break
    if own is None and lang == "nl" and (m := _NL_WITHOUT.search(text)):
        verb = "ben bang" if _FEAR.search(text) else "wil niet"
        own = f"Ik {verb} dat {m.group(1).strip()}."
    elif own is None and lang == "en" and (m := _EN_WITHOUT.search(text)):
        import simplemma

        who, verb = m.group(1), simplemma.lemmatize(m.group(2).lower(), lang="en")
        who = "" if who is None or who.lower() == "me" else f"{who.lower()} "
        own = f"I don't want {who}to {verb}{m.group(3).rstrip()}."
    if own is None:
        return None
    said = perspective.second_person(re.sub(r"\bi\b", "I", own), lang)
    return _as_written(said) if said else None


_QUOTED = re.compile(r"['‘“\"]([^'’”\"]{12,200})['’”\"]")
_HOW_IT_SOUNDS = re.compile(r"\b(klinkt|klinken|sounds?|goed zo|ok zo|oké zo|okay)\b", re.I)


def _own_words(text: str) -> str | None:
    """The words the person would say, quoted, with "klinkt dat goed?": "iets als: 'ik heb u
    iets beloofd dat ik niet kan dragen.' klinkt da goed volgens u?"."""
    quoted = _QUOTED.search(text)
    if quoted is None or not _HOW_IT_SOUNDS.search(text[quoted.end() :]):
        return None
    said = quoted.group(1).strip()
    return said[:1].upper() + said[1:] if len(said.split()) >= 4 else None


def _own_question(text: str) -> str | None:
    """The person's own yes-or-no question beside the one to the coach: "moet ik hem nou sorry
    zeggen? ... wat vind jij?" -> "Moet ik hem nou sorry zeggen?"."""
    for question in style.questions(text):
        own = LEADING_TAG.sub("", COACH_TAG.sub("?", question.strip()))
        own = re.sub(r"^(ik bedoel|i mean|dus|so|maar|but|en|and)[,\s]+", "", own, flags=re.I)
        if _ASKS_SELF_FORM.match(own) and not TO_COACH.search(own) and len(own.split()) >= 4:
            return _as_written(own)
    return None


# The coach's judgement asked of the person's own idea: "is dat naïef?", "is that normal?".
_JUDGED = {
    "nl": re.compile(
        r"\b(is|was) (dat|dit|het) ((?:\w+ ){0,2}?(?:" + intents.JUDGING + r"))\b([^?.!]{0,80})\?",
        re.I,
    ),
    "en": re.compile(
        r"\b(?:(is|was) (that|this|it)|(it|that)(?:'s| is| would be)) ((?:\w+ ){0,2}?(?:"
        + intents.JUDGING
        + r"))\b([^?.!]{0,80})\?",
        re.I,
    ),
}


# ... or of the person themself: "ben ik te veeleisend?", "am I being petty?"
_SELF_JUDGED = {
    "nl": re.compile(
        r"\b(ben|was) ik (?:nou |dan |gewoon )?((?:te \w+)|(?:" + intents.JUDGING + r"))\b"
    ),
    "en": re.compile(
        r"\b(am|was) i (?:just )?((?:being )?(?:too \w+|" + intents.JUDGING + r"))\b", re.I
    ),
}


# "is dat dan fout?" -> "of dat fout is": the filler is the person's tone, not the judgement
_FILLER = re.compile(r"^((dan|nou|nu|eigenlijk|gewoon|echt|then|really|actually|just) )+", re.I)


def _judgement(text: str, lang: str) -> str | None:
    """The judgement the person asks of the coach, said back as their own question: the last
    one, where two are asked ("Is dit normaal? Ben ik te veeleisend?")."""
    m = None
    for question in style.questions(text):
        own = LEADING_TAG.sub("", question.strip())
        # "vind jij het gek dat ik gehuild heb?" asks "is het gek dat ik gehuild heb?"
        own = re.sub(r"^(?:vind|vindt) (?:jij|je|u|gij|ge) (het|dat) ", r"is \1 ", own, flags=re.I)
        if TO_COACH.search(own):  # "Zou jij teruggaan, of is dat zwak?" asks the coach
            continue
        found = _SELF_JUDGED[lang].search(own.lower())
        if found is not None:
            verb, word = found.group(1), found.group(2)
            if lang == "nl":
                return f"Je vraagt je af of je {word} {'bent' if verb == 'ben' else 'was'}."
            return f"You're wondering whether you {'are' if verb == 'am' else 'were'} {word}."
        m = _JUDGED[lang].search(own) or m
    if m is None:
        return None
    if lang == "nl":
        verb, subject, word = m.group(1).lower(), m.group(2).lower(), _FILLER.sub("", m.group(3))
        rest = m.group(4).strip()
        what = perspective.second_person(rest, lang) if rest.startswith("dat ") else None
        # "is het raar dat ik het nog niet gevraagd heb?" -> "... of het raar is dat je ..."
        tail = f" {what[:1].lower()}{what[1:]}" if what and len(rest.split()) <= 14 else ""
        return f"Je vraagt je af of {subject} {word} {verb}{tail.rstrip('.?')}."
    verb = (m.group(1) or "is").lower()
    subject = (m.group(2) or m.group(3)).lower()
    word, rest = _FILLER.sub("", m.group(4)), m.group(5).strip()
    # "... daft to go to Fiona about it at this point": what it is about, when it is theirs alone
    if rest.startswith("to ") and not re.search(r"\b(i|me|my|mine)\b", rest, re.I):
        word = f"{word} {rest}"
    return f"You're wondering whether {subject} {verb} {word}."


def _handed_back(
    text: str, lang: str, seen: reading.Reading, question: str
) -> tuple[str, str, bool] | None:
    """The person's own part of an advice request said back with its question: (reply,
    question, whether it is their own option or question, so no permission is pending)."""
    own = _own_option(text, lang, seen)
    if own is not None:
        # The person already names what they could do: that is said back, not asked for.
        return f"{own} {OWN_OPTIONS_QUESTION[lang]}", OWN_OPTIONS_QUESTION[lang], True
    weighed = _weighed_options(text)
    if weighed is not None:
        # ... or weighs two options of their own: their question is said back as theirs.
        weigh = WEIGH_OPTIONS_QUESTION[lang]
        return f"{reflection.ASKS_SELF[lang].format(text=weighed)} {weigh}", weigh, True
    worry = _worry(text, lang)
    if worry is not None:
        # "... zonder dat het klinkt als zeuren?": the worry is what the request is about.
        question = COME_ACROSS_QUESTION[lang] if _COMES_ACROSS.search(worry) else question
        return f"{worry} {question}", question, False
    judged, words = _judgement(text, lang), _own_words(text)
    if words is not None:
        # "iets als: '...' klinkt da goed?": their own words for the talk, said back
        judged = OWN_WORDS[lang].format(text=words)
    elif judged is None and (asked := _own_question(text)) is not None:
        # "moet ik hem nou sorry zeggen? ... wat vind jij?": their own question goes back
        judged = reflection.ASKS_SELF[lang].format(text=asked)
    if judged is None:
        return None
    # "wat denk jij, is dat naïef?": the judgement they ask for goes back to them.
    question = OWN_WORDS_QUESTION[lang] if words else JUDGEMENT_QUESTION[lang]
    return f"{judged} {question}", question, True


class AdviceTurns(EngineBase):
    def _advice(
        self,
        session_id: str,
        text: str,
        lang: str,
        cycle: CycleState,
        state: dict[str, Any],
        started: float,
        note: str,
        sources: list[dict[str, str]],
        seen: reading.Reading,
    ) -> Iterator[Event]:
        """An advice request: the question handed back, or permission asked, in fixed words
        that change each time the request comes back."""
        asked_advice = int(state.get("advice", 0))
        special = RETURN_QUESTIONS if cycle.phase < 3 else PERMISSION_QUESTIONS
        question = _in_turn(special[lang], asked_advice)
        cycle.permission_asked = cycle.phase >= 3
        state["advice"] = asked_advice + 1
        reply = f"{_in_turn(ADVICE_MIRRORS[lang], asked_advice)} {question}"
        back = _handed_back(text, lang, seen, question)
        if back is not None:
            reply, question, theirs = back
            cycle.permission_asked = cycle.permission_asked and not theirs
        yield Event("meta", phase=cycle.phase, sources=sources, note=note)
        yield Event("reset", reply)
        turn = self._commit(
            session_id,
            text,
            reply,
            question,
            cycle,
            state,
            lang,
            sources,
            started,
            time.perf_counter(),
            kind="advice",
        )
        yield Event("done", reply, phase=cycle.phase, sources=sources, turn=turn, note=note)

    def _options(
        self,
        session_id: str,
        text: str,
        lang: str,
        cycle: CycleState,
        state: dict[str, Any],
        started: float,
    ) -> Iterator[Event]:
        """The person said yes to hearing options: name two tips, then hand back a question."""
        cycle.permission_asked = False
        tips = self.knowledge.search(
            text + " " + " ".join(state.get("notes", [])),
            k=2,
            type="tip",
            prefer_lang=lang,
            threshold=0.0,
        )
        titles = [p.title for p in tips.passages] or ["-"]
        reply = OPTIONS_REPLY[lang].format(titles="; ".join(titles))
        sources = [{"id": p.card_id, "title": p.title} for p in tips.passages]
        yield Event("reset", reply, phase=cycle.phase, sources=sources)
        state["cycle"] = cycle.to_dict()
        turn = self._store(
            session_id,
            text,
            reply,
            cycle.phase,
            lang,
            sources,
            False,
            started,
            started,
            "options",
            "",
            StateChange(cycle.phase, state, lang),
        )
        yield Event("done", reply, phase=cycle.phase, sources=sources, turn=turn)
