# The Paris declaration explained. `make help` lists the targets; each sets up .venv on first use.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON_BASE ?= python3.11
VENV := .venv
PYTHON := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed-from-lock
# Material's end-of-life banner on every run says nothing to an editor.
export NO_MKDOCS_2_WARNING := 1
# `python -m` puts the repository on sys.path: hooks, checks and tests import `declaration`.
MKDOCS := $(PYTHON) -m mkdocs
LOCAL_URL := http://127.0.0.1:8000/

.PHONY: help serve build check repin test audit audit-deps lock clean

help: ## Show this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(INSTALLED): requirements.lock
	$(PYTHON_BASE) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

serve: $(INSTALLED) ## Serve the site on http://127.0.0.1:8000, rebuilt on every change
	SITE_URL=$(LOCAL_URL) $(MKDOCS) serve --strict --dev-addr 127.0.0.1:8000

# Built aside and moved into site/ only when the strict build passed: a failed build publishes
# nothing. Never add -q: with it, --strict lets warnings pass.
build: $(INSTALLED) ## Build site/ strictly: any warning fails and leaves site/ as it was
	rm -rf site.partial
	$(MKDOCS) build --strict --site-dir site.partial 2>&1 | { grep -v '^INFO' || true; }
	rm -rf site && mv site.partial site

check: $(INSTALLED) ## Run the checks an editor runs before a pull request
	$(PYTHON) -m scripts.check

repin: $(INSTALLED) ## After a deliberate change of the French text: pin its new SHA-256
	$(PYTHON) -m scripts.check repin

NODE_TOOLS := node_modules/.installed
$(NODE_TOOLS): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

test: $(INSTALLED) $(NODE_TOOLS) ## Run every test (checks, build, browser, workflow linters)
	$(PYTHON) -m pytest

AUDIT_TOOLS := scripts/audit/node_modules/.installed
$(AUDIT_TOOLS): scripts/audit/package-lock.json
	# --ignore-scripts: vnu-jar's install script would download a Java runtime.
	npm ci --prefix scripts/audit --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

audit: $(INSTALLED) $(AUDIT_TOOLS) ## Measure every page: Lighthouse, axe, Nu Html Checker, weight (a benchmark)
	$(PYTHON) -m scripts.audit $(AUDIT_ARGS)

# --strict: a dependency that could not be looked up fails, rather than pass unaudited.
audit-deps: $(INSTALLED) ## Look up the locked dependencies in the vulnerability databases (needs the network)
	$(PYTHON) -m pip_audit --strict --requirement requirements.lock --require-hashes --disable-pip --progress-spinner off

lock: ## Re-pin requirements.in into requirements.lock, with hashes
	$(PYTHON_BASE) -m venv .lock-tools
	.lock-tools/bin/pip install --quiet --disable-pip-version-check pip-tools
	.lock-tools/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file requirements.lock requirements.in
	rm -rf .lock-tools

clean: ## Remove the built site and the virtual environment
	rm -rf site site.partial .audit node_modules scripts/audit/node_modules $(VENV)
