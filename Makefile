# Two commands do all the set-up on a fresh machine:
#   make demo   install, then open clerk on the sample meeting in a scratch database
#   make test   install, then run the whole test suite
# Both create a virtual environment in .venv; nothing is installed outside it except, for the
# tests, the Debian packages they drive (LibreOffice to open the .docx files, tmux for the
# real-terminal test, Chromium for `clerk serve` in a browser).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SYSTEM_PACKAGES := libreoffice-writer-nogui tmux chromium

.PHONY: demo test install system-deps lint bench lock clean

demo: install
	$(BIN)/clerk demo

test: install system-deps
	$(BIN)/ruff check clerk tests benchmarks scripts
	$(BIN)/ruff format --check clerk tests benchmarks scripts
	$(BIN)/lint-imports
	$(BIN)/mypy clerk
	$(BIN)/pytest

install: $(VENV)/.installed

# The test tools at the versions in requirements-test.lock (constraints: what is tested is
# what CI installs); `make lock` writes the file again from a fresh environment.
$(VENV)/.installed: pyproject.toml requirements-test.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements-test.lock -e '.[test]'
	touch $@

system-deps:
	@if ! command -v soffice >/dev/null 2>&1 || ! command -v tmux >/dev/null 2>&1 \
		|| ! command -v chromium >/dev/null 2>&1; then \
		echo "Installing $(SYSTEM_PACKAGES) (needed by the tests)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(SYSTEM_PACKAGES); \
	fi

lint: install
	$(BIN)/ruff check clerk tests benchmarks scripts
	$(BIN)/ruff format --check clerk tests benchmarks scripts
	$(BIN)/ruff format --check clerk tests benchmarks scripts

bench: install
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e '.[test]'
	{ echo "# The test environment as tested: pip install -c requirements-test.lock -e '.[test]'"; \
	  echo "# Written by \`make lock\` (pip freeze of a fresh install of .[test]); do not edit."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable; } > requirements-test.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .hypothesis .import_linter_cache .grimp_cache
