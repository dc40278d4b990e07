"""A pattern of the person's own behaviour is asked about as an act: what moves them to it."""

from __future__ import annotations

import pytest
from test_reflection import top_question

from app.core.own_act import own_act
from app.core.reading import read
from app.core.reflection import follow, mirrors, statements


@pytest.mark.parametrize(
    ("message", "lang", "clause", "variant"),
    [
        ("Ik doe eigenlijk alles zelf.", "nl", "je eigenlijk alles zelf doet", "does"),
        ("Ik sla altijd meteen terug.", "nl", "je altijd meteen terugslaat", "does"),
        ("Ik bel haar bijna nooit.", "nl", "je haar bijna nooit belt", "doesnt"),
        (
            "Ik vraag nooit of iemand kan helpen.",
            "nl",
            "je nooit vraagt of iemand kan helpen",
            "doesnt",
        ),
        (
            "Ik kon weer eens niks meer bedenken, zoals altijd.",
            "nl",
            "je weer eens niks meer kon bedenken",
            "didnt",
        ),
        (
            "Ik merk dat ik steeds later naar huis ga.",
            "nl",
            "je steeds later naar huis gaat",
            "does",
        ),
        (
            "Ik merk dat ik bij haar altijd stiller word.",
            "nl",
            "je bij haar altijd stiller wordt",
            "state",
        ),
        (
            "I always say yes to the extra shifts.",
            "en",
            "always say yes to the extra shifts",
            "does",
        ),
        ("I tend to smooth things over.", "en", "smooth things over", "does"),
        ("I never ask for help, I just push on.", "en", "never ask for help", "doesnt"),
        (
            "I've noticed that I keep checking my mail at night.",
            "en",
            "keep checking your mail at night",
            "does",
        ),
    ],
)
def test_a_pattern_of_ones_own_is_found_as_a_clause(
    message: str, lang: str, clause: str, variant: str
) -> None:
    act = own_act(statements(message), message, lang)
    assert act is not None
    assert act.variant == variant
    assert act.clause == clause


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Ik voel me altijd schuldig.", "nl"),  # a feeling: the feeling questions ask it
        ("Ik denk er vaak aan terug.", "nl"),  # a thought, and "er"
        ("Ik probeer altijd alles zelf op te lossen.", "nl"),  # a "te" infinitive
        ("Ik zeg altijd ja, omdat ik bang ben dat ze me anders niet meer vragen.", "nl"),
        ("Ik heb het nooit gezegd.", "nl"),  # "hebben": not placed with confidence
        ("Gisteren zei ik ja tegen de planning.", "nl"),  # one moment, no pattern
        ("I always feel like the odd one out.", "en"),
        ("I never ask because I don't want to be a bother.", "en"),
        ("He always interrupts me.", "en"),
        ("I've always been the careful one.", "en"),  # who they are, not what they do
    ],
)
def test_what_is_no_pattern_of_ones_own_or_already_explained_is_not_taken(
    message: str, lang: str
) -> None:
    assert own_act(statements(message), message, lang) is None


def test_an_act_they_cannot_explain_is_taken_without_a_pattern_word() -> None:
    message = "Ik knikte gewoon mee. Ik weet echt niet waarom."
    act = own_act(statements(message), message, "nl")
    assert act is not None and act.variant == "did"


@pytest.mark.parametrize(
    ("message", "lang", "question"),
    [
        (
            "Mijn collega vroeg of ik hulp nodig had. Ik regel eigenlijk alles alleen.",
            "nl",
            "Wat maakt dat je dat doet?",
        ),
        ("Ik bel de ouders bijna nooit terug.", "nl", "Wat maakt dat je dat niet doet?"),
        ("I just keep going until I drop, every single time.", "en", "What makes you do that?"),
        ("My lead offered to help. I never take her up on it.", "en", "What stops you?"),
    ],
)
def test_the_question_points_at_the_act_the_mirror_says_back(
    message: str, lang: str, question: str
) -> None:
    asked = top_question(message, lang, 2)
    assert asked.text == question
    said = statements(message)
    chosen = follow(mirrors(message, lang, read(message, lang)), asked, lang)[0]
    assert asked.anchor >= 0 and chosen.text.rstrip(".").split()[-1] in said[asked.anchor]


def test_a_dilemma_keeps_its_own_question() -> None:
    message = "I keep going back and forth between staying and leaving."
    assert top_question(message, "en", 3).text != "What makes you do that?"
