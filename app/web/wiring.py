"""The page's events: which handler each control calls, with which inputs and outputs.

Every event is private (no public API). Events that use the model or the embedder share one
concurrency id with a limit of one; the rest run at once.
Must not: compute what is shown (handlers.py) or place components (tabs.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import gradio as gr

from app.core.ui_text import text
from app.web import tabs
from app.web.base import _friendly
from app.web.handlers import Handlers
from app.web.labels import Labels
from app.web.views import (
    DeletedAllView,
    DeletedSessionView,
    DocumentsView,
    SessionView,
    TurnView,
    outputs,
)

COACH = "coach"  # concurrency id: one model and embedder, one event at a time
EVENTS: dict[str, Any] = {"api_visibility": "private"}
LIGHT: dict[str, Any] = {**EVENTS, "concurrency_limit": None}
HEAVY: dict[str, Any] = {**EVENTS, "concurrency_id": COACH, "concurrency_limit": 1}


def heavy_events(slots: int) -> dict[str, Any]:
    """The events that use the model or the embedder: one at a time with the model in the app,
    as many as the inference server has slots with a model served elsewhere."""
    return {**HEAVY, "concurrency_limit": max(1, slots)}


@dataclass
class Page:
    """The components the events read or change."""

    lang: Any
    sid: Any
    pending: Any
    help_box: Any
    chat: tabs.Chat
    report: tabs.Report
    sessions: tabs.SessionList
    preparation: tabs.Preparation
    browse: tabs.Browse
    knowledge: tabs.Knowledge
    settings: tabs.SettingsTab
    heavy: dict[str, Any] = field(default_factory=lambda: dict(HEAVY))

    def session_components(self) -> dict[str, Any]:
        """The components a SessionView's fields go to, by field."""
        return {
            "chat": self.chat.chatbot,
            "sid": self.sid,
            "phase": self.chat.phase_md,
            "sources": self.report.sources_md,
            "report": self.report.report,
            "report_panel": self.report.report_box,
            "sessions": self.sessions.pick,
        }


def _shown_file(path: str) -> dict[str, Any]:
    return gr.update(value=path, visible=True)


def wire(demo: gr.Blocks, page: Page, h: Handlers, L: Labels, lang0: str) -> None:
    """Wire every event of the page (the Intervisie tab wires its own)."""
    _wire_language(demo, page, h, L, lang0)
    _wire_conversation(page, h)
    _wire_sessions(page, h)
    _wire_report(page, h)
    _wire_preparation(page, h)
    _wire_documents(page, h)
    _wire_settings(page, h)


def _wire_language(demo: gr.Blocks, page: Page, h: Handlers, L: Labels, lang0: str) -> None:
    """On load and on a language pick: every label, the chat and the status in that language."""
    lang_pick = page.settings.lang_pick

    def views(g: str, current: str) -> tuple[Any, ...]:
        """Everything that depends on the language and on this tab's session."""
        phase = h.coach.sessions.get(current).phase if current else None
        return (
            *L.updates(g),
            gr.update(label=text(g)["lang_label"], value=g),
            h.history(current, g),
            h.phase_text(phase, g),
            h.kb_status(g),
        )

    view_outputs = [
        *L.components,
        lang_pick,
        page.chat.chatbot,
        page.chat.phase_md,
        page.knowledge.kb_md,
    ]

    def on_load(g: str, current: str) -> tuple[Any, ...]:
        g = g if g in ("nl", "en") else lang0
        return (
            *views(g, current),
            gr.update(choices=h.session_choices(), value=current or None),
            gr.update(choices=h.doc_choices(), value=None),
        )

    demo.load(
        _friendly(on_load),
        [page.lang, page.sid],
        [*view_outputs, page.sessions.pick, page.knowledge.doc_pick],
        **LIGHT,
    )
    lang_pick.input(
        _friendly(lambda g, current: (g, *views(g, current))),
        [lang_pick, page.sid],
        [page.lang, *view_outputs],
        **LIGHT,
    )


