"""Turn a person's own sentence around: from the first person to the second, in Dutch or English.

Role: the coach reflects with the person's own words, so "Ik werd zo boos dat ik niks meer heb
gezegd" becomes "Je werd zo boos dat je niks meer hebt gezegd". Dutch agreement is handled by
word order: after "ik" in a main clause the present-tense verb takes -t ("ik merk" -> "je
merkt", irregular "ik ben" -> "je bent", "ik kan" -> "je kunt"); when the verb comes first it
keeps its form ("houd ik me" -> "houd je je"); in a clause after "dat", "omdat", "toen" and the
like the finite verb further on takes the -t; the past tense never changes. Whether a word is a
verb form is decided with simplemma's Dutch lemmas (a verb's stem lemmatises to an infinitive
spelled from that stem).
Must not: guess. A sentence it cannot turn with confidence (no verb found after "ik", words
addressed to someone else, quoted speech) gives None, and the caller leaves it out.
"""

from __future__ import annotations

import functools
import re

from app.core.perspective_dropped import with_subject
from app.core.perspective_speech import speech as _speech
from app.core.perspective_words import (
    _NL_AFTER_VERB,
    _NL_AUX,
    _NL_AUX_NOW,
    _NL_NOUN_BEFORE,
    _NL_PRONOUNS,
    _NL_REFLEXIVE_PARTICIPLES,
    _NL_REFLEXIVE_VERBS,
    nl_subject,
    own_mij,
)
from app.core.text import TOKEN as _TOKEN
from app.core.text import join_tokens as _join
from app.core.text import wordlist, wordset

# --- Dutch -------------------------------------------------------------------------------------

# Present ik-form -> je-form where adding -t is wrong.
_NL_IRREGULAR = dict(
    pair.split(":")
    for pair in wordlist(
        "ben:bent heb:hebt kan:kunt kun:kunt wil:wilt zal:zult zul:zult mag:mag "
        "hou:houdt ga:gaat sta:staat sla:slaat"
    )
)
# With the verb before "je" (inversion) a few forms change too: "kan ik" -> "kun je".
_NL_INVERTED = {"kan": "kun", "zal": "zul"}
_NL_SUBORDINATORS = wordset(
    "dat omdat als wanneer toen terwijl zodat hoewel voordat nadat sinds zodra tenzij "
    "waardoor waarin waarop waarmee waarover waarna die wat of doordat zoals alsof waarom "
    "hoe wie waar welke hoelang"
)
# Subordinators that always open a new clause (unlike "die", "wat" or "of").
_NL_CLAUSE_OPENERS = wordset(
    "dat omdat als wanneer toen terwijl zodat hoewel voordat nadat doordat alsof zodra"
)
_NL_SUBJECTS = wordset(
    "ik je jij hij zij ze we wij het er de een mijn mn m'n zijn haar hun die dat dit men jullie u"
)
# Someone else as the subject of a clause: "of iemand mee kan" keeps its verb.
_NL_INDEFINITE = wordset("iemand niemand iedereen elkaar men niets iets alles allemaal")
_NL_CLAUSE_BREAKS = wordset(", ; : — – en maar want dus")
# Words addressed to another than the person: once "ik" is "je" they are ambiguous; left alone.
_NL_ADDRESS = wordset("jij jou jouw jullie u uw ge gij")
_NL_PAST_IRREGULAR = wordset(
    "was waren had hadden zei zeiden deed deden ging gingen kwam kwamen zag zagen wist wisten "
    "kon konden wou wilde zou zouden moest mocht stond liep bleef werd vond dacht bracht kreeg "
    "gaf nam hield viel sprak schreef las zat lag vroeg zweeg begon dronk at sliep trok koos "
    "verloor won hing ving liet riep sloeg droeg vergat loog keek zocht kocht schrok"
)

# Words that are never a finite verb here, whatever a lemma list says ("in" -> innen).
_NL_FUNCTION = wordset(
    "in op aan af uit om door over voor na bij met toe mee weg heen terug en maar of dan als "
    "al nog wel niet geen zo ook er hier daar het de een dat die dit deze wat wie mijn zijn "
    "haar hun hem ons jullie me je ze hij zij we wij ik mij jou u te tot van naar onder tegen "
    "sinds zonder want dus toch even echt heel erg best gewoon zelf alles iets niets niks "
    "iemand niemand altijd nooit vaak soms steeds weer meer minder"
)


@functools.lru_cache(maxsize=4096)
def _lemma(word: str) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang="nl"))


