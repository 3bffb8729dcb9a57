"""wording.placeholder, wording.drafting_note, wording.empty_reason, wording.obsolete_name."""

from __future__ import annotations

import pytest

from tests.checks.conftest import W, run, texts

HEAD = "一、收入支出预算总体情况说明\n\n"


@pytest.mark.parametrize("sentence", [
    "XX局2024年收入总计320.50万元。",
    "××单位2024年支出总计320.50万元。",
    "2024年收入总计x,xxx万元。",
    "收入比上年增加（减少）12.40万元。",
    "支出比上年下降（增长）3.72%。",
    "支出比上年增长（下降）3.72%。",
    "主要原因：【请填写变动原因】。",
])
def test_placeholders_left_in_are_errors(sentence):
    f = run(W(HEAD + sentence + "\n"), "wording.placeholder")
    assert texts(f) == [("wording.placeholder", "error")]
    assert f[0].text == sentence.replace("，", ",").replace("（", "(").replace("）", ")").replace("：", ":")
    assert f[0].source.line == 3 and f[0].message.startswith("第3行：")


@pytest.mark.parametrize("sentence", [
    "示例市测绘局2024年收入总计320.50万元，比上年减少12.40万元。",
    "采购X光机1台，CT设备更新。",  # a letter in a name is no placeholder
    "收入增加、减少的原因见下文。",
    "2024年3月印发的《XX条例》已废止。".replace("XX", "测绘"),
])
def test_filled_in_text_is_clean(sentence):
    assert not run(W(HEAD + sentence + "\n"), "wording.placeholder")


def test_drafting_note_left_in():
    # 福州 2026 (corpus c173 p35)
    s = "2026年本部门委托业务费财政拨款预算为2,196.52万元，比上年预算（注：上年3,468.18万元，公开时请删除注释）减少1271.66万元。"
    f = run(W(HEAD + s + "\n", year=2026), "wording.drafting_note")
    assert texts(f) == [("wording.drafting_note", "error")]
    assert "公开时请删除" in f[0].message and "3,468.18" in f[0].text
    assert not run(W(HEAD + "备注：上年结转资金统一在表12反映。\n"), "wording.drafting_note")


@pytest.mark.parametrize("sentence,word", [
    ("收入比上年减少12.40万元，主要原因是。", "主要原因"),
    ("烟台市商务局部门预算包括：。", "包括"),  # corpus c177 p10
    ("支出增加5万元，原因：；项目支出减少3万元。", "原因"),
])
def test_empty_reason_or_list(sentence, word):
    f = run(W(HEAD + sentence + "\n"), "wording.empty_reason")
    assert texts(f) == [("wording.empty_reason", "error")]
    assert f"“{word}”" in f[0].message


@pytest.mark.parametrize("sentence", [
    "收入比上年减少12.40万元，主要原因是压缩开支。",
    "具体情况如下。",  # the list follows on the next lines
    "分析了收入增长的原因。",
    "主要原因：",
])
def test_reasons_given_or_following_are_clean(sentence):
    assert not run(W(HEAD + sentence + "\n"), "wording.empty_reason")


def test_obsolete_class_name_after_its_rename():
    s = "医疗卫生与计划生育支出120.00万元，文化体育与传媒支出10.00万元。"
    f = run(W(HEAD + s + "\n", year=2024), "wording.obsolete_name")
    assert texts(f) == [("wording.obsolete_name", "warning")] * 2
    assert "卫生健康支出" in f[0].message and "2018" in f[0].message
    assert not run(W(HEAD + s + "\n", year=2018), "wording.obsolete_name")
    assert not run(W(HEAD + "卫生健康支出120.00万元，文化旅游体育与传媒支出10.00万元。\n"), "wording.obsolete_name")


def test_a_list_announced_then_printed_on_the_next_lines_is_not_empty():
    text = "一、部门基本情况\n\n烟台市商务局部门预算包括：。\n\n1.烟台市商务局\n\n2.烟台市会展业服务中心\n"
    assert not run(W(text), "wording.empty_reason")
    assert run(W("一、部门基本情况\n\n支出增加的主要原因是。\n"), "wording.empty_reason")
