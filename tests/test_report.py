"""The reflectieverslag: the person's own whole sentences, sorted by what they say."""

from __future__ import annotations

from app.adapters.sessions import Turn
from app.core import report


def turn(user: str, phase: int, kind: str = "reflect", crisis: bool = False) -> Turn:
    return Turn(user=user, reply="…", phase=phase, lang="nl", kind=kind, crisis=crisis)


def section(text: str, heading: str) -> list[str]:
    """The items under a heading: its bullets, or the paragraphs of the story told first."""
    part = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in part.splitlines() if line.strip()]
    empty = ("Nog niet", "Not discussed", "Nog geen", "No intention")
    return [
        line[2:] if line.startswith("- ") else line for line in lines if not line.startswith(empty)
    ]


def test_a_plan_in_the_stop_message_is_the_voornemen() -> None:
    turns = [
        turn("Gisteren had ik een lastig gesprek met een ouder over het rapport.", 1),
        turn("Ik voelde me klein en zei bijna niets terug.", 2),
    ]
    text = report.build(
        turns, "nl", closing="Ik ga morgen eerst de mentor bellen. Nou, ik stop ermee, dank je."
    )
    assert section(text, "Mijn voornemen") == ["Ik ga morgen eerst de mentor bellen."]
    assert "stop ermee" not in text and "Nog geen voornemen" not in text


def test_the_goodbye_in_the_closing_message_stays_out_of_the_report() -> None:
    turns = [
        turn("Gisteren had ik een lastig gesprek met een ouder over het rapport.", 1),
        turn("Ik voelde me klein en zei bijna niets terug.", 2),
    ]
    text = report.build(turns, "nl", closing="dit hielp, dank je. ik ga nu koken, ben kapot")
    assert "koken" not in text and "dank je" not in text.lower()
    english = report.build(
        turns, "en", closing="cheers for this, didnt think I'd say this much. right, off to bed"
    )
    assert "Cheers" not in english and "off to bed" not in english


def test_a_plan_said_early_is_still_a_plan_and_an_insight_an_insight() -> None:
    turns = [
        turn("Gisteren werd ik in het overleg door mijn teamleider afgekapt.", 1),
        turn("Ik merk dat ik altijd stil word als iemand boos wordt.", 2),
        turn("Volgende keer ga ik eerst benoemen wat ik hoor.", 3),
    ]
    text = report.build(turns, "nl")
    assert section(text, "Patroon of inzicht") == [
        "Ik merk dat ik altijd stil word als iemand boos wordt."
    ]
    assert section(text, "Mijn voornemen") == ["Volgende keer ga ik eerst benoemen wat ik hoor."]


def test_fragments_questions_crisis_and_other_turns_stay_out() -> None:
    turns = [
        turn("Het rooster werd zonder overleg omgegooid door de planner.", 1),
        turn("Of dat wil ik eigenlijk zijn.", 2),
        turn("Waarom ik niks zei, weet ik niet...", 2),
        turn("Wat zou jij doen in mijn plaats?", 2),
        turn("Ik wil er niet meer zijn, echt niet meer.", 2, crisis=True),
        turn("Speel jij maar even mijn leidinggevende na.", 2, kind="boundary"),
    ]
    text = report.build(turns, "nl")
    assert section(text, "De situatie") == [
        "Het rooster werd zonder overleg omgegooid door de planner."
    ]
    assert section(text, "Wat ik bij mezelf opmerkte") == []
    assert "niet meer zijn" not in text and "leidinggevende" not in text


def test_english_report_has_an_english_title() -> None:
    text = report.build([], "en", title="Reflectie 2026-11-28 10:00")
    assert text.startswith("# Reflection report: Reflection 2026-11-28 10:00")
    assert "No intention formulated yet; that can still come later." in text
    assert "?" not in text.split("## My intention", 1)[1]


