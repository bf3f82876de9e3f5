# Quartiersschau — every target sets up its own virtual environment first.
# `make html` builds the demo site into output/, `make test` runs all checks.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
PELICAN := $(BIN)/pelican
TITLE ?=
SITE ?=
N ?= 1000
PORT ?= 8000

.PHONY: html publish serve devserver test lint format validate new-site new-project new-story bench bench-images golden clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

html: $(STAMP)
	$(PELICAN) content -s pelicanconf.py

publish: $(STAMP)
	$(PELICAN) content -s publishconf.py

serve: $(STAMP)
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory output

devserver: $(STAMP)
	$(BIN)/python scripts/devserver.py --port $(PORT)

validate: $(STAMP)
	$(BIN)/python scripts/validate.py

new-site: $(STAMP)
	$(BIN)/python scripts/new_record.py site --title "$(TITLE)"

new-project: $(STAMP)
	$(BIN)/python scripts/new_record.py project --title "$(TITLE)" --site "$(SITE)"

new-story: $(STAMP)
	$(BIN)/python scripts/new_record.py story --title "$(TITLE)"

bench: $(STAMP)
	$(BIN)/python scripts/bench.py $(N)

bench-images: $(STAMP)
	$(BIN)/python scripts/bench_images.py $(or $(IMAGES),200)

golden: $(STAMP)
	$(BIN)/python scripts/update_golden.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint $(NODE_STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf output output.tmp-build output.old .cache node_modules
