"""wording.unit_name_gap: a unit's name printed with characters missing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.checks.conftest import W, run, texts

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
