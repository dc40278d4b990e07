"""A feeling named without a sentence around it, said back as a feeling ("Boos, echt." -> "Je was
boos, echt."), and whether a text names a feeling at all.

Role: used by app/core/reflection_turn.py, the report and the question fit.
Must not: add words beyond the fixed frame of a feeling.
"""

from __future__ import annotations

import re

from app.core.reading import AMBIGUOUS_FEELINGS, FEELING_NOUNS, FEELINGS
from app.core.text import wordset

FEELING_FRAGMENT = {"nl": "Je voelde je {text}.", "en": "You felt {text}."}


_FEELS_BEFORE = r"\b(feel|feels|felt|feeling|voel\w*|ben|was|werd|word|i'm|im|am|was)( \w+){0,2} "


def _names_feeling(text: str, lang: str) -> bool:
    low = text.lower()
    # "geen spijt", "no regret": a feeling named to say it is not there
    said = re.sub(r"\b(geen|no|zonder|without)\s+\w+", " ", low)
    if any(w in FEELING_NOUNS[lang] for w in re.findall(r"\w+", said)):
        return True
    for f in FEELINGS[lang]:
        if not re.search(rf"\b{re.escape(f)}\b", low):
            continue
        if f not in AMBIGUOUS_FEELINGS or re.search(_FEELS_BEFORE + re.escape(f) + r"\b", low):
            return True
    return False


# Said with "voelen", not "zijn": "Je voelde je beroerd", not "Je was beroerd".
_FELT_AS = wordset(
    "beroerd rot ellendig klote ongemakkelijk schuldig machteloos klein dom onzeker eenzaam "
    "leeg misselijk naar opgelaten nutteloos waardeloos overbodig kut"
)
_DEGREE_FEELING = re.compile(
    r"^(?P<deg>(a bit|a little|kind of|pretty|quite|een beetje|best|nogal|wel een beetje)\s+)?"
    r"(?P<feel>[^\W\d_]+)(?P<tail>,?\s+(talking about it now|about it now|right now|now|"
    r"telling you this|nu|nu ik het vertel|nu ik erover praat|om het nu te vertellen))?$",
    re.I,
)


_OFTEN_FEELING = re.compile(
    r"^(meestal|vaak|soms|altijd|usually|often|sometimes|always|mostly)\s+([^\W\d_]+)$", re.I
)
_DEGREE_WORDS = wordset(
    "mostly really so very a bit and echt vooral heel erg zo en wel ook eigenlijk gewoon"
)


_HEDGED = re.compile(
    r"^(\w+),?\s+(misschien|denk ik|geloof ik|i think|maybe|perhaps|i guess|probably)$", re.I
)
_HEDGE_BACK = {"denk ik": "denk je", "geloof ik": "geloof je", "i think": "you think"}
_HEDGE_BACK |= {"i guess": "you guess"}


