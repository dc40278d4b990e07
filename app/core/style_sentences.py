"""Sentences, questions and words of a coach reply, for the checks in app/core/style.py.

Role: split a reply into sentences (abbreviations, quotations, ellipses and emoji stay inside
the sentence they belong to), pick out its questions, count its words, and normalise text for
the word lists of the other checks.
Must not: call a model, or judge what a sentence says.
"""

from __future__ import annotations

import re

from app.core.text import fold
from app.core.text import wordset as _wordset

# --- sentence splitting -----------------------------------------------------------------------

_ABBREVIATIONS = _wordset("""
    bijv bv b.v o.a e.g i.e eg ie etc enz enz. m.a.w d.w.z dhr mevr mr mrs ms dr drs ir prof
    vs ca evt incl excl t.o.v i.p.v a.u.b s.v.p e.d resp jl nr vgl cf zgn m.b.t t.a.v n.a.v
    ong fig jr sr inc ltd a.s m.n t.z.t z.s.m v.w.b d.m.v o.b.v i.v.m i.o.m
    """)
_SENTENCE_FINAL_ABBREVIATIONS = frozenset(["enz", "etc"])
_TERMINATORS = ".!?…"
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_QUOTES = "'‘’"
_CLOSING_BRACKETS = ")]}"
# Dutch clitics written with a leading apostrophe: not opening quotes.
_CLITIC_RE = re.compile(r"['’](t|s|n|k|m|r|ns)\b", re.IGNORECASE)


def _is_emoji(ch: str) -> bool:
    code = ord(ch)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or ch in "\u200d\ufe0f"
    )


class _QuoteState:
    """Tracks whether the scanner is inside double or single quotes.

    Straight double quotes toggle; typographic ones open and close. Single quotes are only
    quotes at word edges, so "z'n", "auto's", "don't" and "'t" stay apostrophes.
    """

    def __init__(self) -> None:
        self.double = 0
        self.single = 0

    @property
    def inside(self) -> bool:
        return self.double > 0 or self.single > 0

    def reset(self) -> None:
        self.double = self.single = 0

    def feed(self, text: str, i: int) -> None:
        ch = text[i]
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch == '"':
            self.double = 0 if self.double else 1
        elif ch in _DOUBLE_OPEN:
            self.double += 1
        elif ch in _DOUBLE_CLOSE:
            self.double = max(0, self.double - 1)
        elif ch in _SINGLE_QUOTES:
            if prev.isalnum() and nxt.isalnum():
                return  # apostrophe inside a word
            if not prev.isalnum() and nxt.isalnum():
                if not _CLITIC_RE.match(text, i):
                    self.single += 1
            elif self.single and not nxt.isalnum():
                self.single -= 1


def _has_closer_ahead(text: str, start: int, state: _QuoteState) -> bool:
    # An unbalanced quote must not swallow the rest of the reply: only trust the open quote
    # when a matching closer actually follows.
    rest = text[start:]
    if state.double and any(c in rest for c in '"' + _DOUBLE_CLOSE):
        return True
    return bool(state.single and any(c in rest for c in "'’"))


def _token_before(text: str, end: int) -> str:
    start = end
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    return text[start:end].lower().strip(".")


def _next_visible(text: str, start: int) -> str:
    for ch in text[start:]:
        if not ch.isspace():
            return ch
    return ""


def _starts_upper(text: str, start: int) -> bool:
    """True when the next word (after spaces and opening quotes/brackets) is capitalised."""
    for ch in text[start:]:
        if ch.isspace() or ch in "\"'“„«‘(" or _is_emoji(ch):
            continue
        return ch.isupper() or ch.isdigit()
    return True


