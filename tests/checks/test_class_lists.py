"""claim.class_omitted: a breakdown by class in the text against the classes the table prints."""

from __future__ import annotations

import pytest

from tests.checks.conftest import T, W, run, texts

HEAD = "三、支出预算情况说明\n\n"
NAMES = {"206": "科学技术支出", "210": "卫生健康支出", "221": "住房保障支出", "229": "其他支出"}


def _table(*rows):
    return T("expenditure", "total", ("total", "1515.00"), *rows, names=NAMES)


def test_a_breakdown_that_leaves_out_a_class_of_the_table_is_found():
    # 湖州 2026 (corpus c205 p7): the list adds to 500313.35, 其他支出 15000.00 left out
    t = _table(("206", "140.61"), ("210", "1174.39"), ("221", "100.00"), ("229", "100.00"))
    s = "1.按支出功能分类，包括科学技术支出140.61万元、卫生健康支出1174.39万元、住房保障支出100.00万元。"
    f = run(W(HEAD + s + "\n", tables=[t]), "claim.class_omitted")
    assert texts(f) == [("claim.class_omitted", "warning")]
    assert "229" in f[0].message and "140.61" in f[0].message


@pytest.mark.parametrize("sentence", [
    # every class with an amount is listed
    "按支出功能分类，包括科学技术支出140.61万元、卫生健康支出1174.39万元、住房保障支出100.00万元、其他支出100.00万元。",
    # amounts of another scope (not the table's): the list is not this table's breakdown
    "按支出功能分类，包括科学技术支出40.61万元、卫生健康支出174.39万元。",
    # one class is no breakdown
    "按支出功能分类，卫生健康支出1174.39万元。",
])
def test_breakdowns_that_cover_the_table_or_are_not_its_own_are_clean(sentence):
    t = _table(("206", "140.61"), ("210", "1174.39"), ("221", "100.00"), ("229", "100.00"))
    assert not run(W(HEAD + sentence + "\n", tables=[t]), "claim.class_omitted")


def test_a_class_the_table_prints_without_an_amount_need_not_be_listed():
    t = _table(("206", "140.61"), ("210", "1174.39"), ("229", "0.00"))
    s = "按支出功能分类，包括科学技术支出140.61万元、卫生健康支出1174.39万元。"
    assert not run(W(HEAD + s + "\n", tables=[t]), "claim.class_omitted")


STRUCTURE = "（五）一般公共预算当年拨款情况说明\n\n2.一般公共预算当年拨款结构情况。\n\n"


def test_the_passage_under_a_structure_heading_is_a_breakdown():
    # 湖州 2026 (corpus c204 p8): five classes "(类)支出 … 占 x%" under the heading; 住房保障 left out
    t = _table(("206", "140.61"), ("210", "1174.39"), ("221", "100.00"))
    s = "科学技术(类)支出140.61万元，占9.3%；卫生健康(类)支出1174.39万元，占77.5%。"
    f = run(W(STRUCTURE + s + "\n", tables=[t]), "claim.class_omitted")
    assert texts(f) == [("claim.class_omitted", "warning")] and "221" in f[0].message
    # the same passage under another heading is no breakdown of a whole
    assert not run(W("（五）一般公共预算当年拨款情况说明\n\n3.具体使用情况。\n\n" + s + "\n", tables=[t]),
                   "claim.class_omitted")


def test_a_list_one_table_prints_whole_is_no_omission_from_another():
    # the 政府性基金 grant's two classes, which the 支出表 prints too beside other classes
    spending = _table(("206", "140.61"), ("212", "12600.00"), ("229", "15000.00"))
    fund = T("gov_fund", "total", ("total", "27600.00"), ("212", "12600.00"), ("229", "15000.00"),
             names={"212": "城乡社区支出", "229": "其他支出"})
    s = "城乡社区(类)支出12600.00万元，占45.7%；其他(类)支出15000.00万元，占54.3%。"
    assert not run(W(STRUCTURE + s + "\n", tables=[spending, fund]), "claim.class_omitted")
    assert texts(run(W(STRUCTURE + s + "\n", tables=[spending]), "claim.class_omitted")) == [
        ("claim.class_omitted", "warning")]


@pytest.mark.parametrize("sentence", [
    "按支出功能分类，主要包括科学技术支出140.61万元、卫生健康支出1174.39万元。",
    "按支出功能分类，包括科学技术支出140.61万元、卫生健康支出1174.39万元等。",
    "按支出功能分类，包括科学技术支出140.61万元（占9.3%）、卫生健康支出1174.39万元（占77.5%）等。",
])
def test_a_list_that_says_it_names_only_some_classes_is_no_omission(sentence):
    t = _table(("206", "140.61"), ("210", "1174.39"), ("221", "100.00"))
    assert not run(W(HEAD + sentence + "\n", tables=[t]), "claim.class_omitted")
