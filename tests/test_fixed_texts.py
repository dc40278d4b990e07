"""The coach's fixed replies come from versioned data files, the help lines from one place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.core import crisis_replies, engine, fixed_texts
from app.errors import SettingsError

APP = Path(__file__).resolve().parent.parent / "app"
LINES = re.compile(r"\b(113|112|1813|0800-0113)\b")


def test_help_lines_are_written_once() -> None:
    for path in sorted(fixed_texts.REPLIES_DIR.glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        body = re.sub(r"\[lines\]\n(.+\n)+", "", text)
        assert not LINES.search(body), f"{path.name} names a help line outside [lines]"
    # The code may recognise a number the person types; it never spells out how to reach a line.
    contact = re.compile(r"0800-0113|113\.nl|1813")
    for path in sorted(APP.rglob("*.py")):
        assert not contact.search(path.read_text(encoding="utf-8")), path.name


def test_every_text_has_both_languages_and_the_lines_filled_in() -> None:
    for lang in ("nl", "en"):
        assert "0800-0113" in crisis_replies.NUMBERS[lang]
        assert "112" in crisis_replies.HANDOFF[lang]["danger"]
        assert "{" not in crisis_replies.HANDOFF[lang]["support"]
        assert len(engine.CARE[lang]) == 2 and "{n}" in engine.TRUNCATED_NOTE[lang]


def test_a_text_without_a_language_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("crisis", "coach"):
        (tmp_path / f"{name}.toml").write_text(
            (fixed_texts.REPLIES_DIR / f"{name}.toml").read_text(encoding="utf-8"),
            encoding="utf-8",
        )
    broken = tmp_path / "coach.toml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace('[leervraag]\nnl = "', '[leervraag]\nxx = "'),
        encoding="utf-8",
    )
    monkeypatch.setattr(fixed_texts, "REPLIES_DIR", tmp_path)
    fixed_texts.load.cache_clear()
    fixed_texts.lines.cache_clear()
    try:
        with pytest.raises(SettingsError, match=r"\[leervraag\] has no nl text"):
            fixed_texts.load("coach")
    finally:
        fixed_texts.load.cache_clear()
        fixed_texts.lines.cache_clear()


def test_versions_are_recorded() -> None:
    assert fixed_texts.versions() == {
        "replies.coach": "coach-7",
        "replies.crisis": "crisis-3",
        "replies.reports": "reports-2",
    }


def test_the_english_help_texts_also_serve_someone_outside_the_netherlands_and_belgium() -> None:
    from app.core import crisis_replies

    texts = [*crisis_replies.HANDOFF["en"].values(), crisis_replies.NUMBERS["en"]]
    assert all("local emergency number" in text for text in texts)
