"""Tests for app.style: sentence splitting, open/closed questions, advice, turn checks."""

from __future__ import annotations

import pytest

from app.core.style import (
    MAX_WORDS,
    TurnCheck,
    asks_permission,
    borrowed_words,
    check_turn,
    has_advice,
    has_reflection_before_question,
    is_open_question,
    is_waarom,
    questions,
    sentences,
    word_count,
)

# --- sentences and questions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dat klinkt zwaar. Wat maakt het zo?", ["Dat klinkt zwaar.", "Wat maakt het zo?"]),
        (
            "Je noemt bijv. de planning en o.a. het rooster. Wat weegt het zwaarst?",
            ["Je noemt bijv. de planning en o.a. het rooster.", "Wat weegt het zwaarst?"],
        ),
        (
            "You mention e.g. the release, i.e. the rollback. What stands out?",
            ["You mention e.g. the release, i.e. the rollback.", "What stands out?"],
        ),
        (
            "Je hebt het over overleg, planning, enz. Wat valt je op?",
            ["Je hebt het over overleg, planning, enz.", "Wat valt je op?"],
        ),
        (
            "Je twijfelt... en tegelijk wil je door. Wat houdt je tegen?",
            ["Je twijfelt... en tegelijk wil je door.", "Wat houdt je tegen?"],
        ),
        ("Je twijfelt… Wat houdt je tegen?", ["Je twijfelt…", "Wat houdt je tegen?"]),
        (
            'Je vroeg je af: "Waarom ik?" en toen werd je stil. Wat gebeurde er daarna?',
            ['Je vroeg je af: "Waarom ik?" en toen werd je stil.', "Wat gebeurde er daarna?"],
        ),
        (
            'Je vroeg: "Waarom ik?" Wat gebeurde er toen?',
            ['Je vroeg: "Waarom ik?"', "Wat gebeurde er toen?"],
        ),
        (
            'Je zei: "Ik weet het niet. Ik ben moe." Wat merk je nu?',
            ['Je zei: "Ik weet het niet. Ik ben moe."', "Wat merk je nu?"],
        ),
        (
            "Je hebt 't gevoel dat z'n reactie je raakte. Wat deed dat?",
            ["Je hebt 't gevoel dat z'n reactie je raakte.", "Wat deed dat?"],
        ),
        ("Het kost 3.5 uur per week. Hoe is dat?", ["Het kost 3.5 uur per week.", "Hoe is dat?"]),
        ("Goed gedaan 🙂 Wat heb je geleerd?", ["Goed gedaan 🙂", "Wat heb je geleerd?"]),
        ("Dat klinkt zwaar. 🙂 Wat heb je nodig?", ["Dat klinkt zwaar. 🙂", "Wat heb je nodig?"]),
        ("Je voelt je klem\nWat maakt het lastig?", ["Je voelt je klem", "Wat maakt het lastig?"]),
        ("", []),
        ("🙂", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dat klinkt zwaar. Wat maakt het zo?", ["Wat maakt het zo?"]),
        ('Je vroeg: "Waarom ik?" Wat gebeurde er toen?', ["Wat gebeurde er toen?"]),
        ('"Waarom ik?", vroeg je jezelf. Wat dacht je?', ["Wat dacht je?"]),
        ('Wat bedoel je met "genoeg"?', ['Wat bedoel je met "genoeg"?']),
        ("Wat heb je nodig? 🙂", ["Wat heb je nodig? 🙂"]),
        ("Echt?! Wat gebeurde er?", ["Echt?!", "Wat gebeurde er?"]),
        ("Wat wil je? En wat wil je team?", ["Wat wil je?", "En wat wil je team?"]),
        ("Dat klinkt zwaar.", []),
    ],
)
def test_questions(text: str, expected: list[str]) -> None:
    assert questions(text) == expected


@pytest.mark.parametrize(
    ("text", "n"),
    [("", 0), ("Dat klinkt zwaar.", 3), ("Hij zegt z'n mening niet.", 5), ("Top 🙂 — echt!", 2)],
)
def test_word_count(text: str, n: int) -> None:
    assert word_count(text) == n


