"""The crisis screen: does a message signal suicidal thoughts, self-harm or danger?

Role: run on every message before anything else and say how sure it is: "clear" (hand off at
once), "possible" (ask directly first) or "none"; and whom it is about: the writer ("self") or
someone the writer works with ("other": a nurse telling about a patient). Two halves: literal
rules loaded from `knowledge/safety/rules.toml` (each carries the phrases it must catch and the
near misses it must not), and an optional semantic screen (app/adapters/safety_semantic.py) that
recognises wordings no rule names, from labelled examples.
Must not: call a language model, store anything, or write a reply (app/core/crisis_replies.py does).
When in doubt it flags: a question too many is cheaper than a signal missed.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from app.core.safety_past import long_ago, told_as_past
from app.core.text import fold, wordset
from app.errors import SettingsError

RULES_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "safety" / "rules.toml"

KINDS = (
    "direct",
    "passive",
    "euphemism",
    "plan",
    "farewell",
    "hopeless",
    "selfharm_act",
    "selfharm_urge",
    "violence",
    "abuse",
    "medical",
)
# Kinds that need 112 before anything else; the rest are about suicide or self-harm.
DANGER_KINDS = frozenset({"violence", "abuse", "medical"})
SELFHARM_KINDS = frozenset({"selfharm_act", "selfharm_urge"})
LEVELS = ("none", "possible", "clear")


@dataclass(frozen=True)
class Verdict:
    level: str = "none"  # "clear" | "possible" | "none"
    kind: str = ""  # one of KINDS when level is not "none"
    about: str = "self"  # "self" | "other" (a client, patient or pupil of the writer)
    phrase: str = ""  # what triggered it, normalised
    source: str = ""  # "rule:<id>" | "semantic"
    score: float = 0.0  # the semantic screen's score, when it spoke

    @property
    def flagged(self) -> bool:
        return self.level != "none"

    @property
    def family(self) -> str:
        """'danger', 'selfharm' or 'suicide': which hand-off text fits."""
        if self.kind in DANGER_KINDS:
            return "danger"
        return "selfharm" if self.kind in SELFHARM_KINDS else "suicide"


NONE = Verdict()


# --- normalisation ------------------------------------------------------------------------------

_APOSTROPHES = re.compile(r"['’‘`´]")
_DAT_IK = re.compile(r"\bda['’‘`´]k\b")
_NON_TEXT = re.compile(r"[^a-z0-9.!?;\s]")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_SENTENCE_END = re.compile(r"[.!?;\n]")


def normalise(text: str) -> str:
    """Lowercase, strip accents and apostrophes, tame punctuation and stretched letters.

    "Ik wil er niet méér zijn!!" and "ik wil er niet meer zijn" compare equal; so do "I'm" and
    "Im", "self-harm" and "self harm", "dooooood" and "dood".
    """
    # Flemish "da'k" is "dat ik", not "dak" (a roof) once the apostrophe is gone
    plain = _APOSTROPHES.sub("", _DAT_IK.sub("dat ik", fold(text))).replace("…", ".")
    plain = _NON_TEXT.sub(" ", plain)
    plain = _REPEATS.sub(r"\1\1", plain)
    lines = (_SPACES.sub(" ", line).strip() for line in plain.split("\n"))
    return "\n".join(line for line in lines if line)


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text before and after a match, limited to the sentence that contains it."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    return text[left:start], text[end:right]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text))


# An indirect phrase ("ik zie het niet meer zitten", "nobody would miss me") is also said about
# work: it is waived when its sentence names work and nothing about life or home.
WORK_WORDS = wordset("""
    werk baan job functie project projecten plan plannen planning team teams afdeling
    vergadering vergaderingen overleg meeting meetings deadline deadlines klant klanten opdracht
    opdrachten rapport presentatie dienst diensten rooster collega collegas baas leidinggevende
    manager directeur directie organisatie bedrijf kantoor school klas les lessen reorganisatie
    werkdruk sprint release budget vakantie ontslag sollicitatie promotie beoordeling
    functioneringsgesprek evaluatie rol taak taken mail email review deploy code client clients
    report office company department boss shift shifts role promotion appraisal performance work
    career firm vendor contract proposal voorstel dossier bug ticket tickets agenda
    filiaal vestiging omzet personeel winkel bedrijfsleider
    """)
LIFE_WORDS = wordset("""
    leven life dood dead bestaan exist alive live living mezelf mijzelf myself alles everything
    niks niets nothing niemand nobody thuis home gezin familie kinderen family kids
    """)

# Whom a signal is about: the writer, or someone they care for or teach at work.
_FIRST_PERSON = wordset("ik me mij mezelf mijzelf mijn mn i im ive id ill myself my")
_ROLE_NOUNS = re.compile(
    r"\b(client\w*|patient\w*|leerling\w*|bewoner\w*|jongere\w*|pupil\w*|student\w*|"
    r"deelnemer\w*|gedetineerde\w*|gedetineerden|cursist\w*|resident\w*|inmate\w*|"
    r"pupil|zorgvrager\w*|kind uit (mijn|mn) (klas|groep)|leerlingen|kid in my class|"
    r"mentee\w*|hulpvrager\w*|caller\w*|beller\w*|youngster\w*|teenager\w*|tiener\w*)\b"
)


def about(norm: str, start: int, end: int) -> str:
    """'other' when a signal's sentence is about a client, patient or pupil, not the writer."""
    before, after = _sentence_around(norm, start, end)
    match = norm[start:end]
    if _words(match) & _FIRST_PERSON:
        return "self"
    return "other" if _ROLE_NOUNS.search(before + " " + match + " " + after) else "self"


