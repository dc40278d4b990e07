"""Small text helpers shared by the rule modules: one place for each job.

Role: word lists written as readable strings; `fold`, the one accent and case folding every
comparison starts from (each module then treats apostrophes and punctuation as its job needs);
`sentences` and `words` live with the reply checks (app/core/style_sentences.py) and are used
from there by every module that splits or counts.
Must not: import anything beyond the standard library.
"""

from __future__ import annotations

import re
import unicodedata

# Words (with their apostrophes and hyphens, "1-op-1", "covid-19"), numbers and single punctuation
# marks.
TOKEN = re.compile(
    r"['’](?:s|t|n|k|m)\b|\d+(?:-[^\W_]+)+|"
    # letters and digits in one word stay one: "3x", "F2", "FY2", "4e"
    r"\d+[^\W\d_]+\w*|[^\W\d_]+\d+\w*|"
    r"[^\W\d_]+(?:['’][^\W\d_]+|-[^\W_]+)*|"
    r"\d+(?:[.,]\d+)?|[^\w\s]",
    re.UNICODE,
)


def fold(text: str) -> str:
    """Lowercase without accents: "Oké, ÉÉN" -> "oke, een"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one readable, whitespace-separated string."""
    return frozenset(text.split())


def wordlist(text: str) -> list[str]:
    """The words of one readable, whitespace-separated string, in order."""
    return text.split()


def join_tokens(tokens: list[str]) -> str:
    """Tokens back into text: no space before closing punctuation or after an opening one or a
    currency sign ("$3", "€ 50" as "€50", "20%")."""
    text = ""
    for tok in tokens:
        if not text or tok in ".,;:!?)…%" or text.endswith(("(", "‘", "$", "€", "£", "#")):
            text += tok
        else:
            text += f" {tok}"
    return text


# Chat spellings without the apostrophe, written out before a sentence is turned.
_EN_CONTRACTIONS = {
    "im": "I'm",
    "bc": "because",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "ive": "I've",
    "dont": "don't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "cant": "can't",
    "wont": "won't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "thats": "that's",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "hadnt": "hadn't",
    "hasnt": "hasn't",
    "havent": "haven't",
    "arent": "aren't",
    "werent": "weren't",
    "youre": "you're",
    "theyre": "they're",
    "whats": "what's",
    "theres": "there's",
    "couldve": "could've",
    "hes": "he's",
    "wouldve": "would've",
    "shouldve": "should've",
    "u": "you",
    "ur": "your",
    "tho": "though",
    "thru": "through",
    "prob": "probably",
    "probs": "probably",
    # regional: "summat" (something), "naw" (no), Scots "-nae" for "-n't"
    "summat": "something",
    "naw": "no",
    "dinnae": "don't",
    "cannae": "can't",
    "wasnae": "wasn't",
    "didnae": "didn't",
    "isnae": "isn't",
    "couldnae": "couldn't",
    "wouldnae": "wouldn't",
}


def _capital_as(typed: str, written: str) -> str:
    """ "Hadnt" -> "Hadn't": the capital the person typed stays."""
    return written[:1].upper() + written[1:] if typed[:1].isupper() else written


# "id" before what one would do: "than id admit", "id rather not".
_I_D = re.compile(
    r"\b([Ii])d (?=(admit|say|rather|have|be|like|love|want|never|just|think|probably|do|go|get|"
    r"talk|ask|tell|call|try|speak|text|email|start|bring|"
    r"hate|prefer|told|been|known)\b)"
)


# Chat and regional spellings the coach does not say in its own sentence: "gwn", "nie", "da".
_NL_CHAT_WORDS = {
    "gwn": "gewoon",
    "mss": "misschien",
    "wrm": "waarom",
    "idd": "inderdaad",
    "nie": "niet",
    "ni": "niet",
    "wa": "wat",
    "da": "dat",
    "da's": "dat is",
    "das": "dat is",
    "t": "het",
    "k": "ik",
    # regional: Gronings, Limburgs, Brabants, Vlaams
    "nait": "niet",
    "neet": "niet",
    "mien": "mijn",
    "goe": "goed",
    "efkes": "even",
    "mer": "maar",
    "mot": "moet",
    "wss": "waarschijnlijk",
    "eig": "eigenlijk",
    "eigl": "eigenlijk",
    "sws": "sowieso",
    "ff": "even",
    "nen": "een",
    "ne": "een",  # "ik voel me precies ne verrader"
    "gene": "geen",  # "ik ben ook gene politie"
    "ich": "ik",  # Limburgs: "Ich ben 63"
    "da'k": "dat ik",
    "mischien": "misschien",
    "gin": "geen",  # Zeeuws, Brabants: "nog gin koffie"
    "effen": "even",
    "hail": "heel",  # Gronings: "hail goed"
    "zijnen": "zijn",
    "mo": "maar",  # "mo kijk, ..."
    "ie": "hij",  # "toen zei ie", "als ie het wist"
    "zn": "zijn",
    "ut": "het",  # "of ik ut anders had moeten zeggen"
    "vrouwke": "vrouwtje",  # Flemish diminutives
    "manneke": "mannetje",
    "vasthou": "vasthoud",  # "hoe langer ik het vasthou"
}
_NL_CHAT = re.compile(
    r"(?<![\w'’-])(" + "|".join(map(re.escape, _NL_CHAT_WORDS)) + r")(?![\w'’-])", re.I
)


