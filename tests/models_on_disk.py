"""Where the real GGUF files for integration tests live (installed by `make test`)."""

from __future__ import annotations

from pathlib import Path

from coachproc import COACH, ROOT, tiny_gguf

__all__ = ["COACH", "default_gguf", "tiny_gguf"]


def default_gguf() -> Path:
    from app.adapters import models

    return models.ensure_default(ROOT / "models" / models.DEFAULT_FILE)
