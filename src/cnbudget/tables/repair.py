"""Codes the PDF truncated ("210159" printed for "2101599"), repaired from the row's name and
the codes the other tables print — only where exactly one code fits — and recorded as such."""

from __future__ import annotations

from dataclasses import replace

from cnbudget.model import Repair, Row, Table
from cnbudget.tables.cells import compact

_FUNCTION_KINDS = {"income", "expenditure", "general_expenditure", "gov_fund", "state_capital"}


def _names_match(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    x, y = compact(a), compact(b)
    return x == y or (len(x) >= 4 and y.startswith(x)) or (len(y) >= 4 and x.startswith(y))


def repair_codes(tables: list[Table]) -> tuple[list[Table], list[str]]:
    known: dict[str, set[str]] = {}
    for t in tables:
        if t.kind in _FUNCTION_KINDS or t.kind == "carryover":
            for r in t.rows:
                if r.code and len(r.code) in (3, 5, 7) and r.item is None:
                    known.setdefault(r.code, set()).add(compact(r.name or ""))
    notes: list[str] = []
    out: list[Table] = []
    for t in tables:
        if t.kind not in _FUNCTION_KINDS:
            out.append(t)
            continue
        rows = list(t.rows)
        changed = False
        for i, r in enumerate(rows):
            if not r.code or r.item is not None or len(r.code) in (3, 5, 7):
                continue
            fits = sorted(
                c
                for c, names in known.items()
                if len(c) == 7 and c.startswith(r.code) and any(_names_match(r.name, n) for n in names)
            )
            if len(fits) != 1:
                fits = _from_catalog(r)
            if len(fits) == 1:
                fixed = fits[0]
                rows[i] = replace(
                    r,
                    code=fixed,
                    repairs=(
                        *r.repairs,
                        Repair(field="code", original=r.code, repaired=fixed,
                               reason=f"科目编码被截断，按名称“{r.name}”补全"),
                    ),
                )
                notes.append(f"{t.title or t.kind}: 编码 {r.code} 补全为 {fixed}（{r.source.label()}）")
                changed = True
        out.append(replace(t, rows=tuple(rows)) if changed else t)
    return out, notes


def _from_catalog(r: Row) -> list[str]:
    """The catalog's suggestion, when the codes stage offers one."""
    try:
        from cnbudget.codes.catalog import suggest_function_code
    except ImportError:
        return []
    try:
        found = suggest_function_code(r.code or "", r.name)
    except Exception:  # noqa: BLE001 - a catalog problem must not stop reading
        return []
    best = [e.code for e in found[:2]]
    return best[:1] if len(best) == 1 or (best and _names_match(found[0].name, r.name)) else []
