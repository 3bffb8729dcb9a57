"""claim.grant_with_carryover: a stated 当年拨款 that counts last year's carry-over in."""

from __future__ import annotations

import pytest

from tests.checks.conftest import T, W, run, texts

RULE = "claim.grant_with_carryover"
HEAD = "（五）一般公共预算当年拨款情况说明\n\n"
# 本年收入 一般公共预算 1,000.00 and 政府性基金 50.00; carried over: 一般公共预算 260.00, 政府性基金 0
FISCAL = T("fiscal_summary", "total",
           ("income.general_budget", "1,000.00"), ("income.gov_fund", "50.00"),
           ("income.carryover", "260.00"), ("income.carryover.general_budget", "260.00"),
           ("income.carryover.gov_fund", "0.00"), ("income.grand_total", "1,310.00"))


def one(sentence: str, *tables, kind: str = "budget"):
    return run(W(HEAD + sentence + "\n", tables=tables or (FISCAL,), kind=kind), RULE)


def test_current_grant_stated_with_the_carryover_in():
    f = one("2024年一般公共预算当年拨款1,260.00万元，比上年执行数增加60.00万元。")
    assert texts(f) == [(RULE, "warning")]
    assert "本年收入 1000.00万元与上年结转 260.00万元之和" in f[0].message
    assert f[0].expected == 1000 and f[0].actual == 1260


def test_rounding_of_the_printed_parts_is_allowed():
    # 1,000.00 + 260.00 = 1,260.00; a sum printed one cent off is the same slip
    assert texts(one("2024年一般公共预算当年拨款1,260.01万元。")) == [(RULE, "warning")]


@pytest.mark.parametrize("sentence", [
    "2024年一般公共预算当年拨款1,000.00万元，比上年执行数增加60.00万元。",  # the current-year figure
    "2024年一般公共预算当年拨款1,200.00万元。",  # neither figure: claim.amount's business, not this slip
    # "收入" without 当年/本年 may be said of the income side's 总计
    "2024年一般公共预算财政拨款收入1,260.00万元。",
    # 政府性基金 carried nothing over
    "2024年政府性基金预算当年拨款50.00万元。",
])
def test_other_statements_say_nothing(sentence):
    assert not one(sentence)


def test_a_final_account_is_not_judged():
    assert not one("2024年一般公共预算当年拨款1,260.00万元。", kind="final")


def test_several_fiscal_summaries_leave_it_open():
    assert not one("2024年一般公共预算当年拨款1,260.00万元。", FISCAL, FISCAL)
