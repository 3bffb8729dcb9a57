"""wording.department_name: a statement that opens with another department's name."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.checks.conftest import W, run, texts

RULE = "wording.department_name"


OWN = "湖州市交通运输局2026年部门预算收支总额52244.36万元。湖州市交通运输局2026年支出预算52244.36万元。"


def one(text: str, department: str = "湖州市交通运输局", region: str = "湖州市", own: str = OWN):
    d = W("二、收入预算情况说明\n\n" + (own + "\n" if own else "") + text + "\n")
    return run(replace(d, meta=replace(d.meta, department=department, region=region)), RULE)


@pytest.mark.parametrize("text", [
    "湖州市卫生健康委员会2026年收入预算515313.35万元，比上年执行数减少10087.38万元。",
    "（二）关于湖州市卫生健康委员会2026年收入预算情况说明",
])
def test_a_statement_opening_with_another_departments_name(text):
    f = one(text)
    assert texts(f) == [(RULE, "warning")]
    assert "湖州市卫生健康委员会" in f[0].message and "湖州市交通运输局" in f[0].message


@pytest.mark.parametrize("text,department", [
    ("湖州市交通运输局2026年收入预算52244.36万元。", "湖州市交通运输局"),
    # a short form of the department's own name
    ("市城管执法局2026年收入预算100.00万元。", "北京市城市管理综合行政执法局"),
    ("北京市城管执法局2026年收入预算100.00万元。", "北京市城市管理综合行政执法局"),
    # one of its offices, or a unit opening its own section
    ("湖州市交通运输局航道管理局2026年收入预算100.00万元。", "湖州市交通运输局"),
    ("湖州市公路与运输管理中心2026年收入预算100.00万元。", "湖州市交通运输局"),
    # another organ referred to inside a sentence, or of another government
    ("根据湖州市财政局2026年部门预算编制要求，收入预算100.00万元。", "湖州市交通运输局"),
    ("浙江省交通运输厅2026年下达补助资金100.00万元。", "湖州市交通运输局"),
])
def test_own_short_or_unit_names_and_references_are_clean(text, department):
    region = "北京市" if department.startswith("北京市") else "湖州市"
    assert not one(text, department, region)


def test_a_name_the_template_places_mostly_hold_is_not_reported():
    # the cover's name may be misread: where the text names another organ as often, nothing is said
    assert not one("湖州市卫生健康委员会2026年收入预算100.00万元。", own="")
    assert not one("湖州市卫生健康委员会2026年收入预算100.00万元。湖州市卫生健康委员会2026年支出预算100.00万元。",
                   own="湖州市交通运输局2026年收入预算100.00万元。")
