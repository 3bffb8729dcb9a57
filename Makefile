# Two commands a newcomer runs:  make demo   and   make test
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean install

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "需要 Python 3.11 (python3.11 not found; set PY=...)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/python examples/make_example.py examples/build
	$(BIN)/cnbudget parse examples/build/示例市数据管理局2025年部门预算.txt --format text
	$(BIN)/cnbudget check examples/build/示例市数据管理局2025年部门预算.txt --format text

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) examples/build .pytest_cache
