"""Candidate reflections and questions: from the person's own words, fitting the story."""

from __future__ import annotations

import pytest

from app.core.language_guard import agreement_errors, language_ok
from app.core.question_fit import fits, template_questions
from app.core.reading import read
from app.core.reflection import Candidate, corrected, follow, mirrors
from app.core.style import check_turn


def top_question(message: str, lang: str, phase: int) -> Candidate:
    """The best-scored template question for `message` read on its own."""
    ranked = sorted(
        template_questions(read(message, lang), message, phase, lang), key=lambda c: -c.score
    )
    assert ranked, message
    return ranked[0]


def texts(message: str, lang: str = "nl") -> list[str]:
    return [c.text for c in mirrors(message, lang, read(message, lang))]


def test_reflections_are_the_persons_sentences_turned() -> None:
    message = (
        "Gisteren werd mijn planning zonder overleg omgegooid. Ik werd zo boos dat ik niks "
        "meer heb gezegd. Achteraf baal ik daarvan."
    )
    found = texts(message)
    assert "Je werd zo boos dat je niks meer hebt gezegd." in found
    assert found[0] == "Je werd zo boos dat je niks meer hebt gezegd."  # the feeling first
    assert all(language_ok(t, "nl", allowed=message) for t in found)


def test_topic_announcements_questions_and_thanks_are_not_reflected() -> None:
    found = texts("Ik wil het hebben over vorige week. Wat vind jij? Dank je. Ik klapte dicht.")
    assert found == ["Je klapte dicht."]


@pytest.mark.parametrize(
    ("message", "first"),
    [
        ("Ja klopt.", "Dat herken je."),
        ("weet ik niet precies", "Je weet het nog niet precies."),
        ("Boos.", "Je was boos."),
        ("Gepasseerd, vooral.", "Je voelde je vooral gepasseerd."),
        ("Humiliated, mostly.", "You felt humiliated, mostly."),
        ("hmm", "Je denkt er even over na."),
        ("Yeah, exactly.", "That rings true for you."),
    ],
)
def test_short_answers(message: str, first: str) -> None:
    lang = "en" if message.startswith(("Yeah", "Humiliated")) else "nl"
    assert texts(message, lang)[0] == first


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        (
            "Dubbel. Ik was trots dat het erin zat. Maar niemand wist dat het van mij was.",
            "nl",
            "Je was trots dat het erin zat, maar niemand wist dat het van jou was.",
        ),
        (
            "Dat deed pijn. Meer dan ik had verwacht.",
            "nl",
            "Dat deed pijn, meer dan je had verwacht.",
        ),
        ("But I'm resentful. I sighed at his name on my phone.", "en", "You're resentful."),
        ("I think I'm ashamed of it.", "en", "You're ashamed of it."),
        (
            "Humiliated, mostly. And furious on the drive back.",
            "en",
            "You felt humiliated, mostly, and furious on the drive back.",
        ),
        (
            "Boos. Op hem, maar stiekem meer op mezelf.",
            "nl",
            "Je was boos, op hem, maar stiekem meer op jezelf.",
        ),
    ],
)
def test_the_turn_and_the_feeling_are_said_back(message: str, lang: str, mirror: str) -> None:
    assert texts(message, lang)[0].startswith(mirror)


def test_a_feeling_question_uses_the_persons_own_feeling_word() -> None:
    message = "Ik voelde me klein en machteloos toen ze dat zei."
    r = read(message, "nl")
    asked = [c.text for c in template_questions(r, message, 2, "nl")]
    assert "Wat maakte je zo machteloos?" in asked


@pytest.mark.parametrize(
    "message",
    [
        "Ik zag hoe boos en verdrietig hij was.",  # his feeling, not hers
        "Ik wachtte erop om trots te zijn, maar het kwam niet.",  # negated
    ],
)
def test_no_question_about_a_feeling_that_is_not_the_persons(message: str) -> None:
    r = read(message, "nl")
    assert not any("maakte je zo" in c.text for c in template_questions(r, message, 2, "nl"))


def test_a_figure_of_speech_is_asked_about_in_its_own_words() -> None:
    message = "Het werk loopt me echt over de schoenen."
    r = read(message, "nl")
    asked = [c.text for c in template_questions(r, message, 1, "nl")]
    assert "Wat bedoel je precies met ‘over de schoenen lopen’?" in asked


def test_bank_questions_must_not_presuppose_what_the_story_lacks() -> None:
    story = "Ik merk dat ik steeds ja zeg tegen extra werk."
    r = read(story, "nl")
    assert not fits("Wat wilde je leidinggevende in deze situatie bereiken?", r, story)
    assert not fits("Wat gebeurt er nu tussen ons?", r, story)
    assert fits("Wat zegt dit over wat jij belangrijk vindt?", r, story)
    with_manager = "Mijn leidinggevende vroeg gisteren of ik extra kon komen en ik zei ja."
    r2 = read(with_manager, "nl")
    assert fits("Wat wilde je leidinggevende in deze situatie bereiken?", r2, with_manager)


@pytest.mark.parametrize(
    "reply", ["Je voel je klein.", "Je denk dat het klopt.", "Je zie er tegenop."]
)
def test_agreement_slips_are_caught(reply: str) -> None:
    assert agreement_errors(reply, "nl")


def test_correct_dutch_passes_and_unknown_words_fail() -> None:
    assert language_ok("Je voelt je klein. Wat maakte dat zo?", "nl")
    assert not language_ok("Je zet je klang. Wat wil je?", "nl")
    assert language_ok("Je werkt met Priya in de vulploeg.", "nl", allowed="vulploeg Priya")
    # a word stressed by its accent is the word itself; an accent of its own stays
    assert language_ok("Je vertelt het alsof jíj iets fout hebt gedaan.", "nl")
    assert language_ok("Als je wél gelijk hebt, is het café dicht.", "nl")
    assert not language_ok("Je zet je kláng.", "nl")


def test_the_turn_after_maar_is_offered_and_a_bare_dat_clause_is_not() -> None:
    found = texts(
        "En dat doet ze ook, twee klanten heb ik via haar. Maar eerlijk is eerlijk, ik doe het "
        "voor een appel en een ei en achteraf zit ik te balen in de bus."
    )
    assert found[0].startswith("Je doet het voor een appel en een ei")
    assert not any(t.startswith("Dat ze je") for t in texts("Dat ze me aanbeveelt. Fijn hoor."))


