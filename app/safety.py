"""Recognise crisis signals in a user message and give the fixed hand-off reply.

Role: a deterministic, rule-based screen run on every user message before the coach answers.
It detects suicidal thoughts, self-harm and acute danger (violence, medical emergency) in Dutch
and English, and provides a calm reply that points to 113, 1813, 112 and the GP.
Must not: call a model, give any method or advice about the crisis itself, ask questions, or
carry on with the work conversation. It errs on the side of flagging when wording is direct;
only a few indirect phrasings are waived when the sentence is clearly about work.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


def _wordset(text: str) -> frozenset[str]:
    """A set of words written as one readable, whitespace-separated string."""
    return frozenset(text.split())


KINDS: tuple[str, ...] = ("suicide", "selfharm", "danger")


@dataclass(frozen=True)
class CrisisSignal:
    kind: str  # "suicide" | "selfharm" | "danger"
    phrase: str  # the matched text, in normalised form


@dataclass(frozen=True)
class _Rule:
    kind: str
    pattern: re.Pattern[str]
    # Indirect phrasings ("ik zie het niet meer zitten", "nobody would miss me") are also used
    # about work. They are waived when their sentence names work and nothing about life.
    indirect: bool = False


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# Hyperbole and idioms that contain crisis words but are ordinary work talk. They are blanked
# out before matching so that e.g. "career suicide" cannot trigger the bare "suicide" rule.
_HYPERBOLE: tuple[re.Pattern[str], ...] = (
    _rx(r"\b(politieke|sociale|professionele|commerciele) zelfmoord\b"),
    _rx(r"\b(career|political|social|professional|commercial) suicide\b"),
    _rx(r"\bsuicide (mission|squad|run|doors?|pact with the budget)\b"),
    _rx(r"\bschaam (me|mij) (dood|kapot|rot)\b"),
    _rx(r"\bdie of (embarrassment|shame|laughter|boredom|cringe)\b"),
    _rx(r"\b(bijna|haast) een hartaanval\b"),
    _rx(r"\b(almost|nearly) (had |have |got )?a heart attack\b"),
    _rx(r"\bunconscious bias\b"),
    _rx(r"\bburn(ing|ed|t)? myself out\b"),
)

_RULES: tuple[_Rule, ...] = (
    # --- danger: checked first because it needs 112 before anything else -----------------
    _Rule("danger", _rx(r"\bik ben (nu |echt |hier )*in (acuut )?gevaar\b")),
    _Rule("danger", _rx(r"\bik ben (nu |hier |thuis |echt )*niet (meer )?veilig\b"), True),
    _Rule(
        "danger",
        _rx(
            r"\b(ik voel me )?(thuis )?niet veilig (thuis|bij hem|bij haar|bij mijn "
            r"(man|vrouw|partner|vriend|vriendin|ex|vader|moeder|stiefvader))\b"
        ),
    ),
    _Rule(
        "danger",
        _rx(
            r"\b(hij|ze|zij|mijn (man|vrouw|partner|vriend|vriendin|ex|vader|moeder|stiefvader"
            r"|broer|zus)) (slaat|schopt|mishandelt|bedreigt|wurgt|sloeg|schopte|bedreigde) "
            r"(me|mij)\b"
        ),
    ),
    _Rule(
        "danger",
        _rx(
            r"\b(hij|ze|zij|iemand) heeft (me|mij) (geslagen|geschopt|mishandeld|bedreigd"
            r"|gewurgd|verkracht)\b"
        ),
    ),
    _Rule(
        "danger",
        _rx(
            r"\bik word (thuis |steeds |vaak )?(geslagen|mishandeld|bedreigd|gestalkt|verkracht)"
            r"\b(?! met (ontslag|een sanctie|een boete|een slechte beoordeling))"
        ),
    ),
    _Rule(
        "danger",
        _rx(
            r"\b(hij|ze|zij|iemand) (dreigt|dreigde|heeft gedreigd) (me|mij) (te vermoorden"
            r"|iets aan te doen|dood te maken|pijn te doen|te slaan|neer te steken)\b"
        ),
    ),
    _Rule("danger", _rx(r"\b(hij|ze|zij|iemand) wil (me|mij) (vermoorden|doodmaken)\b")),
    _Rule("danger", _rx(r"\b(hij|ze|zij|iemand) (heeft|had) een (mes|wapen|pistool)\b")),
    _Rule(
        "danger",
        _rx(r"\bik (ga|wil) (hem|haar|iemand|ze) (iets aandoen|iets aan doen|pijn doen)\b"),
    ),
    _Rule("danger", _rx(r"\bik heb een (mes|wapen|pistool) (meegenomen|bij me)\b")),
    _Rule("danger", _rx(r"\bpijn op (de|mijn|mn) borst\b")),
    _Rule("danger", _rx(r"\b(ik heb|ik krijg|ik denk dat ik) (een )?hartaanval\b")),
    _Rule(
        "danger",
        _rx(
            r"\bik heb (net |zojuist |daarnet )?(een overdosis|te veel pillen|al mijn pillen"
            r"|alle pillen) (genomen|ingenomen|geslikt)\b"
        ),
    ),
    _Rule("danger", _rx(r"\bik krijg geen lucht( meer)?\b"), True),
    _Rule("danger", _rx(r"\b(is|ligt|raakte) bewusteloos\b")),
    _Rule("danger", _rx(r"\b(im|i am) (now |really )?in (immediate |real )?danger\b")),
    _Rule("danger", _rx(r"\b(im|i am) not safe\b"), True),
    _Rule(
        "danger",
        _rx(r"\bi dont feel safe (at home|with him|with her|around him|around her)\b"),
    ),
    _Rule("danger", _rx(r"\bnot safe at home\b")),
    _Rule(
        "danger",
        _rx(
            r"\b(he|she|they|hes|shes|theyre|someone|my (husband|wife|partner|boyfriend"
            r"|girlfriend|ex|father|dad|mother|mom|mum|stepfather|brother)) (is |are |keeps )?"
            r"(threatening|threatens|threatened|hitting|hits|hit|beating|beats|beat|strangled|choked|chokes|kicked"
            r"|kicks) me\b(?! with| to (fire|sack|report|escalate|quit|leave))"
        ),
        True,
    ),
    _Rule(
        "danger",
        _rx(r"\b(threatened|threatening|threatens) to (kill|hurt|hit|beat|stab|shoot) (me|us)\b"),
    ),
    _Rule("danger", _rx(r"\b(he|she|they|someone) (has|had|pulled|is holding) a (knife|gun)\b")),
    _Rule(
        "danger",
        _rx(
            r"\bi (want|wanna|am going|m going|feel like|im going) to (hurt|kill) "
            r"(someone|somebody)\b"
        ),
    ),
    _Rule("danger", _rx(r"\b(im going to|i will|ill|i want to|i wanna) hurt (him|her|them)\b")),
    _Rule("danger", _rx(r"\bchest pains?\b")),
    _Rule("danger", _rx(r"\b(im having|i am having|i think im having) a heart attack\b")),
    _Rule(
        "danger",
        _rx(
            r"\b(i )?(just )?(took|taken|swallowed) (an overdose|too many pills|all my pills"
            r"|a bottle of pills)\b"
        ),
    ),
    _Rule("danger", _rx(r"\bi cant breathe\b"), True),
    _Rule("danger", _rx(r"\b(is|was|lying|lies|went) unconscious\b")),
    # --- suicide ----------------------------------------------------------------------------
    _Rule(
        "suicide",
        _rx(
            r"\b(zelfmoord|zelfmoordgedachten|zelfmoordgedachtes|zelfmoordpoging|zelfmoordplannen"
            r"|zelfdoding|suicidaal|suicidale|suicidegedachten|doodswens|doodsgedachten"
            r"|levensmoe)\b"
        ),
    ),
    _Rule(
        "suicide",
        _rx(r"\bik wil (echt |gewoon |liever |het liefst |eigenlijk |alleen nog maar )*dood\b"),
    ),
    _Rule("suicide", _rx(r"\b(was|ware) ik (nu )?maar dood\b")),
    _Rule("suicide", _rx(r"\bik (ben|was|zou) (liever|beter af) dood\b")),
    _Rule("suicide", _rx(r"\bik wou dat ik dood was\b")),
    _Rule("suicide", _rx(r"\bik wil (gewoon |echt )?(niet|nooit) meer (leven|bestaan)\b")),
    _Rule("suicide", _rx(r"\bik wil dit leven niet meer\b")),
    _Rule("suicide", _rx(r"\beind(e)? (aan|maken aan) (mijn|mn) leven\b")),
    _Rule("suicide", _rx(r"\bmijn leven (beeindigen|nemen|af te sluiten)\b")),
    _Rule(
        "suicide",
        _rx(
            r"\b(mezelf|mijzelf) (van kant|om het leven|ombrengen|om te brengen|doden|te doden"
            r"|doodmaken|dood maken|ophangen|op te hangen)\b"
        ),
    ),
    _Rule(
        "suicide",
        _rx(
            r"\b(me|mezelf|mijzelf) (iets|wat|iets ergs|wat ergs) (aandoen|aan doen|aan te doen"
            r"|aandoe|aan zou doen|aan ga doen)\b"
        ),
    ),
    _Rule("suicide", _rx(r"\bik (doe|deed) (me|mezelf|mijzelf) (iets|wat) aan\b")),
    _Rule(
        "suicide",
        _rx(
            r"\b(pillen|medicijnen|tabletten|slaappillen) (gespaard|verzameld|opgespaard"
            r"|bewaard|gehamsterd|aan het sparen)\b"
        ),
    ),
    _Rule("suicide", _rx(r"\bik spaar (pillen|medicijnen|tabletten|slaappillen)\b")),
    _Rule("suicide", _rx(r"\bafscheidsbrie(f|ven)\b")),
    _Rule(
        "suicide",
        _rx(r"\b(voor (de|een) trein|van (het|een) (dak|flat|brug)) (te )?(springen|spring)\b"),
    ),
    _Rule("suicide", _rx(r"\bzie (het|mijn) leven (echt |gewoon )?niet (meer|langer) zitten\b")),
    # Only "het"/"alles" as object: "ik zie dat project niet meer zitten" never matches, and
    # "ik zie het niet meer zitten met die planning" is waived by the work-word check.
    _Rule(
        "suicide",
        _rx(
            r"\b(ik )?zie (ik )?(het|t|alles)( (echt|gewoon|allemaal|helemaal|eigenlijk|totaal|soms"
            r"|nu|zo|ook|al|even|nog))* (niet|nooit) (meer|langer) zitten\b"
        ),
        True,
    ),
    _Rule(
        "suicide",
        _rx(
            r"\b((ik )?(wil|wou)|(wil|wou) ik) er (gewoon |echt |liever |eigenlijk |soms |"
            r"het liefst |dan ook )*niet meer zijn\b"
        ),
        True,
    ),
    _Rule(
        "suicide",
        _rx(r"\b(het|t|dit leven) hoeft voor mij (allemaal |eigenlijk )?niet meer\b"),
        True,
    ),
    _Rule("suicide", _rx(r"\bik wil (gewoon |echt )?(hier )?niet meer (hier )?zijn\b"), True),
    _Rule("suicide", _rx(r"\bik kan (zo )?niet (meer|langer) leven\b"), True),
    _Rule("suicide", _rx(r"\bniemand (zou|zal|gaat) (me|mij) (\w+ ){0,2}missen\b"), True),
    _Rule("suicide", _rx(r"\bniemand (me|mij) (\w+ ){0,2}(zou|zal) missen\b"), True),
    _Rule("suicide", _rx(r"\bbeter af zonder (mij|me)\b"), True),
    _Rule("suicide", _rx(r"\bleven heeft (voor mij )?geen (zin|betekenis)( meer)?\b")),
    _Rule("suicide", _rx(r"\bgeen zin meer in (het|mijn|mn) leven\b")),
    _Rule("suicide", _rx(r"\bgeen reden (meer )?om (nog )?(te leven|door te gaan)\b"), True),
    _Rule("suicide", _rx(r"\bniet meer wakker (te )?(worden|word)\b"), True),
    _Rule("suicide", _rx(r"\ber een eind(e)? aan (maken|te maken|maak)\b"), True),
    _Rule("suicide", _rx(r"\bik zie (geen uitweg|er geen gat) meer\b"), True),
    _Rule("suicide", _rx(r"\bik zie geen uitweg\b"), True),
    _Rule("suicide", _rx(r"\bik ben (een )?last voor iedereen\b"), True),
    _Rule("suicide", _rx(r"\b(want|wanna|wish i could|would like|id like|ready) to die\b")),
    _Rule("suicide", _rx(r"\bi wish i (was|were) dead\b")),
    _Rule("suicide", _rx(r"\b(want|wanna) (to )?be dead\b")),
    _Rule("suicide", _rx(r"\bbetter off dead\b")),
    _Rule("suicide", _rx(r"\bkill(ing)? myself\b")),
    _Rule("suicide", _rx(r"\b(end|ending|take|taking) my (own )?life\b")),
    _Rule("suicide", _rx(r"\bsuicid(e|al)\b")),
    _Rule("suicide", _rx(r"\b(no|not a single|not any) reason (left )?to (live|go on|be alive)\b")),
    _Rule("suicide", _rx(r"\bnothing (left )?to live for\b")),
    _Rule("suicide", _rx(r"\bno point (in )?(living|being alive|going on)\b")),
    _Rule(
        "suicide",
        _rx(
            r"\b(saved|saving|stockpiled|stockpiling|hoarding|hoarded|collected|collecting) "
            r"(up )?(pills|meds|medication|tablets|sleeping pills)\b"
        ),
    ),
    _Rule("suicide", _rx(r"\bgoodbye (note|letter)s?\b")),
    _Rule("suicide", _rx(r"\boverdos(e|ing)\b")),
    _Rule("suicide", _rx(r"\boverdosis\b")),
    _Rule(
        "suicide",
        _rx(r"\bjump (off|from|in front of) (a|the) (bridge|roof|building|train|balcony)\b"),
    ),
    _Rule("suicide", _rx(r"\bi dont want to (live|be alive|exist)( anymore)?\b")),
    _Rule("suicide", _rx(r"\bend it all\b"), True),
    _Rule("suicide", _rx(r"\bi dont want to (be here|wake up) anymore\b"), True),
    _Rule("suicide", _rx(r"\bi dont want to wake up\b"), True),
    _Rule(
        "suicide", _rx(r"\b(nobody|no one|noone) (would|will|is going to) (even )?miss me\b"), True
    ),
    _Rule("suicide", _rx(r"\bbetter off without me\b"), True),
    _Rule("suicide", _rx(r"\bi (cant|cannot|can not) (go on|live like this)\b"), True),
    _Rule("suicide", _rx(r"\bi (see no|dont see a|dont see any) way out\b"), True),
    _Rule("suicide", _rx(r"\b(im|i am) (just )?a burden (to|for|on) (everyone|everybody)\b"), True),
    # --- self-harm --------------------------------------------------------------------------
    _Rule(
        "selfharm",
        _rx(
            r"\b(mezelf|mijzelf) (snijden|snij|snijd|te snijden|krassen|kras|te krassen|verwonden"
            r"|verwond|te verwonden|branden|brand|slaan|sla|pijn doen|pijn te doen|pijn gedaan"
            r"|beschadigen|beschadig)\b"
        ),
    ),
    _Rule(
        "selfharm",
        _rx(r"\bik (snij|snijd|kras|brand|verwond|beschadig|sla) (mezelf|mijzelf|in mezelf)\b"),
    ),
    _Rule(
        "selfharm",
        _rx(
            r"\b(snij|snijd|kras|snijden|krassen) (in )?(mijn|mn) (armen|arm|polsen|pols|benen"
            r"|been|huid|dijen|bovenbenen)\b"
        ),
    ),
    _Rule("selfharm", _rx(r"\b(zelfbeschadiging|automutilatie|zelfverwonding)\b")),
    _Rule(
        "selfharm",
        _rx(r"\b(weer|opnieuw) (gaan |begonnen met |aan het )(snijden|krassen)\b(?! in| op| aan)"),
    ),
    _Rule("selfharm", _rx(r"\b(hurt|hurting|harm|harming|injure|injuring) myself\b")),
    _Rule("selfharm", _rx(r"\b(cut|cutting|burn|burning) myself\b")),
    _Rule("selfharm", _rx(r"\bself (harm|harming|injury|injuring)\b")),
    _Rule(
        "selfharm",
        _rx(r"\bcut(ting)? (into )?my (arm|arms|wrist|wrists|leg|legs|skin|thigh|thighs)\b"),
    ),
    # "cutting" alone only with a first-person lead-in and nothing cut after it, so that
    # "we are cutting costs" or "I'm cutting the scope" stay ordinary work talk.
    _Rule(
        "selfharm",
        _rx(
            r"\b(i|im|ive|been|started|start|keep|back to|relapsed)( \w+){0,2} cutting"
            r"(?= ?[.!?;]|$| again\b)"
        ),
    ),
)

_WORK_WORDS = _wordset("""
    werk baan job functie project projecten plan plannen planning team teams afdeling
    vergadering vergaderingen overleg meeting meetings deadline deadlines klant klanten
    opdracht opdrachten rapport presentatie dienst diensten rooster collega collegas baas
    leidinggevende manager directeur directie organisatie bedrijf kantoor school klas les
    lessen reorganisatie werkdruk sprint release budget vakantie ontslag sollicitatie
    promotie beoordeling functioneringsgesprek evaluatie rol taak taken mail email review
    deploy code client clients report office company department boss shift shifts role
    promotion appraisal performance work career firm vendor contract proposal voorstel
    """)
# Words about life itself or home: if they appear, the sentence is not "just about work".
_LIFE_WORDS = _wordset("""
    leven life dood dead bestaan exist alive live living mezelf mijzelf myself alles
    everything niks niets nothing niemand nobody thuis home gezin familie kinderen family
    kids
    """)

_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_TEXT = re.compile(r"[^a-z0-9.!?;\s]")
_REPEATS = re.compile(r"([a-z])\1{2,}")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_SENTENCE_END = re.compile(r"[.!?;\n]")


def normalise(text: str) -> str:
    """Lowercase, strip accents and apostrophes, tame punctuation and stretched letters.

    "Ik wil er niet méér zijn!!" and "ik wil er niet meer zijn" must compare equal; so must
    "I'm" and "Im", "self-harm" and "self harm", "dooooood" and "dood".
    """
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _APOSTROPHES.sub("", plain).replace("…", ".")
    plain = _NON_TEXT.sub(" ", plain)
    plain = _REPEATS.sub(r"\1\1", plain)
    lines = (_SPACES.sub(" ", line).strip() for line in plain.split("\n"))
    return "\n".join(line for line in lines if line)


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    # Replace with a placeholder of the same length so match offsets stay meaningful.
    return pattern.sub(lambda m: "_" * len(m.group(0)), text)


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text before and after a match, limited to the sentence that contains it."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right_match = _SENTENCE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    return text[left:start], text[end:right]


def _is_about_work_only(text: str, start: int, end: int) -> bool:
    before, after = _sentence_around(text, start, end)
    words = set(re.findall(r"[a-z]+", before + " " + after))
    return bool(words & _WORK_WORDS) and not words & _LIFE_WORDS


def detect_crisis(text: str) -> CrisisSignal | None:
    """Return the first crisis signal in `text` (danger before suicide before self-harm)."""
    norm = normalise(text)
    if not norm:
        return None
    for pattern in _HYPERBOLE:
        norm = _blank(norm, pattern)
    for rule in _RULES:
        for match in rule.pattern.finditer(norm):
            if rule.indirect and _is_about_work_only(norm, match.start(), match.end()):
                continue
            return CrisisSignal(kind=rule.kind, phrase=match.group(0))
    return None


# The hand-off texts. Numbers: 113 Zelfmoordpreventie (NL, 113 or free 0800-0113, chat at
# 113.nl), Zelfmoordlijn 1813 (BE), 112 for acute danger in both countries.
_REPLIES: dict[str, dict[str, str]] = {
    "nl": {
        "support": (
            "Ik ben blij dat je dit tegen me zegt. Ik ben een reflectiehulp, geen hulpverlener "
            "of therapeut, en ik kan je hierbij niet helpen. Praat er alsjeblieft over met "
            "iemand die dat wel kan. Bel 113 Zelfmoordpreventie: 113 of gratis 0800-0113, of "
            "chat via 113.nl. Ook je huisarts of de huisartsenpost kan helpen. In België: "
            "Zelfmoordlijn 1813 (zelfmoord1813.be). Bij acuut gevaar: bel 112. Je hoeft dit "
            "niet alleen te dragen."
        ),
        "danger": (
            "Ben jij of is iemand anders nu in gevaar, bel dan direct 112. Ik ben blij dat je "
            "dit tegen me zegt. Ik ben een reflectiehulp, geen hulpverlener of therapeut, en ik "
            "kan je hierbij niet helpen. Ook je huisarts of de huisartsenpost kan helpen. Denk "
            "je aan zelfdoding: bel 113 of gratis 0800-0113, of chat via 113.nl. In België: "
            "Zelfmoordlijn 1813 (zelfmoord1813.be). Je hoeft dit niet alleen te dragen."
        ),
    },
    "en": {
        "support": (
            "I'm glad you told me. I'm a reflection aid, not a counsellor or therapist, and I "
            "can't help you with this. Please talk to someone who can. In the Netherlands: 113 "
            "Suicide Prevention, the Dutch line, call 113 or free 0800-0113, or chat at 113.nl. "
            "Your GP (huisarts) or the out-of-hours GP service (huisartsenpost) can help too. "
            "In Belgium: the Belgian Zelfmoordlijn 1813 (zelfmoord1813.be). In immediate "
            "danger, call 112. You don't have to carry this alone."
        ),
        "danger": (
            "If you or someone else is in danger right now, call 112 immediately. I'm glad you "
            "told me. I'm a reflection aid, not a counsellor or therapist, and I can't help you "
            "with this. Your GP (huisarts) or the out-of-hours GP service can help too. For "
            "thoughts of suicide: 113 is the Dutch line, call 113 or free 0800-0113, or chat at "
            "113.nl; 1813 is the Belgian line (zelfmoord1813.be). You don't have to carry this "
            "alone."
        ),
    },
}


def crisis_reply(lang: str, kind: str) -> str:
    """The fixed hand-off message; unknown languages fall back to Dutch, the app's default."""
    texts = _REPLIES.get(lang, _REPLIES["nl"])
    return texts["danger"] if kind == "danger" else texts["support"]


NOT_THERAPY_NOTICE: dict[str, str] = {
    "nl": (
        "Dit is een reflectiehulp, geen therapie of hulpverlening. Gaat het niet goed met je of "
        "denk je aan zelfdoding, bel dan 113 of gratis 0800-0113 (113.nl), in België 1813, en "
        "bij acuut gevaar 112."
    ),
    "en": (
        "This is a reflection aid, not therapy or professional help. If you are struggling or "
        "thinking about suicide, call 113 or free 0800-0113 (113.nl) in the Netherlands, 1813 "
        "in Belgium, and 112 in an emergency."
    ),
}
