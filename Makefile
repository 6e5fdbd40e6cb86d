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
	PEACE_SITE=$(SITE_TMP) $(BIN)/python -m pytest

clean:
	rm -rf site .build
