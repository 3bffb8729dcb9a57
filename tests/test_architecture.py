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


# --- no import cycles ---------------------------------------------------------------------------


def _module_name(path: Path) -> str:
    parts = ["cnbudget", *path.relative_to(SRC).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_graph() -> dict[str, set[str]]:
    """cnbudget module → the cnbudget modules it imports, at module level or inside a function.

    ``from cnbudget.a import b`` points at ``cnbudget.a.b`` when that is a module, else at
    ``cnbudget.a``; relative imports are resolved against the importing module's package.
    """
    paths = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in paths}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in paths else base for a in node.names]
            for t in targets:
                while t and t not in paths and "." in t:
                    t = t.rsplit(".", 1)[0]
                if t in paths and t != name:
                    graph[name].add(t)
    return graph


def import_groups(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return sorted(groups)


def cycle_in(group: list[str], graph: dict[str, set[str]]) -> list[str]:
    """A shortest cycle through the group's first module (breadth-first, inside the group)."""
    members, start = set(group), group[0]
    paths = {n: [start, n] for n in sorted(graph[start] & members)}
    queue = list(paths)
    while start not in paths and queue:
        node = queue.pop(0)
        for nxt in sorted(graph[node] & members):
            if nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                queue.append(nxt)
    return paths[start]


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each group of modules that import each other."""
    return [cycle_in(g, graph) for g in import_groups(graph)]


def test_cycle_finder_names_a_function_level_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert import_cycles(graph) == [["a", "b", "c", "a"]]
    assert import_cycles({"a": {"b"}, "b": set()}) == []


def test_the_module_graph_sees_function_level_imports() -> None:
    graph = _module_graph()
    # cli_render imports produce.build inside the command function only
    assert "cnbudget.produce.build" in graph["cnbudget.cli_render"]


def test_no_import_cycles_anywhere() -> None:
    graph = _module_graph()
    problems = [" → ".join(cycle_in(g, graph)) + (f" (all of {', '.join(g)} import each other)" if len(g) > 2 else "")
                for g in import_groups(graph)]
    assert not problems, "import cycles: " + "; ".join(problems)
