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


# --- sealing for someone else: a reflectieverslag shared with a supervisor ------------------
#
# Each account has an X25519 key pair derived from its data key, so only the holder of that
# data key (the person, logged in) has the private half; the public half is kept in the
# clear. A value for someone is sealed with a fresh pair of our own: the key agreed with their
# public key, stretched by HKDF, seals it with AES-GCM. Only their private key opens it.

PUBLIC = 32


def _x25519(private: bytes) -> Any:
    try:
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    except ImportError as exc:
        raise CoachError(MISSING) from exc
    return X25519PrivateKey.from_private_bytes(private)


def share_keys(data_key: bytes) -> tuple[bytes, bytes]:
    """(private, public) X25519 keys of an account, derived from its data key."""
    from cryptography.hazmat.primitives import serialization

    private = _stretch(data_key, b"reflectiecoach share key")
    public = (
        _x25519(private)
        .public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    return private, bytes(public)


def _stretch(secret: bytes, info: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return bytes(HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(secret))


def seal_for(public: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """Seal so that only the holder of the private key of `public` can open it."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    ours, ours_public = share_keys(secrets.token_bytes(32))
    agreed = _x25519(ours).exchange(X25519PublicKey.from_public_bytes(public))
    key = _stretch(agreed, b"reflectiecoach share" + ours_public + public)
    return ours_public + seal(key, plaintext, aad)


def open_for(private: bytes, sealed: bytes, aad: bytes = b"") -> bytes:
    """Open what seal_for sealed for the public half of `private`."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

    mine = _x25519(private)
    public = mine.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    theirs = sealed[:PUBLIC]
    try:
        agreed = mine.exchange(X25519PublicKey.from_public_bytes(theirs))
    except ValueError as exc:
        raise SealBroken("this value was not sealed for this key") from exc
    key = _stretch(agreed, b"reflectiecoach share" + theirs + bytes(public))
    return open_sealed(key, sealed[PUBLIC:], aad)
