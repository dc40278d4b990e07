"""Questions that take up what the message names: a step held back ("Wat hield je tegen?"), a
plan said back ("Hoe zie je dat voor je?"), a feeling or a judging word of now in any phase."""

from __future__ import annotations

import pytest

from app.core.compose import rank_questions
from app.core.question_fit import pair_fits, template_questions
from app.core.reading import read
from app.core.reflection import Candidate
from app.core.terugblik_fit import terugblik_fits


def _sources(message: str, lang: str, phase: int) -> dict[str, Candidate]:
    return {q.source: q for q in template_questions(read(message, lang), message, phase, lang)}


@pytest.mark.parametrize(
    ("message", "lang", "held"),
    [
        ("Ik wilde eigenlijk vragen waarom precies. Maar ik zei 'begrijpelijk'.", "nl", True),
        ("Ik wilde nog reageren maar ik knikte alleen maar en ging weer zitten.", "nl", True),
        ("I wanted to tell him it wasn't my fault. I didn't. I just nodded.", "en", True),
        # what stopped them is said: not asked again
        (
            "I wanted to say I'd flagged it. But it felt like excuses. So I just stood there.",
            "en",
            False,
        ),
        (
            "Ik wilde iets zeggen maar ik was bang dat het verkeerd viel, dus ik zei niks.",
            "nl",
            False,
        ),
        # wanted and did it
        ("Ik wilde vragen waarom, en dat heb ik ook gedaan.", "nl", False),
    ],
)
def test_a_step_held_back_is_read_only_when_nothing_says_what_stopped_it(
    message: str, lang: str, held: bool
) -> None:
    assert read(message, lang).held_back is held


def test_what_held_them_back_is_asked_only_with_the_mirror_of_what_they_wanted() -> None:
    message = "Ik wilde eigenlijk vragen waarom precies. Maar ik zei 'begrijpelijk'. Zo stom."
    question = _sources(message, "nl", 2)["template:nl-tegengehouden"]
    assert question.text == "Wat hield je tegen?"
    wanted = Candidate("Je wilde eigenlijk vragen waarom precies.", "said:0", 1.0)
    other = Candidate("Zo stom.", "said:2", 1.0)
    assert pair_fits(wanted, question)
    assert not pair_fits(other, question)


def test_a_plan_is_pictured_only_with_its_own_mirror_and_not_when_it_is_concrete() -> None:
    message = "Ja, ik denk ook dat ik hem apart moet nemen. Niet in de keet met iedereen erbij."
    question = _sources(message, "nl", 4)["template:nl-plan-voorstellen"]
    plan = Candidate("Je denkt ook dat je hem apart moet nemen.", "said:0", 1.0)
    aside = Candidate("Niet in de keet met iedereen erbij.", "said:1", 1.0)
    assert pair_fits(plan, question) and not pair_fits(aside, question)
    concrete = "Ik denk dat ik hem morgen moet bellen."
    assert "template:nl-plan-voorstellen" not in _sources(concrete, "nl", 4)


def test_a_judging_word_of_now_is_asked_about_later_too_but_not_a_pleasant_one() -> None:
    scary = "I think I could talk to her now. That feels scary but also a relief."
    assert _sources(scary, "en", 4)["template:en-judging-makes-later"].text == (
        "What makes it so scary?"
    )
    pleasant = "Ik vind het ook gewoon leuk werk, dat is het."
    assert not any(s.startswith("template:nl-oordeel") for s in _sources(pleasant, "nl", 4))


def test_the_persons_own_role_is_not_their_manager() -> None:
    assert not read("Ik ben teamleider in een DC, avonddienst.", "nl").manager
    assert not read("so I'm a DSM (deputy stage manager, I call the show).", "en").manager
    assert read("I'm a project manager. My director, Graham, blamed me.", "en").manager
    assert read("Mijn leidinggevende Ingrid kwam naar voren.", "nl").manager


