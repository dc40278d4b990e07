"""Questions that fit the story: templates filled with the person's words, and the check that
a bank question takes nothing for granted that the story does not name.

Role: knowledge/questions/templates.toml holds the templates with what each needs from the
message; this module fills them and ranks them, and says whether a bank question fits.
Must not: write a question that is not in the data.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.core.feeling_list import feelings_said
from app.core.feeling_noun import own_feeling, own_feeling_at
from app.core.feeling_said import _feeling_fragment, _names_feeling
from app.core.feelings import FEELING_NOUNS, FEELINGS
from app.core.mirror_score import _POINTS_BACK
from app.core.moment_marks import tells_event
from app.core.own_act import OwnAct, own_act
from app.core.plan_marks import EFFECT, PLAN, WANTS_SAY, WEIGHS_ACTING, WISH_WHY
from app.core.question_presup import PRESUPPOSES, STORY_NAMES
from app.core.reading import Reading, read
from app.core.reflection import Candidate, follow, says_sentence, statements

TEMPLATES = Path(__file__).resolve().parents[2] / "knowledge" / "questions" / "templates.toml"


@dataclass(frozen=True)
class Template:
    id: str
    lang: str
    phases: tuple[int, ...]
    needs: tuple[str, ...]
    text: str
    weight: float = 0.0
    with_mirror: bool = False  # asks about what the mirror says: only with its own sentence's
    mirror_says: str = ""  # ... which must also say this (a key of _SAYS)


@functools.lru_cache(maxsize=1)
def templates() -> tuple[Template, ...]:
    data = tomllib.loads(TEMPLATES.read_text(encoding="utf-8"))
    return tuple(
        Template(
            q["id"],
            q["lang"],
            tuple(q["phases"]),
            tuple(q.get("needs", [])),
            q["text"],
            float(q.get("weight", 0.0)),
            bool(q.get("with_mirror", False)),
            str(q.get("mirror_says", "")),
        )
        for q in data["q"]
    )


@functools.lru_cache(maxsize=1)
def generic() -> frozenset[str]:
    """The questions that need nothing of the message: asked once, never asked again."""
    return frozenset(t.text for t in templates() if not any(n[0] != "!" for n in t.needs))


@functools.lru_cache(maxsize=1)
def _by_source() -> dict[str, Template]:
    return {f"template:{t.id}": t for t in templates()}


_PAST_FEELING = re.compile(
    r"\b(was|werd|voelde|had|raakte|bleef|schrok|kookte|were|was|felt|got|became)\b", re.I
)


_HEDGED = r"a bit|a little|kind of|sort of|slightly|bit|een beetje|beetje|een tikje|wat|best|licht"
_PLEASANT = frozenset({"fijn", "leuk", "mooi"})
# Needs read from the message's words alone: what a step would bring, a wish to let someone know
# ("ik wil wel dat ze weet"), weighing whether to act ("laten gaan werkt nie").
_IN_MESSAGE = {
    "effect": EFFECT,
    "wants_say": WANTS_SAY,
    "weighs_acting": WEIGHS_ACTING,
    "wish_why": WISH_WHY,
}


@functools.lru_cache(maxsize=8)
def _told_in_past(message: str, lang: str) -> bool:
    """A feeling told in the past tense, or bare ("Boos.", "boos en schaamte tegelijk"): said
    back, and asked about, in the past tense. Once per message, not once per template."""
    if _PAST_FEELING.search(message):
        return True
    if any(_feeling_fragment(message.strip(), each) for each in ("nl", "en")):
        return True
    return any(
        re.match(r"(Je voelde|Je was|You felt)\b", feelings_said(s, lang) or "")
        for s in re.split(r"(?<=[.!?])\s+", message.strip())
    )


def _met(need: str, r: Reading, message: str) -> bool:
    if need.startswith("!"):
        return not _met(need[1:], r, message)
    if need in ("past", "present"):
        past = _told_in_past(message, r.lang)
        return past if need == "past" else not past
    if need == "person":
        return bool(r.persons)
    if need == "askable":
        return bool(r.askable)
    if need == "idiom":
        return bool(r.idioms)
    if need == "own_feeling":
        return bool(own_feeling(message, r.lang))
    if need == "pleasant":
        return r.evaluation in _PLEASANT
    if need in _IN_MESSAGE:
        return bool(_IN_MESSAGE[need].search(message))
    if need.startswith("own_act_"):
        act = _own_act(message, r.lang)
        return act is not None and need == f"own_act_{act.variant}"
    return bool(getattr(r, need, False))


def template_questions(r: Reading, message: str, phase: int, lang: str) -> list[Candidate]:
    out = []
    for t in templates():
        if t.lang != lang or phase not in t.phases:
            continue
        if not all(_met(n, r, message) for n in t.needs):
            continue
        text = t.text.format(
            feeling=r.askable[0] if r.askable else "",
            person=r.persons[0] if r.persons else "",
            idiom=r.idioms[0] if r.idioms else "",
            evaluation=r.evaluation,
            said_by=r.said_by,
            said_verb=r.said_verb,
            own_feeling=own_feeling(message, lang) if "{own_feeling}" in t.text else "",
        )
        hedged = rf"(?<!the )\b({_HEDGED}) {re.escape(r.askable[0])}\b" if r.askable else ""
        if hedged and re.search(hedged, message, re.I):
            text = re.sub(rf"\b(so|zo) (?={re.escape(r.askable[0])}\b)", "", text)  # "a bit angry"
        text = text[:1].upper() + text[1:]
        # Filled from the person's words: these follow the story most closely; a person
        # named is not always the one who acted, so those questions rank lower.
        positive = [n for n in t.needs if not n.startswith("!")]
        score = 1.0 + 0.5 * len(positive) + (0.5 if "{" in t.text else 0.0) + t.weight
        if "person" in t.needs:
            score -= 1.0
        anchor = _anchor(t, message, lang)
        if "moment_now" in t.needs and _AT_MOMENT(t.text) and anchor < 0:
            continue  # "toen", "op dat moment": one sentence must tell the moment asked about
        out.append(Candidate(text, f"template:{t.id}", score, anchor))
    return out


# Marks that sit in one sentence: a question built on one of them is about that sentence.
_SENTENCE_MARKS = (
    "unsaid",
    "fear_ahead",
    "dilemma",
    "talk_ahead",
    "ideal_self",
    "evaluation",
    "moment_now",
    "alternative",
    "values_own",
    "again",
    "own_pattern",
    "hesitant",
    "assumed",
    "wished_other",
    "said_by",
)


_THATS = re.compile(r"^\W*(that's|it's|dat's)\b", re.I)
_AT_MOMENT = re.compile(r"\b(toen|op dat moment|at that moment|when it happened)\b", re.I).search


def _anchor(t: Template, message: str, lang: str) -> int:
    """The person's sentence (numbered as the mirrors number them) that the template's marks
    come from; -1 when it needs none of them or no one sentence carries them."""
    if any(n.startswith("own_act_") for n in t.needs):
        act = _own_act(message, lang)
        return act.sentence if act else -1
    if "own_feeling" in t.needs:
        return own_feeling_at(message, lang)[1]  # the sentence that names the feeling
    # "toen", "op dat moment" point at the sentence that tells the moment; a question about a
    # person does not.
    marks = [
        n for n in t.needs if n in _SENTENCE_MARKS and (n != "moment_now" or _AT_MOMENT(t.text))
    ]
    if not marks:
        return -1
    said = _said(message)
    at_moment = "moment_now" in marks
    for n, alone in enumerate(_statements_read(message, lang)):
        if at_moment and not tells_event(said[n], lang):
            continue  # "toen" asks about a moment the person acted in
        if all(getattr(alone, m) for m in marks):
            # "Dat vind ik het belangrijkste." points at the sentence before it: that one
            # says what the question is about.
            back = _POINTS_BACK.search(said[n]) or _THATS.match(said[n])
            return n - 1 if n > 0 and back else n
    return -1


@functools.lru_cache(maxsize=8)
def _own_act(message: str, lang: str) -> OwnAct | None:
    return own_act(list(_said(message)), message, lang)


@functools.lru_cache(maxsize=8)
def _said(message: str) -> tuple[str, ...]:
    return tuple(statements(message))


@functools.lru_cache(maxsize=8)
def _statements_read(message: str, lang: str) -> tuple[Reading, ...]:
    """Each of the person's statements read on its own, once per message (not per template)."""
    return tuple(read(sentence, lang) for sentence in _said(message))


