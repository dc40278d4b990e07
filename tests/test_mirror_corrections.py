"""What the person corrects, repeats or says in passing: the mirror follows the correction, says
one feeling once, and the questions ask about the people of the story."""

from __future__ import annotations

import pytest

from app.core import intents
from app.core.language_guard import language_ok, order_errors
from app.core.question_fit import fits
from app.core.reading import read
from app.core.reflection import mirrors


def texts(message: str, lang: str = "nl") -> list[str]:
    return [c.text for c in mirrors(message, lang, read(message, lang))]


@pytest.mark.parametrize(
    ("message", "mirror", "corrected"),
    [
        (
            "Nee nee, kwaad was ik nie. Da denkt iedereen maar da's het nie. 't Was meer "
            "gekwetst. Alsof ze mij bedrogen had.",
            "Je was meer gekwetst.",
            "Kwaad was je niet.",
        ),
        (
            "Nee, boos op Sem ben ik niet. Hij is jong, hij weet niet wat hij moet doen. Ik ben "
            "meer teleurgesteld van kantoor. Zij kent mij al drie jaar.",
            "Je bent meer teleurgesteld van kantoor.",
            "Boos op Sem ben je niet.",
        ),
        (
            "Nee, kwaad op die ploegleider was ik eigenlijk nie. Ge zou denken van wel. Ik "
            "schaamde me eerder in zijn plaats, zo plaatsvervangend.",
            "Je schaamde je eerder in zijn plaats, zo plaatsvervangend.",
            "Kwaad op die ploegleider was je eigenlijk niet.",
        ),
        (
            "Boos denk ik. Nee. Meer dat ik me dom voel. 31 jaar en dan krijg je zo'n zinnetje.",
            "Het is meer dat je je dom voelt.",
            "Je was boos.",
        ),
        (
            "No, I wasn't angry with her. She is a reasonable woman. I was more hurt, to be "
            "honest. I thought we were friends.",
            "You were more hurt.",
            "You weren't angry with her.",
        ),
    ],
)
def test_the_mirror_follows_the_correction_not_what_it_corrects(
    message: str, mirror: str, corrected: str
) -> None:
    lang = "en" if message.startswith("No,") else "nl"
    found = texts(message, lang)
    assert found[0].startswith(mirror), found
    assert corrected not in found


def test_without_a_correction_every_sentence_may_be_said_back() -> None:
    found = texts("Ik was niet voorbereid. Ik ben meer dan tien jaar teamleider. Hij keek weg.")
    assert "Je was niet voorbereid." in found


def test_one_feeling_said_twice_is_said_back_once() -> None:
    found = texts("Shame. Mostly shame. And fear too, I won't lie.", "en")
    assert not any(t.count("shame") > 1 and "you felt mostly" in t for t in found), found
    assert not any("won't lie" in t for t in found), found


@pytest.mark.parametrize(
    ("message", "mirror"),
    [
        ("Ik voelde klein. De klant praatte alleen met mijn leerling.", "Je voelde je klein."),
        ("Ik voel heel dom als hij dat zegt. Hij weet niet beter.", "Je voelt je heel dom"),
    ],
)
def test_a_feeling_without_its_reflexive_gets_it(message: str, mirror: str) -> None:
    assert any(t.startswith(mirror) for t in texts(message)), texts(message)


def test_a_lead_in_that_points_back_is_left_out() -> None:
    message = (
        "On Saturday I will see her in her shop. Before all that, tomorrow morning before the "
        "others come, I will talk to Tolu alone."
    )
    assert "Tomorrow morning before the others come, you will talk to Tolu alone." in texts(
        message, "en"
    )


@pytest.mark.parametrize(
    ("message", "asks"),
    [
        ("Moet ik het hem nog zeggen? Zeg gewoon wat gij zoudt doen, ik geraak er nie uit.", True),
        ("Ik ben benieuwd wat jij zou doen.", True),
        ("Ik weet wel wat jij zou doen haha, jij zou gewoon bellen.", False),
    ],
)
def test_what_the_coach_would_do_asked_in_a_subordinate_clause(message: str, asks: bool) -> None:
    assert intents.asks_advice(message) is asks


