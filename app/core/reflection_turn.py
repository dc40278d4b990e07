"""One of the person's sentences turned into a reflection: said back in the second person.

Role: the sentence-level part of app/core/reflection.py. Lead-ins, fillers and hedges are
dropped, a Dutch verb is put back in second place after "ik denk dat ik", a feeling named on its
own is said back as a feeling ("Boos, echt." -> "Je was boos, echt."), and the speaker is
turned into "je"/"you" (app/core/perspective.py); the result is kept only when its length and
language are right.
Must not: add words beyond the fixed frame of a feeling, or call a model.
"""

from __future__ import annotations

import re
import unicodedata

from app.core import perspective
from app.core.answer_marks import WHAT_MOST, elliptic, said_as_is, to_coach, with_head
from app.core.feeling_list import feelings_said
from app.core.feeling_said import _feeling_fragment, _names_feeling
from app.core.feelings import FEELINGS
from app.core.language_guard import language_ok, v2_repaired
from app.core.names import capitalise_names
from app.core.own_steps import as_own_step
from app.core.perspective_dropped import someone_else_dropped
from app.core.spelling import typos_fixed
from app.core.text import en_spelled_out, nl_spelled_out, with_inner_speech, wordset

MAX_MIRROR_WORDS = 20
MIN_MIRROR_WORDS = 3

