"""Marks of a message the questions depend on: whether it tells a pattern rather than one
moment, the person's own judging word ("ik vond het echt ambetant"), whether it names what
matters to them or what touches them, words left unsaid, a fear of what may come, and two
sides weighed.

Role: pure text patterns for app/core/reading.py.
Must not: read anything but the text it is given.
"""

from __future__ import annotations

import re

from app.core.fear_marks import fear_ahead as fear_ahead
from app.core.language_guard import word_counts
from app.core.text import wordset
from app.core.touched_marks import POINT, TOUCHED

# How the person judges what happened, in their own word: "ik vond het echt ambetant", "it was
# awkward" ("dat maakt het verwarrend" names its reason already). Asked back with that word:
# "Wat maakte het zo ...?"
_EVAL_WORDS = {
    "nl": "lastig|moeilijk|raar|vreemd|verwarrend|ambetant|pijnlijk|spannend|eng|zwaar|"
    "frustrerend|ongemakkelijk|confronterend|jammer|vervelend|oneerlijk|dubbel|fijn|leuk|mooi|"
    "kinderachtig|lullig|heftig|vernederend|gênant|stressvol|naar",
    "en": "hard|difficult|weird|strange|confusing|awkward|painful|scary|heavy|frustrating|"
    "uncomfortable|unfair|embarrassing|annoying|tough|odd|petty|silly|horrible|awful|"
    "humiliating|stressful|intense",
}
_EVAL_LEAD = {
    "nl": r"(?:(?:vind|vond) (?:ik )?(?:het|dat)|(?:het|dat) (?:vind|vond) ik|"
    r"(?:het|dat) (?:is|was|voelt|voelde|blijft|bleef|wordt|werd))",
    "en": r"(?:(?:i )?(?:find|found) (?:it|that)|(?:it|that) (?:is|was|feels|felt)|"
    r"(?:it|that)s)",
}
_EVAL_PAST = re.compile(r"\b(vond|was|voelde|bleef|werd|found|felt)\b")
_EVAL_FILLER = (
    r"((?:(?:zo|echt|best|heel|wel|ook|gewoon|achteraf|eigenlijk|nogal|so|really|quite|pretty|"
    r"very|just|a bit|een beetje) ){0,3})"
)
_EVAL = {
    lang: re.compile(rf"\b{_EVAL_LEAD[lang]} {_EVAL_FILLER}({words})\b")
    for lang, words in _EVAL_WORDS.items()
}
# A judgement the same sentence already explains (a reason or the condition it holds under:
# "lastig als ik weet dat...") is not asked about again.
_EVAL_REASON = re.compile(
    r"\b(omdat|want|doordat|alsof|als|wanneer|zodra|because|since|as if|when|if|that's why|"
    r"dan (voel|word|ben|lijk) (ik|je)|then i (feel|look|seem))\b"
)


