"""What a message asks of the coach beyond reflecting: to stop, for advice, or a yes to advice.

Plain patterns for Dutch and English, kept apart from the engine so they can be tested and
extended on their own. They classify; they never answer.
"""

from __future__ import annotations

import re

from app.core import plan_marks
from app.core.closing_marks import (
    BETTER_GO,
    FAREWELL,
    GOING,
    HELPED,
    LAST_WORD_BYE,
    LIGHTER,
    NIGHT,
    ONLY_THANKS,
    THANKS_FOR,
    THANKS_WORDS,
    closes_late,
)

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
    r"(heb|weet) (jij|je|u) (nog |misschien |ook |dan )*(een |wat |goede |nog )*"
    r"(advies|adviezen|tips?|tipjes?)\b|"
    r"vertel (me|mij) (nou |maar |gewoon |dan )*wat|wat is (de|jouw) oplossing|"
    r"what should i do|tell me what to do|give me (some )?(advice|tips?)|any (advice|tips)|"
    r"(so |but |ok )?what do i do( now| here)?\W*(\?|\.|$)|wat doe ik (nu|nou)\b\W*\?|"
    r"what would you (do|recommend|suggest)|what do you (recommend|suggest)|"
    # not someone else asked "to just tell me when ..."
    r"(?<!to )just tell me\b(?!\s+(when|if|whether)\b)|"
    r"\bwat? zou(dt)? (jij|u|gij|ge) doen|in mijn schoenen|"
    r"(?<!weet wel )\bwat (jij|u|gij|ge) zou(dt)? doen\b|"
    r"(\w+ ){0,3}(tips|opties|adviezen) (geven|noemen)|"
    r"(give|tell) me (\w+ ){0,2}(options|tips|suggestions)|if you were me|"
    # asked of the coach, as a question: "Heb jij een idee hoe je dat aanpakt?"
    r"(heb|hebt|weet) (jij|je|u|gij|ge) (daar |er |misschien |nog )?(een |wat )?"
    r"(idee|ideeën|ideeen|suggesties?|tips?|hoe ik)\b[^.!?]{0,80}\?|"
    # the coach's view of the situation: "vind jij dat leeftijdsdiscriminatie?"
    r"\b(vind|vindt) (jij|u|gij|ge) (dat|het) [^.!?]{2,60}\?|"
    r"hoe (zou|pak|zie) (jij|u) (dat|het|zoiets)\b[^.!?]{0,40}\?|"
    r"\bvolgens (jou|u)\b[^.!?]{0,20}\?|"
    # the coach's view of the person's own words: "klinkt dat goed?", "does that sound ok?"
    r"\b(klinkt|klinken) (dat|da|het|dit) (\w+ )?(goed|oké|ok|oke|normaal|raar)\b[^.!?]{0,20}\?|"
    r"\b(does|would) (that|it|this) sound (\w+ )?(ok|okay|good|right|alright|fine)\b"
    r"[^.!?]{0,20}\?|"
    r"(any|got an?|have you got an?|do you have an?) ideas? (how|what|on)\b[^.!?]{0,80}\?|"
    r"how would you (handle|approach|deal with|tackle|go about)\b[^.!?]{0,60}\?|"
    r"what (do |d'?)?you think\W{0,2} (i should|should i)\b|"
    r"do you think i (should|ought to|need to)\b[^.!?]{0,80}\?|"
    # two ways of their own weighed as questions: "Should I just go and apologise? Or would
    # that make it worse?"; a question put to the coach: "can I ask you straight, should I ...?"
    r"\b(should|shall) i\b[^.!?]{3,120}\?\s*(or|of)\b[^.!?]{0,120}\?|"
    r"\b(moet|zal) ik\b[^.!?]{3,120}\?\s*(of|or)\b[^.!?]{0,120}\?|"
    r"\b(can|may|could) i ask you\b[^.!?]{0,30}?\W+(should|shall|do|would) i\b[^.!?]{3,100}\?|"
    r"\bmag ik (je|jou|u) (iets|wat|eens|even)( \w+)? vragen\W+(moet|zal|zou) ik\b[^.!?]{3,100}\?|"
    r"would you (\w+ ){0,3}(say|call|go|talk|tell|do|bring|raise|mention|apologi[sz]e|email|"
    r"e-mail|ask|meet|write|message|text|ring|contact|reach|phone|visit|report|leave|send)\b"
    r"[^.!?]{0,80}\?|"
    r"zou(dt)? (jij|u|gij|ge)\b(?![^.!?]*\b(voelen|vinden|denken|snappen|begrijpen|herkennen)\b)"
    r"[^.!?]{0,100}\?|(denk|vind)t? (je|jij|u|ge|gij) dat ik (\w+ ){0,6}"
    r"(moet|zou|beter)\b[^.!?]{0,80}\?|"
    # the coach's view asked beside the person's own question: "moet ik mij excuseren denkt
    # ge?", "wat denk jij, is dat naïef?", "should I apologise, do you think?"
    r"\b(moet|zou|kan) ik\b[^.!?]{0,60}\b(denk|denkt|vind|vindt) (je|jij|ge|gij|u)\?|"
    r"\bwat (denk|vind)t? (jij|u|gij|ge)( eigenlijk| zelf| dan)?\W+(is|was|moet|zou|kan|wordt|had|"
    r"heb|ben|deed)\b"
    r"[^.!?]{0,60}\?|"
    # the coach's judgement of the person's own act: "vind jij dat ik fout zat?"
    r"\b(vind|vindt|denk|denkt) (je|jij|u|ge|gij) dat ik (\w+ ){0,4}(fout|verkeerd|gelijk|"
    r"te ver|te hard|overdreven)\b[^.!?]{0,60}\?|"
    r"\b(should|shall|do|can) i\b[^.!?]{0,60}\bdo you think\?|"
    r"\bwhat do you think\W+(is|was|should|would|could|am|do)\b[^.!?]{0,60}\?|"
    # the coach's view asked at the end: "of is dat te brutaal? wat vind jij"
    r"\bwat vind (jij|u)\W*$|\bwhat do you think\W*$)",
    re.I,
)
# Words by which the person asks the coach to judge their own idea: "is dat naïef?".
JUDGING = (
    r"naïef|naief|raar|normaal|gek|overdreven|zwak|stom|dom|kinderachtig|egoïstisch|zeuren|"
    r"naive|normal|weird|strange|crazy|too much|weak|stupid|silly|petty|selfish|unreasonable|"
    r"over the top|overkill|daft|dramatic|dramatisch|out of line|unprofessional|onprofessioneel|"
    r"fout|verkeerd|needy|wrong|unfair|oneerlijk"
)
_JUDGEMENT_ASKED = re.compile(
    r"^\W*((maar|en|dus|but|and|so) )?(is|was) (dat|dit|het|that|this|it) (\w+ ){0,2}?("
    + JUDGING
    + r")\b[^.!?]{0,80}\?|"
    # the coach's view of the person's own act: "vind jij dat ik dat had moeten doen"
    r"\b(vind|vindt|denk|denkt) (jij|u|ge|gij) dat ik\b[^.!?]{0,60}\b(moeten|mogen)\b|"
    # "wat is een goede manier om ...? jij weet dat vast wel": the coach's knowledge asked
    r"\b(jij|u|gij|ge) weet (dat|het) (vast|vast wel|wel|zeker)\b|"
    r"\byou (must|probably|surely) know\b|"
    r"\b(do you think|d'you think) (it'?s|that'?s|it is|that is|it would be) (\w+ ){0,2}?("
    + JUDGING
    + r")\b[^.!?]{0,80}(\?|$)|"
    r"\b(ben ik (nou |dan |gewoon )?|am i (just )?(being )?)(te \w+|too \w+|" + JUDGING + r")\?",
    re.I,
)
_YES = re.compile(
    r"^\s*(ja|jazeker|graag|ja graag|prima|goed|oké|ok|okay|yes|yeah|sure|please|go ahead|"
    r"doe maar|zeker)\b",
    re.I,
)