# Opening sentences that only announce the topic: "Ik wil het hebben over vorige week."
_ANNOUNCE = re.compile(
    r"^(ik wil het (\w+ )?(hebben )?over|ik wil (graag )?(iets )?(bespreken|vertellen)|"
    r"ik wil het (graag )?hebben|i want to talk about|i'd like to talk about|i want to discuss|"
    r"ik moet (dit|het|iets) (even |echt )?kwijt|i need to get (this|it) off my chest)",
    re.I,
)
_LEADING = re.compile(
    r"^((nou|ja|nee|oké|oke|okee|ok|okay|dus|en|maar|well|so|and|but|yeah|eerlijk gezegd|"
    r"als ik eerlijk ben|"
    r"eerlijk is eerlijk|tja|hmm+|"
    r"honestly|actually|basically|tbh|tbf|anyway|kortom|enfin|goh|pff+|echt|eerlijk(?=,)|"
    r"idk(?!\s+(?:how|what|why|if|whether|who|where|when)\b)|"  # not "idk how i feel"
    r"allez|awel|amai|lol|haha+|boh|right|ok so|right so|precies(?=,)|inderdaad(?=,)|"
    r"howay( man)?|aye|och|ach|naw|no(?=,|\s+(?:i|you)\b)|"
    r"klopt(?=,)|exactly(?=,)|true(?=,)|ya(?=,|\s+(?:i|you)\b)|yah|"
    r"before all (that|this)(?=,)|voor dat alles(?=,)|"
    r"weet je wat het is|weet je|i mean|fair enough|nou ja|also|anders doen|if anything|"
    r"like(?=,|\s+(?:i|you|he|she|they)\b)|"
    r"(the )?thing is(?=,|\s+(?:i|you|he|she|they|we|it|my)\b)|"
    r"(i )?(suppose|guess|reckon)(?=,|\s+(?:i|you|he|she|they|we|it)\b)|"
    r"probably(?=\s+(?:i|you)\b)|ma(?=,?\s+(?:dat|da|ik|k|het|t|'t|hij|ze|zij|die)\b))"
    r"(?:[,\s]|\.{2,}|…)+)+",
    re.I,
)
# A sentence that opens with a linking word leans on the one before: "Of dat wil ik zijn."
# "En"/"Maar" only join: the sentence after them stands on its own once they are dropped.
_FRAGMENT = re.compile(
    r"^(of|want|dus|omdat|die|wat|which|or|because|so|who|that|"
    r"dat (ze|hij|zij|ik|je|jij|we|wij|het|er|u|jullie|men|mijn|m'n|mn)\b|"
    # a clause that leans on a main clause it does not have: "Terwijl ik al vol zat."
    r"(terwijl|hoewel|zodat)\b(?!.*,)|(i think|i guess|ik denk) (because|omdat)\b)\b",
    re.I,
)
# A sentence that only adds to the one before: "Meer dan ik had verwacht." It is said back
# joined to that sentence, never alone.
_ELABORATION = re.compile(
    r"^(meer dan|minder dan|zelfs|ook nog|nog erger|more than|less than|even more|"
    r"op (hem|haar|ze|hen|mezelf|mijzelf|iedereen)|at (him|her|them|myself|everyone)|"
    # "Mostly I felt stupid." has its own subject: a sentence, not an addition.
    r"(vooral|especially|mostly)(?!,?\s+(i|i'm|i've|i'd|ik|k)\b))\b",
    re.I,
)
# "I think I'm ashamed" is said back as "You're ashamed": the hedge is about the speaker's own
# state, which they have just named. Dutch keeps it: its subordinate word order differs.
_OWN_HEDGE_EN = re.compile(r"^(i think|i guess|i suppose|i feel like|i reckon) (?=i\b|i'm\b)", re.I)
_IT_FELT = re.compile(r"^(dat|het|dit|that|it) (deed|doet|voelde|voelt|did|felt|feels)\b", re.I)
_FILLERS = re.compile(
    r",?\s+\b(hoor|haha+|hihi|lol|ofzo|zeg maar|tbh|idk|if i'?m (being )?honest|to be honest|"
    r"now (that )?you ask|now you mention it|nu (je|ge) het vraagt|als (je|ge) het zo zegt|"
    r"eh|ehm|uh|uhm|allee|allez|amai|i won'?t lie|not gonna lie|ngl|i'?m not gonna lie|"
    r"lah|lor|leh|meh|eerlijk gezegd|als ik eerlijk ben)\b|"
    r",\s+(serieus|trouwens)(?=\s*[,.!]|\s*$)",
    re.I,
)
BARE_NOT_KNOWING = re.compile(
    r"^(ik weet (het )?(eigenlijk |echt )?niet|weet ik (het )?(veel|niet)( precies| goed)?|"
    r"geen idee|i don'?t know|idk|no idea)[\s.!?…]*$",
    re.I,
)
# "dat klinkt misschien overdreven maar ...", "it sounds petty but ...": an excuse, not the point.
_SOUNDS = re.compile(
    r",?\s*\b(dat|het|dit) klinkt (misschien |wel |een beetje |nogal |heel )?(overdreven|gek|raar|"
    r"stom|dramatisch|kinderachtig|lullig|suf|zielig|egoïstisch)( hoor| he| hè)?"
    r"( als ik (het|dat) zo (op)?(schrijf|typ|zeg))?,?(\s+(maar|want))?(?=\s+\w|[.!]*$)|"
    r",?\s*\b(that|it|this) (might |may |probably )?sounds? "
    r"(a bit |kind of |so |really )?"
    r"(silly|stupid|dramatic|petty|childish|weird|mad|daft|selfish|over the top)"
    r",?(\s+(but|because))?(?=\s+\w)",
    re.I,
)


def _without_emoji(text: str) -> str:
    """The sentence without emoji and the "!!" or "?!" around them ("zelf!! 💪" -> "zelf")."""
    text = "".join(
        " " if unicodedata.category(ch) in ("So", "Sk", "Cs", "Co") else ch for ch in text
    )
    text = re.sub(r"[\u200d\ufe0f]", "", text)
    return re.sub(r"\s*[!?]{2,}(?=\s*$)|\s{2,}", lambda m: "" if m[0].strip() else " ", text)


