# Two commands for a newcomer: `make run` (demo site) and `make test` (whole suite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
# Two workers suit the 2-core machines this runs on; `make test PYTEST_WORKERS=0` runs serially.
PYTEST_WORKERS ?= 2

.PHONY: install run test lint format clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $@

run: export DEBUG := true
# The demo site's address (full URLs in sitemap.xml and hreflang) follows the port served.
run: export BASE_URL := http://$(HOST):$(PORT)
run: install
	$(BIN)/python manage.py migrate --noinput
	# Index the demo as it is written, so the worker does not start with a backlog of updates
	# for rows the demo has already replaced.
	TASKS_BACKEND=immediate $(BIN)/python manage.py load_demo
	@echo "Serving http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/) with a background worker. Ctrl+C stops both."
	# Notifications a stopped worker left pending go out again first.
	$(BIN)/python manage.py send_pending_notifications
	# The worker without Django's autoreloader (which re-reads every source file each second:
	# 7% of a core while idle) and looking for work every 5 s (0.1%): docs/performance.md.
	$(BIN)/python manage.py db_worker --queue-name '*' --no-reload --interval 5 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .venv312 staticfiles .test-cache
