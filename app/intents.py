"""What a message asks of the coach beyond reflecting: to stop, for advice, or a yes to advice.

Plain patterns for Dutch and English, kept apart from the engine so they can be tested and
extended on their own. They classify; they never answer.
"""

from __future__ import annotations

import re

_STOP = re.compile(
    # A short courtesy may come first: "Dank je, laten we afronden." / "Thanks, I'm done."
    # Each courtesy word is followed only by spaces and punctuation, so matching stays linear.
    r"^\s*(?:(?:ok(?:e|é|ay)?|goed|prima|fijn|top|dank (?:je|u)(?: wel)?|bedankt|thanks(?: a lot)?"
    r"|thank you|great|good|dan|then|zo)\b[\s,.!]*)*"
    r"(stop|stoppen|klaar|afronden|rond (het )?af|genoeg( voor (nu|vandaag))?|einde|"
    r"ik (wil|ga) (nu )?(stoppen|afronden)|laten we (stoppen|afronden)|maak (het|een) verslag|"
    r"done|i'?m done|let'?s (stop|wrap up)|wrap (it )?up|end (the )?session|i want to stop|"
    r"that'?s enough( for (now|today))?|finish)\b"
    # "Ik wil stoppen met steeds ja zeggen" is about the person's work, not this conversation.
    r"(?!\s*(met|te|om|with|to|saying|doing|being|trying|working)\b)",
    re.I,
)
_ADVICE = re.compile(
    r"(wat (moet|zou|kan) ik (nou |nu |dan )?(doen|het beste)|geef (me|mij) (een )?(advies|tip)|"
    r"zeg (nou |maar |gewoon )*(wat|hoe) ik|heb je (een )?(advies|tip)|wat raad je (me )?aan|"
    r"vertel (me|mij) (gewoon )?wat|wat is (de|jouw) oplossing|"
    r"what should i do|tell me what to do|give me (some )?(advice|tips?)|any (advice|tips)|"
    r"what would you (do|recommend|suggest)|what do you (recommend|suggest)|just tell me|"
    r"wat zou (jij|u) doen|in mijn schoenen|(\w+ ){0,3}(tips|opties|adviezen) (geven|noemen)|"
    r"(give|tell) me (\w+ ){0,2}(options|tips|suggestions)|if you were me)",
    re.I,
)
_YES = re.compile(
    r"^\s*(ja|jazeker|graag|ja graag|prima|goed|oké|ok|okay|yes|yeah|sure|please|go ahead|"
    r"doe maar|zeker)\b",
    re.I,
)


def wants_to_stop(text: str) -> bool:
    return len(text.split()) <= 12 and bool(_STOP.search(text))


def asks_advice(text: str) -> bool:
    return bool(_ADVICE.search(text))


def says_yes(text: str) -> bool:
    return bool(_YES.search(text)) and len(text.split()) <= 8
