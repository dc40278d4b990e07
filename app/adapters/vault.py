"""Authenticated encryption of one user's data with their data key (AES-256-GCM).

Role: seal bytes so that only the holder of the key can read them and any change to the sealed
bytes is noticed. Each sealed value is a random 12-byte nonce followed by the ciphertext and
its tag; the associated data (a user name, a record id) binds a value to its place, so a value
copied into another user's or another record's place does not open.
Must not: reuse a nonce, or return anything when the tag does not match.
"""

from __future__ import annotations

import secrets
from typing import Any

from app.errors import CoachError

NONCE = 12
MISSING = (
    "Accounts need the organisation extra (the cryptography package). Install it with: "
    ".venv/bin/pip install -e '.[org]'"
)


def _aesgcm(key: bytes) -> Any:
    try:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    except ImportError as exc:
        raise CoachError(MISSING) from exc
    return AESGCM(key)


class SealBroken(Exception):
    """The sealed value was changed, or the key or its place is not the right one."""


def seal(key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    nonce = secrets.token_bytes(NONCE)
    return bytes(nonce + _aesgcm(key).encrypt(nonce, plaintext, aad))


def open_sealed(key: bytes, sealed: bytes, aad: bytes = b"") -> bytes:
    from cryptography.exceptions import InvalidTag

    aesgcm = _aesgcm(key)
    try:
        return bytes(aesgcm.decrypt(sealed[:NONCE], sealed[NONCE:], aad))
    except (InvalidTag, ValueError) as exc:
        raise SealBroken("this value cannot be opened with this key") from exc


def seal_text(key: bytes, text: str, aad: str = "") -> bytes:
    return seal(key, text.encode("utf-8"), aad.encode("utf-8"))


def open_text(key: bytes, sealed: bytes, aad: str = "") -> str:
    return open_sealed(key, sealed, aad.encode("utf-8")).decode("utf-8")
