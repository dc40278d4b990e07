"""`coach sessions` and `coach data`: the person's own conversations and all their data."""

from __future__ import annotations

import time
from pathlib import Path

import click

from app.cli.main import Ctx, _opened


@click.group()
def sessions() -> None:
    """Stored conversations."""


@sessions.command("list")
@click.pass_obj
def sessions_list(ctx: Ctx) -> None:
    with _opened(ctx) as coach:
        for s in coach.sessions.list():
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(s.updated_at))
            click.echo(f"{s.id}  {when}  {s.turn_count:3d} turns  fase {s.phase}  {s.title}")


@sessions.command("rename")
@click.argument("session_id")
@click.argument("title")
@click.pass_obj
def sessions_rename(ctx: Ctx, session_id: str, title: str) -> None:
    with _opened(ctx) as coach:
        coach.sessions.rename(session_id, title)


@sessions.command("delete")
@click.argument("session_id")
@click.pass_obj
def sessions_delete(ctx: Ctx, session_id: str) -> None:
    with _opened(ctx) as coach:
        coach.sessions.delete(session_id)
    click.echo(f"Deleted {session_id}")


@sessions.command("export")
@click.argument("session_id")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md")
@click.pass_obj
def sessions_export(ctx: Ctx, session_id: str, fmt: str) -> None:
    from app.adapters.exports import session_json, session_markdown

    with _opened(ctx) as coach:
        data = coach.sessions.export(session_id)
    click.echo(session_markdown(data) if fmt == "md" else session_json(data))


@click.group()
def data() -> None:
    """All your data at once."""


@data.command("export")
@click.argument("target", type=click.Path(path_type=Path, dir_okay=False))
@click.pass_obj
def data_export(ctx: Ctx, target: Path) -> None:
    with _opened(ctx) as coach:
        coach.export_all(target)
    click.echo(f"Exported to {target}")


@data.command("delete")
@click.option("--yes", is_flag=True, help="Confirm deleting all sessions and documents.")
@click.pass_obj
def data_delete(ctx: Ctx, yes: bool) -> None:
    if not yes:
        raise click.UsageError(
            "This deletes every session, report and added document. Add --yes to confirm."
        )
    with _opened(ctx) as coach:
        coach.delete_all()
    click.echo("All personal data deleted.")
