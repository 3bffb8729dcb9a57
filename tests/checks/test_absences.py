"""claim.no_vehicle_purchase."""

from __future__ import annotations

import pytest

from tests.checks.conftest import T, W, run, texts

HEAD = "七、其他重要事项情况说明\n\n"


def three_public(purchase: str) -> object:
    return T("three_public", "total vehicle vehicle_purchase vehicle_operation",
             ("total", "42.26", "37.25", purchase, "22.05"))


@pytest.mark.parametrize("sentence", [
    # 福州 2026 (corpus c143 p37): no car, and the 三公 table budgets 221.04 for buying cars
    "2026年单位预算安排购置车辆0辆，其中：执法执勤用车18辆。",
    # 烟台 2026 (corpus c176 p30): the clause before names last year, this one this year
    "公务用车购置费15.2万元，比上年减少38.8万元，主要原因是上年度购置新车，本年度未报送购置车辆预算。",
    "2026年本部门无公务用车购置计划。",
])
def test_no_car_bought_against_a_purchase_in_the_tables(sentence):
    f = run(W(HEAD + sentence + "\n", year=2026, tables=(three_public("15.20"),)), "claim.no_vehicle_purchase")
    assert texts(f) == [("claim.no_vehicle_purchase", "error")]
    assert "15.20" in f[0].message and f[0].table == "three_public"


@pytest.mark.parametrize("sentence", [
    "2026年单位预算安排购置车辆0辆。",
    # another year's, or a part of the department's, or a list that leaves cars out
    "2025年未安排公务用车购置。", "上年无公务用车购置。", "本级未安排购置车辆。",
    "安排购置单价100万元（含）以上设备（不含车辆）0台。",
])
def test_no_finding_where_the_tables_agree_or_the_clause_speaks_of_another_scope(sentence):
    assert not run(W(HEAD + sentence + "\n", year=2026, tables=(three_public("0.00"),)), "claim.no_vehicle_purchase")
    if "2026" not in sentence:
        assert not run(W(HEAD + sentence + "\n", year=2026, tables=(three_public("15.20"),)),
                       "claim.no_vehicle_purchase")


def test_an_economic_table_printing_a_car_purchase():
    basic = T("basic_expenditure", "total", ("31013", "221.04"), names={"31013": "公务用车购置"})
    f = run(W(HEAD + "2026年单位预算安排购置车辆0辆。\n", year=2026, tables=(basic,)), "claim.no_vehicle_purchase")
    assert len(f) == 1 and "31013" in f[0].message


def test_a_car_in_the_procurement_table():
    # 西安 2022 (corpus c154 p31, 表12 p58): "未安排购置车辆" and a 轿车 bought under 310 01; a hired car
    # (C0403…租赁服务) is none, and a statement of the 一般公共预算 alone is not weighed against it
    from cnbudget.model import Row, Source, Table

    def line(name: str, item: str, total: str) -> Row:
        from decimal import Decimal
        return Row(code=None, name=name, values={"total": Decimal(total)}, source=Source(page=58),
                   texts={"采购目录": item})

    def procurement(*rows: Row) -> Table:
        return Table(kind="procurement", title="政府采购预算表", unit="元", columns=(), rows=rows, source=Source(page=58))

    said = HEAD + "2022年当年部门预算未安排购置车辆。\n"
    cars = procurement(line("2022年公务用车购置", "A02030501轿车", "120000.00"),
                       line("监管业务经费", "C0499其他租赁服务", "299800.00"))
    f = run(W(said, year=2022, tables=(three_public("0.00"), cars)), "claim.no_vehicle_purchase")
    assert len(f) == 1 and "A02030501轿车" in f[0].message and f[0].table == "procurement"
    hired = procurement(line("消防技术服务经费", "C0403车辆及其他运输机械租赁服务", "161400.00"))
    assert not run(W(said, year=2022, tables=(hired,)), "claim.no_vehicle_purchase")
    fiscal = HEAD + "2022年一般公共预算安排购置车辆0辆。\n"
    assert not run(W(fiscal, year=2022, tables=(cars,)), "claim.no_vehicle_purchase")


def test_no_fund_said_where_the_tables_print_it():
    # 深圳 2026 (corpus c067 p15): "无…上级专项转移支付预算支出" while the project table prints 上级下达资金 237.00
    said = HEAD + "本单位无政府性基金预算支出、国有资本经营预算支出和上级专项转移支付预算支出。\n"
    projects = T("projects", "total", ("total", "537.00"), ("上级下达资金", "237.00"))
    f = run(W(said, year=2026, tables=(projects,)), "claim.no_fund")
    assert texts(f) == [("claim.no_fund", "error")] and "上级下达资金" in f[0].message
    # the summary printing a 政府性基金 line above zero
    summary = T("summary", "total", ("income.gov_fund", "12.00"))
    f = run(W(said, year=2026, tables=(summary,)), "claim.no_fund")
    assert len(f) == 1 and "政府性基金" in f[0].message
    # a fund the tables print as zero, carried-over money, 无锡 (a city), a final account: none
    assert not run(W(said, year=2026, tables=(T("summary", "total", ("income.gov_fund", "0.00")),)), "claim.no_fund")
    for other in ("本单位无上年结转的政府性基金。", "无锡市政府性基金预算支出详见表7。"):
        assert not run(W(HEAD + other + "\n", year=2026, tables=(summary,)), "claim.no_fund"), other
    assert not run(W(said, year=2026, kind="final", tables=(summary,)), "claim.no_fund")
