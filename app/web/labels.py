"""Components whose words depend on the language: each is made with the words of the page's
first language and registered with the keys (app/core/ui_text.py) that re-label it.

Must not: spell out a sentence; every word comes from app/core/ui_text.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gradio as gr

from app.core.ui_text import text


class Labels:
    """Components whose words depend on the language, and how to re-label them."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.items: list[tuple[Any, dict[str, Any]]] = []

    def __call__(self, component: Any, **attrs: str | Callable[[str], Any]) -> Any:
        self.items.append((component, attrs))
        return component

    def t(self, key: str) -> str:
        return text(self.lang)[key]

    def updates(self, lang: str) -> list[dict[str, Any]]:
        out = []
        for _, attrs in self.items:
            values: dict[str, Any] = {
                name: value(lang) if callable(value) else text(lang)[value]
                for name, value in attrs.items()
            }
            out.append(gr.update(**values))
        return out

    @property
    def components(self) -> list[Any]:
        return [c for c, _ in self.items]

    # -- the common kinds ------------------------------------------------------------------

    def button(self, key: str, **kwargs: Any) -> Any:
        """A button showing the text `key`."""
        return self(gr.Button(self.t(key), **kwargs), value=key)

    def markdown(self, key: str, **kwargs: Any) -> Any:
        """A Markdown block showing the text `key`."""
        return self(gr.Markdown(self.t(key), **kwargs), value=key)

    def titled(self, kind: Callable[..., Any], key: str, **kwargs: Any) -> Any:
        """A tab or an accordion whose title is the text `key`."""
        return self(kind(self.t(key), **kwargs), label=key)

    def labelled(
        self, kind: Callable[..., Any], key: str, placeholder: str = "", **kwargs: Any
    ) -> Any:
        """An input labelled with the text `key`, and its placeholder the text `placeholder`."""
        if not placeholder:
            return self(kind(label=self.t(key), **kwargs), label=key)
        return self(
            kind(label=self.t(key), placeholder=self.t(placeholder), **kwargs),
            label=key,
            placeholder=placeholder,
        )

    def download(self, elem_id: str) -> Any:
        """A file to download, hidden until a file is made."""
        return self.labelled(
            gr.File, "download_label", interactive=False, visible=False, height=80, elem_id=elem_id
        )
