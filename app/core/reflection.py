"""Candidate reflections and questions for one turn, all written by code from data.

Role: the coach's words come from here, never from free model text. A reflection is one of the
person's own sentences said back in the second person (app/core/perspective.py), or for a short
answer a fixed phrasing; a question is a bank question whose presuppositions the story meets
(no "dat moment" without a moment, no manager who is not there), or a template filled with the
person's own feeling, figure of speech or colleague (knowledge/questions/templates.toml).
Candidates come ranked by plain rules; the engine lets the model pick among the first few.
Must not: invent content, call a model, or return a candidate that fails the language check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.core import fixed_texts, perspective, style
from app.core.language_guard import language_ok
from app.core.reading import FEELING_NOUNS, FEELINGS, Reading
from app.core.text import wordset

TEMPLATES = Path(__file__).resolve().parents[2] / "knowledge" / "questions" / "templates.toml"
MAX_MIRROR_WORDS = 20
MIN_MIRROR_WORDS = 3

# Opening sentences that only announce the topic: "Ik wil het hebben over vorige week."
_ANNOUNCE = re.compile(
    r"^(ik wil het (\w+ )?(hebben )?over|ik wil (graag )?(iets )?(bespreken|vertellen)|"
    r"ik wil het (graag )?hebben|i want to talk about|i'd like to talk about|i want to discuss)",
    re.I,
)
_LEADING = re.compile(
    r"^((nou|ja|nee|oké|ok|okay|dus|en|maar|well|so|and|but|yeah|eerlijk gezegd|"
    r"eerlijk is eerlijk|tja|hmm+|"
    r"honestly|actually|basically|tbh|anyway|kortom|enfin|goh|pff+|echt)[,\s]+)+",
    re.I,
)
# A sentence that opens with a linking word leans on the one before: "Of dat wil ik zijn."
# "En"/"Maar" only join: the sentence after them stands on its own once they are dropped.
_FRAGMENT = re.compile(
    r"^(of|want|dus|omdat|die|wat|which|or|because|so|who|that|"
    r"dat (ze|hij|zij|ik|je|jij|we|wij|het|er|u|jullie|men|mijn|m'n|mn)\b)\b",
    re.I,
)
# Where the person arrives: an insight about themselves, or the turn after "maar".
_CORE = re.compile(
    r"\b(je merkt|merk je|je beseft|je realiseert|je ziet nu|eigenlijk|juist|you notice|"
    r"you realise|you realize|you see now|actually)\b",
    re.I,
)
# A sentence that only adds to the one before: "Meer dan ik had verwacht." It is said back
# joined to that sentence, never alone.
_ELABORATION = re.compile(
    r"^(meer dan|minder dan|zelfs|vooral|ook nog|nog erger|more than|less than|even more|"
    r"especially|mostly|op (hem|haar|ze|hen|mezelf|mijzelf|iedereen)|"
    r"at (him|her|them|myself|everyone))\b",
    re.I,
)
# "I think I'm ashamed" is said back as "You're ashamed": the hedge is about the speaker's own
# state, which they have just named. Dutch keeps it: its subordinate word order differs.
_OWN_HEDGE_EN = re.compile(r"^(i think|i guess|i suppose|i feel like|i reckon) (?=i\b|i'm\b)", re.I)
_IT_FELT = re.compile(r"^(dat|het|dit|that|it) (deed|doet|voelde|voelt|did|felt|feels)\b", re.I)
_FILLERS = re.compile(r"\s+\b(hoor|haha+|hihi|lol|ofzo|zeg maar)\b", re.I)
# Words that carry how it was for the person without naming a feeling: "het zit me dwars",
# "toch even slikken", "it doesn't feel like it". Said back before the bare facts.
_WEIGHT = re.compile(
    r"\b(dwars|slikken|beroerd|rot|over de schoenen|klaar mee|niet lekker|zwaar|lastig|moeilijk|"
    r"raakt|raakte|stak|steekt|knaagt|baal\w*|flat|numb|nothing|doesn't feel|does not feel|"
    r"not over|gets to me|got to me|bothers|bothered|stung|stings|hard|heavy|tough)\b",
    re.I,
)
# The opening "Je bent gezinsvoogd." only names a role: it says back nothing of the story.
_ROLE = re.compile(r"^(je bent|je werkt|you're a|you are a|you work|you're an|you are an)\b", re.I)
# "Waar moet ik beginnen." is a question even without its question mark.
_BARE_QUESTION = re.compile(
    r"^(waar|wat|hoe|waarom|wie|welke|wanneer)\s+(moet|moeten|kan|kun|kunnen|zal|zou|ga|doe|is|"
    r"zijn|heb|wil)\b|^(where|what|how|why|who|which|when)\s+(do|does|should|can|could|would|"
    r"will|is|are|am)\b",
    re.I,
)
# "It doesn't feel like it though." turns the sentence before it, like a "but".
_THOUGH = re.compile(r",?\s+(though|toch)\W*$", re.I)
_BARE_NOT_KNOWING = re.compile(
    r"^(ik weet (het )?(eigenlijk |echt )?niet|weet ik (veel|niet)|geen idee|i don'?t know|"
    r"idk|no idea)[\s.!…]*$",
    re.I,
)
_TRAILING_FILLER = re.compile(
    r",?\s+(eerlijk gezegd|to be honest|tbh|honestly|denk ik|i think)(?=[\s.!…]*$)", re.I
)
_CLOSING_ONLY = re.compile(r"^(dank|bedankt|thanks|thank you|sorry|hoi|hallo|hi|hello)\b", re.I)


@dataclass(frozen=True)
class Candidate:
    text: str
    source: str  # "said:<n>" for the person's n-th sentence, "fixed:<kind>", "bank:<id>", ...
    score: float


# --- reflections -------------------------------------------------------------------------------


_COACH = fixed_texts.load("coach")
SHORT_MIRRORS: dict[str, dict[str, str]] = fixed_texts.by_lang(_COACH["short_mirrors"])
QUOTE: dict[str, str] = _COACH["quote"]


def mirrors(message: str, lang: str, reading: Reading, limit: int = 4) -> list[Candidate]:
    """The person's own sentences said back, best first; fixed phrasings for short answers."""
    found: list[Candidate] = []
    said = _said(message)
    for n, sentence in enumerate(said):
        turned = _turn(sentence, lang, message)
        tail = _after_but(sentence, lang, message)
        if tail:
            found.append(Candidate(tail, f"clause:{n}", _mirror_score(tail, n, len(said), lang)))
        if turned is None:
            continue
        score = _mirror_score(turned, n, len(said), lang)
        if re.match(r"\W*(maar|but)\b", sentence, re.I):
            score += 0.6  # the turn after "maar" is usually where the person arrives
        found.append(Candidate(turned, f"said:{n}", score))
        head = _first_clause(turned, lang)
        if head:
            score = _mirror_score(head, n, len(said), lang) - 0.1
            found.append(Candidate(head, f"clause:{n}", score))
    pairs = _pairs(found, lang) + _joined(said, found, lang, message)
    found = sorted(found + pairs, key=lambda c: -c.score)
    if reading.ack:
        found.insert(0, Candidate(SHORT_MIRRORS[lang]["ack"], "fixed:ack", 1.0))
    elif reading.not_knowing:
        found.insert(0, Candidate(SHORT_MIRRORS[lang]["not_knowing"], "fixed:not_knowing", 1.0))
    elif reading.pondering:
        found.insert(0, Candidate(SHORT_MIRRORS[lang]["thinking"], "fixed:thinking", 1.0))
    if not found:
        quoted = _best_quote(message, said, lang)
        if quoted:
            found.append(Candidate(QUOTE[lang].format(text=quoted), "quote", 0.0))
        else:
            found.append(Candidate(SHORT_MIRRORS[lang]["thinking"], "fixed:thinking", 0.0))
    return _unique(found)[:limit]