@pytest.mark.parametrize(
    ("message", "plan"),
    [
        ("Ik denk dat ik het eerst tegen Dirk zeg, maandagochtend om half acht.", True),
        ("dat ik dinsdag voor de service even met hem ga zitten, buiten bij de achterdeur.", True),
        ("en ik zet om vijf uur een wekker op mijn gsm, geen discussie.", True),
        # the past, a habit or a story told in the present is no plan
        ("vorige week dinsdag zeg ik nog tegen hem dat het niet kan", False),
        ("elke maandag bel ik mijn moeder", False),
        ("Dinsdag kwam ze binnen en ik zeg nog, goedemorgen", False),
        ("ik merk dat ik om vier uur al op de klok zit te kijken", False),
    ],
)
def test_a_plan_told_with_a_time_ahead(message: str, plan: bool) -> None:
    reading = read(message, "nl")
    assert reading.plan is plan
    assert reading.concrete_plan is plan


@pytest.mark.parametrize(
    ("message", "lang", "touched"),
    [
        ("hij heeft zijn netwerk gebruikt achter mijn rug. dat is wat mij stoort.", "nl", True),
        ("ja dat vooral. dat ik meegelachen heb", "nl", True),
        ("ja. rot is het juiste woord", "nl", True),
        ("yeah. stewing is the word", "en", True),
        # the point named against another, or the feeling that weighs most
        ("nee het gaat niet om die taart. het is meer dat ze me gwn niet zagen staan", "nl", True),
        ("Het gaat me eigenlijk om daarna, wat hij toen zei.", "nl", True),
        ("its more that I didn't want to be That Person", "en", True),
        ("beschaamd vooral. voor die ouders", "nl", True),
        ("Mostly embarrassed, I think.", "en", True),
        ("The tapestry comes back in June. That's the bit that keeps me up.", "en", True),
        # what bothers them most, told with words between ("wat mij eigenlijk het meest ...")
        ("Wat mij eigenlijk het meest dwarszit is dat hij niet naar mij toe kwam.", "nl", True),
        ("what really bothers me is that nobody asked", "en", True),
        # a superlative after its verb
        ("Dat knikken zit mij eigenlijk nog het meest dwars denk ik.", "nl", True),
        ("ja. idd dat stak het meest", "nl", True),
        ("Honestly that's what stung most.", "en", True),
        ("Wie doet het meest werk op die afdeling, dat ben ik.", "nl", False),
        ("Ik werk vooral op dinsdag en donderdag met hem samen.", "nl", False),
        ("Hij raakte me per ongeluk met zijn elleboog.", "nl", False),
        ("mostly I just went home and watched telly", "en", False),
        ("dat is het ergste niet, het went wel", "nl", False),
        ("Ik had een drukke dag en niemand hielp.", "nl", False),
    ],
)
def test_what_touches_most_is_not_asked_right_after_it_was_said(
    message: str, lang: str, touched: bool
) -> None:
    assert read(message, lang).touched is touched
    asked = {q.text for q in template_questions(read(message, lang), message, 2, lang)}
    stock = {"nl": "Wat raakt je hier het meest in?", "en": "What stays with you most about this?"}
    assert (stock[lang] in asked) is not touched


def test_a_question_about_the_voornemen_or_the_organisation_needs_them_in_the_story() -> None:
    from app.core.question_fit import fits
    from app.core.reading import read

    story = "Ik ben teamleider in een supermarkt. De planning lag al vast."
    seen = read("hmm", "nl")
    assert not fits("Wat zou het voornemen een punt haalbaarder maken?", seen, story)
    assert not fits("Wat dacht je dat de organisatie in deze situatie van je vroeg?", seen, story)
    planned = story + " Ik ga morgen met hem praten."
    # "een punt haalbaarder" takes a score out of ten for granted, not only a plan
    assert not fits("Wat zou het voornemen een punt haalbaarder maken?", seen, planned)
    scored = planned + " Haalbaar? Een 6 op 10 denk ik."
    assert fits("Wat zou het voornemen een punt haalbaarder maken?", seen, scored)