def _sentences(low: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", low)


def evaluation(low: str, lang: str) -> tuple[str, bool]:
    """The person's own judging word and whether it was said in the past tense."""
    for sentence in _sentences(low):
        m = _EVAL[lang].search(sentence)
        if m and not _EVAL_REASON.search(sentence):
            return m.group(2), bool(_EVAL_PAST.search(m.group(0)))
    return "", False


_HABITUAL = re.compile(
    r"\b(altijd|elke keer|iedere keer|telkens|vaak|meestal|bijna nooit|steeds|keer op keer|"
    r"de hele tijd|always|every time|all the time|over and over|"
    r"each time|often|usually|whenever|hardly ever|(elke|iedere) (dag|avond|ochtend|nacht|week|"
    r"dienst)|every (day|evening|morning|night|week|shift))\b"
)


def habitual(low: str) -> bool:
    """A pattern is not one moment: "toen" would point at nothing."""
    return bool(_HABITUAL.search(low))


# What matters to them, or who they hold themselves to be ("ik zie mezelf als iemand die ..."):
# asking what it says about what matters repeats it.
_VALUES = re.compile(
    r"\b(belangrijk\w*|waardevol|waarden?|matters?|important|values?)\b|\bi (see|saw) myself as\b|"
    r"\b((zie|zag) (ik )?(mezelf|mijzelf) (\w+ )?|(mezelf|mijzelf) (\w+ )?(zie|zag) )als iemand|"
    r"\bik ben (juist |altijd |nu eenmaal )*(diegene|degene|iemand) die\b"
)


# What the person did not say and wished they had, without saying it here: "ik had eigenlijk
# veel meer willen zeggen", "I bit my tongue". Asked: what they would have wanted to say.
_UNSAID = re.compile(
    r"\b(?:had (?:ik )?(?:(?:eigenlijk|nog|veel|zo|ook|toch|graag) )*(?:meer |iets |wat |het |"
    r"van alles )?(?:willen|moeten|kunnen) (?:zeggen|vragen|terugzeggen)|"
    r"(?:heb|had) (?:ik )?(?:er )?(?:eigenlijk )?(?:niks|niets) (?:meer |terug )?"
    r"(?:gezegd|teruggezegd)|zei (?:ik )?(?:niks|niets)(?: terug| meer)?|zweeg|"
    r"hield (?:ik )?mijn mond|beet (?:ik )?op mijn tong|"
    r"(?:could|should|would) have said|wanted to say|said nothing|"
    r"didn'?t say (?:anything|a word|a thing)|kept (?:quiet|my mouth shut)|bit my tongue)\b"
    # ... unless the same sentence says it: "had ik kunnen zeggen dat ...", "I wanted to say:".
    r"(?!\s*(?:[:'‘“\"]|dat\b|that\b|iets als|something like|sorry|"
    r"(?:i|i'd|i'm|i've|ik|hij|zij|ze|he|she|they|we|you|it)\b))"
)


# Two sides weighed without a choice: "ik twijfel tussen ...", "back and forth", "torn
# between". Asked: what weighs most. ("Ik weet niet welke erger is" weighs nothing: not asked.)
# Ways listed by number or named as options: "1 ja zeggen ... 2 nee zeggen", "options I guess.
# 1) ... 2) ...", "ik zie eigenlijk 3 dingen": ways of their own, weighed against each other.
LISTED_WAYS = (
    r"(?:^|[.:;!?]\s+)(?:1|één)[).:]?\s+\w+[^\n]{3,}?[.:;!?]\s+(?:2|twee)[).:]?\s+\w|"
    r"\b(?:de |mijn |my |the )?(?:opties|options|mogelijkheden|keuzes|choices) "
    r"(?:zijn|are|i guess|denk ik)\b|"
    r"\b(?:ik zie|i see) (?:eigenlijk |wel |really )?(?:\d|twee|drie|vier|two|three|four) "
    r"(?:dingen|opties|mogelijkheden|routes|options|ways|things)\b"
)

_DILEMMA = re.compile(
    r"\b(?:weet (?:ik )?(?:eigenlijk |echt )?niet (?:goed )?(?:welke|wat) (?:van de twee )?"
    r"(?:ik kies|ik moet kiezen|beter is)|twijfel (?:tussen|of)|heen en weer|tweestrijd|enerzijds|"
    r"aan de ene kant|don'?t know which (?:to choose|is better)|back and forth|torn between|"
    r"on the one hand|can'?t decide (?:between|whether))\b|"
    # asked as two ways open: "Moet ik haar bellen, of wacht ik af?", "Should I X, or Y?"
    r"\b(?:moet|zal|kan|ga) ik\b[^?.!]*,? of\b[^?.!]*\?|"
    r"\b(?:should|shall|do|can) i\b[^?.!]*,? or\b[^?.!]*\?|"
    # the second way asked on its own: "Should I say sorry? Or do I go back to Gary?"
    r"\b(?:moet|zal|kan|ga|should|shall|do|can) (?:ik|i)\b[^?.!]*\?\s*(?:of|or)\b[^?.!]*\?|"
    # asked of the coach as two ways: "Zou jij nog bellen, of is het beter om ...?"
    r"\b(?:zou jij|zou je|zouden jullie|would you|should we|moeten we)\b[^?.!]*,? (?:of|or)\b"
    r"[^?.!]*\?|"
    # two ways told: "Ik kan het tegen Marcel zeggen, of eerst met Ilse praten", "I could X, or Y"
    # (not a plan with its fallback: "or at least", "of in elk geval")
    r"\b(?:ik kan|ik zou|i could|i can)\b[^?.!]*, (?:of|or) (?!at least|in elk geval|in ieder "
    r"geval|op zijn minst|minstens|niet\b|not\b)(?:ik |i |eerst |first |gewoon |just )?\w+|"
    r"\b(?:of allebei|or both)\?|"
    # "of ik X, of ik Y", "either I X or I Y"
    r"(?:^|[.!?]\s+)of (?:ik|ik ga)\b[^?.!]*, of (?:ik|ik ga)\b|\beither i\b[^?.!]* or i\b|"
    + LISTED_WAYS
)


# A talk the person plans or weighs, its words not said here: "ik zou het bij hem kunnen
# aankaarten", "I could talk to him one-on-one". Asked: what they would say.
_TALK = re.compile(
    r"\b(?:aanspreken|aankaarten|aan ?te ?kaarten|aan te spreken|bespreken|een gesprek "
    r"(?:aanvragen|aan te vragen|voeren|plannen)|gesprek met \w+ (?:aanvragen|plannen)|"
    r"(?:talk|speak) to (?:him|her|them|my \w+|\w+)|raise it with|have a word with|"
    r"(?:ask|tell) (?:him|her|them) (?:for|about))\b"
)
_TALK_WORDS = re.compile(
    r"[:‘“\"]|(?<!\w)'|\b(?:zeggen dat|vertellen dat|zeggen:|vragen of|saying that|say that|"
    r"tell (?:him|her|them)|ask (?:him|her|them) (?:if|whether)|just saying)\b"
)
# Speaking up in general ("iemand aanspreken") is no talk planned with someone.
_ANYONE = re.compile(r"\b(?:iemand|mensen|anyone|someone|people)\b")
_TALK_AHEAD = re.compile(
    r"\b(?:wil|ga|zou|kan|kun|moet|denk|misschien|eerst|i'?ll|i could|i might|i want|i'?m "
    r"going|maybe|first|i should|i'?d)\b"
)


def talk_ahead(low: str) -> bool:
    """A talk the person plans or weighs, without the words they would use."""
    for sentence in _sentences(low):
        if _TALK.search(sentence) and _TALK_AHEAD.search(sentence) and not _ANYONE.search(sentence):
            return not _TALK_WORDS.search(low)
    return False


# Wanted to say or do something and did otherwise, without saying what stopped them: "ik wilde
# eigenlijk vragen waarom precies. Maar ik zei 'begrijpelijk'.", "I wanted to say I'd flagged it.
# So I just stood there." Asked: what held them back.
_WANTED_TO = re.compile(
    r"\b(?:ik wilde|ik wou|wilde ik|wou ik) (?:eigenlijk |gewoon |nog |ook )*(?:\w+ ){0,6}?"
    r"(?:zeggen|vragen|roepen|ingrijpen|reageren|zeggen:|vragen:|weglopen|opstaan|uitleggen|"
    r"aanbieden|melden|bellen)\b|\bi (?:really |actually |just )?wanted to (?:say|ask|tell|"
    r"shout|step in|explain|point out|offer|speak up|call|object|push back)\b"
)
_DID_OTHERWISE = re.compile(
    r"\b(?:maar ik zei|maar zei ik|ik zei alleen|kwam (?:er )?niet uit|deed ik niet|heb ik niet "
    r"gedaan|heb ik niet gezegd|zei ik (?:niks|niets)|ik (?:heb )?(?:niks|niets) gezegd|"
    r"ik hield mijn mond|ik bleef stil|bleef ik stil|ik knikte|knikte ik|"
    r"but i said|i just (?:stood|sat|nodded|smiled|said)|so i just|i didn'?t|i did not|"
    r"i said nothing|i kept (?:quiet|my mouth shut)|i bit my tongue)\b"
)
_WHAT_STOPPED = re.compile(
    r"\b(?:omdat|want|bang|durfde|leek me|voelde als|dacht ik|ik dacht|because|cos|afraid|"
    r"scared|felt like|it would (?:come across|look|sound)|i thought|didn'?t want to|"
    r"wilde niet)\b"
)


def held_back(low: str) -> bool:
    """Wanted to say or do something, did otherwise, and does not say what stopped them."""
    m = _WANTED_TO.search(low)
    if not m:
        return False
    rest = low[m.end() :]
    done = _DID_OTHERWISE.search(rest)
    return bool(done) and not _WHAT_STOPPED.search(rest)


# Who the person wants to be: "ik wil iemand zijn die ...", "I'd want to be the kind of
# freelancer who's generous but clear". Asked: what that would look like.
_IDEAL = re.compile(
    r"\b(?:ik wil (?:graag |eigenlijk )?(?:iemand|een \w+|de \w+) zijn|ik zou (?:graag )?"
    r"(?:iemand|een \w+|de \w+) (?:willen|kunnen) zijn|(?:i'?d|i would|i) (?:like|want|love) "
    r"to be (?:someone|somebody|the kind|the sort|a \w+ who|the \w+ who)|i want to be "
    r"(?:someone|somebody|the kind|the sort))"
)


# What matters to the person, said as theirs: "wat ik belangrijk vind", "dat vind ik het
# belangrijkste", "that's what matters to me" (not "een belangrijke klant"). Asked: what makes
# it so.
_VALUES_OWN = re.compile(
    r"\b(?:wat ik (?:het )?(?:echt |zelf )?(?:belangrijk|waardevol)\w* vind|"
    r"vind ik (?:het |dat )?(?:echt |heel |zo |ook )?(?:belangrijk|waardevol)|"
    r"ik vind (?:het |dat |\w+ ){0,4}(?:heel |echt |erg |zo )?(?:belangrijk|waardevol)|"
    r"belangrijk\w* voor (?:mij|me)\b|waar ik voor sta|"
    r"what matters (?:most )?to me|that'?s what matters|matters (?:a lot |so much )?to me|"
    r"(?:important|precious) to me|what i (?:really )?(?:care about|value)|i (?:really )?care "
    r"(?:a lot )?about)"
)
# Something that happens to the person again: "niet de eerste keer", "it keeps happening".
# Asked: what that does to them.
_AGAIN = re.compile(
    r"\b(?:niet (?:de|het) eerste keer|niet voor het eerst|steeds weer|telkens weer|"
    r"elke keer weer|keer op keer|(?:not|wasn't|isn't|was not|is not) (?:the|for the) first "
    r"time|again and again|keeps happening|time and again|time after time)\b"
)
# The person sees a pattern of their own: "misschien heb ik dit vaker", "I do this a lot".
# Asked: what happens in them then.
_OWN_PATTERN = re.compile(
    r"\b(?:(?:ik doe|ik heb) (?:dit|dat) (?:vaak|vaker|altijd|steeds)|(?:doe|heb) ik (?:dit|dat) "
    r"(?:vaak|vaker|altijd|steeds)|dat (?:doe|heb) ik (?:vaak|vaker|altijd|steeds)|mijn patroon|"
    r"ik herken dat (?:van|bij) mezelf|i do (?:this|that) (?:a lot|all the time|often|always)|"
    r"i always do (?:this|that)|my pattern|i(?:'ve| have) done (?:this|that) before)\b"
)


# A step the person hesitates to take: "maar ik weet niet of ik dat nu al wil", "ik durf het
# nog niet". Asked: what holds them back.
_HESITANT = re.compile(
    r"\b(?:ik weet (?:nog )?niet of ik (?:dat|het) (?:nu al |al |wel |echt )?(?:wil|durf|kan)|"
    r"ik twijfel of ik|ik durf (?:het|dat) (?:nog )?niet|"
    r"i'?m not sure (?:if |whether )?i (?:want|dare) to|i don'?t know if i (?:want|dare) to|"
    r"i'?m not ready to)\b"
)


# ... with the reason said in the same breath: "..., het is nog te vers", "want ...".
_HESITANT_WHY = re.compile(_HESITANT.pattern + r"[^.!?]*?(?:,|\bwant\b|\bomdat\b|\bbecause\b)\s*\w")


# The person already tells what went on in them: "ik dacht: ...", "ik klapte dicht", "I froze".
THOUGHT = re.compile(
    r"\b(ik dacht|dacht ik|ik klapte dicht|klapte ik dicht|ik bevroor|ik blokkeerde|ik schrok|"
    r"i thought|i was thinking|i froze|i panicked|i shut down)\b",
    re.I,
)
DAWNING = re.compile(  # an insight that comes while they write: "oh. misschien is dat het wel"
    r"\b(zo had ik het (nog )?niet|nu ik het zo (typ|zeg|vertel|hoor)|misschien is dat het|"
    r"misschien gaat het (er |hem )?(helemaal )?(niet )?(om|over)|niet (helemaal )?toevallig|"
    r"als (je|ge) (het|'t) zo (zegt|hoort)|hadn'?t (made|seen|thought of|noticed)|"
    r"that connection|maybe that'?s (it|the)|now that i (say|type|write|put)|never (thought of|"
    r"saw) it|the wrong way round)\b",
    re.I,
)
WANTED = re.compile(
    r"\b(ik wilde|wilde ik|ik had (\w+ ){0,4}willen|ik had gewild|"
    r"wat ik (eigenlijk |echt |het liefst |vooral )?wilde|ik hoopte|ik had gehoopt|"
    r"i (really |actually )?wanted|wanted to|what i (really |actually )?wanted|i wished|i wish|"
    r"i was hoping|i'd hoped|i would have liked|i'd have liked)\b",
    re.I,
)
ALTERNATIVE = re.compile(
    r"\b(ik zou (kunnen|ook)|ik zou (\w+ ){1,8}(kunnen|moeten)|anders zou (willen|doen)|"
    r"ik kan (\w+ ){0,4}(vragen|zeggen|voorstellen)|ik kan ook|kan (het|ik) ook (\w+ ){0,5}\w+en\b|"
    r"i can also|or i could|"
    r"ik had (kunnen|beter)|misschien (moet|kan|zou) ik|een optie is|"
    r"anders (doen|aanpakken)|i could|i might|maybe i should|i should have|another option|"
    r"misschien (gewoon |eerst |even )*(\w+ ){0,4}(vragen|zeggen|bellen|mailen|bespreken|"
    r"aankaarten|voorstellen|uitleggen|aanspreken)|maybe (just |first )*(ask|tell|say|call|"
    r"email|talk|raise|explain|propose))\b|" + LISTED_WAYS,
    re.I,
)


# The person already says where else it happens: "thuis ook", "op mijn vorige werk ook",
# "not the first time". Where else they recognise it is not asked.
_ELSEWHERE = re.compile(
    r"\b(?:thuis ook|ook thuis|(?:vorige|vorig|oude) (?:werk|baan|job|stage)|in de familie|"
    r"niet (?:de|het) eerste keer|niet voor het eerst|at home too|at home as well|"
    r"(?:last|previous|old) (?:job|team|place)|not the first time|in my family)\b"
)


# What the person took for granted then, without saying why: "ik dacht dat ze het wist",
# "I figured he'd sort it". Asked: what made them think so.
_ASSUMED = re.compile(
    r"\b(?:ik dacht(?: echt| gewoon| eerst| nog)?(?: dat|:)|dacht ik(?: echt| gewoon)?(?: dat|:)|"
    r"ik ging ervan uit|ik nam aan|i (?:really |just )?thought(?! about| of)|i assumed|"
    r"i figured|i was sure|i was convinced)(?!\w)(?![^.!?]*\b(?:omdat|want|because|cos|since)\b)"
)
# What the person wished another had done: "ik wilde dat hij iets zei", "what I really wanted
# was for Steve to say something". Asked: what it would have meant to them.
_WISHED_OTHER = re.compile(
    r"\b(?:ik (?:had )?(?:wilde|wou|gewild|gehoopt|hoopte) (?:eigenlijk |gewoon |echt )?dat "
    r"(?!ik\b)|wat ik (?:eigenlijk |echt |vooral )?wilde(?:,)? (?:was )?dat (?!ik\b)|"
    r"i (?:really |just )?wanted (?!to\b|it\b)\w+ to\b|what i (?:really |actually )?wanted was for|"
    r"i wish(?:ed)? (?:he|she|they|someone|somebody) had|i was hoping (?:he|she|they|someone))"
)
# The marks that are one pattern found anywhere in the message, by the Reading field they set.
_PLAIN = {
    "elsewhere": _ELSEWHERE,
    "hesitant": _HESITANT,
    "hesitant_why": _HESITANT_WHY,
    "values_own": _VALUES_OWN,
    "again": _AGAIN,
    "own_pattern": _OWN_PATTERN,
    "values": _VALUES,
    "unsaid": _UNSAID,
    "dilemma": _DILEMMA,
    "touched": TOUCHED,
    "point": POINT,
    "ideal_self": _IDEAL,
    "assumed": _ASSUMED,
    "wished_other": _WISHED_OTHER,
}


def plain(low: str) -> dict[str, bool]:
    """The one-pattern marks of a message: {"unsaid": True, ...}."""
    return {name: bool(pattern.search(low)) for name, pattern in _PLAIN.items()}


# Who said something to the person, as the coach says it: "mijn teamleider zei" -> "je
# teamleider", "toen zei Petra" -> "Petra", "my manager said" -> "your manager". A question
# can then point at that moment in the person's words: "toen je teamleider dat zei".
_SAID_ROLES = (
    r"collega|leidinggevende|teamleider|teamleidster|manager|baas|directeur|chef|klant|cliënt|"
    r"patiënt|moeder|vader|opdrachtgever|coördinator|begeleider|mentor|planner|"
    r"colleague|boss|lead|director|client|customer|patient|mother|father|supervisor|nurse|"
    r"teacher|doctor|coordinator|planner"
)
_SAID_DET = r"mijn|mn|m'n|de|onze|die|my|the|our|that"
_SAID_VERBS = {
    "nl": r"zei|zegt|riep|vroeg|snauwde|beet|schreef|mailde|appte|reageerde met",
    "en": r"said|says|asked|told me|shouted|snapped|wrote|emailed|replied|goes",
}
_WHO = rf"(?:(?P<det>(?i:{_SAID_DET})) (?P<role>(?i:{_SAID_ROLES}))|(?P<name>[A-Z][a-zà-ÿ]{{2,}}))"


def said_by(text: str, lang: str) -> tuple[str, str]:
    """Who alone said or asked something to the person here, and "zei"/"vroeg"; else ("", "")."""
    verbs = _SAID_VERBS[lang]
    found = []
    for pattern in (
        rf"\b{_WHO}(?:, [^,.!?]{{1,40}},)? (?:(?:\w+ ){{0,2}}?)(?:{verbs})\b",
        rf"\b(?:toen|en|then|and) (?:{verbs}) {_WHO}\b",
        rf"\b{_WHO}\b[^.!?]{{0,40}}? (?:en )?die (?:{verbs})\b",  # "... Petra langs en die zei"
    ):
        for m in re.finditer(pattern, text):
            if re.search(r"\b(dat|that|als|if|zodat)\s+$", text[: m.start()], re.I):
                continue  # "en dat Ingrid zegt dat het prima was": wished, not told
            if m.group("name"):
                low = m.group("name").lower()
                first = (
                    not text[: m.start("name")].strip()
                    or text[: m.start("name")].rstrip()[-1] in ".!?"
                )
                nl, en = word_counts("nl").get(low, 0), word_counts("en").get(low, 0)
                common = max(nl, en) > 1000 and not 0 < nl <= 60  # the Dutch list of names
                if low in _NOT_A_SPEAKER or first and common:
                    continue  # "Gisteren zei ze": a first word, not a name
                found.append(m.group("name"))
            else:
                own = m.group("det").lower() in ("mijn", "mn", "m'n", "onze", "my", "our")
                det = {"nl": ("de", "je"), "en": ("the", "your")}[lang][own]
                found.append(f"{det} {m.group('role').lower()}")
    if len(set(found)) != 1:
        return "", ""
    asked = re.search(rf"\b({_ASKED[lang]})\b", text) and not re.search(
        rf"\b({_SAID_ONLY[lang]})\b", text
    )
    return found[0], _VERB_SAID[lang][bool(asked)]


_ASKED = {"nl": "vroeg|vraagt", "en": "asked|asks"}
_SAID_ONLY = {
    "nl": "zei|zegt|riep|snauwde|beet|schreef|mailde|appte",
    "en": "said|says|told me|shouted|snapped|wrote|emailed|replied|goes",
}
_VERB_SAID = {"nl": ("zei", "vroeg"), "en": ("said", "asked")}


_NOT_A_SPEAKER = wordset(
    "ik je hij zij ze we wij iemand niemand iedereen het dat die dit toen en maar dus ook "
    "i you he she it we they someone nobody everyone everybody that this then and but so "
    "mum dad mam pap"
)
