"""Primary figures → a ``Disclosure``: every total, subtotal, 类/款 row and column sum computed.

Nothing derived is ever taken from the input.  Amounts are exact 2-decimal ``Decimal``s; a sum
of 2-decimal figures needs no rounding, so every printed total equals the sum of its printed
parts exactly.  An absent (blank) cell is a missing key in ``Row.values``: a zero sum of a
column nobody uses stays blank, the way the published tables print it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal

from cnbudget.codes.classes import FUNCTION_CLASSES
from cnbudget.document import Source
from cnbudget.model import Column, Disclosure, Row, Table
from cnbudget.produce.inputs import PROJECT_CATEGORIES, BudgetInput, FunctionLine
from cnbudget.produce.layouts import BUDGET_LAYOUTS, BUDGET_ORDER, Layout
from cnbudget.produce.money import total

NO_SOURCE = Source()

ECONOMIC_CLASSES: dict[str, str] = {
    "301": "工资福利支出",
    "302": "商品和服务支出",
    "303": "对个人和家庭的补助",
    "307": "债务利息及费用支出",
    "309": "资本性支出（基本建设）",
    "310": "资本性支出",
    "312": "对企业补助",
    "399": "其他支出",
}

# Economic classes whose items are 人员经费 (the rest of basic expenditure is 公用经费).
PERSONNEL_CLASSES = frozenset({"301", "303"})

# Chinese numerals for the summary tables' class lines ("八、社会保障和就业支出").
_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 19 → 十九, 21 → 二十一 (up to 99)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def _values(pairs: Iterable[tuple[str, Decimal]], *, keep_zero: frozenset[str] = frozenset()) -> dict[str, Decimal]:
    """Column id → amount, leaving out zero amounts of columns that are blank when unused."""
    return {k: v for k, v in pairs if v != 0 or k in keep_zero}


def _columns(layout: Layout) -> tuple[Column, ...]:
    labels = layout.labels()
    return tuple(Column(id=cid, label=labels.get(cid, cid)) for cid in layout.amount_ids())


def _table(layout: Layout, year: int, rows: list[Row], notes: tuple[str, ...] = ()) -> Table:
    empty = not any(r.values for r in rows)
    all_notes = list(layout.notes) + list(notes)
    if empty and layout.empty_note:
        all_notes.append(layout.empty_note.format(year=year))
    return Table(
        kind=layout.kind,
        title=f"{year}年{layout.title}",
        unit="万元",
        columns=_columns(layout),
        rows=tuple(rows),
        source=NO_SOURCE,
        notes=tuple(all_notes),
    )


# --- function-classified tables -----------------------------------------------------------

_FUNCTION_COLS = ("wages", "household", "goods_services", "capital", "project_operating", "project_specific")


def _function_values(lines: Iterable[FunctionLine]) -> dict[str, Decimal]:
    lines = list(lines)
    v = {c: total(getattr(ln, c) for ln in lines) for c in _FUNCTION_COLS}
    v["basic"] = total([v["wages"], v["household"], v["goods_services"], v["capital"]])
    v["project"] = total([v["project_operating"], v["project_specific"]])
    v["total"] = total([v["basic"], v["project"]])
    order = ("total", "basic", "wages", "household", "goods_services", "capital", "project",
             "project_operating", "project_specific")
    return _values((k, v[k]) for k in order)


def function_name(code: str, names: Mapping[str, str], year: int | None = None) -> str:
    """The name of a 类/款/项: the input's own, else the catalog's, else the code itself."""
    if code in names:
        return names[code]
    if len(code) == 3 and code in FUNCTION_CLASSES:
        return FUNCTION_CLASSES[code]
    try:
        from cnbudget.codes.catalog import function_code

        entry = function_code(code, year)
    except Exception:  # noqa: BLE001 - the catalog is optional data
        entry = None
    return entry.name if entry is not None else code


def function_rows(lines: list[FunctionLine], names: Mapping[str, str]) -> list[Row]:
    """合计 row, then each 类, its 款 and their 项 in code order, each a sum of its 项 lines."""
    rows = [Row(code=None, name="合计", values=_function_values(lines), source=NO_SOURCE, item="total")]
    by_code: dict[str, list[FunctionLine]] = defaultdict(list)
    for ln in lines:
        by_code[ln.code].append(ln)
    item_names = {ln.code: ln.name for ln in lines}
    for cls in sorted({c[:3] for c in by_code}):
        members = [ln for ln in lines if ln.code.startswith(cls)]
        rows.append(Row(code=cls, name=function_name(cls, names), values=_function_values(members),
                        source=NO_SOURCE))
        for kuan in sorted({c[:5] for c in by_code if c.startswith(cls)}):
            members = [ln for ln in lines if ln.code.startswith(kuan)]
            rows.append(Row(code=kuan, name=function_name(kuan, names), values=_function_values(members),
                            source=NO_SOURCE))
            for xiang in sorted(c for c in by_code if c.startswith(kuan)):
                rows.append(Row(code=xiang, name=names.get(xiang, item_names[xiang]),
                                values=_function_values(by_code[xiang]), source=NO_SOURCE))
    return rows


# --- the tables -----------------------------------------------------------------------------

_INCOME_ITEMS: tuple[tuple[str, str], ...] = (
    ("general_budget", "一、一般公共预算拨款收入"),
    ("fiscal", "其中：财政拨款"),
    ("gov_fund", "二、政府性基金预算拨款收入"),
    ("state_capital", "三、国有资本经营预算拨款收入"),
    ("special_account", "四、财政专户管理资金收入"),
    ("business", "五、事业收入"),
    ("operating", "六、事业单位经营收入"),
    ("superior_subsidy", "七、上级补助收入"),
    ("affiliated", "八、附属单位上缴收入"),
    ("other", "九、其他收入"),
)


def _by_fund(inp: BudgetInput) -> dict[str, Decimal]:
    funds: dict[str, list[FunctionLine]] = defaultdict(list)
    for ln in inp.function_lines:
        funds[ln.fund].append(ln)
    return {f: _function_values(lines).get("total", Decimal("0.00")) for f, lines in funds.items()}


def _class_totals(lines: list[FunctionLine]) -> dict[str, Decimal]:
    out: dict[str, list[FunctionLine]] = defaultdict(list)
    for ln in lines:
        out[ln.code[:3]].append(ln)
    return {c: _function_values(ls).get("total", Decimal("0.00")) for c, ls in out.items()}


def _class_lines(lines: list[FunctionLine], columns: dict[str, str]) -> list[Row]:
    """The expenditure side's 类 lines: every class of the catalog, amounts where present.

    ``columns`` maps a column id to the fund whose lines it sums ("" = all funds).
    """
    rows: list[Row] = []
    for code, name in FUNCTION_CLASSES.items():
        vals: dict[str, Decimal] = {}
        for cid, fund in columns.items():
            members = [ln for ln in lines if ln.code.startswith(code) and (not fund or ln.fund == fund)]
            amount = _function_values(members).get("total")
            if amount is not None:
                vals[cid] = amount
        label = f"{chinese_number(int(code) - 200)}、{name}"
        rows.append(Row(code=code, name=label, values=vals, source=NO_SOURCE, side="expenditure", item=code))
    return rows


def _summary(inp: BudgetInput) -> Table:
    funds = _by_fund(inp)
    income_total = total(funds.values())
    rows: list[Row] = []
    for item, label in _INCOME_ITEMS:
        amount = funds.get("general_budget") if item == "fiscal" else funds.get(item)
        vals = {"total": amount} if amount else {}
        rows.append(Row(code=None, name=label, values=vals, source=NO_SOURCE, side="income", item=item))
    rows.append(Row(code=None, name="本年收入合计", values={"total": income_total}, source=NO_SOURCE,
                    side="income", item="current_total"))
    rows.append(Row(code=None, name="上年结转结余", values={}, source=NO_SOURCE, side="income", item="carryover"))
    rows.append(Row(code=None, name="收入总计", values={"total": income_total}, source=NO_SOURCE,
                    side="income", item="grand_total"))
    lines = list(inp.function_lines)
    rows.extend(_class_lines(lines, {"total": ""}))
    spend = _function_values(lines).get("total", Decimal("0.00"))
    rows.append(Row(code=None, name="本年支出合计", values={"total": spend}, source=NO_SOURCE,
                    side="expenditure", item="current_total"))
    rows.append(Row(code=None, name="年终结转结余", values={}, source=NO_SOURCE, side="expenditure",
                    item="carryover_out"))
    rows.append(Row(code=None, name="支出总计", values={"total": spend}, source=NO_SOURCE,
                    side="expenditure", item="grand_total"))
    return _table(BUDGET_LAYOUTS["summary"], inp.meta.year or 0, rows)


def _income(inp: BudgetInput) -> Table:
    funds = _by_fund(inp)
    current = total(funds.values())
    vals = _values([("total", current), ("current_total", current),
                    ("general_budget", funds.get("general_budget", Decimal(0))),
                    ("fiscal", funds.get("general_budget", Decimal(0))),
                    *[(f, funds.get(f, Decimal(0))) for f in ("gov_fund", "state_capital", "special_account",
                                                              "business", "other")]])
    rows = [
        Row(code=None, name="合计", values=vals, source=NO_SOURCE, item="total"),
        Row(code=inp.unit_code, name=inp.unit_name, values=dict(vals), source=NO_SOURCE, item="unit"),
    ]
    return _table(BUDGET_LAYOUTS["income"], inp.meta.year or 0, rows)


def _fiscal_summary(inp: BudgetInput) -> Table:
    fiscal_funds = ("general_budget", "gov_fund", "state_capital")
    lines = [ln for ln in inp.function_lines if ln.fund in fiscal_funds]
    funds = _by_fund(inp)
    gb = funds.get("general_budget", Decimal(0))
    current = total(funds.get(f, Decimal(0)) for f in fiscal_funds)

    def amt(v: Decimal) -> dict[str, Decimal]:
        return {"total": v} if v else {}

    rows = [
        Row(code=None, name="一、本年收入", values={"total": current}, source=NO_SOURCE, side="income",
            item="current_total"),
        Row(code=None, name="（一）一般公共预算拨款", values=amt(gb), source=NO_SOURCE, side="income",
            item="general_budget"),
        Row(code=None, name="其中：财政拨款", values=amt(gb), source=NO_SOURCE, side="income", item="fiscal"),
        Row(code=None, name="（二）政府性基金预算拨款", values=amt(funds.get("gov_fund", Decimal(0))),
            source=NO_SOURCE, side="income", item="gov_fund"),
        Row(code=None, name="（三）国有资本经营预算拨款", values=amt(funds.get("state_capital", Decimal(0))),
            source=NO_SOURCE, side="income", item="state_capital"),
        Row(code=None, name="二、上年结转", values={}, source=NO_SOURCE, side="income", item="carryover"),
        Row(code=None, name="（一）一般公共预算拨款", values={}, source=NO_SOURCE, side="income",
            item="carryover.general_budget"),
        Row(code=None, name="（二）政府性基金预算拨款", values={}, source=NO_SOURCE, side="income",
            item="carryover.gov_fund"),
        Row(code=None, name="（三）国有资本经营预算拨款", values={}, source=NO_SOURCE, side="income",
            item="carryover.state_capital"),
        Row(code=None, name="收入总计", values={"total": current}, source=NO_SOURCE, side="income",
            item="grand_total"),
    ]
    cols = {"total": "", "general_budget": "general_budget", "fiscal": "general_budget",
            "gov_fund": "gov_fund", "state_capital": "state_capital"}
    spend = _values([("total", current), ("general_budget", gb), ("fiscal", gb),
                     ("gov_fund", funds.get("gov_fund", Decimal(0))),
                     ("state_capital", funds.get("state_capital", Decimal(0)))], keep_zero=frozenset({"total"}))
    rows.append(Row(code=None, name="一、本年支出", values=spend, source=NO_SOURCE, side="expenditure",
                    item="current_total"))
    class_rows = _class_lines(lines, cols)
    rows.extend(Row(code=r.code, name=f"（{r.name.split('、', 1)[0]}）{r.name.split('、', 1)[1]}",
                    values=r.values, source=NO_SOURCE, side=r.side, item=r.item) for r in class_rows)
    rows.append(Row(code=None, name="二、年终结转结余", values={}, source=NO_SOURCE, side="expenditure",
                    item="carryover_out"))
    rows.append(Row(code=None, name="支出总计", values=dict(spend), source=NO_SOURCE, side="expenditure",
                    item="grand_total"))
    return _table(BUDGET_LAYOUTS["fiscal_summary"], inp.meta.year or 0, rows)


def _function_table(kind: str, inp: BudgetInput, fund: str | None) -> Table:
    lines = [ln for ln in inp.function_lines if fund is None or ln.fund == fund]
    rows = function_rows(lines, inp.class_names)
    return _table(BUDGET_LAYOUTS[kind], inp.meta.year or 0, rows)


def _basic(inp: BudgetInput) -> Table:
    lines = [ln for ln in inp.economic_lines]

    def vals(members: list) -> dict[str, Decimal]:
        personnel = total(m.amount for m in members if m.code[:3] in PERSONNEL_CLASSES)
        public = total(m.amount for m in members if m.code[:3] not in PERSONNEL_CLASSES)
        return _values([("total", total([personnel, public])), ("personnel", personnel), ("public", public)],
                       keep_zero=frozenset({"total"}))

    rows = [Row(code=None, name="合计", values=vals(lines), source=NO_SOURCE, item="total")]
    for cls in sorted({ln.code[:3] for ln in lines}):
        members = [ln for ln in lines if ln.code.startswith(cls)]
        rows.append(Row(code=cls, name=ECONOMIC_CLASSES.get(cls, cls), values=vals(members), source=NO_SOURCE))
        for ln in sorted(members, key=lambda m: m.code):
            texts = {k: v for k, v in (("gov_code", ln.gov_code), ("gov_name", ln.gov_name)) if v}
            rows.append(Row(code=ln.code, name=ln.name, values=vals([ln]), source=NO_SOURCE, texts=texts))
    return _table(BUDGET_LAYOUTS["basic_expenditure"], inp.meta.year or 0, rows)


def _three_public(inp: BudgetInput) -> Table:
    t = inp.three_public
    vehicle = total([t.vehicle_purchase, t.vehicle_operation])
    vals = {
        "total": total([t.abroad, vehicle, t.reception]),
        "abroad": total([t.abroad]),
        "vehicle": vehicle,
        "vehicle_purchase": total([t.vehicle_purchase]),
        "vehicle_operation": total([t.vehicle_operation]),
        "reception": total([t.reception]),
    }
    rows = [Row(code=None, name=None, values=vals, source=NO_SOURCE, item="total")]
    return _table(BUDGET_LAYOUTS["three_public"], inp.meta.year or 0, rows)


_FUND_COLUMN = {"general_budget": "general_budget", "gov_fund": "gov_fund", "state_capital": "state_capital",
                "special_account": "special_account", "business": "unit_funds", "other": "unit_funds"}


def _fund_values(items: list, amount_of=lambda x: x.amount) -> dict[str, Decimal]:
    pairs = [("total", total(amount_of(x) for x in items))]
    for col in ("general_budget", "gov_fund", "state_capital", "special_account", "unit_funds"):
        pairs.append((col, total(amount_of(x) for x in items if _FUND_COLUMN.get(x.fund) == col)))
    return _values(pairs)


def _projects(inp: BudgetInput) -> Table:
    projects = list(inp.projects)
    rows: list[Row] = []
    if projects:
        rows.append(Row(code=None, name="合计", values=_fund_values(projects), source=NO_SOURCE, item="total"))
    else:
        rows.append(Row(code=None, name="合计", values={}, source=NO_SOURCE, item="total"))
    for p in projects:
        rows.append(Row(code=p.code, name=p.name, values=_fund_values([p]), source=NO_SOURCE,
                        texts={"项目类型": p.category, "项目单位": inp.unit_name}))
    return _table(BUDGET_LAYOUTS["projects"], inp.meta.year or 0, rows)


def _procurement(inp: BudgetInput) -> Table:
    items = list(inp.procurement)
    rows = [Row(code=None, name="合计", values=_fund_values(items) if items else {}, source=NO_SOURCE,
                item="total")]
    for it in items:
        rows.append(Row(code=None, name=it.item, values=_fund_values([it]), source=NO_SOURCE,
                        texts={"项目名称": it.project, "采购类别": it.category}))
    return _table(BUDGET_LAYOUTS["procurement"], inp.meta.year or 0, rows)


def derive_tables(inp: BudgetInput) -> list[Table]:
    """All standard budget tables, in the order they are printed."""
    builders = {
        "summary": lambda: _summary(inp),
        "income": lambda: _income(inp),
        "expenditure": lambda: _function_table("expenditure", inp, None),
        "fiscal_summary": lambda: _fiscal_summary(inp),
        "general_expenditure": lambda: _function_table("general_expenditure", inp, "general_budget"),
        "basic_expenditure": lambda: _basic(inp),
        "three_public": lambda: _three_public(inp),
        "gov_fund": lambda: _function_table("gov_fund", inp, "gov_fund"),
        "state_capital": lambda: _function_table("state_capital", inp, "state_capital"),
        "projects": lambda: _projects(inp),
        "procurement": lambda: _procurement(inp),
    }
    return [builders[k]() for k in BUDGET_ORDER]


def project_columns_by_category(inp: BudgetInput) -> dict[str, Decimal]:
    """Project totals by category column id (``project_operating`` / ``project_specific``)."""
    out = {cid: Decimal("0.00") for cid in PROJECT_CATEGORIES.values()}
    for p in inp.projects:
        out[PROJECT_CATEGORIES[p.category]] += p.amount
    return out


def derive_disclosure(inp: BudgetInput, file: str = "") -> Disclosure:
    """The structured disclosure of a budget input (tables only; the narrative is separate)."""
    return Disclosure(file=file, meta=inp.meta, tables=tuple(derive_tables(inp)), format="produced")
