"""The reflectieverslag: a short report in the person's own words, never invented.

Built by selection, not generation: sentences the person wrote are sorted into situation, what
they noticed about themselves, the pattern or insight, and their voornemen, by the phase they
were said in. Crisis turns are left out. A section with nothing said stays honest about it.
"""

from __future__ import annotations

import re
import time

from .sessions import Turn

HEADINGS = {
    "nl": (
        "Reflectieverslag",
        "De situatie",
        "Wat ik bij mezelf opmerkte",
        "Patroon of inzicht",
        "Mijn voornemen",
        "Nog niet besproken.",
        "Nog geen voornemen geformuleerd. Wat wil je de volgende keer uitproberen?",
        "Samengesteld uit je eigen woorden in dit gesprek.",
    ),
    "en": (
        "Reflection report",
        "The situation",
        "What I noticed about myself",
        "Pattern or insight",
        "My intention",
        "Not discussed yet.",
        "No intention formulated yet. What do you want to try next time?",
        "Put together from your own words in this conversation.",
    ),
}


def _sentences(text: str, limit: int) -> list[str]:
    parts = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 3]
    return parts[:limit]


def build(turns: list[Turn], lang: str, title: str = "") -> str:
    h = HEADINGS["en" if lang == "en" else "nl"]
    buckets: dict[str, list[str]] = {"situation": [], "self": [], "insight": [], "intent": []}
    for turn in turns:
        # Only turns of the method count: never a crisis, the care after it, a request to do
        # something else, an advice request or the closing itself.
        if turn.crisis or turn.kind != "reflect" or not turn.user.strip():
            continue
        phase = turn.phase or 1
        key = (
            "situation"
            if phase == 1
            else "self"
            if phase == 2
            else "insight"
            if phase == 3
            else "intent"
        )
        buckets[key] += _sentences(turn.user, 2)
    when = time.strftime("%Y-%m-%d")
    lines = [f"# {h[0]}: {title}" if title else f"# {h[0]}", "", f"*{when}. {h[7]}*", ""]
    for key, heading in (("situation", h[1]), ("self", h[2]), ("insight", h[3]), ("intent", h[4])):
        lines += [f"## {heading}", ""]
        items = buckets[key][-4:] if key != "situation" else buckets[key][:4]
        if items:
            lines += [f"- {s}" for s in items]
        else:
            lines.append(h[6] if key == "intent" else h[5])
        lines.append("")
    return "\n".join(lines).strip() + "\n"