@pytest.mark.parametrize(
    ("message", "closes"),
    [
        (
            "Thank you, I feel lighter already and I haven't even done anything yet lol. I think "
            "I have what I need. Let me go and check pen 3 before I sleep.",
            True,
        ),
        ("Ik denk dat ik genoeg heb zo. Het lucht op om het zo op een rijtje te zetten.", True),
        ("Ik heb genoeg van die man. Hij doet altijd zo.", False),
        ("I think I have what I need, but can I ask one more thing?", False),
        ("Merci, echt. Ik denk da ik genoeg heb om mee verder te gaan. Nu eerst een pintje.", True),
        ("ok thanks ah. at least i know what i want to say already. going to sleep now.", True),
        ("Bedankt hèè. Ik weet nou wat ik ga zeggen, ik ga nog even partituren nakijken.", True),
        ("I think I have enough of this job, honestly. She never listens.", False),
    ],
)
def test_a_late_message_that_says_it_has_enough_closes(message: str, closes: bool) -> None:
    assert intents.thanks_late(message) is closes


def test_a_role_said_once_in_passing_is_not_the_other_of_the_story() -> None:
    story = ["Ik ben monteur. De klant vroeg alles aan Sem, mijn leerling."]
    passing = read(
        "Misschien was hij nerveus. Mijn buurman zegt ook soms twee keer wat zeg je.", "nl", story
    )
    assert passing.persons == []
    back = read("Sem zei niks. Ik denk dat Sem het ook lastig vond.", "nl", story)
    assert back.persons == ["Sem"]
    opening = read("Mijn buurman zegt altijd dat ik te hard werk.", "nl", [])
    assert opening.persons == ["je buurman"]


@pytest.mark.parametrize(
    ("message", "lang", "ack"),
    [
        ("Yes. That is it exactly.", "en", True),
        ("ja. da klopt wel denk ik", "nl", True),
        ("joa dat klopt wel denk ik", "nl", True),
        ("ja, ik denk het", "nl", False),
        ("yes I think he was wrong", "en", False),
    ],
)
def test_a_short_yes_with_a_hedge_is_an_agreement(message: str, lang: str, ack: bool) -> None:
    assert read(message, lang, ["earlier"]).ack is ack


def test_this_plan_is_only_asked_about_when_the_message_holds_it() -> None:
    question = "Hoe haalbaar is dit voornemen voor jou, op een schaal van één tot tien?"
    insight = (
        "Ik besef nu dat ik die leugen vooral verteld heb om niet toe te geven dat ik moe was."
    )
    story = "Ik ga het proberen uit te leggen. " + insight
    assert not fits(question, read(insight, "nl", ["earlier"]), story)
    plan = "Maandag ga ik naar Luc en zeg ik het hem."
    assert fits(question, read(plan, "nl", ["earlier"]), plan)


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        (
            "wat ik mij nu besef terwijl ik dit typ is da ik die leugen vooral verteld heb om ni "
            "te moeten toegeven da ik moe was. ik werk al maanden van zes tot acht.",
            "nl",
            "Je beseft nu dat je die leugen vooral verteld hebt om niet te moeten toegeven dat "
            "je moe was.",
        ),
        (
            "What I realise now is that I never asked her. She was new.",
            "en",
            "You realise now that you never asked her.",
        ),
    ],
)
def test_what_the_person_realises_is_said_with_its_own_verb(
    message: str, lang: str, mirror: str
) -> None:
    assert texts(message, lang)[0] == mirror


@pytest.mark.parametrize(
    ("text", "lang", "wrong"),
    [
        ("Toch je kunt hem niet uitzetten.", "nl", True),
        ("Zij lachen, je lacht ook, maar thuis je lacht niet.", "nl", True),
        ("Je wilt hem helpen en nu het kan niet.", "nl", True),
        ("Nu je het zegt, het klopt wel.", "nl", False),
        ("Toen je lachte, keek ze weg.", "nl", False),
        ("Daarna ging je naar huis.", "nl", False),
        ("Je zegt: “thuis ik lach niet”.", "nl", False),
        ("At the time you thought she exaggerate.", "en", True),
        ("She call you at 7am, very upset.", "en", True),
        ("Is more like you cannot stand it.", "en", True),
        ("Letting it go isn't working. What would it take?", "en", False),
        ("She calls you. Did she call you back? What is it like to see it that way?", "en", False),
    ],
)
def test_learner_grammar_is_not_said_back_as_the_coachs_own(
    text: str, lang: str, wrong: bool
) -> None:
    assert bool(order_errors(text, lang)) is wrong
    assert language_ok(text, lang, allowed=text) is not wrong


def test_chat_particles_are_left_out_of_the_mirror() -> None:
    found = texts("Then after that with my wife I feel stupid lor. She was right.", "en")
    assert "Then after that with your wife you feel stupid." in found, found