def test_talk_about_the_talk_stays_out_and_a_follow_up_stays_with_its_sentence() -> None:
    turns = [
        turn("Gisteren had ik een lastig gesprek met een ouder over het rapport.", 1),
        turn("ik werd stil toen hij ging schreeuwen. haha ja dat is typisch ik", 2),
        turn("Ik denk dat ik het lastig vind als iemand boos wordt. Dan ga ik het zelf sussen.", 3),
        turn("Dat is een goed punt eigenlijk wel. Weet ik niet precies wat ik dan wil.", 4),
    ]
    text = report.build(turns, "nl", closing="Moet nu naar mijn werk haha, bedankt.")
    # the laugh goes, what is said beside it stays: "haha ja dat is typisch ik"
    noticed = section(text, "Wat ik bij mezelf opmerkte")
    assert noticed == ["Ik werd stil toen hij ging schreeuwen. Dat is typisch ik."]
    insight = section(text, "Patroon of inzicht")
    assert (
        "Ik denk dat ik het lastig vind als iemand boos wordt. Dan ga ik het zelf sussen."
        in insight
    )
    for chatter in ("haha", "goed punt", "Weet ik niet", "naar mijn werk"):
        assert chatter not in text


def test_late_in_the_conversation_only_a_step_of_ones_own_is_the_voornemen() -> None:
    turns = [
        turn("Gisteren zei mijn teamleider in het overleg dat mijn planning niet klopte.", 1),
        turn("Ik klapte dicht en zei niets meer.", 2),
        turn("Mijn partner noemt me een snelkookpan. Ik zou haar kunnen vragen om een gesprek.", 4),
        turn("Zeggen dat ik het vervelend vond. Ik doe dat altijd, alles inslikken.", 5),
    ]
    text = report.build(turns, "nl")
    # With no plan said as one, the steps named late are the voornemen, each with what led up
    # to it in its message; a pattern named after a step is no part of it.
    assert section(text, "Mijn voornemen") == [
        "Mijn partner noemt me een snelkookpan. Ik zou haar kunnen vragen om een gesprek.",
        "Zeggen dat ik het vervelend vond.",
    ]
    assert section(text, "Patroon of inzicht") == ["Ik doe dat altijd, alles inslikken."]


def test_what_was_felt_goes_before_plain_context_and_a_pointing_back_sentence_stays_joined() -> (
    None
):
    turns = [
        turn("Gisteren had ik een lastig gesprek met een ouder over het rapport.", 1),
        turn(
            "Hij praatte heel hard. De deur stond open. Iedereen op de gang hoorde het. "
            "Ik voelde me klein. Dat is niet nieuw voor mij.",
            2,
        ),
    ]
    text = report.build(turns, "nl")
    noticed = section(text, "Wat ik bij mezelf opmerkte")
    # A message is kept whole: the feeling keeps what it was about, and nothing of it is
    # repeated under the situation.
    assert noticed == [
        "Hij praatte heel hard. De deur stond open. Iedereen op de gang hoorde het. "
        "Ik voelde me klein. Dat is niet nieuw voor mij."
    ]
    assert "praatte" not in " ".join(section(text, "De situatie"))


def test_a_but_sentence_stays_with_the_one_it_turns() -> None:
    turns = [
        turn("Gisteren had ik een lastig gesprek met een ouder over het rapport.", 1),
        turn(
            "Ik vind het belangrijk om betrouwbaar te zijn. "
            "Maar misschien heb ik dat gelijkgesteld aan foutloos zijn.",
            3,
        ),
    ]
    insight = section(report.build(turns, "nl"), "Patroon of inzicht")
    assert insight == [
        "Ik vind het belangrijk om betrouwbaar te zijn. Maar misschien heb ik dat gelijkgesteld "
        "aan foutloos zijn."
    ]


def test_fragments_that_lean_are_joined_or_left_out_and_an_english_i_is_a_capital() -> None:
    turns = [
        turn("Gisteren had ik een lastig gesprek met een ouder over het rapport.", 1),
        turn("Alsof het niks was voor hem. Weet ik eigenlijk niet.", 2),
        turn("Ja, een beetje schuldig ook wel. Alsof ik het had moeten voorkomen.", 2),
    ]
    noticed = section(report.build(turns, "nl"), "Wat ik bij mezelf opmerkte")
    assert noticed == ["Een beetje schuldig ook wel. Alsof ik het had moeten voorkomen."]
    english = [
        Turn(
            user="i think if i ask too much she'll think i'm slow.",
            reply="…",
            phase=2,
            lang="en",
            kind="reflect",
            crisis=False,
        )
    ]
    assert "I think if I ask too much she'll think I'm slow." in report.build(english, "en")