def _after_but(sentence: str, lang: str, message: str) -> str | None:
    """The part after "but" of a sentence too long to say back whole, when it stands on its
    own: "i know thats normal for the job but i came out of it feeling like i'm not cut out for
    this" -> "You came out of it feeling like you're not cut out for this."."""
    parts = re.split(r",?\s+(?:maar|but)\s+(?=(?:ik|i|i'm|im|i've)\b)", sentence, maxsplit=1)
    if len(parts) < 2 or len(sentence.split()) <= MAX_MIRROR_WORDS - 4:
        return None
    return _turn(parts[1], lang, message, joined=True)


def _said(message: str) -> list[str]:
    """The person's statements: sentences that are not questions, greetings or thanks."""
    out = []
    for sentence in style.sentences(message):
        if (
            style.questions(sentence)
            or _CLOSING_ONLY.match(sentence)
            or _BARE_QUESTION.match(_LEADING.sub("", sentence.strip()))
        ):
            continue
        out.append(sentence)
    return out


def _turn(sentence: str, lang: str, message: str, joined: bool = False) -> str | None:
    core = _LEADING.sub("", _FILLERS.sub("", sentence.strip()))
    core = _TRAILING_FILLER.sub("", re.sub(r"\s*(\.\.\.|…)\s*(?=\w)", " ", core))
    if _FRAGMENT.match(core) or (_ELABORATION.match(core) and not joined):
        return None
    if lang == "en":
        core = _OWN_HEDGE_EN.sub("", _en_spelled_out(core))
    else:
        core = _main_clause_nl(core) or core
    feeling = _feeling_fragment(core, lang)
    if feeling:
        return feeling
    if not core or _ANNOUNCE.match(core) or _BARE_NOT_KNOWING.match(core):
        return None
    core = core[:1].upper() + core[1:]
    turned = perspective.second_person(core, lang)
    if turned is None and _IT_FELT.match(core) and _names_feeling(core, lang):
        turned = core  # "Dat deed pijn." is the person's own feeling, said without "ik"
    if turned is None:
        return None
    turned = re.sub(r"[\s.!…]+$", "", turned) + "."
    words = len(turned.split())
    shortest = 2 if _names_feeling(turned, lang) else MIN_MIRROR_WORDS
    if not shortest <= words <= MAX_MIRROR_WORDS:
        return None
    if not language_ok(turned, lang, allowed=message):
        return None
    return turned


