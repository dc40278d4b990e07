"""The subject that chat leaves out, put back before a sentence is turned: "denk dat het me
raakt" is "ik denk dat het me raakt", "Bit worried he'll ..." is "I'm a bit worried he'll ...".

Role: used by app/core/perspective.py and perspective_en.py before they turn "ik" and "I".
Only forms that belong to the speaker alone are read this way: a Dutch verb in the present
without its -t ("denk", not "dacht" or "zit", which are "hij dacht" and "het zit" too), an
English verb of thinking or feeling in the past, and a feeling with what it is about.
Must not: read a subject into a sentence that has one, or into an order to someone else, or
read the writer into one that follows a sentence about someone else.
"""

from __future__ import annotations

import re

_NL_VERB = re.compile(
    r"^(denk|ben|heb|vind|weet|hoop|snap|voel|zie|merk|mis|baal|twijfel|schaam|hoef|durf|"
    r"krijg|geloof|besef|vrees|begrijp|ga)\b"
    r"(?! (ik|je|jij|we|wij|ze|zij|hij|u|men|jullie|ge|gij|maar)\b)",
    re.I,
)
_NL_FEELING = re.compile(
    r"^((wel|ook|nog|best|echt|heel|een beetje|beetje|toch) )*(bang|bezorgd|zenuwachtig|"
    r"gespannen|benieuwd|blij|trots|boos) (dat|om)\b",
    re.I,
)
_EN_VERB = re.compile(
    r"^(had|felt|thought|wanted|knew|tried|kept|reckon|wished|hoped)\b"
    # "felt small is the main thing": the feeling is the subject, no one dropped
    r"(?! (i|you|he|she|it|we|they|there)\b)(?! \w+ (is|was)\b)",
    re.I,
)
_EN_FEELING = re.compile(
    r"^((a )?(bit|little|bit of a|slightly|kinda|kind of|pretty|really|so|quite) )*"
    r"(worried|nervous|scared|anxious|afraid|gutted|annoyed|embarrassed|ashamed|relieved|"
    r"proud|confused|fed up)\b",
    re.I,
)

_TRAILS_OFF = re.compile(r"\b(because|cos|omdat|want|dat|that|but|maar|en|and)\W*$", re.I)


def with_subject(sentence: str, lang: str) -> str:
    """`sentence` with "ik" or "I" put back where chat dropped it; else unchanged."""
    s = sentence.lstrip()
    if _TRAILS_OFF.search(s):
        return sentence  # "Gutted because...": what it was about is still to come
    low = s[:1].lower() + s[1:]
    if lang == "nl":
        if _NL_VERB.match(s):
            return "ik " + low
        if _NL_FEELING.match(s):
            return "ik ben " + low
        return sentence
    if _EN_VERB.match(s):
        return "I " + low
    if _EN_FEELING.match(s):
        return "I'm " + ("a " if re.match(r"bit\b", s, re.I) else "") + low
    return sentence


_OTHER = re.compile(r"\b(she|he|they|she'd|he'd|she's|he's|zij|ze|hij|called|named|genaamd)\b")
_MINE = re.compile(r"\b(i|i'm|i'd|i've|ik|me|my|mijn|mn|we|wij)\b")


def _someone_else_before(sentence: str, message: str) -> bool:
    """The sentence before this one in the message is about someone else, not the writer."""
    start = message.find(sentence.strip()[:30])
    if start <= 0:
        return False
    before = re.split(r"(?<=[.!?])\s+", message[:start].strip())[-1].lower()
    return bool(_OTHER.search(before)) and not _MINE.search(before)


def someone_else_dropped(core: str, sentence: str, message: str, lang: str, feeling: bool) -> bool:
    """A sentence chat left its subject out of ("Nervous as anything.", "Embarrassed I'd
    think.") right after one about someone else: its subject is that someone, not the writer."""
    if re.match(r"\W*(i|i'm|i'd|ik|we|wij|you|je|jij)\b", core, re.I):
        return False
    dropped = with_subject(core, lang) != core or feeling  # `feeling`: a feeling named alone
    return dropped and _someone_else_before(sentence, message)
