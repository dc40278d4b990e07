"""The person's sentence said back to them: first person to second, with Dutch agreement."""

from __future__ import annotations

import pytest

from app.core.perspective import nl_present_stem, second_person

DUTCH = [
    # "mij" right after "ik" is the person themself; "te" goes with a word that is no verb
    (
        "'t is niet dat ik mij schaam voor die bezoekjes.",
        "'t is niet dat je je schaamt voor die bezoekjes.",
    ),
    ("Ik moet zeggen dat ik te rap ja gezegd heb.", "Je moet zeggen dat je te rap ja gezegd hebt."),
    # the finite verb before "te" and its infinitive in a clause after "dat"
    (
        "Het is meer dat ik begin te twijfelen of ik nog iets mag beslissen.",
        "Het is meer dat je begint te twijfelen of je nog iets mag beslissen.",
    ),
    ("Het is meer dat ik begin te twijfelen.", "Het is meer dat je begint te twijfelen."),
    # someone else is the subject of the clause after "of": its verb stays
    ("Ik vraag bijna nooit of iemand mee kan.", "Je vraagt bijna nooit of iemand mee kan."),
    ("Ik vraag of Yasmina mee kan.", "Je vraagt of Yasmina mee kan."),
    # no comma between the clause after "als" and the main clause
    (
        "Als ik steeds om hulp vraag lijkt het alsof ik het niet kan.",
        "Als je steeds om hulp vraagt lijkt het alsof je het niet kunt.",
    ),
    # subject first: the present stem takes -t, irregular forms by table, past unchanged
    (
        "Ik merk dat ik het gesprek steeds opnieuw afspeel.",
        "Je merkt dat je het gesprek steeds opnieuw afspeelt.",
    ),
    ("Ik ben er doodmoe van.", "Je bent er doodmoe van."),
    ("Ik kan het niet goed uitleggen.", "Je kunt het niet goed uitleggen."),
    ("Ik ga morgen met haar praten.", "Je gaat morgen met haar praten."),
    ("Ik sta er alleen voor.", "Je staat er alleen voor."),
    ("Ik hou van mijn werk maar ik ben moe.", "Je houdt van je werk maar je bent moe."),
    ("Ik zit er echt mee.", "Je zit er echt mee."),
    ("Ik reis elke dag twee uur.", "Je reist elke dag twee uur."),
    ("Ik liep op mijn tenen.", "Je liep op je tenen."),
    (
        "Ik bleef heel rustig, maar van binnen kookte ik.",
        "Je bleef heel rustig, maar van binnen kookte je.",
    ),
    # inverted: the verb keeps its form
    ("Achteraf baal ik daarvan.", "Achteraf baal je daarvan."),
    ("Dan voel ik me zo klein.", "Dan voel je je zo klein."),
    ("Houd ik me stil, dan gaat het mis.", "Houd je je stil, dan gaat het mis."),
    ("Dat vind ik lastig.", "Dat vind je lastig."),
    ("Als ik eerlijk ben, weet ik het niet.", "Als je eerlijk bent, weet je het niet."),
    # subordinate clauses: the finite verb later on
    (
        "Ik werd zo boos dat ik niks meer heb gezegd.",
        "Je werd zo boos dat je niks meer hebt gezegd.",
    ),
    ("Ik denk dat ik het niet kan.", "Je denkt dat je het niet kunt."),
    ("Ik merk dat ik me schaam.", "Je merkt dat je je schaamt."),
    ("Ik heb geen idee hoe ik dit aanpak.", "Je hebt geen idee hoe je dit aanpakt."),
    (
        "Dat ik het werk niet af heb, is mijn probleem.",
        "Dat je het werk niet af hebt, is je probleem.",
    ),
    (
        "Ik heb er spijt van dat ik niet heb ingegrepen.",
        "Je hebt er spijt van dat je niet hebt ingegrepen.",
    ),
    (
        "Als ik weer dichtklap mag zij me een seintje geven.",
        "Als je weer dichtklapt mag zij je een seintje geven.",
    ),
    (
        "Ik denk dat ik vooral bang ben dat ik weer in die stand schiet.",
        "Je denkt dat je vooral bang bent dat je weer in die stand schiet.",
    ),
    # pronouns
    (
        "Gisteren werd mijn planning omgegooid door mijn teamleider.",
        "Gisteren werd je planning omgegooid door je teamleider.",
    ),
    ("Het werk loopt me over de schoenen.", "Het werk loopt je over de schoenen."),
    ("Sanne zei dat het aan mij lag.", "Sanne zei dat het aan jou lag."),
    (
        "Het raakt me omdat ik mezelf een goede juf vind.",
        "Het raakt je omdat je jezelf een goede juf vindt.",
    ),
    ("We hadden ruzie over de roosters.", "Jullie hadden ruzie over de roosters."),
    (
        "Met ervaring concludeerde ik dat mijn achtergrond mijn kracht was.",
        "Met ervaring concludeerde je dat je achtergrond je kracht was.",
    ),
    ("Ik merk dat ik het 's avonds afspeel.", "Je merkt dat je het 's avonds afspeelt."),
    # a second verb sharing the subject agrees too; a noun after "en" stays
    (
        "Ik ben naar achteren gegaan en heb de kamer schoongemaakt.",
        "Je bent naar achteren gegaan en hebt de kamer schoongemaakt.",
    ),
    ("Als ik ziek word of wegga, stopt alles.", "Als je ziek wordt of weggaat, stopt alles."),
    ("Ik werk hard en werk is alles.", "Je werkt hard en werk is alles."),
    # a compound with a number stays one word
    (
        "Donderdag heb ik sowieso een 1-op-1 met Annemiek.",
        "Donderdag heb je sowieso een 1-op-1 met Annemiek.",
    ),
    # a noun that looks like a verb before the finite verb of a clause
    (
        "Ik denk dat ik niet zomaar lak heb aan regels.",
        "Je denkt dat je niet zomaar lak hebt aan regels.",
    ),
    ("Ik vind dat ik werk heb.", "Je vindt dat je werk hebt."),
    # ... but not before the verb of the main clause that follows without a comma
    (
        "Als ik er zo over nadenk wil ik het eerst zelf met Sanne.",
        "Als je er zo over nadenkt wil je het eerst zelf met Sanne.",
    ),
]


