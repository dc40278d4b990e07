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
from app.core.report_marks import CHATTER, INSIGHT, LINKING, PLAN

_REPORTS = fixed_texts.load("reports")
HEADINGS: dict[str, dict[str, str]] = fixed_texts.by_lang(_REPORTS["reflection"])


# What only adds to the sentence before: "Op hem, maar stiekem meer op mezelf.", "Voor hem,
# maar ook voor mezelf."
_ADDS_TO = re.compile(
    r"^(op|voor|tegen|naar|over|vooral|meer|at|for|with|about|mostly|especially) "
    r"(hem|haar|ze|hen|mezelf|mijzelf|iedereen|him|her|them|myself|everyone)\b",
    re.I,
)
_NOT_KNOWING = re.compile(
    r"^(weet ik (het )?niet|ik weet (het )?niet|geen idee|i don'?t know|no idea)\b|"
    # "Weet ik eigenlijk niet." alone; "Weet ik eigenlijk niet wat ze bedoelt." says something.
    r"^(weet ik (het )?|ik weet (het )?)(eigenlijk|ook) niet\W*$|^i don'?t really know\W*$",
    re.I,
)
# A sentence that says "like that" about what came before: "My first manager was like that."
_POINTS_BACK = re.compile(
    r"\b(was|is|were|are|deed|doet|did|does) (ook )?(like that|just like that|the same|net zo|"
    r"precies zo|ook zo)\b|^the one who\b",
    re.I,
)
_LEANS = re.compile(
    r"^(dan|zodat|daarom|daardoor|tenminste|zonder|behalve|then|so that|which|without|"
    r"dat (is|was|klinkt|denk)|that'?s|that (is|was|sounds)|like it|al (heeft|had|is|was|"
    r"zegt|zei)|alsof|omdat|terwijl|although|even though|as if|because)\b",
    re.I,
)


# The tail of an answer, with no head of its own: "eigenlijk meer moe", "het publieke vooral
# denk ik", "more the silence". Read alone in a report it says nothing.
_HEADLESS = re.compile(
    r"^(eigenlijk |toch |ook )?(meer|eerder|vooral|more|rather|mostly)\b(?!,?\s+(dat|omdat|that|"
    r"because|i|ik)\b)|"
    r"^([\w'-]+ ){1,3}(vooral|mostly|especially)( denk ik| i think| i guess)?\W*$",
    re.I,
)


_ANSWER_WORD = re.compile(r"^(nee|no|nope|ja|yes|yeah|nou|well|hmm+)\W+", re.I)


def _sentences(text: str, limit: int, rank: bool = False, opening: bool = False) -> list[str]:
    """Whole statements of at least four words; no fragments that lean on what came before,
    nothing trailing off, no questions to the coach, no closing courtesies."""
    out: list[str] = []
    for s in style.sentences(text):
        s = s.strip()
        if s.endswith(("...", "…", "?")) or re.search(r"\w(\.\.\.|…)\s", s):
            continue  # trailing off, or breaking off halfway: "Ik voel me... hoe zeg je."
        if _HEADLESS.match(_ANSWER_WORD.sub("", s)):
            continue  # "Nee, eigenlijk meer moe.", "Het publieke vooral denk ik.": an answer's tail
        if _ADDS_TO.match(s) and out:
            out[-1] = f"{out[-1]} {_tidy(s)}"
            continue
        if len(s.split()) < 4:
            if _bare_feeling(s) or (_FELT.search(s) and _names_feeling(s, _lang_of(s))):
                out.append(s[:1].upper() + s[1:])  # "Humiliated, mostly.", "Ik schaamde me."
            continue
        if intents.wants_to_stop(s) or re.match(r"^(dank|bedankt|thanks|thank you)\b", s, re.I):
            continue
        if CHATTER.search(s) or _NOT_KNOWING.match(s) or to_coach(s):
            continue
        if (_LEANS.match(s) or LINKING.match(s) or _POINTS_BACK.search(s)) and out:
            # "Dan ga ik het zelf doen.", "Maar misschien ..." belong to what came before.
            out[-1] = f"{out[-1]} {_tidy(s)}"
            continue
        if LINKING.match(s) or _LEANS.match(s):
            continue  # "Of dat ...", "Alsof ..." opening a message lean on the message before
        out.append(_tidy(s))
    if len(out) <= limit or not rank:
        return out[:limit]

    # More than fit: what the person felt, did, saw in themselves or plans goes before plain
    # context (in the story told first, its opening stays: it says what it is about); the
    # order they said it in stays.
    def weight(i: int) -> int:
        if not opening:
            return _weight(out[i])
        told = 2 * (i == 0 or bool(_WHEN.search(out[i]))) + _own_past(out[i])
        return _weight(out[i]) + told + bool(_SAID_THEN.search(out[i]))

    ranked = sorted(range(len(out)), key=lambda i: (-weight(i), i))[:limit]
    return [out[i] for i in sorted(ranked)]


