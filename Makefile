# The two Quickstart commands (make demo, make test) create .venv and build the package when needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BUILT := src/mlebench_fast/_native/_built_from.json

.PHONY: demo test bench build clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall when the dependencies change; rebuild the extension when a native source changes.
$(STAMP): pyproject.toml setup.py | $(PY)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

$(BUILT): $(STAMP) $(wildcard csrc/*.pyx csrc/*.pxd)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(BUILT)

build: $(BUILT)

demo: build
	$(PY) -m mlebench_fast demo

test: build
	$(PY) -m pytest -q

bench: build
	$(PY) -m pytest benchmarks -q

clean:
	rm -rf $(VENV) build src/*.egg-info src/mlebench_fast/_native/*.so $(BUILT)
