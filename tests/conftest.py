"""Test-wide set-up: privacy switches first, the egress guard for this process and every child.

The guard records every attempt to reach a non-loopback address, in this process (audit hook)
and in every Python subprocess (sitecustomize on PYTHONPATH). The session fails if there was any.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import egress  # noqa: E402

from app import privacy  # noqa: E402

privacy.apply()
_LOG = Path(tempfile.mkdtemp(prefix="coach-egress-")) / "attempts.jsonl"
os.environ["EGRESS_GUARD_LOG"] = str(_LOG)
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(HERE / "egress_hook"), str(HERE.parent)]
    + os.environ.get("PYTHONPATH", "").split(os.pathsep)
).rstrip(os.pathsep)
egress.install(log_path=str(_LOG))


def egress_attempts() -> list[dict[str, str]]:
    if not _LOG.exists():
        return []
    return [json.loads(line) for line in _LOG.read_text().splitlines() if line.strip()]


def forget_attempts(match: str) -> int:
    """Remove canary records (whose target contains `match`); returns how many were removed."""
    kept, removed = [], 0
    for record in egress_attempts():
        if match in record["target"]:
            removed += 1
        else:
            kept.append(record)
    _LOG.write_text("".join(json.dumps(r) + "\n" for r in kept))
    egress.ATTEMPTS[:] = [r for r in egress.ATTEMPTS if match not in r["target"]]
    return removed


@pytest.fixture(autouse=True)
def _no_egress() -> object:
    before = len(egress_attempts())
    yield
    after = egress_attempts()[before:]
    assert not after, "network egress attempted:\n" + "\n".join(
        f"{a['event']} -> {a['target']} ({a['thread']})\n{a['stack']}" for a in after
    )


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    attempts = egress_attempts()
    if attempts:
        sys.stderr.write(f"\n{len(attempts)} network egress attempt(s) recorded during tests:\n")
        for a in attempts:
            sys.stderr.write(f"  {a['event']} -> {a['target']}\n")
        session.exitstatus = 1
    else:
        sys.stderr.write("\negress guard: 0 attempts to reach a non-loopback address\n")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir(mode=0o700)
    return path


@pytest.fixture(scope="session")
def hash_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the built-in knowledge indexed once by the hash embedder (copy it)."""
    from fakes import FakeChatModel

    from app.adapters.embedders import HashEmbedder
    from app.services import Coach
    from app.settings import Settings

    built = tmp_path_factory.mktemp("hash-home") / "home"
    coach = Coach(Settings(home=built), model=FakeChatModel(), embedder=HashEmbedder()).open()
    coach.ready()
    coach.close()
    return built
