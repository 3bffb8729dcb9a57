"""claim.restated_change: one amount stated twice with two changes against the same base; claim.restated_amount."""

from __future__ import annotations

import pytest

from tests.checks.conftest import W, run, texts


def test_one_amount_with_two_changes_against_the_same_base():
    # 西安 2021 (corpus c158 p7-8): the same item restated in the 人员经费 section
    text = ("七、一般公共预算支出情况说明\n\n（10）住房公积金（2210201）192.99万元，较上年增加15.96万元，原因是人员工资增加。\n"
            "八、一般公共预算基本支出情况说明\n\n⑥住房公积金（2210201）192.99万元，较上年增加15.95万元，原因是人员工资增加。\n")
    f = run(W(text), "claim.restated_change")
    assert texts(f) == [("claim.restated_change", "warning")]
    assert "15.96" in f[0].message and "15.95" in f[0].message and "住房公积金" in f[0].message


def test_the_whole_stated_again_with_another_change():
    # 西安 2026 (corpus c149 p17): 183.49 in 六, 99.00 in 七
    text = ("六、财政拨款收支情况说明\n\n本部门当年财政拨款支出13,650.79万元，其中：一般公共预算拨款支出13,650.79万元，较上年减少183.49万元。\n"
            "七、一般公共预算拨款支出情况说明\n\n本部门当年一般公共预算拨款支出13,650.79万元，较上年减少99.00万元，下降0.72%。\n")
    assert texts(run(W(text), "claim.restated_change")) == [("claim.restated_change", "warning")]


@pytest.mark.parametrize("second", [
    "住房公积金（2210201）192.99万元，较上年增加15.96万元。",       # the same change again
    "住房公积金（2210201）192.99万元，比上年增加15.96万元。",       # 比 for 较
    "住房公积金（2210201）192.99万元，较上年执行数增加3.20万元。",  # another base
    "购房补贴（2210203）192.99万元，较上年增加3.20万元。",          # another subject, same figure
    "住房公积金（2210201）190.00万元，较上年增加3.20万元。",        # another amount
])
def test_the_same_change_or_another_quantity_is_clean(second):
    text = ("七、一般公共预算支出情况说明\n\n（10）住房公积金（2210201）192.99万元，较上年增加15.96万元。\n"
            "八、基本支出情况说明\n\n" + second + "\n")
    assert not run(W(text), "claim.restated_change")


def test_the_two_sides_of_the_summary_total_with_two_changes():
    # 西安 2022 (corpus c164 p20-21): 收入 and 支出 are both 94386.49 — their changes against 2021
    # cannot differ (the list before each change ends at its ";": the change is the whole's)
    text = ("一、收支预算总体情况\n\n2022年本部门收入总计94386.49万元，其中：一般公共预算拨款收入93664.78万元，"
            "上年实户资金余额721.71万元；比2021年增加33752.30万元。\n"
            "2022年本部门支出总计94386.49万元，其中一般公共预算支出93664.78万元，未安排支出的实户资金721.71万元；"
            "比2021年增加33030.59万元。\n")
    f = run(W(text, year=2022), "claim.restated_change")
    assert texts(f) == [("claim.restated_change", "warning")]
    assert "收支总计两方相等" in f[0].message and "33752.30" in f[0].message and "33030.59" in f[0].message
    assert not run(W(text.replace("33030.59", "33752.30"), year=2022), "claim.restated_change")


_UNIT_BUDGET = ("五、部门预算安排情况\n\n深圳市某监测站预算 14,765.81 万元，包括在职人员经费 8,327.50 万元、公用经费 857.93 万元、"
                "对个人和家庭的补助支出 312.86 万元、增人增资 832.75 万元、项目支出 4,434.77 万元。\n"
                "（一）在职人员经费 8,327.5 万元，主要是在职人员工资福利和社保缴费等相关支出。\n"
                "（二）公用经费 {public} 万元，主要包括公用综合定额经费、水电费等公用经费。\n"
                "（三）对个人和家庭补助支出 312.86 万元，主要是离退休人员经费。\n"
                "（四）增人增资 832.75 万元，主要用于满足单位在预算执行中的增人需求。\n")


def test_a_listed_part_restated_with_another_value():
    # 深圳 2026 (corpus c074 p15-16): the unit's list says 857.93, its item (二) 875.93
    f = run(W(_UNIT_BUDGET.format(public="875.93")), "claim.restated_amount")
    assert texts(f) == [("claim.restated_amount", "warning")]
    assert "列举时为 857.93万元" in f[0].message and "分项说明时为 875.93万元" in f[0].message


