"""The ALACT cycle state: moves by rules, never skipping bewustwording."""

from __future__ import annotations

from app.core import phases


def run(messages: list[str]) -> list[int]:
    state = phases.CycleState()
    return [phases.observe(state, m).phase for m in messages]


def test_an_intention_early_on_does_not_skip_the_cycle() -> None:
    seen = run(
        [
            "Volgende keer ga ik het anders doen, dat weet ik nu al zeker.",
            "Ik ga morgen meteen naar mijn leidinggevende toe om het te zeggen.",
            "I will fix it tomorrow.",
        ]
    )
    assert seen == [1, 2, 2]


def test_intention_in_alternatives_moves_to_voornemen_after_one_turn() -> None:
    state = phases.CycleState(phase=4)
    assert phases.observe(state, "Volgende keer ga ik eerst benoemen wat ik hoor.").phase == 5


def test_alternatives_without_intention_take_two_turns() -> None:
    state = phases.CycleState(phase=4)
    assert phases.observe(state, "Ik zou kunnen benoemen wat ik zie.").phase == 4
    assert phases.observe(state, "Of ik vraag om een pauze.").phase == 5


def test_bewustwording_always_comes_before_alternatives() -> None:
    seen = run(["Ik merk dat ik altijd stil word, dat patroon zie ik steeds."] * 12)
    assert 3 in seen and seen.index(3) < seen.index(4)
    assert seen == sorted(seen) and seen[-1] == 5
    assert all(b - a <= 1 for a, b in zip(seen, seen[1:], strict=False))


def test_eight_questions_skip_what_is_covered() -> None:
    state = phases.CycleState(phase=2)
    phases.observe(state, "Ik voelde me boos en ik wilde gehoord worden.")
    question = phases.next_terugblik(state, "nl")
    assert question == phases.EIGHT["nl"][("denken", "ik")]
    asked = [question]
    assert phases.next_terugblik(state, "nl", asked) == phases.EIGHT["nl"][("doen", "ik")]


def test_a_plan_at_the_end_of_bewustwording_goes_on_to_voornemen() -> None:
    from app.core.reading import read

    state = phases.CycleState(phase=3, turns_in_phase=1, turns=6, insight_seen=True)
    plan = "Ik denk dat ik hem maandag bij de koffie ga zeggen dat ik het gezien heb."
    assert phases.observe(state, plan, read(plan, "nl")).phase == 5
    # the same move without a plan goes one step
    state = phases.CycleState(phase=3, turns_in_phase=1, turns=6, insight_seen=True)
    other = "Misschien is hij gewoon even koppig als ik vroeger was."
    assert phases.observe(state, other, read(other, "nl")).phase == 4


def test_a_plan_without_when_or_how_at_a_move_goes_one_step() -> None:
    from app.core.reading import read

    state = phases.CycleState(phase=3, turns_in_phase=1, turns=6, insight_seen=True)
    said = "Half nee is eigenlijk gewoon ja met een zucht erachter. Die ga ik onthouden."
    assert phases.observe(state, said, read(said, "nl")).phase == 4
