"""sentence.change, sentence.direction, sentence.rate, sentence.comparison, sentence.parts,
sentence.shares — and claim.rate on sentences alone (no table)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.checks.narrative import rate_iv
from cnbudget.numbers import Interval
from tests.checks.conftest import D, T, W, run, texts

HEAD = "三、支出预算总体情况\n\n"


def one(sentence: str, rule: str, **kw):
    return run(W(HEAD + sentence + "\n", **kw), rule)


def test_change_is_this_year_minus_last_year():
    assert not one("本年支出100.00万元，上年支出80.00万元，增加20.00万元，增长25.00%。", "sentence.change")
    f = one("本年支出100.00万元，上年支出80.00万元，增加30.00万元。", "sentence.change")
    assert texts(f) == [("sentence.change", "error")]
    assert "20.00" in f[0].message and f[0].text.startswith("本年支出100.00万元")


def test_change_off_by_a_decimal_point_is_named():
    f = one("本年支出100.00万元，比上年80.00万元增加2.00万元。", "sentence.change")
    assert texts(f) == [("sentence.change", "error")] and "小数点错位" in f[0].message


def test_direction_word_against_the_figures():
    f = one("本年支出80.00万元，上年支出100.00万元，增加20.00万元。", "sentence.direction")
    assert texts(f) == [("sentence.direction", "error")]
    assert not one("本年支出80.00万元，上年支出100.00万元，减少20.00万元。", "sentence.direction")
    # the same figures with a reversed direction are not also a wrong change
    assert not one("本年支出80.00万元，上年支出100.00万元，增加20.00万元。", "sentence.change")


def test_rate_of_the_two_stated_figures():
    assert not one("2024年支出100.00万元，2023年支出80.00万元，增长25.0%。", "sentence.rate")
    f = one("2024年支出100.00万元，2023年支出80.00万元，增长20.0%。", "sentence.rate")
    assert texts(f) == [("sentence.rate", "error")] and "25.0" in f[0].message
    f = one("2024年支出100.00万元，2023年支出80.00万元，增长25.1%。", "sentence.rate")
    assert texts(f) == [("sentence.rate", "warning")]


@pytest.mark.parametrize("sentence,rate,severity", [
    # real sentences (auditors' notes): the rate does not follow from the amounts in the sentence
    ("“三公”经费预算数为1.10万元，比上年预算数减少25万元，下降95.0%。", "95.7", "error"),     # c207 p9
    ("培训费预算39.51万元，比上年预算数减少2.02万元，下降4.00%。", "4.8", "error"),           # c207 p11
    ("2025年收入总计1962万元，比上年减少86万元，降幅0.42%。", "4.2", "error"),                # 降幅, ÷10
    # 4.76 ÷ (13.31 + 4.76): no figures printed so give 26.30 (26.31–26.37); one unit off
    ("公务接待费13.31万元，较上年减少4.76万元(26.30%)。", "26.34", "warning"),                # c163 p20
    # the change printed without its unit, before its bracketed rate
    ("“三公”经费预算支出203.31万元，较上年增加185.24（1026.00%）。", "1025.1", "error"),       # c163 p20
])
def test_claim_rate_on_a_sentence_alone(sentence, rate, severity):
    f = run(W("三、“三公”经费\n\n" + sentence + "\n"), "claim.rate")
    assert texts(f) == [("claim.rate", severity)]
    assert rate in f[0].message


def test_rate_of_a_ten_times_wrong_figure_says_so():
    f = run(W(HEAD + "2025年收入总计1962万元，比上年减少86万元，降幅0.42%。\n"), "claim.rate")
    assert "小数点错位" in f[0].message


@pytest.mark.parametrize("sentence,bad", [
    ("本年支出90.00万元，高于上年95.00万元。", True),
    ("本年支出96.00万元，高于上年95.00万元。", False),
    ("本年支出100.00万元，低于上年的95.00万元。", True),
    ("本年支出100.00万元，与上年80.00万元持平。", True),
    ("本年支出80.00万元，与上年预算数80.00万元保持一致。", False),
    ("本年支出80.50万元，与上年80.00万元基本持平。", False),
    ("项目支出10.00万元，主要用于单价超过50万元的设备购置。", False),
])
def test_comparison_words(sentence, bad):
    f = one(sentence, "sentence.comparison")
    assert texts(f) == ([("sentence.comparison", "error")] if bad else [])


def test_unchanged_beside_two_different_figures():
    f = one("本年支出100.00万元，上年支出80.00万元，与上年持平。", "sentence.comparison")
    assert texts(f) == [("sentence.comparison", "error")]


@pytest.mark.parametrize("sentence", [
    "单位价值50万元以上设备8台，其中，单位价值100万元以上设备15台。",  # c132 p10
    "政府采购预算总额0万元，其中：政府采购货物预算3456.6万元、政府采购工程预算0万元、政府采购服务预算4683.6万元。",  # c143
    "2026年单位预算安排购置车辆0辆，其中：机要通信用车0辆、执法执勤用车18辆。",  # c143 p37
    "2024年支出合计100.00万元，其中：基本支出80.00万元；项目支出30.00万元。",
])
def test_parts_larger_than_their_whole(sentence):
    f = run(W("八、国有资产占用情况\n\n" + sentence + "\n"), "sentence.parts")
    assert texts(f) == [("sentence.parts", "error")]


@pytest.mark.parametrize("sentence", [
    "2024年支出合计100.00万元，其中：基本支出70.00万元；项目支出30.00万元。",
    "共有车辆2辆，其中：一般公务用车2辆；单价50万元以上通用设备0台(套)。",
    "2023年末共有车辆2辆。其中：一般公务用车1辆，执法用车1辆。",
    # a list in brackets ends with them; what follows is no part
    "上级专项转移支付支出预算1,610.00万元（其中380.00万元为政府性基金预算、1,230.00万元为一般公共预算），"
    "较上年增加1,210.00万元，主要原因包括：下达转移支付资金1,100.00万元。",
    # lists within lists: only each list's first part is weighed
    "三公经费9.40万元，其中：因公出国0万元，公务用车购置及运行费9万元（其中购置费0万元，运行维护费9万元），公务接待费0.4万元。",
    # a list naming its whole is of that figure only
    "财政拨款收支总预算64.00万元。收入包括：一般公共预算37.00万元、政府性基金27.00万元；支出包括：科学技术支出30.00万元、卫生健康支出34.00万元。",
])
def test_parts_within_their_whole_are_clean(sentence):
    assert not run(W("八、国有资产占用情况\n\n" + sentence + "\n"), "sentence.parts")


@pytest.mark.parametrize("sentence", [
    # 西安 2019 (corpus c155 p21): 离休 and 退休 are the whole of 离退休
    "单位管理的离退休人员78人，其中：离休3人，退休72人。",
    "所属行政事业单位共5个，其中：行政单位2个、事业单位2个。",
])
def test_parts_that_name_their_whole_and_fall_short(sentence):
    f = run(W("八、人员情况\n\n" + sentence + "\n"), "sentence.parts")
    assert texts(f) == [("sentence.parts", "error")] and "小于总数" in f[0].message


@pytest.mark.parametrize("sentence", [
    "单位管理的离退休人员78人，其中：离休3人，退休75人。",
    # parts that do not name the whole may be some of it only
    "实有人员292人，其中：行政179人，事业107人。",
    "共有车辆5辆，其中：执法执勤用车2辆、特种专业技术用车2辆。",
])
def test_parts_short_of_a_whole_they_do_not_name_all_of_are_clean(sentence):
    assert not run(W("八、人员情况\n\n" + sentence + "\n"), "sentence.parts")


def test_shares_of_one_whole_over_100():
    f = one("2024年支出合计100.00万元，其中：基本支出70.00万元，占70%；项目支出30.00万元，占40%。", "sentence.shares")
    assert texts(f) == [("sentence.shares", "error")]
    assert not one("2024年支出合计644.06万元，其中：基本支出565.06万元，占87.73%；项目支出79万元，占12.27%。",
                   "sentence.shares")
    assert not one("2024年支出合计100.00万元，其中：基本支出70.00万元，占70.1%；项目支出30.00万元，占30%。",
                   "sentence.shares")


@pytest.mark.parametrize("sentence", [
    # 广州 layout: a part broken down in brackets without 其中 (c086 p81)
    "2026年本部门财政拨款安排“三公”经费627万元，比上年增加46.49万元。其中：因公出国（境）费40万元，比上年增加0万元；"
    "公务用车购置及运行维护费567.72万元（公务用车购置费230.55万元，比上年增加49.45万元；公务用车运行维护费337.17万元），"
    "公务接待费19.28万元。",
    # 长沙 layout: a bracketed 其中 inside the list (c132 p9)
    "“三公”经费预算数为458.50万元，其中，公务接待费28.50万元，公务用车购置及运行费400.00万元（其中，公务用车购置费150.00万元，"
    "公务用车运行费250.00万元），因公出国（境）费30.00万元。",
    # a list after ";" is of something said before the last item (c080 p4)
    "政府采购预算总额6,546.82万元：政府采购货物预算1,267.79万元、政府采购服务预算4,813.5万元；其中一般公共预算拨款政府采购"
    "5,499.84万元：政府采购货物预算564.79万元、政府采购服务预算4,813.5万元。",
    # a 包括 with no figures does not make the next item a part (c057 p8)
    "综合业务培训经费20.00万元，主要用于信访综合业务培训支出，包括信访干部业务培训；信访备用金85.00万元。",
    # figures in the reasons are no parts (c081 p4)
    "一般公共预算财政拨款支出37,891.58万元。其中：基本支出12,899.62万元，比2025年增加726.21万元，主要原因是新招录一批职工；"
    "项目支出24,991.96万元，主要原因是新增了科技影视产业奖补资金1000万元。",
])
def test_real_lists_that_add_up_are_clean(sentence):
    assert not run(W("七、“三公”经费\n\n" + sentence + "\n"), "sentence.parts")


def test_a_bracketed_breakdown_is_weighed_against_its_own_part():
    s = ("“三公”经费预算数为458.50万元，其中，公务接待费28.50万元，公务用车购置及运行费400.00万元（其中，公务用车购置费150.00万元，"
         "公务用车运行费260.00万元），因公出国（境）费30.00万元。")
    f = run(W("七、“三公”经费\n\n" + s + "\n"), "sentence.parts")
    assert texts(f) == [("sentence.parts", "error")] and "400.00" in f[0].message


def test_an_amount_among_the_reasons_is_no_whole():
    # 福州 2026 (corpus c143 p20): the list after "。其中：" is of the 收入预算, not of the reason's 8000
    s = ("2026年收入预算为61764.88万元，比上年增加8649.85万元，主要原因是一般公共预算拨款收入增加649.85万元，上年结转结余8000.00万元。"
         "其中：一般公共预算拨款收入48764.88万元、政府性基金预算拨款收入5000.00万元、上年结转结余8000.00万元。")
    assert not run(W("一、收入支出预算总体情况\n\n" + s + "\n"), "sentence.parts")


def test_counts_are_exact():
    f = run(W("八、国有资产占用情况\n\n购置车辆0辆，其中：机要通信用车0辆、执法执勤用车18辆。\n"), "sentence.parts")
    assert "所列 2 项之和 18辆" in f[0].message


def test_performance_pairs_and_completion_shares_are_no_parts():
    # 攸县 2021 (seed 002): scores and targets come in pairs
    s = "项目得分89.33分，其中：项目决策指标满分15分，实得14分；产出指标满分30分，实得30分。"
    assert not run(W("（三）绩效自评结果\n\n" + s + "\n", kind="final"), "sentence.parts")
    # 国家信访局 2024 (real_01 p24): 完成预算的 x% are not shares of the list's whole
    s = ("“三公”经费支出决算为46.21万元，完成预算的60.46%。其中：因公出国（境）费支出决算为4.69万元，完成预算的15.63%；"
         "公务用车购置及运行费支出决算为40.61万元，完成预算的99.95%；公务接待费支出决算为0.9万元，完成预算的15.52%。")
    assert not run(W("七、“三公”经费\n\n" + s + "\n", kind="final"), "sentence.shares")


def test_a_change_misread_as_last_years_figure_is_not_a_wrong_rate():
    # corpus c179 p28: "比上年1.43万元，增加0.68%" — the 1.43 is the change (1.43 ÷ 208.89 = 0.68 %)
    assert not one("2026年本单位机关运行经费安排210.32万元，比上年1.43万元，增加0.68%。", "sentence.rate", year=2026)


def test_meeting_and_training_beside_the_three_public_total_are_not_its_parts():
    sentence = "当年一般公共预算三公经费预算支出0.27万元（会议费0.24万元、培训费0.71万元）。"
    assert not run(W("六、“三公”经费预算情况\n\n" + sentence + "\n"), "sentence.parts")


@pytest.mark.parametrize("sentence,figure", [
    # corpus c179 p28: 1.43 ÷ (210.32 − 1.43) = 0.68 % — the 1.43 is the increase, 增加 left out
    ("2026年本单位机关运行经费安排210.32万元，比上年1.43万元，增加0.68%。", "1.43"),
    # a decrease: 20 ÷ (80 + 20) = 20 %
    ("培训费预算80.00万元，较2025年预算20.00万元，下降20.0%。", "20.00"),
])
def test_a_change_printed_without_its_change_word(sentence, figure):
    f = one(sentence, "wording.missing_direction", year=2026)
    assert texts(f) == [("wording.missing_direction", "warning")]
    assert figure in f[0].message and "漏写增减字样" in f[0].message


@pytest.mark.parametrize("sentence", [
    "2026年本单位机关运行经费安排210.32万元，比上年增加1.43万元，增长0.68%。",   # the word is there
    "2026年支出100.00万元，比上年80.00万元增长25.0%。",                          # 80 is last year's
    "2026年支出100.00万元，上年80.00万元，增长20.0%。",                          # a wrong rate, no 比上年 figure
    "2026年支出100.00万元，比上年80.00万元，增长12.0%。",                        # wrong either way
])
def test_last_years_figure_or_a_stated_change_is_no_missing_word(sentence):
    assert not one(sentence, "wording.missing_direction", year=2026)


def _comparison(change: tuple):
    return T("other", "c2 c3 basic", ("2021", "1493.51", "1290.47", "203.04"),
             ("2022", "1899.9", "1715.97", "183.93"), ("变化", *change))


def test_a_comparison_tables_change_row_against_its_two_years():
    # corpus c162 p10 (with 2022 专项业务费 1715.97): the 变化 row printed 425.5 where 245.5 is meant
    f = run(D(_comparison(("406.39", "245.5", "-19.11"))), "sentence.change_row")
    assert [(x.severity, x.column) for x in f] == [("error", "c3")]
    assert "245.5" in f[0].message and "1715.97" in f[0].message


@pytest.mark.parametrize("change", [("406.39", "425.5", "-19.11"), ("+406.39", "425.50", "19.11"), (None, "425.5", "")])
def test_a_change_row_that_is_the_difference_or_unsigned_is_fine(change):
    assert not run(D(_comparison(change)), "sentence.change_row")


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 10**7), st.integers(1, 10**7), st.integers(0, 2), st.booleans())
def test_rate_interval_holds_every_rate_the_printed_figures_allow(a, b, places, rise):
    """Any last-year / this-year pair, printed rounded, gives a rate inside ``rate_iv`` of the printed
    figures (the narrower interval loses no true rate)."""
    prev, cur = (Decimal(min(a, b)), Decimal(max(a, b))) if rise else (Decimal(max(a, b)), Decimal(min(a, b)))
    if prev == cur:
        return
    prev, cur = prev / 1000, cur / 1000  # three decimals of "truth", printed with fewer
    q = Decimal(1).scaleb(-places)
    printed_cur, printed_change = cur.quantize(q), abs(cur - prev).quantize(q)
    true_rate = abs(cur - prev) / prev * 100
    iv = rate_iv(Interval.of(printed_change), Interval.of(printed_cur), 1 if rise else -1)
    if iv is not None:
        assert iv.lo <= true_rate <= iv.hi


def test_a_rate_on_a_base_of_zero_is_said_as_info():
    f = run(W("三、“三公”经费\n\n公务用车运行维护费5.00万元，较上年增加5.00万元(100%)。\n"), "claim.rate_zero_base")
    assert texts(f) == [("claim.rate_zero_base", "info")] and "100%" in f[0].message
    # a rate with a base, or a new item said without a rate, is not this
    assert not run(W("三、“三公”经费\n\n公务用车运行维护费5.00万元，较上年增加2.50万元(100%)。\n"), "claim.rate_zero_base")
    assert not run(W("三、“三公”经费\n\n公务用车运行维护费5.00万元，较上年增加5.00万元。\n"), "claim.rate_zero_base")


@pytest.mark.parametrize("text,wrong", [
    # 决算 830.57 below 年初预算 842.16: not 大于
    ("（1）行政运行（项）。年初预算为842.16万元，支出决算为830.57万元，完成年初预算的98.6%，"
     "决算数大于年初预算数的主要原因是人员增加。", True),
    ("（2）其他（项）。年初预算为10.00万元，支出决算为12.00万元，决算数等于年初预算数。", True),
    ("（3）公务接待费支出预算为10.00万元，支出决算为5.10万元，决算数与预算数持平。", True),
    # right, or too coarse to tell (1 万元 may be 0.51 rounded)
    ("年初预算为393万元，支出决算为560.01万元，完成年初预算的142.5%，决算数大于年初预算数的主要原因是：加大了宣传力度。", False),
    ("“三公”经费支出预算为1万元，支出决算为0.51万元，决算数与预算数持平。", False),
    ("年初预算为10.00万元，支出决算为8.00万元，决算数小于年初预算数的主要原因是厉行节约。", False),
])
def test_a_final_accounts_comparison_of_its_final_and_budget_figures(text, wrong):
    f = run(W("三、一般公共预算财政拨款支出决算情况说明\n\n" + text + "\n", kind="final", year=2025), "sentence.comparison")
    assert texts(f) == ([("sentence.comparison", "error")] if wrong else [])


def test_an_items_heading_amount_against_its_own_sentence():
    text = ("（3）住房公积金163.4万元\n2025年安排158.20万元，主要用于按规定缴存住房公积金。\n"
            "（4）提租补贴20.00万元\n2025年安排20.00万元，主要用于提租补贴。\n"
            "（5）行政运行100.00万元\n比上年增加10.00万元，主要是人员增加。\n")
    f = run(W("三、一般公共预算支出情况说明\n\n" + text), "sentence.heading_amount")
    assert texts(f) == [("sentence.heading_amount", "warning")]
    assert "163.4" in f[0].message and "158.20" in f[0].message


def test_an_amount_printed_in_the_wrong_unit_is_said_so():
    t = T("expenditure", "total basic project", ("total", "1,234.56", "1,000.00", "234.56"))
    d = W(HEAD + "2024年支出预算1,234.56元，其中基本支出1,000.00万元，项目支出234.56万元。\n", tables=[t])
    parts, amount = run(d, "sentence.parts"), run(d, "claim.amount")
    assert texts(parts) == [("sentence.parts", "error")] and "单位应为万元" in parts[0].message
    assert texts(amount) == [("claim.amount", "error")] and "单位应为万元" in amount[0].message
    # parts that do exceed their whole are not a unit slip
    f = one("2024年支出预算1,000.00万元，其中基本支出1,000.00万元，项目支出234.56万元。", "sentence.parts")
    assert texts(f) == [("sentence.parts", "error")] and "单位" not in f[0].message


def test_a_change_and_the_changes_of_its_two_parts():
    # 西安 2022 (corpus c153 p15): −8,627.56 + 15,496.49 = 6,868.93, not 6,915.49
    s = "2022年本部门预算支出较上年增加6915.49万元，其中基本支出减少了8627.56万元，项目支出增加15496.49万元。"
    f = run(W("一、收支预算总体情况\n\n" + s + "\n"), "sentence.change_parts")
    assert texts(f) == [("sentence.change_parts", "error")] and "6868.93" in f[0].message
    # 烟台 2026 (corpus c170): the parts add up
    fine = "支出预算较上年减少8,923.16万元，其中基本支出增加631.52万元，项目支出减少9,554.68万元。"
    assert not run(W("一、收支预算总体情况\n\n" + fine + "\n"), "sentence.change_parts")
    # one part only, or parts that are not the whole's two, say nothing of the sum
    assert not run(W("一、收支预算总体情况\n\n支出较上年增加100万元，其中项目支出增加80万元。\n"), "sentence.change_parts")
    assert not run(W("一、收支预算总体情况\n\n支出较上年增加100万元，其中会议费增加5万元，培训费增加3万元。\n"),
                   "sentence.change_parts")


def test_a_whole_that_rose_more_than_all_its_listed_parts():
    # the parts' amounts add up to the whole, so every part of this year is listed; one of last
    # year's with nothing this year is not, and could only have fallen
    lead = "本部门当年一般公共预算拨款支出100.00万元，较上年{}。\n\n本部门当年一般公共预算支出100.00万元，其中："
    items = "(1)行政运行(2013301)60.00万元，较上年增加5.00万元；(2)住房公积金(2210201)40.00万元，较上年增加2.00万元。"
    f = one(lead.format("增加10.00万元") + items, "sentence.change_parts")
    assert texts(f) == [("sentence.change_parts", "error")] and "7.00" in f[0].message and "3.00" in f[0].message
    # the whole fell more (or rose less) than the parts: a part listed last year only explains it
    assert not one(lead.format("增加3.00万元") + items, "sentence.change_parts")
    assert not one(lead.format("增加7.00万元") + items, "sentence.change_parts")
    # the parts do not make up the whole: some only
    assert not one(lead.format("增加10.00万元") + items.replace("40.00", "30.00"), "sentence.change_parts")


def test_a_list_naming_the_same_part_twice():
    # 广州 2026 (corpus c070 p7): 国家非物质文化遗产保护资金 listed with 91 and again with 12.5
    s = ("上级下达资金6,135.5万元，包括：文化事业发展资金3,949万元、体育事业发展资金1,922万元、公共文化服务体系建设资金123万元、"
         "国家非物质文化遗产保护资金91万元、广播电视事业发展性支出38万元、国家非物质文化遗产保护资金12.5万元。")
    f = one(s, "sentence.repeated_part")
    assert texts(f) == [("sentence.repeated_part", "info")]
    assert "国家非物质文化遗产保护资金" in f[0].message and "91" in f[0].message and "12.5" in f[0].message
    # two lists, each naming it once, are no finding
    assert not one("上级下达资金100万元，包括：文化事业发展资金60万元、体育事业发展资金40万元。"
                   "本级资金50万元，包括：文化事业发展资金30万元、体育事业发展资金20万元。", "sentence.repeated_part")


# -- sentence.zero_base: a change from nothing is this year's figure -----------------------------

ZERO_RULE = "sentence.zero_base"
THREE = "四、“三公”经费预算情况\n\n"


def test_a_change_from_a_base_said_to_be_nothing_must_be_this_years_figure():
    s = "1.因公出国（境）费。2026年预算数80.50万元，较2025年年初预算增加79.10万元，主要是上年出访计划未下达，年初预算数为0。"
    f = run(W(THREE + s + "\n", year=2026), ZERO_RULE)
    assert texts(f) == [(ZERO_RULE, "warning")] and "80.50" in f[0].message and "79.10" in f[0].message


@pytest.mark.parametrize("sentence", [
    # the change is this year's figure: right
    "1.因公出国（境）费。2026年预算数80.50万元，较2025年年初预算增加80.50万元，主要是年初预算数为0。",
    # the 0 belongs to another figure of the sentence, after it
    "1.因公出国（境）费。2026年预算数80.50万元，较2025年年初预算增加79.10万元；会议费12.00万元，上年为0。",
    # no base of nothing said
    "1.因公出国（境）费。2026年预算数80.50万元，较2025年年初预算增加79.10万元，主要是出访计划增加。",
])
def test_a_change_with_no_base_of_nothing_or_equal_to_this_year(sentence):
    assert not run(W(THREE + sentence + "\n", year=2026), ZERO_RULE)