@pytest.mark.parametrize(("said", "mirrored"), DUTCH)
def test_dutch(said: str, mirrored: str) -> None:
    assert second_person(said, "nl") == mirrored


ENGLISH = [
    ("I was so angry that I said nothing.", "You were so angry that you said nothing."),
    (
        "My manager took my analysis and presented it as hers.",
        "Your manager took your analysis and presented it as hers.",
    ),
    ("I'm not sure I handled it well.", "You're not sure you handled it well."),
    (
        "I had covid-19 and my 9-to-5 job suffered.",
        "You had covid-19 and your 9-to-5 job suffered.",
    ),
    ("We shipped it anyway and I felt sick.", "You shipped it anyway and you felt sick."),
    ("I am tired of fixing it myself.", "You are tired of fixing it yourself."),
]


@pytest.mark.parametrize(("said", "mirrored"), ENGLISH)
def test_english(said: str, mirrored: str) -> None:
    assert second_person(said, "en") == mirrored


@pytest.mark.parametrize(
    ("said", "lang"),
    [
        ("Let me sit with that one.", "en"),  # an invitation, not a statement
        ("Wat zou jij doen?", "nl"),  # a question to the coach
        ("weet ik niet precies", "nl"),  # would read as a question
        ("Gewoon zeggen: ik maak me zorgen.", "nl"),  # speech, whose "ik" is not the person
        ("Hij zei: 'ik ben de arts'.", "nl"),
        ("Dat is lastig voor hem.", "nl"),  # nothing to turn
        ("Ik zelf ook niet.", "nl"),  # no verb after ik
        ("What would you do?", "en"),
    ],
)
def test_left_alone_when_unsure(said: str, lang: str) -> None:
    assert second_person(said, lang) is None


@pytest.mark.parametrize(
    "word", ["werk", "loop", "zit", "durf", "lees", "ben", "heb", "ga", "schaam"]
)
def test_present_stems(word: str) -> None:
    assert nl_present_stem(word)


@pytest.mark.parametrize("word", ["was", "had", "werkte", "zat", "boos", "planning", "team"])
def test_not_present_stems(word: str) -> None:
    assert not nl_present_stem(word)


