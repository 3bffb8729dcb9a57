"""claim.fund_exclusivity: "均为一般公共预算拨款" against the funds the tables print."""

from __future__ import annotations

import pytest

from tests.checks.conftest import T, W, run, texts

RULE = "claim.fund_exclusivity"
HEAD = "一、收入支出预算总体情况\n\n"


def one(sentence: str, *tables):
    return run(W(HEAD + sentence + "\n", tables=tables), RULE)


INCOME_WITH_FUND = T("income", "total general_budget gov_fund special_account",
                     ("total", "1,200.00", "1,000.00", "200.00", None))
INCOME_GENERAL_ONLY = T("income", "total general_budget gov_fund", ("total", "1,000.00", "1,000.00", "0.00"))


def test_all_general_budget_while_a_fund_carries_money():
    f = one("2024年收入预算1,200.00万元，均为一般公共预算拨款。", INCOME_WITH_FUND)
    assert texts(f) == [(RULE, "error")]
    assert "gov_fund" in f[0].message or "200.00" in f[0].message
    assert f[0].table == "income" and f[0].text.startswith("2024年收入预算")


@pytest.mark.parametrize("sentence,table", [
    # true: nothing else is printed
    ("2024年收入预算1,000.00万元，均为一般公共预算拨款。", INCOME_GENERAL_ONLY),
    # the amount is the 一般公共预算 part itself: true of it
    ("一般公共预算拨款收入1,000.00万元，全部为一般公共预算拨款。", INCOME_WITH_FUND),
    # hedged
    ("2024年收入预算1,200.00万元，主要全部为一般公共预算拨款。", INCOME_WITH_FUND),
    # an amount that is no total of the tables (a project, 三公, 政府采购): not judged
    ("政府采购预算总额45.00万元，均为一般公共预算拨款。", INCOME_WITH_FUND),
    # no amount, and a subject narrower than the department's income
    ("项目支出均为一般公共预算拨款。", INCOME_WITH_FUND),
    ("本部门收入均为一般公共预算拨款。", INCOME_GENERAL_ONLY),
])
def test_true_hedged_or_unbound_statements_say_nothing(sentence, table):
    assert not one(sentence, table)


def test_amount_after_the_phrase_and_fiscal_wording():
    f = one("收入按资金来源分全部为一般公共预算拨款1,200.00万元。", INCOME_WITH_FUND)
    assert texts(f) == [(RULE, "error")]
    # 财政拨款 covers 政府性基金 too; a 财政专户 amount is another source
    fiscal_only = T("income", "total general_budget gov_fund special_account",
                    ("total", "1,200.00", "1,000.00", "200.00", "0.00"))
    assert not one("2024年收入预算1,200.00万元，全部为财政拨款。", fiscal_only)
    with_account = T("income", "total general_budget gov_fund special_account",
                     ("total", "1,300.00", "1,000.00", "200.00", "100.00"))
    assert texts(one("2024年收入预算1,300.00万元，全部为财政拨款。", with_account)) == [(RULE, "error")]


def test_carryover_without_a_fund_is_no_other_fund():
    # 上年结转 printed as one figure may be 一般公共预算 money carried over: no finding
    t = T("income", "total general_budget carryover", ("total", "1,260.00", "1,000.00", "260.00"))
    assert not one("2024年收入预算1,260.00万元，全部为一般公共预算拨款。", t)


def test_summary_and_fiscal_summary_scopes():
    s = T("summary", "total", ("income.general_budget", "1,000.00"), ("income.gov_fund", "50.00"),
          ("income.grand_total", "1,050.00"))
    assert texts(one("收入总计1,050.00万元，均为一般公共预算拨款。", s)) == [(RULE, "error")]
    f = T("fiscal_summary", "total general_budget gov_fund", ("income.current_total", "800.00", "780.00", "20.00"))
    assert texts(one("财政拨款收入800.00万元，全部为一般公共预算拨款收入。", f)) == [(RULE, "error")]
    f_ok = T("fiscal_summary", "total general_budget gov_fund", ("income.current_total", "800.00", "800.00", None))
    assert not one("财政拨款收入800.00万元，全部为一般公共预算拨款收入。", f_ok)


def test_the_departments_income_said_without_an_amount():
    f = one("本部门收入均为一般公共预算拨款。", INCOME_WITH_FUND)
    assert texts(f) == [(RULE, "error")] and "本年收入" in f[0].message
    # this year's income: 上年结转 printed as one figure is not another fund
    t = T("income", "total general_budget carryover", ("total", "1,260.00", "1,000.00", "260.00"))
    assert not one("2024年本部门收入全部为一般公共预算拨款。", t)
