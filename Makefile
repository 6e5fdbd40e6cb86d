# Two commands set everything up on a fresh clone: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_TMP := .build/site
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/hooks

.PHONY: serve build check test clean

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(BIN)/.installed
	$(BIN)/mkdocs build --strict --site-dir site

check: $(BIN)/.installed
	$(BIN)/python -m peace.check

test: $(BIN)/.installed
	rm -rf $(SITE_TMP)
	$(BIN)/mkdocs build --strict --quiet --site-dir $(SITE_TMP)
	$(MAKE) --no-print-directory linkcheck
	PEACE_SITE=$(SITE_TMP) $(BIN)/python -m pytest

# Every internal link and anchor of the site built by `make test`, checked offline on 127.0.0.1.
.PHONY: linkcheck
linkcheck: $(BIN)/.installed
	$(BIN)/python tests/check_links.py $(SITE_TMP)

# Figures, not tests: build time against the number of records, and `make check`'s speed.
.PHONY: bench
bench: $(BIN)/.installed
	$(BIN)/python tests/bench_build.py
	$(BIN)/python tests/bench_check.py

clean:
	rm -rf site .build
