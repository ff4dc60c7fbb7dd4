# One command to serve the site, one to run every test; both set everything up first.
.PHONY: serve test check fuzz lint bench lighthouse browser scripts clean

VENV   ?= .venv
PY     := $(VENV)/bin/python
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
# Defined before the rules that need it: make reads a rule's prerequisites as it meets them.
NODE_TOOLS := node_modules/.installed

# MkDocs rebuilds on a change to the pages, the script or the styles; a change to the plugin's
# or the extension's Python needs a fresh process, so watchmedo restarts it.
serve: $(VENV)/.installed
	$(VENV)/bin/watchmedo auto-restart --directory=debrief --directory=hooks --pattern='*.py' \
		--recursive --debounce-interval=1 -- $(VENV)/bin/mkdocs serve

test: $(VENV)/.installed $(NODE_TOOLS) browser
	$(VENV)/bin/ruff check .
	$(MAKE) --no-print-directory scripts
	$(PY) -m pytest -n 2  # two workers: the machines here have two cores

# The edit loop: lint and every test that needs no browser.
check: $(VENV)/.installed $(NODE_TOOLS)
	$(VENV)/bin/ruff check .
	$(MAKE) --no-print-directory scripts
	$(PY) -m pytest -m "not browser"

# The scripts: lint and format (Biome), then their pure parts and the model test under Node's
# own runner (a few hundred sequences; `make fuzz` runs 10,000).
scripts: $(NODE_TOOLS)
	node_modules/.bin/biome check debrief/assets tests/js
	node --test tests/js/

bench: $(VENV)/.installed browser
	$(PY) bench/bench.py

# A longer fuzzing run than the default tests make: generated blocks (and, with the browser,
# generated stored documents). SEED picks the examples; the same seed finds the same ones.
SEED ?= 20261122
fuzz: $(VENV)/.installed $(NODE_TOOLS) browser
	DEBRIEF_MODEL_RUNS=10000 DEBRIEF_MODEL_SEED=$(SEED) node --test tests/js/
	DEBRIEF_FUZZ_EXAMPLES=2000 $(PY) -m pytest -p no:randomly -k fuzz --hypothesis-seed=$(SEED) \
		--hypothesis-show-statistics

# Lighthouse from npm, offline against the built site with the same Chromium.
lighthouse: $(VENV)/.installed browser
	cd bench && npm install --no-audit --no-fund --silent
	$(PY) bench/lighthouse.py

browser: $(VENV)/.installed
	scripts/ensure-browser.sh $(PY)

# Node.js (20 or newer) runs the scripts' tests and linter; npm installs those tools, pinned by
# package-lock.json. The site itself ships none of them.
$(NODE_TOOLS): package.json package-lock.json
	@node -e 'process.exit(Number(process.versions.node.split(".")[0]) < 20 ? 1 : 0)' 2>/dev/null || \
		{ echo "Debrief's script tests need Node.js 20 or newer (https://nodejs.org/)."; exit 1; }
	npm ci --no-audit --no-fund --silent
	touch $@

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("Debrief needs Python 3.11 or newer" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[handbook,test]'  # the handbook's theme, and the tests' tools
	touch $@

clean:
	rm -rf $(VENV) site bench/out bench/node_modules node_modules .cache docs/assets/debrief