@pytest.mark.parametrize(
    ("sentence", "turned"),
    [
        (
            "Ik ben bang dat ik dan ga huilen of juist heel kortaf word.",
            "Je bent bang dat je dan gaat huilen of juist heel kortaf wordt.",
        ),
        (
            "Ik merk dat ik dichtklap en niks meer zeg.",
            "Je merkt dat je dichtklapt en niks meer zegt.",
        ),
        ("Ik ga naar huis en de kinderen eten.", "Je gaat naar huis en de kinderen eten."),
    ],
)
def test_a_second_verb_at_the_end_of_its_part_agrees(sentence: str, turned: str) -> None:
    assert second_person(sentence, "nl") == turned


def test_dat_after_ik_is_a_pronoun_not_a_new_clause() -> None:
    assert second_person("Ik weet niet of ik dat wil.", "nl") == "Je weet niet of je dat wilt."
    assert second_person("Ik denk dat ik dat niet kan.", "nl") == "Je denkt dat je dat niet kunt."


@pytest.mark.parametrize(
    ("said", "turned"),
    [
        (
            "Ik heb mij in lang niet zo onnozel gevoeld.",
            "Je hebt je in lang niet zo onnozel gevoeld.",
        ),
        ("Ik heb mij kapot geschaamd.", "Je hebt je kapot geschaamd."),
        ("Hij heeft mij gebeld.", "Hij heeft jou gebeld."),
    ],
)
def test_mij_before_a_reflexive_participle_is_je(said: str, turned: str) -> None:
    assert second_person(said, "nl") == turned


@pytest.mark.parametrize(
    ("said", "turned"),
    [
        ("Ik ben moe, slaap slecht en eet weinig.", "Je bent moe, slaapt slecht en eet weinig."),
        ("Ik kwam binnen, zie de rommel en schrik.", "Je kwam binnen, ziet de rommel en schrikt."),
        ("Ik denk, weet je, dat het niet klopt.", "Je denkt, weet je, dat het niet klopt."),
        (
            "Gewoon praten terwijl ik schoonmaak, kan ook.",
            "Gewoon praten terwijl je schoonmaakt, kan ook.",
        ),
    ],
)
def test_a_verb_after_a_comma_that_shares_ik_is_turned(said: str, turned: str) -> None:
    assert second_person(said, "nl") == turned


@pytest.mark.parametrize(
    ("sentence", "lang", "said"),
    [
        # chat drops the "ik" or "I": it is put back and turned
        ("denk dat het me meer raakt dat het voor iedereen was.", "nl", "Je denkt dat het je meer"),
        ("heb het nooit gevraagd eigenlijk.", "nl", "Je hebt het nooit gevraagd"),
        ("vind het gewoon lastig om nee te zeggen.", "nl", "Je vindt het gewoon lastig"),
        ("ben wel bang dat ik dan ga huilen.", "nl", "Je bent wel bang dat je dan gaat huilen"),
        ("Had the words in my head.", "en", "You had the words in your head"),
        ("Bit worried Gary takes it as me dropping him in it.", "en", "You're a bit worried Gary"),
        ("Kept quiet the whole meeting.", "en", "You kept quiet the whole meeting"),
    ],
)
def test_the_subject_chat_drops_is_put_back(sentence: str, lang: str, said: str) -> None:
    turned = second_person(sentence, lang)
    assert turned is not None and turned.startswith(said)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # forms that are someone else's too, a subject already there, a feeling as the subject
        ("zit me nog steeds dwars.", "nl"),
        ("dacht dat het wel goed zat.", "nl"),
        ("ging allemaal heel snel.", "nl"),
        ("Ga ik hem morgen bellen?", "nl"),
        ("felt small is the main thing.", "en"),
        ("Gutted because...", "en"),
        ("Didnt come out.", "en"),
    ],
)
def test_no_subject_is_read_into_what_is_not_the_speakers_alone(sentence: str, lang: str) -> None:
    from app.core.perspective_dropped import with_subject

    assert with_subject(sentence, lang) == sentence


@pytest.mark.parametrize(
    ("fragment", "said"),
    [
        # a fear told in the present is felt now, one of what was is not
        ("wel bang dat ik overkom als zeurpiet.", "Je bent wel bang dat je overkomt als zeurpiet."),
        ("wel bang dat ik dan ga huilen.", "Je bent wel bang dat je dan gaat huilen."),
        ("wel bang dat ik het fout had gedaan.", "Je was wel bang dat je het fout had gedaan."),
    ],
)
def test_a_fear_said_as_a_fragment_keeps_its_time(fragment: str, said: str) -> None:
    from app.core.feeling_list import feelings_said

    assert feelings_said(fragment, "nl") == said


