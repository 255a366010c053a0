# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)
DEMO_DB ?= demo.sqlite
BENCH ?=   # e.g. make bench BENCH="language ner" runs only those

.PHONY: demo test venv bench lint typecheck clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

venv: $(STAMP)

demo: venv
	$(BIN)/python -m wortlaut.demo --db $(DEMO_DB)

test: venv
	$(BIN)/python -m pytest

bench: venv
	$(BIN)/python -m benchmarks $(BENCH)

lint: venv
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/mypy benchmarks

clean:
	rm -rf $(VENV) $(DEMO_DB) .pytest_cache build *.egg-info