# --- open vs closed ------------------------------------------------------------------------------

OPEN_NL = [
    "Wat maakt het zo lastig?",
    "Hoe was dat voor je?",
    "Welke gedachte kwam er op?",
    "Wie heeft daar invloed op?",
    "Waar merk je dat aan?",
    "Waardoor kwam dat?",
    "Wanneer merkte je dat voor het eerst?",
    "Waarom deed je dat?",
    "In hoeverre herken je dat?",
    "Op welke momenten speelt dit?",
    "Met wie zou je dit kunnen bespreken?",
    "Stel dat het lukt, wat merk je dan?",
    "Als je terugkijkt, wat valt je op?",
    "Als je één ding mocht veranderen?",
    "En wat doet dat met je?",
    "Maar hoe zie jij dat zelf?",
    "Hoe vaak komt een situatie als deze voor in je werk?",
    "Hoeveel speelruimte ervaar je?",
    "Ik ben benieuwd: wat gaf de doorslag?",
    "Nu je dit zegt, wat valt je op?",
    "Wat merk je, of wat valt je op?",
]
CLOSED_NL = [
    "Heb je dat al tegen haar gezegd?",
    "Ben je boos?",
    "Is dat lastig?",
    "Kun je dat uitleggen?",
    "Kan je dat uitleggen?",
    "Wil je dat veranderen?",
    "Zou je dat anders willen?",
    "Moet dat nu?",
    "Ga je het doen?",
    "Vind je dat eerlijk?",
    "Denk je dat het lukt?",
    "Weet je wat je wilt?",
    "Doe je dat vaker?",
    "Mag ik dat zo zeggen?",
    "Herinner je je dat moment?",
    "Je vindt het lastig?",
    "Klopt dat?",
    "Het was zwaar, toch?",
    "Wat wil je, of weet je het nog niet?",
    "Wil je praten of liever niet?",
    "Is het dit of niet?",
    "Als het lukt, ben je dan tevreden?",
]
OPEN_EN = [
    "What makes it hard?",
    "What's going through your mind right now?",
    "How's that for you?",
    "How did that feel?",
    "Which part stays with you?",
    "Who else is involved?",
    "Where do you notice it?",
    "When did it start?",
    "Why did you do that?",
    "In what way does that matter?",
    "To what extent do you recognise that?",
    "If you look back, what stands out?",
    "Suppose it worked out, what would be different?",
    "Imagine it is next year — what has changed?",
    "And what does that mean to you?",
    "How much room did you have to decide for yourself at that moment?",
    "What makes working with this colleague so hard, or so valuable?",
]
CLOSED_EN = [
    "Do you agree?",
    "Does that help?",
    "Did it help?",
    "Is that hard?",
    "Are you angry?",
    "Was it fair?",
    "Were you there?",
    "Have you told her?",
    "Has he noticed?",
    "Can you explain?",
    "Could you say more?",
    "Would you do it again?",
    "Will you tell him?",
    "Should you stay?",
    "Shall we go on?",
    "You feel stuck?",
    "That was hard, right?",
    "If it works, will you be happy?",
    "What do you want, or do you not know yet?",
]


@pytest.mark.parametrize("q", OPEN_NL)
def test_open_dutch(q: str) -> None:
    assert is_open_question(q, "nl")


@pytest.mark.parametrize("q", CLOSED_NL)
def test_closed_dutch(q: str) -> None:
    assert not is_open_question(q, "nl")


@pytest.mark.parametrize("q", OPEN_EN)
def test_open_english(q: str) -> None:
    assert is_open_question(q, "en")


@pytest.mark.parametrize("q", CLOSED_EN)
def test_closed_english(q: str) -> None:
    assert not is_open_question(q, "en")


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("Waarom deed je dat?", True),
        ("En waarom is dat belangrijk?", True),
        ("Wat denk je, waarom reageerde je zo?", True),
        ("Hoezo?", True),
        ("Why did you stay?", True),
        ("How come you waited?", True),
        ("Wat maakt het belangrijk?", False),
        ("What makes it important?", False),
        ("How did you come to that?", False),
    ],
)
def test_is_waarom(q: str, expected: bool) -> None:
    assert is_waarom(q) is expected


