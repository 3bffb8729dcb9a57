"""The headline figures of a disclosure, stored with it so that comparisons are one query.

``headline_figures(d)`` → ``{key: Decimal}`` with the keys of ``FIGURES`` (and ``class.<code>``
for each 支出功能分类 类); ``figures_with_units(d)`` → ``{key: (Decimal, unit)}``, the unit
the figure's table printed (stored with it: comparisons convert, never mix).  A figure the
document does not print is absent (never zero).
Final accounts (决算) read their 三公 figures from the ``actual.`` column group.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from cnbudget.model import Disclosure, Row, Table

# key → Chinese label, in display order.
FIGURES: dict[str, str] = {
    "grand_total": "收支总计",
    "expenditure": "支出合计",
    "basic": "基本支出",
    "project": "项目支出",
    "personnel": "人员经费",
    "public": "公用经费",
    "fiscal_total": "财政拨款收支总计",
    "general_budget": "一般公共预算支出",
    "three_public": "“三公”经费合计",
    "three_public.abroad": "因公出国（境）费",
    "three_public.vehicle": "公务用车购置及运行费",
    "three_public.vehicle_purchase": "公务用车购置费",
    "three_public.vehicle_operation": "公务用车运行维护费",
    "three_public.reception": "公务接待费",
}


def figure_label(key: str, names: dict[str, str] | None = None) -> str:
    """The Chinese label of a figure key (``class.208`` → its class name when known)."""
    if key in FIGURES:
        return FIGURES[key]
    if key.startswith("class."):
        code = key.split(".", 1)[1]
        name = (names or {}).get(code) or _class_name(code)
        return f"{code} {name}" if name else code
    return key


def _class_name(code: str) -> str | None:
    from cnbudget.codes.classes import FUNCTION_CLASSES

    return FUNCTION_CLASSES.get(code)


def _total(table: Table | None, column: str = "total") -> Decimal | None:
    if table is None:
        return None
    row = table.total_row()
    return None if row is None else row.values.get(column)


def _side_item(table: Table | None, side: str, item: str) -> Decimal | None:
    if table is None:
        return None
    row = table.row_by_item(side, item)
    return None if row is None else row.values.get("total")


def _is_function(row: Row) -> bool:
    return bool(row.code) and row.code.isdigit() and len(row.code) in (3, 5, 7) and row.item not in ("unit", "total")


def class_totals(table: Table | None) -> dict[str, Decimal]:
    """Totals per 类 (3-digit code): the printed 类 rows, else the sum of the finest level."""
    if table is None:
        return {}
    rows = [r for r in table.rows if _is_function(r) and "total" in r.values]
    for level in (3, 5, 7):
        found = [r for r in rows if len(r.code or "") == level]
        if found:
            out: dict[str, Decimal] = defaultdict(lambda: Decimal(0))
            for r in found:
                out[r.code[:3]] += r.values["total"]  # type: ignore[index]
            return dict(out)
    return {}


def class_names(d: Disclosure) -> dict[str, str]:
    """Printed names of the 类 codes (from any function table)."""
    names: dict[str, str] = {}
    for t in d.tables:
        for r in t.rows:
            if r.code and r.code.isdigit() and len(r.code) == 3 and r.name and r.item != "unit":
                names.setdefault(r.code, r.name)
    return names


def headline_figures(d: Disclosure) -> dict[str, Decimal]:
    """The headline amounts, each in the unit its table printed (see ``figures_with_units``)."""
    return {k: amount for k, (amount, _unit) in figures_with_units(d).items()}


def figures_with_units(d: Disclosure) -> dict[str, tuple[Decimal, str | None]]:
    """``{key: (amount, unit)}``: each figure with the unit of the table it was read from (the
    document's unit when the table printed none; None when neither is known)."""
    out: dict[str, tuple[Decimal | None, Table | None]] = {}
    summary = d.table("summary")
    out["grand_total"] = _first((_side_item(summary, "income", "grand_total"), summary),
                                (_side_item(summary, "expenditure", "grand_total"), summary))
    expenditure = d.table("expenditure") or d.table("general_expenditure")
    out["expenditure"] = (_total(expenditure), expenditure)
    out["basic"] = (_total(expenditure, "basic"), expenditure)
    out["project"] = (_total(expenditure, "project"), expenditure)
    basic = d.table("basic_expenditure")
    if basic is not None:
        out["personnel"] = (_total(basic, "personnel"), basic)
        out["public"] = (_total(basic, "public"), basic)
        for item, key in (("personnel_total", "personnel"), ("public_total", "public")):
            row = next((r for r in basic.rows if r.item == item), None)
            if row is not None and out[key][0] is None:
                out[key] = (row.values.get("total"), basic)
    fiscal = d.table("fiscal_summary")
    out["fiscal_total"] = _first((_side_item(fiscal, "income", "grand_total"), fiscal),
                                 (_side_item(fiscal, "expenditure", "grand_total"), fiscal))
    general = d.table("general_expenditure")
    out["general_budget"] = (_total(general), general)
    three = d.table("three_public")
    if three is not None:
        row = three.total_row() or (three.rows[0] if three.rows else None)
        if row is not None:
            prefix = "actual." if any(k.startswith("actual.") for k in row.values) else ""
            for part in ("total", "abroad", "vehicle", "vehicle_purchase", "vehicle_operation", "reception"):
                key = "three_public" if part == "total" else f"three_public.{part}"
                out[key] = (row.values.get(prefix + part), three)
    for code, amount in sorted(class_totals(expenditure).items()):
        out[f"class.{code}"] = (amount, expenditure)
    got = {k: (v, (t.unit if t is not None else None) or d.meta.unit) for k, (v, t) in out.items() if v is not None}
    # a figure no table prints (a disclosure published as its 情况说明 only, 北京): as the text
    # states it, in the text's unit
    for key, (amount, unit) in stated_figures(d).items():
        got.setdefault(key, (amount, unit))
    return got


# The cell a stated amount refers to → the headline figure it is (claims of ``narrative.refs``).
_STATED: dict[tuple[str, str, str], str] = {
    ("summary", "grand_total", "total"): "grand_total",
    ("income", "total", "total"): "grand_total",
    ("expenditure", "total", "total"): "expenditure",
    ("expenditure", "total", "basic"): "basic",
    ("expenditure", "total", "project"): "project",
    ("fiscal_summary", "grand_total", "total"): "fiscal_total",
    ("general_expenditure", "total", "total"): "general_budget",
    ("three_public", "total", "total"): "three_public",
    **{("three_public", "total", p): f"three_public.{p}"
       for p in ("abroad", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")},
}


def stated_figures(d: Disclosure) -> dict[str, tuple[Decimal, str | None]]:
    """Headline figures as the narrative states them (this year's amount of the first sentence
    that names each), for figures the tables do not give."""
    out: dict[str, tuple[Decimal, str | None]] = {}
    for c in d.claims:
        ref = c.refers_to
        if c.kind != "amount" or c.basis != "current" or ref is None or c.unit not in ("万元", "元"):
            continue
        key = _STATED.get((ref.table, ref.row, ref.column))
        if key is not None:
            out.setdefault(key, (c.value, c.unit))
    return out


def _first(*candidates: tuple[Decimal | None, Table | None]) -> tuple[Decimal | None, Table | None]:
    """The first candidate with an amount (``a or b`` would skip a printed zero)."""
    return next((c for c in candidates if c[0] is not None), (None, None))
