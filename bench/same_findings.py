"""Are two corpus runs' findings the same?  For a change that must not change one finding
(speed work, a refactoring): every document's findings — key, rule, severity, table, row,
column, page, message, in order — and its coverage, compared between two ``bench/out/corpus``
folders.

    .venv/bin/python bench/same_findings.py BEFORE_DIR AFTER_DIR     # exit 1 on any difference
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

FIELDS = ("key", "rule", "severity", "table", "row", "column", "page", "message")


def findings(rec: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [tuple(f.get(k) for k in FIELDS) for f in rec.get("findings", [])]


def differences(before: Path, after: Path) -> list[str]:
    out: list[str] = []
    names = sorted({p.name for p in before.glob("*.json")} | {p.name for p in after.glob("*.json")})
    for name in names:
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            out.append(f"{name}: only in {'after' if not a.exists() else 'before'}")
            continue
        ra, rb = json.loads(a.read_text(encoding="utf-8")), json.loads(b.read_text(encoding="utf-8"))
        if ra.get("status") != rb.get("status"):
            out.append(f"{name}: status {ra.get('status')} → {rb.get('status')}")
            continue
        fa, fb = findings(ra), findings(rb)
        if fa != fb:
            gone = [f for f in fa if f not in fb]
            new = [f for f in fb if f not in fa]
            what = "order" if not gone and not new else f"{len(gone)} gone, {len(new)} new"
            out.append(f"{name}: findings differ ({what}): {(gone + new)[:2]}")
        if ra.get("coverage") != rb.get("coverage"):
            out.append(f"{name}: coverage {ra.get('coverage')} → {rb.get('coverage')}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    a = ap.parse_args()
    diffs = differences(a.before, a.after)
    for line in diffs:
        print(line)
    n = len(list(a.after.glob("*.json")))
    print(f"{len(diffs)} differences over {n} documents" if diffs else f"findings and coverage identical on all {n} documents")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
