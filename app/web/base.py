"""What every group of handlers shares: the Coach, the themes' names, the phase line, and how an
error reaches the page (a message, never a traceback).

Must not: hold an action of its own (handlers.py and the modules beside it do).
"""

from __future__ import annotations

import functools
import inspect
import json
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from app.core import phases
from app.core.ui_text import text
from app.errors import CoachError
from app.services import Coach


def _friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Show a CoachError's message as a Gradio error; log anything else, never a traceback."""

    def convert(exc: Exception) -> gr.Error:
        if isinstance(exc, gr.Error):
            return exc
        if isinstance(exc, CoachError):
            return gr.Error(str(exc))
        traceback.print_exc(file=sys.stderr)
        return gr.Error(text("nl")["error_generic"] + " / " + text("en")["error_generic"])

    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def gen_wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
            try:
                yield from fn(*args, **kwargs)
            except GeneratorExit:
                raise
            except Exception as exc:
                raise convert(exc) from None

        return gen_wrapper

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            raise convert(exc) from None

    return wrapper


class HandlerBase:
    """The Coach the handlers act on, and the names of the knowledge's themes."""

    def __init__(self, coach: Coach) -> None:
        self.coach = coach
        self.themes: dict[str, dict[str, str]] = _load_themes(coach.settings.knowledge_dir)

    @staticmethod
    def phase_text(phase: int | None, lang: str) -> str:
        t = text(lang)
        if not phase:
            return t["phase_none"]
        return t["phase"].format(n=phase, name=phases.NAMES.get(lang, phases.NAMES["nl"])[phase])

    def theme_choices(self, lang: str) -> list[tuple[str, str]]:
        return sorted(
            (
                (names.get(lang) or names.get("nl") or key, key)
                for key, names in self.themes.items()
            ),
            key=lambda c: c[0].lower(),
        )

    def theme_label(self, theme: str, lang: str) -> str:
        names = self.themes.get(theme)
        return (names.get(lang) or names.get("nl") or theme) if names else theme


def _without_title(body: str, title: str) -> str:
    """Card text without a first line that only repeats the title shown above it."""
    first, _, rest = body.partition("\n")
    return rest.lstrip() if first.strip("# ").strip() == title.strip() and rest else body


def _load_themes(knowledge_dir: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((knowledge_dir / "themes.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): dict(v) for k, v in data.items() if isinstance(v, dict)}
