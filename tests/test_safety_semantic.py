"""The semantic half of the crisis screen, with the models shipped in knowledge/safety.

The text-only model runs with any embedder (here the test embedder); the e5 model is tested
with the real embedder in the slow part. The frozen test part in bench/crisis is never read
here: these messages are written for the tests.
"""

from __future__ import annotations

import pytest

from app.adapters.embedders import HashEmbedder
from app.adapters.safety_semantic import SemanticScreen, grams, load_examples, model_path, units
from app.core.safety import CrisisScreen, default_rules


@pytest.fixture(scope="module")
def screen() -> CrisisScreen:
    return CrisisScreen(default_rules(), SemanticScreen.build(HashEmbedder()))


def test_the_shipped_models_exist_and_match_the_examples() -> None:
    assert model_path("").is_file()
    examples = load_examples()
    assert len(examples) >= 1500
    assert {e.label for e in examples} == {"risk", "professional", "none"}


def test_units_are_sentences_and_the_whole_message() -> None:
    parts = units("Het werk loopt vast. Ik slaap slecht. Soms wil ik er niet meer zijn.")
    assert parts[:3] == [
        "Het werk loopt vast.",
        "Ik slaap slecht.",
        "Soms wil ik er niet meer zijn.",
    ]
    assert len(parts) == 4 and units("Kort.") == ["Kort."]


def test_hashed_grams_are_stable() -> None:
    assert grams("Ik wil dood") == grams("ik  WIL dood")
    assert grams("ik wil dood") != grams("ik ga dood van de stress")


@pytest.mark.parametrize(
    "message",
    [
        "ik heb zo'n zin om gewoon voor altijd te gaan slapen en niet meer wakker te worden",
        "honestly everyone at work would be fine without me around, better even",
        "heb vannacht weer met een mesje in mn arm zitten krassen",
    ],
)
def test_wordings_no_rule_names_are_flagged(screen: CrisisScreen, message: str) -> None:
    verdict = screen.check(message)
    assert verdict.flagged and verdict.about == "self", message


@pytest.mark.parametrize(
    "message",
    [
        "Ik ga dood van de stress met die deadline, maar het komt wel goed.",
        "This sprint is killing me, but the team is great.",
        "Ik kap ermee bij dit bedrijf en ga iets anders zoeken.",
        "Het project is morsdood sinds de nieuwe directeur er zit.",
    ],
)
def test_work_idiom_is_not_flagged(screen: CrisisScreen, message: str) -> None:
    assert not screen.check(message).flagged, message
