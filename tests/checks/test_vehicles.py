"""claim.vehicles_run."""

from __future__ import annotations

import pytest

from tests.checks.conftest import W, run, texts

THREE_PUBLIC = "五、“三公”经费预算情况\n\n"
ASSETS = "六、国有资产占用情况\n\n截至2025年10月，本局共有车辆8辆，其中：机要通信用车2辆、其他用车6辆。\n\n" \
         "2026年计划购置车辆{buy}辆、{money}万元。\n"


def doc(sentence: str, buy: int = 0) -> object:
    return W(THREE_PUBLIC + sentence + "\n\n" + ASSETS.format(buy=buy, money=buy * 15), year=2026)


def test_more_cars_run_than_held_and_bought():
    f = run(doc("公务用车运行维护费2026年预算数12.00万元，较2025年年初预算增加1.00万元，"
                "主要是10台公务用车的燃料费、维修费、保险费等支出。", buy=1), "claim.vehicles_run")
    assert texts(f) == [("claim.vehicles_run", "warning")]
    assert "10台公务用车" in f[0].message and "共有车辆 8 辆" in f[0].message and "计划购置车辆 1 辆" in f[0].message


@pytest.mark.parametrize("sentence, buy", [
    # as many as held, or held and bought
    ("公务用车运行维护费9.60万元，主要是用于本局8辆公务用车的日常运行维护。", 0),
    ("公务用车运行维护费10.80万元，主要用于9辆公务车辆的燃油、保险及维修。", 1),
    # a count of cars added, bought or scrapped is no count of cars run
    ("公务用车运行费12.00万元，比上年增加4.00万元，主要原因是增加10辆公务用车运维费。", 0),
    ("公务用车购置费30.00万元，主要是更新购置10辆公务用车。", 0),
    ("公务用车运行维护费减少，主要是10台公务用车已报废。", 0),
])
def test_cars_run_within_those_held_or_a_count_of_other_cars(sentence, buy):
    assert not run(doc(sentence, buy), "claim.vehicles_run")


def test_no_purchase_plan_or_two_holdings_bound_nothing():
    sentence = "公务用车运行维护费12.00万元，主要是10台公务用车的燃料费、维修费等支出。"
    no_plan = W(THREE_PUBLIC + sentence + "\n\n六、国有资产占用情况\n\n截至2025年10月，本局共有车辆8辆。\n", year=2026)
    assert not run(no_plan, "claim.vehicles_run")
    two = W(THREE_PUBLIC + sentence + "\n\n" + ASSETS.format(buy=0, money=0)
            + "\n所属事业单位共有车辆3辆。\n", year=2026)
    assert not run(two, "claim.vehicles_run")
