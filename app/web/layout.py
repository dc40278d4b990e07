"""The page: the Blocks with its header and tabs (tabs.py), its events wired (wiring.py).

Must not: place a component or wire an event itself; it puts the parts together in order.
"""

from __future__ import annotations

import gradio as gr

from app.services import Coach
from app.web import admin, sharing, tabs
from app.web import intervisie as web_intervisie
from app.web.base import _friendly, laying_out
from app.web.handlers import Handlers
from app.web.labels import Labels
from app.web.wiring import EVENTS, LIGHT, Page, heavy_events, wire

CSS = """
.phase-pill p { display: inline-block; margin: 0; padding: .25rem .75rem; border-radius: 999px;
  background: var(--color-accent-soft); font-weight: 600; }
.notice p { margin: 0; font-size: .95em; }
.sources details { margin: .3rem 0; }
.sources summary { cursor: pointer; font-weight: 700; }
#help { border-left: 4px solid #c2410c; }
#help button span { font-weight: 700; }
footer { display: none !important; }
"""


def build_blocks(coach: Coach) -> gr.Blocks:
    with laying_out():
        return _build_blocks(coach)


def _build_blocks(coach: Coach) -> gr.Blocks:
    h = Handlers(coach)
    s = coach.settings
    lang0 = s.ui_lang if s.ui_lang in ("nl", "en") else "nl"
    L = Labels(lang0)
    with gr.Blocks(
        title="Reflectiecoach", analytics_enabled=False, delete_cache=(1800, 3600)
    ) as demo:
        lang = gr.BrowserState(lang0, storage_key="reflectiecoach-lang")
        sid = gr.State("")
        pending = gr.State("")
        help_box = tabs.header(L, coach.uses_accounts)
        iv_meeting, iv_timer = gr.State(""), gr.Timer(1.0)  # the Intervisie tab's, see there
        with gr.Tabs():
            chat, report, sessions = tabs.reflect_tab(L, h, s, lang0)
            preparation, browse = tabs.prepare_tab(L, h, lang0)
            web_intervisie.build_tab(L, coach, lang0, lang, sid, EVENTS, iv_meeting, iv_timer)
            received = sharing.received_tab(L, h, lang, LIGHT) if coach.uses_accounts else None
            admin_table = admin.admin_tab(L, h, lang, LIGHT) if coach.uses_accounts else None
            knowledge = tabs.knowledge_tab(L)
            settings = tabs.settings_tab(L, h, s, lang0)
        if coach.uses_accounts:  # under the report: share it with a supervisor
            with report.report_box:
                row = sharing.share_row(L)
            sharing.wire_row(row, h, sid, report.report, lang, LIGHT)
            demo.load(_friendly(h.supervisors), [lang], [row.pick], **LIGHT)
            demo.load(_friendly(h.received_choices), [], [received], **LIGHT)
            demo.load(_friendly(h.account_table), [lang], [admin_table], **LIGHT)
            chat.finish_btn.click(_friendly(h.share_status), [sid, lang], [row.status], **LIGHT)
        page = Page(
            lang=lang,
            sid=sid,
            pending=pending,
            help_box=help_box,
            chat=chat,
            report=report,
            sessions=sessions,
            preparation=preparation,
            browse=browse,
            knowledge=knowledge,
            settings=settings,
            heavy=heavy_events(s.model_slots if s.backend == "openai" else 1),
        )
        wire(demo, page, h, L, lang0)
    demo.queue(default_concurrency_limit=1, api_open=False)
    return demo
