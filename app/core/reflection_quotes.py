"""The person's own words quoted back, for when no sentence of theirs can be turned.

Role: a short message as a whole ("“Ze zei alleen dat zichtbaar ding”, zeg je."), else the
latest whole clause that carries a feeling; the one question a person asks themself. Used by
app/core/reflection.py.
Must not: change the person's words beyond a capital, an English "I" and a leading "en".
"""

from __future__ import annotations

import re

from app.core import style
from app.core.language_guard import language_ok
from app.core.reading import FEELINGS
from app.core.reflection_turn import _FRAGMENT, BARE_NOT_KNOWING


def _quotable(message: str, limit: int = 10) -> str:
    text = re.sub(r"[“”\"]", "", message).strip()
    words = text.split()
    if not words or len(words) > limit or text.endswith("?"):
        return ""
    return re.sub(r"[\s.!…]+$", "", text)


def own_question(message: str, said: list[str]) -> str:
    """A question the person asks themself, as they wrote it, when the message is nothing but
    that ("Is het te laat om nu nog naar haar toe te gaan?"): said back as their question."""
    asked = style.questions(message)
    if said or len(asked) != 1 or len(asked[0].split()) > 20 or _TENTATIVE.search(asked[0]):
        return ""
    text = re.sub(r"[“”\"]", "", asked[0]).strip()
    return text[:1].upper() + text[1:]


def wondering(message: str, quoted: str) -> str:
    """The one question the person asks themself beside a bare "ik weet het niet" ("Misschien
    is dit gewoon hoe het werkt bij bureaus? ... Ik weet het niet."): said back as theirs,
    rather than the not-knowing. Not a question put to the coach."""
    asked = style.questions(message)
    if len(asked) != 1 or len(asked[0].split()) > 20 or TO_COACH.search(asked[0]):
        return ""
    doubt = any(BARE_NOT_KNOWING.match(s.strip()) for s in style.sentences(message))
    if quoted and not doubt:
        return ""
    text = re.sub(r"[“”\"]", "", asked[0]).strip()
    return text[:1].upper() + text[1:]


# An answer given with a question mark: "dat ik niet aan de bel trek?", "that i'm good at my job
# i suppose?", "Wat ik toen deed?" (the coach's question said again before the answer).
_TENTATIVE = re.compile(
    r"^\W*(dat|that|omdat|because|misschien (ook )?dat|maybe (also )?that|wat ik toen|what i did)\b"
    r"|\b(i suppose|i guess|denk ik|ofzo|or something)\W*$"
    # a feeling offered with a question mark: "maar ook gwn verdrietig?", "or just tired?"
    r"|^\W*((maar|en|but|and) )?(ook |also |just |gewoon |gwn |misschien |maybe |vooral |"
    r"mostly |een beetje |a bit )*("
    + "|".join(sorted({re.escape(f) for fs in FEELINGS.values() for f in fs}))
    + r")\W*$",
    re.I,
)


def tentative_as_said(message: str) -> str:
    """Answers given with a question mark read as said; the coach's question said again before
    the answer ("Wat ik toen deed? Ik zei ...") left out."""
    out = []
    for sentence in style.sentences(message):
        plain = sentence.strip()
        if plain.endswith("?") and _ECHO.match(plain) and len(style.sentences(message)) > 1:
            continue
        if plain.endswith("?") and _TENTATIVE.search(plain) and not TO_COACH.search(plain):
            plain = plain.rstrip("?").rstrip() + "."
            # "that i'm good at my job i suppose?" -> "maybe i'm good at my job.": the doubt stays
            plain = re.sub(r"^(maybe )?that\s+(?=i\b|i'm\b)", "maybe ", plain, flags=re.I)
            plain = re.sub(r",?\s+(i suppose|i guess)\.$", ".", plain, flags=re.I)
        out.append(plain)
    return " ".join(out) if out else message


_ECHO = re.compile(
    r"^\W*(wat ik (toen )?(deed|zei|voelde|dacht)|what i (did|said|felt|thought))\W*$", re.I
)
TO_COACH = re.compile(r"\b(je|jij|jou|jouw|u|gij|ge|you|your)\b", re.I)


# A clause that asks, though without its question mark: "what else do you do".
_ASKS = re.compile(r"^(what|why|how|who|wat|waarom|hoe|wie)\b", re.I)


# A clause cut where the sentence goes on: "... said 'don't take it personal' which", "... en
# eentje".
_CUT_OFF = re.compile(
    r"(\b(which|that|who|en|and|maar|but|of|or|die|dat|wat|als|omdat|because|want)|"
    r"\b(en|and|maar|but|of|or)\s+\w+)\W*$",
    re.I,
)
# A clause after a comma stands on its own only with its own subject: not "zei 'ik had ...'".
_OWN_SUBJECT = re.compile(
    r"^\W*((?i:ik|je|jij|hij|zij|ze|we|wij|het|dat|die|er|de|een|mijn|mn|m'n|i|i'm|you|he|she|"
    r"they|it|that|the|a|my)|[A-Z]\w+)\b"
)