@pytest.mark.parametrize(
    ("said", "turned"),
    [
        # the verb before "ik" is a noun too ("vraag"); "hem" is never a verb
        (
            "Misschien vraag ik hem gewoon een dienst mee te rijden.",
            "Misschien vraag je hem gewoon een dienst mee te rijden.",
        ),
        ("Morgen vraag ik hem om tien minuten.", "Morgen vraag je hem om tien minuten."),
        ("Misschien werk ik te hard.", "Misschien werk je te hard."),
    ],
)
def test_a_verb_before_ik_that_is_also_a_noun(said: str, turned: str) -> None:
    assert second_person(said, "nl") == turned


@pytest.mark.parametrize(
    "said, lang, turned",
    [
        ("Ik heb het 4x gevraagd en nooit antwoord gekregen.", "nl", "4x"),
        ("I was the only FY1 on the ward that night.", "en", "FY1"),
        ("Ik heb mijn ST2 gedaan in Leeds.", "nl", "ST2"),
    ],
)
def test_a_word_of_letters_and_digits_stays_one_word(said: str, lang: str, turned: str) -> None:
    from app.core.reflection_turn import _turn

    reply = _turn(said, lang, said)
    assert reply is not None and f" {turned} " in reply


@pytest.mark.parametrize(
    "said, turned",
    [
        ("Ik wil nait dat hij denkt dat ik zeur.", "Je wilt niet dat hij denkt dat je zeurt."),
        ("Ik zie het neet zitten met die planning.", "Je ziet het niet zitten met die planning."),
        ("Ik heb het mien hele leven zo gedaan.", "Je hebt het je hele leven zo gedaan."),
        ("Ik laat het gewoon lopen, eh.", "Je laat het gewoon lopen."),
        ("Ik had het anders moeten zeggen!! 😩", "Je had het anders moeten zeggen."),
        ("I just nodded along, mind.", "You just nodded along."),
    ],
)
def test_regional_words_tags_and_emoji_are_not_said_back(said: str, turned: str) -> None:
    from app.core.reflection_turn import _turn

    lang = "en" if said.startswith("I ") else "nl"
    assert _turn(said, lang, said) == turned


def test_a_subordinate_clause_ends_before_om_te() -> None:
    assert (
        second_person("Ze denkt dat ik dat rapport gebruik om mijn punt te maken", "nl")
        == "Ze denkt dat je dat rapport gebruikt om je punt te maken"
    )


def test_a_quote_in_single_marks_with_an_apostrophe_of_its_own_is_not_turned() -> None:
    assert second_person("Not an apology, just 'I should've asked Claire first'.", "en") is None
    assert second_person("I'm sure it's fine and I'll ask her.", "en") == (
        "You're sure it's fine and you'll ask her."
    )


@pytest.mark.parametrize(
    ("sentence", "turned"),
    [
        ("Hij denkt dat die eerste keer ook ik was.", "Hij denkt dat die eerste keer ook jij was."),
        ("Zelfs ik had het niet door.", "Zelfs jij had het niet door."),
        ("Ook ik ben moe.", "Ook jij bent moe."),
        ("Dat was ik niet.", "Dat was jij niet."),
        ("Toen was ik moe.", "Toen was je moe."),
        ("Dat vond ik raar.", "Dat vond je raar."),
        ("Ik wist het ook niet.", "Je wist het ook niet."),
    ],
)
def test_a_stressed_ik_is_said_back_as_jij(sentence: str, turned: str) -> None:
    assert second_person(sentence, "nl") == turned


@pytest.mark.parametrize(
    ("sentence", "turned"),
    [
        ("Gonna practise it in me head first.", "Gonna practise it in your head first."),
        ("I got a lift off me mum.", "You got a lift off your mum."),
        ("He gave me the keys.", "He gave you the keys."),
        ("They gave me back the keys.", "They gave you back the keys."),
    ],
)
def test_the_me_of_dialect_before_what_is_theirs_is_your(sentence: str, turned: str) -> None:
    assert second_person(sentence, "en") == turned
