"""The chat-model interface the engine talks to (a scripted fake for tests is in tests/).

A chat model streams a reply for a list of {"role", "content"} messages, counts tokens and
knows its context size. Implementations check the token budget themselves and raise
TokenBudgetError before the backend would fail. Nothing here knows about llama.cpp.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass

from app.errors import TokenBudgetError

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