# --- advice and permission -----------------------------------------------------------------------

ADVICE = [
    ("Je moet gewoon met haar praten.", "nl"),
    ("Je zou eigenlijk eerder moeten beginnen.", "nl"),
    ("Probeer eens om het op te schrijven.", "nl"),
    ("Mijn advies is: zeg nee.", "nl"),
    ("Ik raad je aan om met je leidinggevende te praten.", "nl"),
    ("Het is beter om het nu te bespreken.", "nl"),
    ("Je kunt het beste morgen bellen.", "nl"),
    ("Zorg dat je op tijd bent.", "nl"),
    ("Tip: plan een gesprek.", "nl"),
    ("Praat met je teamleider.", "nl"),
    ("Neem contact op met HR.", "nl"),
    ("Bespreek het in het teamoverleg.", "nl"),
    ("Vraag om hulp.", "nl"),
    ("Stel duidelijke grenzen.", "nl"),
    ("Heb je overwogen om het haar te vragen?", "nl"),
    ("Heb je er al aan gedacht om hulp te vragen?", "nl"),
    ("Zou je kunnen proberen om nee te zeggen?", "nl"),
    ("Misschien kun je het eerst met haar bespreken.", "nl"),
    ("Het kan helpen om het op te schrijven.", "nl"),
    ("Als ik jou was, zou ik stoppen.", "nl"),
    ("Je kunt ook eens met haar praten.", "nl"),
    ("Dan moet je dat aangeven.", "nl"),
    ("You should talk to her.", "en"),
    ("You need to set boundaries.", "en"),
    ("Try to say no more often.", "en"),
    ("I recommend a short break.", "en"),
    ("I suggest you write it down.", "en"),
    ("My advice would be to wait.", "en"),
    ("It's best to ask him directly.", "en"),
    ("Make sure you rest.", "en"),
    ("Have you considered talking to your manager?", "en"),
    ("Have you tried talking to him?", "en"),
    ("Why don't you ask her?", "en"),
    ("Set a clear deadline.", "en"),
    ("Talk to HR about it.", "en"),
    ("If I were you, I'd wait.", "en"),
    ("You could already try to say no once.", "en"),
    ("You might also ask her directly.", "en"),
    ("Je zou dit al kunnen proberen bij het volgende overleg.", "nl"),
    ("Je zou het ook kunnen bespreken met je team.", "nl"),
]
NOT_ADVICE = [
    ("Wat zou jij zelf al kunnen proberen?", "nl"),
    ("Wil je dat ik een suggestie doe?", "nl"),
    ("Mag ik een idee geven?", "nl"),
    ("Mag ik je een tip geven?", "nl"),
    ("Je hebt het gevoel dat je moet presteren. Wat maakt dat zo?", "nl"),
    ("Je moet van jezelf altijd klaarstaan. Wat kost je dat?", "nl"),
    ("Je moet niks, het is jouw keuze. Wat wil jij?", "nl"),
    ("Wat denk je dat je zou moeten doen?", "nl"),
    ("Wat heb je al geprobeerd?", "nl"),
    ("Vertel eens, wat gebeurde er?", "nl"),
    ("Neem gerust de tijd. Wat komt er op?", "nl"),
    ("Stel dat het lukt, wat merk je dan?", "nl"),
    ("Je probeert je team te beschermen. Wat vraagt dat van je?", "nl"),
    ("Wat helpt jou om ervoor te zorgen dat je rust neemt?", "nl"),
    ("Je voelt de zorg voor je team. Wat betekent dat voor je?", "nl"),
    ("Laat me even samenvatten: je bent moe. Wat heb je nodig?", "nl"),
    ("Zeg het maar, wat speelt er?", "nl"),
    ("Wil je mijn advies horen?", "nl"),
    ("Would you like a suggestion?", "en"),
    ("Would you like my advice on this?", "en"),
    ("What could you yourself try?", "en"),
    ("You feel you need to prove yourself. What drives that?", "en"),
    ("What have you tried so far?", "en"),
    ("Tell me more about that moment.", "en"),
    ("Take your time. What comes up?", "en"),
    ("You're trying to protect your team. What does that ask of you?", "en"),
    ("How do you make sure you get rest?", "en"),
    ("Have you thought about what you want?", "en"),
    ("What do you think you should do?", "en"),
    ("What if nothing changes?", "en"),
    ("You must feel exhausted. What keeps you going?", "en"),
    ("Wat heb je zelf al overwogen, voordat ik een paar mogelijkheden noem?", "nl"),
    ("What have you considered yourself, before I mention a few options?", "en"),
    ("Wat zou je zelf al kunnen proberen bij het volgende overleg?", "nl"),
    ("Misschien kun je van tevoren zeggen welke dagen wel en welke niet, denk je.", "nl"),
    ("You think you could ask for fifteen minutes. What would you say first?", "en"),
]


