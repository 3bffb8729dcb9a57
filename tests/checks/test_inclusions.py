"""inclusion.* (warnings)."""

from __future__ import annotations

from tests.checks.conftest import C, D, T, keys, run


def test_fiscal_le_total_within_row():
    ok = T("income", "total general_budget fiscal", ("total", "1962.11", "1942.11", "1670.11"))
    assert not run(D(ok), "inclusion.fiscal_le_total")
    bad = T("income", "total general_budget fiscal", ("total", "1962.11", "1942.11", "1990.11"))
    f = run(D(bad), "inclusion.fiscal_le_total")
    assert ("inclusion.fiscal_le_total", "income", "total", "fiscal") in keys(f)
    assert all(x.severity == "warning" for x in f)


def test_fiscal_summary_classes_le_summary():
    f = T("fiscal_summary", "total", ("expenditure.210", "1814.44"))
    s = T("summary", "total", ("expenditure.210", "1834.44"))
    assert not run(D(f, s), "inclusion.fiscal_le_total")
    s2 = T("summary", "total", ("expenditure.210", "1804.44"))
    assert ("inclusion.fiscal_le_total", "fiscal_summary", "expenditure.210", "total") in keys(
        run(D(f, s2), "inclusion.fiscal_le_total"))


def test_carryover_le_total():
    f = T("fiscal_summary", "total", ("income.carryover", "772.37"), ("expenditure.carryover_out", "11.42"))
    s = T("summary", "total", ("income.carryover", None), ("expenditure.carryover_out", "11.42"))
    got = run(D(f, s, kind="final"), "inclusion.carryover_le_total")
    assert ("inclusion.carryover_le_total", "fiscal_summary", "income.carryover", "total") in keys(got)
    s_ok = T("summary", "total", ("income.carryover", "772.37"), ("expenditure.carryover_out", "11.42"))
    assert not run(D(f, s_ok, kind="final"), "inclusion.carryover_le_total")


def test_three_public_items():
    t3 = T("three_public", "total abroad vehicle vehicle_purchase vehicle_operation reception",
           ("total", "9.40", "0.00", "9.00", "0.00", "9.00", "0.40"))
    b = T("basic_expenditure", "total personnel public", ("30231", "1.00", None, "1.00"), ("30217", "0.40", None, "0.40"))
    assert not run(D(t3, b), "inclusion.three_public_items")
    b2 = T("basic_expenditure", "total personnel public", ("30231", "1.00", None, "1.00"), ("30217", "2.40", None, "2.40"))
    assert ("inclusion.three_public_items", "three_public", "total", "reception") in keys(
        run(D(t3, b2), "inclusion.three_public_items"))


def test_running_costs():
    b = T("basic_expenditure", "total personnel public", ("total", "1040.11", "1014.41", "25.70"))
    ok = D(b, claims=[C(1, "amount", "25.70", subject="机关运行经费")])
    assert not run(ok, "inclusion.running_costs")
    bad = D(b, claims=[C(1, "amount", "35.70", subject="机关运行经费")])
    assert [x.severity for x in run(bad, "inclusion.running_costs")] == ["warning"]


def test_running_costs_one_unit_above_public_funds_in_yuan_is_a_rounding_tail():
    # 公用经费 13,604,142.01元 (1,360.4142万元); the narrative: 1360.42万元, rounded up the wrong way
    b = T("basic_expenditure", "total personnel public", ("total", "50000000.00", "36395857.99", "13604142.01"),
          unit="元")
    tail = run(D(b, claims=[C(1, "amount", "1360.42", subject="机关运行经费", unit="万元")]), "inclusion.running_costs")
    assert [x.severity for x in tail] == ["info"]
    more = run(D(b, claims=[C(1, "amount", "1360.52", subject="机关运行经费", unit="万元")]), "inclusion.running_costs")
    assert [x.severity for x in more] == ["warning"]


def test_running_costs_below_public_funds_is_no_finding():
    # a department with 事业单位: its 机关运行经费 (administrative units only) is a part of 公用经费
    b = T("basic_expenditure", "total personnel public", ("total", "1040.11", "1014.41", "25.70"))
    assert not run(D(b, claims=[C(1, "amount", "20.00", subject="机关运行经费")]), "inclusion.running_costs")


def test_running_costs_compared_in_one_unit():
    # the table in 元, the narrative in 万元: 5.8 万元 = 58,000 元 ≤ 106,691 元
    b = T("basic_expenditure", "total personnel public", ("total", "2040110", "1933419", "106691"))
    b = b.__class__(**{**b.__dict__, "unit": "元"})
    assert not run(D(b, claims=[C(1, "amount", "5.8", subject="机关运行经费")]), "inclusion.running_costs")
    assert run(D(b, claims=[C(1, "amount", "15.8", subject="机关运行经费")]), "inclusion.running_costs")


def test_fiscal_income_may_exceed_the_general_budget_line():
    # 其中：财政拨款 includes 政府性基金: bounded by the year's income, not by 一般公共预算
    s = T("summary", "total", ("income.general_budget", "366195.79"), ("income.fiscal", "373795.79"),
          ("income.current_total", "380000.00"))
    assert not run(D(s), "inclusion.fiscal_le_total")
    s2 = T("summary", "total", ("income.fiscal", "390000.00"), ("income.current_total", "380000.00"))
    assert ("inclusion.fiscal_le_total", "summary", "income.fiscal", "total") in keys(run(D(s2), "inclusion.fiscal_le_total"))
