"""The reflectieverslag reads what a sentence says: the insight by its words, a worry as a worry,
a plan with the day first as a plan; talk about the talk and going to bed stay out."""

from __future__ import annotations

import pytest

from app.adapters.sessions import Turn
from app.core import report


def turn(user: str, phase: int, lang: str = "nl") -> Turn:
    return Turn(user=user, reply="…", phase=phase, lang=lang, kind="reflect")


def section(text: str, heading: str) -> list[str]:
    """The items under a heading: its bullets, or the paragraphs of the story told first."""
    part = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in part.splitlines() if line.strip()]
    empty = ("Nog niet", "Not discussed", "Nog geen", "No intention")
    return [
        line[2:] if line.startswith("- ") else line for line in lines if not line.startswith(empty)
    ]


STORY = "Vorige week woensdag heeft mijn leidinggevende mijn rooster omgegooid zonder overleg."


@pytest.mark.parametrize(
    "opening, lang",
    [
        ("Nou, waar moet ik beginnen.", "nl"),
        ("Ik weet niet goed hoe dit hier werkt, mijn collega zei probeer het eens.", "nl"),
        ("Not quite sure how this works, so I'll just start.", "en"),
        ("Not sure this is a good use of this app but here goes.", "en"),
    ],
)
def test_an_opening_about_the_talk_is_no_part_of_the_situation(opening: str, lang: str) -> None:
    text = report.build([turn(f"{opening} {STORY}", 1, lang)], lang)
    heading = "The situation" if lang == "en" else "De situatie"
    assert section(text, heading) == [STORY]


@pytest.mark.parametrize(
    "closing",
    [
        "Dank je. Ik ga nu echt slapen, morgen vroeg weer op.",
        "Bedankt hoor, ik ga mijn laptop dichtklappen.",
        "Thanks, that helped. I'd better go, early start tomorrow.",
    ],
)
def test_going_to_bed_in_the_closing_message_is_no_voornemen(closing: str) -> None:
    turns = [turn(STORY, 1), turn("Ik voelde me overgeslagen.", 2)]
    text = report.build(turns, "nl", closing=closing)
    assert section(text, "Mijn voornemen") == []


def test_a_worry_about_the_plan_is_noticed_not_intended() -> None:
    turns = [
        turn(STORY, 1),
        turn("Ik ga vrijdag naar haar toe en vraag om uitleg.", 5),
        turn("Wel een beetje bang dat ze me dan een zeur vindt.", 5),
    ]
    text = report.build(turns, "nl")
    assert section(text, "Mijn voornemen") == ["Ik ga vrijdag naar haar toe en vraag om uitleg."]
    assert "Wel een beetje bang dat ze me dan een zeur vindt." in section(
        text, "Wat ik bij mezelf opmerkte"
    )


def test_what_it_is_really_about_is_the_insight_and_a_remark_about_others_is_not() -> None:
    turns = [
        turn(STORY, 1),
        turn("Ik was vooral teleurgesteld.", 2),
        turn(
            "Zulke planners heb je altijd. Het gaat erom dat ik me niet gehoord voel.",
            3,
        ),
    ]
    # The message stays whole: what it is really about makes it an insight.
    insight = section(report.build(turns, "nl"), "Patroon of inzicht")
    assert insight == ["Zulke planners heb je altijd. Het gaat erom dat ik me niet gehoord voel."]


def test_a_few_words_without_a_subject_go_on_with_the_sentence_before() -> None:
    turns = [
        turn(STORY, 1),
        turn("Ik zie dat ik dat vaak doe. Glimlachen en slikken. Nooit iets terugzeggen.", 3),
    ]
    assert section(report.build(turns, "nl"), "Patroon of inzicht") == [
        "Ik zie dat ik dat vaak doe. Glimlachen en slikken. Nooit iets terugzeggen."
    ]


def test_a_numbered_list_on_one_line_stays_one_intention() -> None:
    turns = [
        turn(STORY, 1),
        turn("Wat ik wil zeggen: 1. dat ik het rooster te laat kreeg. 2. dat ik wil meedenken.", 5),
    ]
    assert section(report.build(turns, "nl"), "Mijn voornemen") == [
        "Wat ik wil zeggen: 1) dat ik het rooster te laat kreeg; 2) dat ik wil meedenken."
    ]


