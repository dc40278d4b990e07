"""Sharing a reflectieverslag with a supervisor, on a server with accounts.

Role: under the report, a choice of supervisor and buttons to share the report (as it is in the
box) and to take it back, with a line saying who holds it now; for supervisors a tab with the
reports shared with them. The sealing is app/adapters/shares.py; nothing else is ever shared.
Must not: show any of this without accounts, or spell out a sentence (app/core/ui_text.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import gradio as gr

from app.core import sanitize
from app.core.ui_text import text
from app.web.base import HandlerBase, _friendly
from app.web.labels import Labels


class SharingHandlers(HandlerBase):
    def _member(self, lang: str) -> Any:
        member = self.coach.member
        if member is None:
            raise gr.Error(text(lang)["share_no_accounts"])
        return member

    def share_status(self, sid: str, lang: str) -> str:
        """Who holds a share of this conversation's report now."""
        member = self.coach.member
        if member is None or not sid:
            return ""
        names = member.shared_with(sid)
        t = text(lang)
        return t["share_with"].format(names=", ".join(names)) if names else t["share_none"]

    def supervisors(self, lang: str) -> Any:
        member = self.coach.member
        return gr.update(choices=member.supervisors() if member else [], value=None)

    def share(self, sid: str, report: str, recipient: str | None, lang: str) -> str:
        member, t = self._member(lang), text(lang)
        if not recipient:
            raise gr.Error(t["share_need_pick"])
        clean = sanitize.normalize(report or "", 200_000).text
        if not sid or not clean:
            raise gr.Error(t["share_need_report"])
        self.coach.sessions.save_report(sid, clean)
        member.share(recipient, sid, self.coach.sessions.get(sid).title, clean)
        gr.Info(t["share_done"].format(name=recipient))
        return self.share_status(sid, lang)

    def withdraw(self, sid: str, recipient: str | None, lang: str) -> str:
        member, t = self._member(lang), text(lang)
        if not recipient or not sid:
            raise gr.Error(t["share_need_pick"])
        if member.withdraw(recipient, sid):
            gr.Info(t["share_taken_back"].format(name=recipient))
        return self.share_status(sid, lang)

    def received_choices(self) -> Any:
        member = self.coach.member
        shares = member.received() if member else []
        choices = [(f"{s.title} ({s.sender})", f"{s.sender}--{s.session_id}") for s in shares]
        return gr.update(choices=choices, value=None)

    def show_received(self, pick: str | None, lang: str) -> str:
        member = self._member(lang)
        for share in member.received():
            if pick == f"{share.sender}--{share.session_id}":
                when = time.strftime("%Y-%m-%d %H:%M", time.localtime(share.shared_at))
                by = text(lang)["shared_by"].format(sender=share.sender, when=when)
                return f"*{by}*\n\n{sanitize.neutralize(share.text)}"
        return text(lang)["shared_none"]


@dataclass
class ShareRow:
    pick: Any
    share_btn: Any
    withdraw_btn: Any
    status: Any


def share_row(L: Labels) -> ShareRow:
    """Under the report: whom to share it with, and the buttons."""
    L.markdown("share_heading")
    with gr.Row():
        pick = L.labelled(gr.Dropdown, "share_pick", choices=[], elem_id="share-pick", scale=2)
        share_btn = L.button("share_btn", elem_id="share", scale=1)
        withdraw_btn = L.button("withdraw_btn", elem_id="withdraw", scale=1)
    status = gr.Markdown("", elem_id="share-status")
    return ShareRow(pick, share_btn, withdraw_btn, status)


def received_tab(L: Labels, h: SharingHandlers, lang: Any, light: dict[str, Any]) -> Any:
    """The tab of reports shared with this person (a supervisor); returns its list."""
    with L.titled(gr.Tab, "tab_shared", id="shared"):
        L.markdown("shared_intro")
        with gr.Row():
            pick = L.labelled(gr.Dropdown, "shared_pick", choices=[], elem_id="shared-pick")
            refresh = L.button("shared_refresh", elem_id="shared-refresh", scale=0)
        shown = gr.Markdown("", elem_id="shared-report")
    refresh.click(_friendly(h.received_choices), [], [pick], **light)
    pick.change(_friendly(h.show_received), [pick, lang], [shown], **light)
    return pick


def wire_row(
    row: ShareRow, h: SharingHandlers, sid: Any, report: Any, lang: Any, light: dict[str, Any]
) -> None:
    row.share_btn.click(_friendly(h.share), [sid, report, row.pick, lang], [row.status], **light)
    row.withdraw_btn.click(_friendly(h.withdraw), [sid, row.pick, lang], [row.status], **light)
