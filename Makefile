# Next Round: every target sets up what it needs. Start with `make serve` or `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MKDOCS := NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs
ISSUE_FORMS := $(filter-out %/config.yml,$(wildcard .github/ISSUE_TEMPLATE/*.yml))
LOCK_PY := --generate-hashes --python-version 3.11.5 --custom-compile-command "make lock"

.PHONY: help serve build offline test lint hooks new-guide new-template report check translation-status check-external handouts audit bench policy lock clean

# A career center's own mkdocs.yml (it INHERITs ours): make build CENTER=examples/riverside
CONFIG := $(if $(CENTER),$(CENTER)/mkdocs.yml,mkdocs.yml)
# Every edition of the site, one "code folder config" line each, the English first
# (extra.languages; nextround/cli/editions.py). Read when a recipe runs, after set-up.
EDITIONS = $(shell $(BIN)/python -m nextround.cli.editions $(CONFIG) || echo FAILED)
# Run $(1) once per edition with $$code, $$folder and $$config set; stop at the first failure.
define each_edition
@set -- $(EDITIONS); [ "$$1" != FAILED ] || exit 2; \
while [ $$# -ge 3 ]; do code=$$1 folder=$$2 config=$$3; shift 3; \
  echo "== $$code: $$config"; $(1) || exit 1; done
endef

help:
	@echo "make serve   set up, then serve every edition at http://127.0.0.1:8000 (Spanish: /es/)"
	@echo "make test    set up, then run every test (browser tests need Debian's chromium)"
	@echo "make build   strict build of every edition into site/ (CENTER=folder: a center's copy)"
	@echo "make offline zip a copy that works from file:// (next-round-offline.zip)"
	@echo "make lint    the checks pre-commit runs: ruff, Markdown, spelling, make check"
	@echo "make hooks   run those checks before each commit (pre-commit install)"
	@echo 'make new-guide SLUG=a-slug TITLE="A title"   start a draft guide'
	@echo "make new-template NAME=a-name   start a message template"
	@echo "make check   run the content checks and print the report"
	@echo "make translation-status  which translated pages are current, behind or missing"
	@echo "make check-external  check external links over the network (lychee)"
	@echo "make handouts  write the printable checklists as PDFs into handouts/ (Chromium)"
	@echo "make audit   Lighthouse scores of four pages served by nginx (reports in audit/)"
	@echo "make bench   print build-time, asset-size and page-weight figures"
	@echo "make report  print word counts and reading grades of the guides"
	@echo "make policy  write the security policy (hashes of Material's inline scripts) into deploy/"
	@echo "make lock    regenerate requirements/*.lock from pyproject.toml"

# pip installs uv (requirements/installer.lock); uv installs each lock file and
# compiles it to bytecode on every core, in about a third of pip's time. A stamp
# per lock file: the install runs again only when the pins change.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(BIN)/uv: requirements/installer.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $<
	@touch $@

$(VENV)/.%-installed: requirements/%.lock | $(BIN)/uv
	$(BIN)/uv pip install --python $(BIN)/python --quiet --require-hashes --no-deps \
		--compile-bytecode -r $<
	@touch $@

# From the npm registry, exactly as tools/package-lock.json pins them: the W3C Nu
# Html Checker (vnu.jar, run with Java), the iframe-worker shim of the offline
# copy and Lighthouse (`make audit`, run with Node; it needs no install script).
# --ignore-scripts: vnu-jar's install script would download a Java runtime; the
# tests use the system's. Without npm the HTML and offline tests skip locally
# and fail in CI.
VNU_STAMP := tools/node_modules/.installed
$(VNU_STAMP): tools/package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --prefix tools --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the HTML validity test needs it (apt-get install npm)"; fi

# Every edition at http://127.0.0.1:8000 (Spanish under /es/), rebuilt when a source changes.
serve: $(VENV)/.docs-installed
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m nextround.cli.serve -f $(CONFIG) --dev-addr 127.0.0.1:8000

# The English into site/, then each other edition into site/<code>/ (its own --clean
# empties only that folder).
build: $(VENV)/.docs-installed
	$(call each_edition,$(MKDOCS) build -f $$config --strict --clean -d $(CURDIR)/site/$$folder)

offline: $(VENV)/.docs-installed $(VNU_STAMP)
	$(BIN)/python -m nextround.cli.offline -f $(CONFIG) -o next-round-offline.zip

# One pytest-xdist worker per core; pyproject.toml keeps each test file on one worker.
# Our code is compiled to bytecode first: the tests start many builds and checks,
# each its own process, which would compile it again where PYTHONDONTWRITEBYTECODE is set.
test: $(VENV)/.test-installed $(VENV)/.properdocs-installed $(VNU_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m compileall -q hooks nextround tools/*.py
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest -n auto

# The same checks, in the same order, as .pre-commit-config.yaml.
lint: $(VENV)/.test-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python tools/lint.py markdown
	$(BIN)/python tools/lint.py spelling
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms $(ISSUE_FORMS)
	$(MAKE) --no-print-directory check

hooks: $(VENV)/.test-installed
	$(BIN)/pre-commit install
	@echo "Done: the checks of 'make lint' now run on the files of each commit."

new-guide: $(VENV)/.docs-installed
	@$(BIN)/python tools/new_page.py guide --slug="$(SLUG)" --title="$(TITLE)"

new-template: $(VENV)/.docs-installed
	@$(BIN)/python tools/new_page.py template --name="$(NAME)"

report: $(VENV)/.test-installed
	$(BIN)/python tests/prose.py

# ENGINE=properdocs builds with ProperDocs; SITE=dir checks a site that is already built.
# Every edition; with SITE=dir, the English in dir and each other edition in dir/<code>.
check: $(VENV)/.docs-installed $(if $(filter properdocs,$(ENGINE)),$(VENV)/.properdocs-installed)
	$(call each_edition,NO_MKDOCS_2_WARNING=1 $(BIN)/python -m nextround.cli.check -f $$config \
		$(if $(ENGINE),--engine $(ENGINE)) $(if $(SITE),--site-dir $(SITE)/$$folder))

# Per page and language: current, behind by N changes of the English page, missing, no source.
translation-status: $(VENV)/.docs-installed
	$(BIN)/python -m nextround.cli.translation_status -f $(CONFIG)

check-external: $(VENV)/.test-installed
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m nextround.cli.external_links

# PDFs of the booklet and of every checklist, A4 and Letter, printed by Debian's Chromium.
handouts: $(VENV)/.test-installed
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m nextround.cli.handouts -f $(CONFIG) --out handouts

# Lighthouse, mobile settings, on four pages behind deploy/nginx.conf; nothing leaves 127.0.0.1.
audit: $(VENV)/.docs-installed $(VNU_STAMP)
	$(BIN)/python -m nextround.cli.audit --out audit

bench: $(VENV)/.test-installed $(VENV)/.bench-installed
	NO_MKDOCS_2_WARNING=1 PYTHONPATH=. $(BIN)/python tests/bench/page_budget.py
	NO_MKDOCS_2_WARNING=1 PYTHONPATH=. $(BIN)/python tests/bench/long_tasks.py
	NO_MKDOCS_2_WARNING=1 $(BIN)/python tests/bench/build_bench.py

# After upgrading Material: the hashes of its inline scripts into every recipe in deploy/.
policy: $(VENV)/.docs-installed
	$(BIN)/python -m nextround.cli.policy --write

lock: $(VENV)/.test-installed
	$(BIN)/uv pip compile pyproject.toml $(LOCK_PY) -o requirements/docs.lock
	$(BIN)/uv pip compile pyproject.toml --extra test $(LOCK_PY) -o requirements/test.lock
	grep '^uv==' requirements/test.lock | cut -d' ' -f1 \
		| $(BIN)/uv pip compile - $(LOCK_PY) -o requirements/installer.lock
	$(BIN)/uv pip compile pyproject.toml --extra bench $(LOCK_PY) -o requirements/bench.lock
	$(BIN)/uv pip compile pyproject.toml --extra properdocs $(LOCK_PY) \
		-c requirements/docs.lock -o requirements/properdocs.lock

clean:
	rm -rf site .cache handouts audit next-round-offline.zip
