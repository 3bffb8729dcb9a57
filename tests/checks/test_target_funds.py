"""claim.target_funds_slip: the funds of the projects with targets one digit off the tables."""

from __future__ import annotations

from dataclasses import replace

import pytest

from cnbudget.checks.target_funds import one_digit_apart
from tests.checks.conftest import C, D, T, run

RULE = "claim.target_funds_slip"
# 烟台 2026 (corpus c185 p35)
SENTENCE = "2026年政策和项目全面实施绩效目标管理，涉及一级预算项目33个，预算资金{}万元，其中财政拨款{}万元。"
TABLES = (T("expenditure", "total basic project", ("total", "12000.00", "2255.58", "9744.42")),
          T("general_expenditure", "total basic project", ("total", "9000.00", "2256.58", "6743.42")))


def found(whole: str, fiscal: str):
    text = SENTENCE.format(whole, fiscal)
    claims = [C(1, "amount", whole, subject="预算资金", text=text),
              C(2, "amount", fiscal, subject="财政拨款", text=text, related={"whole": 1})]
    return run(D(*TABLES, claims=claims), RULE)


def test_figures_one_digit_off_the_project_totals_are_found():
    f = found("9754.42", "6733.42")
    assert [(x.severity, x.table, str(x.expected)) for x in f] == [
        ("warning", "expenditure", "9744.42"), ("warning", "general_expenditure", "6743.42")]
    assert "9754.42" in f[0].message and "9744.42" in f[0].message


@pytest.mark.parametrize("whole,fiscal", [
    ("9744.42", "6743.42"),  # the tables' own figures
    ("9800.00", "6000.00"),  # other scopes (the projects that filed targets): nothing to say
    ("9744.4", "6743"),  # fewer places printed: the same figures rounded
])
def test_figures_matching_a_total_or_far_from_all_are_not_found(whole, fiscal):
    assert not found(whole, fiscal)


def test_a_figure_of_another_statement_is_not_read():
    claims = [C(1, "amount", "9754.42", subject="项目支出", text="项目支出9754.42万元，主要用于文化旅游活动。")]
    assert not run(D(*TABLES, claims=claims), RULE)


def test_one_digit_apart():
    assert one_digit_apart("9754.42", "9744.42") and one_digit_apart("4252.80", "4256.80")
    assert not one_digit_apart("9754.42", "9744.43") and not one_digit_apart("975.44", "9754.4")
    assert not one_digit_apart("9744.42", "9744.42")


# -- claim.target_funds_count: as many projects as the 项目支出表 lists, and their money -------

COUNT_RULE = "claim.target_funds_count"
# 烟台 2026 (corpus c176 p31): the 10 projects of the table add up to 933.00
PROJECTS = T("projects", "total fiscal unit_funds",
             ("total", "933.00", "930.00", "3.00"),
             ("公车统管费用", "15.00", "15.00", None), ("司法行政业务经费", "160.00", "160.00", None),
             ("法律援助经费", "758.00", "755.00", "3.00"))


def counted(n: str, money: str, *tables):
    text = f"2026年政策和项目全面实施绩效目标管理，涉及一级预算项目{n}个，预算资金{money}万元。"
    claims = [C(1, "count", n, unit="个", subject="涉及一级预算项目", text=text),
              C(2, "amount", money, subject="预算资金", text=text)]
    return run(D(*(tables or (PROJECTS,)), claims=claims), COUNT_RULE)


def test_money_of_as_many_projects_as_the_table_lists_is_theirs():
    f = counted("3", "1606.28")
    assert [(x.severity, x.table, str(x.expected)) for x in f] == [("warning", "projects", "933.00")]
    assert "1606.28" in f[0].message and "933.00" in f[0].message
    # their total, or one source's column, is what the statement may give
    assert not counted("3", "933.00") and not counted("3", "930") and not counted("3", "930.00")
    # another number of projects: another set (the projects that filed targets, or a sample)
    assert not counted("2", "1606.28")


def test_a_table_that_leaves_rows_out_is_met_by_its_rows():
    # 烟台 2026 (corpus c174 p24): 合计 525.00 over three printed rows of 235.00 (a 涉密 project left out)
    shown = T("projects", "total", ("total", "525.00"), ("公车统管", "15.00"), ("大厅运行", "145.00"), ("业务经费", "75.00"))
    assert not counted("3", "235", shown) and not counted("3", "525", shown)
    assert counted("3", "300", shown)


def _target_list(*rows: tuple[str, str]):
    """A 绩效目标表 printed as a list of projects: 项目名称 / 金额 / 绩效目标, one project a row."""
    t = T("performance_targets", "total", *rows)
    return replace(t, rows=tuple(replace(r, texts={"项目名称": r.name, "绩效目标": "按期完成"}) for r in t.rows))


def test_a_target_table_listing_as_many_projects_is_theirs_too():
    listed = _target_list(("档案数字化", "120.00"), ("信息系统运维", "80.50"), ("业务培训", "30.00"))
    f = counted("3", "231.50", listed)
    assert [(x.table, str(x.expected)) for x in f] == [("performance_targets", "230.50")]
    assert not counted("3", "230.50", listed) and not counted("4", "231.50", listed)


def test_a_projects_own_target_form_lists_no_projects():
    # one project's form: its rows are its funds (项目资金 / 其中：财政拨款 / 其他资金), not projects
    form = T("performance_targets", "total fiscal other",
             ("项目资金（万元）", "500.00", None, None), ("其中：财政拨款", None, "500.00", None),
             ("其他资金", None, None, "0.00"))
    assert not counted("3", "531.00", form)
