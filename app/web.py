"""The web UI: a thin Gradio face over the Coach, served by FastAPI on this machine only.

The only module that imports gradio. `Handlers` holds what each button does, in plain Python
over the Coach (tested without a browser); `build_blocks` lays out the page and wires the
events; `build_app` mounts it in FastAPI with the hardening Gradio cannot do itself (trusted
Host names against DNS rebinding, a Content-Security-Policy so no page element can reach
another host, no-frame and no-referrer headers, no remote `file=` proxy). `serve` refuses to
listen beyond loopback without a password. Every text the model or a document produced is
passed through sanitize.neutralize before it reaches the page, on every streamed chunk.
This module decides nothing about coaching, storage or retrieval; it translates.
"""

from __future__ import annotations

import functools
import inspect
import ipaddress
import json
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import privacy

privacy.apply()  # before gradio: huggingface_hub reads the switches when it is imported

import gradio as gr  # noqa: E402
from fastapi import FastAPI  # noqa: E402
from starlette.datastructures import MutableHeaders  # noqa: E402
from starlette.middleware.trustedhost import TrustedHostMiddleware  # noqa: E402
from starlette.responses import PlainTextResponse  # noqa: E402

from . import exports, phases, questions, sanitize, web_intervisie  # noqa: E402
from .errors import CoachError, SettingsError  # noqa: E402
from .services import Coach  # noqa: E402
from .settings import Settings  # noqa: E402
from .ui_text import LANG_CHOICES, text  # noqa: E402

CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; "
    "object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
}
LOOPBACK_NAMES = ["127.0.0.1", "localhost"]
# Gradio's /file= route fetches http(s) URLs on the server's behalf; an offline app never should.
_REMOTE_FILE = re.compile(r"/file=\s*[a-z][a-z0-9+.\-]*:", re.I)
COACH = "coach"  # concurrency id: one model and embedder, one event at a time
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


# -- hardening -----------------------------------------------------------------------------


class Hardening:
    """ASGI middleware: security headers on every response, and no remote `file=` fetches."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _cross_origin_write(scope):
            # A page from another site (another tab) may not post to this app: uploads and
            # events must come from the app's own page.
            response = PlainTextResponse(
                "Cross-origin request refused.", status_code=403, headers=SECURITY_HEADERS
            )
            await response(scope, receive, send)
            return
        if _REMOTE_FILE.search(scope.get("path", "")):
            response = PlainTextResponse(
                "File not allowed.", status_code=403, headers=SECURITY_HEADERS
            )
            await response(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for key, value in SECURITY_HEADERS.items():
                    headers[key] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _cross_origin_write(scope: dict) -> bool:
    """True for a state-changing request whose Origin is not this app's own host."""
    if scope.get("method", "GET") in ("GET", "HEAD", "OPTIONS"):
        return False
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
    origin = headers.get("origin")
    if origin is None:
        return False  # not sent by a browser page (curl, tests); CSRF needs a browser
    return origin == "null" or urlsplit(origin).netloc.lower() != headers.get("host", "").lower()


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(settings: Settings) -> tuple[str, str] | None:
    """The (user, password) pair, or None; refuses a non-loopback host without one."""
    auth = settings.auth.strip()
    if auth and (":" not in auth or not all(auth.split(":", 1))):
        raise SettingsError('The setting auth must look like "user:password" (both non-empty).')
    if not is_loopback(settings.host) and not auth:
        raise SettingsError(
            f"Refusing to listen on {settings.host} without a password: anyone on the network "
            f"could read the conversations. Use --host 127.0.0.1, or set COACH_AUTH=user:password "
            f'(or auth = "user:password" in config.toml).'
        )
    if not auth:
        return None
    user, password = auth.split(":", 1)
    return user, password


# -- handlers: what each control does, in plain Python --------------------------------------