def nl_spelled_out(text: str) -> str:
    """ "ik vind da gwn nie eerlijk" -> "ik vind dat gewoon niet eerlijk"; "er mee" -> "ermee";
    a tag said to the listener at the end ("..., he.") left out."""
    text = _BARE_KIN["nl"].sub(lambda m: f"Mijn {m[1].lower()} ", text)  # "Vrouw zegt ..."
    text = _ER_APART.sub(lambda m: f"{m[1]}{m[2].lower()}", text)
    text = re.sub(r",?\s+(he|hè|hé|h[eèé]+h?)(?=\W*$)", "", text)
    # the Flemish "den technieken" is "de technieken"; not "Den Haag", "Den Bosch"
    text = re.sub(
        r"\bden(?= (?!haag|bosch|helder|burg|dolder|ham|hoorn|dungen|oever)[a-z])", "de", text
    )
    # "'k voel me" is "ik voel me"; at the start "'k Voel" is "Ik voel"
    text = re.sub(r"(?:^|(?<=[.!?]\s))['’]k (\w)", lambda m: f"Ik {m[1].lower()}", text)
    text = re.sub(r"(?<![\w'’])['’]k\b", "ik", text)
    text = _NL_OK.sub("ook", text)  # "de koffieautomaat is ok al een week kapot"
    text = _NL_HEB.sub(_third_heb, text)  # "omdat ze niks tegen mij heb gezegd"
    return _NL_CHAT.sub(lambda m: _capital_as(m[1], _NL_CHAT_WORDS[m[1].lower()]), text)


# "ok" for "ook" mid-sentence, before what follows "ook" ("is ok al", "Kees ok even zeggen", "en
# ok boosheid"); "ok" as "oké" stands at the start or before a comma ("Ok, ik probeer het").
_NL_OK = re.compile(
    r"(?<=\w )ok(?= (al|even|effen|ff|wel|nog|gewoon|weer|eens|altijd|nooit|meteen|echt|niet|nie|"
    r"geen|gin|een|ne|nen|zo|mee|maar|heel|best|erg|boos|boosheid|schaamte|bang|blij)\b)|"
    r"(?<=\ben )ok(?= [a-z])",
    re.I,
)


# "ze heb", "omdat ze niks tegen mij heb gezegd": the third person has "heeft"
_NL_HEB = re.compile(
    r"\b((?:omdat|dat|als|toen|of|wat|die) )?(hij|zij|ze|ie)\b([^.,;!?]{0,40}?) heb\b"
    r"(?! (ik|je|jij|we|wij|u|k)\b)",
    re.I,
)


def _third_heb(m: re.Match[str]) -> str:
    between = m[3]
    if between and (not m[1] or re.search(r"\b(ik|je|jij|we|wij|u|k)\b", between, re.I)):
        return m[0]
    return f"{m[1] or ''}{m[2]}{between} heeft"


_ER_APART = re.compile(
    r"\b([Ee]r) (mee|aan|over|van|door|uit|bij|tegen|achter|in|op|om|naar|voor)\b"
    r"(?=\s+(eens|bezig|zitten|zit|zat|om|na|niet|nie|geholpen|omgaan|mee|toe|gedaan|ophouden|"
    r"lijkt|leek|let|lette|rekent|rekende|staat|stond|ligt|lag|hoort|past|wacht|\w+en)\b|\W*$)"
)


# "Vrouw zegt dat ik het moet laten gaan", "Wife says I should leave it": whose is left out.
_BARE_KIN = {
    "nl": re.compile(
        r"(?:^|(?<=[.!?] ))(Vrouw|Man|Vriendin|Vriend|Baas|Moeder|Vader|Ma|Pa) "
        r"(?=(zegt|zei|vindt|vond|denkt|dacht)\b)"
    ),
    "en": re.compile(
        r"(?:^|(?<=[.!?] ))(Wife|Husband|Missus|Partner|Boss|Mum|Mam|Dad|Girlfriend|Boyfriend) "
        r"(?=(says|said|thinks|thought|reckons|reckoned)\b)"
    ),
}


# "ill" as "I'll" where a plan follows, never "ill" of being sick: "i think ill catch him",
# "so ill just ask", "ill ask her tomorrow".
_I_LL = re.compile(
    r"(^|(?<=[.!?] )|\b(?:think|guess|so|then|maybe|prob|probably|reckon|suppose|hope|and|but|"
    r"ok|okay) )([Ii])ll (?=(just|probably|prob|ask|tell|talk|catch|call|ring|say|try|go|do|see|"
    r"email|text|write|speak|bring|check|have|be|get|make|take|start|stop|let|put|send|book|raise|"
    r"mention|keep|wait|look|message|pop|grab|find|leave|sit|need|show|give|explain)\b)"
)


