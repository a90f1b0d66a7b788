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

.PHONY: run serve test test-fast test-browser lint format install frontend migrate demo bench lighthouse clean

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

# `make serve`: the production profile on this machine (docs/operations.md). Production
# settings (DEBUG off, no demo), static files collected, gunicorn with gunicorn.conf.py and the
# task worker beside it, on plain http at 127.0.0.1 with SIGNPOST_LOCAL_HTTP=1. A SECRET_KEY is
# made once and kept in var/ (unless SECRET_KEY is set). It serves whatever database is there.
SERVE_KEY := $(or $(SIGNPOST_VAR_DIR),var)/serve-secret-key
serve: export DJANGO_SETTINGS_MODULE := signpost.config.settings.production
serve: export SIGNPOST_LOCAL_HTTP := 1
serve: export ALLOWED_HOSTS := 127.0.0.1,localhost
serve: export GUNICORN_BIND := 127.0.0.1:$(PORT)
serve: install frontend ## The production profile on http://127.0.0.1:8000 (gunicorn + worker, no demo)
	@echo "make serve: production settings on this machine (DEBUG off, no demo, static files collected)."
	@echo "SIGNPOST_LOCAL_HTTP=1: secure cookies, the HTTPS redirect and HSTS are relaxed for plain http"
	@echo "at http://127.0.0.1:$(PORT)/ only. Never set it on a real server."
	@mkdir -p $(dir $(SERVE_KEY))
	@test -s $(SERVE_KEY) || (umask 077; $(PY) -c 'import secrets; print(secrets.token_urlsafe(64))' > $(SERVE_KEY))
	@set -e; export SECRET_KEY="$${SECRET_KEY:-$$(cat $(SERVE_KEY))}"; \
	$(PY) manage.py migrate --no-input; \
	$(PY) manage.py createcachetable; \
	$(PY) manage.py load_gazetteer; \
	$(PY) manage.py collectstatic --no-input --verbosity 0; \
	$(PY) manage.py schedule_reminders; \
	$(PY) manage.py schedule_feed_syncs; \
	echo "Signpost is at http://127.0.0.1:$(PORT)/ (health: /healthz, /readyz). Ctrl-C stops the server and the worker."; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(PY) manage.py db_worker --backend background --no-reload --interval 5 & worker=$$!; \
	$(VENV)/bin/gunicorn -c gunicorn.conf.py signpost.config.wsgi

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
