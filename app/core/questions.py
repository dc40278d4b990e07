"""Question preparation for supervisors: open questions for a theme, grouped by phase.

Questions come from the question bank, chosen by retrieval on the theme and situation, spread
over the reflection phases and each shown with the bank entry and the guidance card it came
from. A question that takes for granted what the situation does not name (a manager, feedback,
a moment) is left out, the same check the reflection turns use. Selection only: nothing here is
generated, so every question is a vetted open question.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core.engine import CARD_TYPES, Retriever
from app.core.question_fit import fits
from app.core.reading import read


@dataclass
class PreparedQuestion:
    text: str
    phase: int | None
    sources: list[dict[str, str]] = field(default_factory=list)


def prepare(
    knowledge: Retriever,
    theme: str,
    situation: str = "",
    phase: int | None = None,
    n: int = 8,
    lang: str = "nl",
) -> list[PreparedQuestion]:
    query = f"{theme}. {situation}".strip(" .")
    story = f"{theme}. {situation}"
    seen_in = read(story, lang)
    wanted = [phase] if phase else [1, 2, 3, 4, 5]
    per_phase = max(1, -(-n // len(wanted)))
    chosen: list[PreparedQuestion] = []
    seen: set[str] = set()
    pools = {}
    for p in wanted:
        found = knowledge.search(
            query, k=per_phase * 6, type="question", phase=p, lang=lang, threshold=0.0
        )
        card = knowledge.search(
            query, k=1, type=CARD_TYPES, phase=p, prefer_lang=lang, threshold=0.0
        )
        card_src = [{"id": c.card_id, "title": c.title} for c in card.passages]
        pools[p] = [(q, card_src) for q in found.passages if fits(q.text, seen_in, story)]
    # Round-robin over phases so a short list still covers the whole cycle in order.
    while len(chosen) < n and any(pools.values()):
        for p in wanted:
            while pools[p]:
                q, card_src = pools[p].pop(0)
                key = q.text.lower()
                if key in seen:
                    continue
                seen.add(key)
                chosen.append(
                    PreparedQuestion(q.text, p, [{"id": q.card_id, "title": q.text}] + card_src)
                )
                break
            if len(chosen) >= n:
                break
    chosen.sort(key=lambda q: q.phase or 0)
    return chosen
