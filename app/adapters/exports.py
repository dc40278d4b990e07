"""Exports: a session as Markdown or JSON, a report as a Word document, files written atomically.

Formats only; the data comes from the session store. File names are made safe here, so a title
or a name from the browser can never point outside the exports folder.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from app.errors import InputError


def safe_filename(name: str, suffix: str) -> str:
    base = re.sub(r"[^\w\- ]+", "_", Path(name.replace("\\", "/")).name).strip(" ._")[:80]
    if not base:
        raise InputError(f"'{name}' cannot be used as a file name.")
    return f"{base}{suffix}"


def write_atomic(path: Path, data: bytes) -> Path:
    """Write a whole file or nothing, readable by its owner only (0600).

    Each write goes through its own temporary file, so two writers of the same file at the
    same time never share one: the last complete file wins and a reader never sees half a file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def session_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def session_markdown(data: dict[str, Any]) -> str:
    s = data["session"]
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(s["created_at"]))
    lines = [f"# {s['title']}", "", f"*{when}*", ""]
    for t in data["turns"]:
        lines += [f"**Jij:** {t['user']}", "", f"**Coach:** {t['reply']}", ""]
        if t["sources"]:
            lines += ["Bronnen: " + ", ".join(x["title"] or x["id"] for x in t["sources"]), ""]
    if data.get("report"):
        lines += ["---", "", data["report"]]
    return "\n".join(lines).strip() + "\n"


def report_docx(markdown: str, path: Path) -> Path:
    """A Word document from the report's simple Markdown (headings, bullets, paragraphs)."""
    import io

    import docx

    document = docx.Document()
    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            document.add_heading(stripped.lstrip("#").strip(), level=min(level, 3))
        elif stripped.startswith(("- ", "* ")):
            document.add_paragraph(stripped[2:], style="List Bullet")
        else:
            document.add_paragraph(stripped.strip("*"))
    buffer = io.BytesIO()
    document.save(buffer)
    return write_atomic(path, buffer.getvalue())