_OWN_HEDGE_NL = re.compile(
    r"^((ik denk|ik geloof|ik vermoed|ik gok) dat|(?P<maybe>misschien|wellicht) dat) (ik|k) ",
    re.I,
)
_NL_MODALS = wordset("wil wilde kan kon moet moest zou ga ging mag mocht durf durfde blijf bleef")
_NL_CLAUSE_END = wordset("dat omdat als want maar en of die wat terwijl toen zodat , ; : . ! …")


def _main_clause_nl(core: str) -> str | None:
    """ "Ik denk dat ik vaker de lieve vrede bewaar" -> "Ik bewaar vaker de lieve vrede": the
    hedge about the speaker's own state dropped, the verb moved to second place so that the
    sentence turns into "Je bewaart vaker de lieve vrede". None when the verb is not certain."""
    m = _OWN_HEDGE_NL.match(core)
    if not m:
        return None
    tokens = re.findall(r"[\w'’-]+|[^\w\s]", core[m.end() :])
    end = next((i for i, t in enumerate(tokens) if t.lower() in _NL_CLAUSE_END), len(tokens))
    clause, tail = tokens[:end], tokens[end:]
    split = _finite_split(clause)
    if split is None:
        return None
    finite, words = split
    if m.group("maybe"):  # "Misschien dat ik bang ben" -> "Misschien ben ik bang"
        text = " ".join([m.group("maybe").capitalize(), finite, "ik", *words, *tail])
    else:
        text = " ".join(["Ik", finite, *words, *tail])
    return re.sub(r"\s+([,.;:!?])", r"\1", text)


def _nl_finite(word: str) -> bool:
    w = word.lower()
    if w in _NL_MODALS or perspective.nl_present_stem(w) and not w.endswith("en"):
        return True
    if w in ("was", "had", "werd", "ben", "heb", "word", "vond", "dacht", "voelde", "zat"):
        return True
    m = re.match(r"^(\w+?)(de|te|den|ten)$", w)
    return m is not None and perspective.nl_present_stem(m.group(1), strict=True)


def _nl_infinitive(word: str) -> bool:
    w = word.lower()
    return (
        w.endswith("en")
        and perspective.nl_present_stem(w[:-2] or "x")
        or w
        in (
            "zijn",
            "gaan",
            "staan",
            "doen",
            "zien",
            "worden",
            "lijken",
            "hebben",
        )
    )