def _balanced(text: str) -> bool:
    """Quotation marks inside come in pairs (an apostrophe within a word does not count)."""
    marks = re.findall(r"(?<!\w)['‘]|['’](?!\w)", text)
    return len(marks) % 2 == 0


def best_quote(message: str, said: list[str], lang: str) -> str:
    """The person's words to quote when no sentence can be turned: the whole message when it is
    short, else the latest whole clause that carries a feeling, else the latest whole clause."""
    whole = _quotable(_ANSWER_FIRST.sub("", message.strip()))
    if whole:
        if lang == "en":
            whole = re.sub(r"\bi\b", "I", whole)
        return _without_and(whole[:1].upper() + whole[1:])
    clauses = []
    for sentence in said:
        clauses.append(sentence)
        parts = re.split(r",\s+", sentence)
        clauses += [
            c for k, c in enumerate(parts) if c != sentence and (k == 0 or _OWN_SUBJECT.match(c))
        ]
        # "... en toen voelde het ineens zo groot": the last step of a chain stands on its own
        last = re.split(r"\s+(?:en|and)\s+(?=(?:toen|then|daarna|afterwards)\b)", sentence)
        if len(last) > 1:
            clauses.append(last[-1])
    # A short clause first; in a message of long sentences only, a whole sentence of up to 20
    # words rather than nothing said back at all.
    sentences = [s for s in said if not re.search(r"(^|\s)['‘]", s)]  # no inner quote
    usable = _usable(clauses, 14, lang, message) or _usable(sentences, 20, lang, message)
    feeling = [
        q
        for q in usable
        if any(re.search(rf"\b{re.escape(f)}\b", q.lower()) for f in FEELINGS[lang])
    ]
    chosen = (feeling or usable)[-1:]
    if not chosen:
        return ""
    quote = _with_what_it_answers(chosen[0], said, lang, message)
    return _without_and(quote[:1].upper() + quote[1:])


def _usable(clauses: list[str], limit: int, lang: str, message: str) -> list[str]:
    return [
        q
        for c in clauses
        if (q := _quotable(c, limit))
        and len(q.split()) >= 4
        and not _FRAGMENT.match(q)
        and not _ASKS.match(q)
        and not BARE_NOT_KNOWING.match(q)
        and not _AGREES.match(q)
        and not _CUT_OFF.search(q)
        and _balanced(q)
        and language_ok(q, lang, allowed=message)
    ]


_BUT = re.compile(r"^(maar|but)\s+", re.I)
# Agreeing, with nothing said of their own: "Dat is ook waar", "That's fair", "Dat is het wel
# denk ik". Quoted back it says nothing (rounds 53-57: "quotes an empty confirmation").
_AGREES = re.compile(
    r"^\W*(ja,? |yeah,? |nee,? )?(dat|dit|het|that|it)('?s| is| was) (ook |wel |eigenlijk |"
    r"also |actually |probably |maybe |misschien )*(waar|zo|het|het wel|fair|true|right|it)"
    r"( (denk|geloof) ik| i think| i guess)?\W*$",
    re.I,
)


def _with_what_it_answers(quote: str, said: list[str], lang: str, message: str) -> str:
    """A quote that opens with "maar"/"but" answers the sentence before it ("Kurt zegt dat het
    niks wil zeggen. Maar het staat er wel"): both are quoted, when together they stay short."""
    if not _BUT.match(quote):
        return quote
    for k, sentence in enumerate(said):
        if k and quote in _quotable(sentence, 14):
            before = _quotable(said[k - 1], 14)
            joined = f"{before}, {quote[:1].lower()}{quote[1:]}"
            short = before and len(joined.split()) <= 16 and not _ASKS.match(before)
            if short and language_ok(joined, lang, allowed=message) and _balanced(joined):
                return joined
    return quote


# A short answer before what the person goes on to say ("yeah i guess.", "nee niet echt.",
# "honestly?") is not part of what is quoted back.
_ANSWER_FIRST = re.compile(
    r"^\W*(ja|jawel|nee|nou|hmm+|tja|eerlijk( gezegd)?|niet echt|weet ik (het )?niet|idk|yeah|yes|"
    r"yep|no|nope|honestly|i guess|not really|i don't know)([\s,]+(ja|nee|niet echt|i guess|"
    r"not really|eigenlijk|wel))*\s*[.?!…]+\s+(?=\w)",
    re.I,
)


def _without_and(quote: str) -> str:
    """A quote that opens with "En"/"And" reads as a fragment of something unsaid."""
    stripped = re.sub(r"^(en|and)\s+(?=\w)", "", quote, flags=re.I)
    return quote if stripped == quote else stripped[:1].upper() + stripped[1:]
