"""The person's own sentences for the reflectieverslag: which are whole statements, which go on
with the one before, which say nothing for the report, and how each is written down.

Role: read by app/core/report.py, which sorts the chosen sentences into its sections.
Must not: change the person's words beyond a capital, a full stop and chat spellings written out.
"""

from __future__ import annotations

import re

from app.core import fixed_texts, intents, style
from app.core.answer_marks import to_coach
from app.core.feeling_said import _feeling_fragment, _names_feeling
from app.core.names import capitalise_names
from app.core.perspective import _participle
from app.core.reading import _SHORT_ACK, _past
from app.core.reading_marks import habitual
from app.core.report_kinds import ONLY_ANSWER
from app.core.report_marks import (
    ADDING,
    ADDS_TO,
    ALWAYS,
    ANSWER_WORD,
    APOSTROPHE,
    ASKS,
    CHATTER,
    ERRAND_NOW,
    FELT,
    FIRST_PERSON,
    FRANK,
    HEADLESS,
    INTERJECTION,
    LEANS,
    LINKING,
    NOT_KNOWING,
    ON_A_DAY,
    OPENING_FILLER,
    OWN_CLAUSE,
    OWN_STEP,
    PLAN,
    POINTS_BACK,
    QUOTE,
    SAID_THEN,
    SELF,
    SUBJECT,
    TENDS,
)
from app.core.text import en_spelled_out

_REPORTS = fixed_texts.load("reports")
HEADINGS: dict[str, dict[str, str]] = fixed_texts.by_lang(_REPORTS["reflection"])


_LAUGH = re.compile(r"\s*\b(?:haha+|hihi|lol|xd)\b", re.I)


def _sentences(text: str, limit: int) -> list[str]:
    """Whole statements of at least four words; no fragments that lean on what came before,
    nothing trailing off, no questions to the coach, no closing courtesies."""
    out: list[str] = []
    kept = False  # whether the sentence just before is in `out`, at its end
    for s in style.sentences(_lists_joined(text)):
        s = _after_lead_in(_LAUGH.sub("", s).strip())  # "... als ze dood zijn haha, die ..."
        if not s or _dropped(s):
            kept = False
            continue
        if (ADDS_TO.match(s) or (kept and _fragment(s))) and out:
            # "Op hem, maar stiekem meer op mezelf.", "Ik merk dat ik dat vaker doe. Meteen
            # sorry en door.": no sentence of its own, it goes on with the one before
            out[-1] = f"{out[-1]} {_tidy(s)}"
            continue
        kept = True
        if len(s.split()) < 4:
            kept = _bare_feeling(s) or bool(FELT.search(s) and _names_feeling(s, _lang_of(s)))
            if kept:
                out.append(s[:1].upper() + s[1:])  # "Humiliated, mostly.", "Ik schaamde me."
            elif _short_statement(s):
                # "Alone. Is the word I think.", "Ik twijfelde zelf.": part of what is said
                out.append(_tidy(s))
                kept = True
            continue
        rest = ADDING.sub("", s)
        plain = _unquoted(rest)
        usual = habitual(plain.lower()) or ALWAYS.search(plain)
        step = _plan(plain) or (OWN_STEP.search(plain) and not usual)
        own_step = OWN_CLAUSE.match(rest) and step
        if rest != s and len(rest.split()) >= 4 and (not out or own_step):
            # "En ik ga de oefeningen ...", "and then annoyed that I'm embarrassed ...": a
            # statement of its own after "and" or "but", also at the start of a message.
            out.append(_tidy(rest))
            continue
        if (LEANS.match(s) or LINKING.match(s) or POINTS_BACK.search(s)) and out:
            # "Dan ga ik het zelf doen.", "Maar misschien ..." belong to what came before.
            out[-1] = f"{out[-1]} {_tidy(s)}"
            continue
        if LINKING.match(s) or LEANS.match(s):
            continue  # "Of dat ...", "Alsof ..." opening a message lean on the message before
        out.append(_tidy(s))
    return out[:limit]