def _finite_split(clause: list[str]) -> tuple[str, list[str]] | None:
    """The finite verb at the end of a Dutch subordinate clause and the words without it:
    "vaker de lieve vrede bewaar", "professioneel wilde lijken", "aardig gevonden wil worden"."""
    if not clause or not all(t.isalpha() or t in "'’-" for t in clause):
        return None
    last = clause[-1]
    if _nl_finite(last) and not (len(clause) > 1 and _nl_infinitive(clause[-2])):
        return last, clause[:-1]
    if len(clause) >= 2 and _nl_infinitive(last) and clause[-2].lower() in _NL_MODALS:
        return clause[-2], [*clause[:-2], last]
    if (
        len(clause) >= 3
        and _nl_infinitive(last)
        and clause[-2].lower() in _NL_MODALS | {"word", "werd"}
        and perspective._participle(clause[-3].lower())
    ):
        return clause[-2], [*clause[:-3], clause[-3], last]
    return None


FEELING_FRAGMENT = {"nl": "Je voelde je {text}.", "en": "You felt {text}."}


# Feeling words that are just as often plain description ("a small branch", "het project is
# dood"): they count as a feeling only after a verb of feeling or being.
_AMBIGUOUS = frozenset({"small", "klein", "leeg", "flat", "rot", "hard", "hurt"})
_FEELS_BEFORE = r"\b(feel|feels|felt|feeling|voel\w*|ben|was|werd|word|i'm|im|am|was)( \w+){0,2} "


def _names_feeling(text: str, lang: str) -> bool:
    low = text.lower()
    for f in FEELINGS[lang]:
        if not re.search(rf"\b{re.escape(f)}\b", low):
            continue
        if f not in _AMBIGUOUS or re.search(_FEELS_BEFORE + re.escape(f) + r"\b", low):
            return True
    return False


# Chat spellings without the apostrophe, written out before a sentence is turned.
_EN_CONTRACTIONS = {
    "im": "I'm",
    "ive": "I've",
    "dont": "don't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "cant": "can't",
    "wont": "won't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "thats": "that's",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
}


def _en_spelled_out(text: str) -> str:
    return re.sub(
        r"\b(" + "|".join(_EN_CONTRACTIONS) + r")\b",
        lambda m: _EN_CONTRACTIONS[m.group(1).lower()],
        text,
        flags=re.I,
    )


def _feeling_fragment(core: str, lang: str) -> str | None:
    """A feeling named without a sentence around it, "Humiliated, mostly." or "Boos, echt.",
    said back as a feeling: "You felt humiliated, mostly."."""
    text = re.sub(r"[\s.!…]+$", "", core).strip()
    words = re.findall(r"[\w'-]+", text.lower())
    if words and len(words) <= 3 and words[0] in FEELING_NOUNS[lang]:
        # "Schaamte, vooral." -> "Je voelde vooral schaamte."
        most = [w for w in words[1:] if w in ("vooral", "mostly", "eigenlijk", "echt")]
        if len(most) == len(words) - 1:
            form = {"nl": "Je voelde {most}{noun}.", "en": "You felt {most}{noun}."}[lang]
            return form.format(most=most[0] + " " if most else "", noun=words[0])
    if not words or len(words) > 4 or words[0] not in FEELINGS[lang]:
        return None
    rest = set(words[1:]) - {
        "mostly",
        "really",
        "so",
        "very",
        "a",
        "bit",
        "and",
        "echt",
        "vooral",
        "heel",
        "erg",
        "zo",
        "en",
        "wel",
        "ook",
        "eigenlijk",
        "gewoon",
    }
    if rest - set(FEELINGS[lang]):
        return None
    form = FEELING_FRAGMENT[lang]
    if lang == "nl" and not re.match(r"ge\w+[dt]$", words[0]):
        form = "Je was {text}."  # "Je was boos.", but "Je voelde je gepasseerd."
    return form.format(text=text[:1].lower() + text[1:])


def _mirror_score(text: str, n: int, total: int, lang: str) -> float:
    """Feeling first, then the person's latest words, then short sentences."""
    low = text.lower()
    score = 0.0
    if _names_feeling(text, lang):
        score += 2.0
    if re.search(r",\s*(maar|but)\b", low):
        score += 0.5  # the sentence turns inside itself: "not wrong to raise it, but ..."
    if re.search(r"\b(je|you)\b", low):
        score += 1.0
    if _CORE.search(low):
        score += 0.8
    if _WEIGHT.search(low):
        score += 1.0
    if n == 0 and _ROLE.match(text) and total > 1:
        score -= 0.8
    score += 0.8 * (n + 1) / max(total, 1)
    words = len(text.split())
    score -= max(0, words - 12) * 0.15
    return round(score, 3)


