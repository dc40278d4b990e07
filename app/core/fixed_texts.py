"""The coach's fixed replies, read from versioned data files in knowledge/replies/.

Role: one source for every sentence the coach says without choosing it (the prompt for an empty
message, the advice hand-back, the care turns, the crisis hand-off and questions) and for the
help lines they name, and the fixed parts of the reports. `coach.toml`, `crisis.toml` and
`reports.toml` each carry a version that is recorded with
every turn, like the prompts' versions. Help lines are written once, in `crisis.toml`'s [lines],
and filled into every text that names them; other fields in braces ({n}, {quote}) stay for the
code to fill.
Must not: hold any sentence itself, or import anything heavier than the standard library.
"""

from __future__ import annotations

import functools
import string
import tomllib
from pathlib import Path
from typing import Any

from app.errors import SettingsError

REPLIES_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "replies"
LANGS = ("nl", "en")


class _Keep(dict[str, str]):
    """Leaves a field the data does not fill ({n}, {quote}) for the code to fill later."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(value: Any, lines: dict[str, str]) -> Any:
    if isinstance(value, str):
        return string.Formatter().vformat(value, (), _Keep(lines))
    if isinstance(value, list):
        return tuple(_fill(v, lines) for v in value)
    if isinstance(value, dict):
        return {k: _fill(v, lines) for k, v in value.items()}
    return value


@functools.lru_cache(maxsize=4)
def load(name: str) -> dict[str, Any]:
    """One replies file with the help lines filled in; refused with its reason when a text
    lacks a language or the file cannot be read."""
    path = REPLIES_DIR / f"{name}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"The coach's fixed replies in {path} cannot be read: {exc}") from None
    if "version" not in data:
        raise SettingsError(f"{path} has no version.")
    _check(data, path)
    return {k: _fill(v, lines()) for k, v in data.items() if k != "lines"}


def _check(data: dict[str, Any], path: Path, where: str = "") -> None:
    for key, value in data.items():
        if not isinstance(value, dict) or key == "lines":
            continue
        if set(value) & set(LANGS):
            missing = [lang for lang in LANGS if lang not in value]
            if missing:
                raise SettingsError(f"{path}: [{where}{key}] has no {', '.join(missing)} text.")
        else:
            _check(value, path, f"{where}{key}.")


@functools.lru_cache(maxsize=1)
def lines() -> dict[str, str]:
    """The help lines by name (line_113, free_113, site_113, line_be, emergency), as written
    in crisis.toml."""
    path = REPLIES_DIR / "crisis.toml"
    try:
        return dict(tomllib.loads(path.read_text(encoding="utf-8"))["lines"])
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise SettingsError(f"The help lines in {path} cannot be read: {exc}") from None


def by_lang(table: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """A table of texts keyed by name, then language, turned around: by language, then name."""
    return {lang: {name: texts[lang] for name, texts in table.items()} for lang in LANGS}


def versions() -> dict[str, str]:
    """The versions of the fixed replies, recorded with every turn."""
    return {f"replies.{name}": load(name)["version"] for name in ("coach", "crisis", "reports")}