def test_an_insight_about_oneself_comes_before_a_side_detail() -> None:
    found = texts(
        "Ik merk dat ik bij onrust het liefst de regie pak. Thuis ook. Mijn man noemt me de "
        "regisseur, half als grap."
    )
    assert found[0] == "Je merkt dat je bij onrust het liefst de regie pakt."


@pytest.mark.parametrize(
    ("message", "mirror"),
    [
        ("Ik denk dat ik vaker de lieve vrede bewaar.", "Je bewaart vaker de lieve vrede."),
        ("Ik denk dat ik professioneel wilde lijken.", "Je wilde professioneel lijken."),
        (
            "Ik denk dat ik nog steeds aardig gevonden wil worden.",
            "Je wilt nog steeds aardig gevonden worden.",
        ),
        ("Ik denk dat ik daar te snel in ga.", "Je gaat daar te snel in."),
        # a verb with a particle stands apart from it in a main clause
        (
            "Ik denk dat ik me vaak achter de regels opstel als het rommelig wordt.",
            "Je stelt je vaak achter de regels op als het rommelig wordt.",
        ),
        ("Ik denk dat ik dan snel afhaak.", "Je haakt dan snel af."),
    ],
)
def test_a_dutch_hedge_about_oneself_becomes_a_plain_main_clause(message: str, mirror: str) -> None:
    assert texts(message)[0] == mirror


def test_a_dutch_hedge_is_kept_when_the_verb_is_not_certain() -> None:
    found = texts("Ik denk dat ik Marloes gewoon moet vragen voor een kop koffie.")
    assert found[0] == "Je denkt dat je Marloes gewoon moet vragen voor een kop koffie."


def test_how_it_was_comes_before_the_role_and_the_bare_facts() -> None:
    message = (
        "Ik werk bij de politie, basisteam. Vorige maand hielden we een auto aan. "
        "Ik heb niks gezegd. Dat zit me dwars."
    )
    found = texts(message)
    # "dat" said back with what it points at
    assert found[0] == "Je hebt niks gezegd, en dat zit je dwars."
    assert "Je werkt bij de politie, basisteam." not in found[:2]


def test_a_though_turns_the_sentence_before_it() -> None:
    found = texts("I did all the right things. It doesn't feel like it though.", "en")
    assert found[0] == "You did all the right things, but it doesn't feel like it."


def test_a_question_without_its_question_mark_is_not_said_back() -> None:
    found = texts("Ik heb er dagen over nagedacht. Waar moet ik beginnen.")
    assert all("beginnen" not in t for t in found)


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Ik schaamde me. Voor hem, maar ook voor mezelf.", "nl"),
        ("Ik voelde me gepasseerd. Op mijn plek gezet.", "nl"),
        ("But I'm resentful. I caught myself sighing yesterday.", "en"),
    ],
)
def test_after_a_named_feeling_the_inside_at_that_moment_is_not_asked(
    message: str, lang: str
) -> None:
    asked = {c.text for c in template_questions(read(message, lang), message, 2, lang)}
    assert asked
    assert not asked & {
        "Wat gebeurde er toen in je?",
        "Wat deed dat met je?",
        "Wat ging er op dat moment door je heen?",
        "What was going on inside you at that moment?",
        "What did that do to you?",
    }


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        ("Schaamte, vooral.", "nl", "Je voelde vooral schaamte."),
        ("Guilt.", "en", "You felt guilt."),
    ],
)
def test_a_bare_feeling_noun_is_said_back_and_not_asked_about_again(
    message: str, lang: str, mirror: str
) -> None:
    assert texts(message, lang)[0] == mirror
    asked = {c.text for c in template_questions(read(message, lang), message, 2, lang)}
    assert not asked & {"Wat deed dat met je?", "What did that do to you?"}


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Ik doe eigenlijk alles alleen. Ik vraag bijna nooit of iemand mee kan.", "nl"),
        ("Elke keer als hij binnenkwam, werd het stil in de teamkamer.", "nl"),
        ("I always end up saying yes when she asked for extra shifts.", "en"),
    ],
)
def test_a_pattern_is_not_asked_about_as_one_moment(message: str, lang: str) -> None:
    r = read(message, lang)
    assert r.habitual and not r.moment_now
    asked = {c.text for c in template_questions(r, message, 2, lang)}
    assert not asked & {
        "Wat gebeurde er toen in je?",
        "Wat wilde jij op dat moment?",
        "What was going on inside you at that moment?",
        "What did you want at that moment?",
    }


def test_one_told_moment_is_still_asked_about() -> None:
    message = "Gisteren zei mijn collega in het overleg dat mijn plan niet deugde. Ik zei niks."
    r = read(message, "nl")
    assert r.moment_now and not r.habitual
    asked = {c.text for c in template_questions(r, message, 2, "nl")}
    assert asked & {"Wat gebeurde er toen in je?", "Wat wilde jij op dat moment?"}


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        (
            "Al moet ik ook zeggen, ik doe dit allemaal alleen. We hadden een datamanager, maar "
            "die is in januari weggegaan.",
            "nl",
        ),
        ("Ik heb hem ook nooit iets anders verteld, dus waarom zou hij iets anders denken.", "nl"),
        ("tho to be fair the runbook is rubbish. so its not like i was just being thick.", "en"),
    ],
)
def test_toen_is_not_asked_after_a_state_a_habit_or_background(message: str, lang: str) -> None:
    asked = {c.text for c in template_questions(read(message, lang), message, 2, lang)}
    assert not asked & {
        "Wat gebeurde er toen in je?",
        "Wat wilde jij op dat moment?",
        "What was going on inside you at that moment?",
        "What did you want at that moment?",
    }


@pytest.mark.parametrize(
    ("message", "lang", "not_said"),
    [
        (
            "Twee dagen later kreeg mijn praktijkhouder, Marjolein, een mail van haar met de "
            "vraag of Mees naar een andere logopedist kan. Marjolein heeft het me netjes verteld.",
            "nl",
            "Marjolein.",
        ),
        (
            "En ik zei toen, heel dom, 'ja dat klopt, Henk laat hem de laatste tijd te lang "
            "staan, ik heb het al gezegd.' De deur naar achter stond open.",
            "nl",
            "heel dom.",
        ),
        ("Dunno why I'm telling an app this. I shouted at Sam in front of the team.", "en", "app"),
    ],
)
def test_no_cut_frame_or_talk_about_the_app_is_said_back_first(
    message: str, lang: str, not_said: str
) -> None:
    assert not_said not in texts(message, lang)[0]


def test_the_thing_is_is_a_lead_in() -> None:
    message = "The thing is I shouted at Sam in front of the team and he left."
    assert texts(message, "en")[0] == "You shouted at Sam in front of the team and he left."


