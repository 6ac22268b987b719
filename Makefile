# The two commands: `make report` renders the report, `make test` runs every test.
# Both create .venv and install xivn with its test and dev extras on first use; `make lab` opens
# the notebooks in JupyterLab.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# The browser tests drive Debian's Chromium with Playwright (never `playwright install`).
CHROMIUM := /usr/bin/chromium
# Non-empty when run as root: apt-get then needs no sudo, and JupyterLab refuses to start without --allow-root.
AS_ROOT := $(shell [ "$$(id -u)" = 0 ] && echo yes)
SUDO := $(if $(AS_ROOT),,sudo)
LAB_PORT ?= 8888
LAB_FLAGS := --ServerApp.port=$(LAB_PORT) $(if $(AS_ROOT),--allow-root)
# pip's output cut to one line per package it collects; the whole of it is kept in PIP_LOG.
PIP_LOG := $(VENV)/pip-install.log
ONE_LINE_PER_PACKAGE := awk '/^Collecting /{n++; printf "  %3d  %s\n", n, $$2; fflush()} \
	/^Installing collected packages/{k = NF-3; print "  installing the " k " package" (k == 1 ? "" : "s") " collected (the longest step)..."; fflush()} \
	/^Successfully installed/{k = NF-2; print "  installed " k " package" (k == 1 ? "" : "s")}'
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with notebooks/nbval_sanitize.cfg

.PHONY: report test lint lab notebooks bench clean

report: $(STAMP)
	$(BIN)/xivn render --out report

test: $(STAMP) $(CHROMIUM) lint
	$(BIN)/python -m pytest tests notebooks $(NBVAL)

lint: $(STAMP)
	$(BIN)/ruff check xivn tests benchmarks notebooks
	$(BIN)/ruff format --check xivn tests benchmarks notebooks
	$(BIN)/lint-imports

# JupyterLab on the notebooks, at http://localhost:$(LAB_PORT)/lab (the token is in the URL it prints).
lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/ $(LAB_FLAGS)

# Re-execute the committed notebooks in place (after a change that alters their outputs).
notebooks: $(STAMP)
	$(BIN)/xivn execute notebooks/*.ipynb

# Benchmarks (not part of `make test`): throughput on 100/1,000/10,000 generated documents, render vs floor, import.
bench: $(STAMP)
	$(BIN)/python benchmarks/import_time.py
	$(BIN)/python benchmarks/render_time.py
	$(BIN)/python benchmarks/run.py --sizes 100 1000 10000

$(STAMP): pyproject.toml
	@echo "xivn: creating $(VENV) with $$($(PYTHON) --version)"
	$(PYTHON) -m venv $(VENV)
	@echo "xivn: upgrading pip"
	$(BIN)/python -m pip install --quiet --upgrade pip
	@echo "xivn: installing xivn and its dependencies (about 2 minutes; one line per package, full log in $(PIP_LOG))"
	@$(BIN)/python -m pip install --progress-bar off -e '.[test,dev]' 2>&1 | tee $(PIP_LOG) | $(ONE_LINE_PER_PACKAGE) \
		|| { tail -n 25 $(PIP_LOG); echo "xivn: pip failed; the whole log is $(PIP_LOG)"; exit 1; }
	touch $(STAMP)
	@echo "xivn: $(VENV) is ready"

$(CHROMIUM):
	@echo "xivn: installing Debian's chromium for the browser tests"
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver

clean:
	rm -rf $(VENV) report report.failed .pytest_cache benchmarks/corpora test-artifacts
