"""Detection on real documents: one amount of a parsed corpus disclosure changed, then checked.

For 20 corpus documents of the key (``bench/corpus_key/``, one or two per city, those whose
tables were read reliably), the parsed ``Disclosure`` is mutated in memory — one figure of a
financial table changed, as ``bench/detection.py`` changes the text of the seeds:

- ``digit``      one digit replaced by another;
- ``transpose``  two adjacent, different digits swapped;
- ``shift``      the decimal point moved by one place.

A mutant is *caught* when ``check_disclosure`` reports an error or warning whose (rule, table,
row, column) the unmutated document does not have.  Only figures an identity of their own table
reaches are mutated (``_constrained``: the 合计 column of a coded row or of a total line, the
items of a 三公 table), so a miss is a miss of the checker, not of a figure nothing constrains.

    .venv/bin/python bench/detection_corpus.py [--per-doc N]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
KEY_DIR = ROOT / "bench" / "corpus_key"
DOCUMENTS = 20
KINDS = ("summary", "income", "expenditure", "fiscal_summary", "general_expenditure", "basic_expenditure",
         "gov_fund", "three_public", "economic_summary")


def _documents() -> list[Path]:
    """Key documents with tables, spread over the cities (round robin), first 20 that exist."""
    by_city: dict[str, list[str]] = {}
    for f in sorted(KEY_DIR.glob("c*.json")):
        k = json.loads(f.read_text(encoding="utf-8"))
        if k.get("disclosure") is not False and k.get("tables"):
            by_city.setdefault(k.get("city") or "", []).append(k["file"])
    picked: list[Path] = []
    while len(picked) < DOCUMENTS and any(by_city.values()):
        for city in sorted(by_city):
            if by_city[city] and len(picked) < DOCUMENTS:
                p = CORPUS / by_city[city].pop(0)
                if p.exists():
                    picked.append(p)
    return picked


def _mutate(value: Decimal, kind: str, rng: random.Random) -> Decimal | None:
    text = f"{value:f}"
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if not digits:
        return None
    if kind == "digit":
        i = rng.choice(digits)
        choices = [d for d in "0123456789" if d != text[i] and not (i == digits[0] and d == "0" and len(digits) > 1)]
        new = text[:i] + rng.choice(choices) + text[i + 1:]
    elif kind == "transpose":
        pairs = [(a, b) for a, b in zip(digits, digits[1:], strict=False) if b == a + 1 and text[a] != text[b]]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        new = text[:a] + text[b] + text[a] + text[b + 1:]
    else:  # shift
        new = f"{value * (Decimal(10) if rng.random() < 0.5 else Decimal('0.1')):f}"
    out = Decimal(new)
    return None if out == value else out


def _constrained(t, r, col: str) -> bool:
    """A figure an identity of its own table reaches: the 合计 column (or a 三公 item) of a coded
    row under a parent or of a total line.  Not: columns the header did not identify (``c12``,
    ``total_2``), lines printed without a code beside coded ones (they add up to nothing)."""
    if col != "total" and not (t.kind == "three_public" and col in ("abroad", "reception", "vehicle_purchase",
                                                                   "vehicle_operation")):
        return False
    if r.item in ("total", "current_total", "grand_total") or (r.code and len(r.code) >= 3 and r.code.isdigit()):
        return True
    return t.kind == "three_public"


def _keyset(report) -> set[tuple]:
    return {(f.rule, f.table, f.row, f.column) for f in report.findings if f.severity in ("error", "warning")}


def run(per_doc: int) -> dict:
    from cnbudget.checks import check_disclosure
    from cnbudget.parse import parse_file

    totals = {"mutants": 0, "caught": 0, "by_kind": {}, "missed": [], "documents": []}
    for path in _documents():
        d = parse_file(path)
        base = check_disclosure(d)
        unreliable = {f.table for f in base.findings if f.rule == "verify.unreliable_table"}
        before = _keyset(base)
        cells = [(ti, ri, col) for ti, t in enumerate(d.tables) if t.kind in KINDS and t.kind not in unreliable
                 for ri, r in enumerate(t.rows) for col, v in r.values.items()
                 if v and abs(v) >= 1 and _constrained(t, r, col)]
        rng = random.Random(path.name)
        rng.shuffle(cells)
        n = 0
        for ti, ri, col in cells:
            if n >= per_doc:
                break
            kind = ("digit", "transpose", "shift")[n % 3]
            t = d.tables[ti]
            r = t.rows[ri]
            new = _mutate(r.values[col], kind, rng)
            if new is None:
                continue
            rows = list(t.rows)
            rows[ri] = replace(r, values={**r.values, col: new})
            tables = list(d.tables)
            tables[ti] = replace(t, rows=tuple(rows))
            after = _keyset(check_disclosure(replace(d, tables=tuple(tables))))
            caught = bool(after - before)
            n += 1
            totals["mutants"] += 1
            totals["caught"] += caught
            k = totals["by_kind"].setdefault(kind, [0, 0])
            k[0] += 1
            k[1] += caught
            if not caught:
                totals["missed"].append(f"{path.name} {t.kind} {r.code or r.item or r.name} {col}: "
                                       f"{r.values[col]} → {new}")
        totals["documents"].append(path.name)
    return totals


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-doc", type=int, default=15)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent (the corpus lives beside the project in ../shared)")
        return 0
    t = run(args.per_doc)
    rate = t["caught"] / t["mutants"] if t["mutants"] else 0
    print(f"## One amount changed in a parsed corpus document\n\n{len(t['documents'])} documents "
          f"({', '.join(t['documents'])}), {t['mutants']} mutants: **{rate:.1%} caught** ({t['caught']})\n")
    for kind, (n, c) in sorted(t["by_kind"].items()):
        print(f"- {kind}: {c} / {n}")
    if t["missed"]:
        print("\nMissed:\n")
        for m in t["missed"]:
            print(f"- {m}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
