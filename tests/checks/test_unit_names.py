"""wording.unit_name_gap: a unit's name printed with characters missing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cnbudget.model import Column, Row, Source, Table
from tests.checks.conftest import D, W, run, texts

RULE = "wording.unit_name_gap"
UNITS = "纳入本部门预算编制范围的单位包括：示例市市场监督管理局本级、示例市特种设备检验检测研究院、示例市计量测试所。"


def one(text: str, units: str = UNITS):
    d = W("一、部门基本情况\n\n" + units + "\n\n二、收入预算情况说明\n\n" + text + "\n")
    return run(replace(d, meta=replace(d.meta, department="示例市市场监督管理局", region="示例市")), RULE)


def test_a_units_name_with_two_characters_missing():
    # 北京 2026 (corpus c040 p8): the unit list prints 检验检测研究院, the fee paragraph 检验研究院
    f = one("执收主体为示例市特种设备检验研究院，收费部门为示例市市场监督管理局。")
    assert texts(f) == [(RULE, "warning")]
    assert "示例市特种设备检验研究院" in f[0].message and "少了“检测”" in f[0].message
    assert "示例市特种设备检验检测研究院" in f[0].message


def test_a_name_printed_more_often_in_full():
    # 深圳 2026 (corpus c074 p53): 环境科学研究院 everywhere, 环境研究院 on one page
    full = "示例市环境科学研究院2026年预算100.00万元。" * 3
    f = one(full + "示例市环境研究院综合管理经费20.00万元。", units="")
    assert texts(f) == [(RULE, "warning")] and "少了“科学”" in f[0].message


@pytest.mark.parametrize("text,units", [
    # two units of like names, each printed as often and neither in a list alone
    ("示例市工程管理中心经费10万元。示例市工程设计管理中心经费20万元。", ""),
    # a short form that leaves out a conjunction or 人民 on purpose
    ("示例市发展改革委员会专项资金100万元。示例市发展和改革委员会专项资金100万元。" * 2 + "示例市发展和改革委员会。", ""),
    ("示例市政府办公室。示例市人民政府办公室。示例市人民政府办公室。", ""),
    # the shorter name is the document's own (printed more often and listed)
    ("示例市检验研究院、示例市检验检测研究院。示例市检验研究院经费。", "单位包括：示例市检验研究院、示例市计量测试所。"),
    # the whole name printed once each, neither in a list
    ("执收主体为示例市特种设备检验研究院。另见示例市特种设备检验检测研究院。", ""),
])
def test_names_that_are_no_gap(text, units):
    assert not one(text, units=units)


@pytest.mark.parametrize("text,units", [
    # two units of like names, both items of the list of units (無锡 2026, corpus c130 p5)
    ("示例市实验幼儿园经费10万元。示例市阳光实验幼儿园经费10万元。示例市阳光实验幼儿园。",
     "单位包括：示例市实验学校,示例市实验幼儿园,示例市阳光实验幼儿园,示例市开放大学。"),
    # the unit's short form, used without the region too (湖州 2026, corpus c204 p10)
    ("主要用于示例市港航中心人员和公用经费。鉴于港航中心仍然具体实施行政审批；根据港航中心总体发展计划。",
     "单位包括：示例市港航管理中心、示例市公路与运输管理中心。"),
])
def test_like_names_of_two_units_or_a_short_form_in_use(text, units):
    assert not one(text, units=units)


def test_a_gap_in_a_tables_unit_field():
    # 深圳 2026 (corpus c074 p53): a 绩效目标 form's 二级预算单位名称 prints 环境研究院, the text
    # 环境科学研究院 throughout (a field that is one name is no list)
    rows = (Row(code=None, name="综合管理", values={}, source=Source(page=53), texts={"二级预算单位名称": "示例市环境研究院"}),)
    d = D(Table(kind="projects", title="项目支出表", unit="万元", columns=(Column("total", "总计"),), rows=rows,
                source=Source(page=53)))
    prose = "示例市环境科学研究院负责环境科研。" * 3
    d = replace(d, meta=replace(d.meta, region="示例市"))
    d = replace(d, text=W(prose + "\n").text)
    f = run(d, RULE)
    assert [(x.severity, x.row, x.column) for x in f] == [("warning", "综合管理", "二级预算单位名称")]
