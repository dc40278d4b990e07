"""Offline reflection coach: supervisie-style reflection with a local language model."""

__version__ = "0.1.0"