# --- rules ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    level: str
    pattern: re.Pattern[str]
    indirect: bool = False
    catches: tuple[str, ...] = ()
    misses: tuple[str, ...] = ()
    # Names the subject ("zelfmoord", "self-harm", "afscheidsbrief") without saying it is the
    # writer's state now: a training, a past crisis or a client say the same word.
    topic: bool = False


@dataclass(frozen=True)
class Blank:
    """A figure of speech blanked out before the rules run ("career suicide")."""

    pattern: re.Pattern[str]
    catches: tuple[str, ...] = ()
    misses: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleHit:
    rule: Rule
    start: int
    end: int
    phrase: str
    about: str


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)
    blanks: list[Blank] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path = RULES_FILE) -> RuleSet:
        """Read and check the rules file; a rule without its examples is refused."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"The crisis rules in {path} cannot be read: {exc}") from None
        blanks = [
            Blank(_compile(b, path), tuple(b.get("catches", ())), tuple(b.get("misses", ())))
            for b in data.get("blank", [])
        ]
        rules = [_rule(r, path) for r in data.get("rule", [])]
        ids = [r.id for r in rules]
        if len(ids) != len(set(ids)):
            raise SettingsError(f"Two crisis rules in {path} share an id.")
        return cls(rules, blanks)

    def prepared(self, text: str) -> str:
        """The normalised text with figures of speech blanked (offsets kept)."""
        norm = normalise(text)
        for blank in self.blanks:
            norm = blank.pattern.sub(lambda m: "_" * len(m.group(0)), norm)
        return norm

    def hits(self, text: str) -> list[RuleHit]:
        """Every rule match in `text` that is not waived, in rule order."""
        norm = self.prepared(text)
        return [] if told_as_past(norm) or long_ago(norm) else self.matches(norm)

    def matches(self, norm: str) -> list[RuleHit]:
        """Every rule match in a prepared text (see `prepared`) that is not waived."""
        found: list[RuleHit] = []
        for rule in self.rules:
            for m in rule.pattern.finditer(norm):
                if rule.indirect and _about_work_only(norm, m.start(), m.end()):
                    continue
                phrase = m.group(0)
                found.append(RuleHit(rule, m.start(), m.end(), phrase, about(norm, *m.span())))
        return found


def _compile(entry: dict[str, object], path: Path) -> re.Pattern[str]:
    try:
        return re.compile(str(entry["pattern"]))
    except (KeyError, re.error) as exc:
        raise SettingsError(f"A crisis rule in {path} has no valid pattern: {exc}") from None


def _rule(entry: dict[str, object], path: Path) -> Rule:
    rid = str(entry.get("id", "?"))
    kind, level = str(entry.get("kind")), str(entry.get("level"))
    catches = tuple(str(c) for c in _list(entry.get("catches")))
    misses = tuple(str(c) for c in _list(entry.get("misses")))
    if kind not in KINDS:
        raise SettingsError(f"Crisis rule {rid} in {path}: unknown kind {kind!r}.")
    if level not in ("clear", "possible"):
        raise SettingsError(f"Crisis rule {rid} in {path}: level must be clear or possible.")
    if not catches or not misses:
        raise SettingsError(
            f"Crisis rule {rid} in {path} needs examples it catches and near misses it must "
            f"not catch; a rule without them is not used."
        )
    return Rule(
        rid,
        kind,
        level,
        _compile(entry, path),
        bool(entry.get("indirect")),
        catches,
        misses,
        bool(entry.get("topic")),
    )


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def _about_work_only(norm: str, start: int, end: int) -> bool:
    before, after = _sentence_around(norm, start, end)
    words = _words(before + " " + after)
    life = words & LIFE_WORDS or _words(norm[start:end]) & {"leven", "life", "alive", "bestaan"}
    return bool(words & WORK_WORDS) and not life


# --- the screen ---------------------------------------------------------------------------------


class Semantic(Protocol):
    """What the screen asks of the semantic half (app/adapters/safety_semantic.py)."""

    # Below this score the semantic half overrules rules that only name the subject (0: never).
    veto: float

    def judge(self, text: str) -> Verdict: ...


_ORDER = {k: i for i, k in enumerate(dict.fromkeys(["medical", "violence", "abuse", *KINDS]))}


class CrisisScreen:
    """Rules first, then the semantic screen; the surer and the more urgent answer wins."""

    def __init__(self, rules: RuleSet | None = None, semantic: Semantic | None = None) -> None:
        self.rules = rules or default_rules()
        self.semantic = semantic
        self._topics = frozenset(f"rule:{r.id}" for r in self.rules.rules if r.topic)

    def _topic(self, verdict: Verdict) -> bool:
        return verdict.source in self._topics

    def check(self, text: str) -> Verdict:
        norm = self.rules.prepared(text)
        if told_as_past(norm):
            return NONE  # a crisis told as over and handled, with nothing saying it is back
        candidates = [
            Verdict(h.rule.level, h.rule.kind, h.about, h.phrase, f"rule:{h.rule.id}")
            for h in ([] if long_ago(norm) else self.rules.matches(norm))
        ]
        if self.semantic is not None and not any(
            v.level == "clear" and v.about == "self" and not self._topic(v) for v in candidates
        ):
            judged = self.semantic.judge(text)
            if (
                candidates
                and all(self._topic(v) for v in candidates)
                and judged.score < self.semantic.veto
            ):
                # Only the subject is named, and the examples it resembles are ordinary ones
                # (a training, a crisis long over): calibrated to overrule no tuning signal.
                candidates = []
            if judged.flagged:
                # A rule that read the same sentence as being about a client decides whom it is
                # about: the examples of professionals are few, the wording is plain.
                if any(v.about == "other" and v.phrase in judged.phrase for v in candidates):
                    judged = dataclasses.replace(judged, about="other")
                candidates.append(judged)
        return strongest(candidates)


def strongest(verdicts: Iterable[Verdict]) -> Verdict:
    """The writer's own signal before someone else's, clear before possible, 112 kinds first."""
    ranked = sorted(
        (v for v in verdicts if v.flagged),
        key=lambda v: (v.about != "self", -LEVELS.index(v.level), _ORDER.get(v.kind, 99)),
    )
    return ranked[0] if ranked else NONE


@functools.lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The built-in rules, read once per process."""
    return RuleSet.load()


def detect_crisis(text: str) -> Verdict | None:
    """The rules alone (no embedder): the writer's strongest signal, or None."""
    verdict = CrisisScreen(default_rules()).check(text)
    return verdict if verdict.flagged else None
