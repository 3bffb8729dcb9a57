"""Figures OCR misread, repaired where the table's own identities leave one possibility.

Raw OCR of a table page drops decimal points ("10374" for 103.74) and now and then a digit.
On a page that was OCRed, a row whose identities fail (合计 = 基本支出 + 项目支出 …) is tried
with each whole-number figure read as having lost its decimal point (two places, the table's
usual precision): if exactly one such reading makes every identity of the row hold, it is
taken, and the row records the repair.  Nothing is changed where the identities cannot
single out one figure, and nothing at all on pages with a text layer.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from itertools import combinations

from cnbudget.model import Repair, Row, Table
from cnbudget.numbers import decimals
from cnbudget.tables.slid import _all_hold, _identities

_MAX_FIXES = 2  # figures changed in one row at most


def ocr_pages(notes: tuple[str, ...]) -> set[int]:
    for n in notes:
        if n.startswith("ocr.pages:"):
            return {int(p) for p in n.split(":", 1)[1].split(",") if p.strip().isdigit()}
    return set()


def _places(table: Table) -> int:
    """The decimals the table's figures are printed with (whole numbers are the suspects)."""
    counts: dict[int, int] = {}
    for r in table.rows:
        for v in r.values.values():
            if decimals(v):
                counts[decimals(v)] = counts.get(decimals(v), 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else 2


def repair_ocr_figures(table: Table) -> Table:
    rules = _identities(set(table.column_ids()))
    places = _places(table)
    if not rules or places == 0:
        return table
    rows: list[Row] = []
    changed = False
    for r in table.rows:
        ok, broken = _all_hold(dict(r.values), rules)
        if ok or broken == 0:
            rows.append(r)
            continue
        suspects = [k for k, v in r.values.items() if decimals(v) == 0 and abs(v) >= 10**places]
        found: list[dict[str, Decimal]] = []
        for n in range(1, min(_MAX_FIXES, len(suspects)) + 1):
            for combo in combinations(suspects, n):
                trial = dict(r.values)
                for k in combo:
                    trial[k] = (trial[k] / Decimal(10**places)).quantize(Decimal(1).scaleb(-places))
                if _all_hold(trial, rules)[0]:
                    found.append({k: trial[k] for k in combo})
            if found:
                break
        if len(found) != 1:
            rows.append(r)
            continue
        fix = found[0]
        values = {**r.values, **fix}
        repairs = tuple(
            Repair(field=f"values.{k}", original=str(r.values[k]), repaired=str(v),
                   reason="OCR 漏读小数点，按本行勾稽关系补回（唯一可能）")
            for k, v in fix.items()
        )
        rows.append(replace(r, values=values, repairs=(*r.repairs, *repairs)))
        changed = True
    return replace(table, rows=tuple(rows)) if changed else table
