"""summary.balance, summary.classes, summary.income_items."""

from __future__ import annotations

from tests.checks.conftest import D, T, keys, run


def summary_002(carry: str | None = None, other: str | None = None):
    """安阳 2021 决算 (seed 002): 年初结转和结余 blank, 其他收入 blank."""
    return T("summary", "total",
             ("income.general_budget", "1442.80"), ("income.gov_fund", "0.00"), ("income.business", "0.00"),
             ("income.other", other),
             ("expenditure.201", "142.00"), ("expenditure.208", "73.11"), ("expenditure.210", "2469.19"),
             ("income.current_total", "1923.35"), ("expenditure.current_total", "2684.31"),
             ("income.non_fiscal_surplus", "0.00"), ("expenditure.surplus_distribution", "0.00"),
             ("income.carryover", carry), ("expenditure.carryover_out", "11.42"),
             ("income.grand_total", "2695.72"), ("expenditure.grand_total", "2695.72"))


def test_balance_fires_on_blank_carryover():
    f = run(D(summary_002(), kind="final"), "summary.balance")
    assert ("summary.balance", "summary", "income.grand_total", "total") in keys(f)
    assert "空白" in f[0].message
    # the expenditure side 2684.31 + 11.42 = 2695.73 vs 2695.72 is rounding only
    assert not [x for x in f if x.row == "expenditure.grand_total"]


def test_balance_quiet_when_carryover_printed():
    assert not run(D(summary_002(carry="772.37", other="480.55"), kind="final"), "summary.balance")


def test_balance_grand_totals_differ():
    t = T("summary", "total", ("income.current_total", "10.00"), ("income.grand_total", "10.00"),
          ("expenditure.current_total", "12.00"), ("expenditure.grand_total", "12.00"))
    f = run(D(t), "summary.balance")
    assert ("summary.balance", "summary", "expenditure.grand_total", "total") in keys(f)


def test_income_items_fire_on_missing_other_income():
    f = run(D(summary_002(carry="772.37"), kind="final"), "summary.income_items")
    assert ("summary.income_items", "summary", "income.current_total", "total") in keys(f)
    assert not run(D(summary_002(carry="772.37", other="480.55"), kind="final"), "summary.income_items")


def test_income_items_regular_plus_nontax():
    ok = T("fiscal_summary", "total", ("income.current_total", "1512.56"), ("income.general_budget", "1512.56"),
           ("income.general_budget.regular", "1212.77"), ("income.general_budget.nontax", "299.78"))
    assert not run(D(ok), "summary.income_items")  # 1512.55 vs 1512.56: rounding
    bad = T("fiscal_summary", "total", ("income.current_total", "1512.56"), ("income.general_budget", "1512.56"),
            ("income.general_budget.regular", "1112.77"), ("income.general_budget.nontax", "299.78"))
    assert ("summary.income_items", "fiscal_summary", "income.general_budget", "total") in keys(
        run(D(bad), "summary.income_items"))


def test_classes_add_up():
    assert not run(D(summary_002(carry="772.37", other="480.55"), kind="final"), "summary.classes")
    t = T("summary", "total", ("expenditure.208", "52.69"), ("expenditure.210", "591.37"),
          ("expenditure.current_total", "654.06"))
    assert ("summary.classes", "summary", "expenditure.current_total", "total") in keys(run(D(t), "summary.classes"))


def test_income_line_printed_below_the_years_total_belongs_to_the_grand_total():
    # 烟台: 上级补助收入 60.00 printed under 本年收入合计 45,907.29; 收入总计 45,967.29 includes it
    t = T("summary", "total",
          ("income.general_budget", "45847.29"), ("income.business", "60.00"),
          ("income.current_total", "45907.29"), ("income.superior_subsidy", "60.00"),
          ("income.grand_total", "45967.29"),
          ("expenditure.current_total", "45967.29"), ("expenditure.grand_total", "45967.29"))
    assert not run(D(t), "summary.income_items")
    assert not run(D(t), "summary.balance")


def test_balance_counts_the_unspent_account_balance_on_the_expenditure_side():
    # 西安: 本年支出合计 + 结转下年 + 未安排支出的实户资金 = 支出总计 (mirror of 上年实户资金余额)
    t = T("summary", "total",
          ("income.current_total", "1056.07"), ("income.account_balance", "3.39"), ("income.grand_total", "1059.46"),
          ("expenditure.current_total", "1055.91"), ("expenditure.carryover_out", "0.16"),
          ("expenditure.account_balance", "3.39"), ("expenditure.grand_total", "1059.46"))
    assert not [x for x in run(D(t), "summary.balance") if x.row == "expenditure.grand_total"]


def _fiscal(expenditure_total: str | None, *extra: tuple):
    """corpus c207 表04: 本年收入合计 5973.01 beside a blank 本年支出合计 (name and figure)."""
    return T("fiscal_summary", "total",
             ("income.general_budget", "5973.01"), ("expenditure.208", "5756.51"), ("expenditure.210", "71.42"),
             ("expenditure.221", "145.08"), *extra, ("income.current_total", "5973.01"),
             *((("expenditure.current_total", expenditure_total),) if expenditure_total != "no row" else ()),
             ("income.grand_total", "5973.01"), ("expenditure.grand_total", "5973.01"))


def test_a_blank_expenditure_total_beside_the_income_total():
    for blank in ("no row", None):
        f = run(D(_fiscal(blank)), "summary.total_missing")
        assert keys(f) == {("summary.total_missing", "fiscal_summary", "expenditure.current_total", "total")}
        assert f[0].severity == "warning" and "5973.01" in f[0].message


def test_a_printed_expenditure_total_or_an_unlabelled_line_with_the_sum_is_no_blank():
    assert not run(D(_fiscal("5973.01")), "summary.total_missing")
    # the total's label not read: a line of the expenditure side carries the classes' sum
    assert not run(D(_fiscal("no row", ("支出合计", "5973.01"))), "summary.total_missing")
