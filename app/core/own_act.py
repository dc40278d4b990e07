"""What the person keeps doing, found as a clause of their own: "Ik vraag bijna nooit of iemand
mee kan" -> "je bijna nooit vraagt of iemand mee kan", "I just carry on" -> "just carry on".

Role: supervisors ask what moves a person to act as they do. Only a pattern of the person's own
behaviour is taken ("altijd", "bijna nooit", "I tend to", "I keep"), or an act the person says
they do not understand ("ik weet niet waarom"): those are the acts a question about the motive
fits. The mirror says the act back, so the question only points at it ("Wat maakt dat je dat
doet?", "What stops you?"); building the clause (Dutch with its verb at the end, "dat je alles
alleen doet", a separable particle joined, "dat je terugslaat"; English with the plain verb)
is how the act is told apart from what cannot be asked that way, and says whether it was done,
not done or is a state.
Must not: guess. A clause with a feeling or thinking verb, "to be" or "to have", several verbs it
cannot place, "te" or a pronominal adverb ("er", "daar") gives None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.perspective import (
    _lemma,
    _participle,
    nl_past_form,
    nl_present_stem,
    nl_verb_form,
    second_person,
)
from app.core.text import wordset


@dataclass(frozen=True)
class OwnAct:
    clause: str  # "je bijna nooit vraagt of iemand mee kan" / "never ask anyone to help"
    past: bool
    sentence: int  # which of the person's statements it comes from

    @property
    def variant(self) -> str:
        """How a question points back at the act: "does" (Wat maakt dat je dat doet?), "did",
        "doesnt" and "didnt" for an act not done (What stops you?), "state" for becoming or
        staying something rather than doing (Waar komt dat vandaan, denk je?)."""
        words = set(re.findall(r"[\w'’]+", self.clause.lower()))
        if words & _STATES:
            return "state"
        neg = bool(words & _NEGATIONS) or "n't" in self.clause or "n’t" in self.clause
        if neg:
            return "didnt" if self.past else "doesnt"
        return "did" if self.past else "does"


_PATTERN = {
    "nl": re.compile(
        r"\b(altijd|elke keer|iedere keer|telkens|vaak|meestal|bijna nooit|nooit|steeds|"
        r"de neiging|eigenlijk alles)\b"
    ),
    "en": re.compile(
        r"\b(always|every time|each time|often|usually|hardly ever|never|tend to|keep \w+ing|"
        r"kept \w+ing)\b"
    ),
}
_REASON = {
    "nl": re.compile(r"\b(omdat|want|doordat|sinds|daarom|komt (erop neer|door|doordat|voort))\b"),
    "en": re.compile(r"\b(because|since|so that|to keep|that's why|comes from|stems from)\b"),
}
_WHY_NOT_KNOWN = {
    "nl": re.compile(r"\b(weet|wist) (ik )?(echt |eigenlijk |ook )?niet waarom\b"),
    "en": re.compile(r"\b(don't|do not|didn't|dont|didnt) know why\b"),
}
# Verbs that tell a feeling, a thought, a state or a wish: asking what makes someone feel or
# think something is another question (the feeling templates ask it).
_NOT_ACTS = {
    "nl": wordset(
        "denkt dacht vindt vond weet wist voelt voelde merkt merkte hoopt hoopte bent was "
        "hebt had wilt wilde wou zou zult snapt snapte begrijpt begreep twijfelt twijfelde "
        "baalt baalde schaamt schaamde ziet zag hoort hoorde lijkt "
        "leek heet blijkt bleek"
    ),
    "en": wordset(
        "think thought feel felt know knew am are were was have had want wanted guess hope "
        "hoped wish wished notice noticed realise realised realize realized believe believed "
        "wonder wondered 're 've 'd ’re ’ve ’d can could will would should must do did need "
        "needed seem seemed get got"
    ),
}
_STATES = wordset("wordt word werd blijft blijf bleef raakt raakte become became stay stayed")
_NEGATIONS = wordset("niet nooit niks niets geen never not hardly")
_NOTICING = {
    "nl": wordset("merkt merkte ziet zag"),
    "en": wordset("notice noticed realise realised realize realized see"),
}
_NL_MODALS = wordset("kunt kon moet moest mag mocht hoeft hoefde durft durfde laat liet gaat ging")
_NL_PARTICLES = wordset(
    "op af aan uit mee terug door over weg toe bij na om vast los neer dicht in voor tegen "
    "samen mis kwijt"
)
_NL_BREAK = wordset(", ; : en maar want dus omdat terwijl toen als wanneer zodat voordat nadat")
_NL_COMPLEMENT = wordset("of dat")
_NL_SUBJECTS = wordset("ik je hij zij ze we wij iemand niemand iedereen het de een mijn")
_NL_REFUSE = wordset("er daar hier waar te zich ik mij")
_EN_BREAK = wordset(", ; : and but because so when while as if though although")
_EN_SUBJECTS = wordset("i you he she it they we then there this that my your his her")
_EN_LEAD = wordset("never always just often usually still really actually kind sort of hardly ever")


def own_act(statements: list[str], message: str, lang: str) -> OwnAct | None:
    """The first statement that tells a pattern of the person's own behaviour, as a clause."""
    low_message = message.lower()
    if _REASON[lang].search(low_message):
        return None  # the message says already what moves them
    why = bool(_WHY_NOT_KNOWN[lang].search(low_message))
    for n, sentence in enumerate(statements):
        low = sentence.lower()
        if not (_PATTERN[lang].search(low) or why):
            continue
        turned = second_person(sentence, lang)
        if not turned:
            continue
        made = _nl_clause(turned) if lang == "nl" else _en_clause(turned)
        if made:
            return OwnAct(made[0], made[1], n)
    return None