@pytest.mark.parametrize(
    ("message", "lang", "values_question"),
    [
        (
            "Ik denk dat ik betrouwbaar zijn belangrijk vind. Dat heb ik gelijkgesteld aan "
            "foutloos zijn, besef ik nu.",
            "nl",
            "Wat zegt dat over wat jij belangrijk vindt?",
        ),
        (
            "I realise that being fair to everyone is what matters to me here.",
            "en",
            "What does that say about what matters to you?",
        ),
    ],
)
def test_what_matters_is_not_asked_right_after_it_was_named(
    message: str, lang: str, values_question: str
) -> None:
    r = read(message, lang)
    assert r.insight
    assert values_question not in {c.text for c in template_questions(r, message, 3, lang)}


def test_what_matters_is_asked_after_an_insight_that_does_not_name_it() -> None:
    message = "Ik besef nu dat ik alles zelf wil oplossen."
    asked = {c.text for c in template_questions(read(message, "nl"), message, 3, "nl")}
    assert "Wat zegt dat over wat jij belangrijk vindt?" in asked


@pytest.mark.parametrize(
    ("message", "lang", "question"),
    [
        (
            "Ik vond het achteraf echt ambetant hoe ik reageerde.",
            "nl",
            "Wat maakte het zo ambetant?",
        ),
        (
            "Ik vind het lastig om iemand ergens op aan te spreken.",
            "nl",
            "Wat maakt het zo lastig?",
        ),
        ("It was really awkward in the meeting.", "en", "What made it so awkward?"),
        ("I find it hard to say no to her.", "en", "What makes it so hard?"),
    ],
)
def test_the_persons_own_judging_word_is_asked_back(message: str, lang: str, question: str) -> None:
    asked = [c.text for c in template_questions(read(message, lang), message, 2, lang)]
    assert asked and asked[0] == question


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Het is niet lastig hoor, het kost alleen tijd.", "nl"),
        ("Ik vond het vervelend omdat ze het voor de hele groep zei.", "nl"),
        ("Allebei tegelijk ja. Dat maakt het verwarrend.", "nl"),
        ("It was awkward because everyone was watching.", "en"),
    ],
)
def test_a_judgement_denied_or_already_explained_is_not_asked_about(
    message: str, lang: str
) -> None:
    r = read(message, lang)
    assert not r.evaluation, r.evaluation


@pytest.mark.parametrize(
    ("message", "lang", "quote"),
    [
        ("And she seems fine with it actually", "en", "“She seems fine with it actually”"),
        ("En de rest van de dag niks meer gehoord", "nl", "“De rest van de dag niks meer gehoord”"),
    ],
)
def test_a_quote_does_not_open_with_and(message: str, lang: str, quote: str) -> None:
    said = texts(message, lang)
    assert not any(t.startswith(("“En ", "“And ", "“en ", "“and ")) for t in said), said
    assert any(t.startswith(quote) for t in said), said


@pytest.mark.parametrize(
    ("message", "lang", "question"),
    [
        (
            "Ik had eigenlijk veel meer willen zeggen, maar hij keek op de klok.",
            "nl",
            "Wat had je willen zeggen?",
        ),
        ("Ik heb niks gezegd. Dat zit me dwars.", "nl", "Wat had je willen zeggen?"),
        (
            "I bit my tongue and said we'd get it to them by Friday.",
            "en",
            "What would you have wanted to say?",
        ),
        (
            "Ik ben bang dat ik dan ga huilen.",
            "nl",
            "Wat zou het voor je betekenen als dat gebeurt?",
        ),
        (
            "I'm scared he'll find someone cheaper if I push back.",
            "en",
            "What would it mean for you if that happened?",
        ),
        (
            "Ik twijfel tussen hem zelf aanspreken of naar de teamchef gaan.",
            "nl",
            "Wat weegt voor jou het zwaarst?",
        ),
        ("I keep going back and forth on that.", "en", "What weighs most for you?"),
    ],
)
def test_what_the_message_leaves_open_is_asked_first(
    message: str, lang: str, question: str
) -> None:
    assert top_question(message, lang, 2).text == question


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        ("Misschien had ik kunnen zeggen dat ik hoor dat hij teleurgesteld is.", "nl"),
        ("I wanted to say: this is not fair.", "en"),
        ("Ik was bang dat ik overdreef.", "nl"),
        ("Hij was bang dat het mis zou gaan.", "nl"),
        ("She is worried that the client will leave.", "en"),
        ("Ik weet wel welke ik kies.", "nl"),
        ("I honestly don't know which is worse.", "en"),
    ],
)
def test_what_the_message_already_says_is_not_asked(message: str, lang: str) -> None:
    asked = {c.text for c in template_questions(read(message, lang), message, 2, lang)}
    assert not asked & {
        "Wat had je willen zeggen?",
        "What would you have wanted to say?",
        "Wat zou het voor je betekenen als dat gebeurt?",
        "What would it mean for you if that happened?",
        "Wat weegt voor jou het zwaarst?",
        "What weighs most for you?",
    }


def test_what_touches_most_is_not_asked_right_after_it_was_said() -> None:
    message = "Het raakt me omdat ik mezelf best een goede juf vind."
    asked = {c.text for c in template_questions(read(message, "nl"), message, 3, "nl")}
    assert "Wat raakt je hier het meest in?" not in asked


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        (
            "misschien kan ik gewoon van tevoren zeggen welke dagen wel en welke niet.",
            "nl",
            "Misschien kun je gewoon van tevoren zeggen welke dagen wel en welke niet, denk je.",
        ),
        ("Maybe I could just ask James.", "en", "You're thinking of just asking James."),
    ],
)
def test_a_plan_said_back_is_marked_as_the_persons_own(
    message: str, lang: str, mirror: str
) -> None:
    found = mirrors(message, lang, read(message, lang))
    assert found[0].text == mirror
    assert not check_turn(f"{found[0].text} Wat spreekt je daarin aan?", lang).advice


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        (
            "Ik voelde angst, eerlijk. Maar ook iets van medelijden.",
            "nl",
            "Je voelde angst, maar ook iets van medelijden.",
        ),
        (
            "Guilt. And a bit of annoyance that I feel guilty, if that makes sense.",
            "en",
            "You felt guilt and a bit of annoyance that you feel guilty.",
        ),
        ("Boos. En ook verdrietig.", "nl", "Je was boos en ook verdrietig."),
        (
            "mortified. thats the word. and raging at myself.",
            "en",
            "You felt mortified, and you were raging at yourself.",
        ),
        (
            "Mortified, honestly. That's the main thing. And a bit cross with him too if I'm "
            "being honest.",
            "en",
            "You felt mortified and a bit cross with him too.",
        ),
        (
            "Teleurgesteld. En een beetje dom dat ik dacht dat ik kans maakte.",
            "nl",
            "Je was teleurgesteld.",
        ),
        (
            "Dat vind ik spannend, maar het is wel eerlijk.",
            "nl",
            "Dat vind je spannend, maar het is wel eerlijk.",
        ),
    ],
)
def test_two_feelings_are_said_back_together_without_the_hedge(
    message: str, lang: str, mirror: str
) -> None:
    assert mirrors(message, lang, read(message, lang))[0].text == mirror