# Closing phrases anywhere in a short message: "Oké, ik laat het hier even bij voor nu."
_STOP_PHRASE = re.compile(
    r"\b(laten we (het )?(hier |nu )?(stoppen|afronden|afsluiten|hierbij laten|hier laten)"
    r"\b(?!\s*(met|te|om)\b)|"
    r"(ik )?laat het (hier |nu )?(even |maar )?(hierbij|hier bij|daarbij|bij)"
    r"(?=\s*([.!,]|voor (nu|vandaag)|$))|"
    r"genoeg voor (vandaag|nu)|genoeg is voor (vandaag|nu)|tot zover|"
    r"ik heb (wel |nu )?genoeg (zo|voor (vandaag|nu))\b(?!\s*van\b)|"
    r"ik stop (ermee|hier|nu)\b(?!\s*met)|ik ga er (nu |maar |even )*mee stoppen|"
    r"ik stop er (nu |maar |even )*mee\b(?!\s*(met|te|om)\b)|"
    r"dit was het (voor (vandaag|nu))?\s*[.!]?$|"
    r"(ik wil|we kunnen) (nu |hier )?(afsluiten|afronden|stoppen)\b(?!\s*(met|te|om))|"
    r"let'?s (stop|wrap up|leave it|call it a day)( there| here| for (today|now))?"
    r"\b(?!\s*(with|to|doing))|"
    r"that'?s enough for (today|now|tonight)|i think that'?s enough|"
    r"that'?ll do for (today|now|tonight)(?!,?\s*(he|she|they|my \w+) (said|says|told))|"
    r"genoeg voor vanavond|"
    r"laten we het (hier|daar|nu) (\w+ ){0,3}bij laten|"
    r"ik (stop|kap|hou op|houd op) (er )?(even|voor nu|voor vandaag|nu even)\b(?!\s*met\b)|"
    r"ik moet (nu |zo |zometeen |straks |er )*(weg|gaan|vandoor|ervandoor|de dienst in|"
    r"aan het werk|naar (mijn|mn|m'n|het) (werk|dienst))\b(?!\s*(kunnen|zonder|met)\b)|"
    r"tot (de )?volgende keer|tot (later|morgen|snel)\b|"
    r"(i have to|i need to|i've got to|gotta|got to) (go|run|head off|get going)\b"
    r"(?!\s*(back|to|and|into|through|over|in)\b)|"
    r"(let'?s|can we|we can) pick (this|it) up (later|tomorrow|another time|next time)|"
    r"i'?(ll| will| am going to|'m going to) (stop|leave it) (there|here)|i'?m going to stop here|"
    r"that'?s (it|all) for (now|today)(?!,?\s*(he|she|they|my \w+) (said|says|told))|"
    r"that'?s me (for (now|today|tonight)|done)\b|"
    r"laat ons (het )?(hier|nu)? ?(bij )?(houden|laten|stoppen)|"
    r"laat ons (het )?hierbij (houden|laten)|"
    r"(ik kan|kan ik) (het )?(zo|nu|hier) (wel )?(afsluiten|afronden|laten rusten)\b"
    r"(?!\s*(met|te|om)\b)|dat ik het (zo|nu|hier) (wel )?kan (afsluiten|afronden)\b)",
    re.I,
)