def _words(text: str) -> list[str]:
    text = re.sub(r"[.!?…]+\s*$", "", text.strip())
    return re.findall(r"[,;:]|[^\s,;:]+", text)


def _nl_clause(turned: str) -> tuple[str, bool] | None:
    words = _words(turned)
    lower = [w.lower() for w in words]
    lead = 0
    while lead < len(lower) and lower[lead] in ("en", "maar", "dus", "eigenlijk", "ook"):
        lead += 1
    if len(lower) < lead + 3 or lower[lead] != "je":
        return None
    verb = lower[lead + 1]
    if verb in _NOTICING["nl"] and lower[lead + 2 : lead + 4] == ["dat", "je"]:
        return _nl_embedded(words[lead + 3 :])  # "je merkt dat je ..." is in clause order
    if verb in _NOT_ACTS["nl"] or not re.fullmatch(r"[a-zà-ÿ]+", verb):
        return None
    rest: list[str] = []
    tail: list[str] = []
    for k in range(lead + 2, len(lower)):
        w = lower[k]
        if w in _NL_COMPLEMENT and k + 1 < len(lower) and lower[k + 1] in _NL_SUBJECTS:
            tail = words[k:]
            break
        if w in _NL_BREAK:
            break
        rest.append(words[k])
    low_rest = [w.lower() for w in rest]
    if not rest or len(rest) > 8 or any(w in _NL_REFUSE for w in low_rest):
        return None
    if any(not re.fullmatch(r"[\wà-ÿ'’-]+", w) for w in rest):
        return None
    last = low_rest[-1]
    if verb in _NL_MODALS:
        if last.endswith("en") and _lemma(last) == last:
            body = [*rest[:-1], verb, rest[-1]]  # je niks meer kon bedenken
        else:
            body = [*rest, verb]
    elif any(_participle(w) for w in low_rest):
        return None  # a second verb the order cannot be told for
    elif last in _NL_PARTICLES and len(rest) >= 1:
        body = [*rest[:-1], last + verb]  # je meteen terugslaat
    else:
        body = [*rest, verb]
    if len(tail) > 10:
        return None
    clause = " ".join(["je", *body, *tail])
    return clause, nl_past_form(verb)


