"""The reflectieverslag: a short report in the person's own words, never invented.

Built by selection, not generation: whole sentences the person wrote are sorted into situation,
what they noticed about themselves, the pattern or insight, and their voornemen: a plan or an
insight by what it says, anything else by the phase it was said in. Crisis turns are left out.
A section with nothing said stays honest about it.
"""

from __future__ import annotations

import re
import time

from app.core import fixed_texts, intents, style
from app.core.answer_marks import to_coach
from app.core.feeling_said import _feeling_fragment, _names_feeling
from app.core.names import capitalise_names
from app.core.perspective import _participle
from app.core.reading import _past
from app.core.reading_marks import habitual
from app.core.records import Turn
from app.core.report_marks import (
    ADDING,
    ADDS_TO,
    ALWAYS,
    ANSWER_WORD,
    APOSTROPHE,
    CHATTER,
    DECIDED,
    DECIDING,
    ERRAND_NOW,
    FELT,
    FIRM_PLAN,
    FIRST_PERSON,
    FIRST_PERSON_ANY,
    FRANK,
    HEADLESS,
    INSIGHT,
    LEANS,
    LINKING,
    NOT_KNOWING,
    ON_A_DAY,
    OPENING_FILLER,
    OTHERS_SAY,
    OWN_CLAUSE,
    OWN_STEP,
    PATTERN_WORD,
    PLAN,
    POINTS_BACK,
    QUOTE,
    SAID_THEN,
    SELF,
    STEP_DETAIL,
    TENDS,
    THIRD_PERSON,
    TOLD,
    WHEN,
    WHENEVER,
    WISH,
)
from app.core.text import en_spelled_out

_REPORTS = fixed_texts.load("reports")
HEADINGS: dict[str, dict[str, str]] = fixed_texts.by_lang(_REPORTS["reflection"])


def _sentences(text: str, limit: int, rank: bool = False, opening: bool = False) -> list[str]:
    """Whole statements of at least four words; no fragments that lean on what came before,
    nothing trailing off, no questions to the coach, no closing courtesies."""
    out: list[str] = []
    for s in style.sentences(text):
        s = s.strip()
        # What the person quotes of others is theirs to quote: "Anouk zei: 'Wat vind jij
        # ervan?'" tells the event, it asks the coach nothing.
        own = QUOTE.sub("«»", s).strip()
        if own.endswith(("...", "…", "?")) or re.search(r"\w(\.\.\.|…)\s", own):
            continue  # trailing off, or breaking off halfway: "Ik voel me... hoe zeg je."
        if HEADLESS.match(ANSWER_WORD.sub("", s)) and not _bare_feeling(s):
            continue  # "Nee, eigenlijk meer moe.", "Het publieke vooral denk ik.": an answer's tail
        if ADDS_TO.match(s) and out:
            out[-1] = f"{out[-1]} {_tidy(s)}"
            continue
        if len(s.split()) < 4:
            if _bare_feeling(s) or (FELT.search(s) and _names_feeling(s, _lang_of(s))):
                out.append(s[:1].upper() + s[1:])  # "Humiliated, mostly.", "Ik schaamde me."
            continue
        if intents.wants_to_stop(s) or re.match(r"^(dank|bedankt|thanks|thank you)\b", s, re.I):
            continue
        if CHATTER.search(own) or NOT_KNOWING.match(s) or to_coach(s):
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
    if len(out) <= limit or not rank:
        return out[:limit]
    return _pick(out, limit, opening)


def _pick(out: list[str], limit: int, opening: bool = False) -> list[str]:
    """At most `limit` of the sentences, in the order they were said."""
    if len(out) <= limit:
        return out

    # More than fit: what the person felt, did, saw in themselves or plans goes before plain
    # context (in the story told first, its opening stays: it says what it is about); the
    # order they said it in stays.
    def weight(i: int) -> int:
        if not opening:
            return _weight(out[i])
        told = 2 * (i == 0 or bool(WHEN.search(out[i]))) + _own_past(out[i])
        return _weight(out[i]) + told + bool(SAID_THEN.search(out[i]))

    ranked = sorted(range(len(out)), key=lambda i: (-weight(i), i))[:limit]
    return [out[i] for i in sorted(ranked)]


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
    s = OPENING_FILLER.sub("", s) or s  # "Ja misschien gewoon even vragen ..."
    if s and s[-1].isalnum():
        s += "."
    s = capitalise_names(s)  # "ik zei het tegen petra" -> "... tegen Petra"
    return s[:1].upper() + s[1:]