def test_a_moment_question_needs_a_sentence_that_tells_one_moment() -> None:
    habitual = "ik loop er elke avond. ik zeg goedenavond, niks terug."
    asked = {c.text for c in template_questions(read(habitual, "nl"), habitual, 2, "nl")}
    assert "Wat gebeurde er toen in je?" not in asked
    told = "Gisteren vroeg Frank of ik de validatie kon meenemen. Ik zei meteen ja."
    asked = {c.text for c in template_questions(read(told, "nl"), told, 2, "nl")}
    assert "Wat gebeurde er toen in je?" in asked


@pytest.mark.parametrize(
    ("message", "lang", "question"),
    [
        (
            "Ik denk dat ik het eerst met Els ga bespreken.",
            "nl",
            "Wat zou je dan als eerste willen zeggen?",
        ),
        ("Maybe I'll talk to Graham on Monday.", "en", "What would you want to say first?"),
        (
            "Ik wil eigenlijk iemand zijn die rustig blijft.",
            "nl",
            "Hoe zou dat er in de praktijk uitzien?",
        ),
        ("I'd like to be someone who can say no.", "en", "What would that look like in practice?"),
    ],
)
def test_a_talk_ahead_and_who_they_want_to_be_are_made_concrete(
    message: str, lang: str, question: str
) -> None:
    assert top_question(message, lang, 4).text == question


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        (
            "I could talk to him. Not accusing, just saying that it put me in a difficult spot.",
            "en",
        ),
        ("Ik ga hem zeggen dat ik dit niet meer doe.", "nl"),
        ("Ik vind het lastig om iemand aan te spreken.", "nl"),
        ("Ze wilde het bespreken, maar er was geen tijd.", "nl"),
    ],
)
def test_a_talk_whose_words_are_given_or_not_planned_is_not_asked_about(
    message: str, lang: str
) -> None:
    assert not read(message, lang).talk_ahead


def test_the_mirror_says_back_the_sentence_the_question_is_built_on() -> None:
    message = (
        "I'd want to be the kind of freelancer who's generous but clear. "
        "Right now I'm just generous and then grumpy about it."
    )
    r = read(message, "en")
    question = top_question(message, "en", 3)
    assert question.text == "What would that look like in practice?" and question.anchor == 0
    chosen = follow(mirrors(message, "en", r), question, "en")[0]
    assert chosen.text.startswith("You'd want to be the kind of freelancer")


def test_a_mirror_that_says_back_a_feeling_stays_first() -> None:
    message = "Humiliated, mostly. I kept coming up with all the clever things I could have said."
    r = read(message, "en")
    question = top_question(message, "en", 2)
    said = mirrors(message, "en", r)
    assert question.anchor >= 0 and "humiliated" in said[0].text.lower()
    assert follow(said, question, "en")[0] == said[0]


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        (
            "Is het te laat om nu nog naar Ingrid toe te gaan?",
            "nl",
            "Je vraagt je af: “Is het te laat om nu nog naar Ingrid toe te gaan?”",
        ),
        ("should i just let it go?", "en", "You're asking yourself: “Should I just let it go?”"),
    ],
)
def test_a_message_that_is_only_a_question_is_said_back_as_their_question(
    message: str, lang: str, mirror: str
) -> None:
    assert mirrors(message, lang, read(message, lang))[0].text == mirror


@pytest.mark.parametrize(
    ("message", "lang", "meant"),
    [
        ("Boos. Nee, eigenlijk meer moe.", "nl", "Moe."),
        ("Angry. No, actually more tired.", "en", "Tired."),
        ("Ik was boos, nee eigenlijk meer teleurgesteld.", "nl", "Ik was teleurgesteld."),
        (
            "Ik voelde me klein. Of nee, eigenlijk voelde ik me dom.",
            "nl",
            "Eigenlijk voelde ik me dom.",
        ),
        ("Het was dinsdag. Nee wacht, het was woensdag.", "nl", "Het was woensdag."),
        # Turned around as a whole: kept as said.
        (
            "Ik wil er niet meer over praten. Nee, eigenlijk wel.",
            "nl",
            "Ik wil er niet meer over praten. Nee, eigenlijk wel.",
        ),
        ("Nee, eigenlijk niet.", "nl", "Nee, eigenlijk niet."),
    ],
)
def test_what_the_person_takes_back_is_not_said_back(message: str, lang: str, meant: str) -> None:
    assert corrected(message) == meant
    said = mirrors(message, lang, read(message, lang))[0].text.lower()
    if meant != message:
        assert not any(w in said for w in ("boos", "angry", "klein", "dinsdag"))


def test_the_question_follows_the_correction_too() -> None:
    message = "Boos. Nee, eigenlijk meer moe."
    meant = corrected(message)
    asked = [c.text for c in template_questions(read(meant, "nl"), meant, 2, "nl")]
    assert not any("boos" in q for q in asked)


@pytest.mark.parametrize(
    ("message", "lang", "question"),
    [
        (
            "Moet ik het aan mijn teamleider vragen, of los ik het zelf op?",
            "nl",
            "Wat weegt voor jou het zwaarst?",
        ),
        ("Should I tell the client now, or wait for the audit?", "en", "What weighs most for you?"),
    ],
)
def test_two_ways_open_asked_as_a_question_are_weighed(
    message: str, lang: str, question: str
) -> None:
    assert top_question(message, lang, 4).text == question


def test_the_plan_is_said_back_before_what_details_or_comments_on_it() -> None:
    message = (
        "Volgende week heb ik weer een afspraak met hem. Ik ga Yasmina vragen om mee te gaan. "
        "En ik begin met zeggen dat ik het vorige gesprek rommelig heb afgesloten. "
        "Dat voelt eigenlijk goed."
    )
    assert mirrors(message, "nl", read(message, "nl"))[0].text == (
        "Je gaat Yasmina vragen om mee te gaan."
    )


