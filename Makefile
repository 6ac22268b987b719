# The two commands: `make report` renders the report, `make test` runs every test.
# Both create .venv and install xivn with its test and dev extras on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The browser tests drive Debian's Chromium with Playwright (never `playwright install`).
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with notebooks/nbval_sanitize.cfg

.PHONY: report test lint notebooks bench clean

report: $(STAMP)
	$(BIN)/xivn render --out report

test: $(STAMP) $(CHROMIUM) lint
	$(BIN)/python -m pytest tests notebooks $(NBVAL)

lint: $(STAMP)
	$(BIN)/ruff check xivn tests benchmarks notebooks
	$(BIN)/ruff format --check xivn tests benchmarks notebooks
	$(BIN)/lint-imports

# Re-execute the committed notebooks in place (after a change that alters their outputs).
notebooks: $(STAMP)
	$(BIN)/xivn execute notebooks/*.ipynb

# Benchmarks (not part of `make test`): throughput on 100/1,000/10,000 generated documents, render vs floor, import.
bench: $(STAMP)
	$(BIN)/python benchmarks/import_time.py
	$(BIN)/python benchmarks/render_time.py
	$(BIN)/python benchmarks/run.py --sizes 100 1000 10000

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver

clean:
	rm -rf $(VENV) report report.failed .pytest_cache benchmarks/corpora test-artifacts