# What someone said or did to the person in the story: the event itself ("Rudi zei 'gij zijt
# ook al zo ene geworden'", "I shouted at him in front of everyone").
_SAID_THEN = re.compile(
    r"['‘“\"]\w|\b(zei|zegde|riep|schreeuwde|snauwde|beet|mailde|appte|said|shouted|yelled|"
    r"snapped|told me|emailed|texted)\b",
    re.I,
)


def _own_past(sentence: str) -> bool:
    """What the person did then, in their own sentence: "Ik heb niks gezegd", "I bit my tongue"."""
    lang = "en" if re.match(r"^i\b", sentence, re.I) else "nl"
    words = re.findall(r"\w+", sentence.lower())
    perfect = bool({"heb", "had"} & set(words)) and any(_participle(w) for w in words)
    return bool(_FIRST_PERSON.match(sentence)) and (_past(sentence, lang) or perfect)


# Chat spellings a report in the person's own words still writes out: "thats", "didnt".
_APOSTROPHE = re.compile(
    r"\b(that|it|what|there|don|didn|doesn|isn|wasn|aren|weren|can|won|couldn|wouldn|shouldn|"
    r"haven|hasn|hadn)(s|t)\b(?<!\bits)(?<!\bcans)(?<!\bwons)"
)


_OPENING_FILLER = re.compile(
    r"^(nou ja|ja|nou|oké|oke|ok|okay|yeah|yes|well|hmm+),?\s+(?=\w)", re.I
)


def _tidy(sentence: str) -> str:
    """A capital at the start, "I" as a capital, chat spellings written out, a full stop."""
    s = re.sub(r"\b(i)m\b", r"\1'm", sentence, flags=re.I)
    s = re.sub(r"(?<![\w'])i(?=\b(?!'?[a-z]{3}))", "I", s)  # "i think" -> "I think"
    s = re.sub(r"\b(I)ve\b", r"\1've", s)
    s = _APOSTROPHE.sub(lambda m: f"{m.group(1)}'{m.group(2)}", s)
    s = re.sub(r"(^|\s)s (ochtends|middags|avonds|nachts)\b", r"\1's \2", s)
    s = _OPENING_FILLER.sub("", s) or s  # "Ja misschien gewoon even vragen ..."
    if s and s[-1].isalnum():
        s += "."
    s = capitalise_names(s)  # "ik zei het tegen petra" -> "... tegen Petra"
    return s[:1].upper() + s[1:]


def _bare_feeling(fragment: str) -> bool:
    """A feeling named alone, "Boos." or "Humiliated, mostly.": short, and the person's own."""
    return any(_feeling_fragment(fragment, lang) for lang in ("nl", "en"))


