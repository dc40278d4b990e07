"""The `coach` command: a thin face over the core. It parses, prints and exits; nothing more.

Every CoachError becomes one line on stderr and exit status 1. Machine-readable output (--json)
goes to stdout alone; progress and logs go to stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from app import privacy
from app.core import phases
from app.errors import CoachError
from app.settings import Settings, load

# Privacy switches go into the environment before anything imports huggingface_hub or gradio.
privacy.apply()


class Ctx:
    def __init__(self, overrides: dict[str, Any]) -> None:
        self.overrides = overrides
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load(**{k: v for k, v in self.overrides.items() if v is not None})
            privacy.apply(self._settings.home)
        return self._settings

    def coach(self, model: str | None = None) -> Any:
        from app.services import Coach

        settings = self.settings.replace(model=model) if model else self.settings
        return Coach(settings).open()


def _progress(label: str) -> Any:
    from tqdm import tqdm

    bar: dict[str, Any] = {}

    def update(done: int, total: int, what: str = label) -> None:
        if "bar" not in bar:
            bar["bar"] = tqdm(
                total=total, desc=what, file=sys.stderr, unit_scale=True, leave=False, disable=None
            )
        bar["bar"].n = done
        bar["bar"].refresh()
        if done >= total:
            bar["bar"].close()

    return update


@contextmanager
def _opened(ctx: Ctx, model: str | None = None) -> Iterator[Any]:
    coach = ctx.coach(model)
    try:
        yield coach
    finally:
        coach.close()


@click.group()
@click.option("--home", type=click.Path(path_type=Path), help="Data folder (or COACH_HOME).")
@click.pass_context
def cli(ctx: click.Context, home: Path | None) -> None:
    """Offline reflection coach (supervisie / intervisie)."""
    ctx.obj = Ctx({"home": home})


model_option = click.option(
    "--model",
    "model",
    default=None,
    help="GGUF file name in models/ or a path (default: the bundled one).",
)


@cli.command()
@click.pass_obj
def setup(ctx: Ctx) -> None:
    """Prepare the default model and the knowledge index (done once)."""
    from app.adapters import models

    s = ctx.settings
    target = models.default_target(s.models_dir, s.home)
    click.echo(f"Model: {target}", err=True)
    models.ensure_default(target, _progress("model"))
    with _opened(ctx) as coach:
        coach.ready(_progress("index"))
        click.echo(f"Knowledge index: {coach.knowledge.status()['chunks']} passages", err=True)
    click.echo("Ready.", err=True)


@cli.command()
@click.option("--host", default=None, help="Address to bind (default 127.0.0.1).")
@click.option("--port", type=int, default=None)
@model_option
@click.pass_obj
def serve(ctx: Ctx, host: str | None, port: int | None, model: str | None) -> None:
    """Start the web app on this machine."""
    from app import web

    settings = ctx.settings.replace(
        **{k: v for k, v in {"host": host, "port": port, "model": model}.items() if v}
    )
    web.serve(settings)


@cli.command()
@model_option
@click.option(
    "--script",
    "script",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read one user message per line from this file.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per turn on stdout.")
@click.option("--session", "session_id", default=None, help="Resume this session.")
@click.pass_obj
def chat(
    ctx: Ctx, model: str | None, script: Path | None, as_json: bool, session_id: str | None
) -> None:
    """Reflect on a work experience in the terminal."""
    from app.cli.chat import run_chat

    with _opened(ctx, model) as coach:
        run_chat(coach, script, as_json, session_id)


@cli.command()
@click.option("--theme", required=True)
@click.option("--situation", default="")
@click.option("--phase", type=click.IntRange(1, phases.STEPS), default=None)
@click.option("--n", "n", type=click.IntRange(1, 50), default=8)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def questions(
    ctx: Ctx, theme: str, situation: str, phase: int | None, n: int, lang: str, as_json: bool
) -> None:
    """Prepare open questions for a supervision conversation."""
    from app.core.questions import prepare

    with _opened(ctx) as coach:
        coach.ready(_progress("index"))
        found = prepare(coach.knowledge, theme, situation, phase, n, lang)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "questions": [
                        {"text": q.text, "phase": q.phase, "sources": q.sources} for q in found
                    ]
                },
                ensure_ascii=False,
            )
        )
        return
    current = None
    for q in found:
        if q.phase != current:
            current = q.phase
            click.echo(f"\nFase {q.phase}")
        click.echo(f"  - {q.text}  [{', '.join(s['id'] for s in q.sources)}]")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_obj
def ingest(ctx: Ctx, paths: tuple[Path, ...]) -> None:
    """Add your own documents (md, txt, pdf, docx) to the knowledge base."""
    files: list[Path] = []
    for p in paths:
        files += sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
    with _opened(ctx) as coach:
        coach.ready(_progress("index"))
        report = coach.knowledge.ingest(files, _progress("ingest"))
    for line in report.skipped:
        click.echo(f"skipped: {line}", err=True)
    click.echo(
        f"{len(report.added)} added, {len(report.unchanged)} unchanged, "
        f"{len(report.skipped)} skipped, {report.embedded} passages embedded"
    )


@cli.group()
def kb() -> None:
    """The knowledge base."""


@kb.command("status")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def kb_status(ctx: Ctx, as_json: bool) -> None:
    """Counts per type and theme, the embedder and added documents."""
    with _opened(ctx) as coach:
        coach.ready(_progress("index"))
        status = coach.knowledge.status()
    if as_json:
        click.echo(json.dumps(status, ensure_ascii=False, indent=2))
        return
    click.echo(f"Embedder: {status['embedder']}\nPassages: {status['chunks']}")
    click.echo("Types:  " + ", ".join(f"{k} {v}" for k, v in status["types"].items()))
    click.echo("Themes: " + ", ".join(f"{k} {v}" for k, v in status["themes"].items()))
    docs = status["user_documents"]
    click.echo("Your documents: " + (", ".join(f"{k} ({v})" for k, v in docs.items()) or "none"))


@kb.command("rebuild")
@click.pass_obj
def kb_rebuild(ctx: Ctx) -> None:
    """Build the index again from the built-in knowledge and your documents."""
    with _opened(ctx) as coach:
        report = coach.rebuild_index(_progress("index"))
    click.echo(
        f"Rebuilt: {report.copied + report.embedded} passages ({report.copied} with the vectors "
        f"shipped with the app, {report.embedded} embedded), {len(report.skipped)} skipped"
    )


@kb.command("remove")
@click.argument("name")
@click.pass_obj
def kb_remove(ctx: Ctx, name: str) -> None:
    """Remove one of your documents and its passages."""
    with _opened(ctx) as coach:
        n = coach.knowledge.remove(name)
    click.echo(f"Removed {name} ({n} passages)")


@cli.command()
@click.argument("query")
@click.option("--k", type=click.IntRange(1, 50), default=5)
@click.option(
    "--type",
    "kind",
    type=click.Choice(["theme", "method", "tip", "question", "document"]),
    default=None,
)
@click.option("--phase", type=click.IntRange(1, phases.STEPS), default=None)
@click.option("--theme", default=None)
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def search(
    ctx: Ctx,
    query: str,
    k: int,
    kind: str | None,
    phase: int | None,
    theme: str | None,
    lang: str | None,
    as_json: bool,
) -> None:
    """Search the knowledge base."""
    with _opened(ctx) as coach:
        coach.ready(_progress("index"))
        result = coach.knowledge.search(query, k, type=kind, phase=phase, theme=theme, lang=lang)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "relevant": result.relevant,
                    "threshold": result.threshold,
                    "passages": [
                        {
                            "id": p.id,
                            "card_id": p.card_id,
                            "title": p.title,
                            "score": p.score,
                            "text": p.text,
                            "meta": p.meta,
                        }
                        for p in result.passages
                    ],
                },
                ensure_ascii=False,
            )
        )
        return
    if not result.relevant:
        click.echo("Nothing relevant found.")
    for p in result.passages:
        click.echo(f"{p.score:.3f}  {p.card_id}  {p.title}")


@cli.command("models")
@click.pass_obj
def models_cmd(ctx: Ctx) -> None:
    """List GGUF files in models/ with size, architecture and context length."""
    from app.adapters.models import list_models

    found = list_models(ctx.settings.models_dir)
    if not found:
        click.echo(f"No GGUF files in {ctx.settings.models_dir}. Run `coach setup`.")
    for path, info in found:
        if isinstance(info, CoachError):
            click.echo(f"{path.name}  unusable: {info}")
        else:
            click.echo(
                f"{path.name}  {info.size / 1e6:,.0f} MB  {info.architecture}  "
                f"context {info.context_length}"
            )


@cli.command()
@click.pass_obj
def doctor(ctx: Ctx) -> None:
    """Check settings, model, embedder, index and privacy switches."""
    from app.cli.doctor import run_doctor

    ok = run_doctor(ctx.settings, click.echo)
    sys.exit(0 if ok else 1)


def _register() -> None:
    from app.cli.data import data, sessions
    from app.cli.users import users

    for group in (sessions, data, users):
        cli.add_command(group)


_register()


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except CoachError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("Stopped.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("\nStopped.", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
