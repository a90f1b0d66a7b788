# Signpost: `make run` to try it, `make test` to check it. See DEVELOPERS.md.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
CSS := signpost/static/dist/signpost.css
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-fast test-browser lint format install frontend migrate demo bench lighthouse clean

run: install frontend migrate demo ## Install, build, migrate, load the demo and serve on :8000
	@echo ""
	@echo "Signpost is at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, sign in as printed above: admin@example.org, password signpost-demo-only, then the code from: .venv/bin/python manage.py demo_admin_code)"
	@echo "Background tasks (meeting reminders) run in a worker beside the server; Ctrl-C stops both."
	$(PY) manage.py schedule_reminders
	$(PY) manage.py schedule_feed_syncs
	@# The worker runs in the background. Ctrl-C reaches it too (it stops after its current
	@# task); the trap also stops it however runserver ends, so nothing is left running.
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(PY) manage.py db_worker --backend background --no-reload --interval 5 & worker=$$!; \
	$(PY) manage.py runserver $(HOST):$(PORT)

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

$(CSS): $(NODE_STAMP) $(wildcard signpost/static_src/scss/*.scss)
	npm run --silent build

frontend: $(CSS)

migrate: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py createcachetable
	$(PY) manage.py load_gazetteer

demo: install
	$(PY) manage.py load_demo_data

test: install frontend ## The whole suite: lint, types, migrations check, unit and browser tests
	$(VENV)/bin/ruff check .
	$(VENV)/bin/djlint --lint signpost
	$(VENV)/bin/mypy
	$(PY) manage.py makemigrations --check --dry-run --settings=signpost.config.settings.test
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-fast: install frontend ## Everything except the browser tests
	$(VENV)/bin/pytest -m "not browser" $(PYTEST_ARGS)

test-browser: install frontend
	$(VENV)/bin/pytest -m browser $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint --lint signpost

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install ## Benchmarks that print figures (not tests)
	$(PY) bench/findability.py
	$(PY) bench/page_weight.py

lighthouse: install frontend ## Lighthouse (mobile) on the home, results and service pages
	bash scripts/lighthouse.sh

clean:
	rm -rf staticfiles signpost/static/dist .pytest_cache
