"""Questions that take up what the message names: a step held back ("Wat hield je tegen?"), a
plan said back ("Hoe zie je dat voor je?"), a feeling or a judging word of now in any phase."""

from __future__ import annotations

import pytest

from app.core.question_fit import pair_fits, template_questions
from app.core.reading import read
from app.core.reflection import Candidate


def _sources(message: str, lang: str, phase: int) -> dict[str, Candidate]:
    return {q.source: q for q in template_questions(read(message, lang), message, phase, lang)}


@pytest.mark.parametrize(
    ("message", "lang", "held"),
    [
        ("Ik wilde eigenlijk vragen waarom precies. Maar ik zei 'begrijpelijk'.", "nl", True),
        ("Ik wilde nog reageren maar ik knikte alleen maar en ging weer zitten.", "nl", True),
        ("I wanted to tell him it wasn't my fault. I didn't. I just nodded.", "en", True),
        # what stopped them is said: not asked again
        (
            "I wanted to say I'd flagged it. But it felt like excuses. So I just stood there.",
            "en",
            False,
        ),
        (
            "Ik wilde iets zeggen maar ik was bang dat het verkeerd viel, dus ik zei niks.",
            "nl",
            False,
        ),
        # wanted and did it
        ("Ik wilde vragen waarom, en dat heb ik ook gedaan.", "nl", False),
    ],
)
def test_a_step_held_back_is_read_only_when_nothing_says_what_stopped_it(
    message: str, lang: str, held: bool
) -> None:
    assert read(message, lang).held_back is held


def test_what_held_them_back_is_asked_only_with_the_mirror_of_what_they_wanted() -> None:
    message = "Ik wilde eigenlijk vragen waarom precies. Maar ik zei 'begrijpelijk'. Zo stom."
    question = _sources(message, "nl", 2)["template:nl-tegengehouden"]
    assert question.text == "Wat hield je tegen?"
    wanted = Candidate("Je wilde eigenlijk vragen waarom precies.", "said:0", 1.0)
    other = Candidate("Zo stom.", "said:2", 1.0)
    assert pair_fits(wanted, question)
    assert not pair_fits(other, question)


def test_a_plan_is_pictured_only_with_its_own_mirror_and_not_when_it_is_concrete() -> None:
    message = "Ja, ik denk ook dat ik hem apart moet nemen. Niet in de keet met iedereen erbij."
    question = _sources(message, "nl", 4)["template:nl-plan-voorstellen"]
    plan = Candidate("Je denkt ook dat je hem apart moet nemen.", "said:0", 1.0)
    aside = Candidate("Niet in de keet met iedereen erbij.", "said:1", 1.0)
    assert pair_fits(plan, question) and not pair_fits(aside, question)
    concrete = "Ik denk dat ik hem morgen moet bellen."
    assert "template:nl-plan-voorstellen" not in _sources(concrete, "nl", 4)


def test_a_judging_word_of_now_is_asked_about_later_too_but_not_a_pleasant_one() -> None:
    scary = "I think I could talk to her now. That feels scary but also a relief."
    assert _sources(scary, "en", 4)["template:en-judging-makes-later"].text == (
        "What makes it so scary?"
    )
    pleasant = "Ik vind het ook gewoon leuk werk, dat is het."
    assert not any(s.startswith("template:nl-oordeel") for s in _sources(pleasant, "nl", 4))


def test_the_persons_own_role_is_not_their_manager() -> None:
    assert not read("Ik ben teamleider in een DC, avonddienst.", "nl").manager
    assert not read("so I'm a DSM (deputy stage manager, I call the show).", "en").manager
    assert read("I'm a project manager. My director, Graham, blamed me.", "en").manager
    assert read("Mijn leidinggevende Ingrid kwam naar voren.", "nl").manager
