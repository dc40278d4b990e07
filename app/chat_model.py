"""The chat-model interface the engine talks to, and a scripted fake for tests.

A chat model streams a reply for a list of {"role", "content"} messages, counts tokens and
knows its context size. Implementations check the token budget themselves and raise
TokenBudgetError before the backend would fail. Nothing here knows about llama.cpp.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import TokenBudgetError

Messages = list[dict[str, str]]


@dataclass(frozen=True)
class Generation:
    """Decoding options for one call."""

    max_tokens: int = 96
    temperature: float = 0.2
    seed: int = 7
    grammar: str | None = None  # GBNF text; the backend compiles and caches it
    stop: tuple[str, ...] = ()
    # Every answer the grammar allows, when they are few: a server that takes a list of choices
    # instead of a grammar (vLLM) gets this list.
    choices: tuple[str, ...] = ()


class ChatModel(ABC):
    model_id: str = "unknown"

    @property
    @abstractmethod
    def context_size(self) -> int: ...

    @abstractmethod
    def count_tokens(self, messages: Messages) -> int:
        """Tokens the prompt for these messages takes, including the template."""

    @abstractmethod
    def _stream(self, messages: Messages, options: Generation) -> Iterator[str]: ...

    def stream(self, messages: Messages, options: Generation | None = None) -> Iterator[str]:
        """Stream reply text; raises TokenBudgetError before any work when it cannot fit."""
        options = options or Generation()
        self.check_budget(messages, options.max_tokens)
        return self._stream(messages, options)

    def complete(self, messages: Messages, options: Generation | None = None) -> str:
        return "".join(self.stream(messages, options))

    def check_budget(self, messages: Messages, max_tokens: int) -> int:
        used = self.count_tokens(messages)
        if used + max_tokens > self.context_size:
            raise TokenBudgetError(
                f"The conversation is too long for the model: {used} prompt tokens plus "
                f"{max_tokens} for the reply exceed its context of {self.context_size}. "
                f"Start a new session or raise n_ctx in the settings."
            )
        return used

    def warm(self, messages: Messages) -> str:
        """Evaluate a fixed prompt prefix ahead of time so later calls reuse it."""
        return "none"


class FakeChatModel(ChatModel):
    """Deterministic model for unit tests: replies are queued with enqueue() or echo a default.

    Tokens are counted as whitespace-separated words (plus 4 per message for the template),
    which is enough to exercise budget logic without a real tokenizer.
    """

    model_id = "fake"

    def __init__(
        self,
        replies: list[str] | None = None,
        context: int = 4096,
        default: str = "Je vertelt iets belangrijks. Wat maakt dit voor jou lastig?",
    ):
        self._replies = list(replies or [])
        self._context = context
        self.default = default
        self.calls: list[tuple[Messages, Generation]] = []

    def enqueue(self, *replies: str) -> FakeChatModel:
        self._replies.extend(replies)
        return self

    @property
    def context_size(self) -> int:
        return self._context

    def count_tokens(self, messages: Messages) -> int:
        return sum(len(m["content"].split()) + 4 for m in messages)

    def _stream(self, messages: Messages, options: Generation) -> Iterator[str]:
        self.calls.append((messages, options))
        reply = self._replies.pop(0) if self._replies else self.default
        words = reply.split(" ")
        for i, word in enumerate(words[: options.max_tokens]):
            yield word if i == 0 else " " + word
