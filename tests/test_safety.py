"""Tests for app.safety: crisis positives, work-talk near misses, and the hand-off texts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app.core.crisis_replies import NOT_THERAPY_NOTICE
from app.core.crisis_replies import handoff as crisis_reply
from app.core.safety import Verdict, detect_crisis, normalise

BENCH = Path(__file__).resolve().parent.parent / "bench" / "conversations"

POSITIVES: list[tuple[str, str]] = [
    # Dutch, suicide (direct and indirect)
    ("Ik wil er niet meer zijn.", "suicide"),
    ("Ik zie het niet meer zitten.", "suicide"),
    (
        "Eerlijk gezegd zie ik het allemaal niet meer zitten. Niet alleen het werk, alles.",
        "suicide",
    ),
    ("Ik zie het niet meer zitten met mijn leven.", "suicide"),
    ("Ik zie het leven niet meer zitten, ook niet met dit werk.", "suicide"),
    ("ik wil dood", "suicide"),
    ("Ik wil gewoon echt dood.", "suicide"),
    ("Ik denk de laatste tijd veel aan zelfmoord.", "suicide"),
    ("Ik heb zelfmoordgedachten.", "suicide"),
    ("Ik ben bang dat ik mezelf iets aandoe.", "suicide"),
    ("Soms wil ik mezelf iets aandoen.", "suicide"),
    ("Niemand zou me missen.", "suicide"),
    ("Soms denk ik dat niemand me zou missen als ik er niet meer was.", "suicide"),
    ("Ik heb pillen gespaard.", "suicide"),
    ("Ik kan niet meer leven.", "suicide"),
    ("Iedereen is beter af zonder mij.", "suicide"),
    ("Ik wil slapen en niet meer wakker worden.", "suicide"),
    # Dutch, self-harm
    ("Ik ben weer begonnen met mezelf snijden.", "selfharm"),
    ("Ik snij mezelf als het te veel wordt.", "selfharm"),
    # Dutch, danger
    ("Ik ben in gevaar.", "danger"),
    ("Hij slaat me als hij gedronken heeft.", "danger"),
    ("Mijn man bedreigt me.", "danger"),
    ("Ik voel me niet veilig thuis.", "danger"),
    ("Ik heb net een overdosis genomen.", "danger"),
    ("Ik heb pijn op de borst en voel me raar.", "danger"),
    # English, suicide
    ("I want to die.", "suicide"),
    ("Sometimes I think about how to kill myself.", "suicide"),
    ("I just want to end it all.", "suicide"),
    ("There's no reason to live.", "suicide"),
    ("Everyone would be better off without me.", "suicide"),
    ("Nobody would miss me.", "suicide"),
    ("I've been saving up pills.", "suicide"),
    ("I've been thinking about an overdose.", "suicide"),
    ("I feel suicidal.", "suicide"),
    # English, self-harm
    ("I keep wanting to hurt myself.", "selfharm"),
    ("I've been cutting again.", "selfharm"),
    ("I started cutting.", "selfharm"),
    ("I cut my arms last night.", "selfharm"),
    # English, danger
    ("He is threatening me.", "danger"),
    ("He's threatening me right now", "danger"),
    ("I'm not safe.", "danger"),
    ("I am in danger.", "danger"),
    ("My boyfriend hits me.", "danger"),
    ("He threatened to kill me.", "danger"),
    ("I took too many pills.", "danger"),
]

NEAR_MISSES: list[str] = [
    "Ik ben doodmoe van die reorganisatie.",
    "Ik schaam me dood over die presentatie.",
    "Die vergadering was dodelijk saai.",
    "Die deadline maakt me dood.",
    "Ik ga dood van de stress.",
    "Ik zie dat project niet meer zitten.",
    "Ik zie het project niet meer zitten.",
    "Ik zie het niet meer zitten met die nieuwe planning.",
    "Ik zie het niet meer zitten om dat rapport op tijd af te krijgen.",
    "Ik wil er niet meer over praten.",
    "Dat voorstel was politieke zelfmoord.",
    "Ik voel me niet veilig in het team om dit te zeggen.",
    "Ik kan mijn baas wel vermoorden.",
    "Ik word bedreigd met ontslag.",
    "Ik heb pillen voor mijn hoofdpijn genomen.",
    "Ik kreeg bijna een hartaanval van die mail.",
    "Ik snij dat onderwerp morgen aan.",
    "Ik kan niet meer, het is te druk op het werk.",
    "We're killing it this sprint.",
    "This deadline is killing me.",
    "That would be career suicide.",
    "We're cutting costs next quarter.",
    "I'm cutting the scope of the release.",
    "I don't feel safe to speak up in my team.",
    "I'm not safe to make mistakes in this team.",
    "I could kill for a coffee.",
    "My manager is going to kill me when he sees this.",
    "My manager is threatening me with a bad review.",
    "I'm dying to know what they decided.",
    "Nobody would miss me in that meeting.",
    "We need to talk about unconscious bias in hiring.",
    "I'm going to burn myself out at this rate.",
    "I almost had a heart attack when I saw the invoice.",
    "I can't do this anymore, this project is a mess.",
    "The project died a quiet death.",
    "",
]


@pytest.mark.parametrize(("text", "kind"), POSITIVES)
def test_crisis_detected(text: str, kind: str) -> None:
    signal = detect_crisis(text)
    assert signal is not None, text
    assert signal.family == kind
    assert signal.phrase and signal.phrase in normalise(text)


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_work_talk_is_not_a_crisis(text: str) -> None:
    assert detect_crisis(text) is None


def test_enough_cases_per_language_and_kind() -> None:
    english = [t for t, _ in POSITIVES if re.search(r"\b(I|I'm|He|He's|My|There's)\b", t)]
    assert len(POSITIVES) >= 15 and len(NEAR_MISSES) >= 12
    assert len(english) >= 10 and len(POSITIVES) - len(english) >= 10
    assert {k for _, k in POSITIVES} == {"suicide", "selfharm", "danger"}


@pytest.mark.parametrize(
    "text",
    [
        "IK WIL ER NIET MEER ZIJN",
        "ik   wil\ter niet  meer zijn",
        "Ik wil er niet méér zijn!!",
        "ik wil dooooood",
        "I’m not safe",  # typographic apostrophe
        "Im not safe",
        "self-harm is something I've done",
        "Zelfmoord?",
    ],
)
def test_normalisation_of_case_accents_apostrophes_spacing(text: str) -> None:
    assert detect_crisis(text) is not None


def test_work_object_only_waives_the_indirect_phrase_not_a_direct_one() -> None:
    assert detect_crisis("Ik zie het niet meer zitten met dit project.") is None
    assert detect_crisis("Ik wil dood, dit project is hopeloos.") is not None


def test_indirect_phrase_in_its_own_sentence_after_work_talk_is_still_flagged() -> None:
    # The work word sits in another sentence, so it cannot waive this one.
    signal = detect_crisis("Het project loopt vast. Ik zie het niet meer zitten.")
    assert signal is not None and signal.family == "suicide"
    assert signal.phrase == "zie het niet meer zitten" and signal.level == "possible"


def test_danger_wins_over_suicide() -> None:
    signal = detect_crisis("Ik wil dood en hij slaat me.")
    assert signal is not None and signal.family == "danger"


def test_verdict_is_frozen() -> None:
    signal = Verdict("clear", "direct", phrase="x")
    with pytest.raises(AttributeError):
        signal.kind = "abuse"  # type: ignore[misc]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", ["suicide", "selfharm", "danger"])
def test_reply_contains_all_numbers_and_stays_short(lang: str, kind: str) -> None:
    reply = crisis_reply(lang, kind)
    for needle in ("113", "0800-0113", "113.nl", "112", "1813", "zelfmoord1813.be"):
        assert needle in reply, needle
    assert len(reply.split()) < 90
    assert "?" not in reply  # no questions, and certainly none about the work


@pytest.mark.parametrize("kind", ["suicide", "selfharm", "danger"])
def test_dutch_reply_content(kind: str) -> None:
    reply = crisis_reply("nl", kind)
    assert "blij" in reply
    assert "geen hulpverlener" in reply and "therapeut" in reply
    assert "huisarts" in reply and "huisartsenpost" in reply
    assert "België" in reply


@pytest.mark.parametrize("kind", ["suicide", "selfharm", "danger"])
def test_english_reply_content(kind: str) -> None:
    reply = crisis_reply("en", kind)
    assert "glad" in reply
    assert "not a counsellor or therapist" in reply
    # each line with the country it serves: an English speaker may be anywhere
    for country, number in [
        ("the Netherlands", "113"),
        ("Belgium", "1813"),
        ("the UK and Ireland", "116 123"),
        ("the US and Canada", "988"),
    ]:
        assert country in reply and number in reply, country
    assert "GP" in reply


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_danger_reply_puts_112_first(lang: str) -> None:
    danger = crisis_reply(lang, "danger")
    assert danger.index("112") < danger.index("113")
    support = crisis_reply(lang, "suicide")
    assert support.index("113") < support.index("112")


def test_unknown_language_falls_back_to_dutch() -> None:
    assert crisis_reply("de", "suicide") == crisis_reply("nl", "suicide")


def test_not_therapy_notice() -> None:
    assert set(NOT_THERAPY_NOTICE) == {"nl", "en"}
    assert NOT_THERAPY_NOTICE["nl"].startswith("Dit is een reflectiehulp, geen therapie")
    for text in NOT_THERAPY_NOTICE.values():
        assert "113" in text and "112" in text and "1813" in text
        assert len(text.split()) <= 45  # one or two sentences, not a leaflet


def test_bench_conversations_crisis_turns_match_the_detector() -> None:
    files = sorted(BENCH.glob("*.json"))
    assert len(files) >= 12
    for path in files:
        conv = json.loads(path.read_text(encoding="utf-8"))
        flagged = [i for i, m in enumerate(conv["messages"]) if detect_crisis(m)]
        assert flagged == conv["crisis_turns"], path.name


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("In 2018 heb ik met een touw in de schuur gestaan. Het gaat al jaren goed met me.", False),
        ("Two years free of self-harm today, and I told my team lead.", False),
        (
            "Vier jaar geleden deed ik een poging om uit het leven te stappen. Ik ben in "
            "behandeling geweest en heb een nieuwe start gemaakt.",
            False,
        ),
        ("Vijf jaar geleden mijn overdosis. Ik ben er nog, hersteld, en net teamleider.", False),
        ("Old self-harm scars, healed for years. Fine to wear short sleeves teaching PE?", False),
        # told as past, but it is back: a signal
        (
            "Ik heb vroeger mijn armen bewerkt met een mesje en heb hulp gehad. Deze week wil "
            "ik dat weer doen.",
            True,
        ),
        # "since then" is not "well since then"
        ("Twee jaar geleden dat ongeval. Sindsdien wil ik eigenlijk niet meer leven.", True),
        ("In 2018 heb ik met een touw in de schuur gestaan. Nu denk ik er weer aan.", True),
        # closed and over, in the person's own words
        ("Als adolescent heb ik een suïcidepoging gedaan. Dat is een afgesloten hoofdstuk.", False),
        ("In my early twenties I self-harmed; after treatment the scars have faded.", False),
        # a present wish or a return outweighs any word of recovery
        (
            "Ik heb er hulp voor gehad, maar nu ben ik thuis en wil ik mezelf snijden, zoals ik "
            "vroeger deed.",
            True,
        ),
        ("Ooit zelfbeschadiging, na behandeling klachtenvrij. Nu weer begonnen met krassen.", True),
        (
            "Vier jaar geleden deed ik een zelfmoordpoging. De laatste tijd denk ik er weer aan.",
            True,
        ),
        # a time long past places the rule's words there, unless it goes on or is back
        (
            "In 2016 I took an overdose and spent two nights in hospital. HR asked me to help.",
            False,
        ),
        ("Zes jaar vrij van zelfbeschadiging. Vandaag taart voor het team.", False),
        ("Als zestienjarige had ik suïcidale gedachten. Nu begeleid ik zelf jongeren.", False),
        ("Drie jaar geleden een overdosis. Ik heb nog steeds die gedachten.", True),
        ("In 2017 I took an overdose. Since then I've wanted to try again.", True),
    ],
)
def test_a_crisis_told_as_past_and_handled_is_not_a_signal_now(text: str, flagged: bool) -> None:
    assert (detect_crisis(text) is not None) is flagged, text


class _FakeSemantic:
    """A semantic half that always gives one score and flags nothing."""

    def __init__(self, score: float, veto: float) -> None:
        self.score, self.veto = score, veto

    def judge(self, text: str) -> Verdict:
        return Verdict(score=self.score)


def test_subject_only_rules_are_marked_and_each_still_has_its_examples() -> None:
    from app.core.safety import default_rules

    topics = [r for r in default_rules().rules if r.topic]
    assert {r.id for r in topics} >= {"nl-zelfmoord-woord", "en-self-harm"}
    assert all(r.catches and r.misses for r in topics)
    assert not any(r.topic for r in default_rules().rules if r.id == "nl-wil-dood")


@pytest.mark.parametrize(
    ("score", "veto", "flagged"),
    [(0.01, 0.05, False), (0.2, 0.05, True), (0.01, 0.0, True)],
)
def test_the_semantic_half_overrules_a_rule_that_only_names_the_subject(
    score: float, veto: float, flagged: bool
) -> None:
    from app.core.safety import CrisisScreen

    screen = CrisisScreen(semantic=_FakeSemantic(score, veto))
    text = "Vandaag een intake gedaan en de standaardvragen over zelfmoord gesteld."
    assert screen.check(text).flagged is flagged


def test_the_veto_never_overrules_a_rule_that_says_it_is_the_writer_now() -> None:
    from app.core.safety import CrisisScreen

    screen = CrisisScreen(semantic=_FakeSemantic(0.0, 0.5))
    for text in ("Ik wil dood.", "Ik denk aan zelfmoord en ik wil dood."):
        verdict = screen.check(text)
        assert verdict.level == "clear", text
