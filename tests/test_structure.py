"""The code holds no sentence the coach says: every reply, question, report line and UI text
comes from a versioned data file (knowledge/replies/, knowledge/ui/, knowledge/methods/)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"

# Dutch words that any Dutch sentence of more than a few words contains at least two of.
_DUTCH = frozenset(
    [
        "je",
        "jij",
        "jouw",
        "wat",
        "het",
        "de",
        "een",
        "dat",
        "ik",
        "niet",
        "is",
        "van",
        "en",
        "op",
        "te",
        "met",
        "voor",
        "zijn",
        "er",
        "wil",
        "hoe",
        "welke",
        "waar",
        "nog",
        "geen",
        "dit",
        "deze",
        "mijn",
        "wij",
        "we",
        "jullie",
        "ook",
        "maar",
        "als",
        "om",
        "bij",
        "naar",
        "uit",
        "heb",
        "hebt",
        "kun",
        "kunt",
    ]
)
# A sentence: a capital or an opening quote, at least three words, an end mark; no regex
# syntax inside (patterns name words, they do not say anything).
_PART = r"[^.?!\\|()\[\]{}]*?"
_SENTENCE = re.compile(
    rf"(?:^|(?<=[.?!]\s)|(?<=\n))([A-Z\u201c]{_PART}\s{_PART}\s{_PART}[.?!])", re.M
)
# The core modules whose strings reach the person in a conversation, a report or the UI, with
# the web package. The others (CLI, settings, storage, model loading) speak English to whoever
# runs the app.
_SPEAKING = (
    "engine",
    "engine_base",
    "engine_crisis",
    "engine_advice",
    "reflection",
    "report",
    "intervisie",
    "phases",
    "questions",
    "compose",
    "crisis_replies",
    "style",
    "style_sentences",
    "style_questions",
    "style_advice",
    "reflection_turn",
    "perspective",
    "perspective_en",
    "question_fit",
    "language_guard",
)


def _strings(path: Path) -> Iterator[tuple[int, str]]:
    """String literals, without docstrings and without the messages of raised errors (those
    are for whoever runs the app, in English)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node)
        for raised in ast.walk(tree)
        if isinstance(raised, ast.Raise)
        for node in ast.walk(raised)
    }
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
        ):
            docstrings.add(id(body[0].value))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            yield node.lineno, node.value


def _sentences(text: str) -> list[str]:
    return [m.group(1) for m in _SENTENCE.finditer(text)]


def _is_dutch(sentence: str) -> bool:
    return sum(w in _DUTCH for w in re.findall(r"[a-zà-ü']+", sentence.lower())) >= 2


def test_the_sentence_finder_can_fail() -> None:
    assert _sentences("Wat wilde jij op dat moment?") == ["Wat wilde jij op dat moment?"]
    assert _sentences("\n\nWhich situation do you mean?") == ["Which situation do you mean?"]
    assert _is_dutch("Wat wilde jij op dat moment?")
    assert not _is_dutch("What did you want at that moment?")
    assert _sentences(r"(ik merk|merk ik|ik zie)\b") == []


def test_no_dutch_sentence_in_the_code() -> None:
    found = [
        f"{path.relative_to(APP)}:{line}: {sentence}"
        for path in sorted(APP.rglob("*.py"))
        for line, text in _strings(path)
        for sentence in _sentences(text)
        if _is_dutch(sentence)
    ]
    assert found == []


def test_no_english_sentence_in_the_modules_that_speak_to_the_person() -> None:
    # The web package's security middleware answers refused HTTP requests, not the person.
    web = [p for p in sorted((APP / "web").glob("*.py")) if p.name != "security.py"]
    speaking = [APP / "core" / f"{name}.py" for name in _SPEAKING] + web
    found = [
        f"{path.relative_to(APP)}:{line}: {sentence}"
        for path in speaking
        for line, text in _strings(path)
        for sentence in _sentences(text)
        if not _is_dutch(sentence)
    ]
    assert found == []


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


def test_the_core_depends_on_no_adapter_and_no_face() -> None:
    """The tree is the architecture: app/core/ imports only itself, app.errors and libraries
    of the standard kind; the adapters may use the core, the faces may use both."""
    outer = ("app.adapters", "app.web", "app.cli", "app.services", "app.settings")
    found = [
        f"{path.name} imports {name}"
        for path in sorted((APP / "core").glob("*.py"))
        for name in sorted(_imports(path))
        if name.startswith(outer)
    ]
    assert found == []
    adapters = [
        f"{path.name} imports {name}"
        for path in sorted((APP / "adapters").glob("*.py"))
        for name in sorted(_imports(path))
        if name.startswith(("app.web", "app.cli", "app.services"))
    ]
    assert adapters == []


MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def test_no_module_is_too_long() -> None:
    found = [
        f"{path.relative_to(APP)}: {lines} lines"
        for path in sorted(APP.rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert found == [], f"modules over {MAX_MODULE_LINES} lines: {found}"


def test_no_function_is_too_long() -> None:
    """From the `def` line to the last line; a nested function counts on its own too."""
    found = [
        f"{path.relative_to(APP)}:{node.lineno} {node.name}: {lines} lines"
        for path in sorted(APP.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and (lines := node.end_lineno - node.lineno + 1) > MAX_FUNCTION_LINES
    ]
    assert found == [], f"functions over {MAX_FUNCTION_LINES} lines: {found}"
