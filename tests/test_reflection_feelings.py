"""Feelings as people type them, said back; short confirmations; questions about what the
mirror says (an assumption, a wish for someone else) only with the mirror that says it."""

from __future__ import annotations

import pytest

from app.core.question_fit import pair_fits, template_questions
from app.core.reading import read
from app.core.reflection import Candidate, mirrors
from app.core.reflection_turn import _names_feeling, _turn


def first_mirror(message: str, lang: str) -> str:
    return mirrors(message, lang, read(message, lang))[0].text


@pytest.mark.parametrize(
    ("sentence", "lang", "turned"),
    [
        ("Mostly I felt stupid.", "en", "Mostly you felt stupid."),
        ("eerlijk gezegd schrok ik vooral.", "nl", "Je schrok vooral."),
        ("Eerlijk gezegd was ik woest.", "nl", "Je was woest."),
        ("Schrik vooral.", "nl", "Je voelde vooral schrik."),
        ("woest.", "nl", "Je was woest."),
        ("Echt zo'n steek in mijne buik.", "nl", "Zo'n steek in je buik."),
        ("Ik vind het de mijne.", "nl", "Je vindt het de jouwe."),
        (
            "nou ja mn klanten... ze zijn natuurlijk van niemand, dat weet ik ook wel",
            "nl",
            "Ze zijn natuurlijk van niemand, dat weet je ook wel.",
        ),
        (
            "I was angry, that sounds petty but I had worked for it for weeks.",
            "en",
            "You were angry, you had worked for it for weeks.",
        ),
        ("Part of me is a bit defensive if I'm honest.", "en", "Part of you is a bit defensive."),
    ],
)
def test_feelings_and_sentences_as_people_type_them_are_turned(
    sentence: str, lang: str, turned: str
) -> None:
    assert _turn(sentence, lang, sentence) == turned


def test_an_addition_without_its_own_subject_still_waits_for_its_sentence() -> None:
    assert _turn("Meer dan ik had verwacht.", "nl", "Meer dan ik had verwacht.") is None
    assert _turn("Mostly at myself.", "en", "Mostly at myself.") is None


def test_two_feelings_in_a_row_are_said_back_together() -> None:
    message = (
        "eerlijk? woest. en tegelijk ook zo verdrietig, dat klinkt misschien overdreven maar ik "
        "heb haar alles geleerd, ze kwam hier als stagiaire van 17 die nog geen föhn vast kon "
        "houden haha. en dan dit. achter mn rug om."
    )
    assert first_mirror(message, "nl") == "Je was woest en tegelijk ook zo verdrietig."


def test_a_feeling_named_to_say_it_is_not_there_is_no_feeling() -> None:
    assert not _names_feeling("Je hebt geen spijt dat je hem eraf gehaald hebt.", "nl")
    assert _names_feeling("Je hebt spijt dat je hem eraf gehaald hebt.", "nl")
    message = (
        "Op het moment zelf? Schrik vooral. Echt zo'n steek in mijne buik. Ik heb geen spijt "
        "dat ik hem eraf gehaald heb, laat dat duidelijk zijn"
    )
    assert first_mirror(message, "nl") == "Je voelde vooral schrik."


def test_where_a_feeling_started_gives_way_to_where_it_went() -> None:
    message = (
        "eerlijk gezegd was ik eerst vooral boos. op die dochter dan. en toen Veenstra dat zei "
        "zakte het me echt in de schoenen. dat voelt heel dubbel"
    )
    assert first_mirror(message, "nl") != "Je was eerst vooral boos."


@pytest.mark.parametrize(
    ("message", "lang", "ack"),
    [
        ("hmm ja. klopt wel denk ik", "nl", True),
        ("hmm. ja, da's het wel eigenlijk", "nl", True),
        ("Yeah, exactly.", "en", True),
        ("Ja, ik ga hem bellen.", "nl", False),
        ("yes I will call him", "en", False),
        ("Ja, maar ik wil niet weg.", "nl", False),
        ("ja klopt. dat raakt me wel eigenlijk", "nl", False),
    ],
)
def test_a_short_confirmation_is_told_from_a_statement(message: str, lang: str, ack: bool) -> None:
    assert read(message, lang).ack is ack


