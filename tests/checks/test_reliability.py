"""verify.unreliable_table: systemic failures mark a table as misread; local ones stay errors."""

from __future__ import annotations

from cnbudget.checks import check_disclosure
from tests.checks.conftest import D, T


def _rules(report) -> set[tuple[str, str | None]]:
    return {(f.rule, f.severity) for f in report.findings}


def test_a_column_read_as_nothing_makes_the_table_unreliable():
    # 项目支出 printed in the total row but every item's cell lost: a misread, not 40 errors
    t = T("general_expenditure", "total basic project",
          ("total", "100.00", "60.00", "40.00"),
          ("2010101", "50.00", "30.00", None),
          ("2010102", "50.00", "30.00", None))
    rep = check_disclosure(D(t))
    assert ("verify.unreliable_table", "info") in _rules(rep)
    assert not [f for f in rep.findings if f.severity in ("error", "warning") and f.table == "general_expenditure"]
    msg = next(f.message for f in rep.findings if f.rule == "verify.unreliable_table")
    assert "项目支出" in msg or "project" in msg
    assert rep.coverage.tables == 1 and rep.coverage.tables_verified == 0


def test_a_total_row_missing_its_parts_in_every_column_is_a_lost_page():
    # rows of a continuation page not joined: the total misses its parts in all three columns
    t = T("general_expenditure", "total basic project",
          ("total", "300.00", "180.00", "120.00"),
          ("2010101", "50.00", "30.00", "20.00"),
          ("2010102", "50.00", "30.00", "20.00"))
    rep = check_disclosure(D(t))
    assert ("verify.unreliable_table", "info") in _rules(rep)
    assert not [f for f in rep.findings if f.rule.startswith("sum.") and f.severity == "error"]


def test_one_wrong_cell_stays_an_error():
    # a local error: one item's figure changed, its row and the total fail, nothing systemic
    t = T("general_expenditure", "total basic project",
          ("total", "100.00", "60.00", "40.00"),
          ("2010101", "50.00", "30.00", "20.00"),
          ("2010102", "51.00", "30.00", "20.00"))
    rep = check_disclosure(D(t))
    assert ("verify.unreliable_table", "info") not in _rules(rep)
    assert ("sum.columns", "error") in _rules(rep)
    assert rep.coverage.tables_verified == rep.coverage.tables == 1
    assert rep.coverage.rows_verified == rep.coverage.rows == 3


def test_one_missing_figure_adding_into_several_columns_stays_an_error():
    # a project's 一般公共预算 figure missing from the rows: 合计, 小计 and 一般公共预算 all show
    # the same gap of 199.00 — one local error, reported, not a misread table
    t = T("projects", "total current_total general_budget",
          ("total", "1199.00", "1199.00", "1199.00"),
          ("项目甲", "500.00", "500.00", "500.00"),
          ("项目乙", "500.00", "500.00", "500.00"))
    rep = check_disclosure(D(t))
    assert ("verify.unreliable_table", "info") not in _rules(rep)
    assert ("sum.rows", "error") in _rules(rep)
