"""Whether the person just said what touches or bothers them most.

Role: a mark for app/core/reading_marks.py. Asking "Wat raakt je hier het meest in?" right
after "dat is wat mij stoort", "dat vind ik het ergste" or "angry is the word" asks again what
was just told, so such a message carries the mark and the question is not offered.
Must not: read anything but the (lower-cased) text it is given.
"""

from __future__ import annotations

import re

TOUCHED = re.compile(
    r"\b(?:het raakt me|raakt me|wat me raakt|wat me dwarszit|"
    r"(?:dat|dit) is (?:nou |nu |precies )?wat (?:mij|me) (?:het meest )?"
    r"(?:stoort|raakt|dwarszit|steekt|pijn doet|kwaad maakt)|"
    r"(?:dat|dit) (?:vind ik|is)(?: \w+){0,2} het ergste(?! niet)|het ergste (?:is|vind ik)|"
    r"(?:ja,? )?dat vooral\b|is het (?:juiste )?woord|"
    r"what gets (?:to )?me|what bothers me|what stays with me|gets to me|"
    r"(?:that'?s|that is|this is)(?: \w+){0,2} the worst|the worst (?:part|bit|thing) (?:is|was)|"
    r"is the (?:right )?word|"
    # "thats the bit that gets me", "dat is het stuk dat steekt"
    r"(?:that'?s|that is|dat is|da'?s) (?:the|het) (?:bit|part|stuk|deel) (?:that|dat|wat)\b|"
    r"gets me|stings|steekt het meest|doet het meeste pijn)\b"
)