@pytest.mark.parametrize("public", ["857.93", "857.9"])  # the same figure, or printed to fewer places
def test_a_listed_part_restated_alike_is_clean(public):
    assert not run(W(_UNIT_BUDGET.format(public=public)), "claim.restated_amount")


def test_a_part_of_another_units_list_is_not_a_restatement():
    # a second unit's items follow their own list: its 公用经费 is not the first unit's
    text = _UNIT_BUDGET.format(public="857.93") + (
        "深圳市某中心预算 1,000.00 万元，包括在职人员经费 600.00 万元、公用经费 100.00 万元、项目支出 300.00 万元。\n"
        "（一）在职人员经费 600.00 万元，主要是工资。\n（二）公用经费 100.00 万元，主要是水电费。\n"
        "（三）项目支出 300.00 万元，主要是监测。\n")
    assert not run(W(text), "claim.restated_amount")


def test_a_list_broken_down_another_way_is_not_restated():
    # 西安 2021 (corpus c158 p9): the economic classes again under 人员经费 / 公用经费 / 专项业务经费,
    # 302 split over the three
    text = ("五、一般公共预算支出情况说明\n\n（1）2021 年本部门当年一般公共预算支出 25859.6 万元，其中：工资福利支出（301）"
            "2079.07万元，较上年增加 248.96 万元，原因是 2021 年人员工资增加；商品和服务支出（302）23701.31 万元，较上年增加"
            " 19036.15 万元，原因是项目增加；对个人和家庭的补助支出（303）6.47 万元，较上年增加 1.26 万元，原因是退休人数增加；"
            "资本性支出（310）72.75 万元，较上年增加 72.75 万元，原因是 2020 年预算无此内容。\n"
            "其中1人员经费：工资福利支出（301）2079.07 万元，较上年增加 248.96 万元，原因是 2021年人员工资增加；商品和服务支出"
            "（302）105.9 万元，较上年增加 105.9 万元，原因是 2020 年预算无此内容；对个人和家庭的补助支出（303）6.47 万元，较上年"
            "增加 1.26 万元，原因是退休人数增加；2公用经费：商品和服务支出（302）126 万元，较上年减少 53.42 万元，原因是交通费调整；"
            "3专项业务经费：商品和服务支出（302）23469.41 万元，较上年增加 18983.67 万元，原因是项目增加；资本性支出（310）72.75 万元，"
            "较上年增加 72.75 万元，原因是 2020 年预算无此内容。\n")
    assert not run(W(text, year=2021), "claim.restated_amount")


_TWO_CLASSIFICATIONS = ("3、支出按经济科目分类的明细情况\n\n（1）按照部门预算支出经济分类的类级科目说明。\n\n"
                        "工资福利支出（301）820.40万元，较上年增加12.10万元；对企业补助（312）5200.00万元，较上年增加"
                        "400.00万元，原因是扶持资金增加。\n"
                        "（2）按照政府预算支出经济分类的类级科目说明。\n\n"
                        "机关工资福利支出（501）820.40万元，较上年增加12.10万元；对企业补助（507）5200.00万元，较上年增加"
                        "{change}万元，原因是扶持资金增加。\n")


def test_one_class_under_its_two_economic_codes_with_two_changes():
    # 部门经济分类 312 and 政府经济分类 507 print one class: the same amount cannot have two changes
    f = run(W(_TWO_CLASSIFICATIONS.format(change="5200.00")), "claim.restated_change")
    assert texts(f) == [("claim.restated_change", "warning")]
    assert "400.00" in f[0].message and "5200.00" in f[0].message and "对企业补助" in f[0].message


@pytest.mark.parametrize("text", [
    _TWO_CLASSIFICATIONS.format(change="400.00"),  # the same change under both codes
    # two function items of one name are two items: their codes (7 digits) keep them apart
    "七、一般公共预算支出情况说明\n\n（1）行政运行（2010101）120.00万元，较上年增加5.00万元。\n"
    "（2）行政运行（2013301）120.00万元，较上年减少8.00万元。\n",
])
def test_the_same_change_under_both_codes_or_two_function_items_is_clean(text):
    assert not run(W(text), "claim.restated_change")
