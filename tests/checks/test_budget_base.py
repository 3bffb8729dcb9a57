"""claim.completion_base: "完成年初预算的 X%" computed on 年初预算, not on 全年预算."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cnbudget.model import Column, Row, Source, Table
from tests.checks.conftest import W, run, texts

RULE = "claim.completion_base"
HEAD = "三、一般公共预算财政拨款支出决算情况\n\n"


def one(sentence: str, tables=()):
    return run(W(HEAD + sentence + "\n", kind="final", tables=tables), RULE)


def test_rate_on_the_full_year_budget_is_named():
    f = one("一般公共预算财政拨款支出年初预算为100.00万元，全年预算为120.00万元，支出决算为110.00万元，完成年初预算的91.67%。")
    assert texts(f) == [(RULE, "error")]
    assert "110.00" in f[0].message and f[0].expected == Decimal("110.00") and f[0].actual == Decimal("91.67")


@pytest.mark.parametrize("sentence", [
    # computed on 年初预算: right
    "一般公共预算财政拨款支出年初预算为100.00万元，全年预算为120.00万元，支出决算为110.00万元，完成年初预算的110.00%。",
    # the budget was not adjusted: both bases give the same rate
    "一般公共预算财政拨款支出年初预算为100.00万元，全年预算为100.00万元，支出决算为91.67万元，完成年初预算的91.67%。",
    # the sentence says 全年预算: that base is the one stated
    "一般公共预算财政拨款支出年初预算为100.00万元，全年预算为120.00万元，支出决算为110.00万元，完成全年预算的91.67%。",
    # a rate that fits neither base is claim.share's, not a wrong base
    "一般公共预算财政拨款支出年初预算为100.00万元，全年预算为120.00万元，支出决算为110.00万元，完成年初预算的80.00%。",
])
def test_rates_on_the_right_base_or_another_rules(sentence):
    assert not one(sentence)


def test_wording_variants():
    f = one("一般公共预算财政拨款支出年初预算为100.00万元，全年预算为120.00万元，支出决算为110.00万元，为年初预算的91.67%。")
    assert texts(f) == [(RULE, "error")]


def _review(initial: str, final: str, executed: str) -> Table:
    row = Row(code=None, name="信息化运行维护项目",
              values={"initial_budget": Decimal(initial), "final_budget": Decimal(final), "executed": Decimal(executed)},
              source=Source(page=40))
    return Table(kind="performance_review", title="信息化运行维护项目绩效自评表", unit="万元",
                 columns=tuple(Column(c, c) for c in ("initial_budget", "final_budget", "executed")),
                 rows=(row,), source=Source(page=40))


def test_base_from_the_table_line_with_both_budgets():
    table = _review("100.00", "120.00", "110.00")
    f = one("信息化运行维护项目年初预算为100.00万元，支出决算为110.00万元，完成年初预算的91.67%。", tables=[table])
    assert texts(f) == [(RULE, "error")] and "绩效自评表" in f[0].message
    assert not one("信息化运行维护项目年初预算为100.00万元，支出决算为110.00万元，完成年初预算的110.00%。", tables=[table])
    # the table line must print the stated 执行数 (and 年初预算): another line is another project
    assert not one("某项目年初预算为100.00万元，支出决算为105.00万元，完成年初预算的87.50%。", tables=[table])


def test_adjusted_budget_wording_is_the_full_year_base():
    f = one("一般公共预算财政拨款支出年初预算为100.00万元，调整预算为120.00万元，支出决算为110.00万元，完成年初预算的91.67%。")
    assert texts(f) == [(RULE, "error")]
    assert not one("一般公共预算财政拨款支出年初预算为100.00万元，调整预算为120.00万元，支出决算为110.00万元，完成年初预算的110.00%。")
