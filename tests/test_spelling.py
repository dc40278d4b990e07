"""Plain typos are put right before a mirror says the person's words back; names, jargon,
chat words and compounds the dictionary lacks stay as they were written."""

from __future__ import annotations

import pytest

from app.core.reading import read
from app.core.reflection import mirrors
from app.core.spelling import typos_fixed


@pytest.mark.parametrize(
    ("text", "lang", "written"),
    [
        ("ik weet eignlijk niet", "nl", "ik weet eigenlijk niet"),
        ("na de vergadring was ik telurgesteld", "nl", "na de vergadering was ik teleurgesteld"),
        ("mischien een beejte", "nl", "misschien een beetje"),
        ("I was anoyed becuase of it", "en", "I was annoyed because of it"),
        ("thier managment", "en", "their management"),
        (
            "framing it teh wrong way round, jsut like that",
            "en",
            "framing it the wrong way round, just like that",
        ),
        ("ik weet dta niet", "nl", "ik weet dat niet"),
    ],
)
def test_a_plain_typo_is_put_right(text: str, lang: str, written: str) -> None:
    assert typos_fixed(text, lang) == written


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("de wijkverpleegkundige van het ocmw had goesting", "nl"),
        ("gwn ff mn medicatieronde doen op de personeelswc", "nl"),
        ("Margriet zei het tegen Daan", "nl"),
        ("the steerco postmortem after onboarding tbh", "en"),
        ("ngl the locum and the commis were wierd", "en"),
        # British spellings are no typos
        ("a favour, the colour, i realise, my behaviour, the centre, in defence", "en"),
    ],
)
def test_names_jargon_and_chat_words_stay(text: str, lang: str) -> None:
    assert typos_fixed(text, lang) == text


def test_a_mirror_does_not_repeat_a_typo() -> None:
    message = "Ik was eignlijk heel telurgesteld na dat gesprek met mijn teamleider."
    said = [c.text for c in mirrors(message, "nl", read(message, "nl"))]
    assert said and all("eignlijk" not in s and "telurgesteld" not in s for s in said)
    assert any("teleurgesteld" in s for s in said)


def test_the_time_of_day_after_s_is_no_slip() -> None:
    assert typos_fixed("'s avonds lag ik wakker en 's morgens was ik moe", "nl") == (
        "'s avonds lag ik wakker en 's morgens was ik moe"
    )


def test_a_sentence_joined_after_a_comma_keeps_s_avonds_in_lower_case() -> None:
    message = "Ik heb niets teruggezegd. Maar 's avonds heb ik niet goed geslapen."
    texts = [c.text for c in mirrors(message, "nl", read(message, "nl", ["…"]))]
    assert "Je hebt niets teruggezegd, maar 's avonds heb je niet goed geslapen." in texts


def test_flemish_articles_and_maar_are_written_out_but_not_place_names() -> None:
    from app.core.text import nl_spelled_out

    assert (
        nl_spelled_out("mo kijk, ik ben ook gene politie") == "maar kijk, ik ben ook geen politie"
    )
    assert nl_spelled_out("nog den technieken spelen") == "nog de technieken spelen"
    assert nl_spelled_out("we zaten in Den Haag") == "we zaten in Den Haag"


@pytest.mark.parametrize(
    ("said", "written"),
    [
        (
            "De koffieautomaat is ok al een week kapot.",
            "De koffieautomaat is ook al een week kapot.",
        ),
        ("En ok boosheid maar ik weet nie", "En ook boosheid maar ik weet niet"),
        ("Ok, ik probeer het.", "Ok, ik probeer het."),
        ("Dat is ok voor mij.", "Dat is ok voor mij."),
        ("omdat ze niks tegen mij heb gezegd", "omdat ze niks tegen mij heeft gezegd"),
        ("Als ze dat vraagt heb ik geen antwoord.", "Als ze dat vraagt heb ik geen antwoord."),
        ("omdat hij zei dat ik het heb gedaan", "omdat hij zei dat ik het heb gedaan"),
    ],
)
def test_regional_ok_and_heb_are_written_out(said: str, written: str) -> None:
    from app.core.text import nl_spelled_out

    assert nl_spelled_out(said) == written


def test_a_lower_case_name_after_met_is_no_typo() -> None:
    from app.core.spelling import typos_fixed

    assert typos_fixed("ik praat eerst met esmee, het was eigelijk raar", "nl") == (
        "ik praat eerst met esmee, het was eigenlijk raar"
    )
