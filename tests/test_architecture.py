"""The pipeline is the folder layout: a stage imports only from itself, the stages before it
and the shared base modules (STYLE.md, 1).  And every registered reader is documented and
tested (STYLE.md, 8)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "cnbudget"
TESTS = Path(__file__).resolve().parent

# stage → stages it must not import (anything later in the pipeline)
LATER = ["tables", "narrative", "checks", "render", "produce", "store", "batch", "compare", "web"]
FORBIDDEN = {
    "readers": LATER,
    "codes": ["readers", *LATER],
    "tables": LATER[1:],
    "narrative": LATER[2:],
    "checks": LATER[3:],
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cnbudget."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("cnbudget."):
                    found.add(alias.name.split(".")[1])
    return found


@pytest.mark.parametrize("stage", sorted(FORBIDDEN))
def test_stage_imports_only_earlier_stages(stage: str) -> None:
    bad = []
    for path in sorted((SRC / stage).rglob("*.py")):
        for imported in _imports(path) & set(FORBIDDEN[stage]):
            bad.append(f"{path.relative_to(SRC)} imports cnbudget.{imported}")
    assert not bad, bad


def test_every_reader_is_documented_and_tested() -> None:
    from cnbudget.readers import READERS

    test_text = "\n".join(p.read_text(encoding="utf-8") for p in (TESTS / "readers").glob("test_*.py"))
    test_text += "\n".join(p.read_text(encoding="utf-8") for p in (TESTS / "tables").glob("test_*.py"))
    for fmt in ("text", "pdf", "xlsx", "xls", "docx", "html"):
        assert fmt in READERS
        module = SRC / "readers" / f"{fmt}.py"
        assert ast.get_docstring(ast.parse(module.read_text(encoding="utf-8"))), f"{module} has no docstring"
    for fmt in ("pdf", "xlsx", "xls", "docx", "html"):
        assert f"{fmt}" in test_text, f"no test mentions the {fmt} reader"


def test_every_package_lists_its_modules() -> None:
    for pkg in ("readers", "tables", "narrative", "checks", "codes", "render"):
        init = SRC / pkg / "__init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        modules = [p.stem for p in (SRC / pkg).glob("*.py") if p.stem != "__init__"]
        missing = [m for m in modules if m not in doc]
        assert not missing, f"{pkg}/__init__.py docstring does not mention {missing}"
