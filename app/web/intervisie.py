"""The Intervisie tab: a group around one screen works through a colleague's case, round by round.

Role: handlers that turn the meeting core (app/core/intervisie.py) into what the components
show, and the tab's layout. Every change is saved at once in the data folder
(app/adapters/meetings.py), so a reload or a closed laptop loses nothing. Rounds, their names
and times come from knowledge/methods/.
Must not: hold meeting state outside the MeetingStore, or spell out a sentence
(app/core/ui_text.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import gradio as gr

from app.adapters import exports, meetings
from app.core import intervisie, methods, sanitize
from app.core.ui_text import text


def _mmss(seconds: int) -> str:
    m, s = divmod(abs(seconds), 60)
    return f"{m:02d}:{s:02d}"


class IntervisieHandlers:
    def __init__(self, coach: Any) -> None:
        self.root = coach

    @property
    def coach(self) -> Any:
        """The Coach of whoever sent the event (their own meetings on a server with accounts)."""
        from app.web.base import coach_for_event

        return coach_for_event(self.root)

    @property
    def store(self) -> meetings.MeetingStore:
        store: meetings.MeetingStore = self.coach.meetings
        return store

    def method_choices(self, lang: str) -> list[tuple[str, str]]:
        return [(m.label(lang), m.id) for m in methods.of_kind("intervisie")]

    def about(self, method_id: str | None, lang: str) -> str:
        if not method_id:
            return ""
        spec = methods.get(method_id)
        t = text(lang)
        rounds = [
            f"{n}. **{s.label(lang)}** ({s.minutes} min)"
            + (f", {s.who.get(lang)}" if s.who else "")
            for n, s in enumerate(spec.steps, 1)
        ]
        return "\n".join(
            [spec.about.get(lang, ""), "", t["iv_rounds"].format(minutes=spec.minutes), ""] + rounds
        )

    # -- the meeting ------------------------------------------------------------------------

    def start(
        self,
        method_id: str | None,
        inbrenger: str,
        participants: str,
        case: str,
        leervraag: str,
        lang: str,
    ) -> tuple[str, str, str, str, str]:
        if not method_id:
            raise gr.Error(text(lang)["iv_need_method"])
        meeting = intervisie.start(
            method_id,
            sanitize.normalize(inbrenger or "", 100).text,
            sanitize.normalize(participants or "", 1000).text,
            sanitize.normalize(case or "", 6000).text,
            sanitize.normalize(leervraag or "", 600).text,
            lang,
        )
        self.store.save(meeting)
        return (meeting.id, *self.view(meeting.id, lang))

    def view(self, meeting_id: str, lang: str) -> tuple[str, str, str, str]:
        """The round's heading and task, its suggested questions, its notes, the clock."""
        if not meeting_id:
            return "", "", "", ""
        return self._view(self.store.get(meeting_id), lang)

    def _view(self, meeting: intervisie.Meeting, lang: str) -> tuple[str, str, str, str]:
        t = text(lang)
        step = meeting.step
        if step is None:
            return t["iv_finished"], "", "", ""
        spec = meeting.spec
        heading = t["iv_round"].format(
            n=meeting.round, of=len(spec.steps), name=step.label(lang), minutes=step.minutes
        )
        who = f"*{step.who.get(lang)}*\n\n" if step.who else ""
        task = f"### {heading}\n\n{who}{step.asks.get(lang, '')}"
        found = intervisie.suggestions(meeting, self.coach.knowledge)
        questions = t["iv_questions"] + "\n\n" + "\n".join(f"- {q}" for q in found) if found else ""
        return (
            task,
            sanitize.neutralize(questions),
            meeting.notes.get(step.id, ""),
            self._clock(meeting, lang),
        )

    def clock(self, meeting_id: str, lang: str) -> str:
        return self._clock(self.store.get(meeting_id), lang) if meeting_id else ""

    def _clock(self, meeting: intervisie.Meeting, lang: str) -> str:
        if meeting.step is None:
            return ""
        left = meeting.remaining()
        t = text(lang)
        return (
            t["iv_left"].format(clock=_mmss(left))
            if left >= 0
            else t["iv_over"].format(clock=_mmss(left))
        )

    def _noted(self, meeting_id: str, notes: str) -> intervisie.Meeting:
        """The meeting with the notes typed for its current round (not yet saved)."""
        return self.store.get(meeting_id).note(sanitize.normalize(notes or "", 20_000).text)

    def save_notes(self, meeting_id: str, notes: str) -> None:
        if meeting_id:
            clean = sanitize.normalize(notes or "", 20_000).text
            self.store.update(meeting_id, lambda m: m.note(clean))

    def move(self, meeting_id: str, notes: str, forward: bool, lang: str) -> tuple[str, ...]:
        if not meeting_id:
            raise gr.Error(text(lang)["iv_need_start"])
        clean = sanitize.normalize(notes or "", 20_000).text

        def step(m: Any) -> Any:
            noted = m.note(clean)
            return noted.advance() if forward else noted.back()

        self.store.update(meeting_id, step)
        return self._view(self.store.get(meeting_id), lang)

    # -- the verslag --------------------------------------------------------------------------

    def verslag(self, meeting_id: str, notes: str, lang: str) -> str:
        if not meeting_id:
            raise gr.Error(text(lang)["iv_need_start"])
        meeting = self.store.save(self._noted(meeting_id, notes))
        return intervisie.verslag(meeting)

    def export(self, content: str, meeting_id: str, kind: str, lang: str) -> str:
        clean = sanitize.normalize(content or "", 200_000).text
        if not clean or not meeting_id:
            raise gr.Error(text(lang)["iv_need_start"])
        name = exports.safe_filename(
            f"intervisieverslag {time.strftime('%Y%m%d-%H%M%S')}",
            ".docx" if kind == "docx" else ".md",
        )
        path = self.coach.settings.exports_dir / name
        if kind == "docx":
            return str(exports.report_docx(clean, path))
        return str(exports.write_atomic(path, (clean + "\n").encode("utf-8")))

    def from_session(self, session_id: str, lang: str) -> tuple[str, str]:
        """Case and leervraag from the reflection conversation open in the Reflectie tab."""
        if not session_id:
            raise gr.Error(text(lang)["iv_need_session"])
        turns = self.coach.sessions.turns(session_id)
        case, question = intervisie.inbreng_from_turns(turns, lang)
        if not case:
            raise gr.Error(text(lang)["iv_need_session"])
        return case, question