def test_not_knowing_alone_stays_out_but_not_knowing_what_someone_meant_stays() -> None:
    turns = [
        turn("Gisteren had ik een lastig gesprek met een ouder over het rapport.", 1),
        turn("Weet ik eigenlijk niet.", 2),
        turn("Weet ik eigenlijk niet wat ze daarmee bedoelt.", 2),
    ]
    noticed = section(report.build(turns, "nl"), "Wat ik bij mezelf opmerkte")
    assert noticed == ["Weet ik eigenlijk niet wat ze daarmee bedoelt."]


def test_a_feeling_named_alone_is_kept_with_what_follows_it() -> None:
    turns = [
        turn("Gisteren werd mijn voorstel in het overleg zonder uitleg afgeschoten.", 1),
        turn("Teleurgesteld, vooral. En ook wat boos op de voorzitter.", 2),
    ]
    text = report.build(turns, "nl")
    assert section(text, "Wat ik bij mezelf opmerkte") == [
        "Teleurgesteld, vooral. En ook wat boos op de voorzitter."
    ]


def test_a_pattern_told_late_keeps_the_sentence_that_says_what_it_is() -> None:
    turns = [
        turn("Het ging over de planning van de kerstdiensten.", 1),
        turn(
            "Ik heb gemerkt dat ik dit vaak doe. Ik slik alles in en dan pieker ik er weken "
            "over. Mijn zus zegt dat ook.",
            4,
        ),
    ]
    insight = section(report.build(turns, "nl"), "Patroon of inzicht")
    assert insight == [
        "Ik heb gemerkt dat ik dit vaak doe. Ik slik alles in en dan pieker ik er weken over. "
        "Mijn zus zegt dat ook."
    ]
    assert "Mijn zus zegt dat ook." not in insight


def test_the_event_and_what_the_person_did_are_in_the_situation() -> None:
    story = (
        "Ik werk als doktersassistent in een drukke praktijk in Zwolle. "
        "We hebben sinds januari een nieuw belsysteem. "
        "Het team is klein en iedereen doet alles. "
        "Vorige dinsdag schreeuwde een patiënt aan de balie dat wij niks deugden. "
        "De wachtkamer zat vol. "
        "Er staan altijd mensen in de rij bij de balie. "
        "Ik heb toen alleen maar geknikt en zijn recept uitgeprint."
    )
    # The story told first is the situation whole: the event, what the person did, and the
    # context that makes them readable, in the order told.
    situation = section(report.build([turn(story, 1)], "nl"), "De situatie")
    assert situation == [story]


def test_chat_spellings_are_written_out_and_items_end_with_a_full_stop() -> None:
    turns = [
        Turn(
            user="i didnt say anything in the meeting and thats what bugs me",
            reply="…",
            phase=1,
            lang="en",
        )
    ]
    situation = section(report.build(turns, "en"), "The situation")
    assert situation == ["I didn't say anything in the meeting and that's what bugs me."]


def test_a_quoted_answer_is_no_plan_and_a_plan_inside_dat_is_one() -> None:
    turns = [
        turn("Het ging over het rooster van de zomer.", 1),
        turn("Ik zei in het overleg alleen 'oké, ik ga erop letten'.", 2),
        turn("Ik denk dat ik het met mijn teamleider, Saskia, ga bespreken.", 3),
    ]
    text = report.build(turns, "nl")
    assert section(text, "Wat ik bij mezelf opmerkte") == [
        "Ik zei in het overleg alleen 'oké, ik ga erop letten'."
    ]
    assert section(text, "Mijn voornemen") == [
        "Ik denk dat ik het met mijn teamleider, Saskia, ga bespreken."
    ]


def test_a_sentence_that_says_like_that_stays_with_what_it_points_at() -> None:
    turns = [
        turn("It was about the handover on the ward.", 1),
        turn("I'd like to be calm but clear with families. My old mentor was like that.", 2),
    ]
    noticed = section(report.build(turns, "en"), "What I noticed about myself")
    assert noticed == ["I'd like to be calm but clear with families. My old mentor was like that."]


def test_a_feeling_named_alone_late_is_still_what_the_person_noticed() -> None:
    turns = [
        turn("Het ging over de overdracht op de afdeling.", 1),
        turn("Schaamte. En ook wat ergernis dat ik me zo schaam.", 3),
    ]
    text = report.build(turns, "nl")
    assert section(text, "Wat ik bij mezelf opmerkte") == [
        "Schaamte. En ook wat ergernis dat ik me zo schaam."
    ]
    assert section(text, "Patroon of inzicht") == []


