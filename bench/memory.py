"""Memory: peak Python allocations (tracemalloc) while parsing and checking a document, and
the process's maximum resident set (``resource.getrusage``) in a fresh subprocess.

    .venv/bin/python bench/memory.py FILE...        # one JSON line per file
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def traced_peak(path: Path) -> dict[str, float]:
    """Peak bytes allocated by Python while parsing, and while checking, ``path``."""
    from cnbudget.checks import check_disclosure
    from cnbudget.parse import parse_file

    check_disclosure(parse_file(path))  # warm-up: imports and catalogs are not the document's
    tracemalloc.start()
    try:
        d = parse_file(path)
        parse_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        check_disclosure(d)
        check_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return {"parse": float(parse_peak), "check": float(check_peak), "peak": float(max(parse_peak, check_peak))}


def _maxrss() -> float:
    """This process's maximum resident set, in bytes (Linux reports KiB)."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return float(kb * (1 if sys.platform == "darwin" else 1024))


def child(path: Path) -> dict[str, float]:
    """In this (fresh) process: max RSS after importing, then after parse + check."""
    from cnbudget.checks import all_rules, check_disclosure
    from cnbudget.parse import parse_file

    all_rules()
    after_import = _maxrss()
    check_disclosure(parse_file(path))
    return {"import": after_import, "maxrss": _maxrss()}


def subprocess_rss(path: Path) -> dict[str, float]:
    """``child(path)`` run in a new interpreter (the same one as this)."""
    res = subprocess.run([sys.executable, str(Path(__file__).resolve()), str(path)], capture_output=True,
                         text=True, cwd=ROOT, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def measure(path: Path) -> dict[str, float]:
    return {**traced_peak(path), **subprocess_rss(path)}


def markdown(rows: dict[str, dict[str, float]]) -> str:
    lines = ["| document | parse peak MiB (tracemalloc) | check peak MiB | max RSS after import MiB "
             "| max RSS after parse + check MiB |", "|---|---|---|---|---|"]
    for name, m in rows.items():
        lines.append(f"| {name} | {m['parse'] / 2**20:.1f} | {m['check'] / 2**20:.1f} | {m['import'] / 2**20:.0f} "
                     f"| {m['maxrss'] / 2**20:.0f} |")
    return "\n".join(lines)


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(json.dumps(child(Path(arg))))
