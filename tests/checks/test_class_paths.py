"""code.narrative_path: a 类/款/项 path named in the text that does not nest; wording.stray_after_item."""

from __future__ import annotations

import pytest

from tests.checks.conftest import W, run, texts

HEAD = "名词解释\n\n"


def test_a_kuan_named_as_an_item_of_another_kuan():
    # corpus c136 p10: 职业教育 is 款 20503, not a 项 of 普通教育 (20502)
    s = "3.教育支出（类）普通教育（款）职业教育（项）：反映各部门举办的职业学校教育支出。"
    f = run(W(HEAD + s + "\n", year=2026), "code.narrative_path")
    assert texts(f) == [("code.narrative_path", "warning")]
    assert "20503" in f[0].message and "20502" in f[0].message


@pytest.mark.parametrize("s", [
    "1.教育支出（类）职业教育（款）中等职业教育（项）：反映中等职业学校支出。",
    "2.一般公共服务支出（类）人大事务（款）行政运行（项）：反映行政单位的基本支出。",
    # an item the catalog does not know is no finding (the catalog may lack it)
    "4.交通运输支出（类）公路水路运输（款）某某新设项目（项）：反映新设项目支出。",
])
def test_paths_that_nest_or_cannot_be_judged(s):
    assert not run(W(HEAD + s + "\n", year=2026), "code.narrative_path")


def test_a_stray_word_between_an_item_and_its_amount():
    # 湖州 (corpus c204 p12): "事务" left after three items' （项）
    text = ("（2）其他支出（类）其他政府性基金及对应专项债务收入安排的支出（款）其他政府性基金安排的支出（项）"
            "事务 7000.00 万元，主要用于航道建设。\n")
    f = run(W("（六）政府性基金预算情况说明\n\n" + text), "wording.stray_after_item")
    assert texts(f) == [("wording.stray_after_item", "info")] and "“事务”" in f[0].message
    assert "7000.00" in f[0].message


@pytest.mark.parametrize("text", [
    "行政事业单位养老支出（款）行政单位离退休（项）支出155.66万元。",
    "城乡社区支出（类）国有土地使用权出让收入安排的支出（款）城市建设支出（项）预算为211,000.00万元。",
    "一般公共服务（类）人大事务（款）行政运行（项）20.00万元。",
    "一般公共服务（类）人大事务（款）行政运行（项）下安排20.00万元。",
    "一般公共服务（类）人大事务（款）行政运行（项）共计20.00万元。",
])
def test_words_that_say_what_the_figure_is_are_no_stray_word(text):
    assert not run(W("三、支出预算情况说明\n\n" + text + "\n"), "wording.stray_after_item")