@pytest.mark.parametrize(
    ("question", "story", "fits_story"),
    [
        ("Welke kwaliteit ga je de komende weken bewust inzetten?", "Ik ga hem bellen.", False),
        (
            "Welke kwaliteit ga je de komende weken bewust inzetten?",
            "Ik ben goed in luisteren.",
            True,
        ),
        ("Hoe geef je je gevoel een plek als de situatie terugkomt?", "Hij schreeuwde.", False),
        ("Hoe geef je je gevoel een plek als de situatie terugkomt?", "Hij doet het steeds.", True),
        ("Hoe ga je vastleggen wat je ervaart als je het uitprobeert?", "Ik bel hem.", False),
        ("Waaraan zou een collega kunnen zien dat je iets anders doet?", "Ik bel hem.", False),
        (
            "Waaraan zou een collega kunnen zien dat je iets anders doet?",
            "Voortaan zeg ik het tegen mijn collega.",
            True,
        ),
        ("Which quality will you use deliberately in the coming weeks?", "I'll call him.", False),
        # something that worked, even a little
        ("Wat deed je dat werkte, al was het maar een beetje?", "beschaamd vooral.", False),
        ("Wat deed je dat werkte, al was het maar een beetje?", "Het begin ging best goed.", True),
        ("What worked, even if only a little?", "I was mostly embarrassed.", False),
        ("What worked, even if only a little?", "Calling her first helped a bit.", True),
    ],
)
def test_a_question_for_later_needs_what_it_takes_for_granted(
    question: str, story: str, fits_story: bool
) -> None:
    from app.core.question_fit import fits

    lang = "en" if question.startswith(("Which", "What")) else "nl"
    assert fits(question, read(story, lang), story) is fits_story


@pytest.mark.parametrize(
    ("message", "lang", "wants"),
    [
        ("als ik eerlijk ben wil ik er wel iets van zeggen. dat ze het eerst VRAAGT.", "nl", True),
        ("ik denk dat ik het wel wil weten. niet om het terug te draaien.", "nl", True),
        ("I guess what I actually want is for the report to be true.", "en", True),
        # what they do not want is a worry, not a want
        ("misschien dat ik niet wil dat ze denken dat ik het niet aankan.", "nl", False),
        ("Het is ook niet dat ik terug wil naar hoe het was.", "nl", False),
        ("ik wil ook niet dat het zo'n kamp wordt, wij tegen hem.", "nl", False),
        ("I don't want to make a big thing of it.", "en", False),
    ],
)
def test_what_the_person_wants_now(message: str, lang: str, wants: bool) -> None:
    assert read(message, lang).wants_now is wants


def _texts(message: str, lang: str, phase: int) -> set[str]:
    return {q.text for q in template_questions(read(message, lang), message, phase, lang)}


@pytest.mark.parametrize(
    ("message", "lang", "options", "stay"),
    [
        # an insight just told: stay with it, no search for other ways yet
        (
            "ik merk dat ik het mezelf veel moeilijker maak dan ik bij een ander zou doen",
            "nl",
            "Welke mogelijkheden zie je zelf?",
            "Hoe is het om dat nu zo te zien?",
        ),
        (
            "I notice I always go quiet when someone raises their voice. Same with my landlord.",
            "en",
            "What options do you see?",
            "What is it like to see it that way?",
        ),
    ],
)
def test_after_an_insight_the_coach_stays_with_it_before_asking_for_options(
    message: str, lang: str, options: str, stay: str
) -> None:
    texts = _texts(message, lang, 4)
    assert stay in texts
    assert options not in texts


@pytest.mark.parametrize(
    ("message", "lang", "asked"),
    [
        (
            "als ik eerlijk ben wil ik er wel iets van zeggen. niet eens dat ik die woensdag "
            "terug wil, maar dat ze het eerst vraagt.",
            "nl",
            "Wat is voor jou het belangrijkste om over te brengen?",
        ),
        (
            "ok. I guess what I actually want is for her to know it wasn't me.",
            "en",
            "What matters most to you to get across?",
        ),
        # weighing whether to act at all: the ways the person sees
        (
            "ja laten gaan werkt nie denk ik. en als ik het nie zeg wordt het volgende formulier "
            "weer hetzelfde verhaal",
            "nl",
            "Welke mogelijkheden zie je zelf?",
        ),
        (
            "Part of me thinks I should just leave it. But then nothing changes.",
            "en",
            "What options do you see?",
        ),
    ],
)
def test_in_alternatieven_a_wish_to_tell_or_a_doubt_to_act_comes_first(
    message: str, lang: str, asked: str
) -> None:
    ranked = sorted(
        template_questions(read(message, lang), message, 4, lang), key=lambda q: -q.score
    )
    assert ranked[0].text == asked