def test_a_quote_with_zon_inside_is_still_a_quote_and_no_plan() -> None:
    story = "Ik belde de arts en die zei alleen 'dat is normaal na zo'n ingreep, kijk morgen maar'."
    text = report.build([turn(story, 1)], "nl")
    assert section(text, "De situatie") == [story]
    assert section(text, "Mijn voornemen") == []


def test_the_topic_announced_and_thinking_put_off_are_not_in_the_report() -> None:
    turns = [
        turn(
            "Ik wil het hebben over de teamdag. Mijn collega nam mijn presentatie over "
            "zonder iets te vragen.",
            1,
        ),
        turn("Ik voelde me opzij gezet. Ik moet er nog even over nadenken.", 2),
    ]
    text = report.build(turns, "nl")
    assert "hebben over" not in text and "nadenken" not in text
    assert section(text, "De situatie") == [
        "Mijn collega nam mijn presentatie over zonder iets te vragen."
    ]


def test_a_short_feeling_keeps_what_it_is_about() -> None:
    turns = [
        turn("Vorige week kreeg ik in het overleg de schuld van een fout van de planner.", 1),
        turn("Ik schaamde me. Voor mezelf, maar ook voor het team.", 2),
    ]
    text = report.build(turns, "nl")
    assert section(text, "Wat ik bij mezelf opmerkte") == [
        "Ik schaamde me. Voor mezelf, maar ook voor het team."
    ]


def test_a_habit_is_an_insight_and_a_plan_about_a_habit_a_plan() -> None:
    turns = [
        turn("Gisteren belde ik de huisarts over een cliënt die achteruitging.", 1),
        turn(
            "Bij collega's ben ik duidelijk, maar zodra een arts opneemt ga ik heel voorzichtig "
            "praten.",
            3,
        ),
        turn("Ik ga voorstellen dat we altijd eerst de feiten op een rij zetten.", 4),
    ]
    text = report.build(turns, "nl")
    assert section(text, "Patroon of inzicht") == [
        "Bij collega's ben ik duidelijk, maar zodra een arts opneemt ga ik heel voorzichtig praten."
    ]
    assert section(text, "Mijn voornemen") == [
        "Ik ga voorstellen dat we altijd eerst de feiten op een rij zetten."
    ]


def test_not_knowing_where_to_start_is_no_part_of_the_situation() -> None:
    turns = [
        turn(
            "Oke ik weet niet goed waar te beginnen maar ik heb een bakkerij. "
            "Gisteren zei mijn beste medewerker dat ze weggaat.",
            1,
        )
    ]
    text = report.build(turns, "nl")
    assert "beginnen" not in text
    assert section(text, "De situatie") == ["Gisteren zei mijn beste medewerker dat ze weggaat."]


def test_what_they_told_someone_then_is_no_voornemen() -> None:
    from app.core.report import _bucket

    assert _bucket("Ik heb gezegd check de volgende keer gewoon in en ben doorgelopen.", 4) != (
        "intent"
    )
    assert _bucket("I said next time just ask me first.", 4) != "intent"
    assert _bucket("Volgende keer zeg ik het meteen.", 4) == "intent"


def test_answers_to_the_coach_and_what_it_is_not_stay_out() -> None:
    turns = [
        turn("Mijn collega Jonas heeft de muur die ik had gemetseld opnieuw gezet.", 1),
        turn("Nee, 't is niet dat ik mij schaam voor die muur zelf.", 2),
        turn("Ja, ik wist da ge dat ging zeggen. Ik wil het hem zelf vertellen.", 3),
        turn("Ja, ik weet het. Het is meer dat ik bang ben dat ik het niet meer kan.", 3),
    ]
    text = report.build(turns, "nl")
    assert "schaam" not in text and "da ge" not in text and "Ja, ik weet het" not in text
    assert "Het is meer dat ik bang ben dat ik het niet meer kan." in text
    assert "Ik wil het hem zelf vertellen." in text


def test_a_quote_with_you_in_it_is_no_answer_to_the_coach() -> None:
    said = "I think I should have started with 'you're right, I'm going up there now' first."
    text = report.build(
        [turn("A guest shouted at me at reception last night.", 1), turn(said, 3)], "en"
    )
    assert "you're right, I'm going up there now" in text