def test_a_feeling_word_that_also_describes_things_counts_only_as_the_persons() -> None:
    assert "stom" not in read("Het was een stom idee van de planning.", "nl").feelings
    assert "stom" in read("Ik voelde me zo stom.", "nl").feelings
    assert "stupid" in read("Honestly I felt stupid.", "en").feelings


def _asked(message: str, lang: str, source: str) -> Candidate:
    found = [q for q in template_questions(read(message, lang), message, 2, lang)]
    return next(q for q in found if q.source == source)


def test_a_wish_for_someone_else_is_asked_about_only_with_its_own_mirror() -> None:
    message = "What I really wanted was for Steve to say something. Anything. He's the lead."
    question = _asked(message, "en", "template:en-wish-other")
    assert question.text == "What would that have meant to you?"
    wish = Candidate("What you really wanted was for Steve to say something.", "said:0", 1.0)
    other = Candidate("He's the lead.", "said:2", 1.0)
    assert pair_fits(wish, question)
    assert not pair_fits(other, question)


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("I wanted him to understand so I could move on.", "en"),
        ("Ik wilde dat hij het snapte, zodat ik door kon.", "nl"),
    ],
)
def test_what_a_wish_would_have_meant_is_not_asked_when_it_is_said(message: str, lang: str) -> None:
    found = [q.source for q in template_questions(read(message, lang), message, 2, lang)]
    assert not any(source.endswith(("en-wish-other", "nl-wens-ander")) for source in found)


def test_an_assumption_is_asked_about_only_when_no_reason_is_given() -> None:
    assert read("ik dacht dat ze het wel wist.", "nl").assumed
    assert read("Ik dacht: dit gaat mis.", "nl").assumed
    assert not read("I thought he was joking because he always does.", "en").assumed
    assert not read("I thought about it for a while.", "en").assumed
    message = "Ik dacht dat ze het wel wist. Dus ik heb niks gezegd."
    question = _asked(message, "nl", "template:nl-aanname")
    said = Candidate("Je dacht dat ze het wel wist.", "said:0", 1.0)
    other = Candidate("Je hebt niks gezegd.", "said:1", 1.0)
    assert pair_fits(said, question)
    assert not pair_fits(other, question)


def test_a_question_about_an_act_goes_only_with_the_mirror_of_that_act() -> None:
    message = "Ik zeg altijd meteen ja als iemand iets vraagt. Ik baal daar wel van."
    found = template_questions(read(message, "nl"), message, 3, "nl")
    question = next(q for q in found if q.source.startswith("template:nl-eigen-doen-"))
    act = Candidate("Je zegt altijd meteen ja als iemand iets vraagt.", "said:0", 1.0)
    feeling = Candidate("Je baalt daar wel van.", "said:1", 1.0)
    assert pair_fits(act, question)
    assert not pair_fits(feeling, question)


def test_every_template_that_asks_what_the_mirror_says_names_a_known_check() -> None:
    from app.core.question_fit import _SAYS, templates

    asking = [t for t in templates() if t.mirror_says]
    assert {t.mirror_says for t in asking} <= set(_SAYS)
    assert all(t.with_mirror for t in asking)


def test_every_template_question_passes_the_reply_checks() -> None:
    """A question the checks always refuse is never asked: each one passes after a mirror."""
    from app.core.question_fit import templates
    from app.core.style import check_turn

    for t in templates():
        nl = t.lang == "nl"
        text = t.text.format(
            feeling="boos" if nl else "angry",
            person="je collega" if nl else "your colleague",
            idiom="door het lint",
            evaluation="lastig" if nl else "awkward",
            said_by="Petra",
            said_verb="zei" if nl else "said",
            own_feeling="die boosheid" if nl else "that anger",
        )
        mirror = "Je was boos." if nl else "You were angry."
        assert not check_turn(f"{mirror} {text}", t.lang).problems, t.id


def test_the_feeling_marked_as_the_main_one_is_the_one_asked_about() -> None:
    assert read("schaamte denk ik. en kwaad. ma vooral schaamte", "nl").askable == []
    assert read("Mostly embarrassed. And angry.", "en").askable == ["embarrassed", "angry"]
    assert read("Ik was kwaad, echt woest.", "nl").askable == ["kwaad"]


def test_what_a_feeling_is_about_said_with_it_is_a_reason_given() -> None:
    message = "Gutted. And a bit ashamed if I'm honest, about stomping off like that"
    assert read(message, "en").explained
    assert not read("Gutted. And a bit ashamed.", "en").explained