def _infinitives(stem: str) -> set[str]:
    """Infinitives a Dutch present stem may come from: werk/werken, loop/lopen, ga/gaan."""
    out = {stem + "en", stem + "n"}
    if re.search(r"[^aeiou][aou]$", stem):
        out.add(stem + stem[-1] + "n")  # wegga -> weggaan, opsta -> opstaan
    if len(stem) >= 2:
        out.add(stem + stem[-1] + "en")  # zit -> zitten
    m = re.match(r"^(.*)([aeou])\2([^aeiou])$", stem)
    if m:  # loop -> lopen, baal -> balen
        out.add(m.group(1) + m.group(2) + m.group(3) + "en")
    for a, b in (("f", "v"), ("s", "z")):
        if stem.endswith(a):
            base = stem[:-1] + b
            out.add(base + "en")
            m = re.match(r"^(.*)([aeou])\2$", stem[:-1])
            if m:
                out.add(m.group(1) + m.group(2) + b + "en")
    return out


def nl_present_stem(word: str, strict: bool = False) -> bool:
    """True when `word` is the ik-form of a present-tense verb ("werk", "loop", "ben").

    Not strict: the -t form is enough ("werk" lemmatises as the noun, "werkt" as werken).
    """
    w = word.lower()
    if w in _NL_IRREGULAR or w in ("ga", "sta", "doe", "zie", "sla"):
        return True
    if w in _NL_PAST_IRREGULAR or w in _NL_FUNCTION or len(w) < 2:
        return False
    if _lemma(w) in _infinitives(w):
        return True
    if strict or w.endswith(("de", "te")):
        return False
    with_t = w if w.endswith("t") else w + "t"
    return _lemma(with_t) in _infinitives(w)


def nl_verb_form(word: str) -> bool:
    """Any finite verb form: present stem or past tense."""
    w = word.lower()
    if nl_present_stem(w, strict=True) or w in _NL_PAST_IRREGULAR:
        return True
    if w in _NL_FUNCTION:
        return False
    lemma = _lemma(w)
    return lemma.endswith("en") and lemma != w and not w.startswith("ge") and len(w) > 2


@functools.lru_cache(maxsize=4096)
def nl_past_form(word: str) -> bool:
    """A Dutch past-tense verb: an irregular one ("zat", "zeiden") or a regular stem with -de,
    -te, -den or -ten ("werkte", "voelden"); not "hoogste" or "vrede"."""
    w = word.lower()
    if w in _NL_PAST_IRREGULAR or (w.endswith("en") and w[:-2] in _NL_PAST_IRREGULAR):
        return True
    m = re.match(r"^(\w{2,}?)(de|te|den|ten)$", w)
    return m is not None and nl_present_stem(m.group(1))


_SEPARABLE = re.compile(
    r"^(aan|af|in|op|uit|mee|terug|door|over|onder|voor|weg|toe|bij|na|om|vast|los|neer|"
    r"samen|tegen|thuis|mis|kwijt)?ge"
)


def _infinitive(w: str) -> bool:
    return w.endswith("en") and _lemma(w) == w


def _participle(w: str) -> bool:
    """gezegd, gedaan, ingegrepen, opgegeven; verteld, besproken (no ge- after be/ver/ont)."""
    if _lemma(w) == w or nl_present_stem(w, strict=True):
        return False
    if _SEPARABLE.match(w) and w.endswith(("d", "t", "en")):
        return True
    if w.startswith(("be", "ver", "ont", "her", "er")) and w.endswith(("d", "t")):
        return nl_present_stem(w[:-1], strict=True)
    return False


def nl_second_person_verb(word: str) -> str:
    """The je-form of an ik-form in subject-first order: werk -> werkt, ben -> bent."""
    w = word.lower()
    if w in _NL_IRREGULAR:
        out = _NL_IRREGULAR[w]
    elif w.endswith("t"):
        out = w
    elif re.search(r"[^aeiou][aou]$", w):
        out = w + w[-1] + "t"  # wegga -> weggaat
    else:
        out = w + "t"
    return _match_case(word, out)


