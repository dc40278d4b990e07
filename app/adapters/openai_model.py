"""OpenAI-compatible chat model: the coach's model calls answered by an inference server.

For an organisation that serves many employees from its own server (vLLM, llama.cpp's
llama-server, llama-cpp-python's server). Plain HTTP (httpx) to `<base_url>/models` (which
models the server serves) and `<base_url>/chat/completions`: one JSON answer for `complete`,
server-sent events for `stream`. The server applies the model's chat template.

Only the configured server is contacted: every URL is built from base_url, a redirect is
reported instead of followed, and proxy variables and ~/.netrc are ignored. The API key goes in
the `Authorization: Bearer` header and nowhere else: no error message or repr holds it.

Each request waits `timeout` seconds for the server (to connect, and for each read) and is tried
once more, after a short pause, when the server cannot be reached, times out or answers 429 or
5xx before any text arrived. Every failure is a one-line ModelServerError naming host:port.

Grammars go where the server takes them (`constraints`): "llama.cpp" sends the GBNF text as
`grammar`; "vllm" sends `structured_outputs` with the list of allowed answers
(Generation.choices) or the grammar (vLLM 0.12 and later); "vllm-guided" sends `guided_choice`
or `guided_grammar` (older vLLM); "none" sends nothing, and the chooser falls back to its rules
whenever the free answer is not a pick.

Tokens: servers share no tokenizer endpoint, so count_tokens is an estimate (4 characters a
token, 4 per message) that refuses only prompts that clearly cannot fit; the server's own
"context length" refusal becomes a TokenBudgetError as well.
Must not: import llama_cpp; put the API key anywhere but in the request header.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from app.core.chat_model import ChatModel, Generation, Messages
from app.errors import ModelServerError, SettingsError, TokenBudgetError
from app.settings import Settings, api_key

CONSTRAINTS = ("llama.cpp", "vllm", "vllm-guided", "none")
RETRY_PAUSE = 0.5  # seconds before the one retry
_RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Server:
    url: str  # scheme, host, port and path, without a trailing slash
    host: str
    port: int

    @property
    def name(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def parse_base_url(text: str) -> Server:
    """The server named by base_url; a missing path becomes /v1."""
    parts = urlsplit(text.strip())
    if "@" in parts.netloc or parts.query or parts.fragment:
        raise SettingsError(
            "base_url must hold no user, password, query or fragment: give the key in "
            "COACH_API_KEY or in a file named by api_key_file."
        )
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in ("http", "https") or not parts.hostname or port == -1:
        raise SettingsError(
            f"base_url must be an http:// or https:// address with a host, such as "
            f"http://127.0.0.1:8080/v1 (not {text!r})."
        )
    host = parts.hostname
    port = port or (443 if parts.scheme == "https" else 80)
    netloc = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return Server(f"{parts.scheme}://{netloc}{parts.path.rstrip('/') or '/v1'}", host, port)


class _Retry(Exception):
    """A failure worth one more try: the server is unreachable, slow or busy."""


class OpenAIChatModel(ChatModel):
    def __init__(
        self,
        base_url: str,
        model: str = "default",
        key: str = "",
        n_ctx: int = 4096,
        timeout: float = 60.0,
        constraints: str = "llama.cpp",
        retry_pause: float = RETRY_PAUSE,
        slots: int = 1,
    ) -> None:
        self.server = parse_base_url(base_url)
        self.slots = max(1, slots)
        if constraints not in CONSTRAINTS:
            raise SettingsError(f"constraints must be one of {', '.join(CONSTRAINTS)}.")
        if key and not (key.isascii() and key.isprintable() and " " not in key):
            raise SettingsError("The API key holds spaces or characters a header cannot carry.")
        self.requested = model or "default"
        self.model_id = f"{self.requested}@{self.server.name}"
        self.constraints = constraints
        self.timeout = timeout
        self.retry_pause = retry_pause
        self._n_ctx = n_ctx
        self._key = key
        self._name: str | None = None
        self._served: list[dict[str, Any]] | None = None
        self._client = httpx.Client(
            base_url=self.server.url + "/",
            headers={"Authorization": f"Bearer {key}"} if key else {},
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=False,  # a redirect could point anywhere: report it instead
            trust_env=False,  # no proxy from the environment, no credentials from ~/.netrc
        )

    def __repr__(self) -> str:
        return f"OpenAIChatModel({self.server.url!r}, {self.requested!r})"

    @property
    def where(self) -> str:
        return f"The model server at {self.server.name}"

    # -- what the server serves ----------------------------------------------------------

    def served(self) -> list[dict[str, Any]]:
        """The models the server lists under /models, asked once."""
        if self._served is None:
            data = self._json(self._request("GET", "models"))
            listed = data.get("data") if isinstance(data, dict) else None
            if not isinstance(listed, list):
                raise ModelServerError(
                    f"{self.where} does not list its models like an OpenAI-compatible server. "
                    f"Check base_url (it usually ends in /v1)."
                )
            self._served = [
                m for m in listed if isinstance(m, dict) and isinstance(m.get("id"), str)
            ]
        return self._served

    @property
    def name(self) -> str:
        """The model's name on the server: the one asked for, or the first listed."""
        if self._name is None:
            ids = [m["id"] for m in self.served()]
            if self.requested == "default" and ids:
                self._name = ids[0]
            elif self.requested in ids:
                self._name = self.requested
            else:
                wanted = "any model" if self.requested == "default" else f"'{self.requested}'"
                raise ModelServerError(
                    f"{self.where} does not serve {wanted}; it lists "
                    f"{', '.join(ids) or 'none'}. Set model to one it lists."
                )
            self.model_id = f"{self._name}@{self.server.name}"
        return self._name

    @property
    def context_size(self) -> int:
        """The server's max_model_len when it reports one (vLLM does), else n_ctx."""
        card = next((m for m in self.served() if m["id"] == self.name), {})
        limit = card.get("max_model_len")
        return limit if isinstance(limit, int) and limit > 0 else self._n_ctx

    def count_tokens(self, messages: Messages) -> int:
        return sum(math.ceil(len(m["content"]) / 4) + 4 for m in messages)

    def check(self) -> str:
        """For `coach doctor`: the server answers and lists the model (or ModelServerError)."""
        listed = len(self.served())
        return (
            f"{self.server.url} serves '{self.name}' ({listed} model(s) listed; context "
            f"{self.context_size}; constraints: {self.constraints})"
        )

    # -- calls ---------------------------------------------------------------------------

    def complete(self, messages: Messages, options: Generation | None = None) -> str:
        """One JSON answer, no event stream: all the chooser's two tokens need."""
        options = options or Generation()
        self.check_budget(messages, options.max_tokens)
        data = self._json(self._request("POST", "chat/completions", self._body(messages, options)))
        try:
            return str(data["choices"][0]["message"]["content"] or "")
        except (KeyError, IndexError, TypeError):
            raise ModelServerError(
                f"{self.where} answered chat/completions in a form the coach does not know."
            ) from None

    def warm(self, messages: Messages) -> str:
        """Put the chooser's fixed prompt in the server's cache: one short request per slot, all
        at once, so that no slot meets it for the first time during someone's turn (a server
        keeps each slot's last prompt and reuses the part a new one shares with it)."""
        from concurrent.futures import ThreadPoolExecutor

        def one(_: int) -> str:
            return self.complete(messages, Generation(max_tokens=1, temperature=0.0))

        try:
            with ThreadPoolExecutor(self.slots) as pool:
                list(pool.map(one, range(self.slots)))
        except ModelServerError as exc:  # the first turn will say it again, to the person
            return f"not warmed: {exc}"
        return f"server cache, {self.slots} slot(s)"

    def _stream(self, messages: Messages, options: Generation) -> Iterator[str]:
        body = {**self._body(messages, options), "stream": True}
        for attempt in (1, 2):
            sent = False
            try:
                with self._client.stream("POST", "chat/completions", json=body) as response:
                    self._check(response)
                    for piece in self._events(response):
                        sent = True
                        yield piece
                return
            except (httpx.TransportError, _Retry) as exc:
                if sent or attempt == 2:
                    raise self._failure(exc, tries=attempt) from None
                time.sleep(self.retry_pause)

    def _request(self, method: str, path: str, body: Any = None) -> httpx.Response:
        for attempt in (1, 2):
            try:
                response = self._client.request(method, path, json=body)
                self._check(response)
                return response
            except (httpx.TransportError, _Retry) as exc:
                if attempt == 2:
                    raise self._failure(exc, tries=2) from None
                time.sleep(self.retry_pause)
        raise AssertionError("unreachable")

    def _body(self, messages: Messages, options: Generation) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.name,
            "messages": messages,
            "max_tokens": options.max_tokens,
            "temperature": options.temperature,
            "seed": options.seed,
        }
        if options.stop:
            body["stop"] = list(options.stop)
        grammar, choices = options.grammar, list(options.choices)
        if self.constraints == "llama.cpp" and grammar:
            body["grammar"] = grammar
        elif self.constraints == "vllm" and (choices or grammar):
            body["structured_outputs"] = {"choice": choices} if choices else {"grammar": grammar}
        elif self.constraints == "vllm-guided" and choices:
            body["guided_choice"] = choices
        elif self.constraints == "vllm-guided" and grammar:
            body["guided_grammar"] = grammar
        return body

    # -- answers and failures ------------------------------------------------------------

    def _events(self, response: httpx.Response) -> Iterator[str]:
        """The text pieces of a server-sent event stream, up to `data: [DONE]`."""
        finished = False
        for line in response.iter_lines():
            if not line.startswith("data:"):
                continue
            data = line[5:].strip()
            if data == "[DONE]":
                return
            try:
                event = json.loads(data)
            except ValueError:
                raise ModelServerError(f"{self.where} sent an event that is not JSON.") from None
            if not isinstance(event, dict):
                continue
            if "error" in event:
                raise ModelServerError(f"{self.where} broke off the reply: {self._detail(event)}")
            for choice in event.get("choices") or []:
                text = (choice.get("delta") or {}).get("content")
                if text:
                    yield text
                finished = finished or bool(choice.get("finish_reason"))
        if not finished:
            raise _Retry("ended its answer before the reply was complete (its log may say why)")

    def _check(self, response: httpx.Response) -> None:
        status = response.status_code
        if status < 300:
            return
        response.read()
        try:
            detail = self._detail(response.json())
        except ValueError:
            detail = self._clean(response.text) or response.reason_phrase
        if status in _RETRY_STATUS:
            raise _Retry(f"answered HTTP {status} ({detail})")
        if status < 400:
            raise ModelServerError(
                f"{self.where} answered with a redirect (HTTP {status}), which the coach does "
                f"not follow: it only talks to base_url. Set base_url to the address that answers."
            )
        if status in (401, 403):
            raise ModelServerError(
                f"{self.where} refused the request (HTTP {status}: {detail}). Check the API key "
                f"in COACH_API_KEY or in the file named by api_key_file."
            )
        if status == 400 and "context" in detail.lower():
            raise TokenBudgetError(
                f"The conversation is too long for the model on {self.server.name} ({detail}). "
                f"Start a new session, or give the model a larger context on the server."
            )
        if status == 404:
            raise ModelServerError(
                f"{self.where} has no {response.request.url.path} (HTTP 404). Check base_url "
                f"(it usually ends in /v1) and model."
            )
        raise ModelServerError(f"{self.where} answered HTTP {status}: {detail}")

    def _failure(self, exc: Exception, tries: int) -> ModelServerError:
        tried = "tried twice" if tries == 2 else "the reply had begun"
        if isinstance(exc, _Retry):
            return ModelServerError(f"{self.where} {self._clean(str(exc))} ({tried}).")
        if isinstance(exc, httpx.ConnectTimeout):
            reason = f"no connection within {min(self.timeout, 10.0):g} s"
        elif isinstance(exc, httpx.TimeoutException):
            return ModelServerError(
                f"{self.where} did not answer within {self.timeout:g} s ({tried}). It may be "
                f"busy: try again, or raise server_timeout in the settings."
            )
        elif isinstance(exc, httpx.ConnectError):
            text = self._clean(str(exc))
            reason = "connection refused" if "refused" in text.lower() else text
        else:
            return ModelServerError(
                f"{self.where} broke off the connection "
                f"({self._clean(str(exc)) or type(exc).__name__}; {tried})."
            )
        return ModelServerError(
            f"{self.where} cannot be reached ({reason}; {tried}). Start it, or check base_url "
            f"in the settings."
        )

    def _json(self, response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError:
            raise ModelServerError(
                f"{self.where} answered {response.request.url.path} with something other than "
                f"JSON. Is base_url an OpenAI-compatible server (it usually ends in /v1)?"
            ) from None

    def _detail(self, data: Any) -> str:
        """The server's own words about an error, on one short line."""
        if isinstance(data, dict):
            inner = data.get("error", data.get("detail", data.get("message", data)))
            if isinstance(inner, dict):
                inner = inner.get("message", inner)
            data = inner
        return self._clean(str(data))

    def _clean(self, text: str) -> str:
        """One line of at most 200 characters, with the API key blanked should a server echo it."""
        line = " ".join(text.split())
        if self._key:
            line = line.replace(self._key, "***")
        return line if len(line) <= 200 else line[:199] + "…"


def from_settings(settings: Settings) -> OpenAIChatModel:
    if not settings.base_url:
        raise SettingsError(
            'backend = "openai" needs base_url, the address of the inference server, such as '
            "http://127.0.0.1:8080/v1."
        )
    return OpenAIChatModel(
        settings.base_url,
        settings.model,
        api_key(settings),
        settings.n_ctx,
        settings.server_timeout,
        settings.constraints,
        slots=settings.model_slots,
    )