def test_a_correction_too_long_to_say_back_still_keeps_out_what_it_corrects() -> None:
    message = (
        "Nee, bang was ik nie, da is het nie. Ik ben nie bang van Ellen, ik heb da kind nog zien "
        "rondlopen. Het is meer da ik op da moment dacht: het is toch al beslist, de powerpoint is "
        "al gemaakt, de cijfers staan er al op, wat ga ik daar nog tussenkomen. Alsof mijn mening "
        "er nie meer toe doet."
    )
    found = texts(message)
    assert not any("bang" in t for t in found), found
    assert texts(
        "Nee kwaad op haar was ik niet. Het voelde meer alsof wat ik vertel er niet toe doet."
    )[0].startswith("Het voelde meer alsof")


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        ("Hoe ik me voelde... klein eigenlijk. Ich ben 63.", "nl", "Je voelde je klein eigenlijk."),
        ("How I felt... small, really. Like a kid again.", "en", "You felt small, really."),
        (
            "Ik heb er toen niet zo over nagedacht, dat is misschien juist het probleem hèè.",
            "nl",
            "Je hebt er toen niet zo over nagedacht, dat is misschien juist het probleem.",
        ),
    ],
)
def test_a_repeated_question_and_a_tag_are_not_said_back(
    message: str, lang: str, mirror: str
) -> None:
    assert mirror in texts(message, lang)


def test_a_hedged_feeling_keeps_its_hedge() -> None:
    assert texts("Maar onder dat kwade zit nog wat anders. Schaamte misschien.")[0] == (
        "Schaamte, misschien."
    )
    assert "Ashamed, maybe." in texts("Ashamed maybe. She saw it.", "en")


@pytest.mark.parametrize(
    "reply",
    ["28 jaar en je dacht je ken dat wel.", "Je man zegt je ben te braaf voor een Hongaar."],
)
def test_inner_speech_turned_halfway_is_caught(reply: str) -> None:
    assert not language_ok(reply, "nl", allowed=reply)


def test_what_was_worst_told_in_the_past_is_what_touches() -> None:
    message = "Ger en Mieke stonden erbij. Dat vond ik misschien nog het ergste, dat zij het zagen."
    assert read(message, "nl", ["earlier"]).touched


def test_a_currency_sign_stays_with_its_amount() -> None:
    found = texts("I think for her the $3 was never about money. She kept the old sign.", "en")
    assert "You think for her the $3 was never about money." in found, found


def test_an_insight_announced_is_not_the_mirror_of_the_insight_itself() -> None:
    message = (
        "ik denk da ik het nu wel zie eigenlijk. het was nie de klant die mij deed vertrekken, "
        "het was da ik moest laten zien da ik nie de gast ben die alles slikt."
    )
    assert not texts(message)[0].startswith("Je denkt dat je het nu wel ziet")
    assert read("ya. that's about right.", "en", ["earlier"]).ack


def test_the_first_step_of_a_plan_is_its_mirror() -> None:
    message = (
        "Ik ga haar vragen of we een kwartiertje kunnen zitten, niet bij die automaat maar in het "
        "kantoortje. Dan zeg ik eerst dat die uitloop niet goed was van mij. Donderdag is ze er "
        "en heb ik zelf ook dienst, dan doe ik het."
    )
    assert texts(message)[0].startswith("Je gaat haar vragen of jullie een kwartiertje")
    english = (
        "ok. tonight after closing i say sorry to my wife properly. tomorrow i wait until after "
        "lunch, then i tell him nicely. and the sign i change to a proper one, big, no sorry."
    )
    assert texts(english, "en")[0].startswith("Tonight after closing you say sorry to your wife")


def test_one_feeling_in_two_sentences_is_not_paired_with_itself() -> None:
    found = texts("Ashamed. I'm mostly ashamed. She looked at me like I was a child.", "en")
    assert not any(t.count("ashamed") > 1 for t in found), found


@pytest.mark.parametrize(
    ("message", "kept", "gone"),
    [
        (
            "Ik zie die boeren een beetje als van mij. Dat klinkt stom als ik het zo opschrijf. "
            "Maar ik denk dat het wel klopt.",
            "Je denkt dat het wel klopt.",
            "opschrijft",
        ),
        (
            "Ik denk da'k het antwoord eigenlijk al wist toen ik het vroeg. Ik wil terug.",
            "Je denkt dat je het antwoord eigenlijk al wist toen je het vroeg.",
            "da'k",
        ),
        (
            "Ik weet niet of ik iets fout heb gedaan of. Ze keek de hele vergadering weg.",
            "vergadering weg",
            "gedaan of",
        ),
    ],
)
def test_an_excuse_a_flemish_contraction_and_a_broken_off_or(
    message: str, kept: str, gone: str
) -> None:
    found = texts(message)
    assert any(kept in t for t in found), found
    assert not any(gone in t or t.startswith((",", ".")) for t in found), found


