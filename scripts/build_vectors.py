"""Compute the vectors of the built-in knowledge for the default embedder, shipped with the app.

A first start then copies them into the index instead of embedding about a thousand passages.
Run again after changing any card or question (a test says when the file is out of date).

Usage: python scripts/build_vectors.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import privacy  # noqa: E402

privacy.apply()

from app.adapters import embedders  # noqa: E402
from app.adapters.knowledge import shipped_vectors_path  # noqa: E402
from app.adapters.knowledge_records import _embedding_text  # noqa: E402
from app.settings import Settings  # noqa: E402


def main() -> None:
    from app.adapters.knowledge import KnowledgeBase

    settings = Settings()
    embedder = embedders.load("e5")
    kb = KnowledgeBase(None, embedder, settings.knowledge_dir, settings.uploads_dir)  # type: ignore[arg-type]
    records = kb.builtin_records()
    texts = [_embedding_text(t, m) for _, t, m in records]
    vectors = embedder.passages(texts).astype(np.float32)
    path = shipped_vectors_path(settings.knowledge_dir, embedder.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path, ids=np.array([r[0] for r in records]), vectors=vectors, embedder=np.array(embedder.id)
    )
    print(f"wrote {path.relative_to(ROOT)}: {len(records)} passages")


if __name__ == "__main__":
    main()
