# Two commands a newcomer runs:  make demo   and   make test
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSDEPS := $(VENV)/.system-deps
EXAMPLE := examples/build/示例市数据管理局2025年部门预算.txt

.PHONY: demo test lint bench corpus clean install system-deps

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "需要 Python 3.11 (python3.11 not found; run: make PY=python3 …)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

# Debian packages for PDF rendering, browser tests, CJK fonts and the PostgreSQL tests.
# Installed when we are root on a Debian machine; elsewhere the tests that need them skip
# with a reason.
$(SYSDEPS): | $(STAMP)
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  missing=""; for p in chromium fonts-noto-cjk postgresql; do \
	    dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then \
	    echo "installing Debian packages:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) \
	      || echo "warning: could not install$$missing; tests that need them will skip"; \
	  fi; \
	else echo "note: not root or no apt-get; browser/PDF/PostgreSQL tests will skip if their tools are absent"; fi
	touch $(SYSDEPS)

install: $(STAMP)

system-deps: $(SYSDEPS)

demo: $(STAMP)
	$(BIN)/python examples/make_example.py examples/build
	$(BIN)/cnbudget parse "$(EXAMPLE)" --format text
	$(BIN)/cnbudget check "$(EXAMPLE)" --format text
	$(BIN)/cnbudget parse "$(EXAMPLE)" --format json > examples/build/example.json
	$(BIN)/cnbudget render examples/build/example.json --to html --output examples/build/example.html
	@echo "示例公开文件与 HTML 版本在 examples/build/ (the example disclosure and its HTML rendering)"

test: $(STAMP) $(SYSDEPS)
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

bench: $(STAMP)
	$(BIN)/python bench/run.py --install-camelot

# The corpus benchmark: every document of ../shared/corpus read and checked (not a test).
corpus: $(STAMP)
	$(BIN)/python bench/corpus.py

clean:
	rm -rf $(VENV) examples/build .pytest_cache