def _wire_conversation(page: Page, h: Handlers) -> None:
    chat, sid, lang = page.chat, page.sid, page.lang
    # Every message is taken, also one sent while the coach is still answering: it waits in
    # the queue behind the turn before it, in the same session (the session is made here,
    # at once, so that a second message cannot start a session of its own).
    reply = gr.on(
        [chat.msg.submit, chat.send_btn.click],
        _friendly(h.take),
        [chat.msg, sid, lang],
        [chat.msg, page.pending, sid],
        trigger_mode="multiple",
        **LIGHT,
    ).then(
        _friendly(h.send),
        [page.pending, sid, lang],
        outputs(TurnView, **page.session_components(), help_panel=page.help_box),
        show_progress="full",
        show_progress_on=[chat.chatbot],
        trigger_mode="multiple",
        **page.heavy,
    )
    # Cancel first, then redraw: a chunk still in flight cannot overwrite the redrawn chat.
    chat.stop_btn.click(None, None, None, cancels=[reply], **LIGHT).then(
        _friendly(h.stopped), [sid, page.pending, lang], [chat.chatbot, chat.msg], **LIGHT
    )


def _wire_sessions(page: Page, h: Handlers) -> None:
    s, sid, lang = page.sessions, page.sid, page.lang
    session_outputs = outputs(SessionView, **page.session_components())
    s.new_btn.click(_friendly(h.new_session), [lang], session_outputs, **LIGHT)
    page.chat.chatbot.clear(_friendly(h.new_session), [lang], session_outputs, **LIGHT)
    s.resume_btn.click(_friendly(h.resume), [s.pick, lang], session_outputs, **LIGHT)
    s.rename_btn.click(
        _friendly(h.rename), [s.pick, s.new_title, lang], [s.pick, s.new_title], **LIGHT
    )
    s.delete_btn.click(lambda: gr.update(visible=True), None, [s.confirm], **LIGHT)
    s.no_btn.click(lambda: gr.update(visible=False), None, [s.confirm], **LIGHT)
    s.yes_btn.click(
        _friendly(h.delete_session),
        [s.pick, sid, lang],
        outputs(DeletedSessionView, **page.session_components(), confirm=s.confirm),
        **LIGHT,
    )


def _wire_report(page: Page, h: Handlers) -> None:
    r, sid = page.report, page.sid
    page.chat.finish_btn.click(
        _friendly(h.finish), [sid, page.lang], [r.report, r.report_box], **page.heavy
    )
    r.md_btn.click(
        _friendly(lambda i, r: _shown_file(h.export_report(i, r, "md"))),
        [sid, r.report],
        [r.report_file],
        **LIGHT,
    )
    r.docx_btn.click(
        _friendly(lambda i, r: _shown_file(h.export_report(i, r, "docx"))),
        [sid, r.report],
        [r.report_file],
        **LIGHT,
    )


def _wire_preparation(page: Page, h: Handlers) -> None:
    p, b, lang = page.preparation, page.browse, page.lang
    p.make_btn.click(
        _friendly(h.prepare),
        [p.theme, p.situation, p.phase_pick, p.count, lang],
        [p.prepared],
        **page.heavy,
    )
    p.q_btn.click(
        _friendly(lambda *a: _shown_file(h.export_questions(*a))),
        [p.prepared, p.theme, lang],
        [p.q_file],
        **LIGHT,
    )
    b.btn.click(_friendly(h.browse), [b.theme, b.kind, lang], [b.md], **LIGHT)


def _wire_documents(page: Page, h: Handlers) -> None:
    k = page.knowledge
    documents = outputs(DocumentsView, message=k.kb_msg, status=k.kb_md, documents=k.doc_pick)

    def ingest(
        files: list[str] | None, g: str, progress: gr.Progress = gr.Progress()
    ) -> DocumentsView:  # noqa: B008
        return h.ingest(files, g, progress)

    k.add_btn.click(_friendly(ingest), [k.uploads, page.lang], documents, **page.heavy).then(
        lambda: None, None, [k.uploads], **LIGHT
    )
    k.remove_btn.click(_friendly(h.remove_doc), [k.doc_pick, page.lang], documents, **page.heavy)


def _wire_settings(page: Page, h: Handlers) -> None:
    s = page.settings
    s.model_btn.click(
        _friendly(h.switch_model), [s.model_pick, page.lang], [s.model_msg], **page.heavy
    )
    s.export_btn.click(
        _friendly(lambda: _shown_file(h.export_all())), None, [s.export_file], **LIGHT
    )
    s.delete_all_btn.click(lambda: gr.update(visible=True), None, [s.confirm_all], **LIGHT)
    s.no_all.click(lambda: gr.update(visible=False), None, [s.confirm_all], **LIGHT)
    s.yes_all.click(
        _friendly(h.delete_all),
        [page.lang],
        outputs(
            DeletedAllView,
            result=s.deleted_md,
            confirm=s.confirm_all,
            **page.session_components(),
            kb_status=page.knowledge.kb_md,
            documents=page.knowledge.doc_pick,
        ),
        **page.heavy,
    )