@pytest.mark.parametrize(
    ("message", "lang"),
    [
        # a want of something else, or to hear rather than to tell, is no message to get across
        ("ok. I guess what I actually want is a quieter week.", "en"),
        ("i guess what i actually want is to know her.", "en"),
        ("But I'd like to keep some space next year for the lessons I believe in.", "en"),
        ("ik denk dat ik het wel wil weten. niet om het terug te draaien.", "nl"),
        ("eigenlijk is het meer dat ik niet wil dat ze weggaat.", "nl"),
    ],
)
def test_no_get_across_question_without_a_wish_to_tell(message: str, lang: str) -> None:
    texts = _texts(message, lang, 4)
    assert not texts & {
        "Wat is voor jou het belangrijkste om over te brengen?",
        "What matters most to you to get across?",
    }


@pytest.mark.parametrize(
    "message",
    [
        "ja das waar. ok ik ga het donderdag gewoon tegen hem zeggen",
        "ik ben bang dat hij dan boos gaat worden en dat het nog erger wordt",
    ],
)
def test_no_options_or_next_time_question_after_a_plan_or_a_fear_ahead(message: str) -> None:
    texts = _texts(message, "nl", 4)
    assert "Welke mogelijkheden zie je zelf?" not in texts
    assert "Wat zou je de volgende keer anders willen doen?" not in texts


@pytest.mark.parametrize(
    ("message", "lang", "fear"),
    [
        ("wel bang dat ik dan ga huilen. of juist te fel word.", "nl", True),
        ("bit nervous she'll think I'm being precious about it.", "en", True),
        ("Al vrees ik wel dat hij het slecht gaat opnemen.", "nl", True),
        ("Ik ben bang dat ze me dan niet meer aardig vindt.", "nl", True),
        ("wel bang dat ik overkom als zeurpiet die gelijk wil krijgen.", "nl", True),
        ("wel eng tho. wat als Fleur gewoon 'ja whatever' zegt.", "nl", True),
        ("Het risico is dat Hans gewoon ja zegt.", "nl", True),
        # the feared thing told in the present, after a colon, or as "stel dat"
        ("Wel bang dat ik toch weer over dat brood begin hoor, ken mezelf.", "nl", True),
        ("wel scared dat hij zegt 'jeroen heeft de data aangeleverd' of zoiets.", "nl", True),
        ("Kleine angst: dat ik dan 'die moeilijke designer' word.", "nl", True),
        ("Het enige waar ik tegenop zie is dat hij zegt dat ik overdrijf.", "nl", True),
        ("Maar stel dat ze nee zegt.", "nl", True),
        ("Stel dat ik het haar gewoon vraag.", "nl", False),
        ("Ik was bang dat ik het fout had gedaan.", "nl", False),
        ("Wat als ik het hem gewoon vraag?", "nl", False),
        # a fear of what was, or a feeling without what may come
        ("Bang. ik was gewoon bang.", "nl", False),
        ("Worried about the kids mostly.", "en", False),
        ("hij was bang dat het misging, zei hij.", "nl", False),
    ],
)
def test_a_fear_of_what_may_come_also_when_chat_drops_the_i(
    message: str, lang: str, fear: bool
) -> None:
    assert read(message, lang).fear_ahead is fear