_PLAN_WORD = re.compile(r"\b(plan|voornemen|intention)\b")
_THIS_PLAN = re.compile(r"\b(dit|deze|this|that|dat) (voornemen|plan|intention)\b")


def fits(question: str, r: Reading, story: str) -> bool:
    """A bank question fits when the story names everything the question takes for granted."""
    q = question.lower()
    low = story.lower()
    for need, pattern in PRESUPPOSES.items():
        if not pattern.search(q):
            continue
        named = STORY_NAMES.get(need)
        if need == "us" or (named is not None and not named.search(low)):
            return False
        if need == "manager" and not r.manager:
            return False
        if need == "other" and not (r.other and r.other_acts):
            return False
        if need == "moment" and not r.moment:
            return False
        if need == "insight" and not (
            r.own_pattern or r.habitual or r.again or re.search(r"patroon|pattern", low)
        ):
            return False  # "als het patroon opkomt": a pattern the person named, not any insight
        if need == "plan" and not (r.plan or PLAN.search(story) or _PLAN_WORD.search(low)):
            return False
        if need == "plan" and _THIS_PLAN.search(q) and not r.plan:
            return False  # "dit voornemen": the plan is in this message
        if need == "wrapup" and not (r.plan or PLAN.search(story)):
            return False
        if need == "feelings" and len(r.feelings) < 2 and not r.mixed:
            return False
    return True


