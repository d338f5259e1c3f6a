# The Paris declaration explained. `make help` lists the targets; each sets up .venv on first use.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON_BASE ?= python3.11
VENV := .venv
PYTHON := $(VENV)/bin/python
PIP := $(PYTHON) -m pip --quiet --disable-pip-version-check
# What builds the site, and what tests it: two locks, so that the deploy installs only the first.
SITE_INSTALLED := $(VENV)/.installed-site
TEST_INSTALLED := $(VENV)/.installed-test
# Material's end-of-life banner on every run says nothing to an editor.
export NO_MKDOCS_2_WARNING := 1
MKDOCS := $(VENV)/bin/mkdocs
LOCAL_URL := http://127.0.0.1:8000/

.PHONY: help serve build check repin citation new-language test bench audit audit-deps lock clean

help: ## Show this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

# The project itself is installed editable, so that hooks and tools import it by package, and
# the plain `mkdocs` command works as well as these targets.
$(SITE_INSTALLED): requirements.lock pyproject.toml
	$(PYTHON_BASE) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation --editable .
	touch $@

$(TEST_INSTALLED): $(SITE_INSTALLED) requirements-test.lock
	$(PIP) install --require-hashes --no-deps -r requirements-test.lock
	touch $@

# cffconvert validates CITATION.cff in the tests; it pins jsonschema below 4, which the tests'
# own lock cannot hold, so it has a virtual environment of its own.
CFFCONVERT_INSTALLED := $(VENV)/cffconvert/.installed
$(CFFCONVERT_INSTALLED): requirements-cffconvert.lock
	$(PYTHON_BASE) -m venv $(VENV)/cffconvert
	$(VENV)/cffconvert/bin/python -m pip --quiet --disable-pip-version-check install --require-hashes --no-deps \
		-r requirements-cffconvert.lock
	touch $@

serve: $(SITE_INSTALLED) ## Serve the site on http://127.0.0.1:8000, rebuilt on every change
	SITE_URL=$(LOCAL_URL) $(MKDOCS) serve --strict --dev-addr 127.0.0.1:8000

# The gate of every publication, and of every pull request's preview: the inputs are checked
# before anything is built, the site is built aside, under a budget of time and memory, and every
# check reads what the pages say as built and what was published; site/ is replaced only when all
# pass, so that what is checked is what is published. `make check` is the same gate, built aside
# and thrown away.
build: $(SITE_INSTALLED) ## Check the inputs, build site/ strictly, check what was built: any failure leaves site/ as it was
	rm -rf site.partial
	$(PYTHON) -m scripts.check --site-dir site.partial
	rm -rf site && mv site.partial site

check: $(SITE_INSTALLED) ## Run every check, as `make build` does, without keeping the site
	$(PYTHON) -m scripts.check

repin: $(SITE_INSTALLED) ## After a deliberate change of the French text: pin its new SHA-256
	$(PYTHON) -m scripts.check repin

citation: $(SITE_INSTALLED) ## Write CITATION.cff (how to cite this site) from the data
	$(PYTHON) -m scripts.citation_file

new-language: $(SITE_INSTALLED) ## Scaffold a language of the site: make new-language CODE=uk
	@test -n "$(CODE)" || { echo "usage: make new-language CODE=uk" >&2; exit 2; }
	$(PYTHON) -m scripts.new_language $(CODE)

NODE_TOOLS := node_modules/.installed
$(NODE_TOOLS): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

test: $(TEST_INSTALLED) $(CFFCONVERT_INSTALLED) $(NODE_TOOLS) ## Run every test (checks, build, browser, workflow linters)
	$(PYTHON) -m pytest

AUDIT_TOOLS := scripts/audit/node_modules/.installed
$(AUDIT_TOOLS): scripts/audit/package-lock.json
	# --ignore-scripts: vnu-jar's install script would download a Java runtime.
	npm ci --prefix scripts/audit --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

audit: $(TEST_INSTALLED) $(AUDIT_TOOLS) ## Measure every page: Lighthouse, axe, Nu Html Checker, weight (a benchmark)
	$(PYTHON) -m scripts.audit $(AUDIT_ARGS)

bench: $(TEST_INSTALLED) $(CFFCONVERT_INSTALLED) $(NODE_TOOLS) ## Measure growth, the gate's time and the suite's (a benchmark): make bench WHAT=growth
	$(PYTHON) -m scripts.bench $(WHAT)

# --strict: a dependency that could not be looked up fails, rather than pass unaudited.
audit-deps: $(TEST_INSTALLED) ## Look up the locked dependencies in the vulnerability databases (needs the network)
	for lock in requirements.lock requirements-test.lock requirements-cffconvert.lock; do \
		$(PYTHON) -m pip_audit --strict --requirement $$lock --require-hashes --disable-pip --progress-spinner off; \
	done

# The test lock is compiled against the site's (-c requirements.lock in requirements-test.in).
lock: ## Re-pin requirements.in, requirements-test.in and requirements-cffconvert.in, with hashes
	$(PYTHON_BASE) -m venv .lock-tools
	.lock-tools/bin/pip install --quiet --disable-pip-version-check pip-tools
	for name in requirements requirements-test requirements-cffconvert; do \
		.lock-tools/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
			--no-emit-find-links --output-file $$name.lock $$name.in; \
	done
	rm -rf .lock-tools

clean: ## Remove the built site and the virtual environment
	rm -rf site site.partial .audit .cache node_modules scripts/audit/node_modules $(VENV) *.egg-info
