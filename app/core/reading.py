"""What a message names: feelings, people, a moment, an insight, a plan, figures of speech.

Role: read the person's own words so that the coach's reflection and question fit the story:
a question about "de ander" only when there is another person, about "dat moment" only when a
moment was told, about a plan only when there is one. Plain patterns over Dutch and English,
no model.
Must not: write replies, or guess beyond what the words say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core import feelings as _feelings
from app.core import plan_marks
from app.core import reading_marks as marks
from app.core.feeling_list import feelings_said, mixed
from app.core.feelings import AMBIGUOUS_FEELINGS, ASKABLE, FEELING_NOUNS, FEELINGS
from app.core.names import capitalise_names, in_story
from app.core.text import wordset
from app.core.touched_marks import REACTED

_PERSON_ROLES = {
    "nl": r"(collega|collega's|leidinggevende|teamleider|teamleidster|manager|baas|directeur|"
    r"ouder|ouders|vader|moeder|klant|cliënt|client|patiënt|patient|bewoner|leerling|student|"
    r"arts|dokter|stagiair|stagiaire|coördinator|opdrachtgever|partner|buurman|agent|"
    r"intern begeleider|mentor|begeleider|supervisor|collega-\w+|chef)",
    "en": r"(colleague|colleagues|manager|boss|team lead|lead|director|parent|parents|father|"
    r"mother|client|customer|patient|resident|pupil|student|doctor|intern|coordinator|"
    r"supervisor|mentor|partner|ceo|cto|engineer|nurse|teacher)",
}
_DETERMINERS = {
    "nl": r"(mijn|mn|m'n|de|die|onze|ons|een|haar|zijn)",
    "en": r"(my|the|our|a|that|this|her|his)",
}
_OWN_ROLE = re.compile(
    r"\b(i'?m|i am|i work as|ik ben|ik werk als)( an?| de| een| the)?[^.!?,;]{0,30}?"
    r"\b(manager|lead|director|leidinggevende|teamleider|teamleidster|chef|baas)\b"
)
_MANAGER = (
    r"\b(leidinggevende|teamleider|teamleidster|manager|baas|directeur|chef|boss|lead|"
    r"director|ceo)\b"
)
_MOMENT = {
    "nl": r"\b(gisteren|vanochtend|vanmiddag|vanavond|vannacht|vorige week|vorige maand|"
    r"toen|tijdens|die dag|die avond|die ochtend|op dat moment|in het overleg|in de vergadering|"
    r"het gesprek|laatst|afgelopen|vandaag|daarna|ineens|opeens|zei|vroeg|riep|gebeurde)\b",
    "en": r"\b(yesterday|this morning|last week|last month|then|during|that day|that night|"
    r"at that moment|in the meeting|the call|recently|today|afterwards|suddenly|said|asked|"
    r"happened)\b",
}
_INSIGHT = re.compile(
    r"\b(ik merk|merk ik|ik merkte|merkte ik|ik besef|besef ik|ik realiseer|ik zie (nu|dat|wel)|"
    r"zie ik (nu|dat)|"
    r"patroon|altijd|steeds weer|elke keer|telkens|eigenlijk gaat het|het gaat (eigenlijk )?om|"
    r"belangrijk voor mij|ik denk dat ik|dat zegt|i notice|i realise|i realize|i see (now|that)|"
    r"pattern|always|every time|each time|it's really about|important to me|i think i)\b",
    re.I,
)
# What the person wants now, not what they do not want: "ik wil wel dat ze weet dat ik het niet
# was", "I think I want to"; "ik wil niet dat ze denken ..." is a fear, not a want.
_WANTS_NOW = re.compile(
    r"\b(ik wil|wil ik|(?<!niet )dat ik ((?!niet\b|geen\b)\w+ ){0,3}wil|"
    r"i (really |actually |do )?want|i'd like|i would like)\b"
    r"(?! (\w+ )?(niet|geen|not|nothing|no)\b)",
    re.I,
)
_EXPLAINED = re.compile(
    r"\b(omdat|want|doordat|alsof|zoals|daardoor|because|since|as if|like a|so that)\b|:|"
    # a condition and what would follow: "als hij zegt dat ..., dan heeft hij een punt"
    r"\b(als|if) [^.!?]{4,80}\b(dan|then)\b",
    re.I,
)
_ACK_TAIL = re.compile(r"[,\s]+(denk ik|i think|i guess)[\s.!]*$", re.I)
_SHORT_ACK = re.compile(
    r"^\s*((hmm+|hm|oh|ah|ok|oké|amai|allez|tja|wow)[\s.!,]+)*(ja|jawel|joa|jep|yah|yep|klopt|"
    r"precies|inderdaad|zeker|(dat|da) klopt|zo was het|"
    r"pretty much|probably|ja dat vooral|dat vooral|"
    r"ja klopt|yes|yeah|ya|right|exactly|indeed|true|that's right|that is it|"
    r"((ya|yes|yeah)\W+)?(i think so|(that'?s )?about right)|"
    r"(ja,? )?(da's|dat is) het( wel)?|(yeah,? )?that's it|(da|dat) zit)\b"
    r"(?!.*\b(?<!denk )(?<!geloof )(ik|i|we|wij|hij|zij|ze|he|she|they|maar|but|niet|not|geen|"
    r"no)\b)"
    # what may follow is more of the same ("ja, dat klopt wel", "yeah, exactly"), not an answer
    r"[\s.!,]*((precies|helemaal|wel|zo|echt|inderdaad|klopt|ja|jawel|zeker|dat|is|het|"
    r"eigenlijk|ook|hoor|haha|exactly|totally|right|yes|yeah|that|it|true|absolutely|sure|"
    r"definitely|yep|spot on|pretty much|probably|vooral|waarschijnlijk|denk ik|i think|actually|"
    r"ongeveer|zo was het|klopt wel|da)"
    r"[\s.!,]*){0,5}$",
    re.I,
)
# Someone else did, said or wanted something (or they wonder): only then is a question about them.
_OTHER_VERBS = (
    r"(zei|zegt|deed|doet|keek|kijkt|reageerde|reageert|vroeg|vraagt|wilde|wil|riep|lachte|"
    r"negeerde|stuurde|liep|ging|bleef|draaide|gaf|noemde|schreef|appte|belde|snauwde|"
    r"said|says|did|does|looked|reacted|asked|wants|wanted|laughed|ignored|sent|smiled|told|"
    r"walked|went|kept|gave|called|wrote|snapped|shouted|yelled|stayed)"
)
_OTHER_ACTS = re.compile(
    rf"\b(hij|zij|ze|he|she|they)( \w+){{0,2}} {_OTHER_VERBS}\b|"
    r"\b(snap|begrijp) (\w+ ){0,2}(niet|nie)( precies| goed)? (wat|waarom|hoe)\b|"
    r"\bdon'?t (get|understand|know) (what|why) (he|she|they)\b|"
    r"\b(vraag me af|i wonder) (wat|waarom|what|why)\b|\bwaarom (hij|zij|ze)\b|"
    r"\bwhy (he|she|they)\b"
)
# Thinking aloud without saying anything yet: "hmm", "tja...", "pff".
_PONDERING = re.compile(r"^\s*(hmm+|hm+|mm+|tja+|pff+|uhm*|ehm*|well+|hmm+ well)[\s.!,…]*$", re.I)
_NOT_KNOWING = re.compile(
    r"^\s*(weet (ik )?(het )?(eigenlijk |echt |ook )?niet|geen idee|ik weet het (eigenlijk )?niet|"
    r"ik weet niet|dat weet ik (eigenlijk )?niet|i don'?t (really )?know|no idea|not sure|"
    r"dunno|idk|(misschien|maybe|perhaps|wellicht|kan zijn|could be)(?=[\s.!…]*$))\b",
    re.I,
)

# Figures of speech worth asking about, with the form to quote back.
IDIOMS = {
    "nl": [
        (r"\bover de schoenen\b", "over de schoenen lopen"),
        (r"\bop (mijn|mn|m'n|je) tenen\b", "op je tenen lopen"),
        (r"\bde druppel\b", "de druppel"),
        (r"\bdoor het lint\b", "door het lint gaan"),
        (r"\bin (mijn|mn|m'n|je) schulp\b", "in je schulp kruipen"),
        (r"\bhanden in het haar\b", "met de handen in het haar"),
        (r"\bvoor het blok\b", "voor het blok gezet worden"),
        (r"\bop (mijn|mn|m'n) plek gezet\b", "op je plek gezet worden"),
        (r"\bonder de bus\b", "onder de bus gegooid worden"),
        (r"\bin de kou\b", "in de kou laten staan"),
        (r"\bdicht(ge)?kla(p|pte|ppen)\w*\b", "dichtklappen"),
        (r"\bluikje\b", "een luikje dat dichtgaat"),
        (r"\bmet de mond vol tanden\b", "met de mond vol tanden staan"),
        (r"\bde kantjes eraf\b", "de kantjes eraf lopen"),
        (r"\bhet bijltje erbij\b", "het bijltje erbij neergooien"),
        (r"\bde kop in het zand\b", "de kop in het zand steken"),
        (r"\bde lieve vrede\b", "de lieve vrede bewaren"),
        (r"\bbuikpijn van\b", "buikpijn van iets krijgen"),
        (r"\bklein(er)? (voelen|voel|voelde|word|werd)\b", "je klein voelen"),
        (r"\bop eieren\b", "op eieren lopen"),
        (r"\bhet gras voor de voeten\b", "het gras voor de voeten weggemaaid"),
        (r"\bde bal (terug)?(gekaatst|kaatsen)\b", "de bal terugkaatsen"),
        (r"\bop slot\b", "op slot zitten"),
        (r"\bin de weg zitten\b", "jezelf in de weg zitten"),
        (r"\bpetje op\b", "welk petje je op hebt"),
        (r"\bbrandjes blussen\b", "brandjes blussen"),
        (r"\bleeggezogen\b", "leeggezogen worden"),
        (r"\bop (mijn|mn|m'n) tandvlees\b", "op je tandvlees lopen"),
        (r"\btegen een muur\b", "tegen een muur praten"),
        (r"\bverdedigende stand\b", "de verdedigende stand"),
    ],
    "en": [
        (r"\bbit my tongue\b", "biting your tongue"),
        (r"\bunder the bus\b", "being thrown under the bus"),
        (r"\bwalking on eggshells\b", "walking on eggshells"),
        (r"\blast straw\b", "the last straw"),
        (r"\bshut down\b", "shutting down"),
        (r"\bfroze\b", "freezing"),
        (r"\bburn(ed|t)? out\b", "burning out"),
        (r"\bout of my depth\b", "being out of your depth"),
        (r"\bhung out to dry\b", "being hung out to dry"),
        (r"\bput on the spot\b", "being put on the spot"),
        (r"\bfire ?fighting\b", "firefighting"),
        (r"\bimposter\b", "feeling like an imposter"),
        (r"\bswept under the rug\b", "being swept under the rug"),
        (r"\bdropped the ball\b", "dropping the ball"),
        (r"\bstepped on (my|their) toes\b", "stepping on toes"),
    ],
}

_NOT_NAMES = wordset("""
    Ik Je Jij Hij Zij We Wij Het De Een Dat Die Dit Deze Maar En Dus Want Toen Als Nu Dan Wat
    Waarom Hoe Wie Waar Ja Nee Oké Ok Sorry Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag
    Zondag HR MT I You He She We They It The A An But And So Then When What Why How Who Yes No
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Teams Slack Excel Nederlands Engels
    English Dutch""")


@dataclass
class Reading:
    """What one message, with the conversation so far, names."""

    lang: str
    feelings: list[str] = field(default_factory=list)
    askable: list[str] = field(default_factory=list)  # feelings fit for "Wat maakte je zo ...?"
    feeling: bool = False
    persons: list[str] = field(default_factory=list)  # as the coach may say them: "je collega"
    manager: bool = False
    other: bool = False  # anyone besides the person
    moment: bool = False  # a told event in the past, in this message or before
    moment_now: bool = False  # this message tells an event in the past
    habitual: bool = False  # a pattern, not one moment: "altijd", "elke keer", "vaak"
    evaluation: str = ""  # the person's judging word: "lastig", "awkward"
    evaluation_past: bool = False
    values: bool = False  # names what matters to them: "belangrijk", "important"
    values_own: bool = False  # says what matters to them as theirs: "wat ik belangrijk vind"
    again: bool = False  # something happens to them again: "niet de eerste keer"
    own_pattern: bool = False  # sees a pattern of their own: "dat doe ik vaker"
    hesitant: bool = False  # hesitates to take a step: "ik weet niet of ik dat nu al wil"
    elsewhere: bool = False  # says where else it happens: "thuis ook", "not the first time"
    hesitant_why: bool = False  # ... and says why: "..., het is nog te vers"
    assumed: bool = False  # took something for granted, no reason given: "ik dacht dat ze het wist"
    wished_other: bool = False  # wished another had acted: "ik wilde dat hij iets zei"
    held_back: bool = False  # wanted to say or do something, did otherwise, no reason said
    said_by: str = ""  # the one who said something to the person: "je teamleider", "Petra"
    said_verb: str = ""  # how: "zei" or "vroeg", "said" or "asked"
    unsaid: bool = False  # wished they had said something, not saying what: "ik zweeg"
    reacted: bool = False  # told what they did with the feeling: "ik heb gehuild", "walked out"
    fear_ahead: bool = False  # a fear of their own about what may come: "bang dat hij ... gaat"
    dilemma: bool = False  # two sides weighed: "ik weet niet welke erger is", "torn between"
    point: bool = False  # names the point against another: "het is meer dat ...", "what gets me is"
    touched: bool = False  # says what touches them: "het raakt me", "what gets me"
    talk_ahead: bool = False  # a talk planned or weighed, its words not said: "hem aanspreken"
    ideal_self: bool = False  # who they want to be: "ik wil iemand zijn die ..."
    wanted: bool = False  # says what the person wanted: "ik wilde", "what I wanted"
    wants_now: bool = False  # says what they want now: "ik wil wel dat ze het weet"
    explained: bool = False  # gives a reason or an image: "omdat", "alsof", "because"
    feeling_named: bool = False  # a feeling of the person's own, not negated
    inner: bool = False  # the person tells their own inside: a feeling, a want, an insight
    concrete_plan: bool = False  # a plan that says when or how
    insight: bool = False
    opening: bool = False  # the first message of the conversation: its first sentence is context
    dawning: bool = False  # it comes while they write: "oh. misschien is dat het wel"
    plan: bool = False
    alternative: bool = False
    idioms: list[str] = field(default_factory=list)
    ack: bool = False  # "ja klopt", "hmm"
    not_knowing: bool = False
    pondering: bool = False  # "hmm", "tja"
    mixed: bool = False  # two feelings of the person's own, side by side ("boos, maar ook trots")
    other_acts: bool = False  # this message tells what someone else did, said or wanted
    question_back: bool = False
    words: int = 0


def read(message: str, lang: str, earlier: list[str] | None = None) -> Reading:
    """Read `message`; `earlier` (the person's previous messages) adds people and moments."""
    text = message.strip()
    low = text.lower()
    r = Reading(lang=lang, words=len(text.split()))
    r.feelings = [
        f
        for f in FEELINGS[lang]
        if re.search(rf"\b{re.escape(f)}\b", low) and (f not in AMBIGUOUS_FEELINGS or _own(low, f))
    ]
    listed = _listed(low, lang)
    own = [f for f in r.feelings if not _negated(low, f) and (_own(low, f) or f in listed)]
    r.askable = _feelings.main_first(low, [f for f in own if f in ASKABLE[lang]], lang)
    r.feeling = bool(r.feelings) or bool(re.search(_feelings.FEELING_EXTRA[lang], low))
    named = capitalise_names(text)  # "mijn teamleider petra" names Petra
    r.persons = in_story(persons(named, lang), earlier, named)
    everything = " ".join([*(earlier or []), text])
    r.opening = earlier is not None and not earlier  # not known: not the opening
    r.other = bool(persons(everything, lang)) or bool(
        re.search(r"\b(hij|zij|hem|haar|ze|he|she|him|her|they)\b", everything.lower())
    )
    # "I'm a project manager", "ik ben teamleider": the person's own role is not their manager
    r.manager = bool(re.search(_MANAGER, _OWN_ROLE.sub(" ", everything.lower())))
    r.moment = bool(re.search(_MOMENT[lang], everything.lower())) or _past(everything, lang)
    # A pattern is not one moment: "toen" would point at nothing.
    r.habitual = marks.habitual(low)
    r.evaluation, r.evaluation_past = marks.evaluation(low, lang)
    for name, found in marks.plain(low).items():
        setattr(r, name, found)
    r.fear_ahead = marks.fear_ahead(low)
    r.reacted = bool(REACTED.search(everything.lower()))
    r.talk_ahead = marks.talk_ahead(low)
    r.held_back = marks.held_back(low)
    r.said_by, r.said_verb = marks.said_by(named, lang)
    r.moment_now = (bool(re.search(_MOMENT[lang], low)) or _past(low, lang)) and not r.habitual
    r.wanted = bool(marks.WANTED.search(text))
    r.wants_now = bool(_WANTS_NOW.search(text))
    r.explained = bool(_EXPLAINED.search(text) or _feelings.FEELING_ABOUT.search(text))
    r.explained = r.explained or len(re.findall(r"[.!?](\s|$)", text)) >= 3
    r.insight, r.dawning = bool(_INSIGHT.search(text)), bool(marks.DAWNING.search(text))
    r.plan = plan_marks.says_plan(text)
    r.alternative = bool(marks.ALTERNATIVE.search(text))
    r.mixed = mixed(low, r.feelings, FEELING_NOUNS[lang])
    r.feeling_named = any(
        (_own(low, f) or f in listed) and not _negated(low, f) for f in r.feelings
    ) or bool(re.search(_BARE_NOUN.format(nouns="|".join(FEELING_NOUNS[lang])), low, re.M))
    r.inner = r.feeling_named or r.wanted or r.insight or bool(marks.THOUGHT.search(text))
    r.concrete_plan = r.plan and plan_marks.concrete(text, r.words)
    r.idioms = [form for pattern, form in IDIOMS[lang] if re.search(pattern, low)]
    r.ack = bool(_SHORT_ACK.match(_ACK_TAIL.sub("", text))) and r.words <= 6
    r.not_knowing = _not_knowing(text, r.words, lang)
    r.pondering = bool(_PONDERING.match(text))
    names = [p for p in r.persons if " " not in p]
    r.other_acts = bool(_OTHER_ACTS.search(low)) or any(
        re.search(rf"\b{re.escape(n.lower())}( \w+){{0,2}} {_OTHER_VERBS}\b", low) for n in names
    )
    r.question_back = text.rstrip().endswith("?")
    return r


_NOT_PAST_EN = wordset(
    "need needed indeed speed feed seed bed red shed hundred naked wicked sacred tired "
    "interested excited scared worried bored stressed embarrassed ashamed overwhelmed "
    "frustrated disappointed annoyed confused exhausted drained supposed used"
)


def _not_knowing(text: str, words: int, lang: str) -> bool:
    """A short "I don't know"; not when a feeling follows it, which is the answer ("idk how i
    feel tbh. proper rotten?")."""
    if not _NOT_KNOWING.match(text) or words > 8:
        return False
    return not any(feelings_said(s, lang) for s in re.split(r"(?<=[.!?])\s+", text)[1:])


def _past(text: str, lang: str) -> bool:
    """A verb in the past tense: "werkte", "zeiden", "walked" (not "hoogste", "need")."""
    from app.core.perspective import nl_past_form

    for word in re.findall(r"[^\W\d_]+", text.lower()):
        if lang == "nl" and nl_past_form(word):
            return True
        if lang == "en" and word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST_EN:
            return True
    return False


# A feeling named as a noun at the start of a sentence: "Schaamte, vooral.", "Guilt."
_BARE_NOUN = (
    r"(^|[.!?]\s+)\W*(ja,? |yeah,? |en |and |vooral |mostly |een beetje |a bit of |ook |"
    r"misschien ook |maybe also )*({nouns})\b"
)
_NEGATION = re.compile(
    r"\b(niet|geen|nooit|nie|not|never|no|didn'?t|don'?t|wasn'?t|isn'?t|without|zonder|"
    r"waiting to|wachten op|wachtte)\b"
)


_OWN_FEELING = (
    r"\b(ik|k|i) {f}\b|"
    r"\b(ik|k) (was|ben|werd|word|voelde me|voel me|raakte|bleef|voelde mij|voel mij)"
    r"( \w+){{0,3}} {f}\b|\b(was|ben|werd|word|voelde|voel) ik( \w+){{0,3}} {f}\b|"
    r"\b(maakte|maakt) (me|mij)( \w+){{0,2}} {f}\b|\b(i|i'm|im) (was |am |felt |feel |got |get )?"
    r"(\w+ ){{0,3}}{f}\b|\b(made|makes) me( \w+){{0,2}} {f}\b|"
    r"(^|[.!?]\s+)\W*(ja,? |yeah,? |nee,? |and |en |maar |but |echt |really |so |zo )?"
    r"(een beetje |a bit |a little |beetje |wel |ook |best |heel |erg |quite |pretty |very |"
    r"vooral |mostly |honestly,? |meestal |vaak |soms |usually |often |sometimes )*{f}\b|"
    r"\b(dat|het|dit|that|it) (deed|doet|did|does) (me |mij )?(zo |echt |wel )?{f}\b"
)


def _listed(low: str, lang: str) -> set[str]:
    """The words of sentences that name feelings as a list ("bit ashamed tbh.", "boos en
    schaamte tegelijk"): those feelings are the person's."""
    return {
        w
        for s in re.split(r"(?<=[.!?])\s+|\n+", low)
        if feelings_said(s, lang)
        for w in re.findall(r"[^\W\d_]+", s)
    }


def _own(low: str, feeling: str) -> bool:
    """The feeling is the person's: "ik werd boos", "I felt so small", or a bare "Boos."."""
    return bool(re.search(_OWN_FEELING.format(f=re.escape(feeling)), low, re.M))


def _negated(low: str, feeling: str) -> bool:
    """A feeling named only to say it was not there: "I kept waiting to feel proud"."""
    for m in re.finditer(rf"\b{re.escape(feeling)}\b", low):
        before = low[max(0, m.start() - 40) : m.start()]
        clause = re.split(r"[.,;!?]| maar | but ", before)[-1]
        if _NEGATION.search(clause):
            return True
    return False


def persons(text: str, lang: str) -> list[str]:
    """The people a message names, as the coach may refer to them: "je collega", "Dennis"."""
    found: list[str] = []
    det = _DETERMINERS[lang]
    for m in re.finditer(rf"\b{det} ({_PERSON_ROLES[lang]})\b", text, re.I):
        role = m.group(2).lower()
        own = m.group(1).lower() in ("mijn", "mn", "m'n", "onze", "ons", "my", "our")
        if lang == "nl":
            phrase = (
                f"je {role}" if own else f"de {role}" if role not in ("ouders",) else "de ouders"
            )
        else:
            phrase = f"your {role}" if own else f"the {role}"
        if phrase not in found:
            found.append(phrase)
    counts: dict[str, int] = {}
    inside: set[str] = set()
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        for m in re.finditer(r"\b([A-Z][a-zà-ÿ]{2,})\b", sentence):
            name = m.group(1)
            if name in _NOT_NAMES or re.match(r"\s*\d", sentence[m.end() :]):
                continue
            counts[name] = counts.get(name, 0) + 1
            if m.start() > 0:
                inside.add(name)  # capitalised mid-sentence: a name, not a first word
    # A name counts once the story comes back to that person; a name said in passing
    # ("mevrouw Okafor", "Year 11") is not who the question should be about.
    found += [n for n, c in counts.items() if c >= 2 and n in inside and n not in found]
    return found[:4]
