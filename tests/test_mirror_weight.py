"""The first mirror of a long story says back where it stays with the person ("Daar zit je nu
mee."), not a scene, someone else's feeling, or why the story is brought here."""

from __future__ import annotations

import pytest

from app.core.reading import read
from app.core.reflection import mirrors
from app.core.reflection_turn import _turn


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


@pytest.mark.parametrize(
    ("sentence", "lang", "turned"),
    [
        (
            "Tbf the printer has been smudging for weeks and I've been meaning to sort it.",
            "en",
            "The printer has been smudging for weeks and you've been meaning to sort it.",
        ),
        (
            "idk, ik blijf een beetje heen en weer gaan.",
            "nl",
            "Je blijft een beetje heen en weer gaan.",
        ),
        (
            "Allez, ik weet niet goed hoe ik het moet zeggen.",
            "nl",
            "Je weet niet goed hoe je het moet zeggen.",
        ),
        ("ik wist het om 2 uur s middags al.", "nl", "Je wist het om 2 uur 's middags al."),
        (
            "ik had nog niet eens gegeten volgens mij.",
            "nl",
            "Je had nog niet eens gegeten.",
        ),
        (
            "ik ga met kees (broer) kijken of ik na 5 uur minder lessen doe.",
            "nl",
            "Je gaat met kees kijken of je na 5 uur minder lessen doet.",
        ),
        (
            "I told her on friday that I didnt have time.",
            "en",
            "You told her on Friday that you didn't have time.",
        ),
    ],
)
def test_chat_spellings_and_fillers_are_not_put_in_the_coachs_mouth(
    sentence: str, lang: str, turned: str
) -> None:
    assert _turn(sentence, lang, sentence) == turned


def test_a_why_question_without_its_question_mark_is_not_said_back_as_a_statement() -> None:
    sentence = "Waarom voel ik me zo verantwoordelijk, maar dat klopt ook niet"
    assert _turn(sentence, "nl", sentence) is None


def test_a_reflexive_mij_turns_into_je_and_chat_shorthand_is_written_out() -> None:
    assert (
        _turn("ik voel mij daar echt slecht bij.", "nl", "") == "Je voelt je daar echt slecht bij."
    )
    assert _turn("hij gaf mij de schuld.", "nl", "") == "Hij gaf jou de schuld."
    sentence = "ik wil eerst ff oefenen ipv meteen bellen."
    assert (
        _turn(sentence, "nl", sentence) == "Je wilt eerst even oefenen in plaats van meteen bellen."
    )


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        (
            "I don't really want to go too far down that road to be honest, it feels a bit pop "
            "psychology. But maybe there's something in it. I go very quiet and agreeable with "
            "people like that and then do my own thing anyway.",
            "en",
            "You go very quiet and agreeable with people like that and then do your own thing "
            "anyway.",
        ),
        (
            "Fijne praktijk eigenlijk, leuke collega's, maar er is iets wat me steeds meer "
            "dwarszit. Mijn tandarts loopt elke dag uit en ik sta om zeven uur nog te "
            "steriliseren. Ik weet niet precies waar ik heen wil hiermee, ik wilde het gewoon "
            "eens kwijt.",
            "nl",
            "Je tandarts loopt elke dag uit en je staat om zeven uur nog te steriliseren.",
        ),
        (
            "hmm. no not really. its not that i'm scared of getting caught. well a bit. but it's "
            "more that i didnt even think about it. it was automatic.",
            "en",
            "It's more that you didn't even think about it.",
        ),
        (
            "ja precies, dat boos voelt alsof ik het niet mag voelen",
            "nl",
            "Dat boos voelt alsof je het niet mag voelen.",
        ),
    ],
)
def test_the_core_before_a_reluctance_an_announcement_a_denial_or_an_interjection(
    message: str, lang: str, mirror: str
) -> None:
    assert first_mirror(message, lang) == mirror


def test_a_question_about_the_moment_is_not_built_on_what_it_was_not() -> None:
    from app.core.question_fit import template_questions

    message = (
        "Nee da's het niet echt. Het is niet dat ik per se chef wou worden voor het geld of zo. "
        "Het is meer dat niemand het mij gevraagd heeft."
    )
    for q in template_questions(read(message, "nl"), message, 2, "nl"):
        assert q.anchor != 1, q.text


@pytest.mark.parametrize(
    ("message", "lang", "not_first", "first_has"),
    [
        (
            "Nee, dat bedoel ik niet helemaal. Ik ben niet bang voor de corporatie, die relatie is "
            "goed. Het gaat om Henk. Hij had gelijk en ik heb hem in die vergadering laten zitten.",
            "nl",
            "niet bang",
            "gelijk",
        ),
        (
            "No, I am not worried about my job. She was clear it was a minor matter, and I "
            "believe her. It is more that I had an idea of myself as the careful one.",
            "en",
            "not worried",
            "careful one",
        ),
        (
            "Boos op de directeur ben ik eigenlijk niet zo. Hij moet keuzes maken. Het gaat er "
            "meer om dat niemand mij even heeft gebeld.",
            "nl",
            "Boos op",
            "gebeld",
        ),
    ],
)
def test_what_it_is_not_gives_way_to_what_it_is(
    message: str, lang: str, not_first: str, first_has: str
) -> None:
    first = mirrors(message, lang, read(message, lang))[0].text
    assert not_first not in first and first_has in first, first


def test_how_it_sounds_is_no_mirror_when_there_is_more() -> None:
    message = (
        "Ik merk dat ik steeds alles zelf oplos voor de studenten. "
        "Dat klinkt gemener dan ik het bedoel."
    )
    first = mirrors(message, "nl", read(message, "nl"))[0].text
    assert "klinkt" not in first, first


def test_an_appeal_to_the_listener_is_not_said_back_first() -> None:
    message = "Dean backed me. Nobody told us anything. So it's not all on me is it."
    assert first_mirror(message, "en") != "It's not all on you."
    assert first_mirror("I did everything right.", "en") == "You did everything right."
