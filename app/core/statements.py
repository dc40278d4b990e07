"""The person's statements: the sentences of a message that say something, not ask or greet.

Role: split a message into what can be said back (app/core/reflection.py) and read one by one
(app/core/question_fit.py): questions, greetings and thanks left out, a feeling hedged with a
question mark ("boos? ja.") kept; a request to talk ("mag ik iets kwijt?") recognised.
Must not: turn or change a sentence.
"""

from __future__ import annotations

import re

from app.core import perspective, style
from app.core.feeling_list import feelings_said
from app.core.feelings import FEELING_NOUNS, FEELINGS
from app.core.reflection_turn import _LEADING

# "Waar moet ik beginnen." is a question even without its question mark.
_BARE_QUESTION = re.compile(
    r"^(waar|wat|hoe|waarom|wie|welke|wanneer)\s+(moet|moeten|kan|kun|kunnen|zal|zou|ga|doe|is|"
    r"zijn|heb|wil)\b|^(where|what|how|why|who|which|when)\s+(do|does|should|can|could|would|"
    r"will|is|are|am|was|were|did)\b|^(can|could|may) i\b|^(kan|mag) ik\b",
    re.I,
)
# "Mag ik iets kwijt over mijn werk?", "can I talk about something": asks leave to begin.
MAY_TALK = re.compile(
    r"^(hoi|hallo|hi|hey|hello)?\W*((mag|kan) ik|(can|could|may) i)\s+(hier\s+|even\s+|just\s+)?"
    r"(iets|wat|something|talk|praten|vertellen|tell|share|vent|kwijt|het)\b[^.!?]*[?.!]*$",
    re.I,
)
_CLOSING_ONLY = re.compile(r"^(dank|bedankt|thanks|thank you|sorry|hoi|hallo|hi|hello)\b", re.I)
_TAKEN_BACK = re.compile(
    r"^\W*(of nee|nee,? (dat is|dat's|da's|da is|dat was) te|nou nee|nee eigenlijk niet|"
    r"no,? (that's|thats|that is|it's) too|"
    r"or no|actually no|not really|well no)\b",
    re.I,
)
_FEELING_ASKED = re.compile(
    r"^\W*((but|and|maar|en)\s+)?((also|ook|still|nog|eerder|meer|rather|more)\s+)?((a bit|kind of|"
    r"a little|een beetje|"
    r"wel|best|een soort|soort van|a sort of|sort of|a kind of|some)\s+)?("
    + "|".join(
        sorted(
            [*FEELINGS["en"], *FEELINGS["nl"], *FEELING_NOUNS["en"], *FEELING_NOUNS["nl"]],
            key=len,
            reverse=True,
        )
    )
    + r")\b(?!.*\b(you|je|jij|u)\b)",
    re.I,
)
# "we zien wel", "we'll see": a shrug, not something to say back ("Jullie zien wel").
_SHRUG = re.compile(
    r"^\W*((of niks|or not|maar ja|anyway|enfin)\W+)*(we zien wel|we zien het wel|we'?ll see|"
    r"wie weet|who knows|we zullen zien)\W*$",
    re.I,
)
# "Waarom ik niks zei..." heads what follows: no statement of its own.
_WHY_HEAD = re.compile(r"^(waarom|why) (ik|i)\b", re.I)


# A correction of what the coach said back: "nee, dat is het niet echt. het is meer dat ...".
NOT_THAT = re.compile(
    r"^\W*(nee|neen|no|nah|not really|niet echt|dat is het niet|(het|t) is niet (zo )?dat|"
    r"it'?s not (that|like))\b",
    re.I,
)
MORE = re.compile(
    r"^\W*((nee|no|not really|niet echt)\W+[^.]*?,\s*)?((het|t) is (eigenlijk )?(meer|eerder)|"
    r"het gaat (me )?(eigenlijk )?meer om|it'?s more|it'?s (really )?about|more that|"
    r"het gaat (me |mij )?(er )?(eigenlijk |vooral |juist |meer )*om|it (is|was) (really )?more|"
    r"(het|'?t) was (eigenlijk )?meer|"
    # "Ik ben meer teleurgesteld", "Ik schaamde me eerder", "I was more hurt", "Meer op mezelf"
    r"((ik|i) (ben|was|voel(de)? (me|mij)|schaamde (me|mij)|baalde|am|was|felt)|i'?m) (eigenlijk |"
    r"vooral |really |actually )?(meer|eerder|more|rather)(?! dan| than)|"
    r"(meer|eerder|rather|more) (op|over|om|van|about|at|with) |(meer|eerder) (dat|omdat) |"
    r"(het|'?t) zit (hem |em )?(eigenlijk |vooral )?(meer|eerder) in|"
    r"(het|'?t) voelde (eigenlijk )?(meer|eerder) (als|alsof)|it felt (more|rather) like|"
    r"(if anything,? )?it'?s that (?!simple|easy|hard|bad|big|much)|"
    r"(het|'t) is (vooral )?dat (?!simpel|makkelijk|moeilijk|erg))\b",
    re.I,
)
# The second event of a long sentence: "..., and my charge nurse Alison pulled me up".
AND_SUBJECT = re.compile(
    r",?\s+(?:and|en)\s+(?=(?:my|his|her|their|he|she|they|mijn|m'n|mn|hij|zij|ze|toen)\b)", re.I
)


# An answer given as a clause after "dat": "maar vooral dat ik me zo klein voelde".
_DAT_IK = re.compile(
    r"^\W*((?:maar|en|but) )?((?:vooral|meer|eerder|gewoon|ook|toch) )?dat ik (.+?)\s*([.!]*)$",
    re.I,
)


