"""Methods as data: every method file loads, the reflection cycle's names come from its data,
and a second intervisie method exists without any code naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import methods, phases

ROOT = Path(__file__).resolve().parent.parent

METHOD_FILES = sorted(methods.METHODS_DIR.glob("*.toml"))


@pytest.mark.parametrize("path", METHOD_FILES, ids=lambda p: p.stem)
def test_every_method_file_loads_with_both_languages(path: Path) -> None:
    m = methods.load(path)
    assert m.id == path.stem and len(m.steps) >= 2
    for step in m.steps:
        assert step.name["nl"] and step.name["en"] and step.asks["nl"] and step.asks["en"]
        assert all(1 <= p <= 5 for p in step.phases)  # the bank's phase tags


def test_the_reflection_cycle_is_read_from_its_data() -> None:
    alact = methods.reflection()
    assert alact.kind == "reflectie"
    assert phases.NAMES["nl"] == alact.names("nl")
    assert phases.NAMES["en"][3] == "awareness" and phases.STEPS == 5


def test_intervisie_methods_include_two_with_timed_rounds() -> None:
    found = {m.id: m for m in methods.of_kind("intervisie")}
    assert {"incidentmethode", "roddelmethode"} <= set(found)
    for m in found.values():
        assert m.steps[0].id == "inbreng" and m.steps[-1].id == "evaluatie"
        assert all(s.minutes > 0 for s in m.steps) and 30 <= m.minutes <= 90


def test_a_method_is_added_by_a_file_alone(tmp_path: Path) -> None:
    (tmp_path / "vijfstappen.toml").write_text(
        'id = "vijfstappen"\nkind = "intervisie"\nname = {nl = "Vijf stappen", en = "Five steps"}\n'
        + "".join(
            f'[[step]]\nid = "s{i}"\nname = {{nl = "Stap {i}", en = "Step {i}"}}\n'
            f'asks = {{nl = "Doe {i}", en = "Do {i}"}}\nminutes = 5\nphases = [{i}]\n'
            for i in range(1, 6)
        ),
        encoding="utf-8",
    )
    methods.all_methods.cache_clear()
    try:
        m = methods.get("vijfstappen", tmp_path)
        assert [s.label("en") for s in m.steps] == [f"Step {i}" for i in range(1, 6)]
    finally:
        methods.all_methods.cache_clear()


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ('id = "x"\nkind = "reflectie"\nname = {nl = "X"}\n', "Dutch and an English"),
        ('id = "other"\nkind = "reflectie"\n', "id must be the file name"),
        ('id = "x"\nkind = "chat"\n', "kind must be one of"),
        (
            'id = "x"\nkind = "intervisie"\nname = {nl = "X", en = "X"}\n'
            '[[step]]\nid = "a"\nname = {nl = "A", en = "A"}\nasks = {nl = "A", en = "A"}\n'
            '[[step]]\nid = "b"\nname = {nl = "B", en = "B"}\nasks = {nl = "B", en = "B"}\n',
            "needs its minutes",
        ),
    ],
)
def test_a_broken_method_file_is_refused_with_its_reason(
    tmp_path: Path, body: str, reason: str
) -> None:
    path = tmp_path / "x.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(methods.MethodError, match=reason):
        methods.load(path)


def test_importing_the_core_loads_no_heavy_library() -> None:
    """The core runs on plain Python: numpy, chromadb, gradio and llama.cpp stay adapters.
    Every module of app/core/ is imported, so a new core module is checked too."""
    import subprocess
    import sys

    core = sorted(p.stem for p in (ROOT / "app" / "core").glob("*.py") if p.stem != "__init__")
    assert "engine" in core and len(core) > 20
    code = (
        "import importlib, sys\n"
        f"for name in {core!r}: importlib.import_module('app.core.' + name)\n"
        "print(','.join(m for m in ('numpy', 'chromadb', 'gradio', 'llama_cpp') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""
