"""Bank questions are general: after the opening they come in only when no question built for
the message fits or all of those were asked already."""

from __future__ import annotations

from app.core.compose import rank_questions
from app.core.reading import read

MESSAGE = "Ik was echt boos toen mijn teamleider dat zei in het overleg."
BANK = [
    ("vnl-900", "Welke vraag stel je jezelf voordat je een volgende keer zo'n situatie in stapt?")
]


def _sources(phase: int, asked: list[str]) -> list[str]:
    seen = read(MESSAGE, "nl")
    ranked = rank_questions(BANK, seen, MESSAGE, MESSAGE, phase, "nl", asked)
    return [c.source for c in ranked]


def test_a_bank_question_is_offered_at_the_opening() -> None:
    assert "bank:vnl-900" in _sources(1, [])


def test_after_the_opening_questions_built_for_the_message_come_first_and_alone() -> None:
    sources = _sources(3, [])
    assert sources and not any(s.startswith("bank:") for s in sources)


def test_when_every_built_question_was_asked_the_bank_fills_in() -> None:
    seen = read(MESSAGE, "nl")
    built = [c.text for c in rank_questions([], seen, MESSAGE, MESSAGE, 3, "nl", [])]
    assert built
    assert _sources(3, built) == ["bank:vnl-900"]
