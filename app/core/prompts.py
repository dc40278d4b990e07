"""Prompt files: versioned text in prompts/, rendered with Jinja2 StrictUndefined.

A change in behaviour is a new file (coach.system.v2.md), never an edit in place; each stored turn
records the versions that produced it. A missing template variable fails loudly.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from app.errors import SettingsError


@dataclass(frozen=True)
class Prompt:
    name: str  # e.g. "coach.system.v1"
    template: jinja2.Template

    def render(self, **values: Any) -> str:
        return self.template.render(**values).strip()


class PromptLibrary:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(self.folder)),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=False,
            autoescape=False,  # plain text prompts, not HTML
        )

    def latest(self, stem: str, suffix: str = ".md") -> str:
        """The newest version of a prompt, e.g. latest('coach.system') -> 'coach.system.v1'."""
        pattern = re.compile(re.escape(stem) + r"\.v(\d+)" + re.escape(suffix) + "$")
        versions = [
            (int(m.group(1)), p.name[: -len(suffix)])
            for p in self.folder.glob(f"{stem}.v*{suffix}")
            if (m := pattern.match(p.name))
        ]
        if not versions:
            raise SettingsError(f"No prompt file {stem}.vN{suffix} in {self.folder}.")
        return max(versions)[1]

    def get(self, name: str) -> Prompt:
        try:
            return Prompt(name, self._env.get_template(f"{name}.md"))
        except jinja2.TemplateNotFound:
            raise SettingsError(f"Prompt file {self.folder / (name + '.md')} is missing.") from None

    def data(self, name: str) -> Any:
        path = self.folder / f"{name}.json"
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise SettingsError(f"Prompt data {path} cannot be read: {exc}.") from None
