# Two commands set everything up on a machine that has only Python 3.11+:
#   make demo   install, crawl the bundled replica portals, serve Datasette at http://127.0.0.1:8001
#   make test   install what the tests need and run lint + the whole suite
#   make test-fast   the suite without the slow end-to-end tests (under a minute)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The browser tests drive Debian's chromium through Playwright (never Playwright's own
# browser download): installed here when missing; CI runs as root, others through sudo.
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test test-fast lint install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Exact versions come from constraints.txt, so a fresh install is the one we tested.
$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/govarchive demo --db data/demo.db --port 8001

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

$(CHROMIUM):
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
	  || ($(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

test: lint $(CHROMIUM)
	CHROMIUM=$(CHROMIUM) $(BIN)/pytest

# The inner loop: everything but the tests marked slow (end-to-end crawls, browser, eval gate).
test-fast: install
	$(BIN)/pytest -m "not slow"

clean:
	rm -rf $(VENV) data/demo.db* .pytest_cache test-artifacts
