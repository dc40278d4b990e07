"""Every word the web UI shows, in Dutch and English, read from knowledge/ui/text.toml.

The web UI (app/web/) looks strings up here and never spells out a sentence itself, so a
translation is one data file to read. Texts with {placeholders} are filled in with str.format.
Coach replies, crisis hand-offs and reports come from the core, not from here.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from app.core import fixed_texts

LANGS = ("nl", "en")
UI_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "ui" / "text.toml"

_DATA = tomllib.loads(UI_FILE.read_text(encoding="utf-8"))
VERSION: str = _DATA["version"]
NL: dict[str, str] = dict(_DATA["nl"])
EN: dict[str, str] = dict(_DATA["en"])

# The help lines come from the one place they are written (knowledge/replies/crisis.toml).
_LINES = fixed_texts.lines()
for _texts in (NL, EN):
    for _key in ("help_label", "help_text"):
        _texts[_key] = _texts[_key].format(**_LINES)
TEXTS: dict[str, dict[str, str]] = {"nl": NL, "en": EN}
LANG_CHOICES = [("Nederlands", "nl"), ("English", "en")]


def text(lang: str) -> dict[str, str]:
    """The strings for a language; anything unknown gets Dutch, the app's default."""
    return TEXTS.get(lang, NL)


assert NL.keys() == EN.keys(), sorted(NL.keys() ^ EN.keys())
