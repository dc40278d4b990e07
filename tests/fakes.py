"""Fakes for unit tests: a deterministic chat model that needs no weights."""

from __future__ import annotations

from collections.abc import Iterator

from app.core.chat_model import ChatModel, Generation, Messages


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