def closing_word(text: str) -> str:
    """What a last message says besides goodbye: "lighter", "helped", "plan" or ""."""
    if LIGHTER.search(text):
        return "lighter"
    if HELPED.search(text):
        return "helped"
    # A plan of the reflection, not the errand the person leaves for ("ik ga nu koken").
    steps = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if not says_goodbye(s)]
    return "plan" if plan_marks.says_plan(" ".join(steps)) else ""


def says_goodbye(sentence: str) -> bool:
    """A sentence of a closing message that only takes leave: "Ik ga nu koken, ben kapot.",
    "Right, off to bed.", "Cheers for this, didn't think I'd say this much.". A step on a day to
    come is no errand ("Ik ga morgen de sleutels halen."), and thanks with a plan keep the plan
    ("Dank je, ik bel hem morgen.")."""
    if any(p.search(sentence) for p in (GOING, NIGHT, FAREWELL)):
        return not plan_marks.time_ahead(sentence) or bool(_NOW.search(sentence))
    return bool(THANKS_FOR.search(sentence)) and not plan_marks.says_plan(sentence)


# Leaving now, whatever comes tomorrow: "ik ga nu echt slapen, morgen om acht uur weer ...".
_NOW = re.compile(r"\b(nu|now|zo meteen|straks|slaap ?wel|welterusten|night)\b", re.I)