def test_the_question_about_an_alternative_follows_the_sentence_that_names_it() -> None:
    message = (
        "Er is een coach op het werk, dat weet ik. Maar dat voelt meteen zo zwaar. "
        "Misschien kan ik eerst zelf nog een keer met mijn teamleider praten."
    )
    seen = read(message, "nl")
    question = max(template_questions(seen, message, 4, "nl"), key=lambda c: c.score)
    assert question.text == "Wat zou dat voor verschil maken?"
    assert follow(mirrors(message, "nl", seen), question, "nl")[0].text == (
        "Misschien kun je eerst zelf nog een keer met je teamleider praten, denk je."
    )


@pytest.mark.parametrize(
    ("message", "lang", "question"),
    [
        (
            "Wat ik belangrijk vind is dat bewoners zich gezien voelen. Daar doe ik het voor.",
            "nl",
            "Wat maakt dat zo belangrijk voor je?",
        ),
        (
            "Honestly, fairness in the rota matters to me. More than the money.",
            "en",
            "What makes that so important to you?",
        ),
        (
            "Het is niet de eerste keer dat hij mijn mail doorstuurt zonder te vragen.",
            "nl",
            "Wat doet het met je dat het steeds weer gebeurt?",
        ),
        (
            "She moved my shift again without asking. It's not the first time.",
            "en",
            "What is it like for you that it keeps happening?",
        ),
        (
            "Dat doe ik vaker, geloof ik. Als iemand boos wordt ga ik meteen sussen.",
            "nl",
            "Wat gebeurt er dan in je?",
        ),
    ],
)
def test_what_matters_a_recurrence_and_an_own_pattern_are_asked_about(
    message: str, lang: str, question: str
) -> None:
    assert question in {c.text for c in template_questions(read(message, lang), message, 3, lang)}


def test_an_important_thing_is_not_what_matters_to_the_person() -> None:
    message = "We hadden een belangrijke klant op bezoek en ik moest de presentatie doen."
    assert not read(message, "nl").values_own


def test_what_i_find_important_is_said_back_as_a_plain_sentence() -> None:
    assert texts("Wat ik belangrijk vind: dat mijn collega's op me kunnen rekenen.")[0] == (
        "Je vindt het belangrijk dat je collega's op je kunnen rekenen."
    )


def test_a_question_about_what_matters_follows_the_sentence_that_says_it() -> None:
    message = (
        "Ik wil vooral dat de leerlingen zich veilig voelen in mijn klas. "
        "Dat vind ik het belangrijkste. En dan zegt zo'n ouder dit."
    )
    seen = read(message, "nl")
    question = next(
        c for c in template_questions(seen, message, 2, "nl") if c.source == "template:nl-waarde"
    )
    assert follow(mirrors(message, "nl", seen), question, "nl")[0].text == (
        "Je wilt vooral dat de leerlingen zich veilig voelen in je klas."
    )


def test_an_alternative_that_says_what_it_brings_is_asked_about_doing_it() -> None:
    message = (
        "Ik zou eerst kunnen vragen wat hij bedoelt. Dan schiet ik niet meteen in de verdediging."
    )
    asked = {c.text for c in template_questions(read(message, "nl"), message, 4, "nl")}
    assert "Wat heb je nodig om dat ook echt te doen?" in asked
    assert "Wat zou dat voor verschil maken?" not in asked


def test_then_asks_about_a_moment_the_person_was_in() -> None:
    others = "Hij had die nacht drie afdelingen en de familie was al boos geworden."
    asked = {c.text for c in template_questions(read(others, "nl"), others, 2, "nl")}
    assert "Wat gebeurde er toen in je?" not in asked
    told = "Ik stond bij de balie en de familie werd boos."
    asked = {c.text for c in template_questions(read(told, "nl"), told, 2, "nl")}
    assert "Wat gebeurde er toen in je?" in asked


def test_what_went_on_inside_is_not_asked_after_the_person_told_it() -> None:
    message = "Ik stond bij de balie en ik dacht: dit gaat helemaal mis."
    asked = {c.text for c in template_questions(read(message, "nl"), message, 2, "nl")}
    assert "Wat gebeurde er toen in je?" not in asked


@pytest.mark.parametrize(
    ("message", "lang", "first"),
    [
        (
            "nee niet echt. het team zei er niks over",
            "nl",
            "“Het team zei er niks over”, zeg je.",
        ),
        (
            "yeah i guess. the whole team saw it",
            "en",
            "“The whole team saw it”, you say.",
        ),
        (
            "honestly? a bit ashamed telling you this",
            "en",
            "You feel a bit ashamed telling you this.",
        ),
    ],
)
def test_a_short_answer_before_the_point_is_not_quoted(message: str, lang: str, first: str) -> None:
    assert texts(message, lang)[0] == first


def test_a_but_without_anyone_to_turn_is_said_back_with_what_it_turns() -> None:
    message = "Ik heb in het overleg gezegd dat ik het snapte. Maar dat is niet helemaal waar."
    assert texts(message)[0] == (
        "Je hebt in het overleg gezegd dat je het snapte, maar dat is niet helemaal waar."
    )


def test_a_sentence_that_says_nothing_without_the_one_before_comes_last() -> None:
    message = "Ik zeg altijd ja als de planner belt. Dat heb ik eigenlijk vaker."
    assert texts(message)[0] == "Je zegt altijd ja als de planner belt."


def test_the_persons_own_question_beside_not_knowing_is_said_back() -> None:
    message = "Is dit gewoon hoe het gaat in de zorg? Iedereen doet het zo. Ik weet het niet."
    assert texts(message)[0] == "Je vraagt je af: “Is dit gewoon hoe het gaat in de zorg?”"


def test_the_first_step_of_a_long_plan_is_said_back_alone() -> None:
    message = (
        "Ik wil Sanne vragen of we de overdracht voortaan samen doen, en dan spreek ik met "
        "mezelf af dat ik de lastige punten als eerste noem. Klinkt misschien overdreven, maar "
        "ik denk dat het werkt."
    )
    assert texts(message)[0] == "Je wilt Sanne vragen of jullie de overdracht voortaan samen doen."


def test_a_step_without_a_subject_is_said_back_as_it_is() -> None:
    message = "misschien eerst even bellen met de planner. niet via de mail. en dan zie ik wel"
    assert texts(message)[0].startswith("Misschien eerst even bellen met de planner")


def test_how_a_step_feels_is_said_back_as_the_persons() -> None:
    message = "I like her a lot. So it feels mean to bring up the deadline."
    assert texts(message, "en")[0] == "It feels mean to you to bring up the deadline."