def test_a_fear_about_the_plan_is_asked_about_with_the_mirror_of_that_fear() -> None:
    message = "ok dan zeg ik het donderdag. wel bang dat ik dan ga huilen. maar goed."
    question = _sources(message, "nl", 5)["template:nl-angst-betekenen"]
    assert question.text == "Wat zou het voor je betekenen als dat gebeurt?"
    fear = Candidate("Je bent wel bang dat je dan gaat huilen.", "said:1", 1.0)
    plan = Candidate("Dan zeg je het donderdag.", "said:0", 1.0)
    assert pair_fits(fear, question)
    assert not pair_fits(plan, question)


@pytest.mark.parametrize(
    ("message", "lang", "asked"),
    [
        ("Ik weet het gewoon niet meer. Het blijft maar door mijn hoofd gaan.", "nl", True),
        ("I honestly don't know. It keeps going round in my head.", "en", True),
        # ways of their own already named: not asked for again
        ("Ik kan ook iets in de groepsapp zetten. Of juist niet.", "nl", False),
        ("Kan het ook op papier zetten. Voelt wel ambtelijk.", "nl", False),
        ("Should I just say sorry to Chloe? Or do I need to go back to Gary as well?", "en", False),
        ("Or I could just leave it. I can also ask Priya.", "en", False),
        # decided: a plan, not a search for ways
        ("ok ik doe t gwn donderdag", "nl", False),
    ],
)
def test_options_are_asked_for_only_when_the_person_names_none(
    message: str, lang: str, asked: bool
) -> None:
    options = "Welke mogelijkheden zie je zelf?" if lang == "nl" else "What options do you see?"
    texts = {q.text for q in _sources(message, lang, 4).values()}
    assert (options in texts) is asked


@pytest.mark.parametrize(
    ("message", "lang", "asked"),
    [
        ("het is meer dat niemand me iets vraagt.", "nl", "Wat doet dat met je?"),
        ("its more that I didn't want to be That Person.", "en", "How does that sit with you?"),
    ],
)
def test_what_it_does_to_them_is_asked_after_they_named_what_touches(
    message: str, lang: str, asked: str
) -> None:
    assert asked in {q.text for q in template_questions(read(message, lang), message, 2, lang)}
    # a feeling already named, or "dat raakt me": what it does was just said
    for said in (
        ("schaamte vooral. dat ik meegelachen heb", "ja klopt. dat raakt me wel eigenlijk")
        if lang == "nl"
        else ("mostly embarrassed", "yeah. stewing is the word")
    ):
        assert asked not in {q.text for q in template_questions(read(said, lang), said, 2, lang)}


@pytest.mark.parametrize(
    ("message", "lang", "dilemma"),
    [
        ("Ik kan het tegen Marcel zelf zeggen, of eerst met Ilse praten. Of allebei?", "nl", True),
        (
            "Zou jij nog een gesprek met haar aangaan, of is het professioneler om het los te "
            "laten?",
            "nl",
            True,
        ),
        ("i suppose i could talk to karen, or just say nothing and let it blow over", "en", True),
        ("Would you email him or ask to meet? I genuinely can't decide", "en", True),
        # a plan with its fallback, or "or not", weighs nothing
        (
            "I think I can ask for the review meeting, or at least write that part myself",
            "en",
            False,
        ),
        ("ik kan het zo laten, of niet. maakt ook niet uit", "nl", False),
        ("Ik kan het morgen tegen hem zeggen.", "nl", False),
    ],
)
def test_two_ways_weighed_are_a_dilemma(message: str, lang: str, dilemma: bool) -> None:
    assert read(message, lang).dilemma is dilemma


def test_a_bank_question_comes_after_every_template_once_the_story_has_begun() -> None:
    message = "Het team telt elf mensen en we werken in twee ploegen."
    bank = [("vnl-140", "Wat zei je niet, terwijl je het wel dacht?")]
    asked = ["Wat raakt je hier het meest in?"]  # one general template left: "Wat kun je ..."
    order = rank_questions(bank, read(message, "nl"), message, message, 2, "nl", asked)
    assert [q.source for q in order] == ["template:nl-meer", "bank:vnl-140"]


