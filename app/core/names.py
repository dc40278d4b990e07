"""First names typed in lower case ("ik zei tegen petra", "told declan"), capitalised when the
coach says them back.

Role: people type fast and in lower case; a mirror that says "je teamleider petra" or "you
told declan" reads as careless. A word is taken for a name only where a name stands (after a
role, "collega dewi", "mevrouw van der sluis"; after a word that points at a person, "met sanne",
"to declan"; or before what a person does, "jeroen zei") and only when the dictionaries know it
as a name or barely know it (the Dutch list adds first names with the lowest count; in English
a common word like "mark" is left alone).
Must not: capitalise a word it cannot place as a name; change anything else.
"""

from __future__ import annotations

import functools
import re

from app.core.feelings import FEELING_NOUNS, FEELINGS
from app.core.language_guard import word_counts
from app.core.text import wordset

_ROLES = (
    r"collega|teamleider|leidinggevende|manager|baas|chef|directeur|mentor|stagiair|stagiaire|"
    r"buurvrouw|buurman|meneer|mevrouw|juf|meester|cliënt|client|patiënt|patient|klant|"
    r"planner|coördinator|coordinator|assistent|assistant|supervisor|lead|boss|mate|colleague|"
    r"nurse|sister|doctor|dokter|dr|mr|mrs|ms|miss|sir|zoon|dochter|vriendin|vriend|"
    r"partner|vrouw|man|broer|zus|commis"
)
_BEFORE = (
    r"met|naar|tegen|aan|van|voor|bij|en|dat|toen|of|to|with|at|from|told|asked|called|and|"
    r"that|when|tell|ask|call|emailed|mailde|belde|appte|say|says|zeg|zegt|think|denk|hope|"
    r"hoop|guess|because|omdat|want|als|if|but|maar|what|wat|how|hoe|why|waarom|whether"
)
_AFTER = (
    r"zei|zegt|vroeg|vraagt|riep|kwam|komt|keek|kijkt|liep|stond|zat|deed|doet|heeft|had|was|"
    r"is|wilde|wil|moest|kon|belde|mailde|appte|reageerde|begon|zag|snapte|vond|werd|"
    r"said|says|asked|came|looked|had|has|was|is|wanted|told|called|emailed|replied|"
    r"started|just|did|does|didn't|doesn't|won't|would|will|thinks|thought|needs|moet|gaat|"
    r"werkt|zit|staat|loopt|denkt|weet|vindt|snapt|klaagt|pakt|neemt"
)
# Only English: the Dutch list holds many rare words at the names' count ("tegen selfservice,")
_TO = r"told|asked|to|with|tegen|met"
_TUSSEN = r"(?:(?:van der|van den|van|de|den|ter|ten)\s+)?"
_SLOT = re.compile(  # a lookahead, so that the slots of neighbouring words overlap
    rf"(?=(?:\b(?P<role>{_ROLES})\s+{_TUSSEN}(?P<a>[a-zà-ÿ][a-zà-ÿ'-]+)\b)|"
    rf"(?:\b(?:{_BEFORE})\s+(?P<b>[a-zà-ÿ][a-zà-ÿ'-]+)\s+(?:{_AFTER})\b)|"
    rf"(?:\b(?:{_TO})\s+(?P<d>[a-zà-ÿ][a-zà-ÿ'-]+)(?=\s*[,.!?;]|\s*$|\s+(?:zeggen|vragen|"
    rf"praten|spreken|bellen|mailen|appen|vertellen|uitleggen)\b))|"
    rf"(?:(?:^|[.!?]\s+)(?P<c>[a-zà-ÿ][a-zà-ÿ'-]+)\s+(?:{_AFTER})\b)|"
    # "euan (head chef) just laughed": a role said between brackets after the name
    rf"(?:\b(?P<e>[a-zà-ÿ][a-zà-ÿ'-]+)\s+\((?=[^()]{{0,30}}\b(?:{_ROLES})\b)))",
    re.I,
)
# Never a name, however rarely a dictionary sees them.
_NOT_NAMES = wordset(
    "ik je jij hij zij ze we wij jullie u men die dat dit het de een er iemand niemand iedereen "
    "alles niks niets mijn mn m'n zijn haar hun ons onze i you he she it we they someone nobody "
    "everyone everybody anyone somebody this that there who what my his her their our mum mom "
    "dad mam pap mama papa ma pa baas boss manager iets wie wat waar maar ook nog wel dan toen "
    "gewoon echt even alleen zelf dus want omdat thats dont im ive cant didnt wont isnt wasnt "
    "doesnt couldnt wouldnt shouldnt youre theyre idk tbh lol aan in op uit bij met van voor "
    "naar om tot door over na af toe mee weg als of zo al er nu daarna toen later hmm hm uhm ehm "
    "mmm allee allez amai awel merci salut slaapwel oke oké ambetant"
)
_FEELING_WORDS = frozenset(
    w for table in (FEELINGS, FEELING_NOUNS) for words in table.values() for w in words
)