def test_a_fear_of_what_others_will_think_is_asked_about() -> None:
    message = "Misschien dat ik bang ben dat collega's me dan een zeur vinden."
    asked = {c.text for c in template_questions(read(message, "nl"), message, 3, "nl")}
    assert "Wat zou het voor je betekenen als dat gebeurt?" in asked


@pytest.mark.parametrize(
    ("message", "question"),
    [
        (
            "Ik zou het met de planner kunnen bespreken, maar ik durf het nog niet.",
            "Wat houdt je nog tegen?",
        ),
        (
            "Ik zou het met de planner kunnen bespreken. Maar ik weet niet of ik dat al wil, "
            "het is nog zo vers.",
            "Wat zou je nodig hebben om het wel te doen?",
        ),
    ],
)
def test_a_step_held_back_is_asked_about(message: str, question: str) -> None:
    asked = {c.text for c in template_questions(read(message, "nl"), message, 4, "nl")}
    assert question in asked


@pytest.mark.parametrize(
    ("message", "lang", "first"),
    [
        (
            "weet je wat het is, ik ben altijd de makkelijke collega geweest.",
            "nl",
            "Je bent altijd de makkelijke collega geweest.",
        ),
        ("Like I'm the one who always stays late.", "en", "You're the one who always stays late."),
        (
            "Ik wil het wel aankaarten, idk, misschien volgende week.",
            "nl",
            "Je wilt het wel aankaarten, misschien volgende week.",
        ),
        ("Beroerd eigenlijk.", "nl", "Je voelde je eigenlijk beroerd."),
    ],
)
def test_chat_fillers_are_not_said_back(message: str, lang: str, first: str) -> None:
    assert texts(message, lang)[0] == first


def test_a_remark_to_the_coach_is_not_turned_into_nonsense() -> None:
    message = "Figured you'd say that to me. I keep thinking about the shift though."
    assert all("you'd say that to you" not in t for t in texts(message, "en"))


@pytest.mark.parametrize(
    "message",
    ["Terwijl ik eigenlijk al vol zat.", "I think because she never asks for help."],
)
def test_a_clause_without_its_main_clause_is_not_said_back(message: str) -> None:
    lang = "en" if message.startswith("I ") else "nl"
    assert not [
        c for c in mirrors(message, lang, read(message, lang)) if c.source.startswith("said")
    ]


def test_a_question_about_that_feeling_needs_a_mirror_that_names_one() -> None:
    from app.core.question_fit import fitting

    about = Candidate("Wat deed je met dat gevoel?", "template:x", 2.0)
    other = Candidate("Wat wilde jij op dat moment?", "template:y", 1.0)
    plain = [Candidate("Je bleef maar sorry zeggen.", "said:0", 1.0)]
    felt = [Candidate("Je schaamde je.", "said:0", 1.0)]
    assert [q.text for q in fitting([about, other], plain, "nl")] == [other.text]
    assert [q.text for q in fitting([about, other], felt, "nl")] == [about.text, other.text]


def test_where_else_is_not_asked_when_the_message_says_it() -> None:
    message = "Ik merk dat ik dan dichtklap. Thuis ook, eigenlijk."
    asked = {c.text for c in template_questions(read(message, "nl"), message, 3, "nl")}
    assert "Waar herken je dat nog meer van?" not in asked


def test_what_makes_it_important_follows_the_sentence_that_says_it() -> None:
    from app.core.question_fit import fitting

    value = Candidate("Wat maakt dat zo belangrijk voor je?", "template:nl-waarde", 2.0, 0)
    other = Candidate("Wat valt je op, nu je het zo vertelt?", "template:x", 1.0)
    said_it = [Candidate("Je vindt het belangrijk dat het eerlijk is.", "said:0", 1.0)]
    elsewhere = [Candidate("Je was boos op jezelf.", "said:2", 2.0)]
    assert fitting([value, other], said_it, "nl")[0] is value
    assert fitting([value, other], elsewhere, "nl") == [other]


@pytest.mark.parametrize(
    ("message", "lang", "first"),
    [
        (
            "ja. da's het eigenlijk. dat dossier. Kurt zegt dat het niks wil zeggen. maar het "
            "staat er wel he",
            "nl",
            "“Kurt zegt dat het niks wil zeggen, maar het staat er wel”, zeg je.",
        ),
        (
            "ik weet niet. hij heeft gelijk dat die risotto niet goed was. maar het hoeft niet zo",
            "nl",
            "“Hij heeft gelijk dat die risotto niet goed was, maar het hoeft niet zo”, zeg je.",
        ),
    ],
)
def test_a_quote_that_opens_with_but_keeps_the_sentence_it_answers(
    message: str, lang: str, first: str
) -> None:
    assert texts(message, lang)[0] == first


@pytest.mark.parametrize(
    ("message", "lang", "first"),
    [
        (
            "i don't know. that i'm good at my job i suppose? which should feel nice but it "
            "doesnt, it feels like I've done something wrong",
            "en",
            "Maybe you're good at your job.",
        ),
        (
            "hmm. maybe that I care too much what she thinks?",
            "en",
            "Maybe you care too much what she thinks.",
        ),
        (
            "weet ik niet precies. misschien ook dat ik niet aan de bel trek? toen Sanne uitviel "
            "vroeg Marco of ik het aankon",
            "nl",
            "Misschien ook dat je niet aan de bel trekt.",
        ),
    ],
)
def test_an_answer_given_with_a_question_mark_is_said_back_as_an_answer(
    message: str, lang: str, first: str
) -> None:
    assert first in texts(message, lang)
    assert "vraagt je af" not in " ".join(texts(message, lang))


def test_the_last_step_of_a_chain_is_quoted_when_nothing_can_be_turned() -> None:
    message = (
        "Wat ik toen deed? Ik zei iets als 'ik ga het even met mijn collega afstemmen' en toen "
        "heb ik dat dus niet gedaan. Sanne was al weg en de volgende dag was het weer druk en "
        "toen voelde het ineens zo groot om erover te beginnen"
    )
    assert texts(message)[0] == "“Toen voelde het ineens zo groot om erover te beginnen”, zeg je."


def test_a_flemish_correction_is_said_back_with_its_capital() -> None:
    message = (
        "'t is niet dat ik mij schaam voor die bezoekjes zelf. "
        "Het is meer dat ik iets beloofd heb dat ik niet kan waarmaken."
    )
    first = mirrors(message, "nl", read(message, "nl"))[0].text
    assert first == "Het is meer dat je iets beloofd hebt dat je niet kunt waarmaken."
    other = (
        "nee, bang is het niet. 't is meer dat ik altijd degene was die het de jonge gasten leerde."
    )
    assert mirrors(other, "nl", read(other, "nl"))[0].text.startswith("'t Is meer dat je altijd")


