"""wording.reason_of_other_item: the reason given for one 三公 item speaks of another;
wording.zero_reason: the reason for a figure of nothing names no absence."""

from __future__ import annotations

import pytest

from tests.checks.conftest import W, run, texts

HEAD = "六、“三公”经费预算情况说明\n\n"


@pytest.mark.parametrize("text,item,other", [
    # 深圳 template: the item's heading, then its figures and reason (corpus c075 p10)
    ("1.因公出国（境）费。2026年预算数5万元，较2025年年初预算减少1万元，主要是根据年度因公出国计划任务安排相关预算。\n"
     "2.公务接待费。2026年预算数3万元，较2025年年初预算减少2万元，主要是根据年度因公出国计划任务安排相关预算。",
     "公务接待费", "因公出国（境）费"),
    # 西安 template (corpus c161 p15)
    ("本部门当年一般公共预算会议费预算支出1.96万元，较上年减少0.04万元，下降2.00%，"
     "下降的主要原因是：落实过紧日子相关要求，减少公务接待费预算。",
     "会议费", "公务接待费"),
])
def test_a_reason_speaking_of_another_item_is_found(text, item, other):
    f = run(W(HEAD + text + "\n"), "wording.reason_of_other_item")
    assert texts(f) == [("wording.reason_of_other_item", "warning")]
    assert f"“{item}”" in f[0].message and f"“{other}”" in f[0].message


@pytest.mark.parametrize("text", [
    # the 三公 total explained by one of its items
    "“三公”经费预算支出4.50万元，较上年减少0.50万元，下降的主要原因是：本年公务接待费预算减少。",
    # running costs explained by vehicles bought: one family
    "公务用车运行维护费22.05万元，比上年增加1.15万元，主要原因是本年度新购置车辆1辆。",
    # the reason names its own item too
    "公务接待费2.00万元，较上年减少0.50万元，主要原因是因公出国和公务接待任务均减少。",
    # a trip to Hong Kong is 因公出国（境）
    "因公出国（境）费0.00万元，与上年持平，主要是我局2026年有因公赴港澳培训计划一次，经费暂不安排。",
    # the next sentence is about something else: the subject does not carry over
    "公务接待费2.00万元，较上年减少0.50万元。本年度会议次数减少，原因是压缩会议。",
])
def test_reasons_about_their_own_item_are_clean(text):
    assert not run(W(HEAD + text + "\n"), "wording.reason_of_other_item")


def test_a_reason_for_nothing_that_names_no_absence_is_found():
    # 深圳 template (corpus c057 p12): the 无 of "主要是无车辆购置计划" dropped
    f = run(W(HEAD + "2026年计划购置车辆0辆、0万元，主要是车辆购置计划；单价100万元以上设备0台（套）、0万元。\n"),
            "wording.zero_reason")
    assert texts(f) == [("wording.zero_reason", "warning")]
    assert "“车辆购置计划”" in f[0].message and "2026年计划购置车辆0辆" in f[0].message


@pytest.mark.parametrize("text", [
    "2026年计划购置车辆0辆、0万元，主要是无车辆购置计划。",
    "2026年计划购置车辆0辆、0万元，主要是现有车辆能够满足工作需要。",
    "2026年计划购置车辆0辆、0万元，主要原因是厉行节约。",
    "2026年计划购置车辆0辆、0.00万元，主要是本单位2026年未安排经费用于公务用车购置。",
    "公务用车购置费0.00万元，比2025年预算减少24.00万元，主要原因是公务用车已于上年处置。",
    # a change of 0 is explained by the item's use, not by an absence
    "公务接待费3.00万元，较2025年年初预算增加0.00万元，主要是用于接待上级工作检查。",
    # last year's 0
    "比上年执行数增加18.00万元（上年执行数为0.00万元，无法计算增减比率），主要原因是下拨补助资金。",
    # a figure that is not nothing
    "2026年计划购置车辆2辆、30万元，主要是车辆更新计划。",
])
def test_reasons_that_say_why_nothing_or_explain_something_else_are_clean(text):
    assert not run(W(HEAD + text + "\n"), "wording.zero_reason")


