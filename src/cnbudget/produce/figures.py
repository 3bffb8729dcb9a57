"""The key figures of a ``Disclosure``, read from its tables (a produced or a parsed one).

The narrative speaks only of these, so every sentence restates a printed figure.  A figure a
disclosure does not have is ``None`` (the narrative then leaves a placeholder or says nothing).
``key_figures`` reads a budget's tables, ``final_figures`` a final account's nine 公开表;
``FIGURES`` maps a layout family to its reader, ``previous_from`` / ``final_previous_from``
turn last year's figures into the ``Previous`` the narrative compares with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from cnbudget.model import Disclosure, Row, Table
from cnbudget.produce.inputs import Previous

ZERO = Decimal("0.00")

_ORDINAL = re.compile(r"^\s*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．])")


@dataclass(frozen=True)
class FunctionItem:
    code: str
    name: str
    total: Decimal
    basic: Decimal | None
    project: Decimal | None


@dataclass(frozen=True)
class KeyFigures:
    year: int | None = None
    department: str | None = None
    grand_total: Decimal | None = None  # 收支总计 (summary)
    current_income: Decimal | None = None
    income: dict[str, Decimal] = field(default_factory=dict)  # income item → amount (summary)
    expenditure_total: Decimal | None = None  # 支出合计 (expenditure table)
    basic: Decimal | None = None
    project: Decimal | None = None
    fiscal_total: Decimal | None = None  # 财政拨款收支总计 (fiscal_summary)
    fiscal_income: dict[str, Decimal] = field(default_factory=dict)
    fiscal_classes: list[tuple[str, str, Decimal]] = field(default_factory=list)  # (code, name, amount)
    general_budget: Decimal | None = None  # 一般公共预算支出 (general_expenditure total)
    gb_basic: Decimal | None = None
    gb_project: Decimal | None = None
    gb_classes: list[tuple[str, str, Decimal]] = field(default_factory=list)
    gb_items: list[FunctionItem] = field(default_factory=list)  # 项 rows, with their 类/款 names
    gb_names: dict[str, str] = field(default_factory=dict)
    basic_total: Decimal | None = None  # 一般公共预算基本支出 (basic_expenditure total)
    personnel: Decimal | None = None
    public: Decimal | None = None
    personnel_items: list[str] = field(default_factory=list)
    public_items: list[str] = field(default_factory=list)
    three_public: dict[str, Decimal] = field(default_factory=dict)
    gov_fund: Decimal | None = None
    state_capital: Decimal | None = None
    projects_count: int = 0
    projects_amount: Decimal | None = None
    key_projects: list[tuple[str, Decimal]] = field(default_factory=list)  # ≥ 100 万元
    procurement: Decimal | None = None
    procurement_by_category: dict[str, Decimal] = field(default_factory=dict)


def _v(row: Row | None, column: str = "total") -> Decimal | None:
    if row is None:
        return None
    return row.values.get(column)


def _total(table: Table | None, column: str = "total") -> Decimal | None:
    if table is None:
        return None
    return _v(table.total_row(), column)


def _is_function_code(code: str | None) -> bool:
    return bool(code) and code.isdigit() and len(code) in (3, 5, 7)


def _function_rows(table: Table | None) -> list[Row]:
    if table is None:
        return []
    return [r for r in table.rows if _is_function_code(r.code) and r.item not in ("unit", "total")]


def key_figures(d: Disclosure) -> KeyFigures:
    summary = d.table("summary")
    fiscal = d.table("fiscal_summary")
    expenditure = d.table("expenditure")
    general = d.table("general_expenditure")
    basic = d.table("basic_expenditure")
    three = d.table("three_public")
    projects = d.table("projects")
    procurement = d.table("procurement")

    income: dict[str, Decimal] = {}
    grand = current = None
    if summary is not None:
        for r in summary.rows:
            if r.side == "income" and r.item and "total" in r.values:
                income[r.item] = r.values["total"]
        grand = _v(summary.row_by_item("income", "grand_total")) or _v(summary.row_by_item("expenditure",
                                                                                          "grand_total"))
        current = _v(summary.row_by_item("income", "current_total"))

    fiscal_income: dict[str, Decimal] = {}
    fiscal_classes: list[tuple[str, str, Decimal]] = []
    fiscal_total = None
    if fiscal is not None:
        for r in fiscal.rows:
            if r.side == "income" and r.item and "total" in r.values:
                fiscal_income[r.item] = r.values["total"]
            if r.side == "expenditure" and r.code and "total" in r.values:
                fiscal_classes.append((r.code, _class_label(r.name or r.code), r.values["total"]))
        fiscal_total = _v(fiscal.row_by_item("income", "grand_total")) or _v(
            fiscal.row_by_item("expenditure", "grand_total"))

    gb_rows = _function_rows(general)
    names = {r.code: (r.name or "") for r in gb_rows if r.code}
    gb_classes = [(r.code, r.name or "", r.values["total"]) for r in gb_rows
                  if r.code and len(r.code) == 3 and "total" in r.values]
    gb_items = [FunctionItem(r.code, r.name or "", r.values["total"], r.values.get("basic"), r.values.get("project"))
                for r in gb_rows if r.code and len(r.code) == 7 and "total" in r.values]

    personnel_items: list[str] = []
    public_items: list[str] = []
    if basic is not None:
        for r in basic.rows:
            if r.code and len(r.code) >= 5 and r.name:
                if r.values.get("personnel"):
                    personnel_items.append(r.name)
                if r.values.get("public"):
                    public_items.append(r.name)

    three_public: dict[str, Decimal] = {}
    if three is not None and three.rows:
        row = three.total_row() or three.rows[0]
        three_public = dict(row.values)

    project_rows = [r for r in projects.rows if r.item not in ("total", "unit")] if projects else []
    proc_rows = [r for r in procurement.rows if r.item not in ("total", "unit")] if procurement else []
    by_cat: dict[str, Decimal] = {}
    for r in proc_rows:
        cat = r.texts.get("采购类别")
        if cat and "total" in r.values:
            by_cat[cat] = by_cat.get(cat, ZERO) + r.values["total"]

    return KeyFigures(
        year=d.meta.year,
        department=d.meta.department,
        grand_total=grand,
        current_income=current,
        income=income,
        expenditure_total=_total(expenditure),
        basic=_total(expenditure, "basic"),
        project=_total(expenditure, "project"),
        fiscal_total=fiscal_total,
        fiscal_income=fiscal_income,
        fiscal_classes=fiscal_classes,
        general_budget=_total(general),
        gb_basic=_total(general, "basic"),
        gb_project=_total(general, "project"),
        gb_classes=gb_classes,
        gb_items=gb_items,
        gb_names=names,
        basic_total=_total(basic),
        personnel=_total(basic, "personnel"),
        public=_total(basic, "public"),
        personnel_items=personnel_items,
        public_items=public_items,
        three_public=three_public,
        gov_fund=_total(d.table("gov_fund")),
        state_capital=_total(d.table("state_capital")),
        projects_count=len(project_rows),
        projects_amount=_total(projects) if projects is not None and project_rows else None,
        key_projects=[(r.name or "", r.values["total"]) for r in project_rows
                      if r.values.get("total", ZERO) >= 100],
        procurement=_total(procurement) if proc_rows else None,
        procurement_by_category=by_cat,
    )


def _class_label(name: str) -> str:
    """'（八）社会保障和就业支出' / '八、社会保障和就业' → the bare class name (a bare leading
    一, as in '一般公共服务支出', is part of the name)."""
    return _ORDINAL.sub("", name).strip()


def previous_from(figures: KeyFigures, running_costs: Decimal | None = None) -> Previous:
    """Last year's comparison figures from last year's disclosure."""
    t = figures.three_public
    return Previous(
        year=figures.year,
        grand_total=figures.grand_total,
        fiscal_total=figures.fiscal_total,
        general_budget=figures.general_budget,
        basic=figures.basic,
        project=figures.project,
        personnel=figures.personnel,
        public=figures.public,
        three_public=t.get("total"),
        abroad=t.get("abroad"),
        vehicle=t.get("vehicle"),
        vehicle_purchase=t.get("vehicle_purchase"),
        vehicle_operation=t.get("vehicle_operation"),
        reception=t.get("reception"),
        running_costs=running_costs if running_costs is not None else figures.public,
        procurement=figures.procurement,
    )


# --- final accounts (部门决算) -------------------------------------------------------------


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


def final_previous_from(f: FinalFigures, running_costs: Decimal | None = None) -> Previous:
    """Last year's comparison figures from last year's final-account disclosure."""
    t = f.three_public

    def actual(key: str) -> Decimal | None:
        return t.get(f"actual.{key}", t.get(key))

    basic = None
    if f.personnel is not None or f.public is not None:
        basic = (f.personnel or ZERO) + (f.public or ZERO)
    return Previous(
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


# The figures reader of each layout family.
FIGURES = {"budget": key_figures, "final": final_figures}


def previous_figures(disclosure: Disclosure, family: str, running_costs: Decimal | None = None) -> Previous:
    """Last year's comparison figures for a document of ``family`` from last year's disclosure."""
    if family == "final":
        return final_previous_from(final_figures(disclosure), running_costs=running_costs)
    return previous_from(key_figures(disclosure), running_costs=running_costs)