@pytest.mark.parametrize(
    ("message", "first"),
    [
        (
            "ok. ik vraag marieke donderdag om een kwartiertje. ik zeg dat ik de regel ga volgen. "
            "dennis spreek ik zelf aan, niet via haar",
            "Je vraagt marieke donderdag om een kwartiertje.",
        ),
        (
            "Ik denk dat ik eerst met Esra ga praten, gewoon bij de koffie. En in het volgende "
            "overleg, als we de vrijdagavond gaan uitwerken, neem ik dat lijstje mee.",
            "Je denkt dat je eerst met Esra gaat praten, gewoon bij de koffie.",
        ),
    ],
)
def test_the_first_step_of_a_plan_is_said_back_not_a_detail_after_it(
    message: str, first: str
) -> None:
    assert mirrors(message, "nl", read(message, "nl"))[0].text.startswith(first)


def test_no_mirror_starts_inside_a_quote_the_person_gave() -> None:
    message = (
        "toen Dennis in de bus begon had ik alleen maar 'ja maar ik ken hem' en dat klinkt "
        "gewoon slap"
    )
    for candidate in mirrors(message, "nl", read(message, "nl")):
        assert "' en" not in candidate.text and "’ en" not in candidate.text


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        (
            "ja meestal boos. niet op ronald eigenlijk, meer op mezelf dat ik weer ja zei.",
            "nl",
            "Je bent meestal boos, niet op ronald eigenlijk, meer op jezelf dat je weer ja zei.",
        ),
        (
            "mostly angry. not at her really, more at myself because I let it happen",
            "en",
            "You're mostly angry, not at her really, more at yourself because you let it happen.",
        ),
        (
            "Meer dat ik het zelf niet onderbouwd heb.",
            "nl",
            "Het is meer dat je het zelf niet onderbouwd hebt.",
        ),
    ],
)
def test_an_answer_without_a_head_of_its_own_is_said_back_with_one(
    message: str, lang: str, mirror: str
) -> None:
    assert texts(message, lang)[0] == mirror


@pytest.mark.parametrize(
    ("message", "lang", "fragment"),
    [
        (
            "allebei denk ik. op Dennis omdat hij het niet gewoon tegen mij zei maar het via de "
            "koffieautomaat speelt.",
            "nl",
            "Op Dennis",
        ),
        ("at him, because he never asks. it gets to me.", "en", "At him"),
        ("Niet dat ik boos ben. Ik snap het alleen niet.", "nl", "Niet dat"),
    ],
)
def test_an_elliptic_answer_is_never_said_back_alone(
    message: str, lang: str, fragment: str
) -> None:
    assert not any(t.startswith(fragment) for t in texts(message, lang)), texts(message, lang)


@pytest.mark.parametrize(
    ("message", "lang", "coach"),
    [
        (
            "ja ok, ik snap dat je dat terugkaatst haha. als ik eerlijk ben wil ik er wel iets van "
            "zeggen.",
            "nl",
            "terugkaatst",
        ),
        ("ja, ik wist da ge dat ging zeggen. ik moet eerst met Sandra praten.", "nl", "zeggen."),
        ("I get that you're bouncing it back. I do want to say something to her.", "en", "bounc"),
        ("like you said, I froze. Then I went home and cried.", "en", "said"),
        (
            "haha oke je gaat het me niet voorzeggen. nou ja. ik wil het rustig en apart zeggen.",
            "nl",
            "voorzeggen",
        ),
    ],
)
def test_a_sentence_about_what_the_coach_does_is_not_said_back(
    message: str, lang: str, coach: str
) -> None:
    said = texts(message, lang)
    assert said and not any(coach in t for t in said), said


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        (
            "exactly. I'm not scared of her. It's more that she's sort of untouchable? The vicar "
            "loves her, the trustees love her.",
            "en",
            "It's more that she's sort of untouchable.",
        ),
        (
            "no I'm not angry at Priya, that's the thing. if anything it's that she didn't say "
            "anything afterwards.",
            "en",
            "It's that she didn't say anything afterwards.",
        ),
        (
            "Ik ben niet boos op haar. Het is meer dat ik me gepasseerd voel.",
            "nl",
            "Het is meer dat je je gepasseerd voelt.",
        ),
    ],
)
def test_the_correction_is_said_back_before_what_it_corrects(
    message: str, lang: str, mirror: str
) -> None:
    assert texts(message, lang)[0] == mirror


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        (
            "ok yeah, fair. what I'm noticing now you ask is that I had the whole tour in my "
            "head as a script.",
            "en",
            "What you're noticing is that you had the whole tour in your head as a script.",
        ),
        (
            "ik ga eerst met Kevin nen pint drinken, serieus, en hem vragen wat er volgens hem "
            "mis zat.",
            "nl",
            "Je gaat eerst met Kevin een pint drinken, en hem vragen wat er volgens hem mis zat.",
        ),
        (
            "yeah. hadnt really said that out loud before",
            "en",
            "“Hadn't really said that out loud before”, you say.",
        ),
    ],
)
def test_asides_to_the_coach_and_chat_spellings_are_not_said_back(
    message: str, lang: str, mirror: str
) -> None:
    assert texts(message, lang)[0] == mirror


def test_a_question_about_what_touches_is_not_asked_after_the_person_said_it() -> None:
    message = "Doris's face. like she's used to being let down. thats the bit that gets me"
    assert read(message, "en").touched
    explained = "bang voor het antwoord. als hij zegt dat ik te betrokken ben dan heeft hij gelijk"
    assert read(explained, "nl").explained


def test_the_turn_after_but_is_found_with_a_capital_i() -> None:
    message = (
        "Everyone's been nice about it, my manager Helen said 'happens to everyone', but I keep "
        "replaying it on the bus home."
    )
    assert texts(message, "en")[0] == "You keep replaying it on the bus home."


def test_a_sentence_that_trails_off_in_its_just_is_not_said_back() -> None:
    message = "I'm not even that bothered about the training, its just. idk."
    assert not any(t.endswith("it's just.") for t in texts(message, "en")), texts(message, "en")


