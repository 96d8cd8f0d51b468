# Set-up and everyday commands. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= crosswire.db

.PHONY: install browser java postgres run test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,spark]'
	touch $(STAMP)

install: $(STAMP)

## the main job on the built-in sample corpus
run: install
	$(BIN)/crosswire run --sample --db $(DB)

## headless Chromium and its driver for the browser tests (Debian packages; sudo only when not root)
browser:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then :; \
	elif command -v apt-get >/dev/null; then \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	else echo "warning: no apt-get: install chromium and chromedriver, or the browser tests skip"; fi

## a Java runtime for Spark (Debian package; sudo only when not root)
java:
	@if command -v java >/dev/null; then :; \
	elif command -v apt-get >/dev/null; then \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; \
	else echo "warning: no apt-get: install Java 17+, or the Spark tests skip"; fi

## a PostgreSQL server for the PostgreSQL tests (Debian package; sudo only when not root);
## the tests start their own throw-away server with its binaries
postgres:
	@if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null; then \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; \
	else echo "warning: no apt-get: install PostgreSQL (initdb, pg_ctl), or the PostgreSQL tests skip"; fi

## each test is capped by pytest-timeout (pyproject); the whole run too, so a hang after the
## last test (a child process left behind) still ends with the report printed
test: install browser java postgres
	timeout -k 60 3600 $(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/stories.py
	$(BIN)/python bench/figures.py
	$(BIN)/python bench/serve.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache $(DB) $(DB)-wal $(DB)-shm