def test_a_question_to_the_coach_without_its_mark_and_starting_to_tell_stay_out() -> None:
    turns = [
        turn("Oké ik ga het proberen. Mijn teamleider gaf mijn gezin aan een collega.", 1),
        turn(
            "is het raar dat ik het hem niet gevraagd heb? vind jij dat ik dat had moeten doen", 3
        ),
        turn("Nee dat klopt niet helemaal. Ik ben bang voor zijn antwoord.", 3),
    ]
    text = report.build(turns, "nl")
    assert "proberen" not in text and "Vind jij" not in text and "klopt niet" not in text
    assert "Ik ben bang voor zijn antwoord." in text


def test_an_errand_in_the_goodbye_is_no_voornemen() -> None:
    turns = [
        turn("Gisteren had ik een lastig gesprek met een ouder over het rapport.", 1),
        turn("Ik voelde me klein en zei bijna niets terug.", 2),
    ]
    for closing in (
        "Dank u wel, dit heeft me geholpen. Ik ga de hond nog even uitlaten. Goedenavond.",
        "merci he. ik ga nu mijn dochter van de zwemles halen. salut",
    ):
        text = report.build(turns, "nl", closing=closing)
        assert section(text, "Mijn voornemen") == [], text


def test_the_only_step_named_late_is_the_voornemen_not_an_insight() -> None:
    turns = [
        turn("Gisteren zette een moeder een foto in de groep van de klasouders.", 1),
        turn("Ik trek het mij aan, ook al heb ik niks verkeerd gedaan.", 2),
        turn("Ik denk dat ik niks in de groep zet en haar maandag aanspreek.", 5),
    ]
    text = report.build(turns, "nl")
    assert section(text, "Mijn voornemen") == [
        "Ik denk dat ik niks in de groep zet en haar maandag aanspreek."
    ]
    assert "niks in de groep" not in "\n".join(section(text, "Patroon of inzicht"))


def test_an_answers_tail_and_a_sentence_broken_off_stay_out() -> None:
    turns = [
        turn("Gisteren zette een moeder een foto in de groep van de klasouders.", 1),
        turn("Nee, eigenlijk meer moe. Het publieke vooral denk ik.", 2),
        turn("Ik voel me... hoe zeg je. Ik heb die nacht niet geslapen.", 2),
    ]
    text = report.build(turns, "nl")
    assert "meer moe" not in text and "publieke" not in text and "hoe zeg je" not in text
    assert "Ik heb die nacht niet geslapen." in text


def test_words_about_the_message_itself_stay_out_of_the_situation() -> None:
    turns = [
        turn(
            "Amai ik weet nie goed waar beginnen. Ik moet dit even kwijt. Gisteren zei de moeder "
            "van Noor in de groep dat er niet op de kinderen gelet wordt. Amai, lang bericht, "
            "sorry.",
            1,
        ),
    ]
    situation = section(report.build(turns, "nl"), "De situatie")
    assert situation == [
        "Gisteren zei de moeder van Noor in de groep dat er niet op de kinderen gelet wordt."
    ]
    english = report.build(
        [turn("so this is prob going to be long sorry. My manager moved my shift again.", 1)],
        "en",
    )
    assert "long sorry" not in english and "moved my shift" in english


def test_a_quoted_question_tells_the_event_and_stays_in_the_situation() -> None:
    story = (
        "Ik ben HR-adviseur bij een zorgorganisatie. "
        "Dinsdag zei een verzorgende midden in mijn uitleg: 'Wat vind jij er zelf eigenlijk van?' "
        "Ik heb keurig geantwoord dat het besluit zorgvuldig is genomen."
    )
    situation = section(report.build([turn(story, 1)], "nl"), "De situatie")
    assert any("'Wat vind jij er zelf eigenlijk van?'" in s for s in situation)
    asked = report.build([turn(story, 1), turn("Wat vind jij dat ik had moeten zeggen?", 2)], "nl")
    assert "moeten zeggen" not in asked  # a question to the coach stays out


