"""Compose a reflect turn: candidate reflections and questions from code, one choice by model.

Role: gather the candidates (app/core/reflection.py) for the message and the point the conversation
is at, rank them by plain rules, and let the model pick one reflection and one question in a
single constrained call of two tokens ("2B"). The model never writes a word the person sees.
If the model's answer cannot be used, the best-ranked pair is taken; with chooser "rules" the
model is not asked at all.
Must not: import llama_cpp, chromadb or numpy; store anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.core import question_fit, question_rank
from app.core.chat_model import ChatModel, Generation, Messages
from app.core.prompts import PromptLibrary
from app.core.reading import Reading
from app.core.reflection import Candidate

MAX_MIRRORS = 4
MAX_QUESTIONS = 4
LETTERS = "ABCDEFGH"


@dataclass(frozen=True)
class Choice:
    mirror: Candidate
    question: Candidate
    by: str  # "model" | "rules"


class Chooser:
    """Asks the model to pick; the prompt's fixed part comes first so its cache is reused."""

    def __init__(self, model: ChatModel, prompts: PromptLibrary, mode: str = "model") -> None:
        self.model = model
        self.mode = mode
        self.versions = {
            "choose.system": prompts.latest("choose.system"),
            "choose.turn": prompts.latest("choose.turn"),
            "choose.examples": prompts.latest("choose.examples", ".json"),
        }
        self._turn = prompts.get(self.versions["choose.turn"])
        system = prompts.get(self.versions["choose.system"]).render()
        self.prefix: Messages = [{"role": "system", "content": system}]
        for ex in prompts.data(self.versions["choose.examples"]):
            self.prefix += [
                {"role": "user", "content": self._block(ex)},
                {"role": "assistant", "content": ex["choice"]},
            ]

    def _block(self, values: dict[str, Any]) -> str:
        return self._turn.render(
            earlier=values.get("earlier", ""),
            message=values["message"],
            mirrors=values["mirrors"],
            questions=values["questions"],
        )

    def messages(
        self, message: str, mirrors: list[str], questions: list[str], earlier: str
    ) -> Messages:
        block = self._block(
            {"earlier": earlier, "message": message, "mirrors": mirrors, "questions": questions}
        )
        return [*self.prefix, {"role": "user", "content": block}]

    def choose(
        self,
        message: str,
        mirrors: list[Candidate],
        questions: list[Candidate],
        earlier: str = "",
    ) -> Choice:
        best = Choice(mirrors[0], questions[0], "rules")
        if self.mode != "model" or (len(mirrors) == 1 and len(questions) == 1):
            return best
        digits = " | ".join(f'"{i + 1}"' for i in range(len(mirrors)))
        letters = " | ".join(f'"{LETTERS[i]}"' for i in range(len(questions)))
        grammar = f"root ::= ({digits}) ({letters})\n"
        pairs = tuple(
            f"{i + 1}{LETTERS[j]}" for i in range(len(mirrors)) for j in range(len(questions))
        )
        text = _fit(message, 120)
        msgs = self.messages(text, [m.text for m in mirrors], [q.text for q in questions], earlier)
        options = Generation(max_tokens=4, temperature=0.0, grammar=grammar, choices=pairs)
        out = self.model.complete(msgs, options)
        m = re.fullmatch(r"\s*([1-9])\s*([A-H])\s*", out)
        if not m:
            return best
        i, j = int(m.group(1)) - 1, LETTERS.index(m.group(2))
        if i >= len(mirrors) or j >= len(questions):
            return best
        return Choice(mirrors[i], questions[j], "model")

    def warm(self) -> str:
        return self.model.warm(self.prefix)


def _fit(text: str, words: int) -> str:
    """At most `words` words of the message: the end, where the person arrived."""
    parts = text.split()
    return text if len(parts) <= words else "… " + " ".join(parts[-words:])


ENOUGH_READ = 2
_WHAT_MATTERS = re.compile(r"over wat jij belangrijk vindt|about what matters to you", re.I)


def rank_questions(
    bank: list[tuple[str, str]],
    reading: Reading,
    message: str,
    story: str,
    phase: int,
    lang: str,
    asked: list[str],
    extra: list[Candidate] | None = None,
) -> list[Candidate]:
    """Questions that fit, best first: filled templates, then bank questions (by retrieval
    rank) whose presuppositions the story meets; none asked before in this conversation."""
    seen = {a.lower() for a in asked}
    out = list(extra or [])
    out += question_fit.template_questions(reading, message, phase, lang)
    # After the first phase a bank question is general where a template reads the message
    # (rated blind in rounds 28-41: fits 0.55 of 2 against 1.31, signable 2% against 24%):
    # it is offered only when fewer than two questions read the message.
    if phase > 1 and len({c.text.lower() for c in out} - seen) >= ENOUGH_READ:
        bank = []
    # Below the templates built for this message: a bank question is general. After the first
    # phase it comes below every template, even a general one (rounds 40-48: fits 0.48 of 2
    # against 1.0-1.4 for the general templates), so it is asked only when no template fits.
    top = 0.8 if phase == 1 else 0.4
    for rank, (qid, text) in enumerate(bank):
        if question_fit.fits(text, reading, story):
            out.append(Candidate(text, f"bank:{qid}", round(top - 0.1 * rank, 3)))
    unique: dict[str, Candidate] = {}
    for c in sorted(out, key=lambda c: -c.score):
        key = c.text.lower()
        if key not in seen and key not in unique:
            unique[key] = c
    # Not reordered by app/core/question_rank.py: on unseen conversations (round 47) its order put
    # general questions with a good record before the ones that read this message. A question
    # the raters found out of place nearly every time is left out while others remain.
    if any(_WHAT_MATTERS.search(a) for a in asked):
        # "Wat zegt die schaamte over wat jij belangrijk vindt?" once in a conversation
        unique = {k: c for k, c in unique.items() if not _WHAT_MATTERS.search(c.text)}
    fitting = [c for c in unique.values() if not question_rank.rated_unfit(c.text)]
    return fitting or list(unique.values())
