# Two commands on a fresh machine:
#   make demo   create the environment and check the project's example articles
#   make test   create the environment and run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= $(CURDIR)/out/demo.db

.PHONY: demo test lint snapshots install bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(BIN)/.installed

demo: install
	mkdir -p out && rm -f $(DEMO_DB)
	$(BIN)/newsift --db $(DEMO_DB) index examples/*.json
	@# outlet ratings: from the public copies beside the project when present (else `newsift sources update` fetches them)
	if [ -d ../shared/data/sources ]; then $(BIN)/newsift --db $(DEMO_DB) sources update --from ../shared/data/sources; fi
	$(BIN)/newsift --db $(DEMO_DB) check examples/valley-wire-bridge-closure.json
	$(BIN)/newsift --db $(DEMO_DB) check examples/valley-wire-bridge-closure.json --format html -o out/valley-wire-bridge-closure.html
	@echo "Report page (open it in a browser): $(CURDIR)/out/valley-wire-bridge-closure.html"

lint: install
	$(BIN)/ruff check newsift tests
	$(BIN)/mypy newsift

test: lint
	$(BIN)/python -m pytest -q -p no:cacheprovider

snapshots: install  # record the reports the snapshot tests compare against, and the README's screenshots (read the diff first)
	NEWSIFT_UPDATE_SNAPSHOTS=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/core/test_report_snapshots.py
	NEWSIFT_UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/web/test_browser.py

clean:
	rm -rf $(VENV) out *.egg-info