def _feeling_fragment(core: str, lang: str) -> str | None:
    """A feeling named without a sentence around it, "Humiliated, mostly." or "Boos, echt.",
    said back as a feeling: "You felt humiliated, mostly."."""
    text = re.sub(r"[\s.!…]+$", "", core).strip()
    hedged = _HEDGED.match(text)
    if hedged and hedged[1].lower() in (*FEELINGS[lang], *FEELING_NOUNS[lang]):
        # "Schaamte misschien." -> "Schaamte, misschien.": the person's doubt stays with it
        hedge = hedged[2].lower()
        return f"{hedged[1][:1].upper()}{hedged[1][1:].lower()}, {_HEDGE_BACK.get(hedge, hedge)}."
    degreed = _DEGREE_FEELING.match(text)
    if degreed and degreed.group("feel").lower() in FEELINGS[lang]:
        # "a bit embarrassed talking about it now" -> "You feel a bit embarrassed talking
        # about it now."; "een beetje beschaamd" -> "Je was een beetje beschaamd."
        said = text[:1].lower() + text[1:]
        feel = degreed.group("feel").lower()
        felt = re.match(r"ge\w+[dt]$", feel) or feel in _FELT_AS  # "gepasseerd", "beroerd"
        now = {"nl": "Je voelt je {t}." if felt else "Je bent {t}.", "en": "You feel {t}."}
        then = {"nl": "Je voelde je {t}." if felt else "Je was {t}.", "en": "You felt {t}."}
        if degreed.group("tail"):
            return now[lang].format(t=said)
        if degreed.group("deg"):
            return then[lang].format(t=said)
    often = _OFTEN_FEELING.match(text)
    if often and often.group(2).lower() in FEELINGS[lang]:
        # "meestal boos" -> "Je bent meestal boos.": how it usually is, said in the present
        feel = often.group(2).lower()
        felt = lang == "nl" and (re.match(r"ge\w+[dt]$", feel) or feel in _FELT_AS)
        form = {"nl": "Je voelt je {t}." if felt else "Je bent {t}.", "en": "You're {t}."}[lang]
        return form.format(t=text.lower())
    words = re.findall(r"[\w'-]+", text.lower())
    if words and len(words) <= 3 and words[0] in FEELING_NOUNS[lang]:
        # "Schaamte, vooral." -> "Je voelde vooral schaamte."
        most = [w for w in words[1:] if w in ("vooral", "mostly", "eigenlijk", "echt")]
        if len(most) == len(words) - 1:
            form = {"nl": "Je voelde {most}{noun}.", "en": "You felt {most}{noun}."}[lang]
            return form.format(most=most[0] + " " if most else "", noun=words[0])
    if not words or len(words) > 4 or words[0] not in FEELINGS[lang]:
        return None
    rest = set(words[1:]) - _DEGREE_WORDS
    if rest - set(FEELINGS[lang]):
        return None
    form = FEELING_FRAGMENT[lang]
    if lang == "nl" and not (re.match(r"ge\w+[dt]$", words[0]) or words[0] in _FELT_AS):
        form = "Je was {text}."  # "Je was boos.", but "Je voelde je gepasseerd."
    said = form.format(text=text[:1].lower() + text[1:])
    # "Je voelde je beroerd eigenlijk." -> "Je voelde je eigenlijk beroerd."
    return re.sub(
        r"^(Je voelde je|Je was) (\w+),? (eigenlijk|vooral|echt|ook wel|ook)\.$", r"\1 \3 \2.", said
    )


_NOW_TAIL = re.compile(r"\b(als (ik|je) eraan denk|nu|nog steeds|nog altijd)\w*\b", re.I)


def bare_feeling(first: str, rest: str | None, lang: str, turned: bool = False) -> str | None:
    """A second feeling said without a verb, after a first said with one: "Je voelde schaamte"
    + "ook een beetje boos" -> "je was ook een beetje boos" (not "Je voelde schaamte en ook een
    beetje boos"); in the present when the person is still in it ("als ik eraan denk").
    `turned`: `rest` is already said back (a sentence with its own subject stays as it is)."""
    if rest is None or turned and re.match(r"(Je|Jij|You|I)\b", rest):
        return rest
    bare = re.sub(r"[\s.!…]+$", "", rest[:1].lower() + rest[1:] if turned else rest)
    if lang != "nl" or not re.match(r"Je voelde (?!je\b)", first):
        return rest if turned else bare + "."
    words = re.findall(r"[^\W\d_]+", bare.lower())
    head = next((w for w in words if w not in _DEGREE_WORDS and w not in ("een", "beetje")), "")
    if head not in FEELINGS["nl"] and head not in _FELT_AS or head in FEELING_NOUNS["nl"]:
        return rest if turned else bare + "."
    now = bool(_NOW_TAIL.search(bare))
    felt = re.match(r"ge\w+[dt]$", head) or head in _FELT_AS
    verb = ("je voelt je" if now else "je voelde je") if felt else ("je bent" if now else "je was")
    return f"{verb} {bare}."


def feeling_again(first: str, second: str, lang: str) -> bool:
    """The second part ends on a feeling the first already names: "You felt shame." and "you
    felt mostly shame" are one feeling, said once."""
    last = re.sub(r"\W", "", second.split()[-1].lower()) if second.split() else ""
    return bool(last) and _names_feeling(last, lang) and last in first.lower()
