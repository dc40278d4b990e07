"""Every crisis rule catches its own examples and none of its near misses.

The rules live in knowledge/safety/rules.toml; a rule there without examples is refused at load
time, so this one parametrised test covers every rule the screen uses.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.safety import CrisisScreen, RuleSet, default_rules
from app.errors import SettingsError

RULES = default_rules()
CASES = [(r.id, text, True) for r in RULES.rules for text in r.catches] + [
    (r.id, text, False) for r in RULES.rules for text in r.misses
]


@pytest.mark.parametrize(("rule_id", "text", "caught"), CASES)
def test_rule_examples(rule_id: str, text: str, caught: bool) -> None:
    hit = any(h.rule.id == rule_id for h in RULES.hits(text))
    assert hit == caught, f"{rule_id}: {text!r}"


BLANKS = [(text, False) for b in RULES.blanks for text in b.catches] + [
    (text, True) for b in RULES.blanks for text in b.misses
]


@pytest.mark.parametrize(("text", "flagged"), BLANKS)
def test_figures_of_speech_are_blanked(text: str, flagged: bool) -> None:
    assert CrisisScreen(RULES).check(text).flagged == flagged, text


def test_every_kind_has_a_rule_in_both_languages() -> None:
    kinds = {(r.id[:2], r.kind) for r in RULES.rules}
    for kind in {r.kind for r in RULES.rules}:
        assert ("nl", kind) in kinds or ("en", kind) in kinds
    assert len({r.kind for r in RULES.rules}) == 11


def test_a_rule_without_examples_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        "[[rule]]\nid = 'x'\nkind = 'direct'\nlevel = 'clear'\npattern = 'dood'\n"
        "catches = ['ik wil dood']\n",
        encoding="utf-8",
    )
    with pytest.raises(SettingsError, match="near misses"):
        RuleSet.load(path)


def test_an_unknown_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        "[[rule]]\nid = 'x'\nkind = 'sad'\nlevel = 'clear'\npattern = 'dood'\n"
        "catches = ['a']\nmisses = ['b']\n",
        encoding="utf-8",
    )
    with pytest.raises(SettingsError, match="unknown kind"):
        RuleSet.load(path)
