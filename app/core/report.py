"""The reflectieverslag: a short report in the person's own words, never invented.

Built by selection, not generation: whole sentences the person wrote are sorted into situation,
what they noticed about themselves, the pattern or insight, and their voornemen: a plan or an
insight by what it says, anything else by the phase it was said in. Crisis turns are left out.
A section with nothing said stays honest about it.
"""

from __future__ import annotations

import re
import time

from app.core import fixed_texts, intents
from app.core.fear_marks import fear_ahead
from app.core.feeling_said import _names_feeling
from app.core.reading import _past
from app.core.reading_marks import habitual
from app.core.records import Turn
from app.core.report_marks import (
    ALIKE,
    DECIDED,
    DECIDING,
    ERRAND_NOW,
    FIRM_PLAN,
    FIRST_PERSON,
    FIRST_PERSON_ANY,
    INSIGHT,
    MAYBE_THEN,
    OTHERS_SAY,
    OWN_STEP,
    SELF,
    STEP_DETAIL,
    THINK_I,
    TOLD,
    WHENEVER,
    WISH,
)
from app.core.report_sentences import (
    _bare_feeling,
    _felt_now,
    _lang_of,
    _own_habit,
    _own_past,
    _pick,
    _plan,
    _sentences,
    _unquoted,
)

_REPORTS = fixed_texts.load("reports")
HEADINGS: dict[str, dict[str, str]] = fixed_texts.by_lang(_REPORTS["reflection"])


def _strongest(items: list[str], key: str, limit: int = 4) -> list[str]:
    """At most `limit` of what the person noticed or came to see, in the order said: a feeling
    they name before a worry or a thought (the first said stays: how the story left them), an
    insight or a habit of their own before a plain remark; the later said before the earlier."""

    def strength(i: int) -> int:
        s = items[i]
        if key == "self":
            feeling = _bare_feeling(s) or _names_feeling(s, _lang_of(s))
            return 2 * bool(feeling) + (i == 0)
        # "ik denk dat ik ..." alone is a thought, not yet an insight
        strong = INSIGHT.search(THINK_I.sub("", s))
        return 2 * bool(strong) + bool(_own_habit(s) or ALIKE.search(s) or _about_self(s))

    ranked = sorted(range(len(items)), key=lambda i: (-strength(i), -i))[:limit]
    return [items[i] for i in sorted(ranked)]


def _bucket(sentence: str, phase: int) -> str:
    """Where a sentence belongs: a plan is a voornemen and an insight an insight whenever it
    was said; otherwise the phase it was said in decides, and late in the conversation only a
    step of the person's own is a voornemen ("" when it belongs nowhere). A sentence with its
    follow-up joined to it ("... Dan ga ik het zelf doen.") goes where its first part goes."""
    whole, sentence = sentence, re.split(r"(?<=[.!?])\s+", sentence, maxsplit=1)[0]
    if _bare_feeling(sentence) and phase >= 2:
        return "self"  # "Guilt." is what the person noticed in themselves, whenever said
    if phase >= 2 and fear_ahead(_unquoted(sentence).lower()):
        return "self"  # "Wel een beetje bang dat ze ...": a worry about the plan is no plan
    # What the person quotes ("ik zei alleen 'oké, ik ga erop letten'") is not their plan.
    sentence = _unquoted(sentence)
    habit = habitual(sentence.lower()) or bool(WHENEVER.search(sentence))
    told = bool(TOLD.match(sentence))  # "Ik heb gezegd check de volgende keer gewoon in"
    # In the story told first, what the person did then is no plan, whatever day it names:
    # "ik heb ook nog gezegd dat ik morgen zeker vroeger zou komen".
    told = told or (phase <= 2 and _own_past(sentence) and not DECIDED.search(sentence))
    told = told or bool(OTHERS_SAY.search(sentence))  # "mijn leidinggevende zegt dat ik ..."
    if _plan(sentence) and (not habit or FIRM_PLAN.search(sentence)) and not told:
        return "intent"
    if WHENEVER.search(sentence) and phase >= 2 and FIRST_PERSON_ANY.search(sentence):
        return "insight"  # "zodra er een arts aan de lijn hangt, ga ik in vraagvorm praten"
    if DECIDING.match(sentence) and phase >= 4 and OWN_STEP.search(sentence):
        return "intent"  # "Ik denk dat ik het zo doe: niet weer bellen maar een kaartje."
    if INSIGHT.search(sentence) and phase >= 2:
        return "insight"
    if phase >= 4:
        # A pattern named late is an insight; anything else said then that is no step of the
        # person's own is context, left out.
        if _own_habit(sentence):
            return "insight"
        if WISH.search(sentence.split(":")[0]):  # not in what they will say: "Zeggen: ik wil"
            return "insight"
        if MAYBE_THEN.match(sentence) and _past(sentence, _lang_of(sentence)):
            return ""  # "Misschien ging het Henk helemaal niet om de regel.": no step
        return "intent" if OWN_STEP.search(sentence) else ""
    if not _about_self(whole) and (phase == 2 or (phase == 3 and not _others_alike(whole))):
        # "Mijn leidinggevende heet Kees.", "Dat heeft hij één keer gezegd.": what happened,
        # not what they noticed or came to see in themselves
        return "context"
    return {1: "situation", 2: "self", 3: "insight"}.get(phase, "intent")


