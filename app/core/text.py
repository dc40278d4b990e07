"""Small text helpers shared by the rule modules.

Role: word lists written as readable strings, and nothing heavier. Must not import anything
beyond the standard library.
"""

from __future__ import annotations


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one readable, whitespace-separated string."""
    return frozenset(text.split())


def wordlist(text: str) -> list[str]:
    """The words of one readable, whitespace-separated string, in order."""
    return text.split()