def _split_line(line: str) -> list[str]:
    parts: list[str] = []
    state = _QuoteState()
    start = 0
    i = 0
    n = len(line)
    while i < n:
        ch = line[i]
        if ch in _TERMINATORS:
            j = i
            while j < n and line[j] in _TERMINATORS:
                j += 1
            run = line[i:j]
            quoted = state.inside and _has_closer_ahead(line, j, state)
            k = j
            while k < n and (line[k] in '"' + _DOUBLE_CLOSE + "'’" + _CLOSING_BRACKETS):
                state.feed(line, k)
                k += 1
            if state.inside and _has_closer_ahead(line, k, state):
                i = k  # a full stop or question mark inside a quotation
                continue
            boundary = _is_boundary(line, i, k, run, quoted)
            if boundary:
                # Emoji right after the punctuation belong to the sentence they close.
                m = k
                while m < n and (line[m] == " " or _is_emoji(line[m])):
                    m += 1
                if not any(_is_emoji(c) for c in line[k:m]):
                    m = k
                parts.append(line[start:m])
                start = m
            i = k
            continue
        if _is_emoji(ch) and not state.inside:
            j = i
            while j < n and _is_emoji(line[j]):
                j += 1
            # An emoji followed by a capitalised word acts as a full stop: "Goed 🙂 Wat nu?"
            if j < n and line[j].isspace() and _starts_upper(line, j) and line[start:i].strip():
                parts.append(line[start:j])
                start = j
            i = j
            continue
        state.feed(line, i)
        i += 1
    parts.append(line[start:])
    return parts


def _is_boundary(line: str, i: int, k: int, run: str, quoted: bool) -> bool:
    if k >= len(line):
        return True
    if not line[k].isspace():
        return False  # "3.5", "e.g.,", "?)" followed by text, "www.example.nl"
    if run == "." and _token_before(line, i) in _ABBREVIATIONS:
        # "enz." and "etc." may close a sentence; "bijv." and "o.a." never do.
        return _token_before(line, i) in _SENTENCE_FINAL_ABBREVIATIONS and _starts_upper(line, k)
    if "…" in run or run.count(".") >= 2:
        # An ellipsis trails off mid-sentence unless a new sentence clearly starts.
        return "?" in run or "!" in run or _starts_upper(line, k)
    if quoted:
        # 'Je vroeg: "Waarom ik?" en toen...' continues; '"Waarom ik?" Wat...' does not.
        return _starts_upper(line, k)
    return bool(_next_visible(line, k))


def sentences(text: str) -> list[str]:
    """Split a reply into sentences; newlines always end a sentence.

    Keeps abbreviations (bijv., o.a., e.g., i.e.), quoted questions and mid-sentence
    ellipses inside their sentence. Fragments without any letter or digit (a lone emoji)
    are attached to the sentence before them.
    """
    result: list[str] = []
    for line in text.splitlines():
        for part in _split_line(line):
            part = part.strip()
            if not part:
                continue
            if any(ch.isalnum() for ch in part) or not result:
                result.append(part)
            else:
                result[-1] = f"{result[-1]} {part}"
    return [s for s in result if any(ch.isalnum() for ch in s)]


def _is_question_sentence(sentence: str) -> bool:
    end = len(sentence)
    while end > 0 and (
        sentence[end - 1].isspace()
        or _is_emoji(sentence[end - 1])
        or sentence[end - 1] in _CLOSING_BRACKETS
    ):
        end -= 1
    start = end
    while start > 0 and sentence[start - 1] in _TERMINATORS:
        start -= 1
    # A sentence that ends in a closing quote ends with someone else's question, not ours.
    return "?" in sentence[start:end]


def questions(text: str) -> list[str]:
    """Sentences that end in a question mark (outside quotation marks)."""
    return [s for s in sentences(text) if _is_question_sentence(s)]


def word_count(text: str) -> int:
    """Whitespace-separated tokens that contain a letter or digit ("z'n" = 1, "🙂" = 0)."""
    return sum(1 for tok in text.split() if any(ch.isalnum() for ch in tok))


# --- normalisation -----------------------------------------------------------------------------


def _normalise(text: str) -> str:
    """Folded (app/core/text.py), without apostrophes: "Don’t" -> "dont"."""
    return re.sub(r"['’‘`´]", "", fold(text))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _normalise(text))


_LEAD_INS = _wordset("en maar dus oke ok okay nou oh ah hm hmm and but so well alright right")


def _body_words(text: str) -> list[str]:
    """Words of a sentence without conversational lead-ins ("En", "Maar", "So", "Okay")."""
    words = _words(text)
    while len(words) > 1 and words[0] in _LEAD_INS:
        words = words[1:]
    if words[:2] == ["en", "dan"] or words[:2] == ["and", "then"]:
        words = words[2:]
    return words
