"""Tests for app.language: short replies, defaults on no evidence, ordinary sentences."""

from __future__ import annotations

import pytest

from app.core.language import LANGS, detect_language, language_scores


def test_langs_constant() -> None:
    assert LANGS == ("nl", "en")


@pytest.mark.parametrize(
    "text",
    [
        "ja",
        "Ja.",
        "nee",
        "Ik weet het niet",
        "ik weet het niet...",
        "Weet niet",
        "Geen idee",
        "Misschien",
        "Klopt",
        "Dank je",
        "Moeilijk",
        "Vrijheid",
        "Gedoe met collega.",
        "Ze negeert me.",
        "Ik heb een meeting met het team over de deadline.",
        "Mijn leidinggevende zei in mijn functioneringsgesprek dat ze meer initiatief verwacht.",
        "Je voelt je klem tussen de ouders en je team. Wat maakt het zo lastig?",
        "Hoe is 't gegaan met z'n planning?",
    ],
)
def test_dutch(text: str) -> None:
    # default="en" so a pass proves Dutch was recognised, not merely defaulted to.
    assert detect_language(text, default="en") == "nl"


@pytest.mark.parametrize(
    "text",
    [
        "yes",
        "Yes!",
        "no",
        "I don't know",
        "I don’t know",  # typographic apostrophe
        "i dont know",
        "No idea",
        "Maybe",
        "Thanks!",
        "Right",
        "Difficult",
        "Whatever",
        "I want to die",
        "Our release on Tuesday failed badly.",
        "You feel stuck between the parents and your team. What makes it so hard?",
        "He merges without reviews and everyone is waiting for me to do something.",
    ],
)
def test_english(text: str) -> None:
    assert detect_language(text, default="nl") == "en"


@pytest.mark.parametrize(
    "text",
    ["", "   ", "ok", "OK", "Oké", "Help", "help!", "123", "42 / 7", "?!", "🙂", "Sorry", "Top"],
)
def test_undecided_returns_default(text: str) -> None:
    assert detect_language(text) == "nl"
    assert detect_language(text, default="en") == "en"


def test_tie_returns_default() -> None:
    # Equal, non-zero evidence on both sides: a tie, not a guess.
    scores = language_scores("ja / yes")
    assert scores["nl"] == scores["en"] > 0
    assert detect_language("ja / yes") == "nl"
    assert detect_language("ja / yes", default="en") == "en"


def test_function_words_outweigh_english_loanwords() -> None:
    text = "Ik had een call over de sprint review en de feedback was niet fair."
    assert detect_language(text, default="en") == "nl"


def test_dutch_letter_patterns_alone_are_enough_for_one_word() -> None:
    # No stop word at all: only "ij" and "-heid"/"-lijk" carry the guess.
    assert detect_language("Eerlijkheid", default="en") == "nl"
    assert detect_language("Verschrikkelijk", default="en") == "nl"


def test_scores_explain_the_guess() -> None:
    scores = language_scores("Ik weet het niet")
    assert scores["nl"] > 0
    assert scores["en"] == 0
