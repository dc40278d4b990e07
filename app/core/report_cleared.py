"""Which crisis turns of a conversation were a false alarm the person cleared, for the report.

Role: a message the semantic half of the crisis screen raised gets the direct question. When the
person answers with a plain no, or twice goes on about the work and the method resumes, that
message was their work story: it belongs in the reflectieverslag like any other (in round 54 a
farrier's whole opening story was missing from his report for this reason). Read by
app/core/report.py.
Must not: give back a message the rules name (a passive wish answered with "nee" stays out of a
report the person may share), nor anything of a conversation where a hand-off followed.
"""

from __future__ import annotations

from functools import lru_cache

from app.core import crisis_replies
from app.core.records import Turn
from app.core.safety import CrisisScreen, default_rules


@lru_cache(maxsize=1)
def _rules() -> CrisisScreen:
    return CrisisScreen(default_rules())


# The direct questions (and the question once more), in every language and family.
_QUESTIONS = tuple(
    q
    for table in (crisis_replies.ASK, crisis_replies.ASK_AGAIN)
    for family in table.values()
    for q in family.values()
)


def _asked(reply: str) -> bool:
    """The reply is the direct question (or the question once more), not a hand-off."""
    return any(q in reply for q in _QUESTIONS)


def _relieved(reply: str) -> bool:
    return any(reply.startswith(t) for t in crisis_replies.RELIEVED.values())


def cleared(turns: list[Turn]) -> set[int]:
    """The indices of crisis turns whose question the person cleared, their words free of rules."""
    out: set[int] = set()
    pending: list[int] = []
    for i, turn in enumerate(turns):
        if turn.crisis:
            if _asked(turn.reply):
                pending.append(i)
            else:
                pending = []  # a hand-off: nothing of this stretch comes back
            continue
        if pending and (turn.kind == "reflect" or _relieved(turn.reply)):
            out.update(k for k in pending if not _rules().check(turns[k].user).flagged)
        pending = []
    return out