def _nl_embedded(words: list[str]) -> tuple[str, bool] | None:
    """A clause after "dat", already with its verb at the end: "je altijd eerst ja zegt"."""
    out: list[str] = []
    for w in words:
        if w.lower() in _NL_BREAK:
            break
        out.append(w)
    low = [w.lower() for w in out]
    if len(out) < 3 or len(out) > 10 or any(w in _NL_REFUSE for w in low[1:]):
        return None
    if any(not re.fullmatch(r"[\wà-ÿ'’-]+", w) for w in out):
        return None
    verb = low[-1]
    if verb in _NOT_ACTS["nl"] or not _nl_finite(verb):
        return None
    return " ".join(out), nl_past_form(verb)


def _nl_finite(verb: str) -> bool:
    """A je-form or past form at the end of a clause: "zegt", "gaat", "wordt", "knikte"."""
    if verb in ("gaat", "staat", "slaat", "doet", "ziet", "kunt", "wordt"):
        return True
    return nl_verb_form(verb) or (verb.endswith("t") and nl_present_stem(verb[:-1], strict=True))


_EN_IRREGULAR_PAST = {
    "went": "go",
    "said": "say",
    "kept": "keep",
    "told": "tell",
    "took": "take",
    "gave": "give",
    "made": "make",
    "let": "let",
    "put": "put",
    "ran": "run",
    "froze": "freeze",
    "shut": "shut",
    "left": "leave",
    "stayed": "stay",
    "sat": "sit",
    "stood": "stand",
    "wrote": "write",
    "held": "hold",
    "ate": "eat",
    "drank": "drink",
    "came": "come",
    "spent": "spend",
}


def _en_clause(turned: str) -> tuple[str, bool] | None:
    words = _words(re.sub(r"\b([Yy]ou)[’']ve\b", r"\1 have", turned))
    lower = [w.lower() for w in words]
    lead = 0
    while lead < len(lower) and lower[lead] in ("and", "but", "so", "actually"):
        lead += 1
    if len(lower) < lead + 2 or lower[lead] != "you":
        return None
    k = lead + 1
    if lower[k] == "have" and lower[k + 1 : k + 2] and lower[k + 1] in _NOTICING["en"]:
        k += 1  # "you've noticed that you ..."
    if lower[k] in _NOTICING["en"]:
        k += 2 if lower[k + 1 : k + 2] == ["that"] else 1
        if lower[k : k + 1] != ["you"]:
            return None
        return _en_clause(" ".join(words[k:]))
    if lower[k : k + 2] in (["do", w] for w in ("tend", "always", "often", "usually", "keep")):
        k += 1  # "you do tend to go quiet": the stress, not the act
    out: list[str] = []
    while k < len(lower) and lower[k] in _EN_LEAD:
        out.append(words[k])
        k += 1
    if k >= len(lower):
        return None
    verb = lower[k]
    if verb == "tend" and k + 2 < len(lower) and lower[k + 1] == "to":
        k += 2
        verb = lower[k]
    if verb in _NOT_ACTS["en"] or "'" in verb or "’" in verb:
        return None
    past = False
    if verb in _EN_IRREGULAR_PAST:
        base, past = _EN_IRREGULAR_PAST[verb], True
    elif verb.endswith("ed") and len(verb) > 4:
        base, past = _lemma_en(verb), True
        if base == verb:
            return None
    elif verb.endswith("s") and not verb.endswith("ss"):
        return None  # not a you-form
    else:
        base = verb
    out.append(base)
    after = lower[k + 1 :]
    for j, (w, w_low) in enumerate(zip(words[k + 1 :], after, strict=True)):
        following = after[j + 1] if j + 1 < len(after) else ""
        if w_low in _EN_BREAK and (w_low not in ("and", "but") or following in _EN_SUBJECTS):
            break
        out.append(w)
    if "feel" in [w.lower() for w in out]:
        return None
    if len(out) > 12 or any(not re.fullmatch(r"[\w'’-]+", w) for w in out):
        return None
    return " ".join(out), past


def _lemma_en(word: str) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang="en"))