# When the story happened: the sentence that tells the event ("Vorige donderdag is Wout ...").
_WHEN = re.compile(
    r"\b(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|gisteren|vandaag|vorige|"
    r"afgelopen|vanochtend|vanmiddag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"geleden|yesterday|today|ago|last (week|month|night)|this (morning|afternoon))\b",
    re.I,
)
_FELT = re.compile(
    r"\b(ik (voel|voelde|was|ben|schaamde|baal|schrok|vond|vind)|i (feel|felt|was|am|'m)|i'm)\b",
    re.I,
)


def _weight(sentence: str) -> int:
    low = sentence.lower()
    return (
        2 * bool(_plan(sentence) or INSIGHT.search(sentence))
        + bool(habitual(low) or _TENDS.search(sentence))
        + bool(_FELT.search(sentence))
    )


# A step of the person's own, said late in the conversation without a word of time: "ik zou
# SBAR beter kunnen gebruiken", "I could talk to him", "Writing it down first", "Gewoon zeggen:
# ...". What others do and how things are ("My partner calls me a pressure cooker") is none.
_OWN_STEP = re.compile(
    r"\b(ik|i|we|wij)\s+(ga|gaan|wil|willen|zou|zouden|kan|kun|kunnen|moet|moeten|probeer|"
    r"neem|could|would|want|will|can|should|try|might|need to)\b|"
    r"\b(ga|wil|zou|kan|moet|probeer|neem|doe|bel|vraag|zeg|stuur|plan) (ik|we)\b|"
    r"\b(i|we)'ll\b|\b(i|we)'d (?!(\w+ed|been|told|done|had|gone|seen|said|made|given|"
    r"taken|known|thought|got|left|put|felt|already|just|never)\b)|"
    r"^(gewoon|eerst|misschien|maybe|just|first|\w+ing|iets als|something like|zeggen|vragen|"
    r"uitleggen|vertellen|benoemen|say|ask|tell|explain)\b|"
    # "Ik schrijf dat op", "ik kijk wel of ...": a decision in the present tense.
    r"\bik (schrijf|kijk|bel|stuur|vraag|zeg|doe|maak|plan|leg|mail|spreek|begin|stop)\b",
    re.I,
)


# A decision said late as a thought: "Ik denk dat ik niks in de groep zet", "I think I'll ask".
_DECIDING = re.compile(
    r"^\W*(ik denk dat ik|i think i('ll| will| am going to|'m going to))\b", re.I
)
_FIRST_PERSON = re.compile(r"^(ik|i)\b", re.I)
_FIRST_PERSON_ANY = re.compile(r"\b(ik|i)\b", re.I)
_WHENEVER = re.compile(r"\b(zodra|whenever|as soon as)\b", re.I)
# A plan said as one, whatever habit it names: "Ik ga voorstellen dat migraties altijd ...".
_FIRM_PLAN = re.compile(
    r"\b(voortaan|volgende keer|next time|from now on|ik neem me voor)\b|"
    r"^\W*(ik ga|ik wil|i will|i'll|i'm going to|i am going to)\b",
    re.I,
)
# What the person said to someone then, told without quotation marks: not their plan now.
_TOLD = re.compile(
    r"^\W*(en |toen |dus |and |so )?(ik (heb|had) (\w+ )?(gezegd|gevraagd)|ik zei|zei ik|i said|"
    r"i told (him|her|them)|i asked (him|her|them))\b",
    re.I,
)
_TENDS = re.compile(r"\b(a lot|tend to|de neiging)\b", re.I)


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
    habit = habitual(sentence.lower()) or bool(_WHENEVER.search(sentence))
    told = bool(_TOLD.match(sentence))  # "Ik heb gezegd check de volgende keer gewoon in"
    if _plan(sentence) and (not habit or _FIRM_PLAN.search(sentence)) and not told:
        return "intent"
    if _WHENEVER.search(sentence) and phase >= 2 and _FIRST_PERSON_ANY.search(sentence):
        return "insight"  # "zodra er een arts aan de lijn hangt, ga ik in vraagvorm praten"
    if INSIGHT.search(sentence) and phase >= 2:
        return "insight"
    if phase >= 4:
        # A pattern named late is an insight; anything else said then that is no step of the
        # person's own is context, left out.
        if habitual(sentence.lower()) or _TENDS.search(sentence):
            return "insight"
        return "intent" if _OWN_STEP.search(sentence) else ""
    if phase == 2 and not _about_self(whole):
        return "context"  # "Mijn leidinggevende heet Kees.": what happened, not what they noticed
    return {1: "situation", 2: "self", 3: "insight"}.get(phase, "intent")