def test_a_spending_change_explained_by_the_income_only_is_found():
    # 湖州 (corpus c205 p7): the income paragraph's reason repeated under the spending
    text = ("2026年支出预算515313.35万元，比上年执行数减少10087.38万元，下降1.9%，主要是政府性基金预算收入"
            "较上年执行数下降45.9%，事业收入较上年执行数增长7.6%。")
    f = run(W("（三）支出预算情况说明\n\n" + text + "\n"), "wording.reason_of_income")
    assert texts(f) == [("wording.reason_of_income", "warning")] and "45.9%" in f[0].message


@pytest.mark.parametrize("text", [
    # the same reason under the income is the income's own
    "2026年收入预算515313.35万元，比上年执行数减少10087.38万元，主要是政府性基金预算收入较上年执行数下降45.9%。",
    # a spending reason that speaks of the spending
    "2026年支出预算515313.35万元，比上年减少10087.38万元，主要是政府性基金安排的项目支出减少。",
    "支出预算比上年减少100.00万元，主要原因是事业收入减少，相应安排的支出减少。",
])
def test_reasons_of_the_income_or_about_the_spending_are_clean(text):
    assert not run(W("（三）预算情况说明\n\n" + text + "\n"), "wording.reason_of_income")


@pytest.mark.parametrize("text", [
    # 无锡 2026 (corpus c124 p49)
    "“三公”经费支出预算3万元，比上年预算减少25.47万元，变动原因本年度部门不单独编制因公出国（境）费。",
    "公务接待费1.5万元，增加0.5万元，主要原因工作任务增加。",
    # 西安 2022 (corpus c163 p20): a year opening the reason
    "公务用车运行维护费190.00万元，增加190.00万元，增加的主要原因 2021 年由于系统技术原因导致未列入。",
    # 西安 2022 (corpus c165 p32): a bare 原因 opening its clause
    "工资福利支出36425.28万元，较上年减少947.42万元，原因绩效工资预算减少。",
])
def test_a_reason_run_into_its_label_is_found(text):
    f = run(W(HEAD + text + "\n"), "wording.reason_without_copula")
    assert texts(f) == [("wording.reason_without_copula", "info")] and "后缺“是”" in f[0].message


@pytest.mark.parametrize("text", [
    "比上年减少2万元，主要原因是压缩开支。",
    "比上年减少2万元，变动原因：压缩开支。",
    "比上年减少2万元，主要原因一是压缩开支，二是减少会议。",
    "比上年减少2万元，主要原因包括：压缩开支。",
    "比上年减少2万元，主要原因在于压缩开支。",
    "（三）增减变动原因说明",
    "比上年减少2万元，主要原因主要是压缩开支。",
    "比上年减少2万元，主要原因：2021年压缩开支。",
    "比上年减少2万元，原因是压缩开支。",
    "比上年减少2万元，原因在于压缩开支。",
])
def test_a_reason_joined_to_its_label_is_clean(text):
    assert not run(W(HEAD + text + "\n"), "wording.reason_without_copula")


def test_a_change_explained_as_none():
    # 广州 2026 (corpus c091 p25, c090 p36)
    text = "公务接待费22.21万元，比上年减少0.3万元，下降1.3%，主要原因是基本与上年持平，无增减变化。"
    f = run(W(HEAD + text + "\n"), "wording.reason_no_change")
    assert texts(f) == [("wording.reason_no_change", "warning")] and "无增减变化" in f[0].message
    for fine in ("因公出国（境）费80万元，比上年增加0万元，增长0%，主要原因是与上年持平，无增减变化。",
                 "公务用车购置费增加2万元，主要原因是更新车辆；公务接待费无变化。"):
        assert not run(W(HEAD + fine + "\n"), "wording.reason_no_change")


@pytest.mark.parametrize("text", ["比上年减少2万元，主要原因就是压缩开支。", "比上年减少2万元，变动原因则是压缩开支。"])
def test_a_reason_joined_by_an_adverbed_copula_is_clean(text):
    assert not run(W(HEAD + text + "\n"), "wording.reason_without_copula")


