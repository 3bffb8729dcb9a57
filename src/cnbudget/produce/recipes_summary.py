"""Recipes of the summary tables: the two-sided 收支总表 / 财政拨款收支总表 and the budget's 收入表.

    budget_summary         部门收支预算表: income by fund left, spending by 类 right
    budget_fiscal_summary  财政拨款收支预算表
    budget_income          部门收入预算表: the unit's income by fund
    final_summary          收入支出决算总表 (公开01表): with carry-in, carry-out and 总计
    final_fiscal_summary   财政拨款收入支出决算总表 (公开04表)

The expenditure side lists the standard 类 (``FUNCTION_CLASSES`` less the layout's
``omit_classes``), amounts where present.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal

from cnbudget.codes.classes import FUNCTION_CLASSES
from cnbudget.model import Row, Table
from cnbudget.produce.inputs import (
    FINAL_FUNDS,
    FISCAL_FUNDS,
    FUND_LABELS,
    BudgetInput,
    FinalInput,
    FinalLine,
    FunctionLine,
)
from cnbudget.produce.layout import DocumentLayout, TableLayout
from cnbudget.produce.money import total
from cnbudget.produce.recipe import (
    NO_SOURCE,
    ZERO,
    chinese_number,
    function_name,
    make_table,
    recipe,
    side_row,
    values,
)
from cnbudget.produce.recipes_function import function_values

# --- budgets --------------------------------------------------------------------------------

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
    return {f: function_values(lines).get("total", Decimal("0.00")) for f, lines in funds.items()}


def _class_lines(lines: list[FunctionLine], columns: dict[str, str], layout: TableLayout) -> list[Row]:
    """The expenditure side's 类 lines: every standard class, amounts where present.

    ``columns`` maps a column id to the fund whose lines it sums ("" = all funds).
    """
    rows: list[Row] = []
    for code, name in FUNCTION_CLASSES.items():
        if code in layout.omit_classes:
            continue
        vals: dict[str, Decimal] = {}
        for cid, fund in columns.items():
            members = [ln for ln in lines if ln.code.startswith(code) and (not fund or ln.fund == fund)]
            amount = function_values(members).get("total")
            if amount is not None:
                vals[cid] = amount
        label = f"{chinese_number(int(code) - 200)}、{name}"
        rows.append(Row(code=code, name=label, values=vals, source=NO_SOURCE, side="expenditure", item=code))
    return rows


@recipe("budget_summary")
def _budget_summary(inp: BudgetInput, layout: TableLayout, doc: DocumentLayout) -> Table:
    funds = _by_fund(inp)
    income_total = total(funds.values())
    rows: list[Row] = []
    for item, label in _INCOME_ITEMS:
        amount = funds.get("general_budget") if item == "fiscal" else funds.get(item)
        rows.append(side_row("income", item, label, {"total": amount} if amount else {}))
    rows.append(side_row("income", "current_total", "本年收入合计", {"total": income_total}))
    rows.append(side_row("income", "carryover", "上年结转结余", {}))
    rows.append(side_row("income", "grand_total", "收入总计", {"total": income_total}))
    lines = list(inp.function_lines)
    rows.extend(_class_lines(lines, {"total": ""}, layout))
    spend = function_values(lines).get("total", Decimal("0.00"))
    rows.append(side_row("expenditure", "current_total", "本年支出合计", {"total": spend}))
    rows.append(side_row("expenditure", "carryover_out", "年终结转结余", {}))
    rows.append(side_row("expenditure", "grand_total", "支出总计", {"total": spend}))
    return make_table(layout, doc, inp.meta, rows)


@recipe("budget_income")
def _budget_income(inp: BudgetInput, layout: TableLayout, doc: DocumentLayout) -> Table:
    funds = _by_fund(inp)
    current = total(funds.values())
    vals = values([("total", current), ("current_total", current),
                   ("general_budget", funds.get("general_budget", Decimal(0))),
                   ("fiscal", funds.get("general_budget", Decimal(0))),
                   *[(f, funds.get(f, Decimal(0))) for f in ("gov_fund", "state_capital", "special_account",
                                                             "business", "other")]])
    rows = [
        Row(code=None, name="合计", values=vals, source=NO_SOURCE, item="total"),
        Row(code=inp.unit_code, name=inp.unit_name, values=dict(vals), source=NO_SOURCE, item="unit"),
    ]
    return make_table(layout, doc, inp.meta, rows)


@recipe("budget_fiscal_summary")
def _budget_fiscal_summary(inp: BudgetInput, layout: TableLayout, doc: DocumentLayout) -> Table:
    lines = [ln for ln in inp.function_lines if ln.fund in FISCAL_FUNDS]
    funds = _by_fund(inp)
    gb = funds.get("general_budget", Decimal(0))
    current = total(funds.get(f, Decimal(0)) for f in FISCAL_FUNDS)

    def amt(v: Decimal) -> dict[str, Decimal]:
        return {"total": v} if v else {}

    rows = [
        side_row("income", "current_total", "一、本年收入", {"total": current}),
        side_row("income", "general_budget", "（一）一般公共预算拨款", amt(gb)),
        side_row("income", "fiscal", "其中：财政拨款", amt(gb)),
        side_row("income", "gov_fund", "（二）政府性基金预算拨款", amt(funds.get("gov_fund", Decimal(0)))),
        side_row("income", "state_capital", "（三）国有资本经营预算拨款", amt(funds.get("state_capital", Decimal(0)))),
        side_row("income", "carryover", "二、上年结转", {}),
        side_row("income", "carryover.general_budget", "（一）一般公共预算拨款", {}),
        side_row("income", "carryover.gov_fund", "（二）政府性基金预算拨款", {}),
        side_row("income", "carryover.state_capital", "（三）国有资本经营预算拨款", {}),
        side_row("income", "grand_total", "收入总计", {"total": current}),
    ]
    cols = {"total": "", "general_budget": "general_budget", "fiscal": "general_budget",
            "gov_fund": "gov_fund", "state_capital": "state_capital"}
    spend = values([("total", current), ("general_budget", gb), ("fiscal", gb),
                    ("gov_fund", funds.get("gov_fund", Decimal(0))),
                    ("state_capital", funds.get("state_capital", Decimal(0)))], keep_zero=("total",))
    rows.append(side_row("expenditure", "current_total", "一、本年支出", spend))
    rows.extend(Row(code=r.code, name=f"（{r.name.split('、', 1)[0]}）{r.name.split('、', 1)[1]}",
                    values=r.values, source=NO_SOURCE, side=r.side, item=r.item)
                for r in _class_lines(lines, cols, layout))
    rows.append(side_row("expenditure", "carryover_out", "二、年终结转结余", {}))
    rows.append(side_row("expenditure", "grand_total", "支出总计", dict(spend)))
    return make_table(layout, doc, inp.meta, rows)


# --- final accounts ---------------------------------------------------------------------------


def _fund_sums(inp: FinalInput, attr: str) -> dict[str, Decimal]:
    out = {f: ZERO for f in FINAL_FUNDS}
    for ln in inp.lines:
        out[ln.fund] += getattr(ln, attr)
    return out


def _final_class_rows(lines: list[FinalLine], columns: Mapping[str, tuple[str, ...]],
                      layout: TableLayout) -> list[Row]:
    """The expenditure side's 类 lines (every standard class, amounts where present).

    ``columns`` maps a column id to the funds whose spending it sums.
    """
    standard = [c for c in FUNCTION_CLASSES if c not in layout.omit_classes]
    classes = standard + sorted({ln.code[:3] for ln in lines} - set(standard))
    rows = []
    for i, code in enumerate(classes, start=1):
        vals = values((cid, total(ln.spending for ln in lines if ln.code.startswith(code) and ln.fund in funds))
                      for cid, funds in columns.items())
        name = function_name(code, {}, None)
        rows.append(Row(code=code, name=f"{chinese_number(i)}、{name}", values=vals, source=NO_SOURCE,
                        side="expenditure", item=code))
    return rows


_SUMMARY_INCOME = (
    ("general_budget", "一、一般公共预算财政拨款收入"),
    ("gov_fund", "二、政府性基金预算财政拨款收入"),
    ("state_capital", "三、国有资本经营预算财政拨款收入"),
    ("superior_subsidy", "四、上级补助收入"),
    ("business", "五、事业收入"),
    ("operating", "六、经营收入"),
    ("affiliated", "七、附属单位上缴收入"),
    ("other", "八、其他收入"),
)


def _q(v: Decimal) -> Decimal:
    return total([v])


@recipe("final_summary")
def _final_summary(inp: FinalInput, layout: TableLayout, doc: DocumentLayout) -> Table:
    income = _fund_sums(inp, "income")
    carry = total(_fund_sums(inp, "carryover").values())
    current = total(income.values())
    spend = total(ln.spending for ln in inp.lines)
    grand = total([current, carry])
    rows = [side_row("income", item, label, values([("total", income[item])])) for item, label in _SUMMARY_INCOME]
    rows += [
        side_row("income", "current_total", "本年收入合计", {"total": current}),
        side_row("income", "non_fiscal_surplus", "使用非财政拨款结余", {}),
        side_row("income", "carryover", "年初结转和结余", values([("total", carry)])),
        side_row("income", "grand_total", "总计", {"total": grand}),
    ]
    rows += _final_class_rows(list(inp.lines), {"total": FINAL_FUNDS}, layout)
    rows += [
        side_row("expenditure", "current_total", "本年支出合计", {"total": spend}),
        side_row("expenditure", "surplus_distribution", "结余分配", {}),
        side_row("expenditure", "carryover_out", "年末结转和结余", values([("total", _q(grand - spend))])),
        side_row("expenditure", "grand_total", "总计", {"total": grand}),
    ]
    return make_table(layout, doc, inp.meta, rows)


@recipe("final_fiscal_summary")
def _final_fiscal_summary(inp: FinalInput, layout: TableLayout, doc: DocumentLayout) -> Table:
    income = _fund_sums(inp, "income")
    carry = _fund_sums(inp, "carryover")
    fiscal = [ln for ln in inp.lines if ln.fund in FISCAL_FUNDS]
    current = total(income[f] for f in FISCAL_FUNDS)
    carry_total = total(carry[f] for f in FISCAL_FUNDS)
    grand = total([current, carry_total])
    rows = [
        side_row("income", "general_budget", "一、一般公共预算财政拨款", values([("total", income["general_budget"])])),
        side_row("income", "gov_fund", "二、政府性基金预算财政拨款", values([("total", income["gov_fund"])])),
        side_row("income", "state_capital", "三、国有资本经营预算财政拨款", values([("total", income["state_capital"])])),
        side_row("income", "current_total", "本年收入合计", {"total": current}),
        side_row("income", "carryover", "年初财政拨款结转和结余", values([("total", carry_total)])),
        *(side_row("income", f"carryover.{f}", FUND_LABELS[f], values([("total", carry[f])])) for f in FISCAL_FUNDS),
        side_row("income", "grand_total", "总计", {"total": grand}),
    ]
    columns = {"total": FISCAL_FUNDS, **{f: (f,) for f in FISCAL_FUNDS}}
    rows += _final_class_rows(fiscal, columns, layout)

    def by_fund(fn) -> dict[str, Decimal]:
        return {"total": total(fn(f) for f in FISCAL_FUNDS), **{f: fn(f) for f in FISCAL_FUNDS}}

    def spent(f: str) -> Decimal:
        return total(ln.spending for ln in fiscal if ln.fund == f)

    spending = by_fund(spent)
    out = by_fund(lambda f: _q(income[f] + carry[f] - spent(f)))
    rows += [
        side_row("expenditure", "current_total", "本年支出合计", values(spending.items(), keep_zero=("total",))),
        side_row("expenditure", "carryover_out", "年末财政拨款结转和结余", values(out.items())),
        side_row("expenditure", "grand_total", "总计",
                 values(((k, _q(spending[k] + out[k])) for k in spending), keep_zero=("total",))),
    ]
    return make_table(layout, doc, inp.meta, rows)