def _short_statement(s: str) -> bool:
    """A sentence of a few words that says something ("Ik twijfelde zelf.", "Niet hij."), not
    a yes, a laugh, an agreement or a not-knowing."""
    if INTERJECTION.match(s) or CHATTER.search(s) or NOT_KNOWING.match(s) or ONLY_ANSWER.match(s):
        return False
    return bool(re.search(r"\w{3}", ANSWER_WORD.sub("", s)))


def _dropped(s: str) -> bool:
    """Trailing off, an answer's tail, a question or a courtesy to the coach, talk about the
    talk: nothing for the report."""
    # What the person quotes of others is theirs to quote: "Anouk zei: 'Wat vind jij
    # ervan?'" tells the event, it asks the coach nothing.
    own = QUOTE.sub("«»", s).strip()
    if own.endswith(("...", "…", "?")) or re.search(r"\w(\.\.\.|…)\s", own):
        return True  # trailing off, or breaking off halfway: "Ik voel me... hoe zeg je."
    if HEADLESS.match(ANSWER_WORD.sub("", s)) and not _bare_feeling(s):
        return True  # "Nee, eigenlijk meer moe.", "Het publieke vooral denk ik.": an answer's tail
    if len(s.split()) <= 6 and (_LEANS_ON_QUESTION.search(s) or _SHORT_ACK.match(s)):
        return True  # "That one lands.", "I think both.", "Dat klopt wel denk ik.", "Zo was het."
    if len(s.split()) <= 6 and _MULLING.search(s):
        return True  # "Daar moet ik over nadenken.", "Echt ni.", "Of misschien niks."
    if len(s.split()) < 4:
        return False  # a short feeling may stay; the caller decides
    if re.search(r"\b(het volgende|the following)( \w+)?\W*$|:\W*$", s, re.I):
        return True  # "Ik heb het volgende bedacht.": what follows says it
    if len(s.split()) <= 5 and ASKS.match(s):
        return True  # "How do I feel.", "Wa moet ik zeggen.": the question said back
    if ERRAND_NOW.search(s) or re.match(r"^(right|ok|okay|anyway)?\W*(i'?m )?off to\b", s, re.I):
        return True  # "Right, I'm off to walk the dog", "ik ga slapen, om half 5 ..."
    if intents.wants_to_stop(s) or re.match(r"^(dank|bedankt|thanks|thank you)\b", s, re.I):
        return True
    return bool(CHATTER.search(own) or NOT_KNOWING.match(s) or to_coach(s))


# A few words that say only that the person will think, or trail a thought that is gone.
_MULLING = re.compile(
    r"^\W*(daar moet ik (\w+ )?over (na)?denken|i'?ll have to think about (it|that)|"
    r"echt (ni|nie|niet)|of misschien (niks|niets|niet)|or maybe (not|nothing))\W*$",
    re.I,
)
# A few words that only say something with the coach's question beside them (round 54).
_LEANS_ON_QUESTION = re.compile(
    r"^\W*(that one|this one|die ene|dat ene)\b|"
    r"\b(about|over|of|van|aan|with|met|on) (that|this|it|dat|dit|het)\W*$|"
    r"\b(both|allebei|beide|both of them|allebei eigenlijk)\W*$",
    re.I,
)


def _after_lead_in(s: str) -> str:
    """The feeling found after a pause: "Hoe ik me voelde... gepasseerd vooral." is "Gepasseerd
    vooral."; any other sentence as it is."""
    head, dots, tail = s.rpartition("...") if "..." in s else s.rpartition("…")
    if head and dots and tail.strip() and _bare_feeling(tail.strip()):
        tail = tail.strip()
        return tail[:1].upper() + tail[1:]
    return s


def _fragment(s: str) -> bool:
    """Three to six words with no subject that go on with the sentence before: "Meteen sorry en
    door.", "Niet zeuren, door." (not a feeling named alone, nor "Maar ja." or "Ok.")."""
    words = s.split()
    if not 3 <= len(words) <= 6 or SUBJECT.search(s) or INTERJECTION.match(s):
        return False
    return not _bare_feeling(s)


def _lists_joined(text: str) -> str:
    """A numbered list written on one line stays one sentence: "wat ik wil zeggen: 1. dat ik
    ... 2. dat ..." is not cut at each number."""
    text = re.sub(r"(:\s*)(\d)[.)]\s+", r"\1\2) ", text)
    return re.sub(r"([.;,])\s+(\d)[.)]\s+(?=[a-z])", r"; \2) ", text)


