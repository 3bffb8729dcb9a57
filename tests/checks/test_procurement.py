"""claim.procurement_category: the stated 货物 / 工程 / 服务 against the 政府采购表's rows of each."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cnbudget.model import Column, Row, Source, Table
from tests.checks.conftest import W, run, texts

HEAD = "八、政府采购情况说明\n\n"
STATED = ("2026年当年本部门政府采购预算共{total}万元，其中政府采购货物类预算{goods}万元、"
          "政府采购服务类预算{services}万元、政府采购工程类预算{works}万元。\n")


def _row(name: str | None, amount: str, catalog: str | None = None, item: str | None = None) -> Row:
    texts = {"采购目录": catalog} if catalog else {}
    return Row(code=None, name=name, values={"total": Decimal(amount)}, source=Source(page=30),
               texts=texts, item=item)


def _by_catalog(*items: tuple[str, str]) -> Table:
    """A 西安-style table in 元: a 合计, a unit's line, and each item with its 采购目录 code."""
    total = sum(Decimal(a) for _, a in items)
    rows = (_row("合计", f"{total:.2f}", item="total"), _row("某某局", f"{total:.2f}"),
            *(_row("办公运转", a, c) for c, a in items))
    return Table(kind="procurement", title="部门综合预算政府采购（资产配置、购买服务）预算表", unit="元",
                 columns=(Column("total", "预算金额"),), rows=rows, source=Source(page=30))


ITEMS = (("A0601办公家具", "345580.00"), ("A020307专用车辆", "280000.00"),
         ("B08修缮工程", "500000.00"), ("C99其他服务", "2630000.00"), ("C1204物业管理服务", "643900.00"))


def test_a_category_stated_otherwise_than_its_rows_add_up():
    # the goods leave the vehicle out: 34.56 万元 stated, the A-rows add to 62.56
    text = STATED.format(total="411.95", goods="34.56", services="327.39", works="50.00")
    f = run(W(HEAD + text, tables=[_by_catalog(*ITEMS)]), "claim.procurement_category")
    assert texts(f) == [("claim.procurement_category", "warning")]
    assert "货物" in f[0].message and "62.56" in f[0].message


def test_category_rows_named_by_the_table():
    # a table with one row per category (货物 / 工程 / 服务): 工程 stated 0, the table prints 120
    rows = (_row("合计", "1120.00", item="total"), _row("货物", "100.00"), _row("工程", "120.00"),
            _row("服务", "900.00"))
    table = Table(kind="procurement", title="政府采购预算明细表", unit="万元",
                  columns=(Column("total", "总计"),), rows=rows, source=Source(page=30))
    text = STATED.format(total="1,120.00", goods="220.00", services="900.00", works="0")
    f = run(W(HEAD + text, tables=[table]), "claim.procurement_category")
    assert sorted(m.row for m in f) == ["工程", "货物"]


@pytest.mark.parametrize(("text", "items"), [
    # every category as its rows add up
    (STATED.format(total="439.95", goods="62.56", services="327.39", works="50.00"), ITEMS),
    # each row rounded to the 分 of 万元 first: 263.0049 + 64.3849 print as 263.00 + 64.38 = 327.38
    # (their exact sum 327.3898 prints 327.39)
    (STATED.format(total="327.38", goods="0.00", services="327.38", works="0.00"),
     (("C99其他服务", "2630049.00"), ("C1204物业管理服务", "643849.00"))),
])
def test_categories_the_table_bears_out_are_clean(text, items):
    assert not run(W(HEAD + text, tables=[_by_catalog(*items)]), "claim.procurement_category")


def test_a_table_whose_rows_are_not_all_classed_is_not_judged():
    # a code misread into another cell ("硬C0206…"): the classed rows do not add to the 合计
    items = (*ITEMS[:3], ("硬C0206运行维护服务", "2630000.00"), ITEMS[4])
    text = STATED.format(total="439.95", goods="0.00", services="0.00", works="0.00")
    assert not run(W(HEAD + text, tables=[_by_catalog(*items)]), "claim.procurement_category")


def test_the_categories_of_one_fund_are_not_the_tables_whole():
    text = ("政府采购预算总额439.95万元：政府采购货物预算62.56万元、政府采购工程预算50.00万元、政府采购服务预算327.39万元；"
            "其中一般公共预算拨款政府采购300.00万元：政府采购货物预算10.00万元、政府采购工程预算0万元、"
            "政府采购服务预算290.00万元。\n")
    assert not run(W(HEAD + text, tables=[_by_catalog(*ITEMS)]), "claim.procurement_category")
