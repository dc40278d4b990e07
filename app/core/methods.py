"""Methods as data: a reflection cycle or an intervisie method, loaded from knowledge/methods/.

Role: one place that knows what a method's steps are called in Dutch and English, what each step
asks for, how long it takes (intervisie rounds), which bank questions fit it (by the bank's phase
tags) and which report section it feeds. The engine, the report, the question preparation, the
CLI and the UI ask this module; adding a method is adding a TOML file.
Must not: hold conversation state, or import anything heavier than tomllib.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

METHODS_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "methods"
LANGS = ("nl", "en")
KINDS = ("reflectie", "intervisie")


class MethodError(ValueError):
    """A method file that cannot be used, with the file and the reason."""


@dataclass(frozen=True)
class Step:
    id: str
    name: dict[str, str]
    asks: dict[str, str]
    phases: tuple[int, ...]  # the question bank's phase tags that fit this step
    report: str  # the report section this step's words go to
    who: dict[str, str]
    minutes: int  # planned length of an intervisie round; 0 for a reflection step

    def label(self, lang: str) -> str:
        return self.name.get(lang) or self.name["nl"]


@dataclass(frozen=True)
class Section:
    id: str
    name: dict[str, str]


@dataclass(frozen=True)
class Method:
    id: str
    kind: str
    name: dict[str, str]
    about: dict[str, str]
    card: str
    steps: tuple[Step, ...]
    sections: tuple[Section, ...]

    def label(self, lang: str) -> str:
        return self.name.get(lang) or self.name["nl"]

    def step(self, number: int) -> Step:
        """Steps are numbered from 1, as they are shown."""
        return self.steps[max(1, min(number, len(self.steps))) - 1]

    def names(self, lang: str) -> dict[int, str]:
        return {n: s.label(lang) for n, s in enumerate(self.steps, 1)}

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.steps)


def _texts(data: object, what: str, path: Path, required: bool = True) -> dict[str, str]:
    if data is None and not required:
        return {}
    if not isinstance(data, dict) or not all(isinstance(data.get(lang), str) for lang in LANGS):
        raise MethodError(f"{path.name}: {what} needs a Dutch and an English text (nl, en)")
    return {lang: str(data[lang]).strip() for lang in LANGS}


def load(path: Path) -> Method:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise MethodError(f"{path.name}: cannot be read ({exc})") from None
    mid = str(data.get("id", ""))
    if mid != path.stem:
        raise MethodError(f"{path.name}: id must be the file name ({path.stem!r}), not {mid!r}")
    kind = str(data.get("kind", ""))
    if kind not in KINDS:
        raise MethodError(f"{path.name}: kind must be one of {', '.join(KINDS)}")
    name = _texts(data.get("name"), "name", path)
    sections = tuple(
        Section(str(s["id"]), _texts(s.get("name"), f"section {s.get('id')}", path))
        for s in data.get("section", [])
    )
    steps = []
    for raw in data.get("step", []):
        sid = str(raw.get("id", ""))
        if not sid:
            raise MethodError(f"{path.name}: a step has no id")
        step = Step(
            id=sid,
            name=_texts(raw.get("name"), f"step {sid} name", path),
            asks=_texts(raw.get("asks"), f"step {sid} asks", path),
            phases=tuple(int(p) for p in raw.get("phases", [])),
            report=str(raw.get("report", "")),
            who=_texts(raw.get("who"), f"step {sid} who", path, required=False),
            minutes=int(raw.get("minutes", 0)),
        )
        if kind == "intervisie" and step.minutes <= 0:
            raise MethodError(f"{path.name}: round {sid} needs its minutes")
        if sections and step.report not in {s.id for s in sections}:
            raise MethodError(f"{path.name}: step {sid} reports to an unknown section")
        steps.append(step)
    if len(steps) < 2:
        raise MethodError(f"{path.name}: a method needs at least two steps")
    if len({s.id for s in steps}) != len(steps):
        raise MethodError(f"{path.name}: step ids must be unique")
    return Method(
        id=mid,
        kind=kind,
        name=name,
        about=_texts(data.get("about"), "about", path, required=False),
        card=str(data.get("card", "")),
        steps=tuple(steps),
        sections=sections,
    )


@functools.lru_cache(maxsize=4)
def all_methods(folder: Path = METHODS_DIR) -> dict[str, Method]:
    return {m.id: m for m in (load(p) for p in sorted(folder.glob("*.toml")))}


def get(method_id: str, folder: Path = METHODS_DIR) -> Method:
    found = all_methods(folder)
    if method_id not in found:
        raise MethodError(
            f"Unknown method {method_id!r}. Known: {', '.join(sorted(found)) or 'none'}."
        )
    return found[method_id]


def of_kind(kind: str, folder: Path = METHODS_DIR) -> list[Method]:
    return [m for m in all_methods(folder).values() if m.kind == kind]


def reflection() -> Method:
    """The method of the one-to-one reflection conversation."""
    return get("alact")
