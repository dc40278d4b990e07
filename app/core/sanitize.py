"""Text hygiene at the edges: clean what people type, and disarm what the model writes.

Incoming messages are normalised (valid UTF-8, NFC, no control or format characters, trimmed,
length-limited). Outgoing model text is neutralised before any browser sees it: HTML escaped,
Markdown images turned into plain text, links disarmed and bare URLs defanged, so a reply cannot
make the page fetch anything. Neither function decides what is said.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class CleanMessage:
    text: str
    truncated: bool
    original_length: int


def normalize(text: object, max_chars: int) -> CleanMessage:
    """Make any input a safe, bounded str; lone surrogates and bad bytes become U+FFFD."""
    if isinstance(text, bytes):
        raw = text.decode("utf-8", errors="replace")
    else:
        raw = str(text if text is not None else "")
    raw = re.sub("[\ud800-\udfff]", "\ufffd", raw)  # lone surrogates cannot be encoded
    raw = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    kept = "".join(
        ch
        for ch in raw
        if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )
    kept = re.sub(r"[ \t]+\n", "\n", kept)
    kept = re.sub(r"\n{3,}", "\n\n", kept).strip()
    truncated = len(kept) > max_chars
    if truncated:
        kept = kept[:max_chars].rstrip()
    return CleanMessage(kept, truncated, len(raw))


_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\(\s*[^)]*\)")
_REF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.M)
_SLASHES = re.compile(r"(?<![\w:])//([\w-]+(?:\.[\w-]+)+)")
_URL = re.compile(r"\b((?:https?|ftp|wss?|file|data|javascript)\s*:\s*/*|www\.)([^\s<>\"']*)", re.I)


def _defang(match: re.Match[str]) -> str:
    scheme = match.group(1).lower().replace(" ", "")
    rest = match.group(2).replace(".", "[.]")
    label = "www[.]" if scheme.startswith("www") else scheme.replace(":", "[:]")
    return label + rest


def neutralize(text: str) -> str:
    """Plain, inert text for display: nothing in it can load or link to another host."""
    text = _IMAGE.sub(
        lambda m: f"[afbeelding: {m.group(1)}]" if m.group(1) else "[afbeelding]", text
    )
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REF.sub("", text)
    text = _URL.sub(_defang, text)
    text = _SLASHES.sub(lambda m: "//" + m.group(1).replace(".", "[.]"), text)
    return html.escape(text, quote=False)