@dataclass
class _Inbreng:
    """The inputs that start a meeting: the method, the people, the case and the leervraag."""

    method: Any
    inbrenger: Any
    people: Any
    case: Any
    leervraag: Any
    from_chat: Any
    start: Any
    about: Any


@dataclass
class _Rounds:
    """The running meeting: the clock, the round's task and notes, the verslag and its export."""

    clock: Any
    task: Any
    suggested: Any
    notes: Any
    back: Any
    forward: Any
    report_btn: Any
    report: Any
    md_btn: Any
    docx_btn: Any
    file: Any


def build_tab(
    L: Any, coach: Any, lang0: str, lang: Any, reflect_sid: Any, ev: dict, meeting: Any, timer: Any
) -> None:
    """The Intervisie tab; call inside gr.Tabs() of the page's Blocks. `meeting` (a gr.State)
    and `timer` (a gr.Timer) are made outside gr.Tabs: an invisible component among the tabs
    shifts the tabs' labels in the browser."""
    h = IntervisieHandlers(coach)
    light = {**ev, "concurrency_limit": None}
    with L(gr.Tab(L.t("tab_intervisie"), id="intervisie"), label="tab_intervisie"):
        L(gr.Markdown(L.t("iv_intro")), value="iv_intro")
        inbreng = _inbreng(L, h, lang0)
        rounds = _rounds(L)
    _wire(h, inbreng, rounds, light, lang, reflect_sid, meeting, timer)


