# Quartiersschau — every target sets up its own virtual environment first.
# `make html` builds the demo site into output/, `make test` runs all checks.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP := $(VENV)/.installed-dev
NODE_STAMP := node_modules/.installed
PELICAN := $(BIN)/pelican
TITLE ?=
SITE ?=
N ?= 1000
PORT ?= 8000
# The programme to build: a folder with pelicanconf.py, data/ and content/ (default: the demo at the top).
PROGRAMME ?= .

# The site needs node_modules too: Decap CMS (the web editor under /admin/) is copied from it.
.PHONY: cms format-content
.PHONY: html publish serve devserver test lint format validate new-site new-project new-story new-event new-call new-programme bench bench-images bench-preview golden clean system-packages screenshots

# Building the site needs only the runtime requirements; test, lint and format add the
# test tools (requirements-dev.txt, which includes requirements.txt).
$(RUNTIME_STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(DEV_STAMP): $(RUNTIME_STAMP) requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Chromium, the DejaVu fonts and npm from apt when missing (no stamp: quick when present).
system-packages:
	bash scripts/system_packages.sh

$(NODE_STAMP): package.json package-lock.json
	bash scripts/system_packages.sh npm
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

html: $(RUNTIME_STAMP) $(NODE_STAMP)
	$(PELICAN) -s $(PROGRAMME)/pelicanconf.py

publish: $(RUNTIME_STAMP) $(NODE_STAMP)
	$(PELICAN) -s $(PROGRAMME)/publishconf.py

serve: $(RUNTIME_STAMP)
	$(BIN)/python scripts/devserver.py --serve-only --port $(PORT) --programme $(PROGRAMME)

devserver: $(RUNTIME_STAMP)
	$(BIN)/python scripts/devserver.py --port $(PORT) --programme $(PROGRAMME)

# The web editor locally: decap-server (port 8081) in the background, the devserver in front.
cms: $(RUNTIME_STAMP) $(NODE_STAMP)
	bash scripts/cms.sh "$(PROGRAMME)" "$(PORT)"

# Every record of a programme in its canonical form (docs/architecture.md, "Web editor").
format-content: $(RUNTIME_STAMP)
	$(BIN)/python scripts/format_content.py --programme $(PROGRAMME)

validate: $(RUNTIME_STAMP)
	$(BIN)/python scripts/validate.py --programme $(PROGRAMME)

new-site: $(RUNTIME_STAMP)
	$(BIN)/python scripts/new_record.py site --title "$(TITLE)" --root $(PROGRAMME)

new-project: $(RUNTIME_STAMP)
	$(BIN)/python scripts/new_record.py project --title "$(TITLE)" --site "$(SITE)" --root $(PROGRAMME)

new-event: $(RUNTIME_STAMP)
	$(BIN)/python scripts/new_record.py event --title "$(TITLE)" --site "$(SITE)" --root $(PROGRAMME)

new-call: $(RUNTIME_STAMP)
	$(BIN)/python scripts/new_record.py call --title "$(TITLE)" --root $(PROGRAMME)

new-programme: $(RUNTIME_STAMP)
	$(BIN)/python scripts/new_programme.py "$(DIR)" --name "$(NAME)"

new-story: $(RUNTIME_STAMP)
	$(BIN)/python scripts/new_record.py story --title "$(TITLE)" --root $(PROGRAMME)

bench: $(RUNTIME_STAMP)
	$(BIN)/python scripts/bench.py $(N)

bench-images: $(RUNTIME_STAMP)
	$(BIN)/python scripts/bench_images.py $(or $(IMAGES),200)

# Save → shown in Chromium through the devserver (Chromium and Playwright come with the tests' setup).
bench-preview: system-packages $(DEV_STAMP) $(NODE_STAMP)
	$(BIN)/python scripts/bench_preview.py $(or $(N),1000)

golden: $(RUNTIME_STAMP)
	$(BIN)/python scripts/update_golden.py

# Screenshots for docs/redaktion.md from the built output/ (builds nothing: `make html` first).
screenshots: system-packages $(DEV_STAMP)
	$(BIN)/python scripts/screenshots.py $(PROGRAMME)/output --programme $(PROGRAMME) --error-page

lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(DEV_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: system-packages lint $(NODE_STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf output output.tmp-build* output.old-* output.spare-* output.lock .cache node_modules
