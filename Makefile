# Set-up and everyday commands. `make run` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run demo test test-packaging dist-linux translations benchmark clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/huurdersgroep $(ARGS)

demo: $(STAMP)
	$(BIN)/huurdersgroep --demo $(ARGS)

test: $(STAMP)
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(ARGS)

# The wheel in a fresh venv, the frozen build and its .deb installed (minutes; .ci/run runs it).
test-packaging: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m packaging tests/packaging $(ARGS)

# dist/: the frozen one-folder program as .tar.gz and .deb (see installer/README.md).
dist-linux: $(STAMP)
	PYTHON=$(BIN)/python installer/build_linux.sh

translations: $(STAMP)
	$(BIN)/python -m huurdersgroep_app.i18n_tools compile

benchmark: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_foundation.py
	$(BIN)/python benchmarks/bench_meetings.py
	$(BIN)/python benchmarks/bench_finance.py
	$(BIN)/python benchmarks/bench_bank.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_meetings_gui.py

clean:
	rm -rf $(VENV) build dist *.egg-info translations/*.mo
