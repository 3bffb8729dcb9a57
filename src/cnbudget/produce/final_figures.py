"""The key figures of a final-account ``Disclosure``, read from its nine tables.

The 情况说明 speaks only of these (and of the 年初预算数 and facts the input adds), so every
sentence restates a printed figure.  A figure the disclosure lacks is ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from cnbudget.model import Disclosure, Row, Table
from cnbudget.produce.final_inputs import FinalPrevious

ZERO = Decimal("0.00")
_ORDINAL = re.compile(r"^\s*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．])")


def _class_label(name: str) -> str:
    """'（八）社会保障和就业支出' / '八、社会保障和就业支出' → the bare name (一般… keeps its 一)."""
    return _ORDINAL.sub("", name).strip()


@dataclass(frozen=True)
class FinalItem:
    """A 项 of 一般公共预算财政拨款支出 with the names of its 类 and 款."""

    code: str
    name: str
    class_name: str
    kuan_name: str
    total: Decimal


@dataclass(frozen=True)
class FinalFigures:
    year: int | None = None
    department: str | None = None
    grand_total: Decimal | None = None  # 收、支总计 (公开01表)
    current_income: Decimal | None = None
    income: dict[str, Decimal] = field(default_factory=dict)  # summary income item → amount
    current_expenditure: Decimal | None = None  # 本年支出合计
    spending: dict[str, Decimal] = field(default_factory=dict)  # 公开03表 合计: basic, project, …
    fiscal_total: Decimal | None = None  # 财政拨款收、支总计 (公开04表)
    fiscal_current: Decimal | None = None
    fiscal_income: dict[str, Decimal] = field(default_factory=dict)
    fiscal_spending: Decimal | None = None  # 财政拨款 本年支出合计
    fiscal_carryover: Decimal | None = None
    fiscal_carryover_out: Decimal | None = None
    general_budget: Decimal | None = None  # 一般公共预算财政拨款支出 (公开05表)
    gb_basic: Decimal | None = None
    gb_project: Decimal | None = None
    gb_classes: list[tuple[str, str, Decimal]] = field(default_factory=list)
    gb_items: list[FinalItem] = field(default_factory=list)
    personnel: Decimal | None = None  # 人员经费合计 (公开06表)
    public: Decimal | None = None  # 公用经费合计
    personnel_items: list[str] = field(default_factory=list)
    public_items: list[str] = field(default_factory=list)
    gov_fund: dict[str, Decimal] = field(default_factory=dict)  # 公开07表 合计 row
    state_capital: dict[str, Decimal] = field(default_factory=dict)  # 公开08表 合计 row
    three_public: dict[str, Decimal] = field(default_factory=dict)  # budget.* / actual.*


def _v(row: Row | None, column: str = "total") -> Decimal | None:
    return None if row is None else row.values.get(column)


def _total_values(table: Table | None) -> dict[str, Decimal]:
    row = table.total_row() if table is not None else None
    return dict(row.values) if row is not None else {}


def final_figures(d: Disclosure) -> FinalFigures:
    summary = d.table("summary")
    fiscal = d.table("fiscal_summary")
    general = d.table("general_expenditure")
    basic = d.table("basic_expenditure")
    three = d.table("three_public")

    income: dict[str, Decimal] = {}
    grand = current_income = current_exp = None
    if summary is not None:
        for r in summary.rows:
            if r.side == "income" and r.item and "total" in r.values:
                income[r.item] = r.values["total"]
        grand = _v(summary.row_by_item("income", "grand_total")) or _v(summary.row_by_item("expenditure",
                                                                                          "grand_total"))
        current_income = _v(summary.row_by_item("income", "current_total"))
        current_exp = _v(summary.row_by_item("expenditure", "current_total"))

    fiscal_income: dict[str, Decimal] = {}
    fiscal_total = fiscal_current = fiscal_spending = fiscal_carry = fiscal_out = None
    if fiscal is not None:
        for r in fiscal.rows:
            if r.side == "income" and r.item and "total" in r.values:
                fiscal_income[r.item] = r.values["total"]
        fiscal_total = _v(fiscal.row_by_item("income", "grand_total")) or _v(
            fiscal.row_by_item("expenditure", "grand_total"))
        fiscal_current = _v(fiscal.row_by_item("income", "current_total"))
        fiscal_spending = _v(fiscal.row_by_item("expenditure", "current_total"))
        fiscal_carry = _v(fiscal.row_by_item("income", "carryover"))
        fiscal_out = _v(fiscal.row_by_item("expenditure", "carryover_out"))

    gb_rows = [r for r in general.rows if r.code and r.code.isdigit()] if general is not None else []
    names = {r.code: _class_label(r.name or "") for r in gb_rows if r.code}
    gb_classes = [(r.code, names[r.code], r.values["total"]) for r in gb_rows
                  if r.code and len(r.code) == 3 and "total" in r.values]
    gb_items = [FinalItem(r.code, r.name or "", names.get(r.code[:3], r.code[:3]), names.get(r.code[:5], r.code[:5]),
                          r.values["total"])
                for r in gb_rows if r.code and len(r.code) == 7 and "total" in r.values]

    personnel = public = None
    personnel_items: list[str] = []
    public_items: list[str] = []
    if basic is not None:
        for r in basic.rows:
            if r.item == "personnel_total":
                personnel = r.values.get("total")
            elif r.item == "public_total":
                public = r.values.get("total")
            elif r.code and len(r.code) == 5 and r.values.get("total") and r.name:
                (personnel_items if r.code[:3] in ("301", "303") else public_items).append(r.name)

    three_public: dict[str, Decimal] = {}
    if three is not None and three.rows:
        row = three.total_row() or three.rows[0]
        three_public = dict(row.values)

    gen = _total_values(general)
    return FinalFigures(
        year=d.meta.year,
        department=d.meta.department,
        grand_total=grand,
        current_income=current_income,
        income=income,
        current_expenditure=current_exp,
        spending=_total_values(d.table("expenditure")),
        fiscal_total=fiscal_total,
        fiscal_current=fiscal_current,
        fiscal_income=fiscal_income,
        fiscal_spending=fiscal_spending,
        fiscal_carryover=fiscal_carry,
        fiscal_carryover_out=fiscal_out,
        general_budget=gen.get("total"),
        gb_basic=gen.get("basic"),
        gb_project=gen.get("project"),
        gb_classes=gb_classes,
        gb_items=gb_items,
        personnel=personnel,
        public=public,
        personnel_items=personnel_items,
        public_items=public_items,
        gov_fund=_total_values(d.table("gov_fund")),
        state_capital=_total_values(d.table("state_capital")),
        three_public=three_public,
    )


def final_previous_from(f: FinalFigures, running_costs: Decimal | None = None) -> FinalPrevious:
    """Last year's comparison figures from last year's final-account disclosure."""
    t = f.three_public

    def actual(key: str) -> Decimal | None:
        return t.get(f"actual.{key}", t.get(key))

    basic = None
    if f.personnel is not None or f.public is not None:
        basic = (f.personnel or ZERO) + (f.public or ZERO)
    return FinalPrevious(
        year=f.year,
        grand_total=f.grand_total,
        current_income=f.current_income,
        current_expenditure=f.current_expenditure,
        fiscal_total=f.fiscal_total,
        general_budget=f.general_budget,
        basic=basic,
        personnel=f.personnel,
        public=f.public,
        three_public=actual("total"),
        abroad=actual("abroad"),
        vehicle=actual("vehicle"),
        vehicle_purchase=actual("vehicle_purchase"),
        vehicle_operation=actual("vehicle_operation"),
        reception=actual("reception"),
        running_costs=running_costs if running_costs is not None else f.public,
    )