def _a_name(word: str, how: str) -> bool:
    """Rare enough to be a name where a name stands: the Dutch list holds first names at its
    lowest count (50) and most words far above it. `how`: "role" (after a role, where a word
    neither list knows is a name too), "verb" (before what a person does), "to" (only the word
    before says that a person stands there)."""
    low = word.lower()
    if low in _NOT_NAMES or low in _FEELING_WORDS or not 3 <= len(low) <= 10:
        return False  # "begeleidingsplan", "publieksservice": compounds, not first names
    nl, en = word_counts("nl").get(low, 0), word_counts("en").get(low, 0)
    if (
        re.search(r"[tpk]je$", low)
        or nl == 0
        and (en == 0 and how != "role" or re.search(r"(ed|ing|ly)$", low))
    ):
        return False  # "dat fietsertje was", "my manager praised her"
    dutch = word_counts("nl")
    if how == "role" and low.endswith("s") and word_counts("en").get(low[:-1], 0) >= 500:
        return False  # "my sister reckons I'm jealous": a verb after the role, not a name
    if re.fullmatch(r"ge(\w{3,})[dt]", low) and dutch.get(low[2:-1] + "en", 0) >= 50:
        return False  # "tegen mijn vrouw gesnauwd": a participle ("snauwen"), not a name
    if (
        nl <= 60
        and en == 0
        and low.endswith("t")
        and any(
            min(dutch.get(low[k:], 0), dutch.get(low[k:-1], 0)) > 200
            for k in range(2, len(low) - 3)
        )
    ):
        return False  # "dat je de klant wegjaagt": a verb (stem "jaag", "jaagt"), not a name
    if how == "to":
        return 0 < nl <= 60 and en < 1000
    return (0 < nl <= 60 or nl == 0) and en < 4000


_OBJECT_NEXT = re.compile(
    r"\s+(my|me|him|her|the|a|an|it|our|his|their|your|us|them|mijn|mn|m'n|hem|ons|onze)\b",
    re.I,
)


# A town or a district after "in", "uit", "naar": "in charlois", "uit genk". The word lists hold
# such names at their lowest count (50), as they hold first names.
_PLACE = re.compile(r"\b(?:in|uit|from|near)\s+(?P<p>[a-z][a-z'-]{2,13})\b(?!\s*-)")


def _a_place(word: str) -> bool:
    if word in _NOT_NAMES or word in _FEELING_WORDS:
        return False
    dutch = word_counts("nl")
    nl, en = dutch.get(word, 0), word_counts("en").get(word, 0)
    if any(
        min(dutch.get(word[:k], 0), dutch.get(word[k:], 0)) > 200 for k in range(3, len(word) - 2)
    ):
        return False  # "in behandelduur": two Dutch words, no town
    return 0 < max(nl, en) <= 60 and min(nl, en) <= 60


@functools.lru_cache(maxsize=512)
def _placed(text: str) -> frozenset[str]:
    """The lower-case words of `text` that stand where a name stands and read as one."""
    found = {m["p"] for m in _PLACE.finditer(text) if _a_place(m["p"])}
    for m in _SLOT.finditer(text):
        word = m.group("a") or m.group("b") or m.group("c") or m.group("d") or m.group("e")
        if not word or not word.islower():
            continue
        how = "role" if m.group("a") or m.group("e") else "to" if m.group("d") else "verb"
        if m.group("a") and _OBJECT_NEXT.match(text, m.end("a")):
            continue  # "my supervisor rewrote my paper": a verb with its object, no name
        if _a_name(word, how):
            found.add(word)
    return frozenset(found)


def capitalise_names(text: str) -> str:
    """`text` with the lower-case first names it places capitalised."""
    for word in _placed(text):
        text = re.sub(rf"(?<![\w'-]){re.escape(word)}(?![\w'-])", word.capitalize(), text)
    # "mr Okafor", "mrs Patel" -> "Mr Okafor"
    return re.sub(
        r"\b(mr|mrs|ms|dr)(\.?\s+)(?=[A-Z])", lambda m: m.group(1).title() + m.group(2), text
    )


def known_names(messages: list[str]) -> frozenset[str]:
    """The names the person wrote with a capital somewhere in the conversation ("Ruud (onze
    teamleider) begon ...") or typed where a name stands ("gesprek met rudi. rudi werkt daar al
    lang"): typed in lower case elsewhere ("dat ruud weet ..."), still a name."""
    # carried to other messages only when short enough to be a first name ("marjolein")
    placed = (w.capitalize() for message in messages for w in _placed(message) if len(w) <= 9)
    return frozenset(placed).union(*(_names_in(message) for message in messages))


@functools.lru_cache(maxsize=256)
def _names_in(message: str) -> frozenset[str]:
    """The capitalised names in one message (read once, though asked again every turn)."""
    found = set()
    for sentence in re.split(r"(?<=[.!?:;])\s+|\n+", message):
        for k, word in enumerate(re.findall(r"\b[A-Za-zà-ÿ][a-zà-ÿ]{2,}\b", sentence)):
            if not word[0].isupper() or word.lower() in _NOT_NAMES:
                continue
            # the first word of a sentence has its capital anyway: only a rare one counts
            if _a_name(word, "to" if k == 0 else "role"):
                found.add(word)
    return frozenset(found)


def with_known_names(text: str, names: frozenset[str]) -> str:
    """`text` with the person's known names capitalised where they were typed in lower case."""
    for name in names:
        text = re.sub(rf"(?<![\w'-]){name.lower()}(?![\w'-])", name, text)
    return text


def in_story(found: list[str], earlier: list[str] | None, text: str) -> list[str]:
    """The people of a message the story is about: after the opening, one named before or twice
    now; a role said once in passing ("mijn buurman zegt ook soms 'wat zeg je'") is not who a
    question about the other should ask after."""
    if not earlier:
        return found
    before, now = " ".join(earlier).lower(), text.lower()
    kept = []
    for person in found:
        word = re.compile(rf"\b{re.escape(person.split()[-1].lower())}\b")
        if word.search(before) or len(word.findall(now)) >= 2:
            kept.append(person)
    return kept