def test_a_reason_announced_for_a_change_the_other_way():
    # 上海 2026 (corpus c019 p6): the figures rose, the reason is announced for a fall
    text = ("2026年，某某中心收入预算18037万元，其中：财政拨款收入17883万元，比2025年预算增加156万元。\n"
            "财政拨款收入支出减少的主要原因是建设工程为跨年项目，按年度计划本年度预算减少。")
    f = run(W("一、收入支出预算总体情况说明\n\n" + text + "\n"), "claim.reason_lead_direction")
    assert texts(f) == [("claim.reason_lead_direction", "warning")]
    assert "“财政拨款收入”为增加156万元" in f[0].message


def test_a_reason_announced_for_a_fall_of_nothing():
    # 深圳 2026 (corpus c056 p13): the item stayed at 9.09, the reason is announced for a fall
    text = ("2.公务接待费。2026年预算数9.09万元，较2025年年初预算增加0.00万元，主要是来深调研的接待费用。"
            "2026年公务接待费预算数比2025年减少的主要原因是贯彻落实厉行节约原则。")
    f = run(W("六、“三公”经费预算情况说明\n\n" + text + "\n"), "claim.reason_lead_direction")
    assert texts(f) == [("claim.reason_lead_direction", "warning")] and "无变化" in f[0].message


def test_a_lead_without_subject_against_the_change_just_before_it():
    # 西安 2021 (corpus c158 p11): the 三公 fell from 16.00 to 6.51, printed as 增加
    text = "2021年本部门当年一般公共预算“三公”经费预算支出6.51万元，较上年增加9.49万元，减少的主要原因是压缩经费。"
    f = run(W("六、“三公”经费预算情况说明\n\n" + text + "\n"), "claim.reason_lead_direction")
    assert texts(f) == [("claim.reason_lead_direction", "warning")] and "增加9.49万元" in f[0].message


@pytest.mark.parametrize("text", [
    "会议费32万元，较上年减少14.2万元，下降30.74%，下降的主要原因是压缩会议。",
    "会议费32万元，较上年增加0万元，增加的主要原因是…",  # a change of nothing: not this lead's to weigh
    "收入增加10万元，支出减少5万元，减少的主要原因是项目完成。",  # the change just before it
])
def test_a_lead_without_subject_the_way_of_its_change_is_not_found(text):
    assert not run(W("六、“三公”经费预算情况说明\n\n" + text + "\n"), "claim.reason_lead_direction")


@pytest.mark.parametrize("text", [
    # the way announced is the way stated
    "财政拨款收入17883万元，比2025年预算增加156万元。财政拨款收入增加的主要原因是新增项目。",
    "公务接待费9.09万元，较上年减少1.00万元。公务接待费预算数比上年减少的主要原因是厉行节约。",
    # the lead speaks of the whole, a part went the other way (烟台 c181)
    "支出预算增加380.05万元，其中基本支出增加382.39万元，项目支出减少2.34万元。收支预算增加的主要原因是人员增加。",
    # another subject's change before it
    "项目支出减少20万元。基本支出增加的主要原因是人员增加。",
])
def test_a_reason_announced_the_way_of_its_change_is_not_found(text):
    assert not run(W("一、收入支出预算总体情况说明\n\n" + text + "\n"), "claim.reason_lead_direction")


@pytest.mark.parametrize("text", [
    # 深圳 2026 (corpus c074 p71), 西安 2021 (c154 p20)
    "与上年相比减少439.41万元，减少9.56%。主要原因是一是厉行节约，压减行政运行经费支出；二是预算调整。",
    "财政拨款收入较上年减少322445.29万元，主要原因是 一是城市建设项目调整。",
    "比上年减少2万元，主要是一是压缩开支，二是减少会议。",
])
def test_a_reason_said_with_is_twice_before_its_list(text):
    f = run(W(HEAD + text + "\n"), "wording.reason_copula_twice")
    assert texts(f) == [("wording.reason_copula_twice", "info")] and "：一是" in f[0].message


@pytest.mark.parametrize("text", [
    "比上年减少2万元，主要原因是：一是压缩开支，二是减少会议。",
    "比上年减少2万元，主要原因：一是压缩开支，二是减少会议。",
    "比上年减少2万元，主要原因一是压缩开支，二是减少会议。",
    "比上年减少2万元，主要原因是压缩开支，一是会议减少。",
])
def test_a_reason_list_set_apart_is_clean(text):
    assert not run(W(HEAD + text + "\n"), "wording.reason_copula_twice")
