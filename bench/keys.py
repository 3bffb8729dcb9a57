"""Cell keys of the seed documents: every numeric cell of their financial tables.

A key file (``bench/keys/<seed>.json``) lists, for one seed, each cell as
``{"table", "n", "row", "column", "value", "line"}``: the table kind, which table of that
kind (0, 1, …), the row key (code, item, ``side:item`` for summary tables, or name), the
column id, the value exactly as printed (after removing separators), and the source line.

The keys were produced with ``python bench/keys.py --write`` and then checked by reading each
seed against them (and ``tests/tables/test_seed_keys.py`` checks that every value stands in
its source line).  ``bench/run.py`` measures the share of cells read exactly.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cnbudget.model import Disclosure

FINANCIAL = (
    "summary", "income", "expenditure", "fiscal_summary", "general_expenditure", "basic_expenditure",
    "three_public", "gov_fund", "state_capital", "economic_summary", "projects", "carryover",
    "procurement", "purchased_services",
)
KEYS = Path(__file__).resolve().parent / "keys"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def row_key(row) -> str:
    if row.side:
        return f"{row.side}:{row.item or row.name}"
    return row.code or row.item or row.name or "?"


def cells(d: Disclosure) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    counter: dict[str, int] = {}
    for t in d.tables:
        if t.kind not in FINANCIAL:
            continue
        n = counter.get(t.kind, 0)
        counter[t.kind] = n + 1
        seen: dict[str, int] = {}
        for r in t.rows:
            key = row_key(r)
            k = seen.get(key, 0)
            seen[key] = k + 1
            if k:
                key = f"{key}#{k + 1}"
            for cid, v in r.values.items():
                out.append(
                    {"table": t.kind, "n": n, "row": key, "column": cid, "value": format(v, "f"), "line": r.source.line}
                )
    return out


def main() -> None:
    from cnbudget.parse import parse_file

    if "--write" not in sys.argv:
        print(__doc__)
        return
    KEYS.mkdir(exist_ok=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        key = cells(parse_file(seed))
        path = KEYS / (seed.name.split("_")[0] + ".json")
        path.write_text(json.dumps(key, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        print(path, len(key))


if __name__ == "__main__":
    main()
