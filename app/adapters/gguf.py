"""Read a GGUF file's header without loading the model: architecture, context length, size.

Used to list models and to reject truncated or foreign files with a clear message before
llama.cpp sees them. It reads metadata only; it never evaluates tensors.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.errors import ModelError

_MAGIC = b"GGUF"
_SCALARS = {
    0: "<B",
    1: "<b",
    2: "<H",
    3: "<h",
    4: "<I",
    5: "<i",
    6: "<f",
    7: "<?",
    10: "<Q",
    11: "<q",
    12: "<d",
}
_STRING, _ARRAY = 8, 9
# ggml tensor types: (elements per block, bytes per block), for the size check.
_BLOCKS = {
    0: (1, 4),
    1: (1, 2),
    2: (32, 18),
    3: (32, 20),
    6: (32, 22),
    7: (32, 24),
    8: (32, 34),
    9: (32, 36),
    10: (256, 84),
    11: (256, 110),
    12: (256, 144),
    13: (256, 176),
    14: (256, 210),
    15: (256, 292),
    24: (1, 1),
    25: (1, 2),
    26: (1, 4),
    27: (1, 8),
    28: (1, 8),
    30: (1, 2),
}


@dataclass(frozen=True)
class GGUFInfo:
    path: Path
    size: int
    version: int
    architecture: str
    name: str
    context_length: int
    tensor_count: int
    expected_size: int  # bytes the tensors need; the file must be at least this long


class _Truncated(Exception):
    pass


def _read(f: BinaryIO, n: int) -> bytes:
    data = f.read(n)
    if len(data) != n:
        raise _Truncated
    return data


def _unpack(f: BinaryIO, fmt: str) -> int | float | bool:
    value: int | float | bool = struct.unpack(fmt, _read(f, struct.calcsize(fmt)))[0]
    return value


def _string(f: BinaryIO) -> str:
    length = int(_unpack(f, "<Q"))
    if length > 1 << 24:
        raise ValueError("string too long")
    return _read(f, length).decode("utf-8", errors="replace")


def _value(f: BinaryIO, kind: int) -> object:
    if kind in _SCALARS:
        return _unpack(f, _SCALARS[kind])
    if kind == _STRING:
        return _string(f)
    if kind == _ARRAY:
        item, count = int(_unpack(f, "<I")), int(_unpack(f, "<Q"))
        if item in _SCALARS:  # skip fixed-size arrays in one seek
            f.seek(struct.calcsize(_SCALARS[item]) * count, 1)
        else:
            for _ in range(count):
                _value(f, item)
        return None
    raise ValueError(f"unknown value type {kind}")


def read_info(path: Path) -> GGUFInfo:
    """Parse the header; raise ModelError naming the file and the fix when it is not usable."""
    path = Path(path)
    _check_file(path)
    size = path.stat().st_size
    bad = (
        f"Model file {path} is not a usable GGUF file (it may be incomplete or another kind of "
        f"file). Replace it with a complete .gguf file"
    )
    try:
        with path.open("rb") as f:
            version, n_tensors, meta, expected = _header(f, bad)
    except _Truncated:
        raise ModelError(
            f"Model file {path} is incomplete: its header ends early after {size:,} bytes. "
            f"Copy it again, choose another with --model, or run `coach setup` for the default."
        ) from None
    except (ValueError, UnicodeDecodeError, OverflowError, MemoryError):
        raise ModelError(bad + ": its header cannot be read.") from None
    except OSError as exc:
        raise ModelError(f"Cannot read model file {path}: {exc.strerror}.") from None
    if size < expected:
        raise ModelError(
            f"Model file {path} is incomplete: {size:,} of {expected:,} bytes. "
            f"Copy or download it again, or run `coach setup` for the default model."
        )
    arch = str(meta.get("general.architecture", "unknown"))
    ctx = meta.get(f"{arch}.context_length", 0)
    return GGUFInfo(
        path=path,
        size=size,
        version=version,
        architecture=arch,
        name=str(meta.get("general.name", path.stem)),
        context_length=int(ctx) if isinstance(ctx, int | float) else 0,
        tensor_count=n_tensors,
        expected_size=expected,
    )


def _check_file(path: Path) -> None:
    """Raise ModelError when there is no file at `path`."""
    if not path.exists():
        raise ModelError(
            f"Model file not found: {path}. Put a GGUF file there, choose another with "
            f"--model, or run `coach setup` to prepare the default model."
        )
    if not path.is_file():
        raise ModelError(f"Model path is not a file: {path}. Give the path of a .gguf file.")


def _header(f: BinaryIO, bad: str) -> tuple[int, int, dict[str, object], int]:
    """The version, the tensor count, the metadata and the bytes the file needs, read from the
    start of an open GGUF file; ModelError(bad) when it does not start like one."""
    if f.read(4) != _MAGIC:
        raise ModelError(bad + ".")
    version = int(_unpack(f, "<I"))
    n_tensors, n_kv = int(_unpack(f, "<Q")), int(_unpack(f, "<Q"))
    meta: dict[str, object] = {}
    for _ in range(n_kv):
        key = _string(f)
        meta[key] = _value(f, int(_unpack(f, "<I")))
    end = _tensors_end(f, n_tensors)
    align = int(meta.get("general.alignment", 32) or 32)  # type: ignore[call-overload]
    start = -(-f.tell() // align) * align
    return version, n_tensors, meta, start + end


def _tensors_end(f: BinaryIO, n_tensors: int) -> int:
    """Where the tensor data ends, counted from its start, after the tensor infos."""
    end = 0
    for _ in range(n_tensors):
        _string(f)
        dims = [int(_unpack(f, "<Q")) for _ in range(int(_unpack(f, "<I")))]
        kind, offset = int(_unpack(f, "<I")), int(_unpack(f, "<Q"))
        elements = 1
        for d in dims:
            elements *= d
        per, nbytes = _BLOCKS.get(kind, (1, 0))
        end = max(end, offset + elements // per * nbytes)
    return end
