"""Recipes of the function-classified tables: 合计, then each 类, its 款 and their 项.

    function_lines     a budget's spending by 项 and economic kind (部门支出预算表, 一般公共预算
                       支出预算表, 政府性基金 / 国有资本经营预算支出表; ``fund`` picks the lines)
    final_income       收入决算表: a final account's income by 项 and source
    final_expenditure  支出决算表: its spending by 项 and kind
    final_fund         one fiscal fund's spending (公开05/07/08表; 07 adds carry-in and -out)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal

from cnbudget.model import Row, Table
from cnbudget.produce.inputs import (
    FISCAL_FUNDS,
    OTHER_SOURCES,
    SPENDING,
    BudgetInput,
    FinalInput,
    FinalLine,
    FunctionLine,
)
from cnbudget.produce.layout import DocumentLayout, TableLayout
from cnbudget.produce.money import total
from cnbudget.produce.recipe import NO_SOURCE, ZERO, function_name, make_table, recipe, values

# --- budgets: lines split by economic kind --------------------------------------------------

_FUNCTION_COLS = ("wages", "household", "goods_services", "capital", "project_operating", "project_specific")


def function_values(lines: Iterable[FunctionLine]) -> dict[str, Decimal]:
    """A budget row's amounts: the economic parts, 基本支出, 项目支出 and 合计 of its lines."""
    lines = list(lines)
    v = {c: total(getattr(ln, c) for ln in lines) for c in _FUNCTION_COLS}
    v["basic"] = total([v["wages"], v["household"], v["goods_services"], v["capital"]])
    v["project"] = total([v["project_operating"], v["project_specific"]])
    v["total"] = total([v["basic"], v["project"]])
    order = ("total", "basic", "wages", "household", "goods_services", "capital", "project",
             "project_operating", "project_specific")
    return values((k, v[k]) for k in order)


def function_rows(lines: list[FunctionLine], names: Mapping[str, str]) -> list[Row]:
    """合计 row, then each 类, its 款 and their 项 in code order, each a sum of its 项 lines."""
    rows = [Row(code=None, name="合计", values=function_values(lines), source=NO_SOURCE, item="total")]
    by_code: dict[str, list[FunctionLine]] = defaultdict(list)
    for ln in lines:
        by_code[ln.code].append(ln)
    item_names = {ln.code: ln.name for ln in lines}
    for cls in sorted({c[:3] for c in by_code}):
        members = [ln for ln in lines if ln.code.startswith(cls)]
        rows.append(Row(code=cls, name=function_name(cls, names), values=function_values(members),
                        source=NO_SOURCE))
        for kuan in sorted({c[:5] for c in by_code if c.startswith(cls)}):
            members = [ln for ln in lines if ln.code.startswith(kuan)]
            rows.append(Row(code=kuan, name=function_name(kuan, names), values=function_values(members),
                            source=NO_SOURCE))
            for xiang in sorted(c for c in by_code if c.startswith(kuan)):
                rows.append(Row(code=xiang, name=names.get(xiang, item_names[xiang]),
                                values=function_values(by_code[xiang]), source=NO_SOURCE))
    return rows


@recipe("function_lines")
def _function_lines(inp: BudgetInput, layout: TableLayout, doc: DocumentLayout) -> Table:
    lines = [ln for ln in inp.function_lines if layout.fund is None or ln.fund == layout.fund]
    return make_table(layout, doc, inp.meta, function_rows(lines, inp.class_names))


# --- final accounts: lines by source of funds -------------------------------------------------


def _hierarchy(items: Mapping[str, Mapping[str, Decimal]], item_names: Mapping[str, str],
               names: Mapping[str, str], year: int | None, columns: tuple[str, ...],
               keep_zero: tuple[str, ...] = ("total",)) -> list[Row]:
    """合计, then each 类, its 款 and their 项 in code order; every row a sum of its 项."""
    codes = sorted(c for c, v in items.items() if any(v.get(col, ZERO) != 0 for col in columns))

    def sums(members: list[str]) -> dict[str, Decimal]:
        return values(((col, total(items[m].get(col, ZERO) for m in members)) for col in columns),
                      keep_zero=keep_zero if members else ())

    rows = [Row(code=None, name="合计", values=sums(codes), source=NO_SOURCE, item="total")]
    for cls in sorted({c[:3] for c in codes}):
        rows.append(Row(code=cls, name=function_name(cls, names, year),
                        values=sums([c for c in codes if c.startswith(cls)]), source=NO_SOURCE))
        for kuan in sorted({c[:5] for c in codes if c.startswith(cls)}):
            rows.append(Row(code=kuan, name=function_name(kuan, names, year),
                            values=sums([c for c in codes if c.startswith(kuan)]), source=NO_SOURCE))
            for xiang in (c for c in codes if c.startswith(kuan)):
                rows.append(Row(code=xiang, name=names.get(xiang, item_names.get(xiang, xiang)),
                                values=sums([xiang]), source=NO_SOURCE))
    return rows


def _by_code(lines: Iterable[FinalLine], columns: Mapping[str, object]) -> dict[str, dict[str, Decimal]]:
    """项 code → column id → sum over the lines; ``columns`` maps an id to a line → amount."""
    out: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for ln in lines:
        for cid, fn in columns.items():
            out[ln.code][cid] += fn(ln)  # type: ignore[operator]
    return out


def _names(inp: FinalInput) -> dict[str, str]:
    return {ln.code: ln.name for ln in inp.lines}


@recipe("final_income")
def _final_income(inp: FinalInput, layout: TableLayout, doc: DocumentLayout) -> Table:
    cols: dict[str, object] = {
        "total": lambda ln: ln.income,
        "fiscal": lambda ln: ln.income if ln.fund in FISCAL_FUNDS else ZERO,
        **{s: (lambda ln, s=s: ln.income if ln.fund == s else ZERO) for s in OTHER_SOURCES},
    }
    rows = _hierarchy(_by_code(inp.lines, cols), _names(inp), inp.class_names, inp.meta.year, tuple(cols))
    return make_table(layout, doc, inp.meta, rows)


@recipe("final_expenditure")
def _final_expenditure(inp: FinalInput, layout: TableLayout, doc: DocumentLayout) -> Table:
    cols = {"total": lambda ln: ln.spending, **{c: (lambda ln, c=c: getattr(ln, c)) for c in SPENDING}}
    rows = _hierarchy(_by_code(inp.lines, cols), _names(inp), inp.class_names, inp.meta.year, tuple(cols))
    return make_table(layout, doc, inp.meta, rows)


@recipe("final_fund")
def _final_fund(inp: FinalInput, layout: TableLayout, doc: DocumentLayout) -> Table:
    lines = [ln for ln in inp.lines if ln.fund == layout.fund]
    cols: dict[str, object] = {"total": lambda ln: ln.spending, "basic": lambda ln: ln.basic,
                               "project": lambda ln: ln.project}
    if "carryover" in layout.amount_ids():  # 公开07表 also prints carry-in, income and carry-out
        cols = {"carryover": lambda ln: ln.carryover, "current_income": lambda ln: ln.income, **cols,
                "carryover_out": lambda ln: ln.carryover_out}
    rows = _hierarchy(_by_code(lines, cols), _names(inp), inp.class_names, inp.meta.year, tuple(cols))
    if len(rows) == 1:  # nothing of this fund: the 合计 line alone, blank
        rows = [Row(code=None, name="合计", values={}, source=NO_SOURCE, item="total")]
    return make_table(layout, doc, inp.meta, rows)
