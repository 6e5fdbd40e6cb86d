# Two commands set everything up on a fresh clone: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_TMP := .build/site
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/hooks

.PHONY: serve build check test lint linkcheck bench bench-small lock clean

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

# A preview: rebuilds only the pages whose Markdown changed (--dirty), so not strict; `make build` is.
serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --dirty --no-strict --dev-addr 127.0.0.1:$(PORT)

build: $(BIN)/.installed
	$(BIN)/mkdocs build --strict --site-dir site

check: $(BIN)/.installed
	$(BIN)/python -m peace.check

test: $(BIN)/.installed
	rm -rf $(SITE_TMP)
	$(BIN)/mkdocs build --strict --quiet --site-dir $(SITE_TMP)
	$(MAKE) --no-print-directory linkcheck
	$(MAKE) --no-print-directory lint
	PEACE_SITE=$(SITE_TMP) $(BIN)/python -m pytest -n auto --dist loadscope

# Every internal link and anchor of the site built by `make test`, checked offline.
linkcheck: $(BIN)/.installed
	$(BIN)/python tools/check_links.py $(SITE_TMP)

lint: $(BIN)/.installed
	$(BIN)/ruff check hooks tests tools
	$(BIN)/mypy

# Figures, not tests: build time, memory and page sizes at x1, x10 and x50 the data, the code at
# BASELINE (default: the first commit of this benchmark's era) beside the work tree. Takes many minutes.
BASELINE ?= c74e895
bench: $(BIN)/.installed
	$(BIN)/python tools/bench.py --scales 1,10,50 --runs 3 --baseline $(BASELINE)
	$(BIN)/python tools/bench_check.py
	$(BIN)/python tools/bench_serve.py

# The same at x1 and x5 of the first published data set (234 records), one build each, for a reviewer.
bench-small: $(BIN)/.installed
	$(BIN)/python tools/bench.py --scales 1,5 --runs 1 --data $(BASELINE) --heavy 0

# Regenerate requirements.txt, with hashes, from the direct dependencies in requirements.in.
lock: $(BIN)/.installed
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --output-file requirements.txt requirements.in

clean:
	rm -rf site .build