@pytest.mark.parametrize(("text", "lang"), ADVICE)
def test_advice_detected(text: str, lang: str) -> None:
    assert has_advice(text, lang)


@pytest.mark.parametrize(("text", "lang"), NOT_ADVICE)
def test_not_advice(text: str, lang: str) -> None:
    assert not has_advice(text, lang)


def test_advice_in_the_other_language_is_still_caught() -> None:
    assert has_advice("You should talk to her.", "nl")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Wil je dat ik een suggestie doe?", "nl"),
        ("Mag ik een idee geven?", "nl"),
        ("Zal ik een paar ideeën aanreiken?", "nl"),
        ("Sta je open voor een suggestie?", "nl"),
        ("Wat zou jij zelf kunnen doen?", "nl"),
        ("Wat zou jij zelf al kunnen proberen?", "nl"),
        ("Would you like a suggestion?", "en"),
        ("May I share a thought?", "en"),
        ("Do you want me to suggest something?", "en"),
        ("What could you yourself do?", "en"),
        ("Wat heb je zelf al overwogen, voordat ik een paar mogelijkheden noem?", "nl"),
        ("What have you considered yourself, before I mention a few options?", "en"),
    ],
)
def test_asks_permission(text: str, lang: str) -> None:
    assert asks_permission(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Wat wil je?", "nl"),
        ("Je moet met haar praten.", "nl"),
        ("Wat zou je doen?", "nl"),
        ("What do you want?", "en"),
        ("You should ask her.", "en"),
    ],
)
def test_does_not_ask_permission(text: str, lang: str) -> None:
    assert not asks_permission(text, lang)


# --- reflection first ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dat klinkt zwaar. Wat maakt het zo?", True),
        ("Je voelt je alleen staan 🙂 Wat heb je nodig?", True),
        ("Wat maakt het zo? Dat klinkt zwaar.", False),
        ("Oké. Wat nu?", False),  # one word is not a reflection
        ("🙂 Wat nu?", False),
        ('Je vroeg: "Waarom ik?" Wat gebeurde er?', True),
    ],
)
def test_reflection_before_question(text: str, expected: bool) -> None:
    assert has_reflection_before_question(text) is expected


# --- check_turn ----------------------------------------------------------------------------------

GOOD_TURNS = [
    ("Je voelt je klem tussen de vader en je eigen team. Wat maakt het zo lastig?", "nl"),
    (
        "Je zegt steeds ja, ook als het je veel kost. Wat gebeurt er vlak voor dat ja?",
        "nl",
    ),
    ("Je bleef rustig, maar van binnen kookte je. Hoe was dat voor je?", "nl"),
    ("Het raakte je dat je collega niets zei. Welke rol had je van haar gehoopt?", "nl"),
    ("You pushed the deploy and it still weighs on you. What stays with you most?", "en"),
    ("You keep postponing that conversation. What makes it so hard to start?", "en"),
    ("Je wilt graag een antwoord van mij. Wat zou jij zelf al kunnen proberen?", "nl"),
    ("Je zegt: 'zij weten het vast beter'. Waar komt die gedachte vandaan?", "nl"),
]