def _friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Show a CoachError's message as a Gradio error; log anything else, never a traceback."""

    def convert(exc: Exception) -> gr.Error:
        if isinstance(exc, gr.Error):
            return exc
        if isinstance(exc, CoachError):
            return gr.Error(str(exc))
        traceback.print_exc(file=sys.stderr)
        return gr.Error(text("nl")["error_generic"] + " / " + text("en")["error_generic"])

    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def gen_wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
            try:
                yield from fn(*args, **kwargs)
            except GeneratorExit:
                raise
            except Exception as exc:
                raise convert(exc) from None

        return gen_wrapper

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            raise convert(exc) from None

    return wrapper


def _msg(role: str, content: str) -> dict[str, str]:
    return {"role": role, "content": content}


class Handlers:
    """Every UI action over one Coach. Values returned are what the components show."""

    def __init__(self, coach: Coach) -> None:
        self.coach = coach
        self.themes: dict[str, dict[str, str]] = _load_themes(coach.settings.knowledge_dir)

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

    @staticmethod
    def phase_text(phase: int | None, lang: str) -> str:
        t = text(lang)
        if not phase:
            return t["phase_none"]
        return t["phase"].format(n=phase, name=phases.NAMES.get(lang, phases.NAMES["nl"])[phase])

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

    def send(self, message: str, sid: str, lang: str) -> Iterator[tuple[Any, ...]]:
        """Stream one turn. Yields (chat, sid, phase, sources, session list, help panel,
        report text, report panel); the chat is neutralised again at every chunk."""
        engine, t = self.coach.engine, text(lang)
        clean = sanitize.normalize(message, self.coach.settings.max_message_chars).text
        if not clean:  # an empty box: nothing to send, and no empty session either
            yield tuple(gr.skip() for _ in range(8))
            return
        if not sid:
            sid = self.coach.sessions.create(lang=lang).id
        shown = self.history(sid, lang)
        shown += [_msg("user", sanitize.neutralize(clean)), _msg("assistant", t["thinking"])]
        phase = self.coach.sessions.get(sid).phase
        sources_md: Any = gr.skip()
        help_open: Any = gr.skip()
        report: tuple[Any, Any] = (gr.skip(), gr.skip())
        yield (
            list(shown),
            sid,
            self.phase_text(phase, lang),
            sources_md,
            self._sessions_update(sid),
            help_open,
            *report,
        )
        reply, note = "", ""
        for event in engine.respond(sid, message):
            if event.kind == "delta":
                reply += event.text
            elif event.kind in ("reset", "done"):
                reply = event.text
            if event.kind in ("meta", "done") or event.sources:
                sources_md = self.sources_markdown(event.sources, lang)
            if event.turn is not None and event.turn.crisis:
                help_open = gr.update(open=True)
            if event.report:  # the person said they want to stop: show the report to edit
                report = (event.report, gr.update(visible=True))
            phase = event.phase or phase
            note = event.note or note
            shown[-1] = _msg(
                "assistant",
                sanitize.neutralize(reply + (f"\n\n*{note}*" if note else "")) or t["thinking"],
            )
            yield (
                list(shown),
                sid,
                self.phase_text(phase, lang),
                sources_md,
                gr.skip(),
                help_open,
                *report,
            )
        yield (
            list(shown),
            sid,
            self.phase_text(phase, lang),
            sources_md,
            self._sessions_update(sid),
            help_open,
            *report,
        )

    def stopped(self, sid: str, message: str, lang: str) -> tuple[Any, ...]:
        """After a stop: the stored conversation, and the unsent message back in the box."""
        gr.Info(text(lang)["stopped"])
        turns = self.coach.sessions.turns(sid) if sid else []
        clean = sanitize.normalize(message, self.coach.settings.max_message_chars).text
        saved = bool(turns) and turns[-1].user == clean
        return self.history(sid, lang), ("" if saved else message)

    def new_session(self, lang: str) -> tuple[Any, ...]:
        """(chat, sid, phase, sources, report text, report panel, session list)."""
        return (
            self.history("", lang),
            "",
            self.phase_text(None, lang),
            "",
            "",
            gr.update(visible=False),
            self._sessions_update(None),
        )

    def resume(self, pick: str | None, lang: str) -> tuple[Any, ...]:
        if not pick:
            gr.Warning(text(lang)["pick_session_first"])
            return tuple(gr.skip() for _ in range(7))
        info = self.coach.sessions.get(pick)
        turns = self.coach.sessions.turns(pick)
        sources = turns[-1].sources if turns else []
        report = self.coach.sessions.report(pick) or ""
        return (
            self.history(pick, lang),
            pick,
            self.phase_text(info.phase if turns else None, lang),
            self.sources_markdown(sources, lang) if turns else "",
            report,
            gr.update(visible=bool(report)),
            self._sessions_update(pick),
        )

    def rename(self, pick: str | None, title: str, lang: str) -> tuple[Any, ...]:
        if not pick:
            gr.Warning(text(lang)["pick_session_first"])
            return gr.skip(), gr.skip()
        self.coach.sessions.rename(pick, sanitize.normalize(title, 200).text)
        gr.Info(text(lang)["session_renamed"])
        return self._sessions_update(pick), ""

    def delete_session(self, pick: str | None, sid: str, lang: str) -> tuple[Any, ...]:
        """Delete the picked session; if it is the open one, start afresh."""
        if not pick:
            gr.Warning(text(lang)["pick_session_first"])
            return (*(gr.skip() for _ in range(7)), gr.update(visible=False))
        self.coach.sessions.delete(pick)
        gr.Info(text(lang)["session_deleted"])
        if pick == sid:
            return (*self.new_session(lang), gr.update(visible=False))
        return (
            *(gr.skip() for _ in range(6)),
            self._sessions_update(sid),
            gr.update(visible=False),
        )

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

    # -- supervisor preparation --------------------------------------------------------

    def theme_choices(self, lang: str) -> list[tuple[str, str]]:
        return sorted(
            (
                (names.get(lang) or names.get("nl") or key, key)
                for key, names in self.themes.items()
            ),
            key=lambda c: c[0].lower(),
        )

    def theme_label(self, theme: str, lang: str) -> str:
        names = self.themes.get(theme)
        return (names.get(lang) or names.get("nl") or theme) if names else theme

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
            rows = sorted(
                {
                    (min([p for p in range(1, phases.STEPS + 1) if m.get(f"p{p}")] or [0]), doc)
                    for _, doc, m in records
                    if m.get("lang") in (lang, "")
                }
            )
            lines = [
                f"- {sanitize.neutralize(q)}" + (f" *({self.phase_text(p, lang)})*" if p else "")
                for p, q in rows
            ]
        else:
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
        head = f"### {sanitize.neutralize(self.theme_label(theme, lang))}"
        return "\n".join([head, ""] + (lines or [t["browse_empty"]]))

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

    def ingest(
        self, files: list[str] | None, lang: str, progress: Callable[..., Any] | None = None
    ) -> tuple[Any, ...]:
        """(message, status, document list)."""
        t = text(lang)
        if not files:
            gr.Warning(t["kb_nothing"])
            return gr.skip(), gr.skip(), gr.skip()
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
        return (
            sanitize.neutralize(" ".join(parts)),
            self.kb_status(lang),
            gr.update(choices=self.doc_choices(), value=None),
        )

    def remove_doc(self, name: str | None, lang: str) -> tuple[Any, ...]:
        t = text(lang)
        if not name:
            gr.Warning(t["pick_doc_first"])
            return gr.skip(), gr.skip(), gr.skip()
        chunks = self.coach.knowledge.remove(name)
        return (
            sanitize.neutralize(t["doc_removed"].format(name=name, chunks=chunks)),
            self.kb_status(lang),
            gr.update(choices=self.doc_choices(), value=None),
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

    def delete_all(self, lang: str) -> tuple[Any, ...]:
        """(result, hidden confirmation, *new_session outputs, kb status, document list)."""
        self.coach.delete_all()
        counts = text(lang)["deleted_all"].format(
            sessions=len(self.coach.sessions.list()),
            documents=len(self.coach.knowledge.status()["user_documents"]),
        )
        return (
            counts,
            gr.update(visible=False),
            *self.new_session(lang),
            self.kb_status(lang),
            gr.update(choices=self.doc_choices(), value=None),
        )


def _without_title(body: str, title: str) -> str:
    """Card text without a first line that only repeats the title shown above it."""
    first, _, rest = body.partition("\n")
    return rest.lstrip() if first.strip("# ").strip() == title.strip() and rest else body


def _load_themes(knowledge_dir: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads((knowledge_dir / "themes.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): dict(v) for k, v in data.items() if isinstance(v, dict)}


# -- the page ------------------------------------------------------------------------------


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


def build_blocks(coach: Coach) -> gr.Blocks:
    h = Handlers(coach)
    s = coach.settings
    lang0 = s.ui_lang if s.ui_lang in ("nl", "en") else "nl"
    L = Labels(lang0)
    ev: dict[str, Any] = {"api_visibility": "private"}
    light: dict[str, Any] = {**ev, "concurrency_limit": None}
    heavy: dict[str, Any] = {**ev, "concurrency_id": COACH, "concurrency_limit": 1}

    def download(elem_id: str) -> Any:
        """A file to download, hidden until a file is made."""
        return L(
            gr.File(
                label=L.t("download_label"),
                interactive=False,
                visible=False,
                height=80,
                elem_id=elem_id,
            ),
            label="download_label",
        )

    def phase_choices(lang: str) -> list[tuple[str, int]]:
        return [(text(lang)["all_phases"], 0)] + [
            (f"{n}. {phases.NAMES[lang][n]}", n) for n in range(1, phases.STEPS + 1)
        ]

    with gr.Blocks(
        title="Reflectiecoach", analytics_enabled=False, delete_cache=(1800, 3600)
    ) as demo:
        lang = gr.BrowserState(lang0, storage_key="reflectiecoach-lang")
        sid = gr.State("")
        pending = gr.State("")

        with gr.Row():
            L(
                gr.Markdown(f"## {L.t('title')}\n{L.t('tagline')}"),
                value=lambda g: f"## {text(g)['title']}\n{text(g)['tagline']}",
            )
        with L(
            gr.Accordion(L.t("help_label"), open=False, elem_id="help"), label="help_label"
        ) as help_box:
            L(gr.Markdown(L.t("help_text")), value="help_text")

        iv_meeting, iv_timer = gr.State(""), gr.Timer(1.0)  # the Intervisie tab's, see there
        with gr.Tabs():
            # -- 1. Reflectie ---------------------------------------------------------------
            with L(gr.Tab(L.t("tab_reflect"), id="reflect"), label="tab_reflect"):
                L(gr.Markdown(L.t("notice"), elem_classes=["notice"]), value="notice")
                with gr.Row():
                    with gr.Column(scale=3):
                        phase_md = gr.Markdown(
                            h.phase_text(None, lang0), elem_classes=["phase-pill"], elem_id="phase"
                        )
                        chatbot = L(
                            gr.Chatbot(
                                label=L.t("chat_label"),
                                buttons=["copy", "copy_all"],
                                height=460,
                                feedback_options=None,
                                elem_id="chat",
                                autoscroll=True,
                            ),
                            label="chat_label",
                        )
                        msg = L(
                            gr.Textbox(
                                label=L.t("message_label"),
                                placeholder=L.t("message_placeholder"),
                                lines=2,
                                max_lines=8,
                                max_length=s.max_message_chars,
                                elem_id="message",
                                autofocus=True,
                            ),
                            label="message_label",
                            placeholder="message_placeholder",
                        )
                        with gr.Row():
                            send_btn = L(
                                gr.Button(L.t("send"), variant="primary", scale=2, elem_id="send"),
                                value="send",
                            )
                            stop_btn = L(
                                gr.Button(L.t("stop"), scale=1, elem_id="stop"), value="stop"
                            )
                            finish_btn = L(
                                gr.Button(L.t("finish"), scale=1, elem_id="finish"), value="finish"
                            )
                        with L(
                            gr.Accordion(L.t("sources_label"), open=True, elem_id="sources"),
                            label="sources_label",
                        ):
                            sources_md = gr.Markdown(
                                "", elem_classes=["sources"], elem_id="sources-md"
                            )
                        with gr.Group(visible=False, elem_id="report") as report_box:
                            L(gr.Markdown(L.t("report_heading")), value="report_heading")
                            L(gr.Markdown(L.t("report_hint")), value="report_hint")
                            report = L(
                                gr.Textbox(
                                    label=L.t("report_label"),
                                    lines=14,
                                    max_lines=40,
                                    elem_id="report-text",
                                ),
                                label="report_label",
                            )
                            with gr.Row():
                                md_btn = L(
                                    gr.Button(L.t("export_md"), elem_id="export-md"),
                                    value="export_md",
                                )
                                docx_btn = L(
                                    gr.Button(L.t("export_docx"), elem_id="export-docx"),
                                    value="export_docx",
                                )
                            report_file = download("report-file")
                    with gr.Column(scale=1, min_width=240):
                        L(
                            gr.Markdown(f"### {L.t('sessions_label')}"),
                            value=lambda g: f"### {text(g)['sessions_label']}",
                        )
                        new_btn = L(
                            gr.Button(
                                L.t("new_session"),
                                variant="primary",
                                size="md",
                                elem_id="new-session",
                            ),
                            value="new_session",
                        )
                        pick = L(
                            gr.Dropdown(
                                choices=h.session_choices(),
                                value=None,
                                label=L.t("session_pick"),
                                elem_id="session-pick",
                                interactive=True,
                            ),
                            label="session_pick",
                        )
                        resume_btn = L(
                            gr.Button(L.t("resume"), size="md", elem_id="resume"), value="resume"
                        )
                        new_title = L(
                            gr.Textbox(
                                label=L.t("rename_label"), max_length=200, elem_id="rename-text"
                            ),
                            label="rename_label",
                        )
                        rename_btn = L(
                            gr.Button(L.t("rename"), size="md", elem_id="rename"), value="rename"
                        )
                        delete_btn = L(
                            gr.Button(
                                L.t("delete_session"),
                                variant="stop",
                                size="md",
                                elem_id="delete-session",
                            ),
                            value="delete_session",
                        )
                        with gr.Group(visible=False) as confirm_session:
                            L(
                                gr.Markdown(L.t("confirm_delete_session")),
                                value="confirm_delete_session",
                            )
                            yes_session = L(
                                gr.Button(
                                    L.t("yes_delete"),
                                    variant="stop",
                                    elem_id="confirm-delete-session",
                                ),
                                value="yes_delete",
                            )
                            no_session = L(gr.Button(L.t("cancel")), value="cancel")

            # -- 2. Voorbereiden ------------------------------------------------------------
            with L(gr.Tab(L.t("tab_prepare"), id="prepare"), label="tab_prepare"):
                L(gr.Markdown(L.t("prepare_intro")), value="prepare_intro")
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
                            choices=phase_choices(lang0),
                            value=0,
                            label=L.t("phase_label"),
                            elem_id="phase-pick",
                        ),
                        label="phase_label",
                        choices=phase_choices,
                    )
                    count = L(
                        gr.Slider(
                            1, 20, value=8, step=1, label=L.t("count_label"), elem_id="count"
                        ),
                        label="count_label",
                    )
                situation = L(
                    gr.Textbox(
                        label=L.t("situation_label"),
                        lines=2,
                        max_length=2000,
                        placeholder=L.t("situation_placeholder"),
                        elem_id="situation",
                    ),
                    label="situation_label",
                    placeholder="situation_placeholder",
                )
                make_btn = L(
                    gr.Button(L.t("make_questions"), variant="primary", elem_id="make-questions"),
                    value="make_questions",
                )
                prepared = L(
                    gr.Textbox(
                        label=L.t("questions_label"), lines=16, max_lines=60, elem_id="questions"
                    ),
                    label="questions_label",
                )
                with gr.Row():
                    q_btn = L(
                        gr.Button(L.t("export_questions"), elem_id="export-questions"),
                        value="export_questions",
                    )
                    q_file = download("questions-file")
                with L(gr.Accordion(L.t("browse_label"), open=False), label="browse_label"):
                    with gr.Row():
                        browse_theme = L(
                            gr.Dropdown(
                                choices=h.theme_choices(lang0),
                                value=None,
                                label=L.t("browse_theme"),
                            ),
                            label="browse_theme",
                            choices=h.theme_choices,
                        )
                        browse_kind = L(
                            gr.Radio(
                                choices=[
                                    (L.t("kind_questions"), "questions"),
                                    (L.t("kind_cards"), "cards"),
                                ],
                                value="questions",
                                label=L.t("browse_kind"),
                            ),
                            label="browse_kind",
                            choices=lambda g: [
                                (text(g)["kind_questions"], "questions"),
                                (text(g)["kind_cards"], "cards"),
                            ],
                        )
                        browse_btn = L(gr.Button(L.t("browse")), value="browse")
                    browse_md = gr.Markdown("", elem_classes=["sources"])

            # -- 3. Intervisie ---------------------------------------------------------------
            web_intervisie.build_tab(L, coach, lang0, lang, sid, ev, iv_meeting, iv_timer)

            # -- 4. Kennis ------------------------------------------------------------------
            with L(gr.Tab(L.t("tab_knowledge"), id="knowledge"), label="tab_knowledge"):
                L(gr.Markdown(L.t("kb_intro")), value="kb_intro")
                uploads = L(
                    gr.File(
                        label=L.t("upload_label"),
                        file_count="multiple",
                        file_types=[".txt", ".md", ".pdf", ".docx"],
                        elem_id="uploads",
                    ),
                    label="upload_label",
                )
                add_btn = L(
                    gr.Button(L.t("add_docs"), variant="primary", elem_id="add-docs"),
                    value="add_docs",
                )
                kb_msg = gr.Markdown("", elem_id="kb-msg")
                kb_md = gr.Markdown("", elem_id="kb-status")
                with gr.Row():
                    doc_pick = L(
                        gr.Dropdown(
                            choices=[], value=None, label=L.t("doc_pick"), elem_id="doc-pick"
                        ),
                        label="doc_pick",
                    )
                    remove_btn = L(
                        gr.Button(L.t("remove_doc"), variant="stop", elem_id="remove-doc"),
                        value="remove_doc",
                    )

            # -- 4. Instellingen en privacy -------------------------------------------------
            with L(gr.Tab(L.t("tab_settings"), id="settings"), label="tab_settings"):
                lang_pick = gr.Radio(
                    choices=LANG_CHOICES, value=lang0, label=L.t("lang_label"), elem_id="lang-pick"
                )
                with gr.Row():
                    model_pick = L(
                        gr.Dropdown(
                            choices=h.model_choices(),
                            value=s.model,
                            label=L.t("model_label"),
                            elem_id="model-pick",
                        ),
                        label="model_label",
                    )
                    model_btn = L(gr.Button(L.t("model_apply")), value="model_apply")
                model_msg = L(gr.Markdown(L.t("model_note")), value="model_note")
                L(
                    gr.Markdown(L.t("data_title") + "\n\n" + h.data_text(lang0)),
                    value=lambda g: text(g)["data_title"] + "\n\n" + h.data_text(g),
                )
                with gr.Row():
                    export_btn = L(
                        gr.Button(L.t("export_all"), elem_id="export-all"), value="export_all"
                    )
                    delete_all_btn = L(
                        gr.Button(L.t("delete_all"), variant="stop", elem_id="delete-all"),
                        value="delete_all",
                    )
                export_file = download("export-file")
                with gr.Group(visible=False) as confirm_all:
                    L(gr.Markdown(L.t("confirm_delete_all")), value="confirm_delete_all")
                    with gr.Row():
                        yes_all = L(
                            gr.Button(
                                L.t("yes_delete"), variant="stop", elem_id="confirm-delete-all"
                            ),
                            value="yes_delete",
                        )
                        no_all = L(gr.Button(L.t("cancel")), value="cancel")
                deleted_md = gr.Markdown("", elem_id="deleted-result")

        # -- wiring -----------------------------------------------------------------------
        session_outputs = [chatbot, sid, phase_md, sources_md, report, report_box, pick]

        def shown_file(path: str) -> dict[str, Any]:
            return gr.update(value=path, visible=True)

        def views(g: str, current: str) -> tuple[Any, ...]:
            """Everything that depends on the language and on this tab's session."""
            phase = coach.sessions.get(current).phase if current else None
            return (
                *L.updates(g),
                gr.update(label=text(g)["lang_label"], value=g),
                h.history(current, g),
                h.phase_text(phase, g),
                h.kb_status(g),
            )

        view_outputs = [*L.components, lang_pick, chatbot, phase_md, kb_md]

        def on_load(g: str, current: str) -> tuple[Any, ...]:
            g = g if g in ("nl", "en") else lang0
            return (
                *views(g, current),
                gr.update(choices=h.session_choices(), value=current or None),
                gr.update(choices=h.doc_choices(), value=None),
            )

        demo.load(_friendly(on_load), [lang, sid], [*view_outputs, pick, doc_pick], **light)
        lang_pick.input(
            _friendly(lambda g, current: (g, *views(g, current))),
            [lang_pick, sid],
            [lang, *view_outputs],
            **light,
        )

        # Every message is taken, also one sent while the coach is still answering: it waits in
        # the queue behind the turn before it, in the same session (the session is made here,
        # at once, so that a second message cannot start a session of its own).
        reply = gr.on(
            [msg.submit, send_btn.click],
            _friendly(h.take),
            [msg, sid, lang],
            [msg, pending, sid],
            trigger_mode="multiple",
            **light,
        ).then(
            _friendly(h.send),
            [pending, sid, lang],
            [chatbot, sid, phase_md, sources_md, pick, help_box, report, report_box],
            show_progress="full",
            show_progress_on=[chatbot],
            trigger_mode="multiple",
            **heavy,
        )
        # Cancel first, then redraw: a chunk still in flight cannot overwrite the redrawn chat.
        stop_btn.click(None, None, None, cancels=[reply], **light).then(
            _friendly(h.stopped), [sid, pending, lang], [chatbot, msg], **light
        )
        new_btn.click(_friendly(h.new_session), [lang], session_outputs, **light)
        chatbot.clear(_friendly(h.new_session), [lang], session_outputs, **light)
        resume_btn.click(_friendly(h.resume), [pick, lang], session_outputs, **light)
        rename_btn.click(_friendly(h.rename), [pick, new_title, lang], [pick, new_title], **light)
        delete_btn.click(lambda: gr.update(visible=True), None, [confirm_session], **light)
        no_session.click(lambda: gr.update(visible=False), None, [confirm_session], **light)
        yes_session.click(
            _friendly(h.delete_session),
            [pick, sid, lang],
            [*session_outputs, confirm_session],
            **light,
        )
        finish_btn.click(_friendly(h.finish), [sid, lang], [report, report_box], **heavy)
        md_btn.click(
            _friendly(lambda i, r: shown_file(h.export_report(i, r, "md"))),
            [sid, report],
            [report_file],
            **light,
        )
        docx_btn.click(
            _friendly(lambda i, r: shown_file(h.export_report(i, r, "docx"))),
            [sid, report],
            [report_file],
            **light,
        )

        make_btn.click(
            _friendly(h.prepare), [theme, situation, phase_pick, count, lang], [prepared], **heavy
        )
        q_btn.click(
            _friendly(lambda *a: shown_file(h.export_questions(*a))),
            [prepared, theme, lang],
            [q_file],
            **light,
        )
        browse_btn.click(
            _friendly(h.browse), [browse_theme, browse_kind, lang], [browse_md], **light
        )

        def ingest(
            files: list[str] | None, g: str, progress: gr.Progress = gr.Progress()
        ) -> tuple[Any, ...]:  # noqa: B008
            return h.ingest(files, g, progress)

        add_btn.click(_friendly(ingest), [uploads, lang], [kb_msg, kb_md, doc_pick], **heavy).then(
            lambda: None, None, [uploads], **light
        )
        remove_btn.click(
            _friendly(h.remove_doc), [doc_pick, lang], [kb_msg, kb_md, doc_pick], **heavy
        )

        model_btn.click(_friendly(h.switch_model), [model_pick, lang], [model_msg], **heavy)
        export_btn.click(
            _friendly(lambda: shown_file(h.export_all())), None, [export_file], **light
        )
        delete_all_btn.click(lambda: gr.update(visible=True), None, [confirm_all], **light)
        no_all.click(lambda: gr.update(visible=False), None, [confirm_all], **light)
        yes_all.click(
            _friendly(h.delete_all),
            [lang],
            [deleted_md, confirm_all, *session_outputs, kb_md, doc_pick],
            **heavy,
        )
    demo.queue(default_concurrency_limit=1, api_open=False)
    return demo


def build_app(coach: Coach) -> FastAPI:
    """The Gradio page inside FastAPI, with trusted hosts and security headers."""
    s = coach.settings
    privacy.apply(s.home)  # Gradio's upload and cache folder inside the data folder
    auth = check_bind(s)
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    hosts = list(LOOPBACK_NAMES)
    if auth and s.host not in hosts:
        # Behind a password the configured name is trusted too. A wildcard bind is reached by
        # whatever name or address the network gives the machine: then only the password
        # guards it (a rebinding page cannot send this browser's login cookie).
        wildcard = s.host in ("0.0.0.0", "::", "[::]")
        hosts = ["*"] if wildcard else [*hosts, s.host]
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
    app.add_middleware(Hardening)
    s.exports_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    return gr.mount_gradio_app(
        app,
        build_blocks(coach),
        path="/",
        server_name=s.host,
        server_port=s.port,
        app_kwargs={"docs_url": None, "redoc_url": None, "openapi_url": None},
        footer_links=[],
        run_history=False,
        auth=auth,
        ssr_mode=False,
        mcp_server=False,
        enable_monitoring=False,
        pwa=False,
        show_error=False,
        max_file_size=f"{s.max_upload_mb}mb",
        allowed_paths=[str(s.exports_dir)],
        theme=gr.themes.Default(
            primary_hue="teal",
            font=[  # fonts served by Gradio itself
                gr.themes.LocalFont("Source Sans Pro", weights=(400, 600, 700)),
                "ui-sans-serif",
                "system-ui",
                "sans-serif",
            ],
        ).set(  # the semibold face draws a broken capital B
            button_large_text_weight="700",
            button_medium_text_weight="700",
            button_small_text_weight="700",
        ),
        css=CSS,
    )


def serve(settings: Settings) -> None:
    """Check the bind address, open the data folder, warm the model, then serve until Ctrl+C."""
    import uvicorn

    check_bind(settings)
    privacy.apply(settings.home)
    for problem in privacy.problems():
        print(f"Warning: privacy switch not in force: {problem}", file=sys.stderr)
    coach = Coach(settings).open()
    try:

        def progress(done: int, total: int, what: str) -> None:
            print(f"\rKnowledge index: {what} {done}/{total}", end="", file=sys.stderr, flush=True)

        coach.ready(progress)
        print("\nLoading…", file=sys.stderr, flush=True)
        coach.warm()
        app = build_app(coach)
        host = f"[{settings.host}]" if ":" in settings.host else settings.host
        print(
            f"\nReflectiecoach runs at http://{host}:{settings.port}/ (Ctrl+C stops it)",
            file=sys.stderr,
            flush=True,
        )
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
    finally:
        coach.close()