def _others_alike(sentence: str) -> bool:
    """Others seen as a pattern: "My dad was exactly like that", "Did the same with my old
    manager"; not "Richard said 'noted'" or "Komt van kantoor en heeft nooit op de bus
    gezeten" (what someone did or is, told in the middle of the conversation)."""
    plain = _unquoted(sentence)
    return bool(INSIGHT.search(plain) or ALIKE.search(plain))


def _about_self(sentence: str) -> bool:
    """The person's own act, thought or feeling, not what others did or how things were."""
    return bool(SELF.search(_unquoted(sentence))) or _names_feeling(sentence, _lang_of(sentence))


def _opening(text: str, phase: int, k: int) -> list[tuple[str, int, int]]:
    """The story told first: what happened goes to the situation, how the person felt about it
    (at most two sentences, the last ones) to what they noticed in themselves."""
    every = _sentences(text, 99)
    felt = [s for s in every if _felt_now(s)][-2:]
    story = _pick([s for s in every if s not in felt], 5, opening=True)
    return [(s, phase, k) for s in story] + [(s, 2, k) for s in felt]


def _sorted(turns: list[Turn], closing: str) -> dict[str, list[str]]:
    """The person's chosen sentences, each in the section it belongs to."""
    buckets: dict[str, list[str]] = {
        "situation": [],
        "self": [],
        "insight": [],
        "intent": [],
        "context": [],
    }
    said: list[tuple[str, int, int]] = []
    last_phase = 1
    for k, turn in enumerate(turns):
        # Only turns of the method count: never a crisis, the care after it, a request to do
        # something else, an advice request or the closing itself.
        if turn.crisis or turn.kind != "reflect" or not turn.user.strip():
            continue
        last_phase = turn.phase or 1
        if not said:
            said += _opening(turn.user, last_phase, k)
            continue
        # late in the conversation a step may come in several sentences
        chosen = _sentences(turn.user, 4 if last_phase >= 4 else 3, rank=True)
        said += [(s, last_phase, k) for s in chosen]
    if closing:
        # its goodbye ("ik ga nu koken", "right, off to bed") is not part of the reflection
        kept = [
            s
            for s in _sentences(closing, 3)
            if not intents.says_goodbye(s) and not ERRAND_NOW.search(s)
        ]
        said += [(s, last_phase, len(turns)) for s in kept]
    before = ("", -1, -1)
    late_steps: list[str] = []  # filed as insight, said late, worded as a step of their own
    for n, (sentence, phase, k) in enumerate(said):
        where = _bucket(sentence, phase)
        if (
            where == "insight"
            and phase >= 4
            and (OWN_STEP.search(sentence) or DECIDING.match(sentence))
        ):
            late_steps.append(sentence)
        if not where and before[:2] == ("insight", n - 1) and FIRST_PERSON.match(sentence):
            where = "insight"  # "I've noticed I do this a lot. I absorb things to keep ..."
        if before == ("intent", n - 1, k) and STEP_DETAIL.match(sentence):
            # "Uitleggen hoe we dat aanpakken." right after the plan details that plan.
            buckets["intent"][-1] = f"{buckets['intent'][-1]} {sentence}"
            before = ("intent", n, k)
            continue
        before = (where, n, k)
        if not where:
            continue
        bucket = buckets[where]
        if sentence not in bucket:
            bucket.append(sentence)
    if not buckets["intent"] and late_steps:
        # "Ik denk dat ik niks in de groep zet.": the only step they named is their voornemen
        step = late_steps[-1]
        buckets["insight"] = [s for s in buckets["insight"] if s != step]
        buckets["intent"].append(step)
    return buckets


def build(turns: list[Turn], lang: str, title: str = "", closing: str = "") -> str:
    """The report for `turns`; `closing` is the message that asked to stop, whose statements
    before the request count too ("Ik bel morgen Kees. Ik stop ermee.")."""
    h = HEADINGS["en" if lang == "en" else "nl"]
    buckets = _sorted(turns, closing)
    # What others did goes with the situation while it has room; said in the middle of the
    # conversation with nothing of the person's own beside it, it is what they noticed.
    room = max(0, 4 - len(buckets["situation"]))
    buckets["situation"] += buckets["context"][:room]
    if not buckets["self"]:
        buckets["self"] = buckets["context"][room:]
    when = time.strftime("%Y-%m-%d")
    if lang == "en" and title.startswith("Reflectie "):
        title = "Reflection " + title[len("Reflectie ") :]
    lines = [f"# {h['title']}: {title}" if title else f"# {h['title']}", ""]
    lines += [f"*{when}. {h['own_words']}*", ""]
    sections = (("situation", "situation"), ("self", "noticed"), ("insight", "insight"))
    for key, heading_key in (*sections, ("intent", "intention")):
        heading = h[heading_key]
        lines += [f"## {heading}", ""]
        items = buckets[key]
        if key == "situation":
            items = items[:5]
        elif key == "intent":
            items = items[-4:]
        else:
            items = _strongest(items, key)
        if items:
            lines += [f"- {s}" for s in items]
        else:
            lines.append(h["no_intention"] if key == "intent" else h["not_discussed"])
        lines.append("")
    return "\n".join(lines).strip() + "\n"
