"""The Dutch word lists of the perspective turner: the person's own pronouns and the verbs
that make "mij" the person themself.

Role: data for app/core/perspective.py.
"""

from __future__ import annotations

from app.core.text import wordset

# Verbs whose "mij" is the person themself: "ik voel mij", "ik schaam mij".
_NL_REFLEXIVE_VERBS = wordset(
    "voel voelde voelden schaam schaamde erger ergerde vergis vergiste herinner herinnerde "
    "realiseer realiseerde verveel verveelde gedraag gedroeg concentreer concentreerde "
    "afvraag vroeg vraag haast haastte verontschuldig verontschuldigde trek trok stel stelde "
    "bemoei bemoeide"
)
# "ik heb mij ... gevoeld": the participle makes "mij" the person themself.
_NL_REFLEXIVE_PARTICIPLES = wordset(
    "gevoeld geschaamd vergist geërgerd geergerd herinnerd gerealiseerd verveeld gedragen "
    "afgevraagd gehaast verontschuldigd"
)
_NL_PRONOUNS = {
    "me": "je",
    "mij": "jou",
    "mijn": "je",
    "m'n": "je",
    "m’n": "je",
    "mn": "je",
    "mezelf": "jezelf",
    "mijzelf": "jezelf",
    "ikzelf": "jijzelf",
    "mijne": "jouwe",
    "we": "jullie",
    "wij": "jullie",
    "ons": "jullie",
    "onze": "jullie",
    "onszelf": "jezelf",
}


# "ook ik", "zelfs ik", "dat was ik": the stressed "ik" is "jij", not "je" ("ook jij was",
# "dat was jij niet"; "ook je was" is no Dutch).
_NL_STRESS = wordset("ook zelfs alleen juist enkel slechts vooral net")
_NL_POINTING = wordset("dat dit het")
_NL_COPULA = wordset("was ben is bleek")


def nl_subject(lower: list[str], i: int, before: list[str]) -> str:
    """How the person's "ik" at `i` is said back: "jij" where it is stressed, else "je"; an
    "ík" stressed by its accent keeps it ("alsof ík iets fout deed": "alsof jíj")."""
    if lower[i] == "ík":
        return "jíj"
    stressed = i > 0 and lower[i - 1] in _NL_STRESS
    pointed = len(before) == 2 and before[0] in _NL_POINTING and before[1] in _NL_COPULA
    return "jij" if stressed or pointed else "je"


# Words that follow a verb, not a noun: "en vraag later", "en slaap nooit".
_NL_AFTER_VERB = wordset(
    "later pas dan nooit niet niks niets altijd vaak ook gewoon weer toch meteen"
)


_NL_NOUN_BEFORE = wordset("het de een mijn m'n mn je jouw zijn haar ons onze geen elk elke")


_NL_AUX_NOW = {"heb", "ben", "kan", "wil", "moet", "zal", "mag"}
_NL_AUX = _NL_AUX_NOW | {"had", "was", "kon", "wou", "wilde", "moest", "mocht"}

_SUBJECTS = wordset("hij zij ze je jij u we wij jullie men")
_CLAUSE_START = wordset(", dat die omdat want maar en of als toen terwijl")
_PREPOSITIONS = wordset("voor tegen naar met bij van aan over op in zonder achter door tot om")


def own_mij(lower: list[str], i: int) -> bool:
    """The "mij" at i is the person themself, the subject of its own clause: "ik maak mij
    zorgen", "ik wil mij wijsmaken dat ...", "om mij niet te schamen" ("je", never "jou");
    after a preposition ("voor mij") or with someone else as the subject ("hij belde mij") it
    is not."""
    before = lower[i - 1] if i > 0 else ""
    if before == "om" and "te" in lower[i + 1 : i + 7]:
        return True  # "om mij niet ongemakkelijk te voelen"
    if before in _PREPOSITIONS:
        return False
    for t in reversed(lower[max(0, i - 8) : i]):
        if t == "ik":
            return True
        if t in _SUBJECTS or t in _CLAUSE_START:
            return False
    return False