def test_it_helped_and_off_to_sleep_closes_late() -> None:
    message = (
        "Nou. mooi zo. Had niet gedacht dat typen in zo'n app wat zou doen maar het heeft wel "
        "geholpen. Ik ga slapen, moet om half 4 er weer uit."
    )
    assert intents.thanks_late(message)


def test_a_participle_after_a_role_is_no_name() -> None:
    found = texts("Thuis heb ik tegen mijn vrouw gesnauwd over de vaatwasser.")
    assert found[0] == "Thuis heb je tegen je vrouw gesnauwd over de vaatwasser."
    assert "collega Gerard" in texts("Ik heb het besproken met mijn collega gerard.")[0]


@pytest.mark.parametrize(
    ("message", "lang", "feeling"),
    [
        (
            "schaamte denk ik. ja. dat iedereen het zag, ook de andere bewoners",
            "nl",
            "die schaamte",
        ),
        (
            "Rot. En schuldig, want ik lig 's nachts wakker van die vinkjes.",
            "nl",
            "dat schuldgevoel",
        ),
        ("Schaamte. En nog steeds boosheid. Die lopen bij mij door elkaar.", "nl", "die schaamte"),
        ("ja. schaamte vooral. en boos op mezelf want ik ben altijd aardig.", "nl", "die schaamte"),
        ("Het is meer dat ik mij schaam. Ook voor mijn ploeg.", "nl", "die schaamte"),
        ("Guilty mostly. The shirt thing is what gets me.", "en", "that guilt"),
        # someone else's feeling, a feeling denied, a feeling taken back: none
        ("luc... ik denk da hij vooral geschrokken is en boos.", "nl", ""),
        ("Ze is bang voor dat paard. Ze heeft er jaren voor gespaard.", "nl", ""),
        ("He said it sadly, like he was disappointed rather than cross.", "en", ""),
        ("Boos denk ik. Nee. Meer dat ik me dom voel.", "nl", ""),
        ("Nee, boos ben ik niet. Hij bedoelt het goed.", "nl", ""),
    ],
)
def test_the_feeling_asked_about_is_the_persons_own(message: str, lang: str, feeling: str) -> None:
    from app.core.feeling_noun import own_feeling

    assert own_feeling(message, lang) == feeling


def test_what_the_feeling_says_is_asked_once_its_reason_is_given() -> None:
    from app.core.compose import rank_questions

    message = "Het is meer dat ik mij schaam. Ook voor mijn ploeg, want zij wisten het."
    r = read(message, "nl", ["x"])
    asked = [c.text for c in rank_questions([], r, message, message, 2, "nl", [])]
    assert asked[0] == "Wat zegt die schaamte over wat jij belangrijk vindt?"
    again = "Ik voel me vooral boos, want hij zei het waar iedereen bij was."
    later = rank_questions([], read(again, "nl", ["x"]), again, again, 2, "nl", asked[:1])
    assert not any("belangrijk vindt" in c.text for c in later)
    bare = "Boos."  # no reason given: what made them so is asked first
    assert rank_questions([], read(bare, "nl", ["x"]), bare, bare, 2, "nl", [])[0].text == (
        "Wat maakte je zo boos?"
    )


def test_what_hurts_most_is_said_back_as_the_point() -> None:
    message = "Ik heb geglimlacht, zoals altijd. Wat mij het meeste pijn doet is de taal."
    assert "Wat jou het meeste pijn doet is de taal." in texts(message)
    assert "Wat hij het meest deed was klagen." not in texts("Wat hij het meest deed was klagen.")


def test_a_correction_taken_back_gives_way_to_the_next_sentence() -> None:
    message = (
        "nee, schuldig is niet het woord. ik heb niemand ziek gemaakt. het is meer... beschaamd? "
        "nee ook niet. ik voel mij een beetje een hypocriet. ik heb vorig jaar nog een bakker "
        "gesloten voor minder dan dat."
    )
    found = texts(message)
    assert found[0] == "Je voelt je een beetje een hypocriet.", found
    assert not any("beschaamd" in m for m in found)
    from app.core.feeling_noun import own_feeling

    assert own_feeling(message, "nl") == ""
    flemish = (
        "Gekwetst, ja, misschien, maar dat is niet het woord dat ik zou kiezen. Het is eerder... "
        "jaloers? Nee, dat ook niet. Ik denk dat ik schrik heb dat ik overbodig ben."
    )
    assert texts(flemish)[0] == "Je hebt schrik dat je overbodig bent."


