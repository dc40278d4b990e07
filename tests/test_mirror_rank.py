"""The learned order of the candidate reflections: weights from supervisors' blind choices."""

from __future__ import annotations

import json
from dataclasses import dataclass

from app.core import mirror_rank
from app.core.reading import read
from app.core.reflection import mirrors


@dataclass(frozen=True)
class C:
    text: str
    source: str
    score: float


def test_the_weights_file_names_every_feature_the_code_computes() -> None:
    model = json.loads(mirror_rank.WEIGHTS_FILE.read_text(encoding="utf-8"))
    computed = mirror_rank.features("Je was boos.", "said:1", 1.0, 0, 3, False)
    assert sorted(model["features"]) == sorted(computed)
    assert len(model["weights"]) == len(model["mean"]) == len(model["sd"]) == len(computed)
    figures = model["cross_validated"]
    assert figures["learned_best"] > figures["rules_best"]


def test_a_later_sentence_of_ones_own_goes_before_a_clause_cut_from_the_opening() -> None:
    found = [
        C("Je werkt op de afdeling sinds maart.", "clause:0", 1.2),
        C("Je hebt er de hele avond over lopen malen.", "said:3", 1.0),
    ]
    order = mirror_rank.reranked(found, total=4, story=True)
    assert [c.source for c in order] == ["said:3", "clause:0"]


def test_what_the_rules_refuse_is_not_promoted_and_a_far_lower_score_stays_behind() -> None:
    found = [
        C("Je tandarts loopt elke dag uit.", "said:1", 1.1),
        C("Je weet niet precies waar je heen wilt hiermee.", "said:2", 1.0),
        C("Je voelt je eigenlijk al een tijd moe en leeg.", "said:3", 1.1 - 3 * mirror_rank.MARGIN),
    ]
    order = mirror_rank.reranked(found, total=4)
    assert order[0].source == "said:1"
    assert [c.source for c in order[1:]] == ["said:2", "said:3"]


def test_in_the_opening_message_the_story_s_first_line_is_context() -> None:
    message = (
        "Vorige week donderdag had ik de late dienst op de afdeling. Een familielid begon tegen "
        "me te schreeuwen over de bezoektijden. Ik heb niks teruggezegd, maar ik schaamde me "
        "rot tegenover de andere patiënten."
    )
    first = mirrors(message, "nl", read(message, "nl", []))[0].text
    assert not first.startswith("Vorige week")
    assert "schaamde" in first