def _thanks_and_goodbye(text: str) -> bool:
    """A short last message that thanks and leaves (or says the talk helped), no question."""
    if len(text.split()) > 30 or "?" in text:
        return False
    leaving = GOING.search(text) or NIGHT.search(text) or FAREWELL.search(text)
    return bool(THANKS_FOR.search(text) and leaving)


def only_thanks(text: str) -> bool:
    return bool(ONLY_THANKS.match(text))


def _closing_tail(last: list[str]) -> bool:
    """A long message that ends with thanks and leave: "... Thanks for this, I feel less wound
    up than an hour ago. Night", "... en dan bel ik hem. Bedankt, dit hielp."."""
    end = last[-1]
    if len(last) < 2 or "?" in end or len(end.split()) > 12:
        return False
    if _thanks_and_goodbye(end) or only_thanks(end):
        return True
    bye = NIGHT.search(end) or LAST_WORD_BYE.search(end) or FAREWELL.search(end)
    return bool(bye and len(end.split()) <= 6 and any(THANKS_FOR.search(s) for s in last))


def _thanked_at_the_end(last: list[str]) -> bool:
    """A long message whose last sentences thank and say the talk helped or that they leave:
    "... Merci he, da luchtte op. Ik ga nu slapen, wekker staat om 2u", "... dank je, dit hielp
    om het een beetje uit elkaar te rafelen. fijn weekend"."""
    tail = " ".join(last)
    if len(tail.split()) > 30:
        tail = last[-1]  # a long sentence before: the last one alone
    if "?" in tail or len(tail.split()) > 25 or not THANKS_FOR.search(tail):
        return False
    said = (GOING, FAREWELL, LIGHTER, HELPED, BETTER_GO)
    return any(p.search(tail) for p in said)


# Thanks for the talk itself, not for a question: "Dank u wel voor dit gesprek", "Thanks for
# this", "merci hé", "Dank voor het meedenken"; "dank je, goede vraag" is none.
_THANKS_LATE = re.compile(
    rf"\b({THANKS_WORDS}|thx|ty|hartelijk dank|dank voor)\b(?!,?\s+(voor (de |die |deze |je |)?|"
    r"for (the |that |this |your )?)?(goede |good )?(vraag|question)\b)",
    re.I,
)


def thanks_late(text: str) -> bool:
    """Late in a conversation, a thank-you with no question in a short message, or in the last
    two sentences of a longer one, closes it ("Dank je. Het is een stuk helderder nu. Ik ga het
    donderdag proberen.", "... Thanks for this. Genuinely.")."""
    if "?" in text or len(text.split()) > 45:
        return False
    tail = text if len(text.split()) <= 20 else " ".join(re.split(r"(?<=[.!?])\s+", text)[-2:])
    return bool(_THANKS_LATE.search(tail)) or closes_late(text)


def wants_to_stop(text: str) -> bool:
    """A request to end the conversation: a short stop message, a bare thank-you, or a closing
    phrase in a short message or in the last sentence of a longer one."""
    if len(text.split()) <= 12 and _STOP.search(text) or only_thanks(text):
        return True
    if _thanks_and_goodbye(text):
        return True
    if len(text.split()) <= 30 and "?" not in text and LAST_WORD_BYE.search(text):
        return True
    if len(text.split()) <= 30 and _STOP_PHRASE.search(text):
        return True
    last = re.split(r"(?<=[.!?])\s+", text.strip())[-3:]
    if _closing_tail(last) or len(text.split()) > 30 and _thanked_at_the_end(last[-2:]):
        return True
    last = last[-2:]
    if len(last[-1].split()) > 15:
        # "..., ok, that's enough for tonight I think, thanks": a closing at the end of a run-on
        last += re.split(r",\s+", last[-1])[-3:]
    return any(len(s.split()) <= 15 and _STOP_PHRASE.search(s) for s in last)


# What someone else said or asked ("Hij vroeg: moet ik dat morgen doen?") is not a request.
_REPORTED = re.compile(
    r"\b(vroeg|vraagt|zei|zegt|asked|asks|said|says)\b[^:.!?]{0,20}:\s*[^.!?]*[.!?]", re.I
)


