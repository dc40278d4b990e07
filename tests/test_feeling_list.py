"""Feelings named as a list ("bit ashamed tbh", "boos en schaamte tegelijk") are said back as the
person's feeling, and only a message made of nothing else is; a long sentence of two events
joined by "and" gives its second event as a mirror."""

from __future__ import annotations

import pytest

from app.core.feeling_list import feelings_said
from app.core.reading import read
from app.core.reflection import mirrors


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        ("bit ashamed tbh.", "en", "You felt a bit ashamed."),
        ("but also still a bit cross with her?", "en", "You're also still a bit cross with her."),
        ("mostly embarrassed tbh", "en", "You felt mostly embarrassed."),
        ("relief mostly, and a bit of guilt", "en", "You felt mostly relief and a bit of guilt."),
        ("boos en schaamte tegelijk denk ik.", "nl", "Je voelde boosheid en schaamte tegelijk."),
        (
            "trots en ook een beetje beschaamd tegelijk?",
            "nl",
            "Je was trots en ook een beetje beschaamd tegelijk.",
        ),
        ("boos op mezelf vooral", "nl", "Je was vooral boos op jezelf."),
        ("gekwetst eigenlijk", "nl", "Je voelde je eigenlijk gekwetst."),
        ("nog steeds boos", "nl", "Je bent nog steeds boos."),
        ("Ongemakkelijk, dat zeker.", "nl", "Je voelde je ongemakkelijk."),
        ("Een beetje vuil ook, als ik eerlijk ben.", "nl", "Je voelde je een beetje vuil."),
        ("proper rotten?", "en", "You felt proper rotten."),
    ],
)
def test_a_list_of_feelings_is_said_back(text: str, lang: str, said: str) -> None:
    assert feelings_said(text, lang) == said


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I was angry", "en"),  # a sentence: turned the ordinary way
        ("het project is kapot", "nl"),
        ("boos op de planning", "nl"),  # at something it cannot turn: not said back
        ("angry with the rota and the whole place", "en"),
        ("maar", "nl"),
        ("tbh", "en"),
        ("boos en jaloers", "en"),  # words of the other language
    ],
)
def test_anything_else_is_not_a_list_of_feelings(text: str, lang: str) -> None:
    assert feelings_said(text, lang) is None


def test_a_hedged_feeling_with_a_question_mark_is_said_back_with_the_other() -> None:
    message = (
        "bit ashamed tbh. but also still a bit cross with her? like she didn't have to do it in "
        "front of the whole handover, the new girl was standing right there. so both I guess"
    )
    reading = read(message, "en")
    assert reading.askable == ["ashamed"] and reading.feeling_named
    best = mirrors(message, "en", reading)[0].text
    assert best == "You felt a bit ashamed, but you're still a bit cross with her."


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        (
            "we had a big handover this morning and my charge nurse Alison pulled me up about a "
            "missed obs chart in front of everyone",
            "en",
            "Your charge nurse Alison pulled you up about a missed obs chart in front of everyone.",
        ),
        (
            "vanochtend hadden we de weekstart met het hele team en mijn leidinggevende Karin "
            "begon ineens over mijn ziekteverzuim waar iedereen bij zat",
            "nl",
            "Je leidinggevende Karin begon ineens over je ziekteverzuim waar iedereen bij zat.",
        ),
    ],
)
def test_a_long_sentence_of_two_events_gives_the_second(
    message: str, lang: str, mirror: str
) -> None:
    assert mirrors(message, lang, read(message, lang))[0].text == mirror


def test_two_feelings_side_by_side_are_asked_about_together() -> None:
    from app.core.question_fit import fitting, template_questions

    message = "angry i guess. but also a bit embarrassed that i care this much?"
    reading = read(message, "en")
    assert reading.mixed
    said = mirrors(message, "en", reading)
    assert said[0].text == "You felt angry and a bit embarrassed that you care this much."
    asked = fitting(template_questions(reading, message, 2, "en"), said, "en")
    assert "What is it like to feel both at once?" in [q.text for q in asked]
    assert not read("boos en verdrietig en bang, allebei", "nl").mixed  # three feelings


