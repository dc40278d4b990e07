"""Marks of a last message: thanks, leave taken, and what the person says of the conversation.

Role: read by app/core/intents.py to tell a goodbye ("dit hielp, dank je. ik ga nu koken") from
a message that goes on, and to pick the closing's first words ("Fijn dat het wat lichter voelt.").
Must not: call a model.
"""

from __future__ import annotations

import re

# A thank-you with a goodbye or a word on the conversation: "dit hielp, dank je. ik ga nu
# koken", "top. ik moet zo weer beginnen, bedankt voor het meedenken", "cheers for this ...
# right, off to bed".
THANKS_WORDS = (
    r"dank (je|u)( wel)?|dankjewel|dankje|dankuwel|bedankt|merci|thanks|thank you|thx|cheers|"
    r"diolch|tnx"
)
THANKS_FOR = re.compile(rf"\b({THANKS_WORDS}|ta)\b", re.I)
GOING = re.compile(
    r"\b(ik ga (nu |zo |maar |even |eerst )*(koken|slapen|eten|lunchen|naar huis|naar bed|"
    r"beginnen|aan de slag|verder met)|(i'?m|im|i am) off (now |then )?to (walk|put|make|get|"
    r"pick|grab|do|feed|bed|sleep)\b|"
    r"ik moet (nu |zo |straks |zometeen |echt )*(weer )?(beginnen|koken|gaan|"
    r"verder|aan de slag|weer|weg)|off to (bed|work|sleep)|back to work|"
    r"time for (bed|dinner|tea)|(i need to|i have to|i've got to|gotta|got to) go|"
    r"(i'?m|im|i am) (gonna|going to) (go|head off|get going|head out)(?=\s*([,.!;]|now\b|$))|"
    r"(going|gonna|heading) (to )?(sleep|bed|crash|home)|needed (that|this)|had ik (echt )?nodig|"
    r"ik moet (nu |zo |straks )*(de |het |mijn |mn |m'n )?\w+ (ophalen|halen)"
    r"( (van|bij|uit|op) (de |het )?\w+)?(?=\s*[.!,]|\s*$)|"
    r"slaap ?wel|welterusten|that'?s me|voor (nu|vandaag) (is het )?genoeg|"
    r"lucht (wel |echt )?op|luchtte (\w+ )?op|(ff |even )?kwijt kon|"
    # Leaving for something of the evening, now: "ik ga nu eerst de was ophangen", "ik ga de
    # hond nog even uitlaten", "I'm going to make a cup of tea", "ik ga afsluiten".
    r"ik ga (nu|nog (even|ff)|zo) (eerst |echt |even |ff |maar |nog )*(\w+ ){0,6}\w+en|"
    r"ik ga (\w+ ){0,6}(uitlaten|ophangen|ophalen|halen|koken|douchen|wandelen)|"
    # an everyday errand: "ik ga koffie zetten", "ga nu nen frietje halen"
    r"(ik )?ga (nu |eerst |even |ff |maar |zo )*(\w+ )?(koffie|thee|boodschappen|avondeten|eten|"
    r"friet|frietje|hond)\b|"
    # chat drops the "ik": "ga slapen nu", "ga nu even lunchen"
    r"(^|(?<=[.!,;] ))ga (nu |zo |maar |even |ff |eerst )*(slapen|pitten|lunchen|koken|"
    r"douchen|naar (bed|huis))(?=\s*(nu\b|[^\w\s]|$))|"
    r"ik ga (nu )?(af)?sluiten|(ik wil|ik moet) (\w+ ){0,3}(thuiskomen|naar huis)|"
    r"(cup of (tea|coffee)|cuppa|kettle on|make (some )?(tea|dinner|coffee))|"
    r"(this|that|it) has been (\w+ ){0,2}(useful|helpful)|"
    r"(doe|klap) (de|mijn|mn|m'n) laptop dicht|ik sluit (het )?af\b|"
    r"genoeg (\w+ )?voor (vandaag|vanavond|nu)|enough (\w+ )?for (today|tonight|now)|"
    r"(dit|dat|het) (\w+ )?(hielp|heeft geholpen|was fijn|was nuttig|heeft (me|mij) geholpen)|"
    r"(this|that|it) (\w+ )?(helped|has helped|was helpful|was useful))\b",
    re.I,
)


