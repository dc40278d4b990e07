"""The Beheer tab on a server with accounts: for an administrator, how much each account holds.

Role: a table of accounts with their role and the number of conversations, turns, documents and
meetings, read without any key; refreshed on demand. Accounts are added, removed and reset with
`coach users` on the server.
Must not: show any text of anyone's data, or anything at all to someone who is not an admin.
"""

from __future__ import annotations

import time
from typing import Any

import gradio as gr

from app.core.ui_text import text
from app.web.base import HandlerBase, _friendly
from app.web.labels import Labels


class AdminHandlers(HandlerBase):
    def account_table(self, lang: str) -> str:
        t = text(lang)
        member = self.coach.member
        if member is None or member.role != "admin":
            return t["admin_only"]
        lines = [t["admin_columns"], "|---|---|---|---|---|---|---|"]
        for row in self.root.account_counts():
            since = time.strftime("%Y-%m-%d", time.localtime(row["since"]))
            lines.append(
                f"| {row['name']} | {row['role']} | {since} | {row['conversations']} | "
                f"{row['turns']} | {row['documents']} | {row['meetings']} |"
            )
        return "\n".join(lines)


def admin_tab(L: Labels, h: AdminHandlers, lang: Any, light: dict[str, Any]) -> Any:
    """The tab; returns the table, which the page's load event fills."""
    with L.titled(gr.Tab, "tab_admin", id="admin"):
        L.markdown("admin_intro")
        table = gr.Markdown("", elem_id="admin-table")
        refresh = L.button("admin_refresh", elem_id="admin-refresh", scale=0)
    refresh.click(_friendly(h.account_table), [lang], [table], **light)
    return table