def _match_case(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _is_word(token: str) -> bool:
    return any(ch.isalpha() for ch in token)


def _segment_start(tokens: list[str], i: int) -> int:
    """Index where the clause that holds token i begins."""
    j = i - 1
    while j >= 0 and tokens[j].lower() not in _NL_CLAUSE_BREAKS:
        j -= 1
    return j + 1


def _segment_end(tokens: list[str], i: int) -> int:
    """Index just past the clause that holds token i (a new clause or subordinator ends it)."""
    j = i + 1
    while j < len(tokens):
        t = tokens[j].lower()
        after = tokens[j + 1].lower() if j + 1 < len(tokens) else ""
        if (
            t == "dat"
            and tokens[j - 1].lower() in _PRONOUN_SUBJECTS
            and after not in (_PRONOUN_SUBJECTS)
        ):
            j += 1  # "of ik dat wil": a pronoun, not a new clause
            continue
        if t in _NL_CLAUSE_BREAKS or t in _NL_CLAUSE_OPENERS or t in ".!?":
            break
        j += 1
    return j


_PRONOUN_SUBJECTS = wordset("ik je jij we wij ze zij hij u")


# Tags at the end of a sentence that read as a question once turned ("..., denk je").
_NL_TAGS = re.compile(
    r"[,\s]+(denk ik|zeg maar|hoor|haha+|hihi|lol|ofzo|of zo|eigenlijk wel|weet je|toch)"
    r"\s*([.!…]*)$",
    re.I,
)


def nl_second_person(sentence: str) -> str | None:
    """The sentence with the speaker turned into "je"; None when that cannot be done safely."""
    sentence = with_subject(_NL_TAGS.sub(r"\2", sentence.strip()), "nl")
    if _speech(sentence):
        return None
    tokens = _TOKEN.findall(sentence)
    lower = [t.lower() for t in tokens]
    if any(t in _NL_ADDRESS for t in lower) or "?" in tokens:
        return None
    out = list(tokens)
    done: set[int] = set()
    if not _nl_turn_subjects(tokens, lower, out, done):
        return None
    _nl_turn_shared_verbs(tokens, lower, out, done)
    for i, tok in enumerate(lower):
        if i in done or tok not in _NL_PRONOUNS:
            continue
        turned = _NL_PRONOUNS[tok]
        if tok == "mijne" and not (i > 0 and lower[i - 1] in ("de", "het")):
            turned = "je"  # the Flemish "in mijne buik" is "in je buik"; "de mijne" is "de jouwe"
        # "ik voel mij slecht", "dat ik mij schaam", "ik trek het mij aan": "je", not "jou"
        before = lower[i - 1] if i > 0 else ""
        own = before in _NL_REFLEXIVE_VERBS | {"ik"} or lower[max(0, i - 2) : i] == ["trek", "het"]
        own = own or "laten" in lower[i + 1 : i + 5] or own_mij(lower, i)  # "mij niet laten"
        if tok == "mij" and (
            own or any(t in _NL_REFLEXIVE_PARTICIPLES for t in lower[i + 1 : i + 8])
        ):
            turned = "je"
        out[i] = _match_case(tokens[i], turned)
    if out == tokens:
        return None
    first = [k for k, t in enumerate(out) if _is_word(t)][:2]
    verb_first = len(first) == 2 and out[first[1]].lower() == "je" and nl_verb_form(lower[first[0]])
    if verb_first and "," not in tokens:
        return None  # "Weet je niet precies" reads as a question; "Houd je je stil, dan" does not
    return _join(out)


def _nl_turn_subjects(tokens: list[str], lower: list[str], out: list[str], done: set[int]) -> bool:
    """Every "ik" in `out` turned into "je", with the verb that goes with it; the verbs turned
    are added to `done`. False when the verb of an "ik" cannot be found."""
    for i, tok in enumerate(lower):
        if tok not in ("ik", "ík"):
            continue
        start, end = _segment_start(lower, i), _segment_end(lower, i)
        before = [t for t in lower[start:i] if _is_word(t)]
        out[i] = nl_subject(lower, i, before)
        last = before[-1] if before else ""
        # "vraag ik hem": right before "ik" a present stem is the verb, also one that is a noun
        verb_first = lower[i - 1] == last and nl_present_stem(last)
        if last and last not in _NL_SUBORDINATORS and (nl_verb_form(last) or verb_first):
            j = max(k for k in range(start, i) if lower[k] == before[-1])
            out[j] = _match_case(tokens[j], _NL_INVERTED.get(lower[j], lower[j]))
            done.add(j)
            continue
        if set(before) & _NL_SUBORDINATORS:
            verb, present = _nl_subordinate_verb(lower, i + 1, end)
        else:
            verb = i + 1 if i + 1 < end and _is_word(lower[i + 1]) else None
            present = verb is not None and nl_present_stem(lower[verb])
            if verb is not None and not (present or nl_verb_form(lower[verb])):
                verb = None
        if verb is None:
            return False
        if present:
            out[verb] = nl_second_person_verb(tokens[verb])
        done.add(verb)
    return True


def _nl_turn_shared_verbs(
    tokens: list[str], lower: list[str], out: list[str], done: set[int]
) -> None:
    """Verbs after the first "ik" that share its subject, turned in `out` and added to `done`."""
    # A second verb that shares the subject: "ik ben weggegaan en heb ..." -> "en hebt".
    first_ik = lower.index("ik") if "ik" in lower else len(lower)
    for k in range(first_ik + 1, len(lower) - 1):
        if lower[k] not in ("en", "of", "maar", ",") or k + 1 in done:
            continue
        if lower[k] == "," and (first_ik > 0 or set(lower[:k]) & _NL_SUBORDINATORS):
            continue  # "... terwijl ik schoonmaak, kan ook": not the ik's verb
        follows = lower[k + 2] if k + 2 < len(lower) else ""
        # a stem that is also a noun is a verb before a word a verb takes: "en vraag later"
        verb = nl_present_stem(lower[k + 1], strict=follows not in _NL_AFTER_VERB)
        if verb and follows not in ("ik", "je", "jij"):
            out[k + 1] = nl_second_person_verb(tokens[k + 1])
            done.add(k + 1)
    # ... and one at the end of its own part after "dat": "of juist heel kortaf wordt".
    for k in range(first_ik + 1, len(lower) - 1):
        if lower[k] not in ("en", "of") or "ik" not in lower[first_ik:k]:
            continue
        stop = next((m for m in range(k + 1, len(lower)) if not _is_word(lower[m])), len(lower))
        part = lower[k + 1 : stop]
        named = any(t[:1].isupper() for t in tokens[k + 1 : stop])  # "of Yasmina mee kan"
        if not part or named or set(part) & (_NL_SUBJECTS | _NL_INDEFINITE):
            continue
        last = stop - 1
        while last > k + 1 and (_participle(lower[last]) or _infinitive(lower[last])):
            last -= 1  # "en dan pas ga nadenken": the verb before its infinitive
        if last not in done and len(part) > 1 and nl_present_stem(lower[last], strict=True):
            out[last] = nl_second_person_verb(tokens[last])
            done.add(last)


def _nl_subordinate_verb(lower: list[str], start: int, end: int) -> tuple[int | None, bool]:
    """The finite verb of a clause after a subordinator, and whether it is a present stem.

    The verb comes late in such a clause, after objects and adverbs and before infinitives and
    participles, and "om ... te": the first certain verb form from the left is taken ("dat ik het
    werk niet af heb"); failing that, the clause is read from the end ("hoe ik dit aanpak").
    """
    end = next((k for k in range(start, end) if lower[k] == "om" and "te" in lower[k:end]), end)
    for k in range(start, end):
        w = lower[k]
        if not _is_word(w) or _participle(w) or _infinitive(w):
            continue
        if k > start and lower[k - 1] == "te":
            continue  # "dat ik te rap ja gezegd heb": "te" goes with a word that is no verb here
        if (
            k > start
            and lower[k - 1] in _NL_NOUN_BEFORE
            and any(
                nl_present_stem(x, strict=True) or x in _NL_PAST_IRREGULAR
                for x in lower[k + 1 : end]
            )
        ):
            continue  # "dat ik het gevoel heb": a noun after "het", the verb comes later
        if nl_present_stem(w, strict=True):
            if k + 1 < end and lower[k + 1] in _NL_AUX and not _main_clause_follows(lower, k + 1):
                return k + 1, lower[k + 1] in _NL_AUX_NOW  # "dat ik lak heb": a noun, then the verb
            return k, True
        if w in _NL_PAST_IRREGULAR:
            return k, False
        if nl_present_stem(w) and lower[k + 1 : k + 2] == ["te"] and k + 2 < end:
            return k, True  # "dat ik begin te twijfelen": the verb before "te" and its infinitive
        if nl_present_stem(w) and _main_clause_follows(lower, k + 1):
            return k, True  # no comma before the main clause: "als ik om hulp vraag lijkt het"
    for k in range(end - 1, start - 1, -1):
        w = lower[k]
        if not _is_word(w):
            continue
        if _infinitive(w) or _participle(w):
            continue  # zeggen, doen; gezegd, ingegrepen, verteld
        if nl_present_stem(w, strict=True):
            return k, True
        if nl_verb_form(w):
            return k, False
        if k == end - 1 and nl_present_stem(w):
            return k, True  # a separable verb at the clause end: "hoe ik dit aanpak"
    return None, False


def _main_clause_follows(lower: list[str], k: int) -> bool:
    """A finite verb with its subject after it starts at k: "lijkt het", "voel ik"."""
    after = lower[k + 1] if k + 1 < len(lower) else ""
    return after in _NL_SUBJECTS - {"de", "een", "die", "mijn"} and bool(nl_verb_form(lower[k]))


def second_person(sentence: str, lang: str) -> str | None:
    """`sentence` said back to its speaker, starting with a capital; None when unsafe."""
    if lang == "en":
        from app.core.perspective_en import en_second_person

        turned = en_second_person(sentence)
    else:
        turned = nl_second_person(sentence)
    if turned is None:
        return None
    turned = turned.strip()
    return turned[:1].upper() + turned[1:]