_RESTART = re.compile(
    r"^[^.…]{1,40}?(\.\.\.|…)\s*(?=(ze|zij|hij|het|dat|ik|we|wij|they|he|she|it|that|i|we)\s+\w)",
    re.I,
)
_TRAILING_FILLER = re.compile(
    r"(,\s+eerlijk|,?\s+(eerlijk gezegd|als ik eerlijk ben|to be honest|tbh|honestly|actually|"
    r"if i'm honest|if i am honest|if im honest|"
    r"denk ik|i think|i suppose|i guess|if that makes sense|als je snapt wat ik bedoel|zeg maar|"
    r"volgens mij|lol|haha+|"
    r"vandaar|hence)|"
    # a tag at the end said to the listener: "..., eh", "..., hè", "..., mind", "..., fair"
    r",?\s+(eh|hè|hé|mind|allee|allez|jong|fair( enough)?)|,\s+he|"
    # an English tag question without its mark: "i didnt lie did i", "it was fine, wasn't it"
    r"(?<!\bso)(?<!\bnor),?\s+(did|was|have|had|could|should|would|can|didn't|wasn't|didnt|"
    r"wasnt|couldn't|couldnt|shouldn't|shouldnt|wouldn't|wouldnt|haven't|havent) i|"
    r",\s+(wasn't|isn't|wasnt|isnt|didn't|didnt) it|(?<=\w)\s+(is|was) it|"
    # a name the person calls themself after a comma at the end: not said back ("..., sukkel")
    r",\s+(sukkel|stommerd|idioot|dombo|eejit|idiot|muppet))"
    r"(?=[\s.!…]*$)",
    re.I,
)


# A step the person weighs, said without a subject: "misschien gewoon even vragen of ze vijf
# minuten heeft", "maybe just ask her first". Nothing in it to turn; said back as it is.
_STEP_WITHOUT_SUBJECT = re.compile(
    r"^(misschien|maybe) (gewoon |eerst |even |toch |maar |just |first )*"
    r"([^\W\d_]+ ){0,5}(vragen|zeggen|bellen|mailen|bespreken|aankaarten|voorstellen|"
    r"uitleggen|aanspreken|ask|tell|say|call|email|talk|raise|explain|propose)\b",
    re.I,
)
# A step of the person's own said without "I" ("gonna ask her", "ga morgen naar hem toe").
_NO_SUBJECT_STEP = re.compile(r"^(gonna|going to|will|ga|wil) (?=[a-z]+ \w)(?!.* en )", re.I)
_STEP_SUBJECT = {"gonna": "I'm going to ", "going to": "I'm going to ", "will": "I will "}
# Anyone in a sentence who would be turned: the speaker or the one spoken to.
SPEAKER = re.compile(
    r"\b(ik|mijn|me|mij|mezelf|we|wij|ons|onze|je|jij|jou|jouw|u|i|my|myself|us|our|you|"
    r"your)\b|'k\b|\bm'n\b",
    re.I,
)


_IT_FEELS_TO = re.compile(
    r"^(It feels|It felt|Het voelt|Het voelde) ([^\W\d_]+(?: [^\W\d_]+)?) (to|om) (?!me\b|mij\b)",
)
_TO_ME = {"nl": "voor mij", "en": "to me"}
_TRAILS_OFF = re.compile(
    r"\b((should|must|could|would|might|moet|moest|zou)( (just|really|maybe|gewoon|misschien|"
    r"eigenlijk|maar|ook))?|te|the|an|de|een|and|en|or|of|but|(?<!het )(?<!dan )(?<!toch )maar|"
    r"(it'?s|it is|het is|'t is) (just|gewoon|meer|more))$",
    re.I,
)
# "Wat ik wel kan doen, is haar terugbellen" -> "Ik kan haar terugbellen"; "What I could do is
# ask him" -> "I could ask him".
_CLEFT = re.compile(
    r"^(wat|what) (?P<who>ik|i) (wel |nog |eigenlijk |really |actually )?"
    r"(?P<verb>kan|kun|wil|ga|moet|zou|can|could|will|want to|need to|should) (doen|do),? "
    r"is (om |to )?",
    re.I,
)


