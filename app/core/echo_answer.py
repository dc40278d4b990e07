"""The answer after the person repeats the coach's question: "Wat ik wilde? Gezien worden denk
ik." is said back as "Je wilde gezien worden.", not as whatever sentence follows it.

Role: one candidate for app/core/reflection.py. A message that opens with the question it
answers puts its point right after it; the answer is often a bare phrase ("dat hij gewoon even
vroeg", "to not look like an eejit") that cannot be turned on its own, so it is put in the frame
the question gives ("Ik wilde ...") and turned like any sentence of the person's.
Must not: answer for the person when what follows is no answer ("Geen idee eigenlijk"), or
frame a whole sentence that has its own subject ("Ik wilde ..." is said back as it is).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# "Wat ik wilde?", "wat ik eigenlijk wilde op dat moment?", "hoe bedoel je, wat ik wilde?",
# "wat ik had gewild...", "What did I want?", "What I wanted?"
_ECHO = {
    "nl": re.compile(
        r"^\W*(hoe bedoel je,?\s+)?wat (ik|'k|da'?k) (eigenlijk |echt |toen |nou |het liefst )*"
        r"(?P<verb>wilde|wou|had gewild|wil|nodig had)\b[^.?!…:]{0,30}(\?+|\.{3}|…|:)\s*"
        r"(\.{3}|…)?\s*",
        re.I,
    ),
    "en": re.compile(
        r"^\W*what (?P<did>did )?i (really |actually )?(?P<verb>wanted|want|needed|need)\b"
        r"[^.?!…:]{0,30}(\?+|\.{3}|…|:)\s*(\.{3}|…)?\s*",
        re.I,
    ),
}
_FRAME = {
    "nl": {
        "wilde": "Ik wilde",
        "wou": "Ik wilde",
        "had gewild": "Ik had gewild",
        "wil": "Ik wil",
        "nodig had": "Ik had nodig",
    },
    "en": {"wanted": "I wanted", "want": "I want", "needed": "I needed", "need": "I need"},
}
# Words around the answer that are not part of it.
_LEAD = re.compile(
    r"^((eigenlijk|gewoon|eerlijk gezegd|eerlijk|honestly|tbh|i guess|i think|ik denk|"
    r"mostly|vooral|simpel|simply|denk ik)[,\s]+)+",
    re.I,
)
_TAIL = re.compile(
    r"[,\s]+(denk ik|eigenlijk|i think|i guess|maybe|misschien|geloof ik|ofzo|or something|"
    r"i suppose|lol|haha+)\W*$",
    re.I,
)
# No answer, or an answer that is already a whole sentence of its own.
_NO_ANSWER = re.compile(
    r"^(geen idee|weet ik (niet|veel)|ik weet (het )?niet|no idea|dunno|not sure|i don'?t know|"
    r"idk|goeie vraag|good question)\b",
    re.I,
)
_OWN_SUBJECT = {
    "nl": re.compile(r"^(ik|'k|k|ge|gij|jij|je|hij|zij|ze|we|wij|het|dat was|dat is)\b", re.I),
    "en": re.compile(r"^(i|i'd|i'm|you|he|she|they|we|it|that was|that's)\b", re.I),
}
_FIRST_PERSON = {
    "nl": re.compile(r"^\W*(ik denk (dat )?)?(ik|'k|k)\s+(wilde|wou|had|wil)\b", re.I),
    "en": re.compile(
        r"^\W*(i (think|guess|suppose) )?i (just |really )?(wanted|want|needed)\b", re.I
    ),
}
_THAT = {"nl": re.compile(r"^dat\s", re.I), "en": re.compile(r"^that\s", re.I)}
_SENTENCE = re.compile(r"(?<=[.!?…])\s+")


def echoed_answer(message: str, lang: str, turn: Callable[[str], str | None]) -> str | None:
    """The answer after an echoed question, framed by it and turned to the second person by
    `turn`; None when the message does not open with such a question or gives no answer."""
    found = _ECHO[lang].match(message.strip())
    if not found:
        return None
    rest = message.strip()[found.end() :]
    parts = [p.strip() for p in _SENTENCE.split(rest) if p.strip()]
    if not parts:
        return None
    answer = _clean(parts[0])
    if not answer or _NO_ANSWER.match(answer):
        return None
    if _OWN_SUBJECT[lang].match(answer):
        # "I think I wanted Helen to like us.": already a sentence, the answer all the same
        return turn(parts[0]) if _FIRST_PERSON[lang].match(parts[0]) else None
    if lang == "en" and _THAT[lang].match(answer):
        return None  # "I wanted that he ..." is no English
    # "dat ze het serieus nam. dat ze zag hoe gevaarlijk het was.": one want in two parts
    if len(parts) > 1 and _THAT[lang].match(answer) and _THAT[lang].match(_clean(parts[1])):
        answer = f"{answer}, {_clean(parts[1])}"
    verb = re.sub(r"\s+", " ", found.group("verb").lower())
    if lang == "en" and found.group("did"):
        verb = {"want": "wanted", "need": "needed"}.get(verb, verb)  # "What did I want?"
    frame = _FRAME[lang][verb]
    return turn(f"{frame} {answer[:1].lower()}{answer[1:]}.")


def _clean(text: str) -> str:
    text = _LEAD.sub("", text.strip())
    text = _TAIL.sub("", re.sub(r"[\s.!?…]+$", "", text))
    return text.strip(" ,")
