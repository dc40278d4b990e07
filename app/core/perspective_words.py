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
    "afvraag vroeg vraag haast haastte verontschuldig verontschuldigde"
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
