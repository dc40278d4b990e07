"""The Voorbereiden tab's handlers: questions prepared for a supervisor's conversation on a
theme, their export, and browsing the question bank and the cards by theme.

Must not: choose questions itself (app/core/questions.py does) or read the index directly.
"""

from __future__ import annotations

import time
from typing import Any

import gradio as gr

from app.adapters import exports
from app.core import phases, questions, sanitize
from app.core.ui_text import text
from app.web.base import HandlerBase, _without_title


class PreparationHandlers(HandlerBase):
    def prepare(
        self, theme: str | None, situation: str, phase: int | None, n: float, lang: str
    ) -> str:
        t = text(lang)
        theme = sanitize.normalize(theme or "", 200).text
        if not theme:
            raise gr.Error(t["need_theme"])
        situation = sanitize.normalize(situation or "", 2000).text
        label = self.theme_label(theme, lang)
        found = questions.prepare(
            self.coach.knowledge,
            label,
            situation,
            int(phase or 0) or None,
            max(1, min(int(n or 8), 30)),
            lang,
        )
        lines = [f"# {t['questions_title'].format(theme=label)}"]
        if situation:
            lines += ["", t["questions_situation"].format(situation=situation)]
        if not found:
            return "\n".join(lines + [t["no_questions"]]) + "\n"
        current: int | None = -1
        for q in found:
            if q.phase != current:
                current = q.phase
                lines += ["", f"## {self.phase_text(q.phase, lang)}", ""]
            cards = [s["title"] for s in q.sources if s.get("title") and s["title"] != q.text]
            lines.append(f"- {q.text}" + (f" ({t['source']}: {'; '.join(cards)})" if cards else ""))
        return "\n".join(lines).rstrip() + "\n"

    def export_questions(self, content: str, theme: str | None, lang: str) -> str:
        clean = sanitize.normalize(content or "", 200_000).text
        if not clean:
            raise gr.Error(text(lang)["need_theme"])
        label = self.theme_label(sanitize.normalize(theme or "", 200).text, lang) or "vragen"
        name = exports.safe_filename(f"vragen {label} {time.strftime('%Y%m%d-%H%M%S')}", ".md")
        path = self.coach.settings.exports_dir / name
        return str(exports.write_atomic(path, (clean + "\n").encode("utf-8")))

    def browse(self, theme: str | None, kind: str, lang: str) -> str:
        """The bank questions or the cards for a theme, as Markdown."""
        t = text(lang)
        theme = sanitize.normalize(theme or "", 200).text
        if not theme:
            raise gr.Error(t["need_theme"])
        types = ["question"] if kind == "questions" else ["theme", "method", "tip"]
        records = self.coach.knowledge.browse(theme, types)
        if kind == "questions":
            lines = self._question_lines(records, lang)
        else:
            lines = self._card_lines(records)
        head = f"### {sanitize.neutralize(self.theme_label(theme, lang))}"
        return "\n".join([head, ""] + (lines or [t["browse_empty"]]))

    def _question_lines(
        self, records: list[tuple[str, str, dict[str, Any]]], lang: str
    ) -> list[str]:
        """Bank questions in this language, each with the first phase it fits, in that order."""
        rows = sorted(
            {
                (min([p for p in range(1, phases.STEPS + 1) if m.get(f"p{p}")] or [0]), doc)
                for _, doc, m in records
                if m.get("lang") in (lang, "")
            }
        )
        return [
            f"- {sanitize.neutralize(q)}" + (f" *({self.phase_text(p, lang)})*" if p else "")
            for p, q in rows
        ]

    def _card_lines(self, records: list[tuple[str, str, dict[str, Any]]]) -> list[str]:
        """Each card once, by title, expandable to its text."""
        cards: dict[str, str] = {}
        for _, _, m in records:
            cards.setdefault(str(m.get("card_id")), str(m.get("title", "")))
        lines = []
        for card_id, title in sorted(cards.items(), key=lambda c: c[1].lower()):
            card = self.coach.knowledge.card(card_id)
            lines += [
                f"<details><summary>{sanitize.neutralize(title)}</summary>",
                "",
                sanitize.neutralize(_without_title(card.text, title) if card else ""),
                "",
                "</details>",
                "",
            ]
        return lines
