# cockpit: `make help` lists the targets.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help demo test lint screenshots snapshots bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP) ## open the cockpit on a throwaway demo incident
	$(BIN)/cockpit demo

test: $(STAMP) ## run the whole test suite
	$(BIN)/python -m pytest

lint: $(STAMP) ## ruff format check, ruff lint, mypy
	$(BIN)/ruff format --check src tests
	$(BIN)/ruff check src tests
	$(BIN)/mypy

screenshots: $(STAMP) ## regenerate screenshots/ from the demo incident
	$(BIN)/python scripts/screenshots.py

bench: $(STAMP) ## benchmarks, as ratios against a baseline measured in the same run
	$(BIN)/python scripts/bench.py

snapshots: $(STAMP) ## accept the current look as the new snapshot baseline
	$(BIN)/python -m pytest tests/tui --snapshot-update

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