def _joined(said: list[str], found: list[Candidate], lang: str, message: str) -> list[Candidate]:
    """A sentence and the one after it that turns it ("maar ...") or adds to it ("meer dan
    ..."), said back as one: "Je was trots dat het erin zat, maar niemand wist dat het van jou
    was.", "Dat deed pijn, meer dan je had verwacht."."""
    out = []
    by_index = {int(c.source.split(":")[1]): c for c in found if c.source.startswith("said:")}
    for n in range(len(said) - 1):
        first = by_index.get(n)
        nxt = _LEADING.sub("", said[n + 1].strip()) if not _MAAR.match(said[n + 1]) else ""
        turn = _MAAR.match(said[n + 1])
        though = lang == "en" and _THOUGH.search(said[n + 1])
        if though:
            nxt = _THOUGH.sub("", nxt)
        also = _AND.match(said[n + 1]) and _names_feeling(nxt.split()[0] if nxt else "", lang)
        if first is None or not (turn or also or though or _ELABORATION.match(nxt)):
            continue
        rest = said[n + 1].strip()[turn.end() :].strip() if turn else nxt
        second = _turn(rest, lang, message, joined=True)
        bare = also or though
        if second is None and bare and not re.search(r"\b(ik|mijn|me|i|my|me)\b", rest, re.I):
            second = re.sub(r"[\s.!…]+$", "", rest) + "."  # "and furious on the drive back"
        if second is None:
            continue
        link = {"nl": "maar", "en": "but"}[lang] if turn or though else ""
        link = {"nl": "en", "en": "and"}[lang] if also else link
        tail = second[:1].lower() + second[1:] if not second.startswith(("I ", "I'")) else second
        text = f"{first.text.rstrip('.')}, {link + ' ' if link else ''}{tail}"
        if len(text.split()) <= MAX_MIRROR_WORDS + 2:
            bonus = 0.9 if turn and _names_feeling(first.text, lang) else 0.5
            if (_WEIGHT.search(second) or _names_feeling(second, lang)) and not (
                _WEIGHT.search(first.text) or _names_feeling(first.text, lang)
            ):
                bonus += 1.0  # the second part carries how it was
            out.append(Candidate(text, f"said:{n}&{n + 1}", max(first.score, 0) + bonus))
    return out


_MAAR = re.compile(r"^\W*(maar|but)\s+", re.I)
_AND = re.compile(r"^\W*(en|and)\s+", re.I)


def _pairs(found: list[Candidate], lang: str) -> list[Candidate]:
    """Two short neighbouring sentences together: "Je klapte dicht. Je kon niks meer bedenken."""
    out = []
    by_index = {int(c.source.split(":")[1]): c for c in found if c.source.startswith("said:")}
    for n, first in by_index.items():
        second = by_index.get(n + 1)
        if second is None or not (_full(first.text, lang) and _full(second.text, lang)):
            continue
        words = len(first.text.split()) + len(second.text.split())
        if words <= 18:
            score = max(first.score, second.score) + 0.3
            out.append(Candidate(f"{first.text} {second.text}", f"said:{n}+{n + 1}", score))
    return out


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


def _quotable(message: str, limit: int = 10) -> str:
    text = re.sub(r"[“”\"]", "", message).strip()
    words = text.split()
    if not words or len(words) > limit or text.endswith("?"):
        return ""
    return re.sub(r"[\s.!…]+$", "", text)


def _best_quote(message: str, said: list[str], lang: str) -> str:
    """The person's words to quote when no sentence can be turned: the whole message when it is
    short, else the latest whole clause that carries a feeling, else the latest whole clause."""
    whole = _quotable(message)
    if whole:
        return whole
    clauses = []
    for sentence in said:
        clauses.append(sentence)
        clauses += [c for c in re.split(r",\s+", sentence) if c != sentence]
    usable = [
        q
        for c in clauses
        if (q := _quotable(c, 14))
        and len(q.split()) >= 4
        and not _FRAGMENT.match(q)
        and language_ok(q, lang, allowed=message)
    ]
    feeling = [
        q
        for q in usable
        if any(re.search(rf"\b{re.escape(f)}\b", q.lower()) for f in FEELINGS[lang])
    ]
    chosen = (feeling or usable)[-1:]
    return chosen[0][:1].upper() + chosen[0][1:] if chosen else ""


def _unique(found: list[Candidate]) -> list[Candidate]:
    seen: set[str] = set()
    out = []
    for c in found:
        if c.text.lower() not in seen:
            seen.add(c.text.lower())
            out.append(c)
    return out
