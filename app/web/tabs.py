"""The page's parts, laid out: the header, and the Reflectie, Voorbereiden, Kennis and
Instellingen tabs (the Intervisie tab is app/web/intervisie.py). Each function is called inside
the page's Blocks and returns the components the events are wired to (wiring.py).

Must not: wire events, or spell out a sentence (app/core/ui_text.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from app.core import phases
from app.core.ui_text import LANG_CHOICES, text
from app.settings import Settings
from app.web.handlers import Handlers
from app.web.labels import Labels


def header(L: Labels, accounts: bool = False) -> Any:
    """The title (with a way to log out on a server with accounts), and the help panel
    (returned: a crisis opens it)."""
    with gr.Row():
        L(
            gr.Markdown(f"## {L.t('title')}\n{L.t('tagline')}"),
            value=lambda g: f"## {text(g)['title']}\n{text(g)['tagline']}",
        )
        if accounts:
            L.button("logout", link="/logout", elem_id="logout", size="sm", scale=0)
    with L.titled(gr.Accordion, "help_label", open=False, elem_id="help") as help_box:
        L.markdown("help_text")
    return help_box


# -- 1. Reflectie ---------------------------------------------------------------------------


@dataclass
class Chat:
    phase_md: Any
    chatbot: Any
    msg: Any
    send_btn: Any
    stop_btn: Any
    finish_btn: Any


@dataclass
class Report:
    sources_md: Any
    report_box: Any
    report: Any
    md_btn: Any
    docx_btn: Any
    report_file: Any


@dataclass
class SessionList:
    new_btn: Any
    pick: Any
    resume_btn: Any
    new_title: Any
    rename_btn: Any
    delete_btn: Any
    confirm: Any
    yes_btn: Any
    no_btn: Any


def reflect_tab(
    L: Labels, h: Handlers, s: Settings, lang0: str
) -> tuple[Chat, Report, SessionList]:
    with L.titled(gr.Tab, "tab_reflect", id="reflect"):
        L.markdown("notice", elem_classes=["notice"])
        with gr.Row():
            with gr.Column(scale=3):
                chat = _chat(L, h, s, lang0)
                report = _report(L)
            with gr.Column(scale=1, min_width=240):
                sessions = _session_list(L, h)
    return chat, report, sessions


def _open(_lang: str) -> bool:
    """Open for input (set by the page's load event and every re-labelling after it)."""
    return True


def _chat(L: Labels, h: Handlers, s: Settings, lang0: str) -> Chat:
    phase_md = gr.Markdown(h.phase_text(None, lang0), elem_classes=["phase-pill"], elem_id="phase")
    chatbot = L.labelled(
        gr.Chatbot,
        "chat_label",
        buttons=["copy", "copy_all"],
        height=460,
        feedback_options=None,
        elem_id="chat",
        autoscroll=True,
    )
    # The message box and the send button open only when the page's load event has shown the
    # chat: a message sent before it would be wiped from the page by the load's own chat.
    msg = L(
        gr.Textbox(
            label=L.t("message_label"),
            placeholder=L.t("message_placeholder"),
            lines=2,
            max_lines=8,
            max_length=s.max_message_chars,
            elem_id="message",
            autofocus=True,
            interactive=False,
        ),
        label="message_label",
        placeholder="message_placeholder",
        interactive=_open,
    )
    with gr.Row():
        send_btn = L(
            gr.Button(L.t("send"), variant="primary", scale=2, elem_id="send", interactive=False),
            value="send",
            interactive=_open,
        )
        stop_btn = L.button("stop", scale=1, elem_id="stop")
        finish_btn = L.button("finish", scale=1, elem_id="finish")
    return Chat(phase_md, chatbot, msg, send_btn, stop_btn, finish_btn)


def _report(L: Labels) -> Report:
    """The sources of the last reply, and the report panel (hidden until there is a report)."""
    with L.titled(gr.Accordion, "sources_label", open=True, elem_id="sources"):
        sources_md = gr.Markdown("", elem_classes=["sources"], elem_id="sources-md")
    with gr.Group(visible=False, elem_id="report") as report_box:
        L.markdown("report_heading")
        L.markdown("report_hint")
        report = L.labelled(
            gr.Textbox, "report_label", lines=14, max_lines=40, elem_id="report-text"
        )
        with gr.Row():
            md_btn = L.button("export_md", elem_id="export-md")
            docx_btn = L.button("export_docx", elem_id="export-docx")
        report_file = L.download("report-file")
    return Report(sources_md, report_box, report, md_btn, docx_btn, report_file)


def _session_list(L: Labels, h: Handlers) -> SessionList:
    L(
        gr.Markdown(f"### {L.t('sessions_label')}"),
        value=lambda g: f"### {text(g)['sessions_label']}",
    )
    new_btn = L.button("new_session", variant="primary", size="md", elem_id="new-session")
    pick = L.labelled(
        gr.Dropdown,
        "session_pick",
        choices=h.session_choices(),
        value=None,
        elem_id="session-pick",
        interactive=True,
    )
    resume_btn = L.button("resume", size="md", elem_id="resume")
    new_title = L.labelled(gr.Textbox, "rename_label", max_length=200, elem_id="rename-text")
    rename_btn = L.button("rename", size="md", elem_id="rename")
    delete_btn = L.button("delete_session", variant="stop", size="md", elem_id="delete-session")
    with gr.Group(visible=False) as confirm:
        L.markdown("confirm_delete_session")
        yes_btn = L.button("yes_delete", variant="stop", elem_id="confirm-delete-session")
        no_btn = L.button("cancel")
    return SessionList(
        new_btn, pick, resume_btn, new_title, rename_btn, delete_btn, confirm, yes_btn, no_btn
    )


# -- 2. Voorbereiden ------------------------------------------------------------------------


@dataclass
class Preparation:
    theme: Any
    phase_pick: Any
    count: Any
    situation: Any
    make_btn: Any
    prepared: Any
    q_btn: Any
    q_file: Any


@dataclass
class Browse:
    theme: Any
    kind: Any
    btn: Any
    md: Any


def _phase_choices(lang: str) -> list[tuple[str, int]]:
    return [(text(lang)["all_phases"], 0)] + [
        (f"{n}. {phases.NAMES[lang][n]}", n) for n in range(1, phases.STEPS + 1)
    ]


def prepare_tab(L: Labels, h: Handlers, lang0: str) -> tuple[Preparation, Browse]:
    with L.titled(gr.Tab, "tab_prepare", id="prepare"):
        L.markdown("prepare_intro")
        prepared = _preparation(L, h, lang0)
        with L.titled(gr.Accordion, "browse_label", open=False):
            browse = _browse(L, h, lang0)
    return prepared, browse


def _preparation(L: Labels, h: Handlers, lang0: str) -> Preparation:
    with gr.Row():
        theme = L(
            gr.Dropdown(
                choices=h.theme_choices(lang0),
                value=None,
                allow_custom_value=True,
                label=L.t("theme_label"),
                elem_id="theme",
            ),
            label="theme_label",
            choices=h.theme_choices,
        )
        phase_pick = L(
            gr.Dropdown(
                choices=_phase_choices(lang0),
                value=0,
                label=L.t("phase_label"),
                elem_id="phase-pick",
            ),
            label="phase_label",
            choices=_phase_choices,
        )
        count = L(
            gr.Slider(1, 20, value=8, step=1, label=L.t("count_label"), elem_id="count"),
            label="count_label",
        )
    situation = L.labelled(
        gr.Textbox,
        "situation_label",
        placeholder="situation_placeholder",
        lines=2,
        max_length=2000,
        elem_id="situation",
    )
    make_btn = L.button("make_questions", variant="primary", elem_id="make-questions")
    prepared = L.labelled(
        gr.Textbox, "questions_label", lines=16, max_lines=60, elem_id="questions"
    )
    with gr.Row():
        q_btn = L.button("export_questions", elem_id="export-questions")
        q_file = L.download("questions-file")
    return Preparation(theme, phase_pick, count, situation, make_btn, prepared, q_btn, q_file)


def _browse(L: Labels, h: Handlers, lang0: str) -> Browse:
    with gr.Row():
        theme = L(
            gr.Dropdown(choices=h.theme_choices(lang0), value=None, label=L.t("browse_theme")),
            label="browse_theme",
            choices=h.theme_choices,
        )
        kind = L(
            gr.Radio(
                choices=[(L.t("kind_questions"), "questions"), (L.t("kind_cards"), "cards")],
                value="questions",
                label=L.t("browse_kind"),
            ),
            label="browse_kind",
            choices=lambda g: [
                (text(g)["kind_questions"], "questions"),
                (text(g)["kind_cards"], "cards"),
            ],
        )
        btn = L.button("browse")
    md = gr.Markdown("", elem_classes=["sources"])
    return Browse(theme, kind, btn, md)


# -- 4. Kennis ------------------------------------------------------------------------------


@dataclass
class Knowledge:
    uploads: Any
    add_btn: Any
    kb_msg: Any
    kb_md: Any
    doc_pick: Any
    remove_btn: Any


def knowledge_tab(L: Labels) -> Knowledge:
    with L.titled(gr.Tab, "tab_knowledge", id="knowledge"):
        L.markdown("kb_intro")
        uploads = L.labelled(
            gr.File,
            "upload_label",
            file_count="multiple",
            file_types=[".txt", ".md", ".pdf", ".docx"],
            elem_id="uploads",
        )
        add_btn = L.button("add_docs", variant="primary", elem_id="add-docs")
        kb_msg = gr.Markdown("", elem_id="kb-msg")
        kb_md = gr.Markdown("", elem_id="kb-status")
        with gr.Row():
            doc_pick = L.labelled(
                gr.Dropdown, "doc_pick", choices=[], value=None, elem_id="doc-pick"
            )
            remove_btn = L.button("remove_doc", variant="stop", elem_id="remove-doc")
    return Knowledge(uploads, add_btn, kb_msg, kb_md, doc_pick, remove_btn)


# -- 5. Instellingen en privacy -------------------------------------------------------------


@dataclass
class SettingsTab:
    lang_pick: Any
    model_pick: Any
    model_btn: Any
    model_msg: Any
    export_btn: Any
    delete_all_btn: Any
    export_file: Any
    confirm_all: Any
    yes_all: Any
    no_all: Any
    deleted_md: Any


def settings_tab(L: Labels, h: Handlers, s: Settings, lang0: str) -> SettingsTab:
    with L.titled(gr.Tab, "tab_settings", id="settings"):
        lang_pick = gr.Radio(
            choices=LANG_CHOICES, value=lang0, label=L.t("lang_label"), elem_id="lang-pick"
        )
        with gr.Row():
            model_pick = L.labelled(
                gr.Dropdown,
                "model_label",
                choices=h.model_choices(),
                value=s.model,
                elem_id="model-pick",
            )
            model_btn = L.button("model_apply")
        model_msg = L.markdown("model_note")
        L(
            gr.Markdown(L.t("data_title") + "\n\n" + h.data_text(lang0)),
            value=lambda g: text(g)["data_title"] + "\n\n" + h.data_text(g),
        )
        with gr.Row():
            export_btn = L.button("export_all", elem_id="export-all")
            delete_all_btn = L.button("delete_all", variant="stop", elem_id="delete-all")
        export_file = L.download("export-file")
        with gr.Group(visible=False) as confirm_all:
            L.markdown("confirm_delete_all")
            with gr.Row():
                yes_all = L.button("yes_delete", variant="stop", elem_id="confirm-delete-all")
                no_all = L.button("cancel")
        deleted_md = gr.Markdown("", elem_id="deleted-result")
    return SettingsTab(
        lang_pick,
        model_pick,
        model_btn,
        model_msg,
        export_btn,
        delete_all_btn,
        export_file,
        confirm_all,
        yes_all,
        no_all,
        deleted_md,
    )
