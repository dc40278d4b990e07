"""The learned order of the candidate questions: weights from supervisors' blind choices, priors
from the rated rounds (never the frozen test part)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from app.core import question_rank


@dataclass(frozen=True)
class Q:
    text: str
    source: str


def test_the_weights_and_the_priors_agree_with_the_code() -> None:
    model = json.loads(question_rank.WEIGHTS_FILE.read_text(encoding="utf-8"))
    computed = question_rank.features("Wat weegt voor jou het zwaarst?", "template:x", 0)
    assert sorted(model["features"]) == sorted(computed)
    assert model["cross_validated"]["learned_accepted"] > model["cross_validated"]["rules_accepted"]
    priors = json.loads(question_rank.PRIORS_FILE.read_text(encoding="utf-8"))
    assert priors["ratings"] > 1000 and 0 < priors["mean"] < 2


def test_a_question_rated_well_before_weighs_more_and_an_unknown_one_is_the_mean() -> None:
    mean = json.loads(question_rank.PRIORS_FILE.read_text(encoding="utf-8"))["mean"]
    assert question_rank.prior("Wat wil je uit dit gesprek halen?") > mean + 0.3
    assert question_rank.prior("Een vraag die nooit gesteld is?") == mean


def test_a_general_bank_question_goes_behind_one_that_reads_the_message() -> None:
    questions = [
        Q("Welke rol speelde jij in dit geheel?", "bank:rol"),
        Q("Wat weegt voor jou het zwaarst?", "template:nl-dilemma-weegt"),
    ]
    order = question_rank.reranked(questions)
    assert [q.source for q in order] == ["template:nl-dilemma-weegt", "bank:rol"]


def test_the_leervraag_keeps_its_place_and_only_the_first_four_move() -> None:
    questions = [
        Q("Wat wil je uit dit gesprek halen?", "method:leervraag"),
        Q("Welke rol speelde jij in dit geheel?", "bank:rol"),
        Q("Wat raakt je hier het meest in?", "template:nl-raakt"),
        Q("Wat deed je met dat gevoel?", "method:terugblik"),
        Q("Wat weegt voor jou het zwaarst?", "template:nl-dilemma-weegt"),
    ]
    order = question_rank.reranked(questions)
    assert order[0].source == "method:leervraag"
    assert order[4].source == "template:nl-dilemma-weegt"
    assert order[1].source == "template:nl-raakt"


def test_a_question_rated_out_of_place_nearly_every_time_is_not_offered() -> None:
    from app.core.compose import rank_questions
    from app.core.reading import read

    unfit = "Hoe stuurde je bij toen het anders liep dan verwacht?"
    assert question_rank.rated_unfit(unfit)
    assert not question_rank.rated_unfit("Wat weegt voor jou het zwaarst?")
    assert not question_rank.rated_unfit("a question never rated")
    message = "Ik weet het eigenlijk niet goed."
    reading = read(message, "nl", ["Het overleg liep anders dan ik had gepland."])
    bank = [("b1", unfit), ("b2", "Wat had je nodig op dat moment?")]
    texts = [c.text for c in rank_questions(bank, reading, message, message, 1, "nl", [])]
    assert unfit not in texts and texts