def _felt_now(sentence: str) -> bool:
    """How the person feels about what happened, told in the story: "en nu zit ik thuis en ben
    ik er echt chagrijnig van", "Daar schaam ik mij nu voor", not the event itself."""
    lang = _lang_of(sentence)
    named = _names_feeling(sentence, lang) or _bare_feeling(sentence)
    mine = SELF.search(_unquoted(sentence))
    return bool(named and mine) and not SAID_THEN.search(sentence)


def _own_past(sentence: str) -> bool:
    """What the person did then, in their own sentence: "Ik heb niks gezegd", "I bit my tongue"."""
    lang = "en" if re.match(r"^i\b", sentence, re.I) else "nl"
    words = re.findall(r"\w+", sentence.lower())
    perfect = bool({"heb", "had"} & set(words)) and any(_participle(w) for w in words)
    return bool(FIRST_PERSON.match(sentence)) and (_past(sentence, lang) or perfect)


def _tidy(sentence: str) -> str:
    """A capital at the start, "I" as a capital, chat spellings written out, a full stop."""
    s = re.sub(r"\b(i)m\b", r"\1'm", sentence, flags=re.I)
    s = re.sub(r"(?<![\w'])i(?=\b(?!'?[a-z]{3}))", "I", s)  # "i think" -> "I think"
    s = re.sub(r"\b(I)ve\b", r"\1've", s)
    s = APOSTROPHE.sub(lambda m: f"{m.group(1)}'{m.group(2)}", s)
    s = re.sub(r"(^|\s)s (ochtends|middags|avonds|nachts)\b", r"\1's \2", s)
    if _lang_of(s) == "en":
        s = en_spelled_out(s)  # "i think ill catch him", "I shouldve said it"
    else:  # chat shorthand, not the dialect: "gwn" -> "gewoon", "mn" -> "mijn"; "nie" stays
        s = _NL_SHORT.sub(lambda m: _NL_SHORT_WORDS[m[1].lower()], s)
    s = OPENING_FILLER.sub("", s) or s  # "Ja misschien gewoon even vragen ..."
    if s and s[-1].isalnum():
        s += "."
    s = capitalise_names(s)  # "ik zei het tegen petra" -> "... tegen Petra"
    return s[:1].upper() + s[1:]


_NL_SHORT_WORDS = {
    "gwn": "gewoon",
    "mss": "misschien",
    "idd": "inderdaad",
    "ff": "even",
    "wss": "waarschijnlijk",
    "sws": "sowieso",
    "eig": "eigenlijk",
    "zn": "zijn",
    "mn": "mijn",
}
_NL_SHORT = re.compile(r"(?<![\w'’-])(" + "|".join(_NL_SHORT_WORDS) + r")(?![\w'’-])", re.I)


def _bare_feeling(fragment: str) -> bool:
    """A feeling named alone, "Boos." or "Humiliated, mostly.": short, and the person's own."""
    core = FRANK.sub("", fragment.strip())  # "mostly embarrassed tbh", "boos eerlijk gezegd"
    return any(_feeling_fragment(core, lang) for lang in ("nl", "en"))


def _own_habit(sentence: str) -> bool:
    """A habit of the person's own: "Ik klaag nooit", "I tend to", not "Zulke mensen heb je
    altijd" or "De OR kan altijd nog"."""
    plain = _unquoted(sentence)
    usual = habitual(plain.lower()) or ALWAYS.search(plain) or TENDS.search(plain)
    return bool(usual and SELF.search(plain))  # "Dat is bij mij vaker zo"


def _unquoted(sentence: str) -> str:
    """The sentence with what the person quotes left out: someone else's words, not theirs."""
    return QUOTE.sub("…", sentence)


def _lang_of(sentence: str) -> str:
    return "en" if re.search(r"\b(i|the|and|it)\b", sentence, re.I) else "nl"


def _plan(sentence: str) -> bool:
    if PLAN.search(sentence):
        return True
    return bool(ON_A_DAY.search(sentence)) and not (
        re.search(r"\b(vorige|afgelopen|last)\b", sentence, re.I)
        or _past(sentence, _lang_of(sentence))
    )