@pytest.mark.parametrize(
    ("text", "lang", "said"),
    [
        (
            "een beetje boos omdat ik het niet wist",
            "nl",
            "Je was een beetje boos omdat je het niet wist.",
        ),
        (
            "but also a bit embarrassed that i care this much?",
            "en",
            "You also felt a bit embarrassed that you care this much.",
        ),
    ],
)
def test_a_feeling_keeps_its_reason(text: str, lang: str, said: str) -> None:
    assert feelings_said(text, lang) == said


def test_a_sentence_that_trails_off_is_not_said_back() -> None:
    from app.core.reflection_turn import _turn

    assert _turn("Part of me thinks I should just", "en", "") is None
    assert read("yeah pretty much", "en").ack and read("ja dat vooral", "nl").ack


@pytest.mark.parametrize(
    ("message", "said"),
    [
        # a second feeling offered as a guess, with a question mark, is said too
        (
            "Boosheid. En ook een soort schaamte? Dat ik me zo laat wegzetten.",
            "Je voelde boosheid en ook een soort schaamte.",
        ),
        # a feeling given as a clause after "dat" is said in a sentence of its own
        ("dat ik me niet serieus genomen voelde.", "Je voelde je niet serieus genomen."),
        (
            "ja boos ook wel. maar vooral dat ik me zo klein voelde. alsof ik weer 22 was",
            "Je was ook wel boos, maar je voelde je vooral zo klein.",
        ),
        # a wish after "dat" is not turned into a fact
        ("dat ik gezien word", "“Dat ik gezien word”, zeg je."),
    ],
)
def test_feelings_given_as_a_guess_or_a_clause_are_said_back(message: str, said: str) -> None:
    assert mirrors(message, "nl", read(message, "nl"))[0].text == said


def test_what_it_is_not_gives_way_to_what_it_is() -> None:
    # Flemish "da ik" is read as "dat ik", so the correction after the denial is found
    message = (
        "nee het is niet dat ik jaloers ben op Jens. Jens is een toffe gast. Het is meer da ik "
        "8 jaar lang alles heb gedaan wat ze vroegen."
    )
    said = mirrors(message, "nl", read(message, "nl"))
    assert said[0].text == "Het is meer dat je 8 jaar lang alles hebt gedaan wat ze vroegen."


def test_flemish_ge_said_to_the_coach_is_not_turned() -> None:
    message = "ja ok, ge gaat mij dat niet zomaar zeggen he :) ik denk dat ik vooral bang ben."
    said = [c.text for c in mirrors(message, "nl", read(message, "nl"))]
    assert said[0] == "Je bent vooral bang." and all("jou" not in s for s in said)


@pytest.mark.parametrize(
    ("message", "lang", "said"),
    [
        (
            "honestly? ashamed. but also a bit defensive if im being honest.",
            "en",
            "You felt ashamed and a bit defensive.",
        ),
        (
            "hmm. als ik eerlijk ben zeg ik eigenlijk nooit echt wat ik nodig heb.",
            "nl",
            "Je zegt eigenlijk nooit echt wat je nodig hebt.",
        ),
    ],
)
def test_the_persons_own_hedge_about_honesty_is_not_said_back(
    message: str, lang: str, said: str
) -> None:
    assert mirrors(message, lang, read(message, lang))[0].text == said


@pytest.mark.parametrize(
    ("message", "lang", "first", "not_first"),
    [
        (
            "Ik weet niet goed wat ik voel. Ongemakkelijk, dat zeker. Een beetje vuil ook, als ik "
            "eerlijk ben. En tegelijk denk ik: stel u niet aan, het gaat over vier uur.",
            "nl",
            "ongemakkelijk",
            "weet niet",
        ),
        ("idk how i feel tbh. proper rotten?", "en", "rotten", "how you feel"),
    ],
)
def test_not_knowing_what_one_feels_gives_way_to_the_feelings_that_follow(
    message: str, lang: str, first: str, not_first: str
) -> None:
    said = mirrors(message, lang, read(message, lang))[0].text.lower()
    assert first in said and not_first not in said