def _bare_feeling(fragment: str) -> bool:
    """A feeling named alone, "Boos." or "Humiliated, mostly.": short, and the person's own."""
    core = FRANK.sub("", fragment.strip())  # "mostly embarrassed tbh", "boos eerlijk gezegd"
    return any(_feeling_fragment(core, lang) for lang in ("nl", "en"))


def _weight(sentence: str) -> int:
    low = sentence.lower()
    return (
        2 * bool(_plan(sentence) or INSIGHT.search(sentence))
        + bool(habitual(low) or TENDS.search(sentence))
        + bool(FELT.search(sentence))
    )


def _bucket(sentence: str, phase: int) -> str:
    """Where a sentence belongs: a plan is a voornemen and an insight an insight whenever it
    was said; otherwise the phase it was said in decides, and late in the conversation only a
    step of the person's own is a voornemen ("" when it belongs nowhere). A sentence with its
    follow-up joined to it ("... Dan ga ik het zelf doen.") goes where its first part goes."""
    whole, sentence = sentence, re.split(r"(?<=[.!?])\s+", sentence, maxsplit=1)[0]
    if _bare_feeling(sentence) and phase >= 2:
        return "self"  # "Guilt." is what the person noticed in themselves, whenever said
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
    if INSIGHT.search(sentence) and phase >= 2:
        return "insight"
    if phase >= 4:
        # A pattern named late is an insight; anything else said then that is no step of the
        # person's own is context, left out.
        if habitual(sentence.lower()) or TENDS.search(sentence):
            return "insight"
        if WISH.search(sentence.split(":")[0]):  # not in what they will say: "Zeggen: ik wil"
            return "insight"
        return "intent" if OWN_STEP.search(sentence) else ""
    if not _about_self(whole) and (phase == 2 or (phase == 3 and _others_did(whole))):
        # "Mijn leidinggevende heet Kees.", "Dat heeft hij één keer gezegd.": what happened,
        # not what they noticed or came to see in themselves
        return "context"
    return {1: "situation", 2: "self", 3: "insight"}.get(phase, "intent")


def _others_did(sentence: str) -> bool:
    """Someone else's act or words, with no sign of a pattern: "Richard said 'noted'", not
    "My dad was exactly like that" or "Did the same with my old manager"."""
    return bool(THIRD_PERSON.match(sentence)) and not PATTERN_WORD.search(_unquoted(sentence))


def _unquoted(sentence: str) -> str:
    """The sentence with what the person quotes left out: someone else's words, not theirs."""
    return QUOTE.sub("…", sentence)


def _lang_of(sentence: str) -> str:
    return "en" if re.search(r"\b(i|the|and|it)\b", sentence, re.I) else "nl"


def _about_self(sentence: str) -> bool:
    """The person's own act, thought or feeling, not what others did or how things were."""
    return bool(SELF.search(_unquoted(sentence))) or _names_feeling(sentence, _lang_of(sentence))


def _plan(sentence: str) -> bool:
    if PLAN.search(sentence):
        return True
    return bool(ON_A_DAY.search(sentence)) and not (
        re.search(r"\b(vorige|afgelopen|last)\b", sentence, re.I)
        or _past(sentence, _lang_of(sentence))
    )


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
        elif key == "self" and len(items) > 4:
            items = items[:1] + items[-3:]  # how the story left them, and what they found later
        else:
            items = items[-4:]
        if items:
            lines += [f"- {s}" for s in items]
        else:
            lines.append(h["no_intention"] if key == "intent" else h["not_discussed"])
        lines.append("")
    return "\n".join(lines).strip() + "\n"