@pytest.mark.parametrize(
    ("message", "lang", "fits"),
    [
        ("Gisteren zei mijn collega dat mijn plan niet deugde. Ik zei niks.", "nl", True),
        ("Ik heb hem ook nooit iets anders verteld. Hij denkt dat alles prima gaat.", "nl", False),
        ("The kids were exhausted. Some of them told me they hated maths.", "en", False),
    ],
)
def test_the_methods_moment_question_needs_a_moment_the_person_acted_in(
    message: str, lang: str, fits: bool
) -> None:
    question = (
        "Wat wilde jij op dat moment?" if lang == "nl" else "What did you want at that moment?"
    )
    assert terugblik_fits(question, read(message, lang), message, message) is fits


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("dan zit luc morgen thuis en wie geeft er dan de zwemlessen?", False),
        ("volgende keer is het een ander kind.", False),
        ("probably told everyone she'd have her licence by next week.", False),
        ("I decide when I was young I will be different, careful.", False),
        ("Morgen bel ik hem.", True),
        ("tomorrow, first thing, ring her.", True),
        # what the person does whenever it happens, and defiance: no plan
        ("ik doe dat wel vaker. als iemand boos op me is ga ik meteen uitleggen hoe t zit.", False),
        ("Mijn man zegt dat ook weleens, als hij moppert ga ik het uitleggen.", False),
        ("Ik ga mij toch nie laten afblaffen door iemand die nooit een steen vasthield.", False),
        # a next occasion keeps it a plan
        ("Ik doe dat vaak. Als hij weer begint, ga ik het meteen zeggen.", True),
        ("Als ze het vraagt ga ik nee zeggen.", True),
    ],
)
def test_a_time_ahead_is_a_plan_only_with_the_person_in_it(text: str, plan: bool) -> None:
    from app.core import plan_marks

    assert plan_marks.says_plan(text) is plan


def test_the_person_after_the_time_still_makes_it_a_plan() -> None:
    from app.core import plan_marks

    text = "Volgende keer dat hij komt (en hij komt, donderdag al) wil ik hem rustig iets zeggen."
    assert plan_marks.says_plan(text)


@pytest.mark.parametrize(
    ("message", "lang", "reacted"),
    [
        ("Ik heb niks teruggezegd, ben naar buiten gelopen en heb in me auto gezeten.", "nl", True),
        ("Ik heb gehuild op de wc, echt waar.", "nl", True),
        ("I laughed it off and closed my laptop.", "en", True),
        ("I couldn't eat that night.", "en", True),
        ("Ik was zo boos op hem.", "nl", False),
        ("I felt gutted when I read it.", "en", False),
    ],
)
def test_what_the_person_did_with_the_feeling_is_read(
    message: str, lang: str, reacted: bool
) -> None:
    # "Wat deed je met dat gevoel?" asks again what was just told (rated blind, round 53)
    assert read(message, lang).reacted is reacted


def test_who_they_hold_themselves_to_be_is_what_matters_to_them() -> None:
    message = (
        "nee schuldig is het niet. het is meer dat ik mezelf altijd zie als iemand die eerlijk is."
    )
    assert read(message, "nl").values
    asked = {q.text for q in template_questions(read(message, "nl"), message, 3, "nl")}
    assert "Wat zegt dat over wat jij belangrijk vindt?" not in asked


def test_what_would_follow_if_is_no_plan() -> None:
    from app.core.plan_marks import says_plan

    assert not says_plan("als ik het laat gaan dan ga ik de volgende keer twijfelen.")
    assert not says_plan("If I let it go I will just keep doubting myself.")
    assert says_plan("als hij weer begint ga ik het hem zeggen.")


def test_a_question_about_this_role_needs_a_role_in_the_story() -> None:
    from app.core.question_fit import fits

    question = "Wat maakt dat deze rol je zo goed of juist zo slecht ligt?"
    plain = "ja dat vind ik het lastigste geloof ik. zo ben ik toch niet"
    assert not fits(question, read(plain, "nl"), plain)
    role = "Als voorzitter heb ik een lastige rol in het team."
    assert fits(question, read(role, "nl"), role)
