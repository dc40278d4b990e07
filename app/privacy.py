"""Privacy switches: set before any third-party import, then asserted at start-up.

huggingface_hub reads HF_HUB_OFFLINE when it is imported, and gradio imports it, so these
values must be in the environment before the first `import gradio`, `import chromadb` or
`import sentence_transformers`. `apply()` is the first thing every entry point calls.
This module sets switches and checks them; it does not decide what the app stores.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Every variable here turns off a call home that was measured on this stack (see SECURITY.md).
SWITCHES: dict[str, str] = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_UPDATE_CHECK": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "DO_NOT_TRACK": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "GRADIO_SHARE": "False",
    "ANONYMIZED_TELEMETRY": "False",
    "CHROMA_TELEMETRY": "False",
    "TOKENIZERS_PARALLELISM": "false",
}

# Libraries whose import reads the switches; if one is already imported, setting them is too late.
_EARLY_READERS = ("huggingface_hub", "gradio", "chromadb", "sentence_transformers")


def apply(home: Path | None = None) -> None:
    """Set every switch, private caches inside the data folder, and a private umask."""
    os.umask(0o077)
    for key, value in SWITCHES.items():
        os.environ[key] = value
    if home is not None:
        os.environ["HF_HOME"] = str(home / "cache" / "huggingface")
        os.environ["GRADIO_TEMP_DIR"] = str(home / "tmp" / "gradio")
        os.environ["MPLCONFIGDIR"] = str(home / "cache" / "matplotlib")


def problems() -> list[str]:
    """What is not in force; empty when every switch holds."""
    found = [
        f"{key}={os.environ.get(key)!r} (expected {value!r})"
        for key, value in SWITCHES.items()
        if os.environ.get(key) != value
    ]
    if os.environ.get("HF_HUB_OFFLINE") == "1":
        hub = sys.modules.get("huggingface_hub.constants")
        if hub is not None and not getattr(hub, "HF_HUB_OFFLINE", True):
            found.append("huggingface_hub was imported before HF_HUB_OFFLINE was set")
    return found


def early_imports() -> list[str]:
    """Libraries already imported when apply() ran (they may have read the old environment)."""
    return [name for name in _EARLY_READERS if name in sys.modules]