def test_a_plan_with_the_day_first_is_a_plan_whatever_the_phase() -> None:
    turns = [
        turn(STORY, 1),
        turn("Donderdag na de lunch, als het stil is, vraag ik haar om tien minuten.", 2),
    ]
    assert section(report.build(turns, "nl"), "Mijn voornemen") == [
        "Donderdag na de lunch, als het stil is, vraag ik haar om tien minuten."
    ]


def test_a_feeling_found_after_a_pause_is_kept_and_a_lead_in_dropped() -> None:
    turns = [
        turn(STORY, 1),
        turn("Wat ik voelde... buitengesloten vooral. Ik heb het volgende bedacht.", 2),
    ]
    text = report.build(turns, "nl")
    assert "Buitengesloten vooral." in section(text, "Wat ik bij mezelf opmerkte")
    assert "volgende bedacht" not in text


def test_die_as_the_subject_stays_with_the_one_named_before() -> None:
    story = (
        "Gisteren had ik een gesprek met mijn manager Tessa. Die vond dat ik te fel reageerde in "
        "het overleg."
    )
    assert section(report.build([turn(story, 1)], "nl"), "De situatie") == [
        "Gisteren had ik een gesprek met mijn manager Tessa. Die vond dat ik te fel reageerde in "
        "het overleg."
    ]


def test_the_words_meant_to_be_said_are_the_plan_and_a_life_event_ahead_is_not() -> None:
    turns = [
        turn(STORY, 1),
        turn("Over drie jaar ga ik met pensioen en dan is het allemaal van de jongeren.", 4),
        turn(
            "Woensdag heb ik met haar altijd de overdracht, dan vraag ik of ze even blijft. "
            "Ik wil zeggen: 'Dat was niet netjes van mij.'",
            5,
        ),
    ]
    text = report.build(turns, "nl")
    plans = section(text, "Mijn voornemen")
    assert len(plans) == 1 and plans[0].startswith("Woensdag heb ik met haar altijd")
    assert "pensioen" in " ".join(section(text, "Patroon of inzicht"))


def test_a_short_statement_stays_with_its_message_and_a_greeting_or_a_yes_does_not() -> None:
    turns = [
        turn("Hoi. " + STORY, 1),
        turn("Alleen. Dat is het woord denk ik. Alleen met vijf man op een boot.", 2),
        turn("Goeie vraag. Wat er eigenlijk zat. Ik twijfelde zelf.", 3),
    ]
    text = report.build(turns, "nl")
    assert section(text, "De situatie") == [STORY]
    assert section(text, "Wat ik bij mezelf opmerkte")[0].startswith("Alleen. Dat is het woord")
    assert "Ik twijfelde zelf." in " ".join(section(text, "Patroon of inzicht"))
    assert "Goeie vraag" not in text


def test_the_others_side_thought_through_is_an_insight_and_a_feeling_first_is_noticed() -> None:
    turns = [
        turn(STORY, 1),
        turn(
            "Hij zal gedacht hebben dat ik hem liet vallen. En eerlijk, dat heb ik ook gedaan.", 3
        ),
        turn("Beschaamd. En ik ben altijd degene die zegt dat je moet checken.", 3),
    ]
    text = report.build(turns, "nl")
    assert section(text, "Patroon of inzicht")[0].startswith("Hij zal gedacht hebben")
    assert section(text, "Wat ik bij mezelf opmerkte")[0].startswith("Beschaamd.")


def test_a_step_decided_with_first_or_a_call_is_the_plan_and_a_habit_or_defiance_is_not() -> None:
    turns = [
        turn(STORY, 1),
        turn(
            "Ik doe dat wel vaker. Als iemand boos op me is ga ik meteen uitleggen hoe het zit.", 4
        ),
        turn("Ik ga mij toch niet laten afblaffen door een nieuwe planner.", 4),
        turn("Ik denk dat ik eerst met Dennis praat. En dan maandag naar Adrie.", 5),
    ]
    text = report.build(turns, "nl")
    assert section(text, "Mijn voornemen") == [
        "Ik denk dat ik eerst met Dennis praat. En dan maandag naar Adrie."
    ]
    assert "Als iemand boos op me is" in " ".join(section(text, "Patroon of inzicht"))


def test_chat_shorthand_is_written_out_in_the_report_but_not_the_dialect() -> None:
    turns = [
        turn(STORY, 1),
        turn("Ik was zo bezig met gelijk hebben dat ik die vrouw gwn nie zag.", 3),
    ]
    text = report.build(turns, "nl")
    assert "die vrouw gewoon nie zag" in text
