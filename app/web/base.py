"""What every group of handlers shares: the Coach, the themes' names, the phase line, and how an
error reaches the page (a message, never a traceback).

Must not: hold an action of its own (handlers.py and the modules beside it do).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import inspect
import json
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from app.core import phases
from app.core.ui_text import text
from app.errors import CoachError
from app.services import Coach

# Who sent the event being handled: the logged-in account on a server with accounts, else None.
_USER: contextvars.ContextVar[str | None] = contextvars.ContextVar("coach_user", default=None)


# True while the page is laid out, before anyone has logged in.
_LAYING_OUT: contextvars.ContextVar[bool] = contextvars.ContextVar("laying_out", default=False)


def current_user() -> str | None:
    return _USER.get()


@contextlib.contextmanager
def laying_out() -> Iterator[None]:
    """The page's first values are computed for no one: on a server with accounts they come
    from the shared folder, which holds no one's conversations; each user's own values arrive
    with the page's load event."""
    token = _LAYING_OUT.set(True)
    try:
        yield
    finally:
        _LAYING_OUT.reset(token)


def coach_for_event(root: Coach) -> Coach:
    """The Coach of whoever sent the event being handled."""
    user = current_user()
    if user is None and root.uses_accounts and _LAYING_OUT.get():
        return root
    return root.for_user(user)


def _take_request(args: tuple[Any, ...]) -> tuple[str | None, list[Any]]:
    """The logged-in name from the gr.Request Gradio put among the arguments, and the rest."""
    user, rest = None, []
    for arg in args:
        if isinstance(arg, gr.Request):
            user = getattr(arg, "username", None)
        else:
            rest.append(arg)
    return user, rest


def _asks_for_request(wrapper: Any, fn: Callable[..., Any]) -> None:
    """Make Gradio hand the wrapper the request: it looks for a parameter annotated gr.Request.
    The parameter goes after the handler's own positional ones, with a default, so the
    handler's inputs keep their places."""
    signature = inspect.signature(fn)
    params = list(signature.parameters.values())
    at = next(
        (
            i
            for i, p in enumerate(params)
            if p.kind not in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ),
        len(params),
    )
    extra = inspect.Parameter(
        "coach_request",
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
        default=None,
        annotation=gr.Request,
    )
    wrapper.__signature__ = signature.replace(parameters=[*params[:at], extra, *params[at:]])
    # Only this hint: Gradio reads all hints at once and drops them all if one cannot resolve.
    wrapper.__annotations__ = {"coach_request": gr.Request}


def _friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Show a CoachError's message as a Gradio error; log anything else, never a traceback.

    The wrapper also takes the request Gradio passes and sets who is asking (current_user) for
    the time the handler runs, on every step of a streamed reply.
    """

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
            user, rest = _take_request(args)
            kwargs.pop("coach_request", None)
            token = _USER.set(user)
            try:
                steps = fn(*rest, **kwargs)
            finally:
                _USER.reset(token)
            while True:
                # Each step may run in another thread and context: who asks is set each time.
                token = _USER.set(user)
                try:
                    step = next(steps)
                except StopIteration:
                    return
                except GeneratorExit:
                    raise
                except Exception as exc:
                    raise convert(exc) from None
                finally:
                    _USER.reset(token)
                yield step

        _asks_for_request(gen_wrapper, fn)
        return gen_wrapper

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        user, rest = _take_request(args)
        if isinstance(kwargs.get("coach_request"), gr.Request):
            user = getattr(kwargs["coach_request"], "username", None)
        kwargs.pop("coach_request", None)
        token = _USER.set(user)
        try:
            return fn(*rest, **kwargs)
        except Exception as exc:
            raise convert(exc) from None
        finally:
            _USER.reset(token)

    _asks_for_request(wrapper, fn)
    return wrapper


class HandlerBase:
    """The Coach the handlers act on, and the names of the knowledge's themes."""

    def __init__(self, coach: Coach) -> None:
        self.root = coach
        self.themes: dict[str, dict[str, str]] = _load_themes(coach.settings.knowledge_dir)

    @property
    def coach(self) -> Coach:
        """The Coach of whoever sent the event: on a server with accounts their own, with
        their own data folder; otherwise the one Coach of this app."""
        return coach_for_event(self.root)

    @staticmethod
    def phase_text(phase: int | None, lang: str) -> str:
        t = text(lang)
        if not phase:
            return t["phase_none"]
        return t["phase"].format(n=phase, name=phases.NAMES.get(lang, phases.NAMES["nl"])[phase])

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
