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
# The distributed-crawl tests start Debian's redis-server on a free port (never a fake Redis).
REDIS_SERVER ?= /usr/bin/redis-server
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

# mypy reads its scope (crawler/, archive/) and options from pyproject.toml.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

$(CHROMIUM):
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
	  || ($(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

$(REDIS_SERVER):
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server \
	  || ($(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server)

# Test files run side by side (pytest-xdist), each file on one worker so its module and
# session fixtures (a crawl, a served replica) are made once. More workers than cores: most
# tests wait on sockets and politeness pauses, not on the CPU. Bytecode is cached even where
# the environment says not to: every crawl in a child process would compile the project again.
# --no-loadscope-reorder keeps the files in collection order (longest first, tests/conftest.py):
# by default pytest-xdist 3 hands out the files with the most tests first instead.
PYTEST_WORKERS ?= 4
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(BIN)/pytest --dist loadfile --no-loadscope-reorder
test: lint $(CHROMIUM) $(REDIS_SERVER)
	CHROMIUM=$(CHROMIUM) $(PYTEST) -n $(PYTEST_WORKERS)

# The inner loop: everything but the tests marked slow (end-to-end crawls, browser, eval gate).
# It is CPU-bound, and every worker imports and collects the whole suite (~4 s of CPU): two
# workers took 81 s of CPU and 137 s wall where four took 100 s and 155 s (load 7-13).
FAST_WORKERS ?= 2
test-fast: install $(REDIS_SERVER)
	$(PYTEST) -n $(FAST_WORKERS) -m "not slow"

clean:
	rm -rf $(VENV) data/demo.db* .pytest_cache test-artifacts