def asks_advice(text: str) -> bool:
    """Advice, or the coach's judgement of the person's own idea asked first ("is dat normaal
    eigenlijk?"); a judgement asked at the end of a story leaves the story to be said back."""
    return bool(_ADVICE.search(_REPORTED.sub(" ", text)) or _JUDGEMENT_ASKED.search(text))


# A plain no to the direct question about suicide, self-harm or danger. Any hedge ("nee, maar
# soms wel") is not a plain no: the hand-off follows then. A courtesy ("haha", "sorry") may come
# first and a thank-you after it ("nee, maar fijn dat je het vraagt") without making it a hedge.
_NO = re.compile(
    r"^\W*(?:(?:haha+|hah|oh|o|ah|sorry|nou|joh|echt|well|honestly|eerlijk gezegd)\W+)*"
    r"(nee+|neen|nope|nah|no+|zeker niet|helemaal niet|absoluut niet|echt niet|not at all|"
    r"definitely not|certainly not|absolutely not|god nee|oh nee|nee hoor|nee nee|no no|"
    r"not really no|niet aan zelfdoding|i'?m not|ik denk er niet aan|daar denk ik niet aan|"
    r"dat niet)\b",
    re.I,
)
_THANKS = re.compile(
    r"\b(maar |but )?(wel |toch )?(fijn|goed|lief|bedankt|dank (je|u)( wel)?|thanks|thank you|"
    r"good|kind|nice)( dat (je|u) (het |dat )?(vraagt|checkt|vroeg)| for (asking|checking))?\b",
    re.I,
)
_HEDGE = re.compile(
    r"\b(maar|soms|wel eens|weleens|misschien|beetje|eigenlijk|af en toe|niet zeker|weet (ik )?"
    r"niet|vroeger wel|nu niet|nog niet|but|sometimes|maybe|perhaps|kind of|sort of|a bit|"
    r"not sure|dont know|don'?t know|used to|not now|not yet|at times|ja|yes|anymore|meer)\b",
    re.I,
)


# Words by which a first sentence answers the question after all, and words about the subject.
_ANSWERS = re.compile(
    r"\b(soms|wel eens|weleens|misschien|af en toe|niet zeker|weet (ik |het |ik het )?niet|"
    # "ja"/"yes", but not the one that confirms the person's own sentence ("Excuses voor de toon,
    # ja, dat moet sowieso")
    r"eigenlijk wel|ja(?!,? (dat|die|da) )|yes(?!,? (that|this) )|sometimes|maybe|perhaps|kind of|"
    r"sort of|not sure|don'?t know|"
    r"dont know|at times|not really|niet echt|waarom vraag|why do you ask|liever niet|"
    r"rather not)\b",
    re.I,
)
_ABOUT_IT = re.compile(
    r"\b(zelfdoding|zelfmoord|suicid\w*|dood|doodgaan|sterven|dying|dead|death|"
    # "leven" and "life", not as in "daar kan ik mee leven", "work-life balance", "that's life"
    r"(?<!mee )(?<!mee te )leven|(?<!work-)(?<!work )(?<!that's )(?<!thats )life|"
    # English "die" with what makes it a verb: the Dutch "die" ("mijn vader, die ...") is not
    r"(to|wanna|gonna|rather|i'd|could|would|might|just|will|i) die|"
    r"kill\w*|hurt\w*|pijn doen|snijden|cutting|gevaar|danger|113|112)\b",
    re.I,
)
# A first sentence that goes on with the story, its "misschien" about the story and not an answer:
# "Misschien gaat het eigenlijk niet om de berisping zelf.", "Maybe it's more about the team."
# (not "Misschien wel, ik denk er soms aan", nor a sentence that points back at the question).
_GOES_ON = re.compile(
    r"^\W*(misschien|maybe|perhaps) (gaat het|ging het|is het meer|it'?s more|it is more|"
    r"it was more) (\w+ ){0,3}(om|over|about)\b(?!.*\b(daaraan|eraan|daar aan|aan denken|"
    r"denk er|dacht er|er (\w+ )?aan|wat je vraagt|je vraag|what you ask|your question|"
    r"think about it|thought about it|thinking about it)\b)",
    re.I,
)
# A yes to the direct question; "oké, ..." or "goed, ..." before a story about the work is not.
_YES_TO_CHECK = re.compile(r"^\W*(ja|jawel|jazeker|jep|yes|yeah|yep|yup|klopt|zeker)\b", re.I)


