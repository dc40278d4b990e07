"""The Kennis and Instellingen tabs' handlers: own documents added to or removed from the
knowledge, the model, where the data lives, and exporting it.

Must not: index, store or delete anything itself; the Coach and its knowledge base do.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr

from app.core import sanitize
from app.core.ui_text import text
from app.web.base import HandlerBase
from app.web.views import DocumentsView, skipped


class DataHandlers(HandlerBase):
    # -- own documents -----------------------------------------------------------------

    def kb_status(self, lang: str) -> str:
        t = text(lang)
        status = self.coach.knowledge.status()
        docs = status["user_documents"]
        lines = [t["kb_status_title"], ""]
        lines += [
            t["kb_doc_row"].format(name=sanitize.neutralize(name), chunks=n)
            for name, n in docs.items()
        ] or [t["kb_none"]]
        lines += ["", t["kb_total"].format(chunks=status["chunks"])]
        return "\n".join(lines)

    def doc_choices(self) -> list[str]:
        return list(self.coach.knowledge.status()["user_documents"])

    def _documents_update(self) -> dict[str, Any]:
        return gr.update(choices=self.doc_choices(), value=None)

    def ingest(
        self, files: list[str] | None, lang: str, progress: Callable[..., Any] | None = None
    ) -> DocumentsView:
        t = text(lang)
        if not files:
            gr.Warning(t["kb_nothing"])
            return skipped(DocumentsView)
        paths = [Path(f if isinstance(f, str) else getattr(f, "name", str(f))) for f in files]

        def report_progress(done: int, total: int, what: str) -> None:
            if progress is not None:
                progress((done, total), desc=t["kb_progress"])

        try:
            result = self.coach.knowledge.ingest(paths, report_progress)
        finally:
            for path in paths:  # the upload copies: the data folder keeps its own copy
                if path.is_relative_to(self.coach.settings.home):
                    path.unlink(missing_ok=True)
        parts = []
        if result.added:
            parts.append(
                t["kb_added"].format(names=", ".join(n.split(":", 1)[-1] for n in result.added))
            )
        if result.unchanged:
            parts.append(
                t["kb_unchanged"].format(
                    names=", ".join(n.split(":", 1)[-1] for n in result.unchanged)
                )
            )
        if result.skipped:
            parts.append(t["kb_skipped"].format(reasons=" ".join(result.skipped)))
        return DocumentsView(
            message=sanitize.neutralize(" ".join(parts)),
            status=self.kb_status(lang),
            documents=self._documents_update(),
        )

    def remove_doc(self, name: str | None, lang: str) -> DocumentsView:
        t = text(lang)
        if not name:
            gr.Warning(t["pick_doc_first"])
            return skipped(DocumentsView)
        chunks = self.coach.knowledge.remove(name)
        return DocumentsView(
            message=sanitize.neutralize(t["doc_removed"].format(name=name, chunks=chunks)),
            status=self.kb_status(lang),
            documents=self._documents_update(),
        )

    # -- settings and privacy ----------------------------------------------------------

    def model_choices(self) -> list[str]:
        s = self.coach.settings
        if s.backend != "local":  # the server's model, set in the settings file
            return [s.model]
        names = (
            [p.name for p in sorted(s.models_dir.glob("*.gguf"))] if (s.models_dir.is_dir()) else []
        )
        return names if s.model in names else [s.model, *names]

    def switch_model(self, name: str | None, lang: str) -> str:
        """Load another GGUF into this running app (until restart), then warm it up."""
        t, coach = text(lang), self.coach
        if not name or name == coach.settings.model:
            return t["model_switched"].format(name=coach.settings.model)
        if not coach.can_switch_model:  # a model handed in by a test or script stays
            raise gr.Error(t["model_fixed"])
        coach.switch_model(name)
        return t["model_switched"].format(name=name)

    def data_text(self, lang: str) -> str:
        s = self.coach.settings
        return text(lang)["data_text"].format(
            home=s.home,
            sessions=s.sessions_db,
            index=s.index_dir,
            documents=s.uploads_dir,
            exports=s.exports_dir,
            models=s.models_dir,
        )

    def export_all(self) -> str:
        target = self.coach.settings.exports_dir / (
            f"reflectiecoach-export-{time.strftime('%Y%m%d-%H%M%S')}.json"
        )
        return str(self.coach.export_all(target))
