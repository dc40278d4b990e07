"""Terminal chat: interactive, or scripted with one JSON object per turn on stdout.

The scripted contract: one user message per line of a UTF-8 file; for each, one line of JSON
{turn, user, reply, phase, sources, crisis, ttft_s, total_s} on stdout and nothing else there.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from app.core.phases import NAMES
from app.errors import InputError


def _lines(script: Path) -> list[str]:
    try:
        raw = script.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read the script {script}: {exc.strerror}.") from None
    text = raw.decode("utf-8", errors="replace")
    if "\ufffd" in text:
        click.echo(f"note: {script} is not valid UTF-8; unreadable bytes were replaced.", err=True)
    return [line for line in text.splitlines() if line.strip()]


def run_chat(coach: Any, script: Path | None, as_json: bool, session_id: str | None) -> None:
    coach.ready()
    engine = coach.engine
    coach.warm()  # prompt state, embedder, crisis screen: loaded before the first turn is timed
    sessions = coach.sessions
    session = sessions.get(session_id) if session_id else sessions.create()
    if script is not None:
        for line in _lines(script):
            _turn(engine, session.id, line, as_json, stream=not as_json)
        if not as_json:
            click.echo(f"\nSession {session.id} saved.", err=True)
        return
    click.echo(engine.opening(session.lang) + "\n", err=True)
    click.echo("(Type 'stop' to finish with a reflection report; Ctrl-D to leave.)", err=True)
    while True:
        try:
            message = input("\njij> ")
        except EOFError:
            break
        last = _turn(engine, session.id, message, as_json, stream=True)
        if last is not None and last.report:
            break
    click.echo(
        f"\nSession {session.id} saved. Resume with: coach chat --session {session.id}", err=True
    )


def _turn(engine: Any, sid: str, message: str, as_json: bool, stream: bool) -> Any:
    last = None
    shown = ""
    for event in engine.respond(sid, message):
        last = event
        if as_json or not stream:
            continue
        if event.kind == "meta" and event.phase:
            click.echo(f"[{NAMES['nl'][event.phase]}]", err=True)
        elif event.kind == "delta":
            if not shown:
                sys.stdout.write("coach> ")
            shown += event.text
            sys.stdout.write(event.text)
            sys.stdout.flush()
        elif event.kind == "reset" and event.text:
            prefix = "\ncoach> " if shown else "coach> "
            shown = event.text
            sys.stdout.write(prefix + event.text)
            sys.stdout.flush()
    if last is None:
        return None
    turn = last.turn
    if as_json:
        record = {
            "turn": turn.n if turn else 0,
            "user": turn.user if turn else message,
            "reply": last.text,
            "phase": NAMES["nl"][last.phase] if last.phase else None,
            "sources": [{"id": s["id"], "title": s["title"]} for s in last.sources],
            "crisis": bool(turn.crisis) if turn else False,
            "ttft_s": turn.ttft_s if turn and turn.ttft_s is not None else 0.0,
            "total_s": turn.total_s if turn and turn.total_s is not None else 0.0,
        }
        if last.report:
            record["report"] = last.report
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    else:
        sys.stdout.write("\n")
        if last.report:  # the closing words are said; the reflectieverslag follows them
            sys.stdout.write(f"\n{last.report}\n")
        if last.note:
            click.echo(last.note, err=True)
        if last.sources:
            click.echo("bronnen: " + "; ".join(s["title"][:60] for s in last.sources), err=True)
    return last
