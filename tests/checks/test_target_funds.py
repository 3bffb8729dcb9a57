"""claim.target_funds_slip: the funds of the projects with targets one digit off the tables."""

from __future__ import annotations

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