def _dat_clause(sentence: str) -> str:
    """A feeling given as a clause after "dat" in main-clause order ("maar ik voelde me vooral
    zo klein"), so it can be said back; anything else unchanged."""
    m = _DAT_IK.match(sentence)
    if not m or (m.group(2) or "").strip().lower() in ("meer", "eerder"):
        return sentence  # "Meer dat ik me dom voel." is a correction: "Het is meer dat ..."
    words = m.group(3).split()
    k = len(words) - 1
    while k > 0 and (perspective._participle(words[k]) or perspective._infinitive(words[k])):
        k -= 1
    if k < 1 or words[k].lower() not in ("voel", "voelde", "voelt"):
        return sentence  # only a feeling: "dat ik gezien word" is a wish, not a fact
    rest = words[:k] + words[k + 1 :]
    own = [rest.pop(0)] if rest and rest[0].lower() in ("me", "mij", "mezelf") else []
    adverb = [m.group(2).strip().lower()] if m.group(2) else []
    main = " ".join(["ik", words[k], *own, *adverb, *rest])
    return f"{m.group(1) or ''}{main}{m.group(4) or '.'}"


# A smiley ends a sentence: "ge gaat mij dat niet zeggen he :) ik denk dat ...".
_EMOTICON = re.compile(r"\s*(?<!\w)[:;]-?[)(pPdD](?!\w)\s*")
# So does an emoji between two clauses: "... ook ik was 🙈 dat was het ook niet".
_PICTOGRAPH = "\U0001f300-\U0001faff\u2600-\u27bf"
_EMOJI = re.compile(rf"(?<=[\w,)])\s*[{_PICTOGRAPH}][{_PICTOGRAPH}\ufe0f\u200d]*\s+(?=\w)")
_DA = re.compile(r"\bda (?=(ik|je|ge|hij|zij|ze|we|het|er|die)\b)", re.I)


def _flemish(sentence: str) -> str:
    """Flemish "da ik" as the coach reads it: "dat ik". ("ge" stays: it is as often said to the
    coach as meant for anyone.)"""
    return _DA.sub("dat ", sentence)


_BROKEN_OFF = re.compile(r"\b(dat|da|of|omdat|that|if) (ik|i)\s*(\.\.\.|…)\s*\w", re.I)


def statements(message: str) -> list[str]:
    """The person's statements: sentences that are not questions, greetings or thanks."""
    out = []
    parts = style.sentences(_EMOJI.sub(". ", _EMOTICON.sub(". ", message)))
    for n, sentence in enumerate(parts):
        sentence = _dat_clause(_flemish(sentence))
        hedged = any(feelings_said(sentence, lang) for lang in ("nl", "en")) or bool(
            _FEELING_ASKED.match(sentence)  # "but also a bit embarrassed that i care this much?"
            or MORE.match(sentence)  # "It's more that she's sort of untouchable?": a correction
        )
        if hedged and n + 1 < len(parts) and _TAKEN_BACK.match(parts[n + 1]):
            continue  # "schaamte denk ik? of nee dat is te sterk."
        if (
            (style.questions(sentence) and not hedged)
            or _CLOSING_ONLY.match(sentence)
            or _BARE_QUESTION.match(_LEADING.sub("", sentence.strip()))
            or (_WHY_HEAD.match(sentence.strip()) and len(sentence.split()) <= 6)
            or _SHRUG.match(sentence)
            or _BROKEN_OFF.search(sentence)  # "ik vind eerder dat ik... ja ik weet het nie"
        ):
            continue
        # "En ook een soort schaamte?": a feeling offered as a guess is said, not asked
        out.append(re.sub(r"\?+\s*$", ".", sentence) if hedged else sentence)
    return out


_NO_ECHO = re.compile(
    r"\b(ik|je|jij|hij|zij|ze|we|wij|het|dat|dit|er|i|you|he|she|they|it|that|this|there|wat|"
    r"hoe|waarom|wie|waar|wanneer|welke|what|how|why|who|where|when|which|nee|no|ok|oké|oke|"
    r"hmm+|amai|allez|ha|yeah|nou|oh|pff+|tja|wow|god|jeez|thats|its|dats|da's|that's|it's|"
    r"thanks|thank|bedankt|dank|dankje|dankjewel|merci|cheers|top|doei|bye|x)\b",
    re.I,
)


def key_words(message: str) -> str:
    """A short answer of a few key words, no one in it ("ja. gehoord worden denk ik"), said
    back as it is: "Gehoord worden."."""
    text = re.sub(r"^\W*(ja|yes|yeah|nou|well)\W+", "", message.strip(), flags=re.I)
    text = re.sub(r",?\s*\b(denk ik|i think|i guess|haha+|lol|natuurlijk|ofzo)\b", "", text)
    parts = [p.strip(" ,") for p in re.split(r"[.!…]+", text) if p.strip(" ,")]
    words = " ".join(parts).split()
    if not parts or not 1 <= len(words) <= 6 or "?" in text or _NO_ECHO.search(text):
        return ""
    said = _OWN_WORD.sub(lambda m: _YOUR_WORD[m[0].lower()], ", ".join(parts))
    return said[:1].upper() + said[1:] + "."


# "op mezelf denk ik. ja. vooral op mezelf" -> "Op jezelf, ja, vooral op jezelf."
_YOUR_WORD = {
    "mezelf": "jezelf",
    "mijzelf": "jezelf",
    "myself": "yourself",
    "mijn": "je",
    "my": "your",
}
_OWN_WORD = re.compile(r"\b(mezelf|mijzelf|myself|mijn|my)\b", re.I)
