"""Adapters: each outside library or file format behind one module (llama.cpp, an
OpenAI-compatible server, GGUF files, embedders, chromadb, SQLite, documents, exports, the
accounts and their encryption)."""