def _inbreng(L: Any, h: IntervisieHandlers, lang0: str) -> _Inbreng:
    choices = h.method_choices(lang0)
    first = choices[0][1] if choices else None
    with gr.Row():
        with gr.Column(scale=2):
            method = L(
                gr.Dropdown(
                    choices=h.method_choices(lang0),
                    value=first,
                    label=L.t("iv_method"),
                    elem_id="iv-method",
                ),
                label="iv_method",
                choices=h.method_choices,
            )
            inbrenger = L(
                gr.Textbox(label=L.t("iv_inbrenger"), max_length=100, elem_id="iv-inbrenger"),
                label="iv_inbrenger",
            )
            people = L(
                gr.Textbox(
                    label=L.t("iv_participants"),
                    placeholder=L.t("iv_participants_hint"),
                    max_length=1000,
                    elem_id="iv-participants",
                ),
                label="iv_participants",
                placeholder="iv_participants_hint",
            )
            case = L(
                gr.Textbox(label=L.t("iv_case"), lines=5, max_length=6000, elem_id="iv-case"),
                label="iv_case",
            )
            leervraag = L(
                gr.Textbox(label=L.t("iv_leervraag"), max_length=600, elem_id="iv-leervraag"),
                label="iv_leervraag",
            )
            with gr.Row():
                from_chat = L(
                    gr.Button(L.t("iv_from_chat"), elem_id="iv-from-chat"),
                    value="iv_from_chat",
                )
                start = L(
                    gr.Button(L.t("iv_start"), variant="primary", elem_id="iv-start"),
                    value="iv_start",
                )
        with gr.Column(scale=1):
            about = gr.Markdown(h.about(first, lang0), elem_id="iv-about")
    return _Inbreng(method, inbrenger, people, case, leervraag, from_chat, start, about)


def _rounds(L: Any) -> _Rounds:
    clock = gr.Markdown("", elem_id="iv-clock", elem_classes=["phase-pill"])
    task = gr.Markdown("", elem_id="iv-task")
    suggested = gr.Markdown("", elem_id="iv-suggested", elem_classes=["sources"])
    notes = L(
        gr.Textbox(label=L.t("iv_notes"), lines=6, max_length=20_000, elem_id="iv-notes"),
        label="iv_notes",
    )
    with gr.Row():
        back = L(gr.Button(L.t("iv_back"), elem_id="iv-back"), value="iv_back")
        forward = L(
            gr.Button(L.t("iv_next"), variant="primary", elem_id="iv-next"), value="iv_next"
        )
        report_btn = L(gr.Button(L.t("iv_report"), elem_id="iv-report"), value="iv_report")
    report = gr.Textbox(label="", lines=14, max_lines=80, elem_id="iv-verslag", show_label=False)
    with gr.Row():
        md_btn = L(gr.Button(L.t("iv_export_md"), elem_id="iv-export-md"), value="iv_export_md")
        docx_btn = L(
            gr.Button(L.t("iv_export_docx"), elem_id="iv-export-docx"), value="iv_export_docx"
        )
        file = L(
            gr.File(
                label=L.t("download_label"),
                interactive=False,
                visible=False,
                height=80,
                elem_id="iv-file",
            ),
            label="download_label",
        )
    return _Rounds(
        clock, task, suggested, notes, back, forward, report_btn, report, md_btn, docx_btn, file
    )


def _wire(
    h: IntervisieHandlers,
    inbreng: _Inbreng,
    rounds: _Rounds,
    light: dict,
    lang: Any,
    reflect_sid: Any,
    meeting: Any,
    timer: Any,
) -> None:
    from app.web import _friendly  # the page's error handling, shared

    def shown(path: str) -> dict[str, Any]:
        return gr.update(value=path, visible=True)

    i, r = inbreng, rounds
    i.method.change(_friendly(h.about), [i.method, lang], [i.about], **light)
    i.from_chat.click(
        _friendly(h.from_session), [reflect_sid, lang], [i.case, i.leervraag], **light
    )
    i.start.click(
        _friendly(h.start),
        [i.method, i.inbrenger, i.people, i.case, i.leervraag, lang],
        [meeting, r.task, r.suggested, r.notes, r.clock],
        **light,
    )
    r.notes.blur(_friendly(h.save_notes), [meeting, r.notes], None, **light)
    r.forward.click(
        _friendly(lambda m, n, g: h.move(m, n, True, g)),
        [meeting, r.notes, lang],
        [r.task, r.suggested, r.notes, r.clock],
        **light,
    )
    r.back.click(
        _friendly(lambda m, n, g: h.move(m, n, False, g)),
        [meeting, r.notes, lang],
        [r.task, r.suggested, r.notes, r.clock],
        **light,
    )
    timer.tick(_friendly(h.clock), [meeting, lang], [r.clock], show_progress="hidden", **light)
    r.report_btn.click(_friendly(h.verslag), [meeting, r.notes, lang], [r.report], **light)
    r.md_btn.click(
        _friendly(lambda c, m, g: shown(h.export(c, m, "md", g))),
        [r.report, meeting, lang],
        [r.file],
        **light,
    )
    r.docx_btn.click(
        _friendly(lambda c, m, g: shown(h.export(c, m, "docx", g))),
        [r.report, meeting, lang],
        [r.file],
        **light,
    )
