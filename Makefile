# Two commands: `make run` serves the dashboard, `make test` runs every test (CI); `make test-fast` before each
# commit runs ruff and the tests without a browser or a subprocess. See README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
CHROMIUM ?= /usr/bin/chromium
NGINX ?= /usr/sbin/nginx
# Python caches bytecode for the project and its tests (pytest its rewritten test modules) even where the
# environment says not to (this machine's sets PYTHONDONTWRITEBYTECODE=1; empty means unset): otherwise
# every process compiles every module it imports, every run. make test-fast, warm: 65-69 s → 56-57 s.
export PYTHONDONTWRITEBYTECODE :=

# pytest-xdist workers: each test file stays on one worker (--dist loadfile), so a module's server or store
# starts once. The fast lane keeps both cores busy with two. The full suite waits on servers, sleeps and
# Chromium, and a third worker fills those waits: 4 interleaved pairs on 2 cores, 3 workers 340-376 s against
# 2 workers 356-399 s, the same CPU (README "Tests"). PYTEST_WORKERS=0 (test-fast) or TEST_WORKERS=0 (test)
# runs everything in one process.
PYTEST_WORKERS ?= 2
TEST_WORKERS ?= 3
PARALLEL := -n $(PYTEST_WORKERS) --dist loadfile

.PHONY: run test test-fast lint demo bench clean chromium nginx libreoffice

run: $(VENV)/.runtime
	$(BIN)/python -m loaders demo --if-missing
	$(BIN)/python -m loaders upgrade
	$(BIN)/python deploy/warm_up.py --port $(PORT) & $(BIN)/streamlit run app.py --server.port $(PORT)

test: $(VENV)/.dev chromium nginx libreoffice node_modules/axe-core/axe.min.js
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

# The lanes are pytest markers (pyproject.toml): e2e drives Chromium, slow starts processes or reads large files.
test-fast: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -m "not e2e and not slow" $(PARALLEL)

lint: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

demo: $(VENV)/.runtime  ## rebuild the demo store from data/demo/ (refused if the store holds real data)
	$(BIN)/python -m loaders demo --fresh

bench: $(VENV)/.dev chromium nginx  ## not part of make test: a few minutes (10 M-row ingest), prints one table
	$(BIN)/python -m bench $(BENCH_ARGS)

# The venv is rebuilt only when a requirements file changes (make compares timestamps).
# uv installs the pinned set in seconds; pip is the fallback. Both compile the packages to bytecode here, at
# install (see PYTHONDONTWRITEBYTECODE above: a Streamlit server's start took ~3 s of CPU more without).
UV_INSTALL := $(BIN)/uv pip install -q --compile-bytecode --python $(BIN)/python
$(VENV)/.runtime: requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q uv==0.13.9 && $(UV_INSTALL) -r requirements.txt \
		|| $(BIN)/python -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(UV_INSTALL) -r requirements-dev.txt || $(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $@

# axe-core (pinned in package-lock.json) is injected into every page by the accessibility test.
node_modules/axe-core/axe.min.js: package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js and npm (apt-get install npm) for the accessibility test"; exit 1; }
	npm ci --no-audit --no-fund
	touch $@

# Debian's Chromium serves the browser tests and image export; never a downloaded browser.
chromium:
	@if [ -x "$(CHROMIUM)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	else \
		echo "Chromium is missing: install Debian's package as root (apt-get install chromium), or set CHROMIUM=/path/to/chromium"; exit 1; \
	fi

# Debian's nginx fronts the replicas in tests/e2e/test_replicas.py and bench/replicas.py, which start their
# own on 127.0.0.1; the package's default site (port 80, every address) is switched off where systemd runs.
nginx:
	@if [ -x "$(NGINX)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
		systemctl disable --now nginx >/dev/null 2>&1 || true; \
	else \
		echo "nginx is missing: install Debian's package as root (apt-get install nginx), or set NGINX=/path/to/nginx"; exit 1; \
	fi

# LibreOffice renders every slide of a deck in the full-lane deck test (tests/exports/test_deck_render.py),
# poppler's pdftoppm turns its PDF into images.
libreoffice:
	@if command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			libreoffice-impress poppler-utils fonts-dejavu-core >/dev/null; \
	else \
		echo "LibreOffice is missing: install Debian's packages as root (apt-get install libreoffice-impress poppler-utils)"; exit 1; \
	fi

clean:
	rm -rf $(VENV) artifacts .pytest_cache .ruff_cache
