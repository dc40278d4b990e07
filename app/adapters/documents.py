"""Documents: read md, txt, pdf and docx files and cut them into chunks for the index.

Chunks follow the document's own structure: headings start a new chunk and paragraphs are
packed together up to a size limit, never split mid-paragraph unless one paragraph alone is too
long. This module reads files and returns text; it knows nothing of embeddings or storage.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.errors import DocumentError

SUFFIXES = (".md", ".txt", ".pdf", ".docx")
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


@dataclass
class Chunk:
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Document:
    """A readable document: its chunks and the metadata every chunk inherits."""

    path: Path
    title: str
    meta: dict[str, Any]
    chunks: list[Chunk]


def clean(text: str) -> str:
    """NFC, no control or format characters except newlines and tabs, tidy blank lines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
    )
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def read(path: Path, max_mb: int = 20) -> Document:
    """Read one file into a Document, or raise DocumentError saying why it was skipped."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES and suffix != ".jsonl":
        raise DocumentError(
            f"{path.name}: unknown file type '{suffix or 'none'}' (use {', '.join(SUFFIXES)})."
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(f"{path.name}: cannot be read ({exc.strerror}).") from None
    if size == 0:
        raise DocumentError(f"{path.name}: the file is empty.")
    if size > max_mb * 1024 * 1024:
        raise DocumentError(
            f"{path.name}: {size / 1048576:.1f} MB is larger than the limit of {max_mb} MB."
        )
    if suffix == ".pdf":
        text = _pdf_text(path)
    elif suffix == ".docx":
        text = _docx_text(path)
    else:
        text = _plain_text(path)
    if suffix == ".jsonl":
        return _question_bank(path, text)
    meta: dict[str, Any] = {}
    match = _FRONT.match(text) if suffix == ".md" else None
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError:
            raise DocumentError(f"{path.name}: its front matter is not valid YAML.") from None
        meta = loaded if isinstance(loaded, dict) else {}
        text = text[match.end() :]
    text = clean(text)
    if not text:
        raise DocumentError(f"{path.name}: no text found in it.")
    title = str(meta.get("title") or _first_heading(text) or path.stem)
    return Document(path, title, meta, [Chunk(t) for t in chunk_text(text)])


def _plain_text(path: Path) -> str:
    raw = path.read_bytes()
    if b"\x00" in raw[:65536]:
        raise DocumentError(f"{path.name}: this is not a text file (it contains binary data).")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("utf-8", errors="replace")
        if text.count("\ufffd") > max(10, len(text) // 100):
            raise DocumentError(
                f"{path.name}: the text is not UTF-8; save it as UTF-8 and add it again."
            ) from None
        return text


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError):
        raise DocumentError(f"{path.name}: the PDF is damaged or cannot be read.") from None
    return "\n\n".join(pages)


def _docx_text(path: Path) -> str:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise DocumentError(f"{path.name}: the Word file is damaged or cannot be read.") from None
    lines = []
    for para in document.paragraphs:
        style = (para.style.name or "").lower() if para.style is not None else ""
        if style.startswith("heading") and para.text.strip():
            level = style.removeprefix("heading").strip()
            depth = int(level) if level.isdigit() else 1
            lines.append("#" * min(depth, 6) + " " + para.text.strip())
        else:
            lines.append(para.text)
        lines.append("")
    return "\n".join(lines)


def _question_bank(path: Path, text: str) -> Document:
    chunks = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            tags = {k: v for k, v in item.items() if k != "text"}
            chunks.append(Chunk(clean(item["text"]), tags))
        except (json.JSONDecodeError, KeyError, TypeError):
            raise DocumentError(f"{path.name}: line {number} is not a question entry.") from None
    if not chunks:
        raise DocumentError(f"{path.name}: no questions found in it.")
    return Document(path, path.stem, {"type": "question"}, chunks)


def _first_heading(text: str) -> str | None:
    for line in text.splitlines():
        m = _HEADING.match(line)
        if m:
            return m.group(2)
    return None


def chunk_text(text: str, max_chars: int = 1200) -> list[str]:
    """Split at headings, then pack whole paragraphs up to max_chars per chunk."""
    sections: list[tuple[str, list[str]]] = [("", [])]
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if not block:
            continue
        first = block.splitlines()[0]
        m = _HEADING.match(first)
        if m:
            sections.append((m.group(2), []))
            rest = block[len(first) :].strip()
            if rest:
                sections[-1][1].append(rest)
        else:
            sections[-1][1].append(block)
    chunks: list[str] = []
    for heading, paragraphs in sections:
        prefix = f"{heading}\n" if heading else ""
        current = ""
        for para in _split_long(paragraphs, max_chars):
            if current and len(current) + len(para) + 2 > max_chars:
                chunks.append(prefix + current)
                current = para
            else:
                current = f"{current}\n\n{para}" if current else para
        if current:
            chunks.append(prefix + current)
        elif heading and not paragraphs:
            chunks.append(heading)
    return [c for c in chunks if c.strip()]


def _split_long(paragraphs: list[str], max_chars: int) -> list[str]:
    out = []
    for para in paragraphs:
        while len(para) > max_chars:
            cut = para.rfind(". ", 0, max_chars) + 1  # after a sentence, else between words
            if cut <= max_chars // 3:
                cut = para.rfind(" ", 0, max_chars)
                cut = cut if cut > max_chars // 3 else max_chars
            out.append(para[:cut].strip())
            para = para[cut:].strip()
        if para:
            out.append(para)
    return out
