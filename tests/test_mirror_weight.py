"""The first mirror of a long story says back where it stays with the person ("Daar zit je nu
mee."), not a scene, someone else's feeling, or why the story is brought here."""

from __future__ import annotations

import pytest

from app.core.reading import read
from app.core.reflection import mirrors


def first_mirror(message: str, lang: str) -> str:
    return mirrors(message, lang, read(message, lang))[0].text


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        (
            "Ik heb Jeroen gebeld, dat is onze planner. Uiteindelijk heeft hij er twee "
            "weggehaald. En nu staat er een mailtje van mijn teamleider. Dus ja. "
            "Daar zit ik nu mee.",
            "nl",
            "Daar zit je nu mee.",
        ),
        (
            "Afgelopen dinsdag had ik meneer Bakker in de stoel, vaste patiënt. Erik keek mee en "
            "zei dat het slordig was. Ik heb de rest van de dag gewoon mn werk gedaan, maar het "
            "zat me echt niet lekker en ik heb er thuis nog de hele avond over lopen malen.",
            "nl",
            "Het zat je echt niet lekker en je hebt er thuis nog de hele avond over lopen malen.",
        ),
        (
            "Ik heb de boete afgemaakt en ben doorgelopen. Maar het zit me sindsdien niet lekker, "
            "en mijn vrouw zei ook dat ik 'raar deed' die avond. "
            "Dus vandaar dat ik het hier inbreng.",
            "nl",
            "Het zit je sindsdien niet lekker.",
        ),
        (
            "Toen de moeder hem kwam halen, heb ik het verteld en zij werd echt kwaad. Ik zit "
            "daar nog altijd mee.",
            "nl",
            "Je zit daar nog altijd mee.",
        ),
    ],
)
def test_where_it_stays_with_the_person_is_said_back_first(
    message: str, lang: str, mirror: str
) -> None:
    assert first_mirror(message, lang) == mirror


def test_a_reason_for_bringing_it_here_is_not_said_back() -> None:
    message = (
        "Ik twijfel of we de goede beslissing hebben genomen. Ik zit er nog steeds mee, vandaar."
    )
    assert "vandaar" not in first_mirror(message, "nl").lower()