def says_no(text: str) -> bool:
    """A plain no, without a hedge that leaves the door open."""
    if len(text.split()) > 40 or not _NO.search(text):
        return False
    return not _HEDGE.search(_THANKS.sub(" ", text))


def answer_to_check(text: str, min_words: int = 20) -> str:
    """How a message answers the direct question about suicide, self-harm or danger: "no" (a
    plain no), "elsewhere" (a message of at least `min_words` words that goes on about the work
    without touching the question, no yes, no hedge), or "open" (yes, a hedge, an evasion: the
    hand-off follows)."""
    if says_no(text):
        return "no"
    first = re.split(r"(?<=[.!?])\s+", text.strip())[0]
    if (
        len(text.split()) >= min_words
        and not _YES_TO_CHECK.search(text)
        and not (_ANSWERS.search(first) and not _GOES_ON.match(first))
        and not _ABOUT_IT.search(text)
    ):
        return "elsewhere"
    return "open"


def says_yes(text: str) -> bool:
    return bool(_YES.search(text)) and len(text.split()) <= 8


# Asking the coach to be something else: drop its instructions, reveal them, play a role, or
# write for the person. Role play and writing count only as a request at the start of a
# sentence ("Ik doe alsof het me niks doet" is about the person, "Doe alsof..." is a request).
_INSTRUCTION = re.compile(
    r"\b(negeer|vergeet) (\w+ ){0,2}(instructies|regels|opdracht|prompt)\b|"
    r"\b(ignore|forget|disregard) (\w+ ){0,2}(instructions|rules|prompt)\b|"
    r"\b(system ?prompt|systeemprompt|je prompt|your prompt|je instructies|your instructions)\b|"
    r"(^|[.!?]\s+)(doe|speel) (\w+ ){0,2}alsof\b|"
    r"(^|[.!?]\s+)(pretend|act as|roleplay|role-play)\b|\bcan you (pretend|act as)\b|"
    r"(^|[.!?,]\s+)(schrijf|write|maak|make|compose) (\w+ ){0,3}(gedicht|poem|verhaal|story|lied|"
    r"song|grap|joke|essay|code)\b|"
    r"(^|[.!?,]\s+)(schrijf|write|maak|make) (\w+ ){0,3}(mijn|my) \w*(verslag|report|essay|"
    r"opdracht|assignment|reflectie|reflection)\b",
    re.I,
)
# Frustration aimed at the coach itself; a quoted remark ("mijn baas zei: je bent dom") is not.
_AT_COACH = re.compile(
    r"\b(domme|stomme|nutteloze|waardeloze|saaie|stupid|dumb|useless|boring|worthless) "
    r"(bot|chatbot|ding|machine|programma|app|thing)\b(?! (to|om|i|he|she|we|they|ik|hij|zij)\b)|"
    r"\b(je|jij) bent (echt |zo |gewoon |wel |ook |nu )*(de )?(domste|stomste|dom|stom|nutteloos|"
    r"waardeloos|saai|dodelijk saai|slechtste)\b|"
    r"\b(dom|stom|saai|nutteloos|waardeloos) ben (je|jij)\b|"
    r"\b(you are|you're|ur) (so |really |just |such |the )*(a |an )?(stupid|dumb|useless|boring|"
    r"worst|idiot|dumbest|pointless)\b",
    re.I,
)
_QUOTING = re.compile(r"\b(zei|zegt|noemde|noemt|riep|said|says|called|told|yelled)\b", re.I)


def off_task(text: str) -> str | None:
    """'frustration' when the person vents at the coach, 'instruction' when they ask it to be
    something else than a reflection coach, None for everything else."""
    if _AT_COACH.search(text) and not _QUOTING.search(text):
        return "frustration"
    if _INSTRUCTION.search(text):
        return "instruction"
    return None