_SELF = re.compile(
    r"\b(ik|me|mij|mezelf|i|i'm|i've|i'd|myself)\b|^(mijn gevoel|my feeling)\b|"
    r"\b(het|it) (voelde|voelt|felt|feels)\b|\b(voelde|voelt) het\b",
    re.I,
)


_QUOTE = re.compile(r"(?<!\w)['‘“\"](?:[^'’”\"]|['’](?=\w)){1,160}['’”\"](?!\w)")


def _unquoted(sentence: str) -> str:
    """The sentence with what the person quotes left out: someone else's words, not theirs."""
    return _QUOTE.sub("…", sentence)


def _lang_of(sentence: str) -> str:
    return "en" if re.search(r"\b(i|the|and|it)\b", sentence, re.I) else "nl"


def _about_self(sentence: str) -> bool:
    """The person's own act, thought or feeling, not what others did or how things were."""
    return bool(_SELF.search(_unquoted(sentence))) or _names_feeling(sentence, _lang_of(sentence))


# A step on a day still to come, in the present tense: "ik denk dat ik het donderdag doe".
_ON_A_DAY = re.compile(
    r"\b(ik|i)\b(\s+[\w']+){0,4}?\s+(op |on )?(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|"
    r"zondag|vanavond|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tonight)\b",
    re.I,
)


# A sentence that only details the step said before it: "Uitleggen hoe we dat aanpakken.",
# "Rustig, en niet aan de deur.", "Framed as good news."
_STEP_DETAIL = re.compile(
    r"^(uitleggen|zeggen|vragen|vertellen|benoemen|eerst|rustig|niet|zonder|met|framed|"
    r"say|ask|tell|explain|first|calmly|not|without|with)\b",
    re.I,
)


def _plan(sentence: str) -> bool:
    if PLAN.search(sentence):
        return True
    return bool(_ON_A_DAY.search(sentence)) and not (
        re.search(r"\b(vorige|afgelopen|last)\b", sentence, re.I)
        or _past(sentence, _lang_of(sentence))
    )


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
        opening = not said
        chosen = _sentences(turn.user, 4 if opening else 3, rank=True, opening=opening)
        said += [(s, last_phase, k) for s in chosen]
    if closing:
        # its goodbye ("ik ga nu koken", "right, off to bed") is not part of the reflection
        kept = [s for s in _sentences(closing, 3) if not intents.says_goodbye(s)]
        said += [(s, last_phase, len(turns)) for s in kept]
    before = ("", -1, -1)
    late_steps: list[str] = []  # filed as insight, said late, worded as a step of their own
    for n, (sentence, phase, k) in enumerate(said):
        where = _bucket(sentence, phase)
        if (
            where == "insight"
            and phase >= 4
            and (_OWN_STEP.search(sentence) or _DECIDING.match(sentence))
        ):
            late_steps.append(sentence)
        if not where and before[:2] == ("insight", n - 1) and _FIRST_PERSON.match(sentence):
            where = "insight"  # "I've noticed I do this a lot. I absorb things to keep ..."
        if before == ("intent", n - 1, k) and _STEP_DETAIL.match(sentence):
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
        items = buckets[key][-4:] if key != "situation" else buckets[key][:4]
        if items:
            lines += [f"- {s}" for s in items]
        else:
            lines.append(h["no_intention"] if key == "intent" else h["not_discussed"])
        lines.append("")
    return "\n".join(lines).strip() + "\n"