_ME_AS_MY = re.compile(
    r"\b([Mm])e (?=(head|mum|mam|dad|da|wife|husband|missus|boss|job|mates?|car|van|phone|kids|"
    r"bairns?|family|hands?|face|eyes|lunch|break|shift|desk|own|life|nan|gran|brother|sister|"
    r"partner|lad|lass|girlfriend|boyfriend|gaffer|manager)\b)"
)
# "keep my head down, do the job well": the "I" left out before a verb of the person's own
_NO_I = re.compile(
    r"^(keep|kept|went|got|did|said|told|felt|thought|stood|sat|walked|asked|tried|made|took|"
    r"gave|left|spent|heard|saw|knew|realised|realized|gonna|don't|didn't|can't|won't|wouldn't|"
    r"couldn't)\b"
    r"(?=[^.!?]*\b(my|me|myself|i'm|i)\b)",
    re.I,
)


def en_spelled_out(text: str) -> str:
    text = _BARE_KIN["en"].sub(lambda m: f"My {m[1].lower()} ", text)  # "Wife says ..."
    text = _ME_AS_MY.sub(lambda m: f"{m[1]}y ", text)  # "me head", "me mum"
    text = re.sub(r"\b(should|could|would|must)( not)? of\b", r"\1\2 have", text)
    text = re.sub(r"\b([Yy]ou\b[^.!?,]{0,40}?\band) was\b", r"\1 were", text)
    text = _NO_I.sub(lambda m: ("I'm " if m[1].lower() == "gonna" else "I ") + m[1].lower(), text)
    text = re.sub(
        r"\b([Yy]ou|I|[Ww]e|[Tt]hey|[Hh]e|[Ss]he) done (?=(it|that|this|the)\b)", r"\1 did ", text
    )
    text = _I_D.sub(lambda m: "I'd ", text)
    text = _I_LL.sub(lambda m: f"{m[1]}I'll ", text)
    text = re.sub(
        r"(?<![\w'’-])(" + "|".join(_EN_CONTRACTIONS) + r")(?![\w'’-])",  # not "U-turn"
        lambda m: _capital_as(m.group(1), _EN_CONTRACTIONS[m.group(1).lower()]),
        text,
        flags=re.I,
    )
    text = re.sub(r"(?<![\w'’.-])i(?![\w'’-])(?!\.\w)", "I", text)  # "should i just say"
    # "idk how i feel": the words it stands for; "idk, i just froze" keeps it, as a filler
    text = re.sub(r"\b[Ii]dk (?=(how|what|why|if|whether|who|where|when)\b)", "I don't know ", text)
    return _ITS.sub(lambda m: m.group(1) + "'s ", text)  # "its a printer" -> "it's a printer"


_ITS = re.compile(
    r"\b([Ii]t)s (?=(?i:a|an|the|not|so|just|been|ok|okay|fine|all|only|my|your|like|really|too|"
    r"still|never|always|what|how|because|hard|weird|more|less|quieter|easier|harder|better|worse|"
    r"true|over|done|gone|going|getting|about|quiet|busy|mad|daft|fair|different|his|her|their|"
    r"our|me|him|them|you|that|this|nothing|everything|something|no|"
    r"half|almost|still|exactly|probably|maybe|basically)\b)"
)


def lower_first(text: str) -> str:
    """`text` as it goes on after a comma: "Je hebt ..." -> "je hebt ...", "'s Avonds ..." ->
    "'s avonds ..." (a capital after "'s" or "'t" only stands at the start of a sentence)."""
    if re.match(r"['’][st] [A-Z]", text):
        return text[:3] + text[3].lower() + text[4:]
    return text[:1].lower() + text[1:]


# What the person thought or said to themselves, in its own word order: "Je denkt hij heeft niet
# eens gezien", "Je hebt altijd gezegd zo word je nooit" need a colon (round 54).
_INNER_SPEECH = re.compile(
    r"\b((?:je denkt|denk je|je dacht|dacht je|je zegt|zeg je|je zei|zei je|gezegd|gedacht)(?: "
    r"altijd| toen| nog| ook)?),?\s+((?:hij|zij|ze|die|we|jullie|iedereen|niemand|zo|dan|daar|ja|"
    r"nee)\s+(?:heeft|had|is|was|wil|wilde|kan|kon|moet|moest|zal|zou|gaat|ging|doet|deed|ziet|"
    r"zag|weet|wist|snapt|komt|kwam|word|wordt|werd|hebben|zijn|gaan|komen|willen|kunnen|moeten|"
    r"goed|prima|klopt|hoor)\b)",
    re.I,
)


def with_inner_speech(text: str) -> str:
    """A Dutch mirror with a colon before what was thought or said in its own word order."""
    text = re.sub(
        r"\b([Dd]aar|[Hh]ier) gaan jullie( dan)? weer\b", r"\1 gaan we\2 weer", text
    )  # idiom
    return _INNER_SPEECH.sub(r"\1: \2", text)
