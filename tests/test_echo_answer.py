"""The answer after a question the person repeats is what is said back."""

from __future__ import annotations

import pytest

from app.core.reading import read
from app.core.reflection import mirrors


def best(message: str, lang: str) -> str:
    return mirrors(message, lang, read(message, lang))[0].text


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        (
            "Wat ik wilde? Gezien worden denk ik. Dat die 7 jaar ergens voor telt. Een van de "
            "meiden appte gisteren nog 'jammer dat je weggaat!!' en toen moest ik bijna huilen.",
            "nl",
            "Je wilde gezien worden.",
        ),
        (
            "wat ik wilde? dat hij gewoon ff vroeg wat ik al gedaan had. ik ken die patienten.",
            "nl",
            "Je wilde dat hij gewoon even vroeg wat je al gedaan had.",
        ),
        (
            "wat ik eigenlijk wilde op dat moment? dat ze het serieus nam. dat ze zag hoe "
            "gevaarlijk het was. maar ik denk dat ze dat echt wel zag haha, ze was lijkbleek",
            "nl",
            "Je wilde dat ze het serieus nam, dat ze zag hoe gevaarlijk het was.",
        ),
        (
            "wat ik had gewild... dat hij had gezien dat ik wél probeerde. Ik had hem het nummer "
            "van de huisartsenpost gegeven.",
            "nl",
            "Je had gewild dat hij had gezien dat je wél probeerde.",
        ),
        (
            "Wat ik wilde? Ik wilde eigenlijk iets menselijks zeggen. Iets als 'Marjolein, dit "
            "is heel rot'.",
            "nl",
            "Je wilde eigenlijk iets menselijks zeggen.",
        ),
        (
            "What did I want? Honestly to not look like an eejit. I'm the one who's always on "
            "at the drivers about checking their paperwork",
            "en",
            "You wanted to not look like an eejit.",
        ),
        (
            "What I needed? someone to just say it wasn't my fault tbh. instead i got a form",
            "en",
            "You needed someone to just say it wasn't your fault.",
        ),
    ],
)
def test_the_answer_to_the_repeated_question_is_said_back(
    message: str, lang: str, mirror: str
) -> None:
    assert best(message, lang) == mirror


@pytest.mark.parametrize(
    ("message", "lang", "never"),
    [
        ("Wat ik wilde? Geen idee eigenlijk. Ik stond daar maar.", "nl", "Je wilde geen idee"),
        ("what did i want? no idea lol. it all went so fast", "en", "You wanted no idea"),
        ("Wat zou jij doen? Gewoon bellen of wachten tot maandag?", "nl", "Je wilde"),
        ("What I wanted? That he'd ask first. He never does.", "en", "You wanted that"),
    ],
)
def test_no_answer_and_no_want_are_not_framed(message: str, lang: str, never: str) -> None:
    assert not any(c.text.startswith(never) for c in mirrors(message, lang, read(message, lang)))
