"""Short answers and closings as people type them: a thank-you with "doei" or "fijne avond"
ends the talk; two options told without a question mark are handed back as the person's own
question; a few key words are said back as they are; "ja." followed by an answer is an answer;
"dan ga ik thuis zitten mokken" is no plan; a generic question is not asked twice in a row."""

from __future__ import annotations

import re

import pytest

from app.core.engine import _asked_again
from app.core.engine_advice import _weighed_options, _worry
from app.core.intents import wants_to_stop
from app.core.reading import read
from app.core.reflection import mirrors
from app.core.statements import key_words, statements


@pytest.mark.parametrize(
    "message",
    [
        "dankje, dit hielp echt. ik ga nu mijn tas inpakken, fijne avond!",
        "oke ik ga m'n bed in, morgen vroege dienst. dankje he dit hielp echt. doei!",
        "bedankt he. had niet gedacht dat dit wat zou doen maar ik ben wel rustiger nu. doei",
        "fijn, bedankt. voel me wat lichter. fijne avond!",
        "thanks, that's actually helped a lot. going to go home, have a cup of tea. cheers",
    ],
)
def test_a_thank_you_with_a_farewell_ends_the_talk(message: str) -> None:
    assert wants_to_stop(message)


@pytest.mark.parametrize(
    "message",
    [
        "fijne avond gehad met het team, maar de volgende ochtend ging het mis",
        "dankje zei ze, en toen liep ze weg. ik voelde me zo klein",
        "thanks to her I felt better, but what do I do with Tom?",
    ],
)
def test_a_farewell_word_inside_the_story_does_not(message: str) -> None:
    assert not wants_to_stop(message)


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        (
            "wat zou jij doen? naar hans toe of laten rusten. is al een week geleden he",
            "Naar hans toe of laten rusten?",
        ),
        (
            "what would you do though? like do i bring it up with tom or is that making a big "
            "thing out of nothing",
            "Do I bring it up with tom or is that making a big thing out of nothing?",
        ),
        (
            "wat zou jij doen met Ingrid? moet ik er zelf over beginnen of gewoon laten rusten, "
            "ze zegt er niks over",
            "Moet ik er zelf over beginnen of gewoon laten rusten?",
        ),
        ("wat zou jij doen? ik weet niet of ik het moet zeggen.", None),
    ],
)
def test_options_told_without_a_question_mark(message: str, asked: str | None) -> None:
    assert _weighed_options(message) == asked


@pytest.mark.parametrize(
    ("message", "echo"),
    [
        ("ja. gehoord worden denk ik", "Gehoord worden."),
        ("gezien worden denk ik. en hulp natuurlijk haha", "Gezien worden, en hulp."),
        ("hmm. amai ja", ""),
        ("ha. yeah. thats the job", ""),
        ("wat nu", ""),
        ("ik weet het niet", ""),
    ],
)
def test_a_few_key_words_are_said_back(message: str, echo: str) -> None:
    assert key_words(message) == echo


def test_yes_with_an_answer_is_an_answer() -> None:
    assert not read("ja. gehoord worden denk ik", "nl").ack
    assert read("Ja, dat klopt wel.", "nl").ack
    assert read("hmm. amai ja", "nl").ack  # a Flemish "wow, yes" is a yes, not words to quote
    assert not read("amai ja, maar ik weet het niet", "nl").ack


def test_what_follows_when_it_happens_is_no_plan() -> None:
    message = "bij mijn vorige baas ging het ook zo. en dan ga ik thuis zitten mokken"
    assert not read(message, "nl").plan
    assert read("morgen ga ik naar hem toe", "nl").plan


def test_a_generic_question_is_not_asked_again() -> None:
    assert _asked_again(["Wat raakt je hier het meest in?"], "nl") == ""
    assert _asked_again(["Wat wil je uit dit gesprek halen?"], "nl").startswith("En ")


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        (
            "nee dat is het niet echt, ik ben niet bang dat ze me niet meer aardig vindt. het is "
            "meer dat ik het gevoel heb dat ik de enige ben die het ziet.",
            "nl",
            "Het is meer dat je het gevoel hebt dat je de enige bent die het ziet.",
        ),
        (
            "nee dat is het niet echt, het gaat niet om de verandering zelf. ik ben niet tegen "
            "selfservice. het is meer de manier.",
            "nl",
            "Het is meer de manier.",
        ),
        (
            "No it's not really that I needed her approval. it's more that I felt like I had to "
            "choose between being right and being kind",
            "en",
            "It's more that you felt like you had to choose between being right and being kind.",
        ),
    ],
)
def test_a_correction_is_said_back_as_the_point(message: str, lang: str, mirror: str) -> None:
    from app.core.reflection import mirrors

    assert mirrors(message, lang, read(message, lang))[0].text == mirror


@pytest.mark.parametrize(
    ("sentence", "turned"),
    [
        ("dat ik het gevoel heb dat ik alleen sta", "Dat je het gevoel hebt dat je alleen staat"),
        ("dat ik het doe", "Dat je het doet"),
        ("omdat ik de deur open doe", "Omdat je de deur open doet"),
    ],
)
def test_a_noun_after_het_is_not_the_verb(sentence: str, turned: str) -> None:
    from app.core.perspective import second_person

    assert second_person(sentence, "nl") == turned


@pytest.mark.parametrize(
    "message",
    ["thanks, really helped x", "top, bedankt", "merci, dat deed deugd. tot een volgende keer"],
)
def test_a_bare_thank_you_ends_the_talk(message: str) -> None:
    assert wants_to_stop(message)
    assert key_words(message) == ""  # never said back as the coach's own words


def test_a_thank_you_that_goes_on_does_not() -> None:
    assert not wants_to_stop("dank je, maar ik wil nog iets vragen")
    assert not wants_to_stop("thanks for asking, it was awful though")


