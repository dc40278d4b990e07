"""Sentences whose "ik" is not the person's own: quoted or reported speech, proposals.

Role: told by both perspective turners (Dutch and English) not to turn such a sentence.
Must not: turn anything itself.
"""

from __future__ import annotations

import re

_REPORTED = re.compile(
    r"\b(zei|zegt|riep|vroeg|schreef|said|says|asked|wrote) (hij|ze|zij|he|she|they)\b|"
    r"\b(laten we|let'?s)\b",
    re.I,
)


def speech(sentence: str) -> bool:
    """Quoted or reported speech whose "ik" is not the person's ('zei hij: ik ...'), and
    proposals to the coach ("laten we stoppen") that turn into nonsense."""
    # a quote in single marks may hold an apostrophe of its own: 'I should've asked her first'
    if re.search(r"[\"“”„«»]|(^|\s)['‘](?:[^'’]|(?<=\w)['’](?=\w))+['’](\s|[.,!?]|$)", sentence):
        return True
    return ":" in sentence or bool(_REPORTED.search(sentence))
