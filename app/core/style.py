"""Rule-based checks on a single coach reply.

Role: split a reply into sentences and questions, tell open from closed questions, spot advice,
permission asks and "waarom" questions, and sum this up in a `TurnCheck`. Used by the engine's
guard and by the evaluation scorers. The categories follow MITI (reflections vs questions,
open vs closed) and ICF PCC markers (one question at a time, no advice without permission).
Must not: call a model, rewrite the reply, or judge content beyond these surface markers.
Rules are deliberately literal; when in doubt a question counts as closed and a directive
phrase counts as advice, so the guard errs towards asking the model to try again.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.core.language import detect_language


def _wordset(text: str) -> frozenset[str]:
    """A set of words written as one readable, whitespace-separated string."""
    return frozenset(text.split())


MAX_WORDS = 60
# Replies shorter than this carry too few function words for a reliable language guess.
LENIENT_LANG_WORDS = 5
# A "reflection" must be a real sentence, not a lone "Oké." or an emoji.
MIN_REFLECTION_WORDS = 2

# --- sentence splitting -----------------------------------------------------------------------

_ABBREVIATIONS = _wordset("""
    bijv bv b.v o.a e.g i.e eg ie etc enz enz. m.a.w d.w.z dhr mevr mr mrs ms dr drs ir prof
    vs ca evt incl excl t.o.v i.p.v a.u.b s.v.p e.d resp jl nr vgl cf zgn m.b.t t.a.v n.a.v
    ong fig jr sr inc ltd a.s m.n t.z.t z.s.m v.w.b d.m.v o.b.v i.v.m i.o.m
    """)
_SENTENCE_FINAL_ABBREVIATIONS = frozenset(["enz", "etc"])
_TERMINATORS = ".!?…"
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_QUOTES = "'‘’"
_CLOSING_BRACKETS = ")]}"
# Dutch clitics written with a leading apostrophe: not opening quotes.
_CLITIC_RE = re.compile(r"['’](t|s|n|k|m|r|ns)\b", re.IGNORECASE)


def _is_emoji(ch: str) -> bool:
    code = ord(ch)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or ch in "\u200d\ufe0f"
    )


class _QuoteState:
    """Tracks whether the scanner is inside double or single quotes.

    Straight double quotes toggle; typographic ones open and close. Single quotes are only
    quotes at word edges, so "z'n", "auto's", "don't" and "'t" stay apostrophes.
    """

    def __init__(self) -> None:
        self.double = 0
        self.single = 0

    @property
    def inside(self) -> bool:
        return self.double > 0 or self.single > 0

    def reset(self) -> None:
        self.double = self.single = 0

    def feed(self, text: str, i: int) -> None:
        ch = text[i]
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch == '"':
            self.double = 0 if self.double else 1
        elif ch in _DOUBLE_OPEN:
            self.double += 1
        elif ch in _DOUBLE_CLOSE:
            self.double = max(0, self.double - 1)
        elif ch in _SINGLE_QUOTES:
            if prev.isalnum() and nxt.isalnum():
                return  # apostrophe inside a word
            if not prev.isalnum() and nxt.isalnum():
                if not _CLITIC_RE.match(text, i):
                    self.single += 1
            elif self.single and not nxt.isalnum():
                self.single -= 1


def _has_closer_ahead(text: str, start: int, state: _QuoteState) -> bool:
    # An unbalanced quote must not swallow the rest of the reply: only trust the open quote
    # when a matching closer actually follows.
    rest = text[start:]
    if state.double and any(c in rest for c in '"' + _DOUBLE_CLOSE):
        return True
    return bool(state.single and any(c in rest for c in "'’"))


def _token_before(text: str, end: int) -> str:
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    return text[start:end].lower().strip(".")


def _next_visible(text: str, start: int) -> str:
    for ch in text[start:]:
        if not ch.isspace():
            return ch
    return ""


def _starts_upper(text: str, start: int) -> bool:
    """True when the next word (after spaces and opening quotes/brackets) is capitalised."""
    for ch in text[start:]:
        if ch.isspace() or ch in "\"'“„«‘(" or _is_emoji(ch):
            continue
        return ch.isupper() or ch.isdigit()
    return True


def _split_line(line: str) -> list[str]:
    parts: list[str] = []
    state = _QuoteState()
    start = 0
    i = 0
    n = len(line)
    while i < n:
        ch = line[i]
        if ch in _TERMINATORS:
            j = i
            while j < n and line[j] in _TERMINATORS:
                j += 1
            run = line[i:j]
            quoted = state.inside and _has_closer_ahead(line, j, state)
            k = j
            while k < n and (line[k] in '"' + _DOUBLE_CLOSE + "'’" + _CLOSING_BRACKETS):
                state.feed(line, k)
                k += 1
            if state.inside and _has_closer_ahead(line, k, state):
                i = k  # a full stop or question mark inside a quotation
                continue
            boundary = _is_boundary(line, i, k, run, quoted)
            if boundary:
                # Emoji right after the punctuation belong to the sentence they close.
                m = k
                while m < n and (line[m] == " " or _is_emoji(line[m])):
                    m += 1
                if not any(_is_emoji(c) for c in line[k:m]):
                    m = k
                parts.append(line[start:m])
                start = m
            i = k
            continue
        if _is_emoji(ch) and not state.inside:
            j = i
            while j < n and _is_emoji(line[j]):
                j += 1
            # An emoji followed by a capitalised word acts as a full stop: "Goed 🙂 Wat nu?"
            if j < n and line[j].isspace() and _starts_upper(line, j) and line[start:i].strip():
                parts.append(line[start:j])
                start = j
            i = j
            continue
        state.feed(line, i)
        i += 1
    parts.append(line[start:])
    return parts


def _is_boundary(line: str, i: int, k: int, run: str, quoted: bool) -> bool:
    if k >= len(line):
        return True
    if not line[k].isspace():
        return False  # "3.5", "e.g.,", "?)" followed by text, "www.example.nl"
    if run == "." and _token_before(line, i) in _ABBREVIATIONS:
        # "enz." and "etc." may close a sentence; "bijv." and "o.a." never do.
        return _token_before(line, i) in _SENTENCE_FINAL_ABBREVIATIONS and _starts_upper(line, k)
    if "…" in run or run.count(".") >= 2:
        # An ellipsis trails off mid-sentence unless a new sentence clearly starts.
        return "?" in run or "!" in run or _starts_upper(line, k)
    if quoted:
        # 'Je vroeg: "Waarom ik?" en toen...' continues; '"Waarom ik?" Wat...' does not.
        return _starts_upper(line, k)
    return bool(_next_visible(line, k))


def sentences(text: str) -> list[str]:
    """Split a reply into sentences; newlines always end a sentence.

    Keeps abbreviations (bijv., o.a., e.g., i.e.), quoted questions and mid-sentence
    ellipses inside their sentence. Fragments without any letter or digit (a lone emoji)
    are attached to the sentence before them.
    """
    result: list[str] = []
    for line in text.splitlines():
        for part in _split_line(line):
            part = part.strip()
            if not part:
                continue
            if any(ch.isalnum() for ch in part) or not result:
                result.append(part)
            else:
                result[-1] = f"{result[-1]} {part}"
    return [s for s in result if any(ch.isalnum() for ch in s)]


def _is_question_sentence(sentence: str) -> bool:
    end = len(sentence)
    while end > 0 and (
        sentence[end - 1].isspace()
        or _is_emoji(sentence[end - 1])
        or sentence[end - 1] in _CLOSING_BRACKETS
    ):
        end -= 1
    start = end
    while start > 0 and sentence[start - 1] in _TERMINATORS:
        start -= 1
    # A sentence that ends in a closing quote ends with someone else's question, not ours.
    return "?" in sentence[start:end]


def questions(text: str) -> list[str]:
    """Sentences that end in a question mark (outside quotation marks)."""
    return [s for s in sentences(text) if _is_question_sentence(s)]


def word_count(text: str) -> int:
    """Whitespace-separated tokens that contain a letter or digit ("z'n" = 1, "🙂" = 0)."""
    return sum(1 for tok in text.split() if any(ch.isalnum() for ch in tok))


# --- normalisation -----------------------------------------------------------------------------


def _normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"['’‘`´]", "", plain)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _normalise(text))


_LEAD_INS = _wordset("en maar dus oke ok okay nou oh ah hm hmm and but so well alright right")


def _body_words(text: str) -> list[str]:
    """Words of a sentence without conversational lead-ins ("En", "Maar", "So", "Okay")."""
    words = _words(text)
    while len(words) > 1 and words[0] in _LEAD_INS:
        words = words[1:]
    if words[:2] == ["en", "dan"] or words[:2] == ["and", "then"]:
        words = words[2:]
    return words


# --- open vs closed -----------------------------------------------------------------------------

_OPEN_NL = _wordset("""
    wat wie welk welke hoe hoezo waarom wanneer waar waardoor waarover waaraan waarmee
    waarin waarop waarvan waarvoor waartoe waarbij waaruit waarheen waarnaar waarachter
    """)
_OPEN_EN = _wordset("what who whom whose which how where when why")
# Conditional openers: open unless their main clause is a yes/no question.
_CONDITIONAL_NL = frozenset(["als", "stel", "stel dat", "indien", "mocht", "gesteld"])
_CONDITIONAL_EN = frozenset(["if", "suppose", "imagine", "say", "assuming"])
_PREPOSITIONS_NL = _wordset(
    "in op met voor aan van bij over naar door uit tot vanuit tegen onder zonder om"
)
_PREPOSITIONS_EN = _wordset("in to with for on at from about by of under into")
_CLOSED_VERBS_NL = _wordset("""
    heb hebt heeft had ben bent is was waren zijn kun kunt kan kon kunnen wil wilt wilde
    zou zoudt zouden moet moest moeten ga gaat ging vind vindt vond denk denkt dacht weet
    wist doe doet deed mag mocht hoor hoort voel voelt voelde herken herkent klopt zie ziet
    zag merk merkt merkte speelt lukt lukte helpt hielp maakt maakte zal zul zult werd word
    wordt bedoel begrijp snap houd hou neem sta staat blijf ervaar ervaart heet geeft gaf
    krijg krijgt kreeg durf durft zeg zegt zei spreekt praat praatte
    """)
_CLOSED_VERBS_EN = _wordset("""
    do does did is are was were have has had can could would will should shall may might
    must am isnt arent dont doesnt didnt wont wouldnt couldnt shouldnt havent hasnt wasnt
    werent cant
    """)
_PRONOUNS_NL = _wordset("je jij u jullie ik we wij ze zij hij het dat dit er daar")
# "Nu je dit zegt, wat valt je op?" starts like an inversion but is a subordinate clause.
_SUBORDINATORS_NL = _wordset(
    "nu toen zodra terwijl omdat doordat sinds voordat nadat hoewel zoals of zodat"
)
_SUBJECT_AFTER_VERB_NL = _wordset("je jij u jullie")
_TAG_RE = re.compile(
    r"(,\s*(toch|of niet|klopt dat|klopt het|is het niet|niet dan|right|isnt it|dont you"
    r"|arent you|didnt you|or not|ja|nee|yes|no)\s*[?.!]*\s*$)"
    r"|(\b(of niet|or not)\s*\?)",
    re.IGNORECASE,
)
# ", of weet je het nog niet?" turns an open question into a yes/no choice; ", or so
# valuable?" only widens it. The word after "of"/"or" tells which.
_ALTERNATIVE_RE = re.compile(r",\s*(of|or)\s+([a-z]+)")
_CLAUSE_SPLIT_RE = re.compile(r"[,:;–—]")


def _starts_open(words: list[str], lang: str) -> bool | None:
    """True/False when the first words decide it, None when they do not."""
    if not words:
        return None
    first = words[0]
    if lang == "en":
        opens, verbs, preps = _OPEN_EN, _CLOSED_VERBS_EN, _PREPOSITIONS_EN
    else:
        opens, verbs, preps = _OPEN_NL, _CLOSED_VERBS_NL, _PREPOSITIONS_NL
    # "hoeveel"/"how much" count as open, like every "hoe"/"how" question: the knowledge base
    # uses them as reflective questions ("How much room did you have to decide?").
    if first in opens or first == "hoeveel":
        return True
    if first in preps and len(words) > 1 and (words[1] in opens or words[1] == "hoeverre"):
        return True
    if first in verbs:
        return False
    if (
        lang != "en"
        and len(words) > 1
        and words[1] in _SUBJECT_AFTER_VERB_NL
        and first not in _PRONOUNS_NL
        and first not in _SUBORDINATORS_NL
    ):
        return False  # inversion "Herinner je je ...?" is a yes/no question
    return None


def _verdict(words: list[str], lang: str) -> bool | None:
    # The conversation language decides first; the other language only breaks a "don't
    # know", so an English reply in a Dutch chat is reported as wrong language, not closed.
    verdict = _starts_open(words, lang)
    if verdict is None:
        verdict = _starts_open(words, "nl" if lang == "en" else "en")
    return verdict


def is_open_question(q: str, lang: str) -> bool:
    """Open = invites a free answer (wat/hoe/welke..., what/how/which...), per MITI.

    Undecidable starts ("Je vindt het lastig?") count as closed.
    """
    norm = _normalise(q)
    if _TAG_RE.search(norm):
        return False
    for match in _ALTERNATIVE_RE.finditer(norm):
        nxt = match.group(2)
        if nxt in _CLOSED_VERBS_NL or nxt in _CLOSED_VERBS_EN or nxt in ("niet", "not"):
            return False
    words = _body_words(q)
    if not words:
        return False
    clauses = [c for c in _CLAUSE_SPLIT_RE.split(norm) if _words(c)]
    conditionals = _CONDITIONAL_NL | _CONDITIONAL_EN
    if words[0] in conditionals or " ".join(words[:2]) in conditionals:
        # "Als je terugkijkt, wat zie je?" is open; "Als het lukt, ben je dan blij?" is not.
        if len(clauses) > 1:
            return _verdict(_words(clauses[1]), lang) is not False
        return True
    verdict = _verdict(words, lang)
    if verdict is not None:
        return verdict
    # "Ik ben benieuwd: wat gaf de doorslag?" - the question sits in a later clause.
    return any(_verdict(_words(c), lang) is True for c in clauses[1:])


def is_waarom(q: str) -> bool:
    """A "waarom"/"why" question (also "hoezo", "how come"), which tends to invite defence."""
    words = _words(q)
    if {"waarom", "why", "hoezo"} & set(words):
        return True
    return any(a == "how" and b == "come" for a, b in zip(words, words[1:], strict=False))


# --- advice and permission ---------------------------------------------------------------------

_PERMISSION_RES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\bwil (je|jij|u) (dat ik )?(een paar |een |mijn |wat |iets )?(suggestie|suggesties"
        r"|idee|ideeen|tip|tips|advies|gedachte|gedachtes|mening|voorstel|meedenk|iets voorstel)",
        r"\b(mag|zal) ik (je |jou |u )?(een paar |een |mijn |wat |iets |eens )?(suggestie"
        r"|suggesties|idee|ideeen|tip|tips|advies|gedachte|observatie|voorstel|suggereren|voorstellen"
        r"|meedenken|delen|aanreiken|geven)",
        r"\b(heb je|heeft u|zou je) (\w+ ){0,2}(behoefte aan|iets hebben aan) (een |mijn |wat )?"
        r"(suggestie|idee|tip|advies|gedachte)",
        r"\b(sta je|staat u|ben je) open voor (een |mijn |wat )?(suggestie|idee|tip|advies"
        r"|gedachte)",
        r"\bwat (zou|kun|kan|kunt) (jij|je) zelf\b",
        r"\bwelke (ideeen|opties|mogelijkheden|stappen) (zie|heb|zou) (jij|je) zelf\b",
        r"\bwould you like (a |an |my |some )?(suggestion|suggestions|idea|ideas|tip|tips"
        r"|advice|thought|thoughts|input|perspective)\b",
        r"\bwould you like me to (suggest|share|offer|give)\b",
        r"\bdo you want (a |an |my |some )?(suggestion|suggestions|idea|ideas|tip|tips|advice"
        r"|input)\b",
        r"\bdo you want me to (suggest|share|offer|give)\b",
        r"\b(may|can|could|shall) i (offer|share|suggest|give you|make a suggestion)\b",
        r"\bare you open to (a |an |some |my )?(suggestion|idea|thought|perspective|input)\b",
        r"\b(is it ok|is it okay|would it be ok|would it be okay|would it help) if i (share"
        r"|shared|offer|offered|suggest|suggested|gave)\b",
        r"\bwhat (could|would|can|might) you (yourself|do yourself|try yourself)\b",
        r"\bwhat (ideas|options) do you (have|see) yourself\b",
        # The engine's own question before any advice (engine.PERMISSION_QUESTION).
        r"\bwat heb (je|jij) zelf (al )?(overwogen|bedacht|geprobeerd)\b",
        r"\bvoordat ik (een paar |wat |mijn )?(mogelijkheden|ideeen|suggesties|tips|opties)"
        r" (noem|geef|deel|aanreik)",
        r"\bwhat have you (considered|tried|thought of) yourself\b",
        r"\bbefore i (mention|share|offer|give|suggest)\b",
    )
)

# Phrases that are advice wherever they occur in a sentence.
_ADVICE_ANYWHERE: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\bmijn (advies|tip|suggestie)\b",
        r"\bik raad (je|jou|u)\b[^.?!]{0,40}\baan\b",
        r"\bik raad (het )?aan\b",
        r"\bik zou (je|jou|u) (aan)?raden\b",
        r"\bik adviseer\b",
        r"\bhet is (beter|verstandig|slim|handig|raadzaam) (om|als je)\b",
        r"\bhet lijkt me (verstandig|goed|beter|slim) (om|als je)\b",
        r"\bhet beste (kun|kan) (je|jij)\b",
        r"\b(je|jij) (kunt|kan) (het )?beste\b",
        r"\been (goede )?tip is\b",
        r"\bhier (is|zijn) (een )?(paar )?tips?\b",
        r"\bprobeer (eens|het|om|gewoon|dan|ook|te|een|niet|vooral|maar|dit|dat)\b",
        r"\bals ik jou was\b",
        r"\bin jouw (plaats|schoenen) zou ik\b",
        r"\b(wellicht|misschien) is het een (idee|optie) om\b",
        r"\been (idee|optie|mogelijkheid) is om\b",
        r"\bhet is een idee om\b",
        r"\boverweeg (eens |dan )?om\b",
        r"\b(i|id|i would) (strongly )?(recommend|suggest|advise)\b",
        r"\bmy (advice|suggestion|tip|recommendation)\b",
        r"\bhere (are|is) (a few |some )?(tips?|suggestions?|ideas?)\b",
        r"\b(it is|its|it would be|itd be) (best|better|wise|smart|a good idea) (to|if you)\b",
        r"\bthe best (thing|way|approach) (to do )?(is|would be)\b",
        r"\bif i were you\b",
        r"\bin your (shoes|position|place) i(d| would)\b",
        r"\bwhy dont you\b",
    )
)
# Phrases that are advice in a statement but innocent inside a question
# ("Wat helpt je om ervoor te zorgen...?", "How do you make sure...?").
_ADVICE_IN_STATEMENT: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\b(dan|misschien|eigenlijk|gewoon|echt|vooral|daarom) moet (je|jij)\b",
        r"\b(misschien|dan|eigenlijk|wellicht) zou (je|jij)\b[^.?!]{0,40}\b(moeten|kunnen)\b",
        r"\b(misschien|wellicht|eventueel) (kun|kan|kunt) (je|jij)\b",
        r"\bhet (kan|zou|kon) (je )?helpen (om|als)\b",
        r"\bhet helpt (vaak|soms|meestal|om)\b",
        r"\bwat (vaak|soms|meestal) helpt\b",
        r"\bmake sure\b",
        r"\bbe sure to\b",
        r"\bdont forget to\b",
        r"\bremember to\b",
        r"\bit (might|may|could|can|would) help (to|if you)\b",
        r"\bit helps to\b",
        r"\bwhat (often|usually|really) helps\b",
    )
)
# "you should" / "je moet" are advice unless they report the person's own thinking:
# "Je hebt het gevoel dat je moet presteren", "You feel you need to prove yourself".
_MODAL_RES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"\b(je|jij) moet\b(?! (niks|niets|helemaal niks|helemaal niets|van)\b)",
        r"\b(je|jij) (zou|zoudt)\b[^.?!]{0,40}?\bmoeten\b",
        r"\b(je|jij) zou (eens|kunnen overwegen|kunnen proberen|kunnen beginnen|er goed aan doen)",
        r"\b(je|jij) zou\b[^.?!]{0,30}?\b(al|ook|eens|bijvoorbeeld) kunnen (proberen|overwegen"
        r"|beginnen|vragen|bespreken|aangeven|zeggen|afspreken|plannen)\b",
        r"\b(je|jij) (kunt|kan) (ook |altijd |misschien |beter )?(eens|beter)\b",
        # "you must"/"you have to" are left out: "You must feel exhausted" and "So you have
        # to choose" are reflections far more often than advice.
        r"\byou (should|shouldnt|ought to|need to|gotta)\b",
        r"\byou (could|might) ((also|already|perhaps|maybe|just|simply|first) )?(try|consider"
        r"|want to|start|ask|talk|tell|schedule|set|speak)\b",
    )
)
_REPORTING_WORDS = _wordset("""
    dat alsof of wat omdat waarom hoe welke wanneer als die waar wie zodat voordat terwijl
    that like feel feels felt think thinks thought believe believes if whether what why how
    when where which who as sure
    """)
# Advice phrased as a question: only at the start of the sentence.
_ADVICE_QUESTION_START: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        r"^(heb|had) (je|jij|u) (er )?((al|ook|eens|wel|weleens|misschien|nog|niet) )*"
        r"(overwogen|geprobeerd|gedacht aan|aan gedacht|overwegen)\b",
        r"^(kun|kan|kunt) (je|jij) (niet )?gewoon\b",
        r"^(zou|zoudt) (je|jij) ((niet|eens|misschien|kunnen|willen) )*(proberen|overwegen)\b",
        r"^(wil|kun|kan) (je|jij) (niet )?eens proberen\b",
        r"^waarom (ga|probeer|vraag|zeg|doe|praat|neem|stop|bel|kies|plan|spreek) (je|jij) "
        r"(niet|eens|gewoon|dan niet)\b",
        r"^wat als je (eens|gewoon)\b",
        r"^is het (geen|niet) (een )?(idee|optie) om\b",
        r"^zou het (niet )?(helpen|een idee zijn|goed zijn|slim zijn) (om|als)\b",
        r"^have you (ever |already )?(considered|thought about|thought of|tried)\b"
        r"(?! (what|how|why|who|where|when|which|whether)\b)",
        r"^(could|can|couldnt|cant) you (not )?(just|simply)\b",
        r"^(could|would) you (try|consider)\b",
        r"^what if you (just|simply|tried)\b",
        r"^why not (just )?[a-z]+",
    )
)
# Sentence-initial verbs that give an instruction. "begin", "kies" and "start" are left out:
# "Begin eens bij het begin" and "Start with what happened" invite telling, not acting.
_IMPERATIVES_NL = _wordset("""
    praat neem bespreek vraag plan zorg maak ga stop zeg geef leg schrijf overweeg
    probeer bel mail stuur spreek houd hou blijf laat
    """)
_IMPERATIVES_EN = _wordset("""
    talk speak reach ask tell set schedule make take write focus stop delegate consider go
    book remember be try plan prioritise prioritize block give call email use avoid keep
    dont let
    """)
# After an imperative-looking first word, these make it a question or an invitation.
_NOT_IMPERATIVE_NEXT = _wordset("je jij u jullie ik we wij you i we me")
_INVITATIONS = (
    re.compile(r"^(neem|take) ((gerust|rustig|even|your|de|je|jouw) )*(tijd|time)\b"),
    re.compile(r"^zeg (het )?(maar|gerust)\b"),
    re.compile(r"^(ask yourself|vraag jezelf)\b"),
    re.compile(r"^laat (het |maar |even )*(me|weten)\b"),
    re.compile(r"^(let me|lets|let us)\b"),
    re.compile(r"^(tell me|vertel)\b"),
    re.compile(r"^laat (het|dat) (even |maar )?(bezinken|binnenkomen)\b"),
)
_STEL_ADVICE = re.compile(r"^stel ((duidelijke|je|jouw|een) )*(grenzen|grens)\b")


def _modal_advice(norm: str) -> bool:
    for pattern in _MODAL_RES:
        for match in pattern.finditer(norm):
            before = norm[: match.start()].split()
            if before and before[-1] in _REPORTING_WORDS:
                continue
            return True
    return False


def _imperative_advice(words: list[str]) -> bool:
    if not words:
        return False
    body = " ".join(words)
    if any(p.search(body) for p in _INVITATIONS):
        return False
    if _STEL_ADVICE.search(body):
        return True
    first, second = words[0], words[1] if len(words) > 1 else ""
    if first not in _IMPERATIVES_NL and first not in _IMPERATIVES_EN:
        return False
    return second not in _NOT_IMPERATIVE_NEXT


def asks_permission(text: str, lang: str) -> bool:
    """True when the reply asks before advising, or hands the question back to the person.

    Both languages are checked (`lang` is accepted for a uniform API): a reply that slipped
    into the other language should still be judged on what it says.
    """
    norm = " ".join(_words(text))
    return any(p.search(norm) for p in _PERMISSION_RES)


def has_advice(text: str, lang: str) -> bool:
    """True when the reply tells the person what to do (directly or as a leading question).

    Sentences that ask permission ("Mag ik een idee geven?") are not advice. Both languages
    are checked for the same reason as in `asks_permission`.
    """
    if re.search(r"\btips?\s*:", text, re.IGNORECASE):
        return True
    for sentence in sentences(text):
        if asks_permission(sentence, lang):
            continue
        norm = " ".join(_words(sentence))
        body = _body_words(sentence)
        body_text = " ".join(body)
        if any(p.search(norm) for p in _ADVICE_ANYWHERE):
            return True
        if _modal_advice(norm):
            return True
        if _imperative_advice(body):
            return True
        if _is_question_sentence(sentence):
            if any(p.search(body_text) for p in _ADVICE_QUESTION_START):
                return True
        elif any(p.search(norm) for p in _ADVICE_IN_STATEMENT):
            return True
    return False


def has_reflection_before_question(text: str) -> bool:
    """At least one non-question sentence (2+ words) comes before the first question.

    Without any question, a reflection anywhere counts; `TurnCheck` reports the missing
    question separately.
    """
    for sentence in sentences(text):
        if _is_question_sentence(sentence):
            return False
        if word_count(sentence) >= MIN_REFLECTION_WORDS:
            return True
    return False


# --- the summary ---------------------------------------------------------------------------


@dataclass
class TurnCheck:
    n_questions: int
    open: bool
    advice: bool
    waarom: bool
    words: int
    reflection_first: bool
    lang_ok: bool

    @property
    def problems(self) -> list[str]:
        """Why this is not a good ordinary turn; empty when it is.

        A good ordinary turn has exactly one open question, a reflection before it, no
        advice, the conversation's language and at most MAX_WORDS words. "waarom" is
        reported as a flag only: it is discouraged, not forbidden.
        """
        found: list[str] = []
        if self.n_questions == 0:
            found.append("no question (expected exactly 1)")
        elif self.n_questions > 1:
            found.append(f"{self.n_questions} questions (expected exactly 1)")
        if self.n_questions and not self.open:
            found.append("closed question (expected an open question)")
        if self.advice:
            found.append("advice without permission")
        if self.n_questions and not self.reflection_first:
            found.append("no reflection before the question")
        if not self.lang_ok:
            found.append("wrong language")
        if self.words > MAX_WORDS:
            found.append(f"too long ({self.words} words, max {MAX_WORDS})")
        return found


def check_turn(text: str, lang: str) -> TurnCheck:
    """Summarise one ordinary coach reply against the house rules."""
    found_questions = questions(text)
    words = word_count(text)
    lang_ok = words < LENIENT_LANG_WORDS or detect_language(text, default=lang) == lang
    return TurnCheck(
        n_questions=len(found_questions),
        open=bool(found_questions) and all(is_open_question(q, lang) for q in found_questions),
        advice=has_advice(text, lang),
        waarom=any(is_waarom(q) for q in found_questions),
        words=words,
        reflection_first=has_reflection_before_question(text),
        lang_ok=lang_ok,
    )


# --- grounding of the mirror -------------------------------------------------------------------

# Words that carry no content of their own, or belong to the mirror's fixed frame ("Je
# voelde...", "It sounds like you wanted...").
_FRAME_WORDS = _wordset("""
    about after again also been before being could does doing dont even from have just
    like more much only really should some sound sounds than that their them then there
    these they this those very want wanted wants were what when where which while will
    with would your yours yourself feel feels felt feeling moment thing things
    naar niet niets voor door over onder maar omdat toen want zich zijn haar hebt heeft
    hebben wilde wilt willen voelt voelde voelen vond vindt denkt dacht deze dit dat die
    daar hier heel echt veel meer iets alles toch wel ook nog even gewoon eigenlijk
    jezelf jouw zelf ander andere moet moest kunt kon zou zouden wordt werd worden waar
    wat welke hoe gaat ging doet deed
    """)
BORROWED_MIN = 2  # content words in a mirror that only the coach had used


def content_stems(text: str) -> set[str]:
    """Crude content-word stems: 4-letter prefixes of words of 4+ letters, frame words out."""
    words = re.findall(r"[a-z]+", _normalise(text))
    return {w[:4] for w in words if len(w) >= 4 and w not in _FRAME_WORDS}


def mirror_of(reply: str) -> str:
    """The reflecting part of a reply: every sentence that is not a question."""
    return " ".join(s for s in sentences(reply) if not questions(s))


def borrowed_words(reply: str, said: str, coach: str) -> list[str]:
    """Content stems of the reply's mirror that the coach put on the table and the person never
    said: a mirror built from them reflects the coach's material, not the person."""
    return sorted(content_stems(mirror_of(reply)) & content_stems(coach) - content_stems(said))
