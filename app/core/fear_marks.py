"""Whether the person fears something of their own that may still happen.

Role: a mark for app/core/reading.py (through app/core/reading_marks.py). A fear whose
consequence is left unsaid is asked about ("Wat zou het voor je betekenen als dat gebeurt?");
options or next time are not asked right after it.
Must not: read anything but the (lower-cased) text it is given.
"""

from __future__ import annotations

import re

# A fear of the person's own about what may come: "ik ben bang dat hij ... gaat", "I'm scared
# that if I push back he'll ...". Asked: what it would mean for them.
_FEAR_OWN = re.compile(
    r"\b(?:ik ben|ben ik|ik was|was ik|ik word|i'?m|i am|i was)"
    r"(?: (?:zo|echt|wel|ook|een beetje|best|really|a bit|so|quite|kind of|just))* "
    r"(?:bang|angstig|scared|afraid|worried|terrified)\b|\b(?:angst|vrees|schrik) dat\b|"
    r"\b(?:ik vrees|vrees ik(?: \w+){0,2}) dat\b|\bmy fear is\b|\bi fear\b|"
    r"\b(?:angst|vrees|fear):\s*(?:dat|that)\b|\b(?:ik )?(?:er )?tegenop (?:zie|zien)\b|"
    r"\bik (?:\w+ )?bang ben dat\b|"
    # chat drops the "ik": "wel bang dat ik dan ga huilen", "bit nervous she'll think ..."
    r"^\W*(?:(?:maar|al|en|wel|ook|nog|beetje|een beetje|bit|a bit|a little|bit of a|still|"
    r"but|and) )*(?:bang|nervous|worried|scared|afraid)\b"
)
_FEAR_AHEAD = re.compile(
    r"\b(?:gaat|gaan|ga|zal|zullen|zou|zouden|word|wordt|kan|kunnen|krijg|krijgt|om te|"
    r"will|won'?t|would|might|could|gonna|going to|to|"
    # what others may think of them: "bang dat ze me minder professioneel vinden"
    r"vinden|vindt|denken|denkt|kijken|kijkt|think|thinks|judge|judges|"
    r"overkom|overkomt|come across|come off|look like)\b|'ll\b"
)
# What may happen, told as a fear by itself: "wat als Fleur gewoon 'ja whatever' zegt",
# "het risico is dat hij ja zegt" (not "wat als ik het gewoon vraag?": that is a way).
_FEAR_ITSELF = re.compile(
    r"^\W*(?:(?:maar|en|and|but|ok|oké) )*(?:wat als|what if) (?!ik\b|i\b|we\b|wij\b)|"
    r"\b(?:het risico is|the risk is) dat\b|\bthe risk is that\b|"
    r"^\W*(?:(?:maar|en|and|but|ok|oké) )*(?:stel dat|stel nou dat) (?!ik\b|we\b|wij\b)"
)
# What the fear is about, told in the present: "bang dat ik toch weer over dat brood begin",
# "scared dat hij zegt ..." is ahead too; "bang dat ik het fout had gedaan" is not.
_THAT_NOW = re.compile(r"^[\s:,]*(?:is )?(?:dat|that)\b")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|‘[^’]*’|“[^”]*”")
_PAST_IN = re.compile(
    r"\b(?:was|waren|had|hadden|heb|hebt|heeft|werd|deed|zei|ging|kwam|did|said|went|"
    r"\w+ed)\b"
)


def fear_ahead(low: str) -> bool:
    """A fear of the person's own about what may happen, its consequence left unsaid."""
    for sentence in re.split(r"(?<=[.!?])\s+", low):
        m = _FEAR_OWN.search(sentence)
        rest = sentence[m.end() :] if m else ""
        if m and (
            _FEAR_AHEAD.search(rest)
            or (
                _THAT_NOW.match(rest)
                and not re.search(r"\bwas\b", m.group(0))  # "ik was bang dat ik overdreef"
                and not _PAST_IN.search(_QUOTED.sub("", rest))
            )
        ):
            return True
        if _FEAR_ITSELF.search(sentence):
            return True
    return False