def test_how_the_story_left_the_person_is_what_they_noticed() -> None:
    story = (
        "Ik werk bij de klantenservice van een webshop. "
        "Vandaag zei mijn teamleider in de stand-up dat Jesse onze topper is. "
        "Ik heb niks gezegd en gewoon meegeklapt. "
        "Nu zit ik thuis en ben ik er echt chagrijnig van."
    )
    text = report.build([turn(story, 1)], "nl")
    assert "Nu zit ik thuis en ben ik er echt chagrijnig van." in section(
        text, "Wat ik bij mezelf opmerkte"
    )
    assert section(text, "De situatie")[0].endswith("Ik heb niks gezegd en gewoon meegeklapt.")


def test_a_step_after_and_is_a_voornemen_of_its_own_and_a_wish_is_none() -> None:
    turns = [
        turn("Gisteren klaagde de vrouw van een patiënt bij mijn diensthoofd over mij.", 1),
        turn("Ik voelde me klein gemaakt en ook een beetje schuldig.", 2),
        turn("Ik wil gewoon dat gezien wordt wat ik doe. Dat is iets anders dan ik eerst zei.", 4),
        turn(
            "Ik denk dat ik haar dinsdag ga vragen of ze een keer wil meekijken. Niet om mij te "
            "verdedigen. En ik ga de oefeningen meer naar zijn wereld trekken, met cijfers.",
            5,
        ),
    ]
    text = report.build(turns, "nl")
    plans = section(text, "Mijn voornemen")
    assert any("Ik ga de oefeningen meer naar zijn wereld trekken" in p for p in plans)
    assert not any("gezien wordt" in p for p in plans)
    assert any("gezien wordt" in s for s in section(text, "Patroon of inzicht"))


def test_chat_spellings_of_a_plan_in_english_are_written_out() -> None:
    turns = [
        Turn(
            user="Last week my crewmate mocked me in front of the team leader.",
            reply="…",
            phase=1,
            lang="en",
        ),
        Turn(
            user="mostly embarrassed tbh. and then annoyed that im embarrassed",
            reply="…",
            phase=2,
            lang="en",
        ),
        Turn(
            user="i think ill catch him before the shift on saturday and say i shouldve come "
            "to him first",
            reply="…",
            phase=5,
            lang="en",
        ),
    ]
    text = report.build(turns, "en")
    assert any(
        p.startswith("I think I'll catch him") and "should've" in p
        for p in section(text, "My intention")
    )
    assert any("embarrassed" in s for s in section(text, "What I noticed about myself"))


def test_errands_told_things_and_others_words_are_no_voornemen() -> None:
    story = (
        "Gisteren had ik iets dat me nog altijd bezighoudt. Ik ben thuisverpleegkundige. "
        "De dochter van een patiënte begon direct te klagen dat ik te laat was. Ik heb me "
        "tien keer verontschuldigd en ik heb ook nog gezegd dat ik morgen zeker vroeger kom."
    )
    turns = [
        turn(story, 1),
        turn("Daarna zegt mijn leidinggevende dat ik de volgende keer meteen moet melden.", 2),
        turn("Gewoon zeggen: ik wil dat je eerst bij mij komt. Dat ga ik morgen doen.", 5),
    ]
    text = report.build(turns, "nl", closing="Merci. Ik moet nu nog naar de apotheek. Daag")
    plans = section(text, "Mijn voornemen")
    assert any(p.startswith("Gewoon zeggen: ik wil dat je eerst bij mij komt.") for p in plans)
    assert not any("verontschuldigd" in p or "leidinggevende" in p for p in plans)
    assert not any("apotheek" in p for p in plans)
    assert "bezighoudt" not in text


def test_a_false_alarm_the_person_cleared_comes_back_into_the_report() -> None:
    from app.core import crisis_replies

    story = "Ik ben hoefsmid. Dinsdag liep een merrie kreupel en de eigenaar gaf mij de schuld."
    asked = Turn(
        user=story,
        reply=f"Wat je net schrijft, neem ik serieus. {crisis_replies.ASK['nl']['suicide']}",
        phase=1,
        lang="nl",
        kind="crisis",
        crisis=True,
    )
    relieved = Turn(
        user="Nee hoor, helemaal niet.",
        reply=crisis_replies.RELIEVED["nl"],
        phase=1,
        lang="nl",
        kind="care",
    )
    later = turn("Ik was vooral kwaad, en daaronder schaamte.", 2)
    text = report.build([asked, relieved, later], "nl")
    assert story in "\n".join(section(text, "De situatie"))
    # a hand-off instead: the message stays out
    handed = Turn(
        user=story,
        reply=crisis_replies.handoff("nl", "suicide"),
        phase=1,
        lang="nl",
        kind="crisis",
        crisis=True,
    )
    assert "hoefsmid" not in report.build([asked, handed, later], "nl")
    # words the rules name stay out, even after a no
    wish = Turn(
        user="Ik wil er niet meer zijn, echt niet meer.",
        reply=asked.reply,
        phase=1,
        lang="nl",
        kind="crisis",
        crisis=True,
    )
    assert "niet meer zijn" not in report.build([wish, relieved, later], "nl")