_THAT_FEELING = re.compile(r"\b(dat gevoel|that feeling)\b", re.I)


def fitting(questions: list[Candidate], mirrors: list[Candidate], lang: str) -> list[Candidate]:
    """Questions about "dat gevoel" only after a mirror that names one, and "what makes that so
    important" only when what matters is what is said back; others keep their order."""
    kept = [q for q in questions if _fits_mirror(q, mirrors, lang)]
    return kept or questions


def _fits_mirror(question: Candidate, mirrors: list[Candidate], lang: str) -> bool:
    feeling = bool(_THAT_FEELING.search(question.text))
    t = _by_source().get(question.source)
    about = t is not None and (bool(t.mirror_says) or (t.with_mirror and question.anchor >= 0))
    if not mirrors or not (feeling or about):
        return True
    first = follow(mirrors, question, lang)[0]
    if feeling and not _names_feeling(first.text, lang):
        return False
    if not about:
        return True
    return pair_fits(first, question)


class _Searcher(Protocol):
    def search(self, __text: str) -> object: ...


class _TwoFeelings:
    """What a mirror must say for a question about two feelings: both of them."""

    _WORDS = {lang: frozenset(FEELINGS[lang]) | FEELING_NOUNS[lang] for lang in ("nl", "en")}

    def search(self, text: str) -> bool:
        low = text.lower()
        lang = "en" if re.match(r"you\b", low) else "nl"
        return len(set(re.findall(r"[^\W\d_]+", low)) & self._WORDS[lang]) >= 2


# What the mirror must say for a question that asks about it: the assumption or the wish itself.
_SAYS: dict[str, _Searcher] = {
    "assumed": re.compile(
        r"\b(je dacht|dacht je|je ging ervan uit|je nam aan|you thought|you figured|you assumed|"
        r"you were sure|you were convinced)\b",
        re.I,
    ),
    "wished": re.compile(
        r"\b(je wilde dat|je wou dat|je hoopte dat|je had gehoopt dat|je had gewild dat|"
        r"wat je (\w+ )?wilde|you (\w+ )?wanted (?!to\b)\w+ to|wanted was for|you wish|"
        r"you were hoping)\b",
        re.I,
    ),
    "plan": re.compile(
        r"^((morgen|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|vanavond|straks|"
        r"volgende (week|keer|dienst)|voortaan|tomorrow|next (week|time)|on (monday|tuesday|"
        r"wednesday|thursday|friday)|from now on) \w+ (je|you)\b|"
        r"je gaat|ga je|je wilt (\w+ ){0,4}(vragen|voorstellen|bellen|spreken|bespreken|"
        r"aanspreken|vertellen|zeggen)|je (denkt|weet) (ook |wel |nu |dus )*dat je (\w+ ){0,5}"
        r"(moet|gaat|wilt)|moet je|je moet|you'll|you will|you're going to|you want to (talk|ask|"
        r"tell|speak|call|propose|raise)|you think you (should|need to|have to|'ll|will))\b",
        re.I,
    ),
    "both": _TwoFeelings(),
    "wanted_to": re.compile(
        r"\b(je wilde|je wou|wilde je|wou je) (\w+ ){0,8}?(zeggen|vragen|roepen|ingrijpen|"
        r"reageren|weglopen|opstaan|uitleggen|aanbieden|melden|bellen)\b|\byou (\w+ )?wanted to "
        r"(say|ask|tell|shout|step in|explain|point out|offer|speak up|call|object|push back)\b",
        re.I,
    ),
}


def pair_fits(mirror: Candidate, question: Candidate) -> bool:
    """A question about what the mirror says goes only with the mirror of its own sentence."""
    t = _by_source().get(question.source)
    if t is None:
        return True
    if t.mirror_says and not _SAYS[t.mirror_says].search(mirror.text):
        return False
    return not t.with_mirror or question.anchor < 0 or says_sentence(mirror, question.anchor)
