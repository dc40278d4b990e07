"""Lower-case first names are capitalised where a name stands, and nothing else is; the one
person who said something to the person is found for "toen je teamleider dat zei"; a request
to talk gets a yes, not a quote."""

from __future__ import annotations

import pytest

from app.core import names
from app.core.names import capitalise_names
from app.core.reading import read
from app.core.reading_marks import said_by
from app.core.reflection import mirrors


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (
            "toen kwam mijn teamleider petra langs voor controle",
            "toen kwam mijn teamleider Petra langs voor controle",
        ),
        (
            "mijn collega dewi moest twee kamers overnemen",
            "mijn collega Dewi moest twee kamers overnemen",
        ),
        (
            "you're not going to go to declan, life's too short",
            "you're not going to go to Declan, life's too short",
        ),
        ("en jeroen zei toen dat het niet kon", "en Jeroen zei toen dat het niet kon"),
        ("say kyle needs thicker skin", "say Kyle needs thicker skin"),
    ],
)
def test_a_name_where_a_name_stands_is_capitalised(text: str, written: str) -> None:
    assert capitalise_names(text) == written


@pytest.mark.parametrize(
    "text",
    [
        "ik ging naar huis en toen was het stil",
        "you told mark it was fine",  # a common word: left alone
        "dat fietsertje was echt dichtbij",
        "my manager praised her for it",
        "zaterdag had ik een klant",
        "de meneer in het bed",
        "I went to bed.",
        "with context.",
        "als Marco zegt dat je de klant wegjaagt.",  # a verb after a role, not a name
    ],
)
def test_anything_else_stays_as_typed(text: str) -> None:
    assert capitalise_names(text) == text


@pytest.mark.parametrize(
    ("text", "lang", "who"),
    [
        (
            "dinsdag kwam mijn teamleider Petra langs en die zei dat ik niet moest kletsen",
            "nl",
            ("je teamleider", "zei"),
        ),
        ("toen zei Jeroen dat het niet kon", "nl", ("Jeroen", "zei")),
        ("de klant vroeg of het sneller kon", "nl", ("de klant", "vroeg")),
        ("yesterday my manager said my numbers were the worst", "en", ("your manager", "said")),
        ("Sandra said I should have known.", "en", ("Sandra", "said")),
        ("My manager said it was fine, and then Dave said no", "en", ("", "")),  # two people
        ("Gisteren zei ze dat het niet kon", "nl", ("", "")),  # a first word, not a name
        ("I said nothing", "en", ("", "")),
    ],
)
def test_the_one_who_said_something(text: str, lang: str, who: tuple[str, str]) -> None:
    assert said_by(text, lang) == who


def test_the_question_names_who_said_it() -> None:
    from app.core.question_fit import template_questions

    message = (
        "so yesterday in the team huddle my manager said my numbers were the worst on the floor."
    )
    asked = [c.text for c in template_questions(read(message, "en"), message, 2, "en")]
    assert "What went through your mind when your manager said that?" in asked


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        ("can I talk about something from work", "en", "Of course."),
        ("mag ik iets kwijt over mijn werk?", "nl", "Dat kan zeker."),
    ],
)
def test_a_request_to_talk_gets_a_yes(message: str, lang: str, mirror: str) -> None:
    assert mirrors(message, lang, read(message, lang))[0].text == mirror


def test_a_name_written_with_a_capital_once_is_a_name_when_typed_in_lower_case_later() -> None:
    from app.core.names import known_names, with_known_names

    said = [
        "We hadden teamoverleg en Ruud (onze teamleider) begon over het plan. Esra zei niks.",
        "Ik vond het echt Stom.",
    ]
    names = known_names(said)
    assert {"Ruud", "Esra"} <= names and "Stom" not in names
    assert (
        with_known_names("Je wilt dat ruud weet wat je doet, en esra ook.", names)
        == "Je wilt dat Ruud weet wat je doet, en Esra ook."
    )
    assert with_known_names("Het ruudste idee.", names) == "Het ruudste idee."


def test_a_verb_after_a_role_with_its_object_is_no_name() -> None:
    assert capitalise_names("My supervisor rewrote my paper.") == "My supervisor rewrote my paper."
    assert capitalise_names("my manager sarah told me off") == "my manager Sarah told me off"


def test_a_name_typed_only_in_lower_case_is_known_for_the_whole_conversation() -> None:
    messages = [
        "moest een gesprek doen met rudi. rudi werkt daar al twintig jaar.",
        "got a new commis. euan (head chef) just laughed at him.",
        "amai. ik weet het niet. hmm weet ik veel",
        "in mijn begeleidingsplan staat het letterlijk",
    ]
    known = names.known_names(messages)
    assert {"Rudi", "Euan"} <= known
    assert not known & {"Amai", "Hmm", "Begeleidingsplan"}
    reply = "Je hebt eigenlijk nooit aan rudi gevraagd wat euan ervan vindt."
    assert names.with_known_names(reply, known) == (
        "Je hebt eigenlijk nooit aan Rudi gevraagd wat Euan ervan vindt."
    )


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("een autobedrijf in charlois, 12 man", "een autobedrijf in Charlois, 12 man"),
        ("bedrijfskunde gedaan in rotterdam", "bedrijfskunde gedaan in Rotterdam"),
        ("I live in durham now", "I live in Durham now"),
        # a word of the language after "in" stays as it is
        ("ik zat in paniek in de kantine", "ik zat in paniek in de kantine"),
        (
            "ze kijken naar behandelduur en in behandelduur",
            "ze kijken naar behandelduur en in behandelduur",
        ),
    ],
)
def test_a_town_after_in_is_written_with_a_capital(text: str, written: str) -> None:
    assert capitalise_names(text) == written
