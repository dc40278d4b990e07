"""What each control does, in plain Python over the Coach (tested without a browser).

`Handlers` holds every UI action: the conversation and its sessions and report here, the
Voorbereiden tab's in preparation.py, the Kennis and Instellingen tabs' in data.py. Values
returned are what the components show; a handler that changes several components returns a
view (views.py). Every text the model or a document produced is passed through
sanitize.neutralize before it reaches the page, on every streamed chunk.
Must not: lay out components or wire events (tabs.py, wiring.py), nor decide anything about
coaching, storage or retrieval.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import gradio as gr

from app.adapters import exports
from app.core import sanitize
from app.core.engine import Event
from app.core.ui_text import text
from app.web.admin import AdminHandlers
from app.web.base import _without_title
from app.web.data import DataHandlers
from app.web.preparation import PreparationHandlers
from app.web.sharing import SharingHandlers
from app.web.views import DeletedAllView, DeletedSessionView, SessionView, TurnView, skipped


def _msg(role: str, content: str) -> dict[str, str]:
    return {"role": role, "content": content}


class Handlers(PreparationHandlers, DataHandlers, SharingHandlers, AdminHandlers):
    """Every UI action over one Coach. Values returned are what the components show."""

    # -- the conversation ---------------------------------------------------------------

    def history(self, sid: str, lang: str) -> list[dict[str, str]]:
        """The chat as shown: the opening, then every stored turn, neutralised."""
        shown = [_msg("assistant", sanitize.neutralize(self.coach.engine.opening(lang)))]
        if sid:
            for turn in self.coach.sessions.turns(sid):
                shown += [
                    _msg("user", sanitize.neutralize(turn.user)),
                    _msg("assistant", sanitize.neutralize(turn.reply)),
                ]
        return shown

    def sources_markdown(self, sources: list[dict[str, str]], lang: str) -> str:
        """Titles of the cards behind a reply, each expandable to its text."""
        t = text(lang)
        if not sources:
            return t["sources_none"]
        parts, seen = [t["sources_intro"], ""], set()
        for source in sources:
            if source.get("id") in seen:
                continue
            seen.add(source.get("id"))
            card = self.coach.knowledge.card(source["id"]) if source.get("id") else None
            title = sanitize.neutralize(
                source.get("title") or (card.title if card else "") or source.get("id", "?")
            )
            body = sanitize.neutralize(_without_title(card.text, card.title)) if card else ""
            if card and card.meta.get("type") == "question":
                title = f"{t['bank_question']}: {title}"
                body = sanitize.neutralize(self.theme_label(str(card.meta.get("theme", "")), lang))
            parts += [f"<details><summary>{title}</summary>", "", body, "", "</details>", ""]
        return "\n".join(parts)

    def session_choices(self) -> list[tuple[str, str]]:
        return [(f"{s.title} ({s.turn_count})", s.id) for s in self.coach.sessions.list()]

    def _sessions_update(self, value: str | None) -> dict[str, Any]:
        return gr.update(choices=self.session_choices(), value=value or None)

    def take(self, message: str, sid: str, lang: str) -> tuple[str, str, str]:
        """Empty the box and hold the message; open a session for it if there is none yet."""
        if sanitize.normalize(message, self.coach.settings.max_message_chars).text and not sid:
            sid = self.coach.sessions.create(lang=lang).id
        return "", message, sid

    def send(self, message: str, sid: str, lang: str) -> Iterator[TurnView]:
        """Stream one turn, a TurnView per step; the chat is neutralised again at every chunk."""
        engine, t = self.coach.engine, text(lang)
        clean = sanitize.normalize(message, self.coach.settings.max_message_chars).text
        if not clean:  # an empty box: nothing to send, and no empty session either
            yield skipped(TurnView)
            return
        if not sid:
            sid = self.coach.sessions.create(lang=lang).id
        shown = self.history(sid, lang)
        shown += [_msg("user", sanitize.neutralize(clean)), _msg("assistant", t["thinking"])]
        phase = self.coach.sessions.get(sid).phase
        view = skipped(TurnView)._replace(
            chat=list(shown),
            sid=sid,
            phase=self.phase_text(phase, lang),
            sessions=self._sessions_update(sid),
        )
        yield view
        reply, note = "", ""
        for event in engine.respond(sid, message):
            if event.kind == "delta":
                reply += event.text
            elif event.kind in ("reset", "done"):
                reply = event.text
            phase = event.phase or phase
            note = event.note or note
            shown[-1] = _msg(
                "assistant",
                sanitize.neutralize(reply + (f"\n\n*{note}*" if note else "")) or t["thinking"],
            )
            view = self._with_event(view, event, lang)._replace(
                chat=list(shown), phase=self.phase_text(phase, lang), sessions=gr.skip()
            )
            yield view
        yield view._replace(chat=list(shown), sessions=self._sessions_update(sid))

    def _with_event(self, view: TurnView, event: Event, lang: str) -> TurnView:
        """The sources, help panel and report as a streamed event changes them."""
        if event.kind in ("meta", "done") or event.sources:
            view = view._replace(sources=self.sources_markdown(event.sources, lang))
        if event.turn is not None and event.turn.crisis:
            view = view._replace(help_panel=gr.update(open=True))
        if event.report:  # the person said they want to stop: show the report to edit
            view = view._replace(report=event.report, report_panel=gr.update(visible=True))
        return view

    def stopped(self, sid: str, message: str, lang: str) -> tuple[Any, ...]:
        """After a stop: the stored conversation, and the unsent message back in the box."""
        gr.Info(text(lang)["stopped"])
        turns = self.coach.sessions.turns(sid) if sid else []
        clean = sanitize.normalize(message, self.coach.settings.max_message_chars).text
        saved = bool(turns) and turns[-1].user == clean
        return self.history(sid, lang), ("" if saved else message)

    # -- sessions ----------------------------------------------------------------------

    def new_session(self, lang: str) -> SessionView:
        return SessionView(
            chat=self.history("", lang),
            sid="",
            phase=self.phase_text(None, lang),
            sources="",
            report="",
            report_panel=gr.update(visible=False),
            sessions=self._sessions_update(None),
        )

    def resume(self, pick: str | None, lang: str) -> SessionView:
        if not pick:
            gr.Warning(text(lang)["pick_session_first"])
            return skipped(SessionView)
        info = self.coach.sessions.get(pick)
        turns = self.coach.sessions.turns(pick)
        sources = turns[-1].sources if turns else []
        report = self.coach.sessions.report(pick) or ""
        return SessionView(
            chat=self.history(pick, lang),
            sid=pick,
            phase=self.phase_text(info.phase if turns else None, lang),
            sources=self.sources_markdown(sources, lang) if turns else "",
            report=report,
            report_panel=gr.update(visible=bool(report)),
            sessions=self._sessions_update(pick),
        )

    def rename(self, pick: str | None, title: str, lang: str) -> tuple[Any, ...]:
        if not pick:
            gr.Warning(text(lang)["pick_session_first"])
            return gr.skip(), gr.skip()
        self.coach.sessions.rename(pick, sanitize.normalize(title, 200).text)
        gr.Info(text(lang)["session_renamed"])
        return self._sessions_update(pick), ""

    def delete_session(self, pick: str | None, sid: str, lang: str) -> DeletedSessionView:
        """Delete the picked session; if it is the open one, start afresh."""
        closed = gr.update(visible=False)
        if not pick:
            gr.Warning(text(lang)["pick_session_first"])
            return DeletedSessionView(*skipped(SessionView), confirm=closed)
        self.coach.sessions.delete(pick)
        gr.Info(text(lang)["session_deleted"])
        if pick == sid:
            return DeletedSessionView(*self.new_session(lang), confirm=closed)
        others = skipped(SessionView)._replace(sessions=self._sessions_update(sid))
        return DeletedSessionView(*others, confirm=closed)

    # -- the report --------------------------------------------------------------------

    def finish(self, sid: str, lang: str) -> tuple[Any, ...]:
        """(report text, report panel)."""
        if not sid or not self.coach.sessions.turns(sid):
            gr.Warning(text(lang)["need_turns"])
            return gr.skip(), gr.skip()
        return self.coach.engine.make_report(sid), gr.update(visible=True)

    def export_report(self, sid: str, report: str, fmt: str) -> str:
        """Save the (edited) report, write it as .md or .docx, and return the file's path."""
        if not sid:
            raise gr.Error(text("nl")["need_turns"])
        clean = sanitize.normalize(report, 200_000).text
        self.coach.sessions.save_report(sid, clean)
        info = self.coach.sessions.get(sid)
        name = exports.safe_filename(
            f"reflectieverslag {info.title} {sid[:6]}", ".docx" if fmt == "docx" else ".md"
        )
        path = self.coach.settings.exports_dir / name
        if fmt == "docx":
            return str(exports.report_docx(clean, path))
        return str(exports.write_atomic(path, (clean + "\n").encode("utf-8")))

    # -- all data ----------------------------------------------------------------------

    def delete_all(self, lang: str) -> DeletedAllView:
        """Delete everything, then show the counts left (zero) and a fresh page."""
        self.coach.delete_all()
        counts = text(lang)["deleted_all"].format(
            sessions=len(self.coach.sessions.list()),
            documents=len(self.coach.knowledge.status()["user_documents"]),
        )
        return DeletedAllView(
            counts,
            gr.update(visible=False),
            *self.new_session(lang),
            kb_status=self.kb_status(lang),
            documents=self._documents_update(),
        )