def _turn(sentence: str, lang: str, message: str, joined: bool = False) -> str | None:
    plain = _SOUNDS.sub(",", _FILLERS.sub("", _without_emoji(sentence).strip())).lstrip(" ,")
    plain = re.sub(r"\b(want|omdat|dus|because),\s+", r"\1 ", plain)  # "want allez, ik ..."
    core = _CLEFT.sub(lambda m: f"{m['who'].capitalize()} {m['verb']} ", _LEADING.sub("", plain))
    if lang == "nl" and core != plain:
        # "Eerlijk gezegd schrok ik vooral.": with the lead-in gone the verb stands first.
        core = _VERB_FIRST.sub(lambda m: f"{m.group(2)} {m.group(1)}", core)
    # "mn klanten... ze zijn van niemand": a start broken off, then the sentence itself
    core = _RESTART.sub("", core)
    core = _TRAILING_FILLER.sub("", re.sub(r"\s*(\.\.\.|…)\s*(?=\w)", " ", core))
    core = _tidy(core, lang) if joined else with_head(_tidy(core, lang), lang)
    if _ASKS_WHY.match(core) and not core.rstrip().endswith("?") or to_coach(plain):
        return None  # "Waarom voel ik me zo ..., maar ...": a question; "zoals je zei": the coach
    if someone_else_dropped(core, sentence, message, lang, bool(_feeling_fragment(core, lang))):
        return None  # "girl called Chloe, 17. Nervous as anything": her nerves, not the writer's
    if lang == "nl":
        core = _what_i_find_nl(core) or core
    # "mostly embarrassed tbh": a feeling, not an addition
    listed = _feeling_fragment(core, lang) or feelings_said(core, lang)
    fragment = _FRAGMENT.match(core) and not WHAT_MOST.match(core)
    if listed or fragment or (leans_on_before(core, lang) and not joined):
        return listed
    core = _OWN_HEDGE_EN.sub("", core) if lang == "en" else _main_clause_nl(core) or core
    feeling = _feeling_fragment(core, lang)
    if feeling:
        return feeling
    if not core or _ANNOUNCE.match(core) or BARE_NOT_KNOWING.match(core):
        return None
    core = core[:1].upper() + core[1:]
    # "It feels petty to bring up money." is how it is for the person: "... to me to ...",
    # which turns like any other sentence.
    core = _IT_FEELS_TO.sub(
        lambda m: f"{m.group(1)} {m.group(2)} {_TO_ME[lang]} {m.group(3)} ", core
    )
    core = as_own_step(core, lang)
    if not SPEAKER.search(core):
        core = _NO_SUBJECT_STEP.sub(
            lambda m: _STEP_SUBJECT.get(m[1].lower(), f"Ik {m[1].lower()} "), core
        )
    turned = perspective.second_person(core, lang)
    if turned is None and _IT_FELT.match(core) and _names_feeling(core, lang):
        turned = core  # "Dat deed pijn." is the person's own feeling, said without "ik"
    if turned is None and _STEP_WITHOUT_SUBJECT.match(core) and not SPEAKER.search(core):
        turned = core  # "Misschien gewoon even vragen of ze tijd heeft.": no one to turn
    if turned is None and not SPEAKER.search(core):
        turned = said_as_is(core, lang)  # "Het is meer de manier.", no one to turn
    if turned is None:
        return None
    turned = re.sub(r"[\s.!…]+$", "", turned)
    if _TRAILS_OFF.search(turned):
        return None  # "Part of me thinks I should just": the message trails off
    turned += "."
    words = len(turned.split())
    shortest = 2 if _names_feeling(turned, lang) else MIN_MIRROR_WORDS
    if not shortest <= words <= MAX_MIRROR_WORDS:
        return None
    if not language_ok(turned, lang, allowed=message):
        return None
    return turned


_ASKS_WHY = re.compile(
    r"^(waarom|why|hoe kan|hoe komt|how can|how could|how come|can i|could i|may i|kan ik|"
    r"mag ik)\b",
    re.I,
)
_WEEKDAYS_EN = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|june|july|august|september|october|november|december)\b"
)


