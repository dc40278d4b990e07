"""Knowledge base over the real chromadb on disk, with a deterministic test embedder."""

from pathlib import Path

import docx
import numpy as np
import pytest

from app.embedders import HashEmbedder
from app.errors import InputError
from app.knowledge import KnowledgeBase, safe_name
from app.store import VectorStore

CARD = """---
id: {id}
type: theme
theme: eigenaarschap
phase: [2, 3]
lang: nl
title: "{title}"
source: "test"
---
# {title}

{body}
"""


@pytest.fixture
def builtin(tmp_path: Path) -> Path:
    root = tmp_path / "knowledge"
    (root / "cards").mkdir(parents=True)
    (root / "questions").mkdir()
    (root / "cards" / "regie.md").write_text(
        CARD.format(
            id="regie",
            title="Regie over je eigen werk",
            body="Wie regie voert kiest zelf welke taken voorrang krijgen en stuurt bij.",
        )
    )
    (root / "cards" / "emoties.md").write_text(
        CARD.format(
            id="emoties",
            title="Emoties op het werk",
            body="Boosheid, schaamte en onzekerheid vertellen iets over wat je belangrijk vindt.",
        )
    )
    (root / "questions" / "bank-nl.jsonl").write_text(
        '{"id": "v1", "text": "Wat voelde je toen je collega boos werd?", "phase": 2, '
        '"theme": "emoties", "lang": "nl"}\n'
        '{"id": "v2", "text": "Welke taken kies je zelf?", "phase": 4, "theme": "regie", '
        '"lang": "nl"}\n'
    )
    return root


@pytest.fixture
def kb(tmp_path: Path, builtin: Path) -> KnowledgeBase:
    return KnowledgeBase(
        VectorStore(tmp_path / "index"), HashEmbedder(), builtin, tmp_path / "docs", threshold=0.1
    )


def test_first_use_indexes_builtin_and_reingest_embeds_nothing(kb: KnowledgeBase) -> None:
    report = kb.ensure_ready()
    assert report is not None and report.embedded == 4
    assert kb.ensure_ready() is None
    again = kb.sync_builtin()
    assert again.embedded == 0 and len(again.unchanged) == 3


def test_search_filters_and_threshold(kb: KnowledgeBase) -> None:
    kb.ensure_ready()
    hit = kb.search("collega boos voelde", k=3, type="question")
    assert hit.relevant and hit.passages[0].card_id == "v1"
    assert all(p.meta["type"] == "question" for p in hit.passages)
    phase4 = kb.search("taken kies", k=3, type="question", phase=4)
    assert [p.card_id for p in phase4.passages] == ["v2"]
    nothing = kb.search("zzqx wvvb plork", k=3)
    assert not nothing.relevant and nothing.passages == []


def test_changed_card_replaces_its_chunks(kb: KnowledgeBase, builtin: Path) -> None:
    kb.ensure_ready()
    card = builtin / "cards" / "regie.md"
    card.write_text(card.read_text().replace("stuurt bij", "stuurt bij als het tegenzit"))
    report = kb.sync_builtin()
    assert report.embedded == 1
    assert kb.status()["chunks"] == 4


def test_deleted_card_leaves_the_index(kb: KnowledgeBase, builtin: Path) -> None:
    kb.ensure_ready()
    (builtin / "cards" / "emoties.md").unlink()
    kb.sync_builtin()
    assert kb.card("emoties") is None and kb.status()["chunks"] == 3


def test_other_embedder_forces_rebuild(kb: KnowledgeBase, tmp_path: Path, builtin: Path) -> None:
    kb.ensure_ready()
    other = KnowledgeBase(
        VectorStore(tmp_path / "index"),
        HashEmbedder(dim=128),
        builtin,
        tmp_path / "docs",
        threshold=0.1,
    )
    report = other.ensure_ready()
    assert report is not None and report.embedded == 4
    assert other.status()["index_embedder"] == "hash-128"


def test_user_documents_good_and_bad(kb: KnowledgeBase, tmp_path: Path) -> None:
    kb.ensure_ready()
    src = tmp_path / "in"
    src.mkdir()
    (src / "notes.md").write_text("# Team\n\nOns team leert samen.\n\n## Overleg\n\nElke week.")
    (src / "empty.txt").write_text("")
    (src / "junk.txt").write_bytes(b"\x00\x01\x02" * 100)
    (src / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    (src / "image.png").write_bytes(b"\x89PNG")
    d = docx.Document()
    d.add_heading("Verslag", 1)
    d.add_paragraph("Feedback geven aan een collega.")
    d.save(src / "verslag.docx")
    big = src / "big.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    report = kb.ingest(sorted(src.iterdir()))
    assert sorted(report.added) == ["user:notes.md", "user:verslag.docx"]
    assert len(report.skipped) == 5
    joined = "\n".join(report.skipped)
    for name in ("empty.txt", "junk.txt", "bad.pdf", "image.png", "big.txt"):
        assert name in joined
    assert kb.status()["user_documents"] == {"notes.md": 2, "verslag.docx": 1}
    assert kb.status()["chunks"] == 7  # nothing already indexed was lost
    assert kb.remove("notes.md") == 2
    assert "notes.md" not in kb.status()["user_documents"]
    assert not (tmp_path / "docs" / "notes.md").exists()
    with pytest.raises(InputError):
        kb.remove("notes.md")


def test_removed_text_is_gone_from_every_index_file(kb: KnowledgeBase, tmp_path: Path) -> None:
    kb.ensure_ready()
    marker = "MARKERqzx7391"
    doc = tmp_path / "secret.txt"
    doc.write_text(f"Een vertrouwelijke notitie {marker} over een collega.")
    kb.ingest([doc])
    kb.remove("secret.txt")
    doc.unlink()
    hits = [p for p in tmp_path.rglob("*") if p.is_file() and marker.encode() in p.read_bytes()]
    assert hits == []


@pytest.mark.parametrize("name", ["../../etc/passwd", "..", "a/b/../c.txt", "\\..\\x.md"])
def test_safe_name_never_leaves_the_folder(name: str) -> None:
    try:
        out = safe_name(name)
    except InputError:
        return
    assert "/" not in out and "\\" not in out and out not in ("..", ".")


class RecordingEmbedder(HashEmbedder):
    """HashEmbedder that remembers every passage text it was given."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def passages(self, texts: list[str]) -> np.ndarray:
        self.seen += texts
        return super().passages(texts)


def test_card_chunks_are_embedded_whole_with_their_title(tmp_path: Path, builtin: Path) -> None:
    words = [f"woord{i}" for i in range(100)]
    (builtin / "cards" / "lang.md").write_text(
        CARD.format(id="lang", title="Een lange kaart", body=" ".join(words))
    )
    embedder = RecordingEmbedder()
    kb = KnowledgeBase(VectorStore(tmp_path / "index"), embedder, builtin, tmp_path / "docs")
    kb.ensure_ready()
    seen = next(t for t in embedder.seen if "woord0" in t)
    assert seen.startswith("Een lange kaart\n") and "woord99" in seen
    question = next(t for t in embedder.seen if "collega boos" in t)
    assert question == "Wat voelde je toen je collega boos werd?"