NIGHT = re.compile(r"\b(good ?)?(night|nite)\W*$", re.I)
# Leave taken in so many words: "doei", "fijne avond!", "bye!", "take care".
FAREWELL = re.compile(
    r"\b(doei|doeg|dag dag|tot ziens|tot de volgende|goede ?nacht|goedenavond|"
    r"fijne (avond|dag|middag|nacht|week|"
    r"weekend|zondag)|prettige (avond|dag)|bye|bye bye|see you|take care|have a (good|nice) "
    r"(evening|night|day|weekend)|"
    r"(ik )?wens (u|je|jou) (een )?(goede|fijne|prettige) (avond|dag|nacht|weekend)|"
    r"ik ga (nu |maar |even )*(m'n|mijn|mn) (bed|nest) in|"
    r"(going|off) to (go )?(home|make dinner|cook|get dinner)|"
    r"(voel|voelt) (me |mij |het )?(nu )?(wat |al |een stuk |veel |echt )?(iets )?"
    r"(lichter|rustiger|beter)|"
    r"rustiger in (m'n|mijn|mn) hoofd|(i )?feel (a bit |a lot |much |so much )?(lighter|calmer|"
    r"better)|deugddoend|(that|this|it)'?s (\w+ )?(helped|been helpful|been useful)|"
    r"(really|so|it|this|that|actually|actualy|def|definitely) helped|deed (me )?deugd|"
    r"tot een volgende keer|tot nog eens|"
    r"(heeft|hebben) (me |mij )?deugd gedaan|"
    r"off to (start )?(my |the )?(shift|work|bed)|wish me luck|(^|(?<=[.!] ))off to \w+|"
    # the conversation judged as it ends: "dit was beter dan ik had gedacht"
    r"(dit|dat|het) was (\w+ ){0,2}\w+er dan ik (had )?(verwacht|gedacht)|"
    r"(this|that|it) was (\w+ ){0,2}(better|more \w+) than i (expected|thought)|"
    r"cheaper than therapy)\b",
    re.I,
)


# The person's word on the conversation in their last message: "ik voel me lichter", "dit hielp".
LIGHTER = re.compile(r"\b(lichter|opgelucht|rustiger|lighter|relieved|calmer|weight off)\b", re.I)
HELPED = re.compile(
    r"\b(hielp|helpt|geholpen|nuttig|fijn gesprek|helderder|verhelderend\w*|duidelijker|helped|"
    r"helps|helpful|"
    r"useful|clearer)\b",
    re.I,
)


# Only a thank-you: "top, bedankt", "thanks!", "ok dankjewel".
ONLY_THANKS = re.compile(
    r"^\W*((ok|oke|oké|okay|top|super|great|mooi|fijn|cool|nice|cheers)\W+)*"
    rf"({THANKS_WORDS})"
    r"( (heel erg|so much|a lot|a million|very much|wel|hoor|he|hè))?\W*(x+)?\W*$",
    re.I,
)


# Leave taken at the end of a short message, thanks or not: "... ik ga pitten. doei".
LAST_WORD_BYE = re.compile(
    r"(^|[.!,;]\s*)(doei+|doeg|daag|bye|ciao|tot ziens|salut|salu|houdoe|adieu|groetjes|"
    r"slaap ?wel|welterusten|(good ?)?night|nite|night night|goede ?nacht|goeienacht|"
    r"goedenavond|goeienavond)\W*$",
    re.I,
)


# "right I'd better go", "fijn weekend": leave taken in a word the other lists do not hold.
BETTER_GO = re.compile(r"\b(i'?d better (go|get going|run|head off|get on)|fijn weekend)\b", re.I)


# Late in a conversation, a message that opens with a bare thank-you ("Merci. 't Is raar om dit
# aan een app te vertellen maar 't lucht op. ...", "Dank je. Ik zie er wel tegenop, ...") or says
# it is done ("Goed. Dat was het.") closes it, unless something more is announced (round 54: six
# such last messages got another question).
_OPENS_THANKS = re.compile(
    rf"^\W*(?:(?:ok|oké|oke|okay|nou|right|well|so)\W+)?({THANKS_WORDS}|ty)"
    r"(?![^.!?]*\b(vraag|question)\b)"
    r"(?:[ ,]+(?!voor\b|for\b|maar\b|but\b|dat\b|that\b)[^\W\d_]{1,6}){0,2}\W*[.!]",
    re.I,
)
# "Ik denk da ik genoeg heb om mee verder te gaan.", "I think I have enough now": not "genoeg
# van", which is being fed up.
_ENOUGH = re.compile(
    r"\b(ik denk da(t)? ik|i think i|i'?ve got|i have) (heb |have |got )?(wel |already |now )?"
    r"(genoeg|enough)\b(?! (van|of|time|money)\b)",
    re.I,
)
_DONE = re.compile(
    r"(^|[.!?]\s+)(goed|ok|oké|oke|right|ok then)?\W*(dat was het|dat is het wel|that'?s it|"
    r"that was it|dat was ?t|(i think )?i (have|got|'?ve got) what i need|"
    r"(ik denk dat )?ik (heb )?(wel )?genoeg( heb)?|(i think )?that'?s enough)"
    r"( (zo|voor nu|voor vandaag|for now|for today))?\s*[.!]",
    re.I,
)
_MORE = re.compile(
    r"\b(maar ik (zit|heb|wil) nog|nog (één|een) (ding|vraag)|nog iets|one more thing|"
    r"but i (still|want)|en nog)\b",
    re.I,
)


def closes_late(text: str) -> bool:
    """A late message that opens with thanks or says it is done, no question, nothing more."""
    if "?" in text or len(text.split()) > 45 or _MORE.search(text):
        return False
    said = _OPENS_THANKS.match(text) or _DONE.search(text) or _ENOUGH.search(text)
    # "... maar het heeft wel geholpen. Ik ga slapen, moet om half 4 er weer uit."
    return bool(said or (HELPED.search(text) or LIGHTER.search(text)) and GOING.search(text))