def test_a_few_words_that_lean_on_the_coachs_question_stay_out() -> None:
    from app.core.report_sentences import _dropped

    for said in ("That one lands.", "I've thought about that.", "I think both."):
        assert _dropped(said), said
    for said in ("Ik twijfelde zelf.", "Niet hij.", "Dat was het moment dat ik het zag."):
        assert not _dropped(said), said


def test_an_agreement_or_a_thought_deferred_is_no_line_of_the_report() -> None:
    turns = [
        turn("Vorige week moest ik vertalen bij een waarschuwing voor een jonge collega.", 1),
        turn("Ik voelde mij in het midden, tussen twee kanten.", 2),
        turn("Joa, dat klopt wel denk ik.", 2),
        turn("Zo was het.", 2),
        turn("Weet ik ni. Echt ni.", 3),
        turn("Daar moet ik over denken.", 3),
    ]
    text = report.build(turns, "nl")
    for fragment in ("klopt wel", "Zo was het", "Echt ni", "over denken"):
        assert fragment not in text, fragment
    assert section(text, "Wat ik bij mezelf opmerkte") == [
        "Ik voelde mij in het midden, tussen twee kanten."
    ]


def test_the_other_persons_side_is_not_what_the_person_noticed_in_themselves() -> None:
    turns = [
        turn("Vorige week moest ik vertalen bij een waarschuwing voor een jonge collega.", 1),
        turn("Ik voelde mij in het midden, tussen twee kanten.", 2),
        turn("Harm is een goede man. Ik denk hij wilde dat het eerlijk is voor Yonas.", 2),
        turn("Ik denk dat hij vooral gekwetst is. We doen al jaren zaken.", 2),
    ]
    text = report.build(turns, "nl")
    mine = section(text, "Wat ik bij mezelf opmerkte")
    assert mine == ["Ik voelde mij in het midden, tussen twee kanten."]
    seen = section(text, "Patroon of inzicht")
    assert any(line.startswith("Harm is een goede man") for line in seen)
    assert any(line.startswith("Ik denk dat hij vooral gekwetst is") for line in seen)


def test_a_plan_from_now_on_is_the_voornemen_even_beside_someones_habit() -> None:
    plan = (
        "Maandag ben ik vroeg in de keet, Stefan is er altijd om kwart voor zeven. Dan zeg ik hem "
        "gewoon dat het mijn fout was. En vanaf nu graaf ik eerst met de schop."
    )
    turns = [
        turn("Ik heb een kabel geraakt met de kraan omdat ik geen proefsleuf groef.", 1),
        turn("Ik schaamde me kapot.", 2),
        turn(plan, 5),
    ]
    text = report.build(turns, "nl")
    assert section(text, "Mijn voornemen") == [plan]
    assert section(text, "Patroon of inzicht") == []


def test_a_numbered_plan_with_a_laugh_in_it_is_the_voornemen() -> None:
    turns = [
        turn("Vorige week heb ik een mevrouw laten slagen die eigenlijk geen voorrang gaf.", 1),
        turn("Ik heb met Ruud meegelachen en dat vind ik eigenlijk het ergste.", 3),
        turn(
            "oke dus plan: 1. de casus inbrengen bij intervisie op de 14e. 2. bij twijfel "
            "voortaan na de rit ff 2 minuten voor mezelf nemen voor ik de uitslag zeg. 3. die "
            "bloemen gooi ik gewoon weg als ze dood zijn haha",
            5,
        ),
    ]
    intent = section(report.build(turns, "nl"), "Mijn voornemen")
    assert intent and "de casus inbrengen bij intervisie op de 14e" in intent[0]
    assert "haha" not in intent[0]
