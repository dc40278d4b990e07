"""How a question in an advice request is put: to the coach, or as the person's own.

Role: read by app/core/engine_advice.py to hand the person's own question back to them.
Must not: change the person's words beyond the pronouns of a question put to the coach.
"""

from __future__ import annotations

import re

# The coach's view asked as a tag after the person's own question: "moet ik mij excuseren, denkt
# ge?", "should I ring her, do you think?": the question without it is the person's own.
COACH_TAG = re.compile(
    r"[,\s]+(?:(?:denk|denkt|vind|vindt) (?:je|jij|ge|gij|u)|(?:what )?do you think)\s*\?$", re.I
)

# The coach asked for a view first: "wat denk jij, ...", "can I ask you something, do you
# think ...": what follows is the person's own question.
LEADING_TAG = re.compile(
    r"^(?:[^?]*?\W)?(wat (denk|vind) (jij|je|u|ge|gij)|(what )?do you think|d'you think|"
    r"(can|may|could) i ask you( \w+)?|mag ik (je|jou|u) (iets|wat)( \w+)? vragen)\W+",
    re.I,
)
