"""Candidate reflections and questions for one turn, all written by code from data.

Role: the coach's words come from here, never from free model text. A reflection is one of the
person's sentences said back in the second person (app/core/reflection_turn.py), or a fixed
phrasing for a short answer. Candidates come ranked by plain rules; the model picks among them.
Must not: invent content, call a model, or return a candidate that fails the language check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from app.core import fixed_texts, mirror_rank, mirror_tail, plan_marks, style_advice
from app.core import reflection_quotes as quotes
from app.core.echo_answer import echoed_answer
from app.core.feeling_said import bare_feeling, feeling_again
from app.core.language_guard import language_ok
from app.core.mirror_prefix import _LONG_SPLIT, _SAID_NOTHING_YET, fitting_prefix, in_quote
from app.core.mirror_score import (
    _AFTERTHOUGHT,
    _AND,
    _CLAUSE_END,
    _MAAR,
    _META,
    _STAYS,
    _THAT_FIRST,
    _WEIGHT,
    UNSURE_FEELING,
    correction_first,
    correction_weight,
    mirror_score,
    says,
)
from app.core.perspective_en import subject_back
from app.core.reading import FEELING_NOUNS, Reading, read
from app.core.reflection_turn import (
    _LEADING,
    MAX_MIRROR_WORDS,
    SPEAKER,
    _names_feeling,
    _tidy,
    _turn,
    leans_on_before,
)
from app.core.statements import AND_SUBJECT, MAY_TALK, key_words, statements
from app.core.text import lower_first, nl_spelled_out

# "It doesn't feel like it though." turns the sentence before it, like a "but".
_THOUGH = re.compile(r",?\s+(though|toch)\W*$", re.I)


@dataclass(frozen=True)
class Candidate:
    text: str
    source: str  # "said:<n>" for the person's n-th sentence, "fixed:<kind>", "bank:<id>", ...
    score: float
    anchor: int = -1  # a question built on the person's n-th sentence: n; else -1


def follow(mirrors: list[Candidate], question: Candidate, lang: str) -> list[Candidate]:
    """The mirrors of the sentence the question is built on first (a feeling's mirror stays)."""
    if question.anchor < 0 or not mirrors or read(mirrors[0].text, lang).feelings:
        return mirrors
    return sorted(mirrors, key=lambda m: not says_sentence(m, question.anchor))  # stable


def says_sentence(mirror: Candidate, n: int) -> bool:
    """The mirror says back the person's n-th sentence, alone or joined to its neighbour."""
    return says(mirror.source, n)


def _by_sentence(found: list[Candidate], kind: str = "said") -> dict[int, Candidate]:
    """The candidates that say back one sentence ("said") or its first clause, by index."""
    return {int(c.source.split(":")[1]): c for c in found if c.source.startswith(f"{kind}:")}


_COACH = fixed_texts.load("coach")
SHORT_MIRRORS: dict[str, dict[str, str]] = fixed_texts.by_lang(_COACH["short_mirrors"])
QUOTE: dict[str, str] = _COACH["quote"]
ASKS_SELF: dict[str, str] = _COACH["asks_self"]


def mirrors(
    message: str, lang: str, reading: Reading, limit: int = 4, learned: bool = True
) -> list[Candidate]:
    """The person's own sentences said back, best first (learned order of mirror_rank.py)."""
    found: list[Candidate] = []
    message = corrected(message)
    said = statements(message)
    planned = reading.plan or reading.alternative
    steps = [n for n, s in enumerate(said) if plan_marks.step(s)] if planned else []
    for n, sentence in enumerate(said):
        turned = _turn(sentence, lang, message)
        if turned is None and (
            len(sentence.split()) > MAX_MIRROR_WORDS
            or _STAYS.search(sentence)
            or _WEIGHT.search(sentence)
        ):
            # A long sentence of two steps: its first step said back alone.
            head = _LONG_SPLIT.split(sentence, maxsplit=1)[0]
            if head != sentence and len(head.split()) >= 4 and not _SAID_NOTHING_YET.search(head):
                turned = _turn(head, lang, message)
        if turned is None:
            turned = _reason_that_weighs(sentence, lang, message)
        if turned is None and len(sentence.split()) > MAX_MIRROR_WORDS:
            turned = fitting_prefix(sentence, lang, message)
        if turned is None and len(sentence.split()) > MAX_MIRROR_WORDS:
            found += _later_events(sentence, n, len(said), lang, message)
        tail = _after_but(sentence, lang, message)
        if tail:
            found.append(Candidate(tail, f"clause:{n}", mirror_score(tail, n, len(said), lang)))
        if turned is None:
            continue
        score = mirror_score(turned, n, len(said), lang)
        if re.match(r"\W*(maar|but)\b", sentence, re.I):
            score += 0.6  # the turn after "maar" is usually where the person arrives
        score += correction_weight(said, n)
        if steps and n == steps[0]:
            # the plan comes first; what follows it details or comments on it
            score += 1.0 if reading.opening or _META.search(turned.lower()) else 2.5
        elif steps and n > steps[0] and _AFTERTHOUGHT.match(sentence):
            score -= 0.8  # "En bij die halte ga ik ...", "Klinkt misschien kinderachtig"
        found.append(Candidate(turned, f"said:{n}", score))
        head = _first_clause(turned, lang)
        if head:
            score = mirror_score(head, n, len(said), lang) - 0.1 + correction_weight(said, n)
            found.append(Candidate(head, f"clause:{n}", score))
    pairs = _pairs(found, lang) + _joined(said, found, lang, message)
    pairs += _and_that(said, found, lang, message)
    if echo := echoed_answer(message, lang, lambda s: _turn(s, lang, message)):
        pairs.append(Candidate(echo, "said:0", 4.0))  # the answer to a question they repeat
    found = correction_first(mirror_tail.extended(found + pairs, said, lang), said)
    found = mirror_rank.reranked(_unique(found), len(said), reading.opening) if learned else found
    if reading.ack:
        found.insert(0, Candidate(SHORT_MIRRORS[lang]["ack"], "fixed:ack", 1.0))
    elif reading.not_knowing:
        found.insert(0, Candidate(SHORT_MIRRORS[lang]["not_knowing"], "fixed:not_knowing", 1.0))
    elif reading.pondering:
        found.insert(0, Candidate(SHORT_MIRRORS[lang]["thinking"], "fixed:thinking", 1.0))
    found = found or [_nothing_to_turn(message, said, lang)]
    return [_as_own_idea(c, lang) for c in _unique(found)[:limit]]


def _nothing_to_turn(message: str, said: list[str], lang: str) -> Candidate:
    """No sentence to say back: a yes to talk, their own question, a quote, or "thinking"."""
    if MAY_TALK.match(message.strip()):
        return Candidate(SHORT_MIRRORS[lang]["may_talk"], "fixed:may_talk", 0.0)
    echo = key_words(message)
    if echo:
        return Candidate(echo, "echo", 0.0)
    quoted = quotes.best_quote(message, said, lang)
    asked = _tidy(quotes.own_question(message, said), lang)
    wondered = "" if asked else _tidy(quotes.wondering(message, quoted), lang)
    if wondered:
        return Candidate(ASKS_SELF[lang].format(text=wondered), "asks_self", 0.0)
    if quoted:
        # "gezien worden denk ik. en hulp natuurlijk haha" -> "... denk ik. En hulp natuurlijk"
        quoted = re.sub(r"([.!?]\s+)(\w)", lambda m: m.group(1) + m.group(2).upper(), quoted)
        quoted = re.sub(r",?\s+\b(haha+|hihi|lol|xd)\b", "", quoted, flags=re.I).strip()
        quoted = _tidy(quoted, lang)
        return Candidate(QUOTE[lang].format(text=quoted[:1].upper() + quoted[1:]), "quote", 0.0)
    if asked:
        return Candidate(ASKS_SELF[lang].format(text=asked), "asks_self", 0.0)
    first = _tidy(said[0].rstrip(" .!…"), lang) if said else ""
    if len(message.split()) >= 8 and 4 <= len(first.split()) <= 16:  # a full answer: no pause
        return Candidate(QUOTE[lang].format(text=first[:1].upper() + first[1:]), "quote", 0.0)
    return Candidate(SHORT_MIRRORS[lang]["thinking"], "fixed:thinking", 0.0)


def _as_own_idea(candidate: Candidate, lang: str) -> Candidate:
    """Chat forms written out ("er mee"); a plan that sounds like advice as the person's idea."""
    candidate = replace(candidate, text=(text := subject_back(_tidy(candidate.text, lang), lang)))
    if not style_advice.has_advice(text, lang):
        return candidate
    if lang == "nl":
        marked = re.sub(r"[\s.!…]+$", "", text) + ", denk je."
    else:
        marked = "You think " + (text[:1].lower() + text[1:] if not text.startswith("I ") else text)
    return replace(candidate, text=marked)


def _reason_that_weighs(sentence: str, lang: str, message: str) -> str | None:
    """ "ik wil het even hebben over iets van donderdag want het blijft maar in mn hoofd
    zitten" -> "Het blijft maar in je hoofd zitten.": the reason, when it says how it weighs."""
    parts = re.split(r",?\s+(?:want|omdat|because|cos|cause)\s+", sentence, maxsplit=1)
    if len(parts) < 2 or not (_STAYS.search(parts[1]) or _WEIGHT.search(parts[1])):
        return None
    return _turn(parts[1], lang, message, joined=True)


def _after_but(sentence: str, lang: str, message: str) -> str | None:
    """The part after "but" of a sentence too long to say back whole, when it stands on its
    own: "i know thats normal for the job but i came out of it feeling like i'm not cut out for
    this" -> "You came out of it feeling like you're not cut out for this."."""
    parts = re.split(
        r",?\s+(?:maar|but)\s+(?=(?:ik|i|i'm|im|i've)\b|(?:het|dat|it|that) \w+ (?:me|mij)\b)",
        sentence,
        maxsplit=1,
        flags=re.I,
    )
    if len(parts) < 2 or len(sentence.split()) <= MAX_MIRROR_WORDS - 4 or in_quote(parts[0]):
        return None
    turned = _turn(parts[1], lang, message, joined=True)
    if turned is None:
        # "maar het zat me niet lekker en ik heb er de hele avond over lopen malen": its first
        # step said back alone.
        head = re.split(r",?\s+(?:en|and)\s+(?=(?:ik|i)\b)", parts[1], maxsplit=1)[0]
        if head != parts[1] and len(head.split()) >= 4:
            turned = _turn(head, lang, message, joined=True)
    return turned


# What the person took back is not said back: "Boos. Nee, eigenlijk meer moe." -> "Moe.".
_TAKEN_BACK = re.compile(
    r"[^.!?]*[.!?]\s+(?:of\s+)?(?:nee|no)[,.]?\s+(?=eigenlijk|actually|wacht|beter gezegd|rather)"
    r"(?:(?:wacht|beter gezegd|rather),?\s+)?",
    re.I,
)
_ONE_WORD = re.compile(r"^(?:eigenlijk|actually)\s+(?:meer\s+|more\s+)?(\w+)\W*$", re.I)
_WORD_TAKEN_BACK = re.compile(
    r"\b\w+,\s+(?:nee|no),?\s+(?:eigenlijk|actually)\s+(?:meer\s+|more\s+)?(\w+)", re.I
)
_FLIP = re.compile(r"^(wel|niet|not|yes|ja|no|nee)\W*$", re.I)


def corrected(message: str) -> str:
    """The message as the person meant it after correcting themself (see tentative_as_said)."""
    text = quotes.tentative_as_said(message)
    text = _WORD_TAKEN_BACK.sub(lambda m: m.group(1), text)
    ends = [m.end() for m in _TAKEN_BACK.finditer(text)]
    if not ends:
        return text
    rest = text[ends[-1] :]
    one = _ONE_WORD.match(rest.strip())
    if one:
        rest = one.group(1) + "."
    if _FLIP.match(rest.strip()):
        return text  # "Nee, eigenlijk wel." turns the whole sentence around: kept as said
    return rest[:1].upper() + rest[1:]


def _joined(said: list[str], found: list[Candidate], lang: str, message: str) -> list[Candidate]:
    """A sentence and the one after it that turns it ("maar ...") or adds to it ("meer dan
    ..."), said back as one: "Je was trots dat het erin zat, maar niemand wist dat het van jou
    was.", "Dat deed pijn, meer dan je had verwacht."."""
    out = []
    by_index, clauses = _by_sentence(found), _by_sentence(found, "clause")
    for n in range(len(said) - 1):
        first = by_index.get(n)
        nxt = _LEADING.sub("", said[n + 1].strip()) if not _MAAR.match(said[n + 1]) else ""
        turn = _MAAR.match(said[n + 1])
        though = lang == "en" and _THOUGH.search(said[n + 1])
        if though:
            nxt = _THOUGH.sub("", nxt)
        # "Ongemak. En een soort verantwoordelijkheid ...": a feeling named as a noun, and more.
        first_word = re.sub(r"\W", "", said[n].split()[0].lower()) if said[n].split() else ""
        short = len(said[n].split()) <= 3
        also = _AND.match(said[n + 1]) and (
            _names_feeling(nxt.split()[0] if nxt else "", lang)
            or (short and first_word in FEELING_NOUNS[lang])
            or (short and _names_feeling(said[n], lang) and _names_feeling(nxt, lang))
        )
        if first is None or not (turn or also or though or leans_on_before(nxt, lang)):
            continue
        rest = said[n + 1].strip()[turn.end() :].strip() if turn else nxt
        second = bare_feeling(first.text, _turn(rest, lang, message, joined=True), lang, True)
        # "Ik voelde angst. Maar ook iets van medelijden." : a second feeling, without a verb.
        bare = also or though or (turn and _names_feeling(rest, lang))
        if second is None and bare and not re.search(r"\b(ik|mijn|me|i|my|me)\b", rest, re.I):
            second = bare_feeling(first.text, rest, lang)  # "and furious on the drive back"
        if second is None and also:
            # "Woest. En tegelijk ook zo verdrietig, dat klinkt ... maar ...": the second feeling
            # is the clause that names it.
            head = _CLAUSE_END.split(rest, maxsplit=1)[0].strip()
            if head != rest and _names_feeling(head, lang) and not SPEAKER.search(head):
                second = head + "."
        rest = nl_spelled_out(rest) if turn and lang == "nl" else rest  # "ma het klopte ook nie"
        if second is None and turn and not SPEAKER.search(rest) and language_ok(rest, lang):
            # "Maar dat is niet echt zo.": no one in it to turn, so it is said back as it is.
            second = re.sub(r"[\s.!…]+$", "", rest) + "."
        if second is None or feeling_again(first.text, second, lang):
            continue  # "Shame. Mostly shame.": one feeling, said once
        link = {"nl": "maar", "en": "but"}[lang] if turn or though else ""
        link = {"nl": "en", "en": "and"}[lang] if also else link
        tail = lower_first(second) if not second.startswith(("I ", "I'")) else second
        comma = "" if link == "en" else ","  # "Je was boos en ook verdrietig."
        text = f"{first.text.rstrip('.')}{comma} {link + ' ' if link else ''}{tail}"
        if len(text.split()) > MAX_MIRROR_WORDS + 2 and n in clauses and turn:
            # The first clause alone carries what the "maar" turns: "Je denkt dat hij gewoon
            # druk was, maar dat maakt het voor hem niet minder pijnlijk."
            text = f"{clauses[n].text.rstrip('.')}{comma} {link} {tail}"
        if len(text.split()) <= MAX_MIRROR_WORDS + 2:
            bonus = 0.9 if turn and _names_feeling(first.text, lang) else 0.5
            if (_WEIGHT.search(second) or _names_feeling(second, lang)) and not (
                _WEIGHT.search(first.text) or _names_feeling(first.text, lang)
            ):
                bonus += 1.0  # the second part carries how it was
            out.append(Candidate(text, f"said:{n}&{n + 1}", max(first.score, 0) + bonus))
    return out


def _and_that(said: list[str], found: list[Candidate], lang: str, message: str) -> list[Candidate]:
    """A sentence and the one after it that says how it is for the person ("Ik heb niks
    gezegd. Dat zit me dwars."), said back as one, so that "dat" has what it points at: "Je
    hebt niks gezegd, en dat zit je dwars."."""
    out = []
    by_index = _by_sentence(found)
    for n in range(len(said) - 1):
        first, nxt = by_index.get(n), said[n + 1].strip()
        if first is None or not _THAT_FIRST.match(nxt):
            continue
        if not (_WEIGHT.search(nxt) or _names_feeling(nxt, lang)):
            continue
        if (second := _turn(nxt, lang, message, joined=True)) is None:
            continue
        text = f"{first.text.rstrip('.')}, {_AND_WORD[lang]} {lower_first(second)}"
        if len(text.split()) <= MAX_MIRROR_WORDS + 2:
            out.append(Candidate(text, f"said:{n}&{n + 1}", max(first.score, 0) + 2.0))
    return out


_AND_WORD = {"nl": "en", "en": "and"}


def _later_events(sentence: str, n: int, count: int, lang: str, message: str) -> list[Candidate]:
    """The events after "and" in a long sentence that cannot be said back whole ("we had a
    handover and my charge nurse pulled me up"), and its last clause ("..., dan spring ik bij")."""
    out, last, quoted = [], sentence.rsplit(", ", 1)[-1], re.search(r"['‘’“”\"]", sentence)
    own = [last] if last != sentence and re.search(r"\b(ik|i)\b", last, re.I) and not quoted else []
    for part in AND_SUBJECT.split(sentence)[1:] + own:
        if said_part := _turn(part, lang, message):  # the last clause only as a fallback
            score = mirror_score(said_part, n, count, lang) - (0.8 if part in own else 0.1)
            out.append(Candidate(said_part, f"clause:{n}", score))
    return out


def _pairs(found: list[Candidate], lang: str) -> list[Candidate]:
    """Two short neighbouring sentences together: "Je klapte dicht. Je kon niks meer bedenken."""
    out = []
    by_index = _by_sentence(found)
    for n, first in by_index.items():
        # "Mortified. That's the word. And raging at myself.": two feelings around a remark
        skip = by_index.get(n + 2) if n + 1 not in by_index else None
        felt = skip and _FEELING_FRAME.match(first.text) and _FEELING_FRAME.match(skip.text)
        second = by_index.get(n + 1) or (skip if felt else None)
        if second is None or not (_full(first.text, lang) and _full(second.text, lang)):
            continue
        text2 = f"{first.text} {second.text}"
        same = first.text == second.text or (  # one feeling twice: "ashamed. proper ashamed."
            first.text.split()[-1] == second.text.split()[-1]
            and (_FEELING_FRAME.match(second.text) or _names_feeling(second.text.split()[-1], lang))
        )
        other = _FEELING_FRAME.match(first.text) and not re.match(r"(Je|You)\b", second.text)
        if same or other or UNSURE_FEELING.search(first.text) or _META.search(text2):
            continue  # "Rot. Echt rot." said once; a feeling and another's fact are two things;
            # the writing is no story; not knowing what one feels is no feeling to name first
        if len(text2.split()) <= 18:
            score, text = max(first.score, second.score) + 0.3, text2
            frame, also = _FEELING_FRAME.match(first.text), _FEELING_FRAME.match(second.text)
            join = "en" if lang == "nl" else "and"
            if frame and second.text.startswith(frame.group(0)):  # "Je was boos en ook verdrietig."
                comma = "," if "," in first.text else ""  # "mortified, mostly, and hurt"
                text = f"{first.text[:-1]}{comma} {join} {second.text[len(frame.group(0)) :]}"
            elif frame and also:  # "Je voelde vooral schaamte, en je was kwaad op jezelf."
                text = f"{first.text[:-1]}, {join} {lower_first(second.text)}"
            out.append(Candidate(text, f"said:{n}+{n + 1 + (second is skip)}", score))
    return out


_FEELING_FRAME = re.compile(r"^(Je (was|bent|voelde( je)?|voelt( je)?)|You (felt|feel|were)) ")


def _first_clause(text: str, lang: str) -> str | None:
    """The opening clause of a long reflection, when it stands on its own: "Je denkt dat hij
    gewoon druk was, hij had die nacht drie afdelingen." -> "Je denkt dat hij gewoon druk was."."""
    if len(text.split()) <= 12:
        return None
    head = re.split(r",\s|;\s|\s[–—]\s", text, maxsplit=1)[0].strip()
    if head.rstrip(".") == text.rstrip(".") or len(head.split()) < 4 or not _full(head, lang):
        return None
    if re.search(r"\b(dat|omdat|als|toen|that|because|when|if)$", head, re.I):
        return None
    return head + "."


def _full(text: str, lang: str) -> bool:
    """A sentence that opens with its subject: "Je klapte dicht.", "You froze."."""
    first = text.split()[0].lower().strip(",") if text.split() else ""
    return first in (("je", "jullie") if lang == "nl" else ("you", "you're", "you've", "your"))


def _unique(found: list[Candidate]) -> list[Candidate]:
    seen: set[str] = set()
    out = []
    for c in found:
        if c.text.lower() not in seen:
            seen.add(c.text.lower())
            out.append(c)
    return out