def test_learner_order_after_an_opening_phrase_is_put_right() -> None:
    from app.core.language_guard import order_errors, v2_repaired

    assert order_errors("In de pauze je bent naar de auto gegaan.", "nl")
    assert not order_errors("Na de vergadering je collega zag het.", "nl")
    assert v2_repaired("In het kantoor ik heb geglimlacht.") == "In het kantoor heb ik geglimlacht."
    assert v2_repaired("Toen ik binnenkwam was het stil.") == "Toen ik binnenkwam was het stil."
    found = texts("In het kantoor ik heb geglimlacht, zoals altijd. Ik zei niks.")
    assert "In het kantoor heb je geglimlacht, zoals altijd." in found


def test_a_full_answer_is_not_taken_for_a_pause() -> None:
    message = (
        "That I know it was his. That his palate is better than mine was at his age. That I said "
        "no twice because I was scared of taking a risk."
    )
    found = texts(message, "en")
    assert not any("taking a moment" in m for m in found), found
    assert found[0] == "“That I know it was his”, you say."


def test_an_agreement_alone_is_not_the_quote() -> None:
    message = (
        "Wat zij dacht? Tja. Zij plant de groepen strak, om het half uur, en als er een uitloopt "
        "dan loopt de hele middag uit. Dat is ook waar."
    )
    assert not any("Dat is ook waar" in m for m in texts(message))


def test_short_answers_are_turned_and_fillers_left_out() -> None:
    assert texts("op mezelf denk ik. ja. vooral op mezelf")[0] == "Op jezelf, ja, vooral op jezelf."
    found = texts("Ik slaap er eerlijk gezegd niet zo lekker van. Ik lig wakker.")
    assert not any("eerlijk gezegd" in m for m in found), found
    assert read("Dat zit.", "nl", ["x"]).ack and read("That is it actually.", "en", ["x"]).ack


def test_a_clause_broken_off_is_not_said_back() -> None:
    message = "ik vind eerder dat ik... ja ik weet het nie. het is haar zaak."
    assert not any("je weet het niet" in m.lower() and "vindt" in m for m in texts(message))


@pytest.mark.parametrize(
    ("sentence", "turned"),
    [
        ("Ik maak mij zorgen.", "je maakt je zorgen."),
        ("Ik wil mij graag wijsmaken dat ik hem beschermd heb.", "je wilt je graag wijsmaken"),
        ("Ik ging weg om mij niet ongemakkelijk te voelen.", "om je niet ongemakkelijk"),
        ("Hij belde mij op.", "Hij belde jou op."),
        ("Ik vind het voor mij belangrijk.", "voor jou belangrijk"),
    ],
)
def test_mij_of_the_person_themself_is_je(sentence: str, turned: str) -> None:
    from app.core.perspective import nl_second_person

    assert turned in (nl_second_person(sentence) or "")


def test_a_feeling_taken_back_as_too_big_gives_way_to_the_one_after() -> None:
    message = (
        "Vernederd denk ik. Nee, da's te groot. Eerder beschaamd? Omdat ik het zelf geloofd had."
    )
    found = texts(message)
    assert found[0] == "Je was eerder beschaamd.", found
    assert "Je was vernederd." not in found


def test_its_before_a_pronoun_is_it_is() -> None:
    found = texts("I am saying no because its HIS name on the door. I hate that.", "en")
    assert any("it's HIS name" in m for m in found), found


def test_a_verb_the_persons_english_leaves_out_is_put_in() -> None:
    from app.core.perspective import second_person

    assert second_person("Fear, if I honest.", "en") == "Fear, if you're honest."
    assert second_person("I proud of the boys but I not happy.", "en") == (
        "You're proud of the boys but you're not happy."
    )
    assert second_person("I told him not to go.", "en") == "You told him not to go."


def test_a_verb_after_a_role_is_no_name() -> None:
    from app.core.names import capitalise_names

    assert capitalise_names("my sister reckons I'm just jealous") == (
        "my sister reckons I'm just jealous"
    )
    assert capitalise_names("my colleague thomas said") == "my colleague Thomas said"
