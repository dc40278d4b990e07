"""Whether the person just said what touches or bothers them most, or what they did with it.

Role: marks for app/core/reading_marks.py and app/core/reading.py. Asking "Wat raakt je hier het
meest in?" right after "dat is wat mij stoort", "dat vind ik het ergste" or "angry is the word",
or "Wat deed je met dat gevoel?" after "ik heb gehuild", asks again what was just told, so such a
message carries the mark and the question is not offered.
Must not: read anything but the (lower-cased) text it is given.
"""

from __future__ import annotations

import re

_FELT = (
    "boos|kwaad|bang|beschaamd|verdrietig|gekwetst|teleurgesteld|gefrustreerd|machteloos|"
    "onzeker|schaamte|boosheid|verdriet|angry|embarrassed|ashamed|hurt|sad|upset|frustrated|"
    "scared|guilty|helpless|disappointed"
)
# The point named against another: "het is meer dat niemand me iets vraagt", "its more that ...".
_MORE_THAT = (
    r"het is (?:eerder|meer|vooral) dat|"
    r"it'?s (?:more|mostly|really) (?:that|about)|its (?:more|mostly) that"
)
TOUCHED = re.compile(
    r"\b(?:het raakt me|raakt me|wat (?:me|mij) (?:\w+ ){0,2}(?:raakt|dwarszit|stoort|steekt)|"
    r"(?:het meest|the most|most) (?:raakt|dwarszit|stoort|steekt|pijn doet|hurts|bothers me)|"
    r"what (?:\w+ ){0,2}(?:gets|bothers|bugs|hurts|stings|upsets) me|"
    r"(?:dat|dit) is (?:nou |nu |precies )?wat (?:mij|me) (?:het meest )?"
    r"(?:stoort|raakt|dwarszit|steekt|pijn doet|kwaad maakt)|"
    r"(?:dat|dit) (?:vind ik|vond ik|is|was)(?: \w+){0,3} het ergste(?! niet)|"
    r"het ergste (?:is|was|vind ik|vond ik)|"
    r"(?:ja,? )?dat vooral\b|is het (?:juiste )?woord|"
    r"what gets (?:to )?me|what bothers me|what stays with me|gets to me|"
    r"(?:that'?s|that is|this is)(?: \w+){0,2} the worst|the worst (?:part|bit|thing) (?:is|was)|"
    r"is the (?:right )?word|"
    # "thats the bit that gets me", "dat is het stuk dat steekt"
    r"(?:that'?s|that is|dat is|da'?s) (?:the|het) (?:bit|part|stuk|deel) (?:that|dat|wat)\b|"
    r"gets me|stings|steekt het meest|doet het meeste pijn|"
    # a superlative after its verb: "dat knikken zit mij nog het meest dwars", "dat stak het
    # meest", "that's what stung most"
    r"(?:zit|zat|steekt|stak|raakt|raakte|blijft|bleef)(?: \w+){0,3} het meest\b|"
    r"het meeste? (?:dwars|pijn)|(?:stung|hurt|bothered me|got to me|stuck with me) (?:the )?most|"
    # the point named against another ("het is meer dat niemand me iets vraagt", "its more that I
    # didn't want to be That Person"), or the feeling that weighs most ("beschaamd vooral")
    rf"{_MORE_THAT}|het gaat (?:me|mij|er) (?:eigenlijk |meer |vooral )+"
    r"(?:om|over)|het (?:vervelendst|lastigst|moeilijkst)e? (?:is|om|vind ik)|keeps me up|"
    rf"(?:{_FELT}) (?:vooral|mostly)|(?:vooral|mostly|mainly) (?:{_FELT}))\b"
)


# The point named against another, in a sentence of its own: "het is meer dat niemand me iets
# vraagt", "what gets me is that he didn't even mention it". What it does to them can be asked;
# after "dat raakt me" or "rot is het woord" that would ask what was just said.
POINT = re.compile(
    rf"\b(?:{_MORE_THAT}|het gaat (?:me|mij|er) (?:eigenlijk |meer |vooral )+"
    r"(?:om|over) (?:dat|hoe)|wat me (?:het meest )?dwarszit is|"
    r"what (?:gets|got|bothers|bothered) (?:to )?me is|the worst (?:part|bit|thing) (?:is|was))\b"
)


# What the person did with what they felt, told already: "ik heb gehuild op de wc", "ben naar
# buiten gelopen en heb een half uur in me auto gezeten", "laughed it off and closed my laptop",
# "couldn't eat". Asking "Wat deed je met dat gevoel?" then asks what was just said (round 53).
# Laughing along is part of what happened, not what was done with the feeling (round 54).
REACTED = re.compile(
    r"\b(gehuild|huilde|moest (ik )?huilen|in tranen|(weg|naar buiten|naar huis) ?(ge)?"
    r"(lopen|liep|gelopen|gegaan|ging)|weggelopen|liep (ik )?weg|"
    r"in (me|mijn|de) auto (ge)?(zitten|zat|gezeten)|"
    r"weggelachen|lachte (het )?weg|(dicht)(geklapt|gedaan|gegooid|gesmeten)|"
    r"klapte (\w+ ){0,2}dicht|kon (ik )?(niet|niks|nie) (meer )?(eten|slapen)|niet geslapen|"
    r"cried|crying|burst into tears|in tears|walked (out|off|away)|stormed (out|off)|went home|"
    r"sat in (the|my) car|laughed it off|(closed|shut|slammed) (the|my) (laptop|door)|"
    r"(couldn'?t|could not|didn'?t) (eat|sleep))\b"
)
