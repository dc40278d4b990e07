"""What a handler returns when it changes several components at once, one named field each.

Each view is a NamedTuple, so it is the tuple Gradio expects; its field order is the order of
the event's outputs, and `outputs` lays the components out in that same order by field name.
A field holds a value, a `gr.update(...)` or `gr.skip()` (left as it is).
Must not: compute what is shown; the handlers fill the fields.
"""

from __future__ import annotations

from typing import Any, NamedTuple, TypeVar

import gradio as gr

View = TypeVar("View", bound=NamedTuple)


class TurnView(NamedTuple):
    """One step of a streamed turn."""

    chat: Any
    sid: Any
    phase: Any
    sources: Any
    sessions: Any
    help_panel: Any
    report: Any
    report_panel: Any


class SessionView(NamedTuple):
    """The Reflectie tab after a session was opened, started afresh or closed."""

    chat: Any
    sid: Any
    phase: Any
    sources: Any
    report: Any
    report_panel: Any
    sessions: Any


class DeletedSessionView(NamedTuple):
    """The Reflectie tab after deleting a session, with its confirmation closed."""

    chat: Any
    sid: Any
    phase: Any
    sources: Any
    report: Any
    report_panel: Any
    sessions: Any
    confirm: Any


class DocumentsView(NamedTuple):
    """The Kennis tab after adding or removing documents."""

    message: Any
    status: Any
    documents: Any


class DeletedAllView(NamedTuple):
    """Everything the deletion of all data changes: its result and a fresh page."""

    result: Any
    confirm: Any
    chat: Any
    sid: Any
    phase: Any
    sources: Any
    report: Any
    report_panel: Any
    sessions: Any
    kb_status: Any
    documents: Any


def skipped(view: type[View]) -> View:
    """A view of the given type that changes nothing."""
    return view._make(gr.skip() for _ in view._fields)


def outputs(view: type[NamedTuple], **components: Any) -> list[Any]:
    """The components for a view's fields, in the order of its fields."""
    if set(components) != set(view._fields):
        raise TypeError(f"{view.__name__} needs {view._fields}, got {tuple(components)}")
    return [components[name] for name in view._fields]
