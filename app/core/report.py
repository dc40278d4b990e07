"""The reflectieverslag: a short report in the person's own words, never invented.

Built by selection, not generation: the story told first is the situation, whole (its talk about
the talk left out); every later message is kept whole too, so that its sentences keep what they
lean on, and goes to what the person noticed about themselves, the pattern or insight, or their
voornemen by what it says (a plan, an insight, a feeling), otherwise by the phase it was said in. A
message that goes on into a plan is cut where the plan starts. Crisis turns are left out. A
section with nothing said stays honest about it.
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
from app.core.report_cleared import cleared
from app.core.report_kinds import ANYONE_IF, FAR_AHEAD, FIRM_STEP, OTHER_SIDE
from app.core.report_marks import (
    ALIKE,
    DECIDED,
    DECIDING,
    ERRAND_NOW,
    FIRM_PLAN,
    FIRST_PERSON_ANY,
    INSIGHT,
    MAYBE_THEN,
    OTHERS_SAY,
    OWN_STEP,
    SELF,
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
    _plan,
    _sentences,
    _unquoted,
)
from app.core.text import nl_spelled_out

_REPORTS = fixed_texts.load("reports")
HEADINGS: dict[str, dict[str, str]] = fixed_texts.by_lang(_REPORTS["reflection"])


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


def _units(turns: list[Turn], closing: str) -> dict[str, list[str]]:
    """The person's messages in the section each belongs to. The story told first is the
    situation, whole; every later message of the method is kept whole too (its sentences lean on
    each other: "Hij is 27 ... Hij zal gedacht hebben ..."), without its talk to the coach, and
    goes where what it says belongs. A message that goes on into a plan is cut where the plan
    starts: what comes before it goes where it belongs when it says something of its own."""
    sections: dict[str, list[str]] = {k: [] for k in ("situation", "self", "insight", "intent")}
    later: list[tuple[list[str], list[str], int]] = []
    back = cleared(turns)
    for i, turn in enumerate(turns):
        # Only turns of the method count: never a crisis (unless the person cleared it), the care
        # after it, a request to do something else, an advice request or the closing itself.
        method = i in back or (not turn.crisis and turn.kind == "reflect")
        if not method or not turn.user.strip():
            continue
        phase = turn.phase or 1
        if not sections["situation"] and not later:
            sections["situation"], sections["self"] = _story(turn.user)
            continue
        sentences = _sentences(turn.user, 99)
        if sentences:
            later.append((sentences, [_bucket(_plain(s), phase) for s in sentences], phase))
    cuts = [_plan_start(said, where, phase, firm=True) for said, where, phase in later]
    if all(cut is None for cut in cuts):
        # no plan said as one: the steps of the person's own named late are their voornemen
        cuts = [_plan_start(s, w, p, firm=False) if p >= 4 else None for s, w, p in later]
    for (said, where, phase), cut in zip(later, cuts, strict=True):
        if cut is not None:
            head = list(zip(said[:cut], where[:cut], strict=True))
            if any(w in ("self", "insight") or _felt(s) for s, w in head):
                sections[_kind(head, phase)].append(" ".join(said[:cut]))
            else:
                cut = 0
            # a pattern named after the plan ("Ik doe dat altijd, alles inslikken.") is none of it
            tail = next(
                (n for n, w in enumerate(where[cut + 1 :], cut + 1) if w == "insight"), None
            )
            if tail is not None and not any(_firm(x) for x in said[tail:]):
                sections["intent"].append(" ".join(said[cut:tail]))
                sections["insight"].append(" ".join(said[tail:]))
                continue
            sections["intent"].append(" ".join(said[cut:]))
            continue
        sections[_kind(list(zip(said, where, strict=True)), phase)].append(" ".join(said))
    if closing and not sections["intent"]:
        # "Ik bel morgen Kees. Ik stop ermee.": a step named only while stopping is the plan;
        # its goodbye and errands ("ik ga nu koken", "right, off to bed") are not.
        kept = [
            s
            for s in _sentences(closing, 3)
            if not intents.says_goodbye(s) and not ERRAND_NOW.search(s) and _plan(s)
        ]
        sections["intent"] += [" ".join(kept)] if kept else []
    return sections


def _plan_start(said: list[str], where: list[str], phase: int, firm: bool) -> int | None:
    """Where the plan in a message starts: its first step of the person's own, said as a plan
    ("Maandag vraag ik Sharon ...", "I'll go in early") when `firm`, any step when not."""
    if phase < 2:
        return None  # the story told first holds no plan
    for n, (sentence, w) in enumerate(zip(said, where, strict=True)):
        if not firm and w == "intent":
            return n
        # a sentence with its follow-up joined to it: the plan may be in the follow-up ("Een
        # kort berichtje via de secretaris. En de volgende keer stel ik eerst een vraag.")
        parts = re.split(r"(?<=[.!?])\s+", sentence) if phase >= 4 else [sentence]
        if firm and any(_firm(p) and (phase >= 4 or w == "intent") for p in parts):
            return n
    return None


def _firm(sentence: str) -> bool:
    plain = _plain(_unquoted(sentence))
    if ERRAND_NOW.search(plain) or FAR_AHEAD.search(plain) or ANYONE_IF.search(plain):
        return False
    if fear_ahead(plain.lower()):
        return False  # "Ik denk dat ik bang ben dat ik het niet meer ga kunnen leren"
    if not FIRST_PERSON_ANY.search(plain):
        return False
    return bool(FIRM_STEP.search(plain) or _plan(plain))


def _kind(part: list[tuple[str, str]], phase: int) -> str:
    """Where a message without a plan belongs: what the person came to see, what they noticed
    in themselves, or (what others did, how things were) the situation early on and an insight
    later."""
    where = [w for _, w in part]
    if "insight" in where or (phase >= 2 and OTHER_SIDE.match(_plain(part[0][0]))):
        return "insight"  # what they came to see, or the other's side seen now ("Hij zal ...")
    if where[0] == "self" or _felt(part[0][0]):
        return "self"  # "Mortified. That's the word. ... I always tell the young ones ..."
    if any(_own_habit(_plain(s)) for s, _ in part):
        return "insight"  # "... when I am careful I always feel a bit ashamed"
    if "self" in where or any(_felt(s) for s, _ in part):
        return "self"
    return "situation" if phase <= 2 else "insight"


def _story(text: str) -> tuple[list[str], list[str]]:
    """The story told first, paragraph by paragraph, without its talk about the talk ("ik ga
    proberen dit op een rij te zetten") or its questions; how it left the person, said at its
    end ("Nu zit ik thuis en ben ik er chagrijnig van."), is what they noticed in themselves."""
    paragraphs = [_sentences(p, 99) for p in re.split(r"\n+", text) if p.strip()]
    paragraphs = [p for p in paragraphs if p]
    felt: list[str] = []
    while paragraphs and len(felt) < 2 and _felt_now(paragraphs[-1][-1]):
        if len(paragraphs) == 1 and len(paragraphs[0]) == 1:
            break  # a story of one sentence stays the story
        felt.insert(0, paragraphs[-1].pop())
        paragraphs = [p for p in paragraphs if p]
    return [" ".join(p) for p in paragraphs], [" ".join(felt)] if felt else []


def _felt(sentence: str) -> bool:
    """A feeling named anywhere in the sentence: "Ook wel schrik eerlijk gezegd."."""
    return _names_feeling(sentence, _lang_of(sentence))


def _plain(sentence: str) -> str:
    return nl_spelled_out(sentence) if _lang_of(sentence) == "nl" else sentence


def build(turns: list[Turn], lang: str, title: str = "", closing: str = "") -> str:
    """The report for `turns`; `closing` is the message that asked to stop, whose statements
    before the request count when no plan was named before ("Ik bel morgen Kees. Ik stop
    ermee.")."""
    h = HEADINGS["en" if lang == "en" else "nl"]
    sections = _units(turns, closing)
    when = time.strftime("%Y-%m-%d")
    if lang == "en" and title.startswith("Reflectie "):
        title = "Reflection " + title[len("Reflectie ") :]
    lines = [f"# {h['title']}: {title}" if title else f"# {h['title']}", ""]
    lines += [f"*{when}. {h['own_words']}*", ""]
    headings = (
        ("situation", "situation"),
        ("self", "noticed"),
        ("insight", "insight"),
        ("intent", "intention"),
    )
    for key, heading_key in headings:
        lines += [f"## {h[heading_key]}", ""]
        items = sections[key]
        if key == "situation" and items:
            lines += ["\n\n".join(items)]
        elif items:
            lines += [f"- {s}" for s in items]
        else:
            lines.append(h["no_intention"] if key == "intent" else h["not_discussed"])
        lines.append("")
    return "\n".join(lines).strip() + "\n"