@pytest.mark.parametrize(("text", "lang"), GOOD_TURNS)
def test_good_turns_have_no_problems(text: str, lang: str) -> None:
    check = check_turn(text, lang)
    assert check.problems == [], check
    assert check.n_questions == 1 and check.open and check.reflection_first and check.lang_ok


@pytest.mark.parametrize(
    ("text", "lang", "problem"),
    [
        ("Dat klinkt zwaar. Wat maakt het lastig? En wie kan helpen?", "nl", "2 questions"),
        ("Dat klinkt zwaar en vermoeiend.", "nl", "no question"),
        ("Dat klinkt zwaar. Heb je dat al tegen haar gezegd?", "nl", "closed question"),
        ("That sounds hard. Did you tell her?", "en", "closed question"),
        ("Dat klinkt zwaar. Je moet met haar praten. Wat houdt je tegen?", "nl", "advice"),
        ("That sounds hard. Have you considered talking to HR?", "en", "advice"),
        ("Wat maakt het zo lastig voor je?", "nl", "no reflection"),
        ("What makes it so hard for you?", "en", "no reflection"),
        (
            "You feel stuck between the parents and your team. What makes it hard?",
            "nl",
            "wrong language",
        ),
        (
            "Je voelt je klem tussen de vader en je team. Wat maakt het lastig?",
            "en",
            "wrong language",
        ),
        ("Je vertelt " + "heel veel " * 30 + "over je werk. Wat valt je op?", "nl", "too long"),
    ],
)
def test_bad_turns_name_the_problem(text: str, lang: str, problem: str) -> None:
    found = check_turn(text, lang).problems
    assert any(p.startswith(problem) or problem in p for p in found), found


def test_bad_turn_reports_only_its_own_problems() -> None:
    found = check_turn("Dat klinkt zwaar. Heb je dat al tegen haar gezegd?", "nl").problems
    assert found == ["closed question (expected an open question)"]


def test_waarom_is_flagged_but_not_a_problem() -> None:
    check = check_turn("Je bleef stil in dat overleg. Waarom deed je dat?", "nl")
    assert check.waarom is True
    assert check.problems == []


def test_asking_permission_is_a_good_turn() -> None:
    check = check_turn("Je wilt weten wat je moet doen. Wil je dat ik een suggestie doe?", "nl")
    assert check.advice is False


def test_very_short_reply_is_lenient_on_language() -> None:
    assert check_turn("Oké. Wat nu?", "en").lang_ok is True


def test_word_limit_is_inclusive() -> None:
    body = "Je " + "merkt " * (MAX_WORDS - 6) + "veel. Wat valt je op?"
    check = check_turn(body, "nl")
    assert check.words == MAX_WORDS
    assert not any(p.startswith("too long") for p in check.problems)


def test_turncheck_problems_from_fields() -> None:
    check = TurnCheck(
        n_questions=3,
        open=False,
        advice=True,
        waarom=True,
        words=80,
        reflection_first=False,
        lang_ok=False,
    )
    assert check.problems == [
        "3 questions (expected exactly 1)",
        "closed question (expected an open question)",
        "advice without permission",
        "no reflection before the question",
        "wrong language",
        "too long (80 words, max 60)",
    ]


def test_borrowed_words_are_the_coachs_not_the_persons() -> None:
    reply = "Je wilt in de volgende intervisie vertellen hoe het ging. Wat neem je mee?"
    coach = "Wat wil je in de volgende intervisie vertellen over hoe het ging?"
    assert borrowed_words(reply, "Ik wil beginnen met wat ik zie.", coach) == [
        "inte",
        "vert",
        "volg",
    ]
    said = "In de volgende intervisie wil ik vertellen wat er gebeurde."
    assert borrowed_words(reply, said, coach) == []
    assert borrowed_words("Wat vertel je?", "", coach) == []  # only the mirror counts


def test_looking_back_or_knowing_is_no_advice() -> None:
    from app.core import style_advice

    assert not style_advice.has_advice("You know you should have but you didn't.", "en")
    assert not style_advice.has_advice("You should have said something.", "en")
    assert style_advice.has_advice("You should talk to him.", "en")
    assert not style_advice.has_advice("Je weet dat je het moet zeggen.", "nl")
