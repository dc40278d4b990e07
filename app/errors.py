"""The product's own errors: every message is written for the person using the app.

Only the CLI and the UI turn these into exits or dialogs. Anything that is not a CoachError
is a bug and is allowed to crash loudly.
"""

from __future__ import annotations


class CoachError(Exception):
    """Base error: its message is shown to the user as is, without a traceback."""


class SettingsError(CoachError):
    """A setting is unknown or has a value we cannot use."""


class DataFolderError(CoachError):
    """The data folder cannot be created, read or written, or is in use by another instance."""


class ModelError(CoachError):
    """A model file is missing, unreadable, corrupt or does not fit the request."""


class ModelPartMissing(ModelError):
    """A pip package that carries part of the default model is not installed."""


class TokenBudgetError(ModelError):
    """A prompt does not fit in the model's context window."""


class ModelServerError(ModelError):
    """The inference server cannot be reached, times out, refuses the key or the request."""


class KnowledgeError(CoachError):
    """The knowledge index cannot be read, written or rebuilt."""


class DocumentError(CoachError):
    """A document cannot be ingested (unknown type, empty, corrupt, too large)."""


class SessionError(CoachError):
    """A stored conversation cannot be found, read or changed."""


class InputError(CoachError):
    """A message or file name from the user cannot be used as given."""
