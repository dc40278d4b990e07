"""Intervisie: a meeting runs its method's rounds, keeps every note, and its verslag holds only
what was typed; the tab's handlers work over the real knowledge search (hash embedder)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes import FakeChatModel

from app.adapters import meetings
from app.adapters.embedders import HashEmbedder
from app.adapters.sessions import Turn
from app.core import intervisie
from app.errors import InputError
from app.services import Coach
from app.settings import Settings
from app.web import intervisie as web_intervisie

CASE = (
    "Tijdens het oudergesprek werd de vader boos omdat zijn dochter niet overgaat. Ik bleef "
    "uitleggen en hij liep weg. Mijn collega zat erbij en zei niets."
)
LEERVRAAG = "Hoe blijf ik in contact als een ouder boos wordt?"


def meeting(method: str = "incidentmethode", now: float = 1000.0) -> intervisie.Meeting:
    return intervisie.start(method, "Sanne", "Ahmed, Lieke, Joris", CASE, LEERVRAAG, "nl", now)


def test_rounds_follow_the_method_with_their_clock() -> None:
    m = meeting(now=1000.0)
    assert m.step is not None and m.step.id == "inbreng"
    assert m.remaining(now=1000.0 + 60) == 4 * 60  # 5 minutes planned, one used
    assert m.remaining(now=1000.0 + 400) == -100  # over time shows as negative
    m.advance(now=1400.0)
    assert m.step is not None and m.step.id == "verhelderen" and m.started["verhelderen"] == 1400
    ids = [m.step.id]
    while not m.finished:
        m.advance(now=2000.0)
        ids += [m.step.id] if m.step else []
    assert ids == ["verhelderen", "analyse", "adviezen", "reactie", "evaluatie"]
    m.back()
    assert m.step is not None and m.step.id == "evaluatie"


@pytest.mark.parametrize(
    ("people", "case", "question"),
    [
        ("Ahmed", CASE, LEERVRAAG),  # two people
        ("A, B, C, D, E, F, G, H", CASE, LEERVRAAG),  # nine people
        ("Ahmed, Lieke", "Lastig.", LEERVRAAG),  # no case
        ("Ahmed, Lieke", CASE, " "),  # no leervraag
    ],
)
def test_a_meeting_needs_three_to_eight_people_a_case_and_a_question(
    people: str, case: str, question: str
) -> None:
    with pytest.raises(InputError):
        intervisie.start("incidentmethode", "Sanne", people, case, question)


def test_the_reflection_cycle_is_not_an_intervisie_method() -> None:
    with pytest.raises(InputError, match="not an intervisie method"):
        intervisie.start("alact", "Sanne", "Ahmed, Lieke", CASE, LEERVRAAG)


def test_verslag_holds_the_case_and_the_notes_and_nothing_else() -> None:
    m = meeting()
    m.note("Er is al twee keer eerder een gesprek met deze vader geweest.")
    m.advance().advance()
    m.advance()  # adviezen
    m.note("Ahmed: vraag eerst wat de vader nodig heeft.\nLieke: benoem zijn boosheid.")
    m.advance()
    m.note("Ik neem mee dat ik minder ga uitleggen en meer ga vragen.")
    text = intervisie.verslag(m)
    assert text.startswith("# Intervisieverslag: Incidentmethode")
    assert CASE in text and LEERVRAAG in text and "Inbrenger: Sanne" in text
    assert "- Ahmed: vraag eerst wat de vader nodig heeft." in text
    assert "## Wat ik meeneem\n\n- Ik neem mee dat ik minder ga uitleggen" in text
    assert text.count("Niet genoteerd.") == 3  # verhelderen got a note; analyse, evaluatie not
    # every line is a heading, the credit line, the case, or something typed
    typed = {CASE, LEERVRAAG} | {line for note in m.notes.values() for line in note.splitlines()}
    for line in text.splitlines():
        body = line.removeprefix("- ").split(":** ", 1)[-1]
        assert (
            not line or line.startswith(("#", "*")) or body in typed or line == "Niet genoteerd."
        ), line


def test_the_second_method_works_from_its_data_alone() -> None:
    m = meeting("roddelmethode")
    names = []
    while not m.finished:
        assert m.step is not None
        names.append(m.step.label("en"))
        m.advance()
    assert names[2] == "Gossip round"
    assert "## Wat de groep opviel" in intervisie.verslag(m)


def test_inbreng_from_a_reflection_conversation_uses_the_persons_words() -> None:
    turns = [
        Turn(
            user="Gisteren had ik een gesprek met een boze vader over het rapport.",
            reply="",
            phase=1,
            lang="nl",
        ),
        Turn(
            user="Ik wil leren hoe ik rustig blijf als iemand boos op me wordt.",
            reply="",
            phase=1,
            lang="nl",
        ),
        Turn(user="Ik voelde me klein en zei bijna niets terug.", reply="", phase=2, lang="nl"),
        Turn(user="Ik wil er niet meer zijn.", reply="", phase=2, lang="nl", crisis=True),
    ]
    case, question = intervisie.inbreng_from_turns(turns, "nl")
    assert question == "Ik wil leren hoe ik rustig blijf als iemand boos op me wordt."
    assert case.startswith("Gisteren had ik een gesprek met een boze vader")
    assert "klein" in case and "niet meer zijn" not in case


def test_meetings_are_saved_private_and_come_back(tmp_path: Path) -> None:
    store = meetings.MeetingStore(tmp_path / "intervisie")
    m = store.save(meeting().note("eerste aantekening"))
    path = tmp_path / "intervisie" / f"{m.id}.json"
    assert path.stat().st_mode & 0o777 == 0o600
    again = store.get(m.id)
    assert again.notes == {"inbreng": "eerste aantekening"} and again.case == CASE
    assert [x.id for x in store.list()] == [m.id]
    with pytest.raises(InputError):
        store.get("../../etc/passwd")


def test_notes_saved_while_the_round_moves_on_do_not_undo_the_move(tmp_path: Path) -> None:
    import threading

    store = meetings.MeetingStore(tmp_path / "intervisie")
    m = store.save(meeting())

    def typing() -> None:
        for n in range(30):
            store.update(m.id, lambda x, n=n: x.note(f"aantekening {n}"))

    notes = threading.Thread(target=typing)
    notes.start()
    for _ in range(3):
        store.update(m.id, lambda x: x.advance())
    notes.join()
    assert store.get(m.id).round == 4  # from round 1, three rounds on


# -- the tab's handlers over a real (hash-embedded) knowledge index ---------------------------


@pytest.fixture
def coach(hash_home: Path, tmp_path: Path) -> Iterator[Coach]:
    home = tmp_path / "home"
    shutil.copytree(hash_home, home)
    c = Coach(Settings(home=home), model=FakeChatModel(), embedder=HashEmbedder()).open()
    c.ready()
    yield c
    c.close()


def test_handlers_run_a_meeting_end_to_end(coach: Coach) -> None:
    h = web_intervisie.IntervisieHandlers(coach)
    assert ("Incidentmethode", "incidentmethode") in h.method_choices("nl")
    mid, task, suggested, notes, clock = h.start(
        "incidentmethode", "Sanne", "Ahmed, Lieke", CASE, LEERVRAAG, "nl"
    )
    assert "Ronde 1 van 6: Inbreng en leervraag" in task and clock.startswith("Nog 0")
    assert notes == ""
    task, suggested, notes, clock = h.move(mid, "vader was eerder boos", True, "nl")
    assert "Verhelderingsvragen" in task
    assert suggested.startswith("Vragen die bij deze casus kunnen passen:")
    assert "leidinggevende" not in suggested  # no manager in this case
    assert coach.meetings.get(mid).notes["inbreng"] == "vader was eerder boos"
    for _ in range(6):
        task, *_ = h.move(mid, "", True, "nl")
    assert task.startswith("### Alle rondes zijn gedaan")
    report = h.verslag(mid, "", "nl")
    assert "- vader was eerder boos" in report
    docx = Path(h.export(report, mid, "docx", "nl"))
    assert docx.suffix == ".docx" and docx.stat().st_size > 0
    coach.delete_all()
    assert coach.meetings.list() == []


def test_inbreng_comes_from_the_open_reflection_conversation(coach: Coach) -> None:
    sid = coach.sessions.create().id
    coach.engine.run(sid, "Gisteren had ik een lastig gesprek met een boze vader over zijn zoon.")
    coach.engine.run(sid, "Ik wil leren hoe ik rustig blijf als een ouder boos wordt.")
    h = web_intervisie.IntervisieHandlers(coach)
    case, question = h.from_session(sid, "nl")
    assert "boze vader" in case and question.startswith("Ik wil leren")
