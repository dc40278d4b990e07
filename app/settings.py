"""Settings: one object, resolved once from defaults, a TOML file and COACH_* variables.

Order of precedence: defaults < TOML file < environment. The TOML file is `COACH_CONFIG` if set,
else `config.toml` in the data folder. This is the only module that reads the environment for
configuration; everything else receives a Settings object.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from app.errors import SettingsError

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = "default"
DEFAULT_EMBEDDER = "e5"


# The auth setting that turns on accounts: each person logs in with their own name and password
# (`coach users add`) and has their own data folder.
ACCOUNTS = "accounts"


@dataclass(frozen=True)
class Settings:
    home: Path = field(default_factory=lambda: Path(platformdirs.user_data_dir("reflectiecoach")))
    knowledge_dir: Path = PROJECT_DIR / "knowledge"
    prompts_dir: Path = PROJECT_DIR / "prompts"
    models_dir: Path = PROJECT_DIR / "models"
    # "local": llama.cpp in this process; "openai": an OpenAI-compatible inference server.
    backend: str = "local"
    # local: "default", a file name in models_dir, or a path to a GGUF. openai: the name the
    # server lists under /v1/models ("default": the first one it lists).
    model: str = DEFAULT_MODEL
    base_url: str = ""  # openai: the server, e.g. "http://127.0.0.1:8080/v1"
    # openai: a file that holds the API key, readable by this user alone (chmod 600). The key
    # itself comes from COACH_API_KEY or this file, never from the settings file.
    api_key_file: str = ""
    api_key: str = field(default="", repr=False)
    server_timeout: float = 60.0  # openai: seconds without an answer before one retry
    # openai: how the server takes the chooser's grammar: "llama.cpp" (a GBNF `grammar` field:
    # llama-server, llama-cpp-python), "vllm" (`structured_outputs`, vLLM 0.12 and later),
    # "vllm-guided" (`guided_choice` / `guided_grammar`, older vLLM) or "none".
    constraints: str = "llama.cpp"
    embedder: str = DEFAULT_EMBEDDER  # "e5" or a path to a sentence-transformers model folder
    n_ctx: int = 4096
    n_threads: int = 0  # 0: let llama.cpp choose
    max_tokens: int = 96
    temperature: float = 0.2
    seed: int = 7
    host: str = "127.0.0.1"
    port: int = 7860
    auth: str = ""  # "user:password" or "accounts"; required to bind anything but loopback
    ui_lang: str = "nl"
    max_message_chars: int = 4000
    max_upload_mb: int = 20
    max_document_mb: int = 20
    # Minimum cosine similarity for a passage to count; 0 uses the value calibrated for the
    # embedder (app/adapters/knowledge.py THRESHOLDS).
    relevance_threshold: float = 0.0
    # Who picks the reflection and the question among the candidates the code wrote: "model"
    # (one constrained call of two tokens) or "rules" (the ranking alone, no model call).
    chooser: str = "rules"
    # The crisis screen: "full" (rules and the semantic screen on the embedder) or "rules".
    crisis_screen: str = "full"
    # Where exports are written; empty: exports/ in the data folder. On a server with accounts
    # each person's exports go to a folder of their own outside the data folder, in memory
    # where the system offers it, and are gone when the server stops.
    exports_folder: str = ""
    # How many turns may ask the model at once. The model in the app answers one call at a
    # time, so this counts only with backend = "openai": set it to the server's parallel slots.
    model_slots: int = 1
    # On a server with accounts: close the open data (database, index) of an account nobody
    # used for this many minutes; it opens again, in about a second, at the next click.
    account_idle_minutes: float = 30.0

    @property
    def sessions_db(self) -> Path:
        return self.home / "sessions.sqlite3"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def exports_dir(self) -> Path:
        return Path(self.exports_folder) if self.exports_folder else self.home / "exports"

    @property
    def uploads_dir(self) -> Path:
        return self.home / "documents"

    @property
    def config_file(self) -> Path:
        return self.home / "config.toml"

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: _convert(k, v) for k, v in changes.items()})

    def as_dict(self) -> dict[str, Any]:
        shown = {f.name: getattr(self, f.name) for f in fields(self)}
        if shown["auth"] and shown["auth"] != ACCOUNTS:
            shown["auth"] = shown["auth"].split(":", 1)[0] + ":***"
        shown["api_key"] = "***" if shown["api_key"] else ""
        return {k: str(v) if isinstance(v, Path) else v for k, v in shown.items()}


_FIELDS = {f.name: f for f in fields(Settings)}
_CHOICES = {
    "backend": ("local", "openai"),
    "chooser": ("model", "rules"),
    "constraints": ("llama.cpp", "vllm", "vllm-guided", "none"),
    "crisis_screen": ("full", "rules"),
}


def _convert(name: str, value: Any) -> Any:
    if name not in _FIELDS:
        known = ", ".join(sorted(_FIELDS))
        raise SettingsError(f"Unknown setting '{name}'. Known settings: {known}.")
    kind = _FIELDS[name].type
    try:
        if kind == "Path":
            return Path(str(value)).expanduser()
        if kind == "int":
            if isinstance(value, bool):
                raise ValueError
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "str":
            if name in _CHOICES and str(value) not in _CHOICES[name]:
                expected = ", ".join(f'"{c}"' for c in _CHOICES[name])
                raise SettingsError(
                    f"Invalid value for setting '{name}': expected {expected} (not {value!r})."
                )
            return str(value)
    except (TypeError, ValueError):
        raise SettingsError(f"Setting '{name}' must be {kind} (not {value!r}).") from None
    raise AssertionError(f"unhandled setting type {kind}")


def load(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Resolve the settings once: defaults, then the TOML file, then COACH_* variables."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    from_env: dict[str, Any] = {}
    for key, raw in env.items():
        if key.startswith("COACH_") and key != "COACH_CONFIG":
            name = key[len("COACH_") :].lower()
            if name not in _FIELDS:
                raise SettingsError(
                    f"Unknown setting in environment variable {key}. "
                    f"Known: {', '.join('COACH_' + n.upper() for n in sorted(_FIELDS))}."
                )
            from_env[name] = _convert(name, raw)
    home = from_env.get("home") or overrides.get("home") or Settings().home
    config = Path(env["COACH_CONFIG"]) if env.get("COACH_CONFIG") else Path(home) / "config.toml"
    values.update(_read_toml(config))
    values.update(from_env)
    values.update({k: _convert(k, v) for k, v in overrides.items() if v is not None})
    return Settings(**values)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return {}  # no settings file; a data folder that cannot exist is reported when opened
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"Cannot read the settings file {path}: {exc}.") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"The settings file {path} is not valid TOML: {exc}.") from None
    out: dict[str, Any] = {}
    for name, value in data.items():
        if name == "api_key":
            raise SettingsError(
                f"The API key is never read from {path}: remove it there and set COACH_API_KEY, "
                f"or name a file readable only by you in api_key_file."
            )
        if name not in _FIELDS:
            known = ", ".join(sorted(_FIELDS))
            raise SettingsError(
                f"Unknown setting '{name}' in {path}. Remove it or use one of: {known}."
            )
        out[name] = _convert(name, value)
    return out


def api_key(settings: Settings) -> str:
    """The key for the inference server: COACH_API_KEY, else the file named in api_key_file
    (which must belong to this user and be readable by nobody else), else no key."""
    if settings.api_key:
        return settings.api_key
    if not settings.api_key_file:
        return ""
    path = Path(settings.api_key_file).expanduser()
    try:
        info = path.stat()
        if info.st_mode & 0o077 or info.st_uid != os.getuid():
            mode = oct(info.st_mode & 0o777)[2:]
            raise SettingsError(
                f"The API key file {path} is not private (mode {mode}, or another owner): "
                f"others could read the key. Run `chmod 600 {path}` as its owner."
            )
        key = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not a text file"
        raise SettingsError(f"Cannot read the API key file {path} ({reason}).") from None
    if not key or "\n" in key:
        raise SettingsError(
            f"The API key file {path} must hold the key alone, on one line (it holds "
            f"{'nothing' if not key else 'several lines'})."
        )
    return key