def _tidy(text: str, lang: str) -> str:
    """Chat spellings written out: "s middags" -> "'s middags", "friday" -> "Friday", "didnt" ->
    "didn't", "teamleider petra" -> "teamleider Petra", "eignlijk" -> "eigenlijk"; an aside in
    brackets left out."""
    text = re.sub(r"\s*\([^()]{1,30}\)", "", text)
    text = re.sub(r"\s*\([^()]*?([.!?…]*)$", r"\1", text)  # an aside cut off with the sentence
    text = re.sub(r"^[^()]*\)\s*(?:(?:en|and)\s+)?(\w)", lambda m: m[1].upper(), text)  # or begun
    text = re.sub(r",\s*(ja|jawel|yes|yeah|yep)(?=\W*$)", "", text, flags=re.I)  # "betrapt, ja"
    if lang == "nl":  # written out before names are looked for: "gwn" is no name
        text = nl_spelled_out(re.sub(r"\bff\b", "even", re.sub(r"\bipv\b", "in plaats van", text)))
    text = typos_fixed(capitalise_names(text), lang)
    if lang == "nl":
        text = with_inner_speech(v2_repaired(text))  # "Je denkt hij heeft" -> "Je denkt: hij"
        text = _FELT_BARE.sub(lambda m: f"{m[0]}{'me' if m[1].lower() == 'ik' else 'je'} ", text)
        text = re.sub(r"^(['’][ts]) (\w)", lambda m: f"{m[1]} {m[2].upper()}", text)  # 't Is
        text = re.sub(
            r"(?<=['’]s )([Aa]vond|[Mm]iddag|[Oo]chtend|[Mm]orgen)\b", r"\1s", text
        )  # 's avond
        return re.sub(r"(?<![\w'’])s (middags|avonds|ochtends|nachts|morgens)\b", r"'s \1", text)
    text = _WEEKDAYS_EN.sub(lambda m: m.group(1).capitalize(), text)
    return en_spelled_out(text)


# "Ik voelde klein.", learner Dutch for "Ik voelde me klein."
_FELT_BARE = re.compile(
    r"(?<!je )(?<!me )(?<!mij )\b(ik|je|jij) (?:voel|voelt|voelde) "
    r"(?=(?:heel |zo |erg |echt |een beetje |best |wel )?"
    r"(?:" + "|".join(sorted(FEELINGS["nl"], key=len, reverse=True)) + r")\b)",
    re.I,
)
_VERB_FIRST = re.compile(
    r"^(was|ben|voelde|voel|werd|word|schrok|schrik|schaamde|schaam|baalde|baal|dacht|denk|"
    r"wilde|wou|wil|vond|vind|had|heb|zat|zit|kon|kan|moest|moet|durfde|durf|zag|zie|snapte|"
    r"snap|begreep|begrijp|merkte|merk|weet|wist|hoopte|hoop|twijfelde|twijfel|zeg|zei|doe|deed|"
    r"ga|ging)\s+(ik|k)\b",
    re.I,
)
_OWN_HEDGE_NL = re.compile(
    r"^((ik denk|ik geloof|ik vermoed|ik gok) dat|(?P<maybe>misschien|wellicht) dat) (ik|k) ",
    re.I,
)
_NL_MODALS = wordset("wil wilde kan kon moet moest zou ga ging mag mocht durf durfde blijf bleef")
_NL_CLAUSE_END = wordset("dat omdat als want maar en of die wat terwijl toen zodat , ; : . ! …")


# "Wat ik belangrijk vind: dat mijn kennis telt." heads its point with a question word; said
# as a plain statement it turns like any other: "Ik vind het belangrijk dat mijn kennis telt."
_WHAT_I_FIND = re.compile(
    r"^wat ik (?:(?:echt|zelf|vooral|nou) )?(?P<adj>belangrijk|waardevol|lastig|moeilijk|fijn|mooi|"
    r"jammer|vervelend|raar|eng|spannend|stom) vind(?:\s*:\s*|\s+is\s*:?\s*|,\s*)"
    r"(?P<dat>dat )?(?P<rest>\S.*)$",
    re.I,
)