def test_a_feeling_said_as_a_bit_is_not_asked_about_as_so() -> None:
    from app.core.question_fit import template_questions

    message = "uneasy I guess. and a bit angry with myself for folding so fast"
    asked = [q.text for q in template_questions(read(message, "en"), message, 2, "en")]
    assert "What made you angry?" in asked and "What made you so angry?" not in asked


def test_we_together_is_not_turned_into_you_and_you() -> None:
    from app.core.names import capitalise_names
    from app.core.perspective import second_person

    assert second_person("i want us to look at changes together", "en") is None
    assert capitalise_names("before they go to mr okafor") == "before they go to Mr Okafor"


@pytest.mark.parametrize(
    ("message", "stops"),
    [
        (
            "top, was fijn om het even kwijt te kunnen. ik ga pitten, moet er weer uit. doei",
            True,
        ),
        (
            "cheers for this, honestly. off to start my shift now, wish me luck lol",
            True,
        ),
        ("I go into checklist mode. frame ✓ stairs ✓ goals ✓ bye", False),
        ("hij zei alleen maar dag", False),
    ],
)
def test_a_last_word_of_leave(message: str, stops: bool) -> None:
    assert wants_to_stop(message) is stops


def test_a_separable_particle_at_the_end_is_no_trailing_off() -> None:
    from app.core.reflection_turn import _turn

    assert _turn("Mijn teamleider gooide mijn planning om.", "nl", "") == (
        "Je teamleider gooide je planning om."
    )
    assert _turn("Ik doe het maar.", "nl", "") == "Je doet het maar."


@pytest.mark.parametrize(
    ("message", "lang", "said"),
    [
        (
            "heb jij een tip hoe ik dit bij ingrid aankaart zonder dat het klinkt als zeuren? "
            "daar ben ik echt bang voor",
            "nl",
            "Je bent bang dat het klinkt als zeuren.",
        ),
        (
            "hoe zou jij het aanpakken? ik wil niet overkomen als iemand die loopt te zeuren",
            "nl",
            "Je wilt niet overkomen als iemand die loopt te zeuren.",
        ),
        (
            "ja. maar hoe doe je dat dan zonder dat het meteen ruzie wordt?",
            "nl",
            "Je wilt niet dat het meteen ruzie wordt.",
        ),
        (
            "how do I raise it without sounding like a moaner?",
            "en",
            "You don't want to sound like a moaner.",
        ),
        (
            "how would you say it without it looking like I can't handle the job",
            "en",
            "You don't want it to look like you can't handle the job.",
        ),
        ("what would you do?", "en", None),
        ("wat zou jij doen?", "nl", None),
    ],
)
def test_the_worry_in_an_advice_request_is_said_back(
    message: str, lang: str, said: str | None
) -> None:
    assert _worry(message, lang) == said


@pytest.mark.parametrize(
    ("message", "lang", "said"),
    [
        ("gonna ask her tomorrow", "en", "You're going to ask her tomorrow."),
        ("ga morgen naar hem toe.", "nl", "Je gaat morgen naar hem toe."),
    ],
)
def test_a_step_said_without_i_is_said_back_as_theirs(message: str, lang: str, said: str) -> None:
    assert mirrors(message, lang, read(message, lang))[0].text == said


def test_a_short_yes_is_no_step() -> None:
    assert all("You will" not in c.text for c in mirrors("Will do.", "en", read("Will do.", "en")))


@pytest.mark.parametrize(
    ("sentence", "lang", "mirror"),
    [
        (
            "Gewoon zeggen dat die opmerking me niet lekker zat.",
            "nl",
            "Je wilt gewoon zeggen dat die opmerking je niet lekker zat.",
        ),
        (
            "Maybe I just tell her the labels weren't the whole story.",
            "en",
            "You're thinking of just telling her the labels weren't the whole story.",
        ),
        (
            "Just say I raised my voice and we start fresh.",
            "en",
            "You want to just say you raised your voice and you start fresh.",
        ),
    ],
)
def test_a_bare_step_is_said_back_as_what_they_want_not_as_an_instruction(
    sentence: str, lang: str, mirror: str
) -> None:
    from app.core.reflection_turn import _turn

    assert _turn(sentence, lang, sentence) == mirror


@pytest.mark.parametrize(("message", "lang"), [("misschien", "nl"), ("maybe.", "en")])
def test_a_bare_maybe_is_not_knowing_yet_not_an_echo(message: str, lang: str) -> None:
    from app.core.reading import read
    from app.core.reflection import mirrors

    assert read(message, lang).not_knowing
    assert mirrors(message, lang, read(message, lang))[0].source == "fixed:not_knowing"


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("misschien gewoon 'ja chef, maar ik ben ook geen kind'. of niks. we zien wel", "nl"),
        ("I asked him to meet on Thursday. We'll see.", "en"),
    ],
)
def test_a_shrug_is_not_said_back(message: str, lang: str) -> None:
    said = [m.text for m in mirrors(message, lang, read(message, lang))]
    assert said and not any(re.search(r"zien wel|we'll see|you'll see", s, re.I) for s in said)


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        (
            "hij denkt dat die eerste keer ook ik was 🙈 dat was het ook niet",
            ["hij denkt dat die eerste keer ook ik was.", "dat was het ook niet"],
        ),
        ("Je voelt je echt een stuk lichter 😊 houdoe", ["Je voelt je echt een stuk lichter."]),
        ("ik zat daar te knikken 🙈", ["ik zat daar te knikken 🙈"]),
    ],
)
def test_an_emoji_between_two_clauses_ends_the_first(message: str, parts: list[str]) -> None:
    assert statements(message)[: len(parts)] == parts
