"""Document meta from the title and the 部门 lines (fictional 示例市测绘局)."""

from __future__ import annotations

from cnbudget.narrative import extract_meta

BUDGET = """2025年度示例市测绘局（本级）预算公开

2025 年 2 月

编制部门：示例市测绘局（本级）

单位：万元
"""

FINAL = """示例市测绘局
2023 年度部门决算

2022年末，我部门共有车辆1辆。

纳入本部门 2023 年度部门决算编制范围的单位共 3 个：
"""


def test_budget_meta(doc_of):
    meta = extract_meta(doc_of(BUDGET), [])
    assert meta.department == "示例市测绘局"
    assert meta.region == "示例市"
    assert meta.year == 2025  # not the publication date
    assert meta.kind == "budget"
    assert meta.scope == "unit"
    assert meta.unit == "万元"
    assert meta.title == "2025年度示例市测绘局(本级)预算公开"


def test_final_meta_title_over_two_lines(doc_of):
    meta = extract_meta(doc_of(FINAL), [])
    assert meta.title == "示例市测绘局 2023 年度部门决算"
    assert meta.year == 2023  # not "2022年末"
    assert meta.kind == "final"
    assert meta.scope == "consolidated"  # 单位共 3 个


def test_county_region(doc_of):
    meta = extract_meta(doc_of("# 2024年度\n\n# 样县测绘局部门决算\n\n部门：样县测绘局\n"), [])
    assert meta.department == "样县测绘局"
    assert meta.region == "样县"
    assert meta.year == 2024


def test_department_from_votes_when_title_has_none(doc_of):
    text = "部门预算公开\n\n部门：示例市测绘局 单位：万元\n\n部门：示例巿测绘同\n\n部门：示例市测绘局\n"
    assert extract_meta(doc_of(text), []).department == "示例市测绘局"


UNIT_BUDGET = """示例市2026年市级单位预算

预算单位：示例市职业能力考试院

单位：元
"""


def test_a_unit_budget_is_the_units_own(doc_of):
    # the title names only the city; the unit's name stands on its 预算单位 line
    meta = extract_meta(doc_of(UNIT_BUDGET), [])
    assert meta.department == "示例市职业能力考试院"
    assert meta.region == "示例市"
    assert meta.unit == "元"  # "单位：元" is no unit's name


PART_TITLE = """第一部分 2026 年度部门预算情况说明

一、部门情况说明

（一）本部门职责情况

示例市审计局贯彻落实党中央关于审计工作的方针政策，主要职责是：
"""


def test_a_part_title_names_no_department_its_duties_do(doc_of):
    meta = extract_meta(doc_of(PART_TITLE), [])
    assert meta.department == "示例市审计局"
    assert meta.year == 2026


def test_a_region_ended_by_shi_is_whole(doc_of):
    # the 市 after 示例市 opens the organ's name (市场监督管理局); after 样州 it ends the city's
    meta = extract_meta(doc_of("# 2026年示例市市场监督管理局部门预算\n\n部门：示例市市场监督管理局\n"), [])
    assert meta.department == "示例市市场监督管理局"
    assert meta.region == "示例市"
    meta = extract_meta(doc_of("# 2026年样州市测绘局部门预算\n\n部门：样州市测绘局\n"), [])
    assert meta.region == "样州市"


def test_a_performance_target_table_alone_is_of_a_budget(doc_of):
    # 广州 (corpus c095): "…2026年项目支出绩效目标表" names neither 预算 nor 决算; targets are set
    # with the budget
    meta = extract_meta(doc_of("# 示例市生态环境局2026年项目支出绩效目标表\n\n部门名称：示例市生态环境局\n"), [])
    assert (meta.year, meta.kind) == (2026, "budget")
    assert extract_meta(doc_of("# 示例市生态环境局2025年项目支出绩效自评表\n\n部门名称：示例市生态环境局\n"), []).kind is None