def _what_i_find_nl(core: str) -> str | None:
    m = _WHAT_I_FIND.match(core)
    if not m:
        return None
    adj, rest = m.group("adj").lower(), m.group("rest")
    if m.group("dat"):
        return f"Ik vind het {adj} dat {rest}"
    if len(rest.split()) <= 4 and not re.search(r"[,;:]", rest):  # "... is eerlijkheid."
        return f"Ik vind {re.sub(r'[.!…]+$', '', rest)} {adj}."
    return None


# Particles that stand apart from their verb in a main clause ("opstellen": "ik stel me op").
_SEPARABLE = re.compile(
    r"^(op|aan|af|uit|mee|terug|weg|toe|vast|los|neer|samen|in|na|bij|door|voor(?!kom|spel|zie))"
    r"(?=\w{2})"
)


def _main_clause_nl(core: str) -> str | None:
    """ "Ik denk dat ik vaker de lieve vrede bewaar" -> "Ik bewaar vaker de lieve vrede": the
    hedge about the speaker's own state dropped, the verb moved to second place so that the
    sentence turns into "Je bewaart vaker de lieve vrede". None when the verb is not certain."""
    m = _OWN_HEDGE_NL.match(core)
    if not m:
        return None
    tokens = re.findall(r"[\w'’-]+|[^\w\s]", core[m.end() :])
    end = next((i for i, t in enumerate(tokens) if t.lower() in _NL_CLAUSE_END), len(tokens))
    clause, tail = tokens[:end], tokens[end:]
    split = _finite_split(clause)
    if split is None:
        return None
    finite, words = split
    particle = _SEPARABLE.match(finite.lower())
    if particle and perspective.nl_present_stem(finite[particle.end() :]):
        # "dat ik me vaak achter de regels opstel" -> "Ik stel me vaak achter de regels op"
        words = [*words, particle.group(0)]
        finite = finite[particle.end() :]
    if m.group("maybe"):  # "Misschien dat ik bang ben" -> "Misschien ben ik bang"
        text = " ".join([m.group("maybe").capitalize(), finite, "ik", *words, *tail])
    else:
        text = " ".join(["Ik", finite, *words, *tail])
    return re.sub(r"\s+([,.;:!?])", r"\1", text)


def leans_on_before(core: str, lang: str) -> bool:
    """An addition ("Meer dan ik dacht.") or an elliptic answer ("Op Dennis omdat ...")."""
    return bool(_ELABORATION.match(core)) or elliptic(core, lang, _nl_finite)


def _nl_finite(word: str) -> bool:
    w = word.lower()
    if w in _NL_MODALS or perspective.nl_present_stem(w) and not w.endswith("en"):
        return True
    if w in ("was", "had", "werd", "ben", "heb", "word", "vond", "dacht", "voelde", "zat"):
        return True
    m = re.match(r"^(\w+?)(de|te|den|ten)$", w)
    return m is not None and perspective.nl_present_stem(m.group(1), strict=True)


def _nl_infinitive(word: str) -> bool:
    w = word.lower()
    return (
        w.endswith("en")
        and perspective.nl_present_stem(w[:-2] or "x")
        or w
        in (
            "zijn",
            "gaan",
            "staan",
            "doen",
            "zien",
            "worden",
            "lijken",
            "hebben",
        )
    )


def _finite_split(clause: list[str]) -> tuple[str, list[str]] | None:
    """The finite verb at the end of a Dutch subordinate clause and the words without it:
    "vaker de lieve vrede bewaar", "professioneel wilde lijken", "aardig gevonden wil worden"."""
    if not clause or not all(t.isalpha() or t in "'’-" for t in clause):
        return None
    last = clause[-1]
    if _nl_finite(last) and not (len(clause) > 1 and _nl_infinitive(clause[-2])):
        return last, clause[:-1]
    if len(clause) >= 2 and _nl_infinitive(last) and clause[-2].lower() in _NL_MODALS:
        return clause[-2], [*clause[:-2], last]
    if (
        len(clause) >= 3
        and _nl_infinitive(last)
        and clause[-2].lower() in _NL_MODALS | {"word", "werd"}
        and perspective._participle(clause[-3].lower())
    ):
        return clause[-2], [*clause[:-3], clause[-3], last]
    return None