@pytest.mark.parametrize(
    ("message", "lang", "said"),
    [
        ("ik vind da gwn nie eerlijk, t is mijn werk geweest", "nl", "dat gewoon niet eerlijk"),
        ("i couldve pushed back but u know how it is", "en", "could've pushed back"),
        ("yeah i was ill that week tho", "en", "ill that week though"),
        ("maybe i care more about what he thinks than id admit", "en", "than you'd admit"),
        ("and then annoyed that im embarrassed when hes the one who said it", "en", "he's the one"),
    ],
)
def test_chat_and_regional_spellings_are_written_out_in_a_mirror(
    message: str, lang: str, said: str
) -> None:
    texts = [c.text for c in mirrors(message, lang, read(message, lang))]
    assert any(said in t for t in texts), texts
    assert not any(w in t.split() for t in texts for w in ("gwn", "nie", "da", "u", "tho"))


def test_what_i_can_do_is_said_back_as_a_step_of_their_own() -> None:
    message = (
        "Wat ik wel kan doen, is Anouk persoonlijk terugbellen en haar zeggen dat ik haar vraag "
        "dinsdag heb ontweken. Dat ik mijn bedenkingen heb ingebracht, zonder in detail te treden."
    )
    first = mirrors(message, "nl", read(message, "nl"))[0].text
    assert first == (
        "Je kunt Anouk persoonlijk terugbellen en haar zeggen dat je haar vraag dinsdag hebt "
        "ontweken."
    )
    english = "What I could do is ask him for ten minutes before the shift."
    assert "ask him for ten minutes" in mirrors(english, "en", read(english, "en"))[0].text


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        (
            "Vrouw zegt dat ik het moet laten gaan. Lukt dus niet echt.",
            "nl",
            "Je vrouw zegt dat je het moet laten gaan.",
        ),
        (
            "Wife says I should leave it. Can't, though.",
            "en",
            "Your wife says you should leave it.",
        ),
    ],
)
def test_whose_partner_is_said_and_their_should_is_no_advice(
    message: str, lang: str, mirror: str
) -> None:
    assert mirror in texts(message, lang)


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        (
            "Ik zeg niet dat ik het er mee eens ben.",
            "nl",
            "Je zegt niet dat je het ermee eens bent.",
        ),
        (
            "Ik vind het vreselijk om iemand teleur te stellen he.",
            "nl",
            "Je vindt het vreselijk om iemand teleur te stellen.",
        ),
        (
            "It's the way I done it that annoys me.",
            "en",
            "It's the way you did it that annoys you.",
        ),
        ("Dat is bij mij zon soort uitlaatklep.", "nl", "Dat is bij jou zo'n soort uitlaatklep."),
        (
            "Ma dat is eigenlijk niet eerlijk van mij.",
            "nl",
            "Dat is eigenlijk niet eerlijk van jou.",
        ),
        ("It's not all on me is it.", "en", "It's not all on you."),
        ("Probably I do like being needed.", "en", "You do like being needed."),
        ("Ashamed. Proper ashamed.", "en", "You felt proper ashamed."),
    ],
)
def test_chat_forms_and_tags_are_written_out_in_the_reflection(
    message: str, lang: str, mirror: str
) -> None:
    assert texts(message, lang)[0] == mirror


@pytest.mark.parametrize(
    ("message", "mirror"),
    [
        (
            "suppose I do this a lot. keep my head down, do the job well and just expect folk "
            "to notice.",
            "You keep your head down, do the job well and just expect folk to notice.",
        ),
        ("Gonna practise it in me head first.", "You're gonna practise it in your head first."),
    ],
)
def test_an_i_left_out_and_me_for_my_are_said_back_as_you_and_your(
    message: str, mirror: str
) -> None:
    assert mirror in texts(message, "en")


def test_a_second_verb_that_is_also_a_noun_takes_the_subject_of_the_first() -> None:
    assert texts("Ik doe vaak eerst en vraag later.")[0] == "Je doet vaak eerst en vraagt later."
    assert (
        texts("Ik lees de brief en de vraag van Anna.")[0]
        == "Je leest de brief en de vraag van Anna."
    )


def test_a_sentence_that_points_at_the_plan_to_come_is_not_the_plan_said_back() -> None:
    message = "Ik denk dat ik het zo ga doen. Maandag vraag ik Esther om tien minuten."
    assert texts(message)[0] == "Maandag vraag je Esther om tien minuten."


def test_a_flemish_ma_turns_the_sentence_before_it() -> None:
    message = "Technisch gezien was het nie gelogen wat ik zei. Ma het klopte ook nie."
    assert texts(message)[0] == (
        "Technisch gezien was het niet gelogen wat je zei, maar het klopte ook niet."
    )


@pytest.mark.parametrize(
    ("message", "lang", "mirror"),
    [
        ("Nu ben ik vier dagen verder en 'k voel me echt niet goed.", "nl", "je voelt je echt"),
        ("Ik trek het mij dus wel aan.", "nl", "Je trekt het je dus wel aan."),
        ("Don't want him thinking I'm going soft on the result.", "en", "You don't want him"),
    ],
)
def test_a_clipped_or_left_out_subject_is_turned_with_its_verb(
    message: str, lang: str, mirror: str
) -> None:
    assert mirror in mirrors(message, lang, read(message, lang))[0].text


def test_a_feeling_without_a_subject_after_a_sentence_about_someone_else_is_not_the_writers() -> (
    None
):
    message = "Tuesday, a test with a girl called Chloe, 17. Nervous as anything, hands shaking."
    assert not any(
        c.text.startswith("You're nervous") for c in mirrors(message, "en", read(message, "en"))
    )
    assert "You felt gutted." in texts("My manager shouted at me. Gutted, honestly.", "en")


@pytest.mark.parametrize(
    ("message", "mirror"),
    [
        ("Ik ga mij toch niet laten afblaffen door iemand.", "Je gaat je toch niet laten"),
        ("Ik was zo bezig dat ik die vrouw gwn vergeten ben.", "die vrouw gewoon vergeten"),
        ("Ik had nog gin koffie gehad.", "Je had nog geen koffie gehad."),
    ],
)
def test_regional_and_chat_words_are_written_out_and_a_let_keeps_the_reflexive(
    message: str, mirror: str
) -> None:
    assert mirror in texts(message)[0]


def test_a_step_with_its_someone_is_the_persons_and_an_order_to_the_listener_is_not_said_back() -> (
    None
):
    message = "then ill have a word with Kyle. tell him that were wrong of me."
    assert "You want to tell him that were wrong of you." in texts(message, "en")
    message = "And it's one fish. So dinnae tell me I should've fallen on my sword over it."
    assert not any("tell you" in t for t in texts(message, "en"))
